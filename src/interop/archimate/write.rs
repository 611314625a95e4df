//! The model as an ArchiMate 3.1 Model Exchange File: elements, relationships, properties with
//! their definitions, and one diagram per value stream (its stages in flow order, each with
//! the capabilities that serve it). The file is valid against The Open Group's
//! `archimate3_Diagram.xsd` (tests/interop validates it) and every relationship written is
//! one the ArchiMate 3.2 relationship table allows, so tools that check them (Archi) open it.
//!
//! Identifiers: an element's `archimate_id` when it has a usable one, else one made from its
//! kind and id (`id-cap-call-routing`); relationships are named by their ends. The same model
//! gives the same bytes.

use super::{ID_PROPERTY, NAMESPACE, SCHEMA_LOCATION, XSI};
use crate::model::{Amount, Duration, Model, Ref, StakeholderType, Target};
use crate::resolve::{self, Resolved};
use crate::vocabulary::{self as vocab, key};
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

/// The exchange file and what the user should know about it.
pub struct Export {
    pub xml: String,
    /// References that name nothing (the model has VSM006 findings): left out.
    pub unresolved: usize,
    /// Characters XML 1.0 cannot carry (control characters), written as U+FFFD.
    pub replaced_characters: usize,
}

/// Writes `model` (resolved as `resolved`) as an exchange file.
pub fn export(model: &Model, resolved: &Resolved) -> Result<Export, String> {
    let mut writer = Writer::new(model, resolved);
    writer.identify()?;
    writer.collect();
    let xml = writer.xml();
    Ok(Export {
        xml,
        unresolved: writer.unresolved,
        replaced_characters: writer.replaced,
    })
}

/// One element of the file to be.
struct Node {
    identifier: String,
    kind: &'static str,
    name: String,
    documentation: Option<String>,
    properties: Vec<(&'static str, String)>,
}

struct Relationship {
    identifier: String,
    kind: &'static str,
    source: usize,
    target: usize,
}

/// A diagram: its stage and capability nodes (element, x, y) and the relationships drawn.
struct View {
    identifier: String,
    name: String,
    nodes: Vec<(usize, i32, i32, i32, i32)>,
    connections: Vec<(usize, usize, usize)>,
}

struct Writer<'m> {
    model: &'m Model,
    resolved: &'m Resolved,
    nodes: Vec<Node>,
    relationships: Vec<Relationship>,
    views: Vec<View>,
    taken: HashSet<String>,
    /// Index of the node of each element, per section.
    stakeholders: Vec<usize>,
    streams: Vec<usize>,
    stages: Vec<Vec<usize>>,
    capabilities: Vec<usize>,
    processes: Vec<usize>,
    information: Vec<usize>,
    business_objects: Vec<usize>,
    commitments: Vec<usize>,
    perceptions: Vec<usize>,
    unresolved: usize,
    replaced: usize,
}

impl<'m> Writer<'m> {
    fn new(model: &'m Model, resolved: &'m Resolved) -> Self {
        Writer {
            model,
            resolved,
            nodes: Vec::new(),
            relationships: Vec::new(),
            views: Vec::new(),
            taken: HashSet::new(),
            stakeholders: Vec::new(),
            streams: Vec::new(),
            stages: Vec::new(),
            capabilities: Vec::new(),
            processes: Vec::new(),
            information: Vec::new(),
            business_objects: Vec::new(),
            commitments: Vec::new(),
            perceptions: Vec::new(),
            unresolved: 0,
            replaced: 0,
        }
    }

