//! `vsm diff`: what a change does to the model, by kind and id rather than by line.
//!
//! Two checked models go in (each side's [`Loaded`] model and the [`Outcome`] of
//! [`crate::check::findings`] on it); one [`Diff`] comes out, with typed rows every format
//! reads: `term.rs` colours them for a terminal, `markdown.rs` writes a pull-request comment,
//! and JSON is the rows serialised (documented field by field in `docs/diff.md`).
//!
//! What is compared (see `elements.rs` for elements and their fields):
//! - elements added, removed and probably renamed (same content, or the same name, under a new
//!   id); fields changed, old → new, with references to a renamed element read under its new id;
//! - value: value items lost and added per stage, stages that now add no value, value
//!   streams that lost a stage;
//! - findings introduced and fixed, matched as a baseline matches them
//!   ([`crate::baseline::Fingerprint`]: file, rule, element path and message, not the line);
//! - figures: capabilities whose heat-map gap or risk moved ([`crate::report::data`]),
//!   commitments whose target was tightened or loosened, and value streams whose lead time or
//!   flow efficiency moved ([`crate::resolve::flow`]).
//!
//! Everything is matched through hash maps, once per element: the diff of two large models
//! costs little next to loading and checking them.

mod elements;
mod figures;
pub mod markdown;
pub mod term;

use crate::baseline::Fingerprint;
use crate::check::Outcome;
use crate::diag::{Finding, Severity};
use crate::load::Loaded;
use crate::model::Kind;
use crate::report::data::Views;
use serde::Serialize;
use std::collections::HashMap;

pub use elements::ALL_KINDS;

/// Version of the JSON structure; bumped only on incompatible changes.
pub const FORMAT_VERSION: u32 = 1;

/// One side of a diff: a checked model and how its files are named for matching findings.
pub struct Side<'a> {
    /// How the user named the side (`main`, `HEAD:models`, `working tree`, a folder).
    pub label: &'a str,
    pub loaded: &'a Loaded,
    pub outcome: &'a Outcome,
    /// Per file (`FileId`): the name that identifies it on both sides, relative to the
    /// side's root (so `main:models/a.yaml` and `models/a.yaml` on disk are one file).
    pub file_keys: &'a [String],
}

/// What changed from the old side to the new one.
#[derive(Debug, Serialize)]
pub struct Diff {
    pub version: u32,
    pub old: SideInfo,
    pub new: SideInfo,
    pub summary: Summary,
    /// Element changes, grouped by kind (in the order of the format's sections), then added,
    /// removed, renamed, changed.
    pub elements: Vec<ElementChange>,
    pub value: ValueChanges,
    pub findings: FindingChanges,
    /// Capabilities whose heat-map gap or risk changed.
    pub capabilities: Vec<CapabilityFigures>,
    /// Commitments whose target changed.
    pub commitments: Vec<CommitmentTarget>,
    /// Value streams whose flow figures changed.
    pub flow: Vec<StreamFlow>,
}

/// One side as the output names it.
#[derive(Debug, Serialize)]
pub struct SideInfo {
    pub label: String,
    pub files: usize,
    pub elements: usize,
    pub findings: usize,
}

/// The counts the summary table shows.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// Per kind with at least one change: added, removed, renamed, changed.
    pub kinds: Vec<KindCount>,
    pub value_items_lost: usize,
    pub value_items_added: usize,
    pub stages_without_value: usize,
    pub streams_that_lost_stages: usize,
    pub findings_introduced: usize,
    pub findings_fixed: usize,
    pub capability_figures_changed: usize,
    pub commitments_tightened: usize,
    pub commitments_loosened: usize,
    /// Targets set, dropped, or changed in a way that is neither tighter nor looser.
    pub commitments_retargeted: usize,
    pub streams_flow_changed: usize,
}

#[derive(Debug, Serialize)]
pub struct KindCount {
    pub kind: Kind,
    pub added: usize,
    pub removed: usize,
    pub renamed: usize,
    pub changed: usize,
}

/// How an element changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Added,
    Removed,
    /// A new id for the same element: the same content, or the same name.
    Renamed,
    Changed,
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Removed => "removed",
            Change::Renamed => "renamed",
            Change::Changed => "changed",
        }
    }
}

/// One element added, removed, renamed or changed.
#[derive(Debug, Serialize)]
pub struct ElementChange {
    pub kind: Kind,
    /// Its id (the old one for a removed element); stages as `stream/stage`.
    pub id: String,
    /// Its name, else its id (from the side it is on; the new side when on both).
    pub name: String,
    pub change: Change,
    /// A renamed element's old id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_id: Option<String>,
    /// The fields whose value changed (renamed and changed elements).
    pub fields: Vec<FieldChange>,
}

/// One field, old → new.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    /// The field as written in the model (`maturity`, `next`), or `value item "NAME" FIELD`.
    pub field: String,
    /// The value as `vsm` shows it (lists comma-separated); `None` when not written.
    pub old: Option<String>,
    pub new: Option<String>,
    /// For lists: the entries only the new side has.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<String>,
    /// For lists: the entries only the old side has.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
}

