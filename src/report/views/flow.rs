//! The flow view: the lean figures of each value stream. Per stage its process, wait and lead
//! time, its share of the critical path's lead time and whether it lies on that path; per
//! stream the critical path (the longest path through the stage flow by lead time), its lead
//! and process time, the flow efficiency and the shortest path's lead time. The figures are
//! computed once by the resolver ([`crate::resolve::flow`]); stages without times make them a
//! lower bound, said as such.

use super::{Cell, Mark, PerStream, Records, StreamPart, Table};
use crate::i18n::Lang;
use crate::model::Duration;
use crate::report::data::Views;
use crate::resolve::StreamFlow;
use serde::Serialize;

/// One value stream's flow figures.
#[derive(Debug, Serialize)]
pub struct Stream<'m> {
    pub id: &'m str,
    pub name: &'m str,
    pub stages: Vec<Stage<'m>>,
    /// Stage ids of the critical path, first stage first; empty without a path.
    pub critical_path: Vec<&'m str>,
    /// Lead time along the critical path; `None` when no stage has times or the flow loops.
    pub lead_seconds: Option<f64>,
    pub process_seconds: Option<f64>,
    /// Process / lead time on the critical path, in percent, one decimal.
    pub flow_efficiency_percent: Option<f64>,
    /// The shortest path's lead time, when it differs from the critical path's.
    pub shortest_lead_seconds: Option<f64>,
    /// Stages with neither a process nor a wait time.
    pub untimed_stages: usize,
    /// Some stages have times and others not: the figures are a lower bound.
    pub partial: bool,
    /// The stage flow loops (VSM012): no path figures.
    pub loops: bool,
    /// The language of its notes, headers and durations (not part of the JSON).
    #[serde(skip)]
    pub lang: Lang,
}

/// One stage's figures.
#[derive(Debug, Serialize)]
pub struct Stage<'m> {
    pub id: &'m str,
    pub name: &'m str,
    pub process_seconds: Option<f64>,
    pub wait_seconds: Option<f64>,
    /// Process + wait; `None` when the stage has neither.
    pub lead_seconds: Option<f64>,
    /// Its lead time as a share of the critical path's, in percent, one decimal.
    pub share_percent: Option<f64>,
    pub critical: bool,
}

