//! Resolves every reference, counts what uses what, and builds the graphs rules walk.
//!
//! Lookups are `IndexMap` hash lookups, so resolving is linear in the number of references;
//! the "did you mean" search only runs for references that fail.

use crate::catalog::{UNRESOLVED_REFERENCE, WRONG_KIND_REFERENCE};
use crate::diag::shown;
use crate::diag::{self, Finding};
use crate::model::{Kind, Model, Ref, Str};
use crate::says;
use indexmap::IndexMap;
use petgraph::graph::{DiGraph, NodeIndex};
use rayon::prelude::*;

pub mod flow;
pub use flow::{FlowPath, StageTimes, StreamFlow};
pub mod uses;
pub use uses::{InformationUsers, StageAt, StakeholderRoles, StepAt, UsedBy};

/// How often a capability is used, by kind of user.
///
/// "Used" has one meaning everywhere (VSM201, the heat map by usage, the capability table): a
/// capability is used when it, or any capability below it, is named by a stage, a value item,
/// a process or a step. Being a parent is not a use by itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CapabilityUse {
    pub stages: u32,
    pub value_items: u32,
    pub processes: u32,
    pub steps: u32,
    /// Child capabilities (direct ones).
    pub children: u32,
    /// Uses of this capability and of every capability below it ([`Self::direct`] summed over
    /// the subtree); for a capability in a `parent` loop, of the whole loop and all below it.
    pub subtree: u32,
    /// How many capabilities are below it (children, their children, ...).
    pub below: u32,
}

impl CapabilityUse {
    /// Stages, value items, processes and steps naming this capability itself.
    pub fn direct(&self) -> u32 {
        self.stages + self.value_items + self.processes + self.steps
    }

    /// Whether it, or a capability below it, is used.
    pub fn used(&self) -> bool {
        self.subtree > 0
    }
}

/// The scale a perception point's scores are written on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScoreScale {
    /// Every score is at most 5: the 0–5 scale.
    UpToFive,
    /// Every score is above 5: only the 0–100 scale has them.
    UpToHundred,
    /// One score at most 5 and the other above: the two scores of one point mix the scales.
    Mixed,
}

impl ScoreScale {
    /// Which scale a score belongs to: above 5 only 0–100 is possible.
    fn of(score: f64) -> ScoreScale {
        if crate::vocabulary::SMALL_SCORE_SCALE.contains(&score) {
            ScoreScale::UpToFive
        } else {
            ScoreScale::UpToHundred
        }
    }

    pub fn range(self) -> &'static str {
        match self {
            ScoreScale::UpToFive => "0–5",
            ScoreScale::UpToHundred => "0–100",
            ScoreScale::Mixed => "0–5 and 0–100",
        }
    }
}

/// The scales perception points are scored on: per point, and the model's (the one most
/// scored points use; on a tie, the first point's).
#[derive(Clone, Debug, Default)]
pub struct Scales {
    /// Per perception point; `None` without scores.
    pub perception: Vec<Option<ScoreScale>>,
    /// `UpToFive` or `UpToHundred`; `None` when no point has a single-scale score.
    pub model: Option<ScoreScale>,
}

impl Scales {
    fn of(model: &Model) -> Scales {
        let perception: Vec<Option<ScoreScale>> = model
            .perceptions
            .values()
            .map(|p| {
                let mut scores = [&p.current, &p.expected]
                    .into_iter()
                    .flatten()
                    .map(|s| ScoreScale::of(s.value));
                let first = scores.next()?;
                Some(if scores.all(|s| s == first) {
                    first
                } else {
                    ScoreScale::Mixed
                })
            })
            .collect();
        let count = |scale| perception.iter().filter(|s| **s == Some(scale)).count();
        let (five, hundred) = (count(ScoreScale::UpToFive), count(ScoreScale::UpToHundred));
        let model_scale = match five.cmp(&hundred) {
            std::cmp::Ordering::Greater => Some(ScoreScale::UpToFive),
            std::cmp::Ordering::Less => Some(ScoreScale::UpToHundred),
            std::cmp::Ordering::Equal => perception
                .iter()
                .flatten()
                .copied()
                .find(|s| *s != ScoreScale::Mixed),
        };
        Scales {
            perception,
            model: model_scale,
        }
    }
}

