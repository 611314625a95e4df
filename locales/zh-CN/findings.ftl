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

## VSM101 no-value-item

no-value-item = 阶段 `{ $stage }` 没有交付任何价值项：它没有为客户增加价值
no-value-item-help = 添加 `value_items:`，写明客户在此获得什么；或者删除该阶段，或将其与相邻阶段合并
