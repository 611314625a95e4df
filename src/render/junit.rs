//! JUnit XML for CI test reports (GitLab `artifacts:reports:junit`, Jenkins, Azure DevOps).
//!
//! One `<testsuite>` per model file, one `<testcase>` per finding with a `<failure>` whose
//! `type` is the rule code. A file without findings gets one passing test case, so reports
//! show what was checked. XML is escaped by hand: `&`, `<`, `>`, quotes, and in attributes
//! also line breaks and tabs; characters XML 1.0 cannot hold at all become U+FFFD.

use crate::diag::Finding;
use crate::i18n::Lang;
use crate::source::Sources;
use std::fmt::Write;

/// Escapes text for element content (`attribute = false`) or an attribute value.
pub fn escape(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&apos;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\t' | '\n' => out.push(c),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// `Char` of XML 1.0: what may appear in a document at all.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// Renders findings; `seconds` is the time the check took (JUnit consumers like a `time`).
/// `lang` is the language of the messages and help; rule codes, names and severities stay
/// English (test names and failure types are read by CI tools).
pub fn render(sources: &Sources, findings: &[Finding], seconds: f64, lang: Lang) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let files = sources.files.len();
    let mut per_file: Vec<Vec<&Finding>> = vec![Vec::new(); files];
    for finding in findings {
        if let Some(list) = per_file.get_mut(finding.loc.file as usize) {
            list.push(finding);
        }
    }
    let clean = per_file.iter().filter(|l| l.is_empty()).count();
    let _ = writeln!(
        out,
        "<testsuites name=\"vsm\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\" time=\"{seconds:.3}\">",
        findings.len() + clean,
        findings.len()
    );
    for (id, list) in per_file.iter().enumerate() {
        let file = sources.get(id as u32);
        let path = escape(&crate::text::escaped(&file.display_path()), true);
        let _ = writeln!(
            out,
            "  <testsuite name=\"{path}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\" time=\"0\">",
            list.len().max(1),
            list.len()
        );
        if list.is_empty() {
            let _ = writeln!(
                out,
                "    <testcase name=\"no findings\" classname=\"{path}\" file=\"{path}\" time=\"0\"/>"
            );
        }
        for finding in list {
            let at = file.line_col(finding.loc.span.start);
            let name = format!(
                "{} {} at {}:{}",
                finding.rule.code, finding.rule.name, at.line, at.column
            );
            let mut body = super::concise::line(sources, finding);
            if !finding.path.is_empty() {
                body.push_str(&format!(
                    "\nelement: {}",
                    crate::text::escaped(&finding.path)
                ));
            }
            if let Some(help) = &finding.help {
                body.push('\n');
                body.push_str(&super::help_line(help, lang));
            }
            let _ = writeln!(
                out,
                "    <testcase name=\"{}\" classname=\"{path}\" file=\"{path}\" line=\"{}\" time=\"0\">",
                escape(&name, true),
                at.line
            );
            let _ = writeln!(
                out,
                "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                finding.rule.code,
                escape(&format!("{}: {}", finding.severity, finding.message), true),
                escape(&body, false)
            );
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_quotes_and_control_characters() {
        assert_eq!(escape("a<b>&\"c'", true), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(escape("x\ny\u{1}", true), "x&#10;y\u{FFFD}");
        assert_eq!(escape("x\ny\u{1}\"", false), "x\ny\u{FFFD}\"");
        assert_eq!(escape("名字 ✓", false), "名字 ✓");
    }
}
