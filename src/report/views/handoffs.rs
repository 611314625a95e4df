//! The hand-offs view: every edge of each value stream's stage flow (its `next`, or the
//! following stage when a stage has no `next`, as resolved in [`crate::resolve`]), with the
//! exit conditions of the stage handing over beside the entry conditions of the stage taking
//! over. Meeting a stage's exit conditions is what triggers the next stage (seed 000), so the
//! two lists should meet; an edge where either side has no conditions is flagged for review.

use super::{texts, Cell, Column, Mark, Named, PerStream, Records, StreamPart, Table};
use crate::i18n::Lang;
use crate::report::data::Views;
use serde::Serialize;

/// Which side of a hand-off has no conditions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Missing {
    /// The stage handing over has no exit conditions.
    Exit,
    /// The stage taking over has no entry conditions.
    Entry,
    Both,
}

impl Missing {
    fn of(exit: &[&str], entry: &[&str]) -> Option<Missing> {
        match (exit.is_empty(), entry.is_empty()) {
            (false, false) => None,
            (true, false) => Some(Missing::Exit),
            (false, true) => Some(Missing::Entry),
            (true, true) => Some(Missing::Both),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Missing::Exit => "exit",
            Missing::Entry => "entry",
            Missing::Both => "both",
        }
    }

    /// What the review column says, in `lang`.
    pub fn warning(self, lang: Lang) -> String {
        lang.t(match self {
            Missing::Exit => "view-handoffs-no-exit",
            Missing::Entry => "view-handoffs-no-entry",
            Missing::Both => "view-handoffs-no-conditions",
        })
    }
}

/// The columns of a hand-off table (terminal, Markdown and the HTML report).
pub const COLUMNS: [Column; 5] = [
    Column::text("view-col-from-stage"),
    Column::text("stages-col-exit-conditions"),
    Column::text("view-col-to-stage"),
    Column::text("stages-col-entry-conditions"),
    Column::text("view-col-review"),
];

/// One edge of the stage flow.
#[derive(Debug, Serialize)]
pub struct Handoff<'m> {
    pub from: Named<'m>,
    pub to: Named<'m>,
    /// The edge is the written order (the stage has no `next`), not a `next` entry.
    pub written_order: bool,
    /// Of the stage handing over.
    pub exit_conditions: Vec<&'m str>,
    /// Of the stage taking over.
    pub entry_conditions: Vec<&'m str>,
    /// `None` when both sides have conditions.
    pub missing: Option<Missing>,
    /// The stages' places in the stream (1 = first), as the tables number them.
    #[serde(skip)]
    pub numbers: (usize, usize),
}

/// The hand-offs of one value stream, in the order of the stages handing over, each stage's
/// edges in the order of its `next`.
#[derive(Debug, Serialize)]
pub struct Stream<'m> {
    pub id: &'m str,
    pub name: &'m str,
    pub handoffs: Vec<Handoff<'m>>,
    /// The stream's stage count (the notes say why a stream has no hand-off).
    #[serde(skip)]
    pub stages: usize,
    /// The language of its notes and headers (not part of the JSON).
    #[serde(skip)]
    pub lang: Lang,
}

impl<'m> Stream<'m> {
    pub fn new(views: &Views<'m>, stream: usize) -> Self {
        let (id, s) = views.stream(stream);
        let flow = &views.resolved.flow[stream];
        let mut handoffs = Vec::new();
        for (g, (from_id, from)) in s.stages.iter().enumerate() {
            let exit = texts(&from.exit_conditions);
            let targets = flow.get(g).map(Vec::as_slice).unwrap_or_default();
            // `next: [b, b]` is one edge (a set: a `next` may be long).
            let mut seen = std::collections::HashSet::with_capacity(targets.len());
            for &t in targets {
                if !seen.insert(t) {
                    continue;
                }
                let (to_id, to) = views.stage(stream, t);
                let entry = texts(&to.entry_conditions);
                handoffs.push(Handoff {
                    from: Named {
                        id: from_id,
                        name: from.common.label(),
                    },
                    to: Named {
                        id: to_id,
                        name: to.common.label(),
                    },
                    written_order: from.next.is_none(),
                    missing: Missing::of(&exit, &entry),
                    exit_conditions: exit.clone(),
                    entry_conditions: entry,
                    numbers: (g + 1, t + 1),
                });
            }
        }
        Stream {
            id,
            name: s.common.label(),
            handoffs,
            stages: s.stages.len(),
            lang: views.lang,
        }
    }

    /// Hand-offs with a side without conditions.
    pub fn flagged(&self) -> usize {
        self.handoffs.iter().filter(|h| h.missing.is_some()).count()
    }

