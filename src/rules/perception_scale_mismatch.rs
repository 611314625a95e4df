use super::{element_finding, Context};
use crate::catalog::PERCEPTION_SCALE_MISMATCH as RULE;
use crate::diag::Finding;
use crate::model::Kind;
use crate::resolve::ScoreScale;

/// Each perception point scored on another scale than the model's, and each one whose two
/// scores mix the scales; a model whose points all share one scale gives nothing.
pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let scales = &ctx.resolved.scales;
    let Some(model_scale) = scales.model else {
        return;
    };
    let scored = |p: &crate::model::Perception| {
        [("current", &p.current), ("expected", &p.expected)]
            .into_iter()
            .filter_map(|(field, score)| score.as_ref().map(|s| format!("{field} {}", s.value)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (index, (id, perception)) in ctx.model.perceptions.iter().enumerate() {
        let Some(scale) = scales.perception[index] else {
            continue;
        };
        if scale == model_scale {
            continue;
        }
        let message = if scale == ScoreScale::Mixed {
            format!(
                "perception point `{id}` mixes the 0–5 and the 0–100 scale ({}): its gap is meaningless",
                scored(perception)
            )
        } else {
            format!(
                "perception point `{id}` is scored on {} ({}), the other points of the model on {}",
                scale.range(),
                scored(perception),
                model_scale.range()
            )
        };
        let loc = perception
            .current
            .as_ref()
            .or(perception.expected.as_ref())
            .map_or(perception.common.id.loc, |s| s.loc);
        let mut finding =
            element_finding(&RULE, Kind::Perception, index, &perception.common, message).help(
                format!(
                    "score every perception point of the model on {}",
                    model_scale.range()
                ),
            );
        finding.loc = loc;
        out.push(finding);
    }
}
