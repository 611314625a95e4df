//! The priority quadrant: capabilities placed by strategic importance and maturity gap.
//!
//! The split: importance **high or critical** is high; a gap of **2 or more** (target −
//! current maturity) is large. That gives four quadrants, read as what to do:
//!
//! | | small gap (≤ 1) | large gap (≥ 2) |
//! | --- | --- | --- |
//! | **high importance** | Maintain | **Act now** |
//! | **low importance** | Monitor | Improve later |
//!
//! Inside each quadrant the SVG keeps the exact place: a column per gap (0, 1, 2, 3 or more)
//! and a row per importance, each cell stacking its capabilities as labelled chips (never
//! overlapping), coloured by risk with the risk written on them. The lists (terminal,
//! Markdown, HTML) rank each quadrant by risk. Capabilities without importance or a gap are
//! not placed, and listed as such.

use super::legend::{self, bar, term_bar, term_chip, Legend};
use super::measure::Measure;
use super::palette::{Palette, TermColor};
use super::truncate;
use crate::i18n::Lang;
use crate::model::Importance;
use crate::report::data::Views;
use crate::report::escape;
use crate::report::svg;
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

/// One of the four quadrants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quadrant {
    /// High importance, large gap.
    ActNow,
    /// High importance, small gap.
    Maintain,
    /// Low importance, large gap.
    ImproveLater,
    /// Low importance, small gap.
    Monitor,
}

impl Quadrant {
    /// In the order the lists show them: what to act on first.
    pub const ALL: [Quadrant; 4] = [
        Quadrant::ActNow,
        Quadrant::Maintain,
        Quadrant::ImproveLater,
        Quadrant::Monitor,
    ];

    /// The gap from which a gap is large.
    pub const LARGE_GAP: i32 = 2;

    /// The quadrant of an importance and a gap.
    pub fn of(importance: Importance, gap: i32) -> Quadrant {
        let high = importance.weight() >= 3;
        let large = gap >= Quadrant::LARGE_GAP;
        match (high, large) {
            (true, true) => Quadrant::ActNow,
            (true, false) => Quadrant::Maintain,
            (false, true) => Quadrant::ImproveLater,
            (false, false) => Quadrant::Monitor,
        }
    }

    /// Its name, in `lang`.
    pub fn name(self, lang: Lang) -> String {
        lang.t(match self {
            Quadrant::ActNow => "heatmap-quadrant-act-now",
            Quadrant::Maintain => "heatmap-quadrant-maintain",
            Quadrant::ImproveLater => "heatmap-quadrant-improve-later",
            Quadrant::Monitor => "heatmap-quadrant-monitor",
        })
    }

    /// What places a capability here, in `lang`.
    pub fn rule(self, lang: Lang) -> String {
        lang.t(match self {
            Quadrant::ActNow => "heatmap-rule-act-now",
            Quadrant::Maintain => "heatmap-rule-maintain",
            Quadrant::ImproveLater => "heatmap-rule-improve-later",
            Quadrant::Monitor => "heatmap-rule-monitor",
        })
    }

    /// `Act now — high importance, large gap (3)`.
    fn heading(self, lang: Lang, count: usize) -> String {
        format!("{} — {} ({count})", self.name(lang), self.rule(lang))
    }

    /// The anchor id of its list in HTML.
    pub fn id(self) -> &'static str {
        match self {
            Quadrant::ActNow => "act-now",
            Quadrant::Maintain => "maintain",
            Quadrant::ImproveLater => "improve-later",
            Quadrant::Monitor => "monitor",
        }
    }
}

/// The legend's words for the split, then what the chart (`chips`) and the lists (`ranked`)
/// add to it, in `lang`.
fn split(lang: Lang, chips: bool, ranked: bool) -> String {
    let mut words = vec![lang.t("heatmap-quadrant-split")];
    if chips {
        words.push(lang.t("heatmap-quadrant-chips"));
    }
    if ranked {
        words.push(lang.t("heatmap-quadrant-ranked"));
    }
    words.join(&lang.t("heatmap-sentence-separator"))
}

