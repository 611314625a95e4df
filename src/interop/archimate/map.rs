//! An exchange file's elements and relationships mapped to the model format (the tables in
//! docs/interop.md). Every element and every relationship is either imported or counted in
//! the [`Summary`] by type, with the reason it was not: nothing disappears silently.
//!
//! The mapping runs in three passes: what each element is (a value stream or one of its
//! stages, a process or one of its steps, ...), which depends on the composition
//! relationships; what each relationship means between those roles (a link from one element
//! to another under a field of the format); then the draft, element by element, with ids made
//! from names and fields from properties.

use super::read::{End, Exchange, Property};
use super::ID_PROPERTY;
use crate::interop::draft::{Draft, Element, Fields, Ids, Value};
use crate::vocabulary::{self as vocab, key};
use std::collections::{BTreeMap, HashMap};

/// What an import made of the file, for the user: counts of what came in, and of what did not
/// and why.
#[derive(Debug, Default)]
pub struct Summary {
    /// (one, many, how many) in the order of the format's sections.
    pub imported: Vec<(&'static str, &'static str, usize)>,
    /// Elements not imported, by type and reason: `ApplicationComponent` → 10.
    pub skipped_elements: BTreeMap<String, usize>,
    /// Relationships not imported: `Serving (ApplicationService → BusinessProcess)` → 31.
    pub skipped_relationships: BTreeMap<String, usize>,
    /// Properties whose names mean nothing to `vsm`: name → count.
    pub skipped_properties: BTreeMap<String, usize>,
    /// Diagrams (views) of the file: `vsm` draws its own.
    pub views: usize,
    /// What the user should know: values ignored, ids placed.
    pub notes: Vec<String>,
}

impl Summary {
    /// How many elements and relationships the summary accounts for as not imported.
    pub fn skipped(&self) -> (usize, usize) {
        (
            self.skipped_elements.values().sum(),
            self.skipped_relationships.values().sum(),
        )
    }

    /// The summary as lines for the terminal (the caller escapes them).
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        let imported: Vec<String> = self
            .imported
            .iter()
            .map(|(one, many, n)| crate::text::plural(*n, one, many))
            .collect();
        lines.push(format!("imported: {}", imported.join(", ")));
        let (elements, relationships) = self.skipped();
        if elements > 0 {
            lines.push(format!(
                "not imported: {}:{}",
                crate::text::plural(elements, "element", "elements"),
                by_count(&self.skipped_elements)
            ));
        }
        if relationships > 0 {
            lines.push(format!(
                "not imported: {}:{}",
                crate::text::plural(relationships, "relationship", "relationships"),
                by_count(&self.skipped_relationships)
            ));
        }
        if !self.skipped_properties.is_empty() {
            let n: usize = self.skipped_properties.values().sum();
            lines.push(format!(
                "not imported: {} with names that are no field of the format:{}",
                crate::text::plural(n, "property", "properties"),
                by_count(&self.skipped_properties)
            ));
        }
        if self.views > 0 {
            lines.push(format!(
                "not imported: {} (vsm draws its own: `vsm graph`, `vsm report`)",
                crate::text::plural(self.views, "diagram", "diagrams")
            ));
        }
        for note in &self.notes {
            lines.push(format!("note: {note}"));
        }
        lines
    }
}

/// `\n  12 Node\n  5 Device`: one indented line each, the largest counts first, then by name.
fn by_count(counts: &BTreeMap<String, usize>) -> String {
    let mut sorted: Vec<(&String, &usize)> = counts.iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    sorted
        .iter()
        .map(|(what, n)| format!("\n  {n} {what}"))
        .collect()
}

/// What an element of the file becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Stakeholder,
    Stream,
    /// A stage of the stream that is element `.0`.
    Stage(usize),
    Capability,
    Process,
    /// A step of the process that is element `.0`.
    Step(usize),
    Information,
    BusinessObject,
    /// A value item of the stages it is associated with.
    ValueItem,
    Commitment,
    Perception,
    Skipped,
}

/// The kind of element an ArchiMate type maps to, before relationships decide between a
/// stream and a stage, a process and a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Base {
    ValueStream,
    Capability,
    Process,
    SubProcessable,
    Stakeholder,
    BusinessObject,
    DataObject,
    Value,
    Requirement,
    Assessment,
    Other,
}

fn base(kind: &str) -> Base {
    match kind {
        "ValueStream" => Base::ValueStream,
        "Capability" => Base::Capability,
        "BusinessProcess" => Base::SubProcessable,
        "BusinessFunction" => Base::Process,
        "BusinessActor" | "BusinessRole" | "Stakeholder" => Base::Stakeholder,
        "BusinessObject" | "Contract" => Base::BusinessObject,
        "DataObject" => Base::DataObject,
        "Value" => Base::Value,
        "Requirement" => Base::Requirement,
        "Assessment" => Base::Assessment,
        _ => Base::Other,
    }
}

fn is_process(b: Base) -> bool {
    matches!(b, Base::Process | Base::SubProcessable)
}

