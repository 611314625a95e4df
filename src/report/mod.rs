//! Reports: what managers read. Tables (`vsm table`), the heat maps
//! (`vsm heatmap`), stage-flow graphs (`vsm graph`) and the one-file HTML or Markdown report
//! (`vsm report`), all built from the same derived [`data::Views`].

pub mod data;
pub mod escape;
pub mod flow_svg;
pub mod format;
pub mod graph;
pub mod heatmap;
pub mod html;
pub mod impact;
pub mod markdown;
pub mod page;
pub mod svg;
pub mod table;
pub mod views;

use crate::catalog::Rule;
use crate::diag::{Finding, Owner, Severity};
use crate::i18n::Lang;
use crate::load::Loaded;
use crate::text::plural;
use data::Views;
use heatmap::{Measure, Palette};
use std::collections::HashMap;

/// Everything a report shows.
pub struct Report<'a> {
    pub views: &'a Views<'a>,
    pub loaded: &'a Loaded,
    /// Findings as `vsm check` shows them (config severities applied).
    pub findings: &'a [Finding],
    pub title: String,
    pub measure: Measure,
    /// The colours of every heat map in it.
    pub palette: Palette,
}

/// A stage that needs a look: it adds no value, or has findings.
#[derive(Debug)]
pub struct Flagged {
    pub stream: usize,
    pub stage: usize,
    pub no_value: bool,
    /// The rules of its findings, each once, in order of first finding.
    pub rules: Vec<&'static Rule>,
    pub worst: Option<Severity>,
}

/// A perception point as both reports show it: its scores as text, the gap worked out.
#[derive(Debug)]
pub struct PerceptionRow<'m> {
    pub name: &'m str,
    pub focus: bool,
    /// `Stream › Stage`, empty without a stage.
    pub stage: String,
    pub channel: &'m str,
    pub importance: String,
    pub current: String,
    pub expected: String,
    /// `expected − current`, to two decimals; empty unless both are given.
    pub gap: String,
    /// The names of the commitments that answer it.
    pub answered_by: Vec<&'m str>,
}

/// Element counts for the overview.
#[derive(Debug, Default)]
pub struct Counts {
    pub files: usize,
    pub stakeholders: usize,
    pub value_streams: usize,
    pub stages: usize,
    pub no_value_stages: usize,
    pub value_items: usize,
    pub capabilities: usize,
    pub processes: usize,
    pub information: usize,
    pub business_objects: usize,
    pub commitments: usize,
    pub perceptions: usize,
    pub focus_perceptions: usize,
}

