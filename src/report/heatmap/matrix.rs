//! The cross-mapping heat map (BIZBOK): each value stream's stage × capability matrix with
//! every cell where a stage uses a capability coloured by that capability's measure, so the
//! stages that lean on weak capabilities stand out. The cells are those of the `matrix` view
//! (● the stage lists the capability, ○ only one of its value items does); each writes its
//! mark and the value.

use super::legend::{self, term_chip, Legend};
use super::measure::Measure;
use super::palette::{Palette, TermColor};
use super::truncate;
use crate::i18n::Lang;
use crate::report::data::{Link, Views};
use crate::report::escape;
use crate::report::svg;
use crate::report::views::matrix::{self, Row, Stream};
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

/// The legend of the marks, under every cross-mapping heat map, in `lang`.
fn marks(lang: Lang) -> String {
    lang.t_args("heatmap-cells", &[("marks", matrix::legend(lang).into())])
}

/// The cross-mapping heat map of some value streams.
pub struct CrossMap<'m> {
    pub measure: Measure,
    pub palette: Palette,
    pub streams: Vec<Stream<'m>>,
    /// The language of the map's words (legend, titles, "no data").
    pub lang: Lang,
}

/// One line of a stream's map: a level-1 heading (its own cells when the stream uses the
/// level-1 capability itself) or a capability below it.
struct Line<'r, 'm> {
    /// The capability's name; `None` for the heading of capabilities in a `parent` loop.
    name: Option<&'m str>,
    capability: Option<usize>,
    heading: bool,
    /// Levels below the heading (0 for headings).
    indent: u32,
    row: Option<&'r Row<'m>>,
}

/// The lines of a stream's map in tree order.
fn lines<'r, 'm>(stream: &'r Stream<'m>, views: &Views<'m>) -> Vec<Line<'r, 'm>> {
    let mut out = Vec::with_capacity(stream.capabilities.len() + 4);
    for group in stream.groups() {
        let root = group
            .root
            .and_then(|r| views.model.capabilities.get_index_of(r.id));
        out.push(Line {
            name: group.root.map(|r| r.name),
            capability: root,
            heading: true,
            indent: 0,
            row: group.root_row,
        });
        for row in group.rows {
            out.push(Line {
                name: Some(row.name),
                capability: Some(row.capability),
                heading: false,
                indent: row
                    .level
                    .map_or(1, |d| d.saturating_sub(1).max(1))
                    .min(crate::report::views::capabilities::MAX_INDENT),
                row: Some(row),
            });
        }
    }
    out
}

impl<'m> CrossMap<'m> {
    pub fn new(views: &Views<'m>, streams: &[usize], measure: Measure, palette: Palette) -> Self {
        CrossMap {
            measure,
            palette,
            streams: streams.iter().map(|&s| Stream::new(views, s)).collect(),
            lang: views.lang,
        }
    }

    /// The measure's value of a capability and its class (`None`: no data).
    fn value(&self, views: &Views<'_>, capability: usize) -> (Option<i64>, Option<usize>) {
        let value = self.measure.value(&views.rows[capability]);
        (value, value.map(|v| self.measure.class(v)))
    }

    /// What a used cell says: the mark and the value.
    fn cell_text(&self, link: Link, value: Option<i64>) -> String {
        let value = value.map_or_else(
            || self.lang.t("heatmap-no-data"),
            |v| self.measure.display(v),
        );
        format!("{} {value}", link.symbol())
    }

    /// The heading of a map.
    pub fn title(&self) -> String {
        self.lang.t_args(
            "heatmap-title-cross-map",
            &[("measure", self.measure.title(self.lang).into())],
        )
    }

    /// What stands for a capability in a `parent` loop.
    fn in_loop(&self) -> String {
        self.lang.t("view-in-parent-loop")
    }

    // -----------------------------------------------------------------------------------------
    // Terminal
    // -----------------------------------------------------------------------------------------

