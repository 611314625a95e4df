//! The Markdown report: the HTML report's content as GitHub-flavoured Markdown tables, with the
//! stage flows as Mermaid blocks (GitHub renders them).

use super::data::Views;
use super::escape::{markdown as md, markdown_block, markdown_heading};
use super::format::markdown::table as md_table;
use super::heatmap::matrix::CrossMap;
use super::heatmap::quadrant::QuadrantMap;
use super::heatmap::stages::StageMap;
use super::heatmap::HeatMap;
use super::views::capabilities::Capabilities;
use super::views::commitments::Commitments;
use super::views::handoffs::Handoffs;
use super::views::information::Information;
use super::views::mapping::Mapping;
use super::views::priorities::{Priorities, REPORT_PRIORITIES};
use super::views::processes::Processes;
use super::views::stakeholders::{self as who, Stakeholders};
use super::views::{flow, matrix, stages, Cell, Mark, Table, TableView};
use super::{graph, severity_summary_in, Report};
use crate::i18n::Lang;
use std::fmt::Write;

/// The whole report as Markdown.
pub fn render(report: &Report<'_>) -> String {
    let views = report.views;
    let model = views.model;
    let lang = views.lang;
    let mut out = String::with_capacity(4096 + model.stage_count() * 1500);
    let _ = writeln!(out, "# {}\n", markdown_heading(&report.title));
    if let Some(meta) = &model.meta {
        if let Some(name) = &meta.name {
            if name.value != report.title {
                let _ = writeln!(
                    out,
                    "{}  ",
                    lang.t_args("report-model", &[("name", md(&name.value).into())])
                );
            }
        }
        let mut facts = Vec::new();
        if let Some(owner) = &meta.owner {
            facts.push(lang.t_args("report-owner", &[("owner", md(&owner.value).into())]));
        }
        if let Some(version) = &meta.version {
            facts.push(lang.t_args("report-version", &[("version", md(&version.value).into())]));
        }
        if !facts.is_empty() {
            let _ = writeln!(out, "{}", facts.join(" · "));
        }
        if let Some(d) = &meta.description {
            let _ = writeln!(out, "\n{}", markdown_block(&d.value));
        }
        out.push('\n');
    }

    overview(&mut out, report);
    heading(&mut out, 2, &lang.t("section-value-streams"));
    if model.value_streams.is_empty() {
        empty(&mut out, &lang.t("empty-value-streams"));
    }
    for s in 0..model.value_streams.len() {
        stream_section(&mut out, views, s);
        heat_sections(&mut out, report, s);
    }

    let map = HeatMap::new(views, report.measure, report.palette);
    heading(&mut out, 2, &lang.t("section-capability-heat-map"));
    let _ = writeln!(
        out,
        "{}\n",
        lang.t_args(
            "intro-heat-map",
            &[
                ("measure", md(&report.measure.title(lang)).into()),
                ("needs", md(&report.measure.needs(lang)).into())
            ]
        )
    );
    out.push_str(&map.render_md(views));
    out.push('\n');
    heading(&mut out, 3, &lang.t("section-capability-inventory"));
    for table in Capabilities::new(views, None).tables() {
        out.push_str(&md_table(&table));
    }
    out.push('\n');
    priorities_section(&mut out, report, views);

    heading(&mut out, 2, &lang.t("section-commitments"));
    let commitments = Commitments::new(views, None).report_table(|r| report.stage_ref(r));
    if commitments.rows.is_empty() {
        empty(&mut out, &lang.t("empty-commitments"));
    } else {
        para(&mut out, &lang.t("intro-commitments"));
        out.push_str(&md_table(&commitments));
        out.push('\n');
    }

    heading(&mut out, 2, &lang.t("section-perceptions"));
    if model.perceptions.is_empty() {
        empty(&mut out, &lang.t("empty-perceptions"));
    } else {
        para(&mut out, &lang.t("intro-perceptions"));
        out.push_str(&md_table(&perceptions_table(report)));
        out.push('\n');
    }

    element_sections(&mut out, views);

    heading(&mut out, 2, &lang.t("section-findings"));
    if report.findings.is_empty() {
        let _ = writeln!(out, "{}", lang.t("empty-findings"));
    } else {
        let mut t = table_with(
            lang,
            &["col-severity", "col-rule", "col-finding", "col-where"],
        );
        for f in report.findings_by_severity() {
            let mut message = vec![f.message.clone()];
            if let Some(help) = &f.help {
                message.push(lang.t_args("finding-help", &[("help", help.as_str().into())]));
            }
            t.rows.push(vec![
                Cell::new(f.severity.as_str()).strong(),
                Cell::new(format!("{} {}", f.rule.code, f.rule.name)),
                Cell::lines(message),
                Cell::new(report.location(f)),
            ]);
        }
        out.push_str(&md_table(&t));
    }
    let _ = writeln!(
        out,
        "\n---\n\n_{}_",
        lang.t_args(
            "generated-by",
            &[("version", env!("CARGO_PKG_VERSION").into())]
        )
    );
    out
}

