//! The one-file HTML report: CSS inline, diagrams as inline SVG drawn by `vsm`, no script, no
//! external URL, every model text escaped, and a Content-Security-Policy that would block a
//! script or a request even if one slipped through.
//!
//! The body is the askama template `templates/report/body.html`, which includes one template
//! per section; templates escape every value, and only the SVG and the heat map, which `vsm`
//! draws itself, are pasted in as they are. The sections read the typed views.

use super::data::{percent_text, Entry};
use super::heatmap::matrix::CrossMap;
use super::heatmap::quadrant::QuadrantMap;
use super::heatmap::stages::{StageMap, StagesHtml};
use super::heatmap::{HeatMap, HeatMapHtml};
use super::impact;
use super::page::Page;
use super::views::capabilities::{self, Capabilities};
use super::views::commitments::{self, Commitments};
use super::views::handoffs::{self, Handoffs};
use super::views::information::{self, Information};
use super::views::mapping::Mapping;
use super::views::priorities::{self, Priorities, REPORT_PRIORITIES};
use super::views::processes::{self, Processes};
use super::views::stakeholders::{self, Stakeholders};
use super::views::{flow, matrix, stages, Column, Table};
use super::{flow_svg, graph, severity_counts, Counts, Flagged, PerceptionRow, Report};
use crate::diag::Finding;
use crate::i18n::Lang;
use crate::text::plural;
use askama::Template;

/// Rows per block of a long table: each block is its own `<table>` (same column widths) that
/// the browser lays out only when it comes on screen.
const CHUNK: usize = 250;

/// A table that may be long: column widths fixed by a `<colgroup>`, and over [`CHUNK`] rows it
/// is cut into blocks with `content-visibility: auto` (templates/report/macros.html writes it).
pub struct LongTable<'r, T> {
    class: &'static str,
    /// Column widths in percent.
    widths: &'static [f64],
    /// The column headers, in the report's language.
    columns: Vec<Heading>,
    /// The blocks of rows; one (maybe empty) block when the table is not cut.
    chunks: Vec<&'r [T]>,
    chunked: bool,
}

impl<'r, T> LongTable<'r, T> {
    fn new(
        lang: Lang,
        class: &'static str,
        widths: &'static [f64],
        columns: &'static [Column],
        rows: &'r [T],
    ) -> Self {
        let columns = columns
            .iter()
            .map(|c| Heading {
                title: lang.t(c.title),
                numeric: c.numeric,
            })
            .collect();
        let chunked = rows.len() > CHUNK;
        let chunks = if rows.is_empty() {
            vec![rows]
        } else {
            rows.chunks(CHUNK).collect()
        };
        LongTable {
            class,
            widths,
            columns,
            chunks,
            chunked,
        }
    }
}

const FLAGGED_WIDTHS: &[f64] = &[32.0, 32.0, 36.0];
const FLAGGED_COLUMNS: &[Column] = &[
    Column::text("col-value-stream"),
    Column::text("col-stage"),
    Column::text("col-why"),
];
/// The stage template's columns, as message keys; the first column has no title.
const STAGE_COLUMNS: &[(&str, bool)] = &[
    ("", true),
    ("col-stage", false),
    ("stages-col-description", false),
    ("stages-col-stakeholders", false),
    ("stages-col-entry-conditions", false),
    ("stages-col-exit-conditions", false),
    ("stages-col-value-items", false),
];
/// The mapping table's columns, as message keys.
const MAPPING_COLUMNS: &[(&str, bool)] = &[
    ("col-stage", false),
    ("stages-col-value-items", false),
    ("count-processes", false),
    ("count-capabilities", false),
    ("section-information", false),
    ("count-business-objects", false),
];

/// A column header in the report's language (what `macros.html`'s `thead` reads).
pub struct Heading {
    pub title: String,
    pub numeric: bool,
}

