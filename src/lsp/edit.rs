//! Text edits: a client's change applied to a buffer, the part of an occurrence a rename
//! replaces, and the quick fixes of a finding.

use super::index::Target;
use super::position::Lines;
use crate::diag::Finding;
use crate::source::Loc;
use lsp_types::TextDocumentContentChangeEvent;

/// Applies one change of `textDocument/didChange` (a range, or the whole text).
pub fn apply(text: &mut String, change: TextDocumentContentChangeEvent) {
    match change.range {
        None => *text = change.text,
        Some(range) => {
            let lines = Lines::new(text);
            let start = lines.offset(text, range.start);
            let end = lines.offset(text, range.end).max(start);
            text.replace_range(start..end, &change.text);
        }
    }
}

/// The bytes of the id inside an occurrence: without the quotes of a quoted scalar, and for a
/// stage named `stream/stage`, only the stage's part (a rename of a stage keeps its stream).
pub fn id_part(text: &str, loc: Loc, target: Target) -> Option<(usize, usize)> {
    let (mut start, mut end) = (loc.span.start as usize, loc.span.end as usize);
    let written = text.get(start..end)?;
    if written.len() >= 2 && (written.starts_with('"') || written.starts_with('\'')) {
        start += 1;
        end -= 1;
    }
    if matches!(target, Target::Stage { .. }) {
        if let Some(slash) = text.get(start..end)?.rfind('/') {
            start += slash + 1;
        }
    }
    Some((start, end))
}

/// The quick fixes of a finding, each as (title, (start, end, replacement)) in its file:
/// the did-you-mean of its help, and a suppression comment at the end of its line.
pub fn fixes(text: &str, finding: &Finding) -> Vec<(String, (usize, usize, String))> {
    let mut out = Vec::new();
    if let Some(suggestion) = suggestion(finding) {
        let (mut start, end) = (
            finding.loc.span.start as usize,
            finding.loc.span.end as usize,
        );
        if let Some(written) = text.get(start..end) {
            // `stream/stag` with the help naming a stage alone: replace only the stage part.
            if !suggestion.contains('/') {
                if let Some(slash) = written.rfind('/') {
                    start += slash + 1;
                }
            }
            let quoted = written.starts_with('"') || written.starts_with('\'');
            let (start, end) = if quoted && end - start >= 2 {
                (start + 1, end - 1)
            } else {
                (start, end)
            };
            out.push((
                format!("Change to `{suggestion}`"),
                (start, end, suggestion.to_string()),
            ));
        }
    }
    let start = (finding.loc.span.start as usize).min(text.len());
    let line_end = text[start..].find('\n').map_or(text.len(), |n| start + n);
    let line_end = if text[..line_end].ends_with('\r') {
        line_end - 1
    } else {
        line_end
    };
    let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
    // A line with a comment already would need the two merged: not offered.
    if !text[line_start..line_end].contains('#') {
        out.push((
            format!("Suppress {} on this line", finding.rule.code),
            (
                line_end,
                line_end,
                format!("  # vsm: ignore[{}]", finding.rule.code),
            ),
        ));
    }
    out
}

/// The candidate of a finding's did-you-mean help, in whatever language the help is written.
fn suggestion(finding: &Finding) -> Option<&str> {
    match finding.keyed_help.as_deref() {
        Some(keyed) if keyed.key == "did-you-mean" => {
            keyed.args.iter().find_map(|(name, arg)| match arg {
                crate::diag::Arg::Text(text) if *name == "candidate" => Some(text.as_str()),
                _ => None,
            })
        }
        _ => finding.help.as_deref().and_then(did_you_mean),
    }
}

/// The word of a help text "did you mean `word`?".
fn did_you_mean(help: &str) -> Option<&str> {
    let rest = help.strip_prefix("did you mean `")?;
    let (word, _) = rest.split_once("`?")?;
    Some(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    #[test]
    fn a_change_replaces_its_range_in_utf16_units() {
        let mut text = String::from("name: 客户\nid: x\n");
        let change = |line, from, to, new: &str| TextDocumentContentChangeEvent {
            range: Some(Range::new(
                Position::new(line, from),
                Position::new(line, to),
            )),
            range_length: None,
            text: new.into(),
        };
        apply(&mut text, change(0, 6, 7, "顾"));
        assert_eq!(text, "name: 顾户\nid: x\n");
        apply(&mut text, change(1, 4, 5, "yz"));
        assert_eq!(text, "name: 顾户\nid: yz\n");
    }

    #[test]
    fn did_you_mean_is_read_from_the_help() {
        assert_eq!(did_you_mean("did you mean `billing`?"), Some("billing"));
        assert_eq!(did_you_mean("known fields: a, b"), None);
    }
}
