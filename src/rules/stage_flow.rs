use super::Context;
use crate::catalog::STAGE_FLOW as RULE;
use crate::diag::{Finding, Keyed, Owner};
use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for cross in &ctx.resolved.cross_stream_next {
        let (stream_id, stream) = ctx
            .model
            .value_streams
            .get_index(cross.stream)
            .expect("resolved index");
        let (stage_id, _) = stream
            .stages
            .get_index(cross.stage)
            .expect("resolved index");
        let other = ctx
            .model
            .value_streams
            .get_index(cross.other_stream)
            .map_or("?", |(id, _)| id.as_str());
        out.push(
            Finding::new(
                &RULE,
                cross.reference.loc,
                crate::says!(
                    "stage-flow-other-stream",
                    stage = cross.reference.value.as_str(),
                    other = other,
                    stream = stream_id.as_str()
                ),
            )
            .help(crate::says!("stage-flow-other-stream-help"))
            .path(format!("value_streams.{stream_id}.stages.{stage_id}.next"))
            .owner(Owner::Stage {
                stream: cross.stream as u32,
                stage: cross.stage as u32,
            }),
        );
    }
    for (stream_index, successors) in ctx.resolved.flow.iter().enumerate() {
        if successors.is_empty() {
            continue;
        }
        let (stream_id, stream) = ctx
            .model
            .value_streams
            .get_index(stream_index)
            .expect("flow per stream");
        let finding = |stage: usize, message: Keyed, help: Keyed| {
            let (stage_id, s) = stream.stages.get_index(stage).expect("flow per stage");
            Finding::new(&RULE, s.common.id.loc, message)
                .help(help)
                .path(format!("value_streams.{stream_id}.stages.{stage_id}"))
                .owner(Owner::Stage {
                    stream: stream_index as u32,
                    stage: stage as u32,
                })
        };
        let reachable = reach(successors.len(), 0, |n| successors[n].iter().copied());
        for (stage, is_reached) in reachable.iter().enumerate() {
            if !is_reached {
                let stage_id = stream
                    .stages
                    .get_index(stage)
                    .map_or("?", |(id, _)| id.as_str());
                out.push(finding(
                    stage,
                    crate::says!(
                        "stage-flow-unreached",
                        stage = stage_id,
                        stream = stream_id.as_str()
                    ),
                    crate::says!("stage-flow-unreached-help"),
                ));
            }
        }
        // Stages that can reach an end (a stage with no successor).
        let mut predecessors = vec![Vec::new(); successors.len()];
        for (from, targets) in successors.iter().enumerate() {
            for &to in targets {
                predecessors[to].push(from);
            }
        }
        let mut ends_reached = vec![false; successors.len()];
        for (stage, targets) in successors.iter().enumerate() {
            if targets.is_empty() && !ends_reached[stage] {
                let from_here = reach(successors.len(), stage, |n| predecessors[n].iter().copied());
                for (seen, reached) in ends_reached.iter_mut().zip(from_here) {
                    *seen |= reached;
                }
            }
        }
        let trapped: Vec<usize> = (0..successors.len())
            .filter(|&s| reachable[s] && !ends_reached[s])
            .collect();
        if trapped.is_empty() {
            continue;
        }
        let mut graph = DiGraph::<(), ()>::new();
        for _ in 0..successors.len() {
            graph.add_node(());
        }
        for &from in &trapped {
            for &to in &successors[from] {
                graph.add_edge(NodeIndex::new(from), NodeIndex::new(to), ());
            }
        }
        let mut loops: Vec<Vec<usize>> = kosaraju_scc(&graph)
            .into_iter()
            .map(|c| {
                let mut c: Vec<usize> = c.into_iter().map(NodeIndex::index).collect();
                c.sort_unstable();
                c
            })
            .filter(|c| {
                trapped.contains(&c[0]) && (c.len() > 1 || successors[c[0]].contains(&c[0]))
            })
            .collect();
        loops.sort();
        for group in loops {
            let ids: Vec<&str> = group
                .iter()
                .filter_map(|&i| stream.stages.get_index(i).map(|(id, _)| id.as_str()))
                .collect();
            out.push(finding(
                group[0],
                crate::says!(
                    "stage-flow-loop",
                    stages = ids
                        .iter()
                        .map(|i| format!("`{i}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    stream = stream_id.as_str()
                ),
                crate::says!("stage-flow-loop-help"),
            ));
        }
    }
}

/// Which nodes are reachable from `start` (itself included).
fn reach<I: Iterator<Item = usize>>(
    count: usize,
    start: usize,
    next: impl Fn(usize) -> I,
) -> Vec<bool> {
    let mut seen = vec![false; count];
    let mut stack = vec![start];
    seen[start] = true;
    while let Some(node) = stack.pop() {
        for n in next(node) {
            if !seen[n] {
                seen[n] = true;
                stack.push(n);
            }
        }
    }
    seen
}
