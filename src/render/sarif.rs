//! SARIF 2.1.0 for code-scanning uploads (GitHub `upload-sarif`, Azure DevOps, IDE viewers).
//!
//! Hand-written serde structs rather than the `serde-sarif` crate: we emit a small subset, and
//! that crate brings a code generator and a builder library into the build for it. Validity is
//! checked against the official schema by `tests/sarif/validate.sh` (SARIF Multitool).
//!
//! Positions are 1-based; columns count Unicode code points (`run.columnKind`), exactly as the
//! other formats show them. `endColumn` is the column just after the region, as SARIF defines.

use super::paths_from_root;
use crate::catalog::{Rule, RULES};
use crate::diag::{Finding, Severity};
use crate::i18n::Lang;
use crate::source::{normalize, slashes, Loc, Sources};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The key of our entry in `partialFingerprints` (see `crate::baseline`).
pub const FINGERPRINT_KEY: &str = "vsmFingerprint/v1";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    invocations: Vec<Invocation>,
    /// `%SRCROOT%`: the repository root the results' relative URIs start from.
    #[serde(rename = "originalUriBaseIds")]
    original_uri_base_ids: BTreeMap<&'static str, BaseUri>,
    column_kind: &'static str,
    results: Vec<ResultObject>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct TextAndMarkdown {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: TextAndMarkdown,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Configuration {
    enabled: bool,
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: Vec<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultObject {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    /// `%SRCROOT%` for files inside the repository; absent for an absolute `file:` URI.
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

/// An absolute `file:` URI of a folder, ending in `/`.
#[derive(Serialize)]
struct BaseUri {
    uri: String,
}

/// The base id of the repository root, as GitHub code scanning and SARIF viewers know it.
pub const SRCROOT: &str = "%SRCROOT%";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    end_column: u32,
}

/// SARIF's `level` for a severity.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a URI reference: relative paths stay relative (GitHub resolves them from the
/// repository root), absolute ones become `file:` URIs; anything but unreserved characters and
/// `/` is percent-encoded.
pub fn uri(display_path: &str) -> String {
    let absolute = display_path.starts_with('/')
        || (display_path.len() > 2
            && display_path.as_bytes()[1] == b':'
            && display_path.as_bytes()[0].is_ascii_alphabetic());
    let mut out = String::with_capacity(display_path.len() + 8);
    if absolute {
        out.push_str("file://");
        if !display_path.starts_with('/') {
            out.push('/');
        }
    }
    for (i, b) in display_path.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            || (absolute && b == b':' && i == 1);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Where each file is, for results: relative to `%SRCROOT%` when it is in the repository.
fn artifacts(sources: &Sources, from_root: &[Option<String>]) -> Vec<ArtifactLocation> {
    from_root
        .iter()
        .zip(&sources.files)
        .map(|(from_root, file)| match from_root {
            Some(path) => ArtifactLocation {
                uri: uri(path),
                uri_base_id: Some(SRCROOT),
            },
            None => ArtifactLocation {
                uri: uri(&slashes(
                    &std::path::absolute(&file.path).unwrap_or_else(|_| file.path.clone()),
                )),
                uri_base_id: None,
            },
        })
        .collect()
}

fn location(
    sources: &Sources,
    artifacts: &[ArtifactLocation],
    loc: Loc,
    id: Option<usize>,
    message: Option<String>,
) -> Location {
    let (start, end) = sources.range(loc);
    let artifact = &artifacts[loc.file as usize];
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation {
                uri: artifact.uri.clone(),
                uri_base_id: artifact.uri_base_id,
            },
            region: Region {
                start_line: start.line,
                start_column: start.column,
                end_line: end.line,
                end_column: end.column,
            },
        },
        message: message.map(|text| Text { text }),
    }
}

/// The absolute `file:` URI of a folder, ending in `/` as SARIF requires of a base URI.
fn folder_uri(folder: &Path) -> String {
    let absolute = std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf());
    let mut text = uri(&slashes(&normalize(&absolute)));
    if !text.ends_with('/') {
        text.push('/');
    }
    text
}

