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
        let help = if used.below == 0 {
            crate::says!("unused-capability-help")
        } else {
            crate::says!("unused-capability-branch-help")
        };
        out.push(
            element_finding(
                &RULE,
                Kind::Capability,
                index,
                &capability.common,
                crate::says!(
                    "unused-capability",
                    capability = id.as_str(),
                    below = used.below
                ),
            )
            .help(help),
        );
    }
}
