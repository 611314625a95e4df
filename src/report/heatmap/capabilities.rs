//! The capability heat map: level-1 capabilities as columns (or blocks) with their children
//! nested inside, each coloured on a four-class scale of one measure, with a legend.
//! Capabilities that lack the data a measure needs are shown as "no data", never as zero.

use super::legend::{self, bar, legend_title, term_bar, term_chip, Legend};
use super::measure::Measure;
use super::palette::{Palette, TermColor};
use super::truncate;
use crate::i18n::Lang;
use crate::report::data::Views;
use crate::report::escape;
use crate::report::svg;
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

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
    pub palette: Palette,
    pub blocks: Vec<Node>,
    /// The language of the map's words (legend, titles, "no data").
    pub lang: Lang,
}

impl HeatMap {
    pub fn new(views: &Views<'_>, measure: Measure, palette: Palette) -> Self {
        /// Levels nested in the map: those of the format (1–9).
        const MAX_DEPTH: usize = crate::report::views::capabilities::MAX_INDENT as usize + 1;
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
        HeatMap {
            measure,
            palette,
            blocks,
            lang: views.lang,
        }
    }

    fn value_text(&self, node: &Node) -> String {
        node.value
            .map(|v| self.measure.display(v))
            .unwrap_or_else(|| self.lang.t("heatmap-no-data"))
    }

    fn tooltip(&self, views: &Views<'_>, node: &Node) -> String {
        let row = &views.rows[node.capability];
        let mut parts = vec![views.capability_id(node.capability).to_string()];
        parts.push(format!(
            "{}: {}",
            self.measure.name(self.lang),
            self.value_text(node)
        ));
        if let (Some(m), Some(t)) = (row.maturity, row.target) {
            parts.push(self.lang.t_args(
                "heatmap-tooltip-maturity",
                &[("maturity", m.into()), ("target", t.into())],
            ));
        }
        parts.join(" · ")
    }

    // -----------------------------------------------------------------------------------------
    // Terminal
    // -----------------------------------------------------------------------------------------

