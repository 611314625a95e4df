//! The lean figures of the stage flow, computed once per value stream: each stage's process,
//! wait and lead time, and along the flow the longest path by lead time (the critical path),
//! its process time and the shortest path's lead time.
//!
//! Stages without times are never counted as 0 time: they make the stream's figures partial
//! (a lower bound), and a stream where no stage has times gets no path at all. A stream whose
//! flow loops gets no path either (VSM012 reports the loop). The walk is Kahn's topological
//! order with its own queue: no recursion, since rules and resolving run on small stacks.

use crate::model::{Duration, ValueStream};

/// A stage's own times as written.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StageTimes {
    pub process: Option<Duration>,
    pub wait: Option<Duration>,
}

impl StageTimes {
    /// Process + wait; one of them written alone is the whole lead time; `None` with neither.
    pub fn lead(&self) -> Option<Duration> {
        match (self.process, self.wait) {
            (None, None) => None,
            (p, w) => Some(Duration(p.map_or(0.0, |d| d.0) + w.map_or(0.0, |d| d.0))),
        }
    }
}

/// The longest path through a stream's stage flow by lead time, and the shortest.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowPath {
    /// Stage indices of the critical path, first stage first.
    pub critical: Vec<usize>,
    /// Lead time along the critical path (stages without times add nothing).
    pub lead: Duration,
    /// Process time along the critical path.
    pub process: Duration,
    /// Lead time along the shortest path from a first stage to a last one.
    pub shortest: Duration,
}

impl FlowPath {
    /// Process time / lead time on the critical path, 0–1; `None` when the lead time is 0.
    pub fn efficiency(&self) -> Option<f64> {
        (self.lead.0 > 0.0).then(|| self.process.0 / self.lead.0)
    }

    /// The shortest path's lead time when it differs from the critical path's.
    pub fn shortest_if_different(&self) -> Option<Duration> {
        (self.shortest != self.lead).then_some(self.shortest)
    }
}

/// The lean figures of one value stream.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StreamFlow {
    /// Per stage, in written order.
    pub stages: Vec<StageTimes>,
    /// How many stages have neither a process nor a wait time.
    pub untimed: usize,
    /// Whether the stage flow loops.
    pub loops: bool,
    /// `None` when no stage has times or the flow loops.
    pub path: Option<FlowPath>,
}

impl StreamFlow {
    /// Whether the figures are a lower bound: some stages have times and others not (also
    /// what rule `missing-flow-times` reports).
    pub fn partial(&self) -> bool {
        self.untimed > 0 && self.untimed < self.stages.len()
    }
}

/// The figures of one stream from its stages and its resolved flow (`successors[stage]`).
pub fn stream_flow(stream: &ValueStream, successors: &[Vec<usize>]) -> StreamFlow {
    let stages: Vec<StageTimes> = stream
        .stages
        .values()
        .map(|s| StageTimes {
            process: s.process_time.as_ref().map(|t| t.value),
            wait: s.wait_time.as_ref().map(|t| t.value),
        })
        .collect();
    let untimed = stages.iter().filter(|t| t.lead().is_none()).count();
    let order = topological(successors);
    let loops = order.is_none();
    let path = match order {
        Some(order) if untimed < stages.len() => Some(paths(&stages, successors, &order)),
        _ => None,
    };
    StreamFlow {
        stages,
        untimed,
        loops,
        path,
    }
}

/// Kahn's order of the stages (ties in written order); `None` when the flow loops.
fn topological(successors: &[Vec<usize>]) -> Option<Vec<usize>> {
    let count = successors.len();
    let mut incoming = vec![0usize; count];
    for targets in successors {
        for &t in targets {
            incoming[t] += 1;
        }
    }
    let mut ready: std::collections::BTreeSet<usize> =
        (0..count).filter(|&s| incoming[s] == 0).collect();
    let mut order = Vec::with_capacity(count);
    while let Some(stage) = ready.pop_first() {
        order.push(stage);
        for &t in &successors[stage] {
            incoming[t] -= 1;
            if incoming[t] == 0 {
                ready.insert(t);
            }
        }
    }
    (order.len() == count).then_some(order)
}

