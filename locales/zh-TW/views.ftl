# 報告與表格檢視的文字：表頭、圖例、說明、熱力圖。繁體中文（台灣用法），術語見 docs/glossary.md。
# 規則代碼、規則名稱、JSON 鍵、命令列參數和模型格式的列舉值（high、manual 等）不是訊息，保持英文。

## 表格：沒有任何列時的文字。

view-none = 無。
view-none-term = （無）
view-list-separator = ；

## 檢視的表頭（終端機、Markdown 與 HTML 報告）。

view-col-capability = 業務能力
view-col-level = 層級
view-col-maturity = 成熟度
view-col-target = 目標
view-col-gap = 差距
view-col-importance = 重要性
view-col-risk = 風險
view-col-owner = 負責人
view-col-enablement = 實現方式
view-col-stages = 階段
view-col-value-items = 價值項
view-col-processes = 業務流程
view-col-value-streams = 價值流
view-col-serves = 服務於

## 優先順序檢視。

view-priorities-ranked = 依風險排序：風險 = 重要性權重（low 1、medium 2、high 3、critical 4）× 成熟度差距；風險相同時，重要性高者在前，其次依業務能力樹的順序。
view-priorities-top = 共 {$count} 個已排序的業務能力，顯示前 {$n} 個。
view-priorities-met = {$n} 個已達成目標（差距 ≤ 0）的業務能力
view-priorities-no-data = {$n} 個缺少重要性或成熟度（目前、目標）的業務能力
view-priorities-not-ranked = 未排序：{$list}。
view-col-process-step = 業務流程 / 步驟
view-col-automated = 自動化
view-col-capabilities = 業務能力
view-col-information = 資訊
view-col-realises-stages = 實現的階段

## 業務流程檢視。

view-no-name = （無名稱）
view-yes = 是
view-no = 否
view-steps-automated = {$count} 個步驟中的 {$n} 個
view-col-stakeholder = 利害關係人
view-col-type = 類型
view-col-steps = 流程步驟
view-col-commitments = 服務承諾
view-col-trigger = 觸發方

## 利害關係人檢視。

view-stakeholders-legend = ★ 觸發該價值流 · ● 參與該階段
view-stakeholders-owns = 各利害關係人負責的內容
view-stakeholders-none = 沒有利害關係人。
view-stakeholders-not-involved = 沒有利害關係人觸發該價值流或參與其階段。
view-col-business-object = 業務物件
view-tag-unused = 未使用

## 交接檢視。

view-col-from-stage = 移交階段
view-col-to-stage = 接手階段
view-col-review = 待檢查
view-handoffs-no-exit = ⚠ 沒有出口條件
view-handoffs-no-entry = ⚠ 沒有入口條件
view-handoffs-no-conditions = ⚠ 雙方都沒有條件
view-handoffs-no-stage = 沒有階段，因此沒有交接。
view-handoffs-one-stage = 只有一個階段，因此沒有交接。
view-handoffs-all-met = {$n} 個交接，皆有出口條件和入口條件。
view-handoffs-review = {$n} 個交接；其中 {$flagged} 個一方或雙方缺少條件。
view-handoffs-summary-all-met = {$streams} 個價值流中共 {$n} 個交接；皆有出口條件和入口條件。
view-handoffs-summary-review = {$streams} 個價值流中共 {$n} 個交接；其中 {$flagged} 個一方或雙方缺少條件。
view-handoffs-none = 無

## 階段 × 業務能力矩陣。

view-matrix-legend = ● 階段直接列出該業務能力 · ○ 僅由其某個價值項使用
view-in-parent-loop = （處於上層循環中）
view-in-parent-loop-html = 處於上層循環中

## 服務承諾檢視。

view-col-commitment = 服務承諾
view-col-parts = 子承諾
view-col-budget-use = 預算使用
view-loop-mark = （循環）
view-tag-loop = 循環
view-budget-use = {$used} / {$limit}（{$percent}）
view-budget-line = {$used} / {$limit}，{$composition}
view-budget-over = ⚠ 超出預算 {$percent}（{$used} / {$limit}）
view-budget-over-html = 超出預算 {$percent}

## HTML 報告在這些章節中的措辭。

view-no-stage = 無階段
view-stages-no-value = {$n} 個不創造價值

## 熱力圖：著色依據、計算方式、業務能力所需的資料。

