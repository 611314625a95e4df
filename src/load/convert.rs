//! YAML node tree → typed model, recording every problem with its node and going on.

use crate::catalog::{DUPLICATE_ID, INVALID_ID, INVALID_VALUE, MISSING_FIELD, UNKNOWN_FIELD};
use crate::diag::Finding;
use crate::model::*;
use crate::source::{FileId, Loc};
use crate::suggest;
use crate::yaml::{Document, NodeId, NodeKind, Scalar};
use indexmap::IndexMap;
use std::collections::HashMap;

/// The top-level sections of a model file.
pub const SECTIONS: &[&str] = &[
    "model",
    "stakeholders",
    "value_streams",
    "capabilities",
    "processes",
    "information",
    "business_objects",
    "commitments",
    "perceptions",
];
pub const MODEL_FIELDS: &[&str] = &["name", "description", "version", "owner"];
pub const STAKEHOLDER_FIELDS: &[&str] = &["name", "type", "description", "allow"];
pub const VALUE_STREAM_FIELDS: &[&str] = &[
    "name",
    "description",
    "trigger",
    "value_proposition",
    "segment",
    "stages",
    "allow",
];
pub const STAGE_FIELDS: &[&str] = &[
    "name",
    "description",
    "stakeholders",
    "entry_conditions",
    "exit_conditions",
    "value_items",
    "capabilities",
    "processes",
    "information",
    "business_objects",
    "next",
    "process_time",
    "wait_time",
    "allow",
];
pub const VALUE_ITEM_FIELDS: &[&str] = &["name", "description", "capabilities", "measure"];
pub const CAPABILITY_FIELDS: &[&str] = &[
    "name",
    "description",
    "parent",
    "level",
    "maturity",
    "target_maturity",
    "importance",
    "owner",
    "enablement",
    "allow",
];
pub const PROCESS_FIELDS: &[&str] = &[
    "name",
    "description",
    "owner",
    "capabilities",
    "information",
    "steps",
    "allow",
];
pub const STEP_FIELDS: &[&str] = &["name", "owner", "capabilities", "information", "automated"];
pub const INFORMATION_FIELDS: &[&str] = &["name", "description", "business_object", "allow"];
pub const BUSINESS_OBJECT_FIELDS: &[&str] =
    &["name", "description", "attributes", "related", "allow"];
pub const COMMITMENT_FIELDS: &[&str] = &[
    "name",
    "description",
    "target",
    "owner",
    "stage",
    "perception",
    "parts",
    "composition",
    "allow",
];
pub const PERCEPTION_FIELDS: &[&str] = &[
    "name",
    "description",
    "stage",
    "channel",
    "importance",
    "current",
    "expected",
    "focus",
    "allow",
];

/// Every list of keys above, for tools that need all names the format knows (the fuzzer).
pub const FIELD_LISTS: &[&[&str]] = &[
    SECTIONS,
    MODEL_FIELDS,
    STAKEHOLDER_FIELDS,
    VALUE_STREAM_FIELDS,
    STAGE_FIELDS,
    VALUE_ITEM_FIELDS,
    CAPABILITY_FIELDS,
    PROCESS_FIELDS,
    STEP_FIELDS,
    INFORMATION_FIELDS,
    BUSINESS_OBJECT_FIELDS,
    COMMITMENT_FIELDS,
    PERCEPTION_FIELDS,
];

// The values of each enumerated field, as written. The JSON Schema lists them from here too.
pub(crate) const STAKEHOLDER_TYPES: &[(&str, StakeholderType)] = &[
    ("internal", StakeholderType::Internal),
    ("external", StakeholderType::External),
    ("partner", StakeholderType::Partner),
];
pub(crate) const IMPORTANCE: &[(&str, Importance)] = &[
    ("low", Importance::Low),
    ("medium", Importance::Medium),
    ("high", Importance::High),
    ("critical", Importance::Critical),
];
pub(crate) const ENABLEMENT: &[(&str, Enablement)] = &[
    ("manual", Enablement::Manual),
    ("it-supported", Enablement::ItSupported),
    ("automated", Enablement::Automated),
];
pub(crate) const COMPOSITION: &[(&str, Composition)] = &[
    ("sequential", Composition::Sequential),
    ("parallel", Composition::Parallel),
];

