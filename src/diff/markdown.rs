//! The diff as a pull-request comment (GitHub-flavoured Markdown): a title, the summary
//! tables, then one collapsed `<details>` section per subject. Model text is escaped as the
//! reports escape it ([`crate::report::escape`]), so no name can break a table or bring in
//! markup. GitHub refuses a comment over [`COMMENT_LIMIT`] characters: sections are added
//! while they fit, and a note says how many rows were left out.

use super::term::{efficiency, lead_time};
use super::{kind_title, Change, Diff, FieldChange, FindingRef};
use crate::report::escape::{markdown as md, markdown_heading};

/// The longest comment GitHub takes, in characters.
pub const COMMENT_LIMIT: usize = 65_536;

/// Room kept for the note that says the comment was cut.
const NOTE_ROOM: usize = 500;

/// One collapsed section: a title, a table's header (two lines) and its rows.
struct Section {
    title: String,
    header: String,
    rows: Vec<String>,
}

/// The comment, at most `limit` characters (GitHub's [`COMMENT_LIMIT`] for a comment).
pub fn render(diff: &Diff, limit: usize) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "### vsm diff: {} → {}\n\n",
        markdown_heading(&cut(&diff.old.label, 200)),
        markdown_heading(&cut(&diff.new.label, 200))
    ));
    if diff.is_empty() {
        out.push_str("No semantic change.\n");
        return out;
    }
    out.push_str(&summary(diff));
    let sections = sections(diff);
    let mut used = out.chars().count();
    let budget = limit.saturating_sub(NOTE_ROOM);
    let mut left_out = 0usize;
    for section in sections {
        let open = format!(
            "<details><summary>{}</summary>\n\n{}",
            section.title, section.header
        );
        let close = "\n</details>\n\n";
        let (open_len, close_len) = (open.chars().count(), close.chars().count());
        if left_out > 0 || used + open_len + close_len > budget {
            left_out += section.rows.len();
            continue;
        }
        let mut text = open;
        let mut length = used + open_len + close_len;
        let mut shown = 0;
        for row in &section.rows {
            let row_len = row.chars().count();
            if length + row_len > budget {
                break;
            }
            text.push_str(row);
            length += row_len;
            shown += 1;
        }
        if shown == 0 {
            left_out += section.rows.len();
            continue;
        }
        left_out += section.rows.len() - shown;
        text.push_str(close);
        out.push_str(&text);
        used = length;
    }
    if left_out > 0 {
        out.push_str(&format!(
            "> **Cut to fit a comment:** {left_out} more {} not shown (GitHub takes {} \
             characters). Run `vsm diff` with `--format md -o diff.md` or `--format json` for \
             the whole diff.\n",
            if left_out == 1 { "row is" } else { "rows are" },
            COMMENT_LIMIT
        ));
    }
    out
}

/// At most `max` characters of `text`, `…` when cut.
fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// The two summary tables: element changes by kind, then the counts of everything else.
fn summary(diff: &Diff) -> String {
    let s = &diff.summary;
    let mut out = String::new();
    if !s.kinds.is_empty() {
        out.push_str("| elements | added | removed | renamed | changed |\n");
        out.push_str("| --- | ---: | ---: | ---: | ---: |\n");
        for k in &s.kinds {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                kind_title(k.kind),
                k.added,
                k.removed,
                k.renamed,
                k.changed
            ));
        }
        out.push('\n');
    }
    let counts = [
        (s.value_items_lost, "value items lost"),
        (s.stages_without_value, "stages that now add no value"),
        (s.streams_that_lost_stages, "value streams that lost stages"),
        (s.value_items_added, "value items added"),
        (s.findings_introduced, "findings introduced"),
        (s.findings_fixed, "findings fixed"),
        (
            s.capability_figures_changed,
            "capabilities whose gap or risk moved",
        ),
        (s.commitments_tightened, "commitments tightened"),
        (s.commitments_loosened, "commitments loosened"),
        (
            s.commitments_retargeted,
            "commitment targets set, dropped or changed",
        ),
        (
            s.streams_flow_changed,
            "value streams whose flow figures moved",
        ),
    ];
    if counts.iter().any(|(n, _)| *n > 0) {
        out.push_str("| change | count |\n| --- | ---: |\n");
        for (n, what) in counts.iter().filter(|(n, _)| *n > 0) {
            out.push_str(&format!("| {what} | {n} |\n"));
        }
        out.push('\n');
    }
    out
}

fn row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

fn header(columns: &[&str]) -> String {
    format!(
        "| {} |\n|{}\n",
        columns.join(" | "),
        " --- |".repeat(columns.len())
    )
}

/// `—` for a value not written, else the value escaped.
fn option(value: Option<&str>) -> String {
    value.map_or_else(|| "—".to_string(), md)
}

