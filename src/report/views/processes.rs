//! The processes view: each end-to-end process with its owner, its capabilities and
//! information, its steps in order (owner, automated, capabilities, information), and the
//! stages it realises (the stages that list it, from [`crate::resolve::UsedBy::process_stages`]).
//!
//! Tables show a process as a group: its own row (in bold, with the stages it realises), then
//! one indented row per step, as the capability view shows its tree. CSV has the same records,
//! each with the process's id, so a spreadsheet can filter a process's steps.

use super::refs::{lines, stages_by_stream, StageRef};
use super::{label, labels, opt_text, Cell, Column, Records, Table, TableView};
use crate::i18n::Lang;
use crate::model::Kind;
use crate::report::data::{Entry, Views};
use serde::Serialize;

/// One process.
#[derive(Debug, Serialize)]
pub struct Row<'m> {
    pub id: &'m str,
    pub name: &'m str,
    pub description: Option<&'m str>,
    pub owner: Option<Entry<'m>>,
    /// The process's own capabilities and information (its steps list theirs).
    pub capabilities: Vec<Entry<'m>>,
    pub information: Vec<Entry<'m>>,
    pub steps: Vec<Step<'m>>,
    /// The stages that list the process: the stages it realises, in model order.
    pub stages: Vec<StageRef<'m>>,
}

/// One step of a process.
#[derive(Clone, Debug, Serialize)]
pub struct Step<'m> {
    /// 1 for the first step.
    pub number: usize,
    /// `None` when the step has no name (VSM004 reports it).
    pub name: Option<&'m str>,
    pub owner: Option<Entry<'m>>,
    /// `None` when `automated` is not written.
    pub automated: Option<bool>,
    pub capabilities: Vec<Entry<'m>>,
    pub information: Vec<Entry<'m>>,
}

impl Step<'_> {
    /// `2. Check the order`, or `2. (no name)`.
    pub fn line(&self, lang: Lang) -> String {
        match self.name {
            Some(name) => format!("{}. {name}", self.number),
            None => format!("{}. {}", self.number, lang.t("view-no-name")),
        }
    }

    /// `yes`, `no`, or nothing when not written.
    pub fn automated_text(&self, lang: Lang) -> String {
        match self.automated {
            Some(true) => lang.t("view-yes"),
            Some(false) => lang.t("view-no"),
            None => String::new(),
        }
    }
}

impl Row<'_> {
    /// `2 of 8 steps` automated, as the process's row shows it; empty without steps.
    pub fn automated_text(&self, lang: Lang) -> String {
        if self.steps.is_empty() {
            return String::new();
        }
        let automated = self
            .steps
            .iter()
            .filter(|s| s.automated == Some(true))
            .count();
        lang.t_args(
            "view-steps-automated",
            &[("n", automated.into()), ("count", self.steps.len().into())],
        )
    }

    /// The stages it realises, a line per stream (`Stream: Stage, Stage`).
    pub fn stage_lines(&self) -> Vec<String> {
        stages_by_stream(&self.stages)
    }
}

/// A line of a process table: a process's own row, or one of its steps.
pub struct Line<'r, 'm> {
    pub process: &'r Row<'m>,
    pub step: Option<&'r Step<'m>>,
}

/// The processes, in model order.
pub struct Processes<'m> {
    pub rows: Vec<Row<'m>>,
    /// The language of the headers and the words of the table (not of JSON and CSV).
    pub lang: Lang,
}

