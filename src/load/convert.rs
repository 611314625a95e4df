//! YAML node tree → typed model, recording every problem with its node and going on.
//!
//! A [`Converter`] reads one document. Its readers are split by what they read: `scalars.rs`
//! reads one value (a text, an id, a number, a duration, ...) and `elements.rs` reads the
//! sections and the fields of each element. This file holds what both need: where a node is,
//! the element path, the entries of a mapping, and one helper per kind of finding, so each
//! rule's findings are built in one place.

use crate::catalog::{DUPLICATE_ID, INVALID_ID, INVALID_VALUE, MISSING_FIELD, UNKNOWN_FIELD};
use crate::diag::{self, shown, Finding, Says};
use crate::model::{
    BusinessObject, Capability, Commitment, Information, Model, Perception, Process, Stage,
    Stakeholder, ValueStream,
};
use crate::says;
use crate::source::{FileId, Loc};
use crate::vocabulary::SECTIONS;
use crate::yaml::{Document, NodeId, NodeKind, Scalar};
use std::collections::HashMap;

/// The model read from one file, before it is merged with the others.
#[derive(Clone)]
pub struct FileModel {
    pub model: Model,
    /// Where the `model` section was written.
    pub meta_loc: Option<Loc>,
}

/// Converts every document of one file, each into its own model: they are merged like files,
/// so an id defined in two documents of one file is reported as a duplicate too.
pub fn convert_file(
    file: FileId,
    docs: &[Document],
    findings: &mut Vec<Finding>,
) -> Vec<FileModel> {
    convert_with_early(file, docs, findings, Early::default())
}

/// [`convert_file`] for documents parsed with an `ElementTaker`: `early` holds the elements
/// it converted while the file was parsed.
pub fn convert_with_early(
    file: FileId,
    docs: &[Document],
    findings: &mut Vec<Finding>,
    mut early: Early,
) -> Vec<FileModel> {
    docs.iter()
        .map(|doc| {
            let mut out = FileModel {
                model: Model::default(),
                meta_loc: None,
            };
            let mut conv = Converter {
                doc,
                file,
                findings,
                path: String::new(),
                merged: HashMap::new(),
                early: &mut early,
            };
            conv.document(&mut out);
            out
        })
        .collect()
}

/// Elements converted while their file was parsed, each waiting for its section's reading.
/// A slot taken is reused, so stages converted early and taken by their stream's conversion
/// cost no room once the stream is converted.
#[derive(Default)]
pub struct Early {
    slots: Vec<Option<Box<Converted>>>,
    free: Vec<u32>,
}

/// An element converted early (`None`: its reader gave up on it) and its findings.
pub(super) struct Converted {
    pub(super) element: Option<AnyElement>,
    pub(super) findings: Vec<Finding>,
}

impl Early {
    pub(super) fn put(&mut self, converted: Converted) -> u32 {
        let converted = Some(Box::new(converted));
        match self.free.pop() {
            Some(number) => {
                self.slots[number as usize] = converted;
                number
            }
            None => {
                self.slots.push(converted);
                (self.slots.len() - 1) as u32
            }
        }
    }

    fn take(&mut self, number: u32) -> Option<Box<Converted>> {
        let converted = self.slots.get_mut(number as usize)?.take();
        if converted.is_some() {
            self.free.push(number);
        }
        converted
    }
}

/// An element of any kind, as [`Early`] keeps it.
pub(super) enum AnyElement {
    Stakeholder(Stakeholder),
    ValueStream(ValueStream),
    Stage(Stage),
    Capability(Capability),
    Process(Process),
    Information(Information),
    BusinessObject(BusinessObject),
    Commitment(Commitment),
    Perception(Perception),
}

/// The element types a section holds, each one a case of [`AnyElement`].
pub(super) trait Element: Sized {
    fn into_any(self) -> AnyElement;
    fn from_any(any: AnyElement) -> Option<Self>;
}

macro_rules! element_types {
    ($($kind:ident),* $(,)?) => {$(
        impl Element for $kind {
            fn into_any(self) -> AnyElement {
                AnyElement::$kind(self)
            }
            fn from_any(any: AnyElement) -> Option<Self> {
                match any {
                    AnyElement::$kind(element) => Some(element),
                    _ => None,
                }
            }
        }
    )*};
}

