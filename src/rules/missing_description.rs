use super::{element_finding, kind_key, Context};
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
                    crate::says!(
                        "missing-description",
                        kind = kind_key(kind),
                        id = common.id.value.as_str()
                    ),
                )
                .help(crate::says!("missing-description-help")),
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
                s.finding(
                    &RULE,
                    crate::says!("missing-description-stage", stage = s.stage_id),
                )
                .help(crate::says!("missing-description-stage-help")),
            );
        }
    }
}