impl<'m> Processes<'m> {
    /// Every process, or those a stage of `streams` lists.
    pub fn new(views: &Views<'m>, streams: Option<&[usize]>) -> Self {
        let used = views.resolved.used_by(views.model);
        let realises: Vec<_> = (0..views.model.processes.len())
            .map(|p| used.process_stages(p))
            .collect();
        let rows = views
            .model
            .processes
            .iter()
            .enumerate()
            .filter(|(p, _)| {
                streams.is_none_or(|s| realises[*p].iter().any(|at| s.contains(&at.stream)))
            })
            .map(|(p, (id, process))| Row {
                id,
                name: process.common.label(),
                description: opt_text(&process.common.description),
                owner: process
                    .owner
                    .as_ref()
                    .map(|o| views.entry(Kind::Stakeholder, &o.value)),
                capabilities: views.entries(Kind::Capability, &process.capabilities),
                information: views.entries(Kind::Information, &process.information),
                steps: process
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(n, step)| Step {
                        number: n + 1,
                        name: step.name.as_ref().map(|t| t.value.as_str()),
                        owner: step
                            .owner
                            .as_ref()
                            .map(|o| views.entry(Kind::Stakeholder, &o.value)),
                        automated: step.automated.as_ref().map(|a| a.value),
                        capabilities: views.entries(Kind::Capability, &step.capabilities),
                        information: views.entries(Kind::Information, &step.information),
                    })
                    .collect(),
                stages: StageRef::all(views, &realises[p]),
            })
            .collect();
        Processes {
            rows,
            lang: views.lang,
        }
    }

    /// Each process's row followed by its steps' rows.
    pub fn lines(&self) -> Vec<Line<'_, 'm>> {
        let mut out = Vec::new();
        for process in &self.rows {
            out.push(Line {
                process,
                step: None,
            });
            out.extend(process.steps.iter().map(|step| Line {
                process,
                step: Some(step),
            }));
        }
        out
    }
}

/// The columns of the terminal and Markdown table (and the HTML report's).
pub const COLUMNS: [Column; 6] = [
    Column::text("view-col-process-step"),
    Column::text("view-col-owner"),
    Column::text("view-col-automated"),
    Column::text("view-col-capabilities"),
    Column::text("view-col-information"),
    Column::text("view-col-realises-stages"),
];

/// The CSV header (comma-separated).
const CSV_COLUMNS: &str =
    "process_id,process,step,step_name,owner,automated,capabilities,information,stages";

