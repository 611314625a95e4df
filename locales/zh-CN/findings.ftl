# The messages of findings, in every output format (`vsm check`, SARIF, GitHub, JUnit, JSON).

## `vsm check` 在检查结果周围的措辞（人读格式）：严重程度、建议、汇总。

check-error = 错误
check-warning = 警告
check-info = 提示
check-help = 建议
check-no-findings = 没有检查结果
check-summary = 已检查 {$files} 个文件（{$streams} 个价值流、{$stages} 个阶段、{$elements} 个元素）：{$findings}，用时 {$ms} 毫秒
check-summary-counts = {$errors}、{$warnings}、{$infos}
check-skipped = ；跳过了 {$n} 个不含模型段的 YAML 文件（{$listed}）
check-skipped-listed = 已在上方列出
check-skipped-verbose = --verbose 会列出它们
check-skipped-file = 已跳过 `{$path}`：{$why}
check-skip-no-model-section = 它不含模型段
check-skip-config = 它是 vsm 配置文件
check-held-back = 暂不显示 {$n} 条检查结果：它们可能源于 {$names} 中无法读取的部分；请先修复该部分
check-and = {$rest} 和 {$last}
check-suppressed = 抑制注释隐藏了 {$n} 条检查结果。
check-baseline-written = 已将 {$n} 条检查结果写入基线 `{$file}`；使用 --baseline {$file} 运行时只报告新的检查结果。
check-baseline-hid = 基线 `{$file}` 隐藏了 {$n} 条检查结果
check-baseline-stale = ；其中 {$n} 个条目已不再出现（已过时）：请用 --write-baseline {$file} 刷新
check-changed-since = 只报告了自 `{$since}` 以来更改过的 {$changed} 个文件（共 {$total} 个）中的检查结果。

## 加载器和解析器的消息中嵌入的词：元素种类、YAML 节点的类型。

kind-stakeholder = 利益相关方
kind-value-stream = 价值流
kind-stage = 阶段
kind-capability = 业务能力
kind-process = 业务流程
kind-information = 信息项
kind-business-object = 业务对象
kind-commitment = 服务承诺
kind-perception = 客户感知点
kind-a-stakeholder = 利益相关方
kind-a-value-stream = 价值流
kind-a-stage = 阶段
kind-a-capability = 业务能力
kind-a-process = 业务流程
kind-a-information = 信息项
kind-a-business-object = 业务对象
kind-a-commitment = 服务承诺
kind-a-perception = 客户感知点
found-list = 列表
found-mapping = 映射
found-alias = 别名
found-null = 空值（null）
found-boolean = 布尔值
found-integer = 整数
found-number = 数字
found-text = 文本

## VSM001–VSM008、VSM015、VSM016：加载器、解析器和抑制注释。

did-you-mean = 是否想写 `{$candidate}`？
explain-lists-rules = `vsm explain` 会列出所有规则
first-written-here = 第一次写在这里
first-defined-here = 第一次定义在这里
invalid-yaml = YAML 无效：{$error}
unknown-field = 未知的{ $what ->
        [section] 模型段
       *[other] 字段
    } `{$key}`
unknown-field-known = 已知的{ $what ->
        [section] 模型段
       *[other] 字段
    }：{$known}
