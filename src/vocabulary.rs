//! The words of the model format: section names, the fields of each kind of element, and the
//! values of enumerated fields.
//!
//! This is the one place they are written. The loader matches keys against these constants and
//! reports any other key with the lists below; the JSON Schema (`vsm schema`) lists the same
//! fields and values; the fuzzer and the property tests mutate files with them. A field added
//! here without a reader, or listed by the schema but not read, fails this module's tests.
//!
//! It knows nothing of loading or checking: only the typed values of the model.

use crate::model::{Comparator, Composition, Enablement, Importance, StakeholderType};
use std::ops::RangeInclusive;

/// Every key a model file can hold: the section names and the field names. One constant per
/// word, so `key::STAKEHOLDERS` is both the section and the field of a stage.
pub mod key {
    pub const MODEL: &str = "model";
    pub const STAKEHOLDERS: &str = "stakeholders";
    pub const VALUE_STREAMS: &str = "value_streams";
    pub const CAPABILITIES: &str = "capabilities";
    pub const PROCESSES: &str = "processes";
    pub const INFORMATION: &str = "information";
    pub const BUSINESS_OBJECTS: &str = "business_objects";
    pub const COMMITMENTS: &str = "commitments";
    pub const PERCEPTIONS: &str = "perceptions";

    pub const NAME: &str = "name";
    pub const DESCRIPTION: &str = "description";
    pub const ALLOW: &str = "allow";
    pub const VERSION: &str = "version";
    pub const OWNER: &str = "owner";
    pub const TYPE: &str = "type";
    pub const TRIGGER: &str = "trigger";
    pub const VALUE_PROPOSITION: &str = "value_proposition";
    pub const SEGMENT: &str = "segment";
    pub const STAGES: &str = "stages";
    pub const ENTRY_CONDITIONS: &str = "entry_conditions";
    pub const EXIT_CONDITIONS: &str = "exit_conditions";
    pub const VALUE_ITEMS: &str = "value_items";
    pub const NEXT: &str = "next";
    pub const PROCESS_TIME: &str = "process_time";
    pub const WAIT_TIME: &str = "wait_time";
    pub const MEASURE: &str = "measure";
    pub const PARENT: &str = "parent";
    pub const LEVEL: &str = "level";
    pub const MATURITY: &str = "maturity";
    pub const TARGET_MATURITY: &str = "target_maturity";
    pub const IMPORTANCE: &str = "importance";
    pub const ENABLEMENT: &str = "enablement";
    pub const STEPS: &str = "steps";
    pub const AUTOMATED: &str = "automated";
    pub const BUSINESS_OBJECT: &str = "business_object";
    pub const ATTRIBUTES: &str = "attributes";
    pub const RELATED: &str = "related";
    pub const TARGET: &str = "target";
    pub const STAGE: &str = "stage";
    pub const PERCEPTION: &str = "perception";
    pub const PARTS: &str = "parts";
    pub const COMPOSITION: &str = "composition";
    pub const CHANNEL: &str = "channel";
    pub const CURRENT: &str = "current";
    pub const EXPECTED: &str = "expected";
    pub const FOCUS: &str = "focus";
    /// The element's identifier in an ArchiMate exchange file: written by `vsm import
    /// archimate`, kept by `vsm export archimate` (docs/interop.md).
    pub const ARCHIMATE_ID: &str = "archimate_id";
}

use key::*;

/// The top-level sections of a model file, in the order messages list them.
pub const SECTIONS: &[&str] = &[
    MODEL,
    STAKEHOLDERS,
    VALUE_STREAMS,
    CAPABILITIES,
    PROCESSES,
    INFORMATION,
    BUSINESS_OBJECTS,
    COMMITMENTS,
    PERCEPTIONS,
];

