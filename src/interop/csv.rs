//! Capability maps, process lists and stakeholder lists from spreadsheets (`vsm import csv`).
//!
//! Headers are matched case-insensitively, with the aliases of [`aliases`] (so
//! `vsm table --view capabilities --format csv` output reads back); UTF-8 with or without a
//! BOM (Excel writes one); `,` or `;` between fields, whichever the header line uses more.
//! Parents are given by id or by name, or not at all when a `level` column says where each
//! row sits (an indented outline: a row's parent is the nearest row above it one level up).
//! Every bad cell is reported with its line and column; one bad cell and nothing is written.

use crate::interop::draft::{Draft, Element, Fields, Ids, Value};
use crate::interop::{InputProblem, Position};
use crate::vocabulary::{self as vocab, key};
use std::collections::HashMap;

/// What a spreadsheet lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sheet {
    Capabilities,
    Processes,
    Stakeholders,
}

/// A column the import reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Column {
    Id,
    Name,
    Parent,
    Level,
    Maturity,
    Target,
    Importance,
    Owner,
    /// The owner's id, which `vsm table --view capabilities` writes beside its name.
    OwnerId,
    Enablement,
    Description,
    Type,
    Capabilities,
    Information,
    ArchimateId,
}

/// The header names of each column, compared in lower case with `_` for spaces and hyphens.
fn aliases(sheet: Sheet) -> Vec<(Column, &'static [&'static str])> {
    use Column::*;
    let mut list: Vec<(Column, &'static [&'static str])> = vec![
        (Id, &["id", "key", "identifier"]),
        (Name, &["name", "title", "label"]),
        (Description, &["description", "desc", "definition"]),
        (ArchimateId, &["archimate_id"]),
    ];
    match sheet {
        Sheet::Capabilities => list.extend([
            (Name, &["capability", "capability_name"][..]),
            (Id, &["capability_id"][..]),
            (
                Parent,
                &["parent", "parent_id", "parent_name", "parent_capability"][..],
            ),
            (Level, &["level", "lvl", "tier"][..]),
            (Maturity, &["maturity", "current_maturity"][..]),
            (Target, &["target", "target_maturity"][..]),
            (Importance, &["importance"][..]),
            (Owner, &["owner", "owner_name"][..]),
            (OwnerId, &["owner_id"][..]),
            (Enablement, &["enablement"][..]),
        ]),
        Sheet::Processes => list.extend([
            (Name, &["process", "process_name"][..]),
            (Id, &["process_id"][..]),
            (Owner, &["owner", "owner_name"][..]),
            (OwnerId, &["owner_id"][..]),
            (Capabilities, &["capabilities", "capability_ids"][..]),
            (Information, &["information"][..]),
        ]),
        Sheet::Stakeholders => list.extend([
            (Name, &["stakeholder", "stakeholder_name"][..]),
            (Id, &["stakeholder_id"][..]),
            (Type, &["type", "stakeholder_type"][..]),
        ]),
    }
    list
}

/// Columns `vsm table --view capabilities` writes that are figures worked out from the model
/// (gap, risk, usage): read past without a note.
const DERIVED: &[&str] = &["gap", "risk", "stages", "value_items", "processes", "steps"];

/// A spreadsheet read: the draft and what the user should know.
pub struct Imported {
    pub draft: Draft,
    pub rows: usize,
    pub notes: Vec<String>,
}