const CAPABILITY_WIDTHS: &[f64] = &[24.0, 5.0, 6.5, 6.0, 4.5, 7.5, 4.5, 14.0, 8.5, 6.0, 6.5, 7.0];
const CAPABILITY_COLUMNS: &[Column] = &[
    Column::text("view-col-capability"),
    Column::num("view-col-level"),
    Column::num("view-col-maturity"),
    Column::num("view-col-target"),
    Column::num("view-col-gap"),
    Column::text("view-col-importance"),
    Column::num("view-col-risk"),
    Column::text("view-col-owner"),
    Column::text("view-col-enablement"),
    Column::num("view-col-stages"),
    Column::num("view-col-value-items"),
    Column::num("view-col-processes"),
];
const PRIORITY_COLUMNS: &[Column] = &[
    Column::num("flow-col-number"),
    Column::text("view-col-capability"),
    Column::num("view-col-level"),
    Column::text("view-col-importance"),
    Column::num("view-col-maturity"),
    Column::num("view-col-target"),
    Column::num("view-col-gap"),
    Column::num("view-col-risk"),
    Column::text("view-col-serves"),
];
const USES_WIDTHS: &[f64] = &[30.0, 42.0, 28.0];
const USES_COLUMNS: &[Column] = &[
    Column::text("view-col-capability"),
    Column::text("view-col-stages"),
    Column::text("view-col-processes"),
];
const COMMITMENT_WIDTHS: &[f64] = &[26.0, 8.0, 15.0, 21.0, 16.0, 14.0];
const COMMITMENT_COLUMNS: &[Column] = &[
    Column::text("view-col-commitment"),
    Column::text("view-col-target"),
    Column::text("view-col-owner"),
    Column::text("col-stage"),
    Column::text("col-perception-point"),
    Column::text("view-col-budget-use"),
];
const PERCEPTION_WIDTHS: &[f64] = &[24.0, 22.0, 9.0, 8.0, 7.0, 7.0, 5.0, 18.0];
const PERCEPTION_COLUMNS: &[Column] = &[
    Column::text("col-perception-point"),
    Column::text("col-stage"),
    Column::text("col-channel"),
    Column::num("col-importance"),
    Column::num("col-current"),
    Column::num("col-expected"),
    Column::num("col-gap"),
    Column::text("col-answered-by"),
];
const PROCESS_WIDTHS: &[f64] = &[24.0, 13.0, 8.0, 19.0, 17.0, 19.0];
const PROCESS_COLUMNS: &[Column] = &processes::COLUMNS;
const OWNS_WIDTHS: &[f64] = &[18.0, 8.0, 18.0, 24.0, 18.0, 14.0];
const OWNS_COLUMNS: &[Column] = &stakeholders::OWNS_COLUMNS;
const INFORMATION_WIDTHS: &[f64] = &[20.0, 14.0, 24.0, 16.0, 26.0];
const INFORMATION_COLUMNS: &[Column] = &information::COLUMNS;
const HANDOFF_WIDTHS: &[f64] = &[16.0, 27.0, 16.0, 27.0, 14.0];
const HANDOFF_COLUMNS: &[Column] = &handoffs::COLUMNS;
const FINDING_WIDTHS: &[f64] = &[8.0, 16.0, 52.0, 24.0];
const FINDING_COLUMNS: &[Column] = &[
    Column::text("col-severity"),
    Column::text("col-rule"),
    Column::text("col-finding"),
    Column::text("col-where"),
];

/// A count in the overview: the number over what it counts.
pub struct Card {
    count: String,
    label: String,
    /// `warn`, `error`, `info`, `ok` or nothing.
    class: &'static str,
}

impl Card {
    /// `n` over the singular or plural label, as [`plural`] picks it.
    fn new(n: usize, one: &str, many: &str, class: &'static str) -> Self {
        let text = plural(n, one, many);
        let (count, label) = text.split_once(' ').unwrap_or((&text, ""));
        Card {
            count: count.to_string(),
            label: label.to_string(),
            class,
        }
    }

    /// `class` when `n` is not zero, else `ok`.
    fn alert(n: usize, one: &str, many: &str, class: &'static str) -> Self {
        Card::new(n, one, many, if n > 0 { class } else { "ok" })
    }
}

/// The cover: title, model name, description and facts of the model's `model:` section.
struct Cover<'m> {
    /// The model's name when the title is another text.
    name: Option<&'m str>,
    description: Option<&'m str>,
    /// `Owner: … · Version: …`, empty when neither is given.
    facts: String,
}

