# The messages of findings, in every output format (`vsm check`, SARIF, GitHub, JUnit, JSON).
