//! The capability heat map: level-1 capabilities as columns (or blocks) with their children
//! nested inside, each coloured on a four-class scale of one measure, with a legend.
//! Capabilities that lack the data a measure needs are shown as "no data", never as zero.

use super::data::{CapabilityRow, Views};
use super::escape;
use super::page::Page;
use super::svg;
use std::fmt::Write;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// What the heat map colours capabilities by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// target maturity − current maturity
    Gap,
    /// current maturity (1–5)
    Maturity,
    /// strategic importance (low, medium, high, critical)
    Importance,
    /// how many stages, value items, processes and steps use the capability or one below it
    Usage,
    /// importance weight (1–4) × gap
    Risk,
}

impl Measure {
    /// Every measure, in the order the CLI lists them.
    pub const ALL: [Measure; 5] = [
        Measure::Gap,
        Measure::Maturity,
        Measure::Importance,
        Measure::Usage,
        Measure::Risk,
    ];

    /// The measure named `text` (any case), as `report.heatmap_by` of vsm.yaml names it.
    pub fn parse(text: &str) -> Option<Measure> {
        Measure::ALL
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(text))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Gap => "gap",
            Measure::Maturity => "maturity",
            Measure::Importance => "importance",
            Measure::Usage => "usage",
            Measure::Risk => "risk",
        }
    }

    /// The heading of the map.
    pub fn title(self) -> &'static str {
        match self {
            Measure::Gap => "maturity gap (target − current maturity)",
            Measure::Maturity => "current maturity (1–5)",
            Measure::Importance => "strategic importance",
            Measure::Usage => {
                "usage (stages, value items, processes and steps using it or one below it)"
            }
            Measure::Risk => "risk (importance weight 1–4 × maturity gap)",
        }
    }

    /// The measure's value, `None` when the capability lacks the data.
    pub fn value(self, row: &CapabilityRow) -> Option<i64> {
        match self {
            Measure::Gap => row.gap.map(i64::from),
            Measure::Maturity => row.maturity.map(i64::from),
            Measure::Importance => row.importance.map(|i| i64::from(i.weight())),
            Measure::Usage => Some(i64::from(row.usage_total())),
            Measure::Risk => row.risk.map(i64::from),
        }
    }

    /// The value as shown.
    pub fn display(self, value: i64) -> String {
        match self {
            Measure::Importance => match value {
                1 => "low",
                2 => "medium",
                3 => "high",
                _ => "critical",
            }
            .to_string(),
            _ => value.to_string(),
        }
    }

    /// The class 0 (cool) to 3 (hot) of a value.
    pub fn class(self, value: i64) -> usize {
        match self {
            Measure::Gap => value.clamp(0, 3) as usize,
            Measure::Maturity => (4 - value.clamp(1, 4)) as usize,
            Measure::Importance => (value.clamp(1, 4) - 1) as usize,
            Measure::Usage => match value {
                ..=0 => 0,
                1..=2 => 1,
                3..=5 => 2,
                _ => 3,
            },
            Measure::Risk => match value {
                ..=0 => 0,
                1..=3 => 1,
                4..=7 => 2,
                _ => 3,
            },
        }
    }

    /// What each class holds, for the legend.
    pub fn classes(self) -> [&'static str; 4] {
        match self {
            Measure::Gap => ["0 or less (met)", "1", "2", "3 or more"],
            Measure::Maturity => ["4–5", "3", "2", "1"],
            Measure::Importance => ["low", "medium", "high", "critical"],
            Measure::Usage => ["0 (unused)", "1–2", "3–5", "6 or more"],
            Measure::Risk => ["0", "1–3", "4–7", "8–16"],
        }
    }

    /// What a capability needs for this measure.
    pub fn needs(self) -> &'static str {
        match self {
            Measure::Gap => "maturity and target_maturity",
            Measure::Maturity => "maturity",
            Measure::Importance => "importance",
            Measure::Usage => "nothing",
            Measure::Risk => "importance, maturity and target_maturity",
        }
    }

    /// Usage is not good or bad: it gets a blue scale; the others go green → red.
    pub fn sequential(self) -> bool {
        self == Measure::Usage
    }

    /// The colour of a class (`None` = no data).
    pub fn color(self, class: Option<usize>) -> &'static str {
        match class {
            None => NO_DATA_COLOR,
            Some(c) if self.sequential() => SEQUENTIAL[c.min(3)],
            Some(c) => DIVERGING[c.min(3)],
        }
    }

    /// Text colour readable on a class's colour.
    pub fn ink(self, class: Option<usize>) -> &'static str {
        match class {
            Some(3) => "#ffffff",
            None => "#4b5563",
            _ => "#1f2933",
        }
    }

    fn ansi(self, class: Option<usize>) -> u8 {
        match class {
            None => 244,
            Some(c) if self.sequential() => [152, 74, 33, 27][c.min(3)],
            Some(c) => [71, 220, 208, 160][c.min(3)],
        }
    }

    fn emoji(self, class: Option<usize>) -> &'static str {
        match class {
            None => "⬜",
            Some(c) if self.sequential() => ["▫️", "🔹", "🔹🔹", "🔹🔹🔹"][c.min(3)],
            Some(c) => ["🟩", "🟨", "🟧", "🟥"][c.min(3)],
        }
    }
}

