use super::{Context, Group, Rule};
use crate::diag::{Finding, Owner, Severity};
use crate::model::{Amount, Comparator, Composition, Duration, Kind};
use petgraph::algo::kosaraju_scc;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

pub const RULE: Rule = Rule {
    code: "VSM014",
    name: "commitment-over-budget",
    group: Group::Structure,
    default: Some(Severity::Error),
    summary: "the parts of a commitment cannot fit in its target",
    explanation: "A level-1 promise (\"delivered within 2 days\") is kept only if its parts fit \
inside it. Under `composition: sequential` (the default) the duration targets of the parts add \
up; under `parallel` the longest part counts. Either must not exceed the parent's `<=` or `<` \
duration target (2 h + 4 h + 1.5 d fits in 2 d; 1 d + 1 d + 4 h does not).",
    bad: "commitments:\n  deliver-2d: {name: Delivered within 2 days, target: <= 2d, parts: [enter, transport]}\n  enter: {name: Order entered, target: <= 1d}\n  transport: {name: Transport, target: <= 1.5d}\n",
    good: "commitments:\n  deliver-2d: {name: Delivered within 2 days, target: <= 2d, parts: [enter, transport]}\n  enter: {name: Order entered, target: <= 2h}\n  transport: {name: Transport, target: <= 1.5d}\n",
    check: Some(check),
};

/// The most a commitment allows, if its target is an upper bound on a duration.
pub fn duration_limit(target: &crate::model::Target) -> Option<Duration> {
    match (target.comparator, target.amount) {
        (Comparator::AtMost | Comparator::Less | Comparator::Equal, Amount::Duration(d)) => Some(d),
        _ => None,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let graph = &ctx.resolved.commitment_graph;
    let mut in_cycle = vec![false; ctx.model.commitments.len()];
    for component in kosaraju_scc(graph) {
        if component.len() > 1 || graph.contains_edge(component[0], component[0]) {
            for n in component {
                in_cycle[n.index()] = true;
            }
        }
    }
    for (index, (id, commitment)) in ctx.model.commitments.iter().enumerate() {
        if in_cycle[index] {
            continue;
        }
        let Some(target) = &commitment.target else {
            continue;
        };
        if !matches!(
            target.value.comparator,
            Comparator::AtMost | Comparator::Less
        ) {
            continue;
        }
        let Amount::Duration(limit) = target.value.amount else {
            continue;
        };
        let mut parts = Vec::new();
        let mut edges: Vec<_> = graph.edges(NodeIndex::new(index)).collect();
        edges.sort_by_key(|e| *e.weight());
        for edge in edges {
            let (part_id, part) = ctx
                .model
                .commitments
                .get_index(edge.target().index())
                .expect("graph index");
            if let Some(part_target) = &part.target {
                if let Some(d) = duration_limit(&part_target.value) {
                    parts.push((part_id, part_target.loc, d));
                }
            }
        }
        if parts.is_empty() {
            continue;
        }
        let composition = commitment.composition();
        let used = composition.combine(parts.iter().map(|p| p.2));
        if used.0 <= limit.0 + 1e-9 {
            continue;
        }
        let how = match composition {
            Composition::Sequential => format!(
                "its parts add up to {} ({})",
                used.human(),
                parts
                    .iter()
                    .map(|p| p.2.human())
                    .collect::<Vec<_>>()
                    .join(" + ")
            ),
            Composition::Parallel => format!("its longest part takes {}", used.human()),
        };
        let mut finding = Finding::new(
            &RULE,
            target.loc,
            format!(
                "`{id}` promises {} {} but {how}",
                target.value.comparator.symbol(),
                limit.human()
            ),
        )
        .help(format!(
            "shorten the parts by {} or raise the target{}",
            Duration(used.0 - limit.0).human(),
            if composition == Composition::Sequential {
                " (or mark them `composition: parallel` if they run at once)"
            } else {
                ""
            }
        ))
        .path(format!("commitments.{id}.target"))
        .owner(Owner::Element(Kind::Commitment, index as u32));
        for (part_id, loc, d) in &parts {
            finding = finding.label(*loc, format!("`{part_id}`: {}", d.human()));
        }
        out.push(finding);
    }
}
