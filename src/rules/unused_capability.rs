use super::{element_finding, Context};
use crate::catalog::UNUSED_CAPABILITY as RULE;
use crate::diag::Finding;
use crate::model::Kind;

/// One finding per unused subtree, at its top: a capability nothing uses, directly or below
/// it, whose parent is used (or which has none). Under an unused parent it is part of that
/// parent's finding; a `parent` loop is VSM010's to report.
pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let usage = &ctx.resolved.usage.capability;
    for (index, (id, capability)) in ctx.model.capabilities.iter().enumerate() {
        let used = usage[index];
        if used.used() || ctx.resolved.capability_depth[index].is_none() {
            continue;
        }
        let parent = ctx.resolved.capability_parent[index];
        if parent.is_some_and(|p| !usage[p].used()) {
            continue;
        }
        let subject = match used.below {
            0 => format!("capability `{id}` is"),
            1 => format!("capability `{id}` and the capability below it are"),
            n => format!("capability `{id}` and the {n} capabilities below it are"),
        };
        let help = if used.below == 0 {
            "link it where it is needed (a stage's or value item's `capabilities`), or remove it"
        } else {
            "link the capabilities where they are needed (a stage's or value item's \
             `capabilities`), or remove the branch"
        };
        out.push(
            element_finding(
                &RULE,
                Kind::Capability,
                index,
                &capability.common,
                format!("{subject} used by no stage, value item, process or step"),
            )
            .help(help),
        );
    }
}