pub const DIVERGING: [&str; 4] = ["#a6d96a", "#fee08b", "#fdae61", "#d73027"];
pub const SEQUENTIAL: [&str; 4] = ["#eef4fb", "#c6dbef", "#6baed6", "#2166ac"];
pub const NO_DATA_COLOR: &str = "#e5e7eb";

/// The bar of the terminal map: one block more per class.
fn bar(class: Option<usize>) -> &'static str {
    match class {
        None => "╱╱╱╱",
        Some(0) => "█░░░",
        Some(1) => "██░░",
        Some(2) => "███░",
        Some(_) => "████",
    }
}

/// One capability in the map, with its children.
#[derive(Debug)]
pub struct Node {
    pub capability: usize,
    pub value: Option<i64>,
    pub class: Option<usize>,
    pub children: Vec<Node>,
}

/// The heat map: one block per level-1 capability (capabilities in `parent` loops last, each
/// its own block).
#[derive(Debug)]
pub struct HeatMap {
    pub measure: Measure,
    pub blocks: Vec<Node>,
}

impl HeatMap {
    pub fn new(views: &Views<'_>, measure: Measure) -> Self {
        /// Levels nested in the map: those of the format (1–9).
        const MAX_DEPTH: usize = super::views::capabilities::MAX_INDENT as usize + 1;
        fn leaf(views: &Views<'_>, measure: Measure, index: usize) -> Node {
            let value = measure.value(&views.rows[index]);
            Node {
                capability: index,
                value,
                class: value.map(|v| measure.class(v)),
                children: Vec::new(),
            }
        }
        fn node(views: &Views<'_>, measure: Measure, index: usize, depth: usize) -> Node {
            let mut here = leaf(views, measure, index);
            let children = views.children[index]
                .iter()
                .filter(|&&c| views.depth[c].is_some());
            if depth + 1 < MAX_DEPTH {
                here.children = children
                    .map(|&c| node(views, measure, c, depth + 1))
                    .collect();
            } else {
                // The deepest level the format knows: everything below it is listed flat, in
                // tree order, without a stack per level (a `parent` chain may be 100,000 deep).
                let mut stack: Vec<usize> = children.rev().copied().collect();
                while let Some(c) = stack.pop() {
                    here.children.push(leaf(views, measure, c));
                    let below = views.children[c].iter().rev();
                    stack.extend(below.filter(|&&g| views.depth[g].is_some()));
                }
            }
            here
        }
        let mut blocks: Vec<Node> = views
            .roots
            .iter()
            .map(|&r| node(views, measure, r, 0))
            .collect();
        // Capabilities in a parent loop have no level: each is shown alone.
        for (index, depth) in views.depth.iter().enumerate() {
            if depth.is_none() {
                let value = measure.value(&views.rows[index]);
                blocks.push(Node {
                    capability: index,
                    value,
                    class: value.map(|v| measure.class(v)),
                    children: Vec::new(),
                });
            }
        }
        HeatMap { measure, blocks }
    }

