//! The mapping view (seed 000): one row per stage: value items → processes → capabilities →
//! information → business objects.

use super::{labels, value_items, Cell, Mark, Named, Records, Table, TableView, ValueItem};
use crate::i18n::Lang;
use crate::report::data::{Entry, Views};
use serde::Serialize;

/// One stage of the mapping view.
#[derive(Debug, Serialize)]
pub struct Row<'m> {
    pub stream: Named<'m>,
    pub stage: Named<'m>,
    pub adds_value: bool,
    pub value_items: Vec<ValueItem<'m>>,
    pub processes: Vec<Entry<'m>>,
    /// The stage's capabilities, then those only its value items name.
    pub capabilities: Vec<Entry<'m>>,
    pub information: Vec<Entry<'m>>,
    /// The stage's business objects, then those its information is organised around.
    pub business_objects: Vec<Entry<'m>>,
    /// The stage's place in its stream (1 = first).
    #[serde(skip)]
    pub number: usize,
}

impl<'m> Row<'m> {
    /// The names of the stage's value items.
    pub fn value_item_names(&self) -> Vec<&'m str> {
        self.value_items.iter().map(|v| v.name).collect()
    }

    /// The value item names, or the "adds no value" warning.
    fn value_item_cell(&self, lang: Lang) -> Cell {
        if self.adds_value {
            Cell::lines(
                self.value_item_names()
                    .into_iter()
                    .map(String::from)
                    .collect(),
            )
        } else {
            Cell::new(lang.t("stages-no-value"))
                .mark(Mark::Warn)
                .strong()
        }
    }

    /// The cells from "Value items" on (the columns every mapping table has).
    fn link_cells(&self, lang: Lang) -> [Cell; 5] {
        [
            self.value_item_cell(lang),
            Cell::lines(labels(&self.processes)),
            Cell::lines(labels(&self.capabilities)),
            Cell::lines(labels(&self.information)),
            Cell::lines(labels(&self.business_objects)),
        ]
    }
}

/// The message keys of the columns every mapping table has.
const LINK_HEADERS: [&str; 5] = [
    "stages-col-value-items",
    "count-processes",
    "count-capabilities",
    "section-information",
    "count-business-objects",
];

/// The mapping rows of some streams, stage by stage.
pub struct Mapping<'m> {
    pub rows: Vec<Row<'m>>,
    /// The language of the headers and the no-value mark (not of JSON and CSV).
    pub lang: Lang,
}

impl<'m> Mapping<'m> {
    pub fn new(views: &Views<'m>, streams: &[usize]) -> Self {
        let mut rows = Vec::new();
        for &s in streams {
            let (stream_id, stream) = views.stream(s);
            for g in 0..stream.stages.len() {
                let row = views.mapping_row(s, g);
                let (stage_id, stage) = views.stage(s, g);
                rows.push(Row {
                    stream: Named {
                        id: stream_id,
                        name: stream.common.label(),
                    },
                    stage: Named {
                        id: stage_id,
                        name: stage.common.label(),
                    },
                    adds_value: !row.value_items.is_empty(),
                    value_items: value_items(views, row.value_items),
                    processes: row.processes,
                    capabilities: row.capabilities,
                    information: row.information,
                    business_objects: row.business_objects,
                    number: g + 1,
                });
            }
        }
        Mapping {
            rows,
            lang: views.lang,
        }
    }

    /// The table of one stream's stages, numbered, without the stream column (the reports
    /// show it under the stream's heading).
    pub fn stream_table(&self) -> Table {
        let mut headers = vec!["col-stage"];
        headers.extend(LINK_HEADERS);
        let mut table = Table::with_headers(self.lang, &headers);
        for row in &self.rows {
            let mut cells = vec![Cell::new(format!("{}. {}", row.number, row.stage.name))];
            cells.extend(row.link_cells(self.lang));
            table.rows.push(cells);
        }
        table
    }
}

impl<'m> TableView for Mapping<'m> {
    const NAME: &'static str = "mapping";
    const KEY: &'static str = "rows";
    type Row = Row<'m>;

    fn rows(&self) -> &[Row<'m>] {
        &self.rows
    }