/// One value stream's section: the stage template, the flow, the mapping and the matrix.
struct StreamSection<'m> {
    /// The stream's place in the model (its anchor).
    index: usize,
    template: stages::Stream<'m>,
    /// Stages without a value item.
    no_value: usize,
    /// The stage flow as SVG, drawn by `vsm`.
    flow: String,
    mapping: Mapping<'m>,
    /// The lean flow figures (the `flow` view) and their per-stage table.
    flow_figures: flow::Stream<'m>,
    flow_table: Table,
    /// The critical path's process and wait bars as SVG, drawn by `vsm`; empty without a path.
    flow_bars: String,
    matrix: matrix::Stream<'m>,
    /// The stage heat map (legend and diagram), HTML that `vsm` rendered.
    stage_heat: String,
    /// The cross-mapping heat map (legend and table), HTML that `vsm` rendered.
    cross_map: String,
}

/// A stage a capability is used in, linked to its row in the stream's stage table.
pub struct StageLink {
    stream: usize,
    stage: usize,
    /// `Stream › Stage`.
    label: String,
}

/// Where a capability is named (the capabilities section): the same derived facts as
/// `vsm impact` ([`impact::direct_uses`]).
pub struct CapabilityUses<'m> {
    name: &'m str,
    /// The indentation class, as in the inventory.
    indent: u32,
    root: bool,
    stages: Vec<StageLink>,
    processes: Vec<&'m str>,
    /// A capability below it is used.
    used_below: bool,
}

/// Every capability in tree order with where it is named.
fn capability_uses<'m>(views: &super::data::Views<'m>) -> Vec<CapabilityUses<'m>> {
    let used = views.resolved.used_by(views.model);
    views
        .capability_rows()
        .map(|row| {
            let uses = impact::direct_uses(used, row.index);
            let level = row.depth.unwrap_or(1);
            CapabilityUses {
                name: views.capability_name(row.index),
                indent: level.saturating_sub(1).min(capabilities::MAX_INDENT),
                root: level == 1,
                stages: uses
                    .stages
                    .iter()
                    .map(|&(stream, stage)| StageLink {
                        stream,
                        stage,
                        label: format!(
                            "{} › {}",
                            views.stream(stream).1.common.label(),
                            views.stage(stream, stage).1.common.label()
                        ),
                    })
                    .collect(),
                processes: uses
                    .processes
                    .iter()
                    .map(|&p| views.model.processes[p].common.label())
                    .collect(),
                used_below: row.usage.subtree > row.usage.direct(),
            }
        })
        .collect()
}

/// The report body: every section's data, rendered by templates/report/body.html.
#[derive(Template)]
#[template(path = "report/body.html", config = "src/report/askama.toml")]
struct Body<'a, 'm> {
    report: &'a Report<'m>,
    title: &'a str,
    /// The SVG definitions every flow diagram refers to.
    flow_defs: &'static str,
    cover: Option<Cover<'m>>,
    /// The streams listed in the table of contents (`None` when there are too many).
    toc: Option<Vec<(usize, &'m str)>>,
    stream_count: usize,
    cards: Vec<Card>,
    severity_cards: Vec<Card>,
    flagged: Vec<Flagged>,
    streams: Vec<StreamSection<'m>>,
    heat_map: HeatMapHtml,
    /// The priority quadrant (chart and lists), HTML that `vsm` rendered.
    quadrant: String,
    capabilities: Vec<capabilities::Row<'m>>,
    /// The first [`REPORT_PRIORITIES`] ranked capabilities.
    priorities: Priorities<'m>,
    /// Where each capability is named, in tree order.
    capability_uses: Vec<CapabilityUses<'m>>,
    commitments: Vec<commitments::Row<'m>>,
    perceptions: Vec<PerceptionRow<'m>>,
    /// The views of processes, stakeholders, information and hand-offs: a section each.
    process_lines: &'a [processes::Line<'a, 'm>],
    stakeholders: &'a Stakeholders<'m>,
    information: &'a [information::Row<'m>],
    handoff_lines: &'a [handoffs::Line<'a, 'm>],
    handoff_summary: String,
    findings: Vec<&'a Finding>,
    version: &'static str,
    /// How many model files the report was made from (the footer says it).
    file_count: usize,
}

