use super::Context;
use crate::catalog::NO_VALUE_ITEM as RULE;
use crate::diag::Finding;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for s in ctx.stages() {
        // Value items written as a mapping are VSM003: the stage has them, written wrongly.
        if s.stage.value_items.is_empty() && !s.stage.value_items_unreadable {
            out.push(
                s.finding(&RULE, crate::says!("no-value-item", stage = s.stage_id))
                    .help(crate::says!("no-value-item-help")),
            );
        }
    }
}
