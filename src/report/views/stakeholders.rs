//! The stakeholders view: who takes part where, and who owns what. Per value stream a
//! stakeholder × stage matrix (★ the triggering stakeholder, ● takes part in the stage), then
//! one table of what each stakeholder owns: processes, process steps, capabilities and
//! commitments (from [`crate::resolve::UsedBy::stakeholder_roles`]).
//!
//! Like the capability matrix, the matrix is one table per stream, so its columns are one
//! stream's stages; CSV has one record per stakeholder with one column per stage of every
//! selected stream, written sparsely (most stakeholders take part in few stages).

use super::refs::{element, elements, ids, lines, names, StageRef, StepRef};
use super::{opt_text, Cell, Column, Named, Records, Table, TableView};
use crate::i18n::Lang;
use crate::model::{Kind, StakeholderType};
use crate::report::data::Views;
use crate::resolve::StageAt;
use serde::Serialize;

/// The legend under every matrix, in `lang`.
pub fn legend(lang: Lang) -> String {
    lang.t("view-stakeholders-legend")
}

/// What a stakeholder owns.
#[derive(Debug, Default, Serialize)]
pub struct Owns<'m> {
    pub processes: Vec<Named<'m>>,
    pub steps: Vec<StepRef<'m>>,
    pub capabilities: Vec<Named<'m>>,
    pub commitments: Vec<Named<'m>>,
}

/// One stakeholder.
#[derive(Debug, Serialize)]
pub struct Row<'m> {
    pub id: &'m str,
    pub name: &'m str,
    #[serde(rename = "type")]
    pub kind: Option<StakeholderType>,
    pub description: Option<&'m str>,
    /// The selected value streams it triggers.
    pub triggers: Vec<Named<'m>>,
    /// The stages of the selected streams it takes part in.
    pub stages: Vec<StageRef<'m>>,
    pub owns: Owns<'m>,
    /// The streams it triggers, as indices (the matrices read them).
    #[serde(skip)]
    trigger_streams: Vec<usize>,
}

impl Row<'_> {
    /// `internal`, `external`, `partner` or nothing.
    pub fn kind_text(&self) -> &'static str {
        match self.kind {
            Some(StakeholderType::Internal) => "internal",
            Some(StakeholderType::External) => "external",
            Some(StakeholderType::Partner) => "partner",
            None => "",
        }
    }

    /// The steps it owns as `Process › 2. Step`.
    pub fn step_labels(&self, lang: Lang) -> Vec<String> {
        lines(&self.owns.steps, |s| s.label(lang))
    }
}

/// A selected value stream: the matrix's title and columns.
#[derive(Debug)]
pub struct StreamColumns<'m> {
    pub index: usize,
    pub stream: Named<'m>,
    pub stages: Vec<Named<'m>>,
}

impl StreamColumns<'_> {
    /// The stage headers: `1. Take order`.
    pub fn stage_headers(&self) -> Vec<String> {
        self.stages
            .iter()
            .enumerate()
            .map(|(g, stage)| format!("{}. {}", g + 1, stage.name))
            .collect()
    }
}

/// One stream's matrix: the stakeholders it involves, in model order.
pub struct StreamMatrix<'r, 'm> {
    pub columns: &'r StreamColumns<'m>,
    pub rows: Vec<MatrixRow<'r, 'm>>,
}

/// A stakeholder's row of a matrix.
pub struct MatrixRow<'r, 'm> {
    pub stakeholder: &'r Row<'m>,
    pub trigger: bool,
    /// One per stage of the stream: it takes part.
    pub cells: Vec<bool>,
}

/// The stakeholders with their roles in the selected streams.
pub struct Stakeholders<'m> {
    pub rows: Vec<Row<'m>>,
    pub streams: Vec<StreamColumns<'m>>,
    /// The language of the headers and notes (not of JSON and CSV).
    pub lang: Lang,
}