/// What the change does to the value the streams deliver.
#[derive(Debug, Default, Serialize)]
pub struct ValueChanges {
    /// Value items a stage had and has no more (stages on both sides).
    pub items_lost: Vec<ValueItemChange>,
    /// Value items a stage has that it did not have.
    pub items_added: Vec<ValueItemChange>,
    /// Stages that added value (had value items) and now add none.
    pub stages_without_value: Vec<StageRef>,
    /// Value streams (on both sides) with stages that are gone (removed, not renamed).
    pub streams_that_lost_stages: Vec<StreamLoss>,
}

#[derive(Debug, Serialize)]
pub struct ValueItemChange {
    /// The stage, `stream/stage` (its new id).
    pub stage: String,
    pub stage_name: String,
    pub item: String,
}

#[derive(Debug, Serialize)]
pub struct StageRef {
    pub stage: String,
    pub name: String,
    /// How many value items it had.
    pub had: usize,
}

#[derive(Debug, Serialize)]
pub struct StreamLoss {
    pub stream: String,
    pub name: String,
    pub stages: Vec<Named>,
}

/// An id with its name (the id when it has none).
#[derive(Debug, Serialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

/// Findings the new side has and the old had not, and the reverse.
#[derive(Debug, Default, Serialize)]
pub struct FindingChanges {
    pub introduced: Vec<FindingRef>,
    pub fixed: Vec<FindingRef>,
}

/// A finding as the diff shows it: where it is on its side.
#[derive(Debug, Serialize)]
pub struct FindingRef {
    pub code: &'static str,
    pub rule: &'static str,
    pub severity: Severity,
    /// The file as shown on its side (the new side for introduced findings, the old for fixed).
    pub file: String,
    pub line: u32,
    pub column: u32,
    /// The element path, e.g. `value_streams.complaint.stages.survey`.
    pub path: String,
    pub message: String,
    /// The message as a key, to write it in the reader's language ([`Diff::localize`]).
    #[serde(skip)]
    pub keyed: Option<Box<crate::diag::Keyed>>,
}

/// A capability whose heat-map measures moved.
#[derive(Debug, Serialize)]
pub struct CapabilityFigures {
    pub id: String,
    pub name: String,
    pub old_gap: Option<i32>,
    pub new_gap: Option<i32>,
    pub old_risk: Option<i32>,
    pub new_risk: Option<i32>,
}

/// Which way a commitment's target moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// A stricter promise: a lower upper bound, a higher lower bound, `<` for `<=`.
    Tightened,
    /// A weaker promise.
    Loosened,
    /// A target where there was none.
    Set,
    /// No target any more.
    Dropped,
    /// Another kind of bound or amount (`<=` to `>=`, days to percent): not comparable.
    Changed,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Tightened => "tightened",
            Direction::Loosened => "loosened",
            Direction::Set => "set",
            Direction::Dropped => "dropped",
            Direction::Changed => "changed",
        }
    }
}

#[derive(Debug, Serialize)]
pub struct CommitmentTarget {
    pub id: String,
    pub name: String,
    pub old: Option<String>,
    pub new: Option<String>,
    pub direction: Direction,
}

/// A value stream's lean figures before and after.
#[derive(Debug, Serialize)]
pub struct StreamFlow {
    pub id: String,
    pub name: String,
    pub old: FlowFigures,
    pub new: FlowFigures,
}

/// The critical path's figures of one side (all `None` when no stage has times or the
/// flow loops).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowFigures {
    pub lead_seconds: Option<f64>,
    pub process_seconds: Option<f64>,
    /// Process / lead time on the critical path, in percent, one decimal.
    pub flow_efficiency_percent: Option<f64>,
    /// Some stages have no times: the figures are a lower bound.
    pub partial: bool,
}

impl Diff {
    /// The findings introduced and fixed in `lang`, after they were matched on their English
    /// text; the rest of the diff is English for now.
    pub fn localize(&mut self, lang: crate::i18n::Lang) {
        for finding in self
            .findings
            .introduced
            .iter_mut()
            .chain(self.findings.fixed.iter_mut())
        {
            if let Some(keyed) = &finding.keyed {
                finding.message = keyed.in_lang(lang);
            }
        }
    }

    /// Whether the change touches nothing `vsm diff` compares.
    pub fn is_empty(&self) -> bool {
        self.elements.is_empty()
            && self.value.is_empty()
            && self.findings.introduced.is_empty()
            && self.findings.fixed.is_empty()
    }

    /// Whether value is lost: a value item gone from a stage, a stage that now adds no value,
    /// a value stream that lost a stage (`--fail-on value-lost`).
    pub fn value_lost(&self) -> bool {
        let v = &self.value;
        !(v.items_lost.is_empty()
            && v.stages_without_value.is_empty()
            && v.streams_that_lost_stages.is_empty())
    }
}

impl ValueChanges {
    pub fn is_empty(&self) -> bool {
        self.items_lost.is_empty()
            && self.items_added.is_empty()
            && self.stages_without_value.is_empty()
            && self.streams_that_lost_stages.is_empty()
    }
}

