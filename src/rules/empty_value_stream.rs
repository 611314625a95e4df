use super::{element_finding, Context};
use crate::catalog::EMPTY_VALUE_STREAM as RULE;
use crate::diag::Finding;
use crate::model::Kind;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (index, (id, stream)) in ctx.model.value_streams.iter().enumerate() {
        // Stages written as something else than a mapping are VSM003: the stream has stages.
        if stream.stages.is_empty() && !stream.stages_unreadable {
            let message = if stream.stages_key.is_some() {
                crate::says!("empty-value-stream-empty-stages", stream = id)
            } else {
                crate::says!("empty-value-stream-no-stages", stream = id)
            };
            out.push(
                element_finding(&RULE, Kind::ValueStream, index, &stream.common, message)
                    .help(crate::says!("empty-value-stream-help")),
            );
        }
    }
}