/// Fields that take one value: a second relationship giving one is not imported.
const SINGLE: &[&str] = &[
    key::TRIGGER,
    key::PARENT,
    key::OWNER,
    key::BUSINESS_OBJECT,
    key::STAGE,
    key::PERCEPTION,
];

/// The import of one exchange file.
pub struct Import {
    pub draft: Draft,
    pub summary: Summary,
}

/// Maps an exchange file to a draft model and its summary.
pub fn import(exchange: &Exchange) -> Import {
    Mapper::new(exchange).run()
}

struct Mapper<'x> {
    x: &'x Exchange,
    base: Vec<Base>,
    role: Vec<Role>,
    /// Per element: (field, element) links in the order of the relationships.
    links: Vec<Vec<(&'static str, usize)>>,
    /// Per element: its id (stages: within their stream).
    ids: Vec<String>,
    summary: Summary,
}

impl<'x> Mapper<'x> {
    fn new(x: &'x Exchange) -> Self {
        let n = x.elements.len();
        Mapper {
            x,
            base: x.elements.iter().map(|e| base(&e.kind)).collect(),
            role: vec![Role::Skipped; n],
            links: vec![Vec::new(); n],
            ids: vec![String::new(); n],
            summary: Summary {
                views: x.views,
                ..Summary::default()
            },
        }
    }

    fn ends(&self, r: usize) -> Option<(usize, usize)> {
        match (
            self.x.relationships[r].source,
            self.x.relationships[r].target,
        ) {
            (End::Element(s), End::Element(t)) => Some((s, t)),
            _ => None,
        }
    }

    fn run(mut self) -> Import {
        self.roles();
        self.relationships();
        self.assign_ids();
        let draft = self.draft();
        self.count(&draft);
        Import {
            draft,
            summary: self.summary,
        }
    }

    /// Pass 1: what each element is. A value stream composed (or aggregated) into another is
    /// one of its stages; a business process composed into a process or function is one of
    /// its steps; a value associated with no stage has no place.
    fn roles(&mut self) {
        let n = self.x.elements.len();
        let mut stream_parent: Vec<Option<usize>> = vec![None; n];
        let mut process_parent: Vec<Option<usize>> = vec![None; n];
        for r in 0..self.x.relationships.len() {
            let Some((s, t)) = self.ends(r) else { continue };
            if s == t {
                continue;
            }
            let kind = self.x.relationships[r].kind.as_str();
            let whole = matches!(kind, "Composition" | "Aggregation");
            if whole && self.base[s] == Base::ValueStream && self.base[t] == Base::ValueStream {
                stream_parent[t].get_or_insert(s);
            }
            if kind == "Composition"
                && is_process(self.base[s])
                && self.base[t] == Base::SubProcessable
            {
                process_parent[t].get_or_insert(s);
            }
        }
        for e in 0..n {
            self.role[e] = match self.base[e] {
                Base::ValueStream => match stream_parent[e] {
                    None => Role::Stream,
                    Some(p) if stream_parent[p].is_none() => Role::Stage(p),
                    Some(_) => {
                        self.skip_element(e, "ValueStream (below a stage: a model has two levels)");
                        Role::Skipped
                    }
                },
                Base::SubProcessable => match process_parent[e] {
                    Some(p) if process_parent[p].is_none() => Role::Step(p),
                    _ => Role::Process,
                },
                Base::Process => Role::Process,
                Base::Capability => Role::Capability,
                Base::Stakeholder => Role::Stakeholder,
                Base::BusinessObject => Role::BusinessObject,
                Base::DataObject => Role::Information,
                Base::Requirement => Role::Commitment,
                Base::Assessment => Role::Perception,
                Base::Value => Role::ValueItem,
                Base::Other => {
                    let kind = self.x.elements[e].kind.clone();
                    self.skip_element(e, &kind);
                    Role::Skipped
                }
            };
        }
        // A value is a value item of the stages it is associated with; without one it has no
        // place in the format.
        let mut placed = vec![false; n];
        for r in 0..self.x.relationships.len() {
            let Some((s, t)) = self.ends(r) else { continue };
            if self.x.relationships[r].kind == "Association" {
                for (v, other) in [(s, t), (t, s)] {
                    if self.role[v] == Role::ValueItem && matches!(self.role[other], Role::Stage(_))
                    {
                        placed[v] = true;
                    }
                }
            }
        }
        for (e, placed) in placed.into_iter().enumerate() {
            if self.role[e] == Role::ValueItem && !placed {
                self.skip_element(e, "Value (associated with no stage)");
                self.role[e] = Role::Skipped;
            }
        }
    }

    fn skip_element(&mut self, _e: usize, why: &str) {
        *self
            .summary
            .skipped_elements
            .entry(why.to_string())
            .or_default() += 1;
    }

