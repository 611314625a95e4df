//! Building an [`Impact`]: one builder per kind of subject, reading the reverse index
//! (`UsedBy`) for what names the subject and the model for what the subject names.

use super::{
    section_id, section_index, stage_ref, Element, Group, Impact, Item, ItemKind, Part, Relation,
    Subject,
};
use crate::model::{Kind, Model, Ref};
use crate::report::data::Views;
use crate::resolve::uses::{Field, Referrer};
use crate::resolve::UsedBy;
use indexmap::{IndexMap, IndexSet};
use std::collections::BTreeMap;

impl Impact {
    pub fn new(views: &Views<'_>, subject: Subject) -> Impact {
        let build = Build {
            model: views.model,
            views,
            used: views.resolved.used_by(views.model),
        };
        let groups = match subject {
            Subject::Capability(c) => build.capability(c),
            Subject::Process(p) => build.process(p),
            Subject::Information(i) => build.information(i),
            Subject::BusinessObject(b) => build.business_object(b),
            Subject::Stakeholder(k) => build.stakeholder(k),
            Subject::Stage { stream, stage } => build.stage(stream, stage),
            Subject::ValueStream(s) => build.value_stream(s),
            Subject::Commitment(c) => build.commitment(c),
            Subject::Perception(p) => build.perception(p),
        };
        let name = match subject {
            Subject::Stage { stream, stage } => build.stage_name(stream, stage),
            other => {
                let (kind, index) = other.kind_index();
                build.name(kind, index)
            }
        };
        Impact {
            subject: Element {
                kind: ItemKind::of(subject.kind()),
                id: subject.id(views.model),
                name,
            },
            groups,
        }
    }
}

/// Items being gathered: by key in model order, each with what links it (`via`) and its parts.
struct Gathered<K: Ord, V> {
    items: BTreeMap<K, Link<V>>,
}

struct Link<V> {
    via: IndexSet<V>,
    /// By position (0-based) in the stage or process, in order.
    parts: BTreeMap<usize, IndexSet<V>>,
}

impl<K: Ord + Copy, V: std::hash::Hash + Eq + Copy> Gathered<K, V> {
    fn new() -> Self {
        Gathered {
            items: BTreeMap::new(),
        }
    }

    fn add(&mut self, key: K, via: Option<V>) -> &mut Link<V> {
        let link = self.items.entry(key).or_insert_with(|| Link {
            via: IndexSet::new(),
            parts: BTreeMap::new(),
        });
        link.via.extend(via);
        link
    }

    fn add_part(&mut self, key: K, part: usize, via: Option<V>) {
        let link = self.add(key, via);
        link.parts.entry(part).or_default().extend(via);
    }

    fn keys(&self) -> impl Iterator<Item = K> + '_ {
        self.items.keys().copied()
    }
}

/// Stages keyed by (stream, stage).
type Stages<V> = Gathered<(usize, usize), V>;

struct Build<'a, 'm> {
    model: &'m Model,
    views: &'a Views<'m>,
    used: &'m UsedBy,
}

impl Build<'_, '_> {
    // ----- names and items ---------------------------------------------------------------------

    fn name(&self, kind: Kind, index: usize) -> String {
        self.model
            .common(kind, index)
            .map_or_else(String::new, |c| c.label().to_string())
    }

    fn stage_name(&self, stream: usize, stage: usize) -> String {
        self.views.stage(stream, stage).1.common.label().to_string()
    }

    fn stage_id(&self, stream: usize, stage: usize) -> String {
        stage_ref(self.model, stream, stage)
    }

    fn item(&self, kind: Kind, index: usize) -> Item {
        Item {
            kind: ItemKind::of(kind),
            id: Some(section_id(self.model, kind, index).to_string()),
            name: self.name(kind, index),
            position: None,
            depth: 0,
            via: Vec::new(),
            parts: Vec::new(),
        }
    }

    fn stage_item(&self, stream: usize, stage: usize) -> Item {
        Item {
            kind: ItemKind::Stage,
            id: Some(self.stage_id(stream, stage)),
            name: self.stage_name(stream, stage),
            position: None,
            depth: 0,
            via: Vec::new(),
            parts: Vec::new(),
        }
    }

