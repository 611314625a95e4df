//! The impact in the terminal (a tree per relation, with counts), as Markdown (nested lists)
//! and as JSON (docs/impact.md documents every field).
//!
//! Model text goes to the terminal through [`crate::text::escaped`] (line breaks and tabs
//! become spaces first, so a name cannot break the tree), to Markdown through
//! [`crate::report::escape`]. Tree depth is shown up to [`MAX_LEVEL`] levels: a 100,000-deep
//! `parent` chain must not make the output quadratic in size.

use super::{Group, Impact, Item, ItemKind, Part};
use crate::i18n::Lang;
use crate::report::escape::{markdown, markdown_block, markdown_heading};
use crate::text::escaped;
use serde::ser::{SerializeMap, Serializer};
use std::fmt::Write;

/// The deepest level a tree indents to; deeper items are shown at this level.
pub const MAX_LEVEL: usize = crate::report::views::capabilities::MAX_INDENT as usize;

/// Version of the JSON structure of `vsm impact --format json`.
pub const VERSION: u32 = 1;

/// One line of a group: its level in the tree (0 = a top item) and what it shows.
struct Line {
    level: usize,
    label: String,
    via: Vec<String>,
}

/// The message key of each group heading `build.rs` writes (English, the key's text in
/// `locales/en/views.ftl`), so the headings are looked up in the output's language.
const TITLES: [(&str, &str); 47] = [
    (
        "Commitments on those stages",
        "impact-title-commitments-on-those-stages",
    ),
    (
        "Perception points on those stages",
        "impact-title-perception-points-on-those-stages",
    ),
    (
        "Value streams of those stages",
        "impact-title-value-streams-of-those-stages",
    ),
    ("Owner", "impact-title-owner"),
    (
        "Capabilities below it",
        "impact-title-capabilities-below-it",
    ),
    (
        "Stages using it or a capability below it",
        "impact-title-stages-using-it-or-a-capability-below-it",
    ),
    (
        "Processes using it or a capability below it",
        "impact-title-processes-using-it-or-a-capability-below-it",
    ),
    ("Stages it realises", "impact-title-stages-it-realises"),
    (
        "Capabilities it or its steps use",
        "impact-title-capabilities-it-or-its-steps-use",
    ),
    (
        "Information it or its steps use",
        "impact-title-information-it-or-its-steps-use",
    ),
    ("Steps", "impact-title-steps"),
    (
        "Business object it is about",
        "impact-title-business-object-it-is-about",
    ),
    ("Stages using it", "impact-title-stages-using-it"),
    ("Processes using it", "impact-title-processes-using-it"),
    ("Information about it", "impact-title-information-about-it"),
    (
        "Related business objects",
        "impact-title-related-business-objects",
    ),
    (
        "Stages using it or its information",
        "impact-title-stages-using-it-or-its-information",
    ),
    (
        "Processes using its information",
        "impact-title-processes-using-its-information",
    ),
    (
        "Value streams it triggers",
        "impact-title-value-streams-it-triggers",
    ),
    (
        "Stages it takes part in",
        "impact-title-stages-it-takes-part-in",
    ),
    ("Capabilities it owns", "impact-title-capabilities-it-owns"),
    ("Processes it owns", "impact-title-processes-it-owns"),
    ("Steps it owns", "impact-title-steps-it-owns"),
    ("Commitments it owns", "impact-title-commitments-it-owns"),
    ("Commitments on it", "impact-title-commitments-on-it"),
    (
        "Perception points on it",
        "impact-title-perception-points-on-it",
    ),
    ("Value stream", "impact-title-value-stream"),
    (
        "Stages flowing into it",
        "impact-title-stages-flowing-into-it",
    ),
    ("Stages it flows to", "impact-title-stages-it-flows-to"),
    ("Value items", "impact-title-value-items"),
    (
        "Participating stakeholders",
        "impact-title-participating-stakeholders",
    ),
    (
        "Capabilities it or its value items use",
        "impact-title-capabilities-it-or-its-value-items-use",
    ),
    (
        "Processes realising it",
        "impact-title-processes-realising-it",
    ),
    ("Information it uses", "impact-title-information-it-uses"),
    (
        "Business objects it uses",
        "impact-title-business-objects-it-uses",
    ),
    (
        "Commitments on its stages",
        "impact-title-commitments-on-its-stages",
    ),
    (
        "Perception points on its stages",
        "impact-title-perception-points-on-its-stages",
    ),
    (
        "Triggering stakeholder",
        "impact-title-triggering-stakeholder",
    ),
    ("Stages", "impact-title-stages"),
    (
        "Stakeholders taking part in its stages",
        "impact-title-stakeholders-taking-part-in-its-stages",
    ),
    (
        "Capabilities its stages use",
        "impact-title-capabilities-its-stages-use",
    ),
    (
        "Processes realising its stages",
        "impact-title-processes-realising-its-stages",
    ),
    ("Stage it is on", "impact-title-stage-it-is-on"),
    (
        "Perception point it answers",
        "impact-title-perception-point-it-answers",
    ),
    (
        "Parts: lower-level commitments",
        "impact-title-parts-lower-level-commitments",
    ),
    ("Part of", "impact-title-part-of"),
    (
        "Commitments answering it",
        "impact-title-commitments-answering-it",
    ),
];

