use super::Context;
use crate::catalog::MATURITY_GAP as RULE;
use crate::diag::{Finding, Owner};
use crate::model::Kind;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (index, (id, capability)) in ctx.model.capabilities.iter().enumerate() {
        let (Some(current), Some(target)) = (&capability.maturity, &capability.target_maturity)
        else {
            continue;
        };
        if target.value < current.value {
            out.push(
                Finding::new(
                    &RULE,
                    target.loc,
                    crate::says!(
                        "maturity-gap",
                        capability = id,
                        target = target.value.to_string(),
                        current = current.value.to_string()
                    ),
                )
                .label(current.loc, crate::says!("maturity-gap-current"))
                .help(crate::says!("maturity-gap-help"))
                .path(format!("capabilities.{id}.target_maturity"))
                .owner(Owner::Element(Kind::Capability, index as u32)),
            );
        }
    }
}
