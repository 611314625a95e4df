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
    // Which scores a point has (one at least, since it has a scale) and the scores as written.
    let scored = |p: &crate::model::Perception| {
        let which = match (&p.current, &p.expected) {
            (Some(_), None) => "current",
            (None, Some(_)) => "expected",
            _ => "both",
        };
        let score = |s: &Option<crate::model::Spanned<f64>>| {
            s.as_ref().map(|s| s.value.to_string()).unwrap_or_default()
        };
        (which, score(&p.current), score(&p.expected))
    };
    for (index, (id, perception)) in ctx.model.perceptions.iter().enumerate() {
        let Some(scale) = scales.perception[index] else {
            continue;
        };
        if scale == model_scale {
            continue;
        }
        let (which, current, expected) = scored(perception);
        let message = if scale == ScoreScale::Mixed {
            crate::says!(
                "perception-scale-mismatch-mixed",
                perception = id.as_str(),
                scored = which,
                current = current,
                expected = expected
            )
        } else {
            crate::says!(
                "perception-scale-mismatch-other",
                perception = id.as_str(),
                scale = scale.range(),
                scored = which,
                current = current,
                expected = expected,
                model_scale = model_scale.range()
            )
        };
        let loc = perception
            .current
            .as_ref()
            .or(perception.expected.as_ref())
            .map_or(perception.common.id.loc, |s| s.loc);
        let mut finding =
            element_finding(&RULE, Kind::Perception, index, &perception.common, message).help(
                crate::says!(
                    "perception-scale-mismatch-help",
                    scale = model_scale.range()
                ),
            );
        finding.loc = loc;
        out.push(finding);
    }
}
