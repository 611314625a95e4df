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
                format!(
                    "stage `{}` has no process or wait time, while {timed} of the {} stages of `{}` {}",
                    s.stage_id,
                    flow.stages.len(),
                    s.stream_id,
                    if timed == 1 { "has" } else { "have" }
                ),
            )
            .help("add `process_time:` and `wait_time:` so the stream's lead time is not only a lower bound"),
        );
    }
}