    /// Blocks of lines: bar, value, tree and name; coloured when `color` is on.
    pub fn render_term(&self, views: &Views<'_>, width: usize, color: TermColor) -> String {
        let m = self.measure;
        let mut out = String::new();
        let title = self.title();
        out.push_str(&if color.on() {
            format!("\x1b[1m{title}\x1b[0m")
        } else {
            title
        });
        out.push('\n');
        out.push_str(&legend::term(self.lang, m, self.palette, color));
        if self.blocks.is_empty() {
            let _ = writeln!(out, "\n{}", self.lang.t("heatmap-no-capabilities-term"));
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
        color: TermColor,
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
        if color.on() {
            let (m, p) = (self.measure, self.palette);
            let _ = write!(
                out,
                "{} {}{}  {prefix}{branch}",
                term_bar(m, p, node.class, color),
                " ".repeat(pad),
                term_chip(&value, m, p, node.class, color)
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

    /// The legend: the squares, what they hold and the formula.
    pub fn md_legend(&self) -> String {
        legend::markdown(self.lang, self.measure, self.palette)
    }

    /// `Capability heat map: maturity gap (…)`, in the map's language.
    pub fn title(&self) -> String {
        self.lang.t_args(
            "heatmap-title-capabilities",
            &[("measure", self.measure.title(self.lang).into())],
        )
    }

    /// A table: capability (nested by indentation, level-1 in bold), value, heat.
    pub fn render_md(&self, views: &Views<'_>) -> String {
        let m = self.measure;
        let mut out = String::new();
        let _ = writeln!(out, "{}\n", self.md_legend());
        if self.blocks.is_empty() {
            let _ = writeln!(out, "_{}_", self.lang.t("heatmap-no-capabilities"));
            return out;
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} |\n| --- | ---: | :---: |",
            escape::markdown(&self.lang.t("view-col-capability")),
            escape::markdown(&self.lang.t(legend_title(m))),
            escape::markdown(&self.lang.t("heatmap-col-heat")),
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
            None => format!("_{}_", escape::markdown(&self.lang.t("heatmap-no-data"))),
        };
        let _ = writeln!(
            out,
            "| {name} | {value} | {} |",
            self.palette.emoji(self.measure, node.class)
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
    pub fn html(&self, views: &Views<'_>) -> HeatMapHtml {
        let m = self.measure;
        let mut steps = Vec::with_capacity(2 * views.rows.len());
        for block in &self.blocks {
            self.html_steps(views, block, 1, &mut steps);
        }
        HeatMapHtml {
            legend: Legend::new(self.lang, m, self.palette),
            no_capabilities: self.lang.t("heatmap-no-capabilities"),
            steps,
        }
    }

    /// The boxes of `node` and its children, in document order.
    fn html_steps(&self, views: &Views<'_>, node: &Node, depth: usize, steps: &mut Vec<HtmlStep>) {
        let m = self.measure;
        steps.push(HtmlStep::Enter {
            no_data: node.class.is_none(),
            depth: depth.min(3),
            color: self.palette.fill(m, node.class),
            ink: self.palette.ink(m, node.class),
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
        let title = self.title();
        let _ = write!(
            body,
            r##"<text x="{MARGIN}" y="{}" font-size="16" font-weight="600" fill="#1f2933">"##,
            MARGIN + 14.0
        );
        escape::html_into(&mut body, &title);
        body.push_str("</text>");
        let mut x = MARGIN;
        let y = MARGIN + 30.0;
        let mut legend: Vec<(Option<usize>, String)> = m
            .classes(self.lang)
            .into_iter()
            .enumerate()
            .map(|(c, l)| (Some(c), l))
            .collect();
        legend.push((None, self.lang.t("heatmap-no-data")));
        for (class, label) in legend {
            let fill = if class.is_none() {
                "url(#hatch)".to_string()
            } else {
                self.palette.fill(m, class).to_string()
            };
            let _ = write!(
                body,
                r##"<rect x="{x:.1}" y="{y:.1}" width="14" height="14" rx="2" fill="{fill}" stroke="#9ca3af" stroke-width="0.5"/><text x="{:.1}" y="{:.1}" font-size="12" fill="#1f2933">"##,
                x + 19.0,
                y + 11.5
            );
            escape::html_into(&mut body, &label);
            body.push_str("</text>");
            x += 19.0 + svg::text_width(&label, 12.0) + 18.0;
        }
        let _ = write!(
            body,
            r##"<text x="{MARGIN}" y="{:.1}" font-size="12" fill="#4b5563">"##,
            y + 32.0
        );
        let formula = m.formula(self.lang);
        escape::html_into(&mut body, &formula);
        body.push_str("</text>");
        let top = y + 48.0;
        let mut row_top = top;
        let mut total_width = (x + MARGIN).max(2.0 * MARGIN + svg::text_width(&formula, 12.0));
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
            self.palette.fill(m, node.class).to_string()
        };
        let ink = self.palette.ink(m, node.class);
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

/// The heat map as HTML: the legend, then the boxes. The tree is walked into a flat list of
/// steps because a template cannot recurse.
#[derive(askama::Template)]
#[template(path = "heatmap-map.html", config = "src/report/askama.toml")]
pub struct HeatMapHtml {
    legend: Legend,
    /// What the map says without capabilities, in its language.
    no_capabilities: String,
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
        let html = HeatMap::new(&views, Measure::Gap, Palette::Viridis)
            .html(&views)
            .to_string();
        // Sales (gap 2) holds Intake (no target: no data) in its kids.
        assert!(html.contains(
            "<span class=\"hm-name\">Sales</span><span class=\"hm-val\">2</span></div><div class=\"hm-kids\"><div class=\"hm nodata d2\""
        ), "{html}");
        assert!(html.contains(
            "&lt;i&gt;Intake</span><span class=\"hm-val\">no data</span></div></div></div></div>"
        ));
        assert_eq!(html.matches("<div class=\"hm ").count(), 2);
        // Gap 2 is class 2: viridis blue, white text chosen by its luminance.
        assert!(html.contains("<div class=\"hm d1\" style=\"background:#31688e;color:#ffffff\""));
    }

    #[test]
    fn the_rag_palette_colours_the_same_gap_amber_with_dark_text() {
        let fixture = Fixture::new(SMALL);
        let views = fixture.views();
        let html = HeatMap::new(&views, Measure::Gap, Palette::Rag)
            .html(&views)
            .to_string();
        assert!(html.contains("<div class=\"hm d1\" style=\"background:#fdae61;color:#1f2933\""));
        let md = HeatMap::new(&views, Measure::Gap, Palette::Rag).render_md(&views);
        assert!(md.contains("| **Sales** | 2 | 🟧 |"), "{md}");
        let md = HeatMap::new(&views, Measure::Gap, Palette::Viridis).render_md(&views);
        assert!(md.contains("| **Sales** | 2 | 🟦 |"), "{md}");
        assert!(
            md.contains("Formula: gap = target\\_maturity − maturity"),
            "{md}"
        );
    }

    #[test]
    fn an_empty_map_keeps_its_legend_and_says_so() {
        let fixture = Fixture::new("stakeholders:\n  c: {name: C}\n");
        let views = fixture.views();
        let html = HeatMap::new(&views, Measure::Usage, Palette::Viridis)
            .html(&views)
            .to_string();
        assert!(html.starts_with("<div class=\"legend\"><span class=\"legend-title\">Usage</span>"));
        assert!(html.ends_with("</span></div><p class=\"muted\">No capabilities.</p>"));
        assert!(html.contains("<span class=\"formula\">usage = stages + value items"));
    }
}