impl<'m> Body<'_, 'm> {
    /// A message in the report's language, as HTML. The message files are part of `vsm`
    /// like the templates, so their text goes in as written (`|safe` in the templates); text
    /// that may come from the model only ever comes in as an argument, escaped the way the
    /// templates escape (`escaped`).
    fn tr(&self, key: &str) -> String {
        self.lang().t(key)
    }

    /// A message with one argument, the argument escaped.
    fn tr_with(&self, key: &str, name: &str, value: &str) -> String {
        self.lang().t_args(key, &[(name, escaped(value).into())])
    }

    /// Column headers from `(message key, numeric)` pairs; an empty key is an empty title.
    fn headings(&self, columns: &[(&str, bool)]) -> Vec<Heading> {
        columns
            .iter()
            .map(|&(key, numeric)| Heading {
                title: if key.is_empty() {
                    String::new()
                } else {
                    self.lang().t(key)
                },
                numeric,
            })
            .collect()
    }

    fn lang(&self) -> Lang {
        self.report.views.lang
    }

    /// What the capability heat map is coloured by, and what a hatched cell lacks.
    fn heat_map_intro(&self) -> String {
        self.lang().t_args(
            "intro-heat-map-html",
            &[
                (
                    "measure",
                    escaped(&self.report.measure.title(self.lang())).into(),
                ),
                (
                    "needs",
                    escaped(&self.report.measure.needs(self.lang())).into(),
                ),
            ],
        )
    }

    /// The page's footer: the version and how many model files it was made from.
    fn footer(&self) -> String {
        self.lang().t_args(
            "footer-html",
            &[
                ("version", escaped(self.version).into()),
                ("n", self.file_count.into()),
            ],
        )
    }

    /// An optional value as text, empty when absent.
    fn opt<T: ToString>(&self, value: &Option<T>) -> String {
        value.as_ref().map(|v| v.to_string()).unwrap_or_default()
    }

    /// The tag class of a flagged stage's rules: its worst severity.
    fn worst(&self, flagged: &Flagged) -> &'static str {
        flagged.worst.map_or("info", |s| s.as_str())
    }

    fn labels(&self, entries: &[Entry<'_>]) -> Vec<String> {
        entries.iter().map(Entry::label).collect()
    }

    fn label(&self, entry: &Option<Entry<'_>>) -> String {
        entry.map(|e| e.label()).unwrap_or_default()
    }

    fn stream_label(&self, stream: &usize) -> &'m str {
        self.report.views.stream(*stream).1.common.label()
    }

    fn stage_label(&self, flagged: &Flagged) -> &'m str {
        self.report
            .views
            .stage(flagged.stream, flagged.stage)
            .1
            .common
            .label()
    }

    /// The rules a flagged stage shows as tags: "no value item" is its own tag.
    fn flag_rules(&self, flagged: &Flagged) -> Vec<&'static crate::catalog::Rule> {
        flagged
            .rules
            .iter()
            .copied()
            .filter(|r| !(flagged.no_value && r.code == crate::catalog::NO_VALUE_ITEM.code))
            .collect()
    }

    fn flagged_table(&self) -> LongTable<'_, Flagged> {
        LongTable::new(
            self.lang(),
            "flagged",
            FLAGGED_WIDTHS,
            FLAGGED_COLUMNS,
            &self.flagged,
        )
    }

    fn capability_table(&self) -> LongTable<'_, capabilities::Row<'m>> {
        LongTable::new(
            self.lang(),
            "caps",
            CAPABILITY_WIDTHS,
            CAPABILITY_COLUMNS,
            &self.capabilities,
        )
    }

    fn capability_uses_table(&self) -> LongTable<'_, CapabilityUses<'m>> {
        LongTable::new(
            self.lang(),
            "uses",
            USES_WIDTHS,
            USES_COLUMNS,
            &self.capability_uses,
        )
    }

    fn commitment_table(&self) -> LongTable<'_, commitments::Row<'m>> {
        LongTable::new(
            self.lang(),
            "commitments",
            COMMITMENT_WIDTHS,
            COMMITMENT_COLUMNS,
            &self.commitments,
        )
    }

    fn perception_table(&self) -> LongTable<'_, PerceptionRow<'m>> {
        LongTable::new(
            self.lang(),
            "perceptions",
            PERCEPTION_WIDTHS,
            PERCEPTION_COLUMNS,
            &self.perceptions,
        )
    }

    fn finding_table(&self) -> LongTable<'_, &Finding> {
        LongTable::new(
            self.lang(),
            "findings",
            FINDING_WIDTHS,
            FINDING_COLUMNS,
            &self.findings,
        )
    }

    /// The indentation class of a capability: `i0` for level 1, at most `i8`.
    fn capability_indent(&self, row: &capabilities::Row<'_>) -> u32 {
        row.level
            .unwrap_or(1)
            .saturating_sub(1)
            .min(capabilities::MAX_INDENT)
    }

    /// The enablement as shown (`IT-supported`).
    fn enablement(&self, row: &capabilities::Row<'_>) -> &'static str {
        match row.enablement {
            Some("it-supported") => "IT-supported",
            other => other.unwrap_or_default(),
        }
    }

    /// The commitment's stage as `Stream › Stage`.
    fn stage_ref(&self, row: &commitments::Row<'_>) -> String {
        row.stage
            .map(|e| self.report.stage_ref(e.id))
            .unwrap_or_default()
    }

    /// The width of a budget bar: the share used, at most 100 %.
    fn bar_width(&self, row: &commitments::Row<'_>) -> String {
        let percent = row.budget.map_or(0.0, |b| b.percent());
        let shown = if percent.is_finite() {
            percent.clamp(0.0, 100.0)
        } else {
            100.0
        };
        format!("{shown:.0}")
    }

    fn budget_percent(&self, row: &commitments::Row<'_>) -> String {
        row.budget
            .map(|b| percent_text(b.percent()))
            .unwrap_or_default()
    }

    /// `120% over budget`, in the report's language.
    fn budget_over_text(&self, row: &commitments::Row<'_>) -> String {
        self.lang().t_args(
            "view-budget-over-html",
            &[("percent", self.budget_percent(row).into())],
        )
    }

    /// Column headers of a table the template writes itself, in the report's language.
    fn columns(&self, columns: &[Column]) -> Vec<Heading> {
        columns
            .iter()
            .map(|c| Heading {
                title: self.lang().t(c.title),
                numeric: c.numeric,
            })
            .collect()
    }

    /// The legend of the stakeholder matrices.
    fn stakeholder_legend(&self) -> String {
        stakeholders::legend(self.lang())
    }

    /// The legend of the stage × capability matrix.
    fn matrix_legend(&self) -> String {
        matrix::legend(self.lang())
    }

    fn budget_over(&self, row: &commitments::Row<'_>) -> bool {
        row.budget.is_some_and(|b| b.over())
    }

    /// A matrix row's left padding in pixels: deeper capabilities further right.
    fn matrix_padding(&self, row: &matrix::Row<'_>) -> u32 {
        let depth = row.level.map_or(1, |d| d.saturating_sub(1).max(1));
        8 + 16 * depth.min(capabilities::MAX_INDENT)
    }

    /// The value streams a ranked capability serves, each with its anchor and the names of
    /// its stages the capability serves.
    fn served(&self, row: &priorities::Row<'m>) -> Vec<(usize, &'m str, String)> {
        let model = self.report.views.model;
        let mut out: Vec<(usize, &'m str, String)> = Vec::new();
        for link in &row.stages {
            let index = model
                .value_streams
                .get_index_of(link.stream.id)
                .expect("a served stage is in the model");
            match out.last_mut() {
                Some((last, _, stages)) if *last == index => {
                    stages.push_str(", ");
                    stages.push_str(link.stage.name);
                }
                _ => out.push((index, link.stream.name, link.stage.name.to_string())),
            }
        }
        out
    }

    /// The class of a cell of a view's table: `num` for its right-aligned columns, `c` for
    /// its centred ones, `muted` for a placeholder.
    fn cell_class(&self, table: &Table, column: &usize, cell: &super::views::Cell) -> String {
        let mut classes = Vec::new();
        if table.right.contains(column) {
            classes.push("num");
        }
        if table.center.contains(column) {
            classes.push("c");
        }
        if cell.mark == Some(super::views::Mark::Muted) {
            classes.push("muted");
        }
        classes.join(" ")
    }

    fn no_value_note(&self, no_value: &usize) -> String {
        self.lang()
            .t_args("view-stages-no-value", &[("n", (*no_value).into())])
    }
}

/// The tables of the sections of processes, stakeholders, information and hand-offs.
impl<'a, 'm> Body<'a, 'm> {
    fn process_table(&self) -> LongTable<'_, processes::Line<'a, 'm>> {
        LongTable::new(
            self.lang(),
            "processes",
            PROCESS_WIDTHS,
            PROCESS_COLUMNS,
            self.process_lines,
        )
    }

    fn owns_table(&self) -> LongTable<'_, stakeholders::Row<'m>> {
        LongTable::new(
            self.lang(),
            "owns",
            OWNS_WIDTHS,
            OWNS_COLUMNS,
            &self.stakeholders.rows,
        )
    }

    fn information_table(&self) -> LongTable<'_, information::Row<'m>> {
        LongTable::new(
            self.lang(),
            "information",
            INFORMATION_WIDTHS,
            INFORMATION_COLUMNS,
            self.information,
        )
    }

    fn handoff_table(&self) -> LongTable<'_, handoffs::Line<'a, 'm>> {
        LongTable::new(
            self.lang(),
            "handoffs",
            HANDOFF_WIDTHS,
            HANDOFF_COLUMNS,
            self.handoff_lines,
        )
    }

    /// Names of elements, one per line of a list cell.
    fn names(&self, items: &[super::views::Named<'_>]) -> Vec<String> {
        super::views::refs::names(items)
    }
}