/// A `##` or `###` heading and the blank line after it.
fn heading(out: &mut String, level: usize, text: &str) {
    let _ = writeln!(out, "{} {text}\n", "#".repeat(level));
}

/// An empty-state sentence, in italics.
fn empty(out: &mut String, text: &str) {
    let _ = writeln!(out, "_{text}_\n");
}

/// A paragraph.
fn para(out: &mut String, text: &str) {
    let _ = writeln!(out, "{text}\n");
}

/// A table whose column headers are these messages.
fn table_with(lang: Lang, keys: &[&str]) -> Table {
    Table {
        headers: keys.iter().map(|key| lang.t(key)).collect(),
        ..Table::default()
    }
}

fn overview(out: &mut String, report: &Report<'_>) {
    let views = report.views;
    let lang = views.lang;
    let c = report.counts();
    heading(out, 2, &lang.t("section-overview"));
    let mut counts = table_with(lang, &["col-element", "col-count"]);
    counts.right = vec![1];
    for (label, n) in [
        ("count-value-streams", c.value_streams),
        ("count-stages", c.stages),
        ("count-no-value-stages", c.no_value_stages),
        ("count-value-items", c.value_items),
        ("count-capabilities", c.capabilities),
        ("count-processes", c.processes),
        ("count-information", c.information),
        ("count-business-objects", c.business_objects),
        ("count-commitments", c.commitments),
        ("count-perceptions", c.perceptions),
        ("count-focus-perceptions", c.focus_perceptions),
        ("count-stakeholders", c.stakeholders),
    ] {
        counts
            .rows
            .push(vec![Cell::new(lang.t(label)), Cell::new(n.to_string())]);
    }
    out.push_str(&md_table(&counts));
    let _ = writeln!(
        out,
        "\n**{}** {}\n",
        lang.t("findings-label"),
        severity_summary_in(lang, report.findings, " · ")
    );
    heading(out, 3, &lang.t("section-flagged-stages"));
    let flagged = report.flagged_stages();
    if flagged.is_empty() {
        para(out, &lang.t("empty-flagged"));
        return;
    }
    para(out, &lang.t("intro-flagged"));
    let mut t = table_with(lang, &["col-value-stream", "col-stage", "col-why"]);
    for f in &flagged {
        let mut why = Vec::new();
        if f.no_value {
            why.push(lang.t("badge-no-value-item"));
        }
        for rule in &f.rules {
            if f.no_value && rule.code == crate::catalog::NO_VALUE_ITEM.code {
                continue;
            }
            why.push(format!("{} {}", rule.code, rule.name));
        }
        let mut why = Cell::new(why.join(", "));
        if f.no_value {
            why = why.strong().mark(Mark::Warn);
        }
        t.rows.push(vec![
            Cell::new(views.stream(f.stream).1.common.label()),
            Cell::new(views.stage(f.stream, f.stage).1.common.label()),
            why,
        ]);
    }
    out.push_str(&md_table(&t));
    out.push('\n');
}

