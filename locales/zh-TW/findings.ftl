# The messages of findings, in every output format (`vsm check`, SARIF, GitHub, JUnit, JSON).

## `vsm check` 在檢查結果周圍的措辭（人讀格式）：嚴重程度、建議、彙總。

check-error = 錯誤
check-warning = 警告
check-info = 提示
check-help = 建議
check-no-findings = 沒有檢查結果
check-summary = 已檢查 {$files} 個檔案（{$streams} 個價值流、{$stages} 個階段、{$elements} 個元素）：{$findings}，耗時 {$ms} 毫秒
check-summary-counts = {$errors}、{$warnings}、{$infos}
check-skipped = ；略過了 {$n} 個不含模型區段的 YAML 檔案（{$listed}）
check-skipped-listed = 已在上方列出
check-skipped-verbose = --verbose 會列出它們
check-skipped-file = 已略過 `{$path}`：{$why}
check-skip-no-model-section = 它不含模型區段
check-skip-config = 它是 vsm 設定檔
check-held-back = 暫不顯示 {$n} 筆檢查結果：它們可能源自 {$names} 中無法讀取的部分；請先修正該部分
check-and = {$rest} 和 {$last}
check-suppressed = 抑制註解隱藏了 {$n} 筆檢查結果。
check-baseline-written = 已將 {$n} 筆檢查結果寫入基準線 `{$file}`；使用 --baseline {$file} 執行時只回報新的檢查結果。
check-baseline-hid = 基準線 `{$file}` 隱藏了 {$n} 筆檢查結果
check-baseline-stale = ；其中 {$n} 個項目已不再出現（已過時）：請用 --write-baseline {$file} 重新整理
check-changed-since = 只回報了自 `{$since}` 以來變更過的 {$changed} 個檔案（共 {$total} 個）中的檢查結果。

## 載入器和解析器的訊息中嵌入的詞：元素種類、YAML 節點的類型。

kind-stakeholder = 利害關係人
kind-value-stream = 價值流
kind-stage = 階段
kind-capability = 業務能力
kind-process = 業務流程
kind-information = 資訊項
kind-business-object = 業務物件
kind-commitment = 服務承諾
kind-perception = 客戶感知點
kind-a-stakeholder = 利害關係人
kind-a-value-stream = 價值流
kind-a-stage = 階段
kind-a-capability = 業務能力
kind-a-process = 業務流程
kind-a-information = 資訊項
kind-a-business-object = 業務物件
kind-a-commitment = 服務承諾
kind-a-perception = 客戶感知點
found-list = 清單
found-mapping = 映射
found-alias = 別名
found-null = 空值（null）
found-boolean = 布林值
found-integer = 整數
found-number = 數字
found-text = 文字

## VSM001–VSM008、VSM015、VSM016：載入器、解析器和抑制註解。

did-you-mean = 是否想寫 `{$candidate}`？
explain-lists-rules = `vsm explain` 會列出所有規則
first-written-here = 第一次寫在這裡
first-defined-here = 第一次定義在這裡
invalid-yaml = YAML 無效：{$error}
unknown-field = 未知的{ $what ->
        [section] 模型區段
       *[other] 欄位
    } `{$key}`
unknown-field-known = 已知的{ $what ->
        [section] 模型區段
       *[other] 欄位
    }：{$known}