/// Who uses what (resolved references only).
#[derive(Clone, Debug, Default)]
pub struct Usage {
    pub capability: Vec<CapabilityUse>,
    /// Stages listing each process.
    pub process_stages: Vec<u32>,
    /// Stages, processes and steps listing each information item.
    pub information: Vec<u32>,
    /// Stages, information items and related objects naming each business object.
    pub business_object: Vec<u32>,
    /// Commitments answering each perception point.
    pub perception_commitments: Vec<u32>,
    /// Triggers, stage participants and owners (of capabilities, processes, steps and
    /// commitments) naming each stakeholder.
    pub stakeholder: Vec<u32>,
}

/// A `next` entry naming a stage of another value stream.
#[derive(Clone, Debug)]
pub struct CrossStreamNext {
    pub stream: usize,
    pub stage: usize,
    pub reference: Ref,
    pub other_stream: usize,
}

/// The resolved model: indices instead of ids, and the graphs.
#[derive(Debug, Default)]
pub struct Resolved {
    /// Each capability's parent (an index into `model.capabilities`).
    pub capability_parent: Vec<Option<usize>>,
    /// Each capability's depth in the parent chain (1 = no parent); `None` inside or under a
    /// `parent` loop. Rule VSM011 and the capability tree of the reports read it.
    pub capability_depth: Vec<Option<u32>>,
    /// Edges child → parent; node `i` is capability `i`.
    pub capability_graph: DiGraph<(), ()>,
    /// Per value stream, per stage: the stages it flows to.
    pub flow: Vec<Vec<Vec<usize>>>,
    /// Per value stream: the lean figures of its stage flow (times, critical path).
    pub stream_flow: Vec<StreamFlow>,
    pub cross_stream_next: Vec<CrossStreamNext>,
    /// Edges commitment → part; the edge weight is the position of the ref in `parts`.
    pub commitment_graph: DiGraph<(), usize>,
    pub usage: Usage,
    /// The scales perception points are scored on (rule VSM108).
    pub scales: Scales,
    /// Ids of one kind that look alike (rule VSM212).
    pub confusable: Vec<Confusable>,
    /// Who references each element (`vsm impact`, the report's capability uses, the views of
    /// processes, stakeholders and information, the language server's references): built on
    /// first use by [`Resolved::used_by`], once, so `vsm check`, which reads none of it, does
    /// not pay for it.
    used_by: std::sync::OnceLock<UsedBy>,
}

impl Resolved {
    /// Who references each element of `model`, the model this was resolved from.
    pub fn used_by(&self, model: &Model) -> &UsedBy {
        self.used_by.get_or_init(|| UsedBy::of(model))
    }
}

/// Ids of one kind with one Unicode TR39 skeleton (`admin` and `аdmin` with a Cyrillic `а`):
/// indices into the kind's section, in written order. Stages are compared within their
/// stream (a reference names the stream first): `stream` is then its index, and `ids` index
/// its stages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confusable {
    pub kind: Kind,
    pub ids: Vec<usize>,
    /// The value stream whose stages `ids` are (`None` for every other kind).
    pub stream: Option<usize>,
}

/// The groups of look-alike ids of every kind, each kind's groups in the order of their first id.
///
/// Ids are grouped by a hash of their skeleton, so no skeleton is built as a string; the few
/// groups of more than one id are then split by the skeletons themselves, so a hash collision
/// never makes two ids look alike.
fn confusable_ids(model: &Model) -> Vec<Confusable> {
    use std::hash::{BuildHasher, Hasher};
    let hasher = std::collections::hash_map::RandomState::new();
    // Nearly every id is ASCII, and the skeleton of ASCII text is the skeletons of its
    // characters (its NFD is itself): those come from a table built once.
    static ASCII_SKELETONS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let ascii = ASCII_SKELETONS.get_or_init(|| {
        (0u8..128)
            .map(|b| unicode_security::skeleton(&char::from(b).to_string()).collect())
            .collect()
    });
    let skeleton_hash = |id: &str| {
        let mut state = hasher.build_hasher();
        if id.is_ascii() {
            for b in id.bytes() {
                for c in ascii[usize::from(b)].chars() {
                    state.write_u32(u32::from(c));
                }
            }
        } else {
            for c in unicode_security::skeleton(id) {
                state.write_u32(u32::from(c));
            }
        }
        state.finish()
    };
    // The groups of more than one id among `ids` (a kind's, or one stream's stages).
    let groups = |ids: &mut dyn Iterator<Item = &str>, found: &mut dyn FnMut(Vec<usize>)| {
        let mut by_hash: IndexMap<u64, Vec<usize>> = IndexMap::new();
        let mut all: Vec<&str> = Vec::new();
        for (index, id) in ids.enumerate() {
            by_hash.entry(skeleton_hash(id)).or_default().push(index);
            all.push(id);
        }
        for candidates in by_hash.into_values().filter(|ids| ids.len() > 1) {
            let mut groups: IndexMap<String, Vec<usize>> = IndexMap::new();
            for index in candidates {
                let skeleton: String = unicode_security::skeleton(all[index]).collect();
                groups.entry(skeleton).or_default().push(index);
            }
            groups
                .into_values()
                .filter(|ids| ids.len() > 1)
                .for_each(&mut *found);
        }
    };
    let mut out = Vec::new();
    for kind in ALL_KINDS {
        groups(&mut ids_of(model, kind), &mut |ids| {
            out.push(Confusable {
                kind,
                ids,
                stream: None,
            })
        });
    }
    for (index, stream) in model.value_streams.values().enumerate() {
        if stream.stages.len() < 2 {
            continue;
        }
        groups(&mut stream.stages.keys().map(Str::as_str), &mut |ids| {
            out.push(Confusable {
                kind: Kind::Stage,
                ids,
                stream: Some(index),
            })
        });
    }
    out
}

