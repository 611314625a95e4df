//! The matrix view: per value stream, which stage uses which capability (● listed by the
//! stage, ○ only through one of its value items), capabilities grouped under their level-1
//! parent.

use super::{Cell, Mark, Named, PerStream, Records, StreamPart, Table};
use crate::i18n::Lang;
use crate::report::data::{Link, Views};
use serde::Serialize;
use std::collections::HashMap;

/// The legend under every matrix, in `lang`.
pub fn legend(lang: Lang) -> String {
    lang.t("view-matrix-legend")
}

/// The matrix of one value stream.
#[derive(Debug, Serialize)]
pub struct Stream<'m> {
    pub stream: Named<'m>,
    pub stages: Vec<Named<'m>>,
    /// In tree order; consecutive rows under the same level-1 capability form a group.
    pub capabilities: Vec<Row<'m>>,
    /// The language of its headers and notes (not part of the JSON).
    #[serde(skip)]
    pub lang: Lang,
}

/// One capability's row of a matrix.
#[derive(Debug, Serialize)]
pub struct Row<'m> {
    pub id: &'m str,
    pub name: &'m str,
    /// 1 for level-1 capabilities; `None` inside a `parent` loop.
    pub level: Option<u32>,
    pub level_1: Option<Named<'m>>,
    /// One cell per stage of the stream.
    #[serde(serialize_with = "link_names")]
    pub cells: Vec<Option<Link>>,
    #[serde(skip)]
    pub capability: usize,
    /// The capability's place in the capability tree (orders the CSV rows).
    #[serde(skip)]
    tree_pos: usize,
}

fn link_names<S: serde::Serializer>(cells: &[Option<Link>], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(cells.iter().map(|c| c.map(Link::as_str)))
}

/// The rows of one level-1 capability: the root's own row when the stream uses the root
/// itself, then the others.
pub struct Group<'r, 'm> {
    /// `None` for capabilities inside a `parent` loop.
    pub root: Option<Named<'m>>,
    pub root_row: Option<&'r Row<'m>>,
    pub rows: &'r [Row<'m>],
}

impl<'m> Stream<'m> {
    pub fn new(views: &Views<'m>, stream: usize) -> Self {
        let (stream_id, value_stream) = views.stream(stream);
        let named = |c: usize| Named {
            id: views.capability_id(c),
            name: views.capability_name(c),
        };
        let matrix = views.matrix(stream);
        let capabilities = matrix
            .groups
            .into_iter()
            .flat_map(|g| g.rows.into_iter().map(move |r| (g.root, r)))
            .map(|(root, row)| Row {
                id: views.capability_id(row.capability),
                name: views.capability_name(row.capability),
                level: row.depth,
                level_1: root.map(named),
                cells: row.cells,
                capability: row.capability,
                tree_pos: views.tree_pos[row.capability],
            })
            .collect();
        Stream {
            stream: Named {
                id: stream_id,
                name: value_stream.common.label(),
            },
            stages: value_stream
                .stages
                .iter()
                .map(|(id, stage)| Named {
                    id,
                    name: stage.common.label(),
                })
                .collect(),
            capabilities,
            lang: views.lang,
        }
    }

    /// The stage headers: `1. Take order`.
    pub fn stage_headers(&self) -> impl Iterator<Item = String> + '_ {
        self.stages
            .iter()
            .enumerate()
            .map(|(g, stage)| format!("{}. {}", g + 1, stage.name))
    }

    /// The rows grouped by level-1 capability, in order.
    pub fn groups(&self) -> Vec<Group<'_, 'm>> {
        let rows = &self.capabilities;
        let mut groups = Vec::new();
        let mut start = 0;
        while start < rows.len() {
            let root = rows[start].level_1;
            let end = start
                + rows[start..]
                    .iter()
                    .take_while(|r| r.level_1.map(|n| n.id) == root.map(|n| n.id))
                    .count();
            let own = root.is_some_and(|r| rows[start].id == r.id);
            groups.push(Group {
                root,
                root_row: own.then(|| &rows[start]),
                rows: &rows[start + usize::from(own)..end],
            });
            start = end;
        }
        groups
    }

    /// The terminal and Markdown table.
    pub fn table(&self) -> Table {
        let columns = self.stages.len();
        let marks = |row: Option<&Row<'_>>| -> Vec<Cell> {
            match row {
                Some(row) => row
                    .cells
                    .iter()
                    .map(|c| c.map_or_else(Cell::empty, |link| Cell::new(link.symbol())))
                    .collect(),
                None => vec![Cell::empty(); columns],
            }
        };
        let lang = self.lang;
        let mut headers = vec![lang.t("view-col-capability")];
        headers.extend(self.stage_headers());
        let mut rows = Vec::new();
        for group in self.groups() {
            let mut cells = vec![match group.root {
                Some(root) => Cell::new(root.name).strong(),
                None => Cell::new(lang.t("view-in-parent-loop")).mark(Mark::Muted),
            }];
            cells.extend(marks(group.root_row));
            rows.push(cells);
            for row in group.rows {
                let indent = row.level.map_or(1, |d| d.saturating_sub(1).max(1));
                let mut cells = vec![Cell::new(row.name).indent(indent)];
                cells.extend(marks(Some(row)));
                rows.push(cells);
            }
        }
        Table {
            title: Some(format!("{} ({})", self.stream.name, self.stream.id)),
            notes: vec![legend(lang)],
            headers,
            center: (1..=columns).collect(),
            min: vec![(0, 20)],
            rows,
            lang,
            ..Table::default()
        }
    }
}

