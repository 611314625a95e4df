//! The `vsm table` views as data: each is built once from the model's derived
//! [`Views`](super::data::Views) into typed rows (serialised as they are for JSON), and gives
//! the tables the terminal and Markdown show and the records CSV writes. The renderers (the
//! `format` module) know no view; the HTML and Markdown reports read the same rows.

pub mod capabilities;
pub mod commitments;
pub mod flow;
pub mod handoffs;
pub mod information;
pub mod mapping;
pub mod matrix;
pub mod priorities;
pub mod processes;
pub mod refs;
pub mod stages;
pub mod stakeholders;

use super::data::{Entry, Views};
use crate::i18n::Lang;
use crate::model::{Kind, Text};
use serde::Serialize;

/// A view of the model that every `vsm table` format can render.
pub trait TableView {
    /// The `view` field of its JSON object.
    const NAME: &'static str;
    /// The key of its JSON object that holds the rows.
    const KEY: &'static str;
    type Row: Serialize;

    /// The typed rows (what JSON shows).
    fn rows(&self) -> &[Self::Row];
    /// The tables shown in the terminal and in Markdown (one per stream for some views).
    fn tables(&self) -> Vec<Table>;
    /// The CSV header and records: ids as written, one value per field.
    fn records(&self) -> Records;
    /// Fields of the JSON object after the rows (the priorities view's counts of what it
    /// left out); none for most views.
    fn extra(&self) -> Vec<(&'static str, serde_json::Value)> {
        Vec::new()
    }
}

/// A CSV header and its records.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Records {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The columns that hold numbers the view computed (never model text): CSV writes them
    /// as they are, and guards every other cell against spreadsheet formulas.
    pub numeric: Vec<usize>,
    /// For wide, mostly empty views (the matrix: a column per stage of every stream): each
    /// row goes on with `sparse_width` more cells, of which only those listed in
    /// `sparse[row]` (column counted from the end of the dense cells, text) are not empty.
    /// Writing `10,000 streams × their stages` empty strings per row is what made the matrix
    /// CSV of a large model take gigabytes.
    pub sparse: Vec<Vec<(usize, &'static str)>>,
    pub sparse_width: usize,
}

impl Records {
    /// Every cell of row `index`, the dense ones and then the sparse tail.
    pub fn cells(&self, index: usize) -> impl Iterator<Item = &str> + '_ {
        let tail = self
            .sparse
            .get(index)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mut next = tail.iter().peekable();
        self.rows[index]
            .iter()
            .map(String::as_str)
            .chain((0..self.sparse_width).map(move |column| {
                match next.next_if(|(at, _)| *at == column) {
                    Some((_, text)) => *text,
                    None => "",
                }
            }))
    }
}

/// How a cell is emphasised (colour on a terminal).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Needs attention (no value item, over budget).
    Warn,
    /// Grey: a placeholder.
    Muted,
}

/// One cell of a terminal or Markdown table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    pub lines: Vec<String>,
    /// Tree depth shown as indentation (0 = none).
    pub indent: u32,
    pub strong: bool,
    pub mark: Option<Mark>,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Self {
        Cell {
            lines: vec![text.into()],
            ..Cell::default()
        }
    }

    pub fn lines(lines: Vec<String>) -> Self {
        Cell {
            lines,
            ..Cell::default()
        }
    }

    pub fn empty() -> Self {
        Cell::default()
    }

    pub fn indent(mut self, indent: u32) -> Self {
        self.indent = indent;
        self
    }

    pub fn strong(mut self) -> Self {
        self.strong = true;
        self
    }

    pub fn mark(mut self, mark: Mark) -> Self {
        self.mark = Some(mark);
        self
    }
}

