use super::Context;
use crate::catalog::TRIGGER_NOT_INVOLVED as RULE;
use crate::diag::{Finding, Owner};
use crate::model::Kind;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (index, (id, stream)) in ctx.model.value_streams.iter().enumerate() {
        let Some(trigger) = &stream.trigger else {
            continue;
        };
        if !ctx.model.stakeholders.contains_key(&trigger.value) || stream.stages.is_empty() {
            continue;
        }
        let involved = stream
            .stages
            .values()
            .any(|stage| stage.stakeholders.iter().any(|s| s.value == trigger.value));
        if !involved {
            out.push(
                Finding::new(
                    &RULE,
                    trigger.loc,
                    crate::says!(
                        "trigger-not-involved",
                        trigger = trigger.value.as_str(),
                        stream = id
                    ),
                )
                .help(crate::says!("trigger-not-involved-help"))
                .path(format!("value_streams.{id}.trigger"))
                .owner(Owner::Element(Kind::ValueStream, index as u32)),
            );
        }
    }
}
