use super::{element_finding, Context};
use crate::catalog::UNUSED_BUSINESS_OBJECT as RULE;
use crate::diag::Finding;
use crate::model::Kind;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (index, (id, object)) in ctx.model.business_objects.iter().enumerate() {
        if ctx.resolved.usage.business_object[index] == 0 {
            out.push(
                element_finding(
                    &RULE,
                    Kind::BusinessObject,
                    index,
                    &object.common,
                    crate::says!("unused-business-object", object = id),
                )
                .help(crate::says!("unused-business-object-help")),
            );
        }
    }
}