    /// Per stream: the stages by number, then a grid of capabilities × stage numbers; when
    /// the grid does not fit `width`, a line per capability listing the stages that use it.
    pub fn render_term(&self, views: &Views<'_>, width: usize, color: TermColor) -> String {
        let (m, p) = (self.measure, self.palette);
        let mut out = String::new();
        let title = self.title();
        out.push_str(&if color.on() {
            format!("\x1b[1m{title}\x1b[0m")
        } else {
            title
        });
        out.push('\n');
        let lang = self.lang;
        out.push_str(&legend::term(lang, m, p, color));
        let _ = writeln!(out, "{}", marks(lang));
        if self.streams.is_empty() {
            let _ = writeln!(out, "\n{}", lang.t("heatmap-no-streams-term"));
        }
        let in_loop = self.in_loop();
        for stream in &self.streams {
            let _ = write!(
                out,
                "\n{} ({})\n",
                truncate(stream.stream.name, width.saturating_sub(4)),
                truncate(stream.stream.id, 40)
            );
            if stream.capabilities.is_empty() {
                let _ = writeln!(out, "  {}", lang.t("empty-stage-capabilities"));
                continue;
            }
            let stages: Vec<String> = stream
                .stages
                .iter()
                .enumerate()
                .map(|(g, s)| format!("{} {}", g + 1, truncate(s.name, 30)))
                .collect();
            // The stages by number, wrapped between stages (never inside a name).
            let mut line = lang.t("heatmap-stages-label");
            for (i, stage) in stages.iter().enumerate() {
                let sep = if i == 0 { " " } else { " · " };
                if line.width() + sep.width() + stage.width() > width && i > 0 {
                    let _ = writeln!(out, "{line}");
                    line = format!("  {stage}");
                } else {
                    line.push_str(sep);
                    line.push_str(stage);
                }
            }
            let _ = writeln!(out, "{line}");
            let lines = lines(stream, views);
            // Every used cell's text, to size the columns.
            let cell = |line: &Line<'_, '_>, g: usize| -> Option<(String, Option<usize>)> {
                let link = line.row?.cells[g]?;
                let (value, class) = self.value(views, line.capability?);
                Some((self.cell_text(link, value), class))
            };
            let n = stream.stages.len();
            let cell_width = lines
                .iter()
                .flat_map(|l| (0..n).filter_map(move |g| cell(l, g)))
                .map(|(t, _)| t.width())
                .chain(std::iter::once(n.to_string().width()))
                .max()
                .unwrap_or(1);
            let name_width = width.saturating_sub(n * (cell_width + 2));
            if name_width < 16 {
                // Too many stages for the width: each capability with the stages using it.
                for line in &lines {
                    let name = line.name.unwrap_or(&in_loop);
                    let used: Vec<String> = (0..n)
                        .filter_map(|g| {
                            cell(line, g).map(|(t, class)| {
                                format!("{} {}", g + 1, term_chip(&t, m, p, class, color))
                            })
                        })
                        .collect();
                    let _ = writeln!(
                        out,
                        "{}{}{}{}",
                        "  ".repeat(line.indent as usize),
                        truncate(name, width.saturating_sub(2 * line.indent as usize + 2)),
                        if used.is_empty() { "" } else { ": " },
                        used.join(", ")
                    );
                }
                continue;
            }
            let name_width = name_width.min(48);
            // Padded by display width: a CJK header takes two columns a character.
            let header = truncate(&lang.t("view-col-capability"), name_width);
            let _ = write!(
                out,
                "{header}{}",
                " ".repeat(name_width.saturating_sub(header.width()))
            );
            for g in 0..n {
                let _ = write!(out, "  {:^cell_width$}", g + 1);
            }
            let end = out.trim_end_matches(' ').len();
            out.truncate(end);
            out.push('\n');
            for line in &lines {
                let indent = "  ".repeat(line.indent as usize);
                let name = truncate(
                    line.name.unwrap_or(&in_loop),
                    name_width.saturating_sub(indent.width()),
                );
                let pad = name_width.saturating_sub(indent.width() + name.width());
                if line.heading && color.on() {
                    let _ = write!(out, "{indent}\x1b[1m{name}\x1b[0m{}", " ".repeat(pad));
                } else {
                    let _ = write!(out, "{indent}{name}{}", " ".repeat(pad));
                }
                for g in 0..n {
                    out.push_str("  ");
                    match cell(line, g) {
                        Some((text, class)) => {
                            let padded = format!("{text:cell_width$}");
                            out.push_str(&term_chip(&padded, m, p, class, color));
                        }
                        None => out.push_str(&" ".repeat(cell_width)),
                    }
                }
                let end = out.trim_end_matches(' ').len();
                out.truncate(end);
                out.push('\n');
            }
        }
        out
    }

