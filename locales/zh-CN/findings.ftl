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
