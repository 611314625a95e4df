//! The one-file HTML report: CSS inline, diagrams as inline SVG drawn by `vsm`, no script, no
//! external URL, every model text escaped, and a Content-Security-Policy that would block a
//! script or a request even if one slipped through.

use super::data::{percent_text, Entry};
use super::escape::html_into;
use super::heatmap::HeatMap;
use super::page::Page;
use super::views::capabilities::Capabilities;
use super::views::commitments::Commitments;
use super::views::mapping::Mapping;
use super::views::matrix;
use super::{graph, number, severity_counts, Report};
use crate::model::Kind;
use std::fmt::Write;

/// Collects HTML; model text goes through [`Out::text`].
struct Out {
    s: String,
}

impl Out {
    fn raw(&mut self, html: &str) -> &mut Self {
        self.s.push_str(html);
        self
    }

    fn text(&mut self, text: &str) -> &mut Self {
        html_into(&mut self.s, text);
        self
    }

    /// Text with newlines as `<br>`.
    fn para(&mut self, text: &str) -> &mut Self {
        for (i, line) in text.trim_end().split('\n').enumerate() {
            if i > 0 {
                self.s.push_str("<br>");
            }
            html_into(&mut self.s, line);
        }
        self
    }

    /// `<td>` with a list: nothing, one item as text, several as `<ul>`.
    fn list_cell(&mut self, items: &[String]) -> &mut Self {
        self.raw("<td>");
        match items.len() {
            0 => {}
            1 => {
                self.para(&items[0]);
            }
            _ => {
                self.raw("<ul>");
                for item in items {
                    self.raw("<li>").para(item).raw("</li>");
                }
                self.raw("</ul>");
            }
        }
        self.raw("</td>")
    }

    fn entry_cell(&mut self, entries: &[Entry<'_>]) -> &mut Self {
        let labels: Vec<String> = entries.iter().map(Entry::label).collect();
        self.list_cell(&labels)
    }

    fn td(&mut self, text: &str) -> &mut Self {
        self.raw("<td>").para(text).raw("</td>")
    }

    fn td_num(&mut self, text: &str) -> &mut Self {
        self.raw("<td class=\"num\">").text(text).raw("</td>")
    }

    fn thead(&mut self, headers: &[&str]) -> &mut Self {
        self.raw("<thead><tr>");
        for h in headers {
            let num = h.starts_with('#');
            let h = h.trim_start_matches('#');
            if num {
                self.raw("<th class=\"num\">");
            } else {
                self.raw("<th>");
            }
            self.text(h).raw("</th>");
        }
        self.raw("</tr></thead>")
    }
}

/// Rows per block of a long table: each block is its own `<table>` (same column widths) that
/// the browser lays out only when it comes on screen.
const CHUNK: usize = 250;

/// A table that may be long: column widths fixed by a `<colgroup>`, and over [`CHUNK`] rows it
/// is cut into blocks with `content-visibility: auto`.
struct LongTable {
    class: &'static str,
    cols: String,
    chunked: bool,
    rows: usize,
}

impl LongTable {
    fn open(
        o: &mut Out,
        class: &'static str,
        widths: &[f64],
        headers: &[&str],
        total: usize,
    ) -> Self {
        let mut cols = String::from("<colgroup>");
        for w in widths {
            let _ = write!(cols, "<col style=\"width:{w}%\">");
        }
        cols.push_str("</colgroup>");
        let chunked = total > CHUNK;
        if chunked {
            o.raw("<div class=\"chunk\">");
        }
        let _ = write!(
            o.s,
            "<table class=\"{class}{}\">",
            if chunked { " fixed" } else { "" }
        );
        o.raw(&cols);
        o.thead(headers);
        o.raw("<tbody>");
        LongTable {
            class,
            cols,
            chunked,
            rows: 0,
        }
    }

    /// Call before each row.
    fn row(&mut self, o: &mut Out) {
        if self.chunked && self.rows > 0 && self.rows % CHUNK == 0 {
            let _ = write!(
                o.s,
                "</tbody></table></div>\n<div class=\"chunk\"><table class=\"{} fixed\">{}<tbody>",
                self.class, self.cols
            );
        }
        self.rows += 1;
    }

