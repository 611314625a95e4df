# The messages of findings, in every output format (`vsm check`, SARIF, GitHub, JUnit, JSON).

## VSM101 no-value-item

no-value-item = 階段 `{ $stage }` 沒有交付任何價值項：它沒有為客戶增加價值
no-value-item-help = 新增 `value_items:`，寫明客戶在此獲得什麼；或者刪除該階段，或將其與相鄰階段合併

## VSM009 empty-value-stream

empty-value-stream-no-stages = 價值流 `{ $stream }` 沒有 `stages`
empty-value-stream-empty-stages = 價值流 `{ $stream }` 的 `stages` 是空的
empty-value-stream-help = 將價值流切分為若干階段，每個階段寫明它增加的價值

## VSM010 capability-cycle

capability-cycle = `{ $capability }` 的上層業務能力形成循環：{ $chain } → { $capability }
capability-cycle-help = 第一層業務能力沒有 `parent`：刪除最頂層那個業務能力的 `parent`

## VSM011 level-mismatch

level-mismatch = `{ $capability }` 在上層鏈中位於第 { $actual } 層，而不是第 { $written } 層
level-mismatch-help = 寫成 `level: { $actual }`，或刪除 `level`（它由 `parent` 推導而來）

## VSM012 stage-flow

stage-flow-other-stream = `{ $stage }` 是價值流 `{ $other }` 的階段；`next` 只能指向 `{ $stream }` 內部的階段
stage-flow-other-stream-help = 價值流之間透過觸發或服務承諾交接，而不是透過 `next`
stage-flow-unreached = 從 `{ $stream }` 的第一個階段出發，永遠無法到達階段 `{ $stage }`
stage-flow-unreached-help = 它前面的某個 `next` 跳過了它：把它加入那個 `next`，或刪除該階段
stage-flow-loop = 階段流轉在 { $stages } 之間循環，始終無法到達 `{ $stream }` 的終點
stage-flow-loop-help = 為循環中的某個階段加上一個通往循環之外的 `next`，或用 `next: []` 結束該價值流

## VSM013 commitment-cycle

commitment-cycle = `{ $commitment }` 的子承諾經由 { $members } 循環回到它自身
commitment-cycle-help = 子承諾必須是更低一級的服務承諾：刪除這個子承諾，或刪除那個指回來的子承諾

## VSM014 commitment-over-budget

commitment-over-budget-sequential = `{ $commitment }` 承諾 { $target }，但其子承諾合計 { $used }（{ $parts }）
commitment-over-budget-parallel = `{ $commitment }` 承諾 { $target }，但其最長的子承諾需要 { $used }
commitment-over-budget-sequential-help = 將子承諾縮短 { $excess }，或放寬目標（如果它們同時進行，可標註 `composition: parallel`）
commitment-over-budget-parallel-help = 將子承諾縮短 { $excess }，或放寬目標
commitment-over-budget-part = `{ $part }`：{ $target }

## VSM102 unsupported-value-item

unsupported-value-item = 價值項「{ $item }」沒有任何業務能力支撐
unsupported-value-item-help = 列出交付它的業務能力：寫在價值項上（`capabilities:`）或寫在階段上

## VSM103 missing-entry-conditions

missing-entry-conditions = 階段 `{ $stage }` 沒有入口條件
missing-entry-conditions-help = 新增 `entry_conditions:`，寫明階段開始前必須滿足的條件

## VSM104 missing-exit-conditions

missing-exit-conditions = 階段 `{ $stage }` 沒有出口條件
missing-exit-conditions-help = 新增 `exit_conditions:`，寫明階段完成時已滿足的條件

## VSM105 no-participants

no-participants = 階段 `{ $stage }` 沒有列出參與的利害關係人
no-participants-help = 新增 `stakeholders:`，列出參與其中的內部或外部各方

## VSM106 stage-without-capability

stage-without-capability = 階段 `{ $stage }` 沒有使用任何業務能力
stage-without-capability-help = 在 `capabilities:` 下列出它需要的業務能力（寫在階段或其價值項上）

## VSM107 trigger-not-involved

trigger-not-involved = `{ $trigger }` 觸發了 `{ $stream }`，卻沒有參與其中任何一個階段
trigger-not-involved-help = 在觸發方參與的階段的 `stakeholders:` 下列出它

## VSM108 perception-scale-mismatch

perception-scale-mismatch-mixed = 客戶感知點 `{ $perception }` 混用了 0–5 與 0–100 兩種評分尺度（{ $scored ->
        [current] 目前值 { $current }
        [expected] 期望值 { $expected }
       *[both] 目前值 { $current }，期望值 { $expected }
    }）：其差距沒有意義
perception-scale-mismatch-other = 客戶感知點 `{ $perception }` 以 { $scale } 評分（{ $scored ->
        [current] 目前值 { $current }
        [expected] 期望值 { $expected }
       *[both] 目前值 { $current }，期望值 { $expected }
    }），而模型中的其他感知點以 { $model_scale } 評分
perception-scale-mismatch-help = 模型中的所有客戶感知點都應以 { $scale } 評分

## VSM109 commitment-beyond-flow

commitment-beyond-flow = `{ $commitment }` 承諾 { $target }，但依模型中的時間，階段 `{ $stage }` 需要 { $lead }（{ $drawn ->
        [process] 處理時間 { $process }
        [wait] 等待時間 { $wait }
       *[both] 處理時間 { $process } + 等待時間 { $wait }
    }）
