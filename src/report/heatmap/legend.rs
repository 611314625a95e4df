//! What every heat map shares: its legend in each format (the classes, "no data" and the
//! measure's formula), the terminal's bars and chips, and the frame of a standalone SVG.

use super::measure::Measure;
use super::palette::{paint, Palette, TermColor};
use crate::i18n::Lang;
use crate::report::escape;
use crate::report::svg;
use std::fmt::Write;

/// The bar of the terminal maps: one block more per class, so the class shows without colour.
pub fn bar(class: Option<usize>) -> &'static str {
    match class {
        None => "╱╱╱╱",
        Some(0) => "█░░░",
        Some(1) => "██░░",
        Some(2) => "███░",
        Some(_) => "████",
    }
}

/// The bar in the class's colour (as it is without colour).
pub fn term_bar(
    measure: Measure,
    palette: Palette,
    class: Option<usize>,
    depth: TermColor,
) -> String {
    paint(bar(class), &palette.sgr_fg(measure, class, depth), depth)
}

/// A value on its class's colour, in the text colour that reads on it; dim without data.
pub fn term_chip(
    text: &str,
    measure: Measure,
    palette: Palette,
    class: Option<usize>,
    depth: TermColor,
) -> String {
    match class {
        None => paint(text, "2", depth),
        Some(_) => paint(text, &palette.sgr_chip(measure, class, depth), depth),
    }
}

/// The terminal legend: one line of bars and what they hold, one line with the formula.
pub fn term(lang: Lang, measure: Measure, palette: Palette, depth: TermColor) -> String {
    let mut out = lang.t("heatmap-legend");
    for (class, label) in measure.classes(lang).iter().enumerate() {
        let _ = write!(
            out,
            "  {} {label}",
            term_bar(measure, palette, Some(class), depth)
        );
    }
    let _ = writeln!(
        out,
        "  {} {}",
        term_bar(measure, palette, None, depth),
        lang.t("heatmap-no-data")
    );
    let _ = writeln!(
        out,
        "{}",
        lang.t_args(
            "heatmap-formula",
            &[("formula", measure.formula(lang).into())]
        )
    );
    out
}

/// The Markdown legend: the squares and what they hold, then the formula, as one paragraph.
pub fn markdown(lang: Lang, measure: Measure, palette: Palette) -> String {
    let mut parts: Vec<String> = measure
        .classes(lang)
        .iter()
        .enumerate()
        .map(|(c, label)| {
            format!(
                "{} {}",
                palette.emoji(measure, Some(c)),
                escape::markdown(label)
            )
        })
        .collect();
    parts.push(format!(
        "{} {}",
        palette.emoji(measure, None),
        escape::markdown(&lang.t("heatmap-no-data"))
    ));
    format!(
        "{}  \n{}",
        lang.t_args("heatmap-legend-md", &[("keys", parts.join(" · ").into())]),
        lang.t_args(
            "heatmap-formula",
            &[("formula", escape::markdown(&measure.formula(lang)).into())]
        )
    )
}

/// The HTML legend: the measure's name, a swatch per class, no data and the formula.
#[derive(askama::Template)]
#[template(path = "heatmap-legend.html", config = "src/report/askama.toml")]
pub struct Legend {
    /// The measure's name (or what the colour shows, when it is not one measure).
    pub title: String,
    /// Each class's colour and what it holds.
    pub keys: Vec<(&'static str, String)>,
    /// "no data", in the language.
    pub no_data: String,
    pub formula: String,
}

impl Legend {
    pub fn new(lang: Lang, measure: Measure, palette: Palette) -> Self {
        Legend::titled(lang, lang.t(legend_title(measure)), measure, palette)
    }

    /// A legend with its own title (the quadrant's chips show risk).
    pub fn titled(lang: Lang, title: String, measure: Measure, palette: Palette) -> Self {
        Legend {
            title,
            keys: measure
                .classes(lang)
                .into_iter()
                .enumerate()
                .map(|(c, label)| (palette.fill(measure, Some(c)), label))
                .collect(),
            no_data: lang.t("heatmap-no-data"),
            formula: measure.formula(lang),
        }
    }
}

/// The message key of a legend's title: the measure's name, capitalised (`Gap`).
pub fn legend_title(measure: Measure) -> &'static str {
    match measure {
        Measure::Gap => "heatmap-legend-gap",
        Measure::Maturity => "heatmap-legend-maturity",
        Measure::Importance => "heatmap-legend-importance",
        Measure::Usage => "heatmap-legend-usage",
        Measure::Risk => "heatmap-legend-risk",
    }
}

/// The SVG legend at (`x`, `y`): a swatch per class, no data (dashed), then the formula on a
/// line of its own. Returns the width and height used.
pub fn svg(
    out: &mut String,
    lang: Lang,
    measure: Measure,
    palette: Palette,
    x: f64,
    y: f64,
) -> (f64, f64) {
    let mut at = x;
    let mut keys: Vec<(Option<usize>, String)> = measure
        .classes(lang)
        .into_iter()
        .enumerate()
        .map(|(c, l)| (Some(c), l))
        .collect();
    keys.push((None, lang.t("heatmap-no-data")));
    for (class, label) in keys {
        let dash = if class.is_none() {
            r#" stroke-dasharray="3 2""#
        } else {
            ""
        };
        let _ = write!(
            out,
            r##"<rect x="{at:.1}" y="{y:.1}" width="14" height="14" rx="2" fill="{}" stroke="#6b7280" stroke-width="0.6"{dash}/><text x="{:.1}" y="{:.1}" font-size="12" fill="#1f2933">"##,
            palette.fill(measure, class),
            at + 19.0,
            y + 11.5
        );
        escape::html_into(out, &label);
        out.push_str("</text>");
        at += 19.0 + svg::text_width(&label, 12.0) + 18.0;
    }
    let _ = write!(
        out,
        r##"<text x="{x:.1}" y="{:.1}" font-size="12" fill="#4b5563">"##,
        y + 32.0
    );
    let formula = measure.formula(lang);
    escape::html_into(out, &formula);
    out.push_str("</text>");
    let width = (at - x).max(svg::text_width(&formula, 12.0));
    (width, 46.0)
}

/// A standalone SVG image around `body`: its size, a white background, a `<title>`.
pub fn svg_document(width: f64, height: f64, title: &str, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 600);
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif" role="img"><title>"##
    );
    escape::html_into(&mut out, title);
    out.push_str(r##"</title><rect width="100%" height="100%" fill="#ffffff"/>"##);
    out.push_str(body);
    out.push_str("</svg>\n");
    out
}

/// A heading in a standalone SVG at (`x`, `y` = baseline).
pub fn svg_heading(out: &mut String, text: &str, x: f64, y: f64, size: f64) {
    let _ = write!(
        out,
        r##"<text x="{x:.1}" y="{y:.1}" font-size="{size}" font-weight="600" fill="#1f2933">"##
    );
    escape::html_into(out, text);
    out.push_str("</text>");
}

/// `gap` → `Gap`.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
