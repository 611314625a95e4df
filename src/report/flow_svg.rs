//! The flow bars of the HTML report: per value stream, one horizontal bar per stage of the
//! critical path, split into process time (solid) and wait time (light), with the stage's name
//! on the left and its figures written after the bar. Drawn by `vsm` as inline SVG (no
//! script), from the same [`flow::Stream`] view the Markdown report and `vsm table --view
//! flow` read, so the figures agree everywhere.
//!
//! Bars are scaled to the longest stage on the path, so the one that matters most fills the
//! width; a stage far shorter (30 minutes beside 15 days) still gets [`MIN_BAR`] pixels, and a
//! process or wait part that is not zero at least [`MIN_PART`], so nothing that exists is
//! drawn as nothing. A stage without times is an empty dashed bar marked "no times", never a
//! zero-length one. Names are wrapped to two lines and cut with `…` past that; every row
//! carries a `<title>` with the full name and figures.

use super::escape;
use super::svg;
use super::views::flow;
use crate::i18n::Lang;
use std::fmt::Write;

/// The widest bar (the longest stage on the path), in pixels.
pub const BAR_MAX: f64 = 420.0;
/// The narrowest bar of a stage with times.
pub const MIN_BAR: f64 = 6.0;
/// The narrowest process or wait part that is not zero.
pub const MIN_PART: f64 = 2.0;
/// The width of a stage without times (an empty dashed bar).
const UNTIMED_BAR: f64 = 40.0;
const LABEL_W: f64 = 200.0;
const MARGIN: f64 = 8.0;
const FONT: f64 = 12.0;
const LINE: f64 = 14.0;
const ROW_H: f64 = 36.0;
const BAR_H: f64 = 16.0;
/// Space between a bar and the figures after it.
const GAP: f64 = 8.0;

/// The CSS of the flow bars (the report's page adds it once).
pub const CSS: &str = "svg.fbar .p{fill:#2457a6}\
svg.fbar .w{fill:#f6d9a8;stroke:#b7791f;stroke-width:.8}\
svg.fbar .u{fill:none;stroke:#8a94a3;stroke-width:1;stroke-dasharray:4 3}\
svg.fbar .nm{font-size:12px;fill:#1f2933}\
svg.fbar .fg{font-size:11.5px;fill:#3e4c59}\
svg.fbar .nt{font-size:11.5px;fill:#5f6b7a;font-style:italic}\
.swatch.process{background:#2457a6}.swatch.wait{background:#f6d9a8;border-color:#b7791f}";

/// The drawn widths of one stage's bar: its process part, then its wait part.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    pub process: f64,
    pub wait: f64,
}

impl Bar {
    pub fn width(&self) -> f64 {
        self.process + self.wait
    }
}

/// The bar of a stage with these times when the longest stage on the path takes `longest`
/// seconds: `BAR_MAX × lead / longest`, at least [`MIN_BAR`], split between process and wait
/// in proportion, each part that is not zero at least [`MIN_PART`]. `None` for a stage without
/// times.
pub fn bar(process: Option<f64>, wait: Option<f64>, longest: f64) -> Option<Bar> {
    if process.is_none() && wait.is_none() {
        return None;
    }
    let (process, wait) = (
        process.unwrap_or(0.0).max(0.0),
        wait.unwrap_or(0.0).max(0.0),
    );
    let lead = process + wait;
    let scaled = if longest > 0.0 {
        BAR_MAX * lead / longest
    } else {
        0.0
    };
    let width = scaled.clamp(MIN_BAR, BAR_MAX);
    if lead <= 0.0 {
        // A stage written with zero times: a sliver, all of it process (nothing waits).
        return Some(Bar {
            process: width,
            wait: 0.0,
        });
    }
    let mut drawn_process = width * process / lead;
    if process > 0.0 && drawn_process < MIN_PART {
        drawn_process = MIN_PART;
    }
    if wait > 0.0 && width - drawn_process < MIN_PART {
        drawn_process = width - MIN_PART;
    }
    Some(Bar {
        process: drawn_process,
        wait: width - drawn_process,
    })
}

