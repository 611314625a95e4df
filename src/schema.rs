//! The JSON Schema (draft 2020-12) of the model format, for editor completion and validation
//! (yaml-language-server: `# yaml-language-server: $schema=vsm.schema.json`).
//!
//! Generated from the [`vocabulary`](crate::vocabulary) the loader reads with: every object
//! lists exactly the fields of its [`Element`] (`additionalProperties: false`), so a field added
//! to the vocabulary without a type here fails the tests instead of drifting. Enumerations,
//! ranges, comparators and duration units are the vocabulary's too; this module adds only the
//! types and descriptions, and its tests check the duration and target patterns against the
//! loader.

use crate::catalog::RULES;
use crate::vocabulary::{
    key, value_names, Element, COMPARATORS, COMPOSITION_VALUES, DURATION_UNITS, ENABLEMENT_VALUES,
    IMPORTANCE_VALUES, LEVELS, MATURITY_SCALE, PERCEIVED_IMPORTANCE_SCALE, SCORE_SCALE, SECTIONS,
    STAKEHOLDER_TYPE_VALUES,
};
use serde_json::{json, Map, Value};
use std::ops::RangeInclusive;

/// A number as `units::parse_duration` reads it.
const NUMBER: &str = r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)";

/// The duration units as one regex alternative, each unit's longest spelling first.
fn units() -> String {
    let spellings: Vec<&str> = DURATION_UNITS
        .iter()
        .flat_map(|(spellings, _)| spellings.iter().copied())
        .collect();
    format!("(?:{})", spellings.join("|"))
}

/// One or more `NUMBER UNIT` terms: `30s`, `1.5d`, `1d 12h`, `3 min`.
pub fn duration_pattern() -> String {
    let units = units();
    format!(r"^\s*(?:{NUMBER}\s*{units}\s*)+$")
}

/// A comparator and a duration, a percentage or a plain number: `<= 2d`, `>= 90%`, `= 5`.
pub fn target_pattern() -> String {
    let units = units();
    let comparators = value_names(COMPARATORS).join("|");
    let signed = format!(r"[+-]?{NUMBER}(?:[eE][+-]?[0-9]+)?");
    format!(r"^\s*(?:{comparators})\s*(?:{signed}\s*%|{signed}|(?:{NUMBER}\s*{units}\s*)+)\s*$")
}

/// The name of an element's object definition (`$defs`).
pub(crate) fn def_name(element: Element) -> &'static str {
    match element {
        Element::Model => "model",
        Element::Stakeholder => "stakeholder",
        Element::ValueStream => "value_stream",
        Element::Stage => "stage",
        Element::ValueItem => "value_item",
        Element::Capability => "capability",
        Element::Process => "process",
        Element::Step => "step",
        Element::Information => "information",
        Element::BusinessObject => "business_object",
        Element::Commitment => "commitment",
        Element::Perception => "perception",
    }
}

fn description(element: Element) -> &'static str {
    match element {
        Element::Model => "About the model as a whole (at most once across all files).",
        Element::Stakeholder => {
            "A person, role, department or organisation with a stake in the value streams."
        }
        Element::ValueStream => {
            "An end-to-end series of stages that creates value for the triggering stakeholder."
        }
        Element::Stage => "A stage of a value stream; the key is its id.",
        Element::ValueItem => "What value the customer gets from the stage.",
        Element::Capability => {
            "What the business is able to do; levels come from the `parent` chain."
        }
        Element::Process => "An end-to-end process that realises stages.",
        Element::Step => "One step of a process.",
        Element::Information => "Information the business uses.",
        Element::BusinessObject => "A business object that information is organised around.",
        Element::Commitment => "A tiered service commitment.",
        Element::Perception => "A customer perception point (touch point).",
    }
}

