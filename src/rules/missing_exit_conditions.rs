use super::Context;
use crate::catalog::MISSING_EXIT_CONDITIONS as RULE;
use crate::diag::Finding;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for s in ctx.stages() {
        if s.stage.exit_conditions.is_empty() {
            out.push(
                s.finding(
                    &RULE,
                    crate::says!("missing-exit-conditions", stage = s.stage_id),
                )
                .help(crate::says!("missing-exit-conditions-help")),
            );
        }
    }
}
