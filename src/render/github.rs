//! GitHub Actions workflow commands: one annotation a finding, shown on the pull request's
//! changed lines and in the run summary.
//!
//! `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=VSM101 no-value-item::message`
//! (`warning` → `::warning`, `info` → `::notice`). Escaping follows the Actions toolkit: in the
//! message `%`, CR and LF; in properties also `:` and `,`. Files are named from the repository
//! root, as the checkout is, whatever folder `vsm` ran in.
//!
//! GitHub shows at most 10 error and 10 warning annotations of a step (and 50 in all), and
//! drops the rest without a word. So the first [`MAX_PER_SEVERITY`] of each severity are
//! annotated, and one `::notice` then says how many were not and where to see them all.

use super::paths_from_root;
use crate::diag::{Finding, Severity};
use crate::i18n::Lang;
use crate::source::Sources;
use crate::text::plural;
use std::fmt::Write;
use std::path::Path;

/// Annotations of one severity GitHub shows per step.
pub const MAX_PER_SEVERITY: usize = 10;

/// Escapes the message part of a workflow command.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

fn slot(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

/// How many annotations of each severity to print: [`MAX_PER_SEVERITY`], but one notice less
/// when the closing notice about the rest follows, so that GitHub shows that one too.
fn limits(findings: &[Finding]) -> [usize; 3] {
    let mut counts = [0usize; 3];
    for finding in findings {
        counts[slot(finding.severity)] += 1;
    }
    let mut limits = [MAX_PER_SEVERITY; 3];
    if counts.iter().any(|&n| n > MAX_PER_SEVERITY) {
        limits[slot(Severity::Info)] -= 1;
    }
    limits
}

/// Renders one annotation a finding (up to the limit); `root` is the repository root. `lang`
/// is the language of the messages and help; levels, titles (rule code and name) stay English.
pub fn render(sources: &Sources, findings: &[Finding], root: &Path, lang: Lang) -> String {
    let from_root = paths_from_root(sources, root);
    let mut out = String::with_capacity(findings.len().min(3 * MAX_PER_SEVERITY) * 160);
    let limits = limits(findings);
    // Shown and left out, per severity: errors, warnings, infos.
    let mut shown = [0usize; 3];
    let mut left_out = [0usize; 3];
    for finding in findings {
        let slot = slot(finding.severity);
        if shown[slot] == limits[slot] {
            left_out[slot] += 1;
            continue;
        }
        shown[slot] += 1;
        let file = from_root[finding.loc.file as usize]
            .clone()
            .unwrap_or_else(|| sources.get(finding.loc.file).display_path());
        let (start, end) = sources.range(finding.loc);
        let mut message = finding.message.clone();
        if let Some(help) = &finding.help {
            message.push('\n');
            message.push_str(&super::help_line(help, lang));
        }
        let _ = writeln!(
            out,
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            command(finding.severity),
            escape_property(&crate::text::escaped(&file)),
            start.line,
            start.column,
            end.line,
            end.column,
            escape_property(&format!("{} {}", finding.rule.code, finding.rule.name)),
            escape_data(&message)
        );
    }
    let total: usize = left_out.iter().sum();
    if total > 0 {
        let parts: Vec<String> = [
            ("error", "errors"),
            ("warning", "warnings"),
            ("info", "infos"),
        ]
        .iter()
        .zip(left_out)
        .filter(|(_, n)| *n > 0)
        .map(|((one, many), n)| plural(n, one, many))
        .collect();
        let text = format!(
            "{} not annotated ({}): GitHub shows at most {MAX_PER_SEVERITY} annotations of \
             each severity. Every finding is in the SARIF upload (code scanning alerts) and in \
             the output of `vsm check --format concise`.",
            plural(total, "more finding", "more findings"),
            parts.join(", ")
        );
        let _ = writeln!(
            out,
            "::notice title={}::{}",
            escape_property("vsm: more findings"),
            escape_data(&text)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_toolkit() {
        assert_eq!(
            escape_data("50% done\r\nnext: a, b"),
            "50%25 done%0D%0Anext: a, b"
        );
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
