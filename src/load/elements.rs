//! Element readers: the sections of a document and the fields of each kind of element, each
//! field read by a scalar reader (`scalars.rs`). Keys are matched against the
//! [`vocabulary`](crate::vocabulary); any other key is reported with the kind's field list.

use super::convert::{AnyElement, Converted, Converter, Early, Element, Entry, FileModel};
use super::scalars::{nfc, nfc_str};
use crate::diag::{self, shown};
use crate::model::*;
use crate::says;
use crate::source::FileId;
use crate::vocabulary::{
    key, BUSINESS_OBJECT_FIELDS, CAPABILITY_FIELDS, COMMITMENT_FIELDS, COMPOSITION_VALUES,
    ENABLEMENT_VALUES, IMPORTANCE_VALUES, INFORMATION_FIELDS, LEVELS, MATURITY_SCALE, MODEL_FIELDS,
    PERCEIVED_IMPORTANCE_SCALE, PERCEPTION_FIELDS, PROCESS_FIELDS, SCORE_SCALE, SECTIONS,
    STAGE_FIELDS, STAKEHOLDER_FIELDS, STAKEHOLDER_TYPE_VALUES, STEP_FIELDS, VALUE_ITEM_FIELDS,
    VALUE_STREAM_FIELDS,
};
use crate::yaml::{self, Document, NodeId, NodeKind, Scalar};
use indexmap::IndexMap;

/// Converts each element of a file as soon as the parser has read it, so that the file's
/// tree never holds more than about one element: a 150 MB file of a million small stages
/// held a 1 GB tree beside its model (see `docs/performance.md`).
///
/// An element is converted early exactly as its section will read it: same id, same element
/// path, same findings. The findings wait with the element, and the section's reading takes
/// both where it would have converted the element, so the output cannot change: an element
/// the section skips (its key written twice, say) is dropped with its findings, as if it had
/// never been read. The parser only offers self-contained elements (no anchor, no alias);
/// the others stay in the tree and are converted as before.
pub struct ElementTaker {
    file: FileId,
    early: Early,
}

impl ElementTaker {
    pub fn new(file: FileId) -> Self {
        ElementTaker {
            file,
            early: Early::default(),
        }
    }

    /// The elements converted so far, for `convert_with_early`.
    pub fn into_early(self) -> Early {
        self.early
    }
}

impl yaml::Take for ElementTaker {
    /// Elements of a section (`stakeholders.x`), and stages (`value_streams.s.stages.x`).
    fn offers(&self, depth: usize) -> bool {
        depth == 2 || depth == 4
    }

    fn take(&mut self, doc: &Document, keys: &[NodeId], value: NodeId) -> Option<u32> {
        // Keys as `entries` reads them; a merge key `<<` is no entry.
        let texts: Vec<&str> = keys
            .iter()
            .map(|&k| doc.scalar_text(k).filter(|&t| t != "<<"))
            .collect::<Option<_>>()?;
        let section = texts[0];
        let stage = match texts.len() {
            2 => false,
            4 if section == key::VALUE_STREAMS && texts[2] == key::STAGES => true,
            _ => return None,
        };
        // The element path the section's reading would have: ids in NFC.
        let mut path = section.to_string();
        for (level, text) in texts.iter().enumerate().skip(1) {
            path.push('.');
            if level % 2 == 1 {
                path.push_str(&nfc(text));
            } else {
                path.push_str(text);
            }
        }
        let id_key = keys[keys.len() - 1];
        let mut findings = Vec::new();
        let mut conv = Converter::new(doc, self.file, &mut findings, path, &mut self.early);
        let id = Text::new(nfc_str(texts[texts.len() - 1]), conv.loc(id_key));
        let element = conv.early_element(section, stage, id, value)?;
        Some(self.early.put(Converted { element, findings }))
    }
}

