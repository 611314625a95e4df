use super::{Group, Rule};
use crate::diag::Severity;

/// Raised by the loader for keys the format does not define.
pub const RULE: Rule = Rule {
    code: "VSM002",
    name: "unknown-field",
    group: Group::Structure,
    default: Some(Severity::Error),
    summary: "a key the format does not define (with did-you-mean)",
    explanation: "A misspelt key is silently meaningless: `value_item:` instead of `value_items:` \
leaves the stage without value items and nobody notices. Every key the format does not define \
is reported, with the nearest known key as a suggestion. Top-level keys must be sections.",
    bad: "stages:\n  connect:\n    name: Connect\n    value_item: [Customer is not kept waiting]\n",
    good:
        "stages:\n  connect:\n    name: Connect\n    value_items: [Customer is not kept waiting]\n",
    check: None,
};
