use super::{element_finding, Context, Group, Rule};
use crate::diag::{Finding, Severity};
use crate::model::Kind;

pub const RULE: Rule = Rule {
    code: "VSM204",
    name: "unused-business-object",
    group: Group::Hygiene,
    default: Some(Severity::Info),
    summary: "a business object that nothing uses",
    explanation: "All activity happens around business objects (the complaint ticket, the \
order, the customer). One that no stage, information item or related object names is outside \
the model's picture of the work.",
    bad: "business_objects:\n  warranty-card: {name: Warranty card}   # nothing names it\n",
    good: "information:\n  warranty-status: {name: Warranty status, business_object: warranty-card}\nbusiness_objects:\n  warranty-card: {name: Warranty card}\n",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (index, (id, object)) in ctx.model.business_objects.iter().enumerate() {
        if ctx.resolved.usage.business_object[index] == 0 {
            out.push(
                element_finding(&RULE, Kind::BusinessObject, index, &object.common, format!("business object `{id}` is named by no stage, information or other object"))
                    .help("organise information around it (`business_object:`), list it on a stage, or remove it"),
            );
        }
    }
}
