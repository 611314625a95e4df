use super::{element_finding, Context};
use crate::catalog::UNUSED_INFORMATION as RULE;
use crate::diag::Finding;
use crate::model::Kind;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (index, (id, info)) in ctx.model.information.iter().enumerate() {
        if ctx.resolved.usage.information[index] == 0 {
            out.push(
                element_finding(
                    &RULE,
                    Kind::Information,
                    index,
                    &info.common,
                    crate::says!("unused-information", information = id),
                )
                .help(crate::says!("unused-information-help")),
            );
        }
    }
}
