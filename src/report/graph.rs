//! The stage flow of value streams as Mermaid, Graphviz DOT, or an SVG drawn by `vsm` itself.
//!
//! Node ids are generated (`s0_1` = stream 0, stage 1; `c3` = capability 3; `p2` = process 2;
//! `t0` = the trigger of stream 0), and every name goes into a quoted, escaped label, so any
//! text gives valid syntax.

use super::data::Views;
use super::escape;
use super::svg;
use crate::model::Kind;
use std::collections::VecDeque;
use std::fmt::Write;

fn stage_label(views: &Views<'_>, stream: usize, stage: usize) -> String {
    format!(
        "{}. {}",
        stage + 1,
        views.stage(stream, stage).1.common.label()
    )
}

fn trigger_label(views: &Views<'_>, stream: usize) -> Option<String> {
    let trigger = views.stream(stream).1.trigger.as_ref()?;
    Some(views.entry(Kind::Stakeholder, &trigger.value).label())
}

/// A capability or process a stage links to (`c3`, `p2` when shown).
#[derive(Clone, Copy)]
enum Linked {
    Capability(usize),
    Process(usize),
}

impl std::fmt::Display for Linked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Linked::Capability(c) => write!(f, "c{c}"),
            Linked::Process(p) => write!(f, "p{p}"),
        }
    }
}

impl Linked {
    fn label<'v>(self, views: &'v Views<'_>) -> &'v str {
        match self {
            Linked::Capability(c) => views.capability_name(c),
            Linked::Process(p) => views.model.processes[p].common.label(),
        }
    }
}

/// The capabilities and processes declared so far: a graph declares each once, where it is
/// first linked, however many streams link to it.
struct Declared {
    caps: Vec<bool>,
    procs: Vec<bool>,
}

impl Declared {
    fn new(views: &Views<'_>) -> Self {
        Declared {
            caps: vec![false; views.model.capabilities.len()],
            procs: vec![false; views.model.processes.len()],
        }
    }

    /// The links of each stage of stream `s` in writing order: the stage, what it links to,
    /// and whether that is new (to be declared before the edge).
    fn links(&mut self, views: &Views<'_>, s: usize) -> Vec<(usize, Linked, bool)> {
        let mut out = Vec::new();
        for g in 0..views.stream(s).1.stages.len() {
            let (_, st) = views.stage(s, g);
            for (c, _) in views.stage_links(st) {
                out.push((
                    g,
                    Linked::Capability(c),
                    !std::mem::replace(&mut self.caps[c], true),
                ));
            }
            let mut procs = Vec::new();
            for r in &st.processes {
                if let Some(p) = views.model.processes.get_index_of(r.value.as_str()) {
                    if !procs.contains(&p) {
                        procs.push(p);
                    }
                }
            }
            for p in procs {
                out.push((
                    g,
                    Linked::Process(p),
                    !std::mem::replace(&mut self.procs[p], true),
                ));
            }
        }
        out
    }
}

/// A Mermaid flowchart of `streams` (a subgraph each when there are several).
pub fn mermaid(views: &Views<'_>, streams: &[usize], links: bool) -> String {
    let mut out = String::from("flowchart LR\n");
    let many = streams.len() > 1;
    let mut declared = Declared::new(views);
    let mut no_value = Vec::new();
    let mut link_lines = String::new();
    for &s in streams {
        let (_, stream) = views.stream(s);
        let indent = if many { "    " } else { "  " };
        if many {
            let _ = writeln!(
                out,
                "  subgraph v{s}[\"{}\"]\n    direction LR",
                escape::mermaid(stream.common.label())
            );
        }
        if let Some(trigger) = trigger_label(views, s) {
            let _ = writeln!(out, "{indent}t{s}([\"{}\"])", escape::mermaid(&trigger));
        }
        for g in 0..stream.stages.len() {
            let _ = writeln!(
                out,
                "{indent}s{s}_{g}[\"{}\"]",
                escape::mermaid(&stage_label(views, s, g))
            );
            if views.stage(s, g).1.value_items.is_empty() {
                no_value.push(format!("s{s}_{g}"));
            }
        }
        if trigger_label(views, s).is_some() && !stream.stages.is_empty() {
            let _ = writeln!(out, "{indent}t{s} --> s{s}_0");
        }
        for (g, next) in views.resolved.flow[s].iter().enumerate() {
            for t in next {
                let _ = writeln!(out, "{indent}s{s}_{g} --> s{s}_{t}");
            }
        }
        if many {
            out.push_str("  end\n");
        }
        if links {
            for (g, node, new) in declared.links(views, s) {
                if new {
                    let label = escape::mermaid(node.label(views));
                    let _ = match node {
                        Linked::Capability(_) => writeln!(out, "  {node}[/\"{label}\"/]"),
                        Linked::Process(_) => writeln!(out, "  {node}[[\"{label}\"]]"),
                    };
                }
                let _ = writeln!(link_lines, "  s{s}_{g} -.-> {node}");
            }
        }
    }
    out.push_str(&link_lines);
    out.push_str("  classDef trigger fill:#eef2ff,stroke:#4338ca,color:#1e1b4b\n");
    out.push_str("  classDef novalue fill:#fff4e0,stroke:#d97706,stroke-dasharray:5 3\n");
    let triggers: Vec<String> = streams
        .iter()
        .filter(|&&s| trigger_label(views, s).is_some())
        .map(|s| format!("t{s}"))
        .collect();
    if !triggers.is_empty() {
        let _ = writeln!(out, "  class {} trigger", triggers.join(","));
    }
    if !no_value.is_empty() {
        let _ = writeln!(out, "  class {} novalue", no_value.join(","));
    }
    if links {
        out.push_str("  classDef capability fill:#ecfdf5,stroke:#047857\n");
        out.push_str("  classDef process fill:#f5f3ff,stroke:#6d28d9\n");
        for (marks, prefix, class) in [
            (&declared.caps, 'c', "capability"),
            (&declared.procs, 'p', "process"),
        ] {
            let ids: Vec<String> = (0..marks.len())
                .filter(|&i| marks[i])
                .map(|i| format!("{prefix}{i}"))
                .collect();
            if !ids.is_empty() {
                let _ = writeln!(out, "  class {} {class}", ids.join(","));
            }
        }
    }
    out
}

