//! A stage no system supports: every capability enabling it (the stage's own and its value
//! items') says `enablement: manual`. Unknown is not manual: a capability without
//! `enablement`, a reference that does not resolve (VSM006/VSM007 report it) or value items
//! that could not be read (VSM003) keep the stage out, so the rule only says what the model
//! states.

use super::Context;
use crate::catalog::STAGE_WITHOUT_IT_SUPPORT as RULE;
use crate::diag::Finding;
use crate::model::Enablement;

/// How many capabilities a message names and labels before "and N more".
const NAMED: usize = 3;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let capabilities = &ctx.model.capabilities;
    for s in ctx.stages() {
        if s.stage.value_items_unreadable {
            continue;
        }
        let refs = s
            .stage
            .capabilities
            .iter()
            .chain(s.stage.value_items.iter().flat_map(|v| &v.capabilities));
        // Each enabling capability once, in the order written, while all of them are manual.
        let mut enabling: Vec<usize> = Vec::new();
        let mut all_manual = true;
        for r in refs {
            let Some(index) = capabilities.get_index_of(r.value.as_str()) else {
                all_manual = false;
                break;
            };
            let manual = capabilities[index]
                .enablement
                .as_ref()
                .is_some_and(|e| e.value == Enablement::Manual);
            if !manual {
                all_manual = false;
                break;
            }
            if !enabling.contains(&index) {
                enabling.push(index);
            }
        }
        if !all_manual || enabling.is_empty() {
            continue;
        }
        let ids: Vec<String> = enabling
            .iter()
            .take(NAMED)
            .map(|&i| format!("`{}`", capabilities.get_index(i).expect("index").0))
            .collect();
        let mut finding = s
            .finding(
                &RULE,
                crate::says!(
                    "stage-without-it-support",
                    stage = format!("{}/{}", s.stream_id, s.stage_id),
                    n = enabling.len(),
                    capabilities = ids.join(", "),
                    more = enabling.len().saturating_sub(NAMED)
                ),
            )
            .help(crate::says!("stage-without-it-support-help"));
        for &i in enabling.iter().take(NAMED) {
            if let Some(enablement) = &capabilities[i].enablement {
                finding = finding.label(
                    enablement.loc,
                    crate::says!("stage-without-it-support-manual"),
                );
            }
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

    const CAPABILITIES: &str = "capabilities:\n  \
        hand: {name: Hand, enablement: manual}\n  \
        craft: {name: Craft, enablement: manual}\n  \
        system: {name: System, enablement: it-supported}\n  \
        robot: {name: Robot, enablement: automated}\n  \
        unknown: {name: Unknown}\n";

    /// `a`: manual on the stage and on its value item (listed twice, counted once) → reported.
    /// `b`: one manual capability → reported in the singular. `c`: a manual one beside an
    /// IT-supported value item → supported. `d`: manual beside one without `enablement` →
    /// unknown, not reported. `e`: no capability at all (VSM106's business). `f`: manual
    /// beside an unresolved reference → not reported. `g`: automated only.
    #[test]
    fn only_stages_whose_every_enabling_capability_is_manual_are_reported() {
        let yaml = format!(
            "value_streams:\n  s:\n    name: S\n    stages:\n      \
             a: {{name: A, capabilities: [hand], value_items: [{{name: V, capabilities: [craft, hand]}}]}}\n      \
             b: {{name: B, capabilities: [hand]}}\n      \
             c: {{name: C, capabilities: [hand], value_items: [{{name: V, capabilities: [system]}}]}}\n      \
             d: {{name: D, capabilities: [hand, unknown]}}\n      \
             e: {{name: E}}\n      \
             f: {{name: F, capabilities: [hand, nowhere]}}\n      \
             g: {{name: G, capabilities: [robot]}}\n\
             {CAPABILITIES}"
        );
        assert_eq!(
            messages(&yaml),
            [
                "stage `s/a` has no IT support: all 2 capabilities enabling it (`hand`, `craft`) are `enablement: manual`",
                "stage `s/b` has no IT support: its one enabling capability `hand` is `enablement: manual`",
            ]
        );
    }

    #[test]
    fn a_long_list_names_three_and_counts_the_rest() {
        let mut yaml = String::from(
            "value_streams:\n  s:\n    name: S\n    stages:\n      a:\n        name: A\n        capabilities: [m0, m1, m2, m3, m4]\ncapabilities:\n",
        );
        for i in 0..5 {
            yaml.push_str(&format!("  m{i}: {{name: M{i}, enablement: manual}}\n"));
        }
        assert_eq!(
            messages(&yaml),
            ["stage `s/a` has no IT support: all 5 capabilities enabling it (`m0`, `m1`, `m2`, 2 more) are `enablement: manual`"]
        );
    }
}