fn normalized(header: &str) -> String {
    header
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// `'=x` back to `=x`: the CSV renderer guards cells that start like a formula with a `'`.
fn unguarded(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

/// The field separator: `;` when the header line has more of them than commas (a European
/// Excel), else `,`.
fn separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas {
        b';'
    } else {
        b','
    }
}

/// One data row: its line and its cells by column.
struct Row {
    line: u32,
    cells: HashMap<Column, (u32, String)>,
}

impl Row {
    fn get(&self, column: Column) -> Option<(&str, Position)> {
        self.cells.get(&column).and_then(|(col, value)| {
            let value = value.trim();
            (!value.is_empty()).then_some((
                value,
                Position {
                    line: self.line,
                    column: *col,
                },
            ))
        })
    }
}

/// Reads `text` as a spreadsheet of `sheet`. All bad cells are returned, in file order.
pub fn import(text: &str, sheet: Sheet) -> Result<Imported, Vec<InputProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(e)) => return Err(vec![csv_problem(&e)]),
        None => {
            return Err(vec![InputProblem::whole(
                "the file is empty: no header line",
            )])
        }
    };
    let known = aliases(sheet);
    let mut columns: Vec<Option<Column>> = Vec::new();
    let mut notes = Vec::new();
    let mut ignored = Vec::new();
    for cell in header.iter() {
        let name = normalized(cell);
        let column = known
            .iter()
            .find(|(_, names)| names.contains(&name.as_str()))
            .map(|(c, _)| *c);
        if column.is_some() && columns.contains(&column) {
            return Err(vec![InputProblem::at(
                Position {
                    line: 1,
                    column: columns.len() as u32 + 1,
                },
                format!(
                    "the column `{}` is given twice",
                    crate::text::escaped(cell.trim())
                ),
            )]);
        }
        if column.is_none()
            && !name.is_empty()
            && !(sheet == Sheet::Capabilities && DERIVED.contains(&name.as_str()))
        {
            ignored.push(format!("`{}`", crate::text::escaped(cell.trim())));
        }
        columns.push(column);
    }
    if !columns.contains(&Some(Column::Name)) {
        let names: Vec<&str> = known
            .iter()
            .filter(|(c, _)| *c == Column::Name)
            .flat_map(|(_, n)| n.iter().copied())
            .collect();
        return Err(vec![InputProblem::at(
            Position { line: 1, column: 1 },
            format!(
                "no name column: the header needs one of {}",
                names.join(", ")
            ),
        )]);
    }
    if !ignored.is_empty() {
        notes.push(format!("columns not read: {}", ignored.join(", ")));
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(csv_problem(&e));
                continue;
            }
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(0, |p| p.line() as u32);
        let mut cells = HashMap::new();
        for (i, cell) in record.iter().enumerate() {
            if let Some(Some(column)) = columns.get(i) {
                cells.insert(*column, (i as u32 + 1, unguarded(cell).to_string()));
            }
        }
        rows.push(Row { line, cells });
    }
    let draft = Builder {
        sheet,
        rows: &rows,
        problems: &mut problems,
        notes: &mut notes,
    }
    .build();
    problems.sort_by_key(|p| p.position.map(|p| (p.line, p.column)));
    if problems.is_empty() {
        Ok(Imported {
            draft,
            rows: rows.len(),
            notes,
        })
    } else {
        Err(problems)
    }
}

fn csv_problem(e: &csv::Error) -> InputProblem {
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => format!("not UTF-8 text (field {})", err.field() + 1),
        _ => format!("not readable as CSV: {e}"),
    };
    match e.position() {
        Some(p) => InputProblem::at(
            Position {
                line: p.line() as u32,
                column: 1,
            },
            message,
        ),
        None => InputProblem::whole(message),
    }
}

struct Builder<'a> {
    sheet: Sheet,
    rows: &'a [Row],
    problems: &'a mut Vec<InputProblem>,
    notes: &'a mut Vec<String>,
}

