//! `vsm impact ID`: what depends on an element, and what it touches.
//!
//! For a capability: the capabilities below it, the stages and value items that use it or a
//! capability below it, their value streams, the processes and steps that use it (or one below
//! it), and the commitments and perception points on those stages. Every other kind answers
//! the same question from its side (see [`Relation`] and docs/impact.md).
//!
//! The impact is one typed structure, [`Impact`], read from the reverse index resolving built
//! ([`crate::resolve::UsedBy`]) and the forward references of the model (`impact/build.rs`);
//! the renderers in `impact/render.rs` (terminal tree, Markdown, JSON) only format it. Capability and commitment
//! trees are walked with an explicit stack and each element is listed once, so a 100,000-deep
//! `parent` chain or a `parts` loop costs linear time and no recursion; items carry their depth
//! instead of nesting, so JSON does not nest either.

mod build;
pub mod render;

use crate::model::{Kind, Model, Str};
use crate::resolve::uses::Referrer;
use crate::resolve::UsedBy;
use indexmap::IndexSet;
use serde::Serialize;

/// The element an impact is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Subject {
    Stakeholder(usize),
    ValueStream(usize),
    Stage { stream: usize, stage: usize },
    Capability(usize),
    Process(usize),
    Information(usize),
    BusinessObject(usize),
    Commitment(usize),
    Perception(usize),
}

impl Subject {
    pub fn kind(self) -> Kind {
        match self {
            Subject::Stakeholder(_) => Kind::Stakeholder,
            Subject::ValueStream(_) => Kind::ValueStream,
            Subject::Stage { .. } => Kind::Stage,
            Subject::Capability(_) => Kind::Capability,
            Subject::Process(_) => Kind::Process,
            Subject::Information(_) => Kind::Information,
            Subject::BusinessObject(_) => Kind::BusinessObject,
            Subject::Commitment(_) => Kind::Commitment,
            Subject::Perception(_) => Kind::Perception,
        }
    }

    /// The id as a reference writes it (`stream/stage` for a stage).
    pub fn id(self, model: &Model) -> String {
        match self {
            Subject::Stage { stream, stage } => stage_ref(model, stream, stage),
            other => {
                let (kind, index) = other.kind_index();
                section_id(model, kind, index).to_string()
            }
        }
    }

    /// The kind and index of an element that is not a stage.
    fn kind_index(self) -> (Kind, usize) {
        match self {
            Subject::Stakeholder(i)
            | Subject::ValueStream(i)
            | Subject::Capability(i)
            | Subject::Process(i)
            | Subject::Information(i)
            | Subject::BusinessObject(i)
            | Subject::Commitment(i)
            | Subject::Perception(i) => (self.kind(), i),
            // A stage has no index of its own; callers handle it first.
            Subject::Stage { stage, .. } => (Kind::Stage, stage),
        }
    }
}

/// Why an id names no single element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotFound {
    /// No element of any kind (or of the kind asked for, when no other kind has it either).
    Unknown {
        /// The nearest id, if one is close enough to be a typo.
        suggestion: Option<String>,
    },
    /// Elements of other kinds have the id, none of the kind asked for.
    OtherKinds { kinds: Vec<Kind> },
    /// Several elements have the id: of several kinds, or stages of several value streams.
    Ambiguous(Vec<Subject>),
}

/// The element `id` names, of `kind` when given. A stage is `stream/stage`, or its bare id
/// when only one value stream has a stage of that id.
pub fn find(model: &Model, id: &str, kind: Option<Kind>) -> Result<Subject, NotFound> {
    let wanted = |k: Kind| kind.is_none_or(|want| want == k);
    let mut found = Vec::new();
    for k in SECTION_KINDS {
        if let Some(index) = section_index(model, k, id) {
            found.push(subject_of(k, index));
        }
    }
    match id.split_once('/') {
        Some((stream, stage)) => {
            if let Some((s, _, vs)) = model.value_streams.get_full(stream) {
                if let Some(g) = vs.stages.get_index_of(stage) {
                    found.push(Subject::Stage {
                        stream: s,
                        stage: g,
                    });
                }
            }
        }
        None => {
            for (s, vs) in model.value_streams.values().enumerate() {
                if let Some(g) = vs.stages.get_index_of(id) {
                    found.push(Subject::Stage {
                        stream: s,
                        stage: g,
                    });
                }
            }
        }
    }
    let of_kind: Vec<Subject> = found.iter().copied().filter(|s| wanted(s.kind())).collect();
    match of_kind.len() {
        1 => Ok(of_kind[0]),
        0 if found.is_empty() => Err(NotFound::Unknown {
            suggestion: suggestion(model, id, kind),
        }),
        0 => {
            let mut kinds: Vec<Kind> = found.iter().map(|s| s.kind()).collect();
            kinds.dedup();
            Err(NotFound::OtherKinds { kinds })
        }
        _ => Err(NotFound::Ambiguous(of_kind)),
    }
}