    /// Reserves every `archimate_id` written in the model first, so that a made-up identifier
    /// never takes one; refuses one that is not an XML identifier or is given twice.
    fn identify(&mut self) -> Result<(), String> {
        let m = self.model;
        let mut given: Vec<(&'m str, String)> = Vec::new();
        let mut note = |id: &'m Option<Box<crate::model::Text>>, what: String| {
            if let Some(id) = id {
                given.push((id.value.as_str(), what));
            }
        };
        for (id, s) in &m.stakeholders {
            note(&s.common.archimate_id, format!("stakeholder `{id}`"));
        }
        for (id, s) in &m.value_streams {
            note(&s.common.archimate_id, format!("value stream `{id}`"));
            for (stage_id, stage) in &s.stages {
                note(
                    &stage.common.archimate_id,
                    format!("stage `{id}/{stage_id}`"),
                );
                for item in &stage.value_items {
                    note(
                        &item.archimate_id,
                        format!("a value item of `{id}/{stage_id}`"),
                    );
                }
            }
        }
        for (id, c) in &m.capabilities {
            note(&c.common.archimate_id, format!("capability `{id}`"));
        }
        for (id, p) in &m.processes {
            note(&p.common.archimate_id, format!("process `{id}`"));
            for step in &p.steps {
                note(&step.archimate_id, format!("a step of `{id}`"));
            }
        }
        for (id, i) in &m.information {
            note(&i.common.archimate_id, format!("information `{id}`"));
        }
        for (id, b) in &m.business_objects {
            note(&b.common.archimate_id, format!("business object `{id}`"));
        }
        for (id, c) in &m.commitments {
            note(&c.common.archimate_id, format!("commitment `{id}`"));
        }
        for (id, p) in &m.perceptions {
            note(&p.common.archimate_id, format!("perception point `{id}`"));
        }
        let mut first: HashMap<&str, &str> = HashMap::new();
        for (identifier, what) in &given {
            if !is_xml_id(identifier) {
                return Err(format!(
                    "the archimate_id `{}` of {} is not an XML identifier (a letter or `_` \
                     first, then letters, digits, `-`, `_` or `.`)",
                    crate::text::escaped(identifier),
                    crate::text::escaped(what)
                ));
            }
            if let Some(other) = first.insert(identifier, what) {
                return Err(format!(
                    "the archimate_id `{}` is given to {} and to {}: an exchange file needs \
                     one identifier per element",
                    crate::text::escaped(identifier),
                    crate::text::escaped(other),
                    crate::text::escaped(what)
                ));
            }
            self.taken.insert(identifier.to_string());
        }
        Ok(())
    }

