//! The priorities view: capabilities ranked by risk, the importance × maturity gap figure the
//! heat map colours by ([`CapabilityRow::risk`](crate::report::data::CapabilityRow), computed
//! once in `data.rs` and read here, never worked out again), each with the stages and value
//! streams it serves.
//!
//! Only capabilities with something to improve are ranked: a capability whose target is met
//! (gap ≤ 0, risk 0) or that lacks its importance or a maturity (no risk) is left out, and
//! the notes say how many of each. Ties go to the more important capability, then to the
//! capability tree's order, so the list reads the same on every run.

use super::capabilities::importance_name;
use super::{opt, Cell, Column, Named, Records, Table, TableView};
use crate::report::data::Views;
use serde::Serialize;

/// How many ranked capabilities the HTML and Markdown reports show.
pub const REPORT_PRIORITIES: usize = 10;

/// A stage a capability serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StageLink<'m> {
    pub stream: Named<'m>,
    pub stage: Named<'m>,
}

/// One ranked capability.
#[derive(Debug, Serialize)]
pub struct Row<'m> {
    /// 1 for the highest risk.
    pub rank: usize,
    pub id: &'m str,
    pub name: &'m str,
    /// 1 for level-1 capabilities; `None` inside a `parent` loop.
    pub level: Option<u32>,
    pub importance: &'static str,
    pub maturity: u8,
    pub target_maturity: u8,
    /// `target_maturity − maturity`, at least 1.
    pub gap: i32,
    /// `importance weight (1–4) × gap`.
    pub risk: i32,
    /// The value streams of `stages`, each once, in model order.
    pub value_streams: Vec<Named<'m>>,
    /// The stages that use the capability, directly, through a value item or through a
    /// capability below it, in model order.
    pub stages: Vec<StageLink<'m>>,
}

/// What the ranking left out, and how much of it is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Capabilities ranked (before `--top`).
    pub ranked: usize,
    /// Capabilities whose target is met: gap ≤ 0, so risk 0.
    pub target_met: usize,
    /// Capabilities without importance, maturity or target maturity: no risk.
    pub without_data: usize,
}

/// The ranked capabilities, highest risk first.
pub struct Priorities<'m> {
    pub rows: Vec<Row<'m>>,
    pub counts: Counts,
    /// The language of the notes and headers (not of the rows: JSON and CSV are English).
    pub lang: crate::i18n::Lang,
}

impl<'m> Priorities<'m> {
    /// The capabilities of the model ranked, or with `streams` those serving a stage of these
    /// streams (their stage lists kept to these streams); the first `top` of them when given.
    pub fn new(views: &Views<'m>, streams: Option<&[usize]>, top: Option<usize>) -> Self {
        let all: Vec<usize> = (0..views.model.value_streams.len()).collect();
        let served = served_stages(views, streams.unwrap_or(&all));
        let mut counts = Counts::default();
        let mut ranked: Vec<&crate::report::data::CapabilityRow> = Vec::new();
        for row in views.capability_rows() {
            if streams.is_some() && served[row.index].is_empty() {
                continue;
            }
            match row.risk {
                Some(risk) if risk > 0 => ranked.push(row),
                Some(_) => counts.target_met += 1,
                None => counts.without_data += 1,
            }
        }
        // `capability_rows` is in tree order and the sort is stable: ties stay in that order.
        ranked.sort_by(|a, b| b.risk.cmp(&a.risk).then(b.importance.cmp(&a.importance)));
        counts.ranked = ranked.len();
        let shown = top.unwrap_or(usize::MAX);
        let rows = ranked
            .into_iter()
            .take(shown)
            .enumerate()
            .map(|(place, r)| {
                let stages: Vec<StageLink<'m>> = served[r.index]
                    .iter()
                    .map(|&(s, g)| {
                        let (stream_id, stream) = views.stream(s);
                        let (stage_id, stage) = views.stage(s, g);
                        StageLink {
                            stream: Named {
                                id: stream_id,
                                name: stream.common.label(),
                            },
                            stage: Named {
                                id: stage_id,
                                name: stage.common.label(),
                            },
                        }
                    })
                    .collect();
                let mut value_streams: Vec<Named<'m>> = Vec::new();
                for link in &stages {
                    if value_streams.last() != Some(&link.stream) {
                        value_streams.push(link.stream);
                    }
                }
                Row {
                    rank: place + 1,
                    id: views.capability_id(r.index),
                    name: views.capability_name(r.index),
                    level: r.depth,
                    importance: importance_name(r.importance.expect("a risk has an importance")),
                    maturity: r.maturity.expect("a risk has a maturity"),
                    target_maturity: r.target.expect("a risk has a target maturity"),
                    gap: r.gap.expect("a risk has a gap"),
                    risk: r.risk.expect("ranked by it"),
                    value_streams,
                    stages,
                }
            })
            .collect();
        Priorities {
            rows,
            counts,
            lang: views.lang,
        }
    }

