//! The commitments view: the commitment tree (each commitment followed by its parts) with
//! targets, owners and the share of a duration budget the parts use.

use super::{label, opt, tree_name, Cell, Mark, Records, Table, TableView};
use crate::i18n::Lang;
use crate::model::{Amount, Composition, Kind, Target};
use crate::report::data::{percent_text, Budget, CommitmentRow, Entry, Views};
use serde::Serialize;

/// One line of the commitment tree.
#[derive(Debug, Serialize)]
pub struct Row<'m> {
    pub id: &'m str,
    pub name: &'m str,
    /// 0 for commitments that are no other commitment's part.
    pub depth: u32,
    /// Already shown above on this branch (a `parts` loop): not expanded.
    #[serde(rename = "loop")]
    pub repeated: bool,
    pub target: Option<String>,
    pub owner: Option<Entry<'m>>,
    pub stage: Option<Entry<'m>>,
    pub perception: Option<Entry<'m>>,
    pub composition: Composition,
    /// The parts' ids, in the order written.
    pub parts: Vec<&'m str>,
    #[serde(rename = "budget")]
    pub budget_json: Option<BudgetUse>,
    /// The budget use the tables describe.
    #[serde(skip)]
    pub budget: Option<Budget>,
}

/// How much of a duration target the parts use, as JSON shows it.
#[derive(Debug, Serialize)]
pub struct BudgetUse {
    pub limit_seconds: f64,
    pub used_seconds: f64,
    /// One decimal; `None` when the limit is zero.
    pub used_percent: Option<f64>,
    pub over: bool,
    pub parts_counted: usize,
}

impl From<Budget> for BudgetUse {
    fn from(b: Budget) -> Self {
        let percent = b.percent();
        BudgetUse {
            limit_seconds: b.limit.0,
            used_seconds: b.used.0,
            used_percent: percent.is_finite().then(|| (percent * 10.0).round() / 10.0),
            over: b.over(),
            parts_counted: b.counted,
        }
    }
}

/// `<= 2d`, `>= 90%`, `= 5`.
pub fn target_text(target: &Target) -> String {
    let amount = match target.amount {
        Amount::Duration(d) => d.human(),
        Amount::Percent(p) => format!("{p}%"),
        Amount::Number(n) => format!("{n}"),
    };
    format!("{} {amount}", target.comparator.symbol())
}

fn composition_name(composition: Composition) -> &'static str {
    match composition {
        Composition::Sequential => "sequential",
        Composition::Parallel => "parallel",
    }
}

impl Row<'_> {
    /// `2, sequential`; empty without parts.
    fn parts_text(&self) -> String {
        if self.parts.is_empty() {
            String::new()
        } else {
            format!(
                "{}, {}",
                self.parts.len(),
                composition_name(self.composition)
            )
        }
    }

    /// The name (indented by depth, level 1 in bold), target and owner cells every
    /// commitment table starts with.
    fn lead_cells(&self, name: Cell) -> [Cell; 3] {
        [
            tree_name(name, self.depth, self.depth == 0),
            Cell::new(self.target.clone().unwrap_or_default()),
            Cell::new(label(self.owner)),
        ]
    }

    /// The budget in words; `over` writes it when the parts use more than the target.
    fn budget_cell(&self, lang: Lang, over: impl Fn(Budget) -> Cell) -> Cell {
        match self.budget {
            Some(b) if b.over() => over(b),
            Some(b) => Cell::new(describe(lang, b)),
            None => Cell::empty(),
        }
    }

    /// `1d 18h of 2d (88%, sequential)`-style line of a budget: used, limit, composition.
    pub fn budget_line(&self, lang: Lang) -> Option<String> {
        self.budget.map(|b| {
            lang.t_args(
                "view-budget-line",
                &[
                    ("used", b.used.human().into()),
                    ("limit", b.limit.human().into()),
                    ("composition", composition_name(b.composition).into()),
                ],
            )
        })
    }
}

/// `1d 18h of 2d (88%)`: a budget's use in `lang` (durations as the model writes them).
fn describe(lang: Lang, b: Budget) -> String {
    lang.t_args(
        "view-budget-use",
        &[
            ("used", b.used.human().into()),
            ("limit", b.limit.human().into()),
            ("percent", percent_text(b.percent()).into()),
        ],
    )
}

impl Row<'_> {}

