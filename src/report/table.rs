//! `vsm table`: the mapping, matrix, stage-template, capability and commitment tables as
//! terminal tables, GitHub-flavoured Markdown, CSV (RFC 4180) and JSON (docs/reports.md).

use super::data::{percent_text, Entry, Views};
use super::escape;
use crate::model::{Amount, Kind, Target, ValueItem};
use serde_json::{json, Value};

/// Which table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// One row per stage: value items, processes, capabilities, information, business objects
    Mapping,
    /// Stage × capability cross-map, capabilities grouped under their level-1 parent
    Matrix,
    /// The six-element stage template of each value stream
    Stages,
    /// The capability tree with maturity, gap, importance, owner and usage
    Capabilities,
    /// The commitment tree with targets, owners and budget use
    Commitments,
}

impl View {
    pub fn as_str(self) -> &'static str {
        match self {
            View::Mapping => "mapping",
            View::Matrix => "matrix",
            View::Stages => "stages",
            View::Capabilities => "capabilities",
            View::Commitments => "commitments",
        }
    }
}

/// Output format of `vsm table`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A table drawn for the terminal
    Term,
    /// GitHub-flavoured Markdown
    Md,
    /// RFC 4180 CSV
    Csv,
    /// JSON, as documented in docs/reports.md
    Json,
}

/// Version of the JSON structures of `vsm table --format json`.
pub const JSON_VERSION: u32 = 1;

/// How a cell is emphasised (colour on a terminal).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Needs attention (no value item, over budget).
    Warn,
    /// Grey: a placeholder.
    Muted,
}

#[derive(Clone, Debug, Default)]
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

    /// The text on one line (lines joined with `; `).
    pub fn flat(&self) -> String {
        self.lines.join("; ")
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
}

/// The text a "no value item" cell shows.
pub const NO_VALUE: &str = "⚠ none: adds no value";

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

/// Terminal tables that fit `width` columns (wide characters counted twice).
pub fn render_term(tables: &[Table], width: usize, color: bool) -> String {
    use comfy_table::{modifiers, presets, Attribute, CellAlignment, Color, ContentArrangement};
    let mut out = String::new();
    for (n, table) in tables.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        if let Some(title) = &table.title {
            if color {
                out.push_str(&format!("\x1b[1m{title}\x1b[0m\n"));
            } else {
                out.push_str(title);
                out.push('\n');
            }
        }
        for note in &table.notes {
            out.push_str(note);
            out.push('\n');
        }
        let mut t = comfy_table::Table::new();
        t.load_preset(presets::UTF8_FULL_CONDENSED)
            .apply_modifier(modifiers::UTF8_ROUND_CORNERS)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(width.clamp(20, u16::MAX as usize) as u16);
        if color {
            t.enforce_styling();
        } else {
            t.force_no_tty();
        }
        t.set_header(table.headers.iter().map(|h| {
            let cell = comfy_table::Cell::new(h);
            if color {
                cell.add_attribute(Attribute::Bold)
            } else {
                cell
            }
        }));
        for row in &table.rows {
            t.add_row(row.iter().map(|cell| {
                // No-break spaces: comfy-table drops leading plain spaces when it wraps.
                let pad = "\u{a0}\u{a0}".repeat(cell.indent as usize);
                let text = cell
                    .lines
                    .iter()
                    .map(|l| format!("{pad}{l}"))
                    .collect::<Vec<_>>()
                    .join("\n");
                let mut c = comfy_table::Cell::new(text);
                if color {
                    if cell.strong {
                        c = c.add_attribute(Attribute::Bold);
                    }
                    match cell.mark {
                        Some(Mark::Warn) => c = c.fg(Color::Yellow),
                        Some(Mark::Muted) => c = c.fg(Color::DarkGrey),
                        None => {}
                    }
                }
                c
            }));
        }
        // No header word is cut in the middle (and the widest columns get some room), as far
        // as the width allows: the smallest widths are dropped when they cannot all fit.
        let word = |h: &String| {
            h.split_whitespace()
                .map(unicode_width::UnicodeWidthStr::width)
                .max()
                .unwrap_or(0)
                .min(16)
        };
        let with_min: Vec<usize> = table
            .headers
            .iter()
            .enumerate()
            .map(|(i, h)| {
                word(h).max(
                    table
                        .min
                        .iter()
                        .find(|(c, _)| *c == i)
                        .map_or(0, |(_, w)| *w),
                ) + 2
            })
            .collect();
        let words: Vec<usize> = table.headers.iter().map(|h| word(h) + 2).collect();
        let fits = |bounds: &[usize]| bounds.iter().sum::<usize>() + bounds.len() < width;
        let bounds = if fits(&with_min) {
            Some(with_min)
        } else if fits(&words) {
            Some(words)
        } else {
            None
        };
        for (i, bound) in bounds.iter().flatten().enumerate() {
            if let Some(column) = t.column_mut(i) {
                column.set_constraint(comfy_table::ColumnConstraint::LowerBoundary(
                    comfy_table::Width::Fixed(*bound as u16),
                ));
            }
        }
        for &i in &table.right {
            if let Some(column) = t.column_mut(i) {
                column.set_cell_alignment(CellAlignment::Right);
            }
        }
        for &i in &table.center {
            if let Some(column) = t.column_mut(i) {
                column.set_cell_alignment(CellAlignment::Center);
            }
        }
        if table.rows.is_empty() {
            out.push_str("(none)\n");
        } else {
            out.push_str(&t.to_string());
            out.push('\n');
        }
    }
    out
}