/// Looks up an id of one kind; stage refs are `stream/stage`.
pub fn lookup(model: &Model, kind: Kind, id: &str) -> Option<usize> {
    match kind {
        Kind::Stakeholder => model.stakeholders.get_index_of(id),
        Kind::ValueStream => model.value_streams.get_index_of(id),
        Kind::Capability => model.capabilities.get_index_of(id),
        Kind::Process => model.processes.get_index_of(id),
        Kind::Information => model.information.get_index_of(id),
        Kind::BusinessObject => model.business_objects.get_index_of(id),
        Kind::Commitment => model.commitments.get_index_of(id),
        Kind::Perception => model.perceptions.get_index_of(id),
        Kind::Stage => lookup_stage(model, id).map(|(_, stage)| stage),
    }
}

/// Resolves `stream/stage` to (stream index, stage index).
pub fn lookup_stage(model: &Model, reference: &str) -> Option<(usize, usize)> {
    let (stream, stage) = reference.split_once('/')?;
    let (stream_index, _, value_stream) = model.value_streams.get_full(stream)?;
    Some((stream_index, value_stream.stages.get_index_of(stage)?))
}

const ALL_KINDS: [Kind; 8] = [
    Kind::Stakeholder,
    Kind::ValueStream,
    Kind::Capability,
    Kind::Process,
    Kind::Information,
    Kind::BusinessObject,
    Kind::Commitment,
    Kind::Perception,
];

fn ids_of(model: &Model, kind: Kind) -> Box<dyn Iterator<Item = &str> + '_> {
    match kind {
        Kind::Stakeholder => Box::new(model.stakeholders.keys().map(Str::as_str)),
        Kind::ValueStream => Box::new(model.value_streams.keys().map(Str::as_str)),
        Kind::Capability => Box::new(model.capabilities.keys().map(Str::as_str)),
        Kind::Process => Box::new(model.processes.keys().map(Str::as_str)),
        Kind::Information => Box::new(model.information.keys().map(Str::as_str)),
        Kind::BusinessObject => Box::new(model.business_objects.keys().map(Str::as_str)),
        Kind::Commitment => Box::new(model.commitments.keys().map(Str::as_str)),
        Kind::Perception => Box::new(model.perceptions.keys().map(Str::as_str)),
        Kind::Stage => Box::new(std::iter::empty()),
    }
}

struct Resolver<'m> {
    model: &'m Model,
    findings: Vec<Finding>,
}

impl<'m> Resolver<'m> {
    /// Resolves one reference, reporting VSM006/VSM007 when it fails.
    fn resolve(&mut self, kind: Kind, reference: &Ref, path: impl Fn() -> String) -> Option<usize> {
        if kind == Kind::Stage {
            return self.resolve_stage(reference, path).map(|(_, stage)| stage);
        }
        if let Some(index) = lookup(self.model, kind, &reference.value) {
            return Some(index);
        }
        self.report(kind, reference, path());
        None
    }

