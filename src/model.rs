//! The typed model: what the loader makes of the YAML files, every value with its place.
//!
//! Every field a user can get wrong keeps its [`Loc`], so findings point at the exact node.
//! Maps are `IndexMap`s: the order of the files is the order of tables and reports.

use crate::source::Loc;
use indexmap::IndexMap;
use serde::Serialize;

/// A value and where it was written.
#[derive(Clone, Debug)]
pub struct Spanned<T> {
    pub value: T,
    pub loc: Loc,
}

impl<T> Spanned<T> {
    pub fn new(value: T, loc: Loc) -> Self {
        Spanned { value, loc }
    }
}

/// The model's strings: the same 24 bytes as a `String`, but a string of up to 24 bytes (nearly
/// every id, name and reference) is kept inline, with no allocation of its own. A file of a
/// million small stages holds eight such strings per stage: as `String`s they cost 32 bytes of
/// heap each on top (docs/performance.md). It reads as a `&str` (`Deref`), and hashes and
/// compares as one, so an `IndexMap<Str, _>` is looked up with a `&str`.
pub type Str = compact_str::CompactString;

/// A model's list, never grown after loading: a boxed slice is 16 bytes where a `Vec` is 24,
/// and a stage has nine of them. It reads as a slice.
pub type List<T> = Box<[T]>;

pub type Text = Spanned<Str>;
/// A reference to another element by id (`stream/stage` for stages).
pub type Ref = Spanned<Str>;

/// The kinds of element, one per section of the format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Stakeholder,
    ValueStream,
    Stage,
    Capability,
    Process,
    Information,
    BusinessObject,
    Commitment,
    Perception,
}