/// One Markdown cell: escaped lines joined with `<br>`, indentation as em spaces.
pub fn md_cell(cell: &Cell) -> String {
    let pad = "&emsp;".repeat(cell.indent as usize);
    let text = cell
        .lines
        .iter()
        .map(|l| format!("{pad}{}", escape::markdown(l)))
        .collect::<Vec<_>>()
        .join("<br>");
    if cell.strong && !text.is_empty() {
        format!("**{text}**")
    } else {
        text
    }
}

/// A GitHub-flavoured Markdown table (no title).
pub fn md_table(table: &Table) -> String {
    let mut out = String::new();
    out.push('|');
    for h in &table.headers {
        out.push(' ');
        out.push_str(&escape::markdown(h));
        out.push_str(" |");
    }
    out.push_str("\n|");
    for i in 0..table.headers.len() {
        out.push_str(if table.right.contains(&i) {
            " ---: |"
        } else if table.center.contains(&i) {
            " :---: |"
        } else {
            " --- |"
        });
    }
    out.push('\n');
    for row in &table.rows {
        out.push('|');
        for cell in row {
            out.push(' ');
            out.push_str(&md_cell(cell));
            out.push_str(" |");
        }
        out.push('\n');
    }
    out
}

/// Markdown tables, each under a `###` title of `level` hashes.
pub fn render_md(tables: &[Table], level: usize) -> String {
    let mut out = String::new();
    for (n, table) in tables.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        if let Some(title) = &table.title {
            out.push_str(&format!(
                "{} {}\n\n",
                "#".repeat(level),
                escape::markdown_heading(title)
            ));
        }
        for note in &table.notes {
            out.push_str(&escape::markdown_block(note));
            out.push_str("  \n");
        }
        if !table.notes.is_empty() {
            out.push('\n');
        }
        if table.rows.is_empty() {
            out.push_str("_None._\n");
        } else {
            out.push_str(&md_table(table));
        }
    }
    out
}

/// RFC 4180 CSV: a header record, fields quoted where needed, CRLF between records.
pub fn render_csv(headers: &[&str], rows: &[Vec<String>]) -> anyhow::Result<String> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(headers)?;
    for row in rows {
        writer.write_record(row)?;
    }
    let bytes = writer.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(String::from_utf8(bytes)?)
}

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