    fn close(self, o: &mut Out) {
        o.raw("</tbody></table>");
        if self.chunked {
            o.raw("</div>");
        }
        o.raw("\n");
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The whole report as one HTML document.
pub fn render(report: &Report<'_>) -> String {
    let views = report.views;
    let model = views.model;
    let stages = model.stage_count();
    let large = model.value_streams.len() > 40
        || stages > 400
        || model.capabilities.len() > CHUNK
        || model.commitments.len() > CHUNK
        || model.perceptions.len() > CHUNK
        || report.findings.len() > CHUNK;
    let mut o = Out {
        s: String::with_capacity(4096 + stages * 3000 + model.capabilities.len() * 400),
    };
    o.raw(graph::FLOW_DEFS).raw("\n");
    cover(&mut o, report);
    toc(&mut o, report);
    overview(&mut o, report);
    for s in 0..model.value_streams.len() {
        stream_section(&mut o, report, s);
    }
    capabilities_section(&mut o, report);
    commitments_section(&mut o, report);
    perceptions_section(&mut o, report);
    findings_section(&mut o, report);

    o.raw("<footer>Generated by vsm ")
        .text(env!("CARGO_PKG_VERSION"))
        .raw(" from ")
        .text(&plural(
            report.loaded.sources.files.len(),
            "model file",
            "model files",
        ))
        .raw(". This page has no script and loads nothing.</footer>");
    Page {
        generator: Some(env!("CARGO_PKG_VERSION")),
        title: &report.title,
        extra_css: graph::FLOW_CSS,
        large,
        body: &o.s,
    }
    .render_page()
}

fn cover(o: &mut Out, report: &Report<'_>) {
    let model = report.views.model;
    o.raw("<header class=\"cover\">\n<h1>")
        .text(&report.title)
        .raw("</h1>\n");
    if let Some(meta) = &model.meta {
        if let Some(name) = &meta.name {
            if name.value != report.title {
                o.raw("<p class=\"meta\">Model: ")
                    .text(&name.value)
                    .raw("</p>\n");
            }
        }
        if let Some(d) = &meta.description {
            o.raw("<p class=\"lead\">").para(&d.value).raw("</p>\n");
        }
        let mut facts = Vec::new();
        if let Some(owner) = &meta.owner {
            facts.push(format!("Owner: {}", owner.value));
        }
        if let Some(version) = &meta.version {
            facts.push(format!("Version: {}", version.value));
        }
        if !facts.is_empty() {
            o.raw("<p class=\"meta\">")
                .text(&facts.join(" · "))
                .raw("</p>\n");
        }
    }
    o.raw("</header>\n");
}

fn toc(o: &mut Out, report: &Report<'_>) {
    let model = report.views.model;
    o.raw("<nav class=\"toc\" aria-label=\"Contents\"><strong>Contents</strong><ol>")
        .raw("<li><a href=\"#overview\">Overview</a></li>")
        .raw("<li><a href=\"#value-streams\">Value streams</a>");
    if model.value_streams.len() <= 60 {
        o.raw("<ol class=\"streams\">");
        for (s, stream) in model.value_streams.values().enumerate() {
            let _ = write!(o.s, "<li><a href=\"#stream-{s}\">");
            o.text(stream.common.label()).raw("</a></li>");
        }
        o.raw("</ol>");
    } else {
        o.raw(" <span class=\"muted\">(")
            .text(&model.value_streams.len().to_string())
            .raw(")</span>");
    }
    o.raw("</li><li><a href=\"#capabilities\">Capability heat map</a></li>")
        .raw("<li><a href=\"#commitments\">Service commitments</a></li>")
        .raw("<li><a href=\"#perceptions\">Perception points</a></li>")
        .raw("<li><a href=\"#findings\">Findings</a></li></ol></nav>\n");
}

fn card(o: &mut Out, n: usize, label: &str, class: &str) {
    let _ = write!(
        o.s,
        "<div class=\"card {class}\"><span class=\"n\">{n}</span>"
    );
    o.raw("<span class=\"l\">").text(label).raw("</span></div>");
}

fn overview(o: &mut Out, report: &Report<'_>) {
    let c = report.counts();
    let views = report.views;
    o.raw("<section id=\"overview\" class=\"major\">\n<h2>Overview</h2>\n<div class=\"cards\">");
    card(o, c.value_streams, "value streams", "");
    card(o, c.stages, "stages", "");
    card(
        o,
        c.no_value_stages,
        "stages adding no value",
        if c.no_value_stages > 0 { "warn" } else { "ok" },
    );
    card(o, c.value_items, "value items", "");
    card(o, c.capabilities, "capabilities", "");
    card(o, c.processes, "processes", "");
    card(o, c.information, "information items", "");
    card(o, c.business_objects, "business objects", "");
    card(o, c.commitments, "commitments", "");
    card(
        o,
        c.perceptions,
        &format!("perception points ({} focus)", c.focus_perceptions),
        "",
    );
    card(o, c.stakeholders, "stakeholders", "");
    o.raw("</div>\n<h3>Findings by severity</h3>\n<div class=\"cards\">");
    let (errors, warnings, infos) = severity_counts(report.findings);
    card(o, errors, "errors", if errors > 0 { "error" } else { "ok" });
    card(
        o,
        warnings,
        "warnings",
        if warnings > 0 { "warn" } else { "ok" },
    );
    card(o, infos, "infos", if infos > 0 { "info" } else { "ok" });
    o.raw("</div>\n");

    let flagged = report.flagged_stages();
    o.raw("<h3>Flagged stages</h3>\n");
    if flagged.is_empty() {
        o.raw("<p class=\"muted\">No stage is flagged: every stage adds value and has no finding.</p>\n");
    } else {
        o.raw("<p class=\"muted small\">Stages that add no value (no value item: candidates to drop or merge) come first, then stages with other findings.</p>\n");
        let mut t = LongTable::open(
            o,
            "flagged",
            &[32.0, 32.0, 36.0],
            &["Value stream", "Stage", "Why"],
            flagged.len(),
        );
        for f in &flagged {
            t.row(o);
            o.raw(if f.no_value {
                "<tr class=\"novalue\">"
            } else {
                "<tr>"
            });
            let _ = write!(o.s, "<td><a href=\"#stream-{}\">", f.stream);
            o.text(views.stream(f.stream).1.common.label())
                .raw("</a></td>");
            o.td(views.stage(f.stream, f.stage).1.common.label());
            o.raw("<td>");
            if f.no_value {
                o.raw("<span class=\"tag warn\">no value item</span> ");
            }
            for rule in &f.rules {
                if f.no_value && rule.code == crate::catalog::NO_VALUE_ITEM.code {
                    continue;
                }
                o.raw("<span class=\"tag ")
                    .raw(f.worst.map_or("info", |s| s.as_str()))
                    .raw("\" title=\"")
                    .text(rule.code)
                    .raw("\">")
                    .text(rule.name)
                    .raw("</span> ");
            }
            o.raw("</td></tr>");
        }
        t.close(o);
    }
    o.raw("</section>\n<h2 id=\"value-streams\">Value streams</h2>\n");
    if views.model.value_streams.is_empty() {
        o.raw("<p class=\"muted\">The model has no value stream.</p>\n");
    }
}

fn stream_section(o: &mut Out, report: &Report<'_>, s: usize) {
    let views = report.views;
    let (stream_id, stream) = views.stream(s);
    let _ = write!(o.s, "<section class=\"stream\" id=\"stream-{s}\">\n<h2>");
    o.text(stream.common.label())
        .raw("<span class=\"id\">")
        .text(stream_id)
        .raw("</span></h2>\n");
    if let Some(d) = &stream.common.description {
        o.raw("<p class=\"lead\">").para(&d.value).raw("</p>\n");
    }
    o.raw("<dl class=\"facts\"><dt>Triggering stakeholder</dt><dd>");
    match &stream.trigger {
        Some(t) => {
            o.text(&views.entry(Kind::Stakeholder, &t.value).label());
        }
        None => {
            o.raw("<span class=\"muted\">none</span>");
        }
    }
    o.raw("</dd>");
    if let Some(v) = &stream.value_proposition {
        o.raw("<dt>Value proposition</dt><dd>")
            .para(&v.value)
            .raw("</dd>");
    }
    if let Some(v) = &stream.segment {
        o.raw("<dt>Segment</dt><dd>").para(&v.value).raw("</dd>");
    }
    let no_value = stream
        .stages
        .values()
        .filter(|g| g.value_items.is_empty())
        .count();
    o.raw("<dt>Stages</dt><dd>")
        .text(&stream.stages.len().to_string());
    if no_value > 0 {
        o.raw(" <span class=\"tag warn\">")
            .text(&plural(no_value, "adds no value", "add no value"))
            .raw("</span>");
    }
    o.raw("</dd></dl>\n");

    if stream.stages.is_empty() {
        o.raw("<p class=\"muted\">This value stream has no stage.</p>\n</section>\n");
        return;
    }

    o.raw("<h3>Stage flow</h3>\n<div class=\"figure\">")
        .raw(&graph::svg_flow(views, s))
        .raw("</div>\n");
    if no_value > 0 {
        o.raw("<p class=\"figure-note\"><span class=\"dash\"></span>Dashed amber: a stage with no value item, a candidate to drop or merge.</p>\n");
    }

    // The six-element stage template.
    o.raw("<h3>Stages</h3>\n<table class=\"stages\"><colgroup><col class=\"n\"><col class=\"name\"><col class=\"desc\"><col class=\"who\"><col class=\"cond\"><col class=\"cond\"><col></colgroup>");
    o.thead(&[
        "##",
        "Stage",
        "Description",
        "Stakeholders",
        "Entry conditions",
        "Exit conditions",
        "Value items",
    ]);
    o.raw("<tbody>");
    for (g, stage) in stream.stages.values().enumerate() {
        let empty = stage.value_items.is_empty();
        o.raw(if empty {
            "<tr class=\"novalue\">"
        } else {
            "<tr>"
        });
        o.td_num(&(g + 1).to_string());
        o.raw("<td><strong>")
            .text(stage.common.label())
            .raw("</strong></td>");
        o.td(stage
            .common
            .description
            .as_ref()
            .map_or("", |d| d.value.as_str()));
        o.entry_cell(&views.entries(Kind::Stakeholder, &stage.stakeholders));
        let entry: Vec<String> = stage
            .entry_conditions
            .iter()
            .map(|t| t.value.clone())
            .collect();
        let exit: Vec<String> = stage
            .exit_conditions
            .iter()
            .map(|t| t.value.clone())
            .collect();
        o.list_cell(&entry);
        o.list_cell(&exit);
        if empty {
            o.raw("<td><span class=\"tag warn\">no value item</span></td>");
        } else {
            o.raw("<td><ul>");
            for item in &stage.value_items {
                o.raw("<li>").para(&item.name.value);
                if let Some(m) = &item.measure {
                    o.raw(" <span class=\"muted small\">(")
                        .text(&m.value)
                        .raw(")</span>");
                }
                o.raw("</li>");
            }
            o.raw("</ul></td>");
        }
        o.raw("</tr>");
    }
    o.raw("</tbody></table>\n");

    // The mapping table.
    o.raw("<h3>Mapping</h3>\n<table class=\"mapping\">");
    o.thead(&[
        "Stage",
        "Value items",
        "Processes",
        "Capabilities",
        "Information",
        "Business objects",
    ]);
    o.raw("<tbody>");
    for row in Mapping::new(views, &[s]).rows {
        let empty = !row.adds_value;
        o.raw(if empty {
            "<tr class=\"novalue\">"
        } else {
            "<tr>"
        });
        o.td(&format!("{}. {}", row.number, row.stage.name));
        if empty {
            o.raw("<td><span class=\"tag warn\">no value item</span></td>");
        } else {
            let names: Vec<String> = row.value_items.iter().map(|v| v.name.to_string()).collect();
            o.list_cell(&names);
        }
        o.entry_cell(&row.processes);
        o.entry_cell(&row.capabilities);
        o.entry_cell(&row.information);
        o.entry_cell(&row.business_objects);
        o.raw("</tr>");
    }
    o.raw("</tbody></table>\n");

    // Stage × capability matrix.
    let matrix = views.matrix(s);
    o.raw("<h3>Stage × capability</h3>\n");
    if matrix.groups.is_empty() {
        o.raw("<p class=\"muted\">No stage of this stream uses a capability.</p>\n");
    } else {
        o.raw("<p class=\"muted small\">")
            .text(matrix::LEGEND)
            .raw("</p>\n");
        o.raw("<table class=\"matrix\"><thead><tr><th>Capability</th>");
        for (g, stage) in stream.stages.values().enumerate() {
            o.raw("<th class=\"stage c\">")
                .text(&format!("{}. {}", g + 1, stage.common.label()))
                .raw("</th>");
        }
        o.raw("</tr></thead><tbody>");
        let cells = |o: &mut Out, cells: &[Option<super::data::Link>]| {
            for cell in cells {
                match cell {
                    Some(link) => {
                        o.raw("<td class=\"mark\">").raw(link.symbol()).raw("</td>");
                    }
                    None => {
                        o.raw("<td></td>");
                    }
                }
            }
        };
        for group in &matrix.groups {
            let mut first = 0;
            o.raw("<tr class=\"group\"><td>");
            match group.root {
                Some(root) => {
                    o.text(views.capability_name(root)).raw("</td>");
                    match group.rows.first() {
                        Some(row) if row.capability == root => {
                            cells(o, &row.cells);
                            first = 1;
                        }
                        _ => {
                            for _ in 0..stream.stages.len() {
                                o.raw("<td></td>");
                            }
                        }
                    }
                }
                None => {
                    o.raw("<span class=\"muted\">in a parent loop</span></td>");
                    for _ in 0..stream.stages.len() {
                        o.raw("<td></td>");
                    }
                }
            }
            o.raw("</tr>");
            for row in &group.rows[first..] {
                let depth = row.depth.map_or(1, |d| d.saturating_sub(1).max(1));
                let _ = write!(o.s, "<tr><td style=\"padding-left:{}px\">", 8 + 16 * depth);
                o.text(views.capability_name(row.capability)).raw("</td>");
                cells(o, &row.cells);
                o.raw("</tr>");
            }
        }
        o.raw("</tbody></table>\n");
    }
    o.raw("</section>\n");
}

fn capabilities_section(o: &mut Out, report: &Report<'_>) {
    let views = report.views;
    let map = HeatMap::new(views, report.measure);
    o.raw("<section id=\"capabilities\" class=\"major\">\n<h2>Capability heat map</h2>\n<p class=\"lead\">Coloured by ")
        .text(report.measure.title())
        .raw(". Level-1 capabilities are the columns; their children are nested inside. Hatched grey means the capability lacks the data (")
        .text(report.measure.needs())
        .raw(").</p>\n")
        .raw(&map.html(views).to_string())
        .raw("\n<h3>Capability inventory</h3>\n");
    let mut t = LongTable::open(
        o,
        "caps",
        &[24.0, 5.0, 6.5, 6.0, 4.5, 7.5, 4.5, 14.0, 8.5, 6.0, 6.5, 7.0],
        &[
            "Capability",
            "#Level",
            "#Maturity",
            "#Target",
            "#Gap",
            "Importance",
            "#Risk",
            "Owner",
            "Enablement",
            "#Stages",
            "#Value items",
            "#Processes",
        ],
        views.rows.len(),
    );
    let opt = |v: Option<String>| v.unwrap_or_default();
    let label = |e: Option<Entry<'_>>| e.map(|e| e.label()).unwrap_or_default();
    for row in Capabilities::new(views, None).rows {
        t.row(o);
        let depth = row.level.unwrap_or(1);
        if depth == 1 {
            o.raw("<tr class=\"root\">");
        } else {
            o.raw("<tr>");
        }
        let _ = write!(o.s, "<td class=\"i{}\">", depth.saturating_sub(1).min(8));
        o.text(row.name).raw("</td>");
        o.td_num(&row.level_text());
        o.td_num(&opt(row.maturity.map(|v| v.to_string())));
        o.td_num(&opt(row.target_maturity.map(|v| v.to_string())));
        o.td_num(&opt(row.gap.map(|v| v.to_string())));
        o.td(row.importance.unwrap_or_default());
        o.td_num(&opt(row.risk.map(|v| v.to_string())));
        o.td(&label(row.owner));
        o.td(match row.enablement {
            Some("it-supported") => "IT-supported",
            other => other.unwrap_or_default(),
        });
        o.td_num(&row.used_by.stages.to_string());
        o.td_num(&row.used_by.value_items.to_string());
        o.td_num(&row.processes().to_string());
        o.raw("</tr>");
    }
    t.close(o);
    o.raw("</section>\n");
}

fn commitments_section(o: &mut Out, report: &Report<'_>) {
    let views = report.views;
    o.raw("<section id=\"commitments\" class=\"major\">\n<h2>Service commitments</h2>\n");
    let rows = Commitments::new(views, None).rows;
    if rows.is_empty() {
        o.raw("<p class=\"muted\">The model has no commitment.</p>\n</section>\n");
        return;
    }
    o.raw("<p class=\"muted small\">Each level-1 commitment is followed by the parts that decompose it. Budget use: the parts' duration targets (added up, or the longest for parallel parts) against the parent's target.</p>\n");
    let mut t = LongTable::open(
        o,
        "commitments",
        &[26.0, 8.0, 15.0, 21.0, 16.0, 14.0],
        &[
            "Commitment",
            "Target",
            "Owner",
            "Stage",
            "Perception point",
            "Budget use",
        ],
        rows.len(),
    );
    let label = |e: Option<Entry<'_>>| e.map(|e| e.label()).unwrap_or_default();
    for r in &rows {
        t.row(o);
        o.raw(if r.depth == 0 {
            "<tr class=\"root\">"
        } else {
            "<tr>"
        });
        let _ = write!(o.s, "<td class=\"i{}\">", r.depth.min(8));
        if r.depth > 0 {
            o.raw("<span class=\"muted\">└ </span>");
        }
        o.text(r.name);
        if r.repeated {
            o.raw(" <span class=\"tag error\">loop</span>");
        }
        o.raw("</td>");
        o.td_num(r.target.as_deref().unwrap_or_default());
        o.td(&label(r.owner));
        o.td(&r.stage.map(|e| report.stage_ref(e.id)).unwrap_or_default());
        o.td(&label(r.perception));
        match r.budget {
            Some(b) => {
                let percent = b.percent();
                let shown = if percent.is_finite() {
                    percent.clamp(0.0, 100.0)
                } else {
                    100.0
                };
                let _ = write!(
                    o.s,
                    "<td class=\"budget\"><span class=\"pct\"><span class=\"bar{}\"><span style=\"width:{shown:.0}%\"></span></span>",
                    if b.over() { " over" } else { "" }
                );
                if b.over() {
                    o.raw("<span class=\"over-text\">")
                        .text(&percent_text(percent))
                        .raw(" over budget</span>");
                } else {
                    o.text(&percent_text(percent));
                }
                o.raw("</span>");
                o.raw("<br><span class=\"muted small\">")
                    .text(&format!(
                        "{} of {}, {}",
                        b.used.human(),
                        b.limit.human(),
                        match b.composition {
                            crate::model::Composition::Sequential => "sequential",
                            crate::model::Composition::Parallel => "parallel",
                        }
                    ))
                    .raw("</span></td>");
            }
            None => {
                o.raw("<td></td>");
            }
        }
        o.raw("</tr>");
    }
    t.close(o);
    o.raw("</section>\n");
}

fn perceptions_section(o: &mut Out, report: &Report<'_>) {
    let views = report.views;
    let model = views.model;
    o.raw("<section id=\"perceptions\" class=\"major\">\n<h2>Perception points</h2>\n");
    if model.perceptions.is_empty() {
        o.raw("<p class=\"muted\">The model has no perception point.</p>\n</section>\n");
        return;
    }
    o.raw("<p class=\"muted small\">Customer touch points scored for importance, current and expected experience. Focus points are highlighted; the gap is expected − current.</p>\n");
    let mut t = LongTable::open(
        o,
        "perceptions",
        &[24.0, 22.0, 9.0, 8.0, 7.0, 7.0, 5.0, 18.0],
        &[
            "Perception point",
            "Stage",
            "Channel",
            "#Importance",
            "#Current",
            "#Expected",
            "#Gap",
            "Answered by",
        ],
        model.perceptions.len(),
    );
    for (index, p) in model.perceptions.values().enumerate() {
        t.row(o);
        let focus = p.focus.as_ref().is_some_and(|f| f.value);
        o.raw(if focus {
            "<tr class=\"focus\">"
        } else {
            "<tr>"
        });
        o.raw("<td>");
        if focus {
            o.raw("<span class=\"tag focus\">★ focus</span> ");
        }
        o.text(p.common.label()).raw("</td>");
        o.td(&p
            .stage
            .as_ref()
            .map(|x| report.stage_ref(&x.value))
            .unwrap_or_default());
        o.td(p.channel.as_ref().map_or("", |c| c.value.as_str()));
        o.td_num(
            &p.importance
                .as_ref()
                .map(|v| v.value.to_string())
                .unwrap_or_default(),
        );
        o.td_num(
            &p.current
                .as_ref()
                .map(|v| number(v.value))
                .unwrap_or_default(),
        );
        o.td_num(
            &p.expected
                .as_ref()
                .map(|v| number(v.value))
                .unwrap_or_default(),
        );
        o.td_num(
            &p.current
                .as_ref()
                .zip(p.expected.as_ref())
                .map(|(c, e)| number(((e.value - c.value) * 100.0).round() / 100.0))
                .unwrap_or_default(),
        );
        let answered: Vec<String> = views.answered_by[index]
            .iter()
            .map(|&c| model.commitments[c].common.label().to_string())
            .collect();
        if answered.is_empty() && focus {
            o.raw("<td><span class=\"tag warn\">no commitment</span></td>");
        } else {
            o.list_cell(&answered);
        }
        o.raw("</tr>");
    }
    t.close(o);
    o.raw("</section>\n");
}

fn findings_section(o: &mut Out, report: &Report<'_>) {
    o.raw("<section id=\"findings\" class=\"major\">\n<h2>Findings</h2>\n");
    if report.findings.is_empty() {
        o.raw("<p>No findings: the model passes every enabled rule.</p>\n</section>\n");
        return;
    }
    o.raw("<p class=\"muted small\">As <span class=\"code\">vsm check</span> reports them; <span class=\"code\">vsm explain CODE</span> explains each rule.</p>\n");
    let mut t = LongTable::open(
        o,
        "findings",
        &[8.0, 16.0, 52.0, 24.0],
        &["Severity", "Rule", "Finding", "Where"],
        report.findings.len(),
    );
    for f in report.findings_by_severity() {
        t.row(o);
        o.raw("<tr><td><span class=\"tag ")
            .raw(f.severity.as_str())
            .raw("\">")
            .raw(f.severity.as_str())
            .raw("</span></td><td><span class=\"code\">")
            .text(f.rule.code)
            .raw("</span><br><span class=\"small muted\">")
            .text(f.rule.name)
            .raw("</span></td><td>")
            .para(&f.message);
        if let Some(help) = &f.help {
            o.raw("<br><span class=\"small muted\">help: ")
                .text(help)
                .raw("</span>");
        }
        o.raw("</td><td class=\"code\">")
            .text(&report.location(f))
            .raw("</td></tr>");
    }
    t.close(o);
    o.raw("</section>\n");
}

#[cfg(test)]
mod tests {
    use crate::report::heatmap::Measure;
    use crate::report::views::fixture::Fixture;
    use crate::report::Report;

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
