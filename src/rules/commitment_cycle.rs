use super::Context;
use crate::catalog::COMMITMENT_CYCLE as RULE;
use crate::diag::{Finding, Owner};
use crate::model::Kind;
use petgraph::algo::kosaraju_scc;
use petgraph::visit::EdgeRef;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let graph = &ctx.resolved.commitment_graph;
    for component in kosaraju_scc(graph) {
        if component.len() == 1 && !graph.contains_edge(component[0], component[0]) {
            continue;
        }
        let first = *component.iter().min().expect("components are not empty");
        let closing = graph
            .edges(first)
            .filter(|e| component.contains(&e.target()))
            .min_by_key(|e| *e.weight());
        let Some(edge) = closing else { continue };
        let (id, commitment) = ctx
            .model
            .commitments
            .get_index(first.index())
            .expect("graph index");
        let reference = &commitment.parts[*edge.weight()];
        let members: Vec<String> = {
            let mut m: Vec<usize> = component.iter().map(|n| n.index()).collect();
            m.sort_unstable();
            m.iter()
                .filter_map(|&i| ctx.model.commitments.get_index(i))
                .map(|(id, _)| format!("`{id}`"))
                .collect()
        };
        out.push(
            Finding::new(
                &RULE,
                reference.loc,
                crate::says!(
                    "commitment-cycle",
                    commitment = id,
                    members = members.join(", ")
                ),
            )
            .help(crate::says!("commitment-cycle-help"))
            .path(format!("commitments.{id}.parts"))
            .owner(Owner::Element(Kind::Commitment, first.index() as u32)),
        );
    }
}