impl<'a> Converter<'a> {
    /// Reads the sections of one document into `out`.
    pub(super) fn document(&mut self, out: &mut FileModel) {
        let Some(root) = self.root_mapping() else {
            return;
        };
        for (key_node, key, value) in self.entries(root) {
            let len = self.enter(key);
            match key {
                key::MODEL => self.meta(key_node, value, out),
                key::STAKEHOLDERS => {
                    self.section(value, key, &mut out.model.stakeholders, Self::stakeholder);
                }
                key::VALUE_STREAMS => {
                    self.section(value, key, &mut out.model.value_streams, Self::value_stream);
                }
                key::CAPABILITIES => {
                    self.section(value, key, &mut out.model.capabilities, Self::capability);
                }
                key::PROCESSES => {
                    self.section(value, key, &mut out.model.processes, Self::process);
                }
                key::INFORMATION => {
                    self.section(value, key, &mut out.model.information, Self::information);
                }
                key::BUSINESS_OBJECTS => {
                    self.section(
                        value,
                        key,
                        &mut out.model.business_objects,
                        Self::business_object,
                    );
                }
                key::COMMITMENTS => {
                    self.section(value, key, &mut out.model.commitments, Self::commitment);
                }
                key::PERCEPTIONS => {
                    self.section(value, key, &mut out.model.perceptions, Self::perception);
                }
                _ => {
                    self.leave(len);
                    self.unknown_field(key_node, key, SECTIONS, "section");
                    continue;
                }
            }
            self.leave(len);
        }
    }

    /// A mapping of id → element (a section, or a stream's `stages`); each element converted
    /// by `convert`. False when it is written but is no mapping: its elements are not read.
    fn section<T: Element>(
        &mut self,
        value: NodeId,
        field: &str,
        target: &mut IndexMap<Str, T>,
        convert: fn(&mut Self, Text, NodeId) -> Option<T>,
    ) -> bool {
        let doc = self.doc;
        match doc.kind(doc.deref(value)) {
            NodeKind::Map(_) => {}
            NodeKind::Scalar { .. } if doc.scalar(value) == Some(Scalar::Null) => return true,
            _ => {
                let found = doc.describe(value);
                let id = self.first_list_id(value).unwrap_or("my-id");
                let help = says!(
                    "section-not-a-mapping-help",
                    field = field,
                    id = shown(id),
                    name = key::NAME
                );
                self.unreadable(
                    value,
                    "",
                    says!(
                        "section-not-a-mapping",
                        field = field,
                        found = diag::found_word(found)
                    ),
                    help,
                );
                return false;
            }
        }
        let entries = self.entries(value);
        // One allocation at the final size (a map grown by doubling keeps up to half its
        // room empty: 10 stages took the room of 16).
        target.reserve_exact(entries.len());
        for (n, &(key_node, key, element)) in entries.iter().enumerate() {
            let id = Text::new(nfc_str(key), self.loc(key_node));
            self.check_id(&id);
            if id.value != key || target.contains_key(&id.value) {
                // `entries` dropped keys written twice; two ways of writing one id in NFC
                // are caught here.
                if let Some(&(first, ..)) = entries[..n]
                    .iter()
                    .find(|e| super::scalars::nfc(e.1) == id.value)
                {
                    let len = self.enter(&id.value);
                    let path = self.path.clone();
                    self.leave(len);
                    let first_loc = self.loc(first);
                    self.written_twice(
                        id.loc,
                        first_loc,
                        says!("id-written-twice-nfc", id = shown(&id.value)),
                        says!("id-written-twice-nfc-help"),
                        path,
                    );
                    continue;
                }
            }
            let len = self.enter(&id.value);
            let converted = match self.converted_early(element) {
                Some(early) => early,
                None => convert(self, id.clone(), element),
            };
            if let Some(converted) = converted {
                target.insert(id.value, converted);
            }
            self.leave(len);
        }
        true
    }

