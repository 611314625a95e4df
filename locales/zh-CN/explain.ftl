# The rule explanations of `vsm explain` (summary and explanation; the YAML examples stay as written).
# Simplified Chinese, mainland usage; the terms of docs/glossary.md. Rule codes, rule names, keys,
# values and commands in backticks stay as written.

## What `vsm explain` prints around the rules' text.

explain-default-error = 错误
explain-default-warning = 警告
explain-default-info = 提示
explain-default-always-on = 错误，始终启用
explain-default-off = 默认关闭
explain-bad = 错误示例：
explain-good = 正确示例：
explain-md-title = 规则
explain-md-generated = 由 `vsm explain --all --format markdown --lang zh-CN` 生成。
explain-md-intro = 每条检查结果都有代码、名称和严重程度。配置（`vsm.yaml` 中的 `rules:`）、`--select`、`--ignore` 以及元素上的 `allow:` 都接受代码或名称。VSM001–VSM008 无法关闭。
explain-group-structure = 结构
explain-group-value = 价值
explain-group-hygiene = 覆盖度与整洁度
explain-col-code = 代码
explain-col-name = 名称
explain-col-default = 默认
explain-col-catches = 检查内容

## Each rule: `explain-<name>-summary` and `explain-<name>-text`, in code order.

# VSM001
explain-yaml-syntax-summary = 文件不是有效的 YAML（指出解析器报错的位置）
explain-yaml-syntax-text = 不是有效 YAML 的文件完全无法读取，因此其中的内容都不会被检查。检查结果指向解析器放弃的位置；错误往往就在它之前：未闭合的引号或括号、用制表符缩进、值中含有未加引号的 `: `。不是 UTF-8 文本的文件也在此报告。模型的其他文件仍会被检查。

# VSM002
explain-unknown-field-summary = 格式未定义的键（附“您是不是想写”建议）
explain-unknown-field-text = 拼错的键会悄无声息地失去意义：把 `value_items:` 写成 `value_item:`，阶段就没有了价值项，却没有人察觉。格式未定义的每个键都会被报告，并给出最接近的已知键作为建议。顶层键必须是模型的段（section）名。

# VSM003
explain-invalid-value-summary = 类型错误、数字超出范围、枚举值无效、时长或目标写法错误
explain-invalid-value-text = 热力图和预算检查要用这些值来计算：在 1–5 的量表上成熟度为 7、重要性为 `huge` 或时长为 `soon`，都会使它们出错或为空。检查结果指向该值本身，并说明期望的是什么。

# VSM004
explain-missing-field-summary = 缺少必填字段
explain-missing-field-text = 每个元素都需要 `name`（表格和报告会显示它），每个价值流都需要 `trigger`（其需求启动该价值流的利益相关方），每个价值项和流程步骤都需要 `name`。

# VSM005
explain-duplicate-id-summary = 同一类元素的 id 被定义了两次（显示两处位置）；重复的 YAML 键也在此报告
explain-duplicate-id-text = 元素之间通过 id 相互引用，因此每个 id 在所有文件中、在同一类元素内必须唯一。同一 id 定义两次时，一个定义会悄悄胜出，另一个则丢失。同一 YAML 映射中的重复键是同样的错误。两处位置都会显示。

# VSM006
explain-unresolved-reference-summary = 引用了不存在的 id（附“您是不是想写”建议）
explain-unresolved-reference-text = 引用缺失的元素会破坏映射表并掩盖缺口：阶段看起来有某个业务能力支撑，而该能力并不存在。检查结果指向该引用，并建议同类中最接近的 id。阶段以 `stream/stage` 的形式引用。

# VSM007
explain-wrong-kind-reference-summary = id 存在，但属于另一类元素（例如业务对象被列在 `capabilities` 下）
explain-wrong-kind-reference-text = 该 id 已定义，但其元素类别与字段所期望的不同，通常是因为列在了错误的键下。消息会说明它实际属于哪一类。

# VSM008
explain-invalid-id-summary = id 含有空白、`/` 或 `#`，或为空
explain-invalid-id-text = id 会写在引用列表中，而在那里空白会被去除，`/` 分隔价值流与其阶段，`#` 开始一条注释。含有这些字符的 id 无法被可靠地引用。请使用任意文字的字母、数字、`-`、`_` 和 `.`；惯例是 kebab-case。

