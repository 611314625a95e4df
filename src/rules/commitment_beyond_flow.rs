use super::Context;
use crate::catalog::COMMITMENT_BEYOND_FLOW as RULE;
use crate::diag::{Finding, Owner};
use crate::model::{Comparator, Duration, Kind};
use crate::resolve::lookup_stage;
use crate::units::written;
use petgraph::graph::NodeIndex;
use petgraph::Direction;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let model = ctx.model;
    let stage_of = |index: usize| {
        let (_, commitment) = model.commitments.get_index(index)?;
        lookup_stage(model, &commitment.stage.as_ref()?.value)
    };
    for (index, (id, commitment)) in model.commitments.iter().enumerate() {
        let Some(target) = &commitment.target else {
            continue;
        };
        let Some(limit) = target.value.duration_limit() else {
            continue;
        };
        let Some((stream, stage)) = stage_of(index) else {
            continue;
        };
        // A part of a commitment on the same stage promises a piece of its time only.
        let part_of_same_stage = ctx
            .resolved
            .commitment_graph
            .neighbors_directed(NodeIndex::new(index), Direction::Incoming)
            .any(|parent| stage_of(parent.index()) == Some((stream, stage)));
        if part_of_same_stage {
            continue;
        }
        let Some(times) = ctx
            .resolved
            .stream_flow
            .get(stream)
            .and_then(|f| f.stages.get(stage))
        else {
            continue;
        };
        let Some(lead) = times.lead() else {
            continue;
        };
        const EPSILON: f64 = 1e-9;
        let broken = match target.value.comparator {
            Comparator::Less => lead.0 >= limit.0 - EPSILON,
            _ => lead.0 > limit.0 + EPSILON,
        };
        if !broken {
            continue;
        }
        let (stream_id, value_stream) = model.value_streams.get_index(stream).expect("resolved");
        let (stage_id, s) = value_stream.stages.get_index(stage).expect("resolved");
        // The stage has a lead time, so one of the two at least.
        let drawn = match (times.process, times.wait) {
            (Some(_), None) => "process",
            (None, Some(_)) => "wait",
            _ => "both",
        };
        let time = |d: Option<Duration>| d.map(written).unwrap_or_default();
        let mut finding = Finding::new(
            &RULE,
            target.loc,
            crate::says!(
                "commitment-beyond-flow",
                commitment = id.as_str(),
                target = format!("{} {}", target.value.comparator.symbol(), written(limit)),
                stage = format!("{stream_id}/{stage_id}"),
                lead = written(lead),
                drawn = drawn,
                process = time(times.process),
                wait = time(times.wait)
            ),
        )
        .help(crate::says!(
            "commitment-beyond-flow-help",
            excess = written(Duration((lead.0 - limit.0).max(0.0)))
        ))
        .path(format!("commitments.{id}.target"))
        .owner(Owner::Element(Kind::Commitment, index as u32));
        if let Some(time) = &s.process_time {
            finding = finding.label(
                time.loc,
                crate::says!(
                    "commitment-beyond-flow-process-time",
                    time = written(time.value)
                ),
            );
        }
        if let Some(time) = &s.wait_time {
            finding = finding.label(
                time.loc,
                crate::says!(
                    "commitment-beyond-flow-wait-time",
                    time = written(time.value)
                ),
            );
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(yaml: &str) -> Vec<String> {
        let loaded = crate::load::load_text("model.yaml", yaml);
        let (resolved, _) = crate::resolve::resolve(&loaded.model);
        let ctx = Context {
            model: &loaded.model,
            resolved: &resolved,
            sources: &loaded.sources,
        };
        let mut out = Vec::new();
        check(&ctx, &mut out);
        out.into_iter().map(|f| f.message).collect()
    }

    /// The stage takes 1h + 2h = 3h. `whole` (<= 4h) fits; `tight` (< 3h) cannot be kept,
    /// since `<` excludes the 3h themselves; `piece` (<= 1h) is a part of `whole` on the same
    /// stage and promises only a piece of it; `other` (<= 2h) is a part of a commitment on
    /// another stage, so it promises this whole stage.
    #[test]
    fn only_promises_for_the_whole_stage_are_compared() {
        let yaml = "value_streams:\n  s:\n    name: S\n    stages:\n      \
            a: {name: A, process_time: 1h, wait_time: 2h}\n      b: {name: B}\n\
            commitments:\n  \
            whole: {name: W, target: \"<= 4h\", stage: s/a, parts: [piece]}\n  \
            piece: {name: P, target: \"<= 1h\", stage: s/a}\n  \
            tight: {name: T, target: \"< 3h\", stage: s/a}\n  \
            top: {name: Top, target: \"<= 1d\", stage: s/b, parts: [other]}\n  \
            other: {name: O, target: \"<= 2h\", stage: s/a}\n";
        assert_eq!(
            messages(yaml),
            [
                "`tight` promises < 3h but stage `s/a` takes 3h as drawn (process 1h + wait 2h)",
                "`other` promises <= 2h but stage `s/a` takes 3h as drawn (process 1h + wait 2h)",
            ]
        );
    }
}