impl<'m> Stakeholders<'m> {
    /// Every stakeholder with its roles in `streams`; with `only_involved`, only those that
    /// trigger or take part in one of them (`--stream`).
    pub fn new(views: &Views<'m>, streams: &[usize], only_involved: bool) -> Self {
        let mut selected = vec![false; views.model.value_streams.len()];
        for &s in streams {
            selected[s] = true;
        }
        let in_selection = |at: &&StageAt| selected[at.stream];
        let rows = views
            .model
            .stakeholders
            .iter()
            .enumerate()
            .map(|(s, (id, stakeholder))| {
                let roles = views.resolved.used_by(views.model).stakeholder_roles(s);
                let trigger_streams: Vec<usize> = roles
                    .triggers
                    .iter()
                    .copied()
                    .filter(|&s| selected[s])
                    .collect();
                let stages: Vec<StageAt> =
                    roles.stages.iter().filter(in_selection).copied().collect();
                Row {
                    id,
                    name: stakeholder.common.label(),
                    kind: stakeholder.kind.as_ref().map(|k| k.value),
                    description: opt_text(&stakeholder.common.description),
                    triggers: elements(views, Kind::ValueStream, &trigger_streams),
                    stages: StageRef::all(views, &stages),
                    owns: Owns {
                        processes: elements(views, Kind::Process, &roles.processes),
                        steps: StepRef::all(views, &roles.steps),
                        capabilities: elements(views, Kind::Capability, &roles.capabilities),
                        commitments: elements(views, Kind::Commitment, &roles.commitments),
                    },
                    trigger_streams,
                }
            })
            .filter(|r| !only_involved || !r.trigger_streams.is_empty() || !r.stages.is_empty())
            .collect();
        let streams = streams
            .iter()
            .map(|&s| {
                let (_, stream) = views.stream(s);
                StreamColumns {
                    index: s,
                    stream: element(views, Kind::ValueStream, s),
                    stages: stream
                        .stages
                        .iter()
                        .map(|(id, stage)| Named {
                            id,
                            name: stage.common.label(),
                        })
                        .collect(),
                }
            })
            .collect();
        Stakeholders {
            rows,
            streams,
            lang: views.lang,
        }
    }

    /// The matrix of each selected stream. Each stakeholder's triggers and stages are in
    /// stream order, so one merged walk over them gives its row in every matrix it belongs
    /// to: linear in the participations, not streams × stakeholders.
    pub fn matrices(&self) -> Vec<StreamMatrix<'_, 'm>> {
        let mut place = vec![None; self.streams.iter().map(|s| s.index + 1).max().unwrap_or(0)];
        for (n, stream) in self.streams.iter().enumerate() {
            place[stream.index] = Some(n);
        }
        let mut out: Vec<StreamMatrix<'_, 'm>> = self
            .streams
            .iter()
            .map(|columns| StreamMatrix {
                columns,
                rows: Vec::new(),
            })
            .collect();
        for row in &self.rows {
            let mut triggers = row.trigger_streams.iter().copied().peekable();
            let mut stages = row.stages.iter().peekable();
            loop {
                let stream = match (triggers.peek(), stages.peek()) {
                    (None, None) => break,
                    (Some(&t), None) => t,
                    (None, Some(g)) => g.at.stream,
                    (Some(&t), Some(g)) => t.min(g.at.stream),
                };
                let trigger = triggers.next_if_eq(&stream).is_some();
                let matrix = place.get(stream).copied().flatten().map(|p| &mut out[p]);
                let mut cells = vec![false; matrix.as_ref().map_or(0, |m| m.columns.stages.len())];
                while let Some(g) = stages.next_if(|g| g.at.stream == stream) {
                    if let Some(cell) = cells.get_mut(g.at.stage) {
                        *cell = true;
                    }
                }
                if let Some(matrix) = matrix {
                    matrix.rows.push(MatrixRow {
                        stakeholder: row,
                        trigger,
                        cells,
                    });
                }
            }
        }
        out
    }
}