fn one_decimal(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// `94.6%`.
fn percent(value: f64) -> String {
    format!("{:.1}%", one_decimal(value))
}

fn seconds(duration: Option<Duration>) -> Option<f64> {
    duration.map(|d| d.0)
}

fn duration_cell(lang: Lang, value: Option<f64>) -> String {
    value.map_or_else(String::new, |s| lang.duration(s))
}

impl<'m> Stream<'m> {
    pub fn new(views: &Views<'m>, stream: usize) -> Self {
        let (id, s) = views.stream(stream);
        let flow: &StreamFlow = &views.resolved.stream_flow[stream];
        let path = flow.path.as_ref();
        let path_lead = path.map(|p| p.lead.0).filter(|&l| l > 0.0);
        let stage_id = |i: usize| s.stages.get_index(i).expect("stage index").0.as_str();
        Stream {
            id,
            name: s.common.label(),
            stages: s
                .stages
                .iter()
                .zip(&flow.stages)
                .enumerate()
                .map(|(i, ((id, stage), times))| {
                    let lead = times.lead();
                    Stage {
                        id,
                        name: stage.common.label(),
                        process_seconds: seconds(times.process),
                        wait_seconds: seconds(times.wait),
                        lead_seconds: seconds(lead),
                        share_percent: lead
                            .zip(path_lead)
                            .map(|(l, p)| one_decimal(l.0 / p * 100.0)),
                        critical: path.is_some_and(|p| p.critical.contains(&i)),
                    }
                })
                .collect(),
            critical_path: path.map_or_else(Vec::new, |p| {
                p.critical.iter().map(|&i| stage_id(i)).collect()
            }),
            lead_seconds: path.map(|p| p.lead.0),
            process_seconds: path.map(|p| p.process.0),
            flow_efficiency_percent: path
                .and_then(|p| p.efficiency())
                .map(|e| one_decimal(e * 100.0)),
            shortest_lead_seconds: path.and_then(|p| seconds(p.shortest_if_different())),
            untimed_stages: flow.untimed,
            partial: flow.partial(),
            loops: flow.loops,
            lang: views.lang,
        }
    }

    /// `≥ ` before a figure that is a lower bound.
    fn bound(&self) -> &'static str {
        if self.partial {
            "≥ "
        } else {
            ""
        }
    }

    /// The lines under the stream's title: the path and its figures, or why there are none.
    pub fn notes(&self) -> Vec<String> {
        let lang = self.lang;
        let count = self.stages.len();
        if self.loops {
            return vec![lang.t("flow-loops")];
        }
        let Some(lead) = self.lead_seconds else {
            return vec![lang.t("flow-no-times")];
        };
        let names: Vec<&str> = self
            .critical_path
            .iter()
            .map(|id| {
                self.stages
                    .iter()
                    .find(|s| s.id == *id)
                    .map_or(*id, |s| s.name)
            })
            .collect();
        let bound = self.bound();
        let figure = |seconds: f64| format!("{bound}{}", lang.duration(seconds));
        let mut lead_line = lang.t_args("flow-lead-time", &[("time", figure(lead).into())]);
        if self.partial {
            lead_line.push_str(&lang.t_args(
                "flow-untimed",
                &[("n", self.untimed_stages.into()), ("count", count.into())],
            ));
        }
        let mut notes = vec![
            lang.t_args("flow-critical-path", &[("path", names.join(" → ").into())]),
            lead_line,
            lang.t_args(
                "flow-process-time",
                &[(
                    "time",
                    figure(self.process_seconds.unwrap_or_default()).into(),
                )],
            ),
        ];
        if let Some(e) = self.flow_efficiency_percent {
            let key = if self.partial {
                "flow-efficiency-partial"
            } else {
                "flow-efficiency"
            };
            notes.push(lang.t_args(key, &[("percent", percent(e).into())]));
        }
        if let Some(s) = self.shortest_lead_seconds {
            notes.push(lang.t_args("flow-shortest", &[("time", figure(s).into())]));
        }
        notes
    }

    /// The terminal and Markdown table, titled with the stream.
    pub fn table(&self) -> Table {
        let lang = self.lang;
        let mut table = Table {
            headers: [
                "flow-col-number",
                "col-stage",
                "flow-col-process",
                "flow-col-wait",
                "flow-col-lead",
                "flow-col-share",
                "flow-col-critical",
            ]
            .map(|key| lang.t(key))
            .to_vec(),
            ..Table::default()
        };
        table.title = Some(format!("{} ({})", self.name, self.id));
        table.notes = self.notes();
        table.right = vec![0, 2, 3, 4, 5];
        table.center = vec![6];
        table.rows = self
            .stages
            .iter()
            .enumerate()
            .map(|(i, stage)| {
                let lead = match stage.lead_seconds {
                    Some(l) => Cell::new(lang.duration(l)),
                    None => Cell::new(lang.t("flow-no-times-cell")).mark(Mark::Muted),
                };
                let name = Cell::new(stage.name);
                vec![
                    Cell::new((i + 1).to_string()),
                    if stage.critical { name.strong() } else { name },
                    Cell::new(duration_cell(lang, stage.process_seconds)),
                    Cell::new(duration_cell(lang, stage.wait_seconds)),
                    lead,
                    Cell::new(stage.share_percent.map(percent).unwrap_or_default()),
                    Cell::new(if stage.critical { "●" } else { "" }),
                ]
            })
            .collect();
        table
    }
}

/// The flow figures of some streams.
pub type Flow<'m> = PerStream<Stream<'m>>;

impl<'m> Flow<'m> {
    pub fn new(views: &Views<'m>, streams: &[usize]) -> Self {
        PerStream::build(views, streams, Stream::new)
    }
}

impl<'m> StreamPart for Stream<'m> {
    const NAME: &'static str = "flow";

    fn table(&self) -> Table {
        Stream::table(self)
    }