/// A capability placed in the quadrant.
#[derive(Clone, Copy, Debug)]
pub struct Placed {
    pub capability: usize,
    pub importance: Importance,
    /// Target − current maturity (may be negative: above target).
    pub gap: i32,
    /// Importance weight × max(gap, 0).
    pub risk: i32,
}

impl Placed {
    /// The gap column: 0 (met or above target), 1, 2, 3 or more.
    pub fn column(&self) -> usize {
        self.gap.clamp(0, 3) as usize
    }

    /// `low`, `medium`, `high` or `critical`.
    pub fn importance_name(&self) -> String {
        Measure::Importance.display(i64::from(self.importance.weight()))
    }

    /// The importance row from the top: critical 0 … low 3.
    pub fn row(&self) -> usize {
        4 - usize::from(self.importance.weight().clamp(1, 4))
    }
}

/// The quadrant of some capabilities.
pub struct QuadrantMap {
    pub palette: Palette,
    /// The language of the map's words.
    pub lang: Lang,
    /// Each quadrant's capabilities, in the order of [`Quadrant::ALL`], by risk (highest
    /// first), then gap, then the capability tree.
    pub quadrants: [Vec<Placed>; 4],
    /// Capabilities without importance or without both maturities, in tree order.
    pub unplaced: Vec<usize>,
}

impl QuadrantMap {
    /// Places the capabilities `keep` allows (all when `None`), in tree order.
    pub fn new(views: &Views<'_>, keep: Option<&[bool]>, palette: Palette) -> Self {
        let mut quadrants: [Vec<Placed>; 4] = Default::default();
        let mut unplaced = Vec::new();
        for row in views.capability_rows() {
            if keep.is_some_and(|k| !k[row.index]) {
                continue;
            }
            match (row.importance, row.gap, row.risk) {
                (Some(importance), Some(gap), Some(risk)) => {
                    let quadrant = Quadrant::of(importance, gap);
                    let at = Quadrant::ALL
                        .iter()
                        .position(|&q| q == quadrant)
                        .unwrap_or(0);
                    quadrants[at].push(Placed {
                        capability: row.index,
                        importance,
                        gap,
                        risk,
                    });
                }
                _ => unplaced.push(row.index),
            }
        }
        for list in &mut quadrants {
            // Stable: equal risk and gap keep the tree order.
            list.sort_by(|a, b| b.risk.cmp(&a.risk).then(b.gap.cmp(&a.gap)));
        }
        QuadrantMap {
            palette,
            lang: views.lang,
            quadrants,
            unplaced,
        }
    }

    /// The quadrant a capability was placed in (`None`: not placed or not kept).
    pub fn quadrant_of(&self, capability: usize) -> Option<Quadrant> {
        Quadrant::ALL
            .into_iter()
            .zip(&self.quadrants)
            .find(|(_, list)| list.iter().any(|p| p.capability == capability))
            .map(|(q, _)| q)
    }

    pub fn title(&self) -> String {
        self.lang.t("heatmap-title-quadrant")
    }

    fn risk_class(risk: i32) -> Option<usize> {
        Some(Measure::Risk.class(i64::from(risk)))
    }

    /// `high, gap 2, risk 6`, in the map's language.
    fn describe(&self, placed: &Placed) -> String {
        self.lang.t_args(
            "heatmap-quadrant-facts",
            &[
                ("importance", placed.importance_name().into()),
                ("gap", placed.gap.into()),
                ("risk", placed.risk.into()),
            ],
        )
    }

    // -----------------------------------------------------------------------------------------
    // Terminal
    // -----------------------------------------------------------------------------------------

