use super::{Context, Group, Rule};
use crate::diag::{Finding, Severity};

pub const RULE: Rule = Rule {
    code: "VSM103",
    name: "missing-entry-conditions",
    group: Group::Value,
    default: Some(Severity::Warning),
    summary: "the stage has no entry condition",
    explanation: "Every stage has entry conditions that must hold before it starts. Without them nobody can tell when the stage may begin, and hand-overs between teams become guesswork.",
    bad: "stages:\n  understand:\n    name: Understand the need\n",
    good: "stages:\n  understand:\n    name: Understand the need\n    entry_conditions: [An agent has answered]\n",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for s in ctx.stages() {
        if s.stage.entry_conditions.is_empty() {
            out.push(
                s.finding(
                    &RULE,
                    format!("stage `{}` has no entry condition", s.stage_id),
                )
                .help("add `entry_conditions:` saying what must hold before the stage starts"),
            );
        }
    }
}
