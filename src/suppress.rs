//! Inline suppression comments, applied to the findings of every rule after [`crate::check`].
//!
//! - `# vsm: ignore[VSM101, no-participants]` at the end of a line suppresses those rules for
//!   findings on that line; alone on its line it applies to the next line that is not itself
//!   a comment (so several comments may stack above one key; a blank line ends the search).
//! - `# vsm: ignore-file[VSM203]` in the comment block at the top of a file (the lines before
//!   the first YAML content; `---` may stand there too) suppresses those rules in the whole file.
//! - Rules are named by code or name, comma-separated; text after `]` is a free reason.
//!
//! Finding the comments: a `#` at the start of a line or after whitespace starts a comment in
//! YAML, unless it is inside a quoted or block scalar. Only files that mention `vsm:` are looked
//! at; for those, candidates are checked against the spans of the file's scalars (the file is
//! parsed again), so `"a # vsm: ignore[X]"` in a quoted text is not a comment. When the file is
//! not valid YAML, a line-based scan that skips quotes opened on the same line is used instead.
//!
//! A suppression that suppresses nothing is reported as VSM016 unused-suppression; a name that
//! is no rule as VSM015 unknown-rule; a rule that cannot be switched off (VSM001–VSM008) as
//! VSM003. Suppressing rules that are switched off for the run is never reported as unused.

use crate::catalog::{Rule, UNUSED_SUPPRESSION};
use crate::config::RuleSelection;
use crate::diag::{silenced_rule, Finding, Keyed, Silencer};
use crate::source::{FileId, Loc, SourceFile, Sources};
use crate::yaml::{self, NodeKind, Span};
use std::collections::HashMap;

/// What applying the comments did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Findings hidden by a suppression comment.
    pub suppressed: usize,
}

/// Whether a comment covers one line or the whole file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Findings starting on this 1-based line.
    Line(u32),
    File,
}

/// One rule named in a comment.
#[derive(Clone, Debug)]
pub struct Entry {
    pub rule: &'static Rule,
    /// The name as written, and where.
    pub written: String,
    pub span: Span,
    pub used: bool,
}

/// One suppression comment.
#[derive(Clone, Debug)]
pub struct Directive {
    pub file: FileId,
    pub scope: Scope,
    /// Where the comment is written (its line: for messages).
    pub span: Span,
    pub entries: Vec<Entry>,
}

/// Reads every suppression comment, hides the findings they cover, and adds findings for bad
/// and unused comments. `findings` stays sorted.
pub fn apply(sources: &Sources, findings: &mut Vec<Finding>, selection: &RuleSelection) -> Outcome {
    let mut directives = Vec::new();
    let mut problems = Vec::new();
    for (id, file) in sources.files.iter().enumerate() {
        scan_file(id as FileId, file, &mut directives, &mut problems);
    }
    if directives.is_empty() && problems.is_empty() {
        return Outcome::default();
    }
    let mut lookup = Lookup::new(&directives, sources.files.len());
    let before = findings.len();
    findings.retain(|f| !lookup.suppressed(&mut directives, sources, f, false));
    let mut outcome = Outcome {
        suppressed: before - findings.len(),
    };

    // Unused entries of enabled rules (VSM016 entries last: they may suppress VSM016 findings).
    let mut added = problems;
    unused(&directives, selection, &mut added, |rule| {
        rule.code != UNUSED_SUPPRESSION.code
    });
    let mut kept = Vec::with_capacity(added.len());
    for mut finding in added {
        let Some(severity) = selection.severity(finding.rule) else {
            continue;
        };
        finding.severity = severity;
        if lookup.suppressed(&mut directives, sources, &finding, true) {
            outcome.suppressed += 1;
        } else {
            kept.push(finding);
        }
    }
    let mut last = Vec::new();
    unused(&directives, selection, &mut last, |rule| {
        rule.code == UNUSED_SUPPRESSION.code
    });
    for mut finding in last {
        if let Some(severity) = selection.severity(finding.rule) {
            finding.severity = severity;
            kept.push(finding);
        }
    }
    findings.extend(kept);
    crate::diag::sort(findings);
    outcome
}

/// Whether these entries are marked used yet, and the entries (directive index, entry index).
type Entries = (bool, Vec<(usize, usize)>);

