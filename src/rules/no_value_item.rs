use super::{Context, Group, Rule};
use crate::diag::{Finding, Severity};

pub const RULE: Rule = Rule {
    code: "VSM101",
    name: "no-value-item",
    group: Group::Value,
    default: Some(Severity::Warning),
    summary: "the stage delivers no value item: it adds no value and is a candidate to drop or merge",
    explanation: "Every stage of a value stream must add value for the customer; its value items \
say which. A stage that produces no value item \"can in theory be dropped\": it is \
non-value-adding work that makes the flow heavier without making the customer better off. \
Either name the value the customer gets from it, or drop it or merge it into a neighbour.",
    bad: "stages:\n  survey:\n    name: Satisfaction survey\n    entry_conditions: [Case closed]\n    exit_conditions: [Survey sent]\n",
    good: "stages:\n  survey:\n    name: Satisfaction survey\n    entry_conditions: [Case closed]\n    exit_conditions: [Survey sent]\n    value_items: [Customer feels heard after the case]\n",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for s in ctx.stages() {
        if s.stage.value_items.is_empty() {
            out.push(
                s.finding(&RULE, format!("stage `{}` delivers no value item: it adds no value to the customer", s.stage_id))
                    .help("add `value_items:` naming what the customer gains here, or drop or merge the stage"),
            );
        }
    }
}
