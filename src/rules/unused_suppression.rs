use super::{Group, Rule};
use crate::diag::Severity;

/// Raised by [`crate::suppress`] after every rule has run, as ruff's RUF100 does.
pub const RULE: Rule = Rule {
    code: "VSM016",
    name: "unused-suppression",
    group: Group::Structure,
    default: Some(Severity::Warning),
    summary: "a `# vsm: ignore[...]` comment that suppresses nothing",
    explanation: "A suppression comment (`# vsm: ignore[RULE]` at the end of a line or alone on \
the line above, `# vsm: ignore-file[RULE]` in the comment block at the top of a file) hides \
findings of the rules it names. Once the problem is fixed, or the line it guarded has moved, the \
comment hides nothing, but it still tells the next reader that something is wrong here, and it \
will silently swallow the next, unrelated finding of that rule on that line. Remove it. A \
malformed suppression comment (no `[...]`, an empty list, `ignore-file` below the top of the file) \
is reported here too: it suppresses nothing either. Rules switched off for the run are not \
reported, since nothing can be said about them.",
    bad: "stages:\n  connect:  # vsm: ignore[no-value-item]\n    name: Connect\n    value_items: [Customer is not kept waiting]\n",
    good: "stages:\n  connect:\n    name: Connect\n    value_items: [Customer is not kept waiting]\n",
    check: None,
};