element_types!(
    Stakeholder,
    ValueStream,
    Stage,
    Capability,
    Process,
    Information,
    BusinessObject,
    Commitment,
    Perception,
);

/// Reads one document into a [`FileModel`]; its readers are in this file's sibling modules.
pub(super) struct Converter<'a> {
    pub(super) doc: &'a Document<'a>,
    file: FileId,
    findings: &'a mut Vec<Finding>,
    /// Element path of the node being read, e.g. `value_streams.s.stages.x`.
    pub(super) path: String,
    /// Entries of every mapping already merged with `<<`, so a chain of merges is read once
    /// per mapping, not once per use (700 chained merges took 10 s), and a problem inside a
    /// merged mapping is reported once.
    merged: HashMap<NodeId, Vec<Entry<'a>>>,
    /// Elements converted while the file was parsed.
    early: &'a mut Early,
}

/// One entry of a mapping: key node, key text, value node.
pub(super) type Entry<'d> = (NodeId, &'d str, NodeId);

impl<'a> Converter<'a> {
    /// A converter of the document `doc` of file `file`, at the element path `path`.
    pub(super) fn new(
        doc: &'a Document<'a>,
        file: FileId,
        findings: &'a mut Vec<Finding>,
        path: String,
        early: &'a mut Early,
    ) -> Self {
        Converter {
            doc,
            file,
            findings,
            path,
            merged: HashMap::new(),
            early,
        }
    }

    /// The element at `node` if it was converted while the file was parsed (its findings
    /// then join the others here, where converting it now would have reported them).
    pub(super) fn converted_early<T: Element>(&mut self, node: NodeId) -> Option<Option<T>> {
        let number = self.doc.taken(node)?;
        let converted = self.early.take(number);
        debug_assert!(
            converted.is_some(),
            "an element converted early is read once"
        );
        let Converted { element, findings } = *converted?;
        self.findings.extend(findings);
        Some(element.and_then(T::from_any))
    }

    pub(super) fn loc(&self, node: NodeId) -> Loc {
        Loc {
            file: self.file,
            span: self.doc.node(node).span,
        }
    }

    /// A place for findings about a collection: its first line only, not the whole block.
    pub(super) fn head_loc(&self, node: NodeId) -> Loc {
        let real = self.doc.deref(node);
        let node_ref = self.doc.node(real);
        match self.doc.kind_of(node_ref) {
            NodeKind::Map(pairs) if !pairs.is_empty() => self.loc(pairs[0].0),
            NodeKind::Seq(items) if !items.is_empty() => {
                // Its first character (the `[` or `-`), but never past the node's own end: a
                // list at the very end of a file must not point past the text.
                let start = node_ref.span.start as usize;
                let end = (start + 1).min(node_ref.span.end as usize);
                Loc {
                    file: self.file,
                    span: crate::yaml::Span::new(start, end),
                }
            }
            _ => self.loc(node),
        }
    }

    /// The place of a value: scalars exactly, collections by their first line.
    pub(super) fn value_loc(&self, node: NodeId) -> Loc {
        match self.doc.kind(node) {
            NodeKind::Scalar { .. } | NodeKind::Alias(_) => self.loc(node),
            _ => self.head_loc(node),
        }
    }

    fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    fn field_path(&self, field: &str) -> String {
        if self.path.is_empty() {
            field.to_string()
        } else {
            format!("{}.{field}", self.path)
        }
    }

    /// Appends `segment` to the element path; returns what [`Self::leave`] needs to undo it.
    pub(super) fn enter(&mut self, segment: &str) -> usize {
        let len = self.path.len();
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(segment);
        len
    }

    pub(super) fn leave(&mut self, len: usize) {
        self.path.truncate(len);
    }

    // ----- findings, one helper per rule --------------------------------------------------------

    /// A value of the wrong type or out of range (`field` empty: the element itself).
    pub(super) fn invalid(
        &mut self,
        node: NodeId,
        field: &str,
        message: impl Into<Says>,
        help: Option<Says>,
    ) {
        let loc = self.value_loc(node);
        let path = self.field_path(field);
        self.push(
            Finding::new(&INVALID_VALUE, loc, message)
                .maybe_help(help)
                .path(path),
        );
    }

