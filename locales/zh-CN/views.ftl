# 报告与表格视图的文字：表头、图例、说明、热力图。简体中文（中国大陆用法），术语见 docs/glossary.md。
# 规则代码、规则名称、JSON 键、命令行参数和模型格式的枚举值（high、manual 等）不是消息，保持英文。

## 表格：没有任何行时的文字。

view-none = 无。
view-none-term = （无）
view-list-separator = ；

## 视图的表头（终端、Markdown 与 HTML 报告）。

view-col-capability = 业务能力
view-col-level = 层级
view-col-maturity = 成熟度
view-col-target = 目标
view-col-gap = 差距
view-col-importance = 重要性
view-col-risk = 风险
view-col-owner = 负责人
view-col-enablement = 实现方式
view-col-stages = 阶段
view-col-value-items = 价值项
view-col-processes = 业务流程
view-col-value-streams = 价值流
view-col-serves = 服务于

## 优先级视图。

view-priorities-ranked = 按风险排序：风险 = 重要性权重（low 1、medium 2、high 3、critical 4）× 成熟度差距；风险相同时，重要性高者在前，其次按业务能力树的顺序。
view-priorities-top = 共 {$count} 个已排序的业务能力，显示前 {$n} 个。
view-priorities-met = {$n} 个已达到目标（差距 ≤ 0）的业务能力
view-priorities-no-data = {$n} 个缺少重要性或成熟度（当前、目标）的业务能力
view-priorities-not-ranked = 未排序：{$list}。
view-col-process-step = 业务流程 / 步骤
view-col-automated = 自动化
view-col-capabilities = 业务能力
view-col-information = 信息
view-col-realises-stages = 实现的阶段

## 业务流程视图。

view-no-name = （无名称）
view-yes = 是
view-no = 否
view-steps-automated = {$count} 个步骤中的 {$n} 个
view-col-stakeholder = 利益相关方
view-col-type = 类型
view-col-steps = 流程步骤
view-col-commitments = 服务承诺
view-col-trigger = 触发方

## 利益相关方视图。

view-stakeholders-legend = ★ 触发该价值流 · ● 参与该阶段
view-stakeholders-owns = 各利益相关方负责的内容
view-stakeholders-none = 没有利益相关方。
view-stakeholders-not-involved = 没有利益相关方触发该价值流或参与其阶段。
view-col-business-object = 业务对象
view-tag-unused = 未使用

## 交接视图。

view-col-from-stage = 移交阶段
view-col-to-stage = 接手阶段
view-col-review = 待核查
view-handoffs-no-exit = ⚠ 没有出口条件
view-handoffs-no-entry = ⚠ 没有入口条件
view-handoffs-no-conditions = ⚠ 双方都没有条件
view-handoffs-no-stage = 没有阶段，因此没有交接。
view-handoffs-one-stage = 只有一个阶段，因此没有交接。
view-handoffs-all-met = {$n} 个交接，均有出口条件和入口条件。
view-handoffs-review = {$n} 个交接；其中 {$flagged} 个一方或双方缺少条件。
view-handoffs-summary-all-met = {$streams} 个价值流中共 {$n} 个交接；均有出口条件和入口条件。
view-handoffs-summary-review = {$streams} 个价值流中共 {$n} 个交接；其中 {$flagged} 个一方或双方缺少条件。
view-handoffs-none = 无

## 阶段 × 业务能力矩阵。

view-matrix-legend = ● 阶段直接列出该业务能力 · ○ 仅由其某个价值项使用
view-in-parent-loop = （处于上级循环中）
view-in-parent-loop-html = 处于上级循环中

## 服务承诺视图。

view-col-commitment = 服务承诺
view-col-parts = 子承诺
view-col-budget-use = 预算使用
view-loop-mark = （循环）
view-tag-loop = 循环
view-budget-use = {$used} / {$limit}（{$percent}）
view-budget-line = {$used} / {$limit}，{$composition}
view-budget-over = ⚠ 超出预算 {$percent}（{$used} / {$limit}）
view-budget-over-html = 超出预算 {$percent}

## HTML 报告在这些章节中的措辞。

view-no-stage = 无阶段
view-stages-no-value = {$n} 个不创造价值

## 热力图：着色依据、计算方式、业务能力所需的数据。