    fn report(&mut self, kind: Kind, reference: &Ref, path: String) {
        let id = &reference.value;
        if let Some(other) = ALL_KINDS
            .iter()
            .copied()
            .find(|&k| k != kind && lookup(self.model, k, id).is_some())
        {
            self.findings.push(
                Finding::new(
                    &WRONG_KIND_REFERENCE,
                    reference.loc,
                    says!(
                        "wrong-kind-reference",
                        id = shown(id),
                        other = diag::kind_with_article(other),
                        kind = diag::kind_with_article(kind)
                    ),
                )
                .help(
                    diag::did_you_mean(id, ids_of(self.model, kind))
                        .unwrap_or_else(|| says!("list-it-under", section = other.section())),
                )
                .path(path),
            );
            return;
        }
        let trimmed = id.trim();
        let help = if trimmed != id && lookup(self.model, kind, trimmed).is_some() {
            Some(says!("remove-the-spaces", id = shown(trimmed)))
        } else {
            diag::did_you_mean(id, ids_of(self.model, kind))
        };
        self.findings.push(
            Finding::new(
                &UNRESOLVED_REFERENCE,
                reference.loc,
                says!(
                    "unknown-reference",
                    kind = diag::kind_word(kind),
                    id = shown(id)
                ),
            )
            .maybe_help(help)
            .path(path),
        );
    }

    fn resolve_stage(
        &mut self,
        reference: &Ref,
        path: impl Fn() -> String,
    ) -> Option<(usize, usize)> {
        let id = &reference.value;
        if let Some(found) = lookup_stage(self.model, id) {
            return Some(found);
        }
        let help = if !id.contains('/') {
            // A bare stage id: say which stream it belongs to.
            self.model
                .value_streams
                .iter()
                .find(|(_, s)| s.stages.contains_key(id.as_str()))
                .map(|(stream, _)| {
                    says!("stage-reference-write", stream = stream, stage = shown(id))
                })
        } else {
            None
        };
        if help.is_none() && !id.contains('/') {
            if let Some(other) = ALL_KINDS
                .iter()
                .copied()
                .find(|&k| lookup(self.model, k, id).is_some())
            {
                self.findings.push(
                    Finding::new(
                        &WRONG_KIND_REFERENCE,
                        reference.loc,
                        says!(
                            "wrong-kind-reference",
                            id = shown(id),
                            other = diag::kind_with_article(other),
                            kind = diag::kind_with_article(Kind::Stage)
                        ),
                    )
                    .help(says!("stage-reference-form"))
                    .path(path()),
                );
                return None;
            }
        }
        let help = help.or_else(|| {
            let candidates: Vec<String> = self
                .model
                .value_streams
                .iter()
                .flat_map(|(s, stream)| stream.stages.keys().map(move |st| format!("{s}/{st}")))
                .take(20_000)
                .collect();
            diag::did_you_mean(id, candidates.iter().map(String::as_str))
        });
        self.findings.push(
            Finding::new(
                &UNRESOLVED_REFERENCE,
                reference.loc,
                says!(
                    "unknown-reference",
                    kind = diag::kind_word(Kind::Stage),
                    id = shown(id)
                ),
            )
            .maybe_help(help)
            .path(path()),
        );
        None
    }

    fn each(
        &mut self,
        kind: Kind,
        refs: &[Ref],
        path: &dyn Fn() -> String,
        mut used: impl FnMut(usize),
    ) {
        for reference in refs {
            if let Some(index) = self.resolve(kind, reference, path) {
                used(index);
            }
        }
    }
}

impl Usage {
    fn zero(model: &Model) -> Usage {
        Usage {
            capability: vec![CapabilityUse::default(); model.capabilities.len()],
            process_stages: vec![0; model.processes.len()],
            information: vec![0; model.information.len()],
            business_object: vec![0; model.business_objects.len()],
            perception_commitments: vec![0; model.perceptions.len()],
            stakeholder: vec![0; model.stakeholders.len()],
        }
    }

    fn add(&mut self, other: &Usage) {
        fn sum(into: &mut [u32], from: &[u32]) {
            into.iter_mut().zip(from).for_each(|(a, b)| *a += b);
        }
        for (a, b) in self.capability.iter_mut().zip(&other.capability) {
            a.stages += b.stages;
            a.value_items += b.value_items;
            a.processes += b.processes;
            a.steps += b.steps;
            a.children += b.children;
        }
        sum(&mut self.stakeholder, &other.stakeholder);
        sum(&mut self.process_stages, &other.process_stages);
        sum(&mut self.information, &other.information);
        sum(&mut self.business_object, &other.business_object);
        sum(
            &mut self.perception_commitments,
            &other.perception_commitments,
        );
    }
}