impl Report<'_> {
    pub fn counts(&self) -> Counts {
        let m = self.views.model;
        let mut c = Counts {
            files: self.loaded.sources.files.len(),
            stakeholders: m.stakeholders.len(),
            value_streams: m.value_streams.len(),
            capabilities: m.capabilities.len(),
            processes: m.processes.len(),
            information: m.information.len(),
            business_objects: m.business_objects.len(),
            commitments: m.commitments.len(),
            perceptions: m.perceptions.len(),
            ..Counts::default()
        };
        for stream in m.value_streams.values() {
            for stage in stream.stages.values() {
                c.stages += 1;
                c.value_items += stage.value_items.len();
                if stage.value_items.is_empty() {
                    c.no_value_stages += 1;
                }
            }
        }
        c.focus_perceptions = m
            .perceptions
            .values()
            .filter(|p| p.focus.as_ref().is_some_and(|f| f.value))
            .count();
        c
    }

    /// Stages that add no value (first), then stages with findings, each in model order.
    pub fn flagged_stages(&self) -> Vec<Flagged> {
        let m = self.views.model;
        let mut at: HashMap<(u32, u32), usize> = HashMap::new();
        let mut flagged: Vec<Flagged> = Vec::new();
        for (s, stream) in m.value_streams.values().enumerate() {
            for (g, stage) in stream.stages.values().enumerate() {
                if stage.value_items.is_empty() {
                    at.insert((s as u32, g as u32), flagged.len());
                    flagged.push(Flagged {
                        stream: s,
                        stage: g,
                        no_value: true,
                        rules: Vec::new(),
                        worst: None,
                    });
                }
            }
        }
        for finding in self.findings {
            let Some(Owner::Stage { stream, stage }) = finding.owner else {
                continue;
            };
            let stream_ok = m
                .value_streams
                .get_index(stream as usize)
                .is_some_and(|(_, s)| (stage as usize) < s.stages.len());
            if !stream_ok {
                continue;
            }
            let index = *at.entry((stream, stage)).or_insert_with(|| {
                flagged.push(Flagged {
                    stream: stream as usize,
                    stage: stage as usize,
                    no_value: false,
                    rules: Vec::new(),
                    worst: None,
                });
                flagged.len() - 1
            });
            let entry = &mut flagged[index];
            if !entry.rules.iter().any(|r| r.code == finding.rule.code) {
                entry.rules.push(finding.rule);
            }
            entry.worst = entry.worst.max(Some(finding.severity));
        }
        flagged.sort_by_key(|f| (!f.no_value, f.stream, f.stage));
        flagged
    }

    /// The perception points in model order.
    pub fn perceptions(&self) -> Vec<PerceptionRow<'_>> {
        let views = self.views;
        let model = views.model;
        let score = |v: &Option<crate::model::Spanned<f64>>| v.as_ref().map(|v| number(v.value));
        model
            .perceptions
            .values()
            .enumerate()
            .map(|(index, p)| PerceptionRow {
                name: p.common.label(),
                focus: p.focus.as_ref().is_some_and(|f| f.value),
                stage: p
                    .stage
                    .as_ref()
                    .map(|x| self.stage_ref(&x.value))
                    .unwrap_or_default(),
                channel: p.channel.as_ref().map_or("", |c| c.value.as_str()),
                importance: p
                    .importance
                    .as_ref()
                    .map(|v| v.value.to_string())
                    .unwrap_or_default(),
                current: score(&p.current).unwrap_or_default(),
                expected: score(&p.expected).unwrap_or_default(),
                gap: p
                    .current
                    .as_ref()
                    .zip(p.expected.as_ref())
                    .map(|(c, e)| number(((e.value - c.value) * 100.0).round() / 100.0))
                    .unwrap_or_default(),
                answered_by: views.answered_by[index]
                    .iter()
                    .map(|&c| model.commitments[c].common.label())
                    .collect(),
            })
            .collect()
    }

    /// Findings, most severe first (in file order within a severity).
    pub fn findings_by_severity(&self) -> Vec<&Finding> {
        let mut out: Vec<&Finding> = self.findings.iter().collect();
        out.sort_by_key(|f| std::cmp::Reverse(f.severity));
        out
    }

    /// `file:line:col` of a finding.
    pub fn location(&self, finding: &Finding) -> String {
        let file = self.loaded.sources.get(finding.loc.file);
        let at = file.line_col(finding.loc.span.start);
        format!("{}:{}:{}", file.display_path(), at.line, at.column)
    }

    /// `Stream › Stage` for a `stream/stage` reference, or the reference marked unknown.
    pub fn stage_ref(&self, reference: &str) -> String {
        match crate::resolve::lookup_stage(self.views.model, reference) {
            Some((s, g)) => format!(
                "{} › {}",
                self.views.stream(s).1.common.label(),
                self.views.stage(s, g).1.common.label()
            ),
            None => format!("{reference} (unknown)"),
        }
    }
}