/// A Graphviz DOT digraph of `streams` (a cluster each).
pub fn dot(views: &Views<'_>, streams: &[usize], links: bool) -> String {
    let mut out = String::from(
        "digraph \"value streams\" {\n  graph [rankdir=LR, fontname=\"Helvetica\", nodesep=0.3, ranksep=0.5];\n  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef4fb\", color=\"#2457a6\", fontname=\"Helvetica\", fontsize=11];\n  edge [color=\"#4b5563\", fontname=\"Helvetica\"];\n",
    );
    let mut declared = Declared::new(views);
    let mut edges = String::new();
    for &s in streams {
        let (stream_id, stream) = views.stream(s);
        let _ = writeln!(
            out,
            "  subgraph cluster_{s} {{\n    label=\"{}\";\n    tooltip=\"{}\";\n    style=\"rounded\";\n    color=\"#9ca3af\";",
            escape::dot(stream.common.label()),
            escape::dot(stream_id)
        );
        if let Some(trigger) = trigger_label(views, s) {
            let _ = writeln!(
                out,
                "    t{s} [label=\"{}\", shape=oval, fillcolor=\"#eef2ff\", color=\"#4338ca\"];",
                escape::dot(&trigger)
            );
            if !stream.stages.is_empty() {
                let _ = writeln!(edges, "  t{s} -> s{s}_0;");
            }
        }
        for g in 0..stream.stages.len() {
            let no_value = views.stage(s, g).1.value_items.is_empty();
            let _ = writeln!(
                out,
                "    s{s}_{g} [label=\"{}\"{}];",
                escape::dot(&stage_label(views, s, g)),
                if no_value {
                    ", style=\"rounded,filled,dashed\", fillcolor=\"#fff4e0\", color=\"#d97706\""
                } else {
                    ""
                }
            );
        }
        out.push_str("  }\n");
        for (g, next) in views.resolved.flow[s].iter().enumerate() {
            for t in next {
                let _ = writeln!(edges, "  s{s}_{g} -> s{s}_{t};");
            }
        }
        if links {
            for (g, node, new) in declared.links(views, s) {
                if new {
                    let (shape, fill, color) = match node {
                        Linked::Capability(_) => ("box", "#ecfdf5", "#047857"),
                        Linked::Process(_) => ("component", "#f5f3ff", "#6d28d9"),
                    };
                    let _ = writeln!(
                        out,
                        "  {node} [label=\"{}\", shape={shape}, style=\"filled\", fillcolor=\"{fill}\", color=\"{color}\"];",
                        escape::dot(node.label(views))
                    );
                }
                let _ = writeln!(
                    edges,
                    "  s{s}_{g} -> {node} [style=dashed, arrowhead=none];"
                );
            }
        }
    }
    out.push_str(&edges);
    out.push_str("}\n");
    out
}

/// Layer (column) of each stage: breadth-first distance from the first stage; stages the
/// flow does not reach start new searches of their own at column 0.
pub fn layers(flow: &[Vec<usize>]) -> Vec<usize> {
    let n = flow.len();
    let mut layer = vec![usize::MAX; n];
    let mut queue = VecDeque::new();
    for start in 0..n {
        if layer[start] != usize::MAX {
            continue;
        }
        layer[start] = 0;
        queue.push_back(start);
        while let Some(node) = queue.pop_front() {
            for &next in &flow[node] {
                if next < n && layer[next] == usize::MAX {
                    layer[next] = layer[node] + 1;
                    queue.push_back(next);
                }
            }
        }
    }
    layer
}

