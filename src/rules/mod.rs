//! The checks: one file per rule that looks at the resolved model, and the registry that
//! pairs each check with its rule of the [catalog](crate::catalog). Rules the loader, the
//! resolver or the findings pipeline raise (VSM001–VSM008, VSM015, VSM016) have no check here.

use crate::catalog::{self, Rule};
use crate::diag::Finding;
use crate::model::Model;
use crate::resolve::Resolved;
use crate::source::Sources;

mod business_object_unused;
mod capability_cycle;
mod commitment_beyond_flow;
mod commitment_cycle;
mod commitment_over_budget;
mod commitment_without_owner;
mod confusable_ids;
mod empty_value_stream;
mod focus_perception_uncovered;
mod information_without_object;
mod level_mismatch;
mod maturity_gap;
mod missing_description;
mod missing_entry_conditions;
mod missing_exit_conditions;
mod missing_flow_times;
mod no_participants;
mod no_value_item;
mod perception_scale_mismatch;
mod process_without_owner;
mod stage_flow;
mod stage_without_capability;
mod stage_without_it_support;
mod trigger_not_involved;
mod unsupported_value_item;
mod unused_capability;
mod unused_information;
mod unused_process;
mod unused_stakeholder;

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
    pub fn finding(&self, rule: &'static Rule, message: impl Into<crate::diag::Says>) -> Finding {
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
    message: impl Into<crate::diag::Says>,
) -> Finding {
    Finding::new(rule, common.id.loc, message)
        .path(format!("{}.{}", kind.section(), common.id.value))
        .owner(crate::diag::Owner::Element(kind, index as u32))
}

/// What an element is, as the messages of `findings.ftl` select their noun by it
/// (`{ $kind -> [value-stream] ... }`): a Fluent variant key has no spaces.
pub fn kind_key(kind: crate::model::Kind) -> &'static str {
    use crate::model::Kind;
    match kind {
        Kind::Stakeholder => "stakeholder",
        Kind::ValueStream => "value-stream",
        Kind::Stage => "stage",
        Kind::Capability => "capability",
        Kind::Process => "process",
        Kind::Information => "information",
        Kind::BusinessObject => "business-object",
        Kind::Commitment => "commitment",
        Kind::Perception => "perception",
    }
}

/// A check: reads the model, pushes findings.
pub type Check = fn(&Context<'_>, &mut Vec<Finding>);

/// Every check with the rule whose findings it raises, in code order: adding a rule is its
/// file, its entry in the catalog and one line here.
pub static CHECKS: &[(&Rule, Check)] = &[
    (&catalog::EMPTY_VALUE_STREAM, empty_value_stream::check),
    (&catalog::CAPABILITY_CYCLE, capability_cycle::check),
    (&catalog::LEVEL_MISMATCH, level_mismatch::check),
    (&catalog::STAGE_FLOW, stage_flow::check),
    (&catalog::COMMITMENT_CYCLE, commitment_cycle::check),
    (
        &catalog::COMMITMENT_OVER_BUDGET,
        commitment_over_budget::check,
    ),
    (&catalog::NO_VALUE_ITEM, no_value_item::check),
    (
        &catalog::UNSUPPORTED_VALUE_ITEM,
        unsupported_value_item::check,
    ),
    (
        &catalog::MISSING_ENTRY_CONDITIONS,
        missing_entry_conditions::check,
    ),
    (
        &catalog::MISSING_EXIT_CONDITIONS,
        missing_exit_conditions::check,
    ),
    (&catalog::NO_PARTICIPANTS, no_participants::check),
    (
        &catalog::STAGE_WITHOUT_CAPABILITY,
        stage_without_capability::check,
    ),
    (&catalog::TRIGGER_NOT_INVOLVED, trigger_not_involved::check),
    (
        &catalog::PERCEPTION_SCALE_MISMATCH,
        perception_scale_mismatch::check,
    ),
    (
        &catalog::COMMITMENT_BEYOND_FLOW,
        commitment_beyond_flow::check,
    ),
    (
        &catalog::STAGE_WITHOUT_IT_SUPPORT,
        stage_without_it_support::check,
    ),
    (&catalog::UNUSED_CAPABILITY, unused_capability::check),
    (&catalog::UNUSED_PROCESS, unused_process::check),
    (&catalog::UNUSED_INFORMATION, unused_information::check),
    (
        &catalog::UNUSED_BUSINESS_OBJECT,
        business_object_unused::check,
    ),
    (
        &catalog::PROCESS_WITHOUT_OWNER,
        process_without_owner::check,
    ),
    (
        &catalog::INFORMATION_WITHOUT_OBJECT,
        information_without_object::check,
    ),
    (&catalog::MISSING_DESCRIPTION, missing_description::check),
    (&catalog::MATURITY_GAP, maturity_gap::check),
    (
        &catalog::COMMITMENT_WITHOUT_OWNER,
        commitment_without_owner::check,
    ),
    (
        &catalog::FOCUS_PERCEPTION_UNCOVERED,
        focus_perception_uncovered::check,
    ),
    (&catalog::UNUSED_STAKEHOLDER, unused_stakeholder::check),
    (&catalog::CONFUSABLE_IDS, confusable_ids::check),
    (&catalog::MISSING_FLOW_TIMES, missing_flow_times::check),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_belongs_to_one_rule_that_can_be_switched_off() {
        for pair in CHECKS.windows(2) {
            assert!(
                pair[0].0.code < pair[1].0.code,
                "{} before {}",
                pair[0].0.code,
                pair[1].0.code
            );
        }
        for (rule, _) in CHECKS {
            assert!(
                catalog::RULES.contains(rule),
                "{} is not in the catalog",
                rule.code
            );
            assert!(
                rule.can_be_disabled(),
                "{} is structural: the loader raises it",
                rule.code
            );
        }
    }
}
