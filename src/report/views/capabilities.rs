//! The capabilities view: the capability tree with maturity, gap, importance, risk, owner,
//! enablement and usage.

use super::{label, opt, tree_name, Cell, Column, Records, Table, TableView};
use crate::model::{Enablement, Importance, Kind};
use crate::report::data::{Entry, Views};
use crate::vocabulary::LEVELS;
use serde::Serialize;

/// The deepest indentation a capability name gets: that of the deepest `level` the format
/// knows (9). A `parent` chain deeper than that is shown at this indentation, with its real
/// level in the Level column; indenting by the real depth would make a 100,000-deep chain
/// 10¹⁰ characters of output.
pub const MAX_INDENT: u32 = *LEVELS.end() as u32 - 1;

/// One capability, in tree order.
#[derive(Debug, Serialize)]
pub struct Row<'m> {
    pub id: &'m str,
    pub name: &'m str,
    /// The `parent` as written.
    pub parent: Option<&'m str>,
    /// 1 for level-1 capabilities; `None` inside a `parent` loop.
    pub level: Option<u32>,
    pub maturity: Option<u8>,
    pub target_maturity: Option<u8>,
    /// `target_maturity − maturity`.
    pub gap: Option<i32>,
    pub importance: Option<&'static str>,
    /// `importance weight (1–4) × max(gap, 0)`.
    pub risk: Option<i32>,
    pub owner: Option<Entry<'m>>,
    pub enablement: Option<&'static str>,
    pub used_by: UsedBy,
    pub description: Option<&'m str>,
}

/// What uses a capability.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct UsedBy {
    pub stages: u32,
    pub value_items: u32,
    pub processes: u32,
    pub steps: u32,
    pub children: u32,
}

impl Row<'_> {
    /// Processes and their steps.
    pub fn processes(&self) -> u32 {
        self.used_by.processes + self.used_by.steps
    }

    /// The level as shown: `?` inside a `parent` loop.
    pub fn level_text(&self) -> String {
        self.level
            .map_or_else(|| "?".to_string(), |d| d.to_string())
    }
}

pub(super) fn importance_name(importance: Importance) -> &'static str {
    match importance {
        Importance::Low => "low",
        Importance::Medium => "medium",
        Importance::High => "high",
        Importance::Critical => "critical",
    }
}

fn enablement_name(enablement: Enablement) -> &'static str {
    match enablement {
        Enablement::Manual => "manual",
        Enablement::ItSupported => "it-supported",
        Enablement::Automated => "automated",
    }
}

/// The capabilities, in tree order.
pub struct Capabilities<'m> {
    pub rows: Vec<Row<'m>>,
    /// The language of the table's headers (not of the rows: JSON and CSV are English).
    pub lang: crate::i18n::Lang,
}

impl<'m> Capabilities<'m> {
    /// Every capability, or those `mask` keeps.
    pub fn new(views: &Views<'m>, mask: Option<&[bool]>) -> Self {
        let rows = views
            .capability_rows()
            .filter(|r| mask.is_none_or(|m| m[r.index]))
            .map(|r| {
                let c = &views.model.capabilities[r.index];
                let usage = r.usage;
                Row {
                    id: views.capability_id(r.index),
                    name: views.capability_name(r.index),
                    parent: c.parent.as_ref().map(|p| p.value.as_str()),
                    level: r.depth,
                    maturity: r.maturity,
                    target_maturity: r.target,
                    gap: r.gap,
                    importance: r.importance.map(importance_name),
                    risk: r.risk,
                    owner: c
                        .owner
                        .as_ref()
                        .map(|o| views.entry(Kind::Stakeholder, &o.value)),
                    enablement: c.enablement.as_ref().map(|e| enablement_name(e.value)),
                    used_by: UsedBy {
                        stages: usage.stages,
                        value_items: usage.value_items,
                        processes: usage.processes,
                        steps: usage.steps,
                        children: usage.children,
                    },
                    description: c.common.description.as_ref().map(|d| d.value.as_str()),
                }
            })
            .collect();
        Capabilities {
            rows,
            lang: views.lang,
        }
    }
}

/// The columns of the terminal and Markdown table.
const COLUMNS: [Column; 10] = [
    Column::text("view-col-capability"),
    Column::num("view-col-level"),
    Column::num("view-col-maturity"),
    Column::num("view-col-target"),
    Column::num("view-col-gap"),
    Column::text("view-col-importance"),
    Column::text("view-col-owner"),
    Column::num("view-col-stages"),
    Column::num("view-col-value-items"),
    Column::num("view-col-processes"),
];

