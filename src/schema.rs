//! The JSON Schema (draft 2020-12) of the model format, for editor completion and validation
//! (yaml-language-server: `# yaml-language-server: $schema=vsm.schema.json`).
//!
//! Generated from the loader's own field lists ([`crate::load::SECTIONS`],
//! [`crate::load::STAGE_FIELDS`], ...): every object lists exactly the fields the loader reads
//! (`additionalProperties: false`), so a field added to the loader without a type here fails
//! the tests instead of drifting. Enumerations are the loader's own lists; durations and targets
//! are checked against the loader in this module's tests.

use crate::catalog::RULES;
use crate::load::{
    value_names, BUSINESS_OBJECT_FIELDS, CAPABILITY_FIELDS, COMMITMENT_FIELDS, COMPOSITION,
    ENABLEMENT, IMPORTANCE, INFORMATION_FIELDS, MODEL_FIELDS, PERCEPTION_FIELDS, PROCESS_FIELDS,
    SECTIONS, STAGE_FIELDS, STAKEHOLDER_FIELDS, STAKEHOLDER_TYPES, STEP_FIELDS, VALUE_ITEM_FIELDS,
    VALUE_STREAM_FIELDS,
};
use serde_json::{json, Map, Value};

/// A number as `units::parse_duration` reads it.
const NUMBER: &str = r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)";
/// The units of `units::parse_duration`, longest spelling first.
const UNITS: &str = "(?:seconds|second|secs|sec|s|minutes|minute|mins|min|m|hours|hour|hrs|hr|h|days|day|d|weeks|week|wk|w)";

/// One or more `NUMBER UNIT` terms: `30s`, `1.5d`, `1d 12h`, `3 min`.
pub fn duration_pattern() -> String {
    format!(r"^\s*(?:{NUMBER}\s*{UNITS}\s*)+$")
}

/// A comparator and a duration, a percentage or a plain number: `<= 2d`, `>= 90%`, `= 5`.
pub fn target_pattern() -> String {
    let signed = format!(r"[+-]?{NUMBER}(?:[eE][+-]?[0-9]+)?");
    format!(r"^\s*(?:<=|>=|<|>|=)\s*(?:{signed}\s*%|{signed}|(?:{NUMBER}\s*{UNITS}\s*)+)\s*$")
}

/// The object definitions (`$defs`) of the format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Def {
    Model,
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

impl Def {
    const ALL: [Def; 12] = [
        Def::Model,
        Def::Stakeholder,
        Def::ValueStream,
        Def::Stage,
        Def::ValueItem,
        Def::Capability,
        Def::Process,
        Def::Step,
        Def::Information,
        Def::BusinessObject,
        Def::Commitment,
        Def::Perception,
    ];

