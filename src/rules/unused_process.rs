use super::{element_finding, Context, Group, Rule};
use crate::diag::{Finding, Severity};
use crate::model::Kind;

pub const RULE: Rule = Rule {
    code: "VSM202",
    name: "unused-process",
    group: Group::Hygiene,
    default: Some(Severity::Warning),
    summary: "a process that realises no stage",
    explanation: "End-to-end processes exist to realise stages of value streams. A process that \
no stage lists under `processes:` is not connected to any value the customer receives.",
    bad: "processes:\n  handle-call: {name: Handle an inbound call, owner: service-centre}   # no stage lists it\n",
    good: "value_streams:\n  resolve-enquiry:\n    stages:\n      connect: {name: Connect, processes: [handle-call]}\nprocesses:\n  handle-call: {name: Handle an inbound call, owner: service-centre}\n",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (index, (id, process)) in ctx.model.processes.iter().enumerate() {
        if ctx.resolved.usage.process_stages[index] == 0 {
            out.push(
                element_finding(
                    &RULE,
                    Kind::Process,
                    index,
                    &process.common,
                    format!("process `{id}` realises no stage"),
                )
                .help("list it under `processes:` of the stages it realises, or remove it"),
            );
        }
    }
}