fn labels(entries: &[Entry<'_>]) -> Vec<String> {
    entries.iter().map(Entry::label).collect()
}

fn entry_json(entry: &Entry<'_>) -> Value {
    json!({"id": entry.id, "name": entry.name})
}

fn entries_json(entries: &[Entry<'_>]) -> Value {
    Value::Array(entries.iter().map(entry_json).collect())
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

fn value_item_names(items: &[ValueItem]) -> Vec<String> {
    items.iter().map(|v| v.name.value.clone()).collect()
}

/// Value items with their measure in brackets.
pub fn value_item_lines(items: &[ValueItem]) -> Vec<String> {
    items
        .iter()
        .map(|v| match &v.measure {
            Some(m) => format!("{} [{}]", v.name.value, m.value),
            None => v.name.value.clone(),
        })
        .collect()
}

fn value_items_json(views: &Views<'_>, items: &[ValueItem]) -> Value {
    Value::Array(
        items
            .iter()
            .map(|v| {
                json!({
                    "name": v.name.value,
                    "description": v.description.as_ref().map(|d| &d.value),
                    "measure": v.measure.as_ref().map(|m| &m.value),
                    "capabilities": entries_json(&views.entries(Kind::Capability, &v.capabilities)),
                })
            })
            .collect(),
    )
}

fn texts(items: &[crate::model::Text]) -> Vec<String> {
    items.iter().map(|t| t.value.clone()).collect()
}

fn opt_text(text: &Option<crate::model::Text>) -> Option<&str> {
    text.as_ref().map(|t| t.value.as_str())
}

fn stage_label(views: &Views<'_>, stream: usize, stage: usize) -> String {
    views.stage(stream, stage).1.common.label().to_string()
}

// ---------------------------------------------------------------------------------------------
// mapping
// ---------------------------------------------------------------------------------------------

pub fn mapping_table(views: &Views<'_>, streams: &[usize], with_stream: bool) -> Table {
    let mut headers: Vec<String> = Vec::new();
    if with_stream {
        headers.push("Value stream".into());
    }
    headers.extend(
        [
            "Stage",
            "Value items",
            "Processes",
            "Capabilities",
            "Information",
            "Business objects",
        ]
        .map(String::from),
    );
    let mut rows = Vec::new();
    for &s in streams {
        let stages = views.stream(s).1.stages.len();
        for g in 0..stages {
            let row = views.mapping_row(s, g);
            let mut cells = Vec::new();
            if with_stream {
                cells.push(if g == 0 {
                    Cell::new(views.stream(s).1.common.label()).strong()
                } else {
                    Cell::empty()
                });
            }
            cells.push(Cell::new(stage_label(views, s, g)));
            cells.push(if row.value_items.is_empty() {
                Cell::new(NO_VALUE).mark(Mark::Warn).strong()
            } else {
                Cell::lines(value_item_names(row.value_items))
            });
            cells.push(Cell::lines(labels(&row.processes)));
            cells.push(Cell::lines(labels(&row.capabilities)));
            cells.push(Cell::lines(labels(&row.information)));
            cells.push(Cell::lines(labels(&row.business_objects)));
            rows.push(cells);
        }
    }
    Table {
        title: None,
        notes: Vec::new(),
        headers,
        rows,
        ..Table::default()
    }
}

fn mapping_csv(views: &Views<'_>, streams: &[usize]) -> anyhow::Result<String> {
    let headers = [
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
    ];
    let mut rows = Vec::new();
    for &s in streams {
        let (stream_id, stream) = views.stream(s);
        for g in 0..stream.stages.len() {
            let row = views.mapping_row(s, g);
            let (stage_id, stage) = views.stage(s, g);
            rows.push(vec![
                stream_id.to_string(),
                stream.common.label().to_string(),
                stage_id.to_string(),
                stage.common.label().to_string(),
                (!row.value_items.is_empty()).to_string(),
                value_item_names(row.value_items).join("\n"),
                labels(&row.processes).join("\n"),
                labels(&row.capabilities).join("\n"),
                labels(&row.information).join("\n"),
                labels(&row.business_objects).join("\n"),
            ]);
        }
    }
    render_csv(&headers, &rows)
}

fn mapping_json(views: &Views<'_>, streams: &[usize]) -> Value {
    let mut rows = Vec::new();
    for &s in streams {
        let (stream_id, stream) = views.stream(s);
        for g in 0..stream.stages.len() {
            let row = views.mapping_row(s, g);
            let (stage_id, stage) = views.stage(s, g);
            rows.push(json!({
                "stream": {"id": stream_id, "name": stream.common.label()},
                "stage": {"id": stage_id, "name": stage.common.label()},
                "adds_value": !row.value_items.is_empty(),
                "value_items": value_items_json(views, row.value_items),
                "processes": entries_json(&row.processes),
                "capabilities": entries_json(&row.capabilities),
                "information": entries_json(&row.information),
                "business_objects": entries_json(&row.business_objects),
            }));
        }
    }
    json!({"version": JSON_VERSION, "view": "mapping", "rows": rows})
}

// ---------------------------------------------------------------------------------------------
// matrix
// ---------------------------------------------------------------------------------------------

/// The legend under every matrix.
pub const MATRIX_LEGEND: &str =
    "● the stage lists the capability · ○ only one of its value items does";

pub fn matrix_table(views: &Views<'_>, stream: usize) -> Table {
    let (stream_id, value_stream) = views.stream(stream);
    let matrix = views.matrix(stream);
    let mut headers = vec!["Capability".to_string()];
    headers.extend(
        value_stream
            .stages
            .values()
            .enumerate()
            .map(|(g, st)| format!("{}. {}", g + 1, st.common.label())),
    );
    let columns = value_stream.stages.len();
    let mut rows = Vec::new();
    for group in &matrix.groups {
        let mut first = 0;
        match group.root {
            Some(root) => {
                let mut cells = vec![Cell::new(views.capability_name(root)).strong()];
                match group.rows.first() {
                    Some(row) if row.capability == root => {
                        cells.extend(row.cells.iter().map(|c| match c {
                            Some(link) => Cell::new(link.symbol()),
                            None => Cell::empty(),
                        }));
                        first = 1;
                    }
                    _ => cells.extend((0..columns).map(|_| Cell::empty())),
                }
                rows.push(cells);
            }
            None => {
                let mut cells = vec![Cell::new("(in a parent loop)").mark(Mark::Muted)];
                cells.extend((0..columns).map(|_| Cell::empty()));
                rows.push(cells);
            }
        }
        for row in &group.rows[first..] {
            let indent = row.depth.map_or(1, |d| d.saturating_sub(1).max(1));
            let mut cells = vec![Cell::new(views.capability_name(row.capability)).indent(indent)];
            cells.extend(row.cells.iter().map(|c| match c {
                Some(link) => Cell::new(link.symbol()),
                None => Cell::empty(),
            }));
            rows.push(cells);
        }
    }
    Table {
        title: Some(format!("{} ({stream_id})", value_stream.common.label())),
        notes: vec![MATRIX_LEGEND.to_string()],
        headers,
        center: (1..=columns).collect(),
        min: vec![(0, 20)],
        rows,
        ..Table::default()
    }
}

fn matrix_csv(views: &Views<'_>, streams: &[usize]) -> anyhow::Result<String> {
    // Columns: every stage of the selected streams; rows: every capability they use.
    let mut stage_columns = Vec::new();
    let mut offset = Vec::new();
    for &s in streams {
        let (stream_id, stream) = views.stream(s);
        offset.push(stage_columns.len());
        stage_columns.extend(stream.stages.keys().map(|g| format!("{stream_id}/{g}")));
    }
    let mut rows_by_cap: std::collections::HashMap<usize, Vec<String>> = Default::default();
    let mut order = Vec::new();
    for (n, &s) in streams.iter().enumerate() {
        let matrix = views.matrix(s);
        for group in &matrix.groups {
            for row in &group.rows {
                let cells = rows_by_cap.entry(row.capability).or_insert_with(|| {
                    order.push(row.capability);
                    vec![String::new(); stage_columns.len()]
                });
                for (g, link) in row.cells.iter().enumerate() {
                    if let Some(link) = link {
                        cells[offset[n] + g] = link.as_str().to_string();
                    }
                }
            }
        }
    }
    order.sort_by_key(|&c| views.tree_pos[c]);
    let mut headers = vec![
        "level_1_id",
        "level_1",
        "capability_id",
        "capability",
        "level",
    ];
    headers.extend(stage_columns.iter().map(String::as_str));
    let rows: Vec<Vec<String>> = order
        .iter()
        .map(|&c| {
            let root = views.root_of[c];
            let mut row = vec![
                root.map(|r| views.capability_id(r).to_string())
                    .unwrap_or_default(),
                root.map(|r| views.capability_name(r).to_string())
                    .unwrap_or_default(),
                views.capability_id(c).to_string(),
                views.capability_name(c).to_string(),
                views.depth[c].map(|d| d.to_string()).unwrap_or_default(),
            ];
            row.extend(rows_by_cap.remove(&c).unwrap_or_default());
            row
        })
        .collect();
    render_csv(&headers, &rows)
}

fn matrix_json(views: &Views<'_>, streams: &[usize]) -> Value {
    let streams: Vec<Value> = streams
        .iter()
        .map(|&s| {
            let (stream_id, stream) = views.stream(s);
            let matrix = views.matrix(s);
            let capabilities: Vec<Value> = matrix
                .groups
                .iter()
                .flat_map(|g| g.rows.iter().map(move |r| (g.root, r)))
                .map(|(root, row)| {
                    json!({
                        "id": views.capability_id(row.capability),
                        "name": views.capability_name(row.capability),
                        "level": row.depth,
                        "level_1": root.map(|r| json!({
                            "id": views.capability_id(r),
                            "name": views.capability_name(r),
                        })),
                        "cells": row.cells.iter().map(|c| c.map(|l| l.as_str())).collect::<Vec<_>>(),
                    })
                })
                .collect();
            json!({
                "stream": {"id": stream_id, "name": stream.common.label()},
                "stages": stream.stages.iter().map(|(id, st)| json!({"id": id, "name": st.common.label()})).collect::<Vec<_>>(),
                "capabilities": capabilities,
            })
        })
        .collect();
    json!({"version": JSON_VERSION, "view": "matrix", "streams": streams})
}

// ---------------------------------------------------------------------------------------------
// stages
// ---------------------------------------------------------------------------------------------

/// The lines under a stream's title: trigger, value proposition, segment.
pub fn stream_notes(views: &Views<'_>, stream: usize) -> Vec<String> {
    let (_, s) = views.stream(stream);
    let mut notes = Vec::new();
    let trigger = s
        .trigger
        .as_ref()
        .map(|t| views.entry(Kind::Stakeholder, &t.value).label())
        .unwrap_or_else(|| "(none)".into());
    notes.push(format!("Triggering stakeholder: {trigger}"));
    if let Some(v) = &s.value_proposition {
        notes.push(format!("Value proposition: {}", v.value));
    }
    if let Some(v) = &s.segment {
        notes.push(format!("Segment: {}", v.value));
    }
    notes
}

pub fn stages_table(views: &Views<'_>, stream: usize) -> Table {
    let (stream_id, value_stream) = views.stream(stream);
    let headers = [
        "#",
        "Stage",
        "Description",
        "Stakeholders",
        "Entry conditions",
        "Exit conditions",
        "Value items",
    ]
    .map(String::from)
    .to_vec();
    let rows = value_stream
        .stages
        .values()
        .enumerate()
        .map(|(g, stage)| {
            vec![
                Cell::new((g + 1).to_string()),
                Cell::new(stage.common.label()).strong(),
                Cell::new(opt_text(&stage.common.description).unwrap_or_default()),
                Cell::lines(labels(
                    &views.entries(Kind::Stakeholder, &stage.stakeholders),
                )),
                Cell::lines(texts(&stage.entry_conditions)),
                Cell::lines(texts(&stage.exit_conditions)),
                if stage.value_items.is_empty() {
                    Cell::new(NO_VALUE).mark(Mark::Warn).strong()
                } else {
                    Cell::lines(value_item_lines(&stage.value_items))
                },
            ]
        })
        .collect();
    Table {
        title: Some(format!("{} ({stream_id})", value_stream.common.label())),
        notes: stream_notes(views, stream),
        headers,
        right: vec![0],
        min: vec![(2, 18), (6, 16)],
        rows,
        ..Table::default()
    }
}

fn stages_csv(views: &Views<'_>, streams: &[usize]) -> anyhow::Result<String> {
    let headers = [
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
    ];
    let mut rows = Vec::new();
    for &s in streams {
        let (stream_id, stream) = views.stream(s);
        let trigger = stream
            .trigger
            .as_ref()
            .map(|t| views.entry(Kind::Stakeholder, &t.value).label())
            .unwrap_or_default();
        for (stage_id, stage) in &stream.stages {
            rows.push(vec![
                stream_id.to_string(),
                stream.common.label().to_string(),
                trigger.clone(),
                stage_id.clone(),
                stage.common.label().to_string(),
                opt_text(&stage.common.description)
                    .unwrap_or_default()
                    .to_string(),
                labels(&views.entries(Kind::Stakeholder, &stage.stakeholders)).join("\n"),
                texts(&stage.entry_conditions).join("\n"),
                texts(&stage.exit_conditions).join("\n"),
                value_item_lines(&stage.value_items).join("\n"),
            ]);
        }
    }
    render_csv(&headers, &rows)
}

fn stages_json(views: &Views<'_>, streams: &[usize]) -> Value {
    let streams: Vec<Value> = streams
        .iter()
        .map(|&s| {
            let (stream_id, stream) = views.stream(s);
            let stages: Vec<Value> = stream
                .stages
                .iter()
                .map(|(id, st)| {
                    json!({
                        "id": id,
                        "name": st.common.label(),
                        "description": opt_text(&st.common.description),
                        "stakeholders": entries_json(&views.entries(Kind::Stakeholder, &st.stakeholders)),
                        "entry_conditions": texts(&st.entry_conditions),
                        "exit_conditions": texts(&st.exit_conditions),
                        "value_items": value_items_json(views, &st.value_items),
                    })
                })
                .collect();
            json!({
                "id": stream_id,
                "name": stream.common.label(),
                "description": opt_text(&stream.common.description),
                "trigger": stream.trigger.as_ref().map(|t| entry_json(&views.entry(Kind::Stakeholder, &t.value))),
                "value_proposition": opt_text(&stream.value_proposition),
                "segment": opt_text(&stream.segment),
                "stages": stages,
            })
        })
        .collect();
    json!({"version": JSON_VERSION, "view": "stages", "streams": streams})
}

// ---------------------------------------------------------------------------------------------
// capabilities
// ---------------------------------------------------------------------------------------------

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn importance_text(i: Option<crate::model::Importance>) -> &'static str {
    use crate::model::Importance::*;
    match i {
        Some(Low) => "low",
        Some(Medium) => "medium",
        Some(High) => "high",
        Some(Critical) => "critical",
        None => "",
    }
}

fn enablement_text(e: Option<crate::model::Enablement>) -> &'static str {
    use crate::model::Enablement::*;
    match e {
        Some(Manual) => "manual",
        Some(ItSupported) => "it-supported",
        Some(Automated) => "automated",
        None => "",
    }
}

fn owner_of(views: &Views<'_>, index: usize) -> Option<String> {
    views.model.capabilities[index]
        .owner
        .as_ref()
        .map(|o| views.entry(Kind::Stakeholder, &o.value).label())
}

pub fn capabilities_table(views: &Views<'_>, mask: Option<&[bool]>) -> Table {
    let headers = [
        "Capability",
        "Level",
        "Maturity",
        "Target",
        "Gap",
        "Importance",
        "Owner",
        "Stages",
        "Value items",
        "Processes",
    ]
    .map(String::from)
    .to_vec();
    let rows = views
        .capability_rows()
        .filter(|r| mask.is_none_or(|m| m[r.index]))
        .map(|r| {
            let indent = r.depth.map_or(0, |d| d.saturating_sub(1));
            let mut name = Cell::new(views.capability_name(r.index)).indent(indent);
            if r.depth == Some(1) {
                name = name.strong();
            }
            vec![
                name,
                Cell::new(r.depth.map_or("?".to_string(), |d| d.to_string())),
                Cell::new(opt(r.maturity)),
                Cell::new(opt(r.target)),
                Cell::new(opt(r.gap)),
                Cell::new(importance_text(r.importance)),
                Cell::new(owner_of(views, r.index).unwrap_or_default()),
                Cell::new(r.usage.stages.to_string()),
                Cell::new(r.usage.value_items.to_string()),
                Cell::new((r.usage.processes + r.usage.steps).to_string()),
            ]
        })
        .collect();
    Table {
        headers,
        right: vec![1, 2, 3, 4, 7, 8, 9],
        min: vec![(0, 18), (6, 10)],
        rows,
        ..Table::default()
    }
}

fn capabilities_csv(views: &Views<'_>, mask: Option<&[bool]>) -> anyhow::Result<String> {
    let headers = [
        "id",
        "name",
        "parent_id",
        "level",
        "maturity",
        "target_maturity",
        "gap",
        "importance",
        "risk",
        "owner",
        "enablement",
        "stages",
        "value_items",
        "processes",
        "steps",
    ];
    let rows: Vec<Vec<String>> = views
        .capability_rows()
        .filter(|r| mask.is_none_or(|m| m[r.index]))
        .map(|r| {
            let c = &views.model.capabilities[r.index];
            vec![
                views.capability_id(r.index).to_string(),
                views.capability_name(r.index).to_string(),
                c.parent
                    .as_ref()
                    .map(|p| p.value.clone())
                    .unwrap_or_default(),
                opt(r.depth),
                opt(r.maturity),
                opt(r.target),
                opt(r.gap),
                importance_text(r.importance).to_string(),
                opt(r.risk),
                owner_of(views, r.index).unwrap_or_default(),
                enablement_text(c.enablement.as_ref().map(|e| e.value)).to_string(),
                r.usage.stages.to_string(),
                r.usage.value_items.to_string(),
                r.usage.processes.to_string(),
                r.usage.steps.to_string(),
            ]
        })
        .collect();
    render_csv(&headers, &rows)
}

fn capabilities_json(views: &Views<'_>, mask: Option<&[bool]>) -> Value {
    let rows: Vec<Value> = views
        .capability_rows()
        .filter(|r| mask.is_none_or(|m| m[r.index]))
        .map(|r| {
            let c = &views.model.capabilities[r.index];
            let e = |s: &str| (!s.is_empty()).then(|| s.to_string());
            json!({
                "id": views.capability_id(r.index),
                "name": views.capability_name(r.index),
                "parent": c.parent.as_ref().map(|p| &p.value),
                "level": r.depth,
                "maturity": r.maturity,
                "target_maturity": r.target,
                "gap": r.gap,
                "importance": e(importance_text(r.importance)),
                "risk": r.risk,
                "owner": c.owner.as_ref().map(|o| entry_json(&views.entry(Kind::Stakeholder, &o.value))),
                "enablement": e(enablement_text(c.enablement.as_ref().map(|x| x.value))),
                "used_by": {
                    "stages": r.usage.stages,
                    "value_items": r.usage.value_items,
                    "processes": r.usage.processes,
                    "steps": r.usage.steps,
                    "children": r.usage.children,
                },
            })
        })
        .collect();
    json!({"version": JSON_VERSION, "view": "capabilities", "capabilities": rows})
}

// ---------------------------------------------------------------------------------------------
// commitments
// ---------------------------------------------------------------------------------------------

/// Which commitment-tree rows to show for the selected streams: whole trees that touch them.
fn commitment_rows(
    views: &Views<'_>,
    streams: Option<&[usize]>,
) -> Vec<super::data::CommitmentRow> {
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
        for k in &mut keep[start..end] {
            *k = touches;
        }
        start = end;
    }
    rows.into_iter()
        .zip(keep)
        .filter_map(|(r, k)| k.then_some(r))
        .collect()
}