    /// A list per quadrant (act now first), each capability with its risk bar, risk, name,
    /// importance and gap; then those not placed.
    pub fn render_term(&self, views: &Views<'_>, width: usize, color: TermColor) -> String {
        let (m, p) = (Measure::Risk, self.palette);
        let mut out = String::new();
        let title = self.title();
        out.push_str(&if color.on() {
            format!("\x1b[1m{title}\x1b[0m")
        } else {
            title
        });
        out.push('\n');
        let lang = self.lang;
        let _ = writeln!(
            out,
            "{}",
            textwrap::fill(&split(lang, false, true), width.max(40))
        );
        out.push_str(&legend::term(lang, m, p, color));
        let risk_w = self
            .quadrants
            .iter()
            .flatten()
            .map(|pl| pl.risk.to_string().width())
            .max()
            .unwrap_or(1);
        for (quadrant, list) in Quadrant::ALL.iter().zip(&self.quadrants) {
            let heading = quadrant.heading(lang, list.len());
            let _ = write!(
                out,
                "\n{}\n",
                if color.on() {
                    format!("\x1b[1m{heading}\x1b[0m")
                } else {
                    heading
                }
            );
            if list.is_empty() {
                let _ = writeln!(out, "  {}", lang.t("view-none-term"));
            }
            for placed in list {
                let class = QuadrantMap::risk_class(placed.risk);
                let risk = format!("{:>risk_w$}", placed.risk);
                let tail = format!("  ({})", self.describe(placed));
                let lead_w = 2 + 4 + 1 + risk_w + 2;
                let name = truncate(
                    views.capability_name(placed.capability),
                    width.saturating_sub(lead_w + tail.width()).max(12),
                );
                if color.on() {
                    let _ = writeln!(
                        out,
                        "  {} {}  {name}{tail}",
                        term_bar(m, p, class, color),
                        term_chip(&risk, m, p, class, color)
                    );
                } else {
                    let _ = writeln!(out, "  {} {risk}  {name}{tail}", bar(class));
                }
            }
        }
        if !self.unplaced.is_empty() {
            let _ = writeln!(
                out,
                "\n{}",
                lang.t_args(
                    "heatmap-not-placed-term",
                    &[("n", self.unplaced.len().into())]
                )
            );
            for &c in &self.unplaced {
                let _ = writeln!(
                    out,
                    "  {}  {}",
                    bar(None),
                    truncate(views.capability_name(c), width.saturating_sub(8))
                );
            }
        }
        out
    }

    // -----------------------------------------------------------------------------------------
    // Markdown
    // -----------------------------------------------------------------------------------------

