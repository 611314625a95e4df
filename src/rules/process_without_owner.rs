use super::{element_finding, Context};
use crate::catalog::PROCESS_WITHOUT_OWNER as RULE;
use crate::diag::{Finding, Owner};
use crate::model::Kind;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (index, (id, process)) in ctx.model.processes.iter().enumerate() {
        if process.owner.is_none() {
            out.push(
                element_finding(
                    &RULE,
                    Kind::Process,
                    index,
                    &process.common,
                    crate::says!("process-without-owner", process = id.as_str()),
                )
                .help(crate::says!("process-without-owner-help")),
            );
        }
        for (position, step) in process.steps.iter().enumerate() {
            if step.owner.is_some() {
                continue;
            }
            let (loc, message) = match &step.name {
                Some(name) => (
                    name.loc,
                    crate::says!(
                        "process-without-owner-named-step",
                        step = name.value.as_str(),
                        process = id.as_str()
                    ),
                ),
                None => (
                    step.loc,
                    crate::says!(
                        "process-without-owner-numbered-step",
                        position = (position + 1).to_string(),
                        process = id.as_str()
                    ),
                ),
            };
            out.push(
                Finding::new(&RULE, loc, message)
                    .help(crate::says!("process-without-owner-step-help"))
                    .path(format!("processes.{id}.steps.{position}"))
                    .owner(Owner::Element(Kind::Process, index as u32)),
            );
        }
    }
}