/// The style of [`svg_flow`] diagrams (part of the report's style sheet).
pub const FLOW_CSS: &str = "svg.flow .st{fill:#f4f7fc;stroke:#2457a6;stroke-width:1.4}\
svg.flow .st.nv{fill:#fff4e0;stroke:#d97706;stroke-dasharray:5 3}\
svg.flow .bd{fill:#2457a6}svg.flow .bd.nv{fill:#d97706}\
svg.flow .n{font-size:10.5px;font-weight:700;fill:#fff;text-anchor:middle}\
svg.flow .l{font-size:12px;fill:#1f2933;text-anchor:middle}\
svg.flow .e{stroke:#4b5563;stroke-width:1.4;fill:none}\
svg.flow .b{stroke:#9a3412;stroke-width:1.2;stroke-dasharray:4 3;fill:none}\
svg.flow .tr{fill:#eef2ff;stroke:#4338ca;stroke-width:1.2}\
svg.flow .tl{font-size:12px;fill:#1e1b4b;text-anchor:middle}\
svg.flow .ah{fill:#4b5563}";

/// The arrow head every [`svg_flow`] diagram points to: put once in the document.
pub const FLOW_DEFS: &str = "<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\"><defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#4b5563\"/></marker></defs></svg>";

/// The stage flow of one stream as an inline SVG for the HTML report: boxes left to right by
/// layer, arrows for `next`, the triggering stakeholder first; stages without a value item are
/// dashed amber. It is styled by [`FLOW_CSS`] and uses the marker of [`FLOW_DEFS`].
pub fn svg_flow(views: &Views<'_>, stream: usize) -> String {
    const W: f64 = 156.0;
    const GAP_X: f64 = 44.0;
    const GAP_Y: f64 = 18.0;
    const MARGIN: f64 = 12.0;
    const FONT: f64 = 12.0;
    const LINE: f64 = 15.0;
    const TRIGGER_W: f64 = 118.0;
    let (stream_id, value_stream) = views.stream(stream);
    let flow = &views.resolved.flow[stream];
    let n = value_stream.stages.len();
    let layer = layers(flow);
    let columns = layer.iter().copied().max().map_or(0, |m| m + 1);
    let mut row_in_layer = vec![0usize; n];
    let mut rows_per_layer = vec![0usize; columns];
    for g in 0..n {
        row_in_layer[g] = rows_per_layer[layer[g]];
        rows_per_layer[layer[g]] += 1;
    }
    let max_rows = rows_per_layer.iter().copied().max().unwrap_or(1).max(1);
    let labels: Vec<Vec<String>> = (0..n)
        .map(|g| svg::wrap(views.stage(stream, g).1.common.label(), W - 34.0, FONT, 3))
        .collect();
    let max_lines = labels.iter().map(Vec::len).max().unwrap_or(1);
    let h = max_lines as f64 * LINE + 22.0;
    let trigger = trigger_label(views, stream);
    let left = MARGIN
        + if trigger.is_some() {
            TRIGGER_W + GAP_X
        } else {
            0.0
        };
    let has_back = flow
        .iter()
        .enumerate()
        .any(|(g, next)| next.iter().any(|&t| t < n && layer[t] < layer[g]));
    let back_room = if has_back { 34.0 } else { 0.0 };
    let width =
        (left + columns as f64 * (W + GAP_X) - GAP_X + MARGIN).max(TRIGGER_W + 2.0 * MARGIN);
    let height = MARGIN * 2.0 + max_rows as f64 * (h + GAP_Y) - GAP_Y + back_room;
    let pos = |g: usize| {
        (
            left + layer[g] as f64 * (W + GAP_X),
            MARGIN + row_in_layer[g] as f64 * (h + GAP_Y),
        )
    };
    let mut out = String::with_capacity(600 + n * 450);
    let _ = write!(
        out,
        r#"<svg class="{}" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" role="img" aria-label=""#,
        if width <= 1600.0 { "flow fit" } else { "flow" }
    );
    escape::html_into(
        &mut out,
        &views
            .lang
            .t_args("graph-aria-flow", &[("id", stream_id.into())]),
    );
    out.push_str("\">");
    if let Some(trigger) = &trigger {
        let ty = if n > 0 {
            pos(0).1 + h / 2.0
        } else {
            MARGIN + h / 2.0
        };
        let lines = svg::wrap(trigger, TRIGGER_W - 20.0, FONT, 2);
        let th = lines.len() as f64 * LINE + 14.0;
        if n > 0 {
            let _ = write!(
                out,
                r#"<path class="e" d="M{:.0},{ty:.0}H{:.0}" marker-end="url(#arrow)"/>"#,
                MARGIN + TRIGGER_W,
                left - 2.0
            );
        }
        out.push_str("<g><title>");
        escape::html_into(
            &mut out,
            &views
                .lang
                .t_args("stages-trigger", &[("trigger", trigger.as_str().into())]),
        );
        let _ = write!(
            out,
            r#"</title><rect class="tr" x="{MARGIN}" y="{:.0}" width="{TRIGGER_W}" height="{th:.0}" rx="{:.0}"/>"#,
            ty - th / 2.0,
            th / 2.0
        );
        svg::text_block(
            &mut out,
            &lines,
            MARGIN + TRIGGER_W / 2.0,
            ty - th / 2.0 + 7.0 + FONT - 1.0,
            LINE,
            r#"class="tl""#,
        );
        out.push_str("</g>");
    }
    // Edges under the boxes.
    for (g, next) in flow.iter().enumerate() {
        for &t in next {
            if t >= n {
                continue;
            }
            let (x1, y1) = pos(g);
            let (x2, y2) = pos(t);
            if layer[t] > layer[g] {
                let (sx, sy) = (x1 + W, y1 + h / 2.0);
                let (ex, ey) = (x2 - 2.0, y2 + h / 2.0);
                if (sy - ey).abs() < 0.5 {
                    let _ = write!(
                        out,
                        r#"<path class="e" d="M{sx:.0},{sy:.0}H{ex:.0}" marker-end="url(#arrow)"/>"#
                    );
                } else {
                    let dx = (ex - sx) / 2.0;
                    let _ = write!(
                        out,
                        r#"<path class="e" d="M{sx:.0},{sy:.0}C{:.0},{sy:.0} {:.0},{ey:.0} {ex:.0},{ey:.0}" marker-end="url(#arrow)"/>"#,
                        sx + dx,
                        ex - dx
                    );
                }
            } else if layer[t] == layer[g] && row_in_layer[t] != row_in_layer[g] {
                // Same column: straight down (or up) between the boxes.
                let x = x1 + W * 0.5;
                let (sy, ey) = if row_in_layer[t] > row_in_layer[g] {
                    (y1 + h, y2 - 2.0)
                } else {
                    (y1, y2 + h + 2.0)
                };
                let _ = write!(
                    out,
                    r#"<path class="e" d="M{x:.0},{sy:.0}V{ey:.0}" marker-end="url(#arrow)"/>"#
                );
            } else {
                // Back edge (or a stage to itself): a loop under the boxes.
                let (sx, sy) = (x1 + W * 0.5, y1 + h);
                let (ex, ey) = (x2 + W * 0.35, y2 + h + 2.0);
                let low = sy.max(ey) + back_room.max(24.0) - 4.0;
                let _ = write!(
                    out,
                    r#"<path class="b" d="M{sx:.0},{sy:.0}C{sx:.0},{low:.0} {ex:.0},{low:.0} {ex:.0},{ey:.0}" marker-end="url(#arrow)"/>"#
                );
            }
        }
    }
    for (g, label) in labels.iter().enumerate() {
        let (x, y) = pos(g);
        let (_, stage) = views.stage(stream, g);
        let no_value = stage.value_items.is_empty();
        let nv = if no_value { " nv" } else { "" };
        out.push_str("<g><title>");
        escape::html_into(&mut out, stage.common.label());
        if no_value {
            out.push_str(" (");
            escape::html_into(&mut out, &views.lang.t("tag-no-value-item"));
            out.push(')');
        }
        let _ = write!(
            out,
            r#"</title><rect class="st{nv}" x="{x:.0}" y="{y:.0}" width="{W}" height="{h:.0}" rx="8"/><circle class="bd{nv}" cx="{:.0}" cy="{:.0}" r="9"/><text class="n" x="{:.0}" y="{:.0}">{}</text>"#,
            x + 14.0,
            y + 14.0,
            x + 14.0,
            y + 18.0,
            g + 1
        );
        let text_top = y + (h - label.len() as f64 * LINE) / 2.0 + FONT - 1.5;
        svg::text_block(
            &mut out,
            label,
            x + W / 2.0 + 8.0,
            text_top,
            LINE,
            r#"class="l""#,
        );
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::layers;

    #[test]
    fn layers_follow_the_flow() {
        // 0 → 1 → {2, 3}; 3 → 1 (loop back); 4 unreachable.
        let flow = vec![vec![1], vec![2, 3], vec![], vec![1], vec![]];
        assert_eq!(layers(&flow), vec![0, 1, 2, 2, 0]);
    }
}