    // -----------------------------------------------------------------------------------------
    // Markdown
    // -----------------------------------------------------------------------------------------

    /// The legend once, then per stream a table: capability, then a column per stage.
    pub fn render_md(&self, views: &Views<'_>, headings: bool) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}  \n{}\n",
            legend::markdown(self.lang, self.measure, self.palette),
            escape::markdown(&marks(self.lang))
        );
        for stream in &self.streams {
            if headings {
                let _ = writeln!(
                    out,
                    "### {} (`{}`)\n",
                    escape::markdown_heading(stream.stream.name),
                    stream.stream.id.replace('`', "'")
                );
            }
            out.push_str(&self.md_stream(views, stream));
            out.push('\n');
        }
        out
    }

    /// One stream's table (or a line saying no stage uses a capability).
    pub fn md_stream(&self, views: &Views<'_>, stream: &Stream<'_>) -> String {
        if stream.capabilities.is_empty() {
            return format!("_{}_\n", self.lang.t("empty-stage-capabilities"));
        }
        let mut out = format!(
            "| {} |",
            escape::markdown(&self.lang.t("view-col-capability"))
        );
        for header in stream.stage_headers() {
            let _ = write!(out, " {} |", escape::markdown(&header));
        }
        out.push_str("\n| --- |");
        out.push_str(&" :---: |".repeat(stream.stages.len()));
        out.push('\n');
        for line in lines(stream, views) {
            let name = match line.name {
                Some(name) if line.heading => format!("**{}**", escape::markdown(name)),
                Some(name) => format!(
                    "{}{}",
                    "&emsp;".repeat(line.indent as usize),
                    escape::markdown(name)
                ),
                None => format!("_{}_", escape::markdown(&self.in_loop())),
            };
            let _ = write!(out, "| {name} |");
            for g in 0..stream.stages.len() {
                let link = line.row.and_then(|r| r.cells[g]);
                match (link, line.capability) {
                    (Some(link), Some(c)) => {
                        let (value, class) = self.value(views, c);
                        let _ = write!(
                            out,
                            " {} {} |",
                            self.palette.emoji(self.measure, class),
                            escape::markdown(&self.cell_text(link, value))
                        );
                    }
                    _ => out.push_str("  |"),
                }
            }
            out.push('\n');
        }
        out
    }

    // -----------------------------------------------------------------------------------------
    // HTML
    // -----------------------------------------------------------------------------------------

    /// The map as HTML tables (a legend, then one table per stream; stream headings when
    /// `headings`, as the standalone page has them and the report, which has its own, not).
    pub fn html(&self, views: &Views<'_>, headings: bool) -> CrossHtml {
        let streams = self
            .streams
            .iter()
            .map(|stream| {
                let rows = lines(stream, views)
                    .into_iter()
                    .map(|line| {
                        let (value, class) = line
                            .capability
                            .map_or((None, None), |c| self.value(views, c));
                        let cells = (0..stream.stages.len())
                            .map(|g| {
                                let link = line.row.and_then(|r| r.cells[g])?;
                                Some(HtmlCell {
                                    text: self.cell_text(link, value),
                                    fill: self.palette.fill(self.measure, class),
                                    ink: self.palette.ink(self.measure, class),
                                    no_data: class.is_none(),
                                })
                            })
                            .collect();
                        HtmlRow {
                            name: line.name.map_or_else(|| self.in_loop(), str::to_string),
                            heading: line.heading,
                            padding: 8 + 16 * line.indent,
                            cells,
                        }
                    })
                    .collect();
                HtmlStream {
                    name: stream.stream.name.to_string(),
                    id: stream.stream.id.to_string(),
                    stages: stream.stage_headers().collect(),
                    rows,
                }
            })
            .collect();
        CrossHtml {
            legend: Legend::new(self.lang, self.measure, self.palette),
            marks: marks(self.lang),
            capability: self.lang.t("view-col-capability"),
            empty: self.lang.t("empty-stage-capabilities"),
            headings,
            streams,
        }
    }

    // -----------------------------------------------------------------------------------------
    // SVG
    // -----------------------------------------------------------------------------------------

    /// A standalone SVG: title and legend, then per stream a grid of capabilities × stages.
    pub fn render_svg(&self, views: &Views<'_>) -> String {
        const MARGIN: f64 = 16.0;
        const NAME_W: f64 = 280.0;
        const CELL_W: f64 = 104.0;
        const ROW_H: f64 = 24.0;
        const LINE: f64 = 14.0;
        let (m, p) = (self.measure, self.palette);
        let title = self.title();
        let mut body = String::new();
        legend::svg_heading(&mut body, &title, MARGIN, MARGIN + 14.0, 16.0);
        let lang = self.lang;
        let in_loop = self.in_loop();
        let (legend_w, legend_h) = legend::svg(&mut body, lang, m, p, MARGIN, MARGIN + 30.0);
        let mut y = MARGIN + 30.0 + legend_h;
        let _ = write!(
            body,
            r##"<text x="{MARGIN}" y="{:.1}" font-size="12" fill="#4b5563">"##,
            y + 4.0
        );
        escape::html_into(&mut body, &marks(lang));
        body.push_str("</text>");
        y += 22.0;
        let mut width = 2.0 * MARGIN + legend_w;
        for stream in &self.streams {
            let n = stream.stages.len();
            y += 18.0;
            legend::svg_heading(
                &mut body,
                &format!("{} ({})", stream.stream.name, stream.stream.id),
                MARGIN,
                y,
                14.0,
            );
            y += 10.0;
            if stream.capabilities.is_empty() {
                let _ = write!(
                    body,
                    r##"<text x="{MARGIN}" y="{:.1}" font-size="12" fill="#4b5563">"##,
                    y + 14.0
                );
                escape::html_into(&mut body, &lang.t("empty-stage-capabilities"));
                body.push_str("</text>");
                y += 24.0;
                continue;
            }
            // Stage headers, wrapped to three lines over their column.
            let headers: Vec<Vec<String>> = stream
                .stage_headers()
                .map(|h| svg::wrap(&h, CELL_W - 8.0, 11.0, 3))
                .collect();
            let header_h = headers.iter().map(Vec::len).max().unwrap_or(1) as f64 * LINE + 8.0;
            for (g, lines) in headers.iter().enumerate() {
                let x = MARGIN + NAME_W + g as f64 * CELL_W + CELL_W / 2.0;
                body.push_str("<g><title>");
                escape::html_into(&mut body, &format!("{}. {}", g + 1, stream.stages[g].name));
                body.push_str("</title>");
                svg::text_block(
                    &mut body,
                    lines,
                    x,
                    y + 12.0,
                    LINE,
                    r##"font-size="11" fill="#1f2933" text-anchor="middle" font-weight="600""##,
                );
                body.push_str("</g>");
            }
            y += header_h;
            width = width.max(2.0 * MARGIN + NAME_W + n as f64 * CELL_W);
            for line in lines(stream, views) {
                let name = line.name.unwrap_or(&in_loop);
                let indent = 14.0 * f64::from(line.indent);
                let shown = svg::wrap(name, NAME_W - 12.0 - indent, 12.0, 1);
                if line.heading {
                    let _ = write!(
                        body,
                        r##"<rect x="{MARGIN}" y="{y:.1}" width="{:.1}" height="{ROW_H}" fill="#f3f5f8"/>"##,
                        NAME_W + n as f64 * CELL_W
                    );
                }
                body.push_str("<g><title>");
                escape::html_into(&mut body, name);
                let _ = write!(
                    body,
                    r##"</title><text x="{:.1}" y="{:.1}" font-size="12" fill="#1f2933"{}>"##,
                    MARGIN + 6.0 + indent,
                    y + 16.0,
                    if line.heading {
                        r#" font-weight="600""#
                    } else {
                        ""
                    }
                );
                escape::html_into(&mut body, shown.first().map_or("", String::as_str));
                body.push_str("</text></g>");
                for g in 0..n {
                    let (Some(link), Some(c)) =
                        (line.row.and_then(|r| r.cells[g]), line.capability)
                    else {
                        continue;
                    };
                    let (value, class) = self.value(views, c);
                    let x = MARGIN + NAME_W + g as f64 * CELL_W;
                    let dash = if class.is_none() {
                        r##" stroke="#6b7280" stroke-dasharray="3 2""##
                    } else {
                        r##" stroke="#ffffff""##
                    };
                    body.push_str("<g><title>");
                    escape::html_into(
                        &mut body,
                        &format!(
                            "{name} × {}. {}: {} {}",
                            g + 1,
                            stream.stages[g].name,
                            m.name(lang),
                            value.map_or_else(|| lang.t("heatmap-no-data"), |v| m.display(v))
                        ),
                    );
                    let _ = write!(
                        body,
                        r##"</title><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="3" fill="{}"{dash}/><text x="{:.1}" y="{:.1}" font-size="12" text-anchor="middle" fill="{}" font-weight="600">"##,
                        x + 2.0,
                        y + 2.0,
                        CELL_W - 4.0,
                        ROW_H - 4.0,
                        p.fill(m, class),
                        x + CELL_W / 2.0,
                        y + 16.0,
                        p.ink(m, class)
                    );
                    escape::html_into(&mut body, &self.cell_text(link, value));
                    body.push_str("</text></g>");
                }
                y += ROW_H;
            }
        }
        legend::svg_document(width, y + MARGIN, &title, &body)
    }
}