    /// A collection of the wrong shape whose content is therefore not read (a section that is
    /// not a mapping, say): the model is incomplete, so the finding is marked unread and
    /// findings that may only follow from the missing part are held back.
    pub(super) fn unreadable(
        &mut self,
        node: NodeId,
        field: &str,
        message: impl Into<Says>,
        help: impl Into<Says>,
    ) {
        let loc = self.value_loc(node);
        let path = self.field_path(field);
        self.push(
            Finding::new(&INVALID_VALUE, loc, message)
                .help(help)
                .path(path)
                .unread(),
        );
    }

    /// A required field of the element being read is absent.
    pub(super) fn missing_field(
        &mut self,
        loc: Loc,
        message: impl Into<Says>,
        help: impl Into<Says>,
    ) {
        let path = self.path.clone();
        self.push(
            Finding::new(&MISSING_FIELD, loc, message)
                .help(help)
                .path(path),
        );
    }

    /// The id of the element being read cannot be written in references.
    pub(super) fn invalid_id(&mut self, loc: Loc, message: String, help: String) {
        let path = self.path.clone();
        self.push(
            Finding::new(&INVALID_ID, loc, message)
                .help(help)
                .path(path),
        );
    }

    /// Something written a second time, where only the `first` one counts.
    pub(super) fn written_twice(
        &mut self,
        loc: Loc,
        first: Loc,
        message: impl Into<Says>,
        help: impl Into<Says>,
        path: String,
    ) {
        self.push(
            Finding::new(&DUPLICATE_ID, loc, message)
                .label(first, says!("first-written-here"))
                .help(help)
                .path(path),
        );
    }

    pub(super) fn unknown_field(
        &mut self,
        key_node: NodeId,
        key: &str,
        known: &[&str],
        what: &str,
    ) {
        let loc = self.loc(key_node);
        let path = self.field_path(key);
        let help = diag::did_you_mean(key, known.iter().copied())
            .unwrap_or_else(|| says!("unknown-field-known", what = what, known = known.join(", ")));
        self.push(
            Finding::new(
                &UNKNOWN_FIELD,
                loc,
                says!("unknown-field", what = what, key = shown(key)),
            )
            .help(help)
            .path(path),
        );
    }

    // ----- mappings ---------------------------------------------------------------------------

    /// The root mapping of the document; `None` for an empty document, and after reporting a
    /// document that is not a mapping.
    pub(super) fn root_mapping(&mut self) -> Option<NodeId> {
        let root = self.doc.deref(self.doc.root?);
        match self.doc.kind(root) {
            NodeKind::Map(_) => Some(root),
            NodeKind::Scalar { .. } if self.doc.scalar(root) == Some(Scalar::Null) => None,
            _ => {
                let found = self.doc.describe(root);
                let loc = self.value_loc(root);
                self.push(
                    Finding::new(
                        &INVALID_VALUE,
                        loc,
                        says!("file-not-a-mapping", found = diag::found_word(found)),
                    )
                    .help(says!(
                        "file-not-a-mapping-help",
                        sections = SECTIONS.join(", ")
                    ))
                    .unread(),
                );
                None
            }
        }
    }

