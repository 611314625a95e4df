use super::Context;
use crate::catalog::LEVEL_MISMATCH as RULE;
use crate::diag::{Finding, Owner};
use crate::model::Kind;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let depth = &ctx.resolved.capability_depth;
    for (index, (id, capability)) in ctx.model.capabilities.iter().enumerate() {
        let (Some(level), Some(actual)) = (&capability.level, depth[index]) else {
            continue;
        };
        // A parent that does not resolve is already an error; its depth is unknown.
        if capability.parent.is_some() && ctx.resolved.capability_parent[index].is_none() {
            continue;
        }
        if u32::from(level.value) != actual {
            out.push(
                Finding::new(
                    &RULE,
                    level.loc,
                    crate::says!(
                        "level-mismatch",
                        capability = id,
                        actual = actual.to_string(),
                        written = level.value.to_string()
                    ),
                )
                .help(crate::says!(
                    "level-mismatch-help",
                    actual = actual.to_string()
                ))
                .path(format!("capabilities.{id}.level"))
                .owner(Owner::Element(Kind::Capability, index as u32)),
            );
        }
    }
}