/// Ids of references as written, one per line.
fn ids(entries: &[Entry<'_>]) -> String {
    entries.iter().map(|e| e.id).collect::<Vec<_>>().join("\n")
}

fn id(entry: Option<Entry<'_>>) -> String {
    entry.map(|e| e.id.to_string()).unwrap_or_default()
}

impl<'m> TableView for Processes<'m> {
    const NAME: &'static str = "processes";
    const KEY: &'static str = "processes";
    type Row = Row<'m>;

    fn rows(&self) -> &[Row<'m>] {
        &self.rows
    }

    fn tables(&self) -> Vec<Table> {
        let lang = self.lang;
        let mut table = Table::with_columns(lang, &COLUMNS);
        table.min = vec![(0, 20)];
        table.rows = self
            .lines()
            .into_iter()
            .map(|line| match line.step {
                None => {
                    let p = line.process;
                    vec![
                        Cell::new(p.name).strong(),
                        Cell::new(label(p.owner)),
                        Cell::new(p.automated_text(lang)),
                        Cell::lines(labels(&p.capabilities)),
                        Cell::lines(labels(&p.information)),
                        Cell::lines(p.stage_lines()),
                    ]
                }
                Some(step) => vec![
                    Cell::new(step.line(lang)).indent(1),
                    Cell::new(label(step.owner)),
                    Cell::new(step.automated_text(lang)),
                    Cell::lines(labels(&step.capabilities)),
                    Cell::lines(labels(&step.information)),
                    Cell::empty(),
                ],
            })
            .collect();
        vec![table]
    }

    /// A record per process (its `step` empty) followed by a record per step: owner,
    /// capabilities and information are the process's on its own record and the step's on a
    /// step's, as in the table.
    fn records(&self) -> Records {
        let mut rows = Vec::new();
        for line in self.lines() {
            let p = line.process;
            rows.push(match line.step {
                None => vec![
                    p.id.to_string(),
                    p.name.to_string(),
                    String::new(),
                    String::new(),
                    id(p.owner),
                    String::new(),
                    ids(&p.capabilities),
                    ids(&p.information),
                    lines(&p.stages, StageRef::reference).join("\n"),
                ],
                Some(step) => vec![
                    p.id.to_string(),
                    p.name.to_string(),
                    step.number.to_string(),
                    step.name.unwrap_or_default().to_string(),
                    id(step.owner),
                    step.automated.map(|a| a.to_string()).unwrap_or_default(),
                    ids(&step.capabilities),
                    ids(&step.information),
                    String::new(),
                ],
            });
        }
        Records {
            headers: CSV_COLUMNS.split(',').map(String::from).collect(),
            rows,
            // step (its number).
            numeric: vec![2],
            ..Records::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::views::fixture::{example, Fixture};

    fn cells(table: &Table) -> Vec<Vec<String>> {
        table
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.lines.join("; ")).collect())
            .collect()
    }

    /// Two streams; `serve` is listed by a stage of each (one of them twice), `audit` by none.
    const MODEL: &str = "
stakeholders:
  clerk: {name: Clerk}
value_streams:
  order:
    name: Order
    stages:
      take: {name: Take, processes: [serve, serve]}
      ship: {name: Ship}
  refund:
    name: Refund
    stages:
      pay: {name: Pay, processes: [serve]}
capabilities:
  intake: {name: Intake}
information:
  form: {name: Form}
processes:
  serve:
    name: Serve
    owner: clerk
    capabilities: [intake]
    steps:
      - {name: Greet, owner: clerk, automated: false}
      - {name: Fill in, capabilities: [intake], information: [form, lost], automated: true}
      - {owner: nobody}
  audit: {name: Audit}
";

    #[test]
    fn a_process_row_then_its_steps_with_the_stages_it_realises() {
        let fixture = Fixture::new(MODEL);
        let views = fixture.views();
        let view = Processes::new(&views, None);
        let table = &view.tables()[0];
        assert_eq!(
            cells(table),
            [
                // 1 of the 3 steps is automated; `take` lists it twice but is one stage.
                vec![
                    "Serve",
                    "Clerk",
                    "1 of 3 steps",
                    "Intake",
                    "",
                    "Order: Take; Refund: Pay"
                ],
                vec!["1. Greet", "Clerk", "no", "", "", ""],
                vec![
                    "2. Fill in",
                    "",
                    "yes",
                    "Intake",
                    "Form; lost (unknown)",
                    ""
                ],
                vec!["3. (no name)", "nobody (unknown)", "", "", "", ""],
                vec!["Audit", "", "", "", "", ""],
            ]
        );
        assert!(table.rows[0][0].strong && table.rows[1][0].indent == 1);

        let records = view.records();
        assert_eq!(records.rows.len(), 5, "a record per process and per step");
        assert_eq!(
            records.rows[0],
            [
                "serve",
                "Serve",
                "",
                "",
                "clerk",
                "",
                "intake",
                "",
                "order/take\nrefund/pay"
            ]
        );
        assert_eq!(
            records.rows[2],
            [
                "serve",
                "Serve",
                "2",
                "Fill in",
                "",
                "true",
                "intake",
                "form\nlost",
                ""
            ]
        );
        assert_eq!(records.rows[4][..3], ["audit", "Audit", ""]);
    }

    #[test]
    fn a_stream_keeps_the_processes_its_stages_list() {
        let fixture = Fixture::new(MODEL);
        let views = fixture.views();
        let ids = |streams: &[usize]| -> Vec<&str> {
            Processes::new(&views, Some(streams))
                .rows
                .iter()
                .map(|r| r.id)
                .collect()
        };
        assert_eq!(ids(&[1]), ["serve"]);
        assert_eq!(ids(&[]), Vec::<&str>::new());
        // The stages column stays whole: the process realises both streams' stages.
        assert_eq!(Processes::new(&views, Some(&[1])).rows[0].stages.len(), 2);
    }

    #[test]
    fn json_nests_the_steps_and_names_each_stage_with_its_stream() {
        let fixture = Fixture::new(MODEL);
        let views = fixture.views();
        let json = serde_json::to_value(&Processes::new(&views, None).rows[0]).unwrap();
        assert_eq!(
            json["owner"],
            serde_json::json!({"id": "clerk", "name": "Clerk"})
        );
        assert_eq!(
            json["steps"][2],
            serde_json::json!({
                "number": 3, "name": null, "owner": {"id": "nobody", "name": null},
                "automated": null, "capabilities": [], "information": [],
            })
        );
        assert_eq!(
            json["stages"][1],
            serde_json::json!({
                "stream": {"id": "refund", "name": "Refund"},
                "stage": {"id": "pay", "name": "Pay"},
            })
        );
    }

    #[test]
    fn the_example_model_processes_worked_out_by_hand() {
        let (loaded, resolved) = example();
        let views = Views::new(&loaded.model, &resolved);
        let view = Processes::new(&views, None);
        let by_id = |id: &str| view.rows.iter().find(|r| r.id == id).unwrap();

        // complaint-handling.yaml: accept, investigate, agree-solution and callback list the
        // ticket process; outsourcing.yaml: service-delivery does too.
        let tickets = by_id("complaint-ticket-handling");
        let stages: Vec<String> = tickets.stages.iter().map(|s| s.reference()).collect();
        assert_eq!(
            stages,
            [
                "complaint-handling/accept",
                "complaint-handling/investigate",
                "complaint-handling/agree-solution",
                "complaint-handling/callback",
                "outsourced-service/service-delivery",
            ]
        );
        // Seven steps; the first two automated; the last has no capability.
        assert_eq!(tickets.steps.len(), 7);
        assert_eq!(tickets.automated_text(Lang::En), "2 of 7 steps");
        assert_eq!(tickets.steps[5].line(Lang::En), "6. Call the customer back");
        assert_eq!(tickets.steps[5].owner.unwrap().id, "agent");
        assert!(tickets.steps[6].capabilities.is_empty());

        // The inbound-call process: all five stages of inbound-call, then service-delivery.
        let calls = by_id("handle-inbound-call");
        assert_eq!(calls.stages.len(), 6);
        assert_eq!(calls.automated_text(Lang::En), "2 of 8 steps");
        // In Chinese: 2 of the 8 steps, `yes` as 是; a step without a name says so.
        assert_eq!(calls.automated_text(Lang::ZhCn), "8 个步骤中的 2 个");
        assert_eq!(calls.automated_text(Lang::ZhTw), "8 個步驟中的 2 個");
        assert_eq!(calls.steps[0].automated_text(Lang::ZhCn), "是");
        let unnamed = Step {
            name: None,
            ..calls.steps[0].clone()
        };
        assert_eq!(unnamed.line(Lang::En), "1. (no name)");
        assert_eq!(unnamed.line(Lang::ZhTw), "1. （無名稱）");

        // Every process of processes.yaml, in the order written; with their 8 + 7 + 6 + 4 +
        // 4 + 7 + 4 steps, 7 + 40 = 47 CSV records.
        let ids: Vec<&str> = view.rows.iter().map(|r| r.id).collect();
        assert_eq!(
            ids,
            [
                "handle-inbound-call",
                "complaint-ticket-handling",
                "complaint-root-cause-improvement",
                "replacement-order-fulfilment",
                "commitment-monitoring-cycle",
                "outsourcing-engagement",
                "team-onboarding",
            ]
        );
        assert_eq!(view.records().rows.len(), 7 + 8 + 7 + 6 + 4 + 4 + 7 + 4);
    }
}