fn descriptor(rule: &'static Rule) -> ReportingDescriptor {
    let markdown = format!(
        "{}\n\n{}\n\nBad:\n\n```yaml\n{}```\n\nGood:\n\n```yaml\n{}```\n\n`vsm explain {}` says the same in a terminal.",
        rule.summary, rule.explanation, rule.bad, rule.good, rule.code
    );
    let text = format!(
        "{}\n\n{}\n\nBad:\n\n{}\nGood:\n\n{}",
        rule.summary,
        rule.explanation,
        indent(rule.bad),
        indent(rule.good)
    );
    ReportingDescriptor {
        id: rule.code,
        name: rule.name,
        short_description: Text {
            text: sentence(rule.summary, Lang::En),
        },
        full_description: Text {
            text: sentence(rule.explanation, Lang::En),
        },
        help: TextAndMarkdown { text, markdown },
        default_configuration: Configuration {
            enabled: rule.default.is_some(),
            level: level(rule.default.unwrap_or(Severity::Info)),
        },
        properties: RuleProperties {
            tags: vec!["vsm", rule.group.title()],
        },
    }
}

/// The `homepage`, else the `repository`, of Cargo.toml (SARIF2005 asks for one).
fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|s| !s.is_empty())
}

/// SARIF asks for descriptions that are sentences (SARIF2001): end with a full stop, the
/// language's (`。` in Chinese).
fn sentence(text: &str, lang: Lang) -> String {
    let text = text.trim_end();
    if lang == Lang::En {
        if text.ends_with(['.', '!', '?']) {
            text.to_string()
        } else {
            format!("{text}.")
        }
    } else if text.ends_with(['.', '!', '?', '。', '！', '？']) {
        text.to_string()
    } else {
        format!("{text}。")
    }
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("    {l}\n")).collect()
}

/// Renders findings as one SARIF log with one run; files are named from the repository root
/// `root` (absolute).
/// `lang` is the language of the results' messages; the rules' descriptions stay English.
pub fn render(sources: &Sources, findings: &[Finding], root: &Path, lang: Lang) -> String {
    let from_root = paths_from_root(sources, root);
    let artifacts = artifacts(sources, &from_root);
    let results = findings
        .iter()
        .map(|f| {
            let rule_index = RULES
                .iter()
                .position(|r| r.code == f.rule.code)
                .expect("every finding's rule is in the catalog");
            let mut text = sentence(&f.message, lang);
            if let Some(help) = &f.help {
                text.push('\n');
                text.push_str(&super::help_line(help, lang));
            }
            // The path from the root, so the fingerprint is the same from any working folder.
            let file = from_root[f.loc.file as usize]
                .clone()
                .unwrap_or_else(|| sources.get(f.loc.file).display_path());
            ResultObject {
                rule_id: f.rule.code,
                rule_index,
                level: level(f.severity),
                message: Text { text },
                locations: vec![location(sources, &artifacts, f.loc, None, None)],
                related_locations: f
                    .labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        let message = Some(l.message.clone());
                        location(sources, &artifacts, l.loc, Some(i + 1), message)
                    })
                    .collect(),
                partial_fingerprints: BTreeMap::from([(
                    FINGERPRINT_KEY,
                    crate::baseline::hash(&file, f),
                )]),
            }
        })
        .collect();
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "vsm",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: information_uri(),
                    rules: RULES.iter().map(|r| descriptor(r)).collect(),
                },
            },
            invocations: vec![Invocation {
                execution_successful: true,
            }],
            original_uri_base_ids: BTreeMap::from([(
                SRCROOT,
                BaseUri {
                    uri: folder_uri(root),
                },
            )]),
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut text = serde_json::to_string_pretty(&log).expect("SARIF serialises");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris() {
        assert_eq!(uri("models/a b/é.yaml"), "models/a%20b/%C3%A9.yaml");
        assert_eq!(uri("/tmp/m.yaml"), "file:///tmp/m.yaml");
        assert_eq!(uri("C:/m/x.yaml"), "file:///C:/m/x.yaml");
        assert_eq!(uri("a#b?.yaml"), "a%23b%3F.yaml");
        assert_eq!(folder_uri(Path::new("/srv/repo")), "file:///srv/repo/");
        assert_eq!(folder_uri(Path::new("/")), "file:///");
    }
}