    /// The lines above the table: how the list is ranked, how much of it is shown, and what
    /// it leaves out.
    pub fn notes(&self) -> Vec<String> {
        let lang = self.lang;
        let mut notes = vec![lang.t("view-priorities-ranked")];
        if self.rows.len() < self.counts.ranked {
            notes.push(lang.t_args(
                "view-priorities-top",
                &[
                    ("n", self.rows.len().into()),
                    ("count", self.counts.ranked.into()),
                ],
            ));
        }
        let mut left_out = Vec::new();
        if self.counts.target_met > 0 {
            left_out.push(lang.t_args(
                "view-priorities-met",
                &[("n", self.counts.target_met.into())],
            ));
        }
        if self.counts.without_data > 0 {
            left_out.push(lang.t_args(
                "view-priorities-no-data",
                &[("n", self.counts.without_data.into())],
            ));
        }
        if !left_out.is_empty() {
            notes.push(lang.t_args(
                "view-priorities-not-ranked",
                &[("list", left_out.join(&lang.t("view-list-separator")).into())],
            ));
        }
        notes
    }
}

/// For each capability, the stages among `streams` that use it, directly, through a value
/// item or through a capability below it: each stage once, in model order. A stage adds
/// itself to a capability and walks up its parents; it stops at an ancestor it already
/// reached (everything above was reached then too), or after as many steps as there are
/// capabilities (a `parent` loop).
fn served_stages(views: &Views<'_>, streams: &[usize]) -> Vec<Vec<(usize, usize)>> {
    let count = views.model.capabilities.len();
    let parents = &views.resolved.capability_parent;
    let mut served: Vec<Vec<(usize, usize)>> = vec![Vec::new(); count];
    for &s in streams {
        for (g, stage) in views.stream(s).1.stages.values().enumerate() {
            for (capability, _) in views.stage_links(stage) {
                let mut current = Some(capability);
                let mut steps = 0;
                while let Some(c) = current {
                    if served[c].last() == Some(&(s, g)) || steps > count {
                        break;
                    }
                    served[c].push((s, g));
                    current = parents[c];
                    steps += 1;
                }
            }
        }
    }
    served
}

/// The columns of the terminal and Markdown table.
const COLUMNS: [Column; 10] = [
    Column::num("flow-col-number"),
    Column::text("view-col-capability"),
    Column::num("view-col-level"),
    Column::text("view-col-importance"),
    Column::num("view-col-maturity"),
    Column::num("view-col-target"),
    Column::num("view-col-gap"),
    Column::num("view-col-risk"),
    Column::text("view-col-value-streams"),
    Column::text("view-col-stages"),
];

/// The CSV header (comma-separated): ids and raw values; the lists hold ids, one a line.
const CSV_COLUMNS: &str =
    "rank,id,name,level,importance,maturity,target_maturity,gap,risk,value_streams,stages";

impl<'m> TableView for Priorities<'m> {
    const NAME: &'static str = "priorities";
    const KEY: &'static str = "capabilities";
    type Row = Row<'m>;

    fn rows(&self) -> &[Row<'m>] {
        &self.rows
    }

    fn tables(&self) -> Vec<Table> {
        let mut table = Table::with_columns(self.lang, &COLUMNS);
        table.notes = self.notes();
        table.min = vec![(1, 18)];
        table.rows = self
            .rows
            .iter()
            .map(|r| {
                vec![
                    Cell::new(r.rank.to_string()),
                    Cell::new(r.name).strong(),
                    Cell::new(opt(r.level)),
                    Cell::new(r.importance),
                    Cell::new(r.maturity.to_string()),
                    Cell::new(r.target_maturity.to_string()),
                    Cell::new(r.gap.to_string()),
                    Cell::new(r.risk.to_string()).strong(),
                    Cell::lines(r.value_streams.iter().map(|s| s.name.to_string()).collect()),
                    Cell::lines(r.stages.iter().map(|s| s.stage.name.to_string()).collect()),
                ]
            })
            .collect();
        vec![table]
    }

    fn records(&self) -> Records {
        Records {
            headers: CSV_COLUMNS.split(',').map(String::from).collect(),
            // rank, level, maturity, target_maturity, gap, risk.
            numeric: vec![0, 3, 5, 6, 7, 8],
            rows: self
                .rows
                .iter()
                .map(|r| {
                    let ids = |items: Vec<String>| items.join("\n");
                    vec![
                        r.rank.to_string(),
                        r.id.to_string(),
                        r.name.to_string(),
                        opt(r.level),
                        r.importance.to_string(),
                        r.maturity.to_string(),
                        r.target_maturity.to_string(),
                        r.gap.to_string(),
                        r.risk.to_string(),
                        ids(r.value_streams.iter().map(|s| s.id.to_string()).collect()),
                        ids(r
                            .stages
                            .iter()
                            .map(|s| format!("{}/{}", s.stream.id, s.stage.id))
                            .collect()),
                    ]
                })
                .collect(),
            ..Records::default()
        }
    }

