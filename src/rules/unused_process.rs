use super::{element_finding, Context};
use crate::catalog::UNUSED_PROCESS as RULE;
use crate::diag::Finding;
use crate::model::Kind;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (index, (id, process)) in ctx.model.processes.iter().enumerate() {
        if ctx.resolved.usage.process_stages[index] == 0 {
            out.push(
                element_finding(
                    &RULE,
                    Kind::Process,
                    index,
                    &process.common,
                    crate::says!("unused-process", process = id),
                )
                .help(crate::says!("unused-process-help")),
            );
        }
    }
}
