use super::{element_finding, Context, Group, Rule};
use crate::diag::{Finding, Owner, Severity};
use crate::model::Kind;

pub const RULE: Rule = Rule {
    code: "VSM205",
    name: "process-without-owner",
    group: Group::Hygiene,
    default: Some(Severity::Warning),
    summary: "a process, or a step, with no owner",
    explanation: "Processes string capabilities together and make every step somebody's \
responsibility. A process without an end-to-end owner, or a step nobody owns, is where \
hand-overs fail and complaints stall.",
    bad: "processes:\n  handle-call:\n    name: Handle an inbound call\n    steps:\n      - {name: Route the call}\n",
    good: "processes:\n  handle-call:\n    name: Handle an inbound call\n    owner: service-centre\n    steps:\n      - {name: Route the call, owner: service-centre}\n",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
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