file-not-a-mapping = 模型檔案必須是由模型區段組成的映射，但此文件是{$found}
file-not-a-mapping-help = 以下列模型區段之一開始檔案：{$sections}
key-not-text = 鍵必須是文字，不能是{$found}
key-written-twice = `{$key}` 在此映射中寫了兩次
key-written-twice-help = YAML 只保留其中一個：請合併兩者或重新命名其中一個
merge-key-not-a-mapping = 合併鍵 `<<` 的值應為映射或映射清單，實際是{$found}
merge-key-not-a-mapping-help = 寫成 `<<: *anchor`，使用某個映射的錨點
section-not-a-mapping = `{$field}` 應為從 id 到元素的映射，實際是{$found}
section-not-a-mapping-help = `{$field}` 是以 id 為鍵的映射，不是清單：在 `{$field}:` 下縮排寫 `{$id}: {"{"}{$name}: ...{"}"}`，不要寫 `- `
id-written-twice-nfc = `{$id}` 在此映射中以兩種 Unicode 形式寫了兩次
id-written-twice-nfc-help = id 依 Unicode NFC 形式比較：請合併兩者或重新命名其中一個
id-defined-twice = {$kind} `{$id}` 定義了兩次
id-defined-twice-help = 同一種類的 id 在所有檔案中必須唯一：請重新命名或合併其中一個
model-section-twice = `{$section}` 區段寫了兩次
model-section-twice-help = 一個模型最多只有一個 `{$section}` 區段：請合併它們
model-section-twice-keep-one = 一個模型最多只有一個 `{$section}` 區段：請只保留一個
element-has-no-field = {$kind} `{$id}` 沒有 `{$field}`
missing-name-help = 新增 `{$field}:`，寫一個簡短易讀的名稱
missing-trigger-help = 新增 `{$field}:`，寫明其需求啟動該價值流的利害關係人
value-item-has-no-name = 此價值項沒有 `{$field}`
value-item-has-no-name-help = 新增 `{$field}:`，寫明客戶獲得的價值
step-has-no-name = 此流程步驟沒有 `{$field}`
step-has-no-name-help = 新增 `{$field}:`，寫明該步驟做什麼
unknown-reference = 未知的{$kind} `{$id}`
wrong-kind-reference = `{$id}` 是{$other}，不是{$kind}
list-it-under = 請改為列在 `{$section}` 下
remove-the-spaces = 刪除 `{$id}` 兩側的空格
stage-reference-write = 階段的參照形式為 `stream/stage`：寫成 `{$stream}/{$stage}`
stage-reference-form = 階段的參照形式為 `stream/stage`
stream-has-no-stage = 價值流 `{$stream}` 沒有階段 `{$stage}`
cannot-switch-off = 不能關閉 {$code} {$rule}：沒有它就無法讀取模型
cannot-switch-off-help = 請改為修正問題；只有 VSM009 及以後的規則可以用 allow 關閉
cannot-suppress = 不能抑制 {$code} {$rule}：沒有它就無法讀取模型
cannot-suppress-help = 請改為修正問題；只有 VSM009 及以後的規則可以被抑制
not-a-rule-allow = `{$name}` 不是規則代碼或規則名稱
not-a-rule-comment = 抑制註解中的 `{$name}` 不是規則代碼或規則名稱
unused-suppression-file = 未使用的抑制：此檔案中沒有 {$code} {$rule} 檢查結果
unused-suppression-line = 未使用的抑制：它涵蓋的那一行沒有 {$code} {$rule} 檢查結果
unused-suppression-file-help = 從 `ignore-file` 註解中刪除它：`{$written}` 沒有隱藏任何內容
unused-suppression-line-help = 從註解中刪除它：`{$written}` 沒有隱藏任何內容
unused-suppression-only-help = 刪除該註解：它沒有隱藏任何內容
text-needs-quotes = 文字中的 `key: value` 需要加引號：把文字寫在 "..." 中
must-be-text = `{$field}` 必須是文字，實際是{$found}
must-be-a-list = `{$field}` 必須是清單，實際是映射
empty-entry = `{$field}` 中有一個空項目
empty-entry-help = 刪除它或寫一個 id
empty-id = `{$field}` 中有一個空 id
empty-id-help = 寫一個 id，或刪除該項目
expected-an-id = `{$field}` 中應為 id，實際是{$found}
must-be-one-id = `{$field}` 必須是一個 id，實際是{$found}
takes-one-id = `{$field}` 只接受一個 id
must-be-boolean = `{$field}` 必須是 true 或 false，實際是{$found}
yaml-1-2-write = YAML 1.2 把它讀作文字：請寫 `{$value}`
write-true-or-false = 請寫 `true` 或 `false`
not-a-valid-value = `{$value}` 不是有效的 `{$field}`
use-one-of = 請使用以下之一：{$values}
fields-as-a-mapping = 應為{$kind}（由欄位組成的映射），實際是{$found}
fields-as-a-mapping-help = 把欄位寫成映射，例如 `{"{"}name: {$name}{"}"}`

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
