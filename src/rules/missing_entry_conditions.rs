use super::Context;
use crate::catalog::MISSING_ENTRY_CONDITIONS as RULE;
use crate::diag::Finding;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
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
