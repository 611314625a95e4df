//! The diff for a terminal: a summary, then one group per subject (value, each kind of
//! element, findings, figures), each line led by its sign: `+` added, `-` removed or lost,
//! `>` renamed, `~` changed, `!` a stage that now adds no value. Model text is escaped as all
//! terminal text is ([`crate::text::escaped`]); only the colours written here reach the
//! terminal as codes.

use super::{
    kind_title, seconds_text, Change, Diff, ElementChange, FieldChange, FindingRef, FlowFigures,
};
use crate::text::{escaped, plural};
use std::fmt::Write as _;

const GREEN: &str = "32";
const RED: &str = "31";
const YELLOW: &str = "33";
const CYAN: &str = "36";
const BOLD: &str = "1";
const DIM: &str = "2";

/// The text of `diff` for a terminal, coloured when `color`.
pub fn render(diff: &Diff, color: bool) -> String {
    let paint = |text: &str, code: &str| -> String {
        if color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        paint(
            &format!(
                "vsm diff {} → {}",
                escaped(&diff.old.label),
                escaped(&diff.new.label)
            ),
            BOLD
        )
    );
    if diff.is_empty() {
        out.push_str("No semantic change.\n");
        return out;
    }
    let _ = writeln!(out, "{}", summary_line(diff));

    let v = &diff.value;
    if !v.is_empty() {
        heading(&mut out, "Value", &paint);
        for lost in &v.items_lost {
            let _ = writeln!(
                out,
                "  {} value item \"{}\" lost by stage {} ({})",
                paint("-", RED),
                escaped(&lost.item),
                escaped(&lost.stage),
                escaped(&lost.stage_name)
            );
        }
        for stage in &v.stages_without_value {
            let _ = writeln!(
                out,
                "  {} stage {} ({}) now adds no value (it had {})",
                paint("!", RED),
                escaped(&stage.stage),
                escaped(&stage.name),
                plural(stage.had, "value item", "value items")
            );
        }
        for loss in &v.streams_that_lost_stages {
            for stage in &loss.stages {
                let _ = writeln!(
                    out,
                    "  {} value stream {} ({}) lost stage {} ({})",
                    paint("-", RED),
                    escaped(&loss.stream),
                    escaped(&loss.name),
                    escaped(&stage.id),
                    escaped(&stage.name)
                );
            }
        }
        for added in &v.items_added {
            let _ = writeln!(
                out,
                "  {} value item \"{}\" added to stage {} ({})",
                paint("+", GREEN),
                escaped(&added.item),
                escaped(&added.stage),
                escaped(&added.stage_name)
            );
        }
    }

    let mut kind = None;
    for change in &diff.elements {
        if kind != Some(change.kind) {
            kind = Some(change.kind);
            heading(&mut out, kind_title(change.kind), &paint);
        }
        element(&mut out, change, &paint);
    }

    let f = &diff.findings;
    if !f.introduced.is_empty() || !f.fixed.is_empty() {
        heading(&mut out, "Findings", &paint);
        for finding in &f.introduced {
            let _ = writeln!(
                out,
                "  {} {}",
                paint("+", RED),
                finding_line(finding, "introduced")
            );
        }
        for finding in &f.fixed {
            let _ = writeln!(
                out,
                "  {} {}",
                paint("-", GREEN),
                finding_line(finding, "fixed")
            );
        }
    }

    if !diff.capabilities.is_empty() {
        heading(&mut out, "Heat map", &paint);
        for c in &diff.capabilities {
            let _ = writeln!(
                out,
                "  {} {}  {}: gap {}, risk {}",
                paint("~", YELLOW),
                escaped(&c.id),
                escaped(&c.name),
                moved(c.old_gap, c.new_gap),
                moved(c.old_risk, c.new_risk)
            );
        }
    }

    if !diff.commitments.is_empty() {
        heading(&mut out, "Commitment targets", &paint);
        for c in &diff.commitments {
            let sign = match c.direction {
                super::Direction::Tightened => paint("~", GREEN),
                super::Direction::Loosened | super::Direction::Dropped => paint("~", RED),
                _ => paint("~", YELLOW),
            };
            let _ = writeln!(
                out,
                "  {sign} {} {}  {}: {} → {}",
                c.direction.as_str(),
                escaped(&c.id),
                escaped(&c.name),
                option(c.old.as_deref()),
                option(c.new.as_deref())
            );
        }
    }

    if !diff.flow.is_empty() {
        heading(&mut out, "Flow", &paint);
        for s in &diff.flow {
            let _ = writeln!(
                out,
                "  {} {}  {}: lead time {} → {}, flow efficiency {} → {}",
                paint("~", YELLOW),
                escaped(&s.id),
                escaped(&s.name),
                lead_time(&s.old),
                lead_time(&s.new),
                efficiency(&s.old),
                efficiency(&s.new)
            );
        }
    }
    out
}