    /// `given` when the model has one, else `id-<prefix>-<parts>` made unique.
    fn identifier(
        &mut self,
        given: Option<&crate::model::Text>,
        prefix: &str,
        parts: &[&str],
    ) -> String {
        if let Some(given) = given {
            return given.value.to_string();
        }
        let mut base = format!("id-{prefix}");
        for part in parts {
            base.push('-');
            for c in part.chars() {
                if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                    base.push(c);
                } else {
                    let _ = write!(base, "_{:x}", c as u32);
                }
            }
        }
        self.unique(base)
    }

    fn unique(&mut self, base: String) -> String {
        let mut candidate = base.clone();
        let mut n = 1;
        while !self.taken.insert(candidate.clone()) {
            n += 1;
            candidate = format!("{base}-{n}");
        }
        candidate
    }

    fn node(
        &mut self,
        identifier: String,
        kind: &'static str,
        name: &str,
        documentation: Option<&str>,
    ) -> usize {
        self.nodes.push(Node {
            identifier,
            kind,
            name: name.to_string(),
            documentation: documentation.map(str::to_string),
            properties: Vec::new(),
        });
        self.nodes.len() - 1
    }

    fn property(&mut self, node: usize, field: &'static str, value: impl Into<String>) {
        self.nodes[node].properties.push((field, value.into()));
    }

    fn common(&mut self, node: usize, id: &str, common: &crate::model::Common) {
        self.property(node, ID_PROPERTY, id);
        for rule in &common.allow {
            self.property(node, key::ALLOW, rule.value.clone());
        }
    }

    fn relate(&mut self, kind: &'static str, source: usize, target: usize) -> usize {
        let base = format!(
            "{}-{}-{}",
            self.nodes[source].identifier,
            short(kind),
            self.nodes[target].identifier
        );
        let identifier = self.unique(base);
        self.relationships.push(Relationship {
            identifier,
            kind,
            source,
            target,
        });
        self.relationships.len() - 1
    }

    /// The node a reference of `kind` leads to, counting those that lead nowhere.
    fn target(&mut self, kind: crate::model::Kind, reference: &Ref) -> Option<usize> {
        use crate::model::Kind;
        let found = match kind {
            Kind::Stage => resolve::lookup_stage(self.model, &reference.value)
                .map(|(s, st)| self.stages[s][st]),
            _ => resolve::lookup(self.model, kind, &reference.value).map(|i| match kind {
                Kind::Stakeholder => self.stakeholders[i],
                Kind::Capability => self.capabilities[i],
                Kind::Process => self.processes[i],
                Kind::Information => self.information[i],
                Kind::BusinessObject => self.business_objects[i],
                Kind::Commitment => self.commitments[i],
                Kind::Perception => self.perceptions[i],
                Kind::ValueStream => self.streams[i],
                Kind::Stage => unreachable!(),
            }),
        };
        if found.is_none() {
            self.unresolved += 1;
        }
        found
    }

    fn relate_all(
        &mut self,
        kind: &'static str,
        holder: usize,
        target_kind: crate::model::Kind,
        refs: &[Ref],
        holder_is_source: bool,
    ) {
        for reference in refs {
            if let Some(t) = self.target(target_kind, reference) {
                if holder_is_source {
                    self.relate(kind, holder, t);
                } else {
                    self.relate(kind, t, holder);
                }
            }
        }
    }

    /// Every element first (so every relationship finds both ends), then the relationships
    /// in the model's order, then the diagrams.
    fn collect(&mut self) {
        use crate::model::Kind;
        let m = self.model;
        for (id, s) in &m.stakeholders {
            let ident = self.identifier(s.common.archimate_id.as_deref(), "st", &[id]);
            let n = self.node(
                ident,
                "BusinessActor",
                s.common.label(),
                text(&s.common.description),
            );
            self.common(n, id, &s.common);
            if let Some(kind) = &s.kind {
                let word = match kind.value {
                    StakeholderType::Internal => "internal",
                    StakeholderType::External => "external",
                    StakeholderType::Partner => "partner",
                };
                self.property(n, key::TYPE, word);
            }
            self.stakeholders.push(n);
        }
        for (id, stream) in &m.value_streams {
            let ident = self.identifier(stream.common.archimate_id.as_deref(), "vs", &[id]);
            let n = self.node(
                ident,
                "ValueStream",
                stream.common.label(),
                text(&stream.common.description),
            );
            self.common(n, id, &stream.common);
            if let Some(v) = &stream.value_proposition {
                self.property(n, key::VALUE_PROPOSITION, v.value.clone());
            }
            if let Some(v) = &stream.segment {
                self.property(n, key::SEGMENT, v.value.clone());
            }
            self.streams.push(n);
            let mut stage_nodes = Vec::new();
            for (stage_id, stage) in &stream.stages {
                let ident = self.identifier(
                    stage.common.archimate_id.as_deref(),
                    "stage",
                    &[id, stage_id],
                );
                let s = self.node(
                    ident,
                    "ValueStream",
                    stage.common.label(),
                    text(&stage.common.description),
                );
                self.common(s, stage_id, &stage.common);
                for c in &stage.entry_conditions {
                    self.property(s, key::ENTRY_CONDITIONS, c.value.clone());
                }
                for c in &stage.exit_conditions {
                    self.property(s, key::EXIT_CONDITIONS, c.value.clone());
                }
                if let Some(t) = &stage.process_time {
                    self.property(s, key::PROCESS_TIME, duration_text(t.value));
                }
                if let Some(t) = &stage.wait_time {
                    self.property(s, key::WAIT_TIME, duration_text(t.value));
                }
                stage_nodes.push(s);
            }
            self.stages.push(stage_nodes);
        }
        for (id, c) in &m.capabilities {
            let ident = self.identifier(c.common.archimate_id.as_deref(), "cap", &[id]);
            let n = self.node(
                ident,
                "Capability",
                c.common.label(),
                text(&c.common.description),
            );
            self.common(n, id, &c.common);
            if let Some(v) = &c.level {
                self.property(n, key::LEVEL, v.value.to_string());
            }
            if let Some(v) = &c.maturity {
                self.property(n, key::MATURITY, v.value.to_string());
            }
            if let Some(v) = &c.target_maturity {
                self.property(n, key::TARGET_MATURITY, v.value.to_string());
            }
            if let Some(v) = &c.importance {
                let word = vocab::IMPORTANCE_VALUES
                    .iter()
                    .find(|(_, i)| *i == v.value)
                    .map(|(w, _)| *w);
                self.property(n, key::IMPORTANCE, word.unwrap_or_default());
            }
            if let Some(v) = &c.enablement {
                let word = vocab::ENABLEMENT_VALUES
                    .iter()
                    .find(|(_, e)| *e == v.value)
                    .map(|(w, _)| *w);
                self.property(n, key::ENABLEMENT, word.unwrap_or_default());
            }
            self.capabilities.push(n);
        }
        let mut steps: Vec<Vec<usize>> = Vec::new();
        for (id, p) in &m.processes {
            let ident = self.identifier(p.common.archimate_id.as_deref(), "proc", &[id]);
            let n = self.node(
                ident,
                "BusinessProcess",
                p.common.label(),
                text(&p.common.description),
            );
            self.common(n, id, &p.common);
            self.processes.push(n);
            let mut step_nodes = Vec::new();
            for (k, step) in p.steps.iter().enumerate() {
                let number = (k + 1).to_string();
                let ident = self.identifier(step.archimate_id.as_deref(), "step", &[id, &number]);
                let name = step
                    .name
                    .as_ref()
                    .map_or(number.as_str(), |n| n.value.as_str())
                    .to_string();
                let s = self.node(ident, "BusinessProcess", &name, None);
                if let Some(a) = &step.automated {
                    self.property(s, key::AUTOMATED, a.value.to_string());
                }
                step_nodes.push(s);
            }
            steps.push(step_nodes);
        }
        for (id, i) in &m.information {
            let ident = self.identifier(i.common.archimate_id.as_deref(), "info", &[id]);
            let n = self.node(
                ident,
                "DataObject",
                i.common.label(),
                text(&i.common.description),
            );
            self.common(n, id, &i.common);
            self.information.push(n);
        }
        for (id, b) in &m.business_objects {
            let ident = self.identifier(b.common.archimate_id.as_deref(), "bo", &[id]);
            let n = self.node(
                ident,
                "BusinessObject",
                b.common.label(),
                text(&b.common.description),
            );
            self.common(n, id, &b.common);
            for a in &b.attributes {
                self.property(n, key::ATTRIBUTES, a.value.clone());
            }
            self.business_objects.push(n);
        }
        for (id, c) in &m.commitments {
            let ident = self.identifier(c.common.archimate_id.as_deref(), "com", &[id]);
            let n = self.node(
                ident,
                "Requirement",
                c.common.label(),
                text(&c.common.description),
            );
            self.common(n, id, &c.common);
            if let Some(t) = &c.target {
                self.property(n, key::TARGET, target_text(&t.value));
            }
            if let Some(v) = &c.composition {
                let word = vocab::COMPOSITION_VALUES
                    .iter()
                    .find(|(_, e)| *e == v.value)
                    .map(|(w, _)| *w);
                self.property(n, key::COMPOSITION, word.unwrap_or_default());
            }
            self.commitments.push(n);
        }
        for (id, p) in &m.perceptions {
            let ident = self.identifier(p.common.archimate_id.as_deref(), "per", &[id]);
            let n = self.node(
                ident,
                "Assessment",
                p.common.label(),
                text(&p.common.description),
            );
            self.common(n, id, &p.common);
            if let Some(v) = &p.channel {
                self.property(n, key::CHANNEL, v.value.clone());
            }
            if let Some(v) = &p.importance {
                self.property(n, key::IMPORTANCE, v.value.to_string());
            }
            if let Some(v) = &p.current {
                self.property(n, key::CURRENT, v.value.to_string());
            }
            if let Some(v) = &p.expected {
                self.property(n, key::EXPECTED, v.value.to_string());
            }
            if let Some(v) = &p.focus {
                self.property(n, key::FOCUS, v.value.to_string());
            }
            self.perceptions.push(n);
        }

        // Relationships, holder by holder, each list in its written order (the import reads
        // lists back in this order).
        let mut values: Vec<Vec<Vec<usize>>> = Vec::new();
        for (s, (stream_id, stream)) in m.value_streams.iter().enumerate() {
            let n = self.streams[s];
            if let Some(trigger) = &stream.trigger {
                if let Some(t) = self.target(Kind::Stakeholder, trigger) {
                    self.relate("Association", t, n);
                }
            }
            let mut stream_values = Vec::new();
            for (st, (stage_id, stage)) in stream.stages.iter().enumerate() {
                let node = self.stages[s][st];
                self.relate("Composition", n, node);
                self.relate_all(
                    "Association",
                    node,
                    Kind::Stakeholder,
                    &stage.stakeholders,
                    false,
                );
                let mut items = Vec::new();
                for (k, item) in stage.value_items.iter().enumerate() {
                    let number = (k + 1).to_string();
                    let ident = self.identifier(
                        item.archimate_id.as_deref(),
                        "value",
                        &[stream_id, stage_id, &number],
                    );
                    let v = self.node(ident, "Value", &item.name.value, text(&item.description));
                    if let Some(measure) = &item.measure {
                        self.property(v, key::MEASURE, measure.value.clone());
                    }
                    self.relate("Association", v, node);
                    self.relate_all("Association", v, Kind::Capability, &item.capabilities, true);
                    items.push(v);
                }
                stream_values.push(items);
                self.relate_all(
                    "Serving",
                    node,
                    Kind::Capability,
                    &stage.capabilities,
                    false,
                );
                self.relate_all("Realization", node, Kind::Process, &stage.processes, false);
                self.relate_all(
                    "Association",
                    node,
                    Kind::Information,
                    &stage.information,
                    true,
                );
                self.relate_all(
                    "Association",
                    node,
                    Kind::BusinessObject,
                    &stage.business_objects,
                    true,
                );
            }
            values.push(stream_values);
            for (st, successors) in self.resolved.flow[s].clone().iter().enumerate() {
                for &next in successors {
                    let (a, b) = (self.stages[s][st], self.stages[s][next]);
                    self.relate("Flow", a, b);
                }
            }
        }
        for (i, c) in m.capabilities.iter().enumerate() {
            let n = self.capabilities[i];
            if let Some(parent) = &c.1.parent {
                if let Some(p) = self.target(Kind::Capability, parent) {
                    self.relate("Composition", p, n);
                }
            }
            if let Some(owner) = &c.1.owner {
                if let Some(o) = self.target(Kind::Stakeholder, owner) {
                    self.relate("Association", o, n);
                }
            }
        }
        for (i, (_, p)) in m.processes.iter().enumerate() {
            let n = self.processes[i];
            if let Some(owner) = &p.owner {
                if let Some(o) = self.target(Kind::Stakeholder, owner) {
                    self.relate("Assignment", o, n);
                }
            }
            self.relate_all("Realization", n, Kind::Capability, &p.capabilities, true);
            self.relate_all("Access", n, Kind::Information, &p.information, true);
            for (k, step) in p.steps.iter().enumerate() {
                let s = steps[i][k];
                self.relate("Composition", n, s);
                if k > 0 {
                    self.relate("Triggering", steps[i][k - 1], s);
                }
                if let Some(owner) = &step.owner {
                    if let Some(o) = self.target(Kind::Stakeholder, owner) {
                        self.relate("Assignment", o, s);
                    }
                }
                self.relate_all("Realization", s, Kind::Capability, &step.capabilities, true);
                self.relate_all("Access", s, Kind::Information, &step.information, true);
            }
        }
        for (i, (_, info)) in m.information.iter().enumerate() {
            if let Some(object) = &info.business_object {
                if let Some(o) = self.target(Kind::BusinessObject, object) {
                    self.relate("Realization", self.information[i], o);
                }
            }
        }
        for (i, (_, b)) in m.business_objects.iter().enumerate() {
            let n = self.business_objects[i];
            self.relate_all("Association", n, Kind::BusinessObject, &b.related, true);
        }
        for (i, (_, c)) in m.commitments.iter().enumerate() {
            let n = self.commitments[i];
            if let Some(owner) = &c.owner {
                if let Some(o) = self.target(Kind::Stakeholder, owner) {
                    self.relate("Realization", o, n);
                }
            }
            if let Some(stage) = &c.stage {
                if let Some(s) = self.target(Kind::Stage, stage) {
                    self.relate("Association", n, s);
                }
            }
            if let Some(perception) = &c.perception {
                if let Some(p) = self.target(Kind::Perception, perception) {
                    self.relate("Association", n, p);
                }
            }
            self.relate_all("Aggregation", n, Kind::Commitment, &c.parts, true);
        }
        for (i, (_, p)) in m.perceptions.iter().enumerate() {
            if let Some(stage) = &p.stage {
                if let Some(s) = self.target(Kind::Stage, stage) {
                    self.relate("Association", self.perceptions[i], s);
                }
            }
        }
        self.diagrams();
    }

    /// One diagram per stream: its stages left to right in flow order, under each the
    /// capabilities that serve it, with the flow and serving relationships drawn.
    fn diagrams(&mut self) {
        const STAGE_W: i32 = 160;
        const STAGE_H: i32 = 60;
        const GAP: i32 = 40;
        const CAP_H: i32 = 50;
        let m = self.model;
        // The serving and flow relationships by stage node, found once for all diagrams.
        let mut serving: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut flows: HashMap<usize, Vec<usize>> = HashMap::new();
        for (r, rel) in self.relationships.iter().enumerate() {
            match rel.kind {
                "Serving" => serving.entry(rel.target).or_default().push(r),
                "Flow" => flows.entry(rel.source).or_default().push(r),
                _ => {}
            }
        }
        for (s, (stream_id, stream)) in m.value_streams.iter().enumerate() {
            let members: Vec<usize> = (0..stream.stages.len()).collect();
            let flow: Vec<(usize, usize)> = self.resolved.flow[s]
                .iter()
                .enumerate()
                .flat_map(|(a, next)| next.iter().map(move |&b| (a, b)))
                .collect();
            let order = super::map::flow_order(&members, &flow);
            let view_id = {
                let base = format!("{}-view", self.nodes[self.streams[s]].identifier);
                self.unique(base)
            };
            let _ = stream_id;
            let mut view = View {
                identifier: view_id,
                name: stream.common.label().to_string(),
                nodes: Vec::new(),
                connections: Vec::new(),
            };
            let mut stage_node: HashMap<usize, usize> = HashMap::new();
            for (column, &st) in order.iter().enumerate() {
                let x = 20 + column as i32 * (STAGE_W + GAP);
                let element = self.stages[s][st];
                stage_node.insert(element, view.nodes.len());
                view.nodes.push((element, x, 20, STAGE_W, STAGE_H));
            }
            for (column, &st) in order.iter().enumerate() {
                let x = 20 + column as i32 * (STAGE_W + GAP);
                let stage_element = self.stages[s][st];
                for (row, &r) in serving
                    .get(&stage_element)
                    .into_iter()
                    .flatten()
                    .enumerate()
                {
                    let y = 20 + STAGE_H + GAP + row as i32 * (CAP_H + 20);
                    let node = view.nodes.len();
                    view.nodes
                        .push((self.relationships[r].source, x, y, STAGE_W, CAP_H));
                    view.connections.push((r, node, stage_node[&stage_element]));
                }
            }
            for &st in &order {
                for &r in flows.get(&self.stages[s][st]).into_iter().flatten() {
                    let rel = &self.relationships[r];
                    if let (Some(&a), Some(&b)) =
                        (stage_node.get(&rel.source), stage_node.get(&rel.target))
                    {
                        view.connections.push((r, a, b));
                    }
                }
            }
            self.views.push(view);
        }
    }

    /// The file.
    fn xml(&mut self) -> String {
        let mut out = String::with_capacity(256 * (self.nodes.len() + self.relationships.len()));
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            out,
            "<model xmlns=\"{NAMESPACE}\" xmlns:xsi=\"{XSI}\" xsi:schemaLocation=\"{SCHEMA_LOCATION}\" identifier=\"id-model\">"
        );
        let meta = self.model.meta.as_ref();
        let name = meta
            .and_then(|m| m.name.as_ref())
            .map_or("Model exported by vsm", |n| n.value.as_str())
            .to_string();
        self.lang(&mut out, 1, "name", &name);
        if let Some(d) = meta.and_then(|m| m.description.as_ref()) {
            let d = d.value.clone();
            self.lang(&mut out, 1, "documentation", &d);
        }
        let model_properties: Vec<(&'static str, String)> = [
            (key::VERSION, meta.and_then(|m| m.version.as_ref())),
            (key::OWNER, meta.and_then(|m| m.owner.as_ref())),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v.value.to_string())))
        .collect();
        self.properties(&mut out, 1, &model_properties);
        if !self.nodes.is_empty() {
            out.push_str("  <elements>\n");
            for i in 0..self.nodes.len() {
                let node = &self.nodes[i];
                let (identifier, kind) = (node.identifier.clone(), node.kind);
                let (name, documentation) = (node.name.clone(), node.documentation.clone());
                let properties = node.properties.clone();
                let _ = writeln!(
                    out,
                    "    <element identifier=\"{}\" xsi:type=\"{kind}\">",
                    self.attr(&identifier)
                );
                self.lang(&mut out, 3, "name", &name);
                if let Some(d) = documentation {
                    self.lang(&mut out, 3, "documentation", &d);
                }
                self.properties(&mut out, 3, &properties);
                out.push_str("    </element>\n");
            }
            out.push_str("  </elements>\n");
        }
        if !self.relationships.is_empty() {
            out.push_str("  <relationships>\n");
            for rel in &self.relationships {
                let _ = writeln!(
                    out,
                    "    <relationship identifier=\"{}\" source=\"{}\" target=\"{}\" xsi:type=\"{}\"/>",
                    escape_attr(&rel.identifier),
                    escape_attr(&self.nodes[rel.source].identifier),
                    escape_attr(&self.nodes[rel.target].identifier),
                    rel.kind
                );
            }
            out.push_str("  </relationships>\n");
        }
        let used = self.used_properties(&model_properties);
        if !used.is_empty() {
            out.push_str("  <propertyDefinitions>\n");
            for field in used {
                let _ = writeln!(
                    out,
                    "    <propertyDefinition identifier=\"propid-{field}\" type=\"{}\">\n      <name>{field}</name>\n    </propertyDefinition>",
                    property_type(field)
                );
            }
            out.push_str("  </propertyDefinitions>\n");
        }
        if !self.views.is_empty() {
            out.push_str("  <views>\n    <diagrams>\n");
            let views = std::mem::take(&mut self.views);
            for view in &views {
                let _ = writeln!(
                    out,
                    "      <view identifier=\"{}\" xsi:type=\"Diagram\">",
                    escape_attr(&view.identifier)
                );
                self.lang(&mut out, 4, "name", &view.name);
                for (k, &(element, x, y, w, h)) in view.nodes.iter().enumerate() {
                    let _ = writeln!(
                        out,
                        "        <node identifier=\"{}-n{k}\" elementRef=\"{}\" xsi:type=\"Element\" x=\"{x}\" y=\"{y}\" w=\"{w}\" h=\"{h}\"/>",
                        escape_attr(&view.identifier),
                        escape_attr(&self.nodes[element].identifier)
                    );
                }
                for (k, &(rel, a, b)) in view.connections.iter().enumerate() {
                    let _ = writeln!(
                        out,
                        "        <connection identifier=\"{0}-c{k}\" relationshipRef=\"{1}\" xsi:type=\"Relationship\" source=\"{0}-n{a}\" target=\"{0}-n{b}\"/>",
                        escape_attr(&view.identifier),
                        escape_attr(&self.relationships[rel].identifier)
                    );
                }
                out.push_str("      </view>\n");
            }
            self.views = views;
            out.push_str("    </diagrams>\n  </views>\n");
        }
        out.push_str("</model>\n");
        out
    }

    /// The properties written, in the vocabulary's order of fields.
    fn used_properties(&self, model: &[(&'static str, String)]) -> Vec<&'static str> {
        let mut used: HashSet<&'static str> = model.iter().map(|(k, _)| *k).collect();
        for node in &self.nodes {
            used.extend(node.properties.iter().map(|(k, _)| *k));
        }
        let mut order: Vec<&'static str> = vec![ID_PROPERTY];
        for word in vocab::all_keys() {
            order.push(word);
        }
        let mut seen = HashSet::new();
        order
            .into_iter()
            .filter(|k| used.contains(k) && seen.insert(*k))
            .collect()
    }

    fn attr(&mut self, text: &str) -> String {
        escape_attr(text)
    }

    fn lang(&mut self, out: &mut String, depth: usize, tag: &str, text: &str) {
        let (escaped, replaced) = escape_text(text);
        self.replaced += replaced;
        let _ = writeln!(out, "{}<{tag}>{escaped}</{tag}>", "  ".repeat(depth));
    }

    fn properties(
        &mut self,
        out: &mut String,
        depth: usize,
        properties: &[(&'static str, String)],
    ) {
        if properties.is_empty() {
            return;
        }
        let pad = "  ".repeat(depth);
        let _ = writeln!(out, "{pad}<properties>");
        for (field, value) in properties {
            let (escaped, replaced) = escape_text(value);
            self.replaced += replaced;
            let _ = writeln!(
                out,
                "{pad}  <property propertyDefinitionRef=\"propid-{field}\">\n{pad}    <value>{escaped}</value>\n{pad}  </property>"
            );
        }
        let _ = writeln!(out, "{pad}</properties>");
    }
}

fn text<T: std::borrow::Borrow<crate::model::Text>>(t: &Option<T>) -> Option<&str> {
    t.as_ref().map(|t| t.borrow().value.as_str())
}

/// The short name of a relationship type in made-up identifiers.
fn short(kind: &str) -> &'static str {
    match kind {
        "Association" => "assoc",
        "Composition" => "comp",
        "Aggregation" => "aggr",
        "Assignment" => "assign",
        "Realization" => "real",
        "Serving" => "serves",
        "Access" => "access",
        "Flow" => "flow",
        "Triggering" => "trig",
        _ => "rel",
    }
}

/// The XSD's data type of a property definition.
fn property_type(field: &str) -> &'static str {
    match field {
        key::LEVEL | key::MATURITY | key::TARGET_MATURITY | key::CURRENT | key::EXPECTED => {
            "number"
        }
        key::AUTOMATED | key::FOCUS => "boolean",
        _ => "string",
    }
}

/// A duration exactly as the loader reads it back: whole units where they are exact.
fn duration_text(d: Duration) -> String {
    if d.0.fract() == 0.0 && d.0 >= 0.0 && d.0 < 1e15 {
        crate::units::written(d)
    } else {
        format!("{}s", d.0)
    }
}

fn target_text(t: &Target) -> String {
    let amount = match t.amount {
        Amount::Duration(d) => duration_text(d),
        Amount::Percent(p) => format!("{p}%"),
        Amount::Number(n) => format!("{n}"),
    };
    format!("{} {amount}", t.comparator.symbol())
}

/// Whether `s` can be an `xs:ID`: an XML name without `:`, kept to characters every XML 1.0
/// parser accepts in names.
pub fn is_xml_id(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let letter = |c: char| {
        c.is_ascii_alphabetic() || c == '_' || (!c.is_ascii() && c.is_alphabetic() && name_range(c))
    };
    letter(first)
        && chars.all(|c| {
            letter(c)
                || c.is_ascii_digit()
                || c == '-'
                || c == '.'
                || (!c.is_ascii() && c.is_alphanumeric() && name_range(c))
        })
}

/// Outside the blocks XML 1.0 keeps out of names (punctuation, symbols, private use).
fn name_range(c: char) -> bool {
    let c = c as u32;
    !((0x2000..=0x2BFF).contains(&c)
        || (0x2FF0..=0x3000).contains(&c)
        || (0xD800..=0xF8FF).contains(&c)
        || (0xFDD0..=0xFDEF).contains(&c)
        || c >= 0xF0000)
}

/// Whether XML 1.0 can carry the character at all.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// Element text: `&`, `<`, `>` escaped, a carriage return as `&#13;` (parsers would turn it
/// into a line feed), characters XML cannot carry as U+FFFD, counted.
fn escape_text(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut replaced = 0;
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c if !xml_char(c) => {
                out.push('\u{FFFD}');
                replaced += 1;
            }
            c => out.push(c),
        }
    }
    (out, replaced)
}

