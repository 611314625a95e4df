use super::Context;
use crate::catalog::MISSING_EXIT_CONDITIONS as RULE;
use crate::diag::Finding;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
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
