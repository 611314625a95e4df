//! GitHub Actions workflow commands: one annotation a finding, shown on the pull request's
//! changed lines and in the run summary.
//!
//! `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=VSM101 no-value-item::message`
//! (`warning` → `::warning`, `info` → `::notice`). Escaping follows the Actions toolkit: in the
//! message `%`, CR and LF; in properties also `:` and `,`. At most [`MAX_PER_SEVERITY`]
//! annotations of each severity are printed, then one plain line says how many were left out
//! (GitHub shows only some of them anyway, and a flood makes the log unreadable).

use crate::diag::{Finding, Severity};
use crate::source::Sources;
use crate::text::plural;
use std::fmt::Write;

pub const MAX_PER_SEVERITY: usize = 50;

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

pub fn render(sources: &Sources, findings: &[Finding]) -> String {
    let mut out = String::with_capacity(findings.len() * 160);
    // Left out, per severity: errors, warnings, infos.
    let mut shown = [0usize; 3];
    let mut left_out = [0usize; 3];
    for finding in findings {
        let slot = match finding.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        };
        if shown[slot] == MAX_PER_SEVERITY {
            left_out[slot] += 1;
            continue;
        }
        shown[slot] += 1;
        let file = sources.get(finding.loc.file);
        let (start, end) = sources.range(finding.loc);
        let mut message = finding.message.clone();
        if let Some(help) = &finding.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let _ = writeln!(
            out,
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            command(finding.severity),
            escape_property(&file.display_path()),
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
        let _ = writeln!(
            out,
            "vsm: {} not annotated ({}): at most {MAX_PER_SEVERITY} annotations per \
             severity; run `vsm check --format concise` to see them all",
            plural(total, "more finding", "more findings"),
            parts.join(", ")
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