heatmap-title-gap = 成熟度差距（目標成熟度 − 目前成熟度）
heatmap-title-maturity = 目前成熟度（1–5）
heatmap-title-importance = 策略重要性
heatmap-title-usage = 使用量（使用該能力或其下層能力的階段、價值項、流程和步驟）
heatmap-title-risk = 風險（重要性權重 1–4 × 成熟度差距）
heatmap-formula-gap = 差距 = target_maturity − maturity
heatmap-formula-maturity = 成熟度 = 目前成熟度，1–5
heatmap-formula-importance = 重要性：low、medium、high 或 critical
heatmap-formula-usage = 使用量 = 使用該能力或其下層能力的階段 + 價值項 + 流程 + 步驟
heatmap-formula-risk = 風險 = 重要性權重（low 1、medium 2、high 3、critical 4）× max(差距, 0)
heatmap-class-met = 0 或以下（已達標）
heatmap-class-3-or-more = 3 以上
heatmap-class-unused = 0（未使用）
heatmap-class-6-or-more = 6 以上
heatmap-needs-gap = maturity 和 target_maturity
heatmap-needs-maturity = maturity
heatmap-needs-importance = importance
heatmap-needs-usage = 無
heatmap-needs-risk = importance、maturity 和 target_maturity

## 熱力圖：圖例。

heatmap-legend = 圖例：
heatmap-legend-md = 圖例：{$keys}
heatmap-formula = 公式：{$formula}
heatmap-no-data = 無資料
heatmap-cells = 儲存格：{$marks}
heatmap-legend-gap = 差距
heatmap-legend-maturity = 成熟度
heatmap-legend-importance = 重要性
heatmap-legend-usage = 使用量
heatmap-legend-risk = 風險
heatmap-measure-gap = 差距
heatmap-measure-maturity = 成熟度
heatmap-measure-importance = 重要性
heatmap-measure-usage = 使用量
heatmap-measure-risk = 風險

## 能力熱力圖。

heatmap-title-capabilities = 能力熱力圖：{$measure}
heatmap-no-capabilities-term = （沒有業務能力）
heatmap-no-capabilities = 沒有業務能力。
heatmap-col-heat = 熱度
heatmap-tooltip-maturity = 成熟度 {$maturity} → {$target}

## 交叉對應熱力圖。

heatmap-title-cross-map = 交叉對應熱力圖：{$measure}
heatmap-no-streams-term = （沒有價值流）
heatmap-stages-label = 階段：

## 階段熱力圖。

heatmap-title-stages = 階段熱力圖：{$measure}
heatmap-stages-explanation = 每個階段：依其直接使用或透過價值項使用的業務能力，計算{$what}的最大值和平均值（超過目標的能力以 0 計）；顏色取最大值。缺少資料的能力不計入，也不以 0 計。
heatmap-no-capability = 未使用業務能力
heatmap-capabilities-counted = {$n} 個業務能力
heatmap-capabilities-counted-of = {$n} 個業務能力中的 {$counted} 個
heatmap-flow-end = （結束）
heatmap-worst = 最大
heatmap-mean = 平均
heatmap-stage = 階段
heatmap-col-worst = 最大{$what}
heatmap-col-mean = 平均{$what}
heatmap-col-flow = 流向
heatmap-tip-worst = 最大{$what} {$worst}
heatmap-tip-mean = ，平均 {$mean}
heatmap-figures = 最大 {$worst} · 平均 {$mean}
heatmap-aria-stages = {$id} 的階段熱力圖

## 優先順序象限。

heatmap-title-quadrant = 優先順序象限：重要性 × 成熟度差距
heatmap-quadrant-act-now = 立即行動
heatmap-quadrant-maintain = 維持
heatmap-quadrant-improve-later = 擇機改善
heatmap-quadrant-monitor = 持續關注
heatmap-rule-act-now = 重要性高、差距大
heatmap-rule-maintain = 重要性高、差距小
heatmap-rule-improve-later = 重要性低、差距大
heatmap-rule-monitor = 重要性低、差距小
heatmap-quadrant-split = 依重要性和成熟度差距（目標成熟度 − 目前成熟度）放置。重要性高：high 或 critical；差距大：2 以上。
heatmap-quadrant-chips = 列：重要性；欄：差距。標籤依風險著色，並標出風險值。
heatmap-quadrant-ranked = 每個象限依風險排序（最高者在前）。
heatmap-sentence-separator = {""}
heatmap-quadrant-facts = {$importance}，差距 {$gap}，風險 {$risk}
heatmap-not-placed-term = 未放置：沒有重要性或沒有差距（{$n}）
heatmap-not-placed = 未放置
heatmap-not-placed-why = （沒有重要性或沒有差距）
heatmap-name-separator = 、
heatmap-gap-met = 0（已達標）
heatmap-axis-gap = 成熟度差距（目標 − 目前）→
heatmap-axis-importance = 重要性 ↑
heatmap-page-title = 熱力圖

## HTML 報告的流動長條圖（關鍵路徑上的處理時間與等待時間）。

