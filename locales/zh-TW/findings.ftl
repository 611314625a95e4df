# The messages of findings, in every output format (`vsm check`, SARIF, GitHub, JUnit, JSON).

## VSM101 no-value-item

no-value-item = 階段 `{ $stage }` 沒有交付任何價值項：它沒有為客戶增加價值
no-value-item-help = 新增 `value_items:`，寫明客戶在此獲得什麼；或者刪除該階段，或將其與相鄰階段合併