/// How the loader reads a field.
#[derive(Clone, Debug)]
enum Type {
    /// Any scalar; numbers and booleans are kept as written.
    Text,
    /// One id.
    Ref,
    /// A list of ids, or one id.
    Refs,
    /// A list of texts, or one text.
    Texts,
    Integer(RangeInclusive<i64>),
    Number(RangeInclusive<f64>),
    Bool,
    /// The loader's values, in its order.
    Enum(Vec<&'static str>),
    Duration,
    Target,
    /// Rule codes or names (`allow`).
    Rules,
    ValueItems,
    Steps,
    Stages,
}

/// The type and description of every field; `None` for a field this table does not know (a
/// test keeps the table and the loader's lists equal).
fn field(object: Element, name: &str) -> Option<(Type, &'static str)> {
    use Element::*;
    use Type::*;
    let common = match name {
        key::NAME => Some((Text, "A short human-readable name.")),
        key::DESCRIPTION => Some((Text, "Free text.")),
        key::ALLOW => Some((
            Rules,
            "Rules (codes or names) switched off for this element.",
        )),
        key::ARCHIMATE_ID => Some((
            Text,
            "Its identifier in an ArchiMate exchange file (vsm import/export archimate).",
        )),
        _ => None,
    };
    if common.is_some() {
        return common;
    }
    Some(match (object, name) {
        (Model, key::VERSION) => (Text, "Version of the model."),
        (Model, key::OWNER) => (Text, "Who keeps the model."),
        (Stakeholder, key::TYPE) => (Enum(value_names(STAKEHOLDER_TYPE_VALUES)), "Internal, external or partner."),
        (ValueStream, key::TRIGGER) => (Ref, "The stakeholder whose need starts the stream."),
        (ValueStream, key::VALUE_PROPOSITION) => {
            (Text, "What the triggering stakeholder finally gets.")
        }
        (ValueStream, key::SEGMENT) => (Text, "Target customer group."),
        (ValueStream, key::STAGES) => (Stages, "The stages, in order: id → stage."),
        (Stage, key::STAKEHOLDERS) => (Refs, "Participating stakeholders."),
        (Stage, key::ENTRY_CONDITIONS) => (Texts, "What must hold before the stage starts."),
        (Stage, key::EXIT_CONDITIONS) => {
            (Texts, "What holds when it is done; triggers the next stage.")
        }
        (Stage, key::VALUE_ITEMS) => (
            ValueItems,
            "Value items: a text (the name) or a mapping. None = the stage adds no value.",
        ),
        (Stage | ValueItem | Process | Step, key::CAPABILITIES) => (Refs, "Capability ids."),
        (Stage, key::PROCESSES) => (Refs, "Processes that realise the stage."),
        (Stage | Process | Step, key::INFORMATION) => (Refs, "Information ids."),
        (Stage, key::BUSINESS_OBJECTS) => (Refs, "Business object ids."),
        (Stage, key::NEXT) => (
            Refs,
            "Stage ids of the same stream that follow, when it is not simply the next stage; `[]` ends the stream.",
        ),
        (Stage, key::PROCESS_TIME) => (Duration, "Working time, e.g. `3 min`, `4h`, `1d 12h`."),
        (Stage, key::WAIT_TIME) => (Duration, "Waiting time, e.g. `30s`, `2d`."),
        (ValueItem, key::MEASURE) => (Text, "How the value is measured, e.g. `30-second answer rate >= 90%`."),
        (Capability, key::PARENT) => (Ref, "The parent capability; level 1 has none."),
        (Capability, key::LEVEL) => (Integer(LEVELS), "Level 1–9; must match the depth of the parent chain."),
        (Capability, key::MATURITY) => (Integer(MATURITY_SCALE), "Current maturity, 1–5."),
        (Capability, key::TARGET_MATURITY) => (Integer(MATURITY_SCALE), "Wanted maturity, 1–5."),
        (Capability, key::IMPORTANCE) => (Enum(value_names(IMPORTANCE_VALUES)), "Strategic importance."),
        (Capability, key::OWNER) => (Ref, "Stakeholder id."),
        (Capability, key::ENABLEMENT) => (Enum(value_names(ENABLEMENT_VALUES)), "How it is delivered."),
        (Process, key::OWNER) => (Ref, "The end-to-end owner (stakeholder id)."),
        (Process, key::STEPS) => (Steps, "The steps, in order: a text (the name) or a mapping."),
        (Step, key::OWNER) => (Ref, "Stakeholder id."),
        (Step, key::AUTOMATED) => (Bool, "Whether the step runs without people."),
        (Information, key::BUSINESS_OBJECT) => (Ref, "The business object it is organised around."),
        (BusinessObject, key::ATTRIBUTES) => (Texts, "Attribute names."),
        (BusinessObject, key::RELATED) => (Refs, "Related business object ids."),
        (Commitment, key::TARGET) => (Target, "A comparator and an amount: `<= 2d`, `>= 90%`, `< 3min`."),
        (Commitment, key::OWNER) => (Ref, "The department or role that answers for it."),
        (Commitment | Perception, key::STAGE) => (Ref, "Where it is felt, as `stream-id/stage-id`."),
        (Commitment, key::PERCEPTION) => (Ref, "The customer perception point it answers."),
        (Commitment, key::PARTS) => (Refs, "Lower-level commitments that decompose it."),
        (Commitment, key::COMPOSITION) => (Enum(value_names(COMPOSITION_VALUES)), "How duration parts add up (default sequential)."),
        (Perception, key::CHANNEL) => (Text, "e.g. phone, web, branch."),
        (Perception, key::IMPORTANCE) => (Integer(PERCEIVED_IMPORTANCE_SCALE), "Importance to the customer, 1–5."),
        (Perception, key::CURRENT) => (Number(SCORE_SCALE), "Current score (0–5 or 0–100, one scale per model)."),
        (Perception, key::EXPECTED) => (Number(SCORE_SCALE), "Expected score, same scale as `current`."),
        (Perception, key::FOCUS) => (Bool, "A focus point: some commitment must answer it."),
        _ => return None,
    })
}

fn def(name: &str) -> Value {
    json!({ "$ref": format!("#/$defs/{name}") })
}

/// `schema` or null (the loader reads null as "not given").
fn or_null(schema: Value) -> Value {
    json!({ "anyOf": [schema, { "type": "null" }] })
}

fn type_schema(ty: Type) -> Value {
    match ty {
        Type::Text => def("text"),
        Type::Ref => def("ref"),
        Type::Refs => def("refs"),
        Type::Texts => def("texts"),
        Type::Integer(range) => {
            json!({ "type": "integer", "minimum": range.start(), "maximum": range.end() })
        }
        Type::Number(range) => {
            json!({ "type": "number", "minimum": range.start(), "maximum": range.end() })
        }
        Type::Bool => json!({ "type": "boolean" }),
        Type::Enum(values) => json!({ "enum": values }),
        Type::Duration => def("duration"),
        Type::Target => def("target"),
        Type::Rules => def("rules"),
        Type::ValueItems => json!({
            "anyOf": [
                { "type": "array", "items": { "anyOf": [def("text"), def(def_name(Element::ValueItem))] } },
                def("text")
            ]
        }),
        Type::Steps => json!({
            "anyOf": [
                { "type": "array", "items": { "anyOf": [def("text"), def(def_name(Element::Step))] } },
                def("text")
            ]
        }),
        Type::Stages => json!({
            "type": "object",
            "propertyNames": def("id"),
            "additionalProperties": def(def_name(Element::Stage))
        }),
    }
}

/// `schema` with a `description` in front of its own keywords.
fn with_description(description: &str, schema: Value) -> Value {
    let mut out = Map::new();
    out.insert("description".into(), description.into());
    if let Value::Object(map) = schema {
        out.extend(map);
    }
    Value::Object(out)
}

fn object_schema(object: Element) -> Value {
    let mut properties = Map::new();
    for &name in object.fields() {
        let (ty, description) = field(object, name).unwrap_or_else(|| {
            panic!(
                "the schema has no type for `{name}` of {:?}: add it to `schema::field`",
                object
            )
        });
        let mut schema = type_schema(ty);
        if !object.required().contains(&name) {
            schema = or_null(schema);
        }
        properties.insert(name.to_string(), with_description(description, schema));
    }
    json!({
        "type": "object",
        "description": description(object),
        "properties": properties,
        "required": object.required(),
        "additionalProperties": false
    })
}

/// A case-insensitive regex alternative for `text` (`[Vv][Ss][Mm]101`).
fn any_case(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphabetic() {
                format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase())
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The whole schema.
pub fn schema() -> Value {
    let mut defs = Map::new();
    defs.insert(
        "id".into(),
        json!({
            "description": "An id: no whitespace, `/` or `#`; kebab-case by convention.",
            "type": "string",
            "minLength": 1,
            "pattern": r"^[^\s/#]+$"
        }),
    );
    defs.insert(
        "text".into(),
        json!({ "description": "Text (numbers and booleans are read as written).", "type": ["string", "number", "boolean"] }),
    );
    defs.insert(
        "ref".into(),
        json!({ "description": "The id of another element (`stream-id/stage-id` for a stage).", "type": ["string", "number", "boolean"] }),
    );
    defs.insert(
        "refs".into(),
        json!({ "anyOf": [{ "type": "array", "items": def("ref") }, def("ref")] }),
    );
    defs.insert(
        "texts".into(),
        json!({ "anyOf": [{ "type": "array", "items": def("text") }, def("text")] }),
    );
    defs.insert(
        "duration".into(),
        json!({
            "description": "One or more NUMBER UNIT terms; units s, min, h, d (24 h), w (7 d).",
            "type": "string",
            "pattern": duration_pattern(),
            "examples": ["30s", "3 min", "4h", "1.5d", "1d 12h"]
        }),
    );
    defs.insert(
        "target".into(),
        json!({
            "description": "A comparator (<, <=, >, >=, =) and a duration, a percentage or a number.",
            "type": "string",
            "pattern": target_pattern(),
            "examples": ["<= 2d", ">= 90%", "< 3min", "= 5"]
        }),
    );
    let switchable: Vec<&str> = RULES
        .iter()
        .filter(|r| r.can_be_disabled())
        .flat_map(|r| [r.code, r.name])
        .collect();
    let codes: Vec<String> = RULES
        .iter()
        .filter(|r| r.can_be_disabled())
        .map(|r| any_case(r.code))
        .collect();
    defs.insert(
        "rule".into(),
        json!({
            "description": "A rule code or name (`vsm explain` lists them); VSM001–VSM008 cannot be switched off.",
            "anyOf": [
                { "enum": switchable },
                { "type": "string", "pattern": format!("^(?:{})$", codes.join("|")) }
            ]
        }),
    );
    defs.insert(
        "rules".into(),
        json!({ "anyOf": [{ "type": "array", "items": def("rule") }, def("rule")] }),
    );
    for object in Element::ALL {
        defs.insert(def_name(object).into(), object_schema(object));
    }

    let mut sections = Map::new();
    for &section in SECTIONS {
        let element = Element::of_section(section)
            .unwrap_or_else(|| panic!("the schema does not know the section `{section}`"));
        // The `model` section is the model's own mapping; the others map ids to elements.
        let schema = match element {
            Element::Model => def(def_name(element)),
            _ => json!({
                "type": "object",
                "propertyNames": def("id"),
                "additionalProperties": def(def_name(element))
            }),
        };
        let schema = with_description(description(element), or_null(schema));
        sections.insert(section.to_string(), schema);
    }

    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "vsm model file (format version 1)",
        "description": format!(
            "One file of a value-stream model checked by vsm; generated by `vsm schema` (vsm {}).",
            env!("CARGO_PKG_VERSION")
        ),
        "type": ["object", "null"],
        "properties": sections,
        "additionalProperties": false,
        "$defs": defs
    })
}

