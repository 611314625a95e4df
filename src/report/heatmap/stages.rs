//! The stage heat map: each stage of a value stream with its maturity gap (or risk) rolled up
//! over the capabilities it uses, directly or through its value items ([`StageHeat`] in
//! `report/data.rs`, computed once). A stage shows the worst and the mean; its colour is the
//! class of the worst, since one weak capability is enough to hold the stage back. The stages
//! are drawn on their flow: columns by distance from the first stage, branches stacked.

use super::legend::{self, bar, term_bar, term_chip, Legend};
use super::measure::Measure;
use super::palette::{Palette, TermColor};
use super::truncate;
use crate::i18n::Lang;
use crate::report::data::{Rollup, StageHeat, Views};
use crate::report::escape;
use crate::report::graph::layers;
use crate::report::svg;
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

/// The stage heat map of some value streams.
pub struct StageMap {
    /// [`Measure::Gap`] or [`Measure::Risk`]: the figures a stage can roll up.
    pub measure: Measure,
    pub palette: Palette,
    pub streams: Vec<usize>,
    /// The language of the map's words (legend, titles, figures).
    pub lang: Lang,
}

/// One stage as every format shows it.
struct Shown {
    /// 1-based place in the stream.
    number: usize,
    rollup: Rollup,
    class: Option<usize>,
    worst: String,
    mean: String,
    /// `2 of 3 capabilities`, `no capability`.
    counted: String,
}

impl StageMap {
    /// The measures a stage rolls up: those where "worst" is the largest value.
    pub const MEASURES: [Measure; 2] = [Measure::Gap, Measure::Risk];

    /// The map of `streams` by `measure` (gap for a measure a stage cannot roll up).
    pub fn new(lang: Lang, streams: &[usize], measure: Measure, palette: Palette) -> Self {
        StageMap {
            measure: if StageMap::MEASURES.contains(&measure) {
                measure
            } else {
                Measure::Gap
            },
            palette,
            streams: streams.to_vec(),
            lang,
        }
    }

    pub fn title(&self) -> String {
        self.lang.t_args(
            "heatmap-title-stages",
            &[("measure", self.measure.title(self.lang).into())],
        )
    }

    /// How a stage's figures are made, under every legend.
    pub fn explanation(&self) -> String {
        self.lang.t_args(
            "heatmap-stages-explanation",
            &[("what", self.measure.name(self.lang).into())],
        )
    }

    fn rollup(&self, heat: &StageHeat) -> Rollup {
        match self.measure {
            Measure::Risk => heat.risk,
            _ => heat.gap,
        }
    }

    fn shown(&self, views: &Views<'_>, stream: usize, stage: usize) -> Shown {
        let rollup = self.rollup(&views.stage_heat[stream][stage]);
        let lang = self.lang;
        let counted = match (rollup.used, rollup.counted) {
            (0, _) => lang.t("heatmap-no-capability"),
            (used, counted) if used == counted => {
                lang.t_args("heatmap-capabilities-counted", &[("n", used.into())])
            }
            (used, counted) => lang.t_args(
                "heatmap-capabilities-counted-of",
                &[("counted", counted.into()), ("n", used.into())],
            ),
        };
        Shown {
            number: stage + 1,
            rollup,
            class: rollup.worst.map(|w| self.measure.class(i64::from(w))),
            worst: rollup
                .worst
                .map_or_else(|| lang.t("heatmap-no-data"), |w| w.to_string()),
            mean: rollup.mean.map(|m| format!("{m:.1}")).unwrap_or_default(),
            counted,
        }
    }

    /// Where the flow goes from a stage when it is not simply the next stage written:
    /// `→ 3, 4` for a branch, `→ 1` for a loop back, `(end)` for a stage that ends the flow early.
    fn flow_note(&self, views: &Views<'_>, stream: usize, stage: usize) -> String {
        let next = &views.resolved.flow[stream][stage];
        let n = views.stream(stream).1.stages.len();
        if next.as_slice() == [stage + 1] || (next.is_empty() && stage + 1 == n) {
            return String::new();
        }
        if next.is_empty() {
            return self.lang.t("heatmap-flow-end");
        }
        let targets: Vec<String> = next.iter().map(|t| (t + 1).to_string()).collect();
        format!("→ {}", targets.join(", "))
    }

