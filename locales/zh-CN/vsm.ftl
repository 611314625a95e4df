# vsm 的用户可读文字，简体中文（中国大陆用法）。术语见 docs/glossary.md。
# 规则代码、规则名称、JSON 键和命令行参数不是消息，在所有语言中保持英文。

## 单位：时长从天写到秒（「2 天 4 小时」）。

unit-day = {$n} 天
unit-hour = {$n} 小时
unit-minute = {$n} 分钟
unit-second = {$n} 秒

## 报告（HTML 与 Markdown）：标题与章节名。

report-default-title = 价值流报告
report-wrote = 已写入 {$file}（{$size}；{$streams}、{$stages}；{$findings}），用时 {$ms} 毫秒
report-wrote-streams = {$n} 个价值流
report-wrote-stages = {$n} 个阶段
report-wrote-separator = 、
report-model = 模型：{$name}
report-owner = 负责人：{$owner}
report-version = 版本：{$version}
report-contents = 目录
section-overview = 概览
section-value-streams = 价值流
section-findings-by-severity = 按严重程度统计的检查结果
section-flagged-stages = 需关注的阶段
section-stage-flow = 阶段流转
section-stages = 价值流阶段
section-mapping = 映射
section-flow-figures = 流动指标
section-stage-by-capability = 阶段 × 业务能力
section-stage-heat-map = 阶段热力图
section-cross-mapping-heat-map = 交叉映射热力图
section-capability-heat-map = 能力热力图
section-capability-inventory = 业务能力清单
section-capability-uses = 各业务能力的使用位置
section-priorities = 优先级
section-priority-quadrant = 优先级象限
section-ranked-by-risk = 按风险排序
section-commitments = 服务承诺
section-perceptions = 客户感知点
section-processes = 业务流程
section-stakeholders = 利益相关方
section-information = 信息
section-handoffs = 交接
section-findings = 检查结果

## 报告：空状态与各章节的引导语。

empty-value-streams = 模型中没有价值流。
empty-stages = 该价值流没有阶段。
empty-stage-capabilities = 该价值流的阶段均未使用业务能力。
empty-priorities = 没有同时具有重要性和成熟度差距的业务能力。
empty-commitments = 模型中没有服务承诺。
empty-perceptions = 模型中没有客户感知点。
empty-processes = 模型中没有业务流程。
empty-stakeholders = 模型中没有利益相关方。
empty-information = 模型中没有信息项。
empty-handoffs = 没有阶段流向另一个阶段。
empty-findings = 没有检查结果：模型通过了所有启用的规则。
empty-flagged = 没有需关注的阶段：每个阶段都创造价值且没有检查结果。
intro-flagged = 不创造价值的阶段（没有价值项：可考虑删除或合并）排在前面，其后是有其他检查结果的阶段。
intro-heat-map = 按{$measure}着色。一级业务能力以粗体显示，其下级能力缩进列在下方。「_无数据_」表示该能力缺少{$needs}。
intro-commitments = 每个一级服务承诺之后列出分解它的子承诺（缩进）。预算使用：子承诺的时长目标（相加；并行的子承诺取最长者）与上级承诺目标之比。
intro-perceptions = 关键感知点以 ★ 和粗体标出；差距 = 期望值 − 当前值。
intro-quadrant = 按战略重要性和成熟度差距放置业务能力：先处理「立即行动」。
intro-processes = 每个端到端流程（粗体）及其负责人、自身的业务能力与信息、它实现的阶段（列出该流程的阶段），其后按顺序列出其步骤。
intro-stakeholders = 谁在何处参与：按价值流，{$legend}。然后是每个利益相关方负责的内容。
intro-information = 每个信息项及其所围绕的业务对象，以及使用它的阶段、流程和流程步骤。
intro-handoffs = 阶段流转的每一条边：移交阶段的出口条件与接手阶段的入口条件并列（满足出口条件即触发下一阶段）。{$summary}

## 报告：表头、标记与计数。

