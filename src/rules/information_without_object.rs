use super::{element_finding, Context};
use crate::catalog::INFORMATION_WITHOUT_OBJECT as RULE;
use crate::diag::Finding;
use crate::model::Kind;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (index, (id, info)) in ctx.model.information.iter().enumerate() {
        if info.business_object.is_none() {
            out.push(
                element_finding(
                    &RULE,
                    Kind::Information,
                    index,
                    &info.common,
                    crate::says!("information-without-object", information = id),
                )
                .help(crate::says!("information-without-object-help")),
            );
        }
    }
}