/// The CSV header (comma-separated): ids and raw values, one field each. `owner_id` and
/// `description` come last, so `vsm import csv --capabilities` reads the table back whole.
const CSV_COLUMNS: &str =
    "id,name,parent_id,level,maturity,target_maturity,gap,importance,risk,owner,enablement,stages,value_items,processes,steps,owner_id,description";

impl<'m> TableView for Capabilities<'m> {
    const NAME: &'static str = "capabilities";
    const KEY: &'static str = "capabilities";
    type Row = Row<'m>;

    fn rows(&self) -> &[Row<'m>] {
        &self.rows
    }

    fn tables(&self) -> Vec<Table> {
        let mut table = Table::with_columns(self.lang, &COLUMNS);
        table.min = vec![(0, 18), (6, 10)];
        table.rows = self
            .rows
            .iter()
            .map(|r| {
                let depth = r.level.map_or(0, |d| d.saturating_sub(1)).min(MAX_INDENT);
                vec![
                    tree_name(Cell::new(r.name), depth, r.level == Some(1)),
                    Cell::new(r.level_text()),
                    Cell::new(opt(r.maturity)),
                    Cell::new(opt(r.target_maturity)),
                    Cell::new(opt(r.gap)),
                    Cell::new(r.importance.unwrap_or_default()),
                    Cell::new(label(r.owner)),
                    Cell::new(r.used_by.stages.to_string()),
                    Cell::new(r.used_by.value_items.to_string()),
                    Cell::new(r.processes().to_string()),
                ]
            })
            .collect();
        vec![table]
    }

    fn records(&self) -> Records {
        Records {
            headers: CSV_COLUMNS.split(',').map(String::from).collect(),
            // level, maturity, target_maturity, gap, risk and the four usage counts.
            numeric: vec![3, 4, 5, 6, 8, 11, 12, 13, 14],
            rows: self
                .rows
                .iter()
                .map(|r| {
                    vec![
                        r.id.to_string(),
                        r.name.to_string(),
                        r.parent.unwrap_or_default().to_string(),
                        opt(r.level),
                        opt(r.maturity),
                        opt(r.target_maturity),
                        opt(r.gap),
                        r.importance.unwrap_or_default().to_string(),
                        opt(r.risk),
                        label(r.owner),
                        r.enablement.unwrap_or_default().to_string(),
                        r.used_by.stages.to_string(),
                        r.used_by.value_items.to_string(),
                        r.used_by.processes.to_string(),
                        r.used_by.steps.to_string(),
                        r.owner.map(|o| o.id.to_string()).unwrap_or_default(),
                        r.description.unwrap_or_default().to_string(),
                    ]
                })
                .collect(),
            ..Records::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::views::fixture::{Fixture, SMALL};

    #[test]
    fn rows_in_tree_order_with_gap_risk_and_the_child_indented() {
        let fixture = Fixture::new(SMALL);
        let views = fixture.views();
        let table = &Capabilities::new(&views, None).tables()[0];
        let cells: Vec<Vec<&str>> = table
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.lines[0].as_str()).collect())
            .collect();
        // Sales: maturity 2 → 4, gap 2; used by the stage; Intake only by a value item.
        assert_eq!(
            cells,
            [
                ["Sales", "1", "2", "4", "2", "high", "Client", "1", "0", "0"],
                ["Intake", "2", "3", "", "", "", "", "0", "1", "0"],
            ]
        );
        assert!(table.rows[0][0].strong);
        assert_eq!(table.rows[1][0].indent, 1);
        let records = Capabilities::new(&views, None).records();
        // risk = weight of high (3) × gap 2; the parent and the enablement as written.
        assert_eq!(records.rows[0][8], "6");
        assert_eq!(records.rows[1][2], "sales");
        assert_eq!(records.rows[1][10], "it-supported");
    }

    #[test]
    fn a_mask_keeps_only_the_capabilities_it_marks() {
        let fixture = Fixture::new(SMALL);
        let views = fixture.views();
        let rows = Capabilities::new(&views, Some(&[false, true])).rows;
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].id, "intake");
    }

    #[test]
    fn json_keys_are_the_documented_ones_and_missing_values_null() {
        let fixture = Fixture::new(SMALL);
        let views = fixture.views();
        let json = serde_json::to_value(&Capabilities::new(&views, None).rows[1]).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "id": "intake", "name": "Intake", "parent": "sales", "level": 2,
                "maturity": 3, "target_maturity": null, "gap": null, "importance": null,
                "risk": null, "owner": null, "enablement": "it-supported",
                "used_by": {"stages": 0, "value_items": 1, "processes": 0, "steps": 0, "children": 0},
                "description": null,
            })
        );
    }
}
