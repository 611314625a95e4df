use super::{Group, Rule};
use crate::diag::Severity;

/// Raised by the loader when a required field is absent.
pub const RULE: Rule = Rule {
    code: "VSM004",
    name: "missing-field",
    group: Group::Structure,
    default: Some(Severity::Error),
    summary: "a required field is missing",
    explanation: "Every element needs a `name` (tables and reports show it), every value stream \
a `trigger` (the stakeholder whose need starts it), every value item and process step a `name`.",
    bad: "value_streams:\n  resolve-enquiry:\n    name: Resolve a customer enquiry\n    stages: {}\n",
    good: "value_streams:\n  resolve-enquiry:\n    name: Resolve a customer enquiry\n    trigger: customer\n    stages: {}\n",
    check: None,
};