    /// Entries of a mapping, with `<<` merge keys applied and duplicate keys reported.
    pub(super) fn entries(&mut self, map: NodeId) -> Vec<Entry<'a>> {
        let doc = self.doc;
        let map = doc.deref(map);
        let NodeKind::Map(pairs) = doc.kind(map) else {
            return Vec::new();
        };
        let mut out: Vec<Entry<'a>> = Vec::with_capacity(pairs.len());
        let mut merged: Vec<Entry<'a>> = Vec::new();
        // Sections hold thousands of ids: look keys up by hash there, not by scanning.
        let mut index: Option<HashMap<&'a str, usize>> =
            (pairs.len() > 16).then(|| HashMap::with_capacity(pairs.len()));
        for &(key_node, value) in pairs {
            let Some(key) = doc.scalar_text(key_node).filter(|_| {
                !matches!(
                    doc.kind(doc.deref(key_node)),
                    NodeKind::Map(_) | NodeKind::Seq(_)
                )
            }) else {
                let loc = self.value_loc(key_node);
                let found = doc.describe(key_node);
                let path = self.path.clone();
                self.push(
                    Finding::new(
                        &INVALID_VALUE,
                        loc,
                        says!("key-not-text", found = diag::found_word(found)),
                    )
                    .path(path),
                );
                continue;
            };
            if key == "<<" && doc.tag(doc.deref(key_node)).is_none() {
                self.merge_key(value, &mut merged);
                continue;
            }
            let seen = match &mut index {
                Some(index) => match index.entry(key) {
                    std::collections::hash_map::Entry::Occupied(e) => Some(out[*e.get()]),
                    std::collections::hash_map::Entry::Vacant(e) => {
                        e.insert(out.len());
                        None
                    }
                },
                None => out.iter().find(|e| e.1 == key).copied(),
            };
            if let Some(first) = seen {
                let (first_loc, loc) = (self.loc(first.0), self.loc(key_node));
                let path = self.field_path(key);
                self.written_twice(
                    loc,
                    first_loc,
                    says!("key-written-twice", key = shown(key)),
                    says!("key-written-twice-help"),
                    path,
                );
                continue;
            }
            out.push((key_node, key, value));
        }
        if !merged.is_empty() {
            // Explicit keys win over merged ones; among merged ones, the first wins.
            let mut present: std::collections::HashSet<&str> = out.iter().map(|e| e.1).collect();
            for entry in merged {
                if present.insert(entry.1) {
                    out.push(entry);
                }
            }
        }
        out
    }

    /// `<<: *anchor` or `<<: [*a, *b]`: the entries of those mappings, earlier ones first.
    fn merge_key(&mut self, value: NodeId, merged: &mut Vec<Entry<'a>>) {
        let doc = self.doc;
        let target = doc.deref(value);
        let sources: Vec<NodeId> = match doc.kind(target) {
            NodeKind::Map(_) => vec![target],
            NodeKind::Seq(items) => items.to_vec(),
            // A text, a number or nothing: reported below like a wrong list entry.
            _ => vec![value],
        };
        for source in sources {
            if !matches!(doc.kind(doc.deref(source)), NodeKind::Map(_)) {
                let loc = self.value_loc(source);
                let found = doc.describe(source);
                self.push(
                    Finding::new(
                        &INVALID_VALUE,
                        loc,
                        says!("merge-key-not-a-mapping", found = diag::found_word(found)),
                    )
                    .help(says!("merge-key-not-a-mapping-help")),
                );
                continue;
            }
            let source = doc.deref(source);
            if !self.merged.contains_key(&source) {
                let entries = self.entries(source);
                self.merged.insert(source, entries);
            }
            merged.extend_from_slice(&self.merged[&source]);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::load::tests::messages;

    #[test]
    fn a_merge_key_on_a_text_is_reported_not_ignored() {
        let found = messages("stakeholders:\n  a: {<<: 5, name: A}\n");
        assert!(
            found
                .iter()
                .any(|m| m.contains("merge key") && m.contains("an integer")),
            "{found:?}"
        );
    }

    #[test]
    fn chained_merge_keys_are_read_once_each() {
        // Each mapping merges the one before: reading every chain again was cubic.
        let mut text = String::from("stakeholders:\n  m0: &m0 {name: M, description: x}\n");
        for i in 1..600 {
            text.push_str(&format!("  m{i}: &m{i} {{<<: *m{}, name: M{i}}}\n", i - 1));
        }
        let started = std::time::Instant::now();
        let loaded = crate::load::load_text("m.yaml", &text);
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        assert_eq!(loaded.model.stakeholders.len(), 600);
        let last = &loaded.model.stakeholders["m599"];
        assert_eq!(last.common.name.as_ref().unwrap().value, "M599");
        assert_eq!(last.common.description.as_ref().unwrap().value, "x");
        assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
    }

    #[test]
    fn a_problem_inside_a_merged_mapping_is_reported_once() {
        let text =
            "stakeholders:\n  base: &b {name: B, colour: red}\n  a: {<<: *b}\n  c: {<<: *b}\n";
        let found = messages(text);
        assert_eq!(found, ["unknown field `colour`"], "{found:?}");
    }

    #[test]
    fn a_list_at_the_end_of_the_file_is_placed_inside_it() {
        // Found by the fuzzer: the block list starts at the very end of the text.
        let text = "capabilitienulls:\n  a: [no-value-item]\nperceptions:\n-     ";
        let loaded = crate::load::load_text("m.yaml", text);
        assert!(!loaded.findings.is_empty());
        for f in &loaded.findings {
            assert!(f.loc.span.end as usize <= text.len(), "{f:?}");
        }
    }
}
