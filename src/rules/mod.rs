//! The rule catalog: one file per rule, one registry listing them.
//!
//! A rule file holds the rule's code, name, default severity, its documentation (summary,
//! why it matters, a bad and a good example: `vsm explain` and `docs/rules.md` are generated
//! from it) and, for rules that look at the resolved model, the check itself. Structural rules
//! (VSM001–VSM008) are raised by the loader and the resolver; their files hold the documentation.

use crate::diag::{Finding, Severity};
use crate::model::Model;
use crate::resolve::Resolved;
use crate::source::Sources;

mod business_object_unused;
mod capability_cycle;
mod commitment_cycle;
mod commitment_over_budget;
mod commitment_without_owner;
mod duplicate_id;
mod empty_value_stream;
mod focus_perception_uncovered;
mod information_without_object;
mod invalid_id;
mod invalid_value;
mod level_mismatch;
mod maturity_gap;
mod missing_description;
mod missing_entry_conditions;
mod missing_exit_conditions;
mod missing_field;
mod no_participants;
mod no_value_item;
mod process_without_owner;
mod stage_flow;
mod stage_without_capability;
mod trigger_not_involved;
mod unknown_field;
pub mod unknown_rule;
mod unresolved_reference;
mod unsupported_value_item;
mod unused_capability;
mod unused_information;
mod unused_process;
mod unused_suppression;
mod wrong_kind_reference;
mod yaml_syntax;

pub use business_object_unused::RULE as UNUSED_BUSINESS_OBJECT;
pub use capability_cycle::RULE as CAPABILITY_CYCLE;
pub use commitment_cycle::RULE as COMMITMENT_CYCLE;
pub use commitment_over_budget::{duration_limit, RULE as COMMITMENT_OVER_BUDGET};
pub use duplicate_id::RULE as DUPLICATE_ID;
pub use empty_value_stream::RULE as EMPTY_VALUE_STREAM;
pub use invalid_id::RULE as INVALID_ID;
pub use invalid_value::RULE as INVALID_VALUE;
pub use level_mismatch::depths as capability_depths;
pub use missing_field::RULE as MISSING_FIELD;
pub use no_value_item::RULE as NO_VALUE_ITEM;
pub use stage_flow::RULE as STAGE_FLOW;
pub use unknown_field::RULE as UNKNOWN_FIELD;
pub use unknown_rule::RULE as UNKNOWN_RULE;
pub use unresolved_reference::RULE as UNRESOLVED_REFERENCE;
pub use unused_suppression::RULE as UNUSED_SUPPRESSION;
pub use wrong_kind_reference::RULE as WRONG_KIND_REFERENCE;
pub use yaml_syntax::RULE as YAML_SYNTAX;

/// What a check reads.
pub struct Context<'a> {
    pub model: &'a Model,
    pub resolved: &'a Resolved,
    pub sources: &'a Sources,
}

impl<'a> Context<'a> {
    /// Every stage with its stream: (stream index, stream id, stage index, stage id, stage).
    pub fn stages(&self) -> impl Iterator<Item = StageRef<'a>> + 'a {
        self.model
            .value_streams
            .iter()
            .enumerate()
            .flat_map(|(si, (stream_id, stream))| {
                stream
                    .stages
                    .iter()
                    .enumerate()
                    .map(move |(gi, (stage_id, stage))| StageRef {
                        stream_index: si,
                        stream_id,
                        stream,
                        stage_index: gi,
                        stage_id,
                        stage,
                    })
            })
    }
}

/// A stage and where it sits.
#[derive(Clone, Copy)]
pub struct StageRef<'a> {
    pub stream_index: usize,
    pub stream_id: &'a str,
    pub stream: &'a crate::model::ValueStream,
    pub stage_index: usize,
    pub stage_id: &'a str,
    pub stage: &'a crate::model::Stage,
}

impl StageRef<'_> {
    pub fn path(&self) -> String {
        format!("value_streams.{}.stages.{}", self.stream_id, self.stage_id)
    }

    pub fn owner(&self) -> crate::diag::Owner {
        crate::diag::Owner::Stage {
            stream: self.stream_index as u32,
            stage: self.stage_index as u32,
        }
    }

    /// A finding about this stage, at its key.
    pub fn finding(&self, rule: &'static Rule, message: String) -> Finding {
        Finding::new(rule, self.stage.common.id.loc, message)
            .path(self.path())
            .owner(self.owner())
    }
}

