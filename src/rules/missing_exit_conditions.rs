use super::{Context, Group, Rule};
use crate::diag::{Finding, Severity};

pub const RULE: Rule = Rule {
    code: "VSM104",
    name: "missing-exit-conditions",
    group: Group::Value,
    default: Some(Severity::Warning),
    summary: "the stage has no exit condition",
    explanation: "Meeting a stage's exit conditions triggers the next stage. Without them the stage has no definition of done, and the flow to the next stage is left to chance.",
    bad: "stages:\n  understand:\n    name: Understand the need\n",
    good: "stages:\n  understand:\n    name: Understand the need\n    exit_conditions: [The need is restated and confirmed]\n",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for s in ctx.stages() {
        if s.stage.exit_conditions.is_empty() {
            out.push(
                s.finding(
                    &RULE,
                    format!("stage `{}` has no exit condition", s.stage_id),
                )
                .help("add `exit_conditions:` saying what holds when the stage is done"),
            );
        }
    }
}
