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

## VSM101 no-value-item

no-value-item = 階段 `{ $stage }` 沒有交付任何價值項：它沒有為客戶增加價值
no-value-item-help = 新增 `value_items:`，寫明客戶在此獲得什麼；或者刪除該階段，或將其與相鄰階段合併
