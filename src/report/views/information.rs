//! The information view: each information item with the business object it is organised
//! around, and what uses it: the stages, the processes (their own `information`) and the
//! process steps that list it (from [`crate::resolve::UsedBy::information_users`]).

use super::refs::{elements, ids, lines, names, stages_by_stream, StageRef, StepRef};
use super::{label, opt_text, Cell, Column, Named, Records, Table, TableView};
use crate::i18n::Lang;
use crate::model::Kind;
use crate::report::data::{Entry, Views};
use serde::Serialize;

/// One information item.
#[derive(Debug, Serialize)]
pub struct Row<'m> {
    pub id: &'m str,
    pub name: &'m str,
    pub description: Option<&'m str>,
    pub business_object: Option<Entry<'m>>,
    /// Stages listing it, in model order.
    pub stages: Vec<StageRef<'m>>,
    /// Processes listing it in their own `information`.
    pub processes: Vec<Named<'m>>,
    /// Process steps listing it.
    pub steps: Vec<StepRef<'m>>,
}

impl Row<'_> {
    /// The stages using it, a line per stream (`Stream: Stage, Stage`).
    pub fn stage_lines(&self) -> Vec<String> {
        stages_by_stream(&self.stages)
    }

    /// The steps using it as `Process › 2. Step`.
    pub fn step_labels(&self, lang: Lang) -> Vec<String> {
        lines(&self.steps, |s| s.label(lang))
    }

    /// Nothing lists it (what VSM203 reports).
    pub fn unused(&self) -> bool {
        self.stages.is_empty() && self.processes.is_empty() && self.steps.is_empty()
    }
}

/// The information items, in model order.
pub struct Information<'m> {
    pub rows: Vec<Row<'m>>,
    /// The language of the headers (not of JSON and CSV).
    pub lang: crate::i18n::Lang,
}

impl<'m> Information<'m> {
    /// Every information item, or those a stage of `streams` lists.
    pub fn new(views: &Views<'m>, streams: Option<&[usize]>) -> Self {
        let used = views.resolved.used_by(views.model);
        let users: Vec<_> = (0..views.model.information.len())
            .map(|i| used.information_users(i))
            .collect();
        let rows = views
            .model
            .information
            .iter()
            .zip(&users)
            .filter(|(_, used)| {
                streams.is_none_or(|s| used.stages.iter().any(|at| s.contains(&at.stream)))
            })
            .map(|((id, info), used)| Row {
                id,
                name: info.common.label(),
                description: opt_text(&info.common.description),
                business_object: info
                    .business_object
                    .as_ref()
                    .map(|o| views.entry(Kind::BusinessObject, &o.value)),
                stages: StageRef::all(views, &used.stages),
                processes: elements(views, Kind::Process, &used.processes),
                steps: StepRef::all(views, &used.steps),
            })
            .collect();
        Information {
            rows,
            lang: views.lang,
        }
    }
}

/// The columns of the terminal and Markdown table (and the HTML report's).
pub const COLUMNS: [Column; 5] = [
    Column::text("view-col-information"),
    Column::text("view-col-business-object"),
    Column::text("view-col-stages"),
    Column::text("view-col-processes"),
    Column::text("view-col-steps"),
];

/// The CSV header (comma-separated).
const CSV_COLUMNS: &str = "id,name,business_object,stages,processes,steps";

impl<'m> TableView for Information<'m> {
    const NAME: &'static str = "information";
    const KEY: &'static str = "information";
    type Row = Row<'m>;

    fn rows(&self) -> &[Row<'m>] {
        &self.rows
    }

    fn tables(&self) -> Vec<Table> {
        let mut table = Table::with_columns(self.lang, &COLUMNS);
        table.min = vec![(0, 16)];
        table.rows = self
            .rows
            .iter()
            .map(|r| {
                vec![
                    Cell::new(r.name).strong(),
                    Cell::new(label(r.business_object)),
                    Cell::lines(r.stage_lines()),
                    Cell::lines(names(&r.processes)),
                    Cell::lines(r.step_labels(self.lang)),
                ]
            })
            .collect();
        vec![table]
    }

