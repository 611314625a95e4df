//! What a heat map colours by: a measure of each capability, its four classes and its legend.

use crate::i18n::Lang;
use crate::report::data::CapabilityRow;

/// What the heat map colours capabilities by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// target maturity − current maturity
    Gap,
    /// current maturity (1–5)
    Maturity,
    /// strategic importance (low, medium, high, critical)
    Importance,
    /// how many stages, value items, processes and steps use the capability or one below it
    Usage,
    /// importance weight (1–4) × gap
    Risk,
}

impl Measure {
    /// Every measure, in the order the CLI lists them.
    pub const ALL: [Measure; 5] = [
        Measure::Gap,
        Measure::Maturity,
        Measure::Importance,
        Measure::Usage,
        Measure::Risk,
    ];

    /// The measure named `text` (any case), as `report.heatmap_by` of vsm.yaml names it.
    pub fn parse(text: &str) -> Option<Measure> {
        Measure::ALL
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(text))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Gap => "gap",
            Measure::Maturity => "maturity",
            Measure::Importance => "importance",
            Measure::Usage => "usage",
            Measure::Risk => "risk",
        }
    }

    /// The measure's name in `lang`, as a tooltip says it (`gap: 2`).
    pub fn name(self, lang: Lang) -> String {
        lang.t(match self {
            Measure::Gap => "heatmap-measure-gap",
            Measure::Maturity => "heatmap-measure-maturity",
            Measure::Importance => "heatmap-measure-importance",
            Measure::Usage => "heatmap-measure-usage",
            Measure::Risk => "heatmap-measure-risk",
        })
    }

    /// The heading of the map, in `lang`.
    pub fn title(self, lang: Lang) -> String {
        lang.t(match self {
            Measure::Gap => "heatmap-title-gap",
            Measure::Maturity => "heatmap-title-maturity",
            Measure::Importance => "heatmap-title-importance",
            Measure::Usage => "heatmap-title-usage",
            Measure::Risk => "heatmap-title-risk",
        })
    }

    /// How the value is worked out, for every legend: a reader should not need the docs.
    pub fn formula(self, lang: Lang) -> String {
        lang.t(match self {
            Measure::Gap => "heatmap-formula-gap",
            Measure::Maturity => "heatmap-formula-maturity",
            Measure::Importance => "heatmap-formula-importance",
            Measure::Usage => "heatmap-formula-usage",
            Measure::Risk => "heatmap-formula-risk",
        })
    }

    /// The measure's value, `None` when the capability lacks the data.
    pub fn value(self, row: &CapabilityRow) -> Option<i64> {
        match self {
            Measure::Gap => row.gap.map(i64::from),
            Measure::Maturity => row.maturity.map(i64::from),
            Measure::Importance => row.importance.map(|i| i64::from(i.weight())),
            Measure::Usage => Some(i64::from(row.usage_total())),
            Measure::Risk => row.risk.map(i64::from),
        }
    }

    /// The value as shown.
    pub fn display(self, value: i64) -> String {
        match self {
            Measure::Importance => match value {
                1 => "low",
                2 => "medium",
                3 => "high",
                _ => "critical",
            }
            .to_string(),
            _ => value.to_string(),
        }
    }

    /// The class 0 (cool) to 3 (hot) of a value.
    pub fn class(self, value: i64) -> usize {
        match self {
            Measure::Gap => value.clamp(0, 3) as usize,
            Measure::Maturity => (4 - value.clamp(1, 4)) as usize,
            Measure::Importance => (value.clamp(1, 4) - 1) as usize,
            Measure::Usage => match value {
                ..=0 => 0,
                1..=2 => 1,
                3..=5 => 2,
                _ => 3,
            },
            Measure::Risk => match value {
                ..=0 => 0,
                1..=3 => 1,
                4..=7 => 2,
                _ => 3,
            },
        }
    }

    /// What each class holds, for the legend, in `lang` (importance's classes are the
    /// model's own values and stay as written).
    pub fn classes(self, lang: Lang) -> [String; 4] {
        let as_is = |texts: [&str; 4]| texts.map(String::from);
        match self {
            Measure::Gap => [
                lang.t("heatmap-class-met"),
                "1".into(),
                "2".into(),
                lang.t("heatmap-class-3-or-more"),
            ],
            Measure::Maturity => as_is(["4–5", "3", "2", "1"]),
            Measure::Importance => as_is(["low", "medium", "high", "critical"]),
            Measure::Usage => [
                lang.t("heatmap-class-unused"),
                "1–2".into(),
                "3–5".into(),
                lang.t("heatmap-class-6-or-more"),
            ],
            Measure::Risk => as_is(["0", "1–3", "4–7", "8–16"]),
        }
    }

    /// What a capability needs for this measure, in `lang` (field names as the model writes
    /// them).
    pub fn needs(self, lang: Lang) -> String {
        lang.t(match self {
            Measure::Gap => "heatmap-needs-gap",
            Measure::Maturity => "heatmap-needs-maturity",
            Measure::Importance => "heatmap-needs-importance",
            Measure::Usage => "heatmap-needs-usage",
            Measure::Risk => "heatmap-needs-risk",
        })
    }

    /// Usage is neither good nor bad: under red-amber-green it gets a blue scale instead.
    pub fn neutral(self) -> bool {
        self == Measure::Usage
    }
}