/// The cross-mapping heat map as HTML (templates/heatmap-matrix.html).
#[derive(askama::Template)]
#[template(path = "heatmap-matrix.html", config = "src/report/askama.toml")]
pub struct CrossHtml {
    legend: Legend,
    /// `Cells: ● … · ○ …`, in the map's language.
    marks: String,
    /// The first column's header and what a stream without used capabilities says.
    capability: String,
    empty: String,
    headings: bool,
    streams: Vec<HtmlStream>,
}

struct HtmlStream {
    name: String,
    id: String,
    /// `1. Connect`, …
    stages: Vec<String>,
    rows: Vec<HtmlRow>,
}

struct HtmlRow {
    name: String,
    heading: bool,
    /// Left padding in pixels: deeper capabilities further right.
    padding: u32,
    /// One per stage; `None` where the stage does not use the capability.
    cells: Vec<Option<HtmlCell>>,
}

struct HtmlCell {
    /// `● 2`
    text: String,
    fill: &'static str,
    ink: &'static str,
    no_data: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::views::fixture::Fixture;

    /// A stream of three stages: Take uses Sales (gap 2) itself and Intake (gap 1) through a
    /// value item; Check uses Audit (no target: no data); Ship uses nothing.
    const MODEL: &str = r#"
value_streams:
  order:
    name: Order
    stages:
      take:
        name: Take
        capabilities: [sales]
        value_items: [{name: Taken, capabilities: [intake]}]
      check: {name: Check, capabilities: [audit], value_items: [Checked]}
      ship: {name: Ship, value_items: [Shipped]}
capabilities:
  sales: {name: Sales, level: 1, maturity: 2, target_maturity: 4, importance: high}
  intake: {name: Intake, parent: sales, maturity: 3, target_maturity: 4, importance: critical}
  audit: {name: '<b>Audit', parent: sales, maturity: 2}
"#;