    /// The loader's field list for this object.
    fn fields(self) -> &'static [&'static str] {
        match self {
            Def::Model => MODEL_FIELDS,
            Def::Stakeholder => STAKEHOLDER_FIELDS,
            Def::ValueStream => VALUE_STREAM_FIELDS,
            Def::Stage => STAGE_FIELDS,
            Def::ValueItem => VALUE_ITEM_FIELDS,
            Def::Capability => CAPABILITY_FIELDS,
            Def::Process => PROCESS_FIELDS,
            Def::Step => STEP_FIELDS,
            Def::Information => INFORMATION_FIELDS,
            Def::BusinessObject => BUSINESS_OBJECT_FIELDS,
            Def::Commitment => COMMITMENT_FIELDS,
            Def::Perception => PERCEPTION_FIELDS,
        }
    }

    fn def_name(self) -> &'static str {
        match self {
            Def::Model => "model",
            Def::Stakeholder => "stakeholder",
            Def::ValueStream => "value_stream",
            Def::Stage => "stage",
            Def::ValueItem => "value_item",
            Def::Capability => "capability",
            Def::Process => "process",
            Def::Step => "step",
            Def::Information => "information",
            Def::BusinessObject => "business_object",
            Def::Commitment => "commitment",
            Def::Perception => "perception",
        }
    }

    fn description(self) -> &'static str {
        match self {
            Def::Model => "About the model as a whole (at most once across all files).",
            Def::Stakeholder => {
                "A person, role, department or organisation with a stake in the value streams."
            }
            Def::ValueStream => {
                "An end-to-end series of stages that creates value for the triggering stakeholder."
            }
            Def::Stage => "A stage of a value stream; the key is its id.",
            Def::ValueItem => "What value the customer gets from the stage.",
            Def::Capability => {
                "What the business is able to do; levels come from the `parent` chain."
            }
            Def::Process => "An end-to-end process that realises stages.",
            Def::Step => "One step of a process.",
            Def::Information => "Information the business uses.",
            Def::BusinessObject => "A business object that information is organised around.",
            Def::Commitment => "A tiered service commitment.",
            Def::Perception => "A customer perception point (touch point).",
        }
    }

    /// Fields the loader reports as missing.
    fn required(self) -> &'static [&'static str] {
        match self {
            Def::Model => &[],
            Def::ValueStream => &["name", "trigger"],
            _ => &["name"],
        }
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
    Integer(i64, i64),
    Number(f64, f64),
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
fn field(object: Def, name: &str) -> Option<(Type, &'static str)> {
    use Def::*;
    use Type::*;
    let common = match name {
        "name" => Some((Text, "A short human-readable name.")),
        "description" => Some((Text, "Free text.")),
        "allow" if object != Model && object != Step && object != ValueItem => Some((
            Rules,
            "Rules (codes or names) switched off for this element.",
        )),
        _ => None,
    };
    if common.is_some() {
        return common;
    }
    Some(match (object, name) {
        (Model, "version") => (Text, "Version of the model."),
        (Model, "owner") => (Text, "Who keeps the model."),
        (Stakeholder, "type") => (Enum(value_names(STAKEHOLDER_TYPES)), "Internal, external or partner."),
        (ValueStream, "trigger") => (Ref, "The stakeholder whose need starts the stream."),
        (ValueStream, "value_proposition") => {
            (Text, "What the triggering stakeholder finally gets.")
        }
        (ValueStream, "segment") => (Text, "Target customer group."),
        (ValueStream, "stages") => (Stages, "The stages, in order: id → stage."),
        (Stage, "stakeholders") => (Refs, "Participating stakeholders."),
        (Stage, "entry_conditions") => (Texts, "What must hold before the stage starts."),
        (Stage, "exit_conditions") => {
            (Texts, "What holds when it is done; triggers the next stage.")
        }
        (Stage, "value_items") => (
            ValueItems,
            "Value items: a text (the name) or a mapping. None = the stage adds no value.",
        ),
        (Stage | ValueItem | Process | Step, "capabilities") => (Refs, "Capability ids."),
        (Stage, "processes") => (Refs, "Processes that realise the stage."),
        (Stage | Process | Step, "information") => (Refs, "Information ids."),
        (Stage, "business_objects") => (Refs, "Business object ids."),
        (Stage, "next") => (
            Refs,
            "Stage ids of the same stream that follow, when it is not simply the next stage; `[]` ends the stream.",
        ),
        (Stage, "process_time") => (Duration, "Working time, e.g. `3 min`, `4h`, `1d 12h`."),
        (Stage, "wait_time") => (Duration, "Waiting time, e.g. `30s`, `2d`."),
        (ValueItem, "measure") => (Text, "How the value is measured, e.g. `30-second answer rate >= 90%`."),
        (Capability, "parent") => (Ref, "The parent capability; level 1 has none."),
        (Capability, "level") => (Integer(1, 9), "Level 1–9; must match the depth of the parent chain."),
        (Capability, "maturity") => (Integer(1, 5), "Current maturity, 1–5."),
        (Capability, "target_maturity") => (Integer(1, 5), "Wanted maturity, 1–5."),
        (Capability, "importance") => (Enum(value_names(IMPORTANCE)), "Strategic importance."),
        (Capability, "owner") => (Ref, "Stakeholder id."),
        (Capability, "enablement") => (Enum(value_names(ENABLEMENT)), "How it is delivered."),
        (Process, "owner") => (Ref, "The end-to-end owner (stakeholder id)."),
        (Process, "steps") => (Steps, "The steps, in order: a text (the name) or a mapping."),
        (Step, "owner") => (Ref, "Stakeholder id."),
        (Step, "automated") => (Bool, "Whether the step runs without people."),
        (Information, "business_object") => (Ref, "The business object it is organised around."),
        (BusinessObject, "attributes") => (Texts, "Attribute names."),
        (BusinessObject, "related") => (Refs, "Related business object ids."),
        (Commitment, "target") => (Target, "A comparator and an amount: `<= 2d`, `>= 90%`, `< 3min`."),
        (Commitment, "owner") => (Ref, "The department or role that answers for it."),
        (Commitment | Perception, "stage") => (Ref, "Where it is felt, as `stream-id/stage-id`."),
        (Commitment, "perception") => (Ref, "The customer perception point it answers."),
        (Commitment, "parts") => (Refs, "Lower-level commitments that decompose it."),
        (Commitment, "composition") => (Enum(value_names(COMPOSITION)), "How duration parts add up (default sequential)."),
        (Perception, "channel") => (Text, "e.g. phone, web, branch."),
        (Perception, "importance") => (Integer(1, 5), "Importance to the customer, 1–5."),
        (Perception, "current") => (Number(0.0, 100.0), "Current score (0–5 or 0–100, one scale per model)."),
        (Perception, "expected") => (Number(0.0, 100.0), "Expected score, same scale as `current`."),
        (Perception, "focus") => (Bool, "A focus point: some commitment must answer it."),
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
        Type::Integer(low, high) => json!({ "type": "integer", "minimum": low, "maximum": high }),
        Type::Number(low, high) => json!({ "type": "number", "minimum": low, "maximum": high }),
        Type::Bool => json!({ "type": "boolean" }),
        Type::Enum(values) => json!({ "enum": values }),
        Type::Duration => def("duration"),
        Type::Target => def("target"),
        Type::Rules => def("rules"),
        Type::ValueItems => json!({
            "anyOf": [
                { "type": "array", "items": { "anyOf": [def("text"), def("value_item")] } },
                def("text")
            ]
        }),
        Type::Steps => json!({
            "anyOf": [
                { "type": "array", "items": { "anyOf": [def("text"), def("step")] } },
                def("text")
            ]
        }),
        Type::Stages => json!({
            "type": "object",
            "propertyNames": def("id"),
            "additionalProperties": def("stage")
        }),
    }
}

fn object_schema(object: Def) -> Value {
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
        let mut with_description = Map::new();
        with_description.insert("description".into(), description.into());
        if let Value::Object(map) = schema {
            with_description.extend(map);
        }
        properties.insert(name.to_string(), Value::Object(with_description));
    }
    json!({
        "type": "object",
        "description": object.description(),
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
    for object in Def::ALL {
        defs.insert(object.def_name().into(), object_schema(object));
    }

    let mut sections = Map::new();
    for &section in SECTIONS {
        let (schema, description) = match section {
            "model" => (def("model"), Def::Model.description()),
            other => {
                let element = match other {
                    "stakeholders" => Def::Stakeholder,
                    "value_streams" => Def::ValueStream,
                    "capabilities" => Def::Capability,
                    "processes" => Def::Process,
                    "information" => Def::Information,
                    "business_objects" => Def::BusinessObject,
                    "commitments" => Def::Commitment,
                    "perceptions" => Def::Perception,
                    _ => panic!("the schema does not know the section `{other}`"),
                };
                (
                    json!({
                        "type": "object",
                        "propertyNames": def("id"),
                        "additionalProperties": def(element.def_name())
                    }),
                    element.description(),
                )
            }
        };
        let mut with_description = Map::new();
        with_description.insert("description".into(), description.into());
        with_description.insert("anyOf".into(), json!([schema, { "type": "null" }]));
        sections.insert(section.to_string(), Value::Object(with_description));
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
    fn every_field_of_the_loader_has_a_type() {
        // Generating walks every field list and panics on an unknown field.
        let schema = schema();
        let stage = &schema["$defs"]["stage"]["properties"];
        assert_eq!(stage.as_object().unwrap().len(), STAGE_FIELDS.len());
        for object in Def::ALL {
            for &name in object.fields() {
                assert!(field(object, name).is_some(), "{object:?}.{name}");
            }
        }
    }

    fn findings_of(text: &str) -> Vec<Finding> {
        crate::load::load_text("m.yaml", text).findings
    }

    /// The loader's own list of accepted values, read from its "use one of" help.
    fn loader_enum(section: &str, element: &str, field: &str) -> Vec<String> {
        let text = format!("{section}:\n  x:\n    name: X\n    {element}{field}: not-a-value\n");
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
    fn schema_enum(object: &str, field: &str) -> Vec<String> {
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
            ("stakeholders", "stakeholder", "type"),
            ("capabilities", "capability", "importance"),
            ("capabilities", "capability", "enablement"),
            ("commitments", "commitment", "composition"),
        ];
        for (section, object, field) in pairs {
            assert_eq!(
                loader_enum(section, "", field),
                schema_enum(object, field),
                "{object}.{field}"
            );
        }
    }

    fn matches(pattern: &str, text: &str) -> bool {
        let schema = json!({ "type": "string", "pattern": pattern });
        jsonschema::validator_for(&schema)
            .unwrap()
            .is_valid(&json!(text))
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
        for d in durations {
            let loader = crate::units::parse_duration(d).is_ok();
            assert_eq!(matches(&duration_pattern(), d), loader, "duration `{d}`");
        }
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
        for t in targets {
            let loader = crate::units::parse_target(t).is_ok();
            assert_eq!(matches(&target_pattern(), t), loader, "target `{t}`");
        }
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