# VSM009
explain-empty-value-stream-summary = 没有阶段的价值流
explain-empty-value-stream-text = 价值流被划分为若干阶段；没有任何阶段，它就交付不出可分析、可映射到业务能力或可在报告中展示的东西。请至少添加一个阶段。

# VSM010
explain-capability-cycle-summary = `parent` 链形成了循环
explain-capability-cycle-text = 业务能力的层级来自 `parent` 链。链形成循环时，循环中的能力都没有层级，能力地图无法绘制，热力图也会遗漏它们。每个循环报告一条检查结果，位于其第一个能力的 `parent` 处。

# VSM011
explain-level-mismatch-summary = `level` 与 parent 链的深度不一致
explain-level-mismatch-text = `level` 是可选的；一旦填写，就必须与该能力在 parent 链中的深度一致（没有 parent 的能力为第 1 级，其子能力为第 2 级，……）。层级不一致说明能力树调整过而数字没有跟着改，按层级统计的清单就会出错。

# VSM012
explain-stage-flow-summary = `next` 指向了另一个价值流的阶段，或某阶段从第一个阶段不可达，或流转形成了没有出口的循环
explain-stage-flow-text = 阶段按书写顺序流转；`next` 可以改变顺序（`[]` 表示价值流到此结束）。流转必须留在其价值流之内，每个阶段都必须能从第一个阶段到达，每个循环（例如返工环节）都必须有通往价值流终点的出口。

# VSM013
explain-commitment-cycle-summary = `parts` 绕回到了上级承诺
explain-commitment-cycle-text = 承诺通过 `parts` 分解为更低层级的承诺。当子承诺绕回到上级承诺时，这棵树就没有底：预算无法累加，承诺树也无法展示。

# VSM014
explain-commitment-over-budget-summary = 承诺的各子承诺无法容纳在其目标之内
explain-commitment-over-budget-text = 一级承诺（“2 天内送达”）只有在其子承诺都能容纳其中时才能兑现。在 `composition: sequential`（默认）下，各子承诺的时长目标相加；在 `parallel` 下，取最长的子承诺。两种情况都不得超过上级承诺的 `<=` 或 `<` 时长目标（2 h + 4 h + 1.5 d 可以容纳在 2 d 之内；1 d + 1 d + 4 h 则不能）。

# VSM015
explain-unknown-rule-summary = `allow` 或配置中指定了不存在的规则
explain-unknown-rule-text = 规则名拼错的 `allow:` 条目什么也关闭不了，于是它本想消除的检查结果会反复出现；更糟的是，拼写错误会掩盖该条目已经过时。规则用代码（`VSM101`）或名称（`no-value-item`）指定。

# VSM016
explain-unused-suppression-summary = 什么也没有抑制的 `# vsm: ignore[...]` 注释
explain-unused-suppression-text = 抑制注释（写在行尾或单独写在上一行的 `# vsm: ignore[RULE]`，写在文件顶部注释块中的 `# vsm: ignore-file[RULE]`）会隐藏其所列规则的检查结果。一旦问题已修复，或它所守护的那一行已经移走，这条注释就什么也不隐藏了，但它仍会告诉下一位读者这里有问题，而且会悄悄吞掉该规则在这一行上的下一个毫不相关的检查结果。请删除它。格式错误的抑制注释（没有 `[...]`、列表为空、`ignore-file` 不在文件顶部）也在此报告：它同样什么也抑制不了。本次运行中已关闭的规则不会被报告，因为对它们无从判断。

# VSM101
explain-no-value-item-summary = 该阶段不交付任何价值项：它不增加价值，可考虑删除或合并
explain-no-value-item-text = 价值流的每个阶段都必须为客户增加价值；其价值项说明增加的是什么价值。不产出任何价值项的阶段“理论上可以删除”：它是不增值的工作，让流程变得更繁重，却没有让客户受益。要么写明客户从中获得的价值，要么删除它或把它合并到相邻阶段。

# VSM102
explain-unsupported-value-item-summary = 没有任何业务能力支撑的价值项（既没有自己的 `capabilities`，所在阶段也没有）
explain-unsupported-value-item-text = 每个价值项都需要一个或多个业务能力来交付（“快速识别客户”需要客户管理能力）。没有任何能力的价值项，既没有自己的也没有所在阶段的，就是一个企业中无人能够兑现的承诺。

