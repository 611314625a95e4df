//! The heat maps: what `vsm heatmap` draws and the reports show.
//!
//! - [`capabilities`]: the capability map, level-1 capabilities with their children nested
//!   inside, coloured by one measure;
//! - [`matrix`]: the BIZBOK cross-mapping heat map, each stream's stage × capability matrix
//!   with the cells coloured by the capability's measure;
//! - [`stages`]: each stage's maturity gap (or risk), the worst and the mean over the
//!   capabilities it uses, on the stage flow;
//! - [`quadrant`]: the priority quadrant, importance × maturity gap.
//!
//! All of them colour through one [`Palette`] (colour-blind-safe viridis unless `rag` is
//! asked for), write the value in every cell, and put the measure's formula in the legend.
//! Capabilities that lack the data a measure needs are shown as "no data", never as zero.

pub mod capabilities;
pub mod legend;
pub mod matrix;
pub mod measure;
pub mod palette;
pub mod quadrant;
pub mod stages;

pub use capabilities::{HeatMap, HeatMapHtml};
pub use measure::Measure;
pub use palette::{Palette, TermColor};

use super::page::Page;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Cuts `text` to `width` terminal columns, ending with `…` when cut; terminal controls are
/// escaped first ([`crate::text::escaped`]), tabs and line breaks shown as spaces.
pub fn truncate(text: &str, width: usize) -> String {
    let text = crate::text::escaped(&text.replace(['\n', '\r', '\t'], " ")).into_owned();
    if text.width() <= width {
        return text;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// A standalone HTML page holding one heat map (for `vsm heatmap --format html`): `title`
/// and `lead` are text (escaped), `body` is HTML that `vsm` rendered.
pub fn html_page(lang: crate::i18n::Lang, title: &str, lead: &str, body: &str) -> String {
    let body = HeatMapPage { title, lead, body };
    let body = askama::Template::render(&body).expect("writing to a String cannot fail");
    Page {
        lang: lang.code(),
        generator: None,
        title,
        extra_css: crate::report::page::cjk_css(lang),
        large: false,
        body: &body,
    }
    .render_page()
}

/// The body of [`html_page`].
#[derive(askama::Template)]
#[template(path = "heatmap.html", config = "src/report/askama.toml")]
struct HeatMapPage<'a> {
    title: &'a str,
    lead: &'a str,
    body: &'a str,
}