/// The message keys of a kind's noun and of its count (`2 value items`).
fn kind_keys(kind: ItemKind) -> (&'static str, &'static str) {
    match kind {
        ItemKind::Stakeholder => ("impact-kind-stakeholder", "impact-kind-stakeholder-count"),
        ItemKind::ValueStream => ("impact-kind-value-stream", "impact-kind-value-stream-count"),
        ItemKind::Stage => ("impact-kind-stage", "impact-kind-stage-count"),
        ItemKind::ValueItem => ("impact-kind-value-item", "impact-kind-value-item-count"),
        ItemKind::Capability => ("impact-kind-capability", "impact-kind-capability-count"),
        ItemKind::Process => ("impact-kind-process", "impact-kind-process-count"),
        ItemKind::Step => ("impact-kind-step", "impact-kind-step-count"),
        ItemKind::Information => (
            "impact-kind-information-item",
            "impact-kind-information-item-count",
        ),
        ItemKind::BusinessObject => (
            "impact-kind-business-object",
            "impact-kind-business-object-count",
        ),
        ItemKind::Commitment => ("impact-kind-commitment", "impact-kind-commitment-count"),
        ItemKind::Perception => (
            "impact-kind-perception-point",
            "impact-kind-perception-point-count",
        ),
    }
}

/// A group's heading in `lang` (the English text itself when it has no key).
fn title(lang: Lang, title: &str) -> String {
    TITLES
        .iter()
        .find(|(english, _)| *english == title)
        .map_or_else(|| title.to_string(), |(_, key)| lang.t(key))
}

/// "customer-id · Customer name", the id alone when the element has no other name.
fn element_label(
    lang: Lang,
    id: Option<&str>,
    name: &str,
    kind: ItemKind,
    position: Option<usize>,
) -> String {
    let noun = || lang.t(kind_keys(kind).0);
    let head = match (id, position) {
        (Some(id), _) => id.to_string(),
        (None, Some(position)) => format!("{} {position}", noun()),
        (None, None) => noun(),
    };
    if name.is_empty() || name == head {
        head
    } else {
        format!("{head} · {name}")
    }
}

fn item_label(lang: Lang, item: &Item) -> String {
    element_label(
        lang,
        item.id.as_deref(),
        &item.name,
        item.kind,
        item.position,
    )
}

fn part_label(lang: Lang, part: &Part) -> String {
    element_label(lang, None, &part.name, part.kind, Some(part.position))
}

/// The lines of a group: each item at its tree level, its parts one level below it.
fn lines(lang: Lang, group: &Group, subject: &str) -> Vec<Line> {
    // `via` that only names the subject itself says nothing.
    let via = |via: &[String]| -> Vec<String> {
        if via.len() == 1 && via[0] == subject {
            Vec::new()
        } else {
            via.to_vec()
        }
    };
    let mut out = Vec::new();
    for item in &group.items {
        let level = (item.depth.max(1) as usize - 1).min(MAX_LEVEL);
        out.push(Line {
            level,
            label: item_label(lang, item),
            via: via(&item.via),
        });
        for part in &item.parts {
            out.push(Line {
                level: (level + 1).min(MAX_LEVEL),
                label: part_label(lang, part),
                via: via(&part.via),
            });
        }
    }
    out
}

/// "Stages using it (4, with 5 value items)".
fn heading(lang: Lang, group: &Group) -> String {
    let title = title(lang, group.title);
    match group.parts() {
        Some((kind, n)) => lang.t_args(
            "impact-group-count-parts",
            &[
                ("title", title.into()),
                ("count", group.count.into()),
                (
                    "parts",
                    lang.t_args(kind_keys(kind).1, &[("n", n.into())]).into(),
                ),
            ],
        ),
        None => lang.t_args(
            "impact-group-count",
            &[("title", title.into()), ("count", group.count.into())],
        ),
    }
}