/// Compares two checked models.
pub fn compute(old: &Side<'_>, new: &Side<'_>) -> Diff {
    let (old_model, new_model) = (&old.loaded.model, &new.loaded.model);
    let matched = elements::compare(
        (old_model, &old.outcome.resolved),
        (new_model, &new.outcome.resolved),
    );
    let value = elements::value_changes(old_model, new_model, &matched);
    let findings = finding_changes(old, new);
    let old_views = Views::new(old_model, &old.outcome.resolved);
    let new_views = Views::new(new_model, &new.outcome.resolved);
    let capabilities = figures::capabilities(&old_views, &new_views, &matched);
    let commitments = figures::commitments(old_model, new_model, &matched);
    let flow = figures::flow(&old_views, &new_views, &matched);
    let elements = matched.changes;

    let mut summary = Summary {
        value_items_lost: value.items_lost.len(),
        value_items_added: value.items_added.len(),
        stages_without_value: value.stages_without_value.len(),
        streams_that_lost_stages: value.streams_that_lost_stages.len(),
        findings_introduced: findings.introduced.len(),
        findings_fixed: findings.fixed.len(),
        capability_figures_changed: capabilities.len(),
        streams_flow_changed: flow.len(),
        ..Summary::default()
    };
    for target in &commitments {
        match target.direction {
            Direction::Tightened => summary.commitments_tightened += 1,
            Direction::Loosened => summary.commitments_loosened += 1,
            _ => summary.commitments_retargeted += 1,
        }
    }
    for kind in ALL_KINDS {
        let mut count = KindCount {
            kind,
            added: 0,
            removed: 0,
            renamed: 0,
            changed: 0,
        };
        for change in elements.iter().filter(|c| c.kind == kind) {
            match change.change {
                Change::Added => count.added += 1,
                Change::Removed => count.removed += 1,
                Change::Renamed => count.renamed += 1,
                Change::Changed => count.changed += 1,
            }
        }
        if count.added + count.removed + count.renamed + count.changed > 0 {
            summary.kinds.push(count);
        }
    }
    let info = |side: &Side<'_>| SideInfo {
        label: side.label.to_string(),
        files: side.loaded.sources.files.len(),
        elements: side.loaded.model.element_count(),
        findings: side.outcome.findings.len(),
    };
    Diff {
        version: FORMAT_VERSION,
        old: info(old),
        new: info(new),
        summary,
        elements,
        value,
        findings,
        capabilities,
        commitments,
        flow,
    }
}

/// Findings of the new side no old finding matches (introduced), and the reverse (fixed).
/// Fingerprints are counted, as a baseline counts them: a third finding where there were two
/// is one introduced.
fn finding_changes(old: &Side<'_>, new: &Side<'_>) -> FindingChanges {
    let fingerprint = |side: &Side<'_>, f: &Finding| {
        let file = side
            .file_keys
            .get(f.loc.file as usize)
            .cloned()
            .unwrap_or_default();
        Fingerprint::named(file, f)
    };
    let counts = |side: &Side<'_>| {
        let mut counts: HashMap<Fingerprint, usize> = HashMap::new();
        for f in &side.outcome.findings {
            *counts.entry(fingerprint(side, f)).or_default() += 1;
        }
        counts
    };
    let only_in = |side: &Side<'_>, mut other: HashMap<Fingerprint, usize>| {
        let mut out = Vec::new();
        for f in &side.outcome.findings {
            match other.get_mut(&fingerprint(side, f)) {
                Some(n) if *n > 0 => *n -= 1,
                _ => out.push(finding_ref(side, f)),
            }
        }
        out
    };
    FindingChanges {
        introduced: only_in(new, counts(old)),
        fixed: only_in(old, counts(new)),
    }
}

fn finding_ref(side: &Side<'_>, f: &Finding) -> FindingRef {
    let sources = &side.loaded.sources;
    let (start, _) = sources.range(f.loc);
    FindingRef {
        code: f.rule.code,
        rule: f.rule.name,
        severity: f.severity,
        file: sources.get(f.loc.file).display_path(),
        line: start.line,
        column: start.column,
        path: f.path.clone(),
        message: f.message.clone(),
        keyed: f.keyed_message.clone(),
    }
}

/// The heading of a kind's group: `Value streams`.
pub fn kind_title(kind: Kind) -> &'static str {
    match kind {
        Kind::Stakeholder => "Stakeholders",
        Kind::ValueStream => "Value streams",
        Kind::Stage => "Stages",
        Kind::Capability => "Capabilities",
        Kind::Process => "Processes",
        Kind::Information => "Information",
        Kind::BusinessObject => "Business objects",
        Kind::Commitment => "Commitments",
        Kind::Perception => "Perception points",
    }
}

/// A duration in seconds as people write it (`1d 4h`).
pub(crate) fn seconds_text(seconds: f64) -> String {
    crate::units::written(crate::model::Duration(seconds))
}

#[cfg(test)]
mod tests;
