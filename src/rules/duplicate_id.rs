use super::{Group, Rule};
use crate::diag::Severity;

/// Raised by the loader when an id (or a YAML key) is written twice.
pub const RULE: Rule = Rule {
    code: "VSM005",
    name: "duplicate-id",
    group: Group::Structure,
    default: Some(Severity::Error),
    summary: "an id defined twice for one kind (both places shown); duplicate YAML keys too",
    explanation: "Ids are how elements reference each other, so each must be unique per kind \
across all files. When the same id is defined twice, one definition silently wins and the other \
is lost. Duplicate keys in one YAML mapping are the same mistake. Both places are shown.",
    bad: "# a.yaml\ncapabilities:\n  call-routing: {name: Call routing}\n# b.yaml\ncapabilities:\n  call-routing: {name: Call distribution}\n",
    good: "# a.yaml\ncapabilities:\n  call-routing: {name: Call routing}\n# b.yaml\ncapabilities:\n  call-distribution: {name: Call distribution}\n",
    check: None,
};