col-element = 元素
col-count = 数量
col-value-stream = 价值流
col-stage = 阶段
col-why = 原因
col-severity = 严重程度
col-rule = 规则
col-finding = 检查结果
col-where = 位置
col-perception-point = 客户感知点
col-channel = 渠道
col-importance = 重要性
col-current = 当前值
col-expected = 期望值
col-gap = 差距
col-answered-by = 对应的服务承诺
count-value-streams = 价值流
count-stages = 价值流阶段
count-no-value-stages = 不创造价值的阶段
count-value-items = 价值项
count-capabilities = 业务能力
count-processes = 业务流程
count-information = 信息项
count-business-objects = 业务对象
count-commitments = 服务承诺
count-perceptions = 客户感知点
count-focus-perceptions = 关键客户感知点
count-stakeholders = 利益相关方
badge-no-value-item = ⚠ 无价值项
badge-no-commitment = ⚠ 无服务承诺
findings-label = 检查结果：
finding-help = 建议：{$help}
severity-errors = {$n} 个错误
severity-warnings = {$n} 个警告
severity-infos = {$n} 个提示
generated-by = 由 vsm {$version} 生成。

## HTML 报告自己的措辞。

tag-no-value-item = 无价值项
tag-no-commitment = 无服务承诺
tag-focus = ★ 关键
intro-heat-map-html = 按{$measure}着色。一级业务能力为列，其下级能力嵌套在内。灰色斜线表示该能力缺少数据（{$needs}）。
intro-quadrant-html = 按战略重要性和成熟度差距放置业务能力：先处理右上角（立即行动）。
intro-commitments-html = 每个一级服务承诺之后列出分解它的子承诺。预算使用：子承诺的时长目标（相加；并行的子承诺取最长者）与上级承诺目标之比。
intro-perceptions-html = 按重要性、当前体验和期望体验打分的客户接触点。关键感知点突出显示；差距 = 期望值 − 当前值。
intro-processes-html = 每个端到端流程及其负责人、自身的业务能力与信息、它实现的阶段（列出该流程的阶段），其后按顺序列出其步骤。
footer-html = 由 vsm {$version} 根据 {$n} 个模型文件生成。本页不含脚本，也不加载任何内容。

## HTML 报告的统计卡片。

card-value-streams = 价值流
card-stages = 价值流阶段
card-no-value-stages = 不创造价值的阶段
card-value-items = 价值项
card-capabilities = 业务能力
card-processes = 业务流程
card-information = 信息项
card-business-objects = 业务对象
card-commitments = 服务承诺
card-stakeholders = 利益相关方
card-errors = 错误
card-warnings = 警告
card-infos = 提示
card-perceptions = 客户感知点（{$focus} 个关键）

## 价值流的流动指标（flow 视图）。

flow-loops = 阶段流转存在循环（VSM012）：无法计算路径指标。
flow-no-times = 没有阶段填写处理时间或等待时间。
flow-critical-path = 关键路径：{$path}
flow-lead-time = 前置时间：{$time}
flow-untimed = ，{$count} 个阶段中有 {$n} 个没有时间
flow-process-time = 处理时间：{$time}
flow-efficiency = 流动效率：{$percent}
flow-efficiency-partial = 流动效率：{$percent}（仅计有时间的阶段）
flow-shortest = 最短路径前置时间：{$time}
flow-col-number = #
flow-col-process = 处理时间
flow-col-wait = 等待时间
flow-col-lead = 前置时间
flow-col-share = 占比
flow-col-critical = 关键路径
flow-no-times-cell = 无时间

## 价值流的阶段（stages 视图）。

stages-no-trigger = （无）
stages-trigger = 触发方：{$trigger}
stages-value-proposition = 价值主张：{$text}
stages-segment = 客户群：{$text}
stages-col-description = 说明
stages-col-stakeholders = 利益相关方
stages-col-entry-conditions = 入口条件
stages-col-exit-conditions = 出口条件
stages-col-value-items = 价值项
stages-no-value = ⚠ 无：不创造价值
stages-html-trigger = 触发方
stages-html-none = 无
stages-html-value-proposition = 价值主张
stages-html-segment = 客户群

## HTML 报告：图表下方的说明。

html-note-no-value-dashed = 琥珀色虚线：没有价值项的阶段，可考虑删除或合并。
html-note-flow-process = 处理时间
html-note-flow-wait = 等待时间；按关键路径上的阶段列出，以最长阶段为比例（很短的阶段保留几个像素）；虚线：没有时间的阶段。
html-intro-findings = 与 <span class="code">vsm check</span> 的报告相同；<span class="code">vsm explain CODE</span> 解释每条规则。
html-intro-capability-uses = 直接使用该业务能力、或在价值项或流程步骤中使用它的阶段（链接到价值流阶段表中的对应行）和流程。上级能力也通过其下级能力被使用；vsm impact ID 会列出全部。
html-used-below = 仅通过其下级能力使用
html-not-used = 未使用