/// The entries of the comments naming each rule, per file and scope: a finding looks up its
/// own rule on its own line (and in its file) instead of going through every comment, so
/// 100,000 stacked comments and their 100,000 unused-suppression findings stay linear.
struct Lookup {
    /// (file, scope, rule code) → the comments' entries naming that rule there.
    lists: HashMap<(FileId, Scope, &'static str), Entries>,
    /// Files with a comment that covers one line (only their findings need a line number).
    has_lines: Vec<bool>,
}

impl Lookup {
    fn new(directives: &[Directive], files: usize) -> Self {
        let mut lists: HashMap<_, Entries> = HashMap::new();
        let mut has_lines = vec![false; files];
        for (d, directive) in directives.iter().enumerate() {
            if let Scope::Line(_) = directive.scope {
                has_lines[directive.file as usize] = true;
            }
            for (e, entry) in directive.entries.iter().enumerate() {
                lists
                    .entry((directive.file, directive.scope, entry.rule.code))
                    .or_default()
                    .1
                    .push((d, e));
            }
        }
        Lookup { lists, has_lines }
    }

    /// True when a comment covers `finding`; marks the entries that did. Unused-suppression
    /// findings are looked up only in the second pass (`only_unused_suppression`), so that a
    /// comment suppressing VSM016 is not marked used by the first.
    fn suppressed(
        &mut self,
        directives: &mut [Directive],
        sources: &Sources,
        finding: &Finding,
        only_unused_suppression: bool,
    ) -> bool {
        let is_unused_rule = finding.rule.code == UNUSED_SUPPRESSION.code;
        if !finding.rule.can_be_disabled() || is_unused_rule != only_unused_suppression {
            return false;
        }
        let file = finding.loc.file;
        let line = self
            .has_lines
            .get(file as usize)
            .is_some_and(|&any| any)
            .then(|| Scope::Line(sources.get(file).line_col(finding.loc.span.start).line));
        let mut hit = false;
        for scope in [Some(Scope::File), line].into_iter().flatten() {
            if let Some((marked, entries)) = self.lists.get_mut(&(file, scope, finding.rule.code)) {
                hit = true;
                if !*marked {
                    // Marking is the same for every later finding: do it once.
                    for &(d, e) in entries.iter() {
                        directives[d].entries[e].used = true;
                    }
                    *marked = true;
                }
            }
        }
        hit
    }
}

fn unused(
    directives: &[Directive],
    selection: &RuleSelection,
    out: &mut Vec<Finding>,
    which: impl Fn(&Rule) -> bool,
) {
    for directive in directives {
        for entry in &directive.entries {
            if entry.used || !which(entry.rule) || selection.severity(entry.rule).is_none() {
                continue;
            }
            let (message, help) = match directive.scope {
                Scope::File => ("unused-suppression-file", "unused-suppression-file-help"),
                Scope::Line(_) => ("unused-suppression-line", "unused-suppression-line-help"),
            };
            out.push(
                Finding::new(
                    &UNUSED_SUPPRESSION,
                    Loc {
                        file: directive.file,
                        span: entry.span,
                    },
                    Keyed::new(
                        message,
                        vec![
                            ("code", entry.rule.code.into()),
                            ("rule", entry.rule.name.into()),
                        ],
                    ),
                )
                .help(if directive.entries.len() == 1 {
                    crate::says!("unused-suppression-only-help")
                } else {
                    Keyed::new(help, vec![("written", entry.written.as_str().into())])
                }),
            );
        }
    }
}

/// A `#` that may start a suppression comment: its byte offset in the file.
struct Candidate {
    offset: usize,
}

/// Finds the suppression comments of one file.
pub fn scan_file(
    file: FileId,
    source: &SourceFile,
    directives: &mut Vec<Directive>,
    problems: &mut Vec<Finding>,
) {
    let text = source.text.as_str();
    if !text.contains("vsm:") {
        return;
    }
    let lines = lines(text);
    let mut candidates = Vec::new();
    for &(start, end) in &lines {
        let line = &text[start..end];
        if !line.contains("vsm:") {
            continue;
        }
        for (i, _) in line.match_indices('#') {
            let after_space = i == 0 || line[..i].ends_with([' ', '\t']);
            if after_space && is_directive_start(&line[i + 1..]) {
                candidates.push(Candidate { offset: start + i });
            }
        }
    }
    if candidates.is_empty() {
        return;
    }
    let comments = real_comments(text, &lines, candidates);
    let header_end = header_end(text, &lines);
    let targets = target_lines(text, &lines);
    for offset in comments {
        let line_index = lines.partition_point(|&(s, _)| s <= offset) - 1;
        let (line_start, line_end) = lines[line_index];
        let comment = &text[offset..line_end];
        // Alone: nothing but blanks, or another comment, before it on its line.
        let before = text[line_start..offset].trim();
        let alone = before.is_empty() || before.starts_with('#');
        match parse_directive(comment, offset) {
            Parsed::NotOurs => {}
            Parsed::Malformed(why) => problems.push(malformed(file, offset, line_end, why)),
            Parsed::Ok {
                whole_file,
                names,
                end,
            } => {
                let span = Span::new(offset, end);
                let scope = if whole_file {
                    if line_index >= header_end || !alone {
                        problems.push(malformed(
                            file,
                            offset,
                            end,
                            "`ignore-file` must be in the comment block at the top of the file"
                                .into(),
                        ));
                        continue;
                    }
                    Scope::File
                } else if alone {
                    match targets[line_index] {
                        Some(target) => Scope::Line(target as u32 + 1),
                        None => {
                            problems.push(malformed(
                                file,
                                offset,
                                end,
                                "this comment stands above no YAML line (it covers the next \
                                 line that is not a comment, and a blank line ends the search)"
                                    .into(),
                            ));
                            continue;
                        }
                    }
                } else {
                    Scope::Line(line_index as u32 + 1)
                };
                let entries = read_names(file, &names, problems);
                if !entries.is_empty() {
                    directives.push(Directive {
                        file,
                        scope,
                        span,
                        entries,
                    });
                }
            }
        }
    }
}

/// `#` then optional spaces then `vsm:`.
fn is_directive_start(after_hash: &str) -> bool {
    after_hash.trim_start().starts_with("vsm:")
}

/// Byte ranges of the lines, without the line break.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            out.push((start, end));
            start = i + 1;
        }
    }
    out.push((start, text.len()));
    out
}