/// The matrices of some streams.
pub type Matrix<'m> = PerStream<Stream<'m>>;

impl<'m> Matrix<'m> {
    pub fn new(views: &Views<'m>, streams: &[usize]) -> Self {
        PerStream::build(views, streams, Stream::new)
    }
}

impl<'m> StreamPart for Stream<'m> {
    const NAME: &'static str = "matrix";

    fn table(&self) -> Table {
        Stream::table(self)
    }

    /// Columns: every stage of the selected streams; rows: every capability they use.
    fn records(streams: &[Self]) -> Records {
        let mut headers: Vec<String> = [
            "level_1_id",
            "level_1",
            "capability_id",
            "capability",
            "level",
        ]
        .map(String::from)
        .to_vec();
        let mut offset = Vec::new();
        for stream in streams {
            offset.push(headers.len() - 5);
            headers.extend(
                stream
                    .stages
                    .iter()
                    .map(|g| format!("{}/{}", stream.stream.id, g.id)),
            );
        }
        let columns = headers.len() - 5;
        let mut by_capability: HashMap<usize, Vec<(usize, &'static str)>> = HashMap::new();
        let mut order: Vec<&Row<'_>> = Vec::new();
        for (n, stream) in streams.iter().enumerate() {
            for row in &stream.capabilities {
                let cells = by_capability.entry(row.capability).or_insert_with(|| {
                    order.push(row);
                    Vec::new()
                });
                for (g, link) in row.cells.iter().enumerate() {
                    if let Some(link) = link {
                        cells.push((offset[n] + g, link.as_str()));
                    }
                }
            }
        }
        order.sort_by_key(|r| r.tree_pos);
        let mut sparse = Vec::with_capacity(order.len());
        let rows = order
            .into_iter()
            .map(|r| {
                let mut cells = by_capability.remove(&r.capability).unwrap_or_default();
                // Streams were visited in column order; keep it explicit for the writer.
                cells.sort_unstable_by_key(|(column, _)| *column);
                sparse.push(cells);
                vec![
                    r.level_1.map(|n| n.id.to_string()).unwrap_or_default(),
                    r.level_1.map(|n| n.name.to_string()).unwrap_or_default(),
                    r.id.to_string(),
                    r.name.to_string(),
                    super::opt(r.level),
                ]
            })
            .collect();
        Records {
            headers,
            rows,
            // level
            numeric: vec![4],
            sparse,
            sparse_width: columns,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::views::fixture::{Fixture, SMALL};
    use crate::report::views::TableView;

    #[test]
    fn the_root_row_carries_its_own_marks_and_children_are_indented_below() {
        let fixture = Fixture::new(SMALL);
        let views = fixture.views();
        let stream = Stream::new(&views, 0);
        let table = stream.table();
        assert_eq!(table.headers, ["Capability", "1. Take order", "2. Ship"]);
        let cells: Vec<Vec<String>> = table
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.lines.join("")).collect())
            .collect();
        // Sales is listed by the stage (●), Intake only by its value item (○).
        assert_eq!(cells, [["Sales", "●", ""], ["Intake", "○", ""]]);
        assert_eq!(table.rows[1][0].indent, 1);
        let records = Matrix::new(&views, &[0]).records();
        assert_eq!(records.headers[5..], ["order/take", "order/ship"]);
        assert_eq!(
            records.cells(1).collect::<Vec<_>>(),
            ["sales", "Sales", "intake", "Intake", "2", "value-item", ""]
        );
    }
}