file-not-a-mapping = 模型文件必须是由模型段组成的映射，但此文档是{$found}
file-not-a-mapping-help = 以下列模型段之一开始文件：{$sections}
key-not-text = 键必须是文本，不能是{$found}
key-written-twice = `{$key}` 在此映射中写了两次
key-written-twice-help = YAML 只保留其中一个：请合并两者或重命名其中一个
merge-key-not-a-mapping = 合并键 `<<` 的值应为映射或映射列表，实际是{$found}
merge-key-not-a-mapping-help = 写成 `<<: *anchor`，使用某个映射的锚点
section-not-a-mapping = `{$field}` 应为从 id 到元素的映射，实际是{$found}
section-not-a-mapping-help = `{$field}` 是以 id 为键的映射，不是列表：在 `{$field}:` 下缩进写 `{$id}: {"{"}{$name}: ...{"}"}`，不要写 `- `
id-written-twice-nfc = `{$id}` 在此映射中以两种 Unicode 形式写了两次
id-written-twice-nfc-help = id 按 Unicode NFC 形式比较：请合并两者或重命名其中一个
id-defined-twice = {$kind} `{$id}` 定义了两次
id-defined-twice-help = 同一种类的 id 在所有文件中必须唯一：请重命名或合并其中一个
model-section-twice = `{$section}` 段写了两次
model-section-twice-help = 一个模型最多只有一个 `{$section}` 段：请合并它们
model-section-twice-keep-one = 一个模型最多只有一个 `{$section}` 段：请只保留一个
element-has-no-field = {$kind} `{$id}` 没有 `{$field}`
missing-name-help = 添加 `{$field}:`，写一个简短易读的名称
missing-trigger-help = 添加 `{$field}:`，写明其需求启动该价值流的利益相关方
value-item-has-no-name = 此价值项没有 `{$field}`
value-item-has-no-name-help = 添加 `{$field}:`，写明客户获得的价值
step-has-no-name = 此流程步骤没有 `{$field}`
step-has-no-name-help = 添加 `{$field}:`，写明该步骤做什么
unknown-reference = 未知的{$kind} `{$id}`
wrong-kind-reference = `{$id}` 是{$other}，不是{$kind}
list-it-under = 请改为列在 `{$section}` 下
remove-the-spaces = 删除 `{$id}` 两侧的空格
stage-reference-write = 阶段的引用形式为 `stream/stage`：写成 `{$stream}/{$stage}`
stage-reference-form = 阶段的引用形式为 `stream/stage`
stream-has-no-stage = 价值流 `{$stream}` 没有阶段 `{$stage}`
cannot-switch-off = 不能关闭 {$code} {$rule}：没有它就无法读取模型
cannot-switch-off-help = 请改为修复问题；只有 VSM009 及以后的规则可以用 allow 关闭
cannot-suppress = 不能抑制 {$code} {$rule}：没有它就无法读取模型
cannot-suppress-help = 请改为修复问题；只有 VSM009 及以后的规则可以被抑制
not-a-rule-allow = `{$name}` 不是规则代码或规则名
not-a-rule-comment = 抑制注释中的 `{$name}` 不是规则代码或规则名
unused-suppression-file = 未使用的抑制：此文件中没有 {$code} {$rule} 检查结果
unused-suppression-line = 未使用的抑制：它覆盖的那一行没有 {$code} {$rule} 检查结果
unused-suppression-file-help = 从 `ignore-file` 注释中删除它：`{$written}` 没有隐藏任何内容
unused-suppression-line-help = 从注释中删除它：`{$written}` 没有隐藏任何内容
unused-suppression-only-help = 删除该注释：它没有隐藏任何内容
text-needs-quotes = 文本中的 `key: value` 需要加引号：把文本写在 "..." 中
must-be-text = `{$field}` 必须是文本，实际是{$found}
must-be-a-list = `{$field}` 必须是列表，实际是映射
empty-entry = `{$field}` 中有一个空条目
empty-entry-help = 删除它或写一个 id
empty-id = `{$field}` 中有一个空 id
empty-id-help = 写一个 id，或删除该条目
expected-an-id = `{$field}` 中应为 id，实际是{$found}
must-be-one-id = `{$field}` 必须是一个 id，实际是{$found}
takes-one-id = `{$field}` 只接受一个 id
must-be-boolean = `{$field}` 必须是 true 或 false，实际是{$found}
yaml-1-2-write = YAML 1.2 把它读作文本：请写 `{$value}`
write-true-or-false = 请写 `true` 或 `false`
not-a-valid-value = `{$value}` 不是有效的 `{$field}`
use-one-of = 请使用以下之一：{$values}
fields-as-a-mapping = 应为{$kind}（由字段组成的映射），实际是{$found}
fields-as-a-mapping-help = 把字段写成映射，例如 `{"{"}name: {$name}{"}"}`

## VSM101 no-value-item

no-value-item = 阶段 `{ $stage }` 没有交付任何价值项：它没有为客户增加价值
no-value-item-help = 添加 `value_items:`，写明客户在此获得什么；或者删除该阶段，或将其与相邻阶段合并

## VSM009 empty-value-stream

empty-value-stream-no-stages = 价值流 `{ $stream }` 没有 `stages`
empty-value-stream-empty-stages = 价值流 `{ $stream }` 的 `stages` 为空
empty-value-stream-help = 将价值流切分为若干阶段，每个阶段写明它增加的价值

## VSM010 capability-cycle

capability-cycle = `{ $capability }` 的上级业务能力形成循环：{ $chain } → { $capability }
capability-cycle-help = 一级业务能力没有 `parent`：删除最顶层那个业务能力的 `parent`

## VSM011 level-mismatch

level-mismatch = `{ $capability }` 在上级链中位于第 { $actual } 级，而不是第 { $written } 级
level-mismatch-help = 写成 `level: { $actual }`，或删除 `level`（它由 `parent` 推导得出）

## VSM012 stage-flow