    fn value_text(&self, node: &Node) -> String {
        node.value
            .map(|v| self.measure.display(v))
            .unwrap_or_else(|| "no data".into())
    }

    fn tooltip(&self, views: &Views<'_>, node: &Node) -> String {
        let row = &views.rows[node.capability];
        let mut parts = vec![views.capability_id(node.capability).to_string()];
        parts.push(format!(
            "{}: {}",
            self.measure.as_str(),
            self.value_text(node)
        ));
        if let (Some(m), Some(t)) = (row.maturity, row.target) {
            parts.push(format!("maturity {m} → {t}"));
        }
        parts.join(" · ")
    }

    // -----------------------------------------------------------------------------------------
    // Terminal
    // -----------------------------------------------------------------------------------------

    /// Blocks of lines: bar, value, tree and name; coloured when `color`.
    pub fn render_term(&self, views: &Views<'_>, width: usize, color: bool) -> String {
        let m = self.measure;
        let mut out = String::new();
        let bold = |s: &str| {
            if color {
                format!("\x1b[1m{s}\x1b[0m")
            } else {
                s.to_string()
            }
        };
        let paint = |class: Option<usize>, s: &str| {
            if color {
                format!("\x1b[38;5;{}m{s}\x1b[0m", m.ansi(class))
            } else {
                s.to_string()
            }
        };
        out.push_str(&bold(&format!("Capability heat map: {}", m.title())));
        out.push('\n');
        let mut legend = String::from("Legend:");
        for (class, label) in m.classes().iter().enumerate() {
            let _ = write!(legend, "  {} {label}", paint(Some(class), bar(Some(class))));
        }
        let _ = write!(legend, "  {} no data", paint(None, bar(None)));
        out.push_str(&legend);
        out.push('\n');
        if self.blocks.is_empty() {
            out.push_str("\n(no capabilities)\n");
            return out;
        }
        let value_width = self
            .blocks
            .iter()
            .map(|b| self.widest_value(b))
            .max()
            .unwrap_or(1);
        for block in &self.blocks {
            out.push('\n');
            self.term_node(views, block, "", None, value_width, width, color, &mut out);
        }
        out
    }

    fn widest_value(&self, node: &Node) -> usize {
        let own = self.value_text(node).width();
        node.children
            .iter()
            .map(|c| self.widest_value(c))
            .max()
            .unwrap_or(0)
            .max(own)
    }

    #[allow(clippy::too_many_arguments)]
    fn term_node(
        &self,
        views: &Views<'_>,
        node: &Node,
        prefix: &str,
        last: Option<bool>,
        value_width: usize,
        width: usize,
        color: bool,
        out: &mut String,
    ) {
        let value = self.value_text(node);
        let pad = value_width.saturating_sub(value.width());
        let branch = match last {
            None => "",
            Some(true) => "└─ ",
            Some(false) => "├─ ",
        };
        let lead = format!(
            "{} {}{value}  {prefix}{branch}",
            bar(node.class),
            " ".repeat(pad)
        );
        let name = truncate(
            views.capability_name(node.capability),
            width.saturating_sub(lead.width()).max(8),
        );
        if color {
            let _ = write!(
                out,
                "\x1b[38;5;{}m{}\x1b[0m {}{}  {prefix}{branch}",
                self.measure.ansi(node.class),
                bar(node.class),
                " ".repeat(pad),
                if node.value.is_none() {
                    format!("\x1b[2m{value}\x1b[0m")
                } else {
                    value
                }
            );
            if last.is_none() {
                let _ = write!(out, "\x1b[1m{name}\x1b[0m");
            } else {
                out.push_str(&name);
            }
        } else {
            out.push_str(&lead);
            out.push_str(&name);
        }
        out.push('\n');
        let child_prefix = match last {
            None => prefix.to_string(),
            Some(true) => format!("{prefix}   "),
            Some(false) => format!("{prefix}│  "),
        };
        for (i, child) in node.children.iter().enumerate() {
            let is_last = i + 1 == node.children.len();
            self.term_node(
                views,
                child,
                &child_prefix,
                Some(is_last),
                value_width,
                width,
                color,
                out,
            );
        }
    }

