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
                    format!("process `{id}` has no owner"),
                )
                .help("add `owner:` with the stakeholder who answers for it end to end"),
            );
        }
        for (position, step) in process.steps.iter().enumerate() {
            if step.owner.is_some() {
                continue;
            }
            let (loc, what) = match &step.name {
                Some(name) => (name.loc, format!("step \"{}\"", name.value)),
                None => (step.loc, format!("step {}", position + 1)),
            };
            out.push(
                Finding::new(&RULE, loc, format!("{what} of process `{id}` has no owner"))
                    .help("add `owner:` to the step with the department or role responsible for it")
                    .path(format!("processes.{id}.steps.{position}"))
                    .owner(Owner::Element(Kind::Process, index as u32)),
            );
        }
    }
}