/// A table as shown in the terminal or in Markdown.
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub title: Option<String>,
    /// Lines shown between the title and the table.
    pub notes: Vec<String>,
    pub headers: Vec<String>,
    /// Right-aligned columns.
    pub right: Vec<usize>,
    /// Centred columns.
    pub center: Vec<usize>,
    /// Smallest widths of some columns in the terminal (column, width).
    pub min: Vec<(usize, usize)>,
    pub rows: Vec<Vec<Cell>>,
    /// The language of the renderers' own words ("None." under an empty table).
    pub lang: Lang,
}

/// A column of a table: the message key of its title (looked up in the table's language when
/// the table is drawn), and whether it holds numbers (shown right-aligned).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    pub title: &'static str,
    pub numeric: bool,
}

impl Column {
    pub const fn text(title: &'static str) -> Self {
        Column {
            title,
            numeric: false,
        }
    }

    pub const fn num(title: &'static str) -> Self {
        Column {
            title,
            numeric: true,
        }
    }
}

impl Table {
    /// A table with these columns, titled in `lang`, the numeric ones right-aligned, and
    /// nothing else set.
    pub fn with_columns(lang: Lang, columns: &[Column]) -> Self {
        Table {
            headers: columns.iter().map(|c| lang.t(c.title)).collect(),
            right: (0..columns.len()).filter(|&i| columns[i].numeric).collect(),
            lang,
            ..Table::default()
        }
    }

    /// A table with these column headers (message keys, titled in `lang`) and nothing else
    /// set.
    pub fn with_headers(lang: Lang, headers: &[&str]) -> Self {
        Table {
            headers: headers.iter().map(|&key| lang.t(key)).collect(),
            lang,
            ..Table::default()
        }
    }
}

/// A view with one part per value stream (matrix, stages): one table per stream.
pub struct PerStream<S> {
    pub streams: Vec<S>,
}

/// A view made of one part per value stream (the stage template, the matrix, the flow
/// figures): JSON holds the parts under `streams`, the terminal and Markdown one table per
/// stream, CSV the records of all of them.
pub trait StreamPart: Serialize + Sized {
    /// The `view` field of the JSON object.
    const NAME: &'static str;
    /// This stream's table.
    fn table(&self) -> Table;
    /// The CSV header and records of the selected streams.
    fn records(streams: &[Self]) -> Records;
}

impl<S: StreamPart> TableView for PerStream<S> {
    const NAME: &'static str = S::NAME;
    const KEY: &'static str = "streams";
    type Row = S;

    fn rows(&self) -> &[S] {
        &self.streams
    }

    fn tables(&self) -> Vec<Table> {
        self.streams.iter().map(S::table).collect()
    }

    fn records(&self) -> Records {
        S::records(&self.streams)
    }
}

impl<S> PerStream<S> {
    fn build<'m>(views: &Views<'m>, streams: &[usize], part: fn(&Views<'m>, usize) -> S) -> Self {
        PerStream {
            streams: streams.iter().map(|&s| part(views, s)).collect(),
        }
    }
}

/// An element that always has a name (a stream or a stage of the model), as JSON shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Named<'m> {
    pub id: &'m str,
    pub name: &'m str,
}

/// A value item as JSON shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ValueItem<'m> {
    pub name: &'m str,
    pub description: Option<&'m str>,
    pub measure: Option<&'m str>,
    pub capabilities: Vec<Entry<'m>>,
}

impl ValueItem<'_> {
    /// The name with its measure in brackets.
    pub fn line(&self) -> String {
        match self.measure {
            Some(m) => format!("{} [{m}]", self.name),
            None => self.name.to_string(),
        }
    }
}

fn value_items<'m>(views: &Views<'m>, items: &'m [crate::model::ValueItem]) -> Vec<ValueItem<'m>> {
    items
        .iter()
        .map(|v| ValueItem {
            name: &v.name.value,
            description: opt_text(&v.description),
            measure: opt_text(&v.measure),
            capabilities: views.entries(Kind::Capability, &v.capabilities),
        })
        .collect()
}

