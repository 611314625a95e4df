use super::element_finding;
use super::Context;
use crate::catalog::CONFUSABLE_IDS as RULE;
use crate::diag::{shown, Finding};
use crate::text::describe_char;

/// Every id of a look-alike group after the first is reported, pointing at the first.
pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for group in &ctx.resolved.confusable {
        let kind = group.kind;
        let Some(first) = ctx.model.common(kind, group.ids[0]) else {
            continue;
        };
        for &index in &group.ids[1..] {
            let Some(common) = ctx.model.common(kind, index) else {
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
            let detail = if differ.is_empty() {
                String::new()
            } else {
                format!(" ({})", differ.join(", "))
            };
            out.push(
                element_finding(
                    &RULE,
                    kind,
                    index,
                    common,
                    format!(
                        "{} `{}` looks like `{}`{detail}",
                        kind.noun(),
                        shown(id),
                        shown(&first.id.value)
                    ),
                )
                .label(first.id.loc, "the id it looks like")
                .help("rename one of them, or merge the two if they are one"),
            );
        }
    }
}
