# vsm 的使用者可讀文字，繁體中文（臺灣用法）。術語見 docs/glossary.md。
# 規則代碼、規則名稱、JSON 鍵與命令列參數不是訊息，在所有語言中維持英文。

## 單位：時長從天寫到秒（「2 天 4 小時」）。

unit-day = {$n} 天
unit-hour = {$n} 小時
unit-minute = {$n} 分鐘
unit-second = {$n} 秒

## 報告（HTML 與 Markdown）：標題與章節名稱。

report-default-title = 價值流報告
report-wrote = 已寫入 {$file}（{$size}；{$streams}、{$stages}；{$findings}），用時 {$ms} 毫秒
report-wrote-streams = {$n} 個價值流
report-wrote-stages = {$n} 個階段
report-wrote-separator = 、
report-model = 模型：{$name}
report-owner = 負責人：{$owner}
report-version = 版本：{$version}
report-contents = 目錄
section-overview = 概覽
section-value-streams = 價值流
section-findings-by-severity = 依嚴重程度統計的檢查結果
section-flagged-stages = 需關注的階段
section-stage-flow = 階段流轉
section-stages = 價值流階段
section-mapping = 對應
section-flow-figures = 流動指標
section-stage-by-capability = 階段 × 業務能力
section-stage-heat-map = 階段熱力圖
section-cross-mapping-heat-map = 交叉對應熱力圖
section-capability-heat-map = 能力熱力圖
section-capability-inventory = 業務能力清單
section-capability-uses = 各業務能力的使用位置
section-priorities = 優先順序
section-priority-quadrant = 優先順序象限
section-ranked-by-risk = 依風險排序
section-commitments = 服務承諾
section-perceptions = 客戶感知點
section-processes = 業務流程
section-stakeholders = 利害關係人
section-information = 資訊
section-handoffs = 交接
section-findings = 檢查結果

## 報告：空狀態與各章節的引導語。

empty-value-streams = 模型中沒有價值流。
empty-stages = 此價值流沒有階段。
empty-stage-capabilities = 此價值流的階段皆未使用業務能力。
empty-priorities = 沒有同時具有重要性與成熟度差距的業務能力。
empty-commitments = 模型中沒有服務承諾。
empty-perceptions = 模型中沒有客戶感知點。
empty-processes = 模型中沒有業務流程。
empty-stakeholders = 模型中沒有利害關係人。
empty-information = 模型中沒有資訊項。
empty-handoffs = 沒有階段流向另一個階段。
empty-findings = 沒有檢查結果：模型通過了所有啟用的規則。
empty-flagged = 沒有需關注的階段：每個階段都創造價值且沒有檢查結果。
intro-flagged = 不創造價值的階段（沒有價值項：可考慮刪除或合併）排在前面，其後是有其他檢查結果的階段。
intro-heat-map = 依{$measure}著色。一級業務能力以粗體顯示，其下級能力縮排列於下方。「_無資料_」表示該能力缺少{$needs}。
intro-commitments = 每個一級服務承諾之後列出分解它的子承諾（縮排）。預算使用：子承諾的時長目標（相加；並行的子承諾取最長者）與上級承諾目標之比。
intro-perceptions = 重點感知點以 ★ 與粗體標示；差距 = 期望值 − 目前值。
intro-quadrant = 依策略重要性與成熟度差距放置業務能力：先處理「立即行動」。
intro-processes = 每個端到端流程（粗體）及其負責人、本身的業務能力與資訊、它實現的階段（列出該流程的階段），其後依序列出其步驟。
intro-stakeholders = 誰在何處參與：依價值流，{$legend}。接著是每位利害關係人負責的內容。
intro-information = 每個資訊項及其所圍繞的業務物件，以及使用它的階段、流程與流程步驟。
intro-handoffs = 階段流轉的每一條邊：移交階段的出口條件與接手階段的入口條件並列（滿足出口條件即觸發下一階段）。{$summary}

## 報告：表頭、標記與計數。

