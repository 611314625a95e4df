use super::Context;
use crate::catalog::STAGE_WITHOUT_CAPABILITY as RULE;
use crate::diag::Finding;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for s in ctx.stages() {
        // Unreadable value items (VSM003) may name capabilities: not known, so not reported.
        let uses_any = !s.stage.capabilities.is_empty()
            || s.stage.value_items_unreadable
            || s.stage
                .value_items
                .iter()
                .any(|v| !v.capabilities.is_empty());
        if !uses_any {
            out.push(
                s.finding(
                    &RULE,
                    crate::says!("stage-without-capability", stage = s.stage_id),
                )
                .help(crate::says!("stage-without-capability-help")),
            );
        }
    }
}
