# The messages of findings, in every output format (`vsm check`, SARIF, GitHub, JUnit, JSON).

## VSM101 no-value-item

no-value-item = 阶段 `{ $stage }` 没有交付任何价值项：它没有为客户增加价值
no-value-item-help = 添加 `value_items:`，写明客户在此获得什么；或者删除该阶段，或将其与相邻阶段合并