fn stage_ref_label(views: &Views<'_>, reference: &Option<crate::model::Ref>) -> String {
    reference
        .as_ref()
        .map(|s| views.entry(Kind::Stage, &s.value).label())
        .unwrap_or_default()
}

fn parts_text(views: &Views<'_>, index: usize) -> String {
    let parts = views.parts[index].len();
    if parts == 0 {
        return String::new();
    }
    let composition = views.model.commitments[index].composition();
    format!(
        "{parts}, {}",
        match composition {
            crate::model::Composition::Sequential => "sequential",
            crate::model::Composition::Parallel => "parallel",
        }
    )
}

pub fn commitments_table(views: &Views<'_>, streams: Option<&[usize]>) -> Table {
    let headers = [
        "Commitment",
        "Target",
        "Owner",
        "Stage",
        "Perception point",
        "Parts",
        "Budget use",
    ]
    .map(String::from)
    .to_vec();
    let rows = commitment_rows(views, streams)
        .iter()
        .map(|r| {
            let c = &views.model.commitments[r.index];
            let mut name = Cell::new(if r.repeated {
                format!("↻ {} (loop)", c.common.label())
            } else {
                c.common.label().to_string()
            })
            .indent(r.depth);
            if r.depth == 0 {
                name = name.strong();
            }
            let budget = match views.budgets[r.index] {
                Some(b) if b.over() => Cell::new(format!("⚠ {}", b.describe()))
                    .mark(Mark::Warn)
                    .strong(),
                Some(b) => Cell::new(b.describe()),
                None => Cell::empty(),
            };
            vec![
                name,
                Cell::new(
                    c.target
                        .as_ref()
                        .map(|t| target_text(&t.value))
                        .unwrap_or_default(),
                ),
                Cell::new(
                    c.owner
                        .as_ref()
                        .map(|o| views.entry(Kind::Stakeholder, &o.value).label())
                        .unwrap_or_default(),
                ),
                Cell::new(stage_ref_label(views, &c.stage)),
                Cell::new(
                    c.perception
                        .as_ref()
                        .map(|p| views.entry(Kind::Perception, &p.value).label())
                        .unwrap_or_default(),
                ),
                Cell::new(parts_text(views, r.index)),
                budget,
            ]
        })
        .collect();
    Table {
        headers,
        rows,
        ..Table::default()
    }
}

