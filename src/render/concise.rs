//! One line a finding: `path:line:col: severity[CODE] message`, for editors and grep.

use crate::diag::Finding;
use crate::source::Sources;
use std::fmt::Write;

pub fn render(sources: &Sources, findings: &[Finding]) -> String {
    let mut out = String::with_capacity(findings.len() * 100);
    for finding in findings {
        let file = sources.get(finding.loc.file);
        let at = file.line_col(finding.loc.span.start);
        let _ = write!(
            out,
            "{}:{}:{}: {}[{}] {}",
            file.display_path(),
            at.line,
            at.column,
            finding.severity,
            finding.rule.code,
            finding.message
        );
        out.push('\n');
    }
    out
}