    fn extra(&self) -> Vec<(&'static str, serde_json::Value)> {
        vec![(
            "counts",
            serde_json::to_value(self.counts).expect("plain numbers"),
        )]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::views::fixture::Fixture;

    /// `other` is written first, so the capability tree's order is other, root, leaf, met,
    /// bare. Risks: other medium (2) × (4 − 1) = 6; root critical (4) × (3 − 2) = 4; leaf
    /// high (3) × (3 − 1) = 6; met low × (3 − 4) → gap −1, risk 0; bare has no data.
    const RANKED: &str = "value_streams:\n  s:\n    name: S\n    stages:\n      \
        a: {name: A, capabilities: [leaf]}\n      \
        b: {name: B, value_items: [{name: V, capabilities: [other]}]}\n  \
        t:\n    name: T\n    stages:\n      c: {name: C, capabilities: [other, met]}\n\
        capabilities:\n  \
        other: {name: Other, maturity: 1, target_maturity: 4, importance: medium}\n  \
        root: {name: Root, level: 1, maturity: 2, target_maturity: 3, importance: critical}\n  \
        leaf: {name: Leaf, parent: root, maturity: 1, target_maturity: 3, importance: high}\n  \
        met: {name: Met, maturity: 4, target_maturity: 3, importance: low}\n  \
        bare: {name: Bare}\n";

    fn ids<'a>(priorities: &'a Priorities<'_>) -> Vec<(&'a str, i32)> {
        priorities.rows.iter().map(|r| (r.id, r.risk)).collect()
    }