fn commitments_csv(views: &Views<'_>, streams: Option<&[usize]>) -> anyhow::Result<String> {
    let headers = [
        "id",
        "name",
        "depth",
        "target",
        "owner",
        "stage",
        "perception",
        "composition",
        "parts",
        "budget_limit_seconds",
        "budget_used_seconds",
        "budget_used_percent",
    ];
    let rows: Vec<Vec<String>> = commitment_rows(views, streams)
        .iter()
        .map(|r| {
            let (id, c) = views.model.commitments.get_index(r.index).expect("index");
            let budget = views.budgets[r.index];
            vec![
                id.clone(),
                c.common.label().to_string(),
                r.depth.to_string(),
                c.target
                    .as_ref()
                    .map(|t| target_text(&t.value))
                    .unwrap_or_default(),
                c.owner
                    .as_ref()
                    .map(|o| o.value.clone())
                    .unwrap_or_default(),
                c.stage
                    .as_ref()
                    .map(|o| o.value.clone())
                    .unwrap_or_default(),
                c.perception
                    .as_ref()
                    .map(|o| o.value.clone())
                    .unwrap_or_default(),
                if views.parts[r.index].is_empty() {
                    String::new()
                } else {
                    parts_text(views, r.index)
                        .split(", ")
                        .nth(1)
                        .unwrap_or_default()
                        .to_string()
                },
                views.parts[r.index]
                    .iter()
                    .map(|&p| {
                        views
                            .model
                            .commitments
                            .get_index(p)
                            .expect("index")
                            .0
                            .clone()
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
                opt(budget.map(|b| b.limit.0)),
                opt(budget.map(|b| b.used.0)),
                budget
                    .map(|b| percent_text(b.percent()).trim_end_matches('%').to_string())
                    .unwrap_or_default(),
            ]
        })
        .collect();
    render_csv(&headers, &rows)
}

fn commitments_json(views: &Views<'_>, streams: Option<&[usize]>) -> Value {
    let rows: Vec<Value> = commitment_rows(views, streams)
        .iter()
        .map(|r| {
            let (id, c) = views.model.commitments.get_index(r.index).expect("index");
            let budget = views.budgets[r.index].map(|b| {
                json!({
                    "limit_seconds": b.limit.0,
                    "used_seconds": b.used.0,
                    "used_percent": if b.percent().is_finite() { json!((b.percent() * 10.0).round() / 10.0) } else { Value::Null },
                    "over": b.over(),
                    "parts_counted": b.counted,
                })
            });
            json!({
                "id": id,
                "name": c.common.label(),
                "depth": r.depth,
                "loop": r.repeated,
                "target": c.target.as_ref().map(|t| target_text(&t.value)),
                "owner": c.owner.as_ref().map(|o| entry_json(&views.entry(Kind::Stakeholder, &o.value))),
                "stage": c.stage.as_ref().map(|o| entry_json(&views.entry(Kind::Stage, &o.value))),
                "perception": c.perception.as_ref().map(|o| entry_json(&views.entry(Kind::Perception, &o.value))),
                "composition": c.composition(),
                "parts": views.parts[r.index].iter().map(|&p| views.model.commitments.get_index(p).expect("index").0).collect::<Vec<_>>(),
                "budget": budget,
            })
        })
        .collect();
    json!({"version": JSON_VERSION, "view": "commitments", "commitments": rows})
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

/// Which streams a view covers: `None` = all of them (and the capability and commitment views
/// are not filtered).
pub struct Selection {
    pub streams: Vec<usize>,
    pub filtered: bool,
}

/// Renders one view.
pub fn render(
    views: &Views<'_>,
    view: View,
    selection: &Selection,
    format: Format,
    width: usize,
    color: bool,
) -> anyhow::Result<String> {
    let streams = &selection.streams[..];
    let filter = selection.filtered.then_some(streams);
    let mask = filter.map(|s| views.capabilities_of_streams(s));
    let mask = mask.as_deref();
    let tables = |views: &Views<'_>| -> Vec<Table> {
        match view {
            View::Mapping => vec![mapping_table(views, streams, true)],
            View::Matrix => streams.iter().map(|&s| matrix_table(views, s)).collect(),
            View::Stages => streams.iter().map(|&s| stages_table(views, s)).collect(),
            View::Capabilities => vec![capabilities_table(views, mask)],
            View::Commitments => vec![commitments_table(views, filter)],
        }
    };
    Ok(match format {
        Format::Term => render_term(&tables(views), width, color),
        Format::Md => render_md(&tables(views), 2),
        Format::Csv => match view {
            View::Mapping => mapping_csv(views, streams)?,
            View::Matrix => matrix_csv(views, streams)?,
            View::Stages => stages_csv(views, streams)?,
            View::Capabilities => capabilities_csv(views, mask)?,
            View::Commitments => commitments_csv(views, filter)?,
        },
        Format::Json => {
            let value = match view {
                View::Mapping => mapping_json(views, streams),
                View::Matrix => matrix_json(views, streams),
                View::Stages => stages_json(views, streams),
                View::Capabilities => capabilities_json(views, mask),
                View::Commitments => commitments_json(views, filter),
            };
            let mut text = serde_json::to_string_pretty(&value)?;
            text.push('\n');
            text
        }
    })
}