fn heading(out: &mut String, title: &str, paint: &impl Fn(&str, &str) -> String) {
    let _ = writeln!(out, "\n{}", paint(title, BOLD));
}

/// `3 added, 1 removed; 1 value item lost; 2 findings introduced, 1 fixed`.
pub fn summary_line(diff: &Diff) -> String {
    let s = &diff.summary;
    let sum = |f: fn(&super::KindCount) -> usize| s.kinds.iter().map(f).sum::<usize>();
    let mut parts = Vec::new();
    let elements: Vec<String> = [
        (sum(|k| k.added), "added"),
        (sum(|k| k.removed), "removed"),
        (sum(|k| k.renamed), "renamed"),
        (sum(|k| k.changed), "changed"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    if !elements.is_empty() {
        parts.push(format!("elements: {}", elements.join(", ")));
    }
    let counted = [
        (s.value_items_lost, "value item lost", "value items lost"),
        (
            s.stages_without_value,
            "stage now adds no value",
            "stages now add no value",
        ),
        (
            s.streams_that_lost_stages,
            "value stream lost stages",
            "value streams lost stages",
        ),
        (s.value_items_added, "value item added", "value items added"),
        (
            s.findings_introduced,
            "finding introduced",
            "findings introduced",
        ),
        (s.findings_fixed, "finding fixed", "findings fixed"),
    ];
    for (n, one, many) in counted {
        if n > 0 {
            parts.push(plural(n, one, many));
        }
    }
    parts.join("; ")
}

fn element(out: &mut String, change: &ElementChange, paint: &impl Fn(&str, &str) -> String) {
    let sign = match change.change {
        Change::Added => paint("+", GREEN),
        Change::Removed => paint("-", RED),
        Change::Renamed => paint(">", CYAN),
        Change::Changed => paint("~", YELLOW),
    };
    let _ = write!(
        out,
        "  {sign} {}  {}",
        escaped(&change.id),
        escaped(&change.name)
    );
    if let Some(old) = &change.old_id {
        let _ = write!(out, "  {}", paint(&format!("(was {})", escaped(old)), DIM));
    }
    out.push('\n');
    for field in &change.fields {
        let _ = writeln!(out, "      {}", field_line(field));
    }
}

/// `maturity: 2 → 3`; for lists the entries added and removed: `capabilities: +a -b`.
pub fn field_line(field: &FieldChange) -> String {
    let what = if field.added.is_empty() && field.removed.is_empty() {
        format!(
            "{} → {}",
            option(field.old.as_deref()),
            option(field.new.as_deref())
        )
    } else {
        let mut parts: Vec<String> = field
            .added
            .iter()
            .map(|a| format!("+{}", escaped(a)))
            .collect();
        parts.extend(field.removed.iter().map(|r| format!("-{}", escaped(r))));
        parts.join(" ")
    };
    format!("{}: {what}", escaped(&field.field))
}

/// A value, escaped, or `—` when not written.
fn option(value: Option<&str>) -> String {
    value.map_or_else(|| "—".to_string(), |v| escaped(v).into_owned())
}

fn finding_line(f: &FindingRef, what: &str) -> String {
    format!(
        "{}[{}] {}:{}:{}: {} ({what})",
        f.severity,
        f.code,
        escaped(&f.file),
        f.line,
        f.column,
        escaped(&f.message)
    )
}

fn moved(old: Option<i32>, new: Option<i32>) -> String {
    let show = |v: Option<i32>| v.map_or_else(|| "—".to_string(), |v| v.to_string());
    if old == new {
        show(new)
    } else {
        format!("{} → {}", show(old), show(new))
    }
}

/// The critical path's lead time, `≥ ` before a lower bound; `—` without one.
pub fn lead_time(figures: &FlowFigures) -> String {
    match figures.lead_seconds {
        Some(lead) => format!(
            "{}{}",
            if figures.partial { "≥ " } else { "" },
            seconds_text(lead)
        ),
        None => "—".to_string(),
    }
}

/// `12.5%`; `—` without a lead time.
pub fn efficiency(figures: &FlowFigures) -> String {
    figures
        .flow_efficiency_percent
        .map_or_else(|| "—".to_string(), |e| format!("{e:.1}%"))
}