impl Kind {
    /// Singular noun for messages.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Stakeholder => "stakeholder",
            Kind::ValueStream => "value stream",
            Kind::Stage => "stage",
            Kind::Capability => "capability",
            Kind::Process => "process",
            Kind::Information => "information",
            Kind::BusinessObject => "business object",
            Kind::Commitment => "commitment",
            Kind::Perception => "perception point",
        }
    }

    /// The noun with its indefinite article, as a sentence needs it: "a stakeholder",
    /// "an …", and "information" alone (a mass noun takes none).
    pub fn with_article(self) -> &'static str {
        match self {
            Kind::Stakeholder => "a stakeholder",
            Kind::ValueStream => "a value stream",
            Kind::Stage => "a stage",
            Kind::Capability => "a capability",
            Kind::Process => "a process",
            Kind::Information => "information",
            Kind::BusinessObject => "a business object",
            Kind::Commitment => "a commitment",
            Kind::Perception => "a perception point",
        }
    }

    /// The section key of this kind in a model file (stages live inside value streams).
    pub fn section(self) -> &'static str {
        match self {
            Kind::Stakeholder => "stakeholders",
            Kind::ValueStream => "value_streams",
            Kind::Stage => "stages",
            Kind::Capability => "capabilities",
            Kind::Process => "processes",
            Kind::Information => "information",
            Kind::BusinessObject => "business_objects",
            Kind::Commitment => "commitments",
            Kind::Perception => "perceptions",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StakeholderType {
    Internal,
    External,
    Partner,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Importance {
    Low,
    Medium,
    High,
    Critical,
}

impl Importance {
    /// 1 (low) to 4 (critical), used by heat maps and the risk score.
    pub fn weight(self) -> u8 {
        self as u8 + 1
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Enablement {
    Manual,
    ItSupported,
    Automated,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Composition {
    #[default]
    Sequential,
    Parallel,
}

impl Composition {
    /// The time parts take together: one after another they add up, side by side the longest
    /// counts. The budget rule and the reports both use this, so they cannot disagree.
    pub fn combine(self, parts: impl IntoIterator<Item = Duration>) -> Duration {
        let parts = parts.into_iter().map(|d| d.0);
        Duration(match self {
            Composition::Sequential => parts.sum(),
            Composition::Parallel => parts.fold(0.0, f64::max),
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Comparator {
    #[serde(rename = "<")]
    Less,
    #[serde(rename = "<=")]
    AtMost,
    #[serde(rename = ">")]
    Greater,
    #[serde(rename = ">=")]
    AtLeast,
    #[serde(rename = "=")]
    Equal,
}

impl Comparator {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Less => "<",
            Comparator::AtMost => "<=",
            Comparator::Greater => ">",
            Comparator::AtLeast => ">=",
            Comparator::Equal => "=",
        }
    }
}

/// A duration in seconds (`1d 12h` = 129600).
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize)]
pub struct Duration(pub f64);

impl Duration {
    /// A short human form: `2d`, `1.5d`, `4h`, `30min`, `45s`.
    pub fn human(self) -> String {
        let secs = self.0;
        let (amount, unit) = if secs >= 86_400.0 && (secs / 86_400.0 * 10.0).fract() == 0.0 {
            (secs / 86_400.0, "d")
        } else if secs >= 3_600.0 && (secs / 3_600.0 * 10.0).fract() == 0.0 {
            (secs / 3_600.0, "h")
        } else if secs >= 60.0 && (secs / 60.0 * 10.0).fract() == 0.0 {
            (secs / 60.0, "min")
        } else {
            (secs, "s")
        };
        let amount = (amount * 10.0).round() / 10.0;
        if amount.fract() == 0.0 {
            format!("{}{unit}", amount as i64)
        } else {
            format!("{amount}{unit}")
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
pub enum Amount {
    Duration(Duration),
    Percent(f64),
    Number(f64),
}

/// A target such as `<= 2d` or `>= 90%`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Target {
    pub comparator: Comparator,
    pub amount: Amount,
}

impl Target {
    /// The most a commitment with this target allows, if the target bounds a duration from
    /// above: the budget its parts must fit in (rule VSM014, the commitments table).
    pub fn duration_limit(&self) -> Option<Duration> {
        match (self.comparator, self.amount) {
            (Comparator::AtMost | Comparator::Less | Comparator::Equal, Amount::Duration(d)) => {
                Some(d)
            }
            _ => None,
        }
    }
}

/// Fields every element has.
#[derive(Clone, Debug)]
pub struct Common {
    /// The id with the place of its key.
    pub id: Text,
    pub name: Option<Text>,
    /// Boxed, as most elements have none: 8 bytes instead of 40.
    pub description: Option<Box<Text>>,
    /// Rule names or codes switched off for this element.
    pub allow: List<Ref>,
    /// Its identifier in an ArchiMate exchange file, kept so a re-import or an export keeps
    /// the element's identity (docs/interop.md). Boxed, as most elements have none.
    pub archimate_id: Option<Box<Text>>,
}

impl Common {
    pub fn new(id: Text) -> Self {
        Common {
            id,
            name: None,
            description: None,
            allow: List::default(),
            archimate_id: None,
        }
    }

    /// The name, or the id when the name is missing.
    pub fn label(&self) -> &str {
        self.name.as_ref().map_or(&self.id.value, |n| &n.value)
    }
}

#[derive(Clone, Debug, Default)]
pub struct ModelMeta {
    pub name: Option<Text>,
    pub description: Option<Text>,
    pub version: Option<Text>,
    pub owner: Option<Text>,
    pub loc: Option<Loc>,
}

#[derive(Clone, Debug)]
pub struct Stakeholder {
    pub common: Common,
    pub kind: Option<Spanned<StakeholderType>>,
}

#[derive(Clone, Debug)]
pub struct ValueStream {
    pub common: Common,
    pub trigger: Option<Ref>,
    pub value_proposition: Option<Text>,
    pub segment: Option<Text>,
    pub stages: IndexMap<Str, Stage>,
    /// Where `stages:` was written, if it was.
    pub stages_key: Option<Loc>,
    /// `stages:` was written but could not be read (not a mapping): the stream has stages,
    /// written wrongly, so it is not reported as empty.
    pub stages_unreadable: bool,
}

#[derive(Clone, Debug)]
pub struct Stage {
    pub common: Common,
    pub stakeholders: List<Ref>,
    pub entry_conditions: List<Text>,
    pub exit_conditions: List<Text>,
    pub value_items: List<ValueItem>,
    /// `value_items:` was written but could not be read (a mapping, not a list): the stage
    /// has value items, written wrongly, so it is not reported as adding no value.
    pub value_items_unreadable: bool,
    pub capabilities: List<Ref>,
    pub processes: List<Ref>,
    pub information: List<Ref>,
    pub business_objects: List<Ref>,
    /// `None`: flows to the following stage; `Some([])`: ends the stream.
    pub next: Option<List<Ref>>,
    pub process_time: Option<Spanned<Duration>>,
    pub wait_time: Option<Spanned<Duration>>,
}

#[derive(Clone, Debug)]
pub struct ValueItem {
    /// The item's name; its place is the node findings point at.
    pub name: Text,
    /// Boxed, as most items have none (as `measure` and `archimate_id`): a value item of a
    /// name alone takes 80 bytes instead of 176.
    pub description: Option<Box<Text>>,
    pub capabilities: List<Ref>,
    pub measure: Option<Box<Text>>,
    /// Its identifier in an ArchiMate exchange file (a `Value` element).
    pub archimate_id: Option<Box<Text>>,
}

#[derive(Clone, Debug)]
pub struct Capability {
    pub common: Common,
    pub parent: Option<Ref>,
    pub level: Option<Spanned<u8>>,
    pub maturity: Option<Spanned<u8>>,
    pub target_maturity: Option<Spanned<u8>>,
    pub importance: Option<Spanned<Importance>>,
    pub owner: Option<Ref>,
    pub enablement: Option<Spanned<Enablement>>,
}

#[derive(Clone, Debug)]
pub struct Process {
    pub common: Common,
    pub owner: Option<Ref>,
    pub capabilities: List<Ref>,
    pub information: List<Ref>,
    pub steps: List<Step>,
}

#[derive(Clone, Debug)]
pub struct Step {
    /// Where the step's mapping starts (used when it has no name).
    pub loc: Loc,
    pub name: Option<Text>,
    pub owner: Option<Ref>,
    pub capabilities: List<Ref>,
    pub information: List<Ref>,
    pub automated: Option<Spanned<bool>>,
    /// Its identifier in an ArchiMate exchange file (a sub-process); boxed, as most have none.
    pub archimate_id: Option<Box<Text>>,
}

#[derive(Clone, Debug)]
pub struct Information {
    pub common: Common,
    pub business_object: Option<Ref>,
}

#[derive(Clone, Debug)]
pub struct BusinessObject {
    pub common: Common,
    pub attributes: List<Text>,
    pub related: List<Ref>,
}

#[derive(Clone, Debug)]
pub struct Commitment {
    pub common: Common,
    pub target: Option<Spanned<Target>>,
    pub owner: Option<Ref>,
    pub stage: Option<Ref>,
    pub perception: Option<Ref>,
    pub parts: List<Ref>,
    pub composition: Option<Spanned<Composition>>,
}

impl Commitment {
    /// How the parts combine, sequential unless written otherwise.
    pub fn composition(&self) -> Composition {
        self.composition
            .as_ref()
            .map(|c| c.value)
            .unwrap_or_default()
    }
}

#[derive(Clone, Debug)]
pub struct Perception {
    pub common: Common,
    pub stage: Option<Ref>,
    pub channel: Option<Text>,
    pub importance: Option<Spanned<u8>>,
    pub current: Option<Spanned<f64>>,
    pub expected: Option<Spanned<f64>>,
    pub focus: Option<Spanned<bool>>,
}

/// The merged model of all files.
#[derive(Clone, Debug, Default)]
pub struct Model {
    pub meta: Option<ModelMeta>,
    pub stakeholders: IndexMap<Str, Stakeholder>,
    pub value_streams: IndexMap<Str, ValueStream>,
    pub capabilities: IndexMap<Str, Capability>,
    pub processes: IndexMap<Str, Process>,
    pub information: IndexMap<Str, Information>,
    pub business_objects: IndexMap<Str, BusinessObject>,
    pub commitments: IndexMap<Str, Commitment>,
    pub perceptions: IndexMap<Str, Perception>,
}

impl Model {
    /// The number of stages in all streams.
    pub fn stage_count(&self) -> usize {
        self.value_streams.values().map(|s| s.stages.len()).sum()
    }

    /// The number of elements of every kind (stages included).
    pub fn element_count(&self) -> usize {
        self.stakeholders.len()
            + self.value_streams.len()
            + self.stage_count()
            + self.capabilities.len()
            + self.processes.len()
            + self.information.len()
            + self.business_objects.len()
            + self.commitments.len()
            + self.perceptions.len()
    }

    /// The common fields of the element `index` of kind `kind` (not stages).
    pub fn common(&self, kind: Kind, index: usize) -> Option<&Common> {
        Some(match kind {
            Kind::Stakeholder => &self.stakeholders.get_index(index)?.1.common,
            Kind::ValueStream => &self.value_streams.get_index(index)?.1.common,
            Kind::Capability => &self.capabilities.get_index(index)?.1.common,
            Kind::Process => &self.processes.get_index(index)?.1.common,
            Kind::Information => &self.information.get_index(index)?.1.common,
            Kind::BusinessObject => &self.business_objects.get_index(index)?.1.common,
            Kind::Commitment => &self.commitments.get_index(index)?.1.common,
            Kind::Perception => &self.perceptions.get_index(index)?.1.common,
            Kind::Stage => return None,
        })
    }

    /// The model's name from the `model` section, if any.
    pub fn name(&self) -> Option<&str> {
        self.meta.as_ref()?.name.as_ref().map(|n| n.value.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_right_with_its_article() {
        assert_eq!(Kind::Information.with_article(), "information");
        assert_eq!(Kind::BusinessObject.with_article(), "a business object");
        for kind in [
            Kind::Stakeholder,
            Kind::Stage,
            Kind::Capability,
            Kind::Perception,
        ] {
            assert_eq!(kind.with_article(), format!("a {}", kind.noun()));
        }
    }

    #[test]
    fn short_texts_and_ids_are_kept_inline_and_long_ones_whole() {
        // Ids, names and references of up to 24 bytes (nearly all) cost no allocation: the
        // point of `Str` (docs/performance.md, a file of a million small stages).
        let id = Str::from("s000000-0");
        assert!(!id.is_heap_allocated());
        let longest_inline = Str::from("a".repeat(24));
        assert!(!longest_inline.is_heap_allocated());
        let long = Str::from("a".repeat(25));
        assert!(long.is_heap_allocated());
        assert_eq!(long.as_str(), "a".repeat(25));
        // The limit is in bytes: eight Chinese characters (3 bytes each) fit, nine do not.
        assert!(!Str::from("客户服务价值流程").is_heap_allocated());
        assert!(Str::from("客户服务价值流程阶").is_heap_allocated());
    }

    #[test]
    fn a_stage_keeps_its_size() {
        // What a stage costs before any of its lists or long texts: a text or reference is a
        // 24-byte string and its 12-byte place; a list is a boxed slice of 16 bytes, not a
        // `Vec` of 24. A new field that makes a stage larger raises these figures: say so in
        // docs/performance.md ("The denser model"), where a million stages must stay in 8 ×.
        assert_eq!(std::mem::size_of::<Text>(), 40);
        assert_eq!(std::mem::size_of::<Option<Text>>(), 40);
        assert_eq!(std::mem::size_of::<List<Ref>>(), 16);
        assert_eq!(std::mem::size_of::<Option<List<Ref>>>(), 16);
        // Rarely written texts (description, measure, ArchiMate ids) are boxed: 8 bytes.
        assert_eq!(std::mem::size_of::<Option<Box<Text>>>(), 8);
        // name 40, capabilities 16, description, measure and ArchiMate id 8 each.
        assert_eq!(std::mem::size_of::<ValueItem>(), 80);
        // id and name 40 each, description and ArchiMate id 8 each, allow 16.
        assert_eq!(std::mem::size_of::<Common>(), 112);
        // Common 112, nine lists of 16, two optional spanned durations of 32, a flag.
        let stage = std::mem::size_of::<Stage>();
        assert!(stage <= 328, "a stage takes {stage} bytes");
    }

    #[test]
    fn sequential_parts_add_up_and_parallel_parts_take_the_longest() {
        let parts = [Duration(7200.0), Duration(14400.0), Duration(3600.0)];
        assert_eq!(Composition::Sequential.combine(parts), Duration(25200.0));
        assert_eq!(Composition::Parallel.combine(parts), Duration(14400.0));
        assert_eq!(Composition::Parallel.combine([]), Duration(0.0));
    }
}
