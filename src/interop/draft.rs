//! A model to be written as YAML files: what an import builds, then prints as a folder split
//! the way a team keeps one (one file per value stream, each shared section in its own file).
//!
//! It holds plain values, not the loader's typed model: an import has no source positions to
//! give, and it writes only what the format's words (`crate::vocabulary`) name. Printing is
//! deterministic: the same draft gives the same bytes.

use crate::vocabulary::key;
use std::collections::HashSet;
use std::path::PathBuf;

/// A value of a field.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Int(i64),
    Number(f64),
    Bool(bool),
    List(Vec<Value>),
    /// A mapping with keys of its own (the stages of a stream, a value item).
    Map(Vec<(String, Value)>),
}

/// The fields of one element, in the order they are printed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fields(pub Vec<(String, Value)>);

impl Fields {
    pub fn set(&mut self, field: &str, value: Value) {
        self.0.push((field.to_string(), value));
    }

    pub fn text(&mut self, field: &str, text: Option<&str>) {
        if let Some(text) = text {
            self.set(field, Value::Text(text.to_string()));
        }
    }

    /// A list of texts or ids; nothing when empty.
    pub fn texts<S: AsRef<str>>(&mut self, field: &str, items: &[S]) {
        if !items.is_empty() {
            let list = items
                .iter()
                .map(|s| Value::Text(s.as_ref().to_string()))
                .collect();
            self.set(field, Value::List(list));
        }
    }

    pub fn get(&self, field: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == field).map(|(_, v)| v)
    }
}

/// One element: its id and its fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub id: String,
    pub fields: Fields,
}

/// The model to write, section by section, in the order the elements were found.
#[derive(Clone, Debug, Default)]
pub struct Draft {
    /// The `model` section's fields (empty: no section).
    pub meta: Fields,
    pub stakeholders: Vec<Element>,
    pub value_streams: Vec<Element>,
    pub capabilities: Vec<Element>,
    pub processes: Vec<Element>,
    pub information: Vec<Element>,
    pub business_objects: Vec<Element>,
    pub commitments: Vec<Element>,
    pub perceptions: Vec<Element>,
}

/// The folder the value streams' files go in, one file a stream.
pub const STREAMS_FOLDER: &str = "value-streams";

impl Draft {
    /// The model as files: `model.yaml`, one file per shared section that has elements, and
    /// `value-streams/<id>.yaml` per stream. `header` starts every file (a comment).
    pub fn files(&self, header: &str) -> Vec<(PathBuf, String)> {
        let mut files = Vec::new();
        if !self.meta.0.is_empty() {
            let mut text = String::from(header);
            text.push_str(key::MODEL);
            text.push_str(":\n");
            emit_map(&mut text, &self.meta.0, 2);
            files.push((PathBuf::from("model.yaml"), text));
        }
        let shared: [(&str, &str, &[Element]); 7] = [
            ("stakeholders.yaml", key::STAKEHOLDERS, &self.stakeholders),
            ("capabilities.yaml", key::CAPABILITIES, &self.capabilities),
            ("processes.yaml", key::PROCESSES, &self.processes),
            ("information.yaml", key::INFORMATION, &self.information),
            (
                "business-objects.yaml",
                key::BUSINESS_OBJECTS,
                &self.business_objects,
            ),
            ("commitments.yaml", key::COMMITMENTS, &self.commitments),
            ("perceptions.yaml", key::PERCEPTIONS, &self.perceptions),
        ];
        for (file, section, elements) in shared {
            if !elements.is_empty() {
                files.push((PathBuf::from(file), section_text(header, section, elements)));
            }
        }
        let mut names = FileNames::default();
        // Files are read in the order of their names: a number in front keeps the streams in
        // the order of the draft (`01-complaint-handling.yaml`).
        let width = self.value_streams.len().to_string().len().max(2);
        for (n, stream) in self.value_streams.iter().enumerate() {
            let name = names.claim(&format!("{:0width$}-{}", n + 1, stream.id));
            let text = section_text(header, key::VALUE_STREAMS, std::slice::from_ref(stream));
            files.push((PathBuf::from(STREAMS_FOLDER).join(name), text));
        }
        files
    }

