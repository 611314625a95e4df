use super::{element_finding, Context};
use crate::catalog::COMMITMENT_WITHOUT_OWNER as RULE;
use crate::diag::Finding;
use crate::model::Kind;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (index, (id, commitment)) in ctx.model.commitments.iter().enumerate() {
        if commitment.owner.is_none() {
            out.push(
                element_finding(
                    &RULE,
                    Kind::Commitment,
                    index,
                    &commitment.common,
                    crate::says!("commitment-without-owner", commitment = id),
                )
                .help(crate::says!("commitment-without-owner-help")),
            );
        }
    }
}
