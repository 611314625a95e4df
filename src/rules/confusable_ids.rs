use super::{element_finding, kind_key, Context};
use crate::catalog::CONFUSABLE_IDS as RULE;
use crate::diag::{shown, Finding, Keyed, Owner};
use crate::model::Common;
use crate::text::describe_char;

/// Every id of a look-alike group after the first is reported, pointing at the first.
pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for group in &ctx.resolved.confusable {
        let kind = group.kind;
        // A stage's common fields are in its stream; other kinds' in their section.
        let common = |index: usize| match group.stream {
            Some(stream) => ctx
                .model
                .value_streams
                .get_index(stream)
                .and_then(|(_, s)| s.stages.get_index(index))
                .map(|(_, stage)| &stage.common),
            None => ctx.model.common(kind, index),
        };
        let Some(first) = common(group.ids[0]) else {
            continue;
        };
        for &index in &group.ids[1..] {
            let Some(common) = common(index) else {
                continue;
            };
            let id = &common.id.value;
            // The characters that make the difference, as far as one of them shows it.
            let differ: Vec<String> = id
                .chars()
                .filter(|&c| !first.id.value.contains(c))
                .chain(first.id.value.chars().filter(|&c| !id.contains(c)))
                .filter(|c| !c.is_ascii())
                .map(describe_char)
                .collect();
            let message = if differ.is_empty() {
                crate::says!(
                    "confusable-ids",
                    kind = kind_key(kind),
                    id = shown(id),
                    other = shown(&first.id.value)
                )
            } else {
                crate::says!(
                    "confusable-ids-detail",
                    kind = kind_key(kind),
                    id = shown(id),
                    other = shown(&first.id.value),
                    chars = differ.join(", ")
                )
            };
            let finding = match group.stream {
                Some(stream) => stage_finding(ctx, stream, index, common, message),
                None => element_finding(&RULE, kind, index, common, message),
            };
            out.push(
                finding
                    .label(first.id.loc, crate::says!("confusable-ids-label"))
                    .help(crate::says!("confusable-ids-help")),
            );
        }
    }
}

/// A finding about stage `stage` of stream `stream`, at its key.
fn stage_finding(
    ctx: &Context<'_>,
    stream: usize,
    stage: usize,
    common: &Common,
    message: Keyed,
) -> Finding {
    let stream_id = ctx
        .model
        .value_streams
        .get_index(stream)
        .map_or("", |(id, _)| id.as_str());
    Finding::new(&RULE, common.id.loc, message)
        .path(format!(
            "value_streams.{stream_id}.stages.{}",
            common.id.value
        ))
        .owner(Owner::Stage {
            stream: stream as u32,
            stage: stage as u32,
        })
}