    fn step_name(&self, process: usize, step: usize) -> String {
        let step = &self.model.processes[process].steps[step];
        step.name
            .as_ref()
            .map_or_else(String::new, |n| n.value.to_string())
    }

    fn step_item(&self, process: usize, step: usize) -> Item {
        Item {
            kind: ItemKind::Step,
            id: None,
            name: self.step_name(process, step),
            position: Some(step + 1),
            depth: 0,
            via: Vec::new(),
            parts: Vec::new(),
        }
    }

    fn value_item_name(&self, stream: usize, stage: usize, item: usize) -> String {
        self.views.stage(stream, stage).1.value_items[item]
            .name
            .value
            .to_string()
    }

    fn with_via(mut item: Item, via: Vec<String>) -> Item {
        item.via = via;
        item
    }

    /// Items of one kind from indices, in model order.
    fn items(&self, kind: Kind, indices: impl IntoIterator<Item = usize>) -> Vec<Item> {
        let mut indices: Vec<usize> = indices.into_iter().collect();
        indices.sort_unstable();
        indices.dedup();
        indices.into_iter().map(|i| self.item(kind, i)).collect()
    }

    /// The resolved indices of references to section `kind`, each once, in the order written.
    fn resolved<'r>(&self, kind: Kind, refs: impl IntoIterator<Item = &'r Ref>) -> Vec<usize> {
        let found: IndexSet<usize> = refs
            .into_iter()
            .filter_map(|r| section_index(self.model, kind, &r.value))
            .collect();
        found.into_iter().collect()
    }

    fn stage_of_ref(&self, reference: Option<&Ref>) -> Option<(usize, usize)> {
        let (stream, stage) = reference?.value.split_once('/')?;
        let (s, _, vs) = self.model.value_streams.get_full(stream)?;
        Some((s, vs.stages.get_index_of(stage)?))
    }

    // ----- groups many subjects share ------------------------------------------------------------

    /// Stages with what links each (`show` writes a link as an id) and their value items.
    fn stage_group<V: Copy + std::hash::Hash + Eq>(
        &self,
        title: &'static str,
        stages: &Stages<V>,
        show: &dyn Fn(V) -> String,
    ) -> Group {
        let items = stages
            .items
            .iter()
            .map(|(&(s, g), link)| {
                let mut item = self.stage_item(s, g);
                item.via = link.via.iter().map(|&v| show(v)).collect();
                item.parts = link
                    .parts
                    .iter()
                    .map(|(&part, via)| Part {
                        kind: ItemKind::ValueItem,
                        position: part + 1,
                        name: self.value_item_name(s, g, part),
                        via: via.iter().map(|&v| show(v)).collect(),
                    })
                    .collect();
                item
            })
            .collect();
        Group::new(Relation::Stages, ItemKind::Stage, title, items)
    }

    /// Processes with what links each and their steps.
    fn process_group<V: Copy + std::hash::Hash + Eq>(
        &self,
        title: &'static str,
        processes: &Gathered<usize, V>,
        show: &dyn Fn(V) -> String,
    ) -> Group {
        let items = processes
            .items
            .iter()
            .map(|(&p, link)| {
                let mut item = self.item(Kind::Process, p);
                item.via = link.via.iter().map(|&v| show(v)).collect();
                item.parts = link
                    .parts
                    .iter()
                    .map(|(&step, via)| Part {
                        kind: ItemKind::Step,
                        position: step + 1,
                        name: self.step_name(p, step),
                        via: via.iter().map(|&v| show(v)).collect(),
                    })
                    .collect();
                item
            })
            .collect();
        Group::new(Relation::Processes, ItemKind::Process, title, items)
    }

    /// The value streams of some stages, each with the ids of its stages among them.
    fn streams_of(
        &self,
        title: &'static str,
        stages: impl Iterator<Item = (usize, usize)>,
    ) -> Group {
        let mut streams: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for (s, g) in stages {
            let stage_id = self.views.stage(s, g).0.to_string();
            streams.entry(s).or_default().push(stage_id);
        }
        let items = streams
            .into_iter()
            .map(|(s, via)| Self::with_via(self.item(Kind::ValueStream, s), via))
            .collect();
        Group::new(Relation::ValueStreams, ItemKind::ValueStream, title, items)
    }

    /// The commitments and perception points set on some stages, each with its stage.
    fn on_stages(
        &self,
        titles: (&'static str, &'static str),
        stages: impl Iterator<Item = (usize, usize)>,
    ) -> [Group; 2] {
        let mut commitments: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        let mut perceptions: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for (s, g) in stages {
            for reference in self.used.stage(s, g) {
                match reference.by {
                    Referrer::Commitment(c) => {
                        commitments.entry(c).or_default().push(self.stage_id(s, g))
                    }
                    Referrer::Perception(p) => {
                        perceptions.entry(p).or_default().push(self.stage_id(s, g))
                    }
                    _ => {}
                }
            }
        }
        let items = |kind: Kind, found: BTreeMap<usize, Vec<String>>| -> Vec<Item> {
            found
                .into_iter()
                .map(|(i, via)| Self::with_via(self.item(kind, i), via))
                .collect()
        };
        [
            Group::new(
                Relation::Commitments,
                ItemKind::Commitment,
                titles.0,
                items(Kind::Commitment, commitments),
            ),
            Group::new(
                Relation::Perceptions,
                ItemKind::Perception,
                titles.1,
                items(Kind::Perception, perceptions),
            ),
        ]
    }

    /// The stage-side groups of a subject reached through `stages`: the stages, their value
    /// streams, and the commitments and perception points on them.
    fn through_stages<V: Copy + std::hash::Hash + Eq>(
        &self,
        stages_title: &'static str,
        stages: &Stages<V>,
        show: &dyn Fn(V) -> String,
    ) -> Vec<Group> {
        let [commitments, perceptions] = self.on_stages(
            (
                "Commitments on those stages",
                "Perception points on those stages",
            ),
            stages.keys(),
        );
        vec![
            self.stage_group(stages_title, stages, show),
            self.streams_of("Value streams of those stages", stages.keys()),
            commitments,
            perceptions,
        ]
    }

    /// A relation with at most one item (an owner, the stage of a commitment, ...).
    fn single(
        &self,
        relation: Relation,
        kind: ItemKind,
        title: &'static str,
        item: Option<Item>,
    ) -> Group {
        Group::new(relation, kind, title, item.into_iter().collect())
    }

    fn owner(&self, owner: Option<&Ref>) -> Group {
        let item = owner
            .and_then(|o| self.model.stakeholders.get_index_of(o.value.as_str()))
            .map(|k| self.item(Kind::Stakeholder, k));
        self.single(Relation::Owner, ItemKind::Stakeholder, "Owner", item)
    }

    // ----- one builder per kind ------------------------------------------------------------------

    /// The capability and every capability below it, depth first in model order, each once
    /// (a `parent` loop is not walked twice), with its depth under `root`.
    fn subtree(&self, root: usize) -> Vec<(usize, u32)> {
        let mut seen = vec![false; self.model.capabilities.len()];
        let mut out = Vec::new();
        let mut stack = vec![(root, 0u32)];
        while let Some((node, depth)) = stack.pop() {
            if std::mem::replace(&mut seen[node], true) {
                continue;
            }
            out.push((node, depth));
            stack.extend(
                self.views.children[node]
                    .iter()
                    .rev()
                    .filter(|&&c| !seen[c])
                    .map(|&c| (c, depth + 1)),
            );
        }
        out
    }

    fn capability(&self, c: usize) -> Vec<Group> {
        let subtree = self.subtree(c);
        let below: Vec<Item> = subtree[1..]
            .iter()
            .map(|&(cap, depth)| Item {
                depth,
                ..self.item(Kind::Capability, cap)
            })
            .collect();
        let mut stages: Stages<usize> = Gathered::new();
        let mut processes: Gathered<usize, usize> = Gathered::new();
        for &(cap, _) in &subtree {
            for reference in &self.used.capabilities[cap] {
                match reference.by {
                    Referrer::Stage { stream, stage } => {
                        stages.add((stream, stage), Some(cap));
                    }
                    Referrer::ValueItem {
                        stream,
                        stage,
                        item,
                    } => stages.add_part((stream, stage), item, Some(cap)),
                    Referrer::Process(p) => {
                        processes.add(p, Some(cap));
                    }
                    Referrer::Step { process, step } => {
                        processes.add_part(process, step, Some(cap))
                    }
                    _ => {}
                }
            }
        }
        let show = |cap: usize| section_id(self.model, Kind::Capability, cap).to_string();
        let mut groups = vec![Group::new(
            Relation::Below,
            ItemKind::Capability,
            "Capabilities below it",
            below,
        )];
        let mut through =
            self.through_stages("Stages using it or a capability below it", &stages, &show);
        groups.push(through.remove(0));
        groups.push(through.remove(0));
        groups.push(self.process_group(
            "Processes using it or a capability below it",
            &processes,
            &show,
        ));
        groups.extend(through);
        groups.push(self.owner(self.model.capabilities[c].owner.as_ref()));
        groups
    }

    fn process(&self, p: usize) -> Vec<Group> {
        let process = &self.model.processes[p];
        let mut stages: Stages<usize> = Gathered::new();
        for reference in &self.used.processes[p] {
            if let Referrer::Stage { stream, stage } = reference.by {
                stages.add((stream, stage), None);
            }
        }
        let mut groups = self.through_stages("Stages it realises", &stages, &|_| String::new());
        let steps = process.steps.iter();
        let capabilities = self.resolved(
            Kind::Capability,
            process
                .capabilities
                .iter()
                .chain(steps.clone().flat_map(|s| &s.capabilities)),
        );
        let information = self.resolved(
            Kind::Information,
            process
                .information
                .iter()
                .chain(steps.flat_map(|s| &s.information)),
        );
        groups.push(self.owner(process.owner.as_ref()));
        groups.push(Group::new(
            Relation::Capabilities,
            ItemKind::Capability,
            "Capabilities it or its steps use",
            capabilities
                .into_iter()
                .map(|c| self.item(Kind::Capability, c))
                .collect(),
        ));
        groups.push(Group::new(
            Relation::Information,
            ItemKind::Information,
            "Information it or its steps use",
            information
                .into_iter()
                .map(|i| self.item(Kind::Information, i))
                .collect(),
        ));
        groups.push(Group::new(
            Relation::Steps,
            ItemKind::Step,
            "Steps",
            (0..process.steps.len())
                .map(|s| self.step_item(p, s))
                .collect(),
        ));
        groups
    }

    /// Stages and processes (with their steps) naming information item `i`, linked by `via`.
    fn information_users<V: Copy + std::hash::Hash + Eq>(
        &self,
        i: usize,
        via: Option<V>,
        stages: &mut Stages<V>,
        processes: &mut Gathered<usize, V>,
    ) {
        for reference in &self.used.information[i] {
            match reference.by {
                Referrer::Stage { stream, stage } => {
                    stages.add((stream, stage), via);
                }
                Referrer::Process(p) => {
                    processes.add(p, via);
                }
                Referrer::Step { process, step } => processes.add_part(process, step, via),
                _ => {}
            }
        }
    }

    fn information(&self, i: usize) -> Vec<Group> {
        let mut stages: Stages<usize> = Gathered::new();
        let mut processes: Gathered<usize, usize> = Gathered::new();
        self.information_users(i, None, &mut stages, &mut processes);
        let none = |_| String::new();
        let object = self.model.information[i]
            .business_object
            .as_ref()
            .and_then(|o| self.model.business_objects.get_index_of(o.value.as_str()))
            .map(|b| self.item(Kind::BusinessObject, b));
        let mut groups = vec![self.single(
            Relation::BusinessObject,
            ItemKind::BusinessObject,
            "Business object it is about",
            object,
        )];
        let mut through = self.through_stages("Stages using it", &stages, &none);
        groups.push(through.remove(0));
        groups.push(through.remove(0));
        groups.push(self.process_group("Processes using it", &processes, &none));
        groups.extend(through);
        groups
    }

    fn business_object(&self, b: usize) -> Vec<Group> {
        /// What links a stage or process to the object: the object itself, or one of the
        /// information items about it.
        #[derive(Clone, Copy, Hash, PartialEq, Eq)]
        enum Via {
            Object,
            Information(usize),
        }
        let mut information = Vec::new();
        let mut related = IndexSet::new();
        let mut stages: Stages<Via> = Gathered::new();
        let mut processes: Gathered<usize, Via> = Gathered::new();
        for reference in &self.used.business_objects[b] {
            match reference.by {
                Referrer::Information(i) => information.push(i),
                Referrer::BusinessObject(o) if o != b => {
                    related.insert(o);
                }
                Referrer::Stage { stream, stage } => {
                    stages.add((stream, stage), Some(Via::Object));
                }
                _ => {}
            }
        }
        related.extend(
            self.resolved(
                Kind::BusinessObject,
                &self.model.business_objects[b].related,
            )
            .into_iter()
            .filter(|&o| o != b),
        );
        information.sort_unstable();
        information.dedup();
        for &i in &information {
            self.information_users(i, Some(Via::Information(i)), &mut stages, &mut processes);
        }
        let show = |via: Via| match via {
            Via::Object => section_id(self.model, Kind::BusinessObject, b).to_string(),
            Via::Information(i) => section_id(self.model, Kind::Information, i).to_string(),
        };
        let mut groups = vec![
            Group::new(
                Relation::Information,
                ItemKind::Information,
                "Information about it",
                self.items(Kind::Information, information),
            ),
            Group::new(
                Relation::Related,
                ItemKind::BusinessObject,
                "Related business objects",
                self.items(Kind::BusinessObject, related),
            ),
        ];
        let mut through = self.through_stages("Stages using it or its information", &stages, &show);
        groups.push(through.remove(0));
        groups.push(through.remove(0));
        groups.push(self.process_group("Processes using its information", &processes, &show));
        groups.extend(through);
        groups
    }

    fn stakeholder(&self, k: usize) -> Vec<Group> {
        let mut triggers = Vec::new();
        let mut stages: Stages<usize> = Gathered::new();
        let mut capabilities = Vec::new();
        let mut processes = Vec::new();
        let mut steps = Vec::new();
        let mut commitments = Vec::new();
        for reference in &self.used.stakeholders[k] {
            match (reference.by, reference.field) {
                (Referrer::ValueStream(s), _) => triggers.push(s),
                (Referrer::Stage { stream, stage }, _) => {
                    stages.add((stream, stage), None);
                }
                (Referrer::Capability(c), Field::Owner) => capabilities.push(c),
                (Referrer::Process(p), Field::Owner) => processes.push(p),
                (Referrer::Step { process, step }, Field::Owner) => steps.push((process, step)),
                (Referrer::Commitment(c), Field::Owner) => commitments.push(c),
                _ => {}
            }
        }
        steps.sort_unstable();
        steps.dedup();
        let steps = steps
            .into_iter()
            .map(|(p, s)| {
                let via = vec![section_id(self.model, Kind::Process, p).to_string()];
                Self::with_via(self.step_item(p, s), via)
            })
            .collect();
        vec![
            Group::new(
                Relation::Triggers,
                ItemKind::ValueStream,
                "Value streams it triggers",
                self.items(Kind::ValueStream, triggers),
            ),
            self.stage_group("Stages it takes part in", &stages, &|_| String::new()),
            Group::new(
                Relation::Capabilities,
                ItemKind::Capability,
                "Capabilities it owns",
                self.items(Kind::Capability, capabilities),
            ),
            Group::new(
                Relation::Processes,
                ItemKind::Process,
                "Processes it owns",
                self.items(Kind::Process, processes),
            ),
            Group::new(Relation::Steps, ItemKind::Step, "Steps it owns", steps),
            Group::new(
                Relation::Commitments,
                ItemKind::Commitment,
                "Commitments it owns",
                self.items(Kind::Commitment, commitments),
            ),
        ]
    }

    fn stage(&self, s: usize, g: usize) -> Vec<Group> {
        let stage = self.views.stage(s, g).1;
        let flow = self.views.resolved.flow.get(s);
        let next: Vec<usize> = flow.and_then(|f| f.get(g)).cloned().unwrap_or_default();
        let previous: Vec<usize> = flow.map_or_else(Vec::new, |f| {
            (0..f.len()).filter(|&x| f[x].contains(&g)).collect()
        });
        let stage_items = |mut stages: Vec<usize>| -> Vec<Item> {
            stages.sort_unstable();
            stages.dedup();
            stages.into_iter().map(|x| self.stage_item(s, x)).collect()
        };
        let value_items = stage
            .value_items
            .iter()
            .enumerate()
            .map(|(n, item)| Item {
                kind: ItemKind::ValueItem,
                id: None,
                name: item.name.value.to_string(),
                position: Some(n + 1),
                depth: 0,
                via: Vec::new(),
                parts: Vec::new(),
            })
            .collect();
        let capabilities = self.resolved(
            Kind::Capability,
            stage
                .capabilities
                .iter()
                .chain(stage.value_items.iter().flat_map(|v| &v.capabilities)),
        );
        let listed = |kind: Kind, refs: &[Ref]| -> Vec<Item> {
            self.resolved(kind, refs)
                .into_iter()
                .map(|i| self.item(kind, i))
                .collect()
        };
        let [commitments, perceptions] = self.on_stages(
            ("Commitments on it", "Perception points on it"),
            std::iter::once((s, g)),
        );
        vec![
            self.single(
                Relation::ValueStream,
                ItemKind::ValueStream,
                "Value stream",
                Some(self.item(Kind::ValueStream, s)),
            ),
            Group::new(
                Relation::Previous,
                ItemKind::Stage,
                "Stages flowing into it",
                stage_items(previous),
            ),
            Group::new(
                Relation::Next,
                ItemKind::Stage,
                "Stages it flows to",
                stage_items(next),
            ),
            Group::new(
                Relation::ValueItems,
                ItemKind::ValueItem,
                "Value items",
                value_items,
            ),
            Group::new(
                Relation::Stakeholders,
                ItemKind::Stakeholder,
                "Participating stakeholders",
                listed(Kind::Stakeholder, &stage.stakeholders),
            ),
            Group::new(
                Relation::Capabilities,
                ItemKind::Capability,
                "Capabilities it or its value items use",
                capabilities
                    .into_iter()
                    .map(|c| self.item(Kind::Capability, c))
                    .collect(),
            ),
            Group::new(
                Relation::Processes,
                ItemKind::Process,
                "Processes realising it",
                listed(Kind::Process, &stage.processes),
            ),
            Group::new(
                Relation::Information,
                ItemKind::Information,
                "Information it uses",
                listed(Kind::Information, &stage.information),
            ),
            Group::new(
                Relation::BusinessObjects,
                ItemKind::BusinessObject,
                "Business objects it uses",
                listed(Kind::BusinessObject, &stage.business_objects),
            ),
            commitments,
            perceptions,
        ]
    }

    fn value_stream(&self, s: usize) -> Vec<Group> {
        let stream = &self.model.value_streams[s];
        let trigger = stream
            .trigger
            .as_ref()
            .and_then(|t| self.model.stakeholders.get_index_of(t.value.as_str()))
            .map(|k| self.item(Kind::Stakeholder, k));
        // Per element: the ids of the stages naming it, in stage order.
        let mut stakeholders: IndexMap<usize, IndexSet<usize>> = IndexMap::new();
        let mut capabilities: IndexMap<usize, IndexSet<usize>> = IndexMap::new();
        let mut processes: IndexMap<usize, IndexSet<usize>> = IndexMap::new();
        for (g, stage) in stream.stages.values().enumerate() {
            let named = |map: &mut IndexMap<usize, IndexSet<usize>>, found: Vec<usize>| {
                for i in found {
                    map.entry(i).or_default().insert(g);
                }
            };
            named(
                &mut stakeholders,
                self.resolved(Kind::Stakeholder, &stage.stakeholders),
            );
            named(
                &mut capabilities,
                self.resolved(
                    Kind::Capability,
                    stage
                        .capabilities
                        .iter()
                        .chain(stage.value_items.iter().flat_map(|v| &v.capabilities)),
                ),
            );
            named(
                &mut processes,
                self.resolved(Kind::Process, &stage.processes),
            );
        }
        let by_stage = |kind: Kind, mut map: IndexMap<usize, IndexSet<usize>>| -> Vec<Item> {
            map.sort_unstable_keys();
            map.into_iter()
                .map(|(i, stages)| {
                    let via = stages
                        .into_iter()
                        .map(|g| self.views.stage(s, g).0.to_string())
                        .collect();
                    Self::with_via(self.item(kind, i), via)
                })
                .collect()
        };
        let [commitments, perceptions] = self.on_stages(
            (
                "Commitments on its stages",
                "Perception points on its stages",
            ),
            (0..stream.stages.len()).map(|g| (s, g)),
        );
        vec![
            self.single(
                Relation::Trigger,
                ItemKind::Stakeholder,
                "Triggering stakeholder",
                trigger,
            ),
            Group::new(
                Relation::Stages,
                ItemKind::Stage,
                "Stages",
                (0..stream.stages.len())
                    .map(|g| self.stage_item(s, g))
                    .collect(),
            ),
            Group::new(
                Relation::Stakeholders,
                ItemKind::Stakeholder,
                "Stakeholders taking part in its stages",
                by_stage(Kind::Stakeholder, stakeholders),
            ),
            Group::new(
                Relation::Capabilities,
                ItemKind::Capability,
                "Capabilities its stages use",
                by_stage(Kind::Capability, capabilities),
            ),
            Group::new(
                Relation::Processes,
                ItemKind::Process,
                "Processes realising its stages",
                by_stage(Kind::Process, processes),
            ),
            commitments,
            perceptions,
        ]
    }

    /// The value stream of a stage, as a one-item group.
    fn stream_of(&self, stage: Option<(usize, usize)>) -> Group {
        self.single(
            Relation::ValueStream,
            ItemKind::ValueStream,
            "Value stream",
            stage.map(|(s, _)| self.item(Kind::ValueStream, s)),
        )
    }

    fn commitment(&self, c: usize) -> Vec<Group> {
        let commitment = &self.model.commitments[c];
        let stage = self.stage_of_ref(commitment.stage.as_ref());
        let perception = commitment
            .perception
            .as_ref()
            .and_then(|p| self.model.perceptions.get_index_of(p.value.as_str()))
            .map(|p| self.item(Kind::Perception, p));
        // The parts below it, depth first, each once (a `parts` loop is not walked again).
        let mut seen = vec![false; self.model.commitments.len()];
        seen[c] = true;
        let mut parts = Vec::new();
        let mut stack: Vec<(usize, u32)> =
            self.views.parts[c].iter().rev().map(|&p| (p, 1)).collect();
        while let Some((part, depth)) = stack.pop() {
            if std::mem::replace(&mut seen[part], true) {
                continue;
            }
            parts.push(Item {
                depth,
                ..self.item(Kind::Commitment, part)
            });
            stack.extend(
                self.views.parts[part]
                    .iter()
                    .rev()
                    .filter(|&&p| !seen[p])
                    .map(|&p| (p, depth + 1)),
            );
        }
        let part_of = self.used.commitments[c].iter().filter_map(|r| match r.by {
            Referrer::Commitment(parent) => Some(parent),
            _ => None,
        });
        vec![
            self.single(
                Relation::Stage,
                ItemKind::Stage,
                "Stage it is on",
                stage.map(|(s, g)| self.stage_item(s, g)),
            ),
            self.stream_of(stage),
            self.single(
                Relation::Perception,
                ItemKind::Perception,
                "Perception point it answers",
                perception,
            ),
            self.owner(commitment.owner.as_ref()),
            Group::new(
                Relation::Parts,
                ItemKind::Commitment,
                "Parts: lower-level commitments",
                parts,
            ),
            Group::new(
                Relation::PartOf,
                ItemKind::Commitment,
                "Part of",
                self.items(Kind::Commitment, part_of),
            ),
        ]
    }

    fn perception(&self, p: usize) -> Vec<Group> {
        let stage = self.stage_of_ref(self.model.perceptions[p].stage.as_ref());
        let answered_by = self.used.perceptions[p].iter().filter_map(|r| match r.by {
            Referrer::Commitment(c) => Some(c),
            _ => None,
        });
        vec![
            self.single(
                Relation::Stage,
                ItemKind::Stage,
                "Stage it is on",
                stage.map(|(s, g)| self.stage_item(s, g)),
            ),
            self.stream_of(stage),
            Group::new(
                Relation::Commitments,
                ItemKind::Commitment,
                "Commitments answering it",
                self.items(Kind::Commitment, answered_by),
            ),
        ]
    }
}