/// The longest and shortest paths from a first stage (nothing flows into it) to a last one
/// (it flows nowhere), over an acyclic flow in topological `order`. Ties go to the stage
/// written first.
fn paths(stages: &[StageTimes], successors: &[Vec<usize>], order: &[usize]) -> FlowPath {
    let count = stages.len();
    let own = |s: usize| stages[s].lead().map_or(0.0, |d| d.0);
    // Best lead time of a path ending at each stage, without the stage itself.
    let mut longest_before: Vec<Option<(f64, usize)>> = vec![None; count];
    let mut shortest_before: Vec<Option<f64>> = vec![None; count];
    let mut longest = vec![0.0; count];
    let mut shortest = vec![0.0; count];
    for &stage in order {
        longest[stage] = longest_before[stage].map_or(0.0, |(l, _)| l) + own(stage);
        shortest[stage] = shortest_before[stage].unwrap_or(0.0) + own(stage);
        for &t in &successors[stage] {
            let better = match longest_before[t] {
                None => true,
                Some((l, from)) => longest[stage] > l || (longest[stage] == l && stage < from),
            };
            if better {
                longest_before[t] = Some((longest[stage], stage));
            }
            if shortest_before[t].is_none_or(|s| shortest[stage] < s) {
                shortest_before[t] = Some(shortest[stage]);
            }
        }
    }
    let ends: Vec<usize> = (0..count).filter(|&s| successors[s].is_empty()).collect();
    // An acyclic flow of at least one stage has an end.
    let mut end = ends[0];
    for &s in &ends {
        if longest[s] > longest[end] {
            end = s;
        }
    }
    let shortest_lead = ends
        .iter()
        .map(|&s| shortest[s])
        .fold(f64::INFINITY, f64::min);
    let mut critical = vec![end];
    let mut current = end;
    while let Some((_, from)) = longest_before[current] {
        critical.push(from);
        current = from;
    }
    critical.reverse();
    let process = critical
        .iter()
        .filter_map(|&s| stages[s].process)
        .map(|d| d.0)
        .sum();
    FlowPath {
        lead: Duration(longest[end]),
        process: Duration(process),
        shortest: Duration(shortest_lead),
        critical,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flow_of(yaml: &str) -> StreamFlow {
        let loaded = crate::load::load_text("model.yaml", yaml);
        let (resolved, _) = crate::resolve::resolve(&loaded.model);
        resolved.stream_flow[0].clone()
    }

    fn ids(yaml: &str, critical: &[usize]) -> Vec<String> {
        let loaded = crate::load::load_text("model.yaml", yaml);
        let stream = &loaded.model.value_streams[0];
        critical
            .iter()
            .map(|&i| stream.stages.get_index(i).unwrap().0.to_string())
            .collect()
    }

    /// a → b → d and a → c → d: the branch through c is longer.
    const BRANCH: &str = "value_streams:\n  s:\n    name: S\n    stages:\n      \
        a: {name: A, process_time: 1h, wait_time: 1h, next: [b, c]}\n      \
        b: {name: B, process_time: 30min, next: [d]}\n      \
        c: {name: C, process_time: 2h, wait_time: 1d, next: [d]}\n      \
        d: {name: D, process_time: 10min}\n";

    #[test]
    fn the_critical_path_takes_the_longer_branch() {
        let flow = flow_of(BRANCH);
        assert_eq!(flow.untimed, 0);
        assert!(!flow.partial() && !flow.loops);
        assert_eq!(flow.stages[0].lead(), Some(Duration(7_200.0)));
        let path = flow.path.unwrap();
        assert_eq!(ids(BRANCH, &path.critical), ["a", "c", "d"]);
        // a 2h + c 1d 2h + d 10min = 1d 4h 10min = 101 400 s.
        assert_eq!(path.lead, Duration(101_400.0));
        // process: 1h + 2h + 10min = 11 400 s.
        assert_eq!(path.process, Duration(11_400.0));
        // through b: 2h + 30min + 10min = 2h 40min = 9 600 s.
        assert_eq!(path.shortest_if_different(), Some(Duration(9_600.0)));
        let efficiency = path.efficiency().unwrap();
        assert!((efficiency - 11_400.0 / 101_400.0).abs() < 1e-12);
    }

    #[test]
    fn stages_without_times_make_the_figures_partial_not_zero() {
        let yaml = "value_streams:\n  s:\n    name: S\n    stages:\n      \
            a: {name: A, wait_time: 1d}\n      b: {name: B}\n      \
            c: {name: C, process_time: 4h}\n";
        let flow = flow_of(yaml);
        assert_eq!(flow.untimed, 1);
        assert!(flow.partial());
        assert_eq!(flow.stages[1].lead(), None);
        let path = flow.path.unwrap();
        assert_eq!(path.critical, [0, 1, 2]);
        assert_eq!(path.lead, Duration(100_800.0));
        assert_eq!(path.process, Duration(14_400.0));
        assert_eq!(path.shortest_if_different(), None);
    }

    #[test]
    fn no_times_or_a_loop_give_no_path() {
        let untimed =
            flow_of("value_streams:\n  s:\n    name: S\n    stages:\n      a: {name: A}\n");
        assert_eq!((untimed.untimed, untimed.path.clone()), (1, None));
        assert!(!untimed.partial());
        let looping = flow_of(
            "value_streams:\n  s:\n    name: S\n    stages:\n      \
             a: {name: A, process_time: 1h, next: [b]}\n      \
             b: {name: B, process_time: 1h, next: [a, c]}\n      c: {name: C}\n",
        );
        assert!(looping.loops);
        assert_eq!(looping.path, None);
    }

    #[test]
    fn a_long_flow_is_walked_without_recursion() {
        let mut yaml = String::from("value_streams:\n  s:\n    name: S\n    stages:\n");
        for i in 0..20_000 {
            yaml.push_str(&format!("      s{i}: {{name: S, process_time: 1s}}\n"));
        }
        let flow = std::thread::Builder::new()
            .stack_size(64 * 1024)
            .spawn(move || {
                let loaded = crate::load::load_text("model.yaml", &yaml);
                let stream = &loaded.model.value_streams[0];
                let successors: Vec<Vec<usize>> = (0..stream.stages.len())
                    .map(|i| if i + 1 < 20_000 { vec![i + 1] } else { vec![] })
                    .collect();
                stream_flow(stream, &successors)
            })
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(flow.path.unwrap().lead, Duration(20_000.0));
    }
}
