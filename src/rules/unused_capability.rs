use super::{element_finding, Context};
use crate::catalog::UNUSED_CAPABILITY as RULE;
use crate::diag::Finding;
use crate::model::Kind;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (index, (id, capability)) in ctx.model.capabilities.iter().enumerate() {
        if ctx.resolved.usage.capability[index].total() == 0 {
            out.push(
                element_finding(&RULE, Kind::Capability, index, &capability.common, format!("capability `{id}` is used by no stage, value item, process or child capability"))
                    .help("link it where it is needed (a stage's or value item's `capabilities`), or remove it"),
            );
        }
    }
}