    /// A table per quadrant (headings at `level`: `###` for a page of its own).
    pub fn render_md(&self, views: &Views<'_>, level: usize) -> String {
        let hashes = "#".repeat(level);
        let mut out = String::new();
        let lang = self.lang;
        let _ = writeln!(
            out,
            "{}\n\n{}\n",
            escape::markdown(&split(lang, false, true)),
            legend::markdown(lang, Measure::Risk, self.palette)
        );
        let headers = [
            "view-col-capability",
            "view-col-importance",
            "view-col-gap",
            "view-col-risk",
            "heatmap-col-heat",
        ]
        .map(|key| escape::markdown(&lang.t(key)));
        for (quadrant, list) in Quadrant::ALL.iter().zip(&self.quadrants) {
            let _ = writeln!(out, "{hashes} {}\n", quadrant.heading(lang, list.len()));
            if list.is_empty() {
                let _ = writeln!(out, "_{}_\n", lang.t("view-none"));
                continue;
            }
            let _ = writeln!(
                out,
                "| {} |\n| --- | --- | ---: | ---: | :---: |",
                headers.join(" | ")
            );
            for placed in list {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    escape::markdown(views.capability_name(placed.capability)),
                    placed.importance_name(),
                    placed.gap,
                    placed.risk,
                    self.palette
                        .emoji(Measure::Risk, QuadrantMap::risk_class(placed.risk))
                );
            }
            out.push('\n');
        }
        if !self.unplaced.is_empty() {
            let names: Vec<String> = self
                .unplaced
                .iter()
                .map(|&c| escape::markdown(views.capability_name(c)))
                .collect();
            let _ = writeln!(
                out,
                "**{}** {}: {}\n",
                lang.t("heatmap-not-placed"),
                lang.t("heatmap-not-placed-why"),
                names.join(&lang.t("heatmap-name-separator"))
            );
        }
        out
    }

    // -----------------------------------------------------------------------------------------
    // SVG and HTML
    // -----------------------------------------------------------------------------------------

    /// The chart as an inline `<svg>` for HTML (no title or legend: the page has them).
    pub fn inline_svg(&self, views: &Views<'_>) -> String {
        let mut body = String::new();
        let (w, h) = self.draw(views, 0.0, 0.0, &mut body);
        let mut out = String::with_capacity(body.len() + 200);
        let _ = write!(
            out,
            r#"<svg class="quadrant fit" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" role="img" aria-label=""#
        );
        escape::html_into(&mut out, &self.lang.t("section-priority-quadrant"));
        out.push_str("\">");
        out.push_str(&body);
        out.push_str("</svg>");
        out
    }

    /// A standalone SVG: title, the split, the risk legend and the chart.
    pub fn render_svg(&self, views: &Views<'_>) -> String {
        const MARGIN: f64 = 16.0;
        let mut body = String::new();
        let title = self.title();
        legend::svg_heading(&mut body, &title, MARGIN, MARGIN + 14.0, 16.0);
        let lines = svg::wrap(&split(self.lang, true, false), 860.0, 12.0, 3);
        svg::text_block(
            &mut body,
            &lines,
            MARGIN,
            MARGIN + 34.0,
            15.0,
            r##"font-size="12" fill="#4b5563""##,
        );
        let y = MARGIN + 34.0 + lines.len() as f64 * 15.0;
        let (legend_w, legend_h) =
            legend::svg(&mut body, self.lang, Measure::Risk, self.palette, MARGIN, y);
        let (w, h) = self.draw(views, MARGIN, y + legend_h + 10.0, &mut body);
        let width = w.max(legend_w) + 2.0 * MARGIN;
        legend::svg_document(width, y + legend_h + 10.0 + h + MARGIN, &title, &body)
    }

    /// Draws the chart with its top left at (`x0`, `y0`); returns its width and height.
    fn draw(&self, views: &Views<'_>, x0: f64, y0: f64, out: &mut String) -> (f64, f64) {
        const AXIS: f64 = 100.0;
        const COL: f64 = 220.0;
        const CHIP_H: f64 = 20.0;
        const CHIP_GAP: f64 = 4.0;
        const PAD: f64 = 6.0;
        const BAND: f64 = 24.0;
        const ROW_MIN: f64 = 34.0;
        const FOOT: f64 = 40.0;
        let lang = self.lang;
        let gaps = [
            lang.t("heatmap-gap-met"),
            "1".to_string(),
            "2".to_string(),
            lang.t("heatmap-class-3-or-more"),
        ];
        const IMPORTANCE: [&str; 4] = ["critical", "high", "medium", "low"];
        let (m, p) = (Measure::Risk, self.palette);
        // The chips of each cell (row = importance from critical, column = gap).
        let mut cells: Vec<Vec<Vec<&Placed>>> = vec![vec![Vec::new(); 4]; 4];
        for placed in self.quadrants.iter().flatten() {
            cells[placed.row()][placed.column()].push(placed);
        }
        let row_h: Vec<f64> = cells
            .iter()
            .map(|row| {
                let most = row.iter().map(Vec::len).max().unwrap_or(0) as f64;
                (most * (CHIP_H + CHIP_GAP) - CHIP_GAP + 2.0 * PAD).max(ROW_MIN)
            })
            .collect();
        let left = x0 + AXIS;
        let width = AXIS + 4.0 * COL;
        // Row tops: a band with the quadrant names above the high rows and above the low rows.
        let mut tops = [0.0; 4];
        let mut y = y0 + BAND;
        for (r, top) in tops.iter_mut().enumerate() {
            if r == 2 {
                y += BAND;
            }
            *top = y;
            y += row_h[r];
        }
        let bottom = y;
        // Quadrant backgrounds and names.
        let halves = [
            (0usize, 2usize, Quadrant::Maintain, Quadrant::ActNow),
            (2, 4, Quadrant::Monitor, Quadrant::ImproveLater),
        ];
        for (first, end, small, large) in halves {
            let band_top = tops[first] - BAND;
            let band_bottom = tops[end - 1] + row_h[end - 1];
            for (quadrant, column) in [(small, 0.0), (large, 2.0)] {
                let qx = left + column * COL;
                let tint = if quadrant == Quadrant::ActNow {
                    "#fdf2f2"
                } else {
                    "#f6f7f9"
                };
                let _ = write!(
                    out,
                    r##"<rect x="{qx:.1}" y="{band_top:.1}" width="{:.1}" height="{:.1}" fill="{tint}" stroke="#9ca3af" stroke-width="1"/><text x="{:.1}" y="{:.1}" font-size="13" font-weight="700" fill="#1f2933">"##,
                    2.0 * COL,
                    band_bottom - band_top,
                    qx + 8.0,
                    band_top + 16.0
                );
                let count = self.quadrants[Quadrant::ALL
                    .iter()
                    .position(|&q| q == quadrant)
                    .unwrap_or(0)]
                .len();
                escape::html_into(out, &quadrant.heading(lang, count));
                out.push_str("</text>");
            }
        }
        // Grid lines between the cells of a quadrant.
        for (r, &top) in tops.iter().enumerate() {
            if r != 0 && r != 2 {
                let _ = write!(
                    out,
                    r##"<path d="M{left:.1},{top:.1}H{:.1}" stroke="#d9dee5" stroke-width="1" stroke-dasharray="3 3"/>"##,
                    left + 4.0 * COL
                );
            }
            let _ = write!(
                out,
                r##"<text x="{:.1}" y="{:.1}" font-size="12" text-anchor="end" fill="#1f2933">{}</text>"##,
                left - 8.0,
                top + row_h[r] / 2.0 + 4.0,
                IMPORTANCE[r]
            );
        }
        for c in [1.0, 3.0] {
            let _ = write!(
                out,
                r##"<path d="M{:.1},{:.1}V{bottom:.1}" stroke="#d9dee5" stroke-width="1" stroke-dasharray="3 3"/>"##,
                left + c * COL,
                y0
            );
        }
        for (c, label) in gaps.iter().enumerate() {
            let _ = write!(
                out,
                r##"<text x="{:.1}" y="{:.1}" font-size="12" text-anchor="middle" fill="#1f2933">"##,
                left + (c as f64 + 0.5) * COL,
                bottom + 16.0
            );
            escape::html_into(out, label);
            out.push_str("</text>");
        }
        let _ = write!(
            out,
            r##"<text x="{:.1}" y="{:.1}" font-size="12" font-weight="600" text-anchor="middle" fill="#4b5563">"##,
            left + 2.0 * COL,
            bottom + 34.0
        );
        escape::html_into(out, &lang.t("heatmap-axis-gap"));
        let _ = write!(
            out,
            r##"</text><text x="{:.1}" y="{:.1}" font-size="12" font-weight="600" fill="#4b5563">"##,
            x0,
            y0 + 14.0
        );
        escape::html_into(out, &lang.t("heatmap-axis-importance"));
        out.push_str("</text>");
        // The chips.
        for (r, row) in cells.iter().enumerate() {
            for (c, chips) in row.iter().enumerate() {
                for (i, placed) in chips.iter().enumerate() {
                    let x = left + c as f64 * COL + PAD;
                    let y = tops[r] + PAD + i as f64 * (CHIP_H + CHIP_GAP);
                    let w = COL - 2.0 * PAD;
                    let class = QuadrantMap::risk_class(placed.risk);
                    let (fill, ink) = (p.fill(m, class), p.ink(m, class));
                    let risk = placed.risk.to_string();
                    let risk_w = svg::text_width(&risk, 11.0);
                    let name = views.capability_name(placed.capability);
                    // The estimate of text widths runs short on some fonts: keep a margin.
                    let shown = svg::wrap(name, w - risk_w - 30.0, 11.5, 1);
                    out.push_str("<g><title>");
                    escape::html_into(out, &format!("{name}: {}", self.describe(placed)));
                    let _ = write!(
                        out,
                        r##"</title><rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{CHIP_H}" rx="4" fill="{fill}" stroke="#ffffff" stroke-width="1"/><text x="{:.1}" y="{:.1}" font-size="11.5" fill="{ink}">"##,
                        x + 6.0,
                        y + 14.0
                    );
                    escape::html_into(out, shown.first().map_or("", String::as_str));
                    let _ = write!(
                        out,
                        r##"</text><text x="{:.1}" y="{:.1}" font-size="11" font-weight="700" text-anchor="end" fill="{ink}">{risk}</text></g>"##,
                        x + w - 6.0,
                        y + 14.0
                    );
                }
            }
        }
        (width, bottom - y0 + FOOT)
    }

    /// The lists as HTML, under the chart on the standalone page and in the report.
    pub fn html(&self, views: &Views<'_>) -> QuadrantHtml {
        let p = self.palette;
        let quadrants = Quadrant::ALL
            .iter()
            .zip(&self.quadrants)
            .map(|(q, list)| HtmlQuadrant {
                id: q.id(),
                name: q.name(self.lang),
                rule: q.rule(self.lang),
                items: list
                    .iter()
                    .map(|placed| {
                        let class = QuadrantMap::risk_class(placed.risk);
                        HtmlItem {
                            name: views.capability_name(placed.capability).to_string(),
                            facts: self.describe(placed),
                            risk: placed.risk,
                            fill: p.fill(Measure::Risk, class),
                            ink: p.ink(Measure::Risk, class),
                        }
                    })
                    .collect(),
            })
            .collect();
        QuadrantHtml {
            split: split(self.lang, true, true),
            legend: Legend::titled(
                self.lang,
                self.lang.t("heatmap-legend-risk"),
                Measure::Risk,
                p,
            ),
            none: self.lang.t("view-none"),
            not_placed: self.lang.t("heatmap-not-placed"),
            not_placed_why: self.lang.t("heatmap-not-placed-why"),
            separator: self.lang.t("heatmap-name-separator"),
            chart: self.inline_svg(views),
            quadrants,
            unplaced: self
                .unplaced
                .iter()
                .map(|&c| views.capability_name(c).to_string())
                .collect(),
        }
    }
}