    #[test]
    fn ties_go_to_the_more_important_and_what_has_nothing_to_improve_is_counted_apart() {
        let fixture = Fixture::new(RANKED);
        let views = fixture.views();
        let priorities = Priorities::new(&views, None, None);
        // leaf and other tie at 6: leaf is high, other medium, so leaf first although other
        // comes first in the tree.
        assert_eq!(ids(&priorities), [("leaf", 6), ("other", 6), ("root", 4)]);
        let ranks: Vec<usize> = priorities.rows.iter().map(|r| r.rank).collect();
        assert_eq!(ranks, [1, 2, 3]);
        assert_eq!(
            priorities.counts,
            Counts {
                ranked: 3,
                target_met: 1,
                without_data: 1
            }
        );
        // root serves stage a through leaf; other serves b (through a value item) and c.
        let stages = |row: &Row<'_>| -> Vec<String> {
            row.stages
                .iter()
                .map(|l| format!("{}/{}", l.stream.id, l.stage.id))
                .collect()
        };
        assert_eq!(stages(&priorities.rows[2]), ["s/a"]);
        assert_eq!(stages(&priorities.rows[1]), ["s/b", "t/c"]);
        let streams: Vec<&str> = priorities.rows[1]
            .value_streams
            .iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(streams, ["s", "t"]);
        assert_eq!(
            priorities.notes()[1],
            "Not ranked: 1 capability with the target met (gap ≤ 0); 1 capability without importance or both maturities."
        );
    }

    #[test]
    fn top_keeps_the_first_rows_and_says_of_how_many() {
        let fixture = Fixture::new(RANKED);
        let views = fixture.views();
        let priorities = Priorities::new(&views, None, Some(1));
        assert_eq!(ids(&priorities), [("leaf", 6)]);
        assert_eq!(priorities.counts.ranked, 3);
        assert_eq!(priorities.notes()[1], "The top 1 of 3 ranked capabilities.");
        let table = &priorities.tables()[0];
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.rows[0][7].lines, ["6"]);
    }

    #[test]
    fn a_stream_keeps_the_capabilities_serving_it_and_only_its_stages() {
        let fixture = Fixture::new(RANKED);
        let views = fixture.views();
        // Stream t (index 1) uses other and met: other is ranked, met counted as met; root,
        // leaf and bare serve none of its stages and are not counted at all.
        let priorities = Priorities::new(&views, Some(&[1]), None);
        assert_eq!(ids(&priorities), [("other", 6)]);
        assert_eq!(priorities.rows[0].stages.len(), 1);
        assert_eq!(priorities.rows[0].stages[0].stage.id, "c");
        assert_eq!(
            priorities.counts,
            Counts {
                ranked: 1,
                target_met: 1,
                without_data: 0
            }
        );
    }

    #[test]
    fn a_parent_loop_ends_the_walk_up() {
        let fixture = Fixture::new(
            "value_streams:\n  s:\n    name: S\n    stages:\n      a: {name: A, capabilities: [x]}\n\
             capabilities:\n  \
             x: {name: X, parent: y, maturity: 1, target_maturity: 2, importance: low}\n  \
             y: {name: Y, parent: x, maturity: 1, target_maturity: 3, importance: low}\n",
        );
        let views = fixture.views();
        let priorities = Priorities::new(&views, None, None);
        assert_eq!(ids(&priorities), [("y", 2), ("x", 1)]);
        assert!(priorities.rows.iter().all(|r| r.stages.len() == 1));
    }

    #[test]
    fn json_and_csv_fields_are_the_documented_ones() {
        let fixture = Fixture::new(RANKED);
        let views = fixture.views();
        let priorities = Priorities::new(&views, None, None);
        let json = serde_json::to_value(&priorities.rows[1]).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "rank": 2, "id": "other", "name": "Other", "level": 1,
                "importance": "medium", "maturity": 1, "target_maturity": 4, "gap": 3, "risk": 6,
                "value_streams": [{"id": "s", "name": "S"}, {"id": "t", "name": "T"}],
                "stages": [
                    {"stream": {"id": "s", "name": "S"}, "stage": {"id": "b", "name": "B"}},
                    {"stream": {"id": "t", "name": "T"}, "stage": {"id": "c", "name": "C"}},
                ],
            })
        );
        assert_eq!(
            priorities.extra()[0].1,
            serde_json::json!({"ranked": 3, "target_met": 1, "without_data": 1})
        );
        let records = priorities.records();
        assert_eq!(
            records.rows[1],
            ["2", "other", "Other", "1", "medium", "1", "4", "3", "6", "s\nt", "s/b\nt/c"]
        );
    }

    /// The example model, loaded as `vsm table` loads it.
    fn example() -> (crate::load::Loaded, crate::resolve::Resolved) {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("models/customer-service");
        let loaded = crate::load::load(&[root], &crate::load::Filter::default()).unwrap();
        let (resolved, _) = crate::resolve::resolve(&loaded.model);
        (loaded, resolved)
    }

    #[test]
    fn the_example_model_ranked_by_hand() {
        let (loaded, resolved) = example();
        let views = Views::new(&loaded.model, &resolved);
        let priorities = Priorities::new(&views, None, None);
        // From capabilities.yaml, risk = weight × (target − maturity): three critical
        // capabilities at 1 → 4 (4 × 3 = 12), in tree order complaint-governance (under
        // complaint-management), its child root-cause-analysis, then commitment-monitoring
        // (under service-operations); complaint-management, critical at 2 → 4 (4 × 2 = 8);
        // then the eight high capabilities with a gap of 2 (3 × 2 = 6), in tree order.
        let top: Vec<(&str, i32)> = ids(&priorities).into_iter().take(12).collect();
        assert_eq!(
            top,
            [
                ("complaint-governance", 12),
                ("root-cause-analysis", 12),
                ("commitment-monitoring", 12),
                ("complaint-management", 8),
                ("omni-channel-intake", 6),
                ("customer-callback", 6),
                ("ticket-routing", 6),
                ("responsibility-assignment", 6),
                ("continuous-improvement", 6),
                ("knowledge-management", 6),
                ("service-design", 6),
                ("vendor-management", 6),
            ]
        );
        // 37 capabilities: satisfaction-survey (3 → 3), contact-recording (4 → 4) and
        // workforce-management (3 → 3) have met their target; every one has its data.
        assert_eq!(
            priorities.counts,
            Counts {
                ranked: 34,
                target_met: 3,
                without_data: 0
            }
        );
        // complaint-governance is used through its children: root-cause-analysis (stage
        // root-cause), responsibility-assignment (responsibility), continuous-improvement
        // (improve, and closure-review of the outsourced service).
        let governance = &priorities.rows[0];
        let stages: Vec<&str> = governance.stages.iter().map(|l| l.stage.id).collect();
        assert_eq!(
            stages,
            ["root-cause", "responsibility", "improve", "closure-review"]
        );
        let streams: Vec<&str> = governance.value_streams.iter().map(|s| s.id).collect();
        assert_eq!(streams, ["complaint-handling", "outsourced-service"]);
        // The last ranked: the four medium capabilities with a gap of 1 (2 × 1 = 2), in tree
        // order complaint-classification, team-building, service-partnering, needs-research.
        let last: Vec<(&str, i32)> = ids(&priorities).into_iter().skip(30).collect();
        assert_eq!(
            last,
            [
                ("complaint-classification", 2),
                ("team-building", 2),
                ("service-partnering", 2),
                ("needs-research", 2),
            ]
        );
    }
}