    // -----------------------------------------------------------------------------------------
    // Terminal
    // -----------------------------------------------------------------------------------------

    /// Per stream, a line per stage in the order written: bar, worst, mean, number and name,
    /// how many capabilities count, and where the flow branches.
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
        let _ = writeln!(
            out,
            "{}",
            textwrap::fill(&self.explanation(), width.max(40))
        );
        if self.streams.is_empty() {
            let _ = writeln!(out, "\n{}", lang.t("heatmap-no-streams-term"));
        }
        for &s in &self.streams {
            let (id, stream) = views.stream(s);
            let _ = write!(
                out,
                "\n{} ({})\n",
                truncate(stream.common.label(), width.saturating_sub(4)),
                truncate(id, 40)
            );
            let n = stream.stages.len();
            if n == 0 {
                let _ = writeln!(out, "  {}", lang.t("empty-stages"));
                continue;
            }
            let shown: Vec<Shown> = (0..n).map(|g| self.shown(views, s, g)).collect();
            let (worst, mean) = (lang.t("heatmap-worst"), lang.t("heatmap-mean"));
            let worst_w = shown
                .iter()
                .map(|r| r.worst.width())
                .max()
                .unwrap_or(1)
                .max(worst.width());
            let mean_w = shown
                .iter()
                .map(|r| r.mean.width())
                .max()
                .unwrap_or(1)
                .max(mean.width());
            // Right-aligned by display width: a CJK header takes two columns a character.
            let _ = writeln!(
                out,
                "     {}{worst}  {}{mean}  {}",
                " ".repeat(worst_w - worst.width()),
                " ".repeat(mean_w - mean.width()),
                lang.t("heatmap-stage")
            );
            for (g, r) in shown.iter().enumerate() {
                let lead = format!(
                    "{} {:>worst_w$}  {:>mean_w$}  {}. ",
                    bar(r.class),
                    r.worst,
                    r.mean,
                    r.number
                );
                let flow = self.flow_note(views, s, g);
                let tail = format!(
                    "  ({}){}",
                    r.counted,
                    if flow.is_empty() {
                        String::new()
                    } else {
                        format!("  {flow}")
                    }
                );
                let name = truncate(
                    views.stage(s, g).1.common.label(),
                    width.saturating_sub(lead.width() + tail.width()).max(12),
                );
                if color.on() {
                    let worst = format!("{:>worst_w$}", r.worst);
                    let _ = writeln!(
                        out,
                        "{} {}  {:>mean_w$}  {}. {name}{tail}",
                        term_bar(m, p, r.class, color),
                        term_chip(&worst, m, p, r.class, color),
                        r.mean,
                        r.number
                    );
                } else {
                    let _ = writeln!(out, "{lead}{name}{tail}");
                }
            }
        }
        out
    }

    // -----------------------------------------------------------------------------------------
    // Markdown
    // -----------------------------------------------------------------------------------------

    /// The legend once, then per stream a table of its stages.
    pub fn render_md(&self, views: &Views<'_>, headings: bool) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}  \n{}\n",
            legend::markdown(self.lang, self.measure, self.palette),
            escape::markdown(&self.explanation())
        );
        for &s in &self.streams {
            if headings {
                let (id, stream) = views.stream(s);
                let _ = writeln!(
                    out,
                    "### {} (`{}`)\n",
                    escape::markdown_heading(stream.common.label()),
                    id.replace('`', "'")
                );
            }
            out.push_str(&self.md_stream(views, s));
            out.push('\n');
        }
        out
    }

    /// One stream's table: #, stage, worst, mean, capabilities counted, heat, where it flows.
    pub fn md_stream(&self, views: &Views<'_>, s: usize) -> String {
        let n = views.stream(s).1.stages.len();
        if n == 0 {
            return format!("_{}_\n", self.lang.t("empty-stages"));
        }
        let lang = self.lang;
        let what = self.measure.name(lang);
        let headers = [
            lang.t("flow-col-number"),
            lang.t("col-stage"),
            lang.t_args("heatmap-col-worst", &[("what", what.as_str().into())]),
            lang.t_args("heatmap-col-mean", &[("what", what.as_str().into())]),
            lang.t("view-col-capabilities"),
            lang.t("heatmap-col-heat"),
            lang.t("heatmap-col-flow"),
        ]
        .map(|h| escape::markdown(&h));
        let mut out = format!(
            "| {} |\n| ---: | --- | ---: | ---: | --- | :---: | --- |\n",
            headers.join(" | ")
        );
        for g in 0..n {
            let r = self.shown(views, s, g);
            let worst = if r.rollup.worst.is_some() {
                r.worst.clone()
            } else {
                format!("_{}_", escape::markdown(&lang.t("heatmap-no-data")))
            };
            let _ = writeln!(
                out,
                "| {} | {} | {worst} | {} | {} | {} | {} |",
                r.number,
                escape::markdown(views.stage(s, g).1.common.label()),
                r.mean,
                r.counted,
                self.palette.emoji(self.measure, r.class),
                self.flow_note(views, s, g)
            );
        }
        out
    }

    // -----------------------------------------------------------------------------------------
    // SVG (the HTML page and the report draw it too)
    // -----------------------------------------------------------------------------------------

    /// The HTML legend (the report and the standalone page put it over the diagrams).
    pub fn legend(&self) -> Legend {
        Legend::new(self.lang, self.measure, self.palette)
    }

    /// One stream's stages on its flow as an inline `<svg>` (for HTML), or `None` when the
    /// stream has no stage.
    pub fn stream_svg(&self, views: &Views<'_>, s: usize) -> Option<String> {
        let (id, _) = views.stream(s);
        let mut body = String::new();
        let (w, h) = self.draw_stream(views, s, 0.0, 0.0, &mut body)?;
        let mut out = String::with_capacity(body.len() + 200);
        let _ = write!(
            out,
            r#"<svg class="{}" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" role="img" aria-label=""#,
            // As the stage flow: shrunk to the page when not too wide to read.
            if w <= 1600.0 {
                "heat-flow fit"
            } else {
                "heat-flow"
            }
        );
        escape::html_into(
            &mut out,
            &self
                .lang
                .t_args("heatmap-aria-stages", &[("id", id.into())]),
        );
        out.push_str("\">");
        out.push_str(&body);
        out.push_str("</svg>");
        Some(out)
    }

    /// A standalone SVG: title, legend, then each stream's stages on its flow.
    pub fn render_svg(&self, views: &Views<'_>) -> String {
        const MARGIN: f64 = 16.0;
        let title = self.title();
        let mut body = String::new();
        legend::svg_heading(&mut body, &title, MARGIN, MARGIN + 14.0, 16.0);
        let (legend_w, legend_h) = legend::svg(
            &mut body,
            self.lang,
            self.measure,
            self.palette,
            MARGIN,
            MARGIN + 30.0,
        );
        let mut y = MARGIN + 30.0 + legend_h;
        let explanation = self.explanation();
        let lines = svg::wrap(&explanation, 900.0, 12.0, 3);
        svg::text_block(
            &mut body,
            &lines,
            MARGIN,
            y + 4.0,
            15.0,
            r##"font-size="12" fill="#4b5563""##,
        );
        y += lines.len() as f64 * 15.0 + 8.0;
        let mut width = (2.0 * MARGIN + legend_w).max(940.0);
        for &s in &self.streams {
            let (id, stream) = views.stream(s);
            y += 28.0;
            legend::svg_heading(
                &mut body,
                &format!("{} ({id})", stream.common.label()),
                MARGIN,
                y,
                14.0,
            );
            y += 10.0;
            match self.draw_stream(views, s, MARGIN, y, &mut body) {
                Some((w, h)) => {
                    width = width.max(w + 2.0 * MARGIN);
                    y += h;
                }
                None => {
                    let _ = write!(
                        body,
                        r##"<text x="{MARGIN}" y="{:.1}" font-size="12" fill="#4b5563">"##,
                        y + 14.0
                    );
                    escape::html_into(&mut body, &self.lang.t("empty-stages"));
                    body.push_str("</text>");
                    y += 22.0;
                }
            }
        }
        legend::svg_document(width, y + MARGIN, &title, &body)
    }

    /// Draws stream `s` with its top left at (`x0`, `y0`); returns its width and height, or
    /// `None` when it has no stage.
    fn draw_stream(
        &self,
        views: &Views<'_>,
        s: usize,
        x0: f64,
        y0: f64,
        out: &mut String,
    ) -> Option<(f64, f64)> {
        const W: f64 = 172.0;
        const GAP_X: f64 = 40.0;
        const GAP_Y: f64 = 16.0;
        const PAD: f64 = 8.0;
        const FONT: f64 = 12.0;
        const LINE: f64 = 15.0;
        let (m, p) = (self.measure, self.palette);
        let flow = &views.resolved.flow[s];
        let n = views.stream(s).1.stages.len();
        if n == 0 {
            return None;
        }
        let layer = layers(flow);
        let columns = layer.iter().copied().max().map_or(1, |l| l + 1);
        let mut row_in_layer = vec![0usize; n];
        let mut rows_per_layer = vec![0usize; columns];
        for g in 0..n {
            row_in_layer[g] = rows_per_layer[layer[g]];
            rows_per_layer[layer[g]] += 1;
        }
        let rows = rows_per_layer.iter().copied().max().unwrap_or(1).max(1);
        let names: Vec<Vec<String>> = (0..n)
            .map(|g| {
                let label = format!("{}. {}", g + 1, views.stage(s, g).1.common.label());
                // Bold text runs wider than the estimate: keep a margin.
                svg::wrap(&label, W - 2.0 * PAD - 14.0, FONT, 2)
            })
            .collect();
        let name_lines = names.iter().map(Vec::len).max().unwrap_or(1);
        let h = name_lines as f64 * LINE + 2.0 * LINE + 2.0 * PAD;
        let back = flow
            .iter()
            .enumerate()
            .any(|(g, next)| next.iter().any(|&t| t < n && layer[t] < layer[g]));
        let back_room = if back { 30.0 } else { 0.0 };
        let width = columns as f64 * (W + GAP_X) - GAP_X;
        let height = rows as f64 * (h + GAP_Y) - GAP_Y + back_room + 4.0;
        let pos = |g: usize| {
            (
                x0 + layer[g] as f64 * (W + GAP_X),
                y0 + 2.0 + row_in_layer[g] as f64 * (h + GAP_Y),
            )
        };
        // Edges first, under the boxes; the shared attributes once on a group each (a report
        // holds one diagram per stream: 16,000 stages make megabytes of repeated attributes).
        let mut lines = String::new();
        let mut loops = String::new();
        let mut heads = String::new();
        for (g, next) in flow.iter().enumerate() {
            for &t in next.iter().filter(|&&t| t < n) {
                let ((x1, y1), (x2, y2)) = (pos(g), pos(t));
                if layer[t] > layer[g] {
                    let (sx, sy, ex, ey) = (x1 + W, y1 + h / 2.0, x2 - 1.0, y2 + h / 2.0);
                    if (sy - ey).abs() < 0.5 {
                        let _ = write!(lines, r#"<path d="M{sx:.0},{sy:.0}H{:.0}"/>"#, ex - 6.0);
                    } else {
                        let dx = (ex - sx) / 2.0;
                        let _ = write!(
                            lines,
                            r#"<path d="M{sx:.0},{sy:.0}C{:.0},{sy:.0} {:.0},{ey:.0} {:.0},{ey:.0}"/>"#,
                            sx + dx,
                            ex - dx,
                            ex - 6.0
                        );
                    }
                    arrow_head(&mut heads, ex, ey, Direction::Right);
                } else if layer[t] == layer[g] && t != g {
                    let x = x1 + W / 2.0;
                    let (sy, ey, dir) = if row_in_layer[t] > row_in_layer[g] {
                        (y1 + h, y2 - 1.0, Direction::Down)
                    } else {
                        (y1, y2 + h + 1.0, Direction::Up)
                    };
                    let end = if dir == Direction::Down {
                        ey - 6.0
                    } else {
                        ey + 6.0
                    };
                    let _ = write!(lines, r#"<path d="M{x:.0},{sy:.0}V{end:.0}"/>"#);
                    arrow_head(&mut heads, x, ey, dir);
                } else {
                    // Back to an earlier column (or a stage to itself): a dashed loop below.
                    let (sx, sy) = (x1 + W * 0.55, y1 + h);
                    let (ex, ey) = (x2 + W * 0.35, y2 + h + 1.0);
                    let low = sy.max(ey) + back_room - 4.0;
                    let _ = write!(
                        loops,
                        r#"<path d="M{sx:.0},{sy:.0}C{sx:.0},{low:.0} {ex:.0},{low:.0} {ex:.0},{:.0}"/>"#,
                        ey + 6.0
                    );
                    arrow_head(&mut heads, ex, ey, Direction::Up);
                }
            }
        }
        if !lines.is_empty() {
            let _ = write!(
                out,
                r##"<g fill="none" stroke="#4b5563" stroke-width="1.4">{lines}</g>"##
            );
        }
        if !loops.is_empty() {
            let _ = write!(
                out,
                r##"<g fill="none" stroke="#9a3412" stroke-width="1.2" stroke-dasharray="4 3">{loops}</g>"##
            );
        }
        if !heads.is_empty() {
            let _ = write!(out, r##"<g fill="#4b5563">{heads}</g>"##);
        }
        let _ = write!(out, r#"<g font-size="{FONT}" stroke-width="1.2">"#);
        for (g, name) in names.iter().enumerate() {
            let (x, y) = pos(g);
            let r = self.shown(views, s, g);
            let (fill, ink) = (p.fill(m, r.class), p.ink(m, r.class));
            let stroke = if r.class.is_none() {
                r##"stroke="#6b7280" stroke-dasharray="4 3""##
            } else {
                r##"stroke="#374151""##
            };
            let _ = write!(out, r#"<g fill="{ink}"><title>"#);
            let lang = self.lang;
            let mut tip = format!(
                "{}. {}: {}",
                g + 1,
                views.stage(s, g).1.common.label(),
                lang.t_args(
                    "heatmap-tip-worst",
                    &[
                        ("what", m.name(lang).into()),
                        ("worst", r.worst.as_str().into())
                    ]
                )
            );
            if let Some(c) = r.rollup.worst_capability {
                let _ = write!(tip, " ({})", views.capability_name(c));
            }
            if !r.mean.is_empty() {
                let _ = write!(
                    tip,
                    "{}",
                    lang.t_args("heatmap-tip-mean", &[("mean", r.mean.as_str().into())])
                );
            }
            let _ = write!(tip, "{}{}", lang.t("view-list-separator"), r.counted);
            escape::html_into(out, &tip);
            let _ = write!(
                out,
                r##"</title><rect x="{x:.0}" y="{y:.0}" width="{W}" height="{h:.0}" rx="7" fill="{fill}" {stroke}/>"##
            );
            svg::text_block(
                out,
                name,
                x + PAD,
                y + PAD + FONT - 1.0,
                LINE,
                r#"font-weight="600""#,
            );
            let figures = if r.rollup.worst.is_some() {
                lang.t_args(
                    "heatmap-figures",
                    &[
                        ("worst", r.worst.as_str().into()),
                        ("mean", r.mean.as_str().into()),
                    ],
                )
            } else {
                lang.t("heatmap-no-data")
            };
            let fy = y + PAD + FONT - 1.0 + name_lines as f64 * LINE + 2.0;
            let _ = write!(out, r#"<text x="{:.0}" y="{fy:.0}">"#, x + PAD);
            escape::html_into(out, &figures);
            let _ = write!(
                out,
                r#"</text><text x="{:.0}" y="{:.0}" font-size="10.5">"#,
                x + PAD,
                fy + LINE
            );
            escape::html_into(out, &r.counted);
            out.push_str("</text></g>");
        }
        out.push_str("</g>");
        Some((width, height))
    }
}

/// The stage map as HTML: the legend and how the figures are made, then each stream's
/// diagram (with its heading when `headings`; the report has its own).
#[derive(askama::Template)]
#[template(path = "heatmap-stages.html", config = "src/report/askama.toml")]
pub struct StagesHtml {
    legend: Legend,
    explanation: String,
    /// What a stream without stages says, in the map's language.
    empty: String,
    headings: bool,
    streams: Vec<HtmlStream>,
}

struct HtmlStream {
    name: String,
    id: String,
    /// The SVG `vsm` drew; `None` for a stream without stages.
    svg: Option<String>,
}

impl StagesHtml {
    pub fn new(map: &StageMap, views: &Views<'_>, headings: bool) -> Self {
        StagesHtml {
            legend: map.legend(),
            explanation: map.explanation(),
            empty: map.lang.t("empty-stages"),
            headings,
            streams: map
                .streams
                .iter()
                .map(|&s| {
                    let (id, stream) = views.stream(s);
                    HtmlStream {
                        name: stream.common.label().to_string(),
                        id: id.to_string(),
                        svg: map.stream_svg(views, s),
                    }
                })
                .collect(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Right,
    Down,
    Up,
}

/// A filled arrow head with its tip at (`x`, `y`).
fn arrow_head(out: &mut String, x: f64, y: f64, direction: Direction) {
    let d = match direction {
        Direction::Right => format!(
            "M{x:.0},{y:.0}L{:.0},{:.0}L{:.0},{:.0}z",
            x - 8.0,
            y - 4.0,
            x - 8.0,
            y + 4.0
        ),
        Direction::Down => format!(
            "M{x:.0},{y:.0}L{:.0},{:.0}L{:.0},{:.0}z",
            x - 4.0,
            y - 8.0,
            x + 4.0,
            y - 8.0
        ),
        Direction::Up => format!(
            "M{x:.0},{y:.0}L{:.0},{:.0}L{:.0},{:.0}z",
            x - 4.0,
            y + 8.0,
            x + 4.0,
            y + 8.0
        ),
    };
    let _ = write!(out, r#"<path d="{d}"/>"#);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::views::fixture::Fixture;

    /// A branch: Intake flows to Assess and to Fast track, both to Close. Intake uses A
    /// (gap 3 − 1 = 2, high: risk 6) and, through a value item, B (gap 4 − 3 = 1, medium:
    /// risk 2); Assess uses C (maturity 5 over a target of 4: gap −1, counted as 0) and D
    /// (no target: no data); Fast track uses nothing; Close uses B.
    const MODEL: &str = r#"
value_streams:
  claim:
    name: Claim
    stages:
      intake:
        name: Intake
        next: [assess, fast]
        capabilities: [a]
        value_items: [{name: Heard, capabilities: [b, a]}]
      assess: {name: Assess, next: [close], capabilities: [c, d], value_items: [Assessed]}
      fast: {name: Fast track, next: [close], value_items: [Quick]}
      close: {name: Close, capabilities: [b], value_items: [Closed]}
capabilities:
  a: {name: A, level: 1, maturity: 1, target_maturity: 3, importance: high}
  b: {name: B, level: 1, maturity: 3, target_maturity: 4, importance: medium}
  c: {name: C, level: 1, maturity: 5, target_maturity: 4, importance: critical}
  d: {name: D, level: 1, maturity: 2}
"#;

    #[test]
    fn a_stage_rolls_up_the_worst_and_the_mean_of_the_capabilities_it_uses() {
        let fixture = Fixture::new(MODEL);
        let views = fixture.views();
        let heat = &views.stage_heat[0];
        // Intake: A (2) and B (1, through its value item; A counted once): worst 2, mean 1.5.
        assert_eq!(heat[0].gap.worst, Some(2));
        assert_eq!(heat[0].gap.mean, Some(1.5));
        assert_eq!((heat[0].gap.counted, heat[0].gap.used), (2, 2));
        assert_eq!(heat[0].gap.worst_capability, Some(0));
        // Risk: A high 3 × 2 = 6, B medium 2 × 1 = 2: worst 6, mean 4.
        assert_eq!(heat[0].risk.worst, Some(6));
        assert_eq!(heat[0].risk.mean, Some(4.0));
        // Assess: C is above target (−1 counts as 0), D has no target: worst 0, mean 0, 1 of 2.
        assert_eq!(heat[1].gap.worst, Some(0));
        assert_eq!(heat[1].gap.mean, Some(0.0));
        assert_eq!((heat[1].gap.counted, heat[1].gap.used), (1, 2));
        // Fast track uses nothing: no data, not 0.
        assert_eq!(heat[2].gap, Rollup::default());
    }

    #[test]
    fn every_format_writes_worst_mean_and_the_branch() {
        let fixture = Fixture::new(MODEL);
        let views = fixture.views();
        let map = StageMap::new(Lang::En, &[0], Measure::Gap, Palette::Viridis);
        let term = map.render_term(&views, 100, TermColor::Off);
        // "no data" sets the width of the worst column (7); Fast track flows on to the stage
        // after it (4. Close), so it has no flow note; Assess skips Fast track: → 4.
        let expected = "       worst  mean  stage\n\
                        ███░       2   1.5  1. Intake  (2 capabilities)  → 2, 3\n\
                        █░░░       0   0.0  2. Assess  (1 of 2 capabilities)  → 4\n\
                        ╱╱╱╱ no data        3. Fast track  (no capability)\n\
                        ██░░       1   1.0  4. Close  (1 capability)\n";
        assert!(term.ends_with(expected), "{term}");
        let md = map.md_stream(&views, 0);
        assert!(
            md.contains("| 1 | Intake | 2 | 1.5 | 2 capabilities | 🟦 | → 2, 3 |"),
            "{md}"
        );
        assert!(
            md.contains("| 3 | Fast track | _no data_ |  | no capability | ⬜ |  |"),
            "{md}"
        );
        let svg = map.stream_svg(&views, 0).unwrap();
        roxmltree::Document::parse(&svg).unwrap();
        // Intake's box: gap 2 is viridis blue with white text.
        assert!(
            svg.contains(r##"fill="#31688e" stroke="#374151""##),
            "{svg}"
        );
        assert!(svg.contains("worst 2 · mean 1.5"));
        // Risk under rag: Intake's worst risk 6 is class 2, orange.
        let risk = StageMap::new(Lang::En, &[0], Measure::Risk, Palette::Rag);
        assert!(risk
            .md_stream(&views, 0)
            .contains("| 1 | Intake | 6 | 4.0 | 2 capabilities | 🟧 | → 2, 3 |"));
    }

    #[test]
    fn the_count_of_capabilities_is_written_in_words_that_fit_it() {
        let fixture = Fixture::new(
            "value_streams:\n  s:\n    stages:\n      a: {name: A, capabilities: [x]}\ncapabilities:\n  x: {name: X}\n",
        );
        let views = fixture.views();
        let map = StageMap::new(Lang::En, &[0], Measure::Gap, Palette::Viridis);
        assert_eq!(map.shown(&views, 0, 0).counted, "0 of 1 capability");
        let fixture = Fixture::new(MODEL);
        let views = fixture.views();
        assert_eq!(map.shown(&views, 0, 0).counted, "2 capabilities");
        assert_eq!(map.shown(&views, 0, 1).counted, "1 of 2 capabilities");
        assert_eq!(map.shown(&views, 0, 2).counted, "no capability");
        assert_eq!(map.shown(&views, 0, 3).counted, "1 capability");
    }

    #[test]
    fn measures_a_stage_cannot_roll_up_fall_back_to_gap() {
        assert_eq!(
            StageMap::new(Lang::En, &[], Measure::Usage, Palette::Rag).measure,
            Measure::Gap
        );
        assert_eq!(
            StageMap::new(Lang::En, &[], Measure::Risk, Palette::Rag).measure,
            Measure::Risk
        );
    }
}