heatmap-title-gap = 成熟度差距（目标成熟度 − 当前成熟度）
heatmap-title-maturity = 当前成熟度（1–5）
heatmap-title-importance = 战略重要性
heatmap-title-usage = 使用量（使用该能力或其下级能力的阶段、价值项、流程和步骤）
heatmap-title-risk = 风险（重要性权重 1–4 × 成熟度差距）
heatmap-formula-gap = 差距 = target_maturity − maturity
heatmap-formula-maturity = 成熟度 = 当前成熟度，1–5
heatmap-formula-importance = 重要性：low、medium、high 或 critical
heatmap-formula-usage = 使用量 = 使用该能力或其下级能力的阶段 + 价值项 + 流程 + 步骤
heatmap-formula-risk = 风险 = 重要性权重（low 1、medium 2、high 3、critical 4）× max(差距, 0)
heatmap-class-met = 0 或以下（已达标）
heatmap-class-3-or-more = 3 及以上
heatmap-class-unused = 0（未使用）
heatmap-class-6-or-more = 6 及以上
heatmap-needs-gap = maturity 和 target_maturity
heatmap-needs-maturity = maturity
heatmap-needs-importance = importance
heatmap-needs-usage = 无
heatmap-needs-risk = importance、maturity 和 target_maturity

## 热力图：图例。

heatmap-legend = 图例：
heatmap-legend-md = 图例：{$keys}
heatmap-formula = 公式：{$formula}
heatmap-no-data = 无数据
heatmap-cells = 单元格：{$marks}
heatmap-legend-gap = 差距
heatmap-legend-maturity = 成熟度
heatmap-legend-importance = 重要性
heatmap-legend-usage = 使用量
heatmap-legend-risk = 风险
heatmap-measure-gap = 差距
heatmap-measure-maturity = 成熟度
heatmap-measure-importance = 重要性
heatmap-measure-usage = 使用量
heatmap-measure-risk = 风险

## 能力热力图。

heatmap-title-capabilities = 能力热力图：{$measure}
heatmap-no-capabilities-term = （没有业务能力）
heatmap-no-capabilities = 没有业务能力。
heatmap-col-heat = 热度
heatmap-tooltip-maturity = 成熟度 {$maturity} → {$target}

## 交叉映射热力图。

heatmap-title-cross-map = 交叉映射热力图：{$measure}
heatmap-no-streams-term = （没有价值流）
heatmap-stages-label = 阶段：

## 阶段热力图。

heatmap-title-stages = 阶段热力图：{$measure}
heatmap-stages-explanation = 每个阶段：按其直接使用或通过价值项使用的业务能力，计算{$what}的最大值和平均值（超过目标的能力按 0 计）；颜色取最大值。缺少数据的能力不计入，也不按 0 计。
heatmap-no-capability = 未使用业务能力
heatmap-capabilities-counted = {$n} 个业务能力
heatmap-capabilities-counted-of = {$n} 个业务能力中的 {$counted} 个
heatmap-flow-end = （结束）
heatmap-worst = 最大
heatmap-mean = 平均
heatmap-stage = 阶段
heatmap-col-worst = 最大{$what}
heatmap-col-mean = 平均{$what}
heatmap-col-flow = 流向
heatmap-tip-worst = 最大{$what} {$worst}
heatmap-tip-mean = ，平均 {$mean}
heatmap-figures = 最大 {$worst} · 平均 {$mean}
heatmap-aria-stages = {$id} 的阶段热力图

## 优先级象限。

heatmap-title-quadrant = 优先级象限：重要性 × 成熟度差距
heatmap-quadrant-act-now = 立即行动
heatmap-quadrant-maintain = 保持
heatmap-quadrant-improve-later = 择机改进
heatmap-quadrant-monitor = 持续关注
heatmap-rule-act-now = 重要性高、差距大
heatmap-rule-maintain = 重要性高、差距小
heatmap-rule-improve-later = 重要性低、差距大
heatmap-rule-monitor = 重要性低、差距小
heatmap-quadrant-split = 按重要性和成熟度差距（目标成熟度 − 当前成熟度）放置。重要性高：high 或 critical；差距大：2 及以上。
heatmap-quadrant-chips = 行：重要性；列：差距。标签按风险着色，并标出风险值。
heatmap-quadrant-ranked = 每个象限按风险排序（最高者在前）。
heatmap-sentence-separator = {""}
heatmap-quadrant-facts = {$importance}，差距 {$gap}，风险 {$risk}
heatmap-not-placed-term = 未放置：没有重要性或没有差距（{$n}）
heatmap-not-placed = 未放置
heatmap-not-placed-why = （没有重要性或没有差距）
heatmap-name-separator = 、
heatmap-gap-met = 0（已达标）
heatmap-axis-gap = 成熟度差距（目标 − 当前）→
heatmap-axis-importance = 重要性 ↑
heatmap-page-title = 热力图

## HTML 报告的流动条形图（关键路径上的处理时间与等待时间）。