fn is_comment_only(line: &str) -> bool {
    line.trim_start().starts_with('#')
}

/// Index of the first line that is YAML content: the lines before it are the header.
fn header_end(text: &str, lines: &[(usize, usize)]) -> usize {
    lines
        .iter()
        .position(|&(s, e)| {
            let line = text[s..e].trim();
            let document_start = line == "---" || line.starts_with("--- #");
            !(line.is_empty() || line.starts_with('#') || document_start)
        })
        .unwrap_or(lines.len())
}

/// For each line, the line a comment alone on it covers: the next one that is not a comment,
/// unless a blank line comes first. One pass from the end, so a stack of comments costs its
/// length once, not once per comment.
fn target_lines(text: &str, lines: &[(usize, usize)]) -> Vec<Option<usize>> {
    let mut out = vec![None; lines.len()];
    let mut next = None;
    for (i, &(s, e)) in lines.iter().enumerate().rev() {
        out[i] = next;
        let line = &text[s..e];
        if line.trim().is_empty() {
            next = None;
        } else if !is_comment_only(line) {
            next = Some(i);
        }
    }
    out
}

/// Keeps the candidates that are comments, not text inside a scalar.
fn real_comments(text: &str, lines: &[(usize, usize)], candidates: Vec<Candidate>) -> Vec<usize> {
    match yaml::parse(text) {
        Ok(docs) => {
            let mut spans: Vec<Span> = docs
                .iter()
                .flat_map(|d| {
                    d.nodes()
                        .filter(|n| matches!(d.kind_of(n), NodeKind::Scalar { .. }))
                        .map(|n| n.span)
                })
                .filter(|s| s.end > s.start)
                .collect();
            spans.sort_unstable();
            // The furthest end of the spans up to each one: a binary search then tells whether
            // any span starting before an offset reaches past it.
            let reach: Vec<u32> = spans
                .iter()
                .scan(0, |end, s| {
                    *end = s.end.max(*end);
                    Some(*end)
                })
                .collect();
            candidates
                .into_iter()
                .map(|c| c.offset)
                .filter(|&offset| {
                    let o = offset as u32;
                    // Spans are sorted by start; only those starting before `o` can hold it.
                    let until = spans.partition_point(|s| s.start <= o);
                    until == 0 || reach[until - 1] <= o
                })
                .collect()
        }
        Err(_) => candidates
            .into_iter()
            .map(|c| c.offset)
            .filter(|&offset| {
                let index = lines.partition_point(|&(s, _)| s <= offset) - 1;
                let start = lines[index].0;
                !inside_quotes(&text[start..offset])
            })
            .collect(),
    }
}

