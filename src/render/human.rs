//! rustc-style output through `miette`: the offending line, an underline, labels and help.
//! The source lines shown and the file names are escaped as all terminal text is
//! ([`text::escaped`]): a model cannot drive the terminal through its snippet.

use crate::diag::{Finding, Severity};
use crate::i18n::Lang;
use crate::source::{FileId, SourceFile, Sources};
use crate::text::{self, Shifts};
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::collections::HashMap;
use std::fmt;

/// A file's text with its name, borrowed (no copy of the source per finding).
///
/// miette's own `str` source scans from the start of the file for every snippet, which makes
/// many findings in a big file quadratic; we hand it only the lines around the finding.
struct Named<'a> {
    /// The text the snippet shows (escaped when the file holds terminal controls).
    shown: &'a SourceFile,
    /// The file as read, whose lines and columns every output reports.
    original: &'a SourceFile,
    shifts: Option<&'a Shifts>,
}

/// Lines shown above and below the finding.
const CONTEXT_LINES: u32 = 1;
/// A line longer than this is not shown as a snippet (the concise form is used instead).
pub const MAX_SNIPPET_LINE: usize = 1_000;

impl SourceCode for Named<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let file = self.shown;
        let start = file.line_col(span.offset() as u32);
        let end = file.line_col((span.offset() + span.len()) as u32);
        let first_line = start.line.saturating_sub(before as u32).max(1);
        let window = file.lines_range(first_line, end.line + after as u32);
        if span.offset() < window.start
            || span.offset() + span.len() > window.end.max(window.start) + 1
        {
            return Err(MietteError::OutOfBounds);
        }
        let local = SourceSpan::new((span.offset() - window.start).into(), span.len());
        let inner = file.text[window.clone()].read_span(&local, before, after)?;
        let data_start = inner.data().as_ptr() as usize - file.text.as_ptr() as usize;
        // miette counts the column in bytes; every other output counts characters (the
        // header `--> file:line:col` must agree with concise, JSON and SARIF on Chinese text).
        // Escaping lengthens a line; the column is the original file's.
        let original_start = self
            .shifts
            .map_or(data_start as u32, |s| s.unmap(data_start as u32));
        let column = self.original.line_col(original_start).column as usize - 1;
        Ok(Box::new(MietteSpanContents::new_named(
            text::escaped(&file.display_path()).into_owned(),
            inner.data(),
            SourceSpan::new(data_start.into(), inner.span().len()),
            inner.line() + first_line as usize - 1,
            column,
            inner.line_count() + first_line as usize - 1,
        )))
    }
}

struct Shown<'a> {
    finding: &'a Finding,
    sources: &'a Sources,
    source: Named<'a>,
    /// How offsets moved when the source was escaped (`None`: it was not).
    shifts: Option<&'a Shifts>,
    lang: Lang,
}

/// A file whose text holds terminal controls, as its snippets show it: escaped, with the map
/// that moves spans onto the escaped text.
struct Escaped {
    file: SourceFile,
    shifts: Shifts,
}

impl Escaped {
    fn of(file: &SourceFile) -> Option<Escaped> {
        text::escaped_source(&file.text).map(|(escaped, shifts)| Escaped {
            file: SourceFile::new(file.path.clone(), escaped),
            shifts,
        })
    }
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for Shown<'_> {}

impl Shown<'_> {
    /// A span of the finding's file, moved onto the text the snippet shows.
    fn span(&self, loc: crate::source::Loc) -> SourceSpan {
        let (start, end) = match self.shifts {
            Some(shifts) => (shifts.map(loc.span.start), shifts.map(loc.span.end)),
            None => (loc.span.start, loc.span.end),
        };
        SourceSpan::new((start as usize).into(), (end - start) as usize)
    }
}

