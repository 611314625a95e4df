use super::{element_finding, Context};
use crate::catalog::EMPTY_VALUE_STREAM as RULE;
use crate::diag::Finding;
use crate::model::Kind;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (index, (id, stream)) in ctx.model.value_streams.iter().enumerate() {
        // Stages written as something else than a mapping are VSM003: the stream has stages.
        if stream.stages.is_empty() && !stream.stages_unreadable {
            let what = if stream.stages_key.is_some() {
                "an empty `stages`"
            } else {
                "no `stages`"
            };
            out.push(
                element_finding(
                    &RULE,
                    Kind::ValueStream,
                    index,
                    &stream.common,
                    format!("value stream `{id}` has {what}"),
                )
                .help("cut the stream into stages, each with the value it adds"),
            );
        }
    }
}
