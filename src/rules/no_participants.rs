use super::Context;
use crate::catalog::NO_PARTICIPANTS as RULE;
use crate::diag::Finding;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for s in ctx.stages() {
        if s.stage.stakeholders.is_empty() {
            out.push(
                s.finding(&RULE, crate::says!("no-participants", stage = s.stage_id))
                    .help(crate::says!("no-participants-help")),
            );
        }
    }
}