/// Which commitment-tree rows to show for the selected streams: whole trees that touch them.
fn tree(views: &Views<'_>, streams: Option<&[usize]>) -> Vec<CommitmentRow> {
    let rows = views.commitment_tree();
    let Some(streams) = streams else {
        return rows;
    };
    let mut keep = vec![false; rows.len()];
    let mut start = 0;
    while start < rows.len() {
        let mut end = start + 1;
        while end < rows.len() && rows[end].depth > 0 {
            end += 1;
        }
        let touches = rows[start..end].iter().any(|r| {
            views.model.commitments[r.index]
                .stage
                .as_ref()
                .is_some_and(|s| views.stage_in_streams(&s.value, streams))
        });
        keep[start..end].fill(touches);
        start = end;
    }
    rows.into_iter()
        .zip(keep)
        .filter_map(|(r, k)| k.then_some(r))
        .collect()
}

/// The commitment tree.
pub struct Commitments<'m> {
    pub rows: Vec<Row<'m>>,
    /// The language of the headers and the budget words (not of JSON and CSV).
    pub lang: Lang,
}

impl<'m> Commitments<'m> {
    /// Every tree, or the trees with a commitment on a stage of `streams`.
    pub fn new(views: &Views<'m>, streams: Option<&[usize]>) -> Self {
        let commitments = &views.model.commitments;
        let id = |index: usize| commitments.get_index(index).expect("index").0.as_str();
        let rows = tree(views, streams)
            .into_iter()
            .map(|r| {
                let c = &commitments[r.index];
                let entry = |kind, reference: &'m Option<crate::model::Ref>| {
                    reference.as_ref().map(|x| views.entry(kind, &x.value))
                };
                let budget = views.budgets[r.index];
                Row {
                    id: id(r.index),
                    name: c.common.label(),
                    depth: r.depth,
                    repeated: r.repeated,
                    target: c.target.as_ref().map(|t| target_text(&t.value)),
                    owner: entry(Kind::Stakeholder, &c.owner),
                    stage: entry(Kind::Stage, &c.stage),
                    perception: entry(Kind::Perception, &c.perception),
                    composition: c.composition(),
                    parts: views.parts[r.index].iter().map(|&p| id(p)).collect(),
                    budget_json: budget.map(BudgetUse::from),
                    budget,
                }
            })
            .collect();
        Commitments {
            rows,
            lang: views.lang,
        }
    }
}

impl Commitments<'_> {
    /// The table of the Markdown report: parts marked `└`, the stage as `stage_ref` shows it
    /// (`Stream › Stage`), the budget in words.
    pub fn report_table(&self, stage_ref: impl Fn(&str) -> String) -> Table {
        let lang = self.lang;
        let mut table = Table::with_headers(lang, &REPORT_COLUMNS);
        table.rows = self
            .rows
            .iter()
            .map(|r| {
                let name = if r.depth > 0 {
                    format!("└ {}", r.name)
                } else {
                    r.name.to_string()
                };
                let name = Cell::new(if r.repeated {
                    format!("{name} {}", lang.t("view-loop-mark"))
                } else {
                    name
                });
                let budget = r.budget_cell(lang, |b| {
                    Cell::new(lang.t_args(
                        "view-budget-over",
                        &[
                            ("percent", percent_text(b.percent()).into()),
                            ("used", b.used.human().into()),
                            ("limit", b.limit.human().into()),
                        ],
                    ))
                    .strong()
                });
                let [name, target, owner] = r.lead_cells(name);
                vec![
                    name,
                    target,
                    owner,
                    Cell::new(r.stage.map(|e| stage_ref(e.id)).unwrap_or_default()),
                    Cell::new(label(r.perception)),
                    budget,
                ]
            })
            .collect();
        table
    }
}

/// The columns of the Markdown report's table.
const REPORT_COLUMNS: [&str; 6] = [
    "view-col-commitment",
    "view-col-target",
    "view-col-owner",
    "col-stage",
    "col-perception-point",
    "view-col-budget-use",
];

/// The columns of the terminal and Markdown table.
const COLUMNS: [&str; 7] = [
    "view-col-commitment",
    "view-col-target",
    "view-col-owner",
    "col-stage",
    "col-perception-point",
    "view-col-parts",
    "view-col-budget-use",
];

/// The CSV header (comma-separated): ids and raw values, one field each.
const CSV_COLUMNS: &str =
    "id,name,depth,target,owner,stage,perception,composition,parts,budget_limit_seconds,budget_used_seconds,budget_used_percent";

impl<'m> TableView for Commitments<'m> {
    const NAME: &'static str = "commitments";
    const KEY: &'static str = "commitments";
    type Row = Row<'m>;

