use super::{Context, Group, Rule};
use crate::diag::{Finding, Owner, Severity};
use crate::model::Kind;

pub const RULE: Rule = Rule {
    code: "VSM208",
    name: "maturity-gap",
    group: Group::Hygiene,
    default: Some(Severity::Info),
    summary: "target maturity below current maturity (probably swapped)",
    explanation: "The gap between `target_maturity` and `maturity` drives the heat map. A target \
below the current maturity would mean the business plans to get worse at it; it is almost \
always the two numbers swapped.",
    bad: "capabilities:\n  call-routing: {name: Call routing, maturity: 4, target_maturity: 2}\n",
    good: "capabilities:\n  call-routing: {name: Call routing, maturity: 2, target_maturity: 4}\n",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
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
                    format!(
                        "`{id}` targets maturity {} but is already at {}",
                        target.value, current.value
                    ),
                )
                .label(current.loc, "current maturity")
                .help("were `maturity` and `target_maturity` swapped?")
                .path(format!("capabilities.{id}.target_maturity"))
                .owner(Owner::Element(Kind::Capability, index as u32)),
            );
        }
    }
}