    /// Pass 2: what each relationship means between the roles of its ends.
    fn relationships(&mut self) {
        for r in 0..self.x.relationships.len() {
            let rel = &self.x.relationships[r];
            let Some((s, t)) = self.ends(r) else {
                let why = format!("{} (to or from a relationship)", rel.kind);
                *self.summary.skipped_relationships.entry(why).or_default() += 1;
                continue;
            };
            let kind = rel.kind.as_str();
            let mut link = self.meaning(kind, s, t);
            if link.is_none() && kind == "Association" {
                // Associations are undirected unless the file says otherwise.
                link = self.meaning(kind, t, s);
            }
            let why = match link {
                Some((holder, field, target)) => match self.add_link(holder, field, target) {
                    Ok(()) => continue,
                    Err(why) => format!("{kind} ({why})"),
                },
                None => format!(
                    "{kind} ({} → {})",
                    self.x.elements[s].kind, self.x.elements[t].kind
                ),
            };
            *self.summary.skipped_relationships.entry(why).or_default() += 1;
        }
    }

    /// Adds a link, or says why not: a second value for a field that takes one, or a link
    /// another relationship already gave.
    fn add_link(
        &mut self,
        holder: usize,
        field: &'static str,
        target: usize,
    ) -> Result<(), String> {
        let links = &mut self.links[holder];
        if links.contains(&(field, target)) {
            return Err("repeating another relationship".into());
        }
        if SINGLE.contains(&field) && links.iter().any(|(f, _)| *f == field) {
            return Err(format!("a second `{field}`: the first one counts"));
        }
        links.push((field, target));
        Ok(())
    }

    /// The link a relationship `kind` from `s` to `t` gives: (holder, field, target).
    fn meaning(&self, kind: &str, s: usize, t: usize) -> Option<(usize, &'static str, usize)> {
        use Role::*;
        let (rs, rt) = (self.role[s], self.role[t]);
        let same_stream = |a: Role, b: Role| matches!((a, b), (Stage(x), Stage(y)) if x == y);
        Some(match (kind, rs, rt) {
            ("Composition" | "Aggregation", Stream, Stage(p)) if p == s => (s, key::STAGES, t),
            ("Composition", Process, Step(p)) if p == s => (s, key::STEPS, t),
            ("Flow" | "Triggering", Stage(_), Stage(_)) if same_stream(rs, rt) => (s, key::NEXT, t),
            ("Flow" | "Triggering", Step(a), Step(b)) if a == b => (s, key::NEXT, t),
            ("Composition" | "Aggregation", Capability, Capability) => (t, key::PARENT, s),
            ("Serving", Capability, Stage(_)) => (t, key::CAPABILITIES, s),
            ("Realization", Process, Stage(_)) => (t, key::PROCESSES, s),
            ("Realization", Process | Step(_), Capability) => (s, key::CAPABILITIES, t),
            ("Assignment", Stakeholder, Process | Step(_)) => (t, key::OWNER, s),
            ("Assignment" | "Association", Stakeholder, Stage(_)) => (t, key::STAKEHOLDERS, s),
            ("Assignment" | "Association", Stakeholder, Stream) => (t, key::TRIGGER, s),
            ("Assignment" | "Association", Stakeholder, Capability) => (t, key::OWNER, s),
            ("Access", Process | Step(_), Information) => (s, key::INFORMATION, t),
            ("Access" | "Association", Stage(_), Information) => (s, key::INFORMATION, t),
            ("Access" | "Association", Stage(_), BusinessObject) => (s, key::BUSINESS_OBJECTS, t),
            ("Realization" | "Association", Information, BusinessObject) => {
                (s, key::BUSINESS_OBJECT, t)
            }
            ("Association" | "Aggregation" | "Composition", BusinessObject, BusinessObject)
                if s != t =>
            {
                (s, key::RELATED, t)
            }
            ("Association", ValueItem, Stage(_)) => (t, key::VALUE_ITEMS, s),
            ("Association", ValueItem, Capability) => (s, key::CAPABILITIES, t),
            ("Realization" | "Association", Stakeholder, Commitment) => (t, key::OWNER, s),
            ("Association", Commitment, Stage(_)) => (s, key::STAGE, t),
            ("Association", Commitment, Perception) => (s, key::PERCEPTION, t),
            ("Aggregation" | "Composition", Commitment, Commitment) if s != t => (s, key::PARTS, t),
            ("Association", Perception, Stage(_)) => (s, key::STAGE, t),
            _ => return None,
        })
    }

    /// Pass 3a: ids, per kind in the order of the file (stages per stream): the `vsm_id`
    /// property when it is a free, valid id (so a model exported by `vsm` comes back with its
    /// own ids), else the slug of the name.
    fn assign_ids(&mut self) {
        let mut by_kind: HashMap<&'static str, Ids> = HashMap::new();
        let mut stage_ids: HashMap<usize, Ids> = HashMap::new();
        for e in 0..self.x.elements.len() {
            let element = &self.x.elements[e];
            let wanted = property(&element.properties, ID_PROPERTY);
            let name = element.name.as_deref().unwrap_or("");
            let (ids, fallback) = match self.role[e] {
                Role::Stage(stream) => (stage_ids.entry(stream).or_default(), "stage"),
                Role::Skipped | Role::ValueItem | Role::Step(_) => continue,
                role => {
                    let kind = section_of(role);
                    (by_kind.entry(kind).or_default(), fallback_of(role))
                }
            };
            self.ids[e] = ids.claim(wanted, name, fallback);
        }
    }