bars-process = 处理 {$time}
bars-wait = 等待 {$time}
bars-lead = 前置 {$time}
bars-aria = {$id} 关键路径上的处理时间与等待时间

## HTML 报告的阶段流转图。

graph-aria-flow = {$id} 的阶段流转

## `vsm impact`：各组的标题（与对象的关系）。

impact-title-commitments-on-those-stages = 这些阶段上的服务承诺
impact-title-perception-points-on-those-stages = 这些阶段上的客户感知点
impact-title-value-streams-of-those-stages = 这些阶段所属的价值流
impact-title-owner = 负责人
impact-title-capabilities-below-it = 其下级业务能力
impact-title-stages-using-it-or-a-capability-below-it = 使用它或其下级能力的阶段
impact-title-processes-using-it-or-a-capability-below-it = 使用它或其下级能力的业务流程
impact-title-stages-it-realises = 它实现的阶段
impact-title-capabilities-it-or-its-steps-use = 它或其步骤使用的业务能力
impact-title-information-it-or-its-steps-use = 它或其步骤使用的信息
impact-title-steps = 流程步骤
impact-title-business-object-it-is-about = 它所围绕的业务对象
impact-title-stages-using-it = 使用它的阶段
impact-title-processes-using-it = 使用它的业务流程
impact-title-information-about-it = 关于它的信息
impact-title-related-business-objects = 相关的业务对象
impact-title-stages-using-it-or-its-information = 使用它或其信息的阶段
impact-title-processes-using-its-information = 使用其信息的业务流程
impact-title-value-streams-it-triggers = 它触发的价值流
impact-title-stages-it-takes-part-in = 它参与的阶段
impact-title-capabilities-it-owns = 它负责的业务能力
impact-title-processes-it-owns = 它负责的业务流程
impact-title-steps-it-owns = 它负责的流程步骤
impact-title-commitments-it-owns = 它负责的服务承诺
impact-title-commitments-on-it = 它上面的服务承诺
impact-title-perception-points-on-it = 它上面的客户感知点
impact-title-value-stream = 价值流
impact-title-stages-flowing-into-it = 流入它的阶段
impact-title-stages-it-flows-to = 它流向的阶段
impact-title-value-items = 价值项
impact-title-participating-stakeholders = 参与的利益相关方
impact-title-capabilities-it-or-its-value-items-use = 它或其价值项使用的业务能力
impact-title-processes-realising-it = 实现它的业务流程
impact-title-information-it-uses = 它使用的信息
impact-title-business-objects-it-uses = 它使用的业务对象
impact-title-commitments-on-its-stages = 其阶段上的服务承诺
impact-title-perception-points-on-its-stages = 其阶段上的客户感知点
impact-title-triggering-stakeholder = 触发方
impact-title-stages = 阶段
impact-title-stakeholders-taking-part-in-its-stages = 参与其阶段的利益相关方
impact-title-capabilities-its-stages-use = 其阶段使用的业务能力
impact-title-processes-realising-its-stages = 实现其阶段的业务流程
impact-title-stage-it-is-on = 它所在的阶段
impact-title-perception-point-it-answers = 它回应的客户感知点
impact-title-parts-lower-level-commitments = 子承诺：下一级服务承诺
impact-title-part-of = 所属的上级承诺
impact-title-commitments-answering-it = 回应它的服务承诺

## `vsm impact`：元素的种类，以及它自己的措辞。

impact-kind-stakeholder = 利益相关方
impact-kind-stakeholder-count = {$n} 个利益相关方
impact-kind-value-stream = 价值流
impact-kind-value-stream-count = {$n} 个价值流
impact-kind-stage = 阶段
impact-kind-stage-count = {$n} 个阶段
impact-kind-value-item = 价值项
impact-kind-value-item-count = {$n} 个价值项
impact-kind-capability = 业务能力
impact-kind-capability-count = {$n} 个业务能力
impact-kind-process = 业务流程
impact-kind-process-count = {$n} 个业务流程
impact-kind-step = 流程步骤
impact-kind-step-count = {$n} 个流程步骤
impact-kind-information-item = 信息项
impact-kind-information-item-count = {$n} 个信息项
impact-kind-business-object = 业务对象
impact-kind-business-object-count = {$n} 个业务对象
impact-kind-commitment = 服务承诺
impact-kind-commitment-count = {$n} 个服务承诺
impact-kind-perception-point = 客户感知点
impact-kind-perception-point-count = {$n} 个客户感知点
impact-heading = {$kind} {$label} 的影响
impact-group-count = {$title}（{$count}）
impact-group-count-parts = {$title}（{$count}，含 {$parts}）
impact-none = 无
impact-via = 经由 {$list}
impact-none-md = 无。
