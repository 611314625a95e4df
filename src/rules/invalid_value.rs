use super::{Group, Rule};
use crate::diag::Severity;

/// Raised by the loader for values of the wrong type or out of range.
pub const RULE: Rule = Rule {
    code: "VSM003",
    name: "invalid-value",
    group: Group::Structure,
    default: Some(Severity::Error),
    summary: "wrong type, out-of-range number, bad enum value, bad duration or target",
    explanation: "Heat maps and budget checks compute with these values: a maturity of 7 on a \
1–5 scale, an importance of `huge` or a duration of `soon` would make them wrong or empty. The \
finding points at the value itself and says what was expected.",
    bad: "capabilities:\n  call-routing:\n    name: Call routing\n    maturity: 7\n    importance: huge\n",
    good: "capabilities:\n  call-routing:\n    name: Call routing\n    maturity: 4\n    importance: high\n",
    check: None,
};