impl Diagnostic for Shown<'_> {
    /// The header, as rustc writes it: `warning[VSM101]`, so the severity is there in words
    /// (not only as a coloured icon) in logs without colour; the rule's name labels the span.
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!(
            "{}[{}]",
            severity_word(self.finding.severity, self.lang),
            self.finding.rule.code
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        // miette shows one source per report: places in other files are named in the help.
        let file = self.finding.loc.file;
        let mut lines: Vec<String> = self
            .finding
            .labels
            .iter()
            .filter(|l| l.loc.file != file)
            .map(|l| {
                let other = self.sources.get(l.loc.file);
                let at = other.line_col(l.loc.span.start);
                format!(
                    "{}: {}:{}:{}",
                    l.message,
                    text::escaped(&other.display_path()),
                    at.line,
                    at.column
                )
            })
            .collect();
        lines.extend(self.finding.help.clone());
        (!lines.is_empty()).then(|| Box::new(lines.join("\n")) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary = LabeledSpan::new_primary_with_span(
            Some(self.finding.rule.name.to_string()),
            self.span(self.finding.loc),
        );
        let file = self.finding.loc.file;
        let secondary = self
            .finding
            .labels
            .iter()
            .filter(move |l| l.loc.file == file)
            .map(|l| LabeledSpan::new_with_span(Some(l.message.clone()), self.span(l.loc)));
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

/// The severity as the header names it, in `lang` (`error`, `错误`, `錯誤`).
pub fn severity_word(severity: Severity, lang: Lang) -> String {
    match severity {
        Severity::Error => lang.t("check-error"),
        Severity::Warning => lang.t("check-warning"),
        Severity::Info => lang.t("check-info"),
    }
}

/// miette writes the help's prefix itself, in English: in another language the footer's
/// `  help: ` becomes the language's word. The footer is the first line that starts with it
/// (after a colour code): the header and the snippet lines start otherwise, and the help text
/// itself, which may quote anything, comes after it. The Chinese word is as wide as `help` on
/// a terminal (two CJK characters), so miette's wrapping, which indents the help's next lines
/// by the English prefix's width, stays aligned.
fn help_in(rendered: &mut String, lang: Lang) {
    const PREFIX: &str = "  help: ";
    if lang == Lang::En {
        return;
    }
    let mut line_start = 0;
    let found = loop {
        let line = &rendered[line_start..];
        let colour = if line.starts_with('\x1b') {
            line.find('m').map_or(0, |m| m + 1)
        } else {
            0
        };
        if line[colour..].starts_with(PREFIX) {
            break Some(line_start + colour);
        }
        match line.find('\n') {
            Some(end) => line_start += end + 1,
            None => break None,
        }
    };
    if let Some(at) = found {
        let word = lang.t("check-help");
        rendered.replace_range(at..at + PREFIX.len(), &format!("  {word}："));
    }
}

/// Renders findings for a terminal in `lang`; `color` picks the coloured theme.
pub fn render(
    sources: &Sources,
    findings: &[Finding],
    color: bool,
    width: usize,
    lang: Lang,
) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_links(false);
    let handler = handler.with_context_lines(CONTEXT_LINES as usize);
    let mut out = String::new();
    // Escaped copies of the files with terminal controls, made when a snippet first needs one.
    let mut escaped: HashMap<FileId, Option<Escaped>> = HashMap::new();
    for finding in findings {
        let file = sources.get(finding.loc.file);
        let (start, end) = sources.range(finding.loc);
        let lines = file.lines_range(start.line, end.line);
        let snippet_fits = lines.len() <= MAX_SNIPPET_LINE * (1 + (end.line - start.line) as usize);
        let escaped = escaped
            .entry(finding.loc.file)
            .or_insert_with(|| Escaped::of(file))
            .as_ref();
        let shown = Shown {
            finding,
            sources,
            source: Named {
                shown: escaped.map_or(file, |e| &e.file),
                original: file,
                shifts: escaped.map(|e| &e.shifts),
            },
            shifts: escaped.map(|e| &e.shifts),
            lang,
        };
        let mut rendered = String::new();
        // miette panics on some extreme inputs (columns past 65,535): never let that be ours.
        let ok = snippet_fits
            && std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                handler.render_report(&mut rendered, &shown)
            }))
            .is_ok_and(|r| r.is_ok());
        if ok {
            if finding.help.is_some() {
                help_in(&mut rendered, lang);
            }
            out.push_str(&rendered);
        } else {
            // A line too long to show, or a span the source cannot show: the one-line form.
            out.push_str(&super::concise::render(
                sources,
                std::slice::from_ref(finding),
            ));
            if let Some(help) = &finding.help {
                out.push_str(&format!("  {}\n", super::help_line(help, lang)));
            }
        }
        out.push('\n');
    }
    if let Some(line) = held_back_line(sources, findings, lang) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// "held back 23 findings that may follow from the unreadable part of a.yaml; fix it first",
/// when part of the model could not be read and findings were held back for it.
pub fn held_back_line(sources: &Sources, findings: &[Finding], lang: Lang) -> Option<String> {
    let held_back: usize = findings.iter().map(|f| f.held_back).sum();
    if held_back == 0 {
        return None;
    }
    let mut files: Vec<crate::source::FileId> = findings
        .iter()
        .filter(|f| f.unread)
        .map(|f| f.loc.file)
        .collect();
    files.sort_unstable();
    files.dedup();
    let names: Vec<String> = files
        .iter()
        .map(|&file| text::escaped(&sources.get(file).display_path()).into_owned())
        .collect();
    Some(lang.t_args(
        "check-held-back",
        &[
            ("n", (held_back as u64).into()),
            ("files", (names.len() as u64).into()),
            ("names", join_and(&names, lang).into()),
        ],
    ))
}

/// `a`, `a and b`, `a, b and c` (`a、b 和 c`).
fn join_and(names: &[String], lang: Lang) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => {
            let comma = if lang == Lang::En { ", " } else { "、" };
            lang.t_args(
                "check-and",
                &[
                    ("rest", rest.join(comma).into()),
                    ("last", last.as_str().into()),
                ],
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only the footer's prefix changes: a help text quoting `  help: ` keeps it, and a
    /// coloured prefix is found after its colour code.
    #[test]
    fn the_help_prefix_is_the_languages_word_on_the_footer_only() {
        let rendered = "error[VSM006]\n\n  × unknown `x`\n   ╭─[m.yaml:1:1]\n   ╰────\n  help: did you mean `  help: y`?\n";
        let mut zh = rendered.to_string();
        help_in(&mut zh, Lang::ZhCn);
        assert_eq!(
            zh,
            "error[VSM006]\n\n  × unknown `x`\n   ╭─[m.yaml:1:1]\n   ╰────\n  建议：did you mean `  help: y`?\n"
        );
        let mut en = rendered.to_string();
        help_in(&mut en, Lang::En);
        assert_eq!(en, rendered);
        let mut coloured = "  × x\n\u{1b}[36m  help: \u{1b}[0mfix it\n".to_string();
        help_in(&mut coloured, Lang::ZhTw);
        assert_eq!(coloured, "  × x\n\u{1b}[36m  建議：\u{1b}[0mfix it\n");
        // As wide as the English prefix, so wrapped lines stay under the text.
        use unicode_width::UnicodeWidthStr;
        assert_eq!(UnicodeWidthStr::width("  建议："), "  help: ".len());
    }
}