/// The quadrant as HTML: the split, the legend, the chart and the lists
/// (templates/heatmap-quadrant.html).
#[derive(askama::Template)]
#[template(path = "heatmap-quadrant.html", config = "src/report/askama.toml")]
pub struct QuadrantHtml {
    split: String,
    legend: Legend,
    /// The words of the lists, in the map's language.
    none: String,
    not_placed: String,
    not_placed_why: String,
    separator: String,
    /// The SVG `vsm` drew (names escaped as it drew them).
    chart: String,
    quadrants: Vec<HtmlQuadrant>,
    unplaced: Vec<String>,
}

struct HtmlQuadrant {
    id: &'static str,
    name: String,
    rule: String,
    items: Vec<HtmlItem>,
}

struct HtmlItem {
    name: String,
    /// `high, gap 2, risk 6`
    facts: String,
    risk: i32,
    fill: &'static str,
    ink: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::views::fixture::Fixture;

    /// One capability per quadrant, one on each boundary, and two without the data.
    const MODEL: &str = r#"
capabilities:
  crit: {name: Critical two, level: 1, maturity: 2, target_maturity: 4, importance: critical}
  high1: {name: High one, level: 1, maturity: 3, target_maturity: 4, importance: high}
  med3: {name: Medium three, level: 1, maturity: 1, target_maturity: 4, importance: medium}
  low0: {name: Low above target, level: 1, maturity: 5, target_maturity: 4, importance: low}
  high2: {name: High two, level: 1, maturity: 1, target_maturity: 3, importance: high}
  bare: {name: '<b>Bare', level: 1, maturity: 2, importance: high}
  noimp: {name: No importance, level: 1, maturity: 1, target_maturity: 4}
"#;

