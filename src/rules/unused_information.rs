use super::{element_finding, Context, Group, Rule};
use crate::diag::{Finding, Severity};
use crate::model::Kind;

pub const RULE: Rule = Rule {
    code: "VSM203",
    name: "unused-information",
    group: Group::Hygiene,
    default: Some(Severity::Info),
    summary: "information that nothing uses",
    explanation: "Capabilities increasingly run on data. Information that no stage, process or \
process step uses is not part of the mapping from stages to the data they need.",
    bad: "information:\n  contact-record: {name: Contact record, business_object: customer-profile}   # nothing uses it\n",
    good: "stages:\n  connect: {name: Connect, information: [contact-record]}\ninformation:\n  contact-record: {name: Contact record, business_object: customer-profile}\n",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (index, (id, info)) in ctx.model.information.iter().enumerate() {
        if ctx.resolved.usage.information[index] == 0 {
            out.push(
                element_finding(
                    &RULE,
                    Kind::Information,
                    index,
                    &info.common,
                    format!("information `{id}` is used by no stage, process or step"),
                )
                .help("list it under `information:` where it is needed, or remove it"),
            );
        }
    }
}
