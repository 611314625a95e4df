use super::{Group, Rule};
use crate::diag::Severity;

/// Raised by the resolver when an id exists, but as another kind.
pub const RULE: Rule = Rule {
    code: "VSM007",
    name: "wrong-kind-reference",
    group: Group::Structure,
    default: Some(Severity::Error),
    summary: "the id exists, but as another kind (e.g. a business object listed under `capabilities`)",
    explanation: "The id is defined, but as a different kind of element than the field expects, \
usually because it was listed under the wrong key. The message names the kind it really is.",
    bad: "stages:\n  understand:\n    name: Understand the need\n    capabilities: [customer-profile]   # a business object\n",
    good: "stages:\n  understand:\n    name: Understand the need\n    business_objects: [customer-profile]\n",
    check: None,
};