stage-flow-other-stream = `{ $stage }` 是价值流 `{ $other }` 的阶段；`next` 只能指向 `{ $stream }` 内部的阶段
stage-flow-other-stream-help = 价值流之间通过触发或服务承诺交接，而不是通过 `next`
stage-flow-unreached = 从 `{ $stream }` 的第一个阶段出发，永远无法到达阶段 `{ $stage }`
stage-flow-unreached-help = 它前面的某个 `next` 跳过了它：把它加入那个 `next`，或删除该阶段
stage-flow-loop = 阶段流转在 { $stages } 之间循环，始终无法到达 `{ $stream }` 的终点
stage-flow-loop-help = 为循环中的某个阶段加上一个通往循环之外的 `next`，或用 `next: []` 结束该价值流

## VSM013 commitment-cycle

commitment-cycle = `{ $commitment }` 的子承诺经由 { $members } 循环回到它自身
commitment-cycle-help = 子承诺必须是更低一级的服务承诺：删除这个子承诺，或删除那个指回来的子承诺

## VSM014 commitment-over-budget

commitment-over-budget-sequential = `{ $commitment }` 承诺 { $target }，但其子承诺合计 { $used }（{ $parts }）
commitment-over-budget-parallel = `{ $commitment }` 承诺 { $target }，但其最长的子承诺需要 { $used }
commitment-over-budget-sequential-help = 将子承诺缩短 { $excess }，或放宽目标（如果它们同时进行，可标注 `composition: parallel`）
commitment-over-budget-parallel-help = 将子承诺缩短 { $excess }，或放宽目标
commitment-over-budget-part = `{ $part }`：{ $target }

## VSM102 unsupported-value-item

unsupported-value-item = 价值项“{ $item }”没有任何业务能力支撑
unsupported-value-item-help = 列出交付它的业务能力：写在价值项上（`capabilities:`）或写在阶段上

## VSM103 missing-entry-conditions

missing-entry-conditions = 阶段 `{ $stage }` 没有入口条件
missing-entry-conditions-help = 添加 `entry_conditions:`，写明阶段开始前必须满足的条件

## VSM104 missing-exit-conditions

missing-exit-conditions = 阶段 `{ $stage }` 没有出口条件
missing-exit-conditions-help = 添加 `exit_conditions:`，写明阶段完成时已满足的条件

## VSM105 no-participants

no-participants = 阶段 `{ $stage }` 没有列出参与的利益相关方
no-participants-help = 添加 `stakeholders:`，列出参与其中的内部或外部各方

## VSM106 stage-without-capability

stage-without-capability = 阶段 `{ $stage }` 没有使用任何业务能力
stage-without-capability-help = 在 `capabilities:` 下列出它需要的业务能力（写在阶段或其价值项上）

## VSM107 trigger-not-involved

trigger-not-involved = `{ $trigger }` 触发了 `{ $stream }`，却没有参与其中任何一个阶段
trigger-not-involved-help = 在触发方参与的阶段的 `stakeholders:` 下列出它

## VSM108 perception-scale-mismatch

perception-scale-mismatch-mixed = 客户感知点 `{ $perception }` 混用了 0–5 与 0–100 两种评分尺度（{ $scored ->
        [current] 当前值 { $current }
        [expected] 期望值 { $expected }
       *[both] 当前值 { $current }，期望值 { $expected }
    }）：其差距没有意义
perception-scale-mismatch-other = 客户感知点 `{ $perception }` 按 { $scale } 评分（{ $scored ->
        [current] 当前值 { $current }
        [expected] 期望值 { $expected }
       *[both] 当前值 { $current }，期望值 { $expected }
    }），而模型中的其他感知点按 { $model_scale } 评分
perception-scale-mismatch-help = 模型中的所有客户感知点都应按 { $scale } 评分

## VSM109 commitment-beyond-flow

commitment-beyond-flow = `{ $commitment }` 承诺 { $target }，但按模型中的时间，阶段 `{ $stage }` 需要 { $lead }（{ $drawn ->
        [process] 处理时间 { $process }
        [wait] 等待时间 { $wait }
       *[both] 处理时间 { $process } + 等待时间 { $wait }
    }）
commitment-beyond-flow-help = 将该阶段缩短 { $excess }（先缩短等待时间），或只承诺流程能够做到的目标
commitment-beyond-flow-process-time = 处理时间：{ $time }
commitment-beyond-flow-wait-time = 等待时间：{ $time }

## VSM110 stage-without-it-support

stage-without-it-support = 阶段 `{ $stage }` 没有信息系统支持：{ $n ->
        [1] 支撑它的唯一业务能力 { $capabilities } 为
       *[other] 支撑它的全部 { $n } 项业务能力（{ $capabilities }{ $more ->
            [0] {""}
           *[other] {" "}等
        }）均为
    } `enablement: manual`
stage-without-it-support-help = 这是数字化赋能的候选对象；如果已有系统支持其中部分工作，请在阶段上列出相应的业务能力
stage-without-it-support-manual = 人工

## VSM201 unused-capability

