use super::{Context, Group, Rule};
use crate::diag::{Finding, Severity};

pub const RULE: Rule = Rule {
    code: "VSM102",
    name: "unsupported-value-item",
    group: Group::Value,
    default: Some(Severity::Warning),
    summary: "a value item enabled by no capability (neither its own `capabilities` nor the stage's)",
    explanation: "Each value item needs one or more capabilities to be delivered (\"identify the \
customer quickly\" needs customer management). A value item with no capability, neither its \
own nor its stage's, is a promise nothing in the business is able to keep.",
    bad: "stages:\n  connect:\n    name: Connect\n    value_items: [Customer is not kept waiting]\n",
    good: "stages:\n  connect:\n    name: Connect\n    value_items:\n      - name: Customer is not kept waiting\n        capabilities: [call-routing]\n",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for s in ctx.stages() {
        if !s.stage.capabilities.is_empty() {
            continue;
        }
        for (position, item) in s.stage.value_items.iter().enumerate() {
            if item.capabilities.is_empty() {
                out.push(
                    Finding::new(&RULE, item.name.loc, format!("value item \"{}\" is enabled by no capability", item.name.value))
                        .help("list the capabilities that deliver it, on the item (`capabilities:`) or on the stage")
                        .path(format!("{}.value_items.{position}", s.path()))
                        .owner(s.owner()),
                );
            }
        }
    }
}
