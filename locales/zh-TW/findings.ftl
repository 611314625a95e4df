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