    /// The line under the stream's title: how many hand-offs, how many to review.
    pub fn notes(&self) -> Vec<String> {
        let lang = self.lang;
        if self.handoffs.is_empty() {
            return vec![lang.t(match self.stages {
                0 => "view-handoffs-no-stage",
                1 => "view-handoffs-one-stage",
                _ => "empty-handoffs",
            })];
        }
        let n = self.handoffs.len().into();
        vec![match self.flagged() {
            0 => lang.t_args("view-handoffs-all-met", &[("n", n)]),
            flagged => lang.t_args(
                "view-handoffs-review",
                &[("n", n), ("flagged", flagged.into())],
            ),
        }]
    }

    /// The terminal and Markdown table, titled with the stream.
    pub fn table(&self) -> Table {
        let lang = self.lang;
        let mut table = Table::with_columns(lang, &COLUMNS);
        table.title = Some(format!("{} ({})", self.name, self.id));
        table.notes = self.notes();
        table.min = vec![(1, 18), (3, 18)];
        let conditions = |items: &[&str]| match items {
            [] => Cell::new(lang.t("view-none-term")).mark(Mark::Muted),
            items => Cell::lines(items.iter().map(|c| c.to_string()).collect()),
        };
        table.rows = self
            .handoffs
            .iter()
            .map(|h| {
                vec![
                    Cell::new(format!("{}. {}", h.numbers.0, h.from.name)).strong(),
                    conditions(&h.exit_conditions),
                    Cell::new(format!("{}. {}", h.numbers.1, h.to.name)).strong(),
                    conditions(&h.entry_conditions),
                    match h.missing {
                        Some(m) => Cell::new(m.warning(lang)).mark(Mark::Warn),
                        None => Cell::empty(),
                    },
                ]
            })
            .collect();
        table
    }
}

/// The hand-offs of some streams.
pub type Handoffs<'m> = PerStream<Stream<'m>>;

/// A line of the report's one hand-off table: a stream's heading, or one of its hand-offs.
pub struct Line<'r, 'm> {
    pub stream: &'r Stream<'m>,
    pub handoff: Option<&'r Handoff<'m>>,
}

impl<'m> Handoffs<'m> {
    pub fn new(views: &Views<'m>, streams: &[usize]) -> Self {
        PerStream::build(views, streams, Stream::new)
    }

    /// Each stream with hand-offs as a heading line followed by its hand-offs.
    pub fn lines(&self) -> Vec<Line<'_, 'm>> {
        let mut out = Vec::new();
        for stream in self.streams.iter().filter(|s| !s.handoffs.is_empty()) {
            out.push(Line {
                stream,
                handoff: None,
            });
            out.extend(stream.handoffs.iter().map(|h| Line {
                stream,
                handoff: Some(h),
            }));
        }
        out
    }

    /// `15 hand-offs in 3 value streams; 2 lack conditions on one side or both.`, in `lang`.
    pub fn summary(&self, lang: Lang) -> String {
        let count: usize = self.streams.iter().map(|s| s.handoffs.len()).sum();
        let streams = self
            .streams
            .iter()
            .filter(|s| !s.handoffs.is_empty())
            .count();
        let flagged: usize = self.streams.iter().map(Stream::flagged).sum();
        let args = [
            ("n", count.into()),
            ("streams", streams.into()),
            ("flagged", flagged.into()),
        ];
        match flagged {
            0 => lang.t_args("view-handoffs-summary-all-met", &args),
            _ => lang.t_args("view-handoffs-summary-review", &args),
        }
    }
}

impl<'m> StreamPart for Stream<'m> {
    const NAME: &'static str = "handoffs";

    fn table(&self) -> Table {
        Stream::table(self)
    }

