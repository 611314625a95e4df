use super::{element_finding, Context};
use crate::catalog::UNUSED_STAKEHOLDER as RULE;
use crate::diag::Finding;
use crate::model::Kind;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (index, (id, stakeholder)) in ctx.model.stakeholders.iter().enumerate() {
        if ctx.resolved.usage.stakeholder[index] == 0 {
            out.push(
                element_finding(
                    &RULE,
                    Kind::Stakeholder,
                    index,
                    &stakeholder.common,
                    crate::says!("unused-stakeholder", stakeholder = id),
                )
                .help(crate::says!("unused-stakeholder-help")),
            );
        }
    }
}