/// Resolves the whole model: findings for broken references, plus usage and graphs.
///
/// Groups of value streams and the other sections are resolved side by side, each with its own
/// counts (added up after); the findings keep the order of a single pass.
pub fn resolve(model: &Model) -> (Resolved, Vec<Finding>) {
    let streams = model.value_streams.len();
    let per_task = streams.div_ceil(STREAM_TASKS).max(1);
    let (stream_parts, elements) = rayon::join(
        || {
            (0..streams.div_ceil(per_task))
                .into_par_iter()
                .map(|task| {
                    resolve_streams(model, task * per_task..((task + 1) * per_task).min(streams))
                })
                .collect::<Vec<_>>()
        },
        || rayon::join(|| resolve_elements(model), || confusable_ids(model)),
    );
    let (elements, confusable) = elements;
    let (capability_parent, capability_graph, commitment_graph, mut usage, element_findings) =
        elements;
    let mut flow = Vec::with_capacity(streams);
    let mut stream_flow = Vec::with_capacity(streams);
    let mut cross_stream_next = Vec::new();
    let mut findings = Vec::new();
    for (part_flow, part_stream_flow, part_cross, part_usage, part_findings) in stream_parts {
        flow.extend(part_flow);
        stream_flow.extend(part_stream_flow);
        cross_stream_next.extend(part_cross);
        usage.add(&part_usage);
        findings.extend(part_findings);
    }
    findings.extend(element_findings);
    count_subtrees(&mut usage.capability, &capability_graph);
    let resolved = Resolved {
        confusable,
        capability_depth: depths(&capability_parent),
        capability_parent,
        capability_graph,
        flow,
        stream_flow,
        cross_stream_next,
        commitment_graph,
        usage,
        scales: Scales::of(model),
        used_by: std::sync::OnceLock::new(),
    };
    (resolved, findings)
}

/// Fills [`CapabilityUse::subtree`] and [`CapabilityUse::below`] from the child → parent
/// graph. Its strongly connected components come in reverse topological order (parents
/// first), so walking them backwards adds every component into its parent after all of its
/// own children were added: linear, no recursion. A `parent` loop is one component whose
/// members share its counts; each capability has one parent, so nothing is counted twice.
fn count_subtrees(uses: &mut [CapabilityUse], graph: &DiGraph<(), ()>) {
    let components = petgraph::algo::kosaraju_scc(graph);
    let mut component_of = vec![0; uses.len()];
    for (c, members) in components.iter().enumerate() {
        for node in members {
            component_of[node.index()] = c;
        }
    }
    // Per component: direct uses and capabilities in its subtree (itself included).
    let mut subtree = vec![0u32; components.len()];
    let mut size = vec![0u32; components.len()];
    for (c, members) in components.iter().enumerate() {
        for node in members {
            subtree[c] += uses[node.index()].direct();
        }
        size[c] += members.len() as u32;
    }
    for c in (0..components.len()).rev() {
        for node in &components[c] {
            for parent in graph.neighbors(*node) {
                let p = component_of[parent.index()];
                if p != c {
                    subtree[p] += subtree[c];
                    size[p] += size[c];
                }
            }
        }
    }
    for (i, used) in uses.iter_mut().enumerate() {
        let c = component_of[i];
        used.subtree = subtree[c];
        used.below = size[c] - 1;
    }
}

/// The depth of each capability (1 = no parent); `None` inside or under a `parent` loop.
/// Iterative, so deep chains cannot overflow the stack.
fn depths(parents: &[Option<usize>]) -> Vec<Option<u32>> {
    let mut depth: Vec<Option<u32>> = vec![None; parents.len()];
    let mut on_chain = vec![false; parents.len()];
    for start in 0..parents.len() {
        if depth[start].is_some() {
            continue;
        }
        let mut chain = vec![start];
        on_chain[start] = true;
        let mut current = start;
        let base = loop {
            match parents[current] {
                None => break Some(0),
                Some(p) => {
                    if let Some(d) = depth[p] {
                        break Some(d);
                    }
                    if on_chain[p] || p >= parents.len() {
                        break None;
                    }
                    chain.push(p);
                    on_chain[p] = true;
                    current = p;
                }
            }
        };
        for &node in &chain {
            on_chain[node] = false;
        }
        let Some(base) = base else {
            // Mark the chain as unplaceable so it is not walked again from another start.
            continue;
        };
        for (offset, &node) in chain.iter().rev().enumerate() {
            depth[node] = Some(base + offset as u32 + 1);
        }
    }
    depth
}