/// A finding about a top-level element, at its key.
pub fn element_finding(
    rule: &'static Rule,
    kind: crate::model::Kind,
    index: usize,
    common: &crate::model::Common,
    message: String,
) -> Finding {
    Finding::new(rule, common.id.loc, message)
        .path(format!("{}.{}", kind.section(), common.id.value))
        .owner(crate::diag::Owner::Element(kind, index as u32))
}

/// A check: reads the model, pushes findings.
pub type Check = fn(&Context<'_>, &mut Vec<Finding>);

/// The catalog groups of `rules.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Structure,
    Value,
    Hygiene,
}

impl Group {
    pub fn title(self) -> &'static str {
        match self {
            Group::Structure => "Structure",
            Group::Value => "Value",
            Group::Hygiene => "Coverage and hygiene",
        }
    }
}

/// One rule of the catalog.
#[derive(Debug)]
pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub group: Group,
    /// `None`: off unless configured or selected.
    pub default: Option<Severity>,
    /// One line: what it catches.
    pub summary: &'static str,
    /// Why it matters, in a paragraph or two.
    pub explanation: &'static str,
    /// A model fragment that triggers the rule.
    pub bad: &'static str,
    /// The same fragment fixed.
    pub good: &'static str,
    /// `None` for rules raised while loading and resolving.
    pub check: Option<Check>,
}

impl Rule {
    /// Structural rules cannot be switched off: without them the model is not readable.
    pub fn can_be_disabled(&self) -> bool {
        self.code > "VSM008"
    }
}

impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

/// Every rule, in code order.
pub static RULES: &[&Rule] = &[
    &yaml_syntax::RULE,
    &unknown_field::RULE,
    &invalid_value::RULE,
    &missing_field::RULE,
    &duplicate_id::RULE,
    &unresolved_reference::RULE,
    &wrong_kind_reference::RULE,
    &invalid_id::RULE,
    &empty_value_stream::RULE,
    &capability_cycle::RULE,
    &level_mismatch::RULE,
    &stage_flow::RULE,
    &commitment_cycle::RULE,
    &commitment_over_budget::RULE,
    &unknown_rule::RULE,
    &unused_suppression::RULE,
    &no_value_item::RULE,
    &unsupported_value_item::RULE,
    &missing_entry_conditions::RULE,
    &missing_exit_conditions::RULE,
    &no_participants::RULE,
    &stage_without_capability::RULE,
    &trigger_not_involved::RULE,
    &unused_capability::RULE,
    &unused_process::RULE,
    &unused_information::RULE,
    &business_object_unused::RULE,
    &process_without_owner::RULE,
    &information_without_object::RULE,
    &missing_description::RULE,
    &maturity_gap::RULE,
    &commitment_without_owner::RULE,
    &focus_perception_uncovered::RULE,
];

/// Finds a rule by code (`VSM101`, any case) or name (`no-value-item`).
pub fn lookup(code_or_name: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// "did you mean" among codes and names.
pub fn suggest(code_or_name: &str) -> Option<String> {
    let candidates = RULES.iter().flat_map(|r| [r.code, r.name]);
    crate::suggest::help(code_or_name, candidates)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_sorted_and_named_in_kebab_case() {
        for pair in RULES.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} before {}",
                pair[0].code,
                pair[1].code
            );
        }
        for rule in RULES {
            assert!(
                rule.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                rule.name
            );
            assert!(!rule.summary.is_empty() && !rule.explanation.is_empty());
            assert!(
                !rule.bad.is_empty() && !rule.good.is_empty(),
                "{} needs examples",
                rule.code
            );
        }
        assert_eq!(RULES.len(), 33);
    }

    #[test]
    fn lookup_by_code_or_name() {
        assert_eq!(lookup("vsm101").unwrap().name, "no-value-item");
        assert_eq!(lookup("no-value-item").unwrap().code, "VSM101");
        assert!(lookup("no-value-items").is_none());
        assert_eq!(
            suggest("no-value-items").as_deref(),
            Some("did you mean `no-value-item`?")
        );
    }

    #[test]
    fn structural_rules_stay_on() {
        assert!(!lookup("VSM008").unwrap().can_be_disabled());
        assert!(lookup("VSM009").unwrap().can_be_disabled());
    }
}