/// The kinds that have a section of their own (stages live in value streams).
const SECTION_KINDS: [Kind; 8] = [
    Kind::Capability,
    Kind::Process,
    Kind::Information,
    Kind::BusinessObject,
    Kind::Stakeholder,
    Kind::ValueStream,
    Kind::Commitment,
    Kind::Perception,
];

fn subject_of(kind: Kind, index: usize) -> Subject {
    match kind {
        Kind::Stakeholder => Subject::Stakeholder(index),
        Kind::ValueStream => Subject::ValueStream(index),
        Kind::Capability => Subject::Capability(index),
        Kind::Process => Subject::Process(index),
        Kind::Information => Subject::Information(index),
        Kind::BusinessObject => Subject::BusinessObject(index),
        Kind::Commitment => Subject::Commitment(index),
        Kind::Perception => Subject::Perception(index),
        Kind::Stage => unreachable!("stages are found by `stream/stage`"),
    }
}

fn section_index(model: &Model, kind: Kind, id: &str) -> Option<usize> {
    match kind {
        Kind::Stakeholder => model.stakeholders.get_index_of(id),
        Kind::ValueStream => model.value_streams.get_index_of(id),
        Kind::Capability => model.capabilities.get_index_of(id),
        Kind::Process => model.processes.get_index_of(id),
        Kind::Information => model.information.get_index_of(id),
        Kind::BusinessObject => model.business_objects.get_index_of(id),
        Kind::Commitment => model.commitments.get_index_of(id),
        Kind::Perception => model.perceptions.get_index_of(id),
        Kind::Stage => None,
    }
}

fn section_id(model: &Model, kind: Kind, index: usize) -> &str {
    let id = match kind {
        Kind::Stakeholder => model.stakeholders.get_index(index).map(|e| e.0),
        Kind::ValueStream => model.value_streams.get_index(index).map(|e| e.0),
        Kind::Capability => model.capabilities.get_index(index).map(|e| e.0),
        Kind::Process => model.processes.get_index(index).map(|e| e.0),
        Kind::Information => model.information.get_index(index).map(|e| e.0),
        Kind::BusinessObject => model.business_objects.get_index(index).map(|e| e.0),
        Kind::Commitment => model.commitments.get_index(index).map(|e| e.0),
        Kind::Perception => model.perceptions.get_index(index).map(|e| e.0),
        Kind::Stage => None,
    };
    id.map_or("", Str::as_str)
}

fn section_ids(model: &Model, kind: Kind) -> Box<dyn Iterator<Item = &str> + '_> {
    fn keys<T>(map: &indexmap::IndexMap<Str, T>) -> Box<dyn Iterator<Item = &str> + '_> {
        Box::new(map.keys().map(Str::as_str))
    }
    match kind {
        Kind::Stakeholder => keys(&model.stakeholders),
        Kind::ValueStream => keys(&model.value_streams),
        Kind::Capability => keys(&model.capabilities),
        Kind::Process => keys(&model.processes),
        Kind::Information => keys(&model.information),
        Kind::BusinessObject => keys(&model.business_objects),
        Kind::Commitment => keys(&model.commitments),
        Kind::Perception => keys(&model.perceptions),
        Kind::Stage => Box::new(std::iter::empty()),
    }
}

/// How many `stream/stage` references are offered as "did you mean" (the suggester compares at
/// most 20,000 candidates anyway; building more strings would be wasted).
const MAX_STAGE_CANDIDATES: usize = 20_000;

