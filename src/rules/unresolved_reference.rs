use super::{Group, Rule};
use crate::diag::Severity;

/// Raised by the resolver when a reference names no element.
pub const RULE: Rule = Rule {
    code: "VSM006",
    name: "unresolved-reference",
    group: Group::Structure,
    default: Some(Severity::Error),
    summary: "a reference to an id that does not exist (did-you-mean)",
    explanation: "A reference to a missing element breaks the mapping table and hides a gap: the \
stage looks supported by a capability that does not exist. The finding points at the reference \
and suggests the nearest id of the same kind. Stages are referenced as `stream/stage`.",
    bad: "stages:\n  connect:\n    name: Connect\n    capabilities: [call-routng]\n",
    good: "stages:\n  connect:\n    name: Connect\n    capabilities: [call-routing]\n",
    check: None,
};