/// The schema as pretty-printed JSON with a final newline.
pub fn text() -> String {
    let mut text = serde_json::to_string_pretty(&schema()).expect("the schema serialises");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Finding;

    #[test]
    fn every_field_of_the_vocabulary_has_a_type() {
        // Generating walks every field list and panics on a field `field` does not know.
        let schema = schema();
        for object in Element::ALL {
            let properties = &schema["$defs"][def_name(object)]["properties"];
            let listed: Vec<&str> = properties
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(listed, object.fields(), "{object:?}");
        }
    }

    fn findings_of(text: &str) -> Vec<Finding> {
        crate::load::load_text("m.yaml", text).findings
    }

    /// The loader's own list of accepted values, read from its "use one of" help.
    fn loader_enum(section: &str, field: &str) -> Vec<String> {
        let text = format!("{section}:\n  x:\n    name: X\n    {field}: not-a-value\n");
        let findings = findings_of(&text);
        let help = findings
            .iter()
            .find_map(|f| f.help.clone())
            .unwrap_or_else(|| panic!("no help for {field}: {findings:?}"));
        let list = help
            .strip_prefix("use one of: ")
            .unwrap_or_else(|| panic!("{help}"));
        list.split(", ").map(str::to_string).collect()
    }

    /// The values the generated schema allows for a field.
    fn schema_enum(object: Element, field: &str) -> Vec<String> {
        let object = def_name(object);
        let values = &schema()["$defs"][object]["properties"][field]["anyOf"][0]["enum"];
        let values = values
            .as_array()
            .unwrap_or_else(|| panic!("no enum for {object}.{field}"));
        values
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    }

    #[test]
    fn enumerations_match_the_loader() {
        // Both sides read the same lists: this catches a field wired to the wrong one.
        let pairs = [
            (key::STAKEHOLDERS, key::TYPE),
            (key::CAPABILITIES, key::IMPORTANCE),
            (key::CAPABILITIES, key::ENABLEMENT),
            (key::COMMITMENTS, key::COMPOSITION),
        ];
        for (section, field) in pairs {
            let object = Element::of_section(section).unwrap();
            assert_eq!(
                loader_enum(section, field),
                schema_enum(object, field),
                "{object:?}.{field}"
            );
        }
    }

    /// Checks that `pattern` matches exactly the `cases` the loader accepts.
    fn agrees_with_the_loader(pattern: &str, cases: &[&str], loader_accepts: fn(&str) -> bool) {
        let schema = json!({ "type": "string", "pattern": pattern });
        let validator = jsonschema::validator_for(&schema).unwrap();
        for case in cases {
            let matches = validator.is_valid(&json!(case));
            assert_eq!(matches, loader_accepts(case), "`{case}` against {pattern}");
        }
    }

    #[test]
    fn duration_and_target_patterns_agree_with_the_loader() {
        let durations = [
            "30s",
            "1.5d",
            "1d 12h",
            "3 min",
            "3min",
            "2 hours",
            "1w 2d 3h 4m 5s",
            ".5h",
            "1.h",
            " 4h ",
            "10 seconds",
            "2 wk",
            "soon",
            "3",
            "3 parsecs",
            "",
            "h",
            "1.2.3h",
            "3ms",
            "-3h",
            "3 h x",
            "1d12h",
        ];
        agrees_with_the_loader(&duration_pattern(), &durations, |d| {
            crate::units::parse_duration(d).is_ok()
        });
        let targets = [
            "<= 2d",
            ">= 90%",
            "< 3min",
            "= 5",
            ">5",
            "<= 1d 12h",
            ">= 90 %",
            "= -3",
            "= 1e3",
            "2d",
            "<=",
            "<= soon",
            "=> 2d",
            "<= 2d!",
            ">= .5",
            "< 3 parsecs",
        ];
        agrees_with_the_loader(&target_pattern(), &targets, |t| {
            crate::units::parse_target(t).is_ok()
        });
    }

    #[test]
    fn the_schema_is_valid_draft_2020_12() {
        let schema = schema();
        jsonschema::draft202012::meta::validate(&schema).unwrap();
        let validator = jsonschema::draft202012::new(&schema).unwrap();
        assert!(validator.is_valid(
            &json!({"capabilities": {"a": {"name": "A", "allow": ["vsm201", "unused-capability"]}}})
        ));
        assert!(!validator
            .is_valid(&json!({"capabilities": {"a": {"name": "A", "allow": ["VSM001"]}}})));
        assert!(!validator.is_valid(&json!({"capabilities": {"a": {"name": "A", "maturty": 2}}})));
        assert!(!validator.is_valid(&json!({"capabilites": {}})));
    }
}