    #[test]
    fn cells_are_coloured_by_the_capability_measure_and_write_mark_and_value() {
        let fixture = Fixture::new(MODEL);
        let views = fixture.views();
        let map = CrossMap::new(&views, &[0], Measure::Gap, Palette::Viridis);
        let md = map.md_stream(&views, &map.streams[0]);
        // Sales: gap 4 − 2 = 2 (class 2, 🟦), listed by Take (●).
        assert!(md.contains("| **Sales** | 🟦 ● 2 |  |  |"), "{md}");
        // Intake: gap 4 − 3 = 1 (class 1, 🟩), through Take's value item (○).
        assert!(md.contains("| &emsp;Intake | 🟩 ○ 1 |  |  |"), "{md}");
        // Audit has no target: no data, never 0.
        assert!(
            md.contains("| &emsp;&lt;b&gt;Audit |  | ⬜ ● no data |  |"),
            "{md}"
        );
        // Risk: Intake is critical (4) × gap 1 = 4, class 2; Sales high (3) × 2 = 6, class 2.
        let risk = CrossMap::new(&views, &[0], Measure::Risk, Palette::Rag);
        let md = risk.md_stream(&views, &risk.streams[0]);
        assert!(md.contains("| **Sales** | 🟧 ● 6 |"), "{md}");
        assert!(md.contains("| &emsp;Intake | 🟧 ○ 4 |"), "{md}");
    }

