use super::{Group, Rule};
use crate::diag::{Finding, Severity};
use crate::model::Ref;

/// Raised while reading `allow:` lists (the config's rule names exit with code 2 instead).
pub const RULE: Rule = Rule {
    code: "VSM015",
    name: "unknown-rule",
    group: Group::Structure,
    default: Some(Severity::Error),
    summary: "`allow` or the config names a rule that does not exist",
    explanation: "An `allow:` entry with a misspelt rule name switches nothing off, so the \
finding it was meant to silence keeps coming back, or worse, the misspelling hides that the \
entry is obsolete. Rules are named by code (`VSM101`) or name (`no-value-item`).",
    bad: "stages:\n  survey:\n    name: Satisfaction survey\n    allow: [no-value-items]\n",
    good: "stages:\n  survey:\n    name: Satisfaction survey\n    allow: [no-value-item]\n",
    check: None,
};

/// The rules an `allow:` list names; unknown names and rules that cannot be switched off
/// become findings.
pub fn read_allow(allow: &[Ref], path: &str, findings: &mut Vec<Finding>) -> Vec<&'static Rule> {
    let mut rules = Vec::with_capacity(allow.len());
    for entry in allow {
        match super::lookup(&entry.value) {
            Some(rule) if !rule.can_be_disabled() => findings.push(
                Finding::new(
                    &super::INVALID_VALUE,
                    entry.loc,
                    format!(
                        "{} {} cannot be switched off: the model is not readable without it",
                        rule.code, rule.name
                    ),
                )
                .help("fix the problem instead; only rules from VSM009 on can be allowed")
                .path(format!("{path}.allow")),
            ),
            Some(rule) => rules.push(rule),
            None => findings.push(
                Finding::new(
                    &RULE,
                    entry.loc,
                    format!("`{}` is not a rule code or name", entry.value),
                )
                .maybe_help(
                    super::suggest(&entry.value)
                        .or_else(|| Some("`vsm explain` lists every rule".into())),
                )
                .path(format!("{path}.allow")),
            ),
        }
    }
    rules
}