    fn records(streams: &[Self]) -> Records {
        let num = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
        let mut rows = Vec::new();
        for stream in streams {
            for stage in &stream.stages {
                rows.push(vec![
                    stream.id.to_string(),
                    stream.name.to_string(),
                    stage.id.to_string(),
                    stage.name.to_string(),
                    num(stage.process_seconds),
                    num(stage.wait_seconds),
                    num(stage.lead_seconds),
                    num(stage.share_percent),
                    stage.critical.to_string(),
                    num(stream.lead_seconds),
                    num(stream.process_seconds),
                    num(stream.flow_efficiency_percent),
                    num(stream.shortest_lead_seconds),
                    stream.untimed_stages.to_string(),
                    stream.partial.to_string(),
                ]);
            }
        }
        Records {
            headers: [
                "stream_id",
                "stream",
                "stage_id",
                "stage",
                "process_seconds",
                "wait_seconds",
                "lead_seconds",
                "share_percent",
                "critical",
                "stream_lead_seconds",
                "stream_process_seconds",
                "flow_efficiency_percent",
                "shortest_lead_seconds",
                "untimed_stages",
                "partial",
            ]
            .map(String::from)
            .to_vec(),
            rows,
            numeric: vec![4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
            ..Records::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::views::fixture::Fixture;

    /// The example model, loaded as `vsm table` loads it.
    fn example() -> (crate::load::Loaded, crate::resolve::Resolved) {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("models/customer-service");
        let loaded = crate::load::load(&[root], &crate::load::Filter::default()).unwrap();
        let (resolved, _) = crate::resolve::resolve(&loaded.model);
        (loaded, resolved)
    }

    #[test]
    fn the_example_model_figures_worked_out_by_hand() {
        let (loaded, resolved) = example();
        let views = Views::new(&loaded.model, &resolved);
        let streams: Vec<usize> = (0..loaded.model.value_streams.len()).collect();
        let flow = Flow::new(&views, &streams);
        let by_id = |id: &str| flow.streams.iter().find(|s| s.id == id).unwrap();

        // inbound-call, written order, no `next`: connect (wait 20s), identify (process
        // 20s), understand (2 min), resolve (3 min), close (30s).
        // Lead = 20 + 20 + 120 + 180 + 30 = 370 s = 6min 10s; process = 350 s = 5min 50s;
        // efficiency = 350 / 370 = 94.59…% → 94.6%. Shares: 20/370 = 5.4%, 5.4%,
        // 120/370 = 32.4%, 180/370 = 48.6%, 30/370 = 8.1%.
        let call = by_id("inbound-call");
        assert_eq!(
            call.critical_path,
            ["connect", "identify", "understand", "resolve", "close"]
        );
        assert_eq!(call.lead_seconds, Some(370.0));
        assert_eq!(call.process_seconds, Some(350.0));
        assert_eq!(call.flow_efficiency_percent, Some(94.6));
        assert_eq!(call.shortest_lead_seconds, None);
        assert!(!call.partial);
        let shares: Vec<Option<f64>> = call.stages.iter().map(|s| s.share_percent).collect();
        assert_eq!(
            shares,
            [Some(5.4), Some(5.4), Some(32.4), Some(48.6), Some(8.1)]
        );
        assert_eq!(call.stages[0].wait_seconds, Some(20.0));
        assert_eq!(call.stages[0].process_seconds, None);
        let notes = call.notes();
        assert_eq!(notes[1], "Lead time: 6min 10s");
        assert_eq!(notes[2], "Process time: 5min 50s");
        assert_eq!(notes[3], "Flow efficiency: 94.6%");

        // outsourced-service: six stages in written order, only dedicated-team has a time
        // (process 15d): lead ≥ 15d, 5 of 6 stages have no times, efficiency 100% of what
        // is known.
        let outsourced = by_id("outsourced-service");
        assert_eq!(outsourced.critical_path.len(), 6);
        assert_eq!(outsourced.lead_seconds, Some(15.0 * 86_400.0));
        assert_eq!(outsourced.untimed_stages, 5);
        assert!(outsourced.partial);
        assert_eq!(
            outsourced.notes()[1],
            "Lead time: ≥ 15d, 5 of 6 stages have no times"
        );
        let dedicated = outsourced
            .stages
            .iter()
            .find(|s| s.id == "dedicated-team")
            .unwrap();
        assert_eq!(dedicated.share_percent, Some(100.0));

        // complaint-handling branches after agree-solution into callback (an end) and
        // root-cause → responsibility → improve. Leads: accept 10min + 20min = 1 800 s,
        // investigate 3h + 18h = 75 600 s, agree-solution 6h + 1d = 108 000 s, callback
        // 15min + 2d = 173 700 s, root-cause 1d + 4d = 432 000 s, responsibility 2h + 2d =
        // 180 000 s, improve 5d + 10d = 1 296 000 s. Longest path (without callback):
        // 2 093 400 s = 24d 5h 30min; its process time 10min + 3h + 6h + 1d + 2h + 5d =
        // 558 600 s = 6d 11h 10min; efficiency 558 600 / 2 093 400 = 26.7%. Shortest path
        // (ending at callback): 1 800 + 75 600 + 108 000 + 173 700 = 359 100 s = 4d 3h 45min.
        let complaints = by_id("complaint-handling");
        assert_eq!(
            complaints.critical_path,
            [
                "accept",
                "investigate",
                "agree-solution",
                "root-cause",
                "responsibility",
                "improve"
            ]
        );
        assert_eq!(complaints.lead_seconds, Some(2_093_400.0));
        assert_eq!(complaints.process_seconds, Some(558_600.0));
        assert_eq!(complaints.flow_efficiency_percent, Some(26.7));
        assert_eq!(complaints.shortest_lead_seconds, Some(359_100.0));
        assert_eq!(complaints.untimed_stages, 0);
        assert!(!complaints.partial);
        let callback = complaints
            .stages
            .iter()
            .find(|s| s.id == "callback")
            .unwrap();
        assert!(!callback.critical);
        // 173 700 / 2 093 400 = 8.3%.
        assert_eq!(callback.share_percent, Some(8.3));
        let notes = complaints.notes();
        assert_eq!(notes[1], "Lead time: 24d 5h 30min");
        assert_eq!(notes[2], "Process time: 6d 11h 10min");
        assert_eq!(notes[3], "Flow efficiency: 26.7%");
        assert_eq!(notes[4], "Shortest path lead time: 4d 3h 45min");
    }

    #[test]
    fn a_branch_marks_the_critical_stages_and_the_shortest_lead() {
        let fixture = Fixture::new(
            "value_streams:\n  s:\n    name: S\n    stages:\n      \
             a: {name: A, process_time: 1h, next: [b, c]}\n      \
             b: {name: B, process_time: 1h, wait_time: 1d, next: [d]}\n      \
             c: {name: C, process_time: 30min, next: [d]}\n      \
             d: {name: D, wait_time: 2h}\n",
        );
        let views = fixture.views();
        let stream = Stream::new(&views, 0);
        // a 1h + b 1d 1h + d 2h = 1d 4h = 100 800 s; process 2h = 7 200 s; 7.1%.
        assert_eq!(stream.critical_path, ["a", "b", "d"]);
        assert_eq!(stream.lead_seconds, Some(100_800.0));
        assert_eq!(stream.flow_efficiency_percent, Some(7.1));
        // a 1h + c 30min + d 2h = 3h 30min.
        assert_eq!(stream.shortest_lead_seconds, Some(12_600.0));
        let critical: Vec<bool> = stream.stages.iter().map(|s| s.critical).collect();
        assert_eq!(critical, [true, true, false, true]);
        let table = stream.table();
        assert_eq!(table.rows[2][6].lines, [""]);
        assert_eq!(table.rows[1][4].lines, ["1d 1h"]);
        assert_eq!(
            table.notes,
            [
                "Critical path: A → B → D",
                "Lead time: 1d 4h",
                "Process time: 2h",
                "Flow efficiency: 7.1%",
                "Shortest path lead time: 3h 30min",
            ]
        );
    }
}