/// The names of an enumeration's values, in order.
pub(crate) fn value_names<'a, T>(values: &[(&'a str, T)]) -> Vec<&'a str> {
    values.iter().map(|(name, _)| *name).collect()
}

/// User text as a message shows it: control characters escaped (a line break in a key must
/// not break one-line output) and long texts cut to [`SHOWN_CHARS`] characters.
pub fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    let long = text.chars().nth(SHOWN_CHARS).is_some();
    if !long && !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::new();
    for c in text.chars().take(SHOWN_CHARS) {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    if long {
        out.push('…');
    }
    std::borrow::Cow::Owned(out)
}

/// How much of a user text a message quotes.
pub const SHOWN_CHARS: usize = 80;

/// The model read from one file, before it is merged with the others.
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
            };
            conv.document(&mut out);
            out
        })
        .collect()
}

struct Converter<'a> {
    doc: &'a Document<'a>,
    file: FileId,
    findings: &'a mut Vec<Finding>,
    /// Element path of the node being read, e.g. `value_streams.s.stages.x`.
    path: String,
    /// Entries of every mapping already merged with `<<`, so a chain of merges is read once
    /// per mapping, not once per use (700 chained merges took 10 s), and a problem inside a
    /// merged mapping is reported once.
    merged: HashMap<NodeId, Vec<Entry<'a>>>,
}

/// One entry of a mapping: key node, key text, value node.
type Entry<'d> = (NodeId, &'d str, NodeId);

impl<'a> Converter<'a> {
    fn loc(&self, node: NodeId) -> Loc {
        Loc {
            file: self.file,
            span: self.doc.node(node).span,
        }
    }

