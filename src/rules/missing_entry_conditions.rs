use super::Context;
use crate::catalog::MISSING_ENTRY_CONDITIONS as RULE;
use crate::diag::Finding;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for s in ctx.stages() {
        if s.stage.entry_conditions.is_empty() {
            out.push(
                s.finding(
                    &RULE,
                    crate::says!("missing-entry-conditions", stage = s.stage_id),
                )
                .help(crate::says!("missing-entry-conditions-help")),
            );
        }
    }
}