impl Builder<'_> {
    fn problem(&mut self, at: Position, message: String) {
        self.problems.push(InputProblem::at(at, message));
    }

    fn build(mut self) -> Draft {
        // Ids first: a parent may be named by an id of a later row.
        let mut ids = Ids::default();
        let mut first_line: HashMap<String, u32> = HashMap::new();
        let mut row_ids = Vec::with_capacity(self.rows.len());
        for row in self.rows {
            let name = row.get(Column::Name).map(|(n, _)| n).unwrap_or("");
            if name.is_empty() {
                self.problem(
                    Position {
                        line: row.line,
                        column: row.cells.get(&Column::Name).map_or(1, |c| c.0),
                    },
                    "this row has no name".into(),
                );
            }
            let id = match row.get(Column::Id) {
                Some((id, at)) => {
                    let id = crate::load::nfc(id);
                    if !crate::load::valid_id(&id) {
                        self.problem(
                            at,
                            format!(
                                "`{}` is not an id: ids use letters, digits, `-`, `_` and `.`",
                                crate::text::escaped(&id)
                            ),
                        );
                    } else if let Some(first) = first_line.get(&id) {
                        self.problem(
                            at,
                            format!(
                                "the id `{}` is given twice (first on line {first})",
                                crate::text::escaped(&id)
                            ),
                        );
                    }
                    first_line.entry(id.clone()).or_insert(row.line);
                    ids.take(&id);
                    Some(id)
                }
                None => None,
            };
            row_ids.push(id);
        }
        let row_ids: Vec<String> = row_ids
            .into_iter()
            .zip(self.rows)
            .map(|(id, row)| {
                id.unwrap_or_else(|| {
                    let name = row.get(Column::Name).map(|(n, _)| n).unwrap_or("");
                    ids.claim(None, name, fallback(self.sheet))
                })
            })
            .collect();
        let parents = if self.sheet == Sheet::Capabilities {
            self.parents(&row_ids)
        } else {
            vec![None; self.rows.len()]
        };
        let mut elements = Vec::new();
        for (i, row) in self.rows.iter().enumerate() {
            let mut fields = Fields::default();
            fields.text(key::NAME, row.get(Column::Name).map(|(n, _)| n));
            fields.text(
                key::DESCRIPTION,
                row.get(Column::Description).map(|(n, _)| n),
            );
            match self.sheet {
                Sheet::Capabilities => {
                    if let Some(parent) = &parents[i] {
                        fields.set(key::PARENT, Value::Text(parent.clone()));
                    }
                    self.integer(row, Column::Level, key::LEVEL, vocab::LEVELS, &mut fields);
                    self.integer(
                        row,
                        Column::Maturity,
                        key::MATURITY,
                        vocab::MATURITY_SCALE,
                        &mut fields,
                    );
                    self.integer(
                        row,
                        Column::Target,
                        key::TARGET_MATURITY,
                        vocab::MATURITY_SCALE,
                        &mut fields,
                    );
                    self.word(
                        row,
                        Column::Importance,
                        key::IMPORTANCE,
                        &vocab::value_names(vocab::IMPORTANCE_VALUES),
                        &mut fields,
                    );
                    self.owner(row, &mut fields);
                    self.word(
                        row,
                        Column::Enablement,
                        key::ENABLEMENT,
                        &vocab::value_names(vocab::ENABLEMENT_VALUES),
                        &mut fields,
                    );
                }
                Sheet::Processes => {
                    self.owner(row, &mut fields);
                    self.list(row, Column::Capabilities, key::CAPABILITIES, &mut fields);
                    self.list(row, Column::Information, key::INFORMATION, &mut fields);
                }
                Sheet::Stakeholders => {
                    self.word(
                        row,
                        Column::Type,
                        key::TYPE,
                        &vocab::value_names(vocab::STAKEHOLDER_TYPE_VALUES),
                        &mut fields,
                    );
                }
            }
            fields.text(
                key::ARCHIMATE_ID,
                row.get(Column::ArchimateId).map(|(n, _)| n),
            );
            let order = match self.sheet {
                Sheet::Capabilities => vocab::CAPABILITY_FIELDS,
                Sheet::Processes => vocab::PROCESS_FIELDS,
                Sheet::Stakeholders => vocab::STAKEHOLDER_FIELDS,
            };
            let mut sorted = Fields::default();
            for field in order {
                if let Some(v) = fields.get(field) {
                    sorted.set(field, v.clone());
                }
            }
            elements.push(Element {
                id: row_ids[i].clone(),
                fields: sorted,
            });
        }
        let mut draft = Draft::default();
        match self.sheet {
            Sheet::Capabilities => draft.capabilities = elements,
            Sheet::Processes => draft.processes = elements,
            Sheet::Stakeholders => draft.stakeholders = elements,
        }
        draft
    }

    /// Each row's parent: the `parent` cell by id, else by name; with no parent cell and a
    /// `level`, the nearest row above one level up.
    fn parents(&mut self, ids: &[String]) -> Vec<Option<String>> {
        let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, row) in self.rows.iter().enumerate() {
            if let Some((name, _)) = row.get(Column::Name) {
                by_name.entry(name).or_default().push(i);
            }
        }
        let index: HashMap<&str, usize> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), i))
            .collect();
        // The last row seen at each level, for outlines.
        let mut last_at_level: Vec<Option<usize>> = vec![None; *vocab::LEVELS.end() as usize + 1];
        let mut parents = Vec::with_capacity(self.rows.len());
        for (i, row) in self.rows.iter().enumerate() {
            let level = row
                .get(Column::Level)
                .and_then(|(l, _)| l.parse::<i64>().ok())
                .filter(|l| vocab::LEVELS.contains(l))
                .map(|l| l as usize);
            let parent = match row.get(Column::Parent) {
                Some((parent, at)) => {
                    let found = index
                        .get(crate::load::nfc(parent).as_str())
                        .copied()
                        .or_else(|| match by_name.get(parent).map(Vec::as_slice) {
                            Some([one]) => Some(*one),
                            _ => None,
                        });
                    match found {
                        Some(p) if p == i => {
                            self.problem(at, "a capability cannot be its own parent".into());
                            None
                        }
                        Some(p) => Some(ids[p].clone()),
                        None => {
                            let why = if by_name.get(parent).is_some_and(|v| v.len() > 1) {
                                "names several capabilities: give the parent's id"
                            } else {
                                "names no capability of the file, by id or by name"
                            };
                            self.problem(
                                at,
                                format!("the parent `{}` {why}", crate::text::escaped(parent)),
                            );
                            None
                        }
                    }
                }
                None => match level {
                    Some(1) | None => None,
                    Some(l) => match last_at_level[l - 1] {
                        Some(p) => Some(ids[p].clone()),
                        None => {
                            let at = row
                                .get(Column::Level)
                                .map(|(_, at)| at)
                                .unwrap_or(Position {
                                    line: row.line,
                                    column: 1,
                                });
                            self.problem(
                                at,
                                format!(
                                    "level {l} with no level-{} row above it: give a parent, or \
                                     put the row under one",
                                    l - 1
                                ),
                            );
                            None
                        }
                    },
                },
            };
            if let Some(l) = level {
                last_at_level[l] = Some(i);
                for deeper in last_at_level.iter_mut().skip(l + 1) {
                    *deeper = None;
                }
            }
            parents.push(parent);
        }
        parents
    }

    fn integer(
        &mut self,
        row: &Row,
        column: Column,
        field: &str,
        range: std::ops::RangeInclusive<i64>,
        fields: &mut Fields,
    ) {
        if let Some((value, at)) = row.get(column) {
            match value.parse::<i64>().ok().filter(|n| range.contains(n)) {
                Some(n) => fields.set(field, Value::Int(n)),
                None => self.problem(
                    at,
                    format!(
                        "`{field}` must be a whole number from {} to {}, found `{}`",
                        range.start(),
                        range.end(),
                        crate::text::escaped(value)
                    ),
                ),
            }
        }
    }

    fn word(
        &mut self,
        row: &Row,
        column: Column,
        field: &str,
        words: &[&str],
        fields: &mut Fields,
    ) {
        if let Some((value, at)) = row.get(column) {
            match words.iter().find(|w| w.eq_ignore_ascii_case(value)) {
                Some(w) => fields.set(field, Value::Text(w.to_string())),
                None => self.problem(
                    at,
                    format!(
                        "`{field}` must be one of {}, found `{}`",
                        words.join(", "),
                        crate::text::escaped(value)
                    ),
                ),
            }
        }
    }

    /// The owner: the `owner_id` cell, else the `owner` cell when it is an id, else the
    /// slug of the name written there (noted: a stakeholder must have that id).
    fn owner(&mut self, row: &Row, fields: &mut Fields) {
        let (value, at) = match row.get(Column::OwnerId).or_else(|| row.get(Column::Owner)) {
            Some(found) => found,
            None => return,
        };
        let id = crate::load::nfc(value);
        if crate::load::valid_id(&id) {
            fields.set(key::OWNER, Value::Text(id));
            return;
        }
        let slug = crate::interop::draft::slug(value);
        if slug.is_empty() {
            self.problem(
                at,
                format!("the owner `{}` is not an id", crate::text::escaped(value)),
            );
            return;
        }
        self.notes.push(format!(
            "line {}: the owner `{}` is a name, written as the id `{slug}`: a stakeholder needs that id",
            at.line,
            crate::text::escaped(value)
        ));
        fields.set(key::OWNER, Value::Text(slug));
    }

    /// A list of ids in one cell, separated by `;`, `,`, `|` or line breaks.
    fn list(&mut self, row: &Row, column: Column, field: &str, fields: &mut Fields) {
        if let Some((value, at)) = row.get(column) {
            let mut items = Vec::new();
            for item in value
                .split([';', ',', '|', '\n'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                let id = crate::load::nfc(item);
                if crate::load::valid_id(&id) {
                    items.push(id);
                } else {
                    self.problem(
                        at,
                        format!("`{}` in `{field}` is not an id", crate::text::escaped(item)),
                    );
                }
            }
            fields.texts(field, &items);
        }
    }
}