type StreamParts = (
    Vec<Vec<Vec<usize>>>,
    Vec<StreamFlow>,
    Vec<CrossStreamNext>,
    Usage,
    Vec<Finding>,
);

/// How many groups the value streams are split into to be resolved in parallel.
const STREAM_TASKS: usize = 8;

/// Stage references and the stage flow of the value streams in `range`.
fn resolve_streams(model: &Model, range: std::ops::Range<usize>) -> StreamParts {
    let mut r = Resolver {
        model,
        findings: Vec::new(),
    };
    let mut usage = Usage::zero(model);
    let mut flow = Vec::with_capacity(range.len());
    let mut stream_flow = Vec::with_capacity(range.len());
    let mut cross_stream_next = Vec::new();
    for stream_index in range {
        let (stream_id, stream) = model
            .value_streams
            .get_index(stream_index)
            .expect("the range lies within the value streams");
        if let Some(trigger) = &stream.trigger {
            if let Some(i) = r.resolve(Kind::Stakeholder, trigger, || {
                format!("value_streams.{stream_id}.trigger")
            }) {
                usage.stakeholder[i] += 1;
            }
        }
        let mut successors = Vec::with_capacity(stream.stages.len());
        for (stage_index, (stage_id, stage)) in stream.stages.iter().enumerate() {
            let base = || format!("value_streams.{stream_id}.stages.{stage_id}");
            r.each(
                Kind::Stakeholder,
                &stage.stakeholders,
                &|| format!("{}.stakeholders", base()),
                |i| usage.stakeholder[i] += 1,
            );
            r.each(
                Kind::Capability,
                &stage.capabilities,
                &|| format!("{}.capabilities", base()),
                |i| usage.capability[i].stages += 1,
            );
            for item in &stage.value_items {
                r.each(
                    Kind::Capability,
                    &item.capabilities,
                    &|| format!("{}.value_items", base()),
                    |i| usage.capability[i].value_items += 1,
                );
            }
            r.each(
                Kind::Process,
                &stage.processes,
                &|| format!("{}.processes", base()),
                |i| usage.process_stages[i] += 1,
            );
            r.each(
                Kind::Information,
                &stage.information,
                &|| format!("{}.information", base()),
                |i| usage.information[i] += 1,
            );
            r.each(
                Kind::BusinessObject,
                &stage.business_objects,
                &|| format!("{}.business_objects", base()),
                |i| usage.business_object[i] += 1,
            );
            let next = match &stage.next {
                None => (stage_index + 1 < stream.stages.len())
                    .then_some(stage_index + 1)
                    .into_iter()
                    .collect(),
                Some(refs) => {
                    let mut targets = Vec::new();
                    for reference in refs {
                        let id = reference.value.as_str();
                        if let Some(target) = stream.stages.get_index_of(id) {
                            targets.push(target);
                            continue;
                        }
                        // `stream/stage`, or a bare id of another stream's stage.
                        let other = match id.split_once('/') {
                            Some((s, st)) => model
                                .value_streams
                                .get_full(s)
                                .filter(|(_, _, vs)| vs.stages.contains_key(st))
                                .map(|(i, _, _)| i),
                            None => model
                                .value_streams
                                .values()
                                .position(|vs| vs.stages.contains_key(id)),
                        };
                        match other {
                            Some(other) if other == stream_index => {
                                let (_, st) = id.split_once('/').unwrap_or(("", id));
                                targets.extend(stream.stages.get_index_of(st));
                            }
                            Some(other_stream) => cross_stream_next.push(CrossStreamNext {
                                stream: stream_index,
                                stage: stage_index,
                                reference: reference.clone(),
                                other_stream,
                            }),
                            None => {
                                let help =
                                    diag::did_you_mean(id, stream.stages.keys().map(Str::as_str));
                                r.findings.push(
                                    Finding::new(
                                        &UNRESOLVED_REFERENCE,
                                        reference.loc,
                                        says!(
                                            "stream-has-no-stage",
                                            stream = stream_id,
                                            stage = shown(id)
                                        ),
                                    )
                                    .maybe_help(help)
                                    .path(format!("{}.next", base())),
                                );
                            }
                        }
                    }
                    targets
                }
            };
            successors.push(next);
        }
        stream_flow.push(flow::stream_flow(stream, &successors));
        flow.push(successors);
    }
    (flow, stream_flow, cross_stream_next, usage, r.findings)
}