/// The nearest id of `kind` (of any kind when `None`), by the bounded "did you mean" search.
fn suggestion(model: &Model, id: &str, kind: Option<Kind>) -> Option<String> {
    let kinds: Vec<Kind> = match kind {
        Some(k) => vec![k],
        None => SECTION_KINDS.into_iter().chain([Kind::Stage]).collect(),
    };
    let stages: Vec<String> = if kinds.contains(&Kind::Stage) {
        model
            .value_streams
            .iter()
            .flat_map(|(s, vs)| vs.stages.keys().map(move |g| format!("{s}/{g}")))
            .take(MAX_STAGE_CANDIDATES)
            .collect()
    } else {
        Vec::new()
    };
    let candidates = kinds
        .iter()
        .flat_map(|&k| section_ids(model, k))
        .chain(stages.iter().map(String::as_str));
    crate::suggest::did_you_mean(id, candidates).map(str::to_string)
}

fn stage_ref(model: &Model, stream: usize, stage: usize) -> String {
    let Some((stream_id, value_stream)) = model.value_streams.get_index(stream) else {
        return String::new();
    };
    let stage_id = value_stream
        .stages
        .get_index(stage)
        .map_or("", |(id, _)| id.as_str());
    format!("{stream_id}/{stage_id}")
}

// ---------------------------------------------------------------------------------------------
// The structure
// ---------------------------------------------------------------------------------------------

/// What an item of an impact is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Stakeholder,
    ValueStream,
    Stage,
    ValueItem,
    Capability,
    Process,
    Step,
    Information,
    BusinessObject,
    Commitment,
    Perception,
}

impl ItemKind {
    fn of(kind: Kind) -> ItemKind {
        match kind {
            Kind::Stakeholder => ItemKind::Stakeholder,
            Kind::ValueStream => ItemKind::ValueStream,
            Kind::Stage => ItemKind::Stage,
            Kind::Capability => ItemKind::Capability,
            Kind::Process => ItemKind::Process,
            Kind::Information => ItemKind::Information,
            Kind::BusinessObject => ItemKind::BusinessObject,
            Kind::Commitment => ItemKind::Commitment,
            Kind::Perception => ItemKind::Perception,
        }
    }

    /// The noun and its plural, for counts ("3 value items").
    pub fn nouns(self) -> (&'static str, &'static str) {
        match self {
            ItemKind::Stakeholder => ("stakeholder", "stakeholders"),
            ItemKind::ValueStream => ("value stream", "value streams"),
            ItemKind::Stage => ("stage", "stages"),
            ItemKind::ValueItem => ("value item", "value items"),
            ItemKind::Capability => ("capability", "capabilities"),
            ItemKind::Process => ("process", "processes"),
            ItemKind::Step => ("step", "steps"),
            ItemKind::Information => ("information item", "information items"),
            ItemKind::BusinessObject => ("business object", "business objects"),
            ItemKind::Commitment => ("commitment", "commitments"),
            ItemKind::Perception => ("perception point", "perception points"),
        }
    }
}

/// How the items of a group relate to the subject. Which relations a subject has depends on
/// its kind; docs/impact.md lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Capabilities below a capability (children, their children, ...).
    Below,
    /// Stages that use, are realised by, take in or belong to the subject.
    Stages,
    /// The value streams of those stages.
    ValueStreams,
    /// Processes that use, realise or are owned by the subject.
    Processes,
    /// Commitments on those stages, owned by, answering or on the subject.
    Commitments,
    /// Perception points on those stages or on the subject.
    Perceptions,
    /// The stakeholder owning the subject.
    Owner,
    /// Capabilities the subject uses or owns.
    Capabilities,
    /// Information the subject uses, or information about a business object.
    Information,
    /// Steps of a process, or steps a stakeholder owns.
    Steps,
    /// The business object an information item is about.
    BusinessObject,
    /// Business objects a stage names.
    BusinessObjects,
    /// Business objects related to a business object, in either direction.
    Related,
    /// Value streams a stakeholder triggers.
    Triggers,
    /// The value stream of a stage, commitment or perception point.
    ValueStream,
    /// Stages whose flow leads into a stage.
    Previous,
    /// Stages a stage flows to.
    Next,
    /// A stage's value items.
    ValueItems,
    /// Stakeholders taking part in a stage or in a value stream's stages.
    Stakeholders,
    /// The triggering stakeholder of a value stream.
    Trigger,
    /// The stage of a commitment or perception point.
    Stage,
    /// The perception point a commitment answers.
    Perception,
    /// The parts of a commitment, as a tree.
    Parts,
    /// The commitments that have a commitment as a part.
    PartOf,
}