fn sections(diff: &Diff) -> Vec<Section> {
    let mut out = Vec::new();
    let v = &diff.value;
    let mut rows = Vec::new();
    for lost in &v.items_lost {
        rows.push(row(&[
            stage_cell(&lost.stage, &lost.stage_name),
            "value item lost".into(),
            md(&lost.item),
        ]));
    }
    for stage in &v.stages_without_value {
        rows.push(row(&[
            stage_cell(&stage.stage, &stage.name),
            "now adds no value".into(),
            format!(
                "had {}",
                crate::text::plural(stage.had, "value item", "value items")
            ),
        ]));
    }
    for loss in &v.streams_that_lost_stages {
        for stage in &loss.stages {
            rows.push(row(&[
                format!("value stream {}", stage_cell(&loss.stream, &loss.name)),
                "stage lost".into(),
                stage_cell(&stage.id, &stage.name),
            ]));
        }
    }
    for added in &v.items_added {
        rows.push(row(&[
            stage_cell(&added.stage, &added.stage_name),
            "value item added".into(),
            md(&added.item),
        ]));
    }
    if !rows.is_empty() {
        out.push(Section {
            title: format!("Value: {}", changes(rows.len())),
            header: header(&["where", "change", "what"]),
            rows,
        });
    }

    let f = &diff.findings;
    if !f.introduced.is_empty() || !f.fixed.is_empty() {
        let rows = f
            .introduced
            .iter()
            .map(|x| finding_row(x, "introduced"))
            .chain(f.fixed.iter().map(|x| finding_row(x, "fixed")))
            .collect::<Vec<_>>();
        out.push(Section {
            title: format!(
                "Findings: {} introduced, {} fixed",
                f.introduced.len(),
                f.fixed.len()
            ),
            header: header(&["change", "severity", "rule", "where", "message"]),
            rows,
        });
    }

    for kind in super::ALL_KINDS {
        let rows: Vec<String> = diff
            .elements
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| {
                let change = match (&c.change, &c.old_id) {
                    (Change::Renamed, Some(old)) => format!("renamed from {}", md(old)),
                    (change, _) => change.as_str().to_string(),
                };
                let fields: Vec<String> = c.fields.iter().map(field_cell).collect();
                row(&[change, md(&c.id), md(&c.name), fields.join("<br>")])
            })
            .collect();
        if !rows.is_empty() {
            out.push(Section {
                title: format!("{}: {}", kind_title(kind), changes(rows.len())),
                header: header(&["change", "id", "name", "fields"]),
                rows,
            });
        }
    }

    if !diff.capabilities.is_empty() {
        let moved = |old: Option<i32>, new: Option<i32>| {
            let show = |v: Option<i32>| v.map_or_else(|| "—".to_string(), |v| v.to_string());
            if old == new {
                show(new)
            } else {
                format!("{} → {}", show(old), show(new))
            }
        };
        out.push(Section {
            title: format!("Heat map: {}", changes(diff.capabilities.len())),
            header: header(&["capability", "name", "gap", "risk"]),
            rows: diff
                .capabilities
                .iter()
                .map(|c| {
                    row(&[
                        md(&c.id),
                        md(&c.name),
                        moved(c.old_gap, c.new_gap),
                        moved(c.old_risk, c.new_risk),
                    ])
                })
                .collect(),
        });
    }
    if !diff.commitments.is_empty() {
        out.push(Section {
            title: format!("Commitment targets: {}", changes(diff.commitments.len())),
            header: header(&["commitment", "name", "change", "target"]),
            rows: diff
                .commitments
                .iter()
                .map(|c| {
                    row(&[
                        md(&c.id),
                        md(&c.name),
                        c.direction.as_str().to_string(),
                        format!(
                            "{} → {}",
                            option(c.old.as_deref()),
                            option(c.new.as_deref())
                        ),
                    ])
                })
                .collect(),
        });
    }
    if !diff.flow.is_empty() {
        out.push(Section {
            title: format!("Flow: {}", changes(diff.flow.len())),
            header: header(&["value stream", "name", "lead time", "flow efficiency"]),
            rows: diff
                .flow
                .iter()
                .map(|s| {
                    row(&[
                        md(&s.id),
                        md(&s.name),
                        format!("{} → {}", md(&lead_time(&s.old)), md(&lead_time(&s.new))),
                        format!("{} → {}", efficiency(&s.old), efficiency(&s.new)),
                    ])
                })
                .collect(),
        });
    }
    out
}

fn changes(n: usize) -> String {
    crate::text::plural(n, "change", "changes")
}

/// `id (name)`, escaped.
fn stage_cell(id: &str, name: &str) -> String {
    format!("{} ({})", md(id), md(name))
}

/// `field: old → new`, or for lists `field: +a −b`, escaped for a cell.
fn field_cell(field: &FieldChange) -> String {
    let what = if field.added.is_empty() && field.removed.is_empty() {
        format!(
            "{} → {}",
            option(field.old.as_deref()),
            option(field.new.as_deref())
        )
    } else {
        let mut parts: Vec<String> = field.added.iter().map(|a| format!("+{}", md(a))).collect();
        parts.extend(field.removed.iter().map(|r| format!("−{}", md(r))));
        parts.join(" ")
    };
    format!("{}: {what}", md(&field.field))
}

fn finding_row(f: &FindingRef, what: &str) -> String {
    row(&[
        what.to_string(),
        f.severity.to_string(),
        format!("{} {}", f.code, f.rule),
        format!("{}:{}:{}", md(&f.file), f.line, f.column),
        md(&f.message),
    ])
}