    #[test]
    fn each_capability_lands_in_the_quadrant_of_its_importance_and_gap() {
        let fixture = Fixture::new(MODEL);
        let views = fixture.views();
        let map = QuadrantMap::new(&views, None, Palette::Viridis);
        let at = |id: &str| map.quadrant_of(views.model.capabilities.get_index_of(id).unwrap());
        // critical, gap 4 − 2 = 2 (large): act now; risk 4 × 2 = 8.
        assert_eq!(at("crit"), Some(Quadrant::ActNow));
        // high, gap 2 − 1... 3 − 1 = 2: act now too, risk 3 × 2 = 6 (after crit's 8).
        assert_eq!(at("high2"), Some(Quadrant::ActNow));
        // high, gap 1: maintain.
        assert_eq!(at("high1"), Some(Quadrant::Maintain));
        // medium, gap 3: improve later.
        assert_eq!(at("med3"), Some(Quadrant::ImproveLater));
        // low, gap −1 (above target): monitor, drawn in the 0 column.
        assert_eq!(at("low0"), Some(Quadrant::Monitor));
        assert_eq!(map.quadrants[3][0].column(), 0);
        assert_eq!(map.quadrants[3][0].row(), 3);
        // No target, no importance: not placed.
        assert_eq!(at("bare"), None);
        assert_eq!(at("noimp"), None);
        assert_eq!(map.unplaced.len(), 2);
        let act: Vec<i32> = map.quadrants[0].iter().map(|p| p.risk).collect();
        assert_eq!(act, [8, 6]);
    }