/// Whether the end of `before` is inside a quoted scalar opened on this line. A quote opens a
/// scalar only where a scalar can start: at the start of the line or after `: `, `- `, `? `,
/// `[`, `{` or `,` (so the apostrophe in `Don't` opens nothing).
fn inside_quotes(before: &str) -> bool {
    let mut quote: Option<char> = None;
    let mut previous_token: Option<char> = None;
    let mut previous_char: Option<char> = None;
    let mut chars = before.chars().peekable();
    while let Some(c) = chars.next() {
        match quote {
            Some('"') => match c {
                '\\' => {
                    chars.next();
                }
                '"' => quote = None,
                _ => {}
            },
            Some(_) => {
                if c == '\'' {
                    if chars.peek() == Some(&'\'') {
                        chars.next();
                    } else {
                        quote = None;
                    }
                }
            }
            None => {
                if c == '"' || c == '\'' {
                    let at_scalar_start = match previous_token {
                        None => true,
                        Some('[' | '{' | ',') => true,
                        Some(':' | '-' | '?') => previous_char.is_some_and(char::is_whitespace),
                        _ => false,
                    };
                    if at_scalar_start {
                        quote = Some(c);
                    }
                }
            }
        }
        if !c.is_whitespace() {
            previous_token = Some(c);
        }
        previous_char = Some(c);
    }
    quote.is_some()
}

enum Parsed<'a> {
    /// A `# vsm:` comment that is not about suppression (left alone).
    NotOurs,
    Malformed(String),
    Ok {
        whole_file: bool,
        /// Each name with its byte offset in the file.
        names: Vec<(&'a str, usize)>,
        /// Byte offset just after `]`.
        end: usize,
    },
}

const FORM: &str = "write `# vsm: ignore[RULE, ...]` or `# vsm: ignore-file[RULE, ...]` with rule \
                    codes or names";

/// Reads `# vsm: ignore[...]` starting at the `#` at byte `offset` of the file.
fn parse_directive(comment: &str, offset: usize) -> Parsed<'_> {
    let at = |rest: &str| offset + (comment.len() - rest.len());
    let rest = comment[1..].trim_start();
    let Some(rest) = rest.strip_prefix("vsm:") else {
        return Parsed::NotOurs;
    };
    let rest = rest.trim_start();
    let word_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    let word = &rest[..word_len];
    let whole_file = match word {
        "ignore" => false,
        "ignore-file" => true,
        _ if word.starts_with("ignore") || word.starts_with("noqa") || word == "allow" => {
            return Parsed::Malformed(format!("`vsm: {word}` is not a suppression comment"));
        }
        _ => return Parsed::NotOurs,
    };
    let rest = rest[word_len..].trim_start();
    let Some(list) = rest.strip_prefix('[') else {
        return Parsed::Malformed(format!(
            "`vsm: {word}` needs the rules it suppresses in `[...]`"
        ));
    };
    let Some(close) = list.find(']') else {
        return Parsed::Malformed("the rule list is not closed: add `]`".into());
    };
    let list_start = at(list);
    let inner = &list[..close];
    let mut names = Vec::new();
    let mut pos = 0;
    for part in inner.split(',') {
        let trimmed = part.trim();
        if !trimmed.is_empty() {
            let lead = part.len() - part.trim_start().len();
            names.push((trimmed, list_start + pos + lead));
        }
        pos += part.len() + 1;
    }
    if names.is_empty() {
        return Parsed::Malformed(format!("`vsm: {word}[]` names no rule"));
    }
    Parsed::Ok {
        whole_file,
        names,
        end: list_start + close + 1,
    }
}