// The fields of each kind of element, in the order messages and the schema list them.
pub const MODEL_FIELDS: &[&str] = &[NAME, DESCRIPTION, VERSION, OWNER];
pub const STAKEHOLDER_FIELDS: &[&str] = &[NAME, TYPE, DESCRIPTION, ARCHIMATE_ID, ALLOW];
pub const VALUE_STREAM_FIELDS: &[&str] = &[
    NAME,
    DESCRIPTION,
    TRIGGER,
    VALUE_PROPOSITION,
    SEGMENT,
    STAGES,
    ARCHIMATE_ID,
    ALLOW,
];
pub const STAGE_FIELDS: &[&str] = &[
    NAME,
    DESCRIPTION,
    STAKEHOLDERS,
    ENTRY_CONDITIONS,
    EXIT_CONDITIONS,
    VALUE_ITEMS,
    CAPABILITIES,
    PROCESSES,
    INFORMATION,
    BUSINESS_OBJECTS,
    NEXT,
    PROCESS_TIME,
    WAIT_TIME,
    ARCHIMATE_ID,
    ALLOW,
];
pub const VALUE_ITEM_FIELDS: &[&str] = &[NAME, DESCRIPTION, CAPABILITIES, MEASURE, ARCHIMATE_ID];
pub const CAPABILITY_FIELDS: &[&str] = &[
    NAME,
    DESCRIPTION,
    PARENT,
    LEVEL,
    MATURITY,
    TARGET_MATURITY,
    IMPORTANCE,
    OWNER,
    ENABLEMENT,
    ARCHIMATE_ID,
    ALLOW,
];
pub const PROCESS_FIELDS: &[&str] = &[
    NAME,
    DESCRIPTION,
    OWNER,
    CAPABILITIES,
    INFORMATION,
    STEPS,
    ARCHIMATE_ID,
    ALLOW,
];
pub const STEP_FIELDS: &[&str] = &[
    NAME,
    OWNER,
    CAPABILITIES,
    INFORMATION,
    AUTOMATED,
    ARCHIMATE_ID,
];
pub const INFORMATION_FIELDS: &[&str] = &[NAME, DESCRIPTION, BUSINESS_OBJECT, ARCHIMATE_ID, ALLOW];
pub const BUSINESS_OBJECT_FIELDS: &[&str] =
    &[NAME, DESCRIPTION, ATTRIBUTES, RELATED, ARCHIMATE_ID, ALLOW];
pub const COMMITMENT_FIELDS: &[&str] = &[
    NAME,
    DESCRIPTION,
    TARGET,
    OWNER,
    STAGE,
    PERCEPTION,
    PARTS,
    COMPOSITION,
    ARCHIMATE_ID,
    ALLOW,
];
pub const PERCEPTION_FIELDS: &[&str] = &[
    NAME,
    DESCRIPTION,
    STAGE,
    CHANNEL,
    IMPORTANCE,
    CURRENT,
    EXPECTED,
    FOCUS,
    ARCHIMATE_ID,
    ALLOW,
];

/// The kinds of mapping a model file is made of: the `model` section, the elements of each
/// section, and the stages, value items and steps nested in them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Element {
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

impl Element {
    pub const ALL: [Element; 12] = [
        Element::Model,
        Element::Stakeholder,
        Element::ValueStream,
        Element::Stage,
        Element::ValueItem,
        Element::Capability,
        Element::Process,
        Element::Step,
        Element::Information,
        Element::BusinessObject,
        Element::Commitment,
        Element::Perception,
    ];

    /// The keys this mapping may hold.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Element::Model => MODEL_FIELDS,
            Element::Stakeholder => STAKEHOLDER_FIELDS,
            Element::ValueStream => VALUE_STREAM_FIELDS,
            Element::Stage => STAGE_FIELDS,
            Element::ValueItem => VALUE_ITEM_FIELDS,
            Element::Capability => CAPABILITY_FIELDS,
            Element::Process => PROCESS_FIELDS,
            Element::Step => STEP_FIELDS,
            Element::Information => INFORMATION_FIELDS,
            Element::BusinessObject => BUSINESS_OBJECT_FIELDS,
            Element::Commitment => COMMITMENT_FIELDS,
            Element::Perception => PERCEPTION_FIELDS,
        }
    }

    /// The fields the loader reports as missing when they are absent.
    pub fn required(self) -> &'static [&'static str] {
        match self {
            Element::Model => &[],
            Element::ValueStream => &[NAME, TRIGGER],
            _ => &[NAME],
        }
    }

    /// The element kind a top-level section holds (`model` holds the model's own fields).
    pub fn of_section(section: &str) -> Option<Element> {
        Some(match section {
            key::MODEL => Element::Model,
            key::STAKEHOLDERS => Element::Stakeholder,
            key::VALUE_STREAMS => Element::ValueStream,
            key::CAPABILITIES => Element::Capability,
            key::PROCESSES => Element::Process,
            key::INFORMATION => Element::Information,
            key::BUSINESS_OBJECTS => Element::BusinessObject,
            key::COMMITMENTS => Element::Commitment,
            key::PERCEPTIONS => Element::Perception,
            _ => return None,
        })
    }
}