/// A number without a useless `.0`.
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        let text = format!("{value:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Error, warning and info counts.
pub fn severity_counts(findings: &[Finding]) -> (usize, usize, usize) {
    crate::diag::counts(findings)
}

/// `1 error, 2 warnings, 0 infos` (with `separator` between the counts): how reports and
/// `vsm report` sum findings up, each count with the word that fits it.
pub fn severity_summary(findings: &[Finding], separator: &str) -> String {
    let (errors, warnings, infos) = severity_counts(findings);
    [
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
        plural(infos, "info", "infos"),
    ]
    .join(separator)
}

/// [`severity_summary`] in a language: `1 个错误 · 2 个警告 · 0 个提示`. English is the same
/// text as [`severity_summary`]'s (plural forms by Fluent's rules).
pub fn severity_summary_in(lang: Lang, findings: &[Finding], separator: &str) -> String {
    let (errors, warnings, infos) = severity_counts(findings);
    [
        ("severity-errors", errors),
        ("severity-warnings", warnings),
        ("severity-infos", infos),
    ]
    .map(|(key, n)| lang.t_args(key, &[("n", n.into())]))
    .join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::views::fixture::{Fixture, SMALL};

    /// A finding of `rule` on the second stage (`ship`) of the SMALL fixture.
    fn on_ship(fixture: &Fixture, rule: &'static Rule, severity: Severity) -> Finding {
        let ship = &fixture.loaded.model.value_streams[0].stages[1];
        let mut finding = Finding::new(rule, ship.common.id.loc, "finding");
        finding.severity = severity;
        finding.owner = Some(Owner::Stage {
            stream: 0,
            stage: 1,
        });
        finding
    }

    fn report<'a>(
        views: &'a Views<'a>,
        fixture: &'a Fixture,
        findings: &'a [Finding],
    ) -> Report<'a> {
        Report {
            views,
            loaded: &fixture.loaded,
            findings,
            title: "T".into(),
            measure: Measure::Gap,
            palette: Palette::Viridis,
        }
    }

    #[test]
    fn the_summary_says_one_error_and_two_warnings() {
        let fixture = Fixture::new(SMALL);
        let findings = [
            on_ship(&fixture, &crate::catalog::NO_VALUE_ITEM, Severity::Error),
            on_ship(&fixture, &crate::catalog::NO_VALUE_ITEM, Severity::Warning),
            on_ship(&fixture, &crate::catalog::NO_VALUE_ITEM, Severity::Warning),
        ];
        assert_eq!(
            severity_summary(&findings, ", "),
            "1 error, 2 warnings, 0 infos"
        );
        assert_eq!(
            severity_summary(&findings[..0], " · "),
            "0 errors · 0 warnings · 0 infos"
        );
        for lang in crate::i18n::LANGS.into_iter().skip(1) {
            assert_ne!(
                severity_summary_in(lang, &findings, ", "),
                "1 error, 2 warnings, 0 infos"
            );
        }
        assert_eq!(
            severity_summary_in(Lang::En, &findings, ", "),
            severity_summary(&findings, ", ")
        );
        assert_eq!(
            severity_summary_in(Lang::En, &findings[..0], " · "),
            "0 errors · 0 warnings · 0 infos"
        );
        assert_eq!(
            severity_summary_in(Lang::ZhCn, &findings, "，"),
            "1 个错误，2 个警告，0 个提示"
        );
        assert_eq!(
            severity_summary_in(Lang::ZhTw, &findings, "，"),
            "1 個錯誤，2 個警告，0 個提示"
        );
    }

    #[test]
    fn a_stage_without_value_is_flagged_once_with_its_worst_severity() {
        let fixture = Fixture::new(SMALL);
        let views = fixture.views();
        let findings = [
            on_ship(&fixture, &crate::catalog::NO_VALUE_ITEM, Severity::Info),
            on_ship(&fixture, &crate::catalog::NO_VALUE_ITEM, Severity::Warning),
        ];
        let flagged = report(&views, &fixture, &findings).flagged_stages();
        assert_eq!(flagged.len(), 1, "{flagged:?}");
        assert!(flagged[0].no_value);
        assert_eq!((flagged[0].stream, flagged[0].stage), (0, 1));
        assert_eq!(flagged[0].rules.len(), 1, "each rule once");
        assert_eq!(flagged[0].worst, Some(Severity::Warning));
    }

    #[test]
    fn perception_rows_work_out_the_gap_and_name_the_answering_commitments() {
        let yaml = format!(
            "{SMALL}  care: {{name: Care, perception: call}}\nperceptions:\n  call: {{name: Call, stage: order/take, current: 2.5, expected: 4, focus: true}}\n  mail: {{name: Mail, current: 3}}\n"
        );
        let fixture = Fixture::new(&yaml);
        let views = fixture.views();
        let report = report(&views, &fixture, &[]);
        let rows = report.perceptions();
        assert_eq!(rows[0].stage, "Order › Take order");
        assert_eq!(
            (rows[0].current.as_str(), rows[0].gap.as_str()),
            ("2.5", "1.5")
        );
        assert_eq!(rows[0].answered_by, ["Care"]);
        assert!(rows[0].focus);
        // Without an expected score there is no gap.
        assert_eq!((rows[1].current.as_str(), rows[1].gap.as_str()), ("3", ""));
    }
}