/// Text as the templates' `{{ }}` escape it (askama's HTML escaper), so that a message
/// argument reads exactly as the same text put in by the template.
fn escaped(text: &str) -> String {
    askama::filters::escape(text, askama::filters::Html)
        .map(|safe| safe.to_string())
        .unwrap_or_default()
}

/// The whole report as one HTML document.
pub fn render(report: &Report<'_>) -> String {
    let views = report.views;
    let model = views.model;
    let large = model.value_streams.len() > 40
        || model.stage_count() > 400
        || model.capabilities.len() > CHUNK
        || model.commitments.len() > CHUNK
        || model.perceptions.len() > CHUNK
        || report.findings.len() > CHUNK;
    let map = HeatMap::new(views, report.measure, report.palette);
    let streams = (0..model.value_streams.len())
        .map(|s| {
            let template = stages::Stream::new(views, s);
            let figures = flow::Stream::new(views, s);
            let flow_table = figures.table();
            let flow_bars = flow_svg::render(&figures);
            StreamSection {
                index: s,
                no_value: template
                    .stages
                    .iter()
                    .filter(|g| g.value_items.is_empty())
                    .count(),
                flow: if template.stages.is_empty() {
                    String::new()
                } else {
                    graph::svg_flow(views, s)
                },
                template,
                mapping: Mapping::new(views, &[s]),
                flow_figures: figures,
                flow_table,
                flow_bars,
                matrix: matrix::Stream::new(views, s),
                stage_heat: StagesHtml::new(
                    &StageMap::new(views.lang, &[s], report.measure, report.palette),
                    views,
                    false,
                )
                .to_string(),
                cross_map: CrossMap::new(views, &[s], report.measure, report.palette)
                    .html(views, false)
                    .to_string(),
            }
        })
        .collect();
    let (cards, severity_cards) = cards(views.lang, &report.counts(), report.findings);
    let all_streams: Vec<usize> = (0..model.value_streams.len()).collect();
    let processes = Processes::new(views, None);
    let process_lines = processes.lines();
    let stakeholders = Stakeholders::new(views, &all_streams, false);
    let information = Information::new(views, None);
    let handoffs = Handoffs::new(views, &all_streams);
    let handoff_lines = handoffs.lines();
    let body = Body {
        report,
        title: &report.title,
        flow_defs: graph::FLOW_DEFS,
        cover: cover(report),
        toc: (model.value_streams.len() <= 60).then(|| {
            model
                .value_streams
                .values()
                .map(|s| s.common.label())
                .enumerate()
                .collect()
        }),
        stream_count: model.value_streams.len(),
        cards,
        severity_cards,
        flagged: report.flagged_stages(),
        streams,
        heat_map: map.html(views),
        quadrant: QuadrantMap::new(views, None, report.palette)
            .html(views)
            .to_string(),
        capabilities: Capabilities::new(views, None).rows,
        priorities: Priorities::new(views, None, Some(REPORT_PRIORITIES)),
        capability_uses: capability_uses(views),
        commitments: Commitments::new(views, None).rows,
        perceptions: report.perceptions(),
        process_lines: &process_lines,
        stakeholders: &stakeholders,
        information: &information.rows,
        handoff_lines: &handoff_lines,
        handoff_summary: handoffs.summary(views.lang),
        findings: report.findings_by_severity(),
        version: env!("CARGO_PKG_VERSION"),
        file_count: report.loaded.sources.files.len(),
    };
    Page {
        lang: views.lang.code(),
        generator: Some(env!("CARGO_PKG_VERSION")),
        title: &report.title,
        extra_css: &[
            graph::FLOW_CSS,
            flow_svg::CSS,
            super::page::cjk_css(views.lang),
        ]
        .concat(),
        large,
        body: &body.render().expect("writing to a String cannot fail"),
    }
    .render_page()
}

