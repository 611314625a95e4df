use super::{Group, Rule};
use crate::diag::Severity;

/// Raised by the loader for ids that cannot be referenced.
pub const RULE: Rule = Rule {
    code: "VSM008",
    name: "invalid-id",
    group: Group::Structure,
    default: Some(Severity::Error),
    summary: "an id with whitespace, `/` or `#`, or empty",
    explanation: "Ids are written in reference lists, where whitespace is trimmed, `/` separates \
a stream from its stage and `#` starts a comment. An id containing them cannot be referenced \
reliably. Use letters of any script, digits, `-`, `_` and `.`; kebab-case is the convention.",
    bad: "capabilities:\n  call routing: {name: Call routing}\n",
    good: "capabilities:\n  call-routing: {name: Call routing}\n",
    check: None,
};