    /// The whole model as one YAML text (for a single-file output such as `vsm import csv`).
    pub fn single_file(&self, header: &str) -> String {
        let mut text = String::from(header);
        for (_, body) in self.files("") {
            if !body.starts_with(key::VALUE_STREAMS) {
                text.push_str(&body);
            }
        }
        if !self.value_streams.is_empty() {
            text.push_str(&section_text("", key::VALUE_STREAMS, &self.value_streams));
        }
        text
    }
}

fn section_text(header: &str, section: &str, elements: &[Element]) -> String {
    let mut text = String::from(header);
    text.push_str(section);
    text.push_str(":\n");
    for element in elements {
        text.push_str("  ");
        text.push_str(&scalar_text(&element.id));
        if element.fields.0.is_empty() {
            text.push_str(": {}\n");
        } else {
            text.push_str(":\n");
            emit_map(&mut text, &element.fields.0, 4);
        }
    }
    text
}

/// File names for streams: the id, made safe for any file system (no leading dot, which the
/// loader would skip as hidden; unique even where case does not count; not too long).
#[derive(Default)]
struct FileNames {
    taken: HashSet<String>,
}

impl FileNames {
    fn claim(&mut self, id: &str) -> String {
        let mut base: String = id
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || "-_.".contains(c) {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        if base.starts_with('.') || base.is_empty() {
            base.insert(0, '_');
        }
        // 200 bytes leave room for a counter and `.yaml` under the usual 255-byte limit.
        while base.len() > 200 {
            base.pop();
        }
        let mut name = base.clone();
        let mut n = 1;
        while !self.taken.insert(name.to_lowercase()) {
            n += 1;
            name = format!("{base}-{n}");
        }
        format!("{name}.yaml")
    }
}

/// Appends the entries of a mapping, each key at `indent` spaces.
fn emit_map(out: &mut String, entries: &[(String, Value)], indent: usize) {
    for (k, v) in entries {
        push_indent(out, indent);
        out.push_str(&scalar_text(k));
        out.push(':');
        emit_value_after_key(out, v, indent);
    }
}

/// The value of a key already written: scalars and empty collections on the same line,
/// others on the lines below.
fn emit_value_after_key(out: &mut String, value: &Value, indent: usize) {
    match value {
        Value::List(items) if items.is_empty() => out.push_str(" []\n"),
        Value::Map(entries) if entries.is_empty() => out.push_str(" {}\n"),
        Value::List(items) => {
            out.push('\n');
            emit_list(out, items, indent + 2);
        }
        Value::Map(entries) => {
            out.push('\n');
            emit_map(out, entries, indent + 2);
        }
        scalar => {
            out.push(' ');
            out.push_str(&scalar_value(scalar));
            out.push('\n');
        }
    }
}

fn emit_list(out: &mut String, items: &[Value], indent: usize) {
    for item in items {
        push_indent(out, indent);
        out.push_str("- ");
        match item {
            Value::Map(entries) if !entries.is_empty() => {
                // The first key on the dash's line, the others under it.
                let (k, v) = &entries[0];
                out.push_str(&scalar_text(k));
                out.push(':');
                emit_value_after_key(out, v, indent + 2);
                emit_map(out, &entries[1..], indent + 2);
            }
            Value::Map(_) => out.push_str("{}\n"),
            Value::List(inner) if inner.is_empty() => out.push_str("[]\n"),
            Value::List(inner) => {
                out.push('\n');
                emit_list(out, inner, indent + 2);
            }
            scalar => {
                out.push_str(&scalar_value(scalar));
                out.push('\n');
            }
        }
    }
}

fn push_indent(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

fn scalar_value(value: &Value) -> String {
    match value {
        Value::Text(text) => scalar_text(text),
        Value::Int(n) => n.to_string(),
        Value::Number(x) => number_text(*x),
        Value::Bool(b) => b.to_string(),
        Value::List(_) | Value::Map(_) => unreachable!("collections are printed as blocks"),
    }
}

/// A number as YAML reads it back to the same `f64`: Rust's shortest round-trip form, with a
/// `.0` kept off whole numbers (the format's integer fields read them either way).
fn number_text(x: f64) -> String {
    if x.is_finite() {
        format!("{x}")
    } else {
        // The loader refuses these anyway; quoted they stay text, never a YAML special.
        format!("\"{x}\"")
    }
}

/// Words a YAML reader may take for something other than text (YAML 1.2 core, and the 1.1
/// booleans other tools still read).
const RESERVED: &[&str] = &[
    "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~",
];

/// A text as a YAML scalar: plain when nothing in it can be read otherwise, else double-quoted
/// with every character a reader could change escaped.
pub fn scalar_text(text: &str) -> String {
    if plain_is_safe(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if c.is_control() || c == '\u{feff}' => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Plain style only for text that starts with a letter, holds letters, digits, spaces and a
/// few harmless signs, and ends without a space: no `: `, ` #`, quotes, brackets or anything
/// else YAML gives a meaning.
fn plain_is_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if !first.is_alphabetic() || text.ends_with(' ') {
        return false;
    }
    if RESERVED.iter().any(|w| text.eq_ignore_ascii_case(w)) {
        return false;
    }
    text.chars().all(|c| {
        (c.is_alphanumeric() && !c.is_control())
            || matches!(
                c,
                ' ' | '-' | '_' | '.' | '(' | ')' | '/' | '+' | '%' | ',' | '\''
            )
    }) && !text.contains("  ")
}

/// Ids for one kind of element: readable slugs from names, unique, in the order asked.
#[derive(Debug, Default)]
pub struct Ids {
    taken: HashSet<String>,
}

impl Ids {
    /// `wanted` when it is a valid id not yet taken (an id a file carries), else the slug of
    /// `name`, else `fallback`; `-2`, `-3`, ... added while the result is taken.
    pub fn claim(&mut self, wanted: Option<&str>, name: &str, fallback: &str) -> String {
        if let Some(wanted) = wanted.map(crate::load::nfc) {
            if crate::load::valid_id(&wanted) && !self.taken.contains(&wanted) {
                self.taken.insert(wanted.clone());
                return wanted;
            }
        }
        let mut base = slug(name);
        if base.is_empty() {
            base = fallback.to_string();
        }
        let mut id = base.clone();
        let mut n = 1;
        while self.taken.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.taken.insert(id.clone());
        id
    }

    /// Marks `id` as used (an id written by hand, say).
    pub fn take(&mut self, id: &str) -> bool {
        self.taken.insert(id.to_string())
    }
}

/// The kebab-case slug of a name, in the name's own script: `Call Routing` → `call-routing`,
/// `客户识别` → `客户识别`. Only characters the format allows in ids are kept; runs of others
/// become one `-`. At most 60 characters.
pub fn slug(name: &str) -> String {
    let lower = crate::load::nfc(&name.to_lowercase());
    let mut out = String::new();
    let mut dash = false;
    for c in lower.chars() {
        let keep = c != '.' && c != '_' && crate::load::valid_id(c.encode_utf8(&mut [0; 4]));
        if keep {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn element(id: &str, fields: Vec<(&str, Value)>) -> Element {
        Element {
            id: id.to_string(),
            fields: Fields(
                fields
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v))
                    .collect(),
            ),
        }
    }

    #[test]
    fn slugs_are_kebab_case_in_the_names_own_script() {
        assert_eq!(slug("Call Routing"), "call-routing");
        assert_eq!(slug("  Home  &  Away "), "home-away");
        assert_eq!(slug("客户识别"), "客户识别");
        assert_eq!(slug("v1.2_beta"), "v1-2-beta");
        assert_eq!(slug("!!!"), "");
        assert_eq!(slug(&"x".repeat(100)).len(), 60);
    }

    #[test]
    fn ids_are_unique_per_kind_and_keep_a_valid_wanted_id() {
        let mut ids = Ids::default();
        assert_eq!(ids.claim(None, "Phone", "stakeholder"), "phone");
        assert_eq!(ids.claim(None, "Phone", "stakeholder"), "phone-2");
        assert_eq!(ids.claim(Some("agent"), "Phone", "stakeholder"), "agent");
        // Taken, or not an id: the name's slug instead.
        assert_eq!(ids.claim(Some("agent"), "Agent", "stakeholder"), "agent-2");
        assert_eq!(ids.claim(Some("a b"), "Phone", "stakeholder"), "phone-3");
        assert_eq!(ids.claim(None, "???", "stakeholder"), "stakeholder");
        assert_eq!(ids.claim(None, "", "stakeholder"), "stakeholder-2");
    }

    #[test]
    fn texts_that_yaml_would_read_otherwise_are_quoted() {
        assert_eq!(scalar_text("Call routing"), "Call routing");
        assert_eq!(scalar_text("客户识别"), "客户识别");
        for (text, quoted) in [
            ("true", "\"true\""),
            ("No", "\"No\""),
            ("3", "\"3\""),
            ("", "\"\""),
            (">= 90%", "\">= 90%\""),
            ("a: b", "\"a: b\""),
            ("a #b", "\"a #b\""),
            ("- x", "\"- x\""),
            ("say \"hi\"\n", "\"say \\\"hi\\\"\\n\""),
            ("tab\there", "\"tab\\there\""),
            ("bell\u{7}", "\"bell\\u0007\""),
            ("trailing ", "\"trailing \""),
        ] {
            assert_eq!(scalar_text(text), quoted, "{text:?}");
        }
    }

    #[test]
    fn a_draft_prints_as_a_folder_that_loads_back() {
        let stage = Value::Map(vec![(
            "s1".into(),
            Value::Map(vec![
                (key::NAME.into(), Value::Text("Start: now".into())),
                (key::NEXT.into(), Value::List(Vec::new())),
                (
                    key::VALUE_ITEMS.into(),
                    Value::List(vec![Value::Map(vec![
                        (key::NAME.into(), Value::Text("Fast".into())),
                        (
                            key::CAPABILITIES.into(),
                            Value::List(vec![Value::Text("c".into())]),
                        ),
                    ])]),
                ),
            ]),
        )]);
        let draft = Draft {
            meta: Fields(vec![(key::NAME.into(), Value::Text("M".into()))]),
            stakeholders: vec![element("who", vec![(key::NAME, Value::Text("Who".into()))])],
            value_streams: vec![element(
                ".hidden",
                vec![
                    (key::NAME, Value::Text("S".into())),
                    (key::TRIGGER, Value::Text("who".into())),
                    (key::STAGES, stage),
                ],
            )],
            capabilities: vec![element(
                "c",
                vec![
                    (key::NAME, Value::Text("C".into())),
                    (key::MATURITY, Value::Int(3)),
                ],
            )],
            ..Draft::default()
        };
        let files = draft.files("# test\n");
        let names: Vec<String> = files.iter().map(|(p, _)| p.display().to_string()).collect();
        assert_eq!(
            names,
            [
                "model.yaml",
                "stakeholders.yaml",
                "capabilities.yaml",
                "value-streams/01-.hidden.yaml"
            ]
        );
        assert_eq!(
            files[3].1,
            "# test\nvalue_streams:\n  \".hidden\":\n    name: S\n    trigger: who\n    stages:\n      \
             s1:\n        name: \"Start: now\"\n        next: []\n        value_items:\n          \
             - name: Fast\n            capabilities:\n              - c\n"
        );
        let text = draft.single_file("");
        let loaded = crate::load::load_text("m.yaml", &text);
        let codes: Vec<&str> = loaded.findings.iter().map(|f| f.rule.code).collect();
        assert!(codes.is_empty(), "{codes:?}\n{text}");
        let stage = &loaded.model.value_streams[".hidden"].stages["s1"];
        assert_eq!(stage.common.name.as_ref().unwrap().value, "Start: now");
        assert_eq!(stage.value_items[0].capabilities[0].value, "c");
        assert_eq!(stage.next.as_ref().map(|next| next.len()), Some(0));
    }
}