# VSM103
explain-missing-entry-conditions-summary = 该阶段没有入口条件
explain-missing-entry-conditions-text = 每个阶段都有开始前必须满足的入口条件。没有入口条件，就没有人知道该阶段何时可以开始，团队之间的交接就只能靠猜。

# VSM104
explain-missing-exit-conditions-summary = 该阶段没有出口条件
explain-missing-exit-conditions-text = 满足一个阶段的出口条件会触发下一个阶段。没有出口条件，该阶段就没有完成的定义，流向下一阶段全凭运气。

# VSM105
explain-no-participants-summary = 该阶段未列出任何参与的利益相关方
explain-no-participants-text = 阶段中的工作总要有人来做：坐席、部门、合作伙伴或客户。没有参与方的阶段，无人对它应增加的价值负责。

# VSM106
explain-stage-without-capability-summary = 该阶段完全没有使用任何业务能力
explain-stage-without-capability-text = 业务能力是企业能够做的事情；一个阶段如果既不直接使用、也不通过其价值项使用任何能力，就无法放到能力地图上，其薄弱之处也永远不会出现在热力图中。

# VSM107
explain-trigger-not-involved-summary = 触发方没有参与任何阶段
explain-trigger-not-involved-text = 价值流向其触发方交付价值。当触发方不参与任何阶段时，这个价值流可能只是从内部视角建模的：没有人核实客户实际在哪里体验到它。

# VSM108
explain-perception-scale-mismatch-summary = 同一模型中的感知评分混用了 0–5 与 0–100 两种量表
explain-perception-scale-mismatch-text = 客户感知点的当前体验与期望体验按每个模型统一的量表评分，0–5 或 0–100。高于 5 的分数只可能属于 0–100 量表；当一些客户感知点（或同一感知点的两个分数）使用 0–5、另一些使用 0–100 时，差距会跨量表计算（期望值 85 对当前值 3.2，差距为 81.8），报告显示的改进方向也就错了。模型的量表以多数客户感知点所用的为准；另一种量表上的每个感知点都会被报告。

# VSM109
explain-commitment-beyond-flow-summary = 阶段上的承诺所承诺的时间短于该阶段自身的处理时间加等待时间
explain-commitment-beyond-flow-text = 阶段上带有时长上限（`<= 2d`、`< 4h`、`= 3min`）的承诺，是向客户承诺该阶段会在此时间内完成。当该阶段自身的 `process_time` 加 `wait_time` 已经更长时，按现在画出的流程，这个承诺无法兑现：缩短该阶段（关键通常在于减少等待），或者只承诺流程能做到的。同一阶段上的子承诺只承诺阶段时间的一部分，不做比较。

# VSM110
explain-stage-without-it-support-summary = 支撑该阶段的每个业务能力都是 `enablement: manual`：没有任何系统支持它
explain-stage-without-it-support-text = 业务能力越来越依赖数据和系统运行；一个阶段如果支撑它的每个能力（阶段列出的和其价值项列出的）都靠手工完成，它就完全没有 IT 支持。时间、差错和对个别专家的依赖往往就在这里，这也是数字化赋能的候选。这是值得看到的事实，而不是缺陷：该规则仅作提示。只有当支撑阶段的每个能力都写明 `enablement: manual` 时才会报告该阶段；没有 `enablement` 的能力或无法解析的引用会使答案未知，该阶段不予报告。只计算所列出的能力，不计能力树中其上级或下级能力。

# VSM201
explain-unused-capability-summary = 没有被任何地方使用的业务能力，它本身及其下级能力都未被使用；每个未使用的子树在其顶端报告一条
explain-unused-capability-text = 当一个业务能力或其下任何能力被阶段、价值项、业务流程或流程步骤引用时，它就是被使用的。没有被任何地方使用的能力，要么已经过时，要么是一条从未画出的连线；无论哪种，热力图都会显示一项无法关联到任何价值阶段的投入。整个未使用的分支只在其顶端报告一次，并附上其下能力的数量。

# VSM202
explain-unused-process-summary = 没有实现任何阶段的业务流程
explain-unused-process-text = 端到端流程是为实现价值流的阶段而存在的。没有任何阶段在 `processes:` 下列出的业务流程，与客户获得的任何价值都没有关联。

