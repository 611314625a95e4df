use super::{element_finding, Context};
use crate::catalog::FOCUS_PERCEPTION_UNCOVERED as RULE;
use crate::diag::Finding;
use crate::model::Kind;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (index, (id, perception)) in ctx.model.perceptions.iter().enumerate() {
        let focus = perception.focus.as_ref().is_some_and(|f| f.value);
        if focus && ctx.resolved.usage.perception_commitments[index] == 0 {
            out.push(
                element_finding(
                    &RULE,
                    Kind::Perception,
                    index,
                    &perception.common,
                    crate::says!("focus-perception-uncovered", perception = id),
                )
                .help(crate::says!("focus-perception-uncovered-help")),
            );
        }
    }
}
