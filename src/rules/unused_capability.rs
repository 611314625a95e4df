use super::{element_finding, Context, Group, Rule};
use crate::diag::{Finding, Severity};
use crate::model::Kind;

pub const RULE: Rule = Rule {
    code: "VSM201",
    name: "unused-capability",
    group: Group::Hygiene,
    default: Some(Severity::Warning),
    summary: "a capability that no stage, value item, process or child capability uses",
    explanation: "A capability that nothing uses, no stage, value item, process, process step, \
nor a child capability below it, is either obsolete or a link that was never drawn. Either way \
the heat map shows an investment nobody can relate to a stage of value.",
    bad: "capabilities:\n  call-routing: {name: Call routing}\n  fax-handling: {name: Fax handling}   # used nowhere\n",
    good: "capabilities:\n  call-routing: {name: Call routing}\n",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (index, (id, capability)) in ctx.model.capabilities.iter().enumerate() {
        if ctx.resolved.usage.capability[index].total() == 0 {
            out.push(
                element_finding(&RULE, Kind::Capability, index, &capability.common, format!("capability `{id}` is used by no stage, value item, process or child capability"))
                    .help("link it where it is needed (a stage's or value item's `capabilities`), or remove it"),
            );
        }
    }
}