    /// The id other elements reference this one by (`stream/stage` for a stage).
    fn reference(&self, e: usize) -> String {
        match self.role[e] {
            Role::Stage(stream) => format!("{}/{}", self.ids[stream], self.ids[e]),
            _ => self.ids[e].clone(),
        }
    }

    fn linked(&self, e: usize, field: &str) -> Vec<usize> {
        self.links[e]
            .iter()
            .filter(|(f, _)| *f == field)
            .map(|&(_, t)| t)
            .collect()
    }

    fn linked_ids(&self, e: usize, field: &str) -> Vec<String> {
        self.linked(e, field)
            .iter()
            .map(|&t| self.ids[t].clone())
            .collect()
    }

    /// Pass 3b: the draft model.
    fn draft(&mut self) -> Draft {
        let mut draft = Draft::default();
        let x = self.x;
        let mut meta = Fields::default();
        meta.text(key::NAME, x.name.as_deref());
        meta.text(key::DESCRIPTION, x.documentation.as_deref());
        let model_props = Props::new(&x.properties);
        for field in [key::VERSION, key::OWNER] {
            if let Some(value) = model_props.first(field) {
                meta.set(field, Value::Text(value.to_string()));
            }
        }
        draft.meta = meta;
        let mut placeholder_trigger = false;
        for e in 0..x.elements.len() {
            let element = match self.role[e] {
                Role::Stakeholder => self.stakeholder(e),
                Role::Stream => {
                    let (element, placeholder) = self.stream(e);
                    placeholder_trigger |= placeholder;
                    element
                }
                Role::Capability => self.capability(e),
                Role::Process => self.process(e),
                Role::Information => self.information(e),
                Role::BusinessObject => self.business_object(e),
                Role::Commitment => self.commitment(e),
                Role::Perception => self.perception(e),
                Role::Stage(_) | Role::Step(_) | Role::ValueItem | Role::Skipped => continue,
            };
            match self.role[e] {
                Role::Stakeholder => draft.stakeholders.push(element),
                Role::Stream => draft.value_streams.push(element),
                Role::Capability => draft.capabilities.push(element),
                Role::Process => draft.processes.push(element),
                Role::Information => draft.information.push(element),
                Role::BusinessObject => draft.business_objects.push(element),
                Role::Commitment => draft.commitments.push(element),
                _ => draft.perceptions.push(element),
            }
        }
        if placeholder_trigger {
            let mut ids = Ids::default();
            for s in &draft.stakeholders {
                ids.take(&s.id);
            }
            let id = ids.claim(None, PLACEHOLDER_TRIGGER, "stakeholder");
            for stream in &mut draft.value_streams {
                for (k, v) in &mut stream.fields.0 {
                    if k == key::TRIGGER && *v == Value::Text(String::new()) {
                        *v = Value::Text(id.clone());
                    }
                }
            }
            let mut fields = Fields::default();
            fields.set(
                key::NAME,
                Value::Text("Triggering stakeholder (not in the exchange file)".into()),
            );
            fields.set(
                key::DESCRIPTION,
                Value::Text(
                    "Written by vsm import: the file names no stakeholder associated with these \
                     value streams. Replace it with the stakeholder whose need starts them."
                        .into(),
                ),
            );
            draft.stakeholders.push(Element {
                id: id.clone(),
                fields,
            });
            self.summary.notes.push(format!(
                "value streams with no stakeholder associated in the file have `trigger: {id}`, \
                 a stakeholder added to say so: name the real one"
            ));
        }
        draft
    }

    /// The fields every element has, in the format's order around the others: name first,
    /// then `rest`, then description, archimate_id and allow where the vocabulary puts them.
    fn element(&mut self, e: usize, order: &[&str], mut rest: Fields) -> Element {
        let x = &self.x.elements[e];
        let name = match &x.name {
            Some(name) => name.clone(),
            None => {
                self.summary.notes.push(format!(
                    "the {} `{}` has no name: named after its identifier",
                    x.kind,
                    crate::text::escaped(&x.identifier)
                ));
                x.identifier.clone()
            }
        };
        rest.set(key::NAME, Value::Text(name));
        rest.text(key::DESCRIPTION, x.documentation.as_deref());
        rest.set(key::ARCHIMATE_ID, Value::Text(x.identifier.clone()));
        let props = Props::new(&x.properties);
        let allow = props.all(key::ALLOW);
        rest.texts(key::ALLOW, &allow);
        Element {
            id: self.ids[e].clone(),
            fields: ordered(rest, order),
        }
    }