    #[test]
    fn the_chart_is_well_formed_and_names_are_text() {
        let fixture = Fixture::new(&MODEL.replace("name: High one", "name: '<script>x</script>'"));
        let views = fixture.views();
        let map = QuadrantMap::new(&views, None, Palette::Rag);
        let svg = map.render_svg(&views);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        assert!(doc.descendants().all(|n| n.tag_name().name() != "script"));
        assert!(svg.contains("&lt;script&gt;x&lt;&#x2F;script&gt;"));
        // Critical two: risk 8 is class 3, red under rag, white text; its risk written.
        assert!(
            svg.contains(r##"fill="#d73027" stroke="#ffffff" stroke-width="1"/><text x=""##),
            "{svg}"
        );
        let html = map.html(&views).to_string();
        assert!(html.contains("Act now"));
        assert!(html.contains("&lt;b&gt;Bare"));
    }

    #[test]
    fn the_lists_rank_by_risk_and_say_what_is_not_placed() {
        let fixture = Fixture::new(MODEL);
        let views = fixture.views();
        let map = QuadrantMap::new(&views, None, Palette::Viridis);
        let term = map.render_term(&views, 100, TermColor::Off);
        assert!(
            term.contains("Act now — high importance, large gap (2)\n  ████ 8  Critical two  (critical, gap 2, risk 8)\n  ███░ 6  High two  (high, gap 2, risk 6)\n"),
            "{term}"
        );
        assert!(term.contains("Not placed — no importance or no gap (2)\n  ╱╱╱╱  <b>Bare\n"));
        let md = map.render_md(&views, 3);
        assert!(md.contains("### Monitor — low importance, small gap (1)\n\n| Capability | Importance | Gap | Risk | Heat |\n| --- | --- | ---: | ---: | :---: |\n| Low above target | low | -1 | 0 | 🟨 |\n"), "{md}");
    }
}