    fn records(streams: &[Self]) -> Records {
        let mut rows = Vec::new();
        for stream in streams {
            for h in &stream.handoffs {
                rows.push(vec![
                    stream.id.to_string(),
                    stream.name.to_string(),
                    h.from.id.to_string(),
                    h.from.name.to_string(),
                    h.to.id.to_string(),
                    h.to.name.to_string(),
                    h.written_order.to_string(),
                    h.exit_conditions.join("\n"),
                    h.entry_conditions.join("\n"),
                    h.missing
                        .map(Missing::as_str)
                        .unwrap_or_default()
                        .to_string(),
                ]);
            }
        }
        Records {
            headers: [
                "stream_id",
                "stream",
                "from_stage_id",
                "from_stage",
                "to_stage_id",
                "to_stage",
                "written_order",
                "exit_conditions",
                "entry_conditions",
                "missing",
            ]
            .map(String::from)
            .to_vec(),
            rows,
            ..Records::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::views::fixture::{example, Fixture};
    use crate::report::views::TableView;

    /// A branch: a → b and c, both → d; b has no exit conditions, d no entry conditions, and
    /// c names d twice.
    const BRANCH: &str = "
value_streams:
  s:
    name: S
    stages:
      a: {name: A, exit_conditions: [Order taken], next: [b, c]}
      b: {name: B, entry_conditions: [Order taken], next: [d]}
      c: {name: C, entry_conditions: [Order taken, Stock low], exit_conditions: [Restocked], next: [d, d]}
      d: {name: D}
  one:
    name: One
    stages:
      only: {name: Only}
";

    #[test]
    fn every_edge_of_a_branch_with_both_sides_and_the_gaps_flagged() {
        let fixture = Fixture::new(BRANCH);
        let views = fixture.views();
        let stream = Stream::new(&views, 0);
        let edges: Vec<(&str, &str, Option<Missing>)> = stream
            .handoffs
            .iter()
            .map(|h| (h.from.id, h.to.id, h.missing))
            .collect();
        assert_eq!(
            edges,
            [
                ("a", "b", None),
                ("a", "c", None),
                // b has no exit conditions, d no entry conditions.
                ("b", "d", Some(Missing::Both)),
                ("c", "d", Some(Missing::Entry)),
            ]
        );
        assert_eq!(
            stream.handoffs[1].entry_conditions,
            ["Order taken", "Stock low"]
        );
        assert!(!stream.handoffs[0].written_order);

        let table = stream.table();
        assert_eq!(
            table.notes,
            ["4 hand-offs; 2 lack conditions on one side or both."]
        );
        let row: Vec<String> = table.rows[2].iter().map(|c| c.lines.join("; ")).collect();
        assert_eq!(
            row,
            [
                "2. B",
                "(none)",
                "4. D",
                "(none)",
                "⚠ no conditions on either side"
            ]
        );
        assert_eq!(table.rows[2][4].mark, Some(Mark::Warn));
        assert!(table.rows[0][4].lines.is_empty(), "nothing to review");

        let records = Handoffs::new(&views, &[0]).records();
        assert_eq!(
            records.rows[3],
            [
                "s",
                "S",
                "c",
                "C",
                "d",
                "D",
                "false",
                "Restocked",
                "",
                "entry"
            ]
        );

        // A stream of one stage has no hand-off, and says why.
        let one = Stream::new(&views, 1);
        assert!(one.handoffs.is_empty());
        assert_eq!(one.notes(), ["One stage, so no hand-off."]);
    }

    #[test]
    fn json_has_both_lists_and_the_missing_side() {
        let fixture = Fixture::new(BRANCH);
        let views = fixture.views();
        let view = Handoffs::new(&views, &[0]);
        let json = serde_json::to_value(&view.rows()[0].handoffs[3]).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "from": {"id": "c", "name": "C"}, "to": {"id": "d", "name": "D"},
                "written_order": false, "exit_conditions": ["Restocked"],
                "entry_conditions": [], "missing": "entry",
            })
        );
    }

    #[test]
    fn the_example_model_hand_offs_worked_out_by_hand() {
        let (loaded, resolved) = example();
        let views = Views::new(&loaded.model, &resolved);
        let streams: Vec<usize> = (0..loaded.model.value_streams.len()).collect();
        let view = Handoffs::new(&views, &streams);
        let by_id = |id: &str| view.streams.iter().find(|s| s.id == id).unwrap();

        // complaint-handling: accept → investigate → agree-solution, which branches to
        // callback (`next: []` ends there) and root-cause → responsibility → improve (the
        // last two in written order).
        let complaints = by_id("complaint-handling");
        let edges: Vec<(&str, &str, bool)> = complaints
            .handoffs
            .iter()
            .map(|h| (h.from.id, h.to.id, h.written_order))
            .collect();
        assert_eq!(
            edges,
            [
                ("accept", "investigate", true),
                ("investigate", "agree-solution", true),
                ("agree-solution", "callback", false),
                ("agree-solution", "root-cause", false),
                ("root-cause", "responsibility", true),
                ("responsibility", "improve", true),
            ]
        );
        // The branch to root-cause: agree-solution's two exit conditions beside root-cause's
        // two entry conditions.
        let branch = &complaints.handoffs[3];
        assert_eq!(
            branch.exit_conditions,
            [
                "The complainant accepts the solution",
                "The solution is carried out (refund paid or replacement delivered)"
            ]
        );
        assert_eq!(
            branch.entry_conditions,
            [
                "The case is settled for the customer",
                "The ticket carries its category and responsible department"
            ]
        );
        // Five stages in written order give four hand-offs; six give five. Every stage of
        // the example has entry and exit conditions: nothing to flag.
        assert_eq!(by_id("inbound-call").handoffs.len(), 4);
        assert_eq!(by_id("outsourced-service").handoffs.len(), 5);
        assert!(view.streams.iter().all(|s| s.flagged() == 0));
        assert_eq!(
            complaints.notes(),
            ["6 hand-offs, each with exit and entry conditions."]
        );
    }
}