    /// Properties of element `e` read as fields of `element` (its vocabulary word for the
    /// schema's types); every property with no meaning is counted in the summary.
    fn properties(&mut self, e: usize, role: Role, fields: &mut Fields) {
        let x = &self.x.elements[e];
        for property in &x.properties {
            let name = normalized(&property.name);
            let Some((field, kind)) = property_field(role, &name) else {
                if !matches!(name.as_str(), ID_PROPERTY | key::ALLOW) {
                    *self
                        .summary
                        .skipped_properties
                        .entry(property.name.clone())
                        .or_default() += 1;
                }
                continue;
            };
            let value = property.value.trim();
            let parsed = match kind {
                PropertyKind::Text => Ok(Value::Text(value.to_string())),
                PropertyKind::Texts => {
                    // Repeated properties make a list, in their order.
                    let item = Value::Text(value.to_string());
                    match fields.0.iter_mut().find(|(k, _)| k == field) {
                        Some((_, Value::List(items))) => items.push(item),
                        _ => fields.set(field, Value::List(vec![item])),
                    }
                    continue;
                }
                PropertyKind::Integer(range) => value
                    .parse::<i64>()
                    .ok()
                    .filter(|n| range.contains(n))
                    .map(Value::Int)
                    .ok_or_else(|| {
                        format!(
                            "not a whole number from {} to {}",
                            range.start(),
                            range.end()
                        )
                    }),
                PropertyKind::Number(range) => value
                    .parse::<f64>()
                    .ok()
                    .filter(|n| n.is_finite() && range.contains(n))
                    .map(Value::Number)
                    .ok_or_else(|| {
                        format!("not a number from {} to {}", range.start(), range.end())
                    }),
                PropertyKind::Word(words) => words
                    .iter()
                    .find(|w| w.eq_ignore_ascii_case(value))
                    .map(|w| Value::Text(w.to_string()))
                    .ok_or_else(|| format!("not one of {}", words.join(", "))),
                PropertyKind::Bool => match value.to_ascii_lowercase().as_str() {
                    "true" | "yes" => Ok(Value::Bool(true)),
                    "false" | "no" => Ok(Value::Bool(false)),
                    _ => Err("not true or false".to_string()),
                },
                PropertyKind::Duration => crate::units::parse_duration(value)
                    .map(|_| Value::Text(value.to_string()))
                    .map_err(|e| format!("not a duration ({e})")),
                PropertyKind::Target => crate::units::parse_target(value)
                    .map(|_| Value::Text(value.to_string()))
                    .map_err(|e| format!("not a target ({e})")),
                PropertyKind::Stakeholder => match self.stakeholder_named(value) {
                    Some(id) => Ok(Value::Text(id)),
                    None => Err("names no stakeholder of the file".to_string()),
                },
            };
            match parsed {
                Ok(v) if fields.get(field).is_none() => fields.set(field, v),
                Ok(_) => {}
                Err(why) => self.summary.notes.push(format!(
                    "{} `{}`: the property `{}` = \"{}\" is not imported: {why}",
                    x.kind,
                    crate::text::escaped(x.name.as_deref().unwrap_or(&x.identifier)),
                    crate::text::escaped(&property.name),
                    crate::text::escaped(value)
                )),
            }
        }
    }

    /// The stakeholder a property names: by its id, its exchange identifier, or its name.
    fn stakeholder_named(&self, value: &str) -> Option<String> {
        let stakeholders =
            || (0..self.x.elements.len()).filter(|&e| self.role[e] == Role::Stakeholder);
        stakeholders()
            .find(|&e| self.ids[e] == value || self.x.elements[e].identifier == value)
            .or_else(|| {
                let named: Vec<usize> = stakeholders()
                    .filter(|&e| self.x.elements[e].name.as_deref().map(str::trim) == Some(value))
                    .collect();
                (named.len() == 1).then(|| named[0])
            })
            .map(|e| self.ids[e].clone())
    }

    fn stakeholder(&mut self, e: usize) -> Element {
        let mut fields = Fields::default();
        self.properties(e, Role::Stakeholder, &mut fields);
        self.element(e, vocab::STAKEHOLDER_FIELDS, fields)
    }

    /// A value stream with its stages; true when it had no trigger (a placeholder is named).
    fn stream(&mut self, e: usize) -> (Element, bool) {
        let mut fields = Fields::default();
        let trigger = self.linked_ids(e, key::TRIGGER);
        let placeholder = trigger.is_empty();
        fields.set(
            key::TRIGGER,
            Value::Text(trigger.into_iter().next().unwrap_or_default()),
        );
        self.properties(e, Role::Stream, &mut fields);
        let members = self.linked(e, key::STAGES);
        let flow: Vec<(usize, usize)> = members
            .iter()
            .flat_map(|&m| self.linked(m, key::NEXT).into_iter().map(move |t| (m, t)))
            .collect();
        let order = flow_order(&members, &flow);
        let mut stages = Vec::new();
        for (i, &stage) in order.iter().enumerate() {
            let following = order.get(i + 1).copied();
            stages.push((
                self.ids[stage].clone(),
                Value::Map(self.stage(stage, following).0),
            ));
        }
        fields.set(key::STAGES, Value::Map(stages));
        (
            self.element(e, vocab::VALUE_STREAM_FIELDS, fields),
            placeholder,
        )
    }

