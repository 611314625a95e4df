use super::Context;
use crate::catalog::NO_PARTICIPANTS as RULE;
use crate::diag::Finding;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
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