/// The columns of the ownership table (terminal, Markdown and the HTML report).
pub const OWNS_COLUMNS: [Column; 6] = [
    Column::text("view-col-stakeholder"),
    Column::text("view-col-type"),
    Column::text("view-col-processes"),
    Column::text("view-col-steps"),
    Column::text("view-col-capabilities"),
    Column::text("view-col-commitments"),
];

/// The message key of the ownership table's title.
pub const OWNS_TITLE: &str = "view-stakeholders-owns";

/// The CSV header before the stage columns (comma-separated).
const CSV_COLUMNS: &str = "id,name,type,triggers,processes,steps,capabilities,commitments";

impl StreamMatrix<'_, '_> {
    /// The terminal and Markdown table, titled with the stream, its words in `lang`.
    pub fn table(&self, lang: Lang) -> Table {
        let mut headers = vec![lang.t("view-col-stakeholder"), lang.t("view-col-trigger")];
        headers.extend(self.columns.stage_headers());
        let columns = headers.len();
        Table {
            title: Some(format!(
                "{} ({})",
                self.columns.stream.name, self.columns.stream.id
            )),
            notes: vec![legend(lang)],
            headers,
            center: (1..columns).collect(),
            min: vec![(0, 16)],
            rows: self
                .rows
                .iter()
                .map(|row| {
                    let mark = |on: bool, symbol: &str| {
                        if on {
                            Cell::new(symbol)
                        } else {
                            Cell::empty()
                        }
                    };
                    let mut cells = vec![
                        Cell::new(row.stakeholder.name).strong(),
                        mark(row.trigger, "★"),
                    ];
                    cells.extend(row.cells.iter().map(|&on| mark(on, "●")));
                    cells
                })
                .collect(),
            lang,
            ..Table::default()
        }
    }
}

impl<'m> Stakeholders<'m> {
    /// The table of what each stakeholder owns.
    pub fn owns_table(&self) -> Table {
        let mut table = Table::with_columns(self.lang, &OWNS_COLUMNS);
        table.title = Some(self.lang.t(OWNS_TITLE));
        table.min = vec![(0, 16)];
        table.rows = self
            .rows
            .iter()
            .map(|r| {
                let name = Cell::new(r.name).strong();
                vec![
                    name,
                    Cell::new(r.kind_text()),
                    Cell::lines(names(&r.owns.processes)),
                    Cell::lines(r.step_labels(self.lang)),
                    Cell::lines(names(&r.owns.capabilities)),
                    Cell::lines(names(&r.owns.commitments)),
                ]
            })
            .collect();
        if table.rows.is_empty() {
            table.notes = vec![self.lang.t("view-stakeholders-none")];
        }
        table
    }
}

impl<'m> TableView for Stakeholders<'m> {
    const NAME: &'static str = "stakeholders";
    const KEY: &'static str = "stakeholders";
    type Row = Row<'m>;

    fn rows(&self) -> &[Row<'m>] {
        &self.rows
    }

    fn tables(&self) -> Vec<Table> {
        let mut tables: Vec<Table> = self.matrices().iter().map(|m| m.table(self.lang)).collect();
        tables.push(self.owns_table());
        tables
    }