bars-process = 處理 {$time}
bars-wait = 等待 {$time}
bars-lead = 前置 {$time}
bars-aria = {$id} 關鍵路徑上的處理時間與等待時間

## HTML 報告的階段流轉圖。

graph-aria-flow = {$id} 的階段流轉

## `vsm impact`：各組的標題（與對象的關係）。

impact-title-commitments-on-those-stages = 這些階段上的服務承諾
impact-title-perception-points-on-those-stages = 這些階段上的客戶感知點
impact-title-value-streams-of-those-stages = 這些階段所屬的價值流
impact-title-owner = 負責人
impact-title-capabilities-below-it = 其下層業務能力
impact-title-stages-using-it-or-a-capability-below-it = 使用它或其下層能力的階段
impact-title-processes-using-it-or-a-capability-below-it = 使用它或其下層能力的業務流程
impact-title-stages-it-realises = 它實現的階段
impact-title-capabilities-it-or-its-steps-use = 它或其步驟使用的業務能力
impact-title-information-it-or-its-steps-use = 它或其步驟使用的資訊
impact-title-steps = 流程步驟
impact-title-business-object-it-is-about = 它所圍繞的業務物件
impact-title-stages-using-it = 使用它的階段
impact-title-processes-using-it = 使用它的業務流程
impact-title-information-about-it = 關於它的資訊
impact-title-related-business-objects = 相關的業務物件
impact-title-stages-using-it-or-its-information = 使用它或其資訊的階段
impact-title-processes-using-its-information = 使用其資訊的業務流程
impact-title-value-streams-it-triggers = 它觸發的價值流
impact-title-stages-it-takes-part-in = 它參與的階段
impact-title-capabilities-it-owns = 它負責的業務能力
impact-title-processes-it-owns = 它負責的業務流程
impact-title-steps-it-owns = 它負責的流程步驟
impact-title-commitments-it-owns = 它負責的服務承諾
impact-title-commitments-on-it = 它上面的服務承諾
impact-title-perception-points-on-it = 它上面的客戶感知點
impact-title-value-stream = 價值流
impact-title-stages-flowing-into-it = 流入它的階段
impact-title-stages-it-flows-to = 它流向的階段
impact-title-value-items = 價值項
impact-title-participating-stakeholders = 參與的利害關係人
impact-title-capabilities-it-or-its-value-items-use = 它或其價值項使用的業務能力
impact-title-processes-realising-it = 實現它的業務流程
impact-title-information-it-uses = 它使用的資訊
impact-title-business-objects-it-uses = 它使用的業務物件
impact-title-commitments-on-its-stages = 其階段上的服務承諾
impact-title-perception-points-on-its-stages = 其階段上的客戶感知點
impact-title-triggering-stakeholder = 觸發方
impact-title-stages = 階段
impact-title-stakeholders-taking-part-in-its-stages = 參與其階段的利害關係人
impact-title-capabilities-its-stages-use = 其階段使用的業務能力
impact-title-processes-realising-its-stages = 實現其階段的業務流程
impact-title-stage-it-is-on = 它所在的階段
impact-title-perception-point-it-answers = 它回應的客戶感知點
impact-title-parts-lower-level-commitments = 子承諾：下一級服務承諾
impact-title-part-of = 所屬的上級承諾
impact-title-commitments-answering-it = 回應它的服務承諾

## `vsm impact`：元素的種類，以及它自己的措辭。

impact-kind-stakeholder = 利害關係人
impact-kind-stakeholder-count = {$n} 個利害關係人
impact-kind-value-stream = 價值流
impact-kind-value-stream-count = {$n} 個價值流
impact-kind-stage = 階段
impact-kind-stage-count = {$n} 個階段
impact-kind-value-item = 價值項
impact-kind-value-item-count = {$n} 個價值項
impact-kind-capability = 業務能力
impact-kind-capability-count = {$n} 個業務能力
impact-kind-process = 業務流程
impact-kind-process-count = {$n} 個業務流程
impact-kind-step = 流程步驟
impact-kind-step-count = {$n} 個流程步驟
impact-kind-information-item = 資訊項
impact-kind-information-item-count = {$n} 個資訊項
impact-kind-business-object = 業務物件
impact-kind-business-object-count = {$n} 個業務物件
impact-kind-commitment = 服務承諾
impact-kind-commitment-count = {$n} 個服務承諾
impact-kind-perception-point = 客戶感知點
impact-kind-perception-point-count = {$n} 個客戶感知點
impact-heading = {$kind} {$label} 的影響
impact-group-count = {$title}（{$count}）
impact-group-count-parts = {$title}（{$count}，含 {$parts}）
impact-none = 無
impact-via = 經由 {$list}
impact-none-md = 無。
