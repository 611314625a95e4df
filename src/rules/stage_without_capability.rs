use super::{Context, Group, Rule};
use crate::diag::{Finding, Severity};

pub const RULE: Rule = Rule {
    code: "VSM106",
    name: "stage-without-capability",
    group: Group::Value,
    default: Some(Severity::Warning),
    summary: "the stage uses no capability at all",
    explanation: "Capabilities are what the business is able to do; a stage that uses none, \
neither directly nor through its value items, cannot be placed on the capability map, so its \
weaknesses never show in the heat map.",
    bad: "stages:\n  connect:\n    name: Connect\n    processes: [handle-call]\n",
    good: "stages:\n  connect:\n    name: Connect\n    processes: [handle-call]\n    capabilities: [call-routing]\n",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for s in ctx.stages() {
        let uses_any = !s.stage.capabilities.is_empty()
            || s.stage
                .value_items
                .iter()
                .any(|v| !v.capabilities.is_empty());
        if !uses_any {
            out.push(
                s.finding(&RULE, format!("stage `{}` uses no capability", s.stage_id))
                    .help("list the capabilities it needs under `capabilities:` (on the stage or its value items)"),
            );
        }
    }
}
