//! The stages view: the six-element stage template of each value stream (stage, description,
//! stakeholders, entry and exit conditions, value items), under the stream's trigger, value
//! proposition and segment.

use super::{
    labels, opt_text, texts, value_items, Cell, Mark, PerStream, Records, StreamPart, Table,
    ValueItem,
};
use crate::i18n::Lang;
use crate::model::Kind;
use crate::report::data::{Entry, Views};
use serde::Serialize;

/// One value stream with its stages.
#[derive(Debug, Serialize)]
pub struct Stream<'m> {
    pub id: &'m str,
    pub name: &'m str,
    pub description: Option<&'m str>,
    pub trigger: Option<Entry<'m>>,
    pub value_proposition: Option<&'m str>,
    pub segment: Option<&'m str>,
    pub stages: Vec<Stage<'m>>,
    /// The language of its notes and headers (not part of the JSON).
    #[serde(skip)]
    pub lang: Lang,
}

/// One stage's template.
#[derive(Debug, Serialize)]
pub struct Stage<'m> {
    pub id: &'m str,
    pub name: &'m str,
    pub description: Option<&'m str>,
    pub stakeholders: Vec<Entry<'m>>,
    pub entry_conditions: Vec<&'m str>,
    pub exit_conditions: Vec<&'m str>,
    pub value_items: Vec<ValueItem<'m>>,
}

impl<'m> Stream<'m> {
    pub fn new(views: &Views<'m>, stream: usize) -> Self {
        let (id, s) = views.stream(stream);
        Stream {
            id,
            name: s.common.label(),
            description: opt_text(&s.common.description),
            trigger: s
                .trigger
                .as_ref()
                .map(|t| views.entry(Kind::Stakeholder, &t.value)),
            value_proposition: opt_text(&s.value_proposition),
            segment: opt_text(&s.segment),
            stages: s
                .stages
                .iter()
                .map(|(id, stage)| Stage {
                    id,
                    name: stage.common.label(),
                    description: opt_text(&stage.common.description),
                    stakeholders: views.entries(Kind::Stakeholder, &stage.stakeholders),
                    entry_conditions: texts(&stage.entry_conditions),
                    exit_conditions: texts(&stage.exit_conditions),
                    value_items: value_items(views, &stage.value_items),
                })
                .collect(),
            lang: views.lang,
        }
    }

    /// The lines under the stream's title: trigger, value proposition, segment.
    pub fn notes(&self) -> Vec<String> {
        let lang = self.lang;
        let trigger = self
            .trigger
            .map_or_else(|| lang.t("stages-no-trigger"), |t| t.label());
        let mut notes = vec![lang.t_args("stages-trigger", &[("trigger", trigger.into())])];
        if let Some(v) = self.value_proposition {
            notes.push(lang.t_args("stages-value-proposition", &[("text", v.into())]));
        }
        if let Some(v) = self.segment {
            notes.push(lang.t_args("stages-segment", &[("text", v.into())]));
        }
        notes
    }

    /// The terminal and Markdown table, titled with the stream.
    pub fn table(&self) -> Table {
        let own = |items: &[&str]| Cell::lines(items.iter().map(|t| t.to_string()).collect());
        let lang = self.lang;
        let mut table = Table {
            headers: [
                "flow-col-number",
                "col-stage",
                "stages-col-description",
                "stages-col-stakeholders",
                "stages-col-entry-conditions",
                "stages-col-exit-conditions",
                "stages-col-value-items",
            ]
            .map(|key| lang.t(key))
            .to_vec(),
            ..Table::default()
        };
        table.title = Some(format!("{} ({})", self.name, self.id));
        table.notes = self.notes();
        table.right = vec![0];
        table.min = vec![(2, 18), (6, 16)];
        table.rows = self
            .stages
            .iter()
            .enumerate()
            .map(|(g, stage)| {
                vec![
                    Cell::new((g + 1).to_string()),
                    Cell::new(stage.name).strong(),
                    Cell::new(stage.description.unwrap_or_default()),
                    Cell::lines(labels(&stage.stakeholders)),
                    own(&stage.entry_conditions),
                    own(&stage.exit_conditions),
                    if stage.value_items.is_empty() {
                        Cell::new(lang.t("stages-no-value"))
                            .mark(Mark::Warn)
                            .strong()
                    } else {
                        Cell::lines(stage.value_items.iter().map(ValueItem::line).collect())
                    },
                ]
            })
            .collect();
        table
    }
}

/// The stage templates of some streams.
pub type Stages<'m> = PerStream<Stream<'m>>;

impl<'m> Stages<'m> {
    pub fn new(views: &Views<'m>, streams: &[usize]) -> Self {
        PerStream::build(views, streams, Stream::new)
    }
}

impl<'m> StreamPart for Stream<'m> {
    const NAME: &'static str = "stages";

    fn table(&self) -> Table {
        Stream::table(self)
    }

    fn records(streams: &[Self]) -> Records {
        let mut rows = Vec::new();
        for stream in streams {
            let trigger = stream.trigger.map(|t| t.label()).unwrap_or_default();
            for stage in &stream.stages {
                rows.push(vec![
                    stream.id.to_string(),
                    stream.name.to_string(),
                    trigger.clone(),
                    stage.id.to_string(),
                    stage.name.to_string(),
                    stage.description.unwrap_or_default().to_string(),
                    labels(&stage.stakeholders).join("\n"),
                    stage.entry_conditions.join("\n"),
                    stage.exit_conditions.join("\n"),
                    stage
                        .value_items
                        .iter()
                        .map(ValueItem::line)
                        .collect::<Vec<_>>()
                        .join("\n"),
                ]);
            }
        }
        Records {
            headers: [
                "stream_id",
                "stream",
                "trigger",
                "stage_id",
                "stage",
                "description",
                "stakeholders",
                "entry_conditions",
                "exit_conditions",
                "value_items",
            ]
            .map(String::from)
            .to_vec(),
            rows,
            numeric: Vec::new(),
            ..Records::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::views::fixture::{Fixture, SMALL};
    use crate::report::views::TableView;

    #[test]
    fn the_template_lists_conditions_and_value_items_with_their_measure() {
        let fixture = Fixture::new(SMALL);
        let views = fixture.views();
        let table = Stream::new(&views, 0).table();
        assert_eq!(table.title.as_deref(), Some("Order (order)"));
        assert_eq!(
            table.notes,
            [
                "Triggering stakeholder: Client",
                "Value proposition: Fast delivery"
            ]
        );
        assert_eq!(table.rows[0][5].lines, ["Order written", "Client told"]);
        assert_eq!(table.rows[0][6].lines, ["Order taken [minutes]"]);
        assert_eq!(table.rows[1][6].lines, ["⚠ none: adds no value"]);
        let records = Stages::new(&views, &[0]).records();
        assert_eq!(records.rows[0][8], "Order written\nClient told");
    }
}