    #[test]
    fn the_html_cells_carry_fill_and_ink_and_names_are_escaped() {
        let fixture = Fixture::new(MODEL);
        let views = fixture.views();
        let html = CrossMap::new(&views, &[0], Measure::Gap, Palette::Viridis)
            .html(&views, true)
            .to_string();
        assert!(
            html.contains(r#"<td class="hc" style="background:#31688e;color:#ffffff">● 2</td>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<td class="hc nodata">● no data</td>"#),
            "{html}"
        );
        assert!(html.contains("&lt;b&gt;Audit"));
        assert!(!html.contains("<b>"));
    }

    #[test]
    fn the_terminal_grid_and_its_narrow_fallback() {
        let fixture = Fixture::new(MODEL);
        let views = fixture.views();
        let map = CrossMap::new(&views, &[0], Measure::Gap, Palette::Viridis);
        let wide = map.render_term(&views, 100, TermColor::Off);
        assert!(wide.contains("Stages: 1 Take · 2 Check · 3 Ship"), "{wide}");
        let sales = wide.lines().find(|l| l.starts_with("Sales")).unwrap();
        assert!(sales.ends_with("● 2"), "{sales:?}");
        let audit = wide.lines().find(|l| l.contains("<b>Audit")).unwrap();
        assert!(audit.ends_with("● no data"), "{audit:?}");
        let narrow = map.render_term(&views, 40, TermColor::Off);
        assert!(narrow.contains("\n  Intake: 1 ○ 1\n"), "{narrow}");
        let coloured = map.render_term(&views, 100, TermColor::TrueColor);
        // Gap 2 on viridis blue (49, 104, 142), white text.
        assert!(coloured.contains("\x1b[48;2;49;104;142;38;2;255;255;255m● 2"));
    }
}
