//! Runs the rules and applies, in one place, what decides which findings are shown:
//! configured severities, `--select`/`--ignore`, and `allow:` on elements.

use crate::diag::{Finding, Owner, Severity};
use crate::load::Loaded;
use crate::model::Kind;
use crate::resolve::{self, Resolved};
use crate::rules::{self, Context, Rule, RULES};
use rayon::prelude::*;
use std::collections::HashMap;

/// Which rules run and how severe their findings are.
#[derive(Clone, Debug, Default)]
pub struct RuleSelection {
    /// Severity per rule code from the config (`None` = off).
    pub overrides: HashMap<&'static str, Option<Severity>>,
    /// `--select`: only these rules (structural rules always run).
    pub select: Option<Vec<&'static Rule>>,
    /// `--ignore`: never these.
    pub ignore: Vec<&'static Rule>,
}

impl RuleSelection {
    /// The severity findings of `rule` get, or `None` when the rule is off.
    pub fn severity(&self, rule: &'static Rule) -> Option<Severity> {
        if !rule.can_be_disabled() {
            return rule.default;
        }
        let selected = match &self.select {
            Some(list) if !list.contains(&rule) => return None,
            Some(_) => true,
            None => false,
        };
        if self.ignore.contains(&rule) {
            return None;
        }
        match self.overrides.get(rule.code) {
            Some(setting) => *setting,
            // Selecting a rule that is off by default switches it on.
            None => rule.default.or(selected.then_some(Severity::Info)),
        }
    }
}

/// The result of checking a model.
#[derive(Debug)]
pub struct Outcome {
    pub resolved: Resolved,
    /// Shown findings, sorted by file, line and column.
    pub findings: Vec<Finding>,
}

/// Resolves and checks a loaded model.
pub fn check(loaded: &Loaded, selection: &RuleSelection) -> Outcome {
    let (resolved, mut findings) = resolve::resolve(&loaded.model);
    findings.extend(loaded.findings.iter().cloned());
    let allowed = read_allows(loaded, &mut findings);
    let ctx = Context {
        model: &loaded.model,
        resolved: &resolved,
        sources: &loaded.sources,
    };
    // Rules only read the model, so they run side by side; findings are sorted below, so the
    // output does not depend on which finished first.
    let by_rule: Vec<Vec<Finding>> = RULES
        .par_iter()
        .filter(|rule| selection.severity(rule).is_some())
        .filter_map(|rule| {
            let check = rule.check?;
            let mut found = Vec::new();
            check(&ctx, &mut found);
            Some(found)
        })
        .collect();
    findings.extend(by_rule.into_iter().flatten());
    findings.retain_mut(|finding| {
        let Some(severity) = selection.severity(finding.rule) else {
            return false;
        };
        if finding.rule.can_be_disabled() && is_allowed(&allowed, finding) {
            return false;
        }
        finding.severity = severity;
        true
    });
    sort(&mut findings);
    // A node reached through several aliases is checked once per alias: report it once.
    findings.dedup_by(|a, b| a.rule == b.rule && a.loc == b.loc && a.message == b.message);
    Outcome { resolved, findings }
}

/// Sorts findings by file, position and code, the order every output uses.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (
            a.loc.file,
            a.loc.span.start,
            a.loc.span.end,
            a.rule.code,
            &a.message,
        )
            .cmp(&(
                b.loc.file,
                b.loc.span.start,
                b.loc.span.end,
                b.rule.code,
                &b.message,
            ))
    });
}

type Allowed = HashMap<Owner, Vec<&'static Rule>>;

/// Reads every `allow:` list (unknown names become VSM015 findings).
fn read_allows(loaded: &Loaded, findings: &mut Vec<Finding>) -> Allowed {
    let model = &loaded.model;
    let mut allowed = Allowed::new();
    let mut add =
        |owner: Owner, common: &crate::model::Common, path: String, findings: &mut Vec<Finding>| {
            if !common.allow.is_empty() {
                let rules = rules::unknown_rule::read_allow(&common.allow, &path, findings);
                allowed.insert(owner, rules);
            }
        };
    macro_rules! section {
        ($field:ident, $kind:expr) => {
            for (i, (id, element)) in model.$field.iter().enumerate() {
                add(
                    Owner::Element($kind, i as u32),
                    &element.common,
                    format!("{}.{id}", $kind.section()),
                    findings,
                );
            }
        };
    }
    section!(stakeholders, Kind::Stakeholder);
    section!(value_streams, Kind::ValueStream);
    section!(capabilities, Kind::Capability);
    section!(processes, Kind::Process);
    section!(information, Kind::Information);
    section!(business_objects, Kind::BusinessObject);
    section!(commitments, Kind::Commitment);
    section!(perceptions, Kind::Perception);
    for (si, (stream_id, stream)) in model.value_streams.iter().enumerate() {
        for (gi, (stage_id, stage)) in stream.stages.iter().enumerate() {
            add(
                Owner::Stage {
                    stream: si as u32,
                    stage: gi as u32,
                },
                &stage.common,
                format!("value_streams.{stream_id}.stages.{stage_id}"),
                findings,
            );
        }
    }
    allowed
}

fn is_allowed(allowed: &Allowed, finding: &Finding) -> bool {
    let Some(owner) = finding.owner else {
        return false;
    };
    let allows = |owner: Owner| {
        allowed
            .get(&owner)
            .is_some_and(|rules| rules.contains(&finding.rule))
    };
    match owner {
        Owner::Stage { stream, .. } => {
            allows(owner) || allows(Owner::Element(Kind::ValueStream, stream))
        }
        Owner::Element(..) => allows(owner),
    }
}

/// Counts by severity: (errors, warnings, infos).
pub fn counts(findings: &[Finding]) -> (usize, usize, usize) {
    findings
        .iter()
        .fold((0, 0, 0), |(e, w, i), f| match f.severity {
            Severity::Error => (e + 1, w, i),
            Severity::Warning => (e, w + 1, i),
            Severity::Info => (e, w, i + 1),
        })
}