fn malformed(file: FileId, start: usize, end: usize, why: String) -> Finding {
    Finding::new(
        &UNUSED_SUPPRESSION,
        Loc {
            file,
            span: Span::new(start, end),
        },
        format!("malformed suppression comment: {why}; it suppresses nothing"),
    )
    .help(FORM)
}

fn read_names(file: FileId, names: &[(&str, usize)], problems: &mut Vec<Finding>) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::with_capacity(names.len());
    for &(name, at) in names {
        let span = Span::new(at, at + name.len());
        let loc = Loc { file, span };
        match silenced_rule(name, loc, Silencer::Comment) {
            Ok(rule) => {
                if !entries.iter().any(|e| e.rule == rule) {
                    entries.push(Entry {
                        rule,
                        written: name.to_string(),
                        span,
                        used: false,
                    });
                }
            }
            Err(problem) => problems.push(*problem),
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn scan(text: &str) -> (Vec<Directive>, Vec<Finding>) {
        let source = SourceFile::new("m.yaml".into(), text.to_string());
        let mut directives = Vec::new();
        let mut problems = Vec::new();
        scan_file(0, &source, &mut directives, &mut problems);
        (directives, problems)
    }

    #[test]
    fn end_of_line_and_line_above() {
        let text = "a:\n  b: 1  # vsm: ignore[VSM101, no-participants] reason\n  # vsm: ignore[VSM103]\n  # other comment\n  c: 2\n";
        let (d, p) = scan(text);
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].scope, Scope::Line(2));
        let codes: Vec<_> = d[0].entries.iter().map(|e| e.rule.code).collect();
        assert_eq!(codes, ["VSM101", "VSM105"]);
        let e = &d[0].entries[1];
        assert_eq!(
            &text[e.span.start as usize..e.span.end as usize],
            "no-participants"
        );
        assert_eq!(d[1].scope, Scope::Line(5));
    }

    #[test]
    fn file_wide_only_at_the_top() {
        let (d, p) = scan(
            "# header\n---\n# vsm: ignore-file[VSM203]\na: 1\n# vsm: ignore-file[VSM204]\nb: 2\n",
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].scope, Scope::File);
        assert_eq!(p.len(), 1);
        assert!(p[0].message.contains("top of the file"), "{}", p[0].message);
    }

    #[test]
    fn hashes_inside_scalars_are_not_comments() {
        let text = "a: 'x # vsm: ignore[VSM101]\n  z'\nb: |\n  one # vsm: ignore[VSM101]\nc: \"q # vsm: ignore[VSM102]\" # vsm: ignore[VSM103]\nd: Don't # vsm: ignore[VSM104]\n";
        let (d, p) = scan(text);
        assert!(p.is_empty(), "{p:?}");
        let codes: Vec<_> = d.iter().map(|d| d.entries[0].rule.code).collect();
        assert_eq!(codes, ["VSM103", "VSM104"]);
    }

    #[test]
    fn line_scan_when_the_file_is_not_yaml() {
        assert!(inside_quotes("a: \"x "));
        assert!(!inside_quotes("a: \"x\" "));
        assert!(!inside_quotes("a: Don't "));
        assert!(inside_quotes("- 'it''s "));
        assert!(!inside_quotes("[a, 'b'] "));
        let (d, _) = scan("a: [\n b: \"# vsm: ignore[VSM101]\" # vsm: ignore[VSM102]\n");
        let codes: Vec<_> = d.iter().map(|d| d.entries[0].rule.code).collect();
        assert_eq!(codes, ["VSM102"]);
    }

    #[test]
    fn bad_comments_are_reported() {
        let (d, p) = scan("a: 1 # vsm: ignore[no-value-items, VSM006]\nb: 2 # vsm: ignore VSM101\nc: 3 # vsm: ignore[]\nd: 4 # vsm: note to self\n");
        assert!(d.is_empty());
        let codes: Vec<_> = p.iter().map(|f| f.rule.code).collect();
        assert_eq!(codes, ["VSM015", "VSM003", "VSM016", "VSM016"]);
        assert_eq!(p[0].help.as_deref(), Some("did you mean `no-value-item`?"));
    }

    #[test]
    fn a_comment_above_nothing_is_reported() {
        let (d, p) = scan("a: 1\n# vsm: ignore[VSM101]\n\nb: 2\n");
        assert!(d.is_empty());
        assert_eq!(p.len(), 1);
    }
}