fn cover<'m>(report: &Report<'m>) -> Option<Cover<'m>> {
    let meta = report.views.model.meta.as_ref()?;
    let lang = report.views.lang;
    let mut facts = Vec::new();
    // The template escapes the facts, so the model's text goes in as it is.
    if let Some(owner) = &meta.owner {
        facts.push(lang.t_args("report-owner", &[("owner", owner.value.as_str().into())]));
    }
    if let Some(version) = &meta.version {
        facts.push(lang.t_args(
            "report-version",
            &[("version", version.value.as_str().into())],
        ));
    }
    Some(Cover {
        name: meta
            .name
            .as_ref()
            .map(|n| n.value.as_str())
            .filter(|&name| name != report.title),
        description: meta.description.as_ref().map(|d| d.value.as_str()),
        facts: facts.join(" · "),
    })
}

/// The overview's element counts and its finding counts by severity.
fn cards(lang: Lang, c: &Counts, findings: &[Finding]) -> (Vec<Card>, Vec<Card>) {
    let (errors, warnings, infos) = severity_counts(findings);
    // Each label is one message with the plural forms its language has (English: one and
    // other), so the card takes it as both its singular and its plural.
    let label = |key: &str, n: usize| lang.t_args(key, &[("n", n.into())]);
    let card = |n: usize, key: &str| {
        let text = label(key, n);
        Card::new(n, &text, &text, "")
    };
    let alert = |n: usize, key: &str, class: &'static str| {
        let text = label(key, n);
        Card::alert(n, &text, &text, class)
    };
    let perceptions = lang.t_args(
        "card-perceptions",
        &[
            ("n", c.perceptions.into()),
            ("focus", c.focus_perceptions.into()),
        ],
    );
    let elements = vec![
        card(c.value_streams, "card-value-streams"),
        card(c.stages, "card-stages"),
        alert(c.no_value_stages, "card-no-value-stages", "warn"),
        card(c.value_items, "card-value-items"),
        card(c.capabilities, "card-capabilities"),
        card(c.processes, "card-processes"),
        card(c.information, "card-information"),
        card(c.business_objects, "card-business-objects"),
        card(c.commitments, "card-commitments"),
        Card::new(c.perceptions, &perceptions, &perceptions, ""),
        card(c.stakeholders, "card-stakeholders"),
    ];
    let severities = vec![
        alert(errors, "card-errors", "error"),
        alert(warnings, "card-warnings", "warn"),
        alert(infos, "card-infos", "info"),
    ];
    (elements, severities)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::heatmap::{Measure, Palette};
    use crate::report::views::fixture::{Fixture, SMALL};
    use crate::report::Report;

    fn render_yaml(yaml: &str) -> String {
        let fixture = Fixture::new(yaml);
        let views = fixture.views();
        render(&Report {
            views: &views,
            loaded: &fixture.loaded,
            findings: &[],
            title: "T".into(),
            measure: Measure::Gap,
            palette: Palette::Viridis,
        })
    }

    #[test]
    fn long_tables_are_cut_into_blocks_of_250_rows_and_short_ones_are_not() {
        let rows: Vec<usize> = (0..501).collect();
        let long = LongTable::new(Lang::En, "t", &[], FINDING_COLUMNS, &rows);
        assert!(long.chunked);
        let sizes: Vec<usize> = long.chunks.iter().map(|c| c.len()).collect();
        assert_eq!(sizes, [250, 250, 1]);
        let empty = LongTable::new(Lang::En, "t", &[], FINDING_COLUMNS, &rows[..0]);
        assert!(!empty.chunked);
        assert_eq!(empty.chunks.len(), 1, "an empty table still has its header");
    }

    #[test]
    fn a_long_capability_table_repeats_its_columns_but_not_its_header_per_block() {
        let mut yaml = String::from("capabilities:\n");
        for c in 0..=CHUNK {
            yaml.push_str(&format!("  c{c}: {{name: C{c}, level: 1}}\n"));
        }
        let html = render_yaml(&yaml);
        let caps = &html[html.find("<h3>Capability inventory</h3>").unwrap()..];
        let (caps, uses) = caps.split_at(caps.find("<h3>Where each capability").unwrap());
        // The table of where each capability is used is cut the same way.
        assert_eq!(
            uses.matches("<div class=\"chunk\"><table class=\"uses fixed\">")
                .count(),
            2
        );
        assert_eq!(
            caps.matches("<div class=\"chunk\"><table class=\"caps fixed\">")
                .count(),
            2
        );
        assert_eq!(caps.matches("<colgroup>").count(), 2);
        assert_eq!(caps.matches("<thead>").count(), 1);
        assert_eq!(caps.matches("<tr class=\"root\">").count(), CHUNK + 1);
        assert!(html.contains("<body class=\"large\">"));
    }

    #[test]
    fn cards_count_with_the_singular_for_one() {
        let one = Card::new(1, "error", "errors", "");
        assert_eq!((one.count.as_str(), one.label.as_str()), ("1", "error"));
        let none = Card::alert(0, "error", "errors", "error");
        assert_eq!((none.label.as_str(), none.class), ("errors", "ok"));
    }

    #[test]
    fn sections_come_in_order_and_the_stage_without_value_is_marked() {
        let html = render_yaml(SMALL);
        let at = |needle: &str| html.find(needle).unwrap_or_else(|| panic!("{needle}"));
        let order = [
            "<header class=\"cover\">",
            "<nav class=\"toc\"",
            "<section id=\"overview\"",
            "<section class=\"stream\" id=\"stream-0\">",
            "<table class=\"stages\">",
            "<table class=\"mapping\">",
            "<table class=\"matrix\">",
            "<section id=\"capabilities\"",
            "<section id=\"commitments\"",
            "<section id=\"perceptions\"",
            "<section id=\"findings\"",
            "<footer>",
        ];
        for pair in order.windows(2) {
            assert!(at(pair[0]) < at(pair[1]), "{} before {}", pair[0], pair[1]);
        }
        // One value stream card in the singular; Ship adds no value.
        assert!(html.contains("<span class=\"n\">1</span><span class=\"l\">value stream</span>"));
        assert!(html.contains("<span class=\"tag warn\">1 adds no value</span>"));
        // The matrix: Sales listed by Take order, its child Intake only through a value item.
        assert!(html.contains("<tr class=\"group\"><td>Sales</td><td class=\"mark\">●</td><td></td></tr><tr><td style=\"padding-left:24px\">Intake</td><td class=\"mark\">○</td><td></td></tr>"));
    }

    #[test]
    fn each_capability_links_the_stages_that_name_it_to_their_rows() {
        let html = render_yaml(SMALL);
        // Both stages of the one stream have a row anchor; Ship adds no value.
        assert!(html.contains("<tr id=\"stage-0-0\"><td class=\"num\">1</td>"));
        assert!(html.contains("<tr id=\"stage-0-1\" class=\"novalue\">"));
        let uses = &html[html.find("<h3>Where each capability is used</h3>").unwrap()..];
        let uses = &uses[..uses.find("</section>").unwrap()];
        // Sales is named by the Take order stage, Intake by its value item; the process
        // names neither.
        assert_eq!(
            uses.matches("<a href=\"#stage-0-0\">Order › Take order</a>")
                .count(),
            2,
            "{uses}"
        );
        assert!(!uses.contains("Write it"));
        assert!(!uses.contains("stage-0-1"));
    }

    #[test]
    fn hostile_names_come_out_as_text_never_as_markup_or_a_url() {
        let evil = r#"<script>alert(1)</script> url(http://x) \"'"#;
        let fixture = Fixture::new(&format!(
            "value_streams:\n  s:\n    name: '{evil}'\n    stages:\n      a: {{name: '{evil}'}}\n\
             capabilities:\n  c: {{name: '{evil}', level: 1}}\n"
        ));
        let views = fixture.views();
        let report = Report {
            views: &views,
            loaded: &fixture.loaded,
            findings: &[],
            title: evil.to_string(),
            measure: Measure::Gap,
            palette: Palette::Viridis,
        };
        let html = super::render(&report);
        let escaped =
            "&lt;script&gt;alert(1)&lt;&#x2F;script&gt; url(http:&#x2F;&#x2F;x) \\&quot;&#x27;";
        assert!(html.contains(&format!("<title>{escaped}</title>")));
        // Outside the names shown as text, nothing loads: no script, no import, and the
        // only url() are references to the page's own SVG definitions.
        let rest = html.replace(escaped, "");
        assert!(!rest.contains("<script"));
        assert!(!rest.contains("@import"));
        assert!(!rest.replace("url(#", "").contains("url("));
    }
}