# VSM203
explain-unused-information-summary = 没有被任何地方使用的信息项
explain-unused-information-text = 业务能力越来越依赖数据运行。没有被任何阶段、业务流程或流程步骤使用的信息项，不在从阶段到其所需数据的映射之中。

# VSM204
explain-unused-business-object-summary = 没有被任何地方使用的业务对象
explain-unused-business-object-text = 所有活动都围绕业务对象展开（投诉工单、订单、客户）。没有被任何阶段、信息项或相关业务对象提及的业务对象，处在模型所描绘的工作之外。

# VSM205
explain-process-without-owner-summary = 没有负责人的业务流程或流程步骤
explain-process-without-owner-text = 业务流程把业务能力串联起来，让每个步骤都有人负责。没有端到端负责人的流程或无人负责的步骤，正是交接失败、投诉停滞的地方。

# VSM206
explain-information-without-object-summary = 没有围绕业务对象组织的信息项
explain-information-without-object-text = 信息围绕业务对象组织：联系记录属于客户档案，回访记录属于投诉工单。没有业务对象的信息项，与它所描述的事物脱节。

# VSM207
explain-missing-description-summary = 没有描述的元素
explain-missing-description-text = 元素和业务能力的描述是架构清单的一部分：只有名称，每个部门的理解都会不同。默认关闭；当模型要作为参考基准时，请开启它（在 `vsm.yaml` 中写 `missing-description: info`）。它涵盖利益相关方、价值流、阶段、业务能力、业务流程、信息项和业务对象。

# VSM208
explain-maturity-gap-summary = 目标成熟度低于当前成熟度（很可能写反了）
explain-maturity-gap-text = `target_maturity` 与 `maturity` 之间的差距决定热力图的颜色。目标低于当前成熟度，意味着企业计划在这方面变得更差；这几乎总是两个数字写反了。

# VSM209
explain-commitment-without-owner-summary = 没有任何部门或角色负责的服务承诺
explain-commitment-without-owner-text = 分级承诺之所以有效，是因为每一项都落到一个具名的部门或角色上。没有负责人的承诺无人监控，违反了也没有后果。

# VSM210
explain-focus-perception-uncovered-summary = 没有任何服务承诺回应的关键感知点
explain-focus-perception-uncovered-text = 关键感知点是为改进而选出的少数客户接触点。每个关键感知点都应有服务承诺来回应（在承诺上写 `perception:`）；没有回应的，就是选出来之后被遗忘了。

# VSM211
explain-unused-stakeholder-summary = 没有被任何阶段、触发方、业务流程、步骤、承诺或业务能力提及的利益相关方
explain-unused-stakeholder-text = 利益相关方触发价值流、参与阶段，并负责业务能力、业务流程、步骤和承诺。没有被任何地方提及的利益相关方在模型中没有角色：可能是早期版本遗留下来的一方，或者其角色从未写下来。

# VSM212
explain-confusable-ids-summary = 同一类中两个看起来相似的 id（Unicode 易混淆字符）
explain-confusable-ids-text = id 按字符逐一比较，因此 `admin` 和 `аdmin`（首字母为西里尔字母）是两个利益相关方，在另一种键盘上输入的引用会指向错误的那个，或者谁也不指向，而文件中看不出任何异样。当同一类中两个 id 的 Unicode 骨架（TR39：每个字符替换为容易与之混淆的字符，如西里尔字母 `а` 对应拉丁字母 `a`、`0` 对应 `O`、`rn` 对应 `m`）相同时，它们就是易混淆的。阶段只与其所在价值流的其他阶段比较，因为阶段引用首先写出价值流。请重命名其中一个；如果两者本是同一元素，就将其合并。

# VSM213
explain-missing-flow-times-summary = 在其他阶段有时间的价值流中，某个阶段既没有处理时间也没有等待时间
explain-missing-flow-times-text = 流动指标（`vsm table --view flow`：前置时间、关键路径、流动效率）把各阶段的 `process_time` 与 `wait_time` 相加。两者都没有的阶段绝不会按零计算，因此当价值流中有些阶段有时间、有些没有时，该价值流的前置时间只是一个下限（`≥ 15d, 5 of 6 stages have no times`）。默认关闭；当价值流的指标应当完整时，请开启它（在 `vsm.yaml` 中写 `missing-flow-times: info`）。没有任何阶段有时间的价值流不予报告。