fn subject_heading(lang: Lang, impact: &Impact) -> String {
    let subject = &impact.subject;
    let label = element_label(lang, Some(&subject.id), &subject.name, subject.kind, None);
    lang.t_args(
        "impact-heading",
        &[
            ("kind", lang.t(kind_keys(subject.kind).0).into()),
            ("label", label.into()),
        ],
    )
}

/// For each line: whether it is the last of its siblings, and for each level above it whether
/// the ancestor there has siblings after it (drawn `│`). One pass from the end.
fn tree_marks(lines: &[Line]) -> Vec<(bool, Vec<bool>)> {
    let mut open = [false; MAX_LEVEL + 2];
    let mut marks = vec![(false, Vec::new()); lines.len()];
    for (i, line) in lines.iter().enumerate().rev() {
        let level = line.level;
        marks[i] = (!open[level], open[..level].to_vec());
        open[level] = true;
        for deeper in &mut open[level + 1..] {
            *deeper = false;
        }
    }
    marks
}

/// Terminal text without controls, on one line.
fn term_text(text: &str) -> String {
    escaped(&text.replace(['\n', '\r', '\t'], " ")).into_owned()
}

/// The impact as trees in the terminal, its words in `lang`; `color` makes headings bold and
/// links dim.
pub fn term(impact: &Impact, lang: Lang, color: bool) -> String {
    let bold = |s: &str| {
        if color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let dim = |s: &str| {
        if color {
            format!("\x1b[2m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    out.push_str(&bold(&term_text(&subject_heading(lang, impact))));
    out.push('\n');
    for group in &impact.groups {
        out.push('\n');
        out.push_str(&bold(&term_text(&heading(lang, group))));
        out.push('\n');
        let lines = lines(lang, group, &impact.subject.id);
        if lines.is_empty() {
            out.push_str(&dim(&format!("   {}", lang.t("impact-none"))));
            out.push('\n');
            continue;
        }
        for (line, (last, above)) in lines.iter().zip(tree_marks(&lines)) {
            for continues in above {
                out.push_str(if continues { "│  " } else { "   " });
            }
            out.push_str(if last { "└─ " } else { "├─ " });
            out.push_str(&term_text(&line.label));
            if !line.via.is_empty() {
                out.push_str("  ");
                let via = lang.t_args("impact-via", &[("list", line.via.join(", ").into())]);
                out.push_str(&dim(&term_text(&via)));
            }
            out.push('\n');
        }
    }
    out
}

/// The impact as Markdown, its words in `lang`: a heading per relation and nested lists.
pub fn markdown_text(impact: &Impact, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## {}\n",
        markdown_heading(&subject_heading(lang, impact))
    );
    for group in &impact.groups {
        let _ = writeln!(out, "### {}\n", markdown_heading(&heading(lang, group)));
        let lines = lines(lang, group, &impact.subject.id);
        if lines.is_empty() {
            let _ = writeln!(out, "_{}_\n", lang.t("impact-none-md"));
            continue;
        }
        for line in &lines {
            let _ = write!(
                out,
                "{}- {}",
                "  ".repeat(line.level),
                markdown_block(&line.label)
            );
            if !line.via.is_empty() {
                let via = lang.t_args("impact-via", &[("list", line.via.join(", ").into())]);
                let _ = write!(out, " ({})", markdown(&via));
            }
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// The impact as JSON: `{"version": 1, "subject": ..., "groups": [...]}`, pretty-printed.
pub fn json(impact: &Impact) -> anyhow::Result<String> {
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::pretty(&mut out);
    let mut map = serializer.serialize_map(Some(3))?;
    map.serialize_entry("version", &VERSION)?;
    map.serialize_entry("subject", &impact.subject)?;
    map.serialize_entry("groups", &impact.groups)?;
    map.end()?;
    out.push(b'\n');
    Ok(String::from_utf8(out)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_marks_close_each_branch_at_its_last_child() {
        let line = |level| Line {
            level,
            label: String::new(),
            via: Vec::new(),
        };
        // a, a.1, a.1.1, a.2, b: a.1 has a sibling after it (a.2), so a.1.1 draws `│` for
        // both a and a.1's levels; a.2 is a's last child; b is the last top item.
        let marks = tree_marks(&[line(0), line(1), line(2), line(1), line(0)]);
        assert_eq!(
            marks,
            [
                (false, vec![]),
                (false, vec![true]),
                (true, vec![true, true]),
                (true, vec![true]),
                (true, vec![]),
            ]
        );
    }
}