    /// One table, the stream's name on the row of its first stage.
    fn tables(&self) -> Vec<Table> {
        let mut headers = vec!["col-value-stream", "col-stage"];
        headers.extend(LINK_HEADERS);
        let mut table = Table::with_headers(self.lang, &headers);
        for row in &self.rows {
            let mut cells = vec![
                if row.number == 1 {
                    Cell::new(row.stream.name).strong()
                } else {
                    Cell::empty()
                },
                Cell::new(row.stage.name),
            ];
            cells.extend(row.link_cells(self.lang));
            table.rows.push(cells);
        }
        vec![table]
    }

    fn records(&self) -> Records {
        let joined = |entries: &[Entry<'_>]| labels(entries).join("\n");
        Records {
            headers: [
                "stream_id",
                "stream",
                "stage_id",
                "stage",
                "adds_value",
                "value_items",
                "processes",
                "capabilities",
                "information",
                "business_objects",
            ]
            .map(String::from)
            .to_vec(),
            rows: self
                .rows
                .iter()
                .map(|row| {
                    vec![
                        row.stream.id.to_string(),
                        row.stream.name.to_string(),
                        row.stage.id.to_string(),
                        row.stage.name.to_string(),
                        row.adds_value.to_string(),
                        row.value_items
                            .iter()
                            .map(|v| v.name)
                            .collect::<Vec<_>>()
                            .join("\n"),
                        joined(&row.processes),
                        joined(&row.capabilities),
                        joined(&row.information),
                        joined(&row.business_objects),
                    ]
                })
                .collect(),
            numeric: Vec::new(),
            ..Records::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::views::fixture::{Fixture, SMALL};

    fn texts(row: &[Cell]) -> Vec<String> {
        row.iter().map(|c| c.lines.join("; ")).collect()
    }

    #[test]
    fn one_row_per_stage_with_the_value_items_capabilities_first_then_the_items_ones() {
        let fixture = Fixture::new(SMALL);
        let views = fixture.views();
        let mapping = Mapping::new(&views, &[0]);
        let tables = mapping.tables();
        assert_eq!(tables.len(), 1);
        let rows: Vec<Vec<String>> = tables[0].rows.iter().map(|r| texts(r)).collect();
        assert_eq!(
            rows,
            [
                [
                    "Order",
                    "Take order",
                    "Order taken",
                    "Write it",
                    "Sales; Intake",
                    "",
                    ""
                ],
                ["", "Ship", "⚠ none: adds no value", "", "", "", ""],
            ]
        );
        // The stream is named once, in bold; a stage without value item is a warning.
        assert!(tables[0].rows[0][0].strong);
        assert_eq!(tables[0].rows[1][2].mark, Some(Mark::Warn));
    }

    #[test]
    fn stream_table_numbers_the_stages_and_drops_the_stream_column() {
        let fixture = Fixture::new(SMALL);
        let views = fixture.views();
        let table = Mapping::new(&views, &[0]).stream_table();
        assert_eq!(table.headers[0], "Stage");
        assert_eq!(table.headers.len(), 6);
        assert_eq!(texts(&table.rows[1])[0], "2. Ship");
    }

    #[test]
    fn records_use_ids_and_say_whether_a_stage_adds_value() {
        let fixture = Fixture::new(SMALL);
        let views = fixture.views();
        let records = Mapping::new(&views, &[0]).records();
        assert_eq!(
            records.headers[..5],
            ["stream_id", "stream", "stage_id", "stage", "adds_value"]
        );
        assert_eq!(
            records.rows[0][..5],
            ["order", "Order", "take", "Take order", "true"]
        );
        assert_eq!(records.rows[1][4], "false");
    }

    #[test]
    fn json_rows_name_references_and_mark_unknown_ones_null() {
        let fixture = Fixture::new(
            "value_streams:\n  s:\n    name: S\n    stages:\n      a: {name: A, processes: [nowhere]}\n",
        );
        let views = fixture.views();
        let mapping = Mapping::new(&views, &[0]);
        let json = serde_json::to_value(mapping.rows()).unwrap();
        assert_eq!(
            json[0],
            serde_json::json!({
                "stream": {"id": "s", "name": "S"},
                "stage": {"id": "a", "name": "A"},
                "adds_value": false,
                "value_items": [],
                "processes": [{"id": "nowhere", "name": null}],
                "capabilities": [],
                "information": [],
                "business_objects": [],
            })
        );
    }
}