/// Every key the format knows, sorted, each once: for tools that write model files at random.
pub fn all_keys() -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = SECTIONS
        .iter()
        .chain(Element::ALL.iter().flat_map(|e| e.fields()))
        .copied()
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

// ----- values ------------------------------------------------------------------------------

// The values of each enumerated field as written, in the order help texts list them.
pub const STAKEHOLDER_TYPE_VALUES: &[(&str, StakeholderType)] = &[
    ("internal", StakeholderType::Internal),
    ("external", StakeholderType::External),
    ("partner", StakeholderType::Partner),
];
pub const IMPORTANCE_VALUES: &[(&str, Importance)] = &[
    ("low", Importance::Low),
    ("medium", Importance::Medium),
    ("high", Importance::High),
    ("critical", Importance::Critical),
];
pub const ENABLEMENT_VALUES: &[(&str, Enablement)] = &[
    ("manual", Enablement::Manual),
    ("it-supported", Enablement::ItSupported),
    ("automated", Enablement::Automated),
];
pub const COMPOSITION_VALUES: &[(&str, Composition)] = &[
    ("sequential", Composition::Sequential),
    ("parallel", Composition::Parallel),
];

/// The comparators that start a target (`<= 2d`), longest first: `<=` must be tried before `<`.
pub const COMPARATORS: &[(&str, Comparator)] = &[
    ("<=", Comparator::AtMost),
    (">=", Comparator::AtLeast),
    ("<", Comparator::Less),
    (">", Comparator::Greater),
    ("=", Comparator::Equal),
];

/// The spellings of each duration unit, longest first (a pattern must try `min` before `m`),
/// with the unit's length in seconds.
pub const DURATION_UNITS: &[(&[&str], f64)] = &[
    (&["seconds", "second", "secs", "sec", "s"], 1.0),
    (&["minutes", "minute", "mins", "min", "m"], 60.0),
    (&["hours", "hour", "hrs", "hr", "h"], 3_600.0),
    (&["days", "day", "d"], 86_400.0),
    (&["weeks", "week", "wk", "w"], 604_800.0),
];

// The ranges of numeric fields.
/// `level` of a capability: 1 has no parent.
pub const LEVELS: RangeInclusive<i64> = 1..=9;
/// `maturity` and `target_maturity` of a capability.
pub const MATURITY_SCALE: RangeInclusive<i64> = 1..=5;
/// `importance` of a perception point: a score, where a capability's is a word.
pub const PERCEIVED_IMPORTANCE_SCALE: RangeInclusive<i64> = 1..=5;
/// `current` and `expected` of a perception point: 0–5 or 0–100, one scale per model.
pub const SCORE_SCALE: RangeInclusive<f64> = 0.0..=100.0;
/// The smaller of the two score scales: a score outside it can only be on 0–100.
pub const SMALL_SCORE_SCALE: RangeInclusive<f64> = 0.0..=5.0;

/// The names of an enumeration's values, in order.
pub fn value_names<'a, T>(values: &[(&'a str, T)]) -> Vec<&'a str> {
    values.iter().map(|(name, _)| *name).collect()
}

#[cfg(test)]
mod tests {
    //! The vocabulary against the loader, the schema and `units`: a word added, dropped or
    //! renamed on one side only fails here.

    use super::*;
    use crate::diag::Finding;
    use crate::model::Model;
    use serde_json::{json, Map, Value};