unused-capability = 业务能力 `{ $capability }` { $below ->
        [0] 没有
       *[other] 及其下级的 { $below } 项业务能力都没有
    }被任何阶段、价值项、业务流程或流程步骤使用
unused-capability-help = 在需要它的地方关联它（阶段或价值项的 `capabilities`），或删除它
unused-capability-branch-help = 在需要这些业务能力的地方关联它们（阶段或价值项的 `capabilities`），或删除整个分支

## VSM202 unused-process

unused-process = 业务流程 `{ $process }` 没有实现任何阶段
unused-process-help = 在它所实现的阶段的 `processes:` 下列出它，或删除它

## VSM203 unused-information

unused-information = 信息项 `{ $information }` 没有被任何阶段、业务流程或流程步骤使用
unused-information-help = 在需要它的地方的 `information:` 下列出它，或删除它

## VSM204 unused-business-object

unused-business-object = 业务对象 `{ $object }` 没有被任何阶段、信息项或其他业务对象引用
unused-business-object-help = 围绕它组织信息项（`business_object:`），在阶段上列出它，或删除它

## VSM205 process-without-owner

process-without-owner = 业务流程 `{ $process }` 没有负责人
process-without-owner-help = 添加 `owner:`，写明端到端对它负责的利益相关方
process-without-owner-named-step = 业务流程 `{ $process }` 的流程步骤“{ $step }”没有负责人
process-without-owner-numbered-step = 业务流程 `{ $process }` 的第 { $position } 个流程步骤没有负责人
process-without-owner-step-help = 为该步骤添加 `owner:`，写明负责它的部门或角色

## VSM206 information-without-object

information-without-object = 信息项 `{ $information }` 没有围绕任何业务对象组织
information-without-object-help = 添加 `business_object:`，写明它所描述的业务对象

## VSM207 missing-description

missing-description = { $kind ->
        [stakeholder] 利益相关方
        [value-stream] 价值流
        [stage] 阶段
        [capability] 业务能力
        [process] 业务流程
        [information] 信息项
        [business-object] 业务对象
        [commitment] 服务承诺
       *[perception] 客户感知点
    } `{ $id }` 没有描述
missing-description-help = 添加 `description:`，用一句话说明它是什么
missing-description-stage = 阶段 `{ $stage }` 没有描述
missing-description-stage-help = 添加 `description:`，说明该阶段中发生了什么

## VSM208 maturity-gap

maturity-gap = `{ $capability }` 的目标成熟度为 { $target }，但当前成熟度已达到 { $current }
maturity-gap-current = 当前成熟度
maturity-gap-help = `maturity` 和 `target_maturity` 是否写反了？

## VSM209 commitment-without-owner

commitment-without-owner = 服务承诺 `{ $commitment }` 没有负责人
commitment-without-owner-help = 添加 `owner:`，写明对它负责的部门或角色

## VSM210 focus-perception-uncovered

focus-perception-uncovered = 关键感知点 `{ $perception }` 没有任何服务承诺回应
focus-perception-uncovered-help = 添加一个以 `perception:` 指向它的服务承诺，或去掉 `focus: true`

## VSM211 unused-stakeholder

unused-stakeholder = 利益相关方 `{ $stakeholder }` 没有被任何阶段、触发方、业务流程、流程步骤、服务承诺或业务能力引用
unused-stakeholder-help = 在它参与的地方（阶段的 `stakeholders`）或它负责的地方（`owner:`）引用它，或删除它

## VSM212 confusable-ids

confusable-ids = { $kind ->
        [stakeholder] 利益相关方
        [value-stream] 价值流
        [stage] 阶段
        [capability] 业务能力
        [process] 业务流程
        [information] 信息项
        [business-object] 业务对象
        [commitment] 服务承诺
       *[perception] 客户感知点
    } `{ $id }` 看起来与 `{ $other }` 几乎一样
confusable-ids-detail = { $kind ->
        [stakeholder] 利益相关方
        [value-stream] 价值流
        [stage] 阶段
        [capability] 业务能力
        [process] 业务流程
        [information] 信息项
        [business-object] 业务对象
        [commitment] 服务承诺
       *[perception] 客户感知点
    } `{ $id }` 看起来与 `{ $other }` 几乎一样（{ $chars }）
confusable-ids-label = 与它相像的标识符
confusable-ids-help = 重命名其中一个；如果两者是同一个元素，则将其合并

## VSM213 missing-flow-times

missing-flow-times = 阶段 `{ $stage }` 没有处理时间或等待时间，而 `{ $stream }` 的 { $total } 个阶段中有 { $timed } 个已填写
missing-flow-times-help = 添加 `process_time:` 和 `wait_time:`，使该价值流的前置时间不只是一个下限