fn fallback(sheet: Sheet) -> &'static str {
    match sheet {
        Sheet::Capabilities => "capability",
        Sheet::Processes => "process",
        Sheet::Stakeholders => "stakeholder",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn capabilities(text: &str) -> Draft {
        import(text, Sheet::Capabilities)
            .map_err(|p| p.into_iter().map(|p| p.message).collect::<Vec<_>>())
            .unwrap()
            .draft
    }

    fn field<'d>(draft: &'d Draft, id: &str, field: &str) -> Option<&'d Value> {
        draft
            .capabilities
            .iter()
            .find(|e| e.id == id)?
            .fields
            .get(field)
    }

    fn text(v: &str) -> Option<Value> {
        Some(Value::Text(v.to_string()))
    }

    #[test]
    fn headers_are_matched_loosely_with_a_bom_and_semicolons() {
        let draft = capabilities("\u{feff}ID;Capability Name;Parent;Maturity;TARGET;Importance\nsales;Sales;;2;4;High\nintake;Intake;Sales;3;;low\n");
        assert_eq!(draft.capabilities.len(), 2);
        assert_eq!(field(&draft, "intake", key::PARENT), text("sales").as_ref());
        assert_eq!(field(&draft, "sales", key::MATURITY), Some(&Value::Int(2)));
        assert_eq!(
            field(&draft, "sales", key::TARGET_MATURITY),
            Some(&Value::Int(4))
        );
        assert_eq!(
            field(&draft, "sales", key::IMPORTANCE),
            text("high").as_ref()
        );
    }

    #[test]
    fn levels_build_the_tree_when_no_parent_is_given() {
        // An outline: A (1), A1 (2), A1a (3), A2 (2), B (1), B1 (2).
        let draft = capabilities("name,level\nA,1\nA1,2\nA1a,3\nA2,2\nB,1\nB1,2\n");
        let parent = |id: &str| field(&draft, id, key::PARENT).cloned();
        assert_eq!(parent("a"), None);
        assert_eq!(parent("a1"), text("a"));
        assert_eq!(parent("a1a"), text("a1"));
        assert_eq!(parent("a2"), text("a"));
        assert_eq!(parent("b"), None);
        assert_eq!(parent("b1"), text("b"));
    }

    #[test]
    fn bad_cells_are_all_reported_with_line_and_column() {
        let problems = import(
            "id,name,maturity,parent,level\nx,X,7,,\ny,Y,,nowhere,\nx,Z,,,\nw,,,,\nv,V,,,3\n",
            Sheet::Capabilities,
        )
        .err()
        .unwrap();
        let shown: Vec<String> = problems
            .iter()
            .map(|p| format!("{} {}", p.position.unwrap(), p.message))
            .collect();
        assert_eq!(
            shown,
            [
                "2:3 `maturity` must be a whole number from 1 to 5, found `7`",
                "3:4 the parent `nowhere` names no capability of the file, by id or by name",
                "4:1 the id `x` is given twice (first on line 2)",
                "5:2 this row has no name",
                "6:5 level 3 with no level-2 row above it: give a parent, or put the row under one",
            ]
        );
    }

    #[test]
    fn the_formula_guard_of_the_csv_renderer_is_taken_off() {
        let draft = capabilities("id,name\n'-x,'=SUM(A1)\n");
        assert_eq!(draft.capabilities[0].id, "-x");
        assert_eq!(field(&draft, "-x", key::NAME), text("=SUM(A1)").as_ref());
    }

    #[test]
    fn processes_and_stakeholders_have_their_own_columns() {
        let processes = import(
            "name,owner,capabilities\nHandle call,agent,a; b\n",
            Sheet::Processes,
        )
        .ok()
        .unwrap()
        .draft;
        let p = &processes.processes[0];
        assert_eq!(p.id, "handle-call");
        assert_eq!(
            p.fields.get(key::CAPABILITIES),
            Some(&Value::List(vec![
                Value::Text("a".into()),
                Value::Text("b".into())
            ]))
        );
        let stakeholders = import("name,type\nCustomer,External\n", Sheet::Stakeholders)
            .ok()
            .unwrap()
            .draft;
        assert_eq!(
            stakeholders.stakeholders[0].fields.get(key::TYPE),
            text("external").as_ref()
        );
        let problem = import("name,type\nCustomer,friend\n", Sheet::Stakeholders)
            .err()
            .unwrap();
        assert_eq!(problem[0].position, Some(Position { line: 2, column: 2 }));
    }
}
