use super::{Context, Group, Rule};
use crate::diag::{Finding, Owner, Severity};
use crate::model::Kind;

pub const RULE: Rule = Rule {
    code: "VSM107",
    name: "trigger-not-involved",
    group: Group::Value,
    default: Some(Severity::Info),
    summary: "the triggering stakeholder takes part in no stage",
    explanation: "A value stream delivers value to its triggering stakeholder. When that \
stakeholder takes part in no stage, the stream may be modelled from the inside only: nobody \
checked where the customer actually experiences it.",
    bad: "value_streams:\n  resolve-enquiry:\n    name: Resolve a customer enquiry\n    trigger: customer\n    stages:\n      connect: {name: Connect, stakeholders: [agent]}\n",
    good: "value_streams:\n  resolve-enquiry:\n    name: Resolve a customer enquiry\n    trigger: customer\n    stages:\n      connect: {name: Connect, stakeholders: [customer, agent]}\n",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (index, (id, stream)) in ctx.model.value_streams.iter().enumerate() {
        let Some(trigger) = &stream.trigger else {
            continue;
        };
        if !ctx.model.stakeholders.contains_key(&trigger.value) || stream.stages.is_empty() {
            continue;
        }
        let involved = stream
            .stages
            .values()
            .any(|stage| stage.stakeholders.iter().any(|s| s.value == trigger.value));
        if !involved {
            out.push(
                Finding::new(&RULE, trigger.loc, format!("`{}` triggers `{id}` but takes part in none of its stages", trigger.value))
                    .help("list the triggering stakeholder under `stakeholders:` of the stages where they take part")
                    .path(format!("value_streams.{id}.trigger"))
                    .owner(Owner::Element(Kind::ValueStream, index as u32)),
            );
        }
    }
}