    fn stage(&mut self, e: usize, following: Option<usize>) -> Fields {
        let mut fields = Fields::default();
        fields.texts(key::STAKEHOLDERS, &self.linked_ids(e, key::STAKEHOLDERS));
        let items: Vec<Value> = self
            .linked(e, key::VALUE_ITEMS)
            .into_iter()
            .map(|v| Value::Map(self.value_item(v).0))
            .collect();
        if !items.is_empty() {
            fields.set(key::VALUE_ITEMS, Value::List(items));
        }
        for field in [
            key::CAPABILITIES,
            key::PROCESSES,
            key::INFORMATION,
            key::BUSINESS_OBJECTS,
        ] {
            fields.texts(field, &self.linked_ids(e, field));
        }
        let next = self.linked(e, key::NEXT);
        // `next` only where the flow is not simply the stage written after.
        let implicit: Vec<usize> = following.into_iter().collect();
        if next != implicit {
            let ids: Vec<Value> = next
                .iter()
                .map(|&t| Value::Text(self.ids[t].clone()))
                .collect();
            fields.set(key::NEXT, Value::List(ids));
        }
        self.properties(e, Role::Stage(0), &mut fields);
        self.element(e, vocab::STAGE_FIELDS, fields).fields
    }

    fn value_item(&mut self, e: usize) -> Fields {
        let mut fields = Fields::default();
        fields.texts(key::CAPABILITIES, &self.linked_ids(e, key::CAPABILITIES));
        self.properties(e, Role::ValueItem, &mut fields);
        let mut element = self.element(e, vocab::VALUE_ITEM_FIELDS, fields);
        element.fields.0.retain(|(k, _)| k != key::ALLOW);
        element.fields
    }

    fn capability(&mut self, e: usize) -> Element {
        let mut fields = Fields::default();
        if let Some(parent) = self.linked_ids(e, key::PARENT).into_iter().next() {
            fields.set(key::PARENT, Value::Text(parent));
        }
        if let Some(owner) = self.linked_ids(e, key::OWNER).into_iter().next() {
            fields.set(key::OWNER, Value::Text(owner));
        }
        self.properties(e, Role::Capability, &mut fields);
        self.element(e, vocab::CAPABILITY_FIELDS, fields)
    }

    fn process(&mut self, e: usize) -> Element {
        let mut fields = Fields::default();
        if let Some(owner) = self.linked_ids(e, key::OWNER).into_iter().next() {
            fields.set(key::OWNER, Value::Text(owner));
        }
        fields.texts(key::CAPABILITIES, &self.linked_ids(e, key::CAPABILITIES));
        fields.texts(key::INFORMATION, &self.linked_ids(e, key::INFORMATION));
        let members = self.linked(e, key::STEPS);
        let flow: Vec<(usize, usize)> = members
            .iter()
            .flat_map(|&m| self.linked(m, key::NEXT).into_iter().map(move |t| (m, t)))
            .collect();
        let steps: Vec<Value> = flow_order(&members, &flow)
            .into_iter()
            .map(|step| {
                let mut fields = Fields::default();
                if let Some(owner) = self.linked_ids(step, key::OWNER).into_iter().next() {
                    fields.set(key::OWNER, Value::Text(owner));
                }
                fields.texts(key::CAPABILITIES, &self.linked_ids(step, key::CAPABILITIES));
                fields.texts(key::INFORMATION, &self.linked_ids(step, key::INFORMATION));
                self.properties(step, Role::Step(0), &mut fields);
                let mut element = self.element(step, vocab::STEP_FIELDS, fields);
                // A step has no description or allow of its own in the format.
                element
                    .fields
                    .0
                    .retain(|(k, _)| k != key::DESCRIPTION && k != key::ALLOW);
                Value::Map(element.fields.0)
            })
            .collect();
        if !steps.is_empty() {
            fields.set(key::STEPS, Value::List(steps));
        }
        self.properties(e, Role::Process, &mut fields);
        self.element(e, vocab::PROCESS_FIELDS, fields)
    }

    fn information(&mut self, e: usize) -> Element {
        let mut fields = Fields::default();
        if let Some(object) = self.linked_ids(e, key::BUSINESS_OBJECT).into_iter().next() {
            fields.set(key::BUSINESS_OBJECT, Value::Text(object));
        }
        self.properties(e, Role::Information, &mut fields);
        self.element(e, vocab::INFORMATION_FIELDS, fields)
    }

    fn business_object(&mut self, e: usize) -> Element {
        let mut fields = Fields::default();
        fields.texts(key::RELATED, &self.linked_ids(e, key::RELATED));
        self.properties(e, Role::BusinessObject, &mut fields);
        self.element(e, vocab::BUSINESS_OBJECT_FIELDS, fields)
    }