    /// Converts the element `node` of the section `section` (a stage of a stream when
    /// `stage`) as [`Self::section`] would; `None` when `section` holds no elements.
    pub(super) fn early_element(
        &mut self,
        section: &str,
        stage: bool,
        id: Text,
        node: NodeId,
    ) -> Option<Option<AnyElement>> {
        fn any<T: Element>(element: Option<T>) -> Option<AnyElement> {
            element.map(T::into_any)
        }
        Some(match section {
            _ if stage => any(self.stage(id, node)),
            key::STAKEHOLDERS => any(self.stakeholder(id, node)),
            key::VALUE_STREAMS => any(self.value_stream(id, node)),
            key::CAPABILITIES => any(self.capability(id, node)),
            key::PROCESSES => any(self.process(id, node)),
            key::INFORMATION => any(self.information(id, node)),
            key::BUSINESS_OBJECTS => any(self.business_object(id, node)),
            key::COMMITMENTS => any(self.commitment(id, node)),
            key::PERCEPTIONS => any(self.perception(id, node)),
            _ => return None,
        })
    }

    /// The id a user most likely meant for the first entry of a list written where a mapping
    /// keyed by id belongs: `- customer: {...}` gives `customer`, `- {id: customer}` too.
    fn first_list_id(&self, node: NodeId) -> Option<&'a str> {
        let doc = self.doc;
        let NodeKind::Seq(items) = doc.kind(doc.deref(node)) else {
            return None;
        };
        let first = doc.deref(*items.first()?);
        // `- customer:` then its fields, indented as the first key's or under it.
        let keyed_by_id = |pairs: &[(NodeId, NodeId)]| {
            pairs.len() == 1
                || matches!(doc.kind(doc.deref(pairs[0].1)), NodeKind::Map(_))
                || doc.scalar(pairs[0].1) == Some(Scalar::Null)
        };
        match doc.kind(first) {
            NodeKind::Map(pairs) if keyed_by_id(pairs) => doc.scalar_text(pairs[0].0),
            NodeKind::Map(pairs) => pairs
                .iter()
                .find(|(k, _)| doc.scalar_text(*k) == Some("id"))
                .and_then(|(_, v)| doc.scalar_text(*v)),
            _ => doc.scalar_text(first),
        }
        .filter(|id| !id.is_empty())
    }

    /// Reports a non-mapping (null counts as an empty mapping); true when it is a mapping.
    fn expect_map(&mut self, node: NodeId, field: &str, what: &str) -> bool {
        match self.doc.kind(self.doc.deref(node)) {
            NodeKind::Map(_) => true,
            NodeKind::Scalar { .. } if self.doc.scalar(node) == Some(Scalar::Null) => false,
            _ => {
                let found = self.doc.describe(node);
                self.invalid(node, field, format!("expected {what}, found {found}"), None);
                false
            }
        }
    }

    /// Element bodies: a mapping, or null (an element with no fields yet).
    fn element_entries(&mut self, node: NodeId, kind: Kind) -> Vec<Entry<'a>> {
        let doc = self.doc;
        match doc.kind(doc.deref(node)) {
            NodeKind::Map(_) => self.entries(node),
            NodeKind::Scalar { .. } if doc.scalar(node) == Some(Scalar::Null) => Vec::new(),
            _ => {
                let found = doc.describe(node);
                let help = doc
                    .scalar_text(node)
                    .map(|text| says!("fields-as-a-mapping-help", name = shown(text)).into());
                self.invalid(
                    node,
                    "",
                    says!(
                        "fields-as-a-mapping",
                        kind = diag::kind_with_article(kind),
                        found = diag::found_word(found)
                    ),
                    help,
                );
                Vec::new()
            }
        }
    }

    fn require_name(&mut self, common: &Common, kind: Kind) {
        if common.name.is_none() {
            self.missing_field(
                common.id.loc,
                says!(
                    "element-has-no-field",
                    kind = diag::kind_word(kind),
                    id = shown(&common.id.value),
                    field = key::NAME
                ),
                says!("missing-name-help", field = key::NAME),
            );
        }
    }

    /// Fields every element shares; false when `key` is not one of them.
    fn common_field(&mut self, common: &mut Common, key: &str, value: NodeId) -> bool {
        match key {
            key::NAME => common.name = self.text(value, key),
            key::DESCRIPTION => common.description = self.text(value, key).map(Box::new),
            key::ALLOW => common.allow = self.refs(value, key),
            key::ARCHIMATE_ID => common.archimate_id = self.text(value, key).map(Box::new),
            _ => return false,
        }
        true
    }

    fn meta(&mut self, key_node: NodeId, value: NodeId, out: &mut FileModel) {
        let key_loc = self.loc(key_node);
        if let Some(previous) = out.meta_loc {
            self.written_twice(
                key_loc,
                previous,
                says!("model-section-twice", section = key::MODEL),
                says!("model-section-twice-help", section = key::MODEL),
                key::MODEL.to_string(),
            );
            return;
        }
        out.meta_loc = Some(key_loc);
        let mut meta = ModelMeta {
            loc: Some(key_loc),
            ..ModelMeta::default()
        };
        let what = format!("a mapping with {}", MODEL_FIELDS.join(", "));
        if self.expect_map(value, "", &what) {
            for (k, key, v) in self.entries(value) {
                match key {
                    key::NAME => meta.name = self.text(v, key),
                    key::DESCRIPTION => meta.description = self.text(v, key),
                    key::VERSION => meta.version = self.text(v, key),
                    key::OWNER => meta.owner = self.text(v, key),
                    _ => self.unknown_field(k, key, MODEL_FIELDS, "field"),
                }
            }
        }
        out.model.meta = Some(meta);
    }

    fn stakeholder(&mut self, id: Text, node: NodeId) -> Option<Stakeholder> {
        let mut element = Stakeholder {
            common: Common::new(id),
            kind: None,
        };
        for (k, key, v) in self.element_entries(node, Kind::Stakeholder) {
            if self.common_field(&mut element.common, key, v) {
                continue;
            }
            match key {
                key::TYPE => element.kind = self.enumeration(v, key, STAKEHOLDER_TYPE_VALUES),
                _ => self.unknown_field(k, key, STAKEHOLDER_FIELDS, "field"),
            }
        }
        self.require_name(&element.common, Kind::Stakeholder);
        Some(element)
    }

    fn value_stream(&mut self, id: Text, node: NodeId) -> Option<ValueStream> {
        let mut stream = ValueStream {
            common: Common::new(id),
            trigger: None,
            value_proposition: None,
            segment: None,
            stages: IndexMap::new(),
            stages_key: None,
            stages_unreadable: false,
        };
        for (k, key, v) in self.element_entries(node, Kind::ValueStream) {
            if self.common_field(&mut stream.common, key, v) {
                continue;
            }
            match key {
                key::TRIGGER => stream.trigger = self.reference_field(v, key),
                key::VALUE_PROPOSITION => stream.value_proposition = self.text(v, key),
                key::SEGMENT => stream.segment = self.text(v, key),
                key::STAGES => {
                    stream.stages_key = Some(self.loc(k));
                    let len = self.enter(key::STAGES);
                    stream.stages_unreadable =
                        !self.section(v, key, &mut stream.stages, Self::stage);
                    self.leave(len);
                }
                _ => self.unknown_field(k, key, VALUE_STREAM_FIELDS, "field"),
            }
        }
        self.require_name(&stream.common, Kind::ValueStream);
        if stream.trigger.is_none() {
            self.missing_field(
                stream.common.id.loc,
                says!(
                    "element-has-no-field",
                    kind = diag::kind_word(Kind::ValueStream),
                    id = shown(&stream.common.id.value),
                    field = key::TRIGGER
                ),
                says!("missing-trigger-help", field = key::TRIGGER),
            );
        }
        Some(stream)
    }

    fn stage(&mut self, id: Text, node: NodeId) -> Option<Stage> {
        let mut stage = Stage {
            common: Common::new(id),
            stakeholders: List::default(),
            entry_conditions: List::default(),
            exit_conditions: List::default(),
            value_items: List::default(),
            value_items_unreadable: false,
            capabilities: List::default(),
            processes: List::default(),
            information: List::default(),
            business_objects: List::default(),
            next: None,
            process_time: None,
            wait_time: None,
        };
        for (k, key, v) in self.element_entries(node, Kind::Stage) {
            if self.common_field(&mut stage.common, key, v) {
                continue;
            }
            match key {
                key::STAKEHOLDERS => stage.stakeholders = self.refs(v, key),
                key::ENTRY_CONDITIONS => stage.entry_conditions = self.texts(v, key),
                key::EXIT_CONDITIONS => stage.exit_conditions = self.texts(v, key),
                key::VALUE_ITEMS
                    if matches!(self.doc.kind(self.doc.deref(v)), NodeKind::Map(_)) =>
                {
                    self.value_items_mapping(v);
                    stage.value_items_unreadable = true;
                }
                key::VALUE_ITEMS => {
                    let len = self.enter(key);
                    stage.value_items = self.list(v, key, Self::value_item);
                    self.leave(len);
                }
                key::CAPABILITIES => stage.capabilities = self.refs(v, key),
                key::PROCESSES => stage.processes = self.refs(v, key),
                key::INFORMATION => stage.information = self.refs(v, key),
                key::BUSINESS_OBJECTS => stage.business_objects = self.refs(v, key),
                key::NEXT => stage.next = Some(self.refs(v, key)),
                key::PROCESS_TIME => stage.process_time = self.duration(v, key),
                key::WAIT_TIME => stage.wait_time = self.duration(v, key),
                _ => self.unknown_field(k, key, STAGE_FIELDS, "field"),
            }
        }
        self.require_name(&stage.common, Kind::Stage);
        Some(stage)
    }

    /// `value_items:` written as a mapping: one item's fields without `- `, or items keyed by
    /// a name. Its items are not read (the stage is marked, so it is not reported as adding no
    /// value); the help shows the list form with the user's words.
    fn value_items_mapping(&mut self, node: NodeId) {
        let doc = self.doc;
        let NodeKind::Map(pairs) = doc.kind(doc.deref(node)) else {
            return;
        };
        let first_key = pairs.first().and_then(|(k, _)| doc.scalar_text(*k));
        let one_item = first_key.is_some_and(|k| VALUE_ITEM_FIELDS.contains(&k));
        let help = if one_item {
            format!(
                "`{0}` is a list: start the item with `- ` (`- {1}: ...`, its other fields \
                 indented under `{1}`)",
                key::VALUE_ITEMS,
                first_key.unwrap_or(key::NAME)
            )
        } else {
            format!(
                "`{}` is a list: write each item as `- {}: {}`, its other fields indented below",
                key::VALUE_ITEMS,
                key::NAME,
                shown(first_key.unwrap_or("..."))
            )
        };
        // Local to the stage (no id is defined there): reported, but nothing is held back.
        self.invalid(
            node,
            key::VALUE_ITEMS,
            says!("must-be-a-list", field = key::VALUE_ITEMS),
            Some(help.into()),
        );
    }

    fn value_item(&mut self, node: NodeId) -> Option<ValueItem> {
        let doc = self.doc;
        match doc.kind(doc.deref(node)) {
            NodeKind::Map(_) => {
                let mut item = ValueItem {
                    name: Text::new(Str::default(), self.head_loc(node)),
                    description: None,
                    capabilities: List::default(),
                    measure: None,
                    archimate_id: None,
                };
                let mut named = false;
                for (k, key, v) in self.entries(node) {
                    match key {
                        key::NAME => {
                            if let Some(name) = self.text(v, key) {
                                item.name = name;
                                named = true;
                            }
                        }
                        key::DESCRIPTION => item.description = self.text(v, key).map(Box::new),
                        key::CAPABILITIES => item.capabilities = self.refs(v, key),
                        key::MEASURE => item.measure = self.text(v, key).map(Box::new),
                        key::ARCHIMATE_ID => item.archimate_id = self.text(v, key).map(Box::new),
                        _ => self.unknown_field(k, key, VALUE_ITEM_FIELDS, "field"),
                    }
                }
                if !named {
                    self.missing_field(
                        item.name.loc,
                        says!("value-item-has-no-name", field = key::NAME),
                        says!("value-item-has-no-name-help", field = key::NAME),
                    );
                    return None;
                }
                Some(item)
            }
            _ => self.text(node, key::VALUE_ITEMS).map(|name| ValueItem {
                name,
                description: None,
                capabilities: List::default(),
                measure: None,
                archimate_id: None,
            }),
        }
    }

    fn capability(&mut self, id: Text, node: NodeId) -> Option<Capability> {
        let mut cap = Capability {
            common: Common::new(id),
            parent: None,
            level: None,
            maturity: None,
            target_maturity: None,
            importance: None,
            owner: None,
            enablement: None,
        };
        for (k, key, v) in self.element_entries(node, Kind::Capability) {
            if self.common_field(&mut cap.common, key, v) {
                continue;
            }
            match key {
                key::PARENT => cap.parent = self.reference_field(v, key),
                key::LEVEL => cap.level = self.integer(v, key, LEVELS),
                key::MATURITY => cap.maturity = self.integer(v, key, MATURITY_SCALE),
                key::TARGET_MATURITY => cap.target_maturity = self.integer(v, key, MATURITY_SCALE),
                key::IMPORTANCE => cap.importance = self.enumeration(v, key, IMPORTANCE_VALUES),
                key::OWNER => cap.owner = self.reference_field(v, key),
                key::ENABLEMENT => cap.enablement = self.enumeration(v, key, ENABLEMENT_VALUES),
                _ => self.unknown_field(k, key, CAPABILITY_FIELDS, "field"),
            }
        }
        self.require_name(&cap.common, Kind::Capability);
        Some(cap)
    }

    fn process(&mut self, id: Text, node: NodeId) -> Option<Process> {
        let mut process = Process {
            common: Common::new(id),
            owner: None,
            capabilities: List::default(),
            information: List::default(),
            steps: List::default(),
        };
        for (k, key, v) in self.element_entries(node, Kind::Process) {
            if self.common_field(&mut process.common, key, v) {
                continue;
            }
            match key {
                key::OWNER => process.owner = self.reference_field(v, key),
                key::CAPABILITIES => process.capabilities = self.refs(v, key),
                key::INFORMATION => process.information = self.refs(v, key),
                key::STEPS => {
                    let len = self.enter(key);
                    process.steps = self.list(v, key, Self::step);
                    self.leave(len);
                }
                _ => self.unknown_field(k, key, PROCESS_FIELDS, "field"),
            }
        }
        self.require_name(&process.common, Kind::Process);
        Some(process)
    }

    fn step(&mut self, node: NodeId) -> Option<Step> {
        let loc = self.head_loc(node);
        let mut step = Step {
            loc,
            name: None,
            owner: None,
            capabilities: List::default(),
            information: List::default(),
            automated: None,
            archimate_id: None,
        };
        let doc = self.doc;
        if let NodeKind::Scalar { .. } = doc.kind(doc.deref(node)) {
            // A step written as plain text: its name.
            step.name = self.text(node, key::STEPS);
            return step.name.is_some().then_some(step);
        }
        let what = format!("a step (a mapping with {}, {}, ...)", key::NAME, key::OWNER);
        if !self.expect_map(node, key::STEPS, &what) {
            return None;
        }
        for (k, key, v) in self.entries(node) {
            match key {
                key::NAME => step.name = self.text(v, key),
                key::OWNER => step.owner = self.reference_field(v, key),
                key::CAPABILITIES => step.capabilities = self.refs(v, key),
                key::INFORMATION => step.information = self.refs(v, key),
                key::AUTOMATED => step.automated = self.boolean(v, key),
                key::ARCHIMATE_ID => step.archimate_id = self.text(v, key).map(Box::new),
                _ => self.unknown_field(k, key, STEP_FIELDS, "field"),
            }
        }
        if step.name.is_none() {
            self.missing_field(
                loc,
                says!("step-has-no-name", field = key::NAME),
                says!("step-has-no-name-help", field = key::NAME),
            );
        }
        Some(step)
    }

    fn information(&mut self, id: Text, node: NodeId) -> Option<Information> {
        let mut info = Information {
            common: Common::new(id),
            business_object: None,
        };
        for (k, key, v) in self.element_entries(node, Kind::Information) {
            if self.common_field(&mut info.common, key, v) {
                continue;
            }
            match key {
                key::BUSINESS_OBJECT => info.business_object = self.reference_field(v, key),
                _ => self.unknown_field(k, key, INFORMATION_FIELDS, "field"),
            }
        }
        self.require_name(&info.common, Kind::Information);
        Some(info)
    }

    fn business_object(&mut self, id: Text, node: NodeId) -> Option<BusinessObject> {
        let mut object = BusinessObject {
            common: Common::new(id),
            attributes: List::default(),
            related: List::default(),
        };
        for (k, key, v) in self.element_entries(node, Kind::BusinessObject) {
            if self.common_field(&mut object.common, key, v) {
                continue;
            }
            match key {
                key::ATTRIBUTES => object.attributes = self.texts(v, key),
                key::RELATED => object.related = self.refs(v, key),
                _ => self.unknown_field(k, key, BUSINESS_OBJECT_FIELDS, "field"),
            }
        }
        self.require_name(&object.common, Kind::BusinessObject);
        Some(object)
    }

    fn commitment(&mut self, id: Text, node: NodeId) -> Option<Commitment> {
        let mut c = Commitment {
            common: Common::new(id),
            target: None,
            owner: None,
            stage: None,
            perception: None,
            parts: List::default(),
            composition: None,
        };
        for (k, key, v) in self.element_entries(node, Kind::Commitment) {
            if self.common_field(&mut c.common, key, v) {
                continue;
            }
            match key {
                key::TARGET => c.target = self.target(v, key),
                key::OWNER => c.owner = self.reference_field(v, key),
                key::STAGE => c.stage = self.reference_field(v, key),
                key::PERCEPTION => c.perception = self.reference_field(v, key),
                key::PARTS => c.parts = self.refs(v, key),
                key::COMPOSITION => c.composition = self.enumeration(v, key, COMPOSITION_VALUES),
                _ => self.unknown_field(k, key, COMMITMENT_FIELDS, "field"),
            }
        }
        self.require_name(&c.common, Kind::Commitment);
        Some(c)
    }

    fn perception(&mut self, id: Text, node: NodeId) -> Option<Perception> {
        let mut p = Perception {
            common: Common::new(id),
            stage: None,
            channel: None,
            importance: None,
            current: None,
            expected: None,
            focus: None,
        };
        for (k, key, v) in self.element_entries(node, Kind::Perception) {
            if self.common_field(&mut p.common, key, v) {
                continue;
            }
            match key {
                key::STAGE => p.stage = self.reference_field(v, key),
                key::CHANNEL => p.channel = self.text(v, key),
                key::IMPORTANCE => p.importance = self.integer(v, key, PERCEIVED_IMPORTANCE_SCALE),
                key::CURRENT => p.current = self.number(v, key, SCORE_SCALE),
                key::EXPECTED => p.expected = self.number(v, key, SCORE_SCALE),
                key::FOCUS => p.focus = self.boolean(v, key),
                _ => self.unknown_field(k, key, PERCEPTION_FIELDS, "field"),
            }
        }
        self.require_name(&p.common, Kind::Perception);
        Some(p)
    }
}