    /// One record per stakeholder, then one column per stage of the selected streams
    /// (`stream/stage`) holding `participates` or nothing.
    fn records(&self) -> Records {
        let mut headers: Vec<String> = CSV_COLUMNS.split(',').map(String::from).collect();
        let dense = headers.len();
        // The first stage column of each selected stream, by stream index.
        let mut offset = vec![None; self.streams.iter().map(|s| s.index + 1).max().unwrap_or(0)];
        for stream in &self.streams {
            offset[stream.index] = Some(headers.len() - dense);
            headers.extend(
                stream
                    .stages
                    .iter()
                    .map(|g| format!("{}/{}", stream.stream.id, g.id)),
            );
        }
        let sparse_width = headers.len() - dense;
        let mut sparse = Vec::with_capacity(self.rows.len());
        let rows = self
            .rows
            .iter()
            .map(|r| {
                let mut cells: Vec<(usize, &'static str)> = r
                    .stages
                    .iter()
                    .filter_map(|g| {
                        let first = offset.get(g.at.stream).copied().flatten()?;
                        Some((first + g.at.stage, "participates"))
                    })
                    .collect();
                cells.sort_unstable_by_key(|(column, _)| *column);
                sparse.push(cells);
                vec![
                    r.id.to_string(),
                    r.name.to_string(),
                    r.kind_text().to_string(),
                    ids(&r.triggers),
                    ids(&r.owns.processes),
                    lines(&r.owns.steps, StepRef::reference).join("\n"),
                    ids(&r.owns.capabilities),
                    ids(&r.owns.commitments),
                ]
            })
            .collect();
        Records {
            headers,
            rows,
            sparse,
            sparse_width,
            ..Records::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::views::fixture::{example, Fixture};

    /// Two streams; the clerk triggers `refund` without taking part in it.
    const MODEL: &str = "
stakeholders:
  client: {name: Client, type: external}
  clerk: {name: Clerk, type: internal}
  boss: {name: Boss}
value_streams:
  order:
    name: Order
    trigger: client
    stages:
      take: {name: Take, stakeholders: [client, clerk]}
      ship: {name: Ship, stakeholders: [clerk]}
  refund:
    name: Refund
    trigger: clerk
    stages:
      pay: {name: Pay, stakeholders: [client]}
capabilities:
  sales: {name: Sales, owner: boss}
processes:
  serve:
    name: Serve
    owner: clerk
    steps:
      - {name: Greet, owner: clerk}
      - {name: Approve, owner: boss}
commitments:
  fast: {name: Fast, owner: boss}
";

    fn texts(table: &Table) -> Vec<Vec<String>> {
        table
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.lines.join("; ")).collect())
            .collect()
    }

    #[test]
    fn one_matrix_per_stream_with_the_trigger_starred_then_what_each_owns() {
        let fixture = Fixture::new(MODEL);
        let views = fixture.views();
        let view = Stakeholders::new(&views, &[0, 1], false);
        let tables = view.tables();
        assert_eq!(tables.len(), 3, "two matrices and the ownership table");
        assert_eq!(
            tables[0].headers,
            ["Stakeholder", "Trigger", "1. Take", "2. Ship"]
        );
        // The boss takes part in no stage: not in a matrix.
        assert_eq!(
            texts(&tables[0]),
            [["Client", "★", "●", ""], ["Clerk", "", "●", "●"]]
        );
        // The clerk triggers refund but does not take part in its stage (VSM107's case).
        assert_eq!(texts(&tables[1]), [["Client", "", "●"], ["Clerk", "★", ""]]);
        assert_eq!(tables[1].notes, [legend(Lang::En)]);
        assert_eq!(
            texts(&tables[2]),
            [
                vec!["Client", "external", "", "", "", ""],
                vec!["Clerk", "internal", "Serve", "Serve › 1. Greet", "", ""],
                vec!["Boss", "", "", "Serve › 2. Approve", "Sales", "Fast"],
            ]
        );

        let records = view.records();
        assert_eq!(
            records.headers[8..],
            ["order/take", "order/ship", "refund/pay"]
        );
        let row = |n: usize| records.cells(n).collect::<Vec<_>>();
        assert_eq!(
            row(0),
            [
                "client",
                "Client",
                "external",
                "order",
                "",
                "",
                "",
                "",
                "participates",
                "",
                "participates"
            ]
        );
        assert_eq!(
            row(2),
            ["boss", "Boss", "", "", "", "serve#2", "sales", "fast", "", "", ""]
        );
    }

    #[test]
    fn a_stream_keeps_those_it_involves_and_only_its_stages() {
        let fixture = Fixture::new(MODEL);
        let views = fixture.views();
        let view = Stakeholders::new(&views, &[1], true);
        let ids: Vec<&str> = view.rows.iter().map(|r| r.id).collect();
        assert_eq!(ids, ["client", "clerk"]);
        // The client's stages in `order` are not part of the selection.
        assert_eq!(view.rows[0].stages.len(), 1);
        assert!(view.rows[0].triggers.is_empty());
        assert_eq!(view.records().headers[8..], ["refund/pay"]);
        let json = serde_json::to_value(&view.rows[1]).unwrap();
        assert_eq!(
            json["triggers"],
            serde_json::json!([{"id": "refund", "name": "Refund"}])
        );
        assert_eq!(json["type"], "internal");
        assert_eq!(
            json["owns"]["steps"],
            serde_json::json!([{"process": {"id": "serve", "name": "Serve"}, "number": 1, "name": "Greet"}])
        );
    }

    #[test]
    fn the_example_model_stakeholders_worked_out_by_hand() {
        let (loaded, resolved) = example();
        let views = Views::new(&loaded.model, &resolved);
        let streams: Vec<usize> = (0..loaded.model.value_streams.len()).collect();
        let view = Stakeholders::new(&views, &streams, false);
        let by_id = |id: &str| view.rows.iter().find(|r| r.id == id).unwrap();

        // The complainant triggers complaint-handling and takes part in accept,
        // agree-solution and callback.
        let complainant = by_id("complainant");
        let triggers: Vec<&str> = complainant.triggers.iter().map(|t| t.id).collect();
        assert_eq!(triggers, ["complaint-handling"]);
        let stages: Vec<String> = complainant.stages.iter().map(|s| s.reference()).collect();
        assert_eq!(
            stages,
            [
                "complaint-handling/accept",
                "complaint-handling/agree-solution",
                "complaint-handling/callback"
            ]
        );
        assert!(complainant.owns.processes.is_empty() && complainant.owns.steps.is_empty());

        // The quality team owns two processes, five steps (root-cause 1, 2, 6; monitoring
        // 2, 3; nothing else), seven capabilities and one commitment.
        let quality = by_id("quality-team");
        let processes: Vec<&str> = quality.owns.processes.iter().map(|p| p.id).collect();
        assert_eq!(
            processes,
            [
                "complaint-root-cause-improvement",
                "commitment-monitoring-cycle"
            ]
        );
        let steps: Vec<String> = quality.owns.steps.iter().map(|s| s.reference()).collect();
        assert_eq!(
            steps,
            [
                "complaint-root-cause-improvement#1",
                "complaint-root-cause-improvement#2",
                "complaint-root-cause-improvement#6",
                "commitment-monitoring-cycle#2",
                "commitment-monitoring-cycle#3",
            ]
        );
        let capabilities: Vec<&str> = quality.owns.capabilities.iter().map(|c| c.id).collect();
        assert_eq!(
            capabilities,
            [
                "satisfaction-survey",
                "complaint-governance",
                "root-cause-analysis",
                "responsibility-assignment",
                "continuous-improvement",
                "quality-monitoring",
                "commitment-monitoring",
            ]
        );
        let commitments: Vec<&str> = quality.owns.commitments.iter().map(|c| c.id).collect();
        assert_eq!(commitments, ["root-cause-7d"]);

        // In the complaint-handling matrix the complainant is starred and marked in stages
        // 1, 3 and 4 of 7.
        let matrices = view.matrices();
        let complaints = matrices
            .iter()
            .find(|m| m.columns.stream.id == "complaint-handling")
            .unwrap();
        let row = complaints
            .rows
            .iter()
            .find(|r| r.stakeholder.id == "complainant")
            .unwrap();
        assert!(row.trigger);
        assert_eq!(row.cells, [true, false, true, true, false, false, false]);
    }
}
