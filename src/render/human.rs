//! rustc-style output through `miette`: the offending line, an underline, labels and help.

use crate::diag::{Finding, Severity};
use crate::source::{SourceFile, Sources};
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use std::fmt;

/// A file's text with its name, borrowed (no copy of the source per finding).
struct Named<'a>(&'a SourceFile);

impl SourceCode for Named<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let inner = self.0.text.as_str().read_span(span, before, after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.0.display_path(),
            inner.data(),
            *inner.span(),
            inner.line(),
            inner.column(),
            inner.line_count(),
        )))
    }
}

struct Shown<'a> {
    finding: &'a Finding,
    sources: &'a Sources,
    source: Named<'a>,
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

fn span(loc: crate::source::Loc) -> SourceSpan {
    let start = loc.span.start as usize;
    SourceSpan::new(start.into(), (loc.span.end - loc.span.start) as usize)
}

impl Diagnostic for Shown<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!(
            "{}[{}]",
            self.finding.rule.code, self.finding.rule.name
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
                    other.display_path(),
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
            span(self.finding.loc),
        );
        let file = self.finding.loc.file;
        let secondary = self
            .finding
            .labels
            .iter()
            .filter(move |l| l.loc.file == file)
            .map(|l| LabeledSpan::new_with_span(Some(l.message.clone()), span(l.loc)));
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

/// Renders findings for a terminal; `color` picks the coloured theme.
pub fn render(sources: &Sources, findings: &[Finding], color: bool, width: usize) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_links(false);
    let mut out = String::new();
    for finding in findings {
        let shown = Shown {
            finding,
            sources,
            source: Named(sources.get(finding.loc.file)),
        };
        if handler.render_report(&mut out, &shown).is_err() {
            // A span the source cannot show: fall back to the one-line form.
            out.push_str(&super::concise::render(
                sources,
                std::slice::from_ref(finding),
            ));
        }
        out.push('\n');
    }
    out
}