fn stream_section(out: &mut String, views: &Views<'_>, s: usize) {
    let (stream_id, stream) = views.stream(s);
    let id = if stream_id.contains('`') {
        md(stream_id)
    } else {
        format!("`{stream_id}`")
    };
    let _ = writeln!(
        out,
        "### {} ({id})\n",
        markdown_heading(stream.common.label())
    );
    if let Some(d) = &stream.common.description {
        let _ = writeln!(out, "{}\n", markdown_block(&d.value));
    }
    let template = stages::Stream::new(views, s);
    for note in template.notes() {
        let _ = writeln!(out, "- {}", md(&note));
    }
    out.push('\n');
    let lang = views.lang;
    if stream.stages.is_empty() {
        empty(out, &lang.t("empty-stages"));
        return;
    }
    heading(out, 4, &lang.t("section-stage-flow"));
    out.push_str("```mermaid\n");
    out.push_str(&graph::mermaid(views, &[s], false));
    out.push_str("```\n\n");
    heading(out, 4, &lang.t("section-stages"));
    let mut stages = template.table();
    stages.title = None;
    stages.notes.clear();
    out.push_str(&md_table(&stages));
    out.push('\n');
    heading(out, 4, &lang.t("section-mapping"));
    out.push_str(&md_table(&Mapping::new(views, &[s]).stream_table()));
    flow_section(out, views, s);
    out.push('\n');
    heading(out, 4, &lang.t("section-stage-by-capability"));
    let mut matrix = matrix::Stream::new(views, s).table();
    // A `parent` chain deeper than the level scale is indented no further than its deepest level.
    for name in matrix.rows.iter_mut().filter_map(|row| row.first_mut()) {
        name.indent = name.indent.min(super::views::capabilities::MAX_INDENT);
    }
    if matrix.rows.is_empty() {
        empty(out, &lang.t("empty-stage-capabilities"));
        return;
    }
    let _ = writeln!(out, "{}\n", md(&matrix::legend(lang)));
    matrix.title = None;
    matrix.notes.clear();
    out.push_str(&md_table(&matrix));
    out.push('\n');
}

/// A stream's heat maps: each stage's gap (or risk) rolled up over the capabilities it uses,
/// and the cross-mapping heat map (nothing for a stream without stages).
fn heat_sections(out: &mut String, report: &Report<'_>, s: usize) {
    let views = report.views;
    if views.stream(s).1.stages.is_empty() {
        return;
    }
    let lang = views.lang;
    let stages = StageMap::new(lang, &[s], report.measure, report.palette);
    heading(out, 4, &lang.t("section-stage-heat-map"));
    out.push_str(&stages.render_md(views, false));
    heading(out, 4, &lang.t("section-cross-mapping-heat-map"));
    out.push_str(
        &CrossMap::new(views, &[s], report.measure, report.palette).render_md(views, false),
    );
}

/// The lean flow figures of one stream (the `flow` view): its critical path and figures, and
/// the per-stage table when some stage has times.
fn flow_section(out: &mut String, views: &Views<'_>, s: usize) {
    out.push('\n');
    heading(out, 4, &views.lang.t("section-flow-figures"));
    let figures = flow::Stream::new(views, s);
    if figures.lead_seconds.is_none() {
        for note in figures.notes() {
            let _ = writeln!(out, "_{}_", md(&note));
        }
        return;
    }
    for note in figures.notes() {
        let _ = writeln!(out, "- {}", md(&note));
    }
    out.push('\n');
    let mut table = figures.table();
    table.title = None;
    table.notes.clear();
    out.push_str(&md_table(&table));
}

/// The priority quadrant, then the ten capabilities to improve first (the `priorities` view)
/// and what the ranking leaves out: one section, as in the HTML report.
fn priorities_section(out: &mut String, report: &Report<'_>, views: &Views<'_>) {
    let lang = views.lang;
    heading(out, 2, &lang.t("section-priorities"));
    heading(out, 3, &lang.t("section-priority-quadrant"));
    para(out, &lang.t("intro-quadrant"));
    out.push_str(&QuadrantMap::new(views, None, report.palette).render_md(views, 4));
    heading(out, 3, &lang.t("section-ranked-by-risk"));
    let priorities = Priorities::new(views, None, Some(REPORT_PRIORITIES));
    let notes = priorities.notes();
    if priorities.rows.is_empty() {
        empty(out, &lang.t("empty-priorities"));
    } else {
        for note in &notes {
            let _ = writeln!(out, "- {}", md(note));
        }
        out.push('\n');
        let mut table = priorities.tables().remove(0);
        table.notes.clear();
        out.push_str(&md_table(&table));
        out.push('\n');
    }
}

