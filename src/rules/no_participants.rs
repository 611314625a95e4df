use super::{Context, Group, Rule};
use crate::diag::{Finding, Severity};

pub const RULE: Rule = Rule {
    code: "VSM105",
    name: "no-participants",
    group: Group::Value,
    default: Some(Severity::Warning),
    summary: "the stage names no participating stakeholder",
    explanation: "Work in a stage is done by someone: an agent, a department, a partner, the customer. A stage with no participating stakeholder has no one accountable for the value it should add.",
    bad: "stages:\n  understand:\n    name: Understand the need\n",
    good: "stages:\n  understand:\n    name: Understand the need\n    stakeholders: [customer, agent]\n",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for s in ctx.stages() {
        if s.stage.stakeholders.is_empty() {
            out.push(
                s.finding(
                    &RULE,
                    format!("stage `{}` names no participating stakeholder", s.stage_id),
                )
                .help("add `stakeholders:` with the internal or external parties taking part"),
            );
        }
    }
}
