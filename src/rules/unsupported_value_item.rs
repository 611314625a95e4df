use super::Context;
use crate::catalog::UNSUPPORTED_VALUE_ITEM as RULE;
use crate::diag::Finding;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for s in ctx.stages() {
        if !s.stage.capabilities.is_empty() {
            continue;
        }
        for (position, item) in s.stage.value_items.iter().enumerate() {
            if item.capabilities.is_empty() {
                out.push(
                    Finding::new(
                        &RULE,
                        item.name.loc,
                        crate::says!("unsupported-value-item", item = item.name.value.as_str()),
                    )
                    .help(crate::says!("unsupported-value-item-help"))
                    .path(format!("{}.value_items.{position}", s.path()))
                    .owner(s.owner()),
                );
            }
        }
    }
}