    /// The id of the element under test.
    const ID: &str = "x";

    /// A model text with `body` as the mapping of one element of kind `element` (`x` where an
    /// id is needed), inside parents that have every field they need. JSON is YAML too.
    fn in_a_model(element: Element, body: Value) -> String {
        let stream = |stages: Value| json!({ "s": { key::NAME: "S", key::TRIGGER: "t", key::STAGES: stages } });
        let process = |steps: Value| json!({ "p": { key::NAME: "P", key::STEPS: steps } });
        let model = match element {
            Element::Model => json!({ key::MODEL: body }),
            Element::Stage => json!({ key::VALUE_STREAMS: stream(json!({ ID: body })) }),
            Element::ValueItem => json!({
                key::VALUE_STREAMS: stream(json!({ ID: { key::NAME: "X", key::VALUE_ITEMS: [body] } }))
            }),
            Element::Step => json!({ key::PROCESSES: process(json!([body])) }),
            _ => {
                let section = SECTIONS
                    .iter()
                    .find(|&&s| Element::of_section(s) == Some(element))
                    .expect("every top-level element has a section");
                json!({ *section: { ID: body } })
            }
        };
        model.to_string()
    }

    fn load(element: Element, body: Value) -> (Model, Vec<Finding>) {
        let loaded = crate::load::load_text("m.yaml", &in_a_model(element, body));
        (loaded.model, loaded.findings)
    }

    /// Reads one field of a named element, which must give no finding.
    fn read_clean(element: Element, field: &str, value: Value) -> Model {
        let (model, findings) = load(element, json!({ key::NAME: "X", field: value }));
        assert!(findings.is_empty(), "{element:?}.{field}: {findings:?}");
        model
    }

    fn codes(findings: &[Finding]) -> Vec<&str> {
        findings.iter().map(|f| f.rule.code).collect()
    }

    #[test]
    fn the_loader_reads_every_field_the_schema_lists_and_reports_any_other() {
        let schema = crate::schema::schema();
        for element in Element::ALL {
            let listed = &schema["$defs"][crate::schema::def_name(element)]["properties"];
            let mut body: Map<String, Value> = listed
                .as_object()
                .unwrap()
                .keys()
                .map(|field| (field.clone(), Value::Null))
                .collect();
            body.insert("zzzz".into(), Value::Null);
            let (_, findings) = load(element, Value::Object(body));
            let unknown: Vec<&Finding> = findings
                .iter()
                .filter(|f| f.rule.code == "VSM002")
                .collect();
            assert_eq!(unknown.len(), 1, "{element:?}: {findings:?}");
            assert_eq!(unknown[0].message, "unknown field `zzzz`");
            let known = format!("known fields: {}", element.fields().join(", "));
            assert_eq!(unknown[0].help.as_deref(), Some(known.as_str()));
        }
    }

    #[test]
    fn the_loader_reads_every_section_and_reports_any_other() {
        let mut text: String = SECTIONS.iter().map(|s| format!("{s}: ~\n")).collect();
        text.push_str("zzzz: ~\n");
        let findings = crate::load::load_text("m.yaml", &text).findings;
        assert_eq!(codes(&findings), ["VSM002"], "{findings:?}");
        let known = format!("known sections: {}", SECTIONS.join(", "));
        assert_eq!(findings[0].help.as_deref(), Some(known.as_str()));
        let schema = crate::schema::schema();
        let listed: Vec<&str> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(listed, SECTIONS);
    }

