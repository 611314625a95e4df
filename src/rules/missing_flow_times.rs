use super::Context;
use crate::catalog::MISSING_FLOW_TIMES as RULE;
use crate::diag::Finding;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for s in ctx.stages() {
        let Some(flow) = ctx.resolved.stream_flow.get(s.stream_index) else {
            continue;
        };
        if !flow.partial() || flow.stages[s.stage_index].lead().is_some() {
            continue;
        }
        let timed = flow.stages.len() - flow.untimed;
        out.push(
            s.finding(
                &RULE,
                crate::says!(
                    "missing-flow-times",
                    stage = s.stage_id,
                    timed = timed,
                    total = flow.stages.len(),
                    stream = s.stream_id
                ),
            )
            .help(crate::says!("missing-flow-times-help")),
        );
    }
}
