use super::{element_finding, Context, Group, Rule};
use crate::diag::{Finding, Severity};
use crate::model::Kind;

pub const RULE: Rule = Rule {
    code: "VSM009",
    name: "empty-value-stream",
    group: Group::Structure,
    default: Some(Severity::Error),
    summary: "a value stream without stages",
    explanation: "A value stream is cut into stages; without any it delivers nothing that can be \
analysed, mapped to capabilities or shown in a report. Add at least one stage.",
    bad: "value_streams:\n  resolve-enquiry:\n    name: Resolve a customer enquiry\n    trigger: customer\n    stages: {}\n",
    good: "value_streams:\n  resolve-enquiry:\n    name: Resolve a customer enquiry\n    trigger: customer\n    stages:\n      connect: {name: Connect, value_items: [Customer is not kept waiting]}\n",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (index, (id, stream)) in ctx.model.value_streams.iter().enumerate() {
        if stream.stages.is_empty() {
            let what = if stream.stages_key.is_some() {
                "an empty `stages`"
            } else {
                "no `stages`"
            };
            out.push(
                element_finding(
                    &RULE,
                    Kind::ValueStream,
                    index,
                    &stream.common,
                    format!("value stream `{id}` has {what}"),
                )
                .help("cut the stream into stages, each with the value it adds"),
            );
        }
    }
}