/// The perception points: focus points starred and in bold.
fn perceptions_table(report: &Report<'_>) -> Table {
    let lang = report.views.lang;
    let mut t = table_with(
        lang,
        &[
            "col-perception-point",
            "col-stage",
            "col-channel",
            "col-importance",
            "col-current",
            "col-expected",
            "col-gap",
            "col-answered-by",
        ],
    );
    t.right = vec![3, 4, 5, 6];
    t.rows = report
        .perceptions()
        .into_iter()
        .map(|p| {
            let name = if p.focus {
                Cell::new(format!("★ {}", p.name)).strong()
            } else {
                Cell::new(p.name)
            };
            let answered = if p.answered_by.is_empty() && p.focus {
                Cell::new(lang.t("badge-no-commitment")).strong()
            } else {
                Cell::lines(p.answered_by.iter().map(|a| a.to_string()).collect())
            };
            vec![
                name,
                Cell::new(p.stage),
                Cell::new(p.channel),
                Cell::new(p.importance),
                Cell::new(p.current),
                Cell::new(p.expected),
                Cell::new(p.gap),
                answered,
            ]
        })
        .collect();
    t
}

/// The sections of the processes, stakeholders, information and hand-offs views, as the HTML
/// report has them: the views' own tables, under `###` headings where a view has one table per
/// stream.
fn element_sections(out: &mut String, views: &Views<'_>) {
    use super::format::markdown::render as md_tables;
    let all: Vec<usize> = (0..views.model.value_streams.len()).collect();
    let lang = views.lang;

    heading(out, 2, &lang.t("section-processes"));
    let processes = Processes::new(views, None);
    if processes.rows.is_empty() {
        empty(out, &lang.t("empty-processes"));
    } else {
        para(out, &lang.t("intro-processes"));
        out.push_str(&md_tables(&processes.tables(), 3));
        out.push('\n');
    }

    heading(out, 2, &lang.t("section-stakeholders"));
    let stakeholders = Stakeholders::new(views, &all, false);
    if stakeholders.rows.is_empty() {
        empty(out, &lang.t("empty-stakeholders"));
    } else {
        para(
            out,
            &lang.t_args(
                "intro-stakeholders",
                &[("legend", md(&who::legend(lang)).into())],
            ),
        );
        let mut tables = stakeholders.tables();
        for table in &mut tables {
            // The legend is said once above.
            table.notes.retain(|note| *note != who::legend(lang));
        }
        out.push_str(&md_tables(&tables, 3));
        out.push('\n');
    }

    heading(out, 2, &lang.t("section-information"));
    let information = Information::new(views, None);
    if information.rows.is_empty() {
        empty(out, &lang.t("empty-information"));
    } else {
        para(out, &lang.t("intro-information"));
        out.push_str(&md_tables(&information.tables(), 3));
        out.push('\n');
    }

    heading(out, 2, &lang.t("section-handoffs"));
    let handoffs = Handoffs::new(views, &all);
    let mut tables: Vec<Table> = handoffs
        .streams
        .iter()
        .filter(|s| !s.handoffs.is_empty())
        .map(|s| s.table())
        .collect();
    if tables.is_empty() {
        empty(out, &lang.t("empty-handoffs"));
    } else {
        para(
            out,
            &lang.t_args(
                "intro-handoffs",
                &[("summary", md(&handoffs.summary(lang)).into())],
            ),
        );
        for table in &mut tables {
            table.notes.clear();
        }
        out.push_str(&md_tables(&tables, 3));
        out.push('\n');
    }
}
