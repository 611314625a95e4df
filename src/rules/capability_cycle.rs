use super::Context;
use crate::catalog::CAPABILITY_CYCLE as RULE;
use crate::diag::{Finding, Owner};
use crate::model::Kind;
use petgraph::algo::kosaraju_scc;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let graph = &ctx.resolved.capability_graph;
    for component in kosaraju_scc(graph) {
        let looping = component.len() > 1 || graph.contains_edge(component[0], component[0]);
        if !looping {
            continue;
        }
        let first = component.iter().map(|n| n.index()).min().unwrap_or(0);
        // Walk the loop from its first capability, to name it in order.
        let mut chain = vec![first];
        let mut current = first;
        while let Some(parent) = ctx.resolved.capability_parent[current] {
            if parent == first || chain.len() > component.len() {
                break;
            }
            chain.push(parent);
            current = parent;
        }
        let ids: Vec<&str> = chain
            .iter()
            .map(|&i| {
                ctx.model
                    .capabilities
                    .get_index(i)
                    .map_or("?", |(id, _)| id.as_str())
            })
            .collect();
        let (id, capability) = ctx
            .model
            .capabilities
            .get_index(first)
            .expect("index from graph");
        let Some(parent) = &capability.parent else {
            continue;
        };
        out.push(
            Finding::new(
                &RULE,
                parent.loc,
                crate::says!("capability-cycle", capability = id, chain = ids.join(" → ")),
            )
            .help(crate::says!("capability-cycle-help"))
            .path(format!("capabilities.{id}.parent"))
            .owner(Owner::Element(Kind::Capability, first as u32)),
        );
    }
}
