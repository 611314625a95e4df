//! The one path every command takes from a loaded model to the findings it shows:
//! resolve → the rules → configured severities, `--select`/`--ignore` and `allow:` →
//! suppression comments → `--changed-since` scope → baseline → findings held back while the
//! model is incomplete → sorted findings.
//! `vsm check`, `vsm report` and the table and heat-map commands all call [`findings`], so a
//! finding one of them hides is hidden by all.

use crate::baseline::{self, Baseline};
use crate::catalog::{self, Rule};
use crate::config::RuleSelection;
use crate::diag::{self, silenced_rule, Finding, Owner, Silencer};
use crate::load::Loaded;
use crate::model::Kind;
use crate::resolve::{self, Resolved};
use crate::rules::{Context, CHECKS};
use crate::suppress;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// What, besides the model (its `allow:` lists and suppression comments), decides which
/// findings are shown.
#[derive(Default)]
pub struct Filters<'a> {
    pub selection: RuleSelection,
    /// `--changed-since`: per file (indexed by `FileId`), whether its findings are reported.
    pub in_scope: Option<Vec<bool>>,
    /// `--baseline`: findings recorded in it are hidden.
    pub baseline: Option<&'a Baseline>,
}

/// The checked model: derived facts and the findings to show.
#[derive(Debug)]
pub struct Outcome {
    pub resolved: Resolved,
    /// Shown findings, sorted by file, line and column.
    pub findings: Vec<Finding>,
    /// How many findings suppression comments hid.
    pub suppressed: usize,
    /// What the baseline hid, when one was given.
    pub baseline: Option<baseline::Applied>,
    /// Findings held back because part of the model could not be read (see
    /// [`HELD_BACK_WHILE_INCOMPLETE`]); the first shown unread finding carries the count too.
    pub held_back: usize,
}

/// Rules whose findings may only be consequences of a part of the model that could not be
/// read (a syntax error, a section of the wrong shape): a reference to an id defined there, an
/// element used only from there, a suppression comment whose finding cannot be computed now.
/// While any part is unread they are held back, so the one real cause is not buried. Rules
/// that look at one element as written (a stage without value items, a process without
/// owner) are not: an element is either read whole or not at all.
pub const HELD_BACK_WHILE_INCOMPLETE: &[&Rule] = &[
    &catalog::UNRESOLVED_REFERENCE,
    &catalog::WRONG_KIND_REFERENCE,
    &catalog::EMPTY_VALUE_STREAM,
    &catalog::UNUSED_SUPPRESSION,
    &catalog::PERCEPTION_SCALE_MISMATCH,
    &catalog::UNUSED_CAPABILITY,
    &catalog::UNUSED_PROCESS,
    &catalog::UNUSED_INFORMATION,
    &catalog::UNUSED_BUSINESS_OBJECT,
    &catalog::FOCUS_PERCEPTION_UNCOVERED,
    &catalog::UNUSED_STAKEHOLDER,
];

/// Resolves and checks a loaded model and applies every filter, in the order the module
/// documentation gives.
pub fn findings(loaded: &Loaded, filters: &Filters<'_>) -> Outcome {
    let (resolved, mut findings) = run_rules(loaded, &filters.selection);
    let suppressed = suppress::apply(&loaded.sources, &mut findings, &filters.selection).suppressed;
    if let Some(scope) = &filters.in_scope {
        findings.retain(|f| scope.get(f.loc.file as usize).copied().unwrap_or(true));
    }
    let baseline = filters.baseline.map(|baseline| {
        let sources = &loaded.sources;
        let scope_files: HashSet<String> = sources
            .files
            .iter()
            .enumerate()
            .filter(|(i, _)| filters.in_scope.as_ref().is_none_or(|scope| scope[*i]))
            .map(|(_, f)| baseline::file_key(baseline.base(), &f.path))
            .collect();
        baseline.apply(sources, &mut findings, |file, code| {
            scope_files.contains(file)
                && crate::catalog::lookup(code)
                    .is_none_or(|r| filters.selection.severity(r).is_some())
        })
    });
    let held_back = hold_back_while_incomplete(loaded, &mut findings);
    Outcome {
        resolved,
        findings,
        suppressed,
        baseline,
        held_back,
    }
}

/// When a problem left part of the model unread, drops the findings of
/// [`HELD_BACK_WHILE_INCOMPLETE`] and records their number on the first unread finding shown
/// (sorted first), so every output can say what was held back and why; returns the number.
fn hold_back_while_incomplete(loaded: &Loaded, findings: &mut Vec<Finding>) -> usize {
    if !loaded.findings.iter().any(|f| f.unread) {
        return 0;
    }
    let before = findings.len();
    findings.retain(|f| {
        !HELD_BACK_WHILE_INCOMPLETE
            .iter()
            .any(|rule| rule.code == f.rule.code)
    });
    let held_back = before - findings.len();
    if let Some(first) = findings.iter_mut().find(|f| f.unread) {
        first.held_back = held_back;
    }
    held_back
}

/// Resolves, runs the selected rules, applies severities and `allow:`; sorted.
fn run_rules(loaded: &Loaded, selection: &RuleSelection) -> (Resolved, Vec<Finding>) {
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
    let by_rule: Vec<Vec<Finding>> = CHECKS
        .par_iter()
        .filter(|(rule, _)| selection.severity(rule).is_some())
        .map(|(_, check)| {
            let mut found = Vec::new();
            check(&ctx, &mut found);
            found
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
    diag::sort(&mut findings);
    // A node reached through several aliases is checked once per alias: report it once.
    findings.dedup_by(|a, b| a.rule == b.rule && a.loc == b.loc && a.message == b.message);
    (resolved, findings)
}

type Allowed = HashMap<Owner, Vec<&'static Rule>>;

/// Reads every `allow:` list (unknown names become VSM015 findings).
fn read_allows(loaded: &Loaded, findings: &mut Vec<Finding>) -> Allowed {
    let model = &loaded.model;
    let mut allowed = Allowed::new();
    // The path is written only for an element with an `allow:` list: one formatted for each
    // of the reference model's 40,000 elements showed in the language server's profile.
    let mut add = |owner: Owner,
                   common: &crate::model::Common,
                   path: &dyn Fn() -> String,
                   findings: &mut Vec<Finding>| {
        if !common.allow.is_empty() {
            let rules = read_allow(&common.allow, &path(), findings);
            allowed.insert(owner, rules);
        }
    };
    macro_rules! section {
        ($field:ident, $kind:expr) => {
            for (i, (id, element)) in model.$field.iter().enumerate() {
                add(
                    Owner::Element($kind, i as u32),
                    &element.common,
                    &|| format!("{}.{id}", $kind.section()),
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
                &|| format!("value_streams.{stream_id}.stages.{stage_id}"),
                findings,
            );
        }
    }
    allowed
}

/// The rules an `allow:` list names; unknown names and rules that cannot be switched off
/// become findings.
fn read_allow(
    allow: &[crate::model::Ref],
    path: &str,
    findings: &mut Vec<Finding>,
) -> Vec<&'static Rule> {
    let mut rules = Vec::with_capacity(allow.len());
    for entry in allow {
        match silenced_rule(&entry.value, entry.loc, Silencer::Allow) {
            Ok(rule) => rules.push(rule),
            Err(problem) => findings.push(problem.path(format!("{path}.allow"))),
        }
    }
    rules
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