col-element = 元素
col-count = 數量
col-value-stream = 價值流
col-stage = 階段
col-why = 原因
col-severity = 嚴重程度
col-rule = 規則
col-finding = 檢查結果
col-where = 位置
col-perception-point = 客戶感知點
col-channel = 通路
col-importance = 重要性
col-current = 目前值
col-expected = 期望值
col-gap = 差距
col-answered-by = 對應的服務承諾
count-value-streams = 價值流
count-stages = 價值流階段
count-no-value-stages = 不創造價值的階段
count-value-items = 價值項
count-capabilities = 業務能力
count-processes = 業務流程
count-information = 資訊項
count-business-objects = 業務物件
count-commitments = 服務承諾
count-perceptions = 客戶感知點
count-focus-perceptions = 重點客戶感知點
count-stakeholders = 利害關係人
badge-no-value-item = ⚠ 無價值項
badge-no-commitment = ⚠ 無服務承諾
findings-label = 檢查結果：
finding-help = 建議：{$help}
severity-errors = {$n} 個錯誤
severity-warnings = {$n} 個警告
severity-infos = {$n} 個提示
generated-by = 由 vsm {$version} 產生。

## HTML 報告自己的措辭。

tag-no-value-item = 無價值項
tag-no-commitment = 無服務承諾
tag-focus = ★ 重點
intro-heat-map-html = 依{$measure}著色。一級業務能力為欄，其下級能力巢狀於內。灰色斜線表示該能力缺少資料（{$needs}）。
intro-quadrant-html = 依策略重要性與成熟度差距放置業務能力：先處理右上角（立即行動）。
intro-commitments-html = 每個一級服務承諾之後列出分解它的子承諾。預算使用：子承諾的時長目標（相加；並行的子承諾取最長者）與上級承諾目標之比。
intro-perceptions-html = 依重要性、目前體驗與期望體驗評分的客戶接觸點。重點感知點醒目顯示；差距 = 期望值 − 目前值。
intro-processes-html = 每個端到端流程及其負責人、本身的業務能力與資訊、它實現的階段（列出該流程的階段），其後依序列出其步驟。
footer-html = 由 vsm {$version} 根據 {$n} 個模型檔案產生。本頁不含指令碼，也不載入任何內容。

## HTML 報告的統計卡片。

card-value-streams = 價值流
card-stages = 價值流階段
card-no-value-stages = 不創造價值的階段
card-value-items = 價值項
card-capabilities = 業務能力
card-processes = 業務流程
card-information = 資訊項
card-business-objects = 業務物件
card-commitments = 服務承諾
card-stakeholders = 利害關係人
card-errors = 錯誤
card-warnings = 警告
card-infos = 提示
card-perceptions = 客戶感知點（{$focus} 個重點）

## 價值流的流動指標（flow 檢視）。

flow-loops = 階段流轉存在循環（VSM012）：無法計算路徑指標。
flow-no-times = 沒有階段填寫處理時間或等待時間。
flow-critical-path = 關鍵路徑：{$path}
flow-lead-time = 前置時間：{$time}
flow-untimed = ，{$count} 個階段中有 {$n} 個沒有時間
flow-process-time = 處理時間：{$time}
flow-efficiency = 流動效率：{$percent}
flow-efficiency-partial = 流動效率：{$percent}（僅計有時間的階段）
flow-shortest = 最短路徑前置時間：{$time}
flow-col-number = #
flow-col-process = 處理時間
flow-col-wait = 等待時間
flow-col-lead = 前置時間
flow-col-share = 占比
flow-col-critical = 關鍵路徑
flow-no-times-cell = 無時間

## 價值流的階段（stages 檢視）。

stages-no-trigger = （無）
stages-trigger = 觸發方：{$trigger}
stages-value-proposition = 價值主張：{$text}
stages-segment = 客群：{$text}
stages-col-description = 說明
stages-col-stakeholders = 利害關係人
stages-col-entry-conditions = 入口條件
stages-col-exit-conditions = 出口條件
stages-col-value-items = 價值項
stages-no-value = ⚠ 無：不創造價值
stages-html-trigger = 觸發方
stages-html-none = 無
stages-html-value-proposition = 價值主張
stages-html-segment = 客群

## HTML 報告：圖表下方的說明。

html-note-no-value-dashed = 琥珀色虛線：沒有價值項的階段，可考慮刪除或合併。
html-note-flow-process = 處理時間
html-note-flow-wait = 等待時間；依關鍵路徑上的階段列出，以最長階段為比例（很短的階段保留幾個像素）；虛線：沒有時間的階段。
html-intro-findings = 與 <span class="code">vsm check</span> 的報告相同；<span class="code">vsm explain CODE</span> 說明每條規則。
html-intro-capability-uses = 直接使用該業務能力、或在價值項或流程步驟中使用它的階段（連結到價值流階段表中的對應列）與流程。上級能力也透過其下級能力被使用；vsm impact ID 會列出全部。
html-used-below = 僅透過其下級能力使用
html-not-used = 未使用
