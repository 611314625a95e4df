use super::{element_finding, Context, Group, Rule};
use crate::diag::{Finding, Severity};
use crate::model::Kind;

pub const RULE: Rule = Rule {
    code: "VSM209",
    name: "commitment-without-owner",
    group: Group::Hygiene,
    default: Some(Severity::Warning),
    summary: "a commitment no department or role answers for",
    explanation: "Tiered commitments work because each one lands on a named department or role. \
A commitment without an owner is monitored by nobody and broken without consequence.",
    bad: "commitments:\n  answer-fast: {name: Calls answered within 30 seconds, target: \">= 90%\"}\n",
    good: "commitments:\n  answer-fast: {name: Calls answered within 30 seconds, target: \">= 90%\", owner: service-centre}\n",
    check: Some(check),
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (index, (id, commitment)) in ctx.model.commitments.iter().enumerate() {
        if commitment.owner.is_none() {
            out.push(
                element_finding(
                    &RULE,
                    Kind::Commitment,
                    index,
                    &commitment.common,
                    format!("commitment `{id}` has no owner"),
                )
                .help("add `owner:` with the department or role that answers for it"),
            );
        }
    }
}
