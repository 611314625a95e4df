use super::{element_finding, Context, Group, Rule};
use crate::diag::{Finding, Severity};
use crate::model::Kind;

pub const RULE: Rule = Rule {
    code: "VSM210",
    name: "focus-perception-uncovered",
    group: Group::Hygiene,
    default: Some(Severity::Warning),
    summary: "a focus perception point that no commitment answers",
    explanation: "Focus perception points are the few customer touch points chosen for \
improvement. Each should be answered by a service commitment (`perception:` on the \
commitment); one that is not has been chosen and then forgotten.",
    bad: "perceptions:\n  waiting-time: {name: Time on hold, focus: true}\n",
    good: "commitments:\n  answer-fast: {name: Calls answered within 30 seconds, owner: service-centre, perception: waiting-time}\nperceptions:\n  waiting-time: {name: Time on hold, focus: true}\n",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (index, (id, perception)) in ctx.model.perceptions.iter().enumerate() {
        let focus = perception.focus.as_ref().is_some_and(|f| f.value);
        if focus && ctx.resolved.usage.perception_commitments[index] == 0 {
            out.push(
                element_finding(
                    &RULE,
                    Kind::Perception,
                    index,
                    &perception.common,
                    format!("focus perception point `{id}` is answered by no commitment"),
                )
                .help("add a commitment with `perception:` naming it, or drop `focus: true`"),
            );
        }
    }
}
