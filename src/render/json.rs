//! The documented, stable JSON structure (see `docs/json-output.md`).

use super::Summary;
use crate::diag::Finding;
use crate::source::{Loc, Sources};
use serde::Serialize;
use std::collections::BTreeMap;

/// Version of the JSON structure; bumped only on incompatible changes.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct Position {
    file: String,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
}

impl Position {
    fn new(sources: &Sources, loc: Loc) -> Self {
        let (start, end) = sources.range(loc);
        Position {
            file: sources.get(loc.file).display_path(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    }
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    #[serde(flatten)]
    position: Position,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    message: &'a str,
    #[serde(flatten)]
    position: Position,
    path: &'a str,
    help: Option<&'a str>,
    labels: Vec<JsonLabel<'a>>,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    value_streams: usize,
    stages: usize,
    elements: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    by_rule: BTreeMap<&'static str, usize>,
    suppressed: usize,
    baseline: Option<JsonBaseline>,
    /// Findings held back because part of the model could not be read.
    held_back: usize,
    /// YAML files found in folders that hold no model section, so were not read as models.
    skipped: usize,
}

#[derive(Serialize)]
struct JsonBaseline {
    hidden: usize,
    stale: usize,
}

pub fn render(sources: &Sources, findings: &[Finding], summary: &Summary) -> String {
    let mut by_rule = BTreeMap::new();
    for f in findings {
        *by_rule.entry(f.rule.code).or_insert(0) += 1;
    }
    let output = Output {
        version: FORMAT_VERSION,
        findings: findings
            .iter()
            .map(|f| JsonFinding {
                code: f.rule.code,
                name: f.rule.name,
                severity: f.severity.as_str(),
                message: &f.message,
                position: Position::new(sources, f.loc),
                path: &f.path,
                help: f.help.as_deref(),
                labels: f
                    .labels
                    .iter()
                    .map(|l| JsonLabel {
                        position: Position::new(sources, l.loc),
                        message: &l.message,
                    })
                    .collect(),
            })
            .collect(),
        summary: JsonSummary {
            files: summary.files,
            value_streams: summary.value_streams,
            stages: summary.stages,
            elements: summary.elements,
            errors: summary.errors,
            warnings: summary.warnings,
            infos: summary.infos,
            by_rule,
            suppressed: summary.suppressed,
            baseline: summary
                .baseline
                .map(|(hidden, stale)| JsonBaseline { hidden, stale }),
            held_back: findings.iter().map(|f| f.held_back).sum(),
            skipped: summary.skipped,
        },
    };
    let mut text = serde_json::to_string_pretty(&output).expect("findings serialise");
    text.push('\n');
    text
}