type ElementParts = (
    Vec<Option<usize>>,
    DiGraph<(), ()>,
    DiGraph<(), usize>,
    Usage,
    Vec<Finding>,
);

/// References between capabilities, processes, information, objects, commitments and
/// perception points.
fn resolve_elements(model: &Model) -> ElementParts {
    let mut r = Resolver {
        model,
        findings: Vec::new(),
    };
    let mut usage = Usage::zero(model);
    let mut capability_parent = Vec::with_capacity(model.capabilities.len());
    let mut capability_graph =
        DiGraph::with_capacity(model.capabilities.len(), model.capabilities.len());
    for _ in 0..model.capabilities.len() {
        capability_graph.add_node(());
    }
    for (index, (id, capability)) in model.capabilities.iter().enumerate() {
        let parent = capability
            .parent
            .as_ref()
            .and_then(|p| r.resolve(Kind::Capability, p, || format!("capabilities.{id}.parent")));
        if let Some(parent) = parent {
            usage.capability[parent].children += 1;
            capability_graph.add_edge(NodeIndex::new(index), NodeIndex::new(parent), ());
        }
        capability_parent.push(parent);
        if let Some(owner) = &capability.owner {
            if let Some(i) = r.resolve(Kind::Stakeholder, owner, || {
                format!("capabilities.{id}.owner")
            }) {
                usage.stakeholder[i] += 1;
            }
        }
    }

    for (id, process) in &model.processes {
        if let Some(owner) = &process.owner {
            if let Some(i) = r.resolve(Kind::Stakeholder, owner, || format!("processes.{id}.owner"))
            {
                usage.stakeholder[i] += 1;
            }
        }
        r.each(
            Kind::Capability,
            &process.capabilities,
            &|| format!("processes.{id}.capabilities"),
            |i| usage.capability[i].processes += 1,
        );
        r.each(
            Kind::Information,
            &process.information,
            &|| format!("processes.{id}.information"),
            |i| usage.information[i] += 1,
        );
        for step in &process.steps {
            let path = || format!("processes.{id}.steps");
            if let Some(owner) = &step.owner {
                if let Some(i) = r.resolve(Kind::Stakeholder, owner, path) {
                    usage.stakeholder[i] += 1;
                }
            }
            r.each(Kind::Capability, &step.capabilities, &path, |i| {
                usage.capability[i].steps += 1
            });
            r.each(Kind::Information, &step.information, &path, |i| {
                usage.information[i] += 1
            });
        }
    }

    for (id, information) in &model.information {
        if let Some(object) = &information.business_object {
            if let Some(i) = r.resolve(Kind::BusinessObject, object, || {
                format!("information.{id}.business_object")
            }) {
                usage.business_object[i] += 1;
            }
        }
    }
    for (index, (id, object)) in model.business_objects.iter().enumerate() {
        r.each(
            Kind::BusinessObject,
            &object.related,
            &|| format!("business_objects.{id}.related"),
            |i| {
                if i != index {
                    usage.business_object[i] += 1
                }
            },
        );
    }

    let mut commitment_graph =
        DiGraph::with_capacity(model.commitments.len(), model.commitments.len());
    for _ in 0..model.commitments.len() {
        commitment_graph.add_node(());
    }
    for (index, (id, commitment)) in model.commitments.iter().enumerate() {
        let base = || format!("commitments.{id}");
        if let Some(owner) = &commitment.owner {
            if let Some(i) = r.resolve(Kind::Stakeholder, owner, || format!("{}.owner", base())) {
                usage.stakeholder[i] += 1;
            }
        }
        if let Some(stage) = &commitment.stage {
            r.resolve_stage(stage, || format!("{}.stage", base()));
        }
        if let Some(perception) = &commitment.perception {
            if let Some(p) = r.resolve(Kind::Perception, perception, || {
                format!("{}.perception", base())
            }) {
                usage.perception_commitments[p] += 1;
            }
        }
        for (position, part) in commitment.parts.iter().enumerate() {
            if let Some(p) = r.resolve(Kind::Commitment, part, || format!("{}.parts", base())) {
                commitment_graph.add_edge(NodeIndex::new(index), NodeIndex::new(p), position);
            }
        }
    }
    for (id, perception) in &model.perceptions {
        if let Some(stage) = &perception.stage {
            r.resolve_stage(stage, || format!("perceptions.{id}.stage"));
        }
    }

    (
        capability_parent,
        capability_graph,
        commitment_graph,
        usage,
        r.findings,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    /// More value streams than resolving tasks, so the counts of several tasks are added up.
    #[test]
    fn streams_resolved_in_groups_count_and_report_as_one_pass() {
        let streams = STREAM_TASKS * 3 + 1;
        let mut text = String::from(
            "capabilities:\n  root: {name: Root}\n  leaf: {name: Leaf, parent: root}\n\
             processes:\n  serve: {name: Serve, capabilities: [leaf]}\nvalue_streams:\n",
        );
        for s in 0..streams {
            let _ = write!(
                text,
                "  vs{s}:\n    name: Stream {s}\n    stages:\n      \
                 a: {{name: A, capabilities: [leaf], processes: [serve], next: [b]}}\n      \
                 b: {{name: B, capabilities: [leaf, missing{s}]}}\n"
            );
        }
        let loaded = crate::load::load_text("model.yaml", &text);
        let (resolved, findings) = resolve(&loaded.model);

        let leaf = loaded.model.capabilities.get_index_of("leaf").unwrap();
        let root = loaded.model.capabilities.get_index_of("root").unwrap();
        assert_eq!(resolved.usage.capability[leaf].stages, 2 * streams as u32);
        assert_eq!(resolved.usage.capability[leaf].processes, 1);
        assert_eq!(resolved.usage.capability[root].children, 1);
        assert_eq!(resolved.usage.process_stages, vec![streams as u32]);
        assert_eq!(resolved.flow.len(), streams);
        assert!(resolved.flow.iter().all(|f| f == &vec![vec![1], vec![]]));
        let unknown: Vec<String> = findings.iter().map(|f| f.message.clone()).collect();
        let expected: Vec<String> = (0..streams)
            .map(|s| format!("unknown capability `missing{s}`"))
            .collect();
        assert_eq!(unknown, expected);
    }

    #[test]
    fn depth_follows_parents_and_skips_loops() {
        assert_eq!(
            depths(&[None, Some(0), Some(1)]),
            vec![Some(1), Some(2), Some(3)]
        );
        assert_eq!(depths(&[Some(1), Some(0), Some(0)]), vec![None, None, None]);
    }

    /// ASCII ids take the table of character skeletons, others the full TR39 skeleton: both
    /// routes must group the same look-alikes, and a shared hash must not group the rest.
    #[test]
    fn look_alike_ids_are_grouped_by_skeleton_on_both_routes() {
        let text = "capabilities:\n  modern: {name: A}\n  modem: {name: B}\n  \
                    admin: {name: C}\n  \u{0430}dmin: {name: D}\n  other: {name: E}\n";
        let loaded = crate::load::load_text("model.yaml", text);
        let groups = confusable_ids(&loaded.model);
        let ids: Vec<Vec<&str>> = groups
            .iter()
            .map(|g| {
                g.ids
                    .iter()
                    .map(|&i| loaded.model.capabilities.get_index(i).unwrap().0.as_str())
                    .collect()
            })
            .collect();
        // `m` looks like `rn` (ASCII table); Cyrillic `а` like `a` (full skeleton).
        assert_eq!(
            ids,
            [vec!["modern", "modem"], vec!["admin", "\u{0430}dmin"]]
        );
    }

    #[test]
    fn look_alike_stage_ids_are_grouped_within_their_stream() {
        // `s` has `connect` and `c\u{043e}nnect` (Cyrillic о) and `rnodern`/`modern`; `t` has a
        // `connect` too, which is no look-alike: stage references name their stream.
        let text = "value_streams:\n  s:\n    name: S\n    stages:\n      connect: {name: A}\n      \
                    rnodern: {name: B}\n      c\u{043e}nnect: {name: C}\n      modern: {name: D}\n  \
                    t:\n    name: T\n    stages:\n      connect: {name: E}\n      other: {name: F}\n";
        let loaded = crate::load::load_text("model.yaml", text);
        let groups: Vec<_> = confusable_ids(&loaded.model)
            .into_iter()
            .filter(|g| g.kind == Kind::Stage)
            .collect();
        assert_eq!(
            groups,
            [
                Confusable {
                    kind: Kind::Stage,
                    ids: vec![0, 2],
                    stream: Some(0)
                },
                Confusable {
                    kind: Kind::Stage,
                    ids: vec![1, 3],
                    stream: Some(0)
                },
            ]
        );
    }
}
