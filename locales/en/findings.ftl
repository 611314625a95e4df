# The messages of findings, in every output format (`vsm check`, SARIF, GitHub, JUnit, JSON).

## VSM101 no-value-item

no-value-item = stage `{ $stage }` delivers no value item: it adds no value to the customer
no-value-item-help = add `value_items:` naming what the customer gains here, or drop or merge the stage