    fn rows(&self) -> &[Row<'m>] {
        &self.rows
    }

    fn tables(&self) -> Vec<Table> {
        let lang = self.lang;
        let mut table = Table::with_headers(lang, &COLUMNS);
        table.rows = self
            .rows
            .iter()
            .map(|r| {
                let name = Cell::new(if r.repeated {
                    format!("↻ {} {}", r.name, lang.t("view-loop-mark"))
                } else {
                    r.name.to_string()
                });
                let budget = r.budget_cell(lang, |b| {
                    Cell::new(format!("⚠ {}", describe(lang, b)))
                        .mark(Mark::Warn)
                        .strong()
                });
                let [name, target, owner] = r.lead_cells(name);
                vec![
                    name,
                    target,
                    owner,
                    Cell::new(label(r.stage)),
                    Cell::new(label(r.perception)),
                    Cell::new(r.parts_text()),
                    budget,
                ]
            })
            .collect();
        vec![table]
    }

    fn records(&self) -> Records {
        let id = |e: Option<Entry<'_>>| e.map(|e| e.id.to_string()).unwrap_or_default();
        Records {
            headers: CSV_COLUMNS.split(',').map(String::from).collect(),
            // depth and the three budget figures.
            numeric: vec![2, 9, 10, 11],
            rows: self
                .rows
                .iter()
                .map(|r| {
                    vec![
                        r.id.to_string(),
                        r.name.to_string(),
                        r.depth.to_string(),
                        r.target.clone().unwrap_or_default(),
                        id(r.owner),
                        id(r.stage),
                        id(r.perception),
                        if r.parts.is_empty() {
                            String::new()
                        } else {
                            composition_name(r.composition).to_string()
                        },
                        r.parts.join("\n"),
                        opt(r.budget.map(|b| b.limit.0)),
                        opt(r.budget.map(|b| b.used.0)),
                        r.budget
                            .map(|b| percent_text(b.percent()).trim_end_matches('%').to_string())
                            .unwrap_or_default(),
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
    use crate::report::views::fixture::{Fixture, SMALL};

    #[test]
    fn parts_follow_their_parent_and_the_budget_counts_their_targets() {
        let fixture = Fixture::new(SMALL);
        let views = fixture.views();
        let commitments = Commitments::new(&views, None);
        let table = &commitments.tables()[0];
        let cell = |r: usize, c: usize| table.rows[r][c].lines[0].as_str();
        assert_eq!(cell(0, 0), "Fast");
        assert_eq!(cell(1, 0), "Quick");
        assert_eq!(table.rows[1][0].indent, 1);
        assert_eq!(cell(0, 1), "<= 2d");
        assert_eq!(cell(0, 3), "Take order");
        assert_eq!(cell(0, 5), "1, sequential");
        // One day of the two-day budget.
        assert_eq!(cell(0, 6), "1d of 2d (50%)");
        let records = commitments.records();
        assert_eq!(
            records.rows[0][5..],
            [
                "order/take",
                "",
                "sequential",
                "quick",
                "172800",
                "86400",
                "50"
            ]
        );
        let json = serde_json::to_value(&commitments.rows[0]).unwrap();
        assert_eq!(json["loop"], false);
        assert_eq!(json["budget"]["used_percent"], 50.0);
        assert_eq!(json["parts"], serde_json::json!(["quick"]));
    }

    #[test]
    fn the_report_table_marks_parts_and_names_the_stage_with_its_stream() {
        let fixture = Fixture::new(SMALL);
        let views = fixture.views();
        let table = Commitments::new(&views, None).report_table(|r| format!("at {r}"));
        let cell = |r: usize, c: usize| table.rows[r][c].lines[0].as_str();
        assert_eq!(table.headers.len(), 6, "no parts column");
        assert_eq!((cell(0, 0), cell(1, 0)), ("Fast", "└ Quick"));
        assert!(table.rows[0][0].strong && !table.rows[1][0].strong);
        assert_eq!(cell(0, 3), "at order/take");
        assert_eq!(cell(0, 5), "1d of 2d (50%)");
    }

    #[test]
    fn a_stream_filter_keeps_whole_trees_touching_its_stages() {
        let yaml = format!("{SMALL}  other: {{name: Other, stage: order/missing}}\n");
        let fixture = Fixture::new(&yaml);
        let views = fixture.views();
        let ids: Vec<&str> = Commitments::new(&views, Some(&[0]))
            .rows
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(ids, ["fast", "quick"]);
    }
}