/// The element the impact is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Element {
    pub kind: ItemKind,
    /// As a reference writes it (`stream/stage` for a stage).
    pub id: String,
    pub name: String,
}

/// One element related to the subject.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Item {
    pub kind: ItemKind,
    /// As a reference writes it; `None` for steps and value items, which have no id.
    pub id: Option<String>,
    pub name: String,
    /// Steps and value items: the 1-based place in their process or stage.
    pub position: Option<usize>,
    /// In a tree (capabilities below, commitment parts): 1 = directly under the subject.
    /// 0 elsewhere.
    pub depth: u32,
    /// What links the item to the subject, by id (documented per relation): the capabilities
    /// of the subject's subtree a stage names, the stages a commitment is on, ...
    pub via: Vec<String>,
    /// Value items of a stage and steps of a process that make the link themselves.
    pub parts: Vec<Part>,
}

/// A value item or step under an item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Part {
    pub kind: ItemKind,
    /// 1-based place in its stage or process.
    pub position: usize,
    pub name: String,
    pub via: Vec<String>,
}

/// The items of one relation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Group {
    pub relation: Relation,
    /// What the items are.
    pub kind: ItemKind,
    /// The heading shown above the items.
    #[serde(skip)]
    pub title: &'static str,
    /// How many items (each element once).
    pub count: usize,
    pub items: Vec<Item>,
}

impl Group {
    fn new(relation: Relation, kind: ItemKind, title: &'static str, items: Vec<Item>) -> Group {
        Group {
            relation,
            kind,
            title,
            count: items.len(),
            items,
        }
    }

    /// The parts under the items (value items, steps), all of one kind.
    pub fn parts(&self) -> Option<(ItemKind, usize)> {
        let count: usize = self.items.iter().map(|i| i.parts.len()).sum();
        let kind = self.items.iter().flat_map(|i| &i.parts).next()?.kind;
        Some((kind, count))
    }
}

/// What depends on an element, and what it touches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Impact {
    pub subject: Element,
    /// Every relation of the subject's kind, empty ones included, in a fixed order.
    pub groups: Vec<Group>,
}

impl Impact {
    /// The group of a relation, if the subject's kind has it.
    pub fn group(&self, relation: Relation) -> Option<&Group> {
        self.groups.iter().find(|g| g.relation == relation)
    }
}

/// Where capabilities are named themselves (not through the capabilities below them): what the
/// HTML report lists beside each capability. Each stage and process once, in model order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DirectUses {
    /// (stream, stage) of the stages naming it, or naming it in a value item.
    pub stages: Vec<(usize, usize)>,
    /// The processes naming it, or naming it in a step.
    pub processes: Vec<usize>,
}

/// The [`DirectUses`] of capability `capability`.
pub fn direct_uses(used: &UsedBy, capability: usize) -> DirectUses {
    let mut stages = IndexSet::new();
    let mut processes = IndexSet::new();
    for reference in used.capabilities.get(capability).into_iter().flatten() {
        match reference.by {
            Referrer::Stage { stream, stage } | Referrer::ValueItem { stream, stage, .. } => {
                stages.insert((stream, stage));
            }
            Referrer::Process(process) | Referrer::Step { process, .. } => {
                processes.insert(process);
            }
            _ => {}
        }
    }
    let mut stages: Vec<(usize, usize)> = stages.into_iter().collect();
    stages.sort_unstable();
    let mut processes: Vec<usize> = processes.into_iter().collect();
    processes.sort_unstable();
    DirectUses { stages, processes }
}

#[cfg(test)]
mod tests;