    fn commitment(&mut self, e: usize) -> Element {
        let mut fields = Fields::default();
        for field in [key::OWNER, key::STAGE, key::PERCEPTION] {
            if let Some(&t) = self.linked(e, field).first() {
                fields.set(field, Value::Text(self.reference(t)));
            }
        }
        fields.texts(key::PARTS, &self.linked_ids(e, key::PARTS));
        self.properties(e, Role::Commitment, &mut fields);
        self.element(e, vocab::COMMITMENT_FIELDS, fields)
    }

    fn perception(&mut self, e: usize) -> Element {
        let mut fields = Fields::default();
        if let Some(&t) = self.linked(e, key::STAGE).first() {
            fields.set(key::STAGE, Value::Text(self.reference(t)));
        }
        self.properties(e, Role::Perception, &mut fields);
        self.element(e, vocab::PERCEPTION_FIELDS, fields)
    }

    /// The summary's counts of what came in.
    fn count(&mut self, draft: &Draft) {
        let stages = self
            .role
            .iter()
            .filter(|r| matches!(r, Role::Stage(_)))
            .count();
        let steps = self
            .role
            .iter()
            .filter(|r| matches!(r, Role::Step(_)))
            .count();
        let values = self.role.iter().filter(|r| **r == Role::ValueItem).count();
        let imported: [(&'static str, &'static str, usize); 11] = [
            ("stakeholder", "stakeholders", draft.stakeholders.len()),
            ("value stream", "value streams", draft.value_streams.len()),
            ("stage", "stages", stages),
            ("value item", "value items", values),
            ("capability", "capabilities", draft.capabilities.len()),
            ("process", "processes", draft.processes.len()),
            ("step", "steps", steps),
            ("information", "information", draft.information.len()),
            (
                "business object",
                "business objects",
                draft.business_objects.len(),
            ),
            ("commitment", "commitments", draft.commitments.len()),
            (
                "perception point",
                "perception points",
                draft.perceptions.len(),
            ),
        ];
        self.summary.imported = imported.to_vec();
    }
}

/// The name of the stakeholder an import adds when a stream has no trigger in the file.
const PLACEHOLDER_TRIGGER: &str = "trigger-to-name";

fn section_of(role: Role) -> &'static str {
    match role {
        Role::Stakeholder => key::STAKEHOLDERS,
        Role::Stream => key::VALUE_STREAMS,
        Role::Capability => key::CAPABILITIES,
        Role::Process => key::PROCESSES,
        Role::Information => key::INFORMATION,
        Role::BusinessObject => key::BUSINESS_OBJECTS,
        Role::Commitment => key::COMMITMENTS,
        Role::Perception => key::PERCEPTIONS,
        _ => "",
    }
}

fn fallback_of(role: Role) -> &'static str {
    match role {
        Role::Stakeholder => "stakeholder",
        Role::Stream => "value-stream",
        Role::Capability => "capability",
        Role::Process => "process",
        Role::Information => "information",
        Role::BusinessObject => "business-object",
        Role::Commitment => "commitment",
        Role::Perception => "perception",
        _ => "element",
    }
}

/// The fields in the order of the vocabulary's list for the kind (the order people read and
/// the schema lists), any others after them.
fn ordered(fields: Fields, order: &[&str]) -> Fields {
    let mut out = Fields::default();
    for field in order {
        if let Some((k, v)) = fields.0.iter().find(|(k, _)| k == field) {
            out.0.push((k.clone(), v.clone()));
        }
    }
    for (k, v) in fields.0 {
        if !order.contains(&k.as_str()) {
            out.0.push((k, v));
        }
    }
    out
}

/// The order of a stream's stages (or a process's steps): the flow's order, where the flow
/// leaves a choice the order of the file; a loop is entered at its first member in the file.
pub(super) fn flow_order(members: &[usize], flow: &[(usize, usize)]) -> Vec<usize> {
    let position: HashMap<usize, usize> =
        members.iter().enumerate().map(|(i, &m)| (m, i)).collect();
    let mut incoming = vec![0usize; members.len()];
    let mut successors: Vec<Vec<usize>> = vec![Vec::new(); members.len()];
    for &(a, b) in flow {
        if let (Some(&i), Some(&j)) = (position.get(&a), position.get(&b)) {
            if i != j {
                successors[i].push(j);
                incoming[j] += 1;
            }
        }
    }
    let mut done = vec![false; members.len()];
    let mut order = Vec::with_capacity(members.len());
    while order.len() < members.len() {
        // The first member in file order with nothing left before it; in a loop, the first
        // member not yet placed.
        let next = (0..members.len())
            .find(|&i| !done[i] && incoming[i] == 0)
            .or_else(|| (0..members.len()).find(|&i| !done[i]));
        let Some(i) = next else { break };
        done[i] = true;
        order.push(members[i]);
        for &j in &successors[i] {
            incoming[j] = incoming[j].saturating_sub(1);
        }
    }
    order
}

