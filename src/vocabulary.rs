//! The words of the model format: section names, the fields of each kind of element, and the
//! values of enumerated fields.
//!
//! This is the one place they are written. The loader matches keys against these constants and
//! reports any other key with the lists below; the JSON Schema ([`crate::schema`]) lists the same
//! fields and values; the fuzzer and the property tests mutate files with them. A field added
//! here without a reader, or a reader without a field here, fails this module's tests.
//!
//! It knows nothing of loading or checking: only the typed values of [`crate::model`].

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
pub const STAKEHOLDER_FIELDS: &[&str] = &[NAME, TYPE, DESCRIPTION, ALLOW];
pub const VALUE_STREAM_FIELDS: &[&str] = &[
    NAME,
    DESCRIPTION,
    TRIGGER,
    VALUE_PROPOSITION,
    SEGMENT,
    STAGES,
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
    ALLOW,
];
pub const VALUE_ITEM_FIELDS: &[&str] = &[NAME, DESCRIPTION, CAPABILITIES, MEASURE];
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
    ALLOW,
];
pub const PROCESS_FIELDS: &[&str] = &[
    NAME,
    DESCRIPTION,
    OWNER,
    CAPABILITIES,
    INFORMATION,
    STEPS,
    ALLOW,
];
pub const STEP_FIELDS: &[&str] = &[NAME, OWNER, CAPABILITIES, INFORMATION, AUTOMATED];
pub const INFORMATION_FIELDS: &[&str] = &[NAME, DESCRIPTION, BUSINESS_OBJECT, ALLOW];
pub const BUSINESS_OBJECT_FIELDS: &[&str] = &[NAME, DESCRIPTION, ATTRIBUTES, RELATED, ALLOW];
pub const COMMITMENT_FIELDS: &[&str] = &[
    NAME,
    DESCRIPTION,
    TARGET,
    OWNER,
    STAGE,
    PERCEPTION,
    PARTS,
    COMPOSITION,
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

/// The names of an enumeration's values, in order.
pub fn value_names<'a, T>(values: &[(&'a str, T)]) -> Vec<&'a str> {
    values.iter().map(|(name, _)| *name).collect()
}