    #[test]
    fn every_enumerated_value_is_read() {
        for &(word, value) in STAKEHOLDER_TYPE_VALUES {
            let model = read_clean(Element::Stakeholder, key::TYPE, json!(word));
            assert_eq!(model.stakeholders[ID].kind.as_ref().unwrap().value, value);
        }
        for &(word, value) in IMPORTANCE_VALUES {
            let model = read_clean(Element::Capability, key::IMPORTANCE, json!(word));
            assert_eq!(
                model.capabilities[ID].importance.as_ref().unwrap().value,
                value
            );
        }
        for &(word, value) in ENABLEMENT_VALUES {
            let model = read_clean(Element::Capability, key::ENABLEMENT, json!(word));
            assert_eq!(
                model.capabilities[ID].enablement.as_ref().unwrap().value,
                value
            );
        }
        for &(word, value) in COMPOSITION_VALUES {
            let model = read_clean(Element::Commitment, key::COMPOSITION, json!(word));
            assert_eq!(model.commitments[ID].composition(), value);
        }
        for &(symbol, comparator) in COMPARATORS {
            let model = read_clean(
                Element::Commitment,
                key::TARGET,
                json!(format!("{symbol} 5")),
            );
            let target = model.commitments[ID].target.as_ref().unwrap();
            assert_eq!(target.value.comparator, comparator);
            assert_eq!(comparator.symbol(), symbol);
        }
        for &(spellings, seconds) in DURATION_UNITS {
            for spelling in spellings {
                let model = read_clean(
                    Element::Stage,
                    key::WAIT_TIME,
                    json!(format!("2 {spelling}")),
                );
                let stage = &model.value_streams["s"].stages[ID];
                assert_eq!(stage.wait_time.as_ref().unwrap().value.0, 2.0 * seconds);
            }
        }
    }

    #[test]
    fn longer_spellings_come_first() {
        // `<` before `<=` would read `<= 2d` as `<` and `= 2d`.
        let symbols = value_names(COMPARATORS);
        let units: Vec<&str> = DURATION_UNITS
            .iter()
            .flat_map(|(s, _)| s.iter().copied())
            .collect();
        for list in [symbols, units] {
            for (i, earlier) in list.iter().enumerate() {
                for later in &list[i + 1..] {
                    assert!(!later.starts_with(earlier), "`{earlier}` before `{later}`");
                }
            }
        }
    }

    #[test]
    fn numbers_are_read_inside_their_range_only() {
        let integers = [
            (Element::Capability, key::LEVEL, LEVELS),
            (Element::Capability, key::MATURITY, MATURITY_SCALE),
            (Element::Capability, key::TARGET_MATURITY, MATURITY_SCALE),
            (
                Element::Perception,
                key::IMPORTANCE,
                PERCEIVED_IMPORTANCE_SCALE,
            ),
        ];
        for (element, field, range) in integers {
            read_clean(element, field, json!(range.start()));
            read_clean(element, field, json!(range.end()));
            for outside in [range.start() - 1, range.end() + 1] {
                let (_, findings) = load(element, json!({ key::NAME: "X", field: outside }));
                assert_eq!(
                    codes(&findings),
                    ["VSM003"],
                    "{element:?}.{field} = {outside}"
                );
            }
        }
        for field in [key::CURRENT, key::EXPECTED] {
            read_clean(Element::Perception, field, json!(SCORE_SCALE.start()));
            read_clean(Element::Perception, field, json!(SCORE_SCALE.end()));
            let outside = SCORE_SCALE.end() + 1.0;
            let (_, findings) = load(
                Element::Perception,
                json!({ key::NAME: "X", field: outside }),
            );
            assert_eq!(codes(&findings), ["VSM003"], "{field} = {outside}");
        }
    }

    #[test]
    fn required_fields_are_reported_when_missing() {
        for element in Element::ALL {
            let (_, findings) = load(element, json!({}));
            let missing: Vec<&Finding> = findings
                .iter()
                .filter(|f| f.rule.code == "VSM004")
                .collect();
            assert_eq!(
                missing.len(),
                element.required().len(),
                "{element:?}: {findings:?}"
            );
            for (finding, field) in missing.iter().zip(element.required()) {
                assert!(
                    finding.message.contains(&format!("`{field}`")),
                    "{finding:?}"
                );
            }
        }
    }

    #[test]
    fn all_keys_lists_every_section_and_field_once() {
        let keys = all_keys();
        assert!(keys.windows(2).all(|pair| pair[0] < pair[1]), "{keys:?}");
        for element in Element::ALL {
            assert!(
                element.fields().iter().all(|f| keys.contains(f)),
                "{element:?}"
            );
        }
        assert!(SECTIONS.iter().all(|s| keys.contains(s)));
    }
}