fn labels(entries: &[Entry<'_>]) -> Vec<String> {
    entries.iter().map(Entry::label).collect()
}

fn texts(items: &[Text]) -> Vec<&str> {
    items.iter().map(|t| t.value.as_str()).collect()
}

fn opt_text<T: std::borrow::Borrow<Text>>(text: &Option<T>) -> Option<&str> {
    text.as_ref().map(|t| t.borrow().value.as_str())
}

/// An optional value as text, empty when absent.
fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The name cell of a row in a tree: indented by its depth, in bold at the top of the tree.
fn tree_name(name: Cell, depth: u32, top: bool) -> Cell {
    let name = name.indent(depth);
    if top {
        name.strong()
    } else {
        name
    }
}

/// An entry's label, empty when absent.
fn label(entry: Option<Entry<'_>>) -> String {
    entry.map(|e| e.label()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_columns_are_the_right_aligned_ones() {
        let table = Table::with_columns(
            Lang::En,
            &[
                Column::text("view-col-capability"),
                Column::num("view-col-level"),
                Column::num("view-col-maturity"),
            ],
        );
        assert_eq!(table.headers, ["Capability", "Level", "Maturity"]);
        assert_eq!(table.right, [1, 2]);
        // The titles are message keys, looked up in the table's language.
        let table = Table::with_columns(Lang::ZhCn, &[Column::text("view-col-capability")]);
        assert_eq!(table.headers, ["业务能力"]);
        assert_eq!(table.lang, Lang::ZhCn);
    }

    #[test]
    fn tree_names_are_indented_and_only_the_top_is_strong() {
        let top = tree_name(Cell::new("a"), 0, true);
        let child = tree_name(Cell::new("b"), 2, false);
        assert!(top.strong && !child.strong);
        assert_eq!((top.indent, child.indent), (0, 2));
    }
}

#[cfg(test)]
pub(crate) mod fixture {
    //! Tiny models for the tests of the views and renderers, loaded and resolved as `vsm`
    //! does.

    use crate::report::data::Views;

    /// A model loaded from YAML text, with what resolving it derived.
    pub struct Fixture {
        pub loaded: crate::load::Loaded,
        pub resolved: crate::resolve::Resolved,
    }

    impl Fixture {
        pub fn new(yaml: &str) -> Self {
            let loaded = crate::load::load_text("model.yaml", yaml);
            let (resolved, _) = crate::resolve::resolve(&loaded.model);
            Fixture { loaded, resolved }
        }

        pub fn views(&self) -> Views<'_> {
            Views::new(&self.loaded.model, &self.resolved)
        }
    }

    /// The example model (models/customer-service), loaded and resolved as `vsm table` does.
    pub fn example() -> (crate::load::Loaded, crate::resolve::Resolved) {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("models/customer-service");
        let loaded = crate::load::load(&[root], &crate::load::Filter::default()).unwrap();
        let (resolved, _) = crate::resolve::resolve(&loaded.model);
        (loaded, resolved)
    }

    /// One stream of two stages: the first adds value through a capability with a child, the
    /// second adds none. Two commitments, one part of the other.
    pub const SMALL: &str = r#"
stakeholders:
  client: {name: Client, type: external}
value_streams:
  order:
    name: Order
    trigger: client
    value_proposition: Fast delivery
    stages:
      take:
        name: Take order
        description: Writes the order down
        stakeholders: [client]
        entry_conditions: [Client calls]
        exit_conditions: [Order written, Client told]
        value_items:
          - {name: Order taken, measure: minutes, capabilities: [intake]}
        capabilities: [sales]
        processes: [write]
      ship:
        name: Ship
capabilities:
  sales: {name: Sales, level: 1, maturity: 2, target_maturity: 4, importance: high, owner: client}
  intake: {name: Intake, parent: sales, maturity: 3, enablement: it-supported}
processes:
  write: {name: Write it}
commitments:
  fast: {name: Fast, target: "<= 2d", stage: order/take, parts: [quick]}
  quick: {name: Quick, target: "<= 1d"}
"#;
}