    // -----------------------------------------------------------------------------------------
    // Markdown
    // -----------------------------------------------------------------------------------------

    /// The legend as one Markdown line.
    pub fn md_legend(&self) -> String {
        let m = self.measure;
        let mut parts: Vec<String> = m
            .classes()
            .iter()
            .enumerate()
            .map(|(c, label)| format!("{} {}", m.emoji(Some(c)), escape::markdown(label)))
            .collect();
        parts.push(format!("{} no data", m.emoji(None)));
        format!("Legend: {}", parts.join(" · "))
    }

    /// A table: capability (nested by indentation, level-1 in bold), value, heat.
    pub fn render_md(&self, views: &Views<'_>) -> String {
        let m = self.measure;
        let mut out = String::new();
        let _ = writeln!(out, "{}\n", self.md_legend());
        if self.blocks.is_empty() {
            out.push_str("_No capabilities._\n");
            return out;
        }
        let _ = writeln!(
            out,
            "| Capability | {} | Heat |\n| --- | ---: | :---: |",
            escape::markdown(&capitalise(m.as_str()))
        );
        for block in &self.blocks {
            self.md_node(views, block, 0, &mut out);
        }
        out
    }

    fn md_node(&self, views: &Views<'_>, node: &Node, depth: usize, out: &mut String) {
        let name = escape::markdown(views.capability_name(node.capability));
        let name = if depth == 0 {
            format!("**{name}**")
        } else {
            format!("{}{name}", "&emsp;".repeat(depth))
        };
        let value = match node.value {
            Some(v) => escape::markdown(&self.measure.display(v)),
            None => "_no data_".into(),
        };
        let _ = writeln!(
            out,
            "| {name} | {value} | {} |",
            self.measure.emoji(node.class)
        );
        for child in &node.children {
            self.md_node(views, child, depth + 1, out);
        }
    }

    // -----------------------------------------------------------------------------------------
    // HTML
    // -----------------------------------------------------------------------------------------

