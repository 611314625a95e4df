use super::{Context, Group, Rule};
use crate::diag::{Finding, Owner, Severity};
use crate::model::Kind;

pub const RULE: Rule = Rule {
    code: "VSM011",
    name: "level-mismatch",
    group: Group::Structure,
    default: Some(Severity::Error),
    summary: "`level` disagrees with the depth of the parent chain",
    explanation: "`level` is optional; when written it must match the depth of the capability in \
the parent chain (a capability without parent is level 1, its children level 2, ...). A level \
that disagrees means the tree was moved and the number was not, and inventories by level are wrong.",
    bad: "capabilities:\n  customer-service: {name: Customer service, level: 1}\n  call-routing: {name: Call routing, parent: customer-service, level: 3}\n",
    good: "capabilities:\n  customer-service: {name: Customer service, level: 1}\n  call-routing: {name: Call routing, parent: customer-service, level: 2}\n",
    check: Some(check),
};

/// The depth of each capability (1 = no parent); `None` inside or under a `parent` loop.
/// (The same walk as rule VSM011, iterative so deep chains cannot overflow the stack.)
pub fn depths(parents: &[Option<usize>]) -> Vec<Option<u32>> {
    let mut depth: Vec<Option<u32>> = vec![None; parents.len()];
    let mut on_chain = vec![false; parents.len()];
    for start in 0..parents.len() {
        if depth[start].is_some() {
            continue;
        }
        let mut chain = vec![start];
        on_chain[start] = true;
        let mut current = start;
        let base = loop {
            match parents[current] {
                None => break Some(0),
                Some(p) => {
                    if let Some(d) = depth[p] {
                        break Some(d);
                    }
                    if on_chain[p] || p >= parents.len() {
                        break None;
                    }
                    chain.push(p);
                    on_chain[p] = true;
                    current = p;
                }
            }
        };
        for &node in &chain {
            on_chain[node] = false;
        }
        let Some(base) = base else {
            // Mark the chain as unplaceable so it is not walked again from another start.
            continue;
        };
        for (offset, &node) in chain.iter().rev().enumerate() {
            depth[node] = Some(base + offset as u32 + 1);
        }
    }
    depth
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let depth = depths(&ctx.resolved.capability_parent);
    for (index, (id, capability)) in ctx.model.capabilities.iter().enumerate() {
        let (Some(level), Some(actual)) = (&capability.level, depth[index]) else {
            continue;
        };
        // A parent that does not resolve is already an error; its depth is unknown.
        if capability.parent.is_some() && ctx.resolved.capability_parent[index].is_none() {
            continue;
        }
        if u32::from(level.value) != actual {
            out.push(
                Finding::new(
                    &RULE,
                    level.loc,
                    format!(
                        "`{id}` is at level {actual} of the parent chain, not {}",
                        level.value
                    ),
                )
                .help(format!(
                    "write `level: {actual}` or remove `level` (it is derived from `parent`)"
                ))
                .path(format!("capabilities.{id}.level"))
                .owner(Owner::Element(Kind::Capability, index as u32)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::depths;

    #[test]
    fn depth_follows_parents_and_skips_loops() {
        assert_eq!(
            depths(&[None, Some(0), Some(1)]),
            vec![Some(1), Some(2), Some(3)]
        );
        assert_eq!(depths(&[Some(1), Some(0), Some(0)]), vec![None, None, None]);
    }
}
