use super::{element_finding, Context};
use crate::catalog::MISSING_DESCRIPTION as RULE;
use crate::diag::Finding;
use crate::model::{Common, Kind};

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let model = ctx.model;
    let mut element = |kind: Kind, index: usize, common: &Common| {
        if common.description.is_none() {
            out.push(
                element_finding(
                    &RULE,
                    kind,
                    index,
                    common,
                    format!("{} `{}` has no description", kind.noun(), common.id.value),
                )
                .help("add `description:` saying what it is, in a sentence"),
            );
        }
    };
    for (i, e) in model.stakeholders.values().enumerate() {
        element(Kind::Stakeholder, i, &e.common);
    }
    for (i, e) in model.value_streams.values().enumerate() {
        element(Kind::ValueStream, i, &e.common);
    }
    for (i, e) in model.capabilities.values().enumerate() {
        element(Kind::Capability, i, &e.common);
    }
    for (i, e) in model.processes.values().enumerate() {
        element(Kind::Process, i, &e.common);
    }
    for (i, e) in model.information.values().enumerate() {
        element(Kind::Information, i, &e.common);
    }
    for (i, e) in model.business_objects.values().enumerate() {
        element(Kind::BusinessObject, i, &e.common);
    }
    for s in ctx.stages() {
        if s.stage.common.description.is_none() {
            out.push(
                s.finding(&RULE, format!("stage `{}` has no description", s.stage_id))
                    .help("add `description:` saying what happens in the stage"),
            );
        }
    }
}
