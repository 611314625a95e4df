# The rule explanations of `vsm explain` (summary and explanation; the YAML examples stay as written).
