//! What a heat map colours by: a measure of each capability, its four classes and its legend.

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

    /// The heading of the map.
    pub fn title(self) -> &'static str {
        match self {
            Measure::Gap => "maturity gap (target − current maturity)",
            Measure::Maturity => "current maturity (1–5)",
            Measure::Importance => "strategic importance",
            Measure::Usage => {
                "usage (stages, value items, processes and steps using it or one below it)"
            }
            Measure::Risk => "risk (importance weight 1–4 × maturity gap)",
        }
    }

    /// How the value is worked out, for every legend: a reader should not need the docs.
    pub fn formula(self) -> &'static str {
        match self {
            Measure::Gap => "gap = target_maturity − maturity",
            Measure::Maturity => "maturity = current maturity, 1–5",
            Measure::Importance => "importance: low, medium, high or critical",
            Measure::Usage => {
                "usage = stages + value items + processes + steps that use it or one below it"
            }
            Measure::Risk => {
                "risk = importance weight (low 1, medium 2, high 3, critical 4) × max(gap, 0)"
            }
        }
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

    /// What each class holds, for the legend.
    pub fn classes(self) -> [&'static str; 4] {
        match self {
            Measure::Gap => ["0 or less (met)", "1", "2", "3 or more"],
            Measure::Maturity => ["4–5", "3", "2", "1"],
            Measure::Importance => ["low", "medium", "high", "critical"],
            Measure::Usage => ["0 (unused)", "1–2", "3–5", "6 or more"],
            Measure::Risk => ["0", "1–3", "4–7", "8–16"],
        }
    }

    /// What a capability needs for this measure.
    pub fn needs(self) -> &'static str {
        match self {
            Measure::Gap => "maturity and target_maturity",
            Measure::Maturity => "maturity",
            Measure::Importance => "importance",
            Measure::Usage => "nothing",
            Measure::Risk => "importance, maturity and target_maturity",
        }
    }

    /// Usage is neither good nor bad: under red-amber-green it gets a blue scale instead.
    pub fn neutral(self) -> bool {
        self == Measure::Usage
    }
}
