use super::Context;
use crate::catalog::COMMITMENT_OVER_BUDGET as RULE;
use crate::diag::{Finding, Owner};
use crate::model::{Amount, Comparator, Composition, Duration, Kind};
use crate::units::written;
use petgraph::algo::kosaraju_scc;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
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
                if let Some(d) = part_target.value.duration_limit() {
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
        let promised = format!("{} {}", target.value.comparator.symbol(), written(limit));
        let excess = written(Duration(used.0 - limit.0));
        let (message, help) = match composition {
            Composition::Sequential => (
                crate::says!(
                    "commitment-over-budget-sequential",
                    commitment = id.as_str(),
                    target = promised,
                    used = written(used),
                    parts = parts
                        .iter()
                        .map(|p| written(p.2))
                        .collect::<Vec<_>>()
                        .join(" + ")
                ),
                crate::says!("commitment-over-budget-sequential-help", excess = excess),
            ),
            Composition::Parallel => (
                crate::says!(
                    "commitment-over-budget-parallel",
                    commitment = id.as_str(),
                    target = promised,
                    used = written(used)
                ),
                crate::says!("commitment-over-budget-parallel-help", excess = excess),
            ),
        };
        let mut finding = Finding::new(&RULE, target.loc, message)
            .help(help)
            .path(format!("commitments.{id}.target"))
            .owner(Owner::Element(Kind::Commitment, index as u32));
        for (part_id, loc, d) in &parts {
            finding = finding.label(
                *loc,
                crate::says!(
                    "commitment-over-budget-part",
                    part = part_id.as_str(),
                    target = written(*d)
                ),
            );
        }
        out.push(finding);
    }
}
