use super::{element_finding, Context, Group, Rule};
use crate::diag::{Finding, Severity};
use crate::model::Kind;

pub const RULE: Rule = Rule {
    code: "VSM206",
    name: "information-without-object",
    group: Group::Hygiene,
    default: Some(Severity::Warning),
    summary: "information not organised around a business object",
    explanation: "Information is organised around business objects: the contact record belongs \
to the customer profile, the call-back record to the complaint ticket. Information without a \
business object floats free of the thing it describes.",
    bad: "information:\n  contact-record: {name: Contact record}\n",
    good: "information:\n  contact-record: {name: Contact record, business_object: customer-profile}\n",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (index, (id, info)) in ctx.model.information.iter().enumerate() {
        if info.business_object.is_none() {
            out.push(
                element_finding(
                    &RULE,
                    Kind::Information,
                    index,
                    &info.common,
                    format!("information `{id}` is not organised around a business object"),
                )
                .help("add `business_object:` with the object it describes"),
            );
        }
    }
}