commitment-beyond-flow-help = 將該階段縮短 { $excess }（先縮短等待時間），或只承諾流程能夠做到的目標
commitment-beyond-flow-process-time = 處理時間：{ $time }
commitment-beyond-flow-wait-time = 等待時間：{ $time }

## VSM110 stage-without-it-support

stage-without-it-support = 階段 `{ $stage }` 沒有資訊系統支援：{ $n ->
        [1] 支撐它的唯一業務能力 { $capabilities } 為
       *[other] 支撐它的全部 { $n } 項業務能力（{ $capabilities }{ $more ->
            [0] {""}
           *[other] {" "}等
        }）皆為
    } `enablement: manual`
stage-without-it-support-help = 這是數位化賦能的候選對象；如果已有系統支援其中部分工作，請在階段上列出相應的業務能力
stage-without-it-support-manual = 人工

## VSM201 unused-capability

unused-capability = 業務能力 `{ $capability }` { $below ->
        [0] 沒有
       *[other] 及其下層的 { $below } 項業務能力都沒有
    }被任何階段、價值項、業務流程或流程步驟使用
unused-capability-help = 在需要它的地方連結它（階段或價值項的 `capabilities`），或刪除它
unused-capability-branch-help = 在需要這些業務能力的地方連結它們（階段或價值項的 `capabilities`），或刪除整個分支

## VSM202 unused-process

unused-process = 業務流程 `{ $process }` 沒有實現任何階段
unused-process-help = 在它所實現的階段的 `processes:` 下列出它，或刪除它

## VSM203 unused-information

unused-information = 資訊項 `{ $information }` 沒有被任何階段、業務流程或流程步驟使用
unused-information-help = 在需要它的地方的 `information:` 下列出它，或刪除它

## VSM204 unused-business-object

unused-business-object = 業務物件 `{ $object }` 沒有被任何階段、資訊項或其他業務物件引用
unused-business-object-help = 圍繞它組織資訊項（`business_object:`），在階段上列出它，或刪除它

## VSM205 process-without-owner

process-without-owner = 業務流程 `{ $process }` 沒有負責人
process-without-owner-help = 新增 `owner:`，寫明端到端對它負責的利害關係人
process-without-owner-named-step = 業務流程 `{ $process }` 的流程步驟「{ $step }」沒有負責人
process-without-owner-numbered-step = 業務流程 `{ $process }` 的第 { $position } 個流程步驟沒有負責人
process-without-owner-step-help = 為該步驟新增 `owner:`，寫明負責它的部門或角色

## VSM206 information-without-object

information-without-object = 資訊項 `{ $information }` 沒有圍繞任何業務物件組織
information-without-object-help = 新增 `business_object:`，寫明它所描述的業務物件

## VSM207 missing-description

missing-description = { $kind ->
        [stakeholder] 利害關係人
        [value-stream] 價值流
        [stage] 階段
        [capability] 業務能力
        [process] 業務流程
        [information] 資訊項
        [business-object] 業務物件
        [commitment] 服務承諾
       *[perception] 客戶感知點
    } `{ $id }` 沒有描述
missing-description-help = 新增 `description:`，用一句話說明它是什麼
missing-description-stage = 階段 `{ $stage }` 沒有描述
missing-description-stage-help = 新增 `description:`，說明該階段中發生了什麼

## VSM208 maturity-gap

maturity-gap = `{ $capability }` 的目標成熟度為 { $target }，但目前成熟度已達到 { $current }
maturity-gap-current = 目前成熟度
maturity-gap-help = `maturity` 與 `target_maturity` 是否寫反了？

## VSM209 commitment-without-owner

commitment-without-owner = 服務承諾 `{ $commitment }` 沒有負責人
commitment-without-owner-help = 新增 `owner:`，寫明對它負責的部門或角色

## VSM210 focus-perception-uncovered

focus-perception-uncovered = 重點感知點 `{ $perception }` 沒有任何服務承諾回應
focus-perception-uncovered-help = 新增一個以 `perception:` 指向它的服務承諾，或拿掉 `focus: true`

## VSM211 unused-stakeholder

unused-stakeholder = 利害關係人 `{ $stakeholder }` 沒有被任何階段、觸發方、業務流程、流程步驟、服務承諾或業務能力引用
unused-stakeholder-help = 在它參與的地方（階段的 `stakeholders`）或它負責的地方（`owner:`）引用它，或刪除它

## VSM212 confusable-ids

confusable-ids = { $kind ->
        [stakeholder] 利害關係人
        [value-stream] 價值流
        [stage] 階段
        [capability] 業務能力
        [process] 業務流程
        [information] 資訊項
        [business-object] 業務物件
        [commitment] 服務承諾
       *[perception] 客戶感知點
    } `{ $id }` 看起來與 `{ $other }` 幾乎一樣
confusable-ids-detail = { $kind ->
        [stakeholder] 利害關係人
        [value-stream] 價值流
        [stage] 階段
        [capability] 業務能力
        [process] 業務流程
        [information] 資訊項
        [business-object] 業務物件
        [commitment] 服務承諾
       *[perception] 客戶感知點
    } `{ $id }` 看起來與 `{ $other }` 幾乎一樣（{ $chars }）
confusable-ids-label = 與它相像的識別碼
confusable-ids-help = 重新命名其中一個；如果兩者是同一個元素，則將其合併

## VSM213 missing-flow-times

missing-flow-times = 階段 `{ $stage }` 沒有處理時間或等待時間，而 `{ $stream }` 的 { $total } 個階段中有 { $timed } 個已填寫
missing-flow-times-help = 新增 `process_time:` 與 `wait_time:`，使該價值流的前置時間不只是一個下限