    /// The map as nested boxes (CSS grid of level-1 columns) under its legend, for the HTML
    /// report and `vsm heatmap --format html`.
    pub fn html<'v>(&'v self, views: &'v Views<'v>) -> HeatMapHtml<'v> {
        let m = self.measure;
        let mut steps = Vec::with_capacity(2 * views.rows.len());
        for block in &self.blocks {
            self.html_steps(views, block, 1, &mut steps);
        }
        HeatMapHtml {
            measure: capitalise(m.as_str()),
            keys: m
                .classes()
                .iter()
                .enumerate()
                .map(|(c, label)| (m.color(Some(c)), *label))
                .collect(),
            steps,
        }
    }

    /// The boxes of `node` and its children, in document order.
    fn html_steps(&self, views: &Views<'_>, node: &Node, depth: usize, steps: &mut Vec<HtmlStep>) {
        let m = self.measure;
        steps.push(HtmlStep::Enter {
            no_data: node.class.is_none(),
            depth: depth.min(3),
            color: m.color(node.class),
            ink: m.ink(node.class),
            tooltip: self.tooltip(views, node),
            name: views.capability_name(node.capability).to_string(),
            value: self.value_text(node),
            has_children: !node.children.is_empty(),
        });
        for child in &node.children {
            self.html_steps(views, child, depth + 1, steps);
        }
        steps.push(HtmlStep::Leave {
            had_children: !node.children.is_empty(),
        });
    }

    // -----------------------------------------------------------------------------------------
    // SVG
    // -----------------------------------------------------------------------------------------

    /// A standalone SVG: level-1 capabilities as columns (four to a row), children nested.
    pub fn render_svg(&self, views: &Views<'_>) -> String {
        const COL: f64 = 230.0;
        const GAP: f64 = 14.0;
        const MARGIN: f64 = 16.0;
        const PER_ROW: usize = 4;
        let m = self.measure;
        let mut body = String::new();
        // Title and legend.
        let title = format!("Capability heat map: {}", m.title());
        let _ = write!(
            body,
            r##"<text x="{MARGIN}" y="{}" font-size="16" font-weight="600" fill="#1f2933">"##,
            MARGIN + 14.0
        );
        escape::html_into(&mut body, &title);
        body.push_str("</text>");
        let mut x = MARGIN;
        let y = MARGIN + 30.0;
        let mut legend: Vec<(Option<usize>, &str)> = m
            .classes()
            .iter()
            .enumerate()
            .map(|(c, l)| (Some(c), *l))
            .collect();
        legend.push((None, "no data"));
        for (class, label) in legend {
            let fill = if class.is_none() {
                "url(#hatch)".to_string()
            } else {
                m.color(class).to_string()
            };
            let _ = write!(
                body,
                r##"<rect x="{x:.1}" y="{y:.1}" width="14" height="14" rx="2" fill="{fill}" stroke="#9ca3af" stroke-width="0.5"/><text x="{:.1}" y="{:.1}" font-size="12" fill="#1f2933">"##,
                x + 19.0,
                y + 11.5
            );
            escape::html_into(&mut body, label);
            body.push_str("</text>");
            x += 19.0 + svg::text_width(label, 12.0) + 18.0;
        }
        let top = y + 30.0;
        let mut row_top = top;
        let mut total_width = x + MARGIN;
        for chunk in self.blocks.chunks(PER_ROW) {
            let mut row_height: f64 = 0.0;
            for (i, block) in chunk.iter().enumerate() {
                let bx = MARGIN + i as f64 * (COL + GAP);
                let h = self.svg_node(views, block, bx, row_top, COL, 1, &mut body);
                row_height = row_height.max(h);
                total_width = total_width.max(bx + COL + MARGIN);
            }
            row_top += row_height + GAP;
        }
        let height = row_top + MARGIN;
        let mut out = String::with_capacity(body.len() + 600);
        let _ = write!(
            out,
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="{total_width:.0}" height="{height:.0}" viewBox="0 0 {total_width:.0} {height:.0}" font-family="system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif" role="img"><title>"##
        );
        escape::html_into(&mut out, &title);
        out.push_str(
            r##"</title><defs><pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#f3f4f6"/><line x1="0" y1="0" x2="0" y2="8" stroke="#c4c9d0" stroke-width="3"/></pattern></defs><rect width="100%" height="100%" fill="#ffffff"/>"##,
        );
        out.push_str(&body);
        out.push_str("</svg>\n");
        out
    }

    /// Draws a node at (x, y) of width `w`; returns its height.
    #[allow(clippy::too_many_arguments)]
    fn svg_node(
        &self,
        views: &Views<'_>,
        node: &Node,
        x: f64,
        y: f64,
        w: f64,
        depth: usize,
        out: &mut String,
    ) -> f64 {
        const PAD: f64 = 6.0;
        const LINE: f64 = 15.0;
        let m = self.measure;
        let font = if depth == 1 { 13.0 } else { 12.0 };
        let value = self.value_text(node);
        let value_w = svg::text_width(&value, 11.0) + 8.0;
        let lines = svg::wrap(
            views.capability_name(node.capability),
            w - 2.0 * PAD - value_w - 4.0,
            font,
            3,
        );
        let head = lines.len() as f64 * LINE + 2.0 * PAD - 2.0;
        // Children first, to know the height; drawn after the box so they sit on top.
        let mut kids = String::new();
        let mut ky = y + head;
        for child in &node.children {
            let h = self.svg_node(
                views,
                child,
                x + PAD,
                ky,
                w - 2.0 * PAD,
                depth + 1,
                &mut kids,
            );
            ky += h + 4.0;
        }
        let height = if node.children.is_empty() {
            head
        } else {
            ky - y + PAD - 4.0
        };
        let fill = if node.class.is_none() {
            "url(#hatch)".to_string()
        } else {
            m.color(node.class).to_string()
        };
        let ink = m.ink(node.class);
        out.push_str("<g><title>");
        escape::html_into(out, &self.tooltip(views, node));
        let _ = write!(
            out,
            r##"</title><rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{height:.1}" rx="4" fill="{fill}" stroke="{}" stroke-width="{}"/>"##,
            if depth == 1 { "#374151" } else { "#ffffff" },
            if depth == 1 { 1.2 } else { 1.0 }
        );
        let weight = if depth == 1 {
            r#"font-weight="600""#
        } else {
            ""
        };
        svg::text_block(
            out,
            &lines,
            x + PAD,
            y + PAD + font - 1.0,
            LINE,
            &format!(r#"font-size="{font}" fill="{ink}" {weight}"#),
        );
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" font-size="11" text-anchor="end" fill="{ink}" font-weight="600">"#,
            x + w - PAD,
            y + PAD + font - 1.0
        );
        escape::html_into(out, &value);
        out.push_str("</text></g>");
        out.push_str(&kids);
        height
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

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

/// A standalone HTML page holding only the heat map (for `vsm heatmap --format html`).
pub fn html_page(views: &Views<'_>, map: &HeatMap, title: &str) -> String {
    let body = HeatMapPage {
        title,
        measure: map.measure.title(),
        map: map.html(views),
    };
    let body = askama::Template::render(&body).expect("writing to a String cannot fail");
    Page {
        generator: None,
        title,
        extra_css: "",
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
    measure: &'a str,
    map: HeatMapHtml<'a>,
}

/// The heat map as HTML: the legend, then the boxes. The tree is walked into a flat list of
/// steps because a template cannot recurse.
#[derive(askama::Template)]
#[template(path = "heatmap-map.html", config = "src/report/askama.toml")]
pub struct HeatMapHtml<'a> {
    /// The legend's title: the measure's name.
    measure: String,
    /// Each class's colour and what it holds.
    keys: Vec<(&'static str, &'a str)>,
    steps: Vec<HtmlStep>,
}

/// Entering a capability's box (its head is written) or leaving it.
enum HtmlStep {
    Enter {
        no_data: bool,
        /// 1 for level-1 boxes, at most 3.
        depth: usize,
        color: &'static str,
        ink: &'static str,
        tooltip: String,
        name: String,
        value: String,
        has_children: bool,
    },
    Leave {
        had_children: bool,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::views::fixture::{Fixture, SMALL};

    #[test]
    fn the_html_map_nests_children_inside_their_parent_and_escapes_names() {
        let fixture = Fixture::new(&SMALL.replace("name: Intake", "name: '<i>Intake'"));
        let views = fixture.views();
        let html = HeatMap::new(&views, Measure::Gap).html(&views).to_string();
        // Sales (gap 2) holds Intake (no target: no data) in its kids.
        assert!(html.contains(
            "<span class=\"hm-name\">Sales</span><span class=\"hm-val\">2</span></div><div class=\"hm-kids\"><div class=\"hm nodata d2\""
        ), "{html}");
        assert!(html.contains(
            "&lt;i&gt;Intake</span><span class=\"hm-val\">no data</span></div></div></div></div>"
        ));
        assert_eq!(html.matches("<div class=\"hm ").count(), 2);
    }

    #[test]
    fn an_empty_map_keeps_its_legend_and_says_so() {
        let fixture = Fixture::new("stakeholders:\n  c: {name: C}\n");
        let views = fixture.views();
        let html = HeatMap::new(&views, Measure::Usage)
            .html(&views)
            .to_string();
        assert!(html.starts_with("<div class=\"legend\"><span class=\"legend-title\">Usage</span>"));
        assert!(html.ends_with("no data</span></div><p class=\"muted\">No capabilities.</p>"));
    }
}