    /// A place for findings about a collection: its first line only, not the whole block.
    fn head_loc(&self, node: NodeId) -> Loc {
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

    fn enter(&mut self, segment: &str) -> usize {
        let len = self.path.len();
        if !self.path.is_empty() {
            self.path.push('.');
        }
        self.path.push_str(segment);
        len
    }

    fn leave(&mut self, len: usize) {
        self.path.truncate(len);
    }

    fn invalid(&mut self, node: NodeId, field: &str, message: String, help: Option<String>) {
        let loc = self.value_loc(node);
        let path = self.field_path(field);
        self.push(
            Finding::new(&INVALID_VALUE, loc, message)
                .maybe_help(help)
                .path(path),
        );
    }

    /// The place of a value: scalars exactly, collections by their first line.
    fn value_loc(&self, node: NodeId) -> Loc {
        match self.doc.kind(node) {
            NodeKind::Scalar { .. } | NodeKind::Alias(_) => self.loc(node),
            _ => self.head_loc(node),
        }
    }

    fn document(&mut self, out: &mut FileModel) {
        let Some(root) = self.doc.root else { return };
        let root = self.doc.deref(root);
        match self.doc.kind(root) {
            NodeKind::Map(_) => {}
            NodeKind::Scalar { .. } if self.doc.scalar(root) == Some(Scalar::Null) => return,
            _ => {
                let found = self.doc.describe(root);
                let loc = self.value_loc(root);
                self.push(
                    Finding::new(
                        &INVALID_VALUE,
                        loc,
                        format!("a model file must be a mapping of sections, but this document is {found}"),
                    )
                    .help(format!("start the file with one of the sections: {}", SECTIONS.join(", "))),
                );
                return;
            }
        }
        for (key_node, key, value) in self.entries(root) {
            let len = self.enter(key);
            match key {
                "model" => self.meta(key_node, value, out),
                "stakeholders" => {
                    self.section(value, &mut out.model.stakeholders, Self::stakeholder)
                }
                "value_streams" => {
                    self.section(value, &mut out.model.value_streams, Self::value_stream)
                }
                "capabilities" => {
                    self.section(value, &mut out.model.capabilities, Self::capability)
                }
                "processes" => self.section(value, &mut out.model.processes, Self::process),
                "information" => self.section(value, &mut out.model.information, Self::information),
                "business_objects" => self.section(
                    value,
                    &mut out.model.business_objects,
                    Self::business_object,
                ),
                "commitments" => self.section(value, &mut out.model.commitments, Self::commitment),
                "perceptions" => self.section(value, &mut out.model.perceptions, Self::perception),
                _ => {
                    self.leave(len);
                    self.unknown_field(key_node, key, SECTIONS, "section");
                    continue;
                }
            }
            self.leave(len);
        }
    }

    /// Entries of a mapping, with `<<` merge keys applied and duplicate keys reported.
    fn entries(&mut self, map: NodeId) -> Vec<Entry<'a>> {
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
                        format!("a key must be text, not {found}"),
                    )
                    .path(path),
                );
                continue;
            };
            if key == "<<" && doc.node(doc.deref(key_node)).tag.is_none() {
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
                self.push(
                    Finding::new(
                        &DUPLICATE_ID,
                        loc,
                        format!("`{}` is written twice in this mapping", shown(key)),
                    )
                    .label(first_loc, "first written here")
                    .help("YAML keeps only one of them: merge the two or rename one")
                    .path(path),
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
                        format!(
                            "a merge key `<<` takes a mapping or a list of mappings, found {found}"
                        ),
                    )
                    .help("write `<<: *anchor` with the anchor of a mapping"),
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

    fn unknown_field(&mut self, key_node: NodeId, key: &str, known: &[&str], what: &str) {
        let loc = self.loc(key_node);
        let path = self.field_path(key);
        let help = suggest::help(key, known.iter().copied())
            .or_else(|| Some(format!("known {what}s: {}", known.join(", "))));
        self.push(
            Finding::new(
                &UNKNOWN_FIELD,
                loc,
                format!("unknown {what} `{}`", shown(key)),
            )
            .maybe_help(help)
            .path(path),
        );
    }

    /// A mapping of id → element; each element converted by `convert`.
    fn section<T>(
        &mut self,
        value: NodeId,
        target: &mut IndexMap<String, T>,
        convert: fn(&mut Self, Text, NodeId) -> Option<T>,
    ) {
        if !self.expect_map(value, "", "a mapping of id to element") {
            return;
        }
        for (key_node, key, element) in self.entries(value) {
            let id = Text::new(key.to_string(), self.loc(key_node));
            self.check_id(&id);
            let len = self.enter(key);
            if let Some(converted) = convert(self, id, element) {
                // Duplicate keys were dropped by `entries`, so ids are unique here.
                target.insert(key.to_string(), converted);
            }
            self.leave(len);
        }
    }

    fn check_id(&mut self, id: &Text) {
        let problem = if id.value.is_empty() {
            Some("an id must not be empty".to_string())
        } else if let Some(c) = id
            .value
            .chars()
            .find(|c| c.is_whitespace() || *c == '/' || *c == '#')
        {
            let what = match c {
                '/' => "`/`".to_string(),
                '#' => "`#`".to_string(),
                _ => "whitespace".to_string(),
            };
            Some(format!("the id `{}` contains {what}", shown(&id.value)))
        } else {
            None
        };
        if let Some(message) = problem {
            let fixed: String = id
                .value
                .trim()
                .chars()
                .map(|c| {
                    if c.is_whitespace() || c == '/' || c == '#' {
                        '-'
                    } else {
                        c
                    }
                })
                .collect();
            let help = if fixed.is_empty() {
                "give the element an id such as `call-routing`".to_string()
            } else {
                format!(
                    "ids use letters, digits, `-`, `_` and `.`: try `{}`",
                    shown(&fixed)
                )
            };
            let path = self.path.clone();
            self.push(
                Finding::new(&INVALID_ID, id.loc, message)
                    .help(help)
                    .path(path),
            );
        }
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
                let help = doc.scalar_text(node).map(|text| {
                    format!(
                        "write the fields as a mapping, e.g. `{{name: {}}}`",
                        shown(text)
                    )
                });
                self.invalid(
                    node,
                    "",
                    format!(
                        "expected a {} (a mapping of fields), found {found}",
                        kind.noun()
                    ),
                    help,
                );
                Vec::new()
            }
        }
    }

    fn require_name(&mut self, common: &Common, kind: Kind) {
        if common.name.is_none() {
            let path = self.path.clone();
            self.push(
                Finding::new(
                    &MISSING_FIELD,
                    common.id.loc,
                    format!(
                        "{} `{}` has no `name`",
                        kind.noun(),
                        shown(&common.id.value)
                    ),
                )
                .help("add `name:` with a short human-readable name")
                .path(path),
            );
        }
    }

    /// Fields every element shares; false when `key` is not one of them.
    fn common_field(&mut self, common: &mut Common, key: &str, value: NodeId) -> bool {
        match key {
            "name" => common.name = self.text(value, key),
            "description" => common.description = self.text(value, key),
            "allow" => common.allow = self.refs(value, key),
            _ => return false,
        }
        true
    }

    // ----- scalar readers -------------------------------------------------------------------

    /// Free text: any scalar (numbers and booleans as written); null is absent.
    fn text(&mut self, node: NodeId, field: &str) -> Option<Text> {
        match self.doc.scalar(node) {
            Some(Scalar::Null) => None,
            Some(_) => {
                let text = self.doc.scalar_text(node).unwrap_or_default();
                Some(Text::new(text.to_string(), self.loc(node)))
            }
            None => {
                let found = self.doc.describe(node);
                let help =
                    matches!(self.doc.kind(self.doc.deref(node)), NodeKind::Map(_)).then(|| {
                        "a `key: value` inside text needs quotes: write the text in \"...\""
                            .to_string()
                    });
                self.invalid(
                    node,
                    field,
                    format!("`{field}` must be text, found {found}"),
                    help,
                );
                None
            }
        }
    }

    /// A list of texts; a single text is accepted as a list of one.
    fn texts(&mut self, node: NodeId, field: &str) -> Vec<Text> {
        self.list(node, field, |conv, item| conv.text(item, field))
    }

    /// A list of references; a single id is accepted as a list of one.
    fn refs(&mut self, node: NodeId, field: &str) -> Vec<Ref> {
        self.list(node, field, |conv, item| conv.reference(item, field))
    }

    fn list<T>(
        &mut self,
        node: NodeId,
        field: &str,
        mut item: impl FnMut(&mut Self, NodeId) -> Option<T>,
    ) -> Vec<T> {
        let doc = self.doc;
        match doc.kind(doc.deref(node)) {
            NodeKind::Seq(items) => items.iter().filter_map(|&i| item(self, i)).collect(),
            NodeKind::Map(_) => {
                self.invalid(
                    node,
                    field,
                    format!("`{field}` must be a list, found a mapping"),
                    None,
                );
                Vec::new()
            }
            _ => match doc.scalar(node) {
                Some(Scalar::Null) => Vec::new(),
                _ => item(self, node).into_iter().collect(),
            },
        }
    }

    fn reference(&mut self, node: NodeId, field: &str) -> Option<Ref> {
        match self.doc.scalar(node) {
            Some(Scalar::Null) => {
                self.invalid(
                    node,
                    field,
                    format!("an empty entry in `{field}`"),
                    Some("remove it or write an id".into()),
                );
                None
            }
            Some(Scalar::Str(text)) if text.trim().is_empty() => {
                self.invalid(
                    node,
                    field,
                    format!("an empty id in `{field}`"),
                    Some("write an id, or remove the entry".into()),
                );
                None
            }
            Some(_) => {
                let text = self.doc.scalar_text(node).unwrap_or_default();
                Some(Ref::new(text.to_string(), self.loc(node)))
            }
            None => {
                let found = self.doc.describe(node);
                self.invalid(
                    node,
                    field,
                    format!("expected an id in `{field}`, found {found}"),
                    None,
                );
                None
            }
        }
    }

    fn integer(&mut self, node: NodeId, field: &str, low: i64, high: i64) -> Option<Spanned<u8>> {
        let loc = self.loc(node);
        match self.doc.scalar(node) {
            Some(Scalar::Null) => None,
            Some(Scalar::Int(v)) if (low..=high).contains(&v) => Some(Spanned::new(v as u8, loc)),
            Some(Scalar::Int(v)) => {
                self.invalid(
                    node,
                    field,
                    format!("`{field}` must be between {low} and {high}, found {v}"),
                    None,
                );
                None
            }
            Some(Scalar::Str(s)) if s.trim().parse::<i64>().is_ok() => {
                self.invalid(
                    node,
                    field,
                    format!(
                        "`{field}` must be an integer from {low} to {high}, found the text \"{s}\""
                    ),
                    Some("remove the quotes".into()),
                );
                None
            }
            _ => {
                let found = self.doc.describe(node);
                self.invalid(
                    node,
                    field,
                    format!("`{field}` must be an integer from {low} to {high}, found {found}"),
                    None,
                );
                None
            }
        }
    }

    fn number(&mut self, node: NodeId, field: &str, low: f64, high: f64) -> Option<Spanned<f64>> {
        let loc = self.loc(node);
        let value = match self.doc.scalar(node) {
            Some(Scalar::Null) => return None,
            Some(Scalar::Int(v)) => v as f64,
            Some(Scalar::Float(v)) => v,
            _ => {
                let found = self.doc.describe(node);
                self.invalid(
                    node,
                    field,
                    format!("`{field}` must be a number from {low} to {high}, found {found}"),
                    None,
                );
                return None;
            }
        };
        if value.is_finite() && (low..=high).contains(&value) {
            Some(Spanned::new(value, loc))
        } else {
            self.invalid(
                node,
                field,
                format!("`{field}` must be a number from {low} to {high}, found {value}"),
                None,
            );
            None
        }
    }

    fn boolean(&mut self, node: NodeId, field: &str) -> Option<Spanned<bool>> {
        let loc = self.loc(node);
        match self.doc.scalar(node) {
            Some(Scalar::Null) => None,
            Some(Scalar::Bool(b)) => Some(Spanned::new(b, loc)),
            _ => {
                let found = self.doc.describe(node);
                let help = match self.doc.scalar_text(node) {
                    Some("yes" | "Yes" | "YES" | "on" | "On" | "ON" | "y" | "Y") => {
                        Some("YAML 1.2 reads this as text: write `true`".to_string())
                    }
                    Some("no" | "No" | "NO" | "off" | "Off" | "OFF" | "n" | "N") => {
                        Some("YAML 1.2 reads this as text: write `false`".to_string())
                    }
                    _ => Some("write `true` or `false`".to_string()),
                };
                self.invalid(
                    node,
                    field,
                    format!("`{field}` must be true or false, found {found}"),
                    help,
                );
                None
            }
        }
    }

    fn enumeration<T: Copy>(
        &mut self,
        node: NodeId,
        field: &str,
        options: &[(&str, T)],
    ) -> Option<Spanned<T>> {
        let loc = self.loc(node);
        match self.doc.scalar(node) {
            Some(Scalar::Null) => None,
            Some(_) => {
                let text = self.doc.scalar_text(node).unwrap_or_default();
                if let Some((_, value)) = options.iter().find(|(name, _)| *name == text) {
                    return Some(Spanned::new(*value, loc));
                }
                let names = value_names(options);
                let help = suggest::help(text, names.iter().copied())
                    .or_else(|| Some(format!("use one of: {}", names.join(", "))));
                self.invalid(
                    node,
                    field,
                    format!("`{}` is not a valid `{field}`", shown(text)),
                    help,
                );
                None
            }
            None => {
                let found = self.doc.describe(node);
                let names = value_names(options);
                self.invalid(
                    node,
                    field,
                    format!(
                        "`{field}` must be one of {}, found {found}",
                        names.join(", ")
                    ),
                    None,
                );
                None
            }
        }
    }

    fn duration(&mut self, node: NodeId, field: &str) -> Option<Spanned<Duration>> {
        let loc = self.loc(node);
        match self.doc.scalar(node) {
            Some(Scalar::Null) => None,
            Some(Scalar::Int(_) | Scalar::Float(_)) => {
                let text = self.doc.scalar_text(node).unwrap_or_default();
                self.invalid(
                    node,
                    field,
                    format!("`{field}` needs a unit: `{}` of what?", shown(text)),
                    Some(format!(
                        "write e.g. `{0}min` or `{0}h` (units: s, min, h, d, w)",
                        shown(text)
                    )),
                );
                None
            }
            Some(_) => {
                let text = self.doc.scalar_text(node).unwrap_or_default();
                match crate::units::parse_duration(text) {
                    Ok(d) => Some(Spanned::new(d, loc)),
                    Err(why) => {
                        self.invalid(
                            node,
                            field,
                            format!("`{}` is not a duration: {why}", shown(text)),
                            Some("write e.g. `30s`, `3 min`, `4h`, `1.5d` or `1d 12h`".into()),
                        );
                        None
                    }
                }
            }
            None => {
                let found = self.doc.describe(node);
                self.invalid(
                    node,
                    field,
                    format!("`{field}` must be a duration such as `4h`, found {found}"),
                    None,
                );
                None
            }
        }
    }

    fn target(&mut self, node: NodeId, field: &str) -> Option<Spanned<Target>> {
        let loc = self.loc(node);
        match self.doc.scalar(node) {
            Some(Scalar::Null) => None,
            Some(Scalar::Str(text)) => match crate::units::parse_target(text) {
                Ok(t) => Some(Spanned::new(t, loc)),
                Err(why) => {
                    self.invalid(node, field, format!("`{}` is not a target: {why}", shown(text)), Some("write e.g. `<= 2d`, `>= 90%` or `< 3min` (quote it in YAML: \">= 90%\")".into()));
                    None
                }
            },
            _ => {
                let found = self.doc.describe(node);
                self.invalid(node, field, format!("`{field}` must be a comparator and an amount such as `<= 2d`, found {found}"), Some("start with one of <, <=, >, >=, =".into()));
                None
            }
        }
    }

    // ----- elements ---------------------------------------------------------------------------

    fn meta(&mut self, key_node: NodeId, value: NodeId, out: &mut FileModel) {
        let key_loc = self.loc(key_node);
        if let Some(previous) = out.meta_loc {
            self.push(
                Finding::new(
                    &DUPLICATE_ID,
                    key_loc,
                    "the `model` section is written twice",
                )
                .label(previous, "first written here")
                .help("a model has at most one `model` section: merge them")
                .path("model"),
            );
            return;
        }
        out.meta_loc = Some(key_loc);
        let mut meta = ModelMeta {
            loc: Some(key_loc),
            ..ModelMeta::default()
        };
        if self.expect_map(
            value,
            "",
            "a mapping with name, description, version, owner",
        ) {
            for (k, key, v) in self.entries(value) {
                match key {
                    "name" => meta.name = self.text(v, key),
                    "description" => meta.description = self.text(v, key),
                    "version" => meta.version = self.text(v, key),
                    "owner" => meta.owner = self.text(v, key),
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
                "type" => element.kind = self.enumeration(v, key, STAKEHOLDER_TYPES),
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
        };
        for (k, key, v) in self.element_entries(node, Kind::ValueStream) {
            if self.common_field(&mut stream.common, key, v) {
                continue;
            }
            match key {
                "trigger" => stream.trigger = self.reference_field(v, key),
                "value_proposition" => stream.value_proposition = self.text(v, key),
                "segment" => stream.segment = self.text(v, key),
                "stages" => {
                    stream.stages_key = Some(self.loc(k));
                    let len = self.enter("stages");
                    self.section(v, &mut stream.stages, Self::stage);
                    self.leave(len);
                }
                _ => self.unknown_field(k, key, VALUE_STREAM_FIELDS, "field"),
            }
        }
        self.require_name(&stream.common, Kind::ValueStream);
        if stream.trigger.is_none() {
            let path = self.path.clone();
            self.push(
                Finding::new(
                    &MISSING_FIELD,
                    stream.common.id.loc,
                    format!(
                        "value stream `{}` has no `trigger`",
                        shown(&stream.common.id.value)
                    ),
                )
                .help("add `trigger:` with the stakeholder whose need starts the stream")
                .path(path),
            );
        }
        Some(stream)
    }

    /// A single reference (not a list).
    fn reference_field(&mut self, node: NodeId, field: &str) -> Option<Ref> {
        match self.doc.scalar(node) {
            Some(Scalar::Null) => None,
            Some(_) => self.reference(node, field),
            None => {
                let found = self.doc.describe(node);
                let help = matches!(self.doc.kind(self.doc.deref(node)), NodeKind::Seq(_))
                    .then(|| format!("`{field}` takes one id"));
                self.invalid(
                    node,
                    field,
                    format!("`{field}` must be one id, found {found}"),
                    help,
                );
                None
            }
        }
    }

    fn stage(&mut self, id: Text, node: NodeId) -> Option<Stage> {
        let mut stage = Stage {
            common: Common::new(id),
            stakeholders: Vec::new(),
            entry_conditions: Vec::new(),
            exit_conditions: Vec::new(),
            value_items: Vec::new(),
            capabilities: Vec::new(),
            processes: Vec::new(),
            information: Vec::new(),
            business_objects: Vec::new(),
            next: None,
            process_time: None,
            wait_time: None,
        };
        for (k, key, v) in self.element_entries(node, Kind::Stage) {
            if self.common_field(&mut stage.common, key, v) {
                continue;
            }
            match key {
                "stakeholders" => stage.stakeholders = self.refs(v, key),
                "entry_conditions" => stage.entry_conditions = self.texts(v, key),
                "exit_conditions" => stage.exit_conditions = self.texts(v, key),
                "value_items" => {
                    let len = self.enter(key);
                    stage.value_items = self.list(v, key, Self::value_item);
                    self.leave(len);
                }
                "capabilities" => stage.capabilities = self.refs(v, key),
                "processes" => stage.processes = self.refs(v, key),
                "information" => stage.information = self.refs(v, key),
                "business_objects" => stage.business_objects = self.refs(v, key),
                "next" => stage.next = Some(self.refs(v, key)),
                "process_time" => stage.process_time = self.duration(v, key),
                "wait_time" => stage.wait_time = self.duration(v, key),
                _ => self.unknown_field(k, key, STAGE_FIELDS, "field"),
            }
        }
        self.require_name(&stage.common, Kind::Stage);
        Some(stage)
    }

    fn value_item(&mut self, node: NodeId) -> Option<ValueItem> {
        let doc = self.doc;
        match doc.kind(doc.deref(node)) {
            NodeKind::Map(_) => {
                let mut item = ValueItem {
                    name: Text::new(String::new(), self.head_loc(node)),
                    description: None,
                    capabilities: Vec::new(),
                    measure: None,
                };
                let mut named = false;
                for (k, key, v) in self.entries(node) {
                    match key {
                        "name" => {
                            if let Some(name) = self.text(v, key) {
                                item.name = name;
                                named = true;
                            }
                        }
                        "description" => item.description = self.text(v, key),
                        "capabilities" => item.capabilities = self.refs(v, key),
                        "measure" => item.measure = self.text(v, key),
                        _ => self.unknown_field(k, key, VALUE_ITEM_FIELDS, "field"),
                    }
                }
                if !named {
                    let path = self.path.clone();
                    self.push(
                        Finding::new(
                            &MISSING_FIELD,
                            item.name.loc,
                            "this value item has no `name`",
                        )
                        .help("add `name:` saying what value the customer gets")
                        .path(path),
                    );
                    return None;
                }
                Some(item)
            }
            _ => self.text(node, "value_items").map(|name| ValueItem {
                name,
                description: None,
                capabilities: Vec::new(),
                measure: None,
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
                "parent" => cap.parent = self.reference_field(v, key),
                "level" => cap.level = self.integer(v, key, 1, 9),
                "maturity" => cap.maturity = self.integer(v, key, 1, 5),
                "target_maturity" => cap.target_maturity = self.integer(v, key, 1, 5),
                "importance" => cap.importance = self.enumeration(v, key, IMPORTANCE),
                "owner" => cap.owner = self.reference_field(v, key),
                "enablement" => cap.enablement = self.enumeration(v, key, ENABLEMENT),
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
            capabilities: Vec::new(),
            information: Vec::new(),
            steps: Vec::new(),
        };
        for (k, key, v) in self.element_entries(node, Kind::Process) {
            if self.common_field(&mut process.common, key, v) {
                continue;
            }
            match key {
                "owner" => process.owner = self.reference_field(v, key),
                "capabilities" => process.capabilities = self.refs(v, key),
                "information" => process.information = self.refs(v, key),
                "steps" => {
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
            capabilities: Vec::new(),
            information: Vec::new(),
            automated: None,
        };
        let doc = self.doc;
        if let NodeKind::Scalar { .. } = doc.kind(doc.deref(node)) {
            // A step written as plain text: its name.
            step.name = self.text(node, "steps");
            return step.name.is_some().then_some(step);
        }
        if !self.expect_map(node, "steps", "a step (a mapping with name, owner, ...)") {
            return None;
        }
        for (k, key, v) in self.entries(node) {
            match key {
                "name" => step.name = self.text(v, key),
                "owner" => step.owner = self.reference_field(v, key),
                "capabilities" => step.capabilities = self.refs(v, key),
                "information" => step.information = self.refs(v, key),
                "automated" => step.automated = self.boolean(v, key),
                _ => self.unknown_field(k, key, STEP_FIELDS, "field"),
            }
        }
        if step.name.is_none() {
            let path = self.path.clone();
            self.push(
                Finding::new(&MISSING_FIELD, loc, "this step has no `name`")
                    .help("add `name:` saying what the step does")
                    .path(path),
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
                "business_object" => info.business_object = self.reference_field(v, key),
                _ => self.unknown_field(k, key, INFORMATION_FIELDS, "field"),
            }
        }
        self.require_name(&info.common, Kind::Information);
        Some(info)
    }

    fn business_object(&mut self, id: Text, node: NodeId) -> Option<BusinessObject> {
        let mut object = BusinessObject {
            common: Common::new(id),
            attributes: Vec::new(),
            related: Vec::new(),
        };
        for (k, key, v) in self.element_entries(node, Kind::BusinessObject) {
            if self.common_field(&mut object.common, key, v) {
                continue;
            }
            match key {
                "attributes" => object.attributes = self.texts(v, key),
                "related" => object.related = self.refs(v, key),
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
            parts: Vec::new(),
            composition: None,
        };
        for (k, key, v) in self.element_entries(node, Kind::Commitment) {
            if self.common_field(&mut c.common, key, v) {
                continue;
            }
            match key {
                "target" => c.target = self.target(v, key),
                "owner" => c.owner = self.reference_field(v, key),
                "stage" => c.stage = self.reference_field(v, key),
                "perception" => c.perception = self.reference_field(v, key),
                "parts" => c.parts = self.refs(v, key),
                "composition" => c.composition = self.enumeration(v, key, COMPOSITION),
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
                "stage" => p.stage = self.reference_field(v, key),
                "channel" => p.channel = self.text(v, key),
                "importance" => p.importance = self.integer(v, key, 1, 5),
                "current" => p.current = self.number(v, key, 0.0, 100.0),
                "expected" => p.expected = self.number(v, key, 0.0, 100.0),
                "focus" => p.focus = self.boolean(v, key),
                _ => self.unknown_field(k, key, PERCEPTION_FIELDS, "field"),
            }
        }
        self.require_name(&p.common, Kind::Perception);
        Some(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_escapes_control_characters_and_cuts_long_text() {
        assert_eq!(shown("call-routing"), "call-routing");
        assert_eq!(shown("line\nbreak\t"), "line\\nbreak\\t");
        let long = "名".repeat(1000);
        let cut = shown(&long);
        assert_eq!(cut.chars().count(), SHOWN_CHARS + 1);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn messages_about_ids_stay_on_one_line() {
        let loaded = crate::load::load_text("m.yaml", "stakeholders:\n  \"a\\nb\": {name: A}\n");
        let finding = loaded
            .findings
            .iter()
            .find(|f| f.rule.code == "VSM008")
            .expect("an invalid-id finding");
        assert_eq!(finding.message, "the id `a\\nb` contains whitespace");
    }

    fn messages(text: &str) -> Vec<String> {
        let loaded = crate::load::load_text("m.yaml", text);
        loaded.findings.iter().map(|f| f.message.clone()).collect()
    }

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
    fn an_empty_reference_is_an_invalid_value() {
        let found = messages("capabilities:\n  a: {name: A, parent: \"\", owner: \" \"}\n");
        assert_eq!(
            found,
            ["an empty id in `parent`", "an empty id in `owner`"],
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

    #[test]
    fn a_huge_value_is_not_copied_into_messages() {
        let text = format!(
            "capabilities:\n  c: {{name: C, importance: {}}}\n",
            "x".repeat(1 << 20)
        );
        let loaded = crate::load::load_text("m.yaml", &text);
        assert!(loaded.findings.iter().all(|f| f.message.len() < 1000));
    }
}