/// `process 10min · wait 20min · lead 30min`: the figures written after a stage's bar, in
/// `lang` (durations as [`Lang::duration`] writes them: `written`'s form in English).
pub fn figures(lang: Lang, stage: &flow::Stage<'_>) -> String {
    let time =
        |key: &str, seconds: f64| lang.t_args(key, &[("time", lang.duration(seconds).into())]);
    let mut parts = Vec::new();
    if let Some(p) = stage.process_seconds {
        parts.push(time("bars-process", p));
    }
    if let Some(w) = stage.wait_seconds {
        parts.push(time("bars-wait", w));
    }
    match stage.lead_seconds {
        Some(l) => parts.push(time("bars-lead", l)),
        None => parts.push(lang.t("flow-no-times-cell")),
    }
    parts.join(" · ")
}

/// The bars of a stream's critical path as an inline SVG; empty when the stream has no path
/// (no stage has times, or the flow loops: the notes of the view say which).
pub fn render(stream: &flow::Stream<'_>) -> String {
    // By id, so that a long path is not a search of the stages per step.
    let by_id: std::collections::HashMap<&str, &flow::Stage<'_>> =
        stream.stages.iter().map(|s| (s.id, s)).collect();
    let path: Vec<&flow::Stage<'_>> = stream
        .critical_path
        .iter()
        .filter_map(|id| by_id.get(id).copied())
        .collect();
    if path.is_empty() || stream.lead_seconds.is_none() {
        return String::new();
    }
    let longest = path
        .iter()
        .filter_map(|s| s.lead_seconds)
        .fold(0.0, f64::max);
    let bar_x = MARGIN + LABEL_W;
    let rows: Vec<(Vec<String>, Option<Bar>, String)> = path
        .iter()
        .map(|s| {
            (
                svg::wrap(s.name, LABEL_W - 12.0, FONT, 2),
                bar(s.process_seconds, s.wait_seconds, longest),
                figures(stream.lang, s),
            )
        })
        .collect();
    let width = rows
        .iter()
        .map(|(_, b, text)| {
            bar_x
                + b.map_or(UNTIMED_BAR, |b| b.width())
                + GAP
                + svg::text_width(text, FONT)
                + MARGIN
        })
        .fold(bar_x + BAR_MAX + MARGIN, f64::max);
    let height = MARGIN * 2.0 + rows.len() as f64 * ROW_H;
    let mut out = String::with_capacity(400 + rows.len() * 500);
    let _ = write!(
        out,
        r#"<svg class="fbar{}" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" role="img" aria-label=""#,
        if width <= 1100.0 { " fit" } else { "" }
    );
    escape::html_into(
        &mut out,
        &stream.lang.t_args("bars-aria", &[("id", stream.id.into())]),
    );
    out.push_str("\">");
    for (i, ((lines, drawn, text), stage)) in rows.iter().zip(&path).enumerate() {
        let top = MARGIN + i as f64 * ROW_H;
        let middle = top + ROW_H / 2.0;
        out.push_str("<g><title>");
        escape::html_into(&mut out, stage.name);
        out.push_str(": ");
        escape::html_into(&mut out, text);
        out.push_str("</title>");
        // The name, centred on the row, right-aligned against the bar.
        let first_baseline = middle - (lines.len() as f64 - 1.0) * LINE / 2.0 + FONT * 0.35;
        let _ = write!(
            out,
            r#"<text class="nm" x="{:.0}" y="{first_baseline:.1}" text-anchor="end">"#,
            bar_x - 8.0
        );
        for (l, line) in lines.iter().enumerate() {
            if l == 0 {
                out.push_str("<tspan>");
            } else {
                let _ = write!(out, r#"<tspan x="{:.0}" dy="{LINE}">"#, bar_x - 8.0);
            }
            escape::html_into(&mut out, line);
            out.push_str("</tspan>");
        }
        out.push_str("</text>");
        let bar_top = middle - BAR_H / 2.0;
        let end = match drawn {
            Some(b) => {
                if b.process > 0.0 {
                    let _ = write!(
                        out,
                        r#"<rect class="p" x="{bar_x:.1}" y="{bar_top:.1}" width="{:.1}" height="{BAR_H}"/>"#,
                        b.process
                    );
                }
                if b.wait > 0.0 {
                    let _ = write!(
                        out,
                        r#"<rect class="w" x="{:.1}" y="{bar_top:.1}" width="{:.1}" height="{BAR_H}"/>"#,
                        bar_x + b.process,
                        b.wait
                    );
                }
                bar_x + b.width()
            }
            None => {
                let _ = write!(
                    out,
                    r#"<rect class="u" x="{bar_x:.1}" y="{bar_top:.1}" width="{UNTIMED_BAR}" height="{BAR_H}"/>"#
                );
                bar_x + UNTIMED_BAR
            }
        };
        let _ = write!(
            out,
            r#"<text class="{}" x="{:.1}" y="{:.1}">"#,
            if drawn.is_some() { "fg" } else { "nt" },
            end + GAP,
            middle + FONT * 0.35
        );
        escape::html_into(&mut out, text);
        out.push_str("</text></g>");
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::data::Views;
    use crate::report::views::fixture::Fixture;

    #[test]
    fn bars_are_proportional_to_lead_and_split_by_process_and_wait() {
        // The longest stage, 5d process + 10d wait = 15d, fills the width: 420 px, of which
        // a third (140 px) is process and two thirds (280 px) wait.
        let longest = 15.0 * 86_400.0;
        let full = bar(Some(5.0 * 86_400.0), Some(10.0 * 86_400.0), longest).unwrap();
        assert_eq!((full.process, full.wait), (140.0, 280.0));
        // 4d wait + 1d process = 5d, a third of 15d: 140 px, 28 process and 112 wait.
        let third = bar(Some(86_400.0), Some(4.0 * 86_400.0), longest).unwrap();
        assert!((third.width() - 140.0).abs() < 1e-9);
        assert!((third.process - 28.0).abs() < 1e-9 && (third.wait - 112.0).abs() < 1e-9);
        // Only a wait time: all of the bar is wait.
        let wait_only = bar(None, Some(5.0 * 86_400.0), longest).unwrap();
        assert_eq!(wait_only.process, 0.0);
        assert!((wait_only.wait - 140.0).abs() < 1e-9);
    }

    #[test]
    fn tiny_stages_and_tiny_parts_stay_visible() {
        let longest = 15.0 * 86_400.0;
        // 10min + 20min = 30min of 15d would be 420 × 1 800 / 1 296 000 = 0.58 px: it gets
        // the minimum 6 px, split a third / two thirds: 2 px process, 4 px wait.
        let tiny = bar(Some(600.0), Some(1_200.0), longest).unwrap();
        assert_eq!(tiny.width(), MIN_BAR);
        assert!((tiny.process - 2.0).abs() < 1e-9 && (tiny.wait - 4.0).abs() < 1e-9);
        // 1s of process beside 2d of wait, the longest stage (2d 1s = 172 801 s): 420 px, of
        // which the process would be 420 × 1 / 172 801 = 0.002 px; it gets 2 px.
        let callback = bar(Some(1.0), Some(172_800.0), 172_801.0).unwrap();
        assert_eq!(callback.process, MIN_PART);
        assert!((callback.width() - BAR_MAX).abs() < 1e-9);
        // No times: no bar; zero times: a sliver.
        assert_eq!(bar(None, None, longest), None);
        assert_eq!(bar(Some(0.0), None, longest).unwrap().width(), MIN_BAR);
        // Every stage zero: nothing to divide by, still a sliver.
        assert_eq!(bar(Some(0.0), Some(0.0), 0.0).unwrap().width(), MIN_BAR);
    }

    fn svg_of(yaml: &str) -> String {
        let fixture = Fixture::new(yaml);
        let views: Views<'_> = fixture.views();
        render(&flow::Stream::new(&views, 0))
    }

    /// a → b → d and a → c → d: the path is a, b, d (b is longer than c).
    const BRANCH: &str = "value_streams:\n  s:\n    name: S\n    stages:\n      \
        a: {name: A, process_time: 1h, next: [b, c]}\n      \
        b: {name: 'B <b>&amp; \"x\"', process_time: 1h, wait_time: 1d, next: [d]}\n      \
        c: {name: C, process_time: 30min, next: [d]}\n      \
        d: {name: D, wait_time: 2h}\n";

    #[test]
    fn tooltips_and_figures_are_in_the_views_language() {
        let fixture = Fixture::new(BRANCH);
        let mut views: Views<'_> = fixture.views();
        views.lang = Lang::ZhCn;
        let svg = render(&flow::Stream::new(&views, 0));
        // b: 1h process, 1d wait, lead 1d 1h; d: 2h wait only.
        assert!(
            svg.contains("处理 1 小时 · 等待 1 天 · 前置 1 天 1 小时"),
            "{svg}"
        );
        assert!(
            svg.contains(">D: 等待 2 小时 · 前置 2 小时</title>"),
            "{svg}"
        );
        assert!(svg.contains(r#"aria-label="s 关键路径上的处理时间与等待时间""#));
        views.lang = Lang::ZhTw;
        let svg = render(&flow::Stream::new(&views, 0));
        assert!(
            svg.contains("處理 1 小時 · 等待 1 天 · 前置 1 天 1 小時"),
            "{svg}"
        );
        assert!(!svg.contains("process"));
    }

    #[test]
    fn one_bar_per_critical_stage_with_its_figures_and_valid_xml() {
        let svg = svg_of(BRANCH);
        let doc = roxmltree::Document::parse(&svg).expect("well-formed XML");
        let rows: Vec<_> = doc
            .root_element()
            .children()
            .filter(|n| n.has_tag_name("g"))
            .collect();
        // a, b, d: c is off the critical path.
        assert_eq!(rows.len(), 3);
        let titles: Vec<&str> = rows
            .iter()
            .map(|g| g.first_element_child().unwrap().text().unwrap())
            .collect();
        assert_eq!(
            titles,
            [
                "A: process 1h · lead 1h",
                "B <b>&amp; \"x\": process 1h · wait 1d · lead 1d 1h",
                "D: wait 2h · lead 2h",
            ]
        );
        // b (1d 1h = 90 000 s) is the longest: 420 px, process 420 × 3 600 / 90 000 =
        // 16.8 px. a (1h): 16.8 px, all process. d (2h): 33.6 px, all wait.
        let widths = |g: &roxmltree::Node<'_, '_>, class: &str| -> Vec<f64> {
            g.children()
                .filter(|n| n.attribute("class") == Some(class))
                .map(|n| n.attribute("width").unwrap().parse().unwrap())
                .collect()
        };
        assert_eq!(widths(&rows[0], "p"), [16.8]);
        assert!(widths(&rows[0], "w").is_empty());
        assert_eq!(widths(&rows[1], "p"), [16.8]);
        assert_eq!(widths(&rows[1], "w"), [403.2]);
        assert_eq!(widths(&rows[2], "w"), [33.6]);
        // The hostile name is text, never markup.
        assert!(svg.contains("B &lt;b&gt;&amp;amp; &quot;x&quot;"));
    }

    #[test]
    fn untimed_stages_are_dashed_and_a_stream_without_times_draws_nothing() {
        let svg = svg_of(
            "value_streams:\n  s:\n    name: S\n    stages:\n      \
             a: {name: A}\n      b: {name: B, process_time: 15d}\n      c: {name: C}\n",
        );
        roxmltree::Document::parse(&svg).expect("well-formed XML");
        assert_eq!(svg.matches("class=\"u\"").count(), 2);
        assert_eq!(svg.matches(">no times</text>").count(), 2);
        assert!(svg.contains(&format!("width=\"{BAR_MAX:.1}\"")));
        let none = svg_of("value_streams:\n  s:\n    name: S\n    stages:\n      a: {name: A}\n");
        assert_eq!(none, "");
    }

    #[test]
    fn long_names_are_cut_and_kept_whole_in_the_title() {
        let long = "Agree on a solution with the customer and carry it out across every department involved";
        let svg = svg_of(&format!(
            "value_streams:\n  s:\n    name: S\n    stages:\n      a: {{name: {long}, process_time: 1h}}\n"
        ));
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let name = doc
            .descendants()
            .find(|n| n.attribute("class") == Some("nm"))
            .unwrap();
        let lines: Vec<&str> = name.children().filter_map(|t| t.text()).collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(svg.contains(&format!("<title>{long}: process 1h · lead 1h</title>")));
    }
}
