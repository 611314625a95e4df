use super::{Group, Rule};
use crate::diag::Severity;

/// Raised by the loader when a file cannot be parsed.
pub const RULE: Rule = Rule {
    code: "VSM001",
    name: "yaml-syntax",
    group: Group::Structure,
    default: Some(Severity::Error),
    summary: "the file is not valid YAML (location of the parser's error)",
    explanation:
        "A file that is not valid YAML cannot be read at all, so nothing in it is checked. \
The finding points where the parser gave up; the mistake is often just before it: an unclosed \
quote or bracket, a tab used for indentation, a value containing `: ` without quotes. A file that \
is not UTF-8 text is reported here too. The other files of the model are still checked.",
    bad: "capabilities:\n  call-routing: {name: Call routing, maturity: 2\n",
    good: "capabilities:\n  call-routing: {name: Call routing, maturity: 2}\n",
    check: None,
};
