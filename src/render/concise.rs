//! One line a finding: `path:line:col: severity[CODE] message`, for editors and grep. The
//! file name is escaped as all terminal text is; messages already are.

use crate::diag::Finding;
use crate::source::Sources;

pub fn render(sources: &Sources, findings: &[Finding]) -> String {
    let mut out = String::with_capacity(findings.len() * 100);
    for finding in findings {
        out.push_str(&line(sources, finding));
        out.push('\n');
    }
    out
}

/// The concise line of one finding (JUnit repeats it in each failure's body).
pub fn line(sources: &Sources, finding: &Finding) -> String {
    let file = sources.get(finding.loc.file);
    let at = file.line_col(finding.loc.span.start);
    format!(
        "{}:{}:{}: {}[{}] {}",
        crate::text::escaped(&file.display_path()),
        at.line,
        at.column,
        finding.severity,
        finding.rule.code,
        finding.message
    )
}