/// An attribute value (identifiers only, which hold no character that needs it; kept safe).
fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_what_xml_cannot_carry_is_replaced() {
        assert_eq!(
            escape_text("a < b & c > d"),
            ("a &lt; b &amp; c &gt; d".into(), 0)
        );
        assert_eq!(escape_text("line\r\nnext"), ("line&#13;\nnext".into(), 0));
        assert_eq!(escape_text("bell\u{7}"), ("bell\u{FFFD}".into(), 1));
    }

    #[test]
    fn xml_identifiers_start_with_a_letter() {
        assert!(is_xml_id("id-cap-call-routing"));
        assert!(is_xml_id("_x1"));
        assert!(is_xml_id("客户"));
        assert!(!is_xml_id("1abc"));
        assert!(!is_xml_id("a b"));
        assert!(!is_xml_id("a:b"));
        assert!(!is_xml_id(""));
        assert!(!is_xml_id("Ⓐ"));
    }

    #[test]
    fn durations_and_targets_are_written_as_the_loader_reads_them() {
        assert_eq!(duration_text(Duration(180.0)), "3min");
        assert_eq!(duration_text(Duration(129_600.0)), "1d 12h");
        assert_eq!(duration_text(Duration(0.5)), "0.5s");
        let target = crate::units::parse_target(">= 90%").unwrap();
        assert_eq!(target_text(&target), ">= 90%");
        let target = crate::units::parse_target("<= 1.5d").unwrap();
        assert_eq!(target_text(&target), "<= 1d 12h");
    }
}