/// A property name as compared: lower case, `_` for spaces and hyphens.
fn normalized(name: &str) -> String {
    name.trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// The value of the first property named `name` (compared normalized).
fn property<'p>(properties: &'p [Property], name: &str) -> Option<&'p str> {
    properties
        .iter()
        .find(|p| normalized(&p.name) == name)
        .map(|p| p.value.trim())
        .filter(|v| !v.is_empty())
}

/// The properties of one element, by normalized name.
struct Props<'p>(&'p [Property]);

impl<'p> Props<'p> {
    fn new(properties: &'p [Property]) -> Self {
        Props(properties)
    }

    fn first(&self, name: &str) -> Option<&'p str> {
        property(self.0, name)
    }

    fn all(&self, name: &str) -> Vec<&'p str> {
        self.0
            .iter()
            .filter(|p| normalized(&p.name) == name)
            .map(|p| p.value.trim())
            .filter(|v| !v.is_empty())
            .collect()
    }
}

/// How a property's value is read.
#[derive(Clone, Debug)]
enum PropertyKind {
    Text,
    /// Each property of the name is one item of a list.
    Texts,
    Integer(std::ops::RangeInclusive<i64>),
    Number(std::ops::RangeInclusive<f64>),
    Word(Vec<&'static str>),
    Bool,
    Duration,
    Target,
    /// A stakeholder by id, exchange identifier or name.
    Stakeholder,
}

/// The field a property of an element with `role` fills, and how its value is read. Names are
/// the format's field names, normalized, with the aliases docs/interop.md lists.
fn property_field(role: Role, name: &str) -> Option<(&'static str, PropertyKind)> {
    use PropertyKind as P;
    use Role::*;
    Some(match (role, name) {
        (Stakeholder, "type" | "stakeholder_type") => (
            key::TYPE,
            P::Word(vocab::value_names(vocab::STAKEHOLDER_TYPE_VALUES)),
        ),
        (Stream, "value_proposition") => (key::VALUE_PROPOSITION, P::Text),
        (Stream, "segment" | "customer_segment") => (key::SEGMENT, P::Text),
        (Stage(_), "entry_condition" | "entry_conditions") => (key::ENTRY_CONDITIONS, P::Texts),
        (Stage(_), "exit_condition" | "exit_conditions") => (key::EXIT_CONDITIONS, P::Texts),
        (Stage(_), "process_time") => (key::PROCESS_TIME, P::Duration),
        (Stage(_), "wait_time") => (key::WAIT_TIME, P::Duration),
        (ValueItem, "measure") => (key::MEASURE, P::Text),
        (Capability, "level") => (key::LEVEL, P::Integer(vocab::LEVELS)),
        (Capability, "maturity") => (key::MATURITY, P::Integer(vocab::MATURITY_SCALE)),
        (Capability, "target_maturity" | "target") => {
            (key::TARGET_MATURITY, P::Integer(vocab::MATURITY_SCALE))
        }
        (Capability, "importance") => (
            key::IMPORTANCE,
            P::Word(vocab::value_names(vocab::IMPORTANCE_VALUES)),
        ),
        (Capability, "enablement") => (
            key::ENABLEMENT,
            P::Word(vocab::value_names(vocab::ENABLEMENT_VALUES)),
        ),
        (Capability | Process | Step(_) | Commitment, "owner") => (key::OWNER, P::Stakeholder),
        (Step(_), "automated") => (key::AUTOMATED, P::Bool),
        (BusinessObject, "attribute" | "attributes") => (key::ATTRIBUTES, P::Texts),
        (Commitment, "target") => (key::TARGET, P::Target),
        (Commitment, "composition") => (
            key::COMPOSITION,
            P::Word(vocab::value_names(vocab::COMPOSITION_VALUES)),
        ),
        (Perception, "channel") => (key::CHANNEL, P::Text),
        (Perception, "importance") => (
            key::IMPORTANCE,
            P::Integer(vocab::PERCEIVED_IMPORTANCE_SCALE),
        ),
        (Perception, "current") => (key::CURRENT, P::Number(vocab::SCORE_SCALE)),
        (Perception, "expected") => (key::EXPECTED, P::Number(vocab::SCORE_SCALE)),
        (Perception, "focus") => (key::FOCUS, P::Bool),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flow_order_follows_the_flow_and_the_file_where_it_leaves_a_choice() {
        // File order a b c d; flow c → a → b, d free: c first, then a, b; d after in file order.
        assert_eq!(flow_order(&[1, 2, 3, 4], &[(3, 1), (1, 2)]), [3, 1, 2, 4]);
        // A loop a → b → a is entered at a.
        assert_eq!(flow_order(&[1, 2], &[(1, 2), (2, 1)]), [1, 2]);
        // No flow: the file's order.
        assert_eq!(flow_order(&[5, 4, 6], &[]), [5, 4, 6]);
    }

    #[test]
    fn property_names_are_compared_loosely() {
        assert_eq!(normalized(" Target Maturity "), "target_maturity");
        assert_eq!(normalized("process-time"), "process_time");
        assert!(property_field(Role::Capability, "target").is_some());
        assert!(property_field(Role::Stakeholder, "maturity").is_none());
    }
}