    fn records(&self) -> Records {
        Records {
            headers: CSV_COLUMNS.split(',').map(String::from).collect(),
            rows: self
                .rows
                .iter()
                .map(|r| {
                    vec![
                        r.id.to_string(),
                        r.name.to_string(),
                        r.business_object
                            .map(|e| e.id)
                            .unwrap_or_default()
                            .to_string(),
                        lines(&r.stages, StageRef::reference).join("\n"),
                        ids(&r.processes),
                        lines(&r.steps, StepRef::reference).join("\n"),
                    ]
                })
                .collect(),
            ..Records::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::views::fixture::{example, Fixture};

    const MODEL: &str = "
value_streams:
  order:
    name: Order
    stages:
      take: {name: Take, information: [form]}
  refund:
    name: Refund
    stages:
      pay: {name: Pay, information: [form, receipt]}
processes:
  serve:
    name: Serve
    information: [form]
    steps:
      - {name: Greet}
      - {name: Fill in, information: [form]}
information:
  form: {name: Form, business_object: ticket}
  receipt: {name: Receipt, business_object: missing}
  note: {name: Note}
business_objects:
  ticket: {name: Ticket}
";

    #[test]
    fn each_item_with_its_object_and_every_user() {
        let fixture = Fixture::new(MODEL);
        let views = fixture.views();
        let view = Information::new(&views, None);
        let cells: Vec<Vec<String>> = view.tables()[0]
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.lines.join("; ")).collect())
            .collect();
        assert_eq!(
            cells,
            [
                vec![
                    "Form",
                    "Ticket",
                    "Order: Take; Refund: Pay",
                    "Serve",
                    "Serve › 2. Fill in"
                ],
                vec!["Receipt", "missing (unknown)", "Refund: Pay", "", ""],
                vec!["Note", "", "", "", ""],
            ]
        );
        assert!(view.rows[2].unused() && !view.rows[1].unused());
        let records = view.records();
        assert_eq!(
            records.rows[0],
            [
                "form",
                "Form",
                "ticket",
                "order/take\nrefund/pay",
                "serve",
                "serve#2"
            ]
        );
        let json = serde_json::to_value(&view.rows[0]).unwrap();
        assert_eq!(
            json["steps"],
            serde_json::json!([{"process": {"id": "serve", "name": "Serve"}, "number": 2, "name": "Fill in"}])
        );
        assert_eq!(json["business_object"]["name"], "Ticket");
    }

    #[test]
    fn a_stream_keeps_the_items_its_stages_list() {
        let fixture = Fixture::new(MODEL);
        let views = fixture.views();
        let ids: Vec<&str> = Information::new(&views, Some(&[0]))
            .rows
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(ids, ["form"]);
    }

    #[test]
    fn the_example_model_complaint_record_worked_out_by_hand() {
        let (loaded, resolved) = example();
        let views = Views::new(&loaded.model, &resolved);
        let view = Information::new(&views, None);
        assert_eq!(view.rows.len(), 12, "information.yaml has 12 items");
        let record = view
            .rows
            .iter()
            .find(|r| r.id == "complaint-record")
            .unwrap();
        assert_eq!(record.business_object.unwrap().id, "complaint-ticket");
        // Listed by accept, agree-solution and root-cause of complaint-handling, and by
        // service-delivery of outsourced-service.
        let stages: Vec<String> = record.stages.iter().map(|s| s.reference()).collect();
        assert_eq!(
            stages,
            [
                "complaint-handling/accept",
                "complaint-handling/agree-solution",
                "complaint-handling/root-cause",
                "outsourced-service/service-delivery",
            ]
        );
        // Its own process is the ticket process; steps in processes.yaml order: the call's
        // escalation (6), the ticket's create (1), grade (2), classify (3), agree (5) and
        // close (7), the root-cause grouping (1) and sharing (6), the replacement's
        // confirmation (4).
        let processes: Vec<&str> = record.processes.iter().map(|p| p.id).collect();
        assert_eq!(processes, ["complaint-ticket-handling"]);
        let steps: Vec<String> = record.steps.iter().map(|s| s.reference()).collect();
        assert_eq!(
            steps,
            [
                "handle-inbound-call#6",
                "complaint-ticket-handling#1",
                "complaint-ticket-handling#2",
                "complaint-ticket-handling#3",
                "complaint-ticket-handling#5",
                "complaint-ticket-handling#7",
                "complaint-root-cause-improvement#1",
                "complaint-root-cause-improvement#6",
                "replacement-order-fulfilment#4",
            ]
        );
    }
}
