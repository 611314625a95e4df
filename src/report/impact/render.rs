//! The impact in the terminal (a tree per relation, with counts), as Markdown (nested lists)
//! and as JSON (docs/impact.md documents every field).
//!
//! Model text goes to the terminal through [`crate::text::escaped`] (line breaks and tabs
//! become spaces first, so a name cannot break the tree), to Markdown through
//! [`crate::report::escape`]. Tree depth is shown up to [`MAX_LEVEL`] levels: a 100,000-deep
//! `parent` chain must not make the output quadratic in size.

use super::{Group, Impact, Item, ItemKind, Part};
use crate::report::escape::{markdown, markdown_block, markdown_heading};
use crate::text::{escaped, plural};
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

/// "customer-id · Customer name", the id alone when the element has no other name.
fn element_label(id: Option<&str>, name: &str, kind: ItemKind, position: Option<usize>) -> String {
    let head = match (id, position) {
        (Some(id), _) => id.to_string(),
        (None, Some(position)) => format!("{} {position}", kind.nouns().0),
        (None, None) => kind.nouns().0.to_string(),
    };
    if name.is_empty() || name == head {
        head
    } else {
        format!("{head} · {name}")
    }
}

fn item_label(item: &Item) -> String {
    element_label(item.id.as_deref(), &item.name, item.kind, item.position)
}

fn part_label(part: &Part) -> String {
    element_label(None, &part.name, part.kind, Some(part.position))
}

/// The lines of a group: each item at its tree level, its parts one level below it.
fn lines(group: &Group, subject: &str) -> Vec<Line> {
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
            label: item_label(item),
            via: via(&item.via),
        });
        for part in &item.parts {
            out.push(Line {
                level: (level + 1).min(MAX_LEVEL),
                label: part_label(part),
                via: via(&part.via),
            });
        }
    }
    out
}

/// "Stages using it (4, with 5 value items)".
fn heading(group: &Group) -> String {
    match group.parts() {
        Some((kind, n)) => {
            let (one, many) = kind.nouns();
            format!(
                "{} ({}, with {})",
                group.title,
                group.count,
                plural(n, one, many)
            )
        }
        None => format!("{} ({})", group.title, group.count),
    }
}

fn subject_heading(impact: &Impact) -> String {
    let subject = &impact.subject;
    let label = element_label(Some(&subject.id), &subject.name, subject.kind, None);
    format!("Impact of {} {label}", subject.kind.nouns().0)
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

/// The impact as trees in the terminal; `color` makes headings bold and links dim.
pub fn term(impact: &Impact, color: bool) -> String {
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
    out.push_str(&bold(&term_text(&subject_heading(impact))));
    out.push('\n');
    for group in &impact.groups {
        out.push('\n');
        out.push_str(&bold(&term_text(&heading(group))));
        out.push('\n');
        let lines = lines(group, &impact.subject.id);
        if lines.is_empty() {
            out.push_str(&dim("   none"));
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
                out.push_str(&dim(&term_text(&format!("via {}", line.via.join(", ")))));
            }
            out.push('\n');
        }
    }
    out
}

/// The impact as Markdown: a heading per relation and nested lists.
pub fn markdown_text(impact: &Impact) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## {}\n", markdown_heading(&subject_heading(impact)));
    for group in &impact.groups {
        let _ = writeln!(out, "### {}\n", markdown_heading(&heading(group)));
        let lines = lines(group, &impact.subject.id);
        if lines.is_empty() {
            out.push_str("_None._\n\n");
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
                let _ = write!(out, " (via {})", markdown(&line.via.join(", ")));
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
