//! Terminal tables drawn by comfy-table, fitted to a width counted in terminal cells (a
//! Chinese character is two).
//!
//! The widths are decided here, not left to comfy-table: every column gets at least its
//! longest word (no `Matur│ity`), numeric columns exactly their widest number or header
//! word, and the rest of the width goes to the text columns that want it. Tree names are
//! wrapped here so every line of a wrapped child keeps its indentation. When the columns'
//! smallest widths do not fit, or the width is below [`NARROWEST_GRID`], each row is written
//! as a block of `Column: value` lines instead.
//!
//! Model text in titles, notes, headers and cells is escaped as all terminal text is
//! ([`crate::text::escaped`]); only the colours drawn here reach the terminal as codes.

use crate::report::views::{Cell, Mark, Table};
use crate::text::escaped;
use unicode_width::UnicodeWidthStr;

/// Below this many columns a grid is not readable: rows are written as blocks.
pub const NARROWEST_GRID: usize = 60;
/// A word longer than this may be cut to fit; shorter words never are.
const LONGEST_UNCUT_WORD: usize = 16;
/// Spaces per tree level.
const INDENT: usize = 2;

/// Terminal tables that fit `width` columns.
pub fn render(tables: &[Table], width: usize, color: bool) -> String {
    let mut out = String::new();
    for (n, table) in tables.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        if let Some(title) = &table.title {
            for line in wrap(&escaped(title), width) {
                out.push_str(&bold(&line, color));
                out.push('\n');
            }
        }
        for note in &table.notes {
            for line in wrap(&escaped(note), width) {
                out.push_str(&line);
                out.push('\n');
            }
        }
        let shown = Shown::of(table);
        if table.rows.is_empty() {
            out.push_str(&table.lang.t("view-none-term"));
            out.push('\n');
        } else if let Some(widths) = shown.widths(width) {
            out.push_str(&shown.grid(&widths, color));
            out.push('\n');
        } else {
            out.push_str(&shown.stacked(width, color));
        }
    }
    out
}

fn bold(text: &str, color: bool) -> String {
    if color {
        format!("\x1b[1m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// A table's text as the terminal shows it (escaped, line breaks split), with the facts its
/// layout needs.
struct Shown<'t> {
    table: &'t Table,
    headers: Vec<String>,
    /// Each row's cells: their lines.
    cells: Vec<Vec<Vec<String>>>,
}

/// The widest word of `text` in terminal cells (a run of Chinese counts as one word here,
/// so `订单处理` is not split when there is room; [`wrap`] may still break a longer run).
fn longest_word(text: &str) -> usize {
    text.split_whitespace().map(str::width).max().unwrap_or(0)
}

/// `text` wrapped to `width` cells: between words (Chinese between characters), a word cut
/// only when it is wider than the column.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let options = textwrap::Options::new(width.max(1))
        .word_separator(textwrap::WordSeparator::UnicodeBreakProperties);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

impl<'t> Shown<'t> {
    fn of(table: &'t Table) -> Self {
        let lines = |cell: &Cell| -> Vec<String> {
            cell.lines
                .iter()
                .flat_map(|l| l.split('\n'))
                .map(|l| escaped(l).into_owned())
                .collect()
        };
        Shown {
            table,
            headers: table
                .headers
                .iter()
                .map(|h| escaped(h).into_owned())
                .collect(),
            cells: table
                .rows
                .iter()
                .map(|row| row.iter().map(lines).collect())
                .collect(),
        }
    }

    fn numeric(&self, column: usize) -> bool {
        self.table.right.contains(&column)
    }

    fn cell(&self, row: usize, column: usize) -> Option<(&Cell, &[String])> {
        Some((
            self.table.rows[row].get(column)?,
            self.cells[row].get(column)?.as_slice(),
        ))
    }

    /// Each column's (smallest, wanted) content width: the smallest keeps every word whole
    /// (words up to [`LONGEST_UNCUT_WORD`]) with its indentation; the wanted one is every
    /// line on one line.
    fn bounds(&self) -> Vec<(usize, usize)> {
        (0..self.headers.len())
            .map(|c| {
                let header = &self.headers[c];
                let mut least = longest_word(header).clamp(1, LONGEST_UNCUT_WORD);
                let mut want = header.width().max(least);
                for row in 0..self.cells.len() {
                    let Some((cell, lines)) = self.cell(row, c) else {
                        continue;
                    };
                    let pad = cell.indent as usize * INDENT;
                    for line in lines {
                        if self.numeric(c) {
                            least = least.max(line.width());
                        } else {
                            least = least.max(pad + longest_word(line).min(LONGEST_UNCUT_WORD));
                        }
                        want = want.max(pad + line.width());
                    }
                }
                if self.numeric(c) {
                    (least, least)
                } else {
                    (least, want)
                }
            })
            .collect()
    }

    /// The content width of each column for a grid `width` cells wide, or `None` when the
    /// grid would not be readable.
    fn widths(&self, width: usize) -> Option<Vec<usize>> {
        let n = self.headers.len();
        // Padding of one space each side and a border after each column and before the first.
        let frame = 3 * n + 1;
        let bounds = self.bounds();
        let least: usize = bounds.iter().map(|b| b.0).sum();
        if width < NARROWEST_GRID || least + frame > width {
            return None;
        }
        let mut widths: Vec<usize> = bounds.iter().map(|b| b.0).collect();
        // The views' smallest widths for some columns, as far as the width allows.
        for &(c, min) in &self.table.min {
            if c < n && !self.numeric(c) {
                let more = min.saturating_sub(widths[c]);
                let room = width - frame - widths.iter().sum::<usize>();
                widths[c] += more.min(room);
            }
        }
        // The rest to the columns that want more, in proportion to how much more.
        let room = width - frame - widths.iter().sum::<usize>();
        let wants: Vec<usize> = bounds
            .iter()
            .zip(&widths)
            .map(|(b, w)| b.1.saturating_sub(*w))
            .collect();
        let wanted: usize = wants.iter().sum();
        if wanted <= room {
            for (w, more) in widths.iter_mut().zip(&wants) {
                *w += more;
            }
        } else {
            let mut left = room;
            for (w, more) in widths.iter_mut().zip(&wants) {
                let share = (room * more / wanted).min(left);
                *w += share;
                left -= share;
            }
        }
        Some(widths)
    }

    /// The grid with these content widths.
    fn grid(&self, widths: &[usize], color: bool) -> String {
        use comfy_table::{
            modifiers, presets, Attribute, CellAlignment, Color, ColumnConstraint,
            ContentArrangement, Width,
        };
        let total = widths.iter().map(|w| w + 3).sum::<usize>() + 1;
        let mut t = comfy_table::Table::new();
        t.load_preset(presets::UTF8_FULL_CONDENSED)
            .apply_modifier(modifiers::UTF8_ROUND_CORNERS)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(total.min(u16::MAX as usize) as u16);
        if color {
            t.enforce_styling();
        } else {
            t.force_no_tty();
        }
        t.set_header(self.headers.iter().map(|h| {
            let cell = comfy_table::Cell::new(h);
            if color {
                cell.add_attribute(Attribute::Bold)
            } else {
                cell
            }
        }));
        for row in 0..self.cells.len() {
            t.add_row((0..self.headers.len()).map(|c| {
                let Some((cell, lines)) = self.cell(row, c) else {
                    return comfy_table::Cell::new("");
                };
                let mut out = comfy_table::Cell::new(indented(cell, lines, widths[c]));
                if color {
                    if cell.strong {
                        out = out.add_attribute(Attribute::Bold);
                    }
                    match cell.mark {
                        Some(Mark::Warn) => out = out.fg(Color::Yellow),
                        Some(Mark::Muted) => out = out.fg(Color::DarkGrey),
                        None => {}
                    }
                }
                out
            }));
        }
        for (c, w) in widths.iter().enumerate() {
            if let Some(column) = t.column_mut(c) {
                column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(
                    (w + 2).min(u16::MAX as usize) as u16,
                )));
                if self.numeric(c) {
                    column.set_cell_alignment(CellAlignment::Right);
                } else if self.table.center.contains(&c) {
                    column.set_cell_alignment(CellAlignment::Center);
                }
            }
        }
        t.to_string()
    }

    /// One block a row: `Header: value` lines, continuation lines under the value, a blank
    /// line between rows; empty values left out.
    fn stacked(&self, width: usize, color: bool) -> String {
        // Values start after the widest label, at most a third of the way in; a longer
        // label has its line to itself.
        let label_width = (self.headers.iter().map(|h| h.width()).max().unwrap_or(0) + 2)
            .min(width / 3)
            .max(1);
        let mut out = String::new();
        for row in 0..self.cells.len() {
            if row > 0 {
                out.push('\n');
            }
            for (c, header) in self.headers.iter().enumerate() {
                let Some((cell, lines)) = self.cell(row, c) else {
                    continue;
                };
                if lines.iter().all(|l| l.trim().is_empty()) {
                    continue;
                }
                let label = format!("{header}:");
                let lead = if label.width() < label_width {
                    format!("{label}{}", " ".repeat(label_width - label.width()))
                } else {
                    for line in wrap(&label, width) {
                        out.push_str(&bold(&line, color));
                        out.push('\n');
                    }
                    " ".repeat(label_width)
                };
                let tree = " ".repeat(cell.indent as usize * INDENT);
                let rest = " ".repeat(label_width);
                let options = textwrap::Options::new(width)
                    .word_separator(textwrap::WordSeparator::UnicodeBreakProperties)
                    .initial_indent(&lead)
                    .subsequent_indent(&rest);
                for (i, line) in lines.iter().enumerate() {
                    let text = format!("{tree}{line}");
                    let options = if i == 0 {
                        options.clone()
                    } else {
                        options.clone().initial_indent(&rest)
                    };
                    let wrapped = textwrap::fill(&text, options);
                    let wrapped = match (color, wrapped.split_at_checked(lead.len())) {
                        (true, Some((head, value))) if i == 0 && !head.trim().is_empty() => {
                            format!("{}{value}", bold(head, true))
                        }
                        _ => wrapped,
                    };
                    out.push_str(&wrapped);
                    out.push('\n');
                }
            }
        }
        out
    }
}

/// A cell's lines wrapped for a column `width` cells wide, here rather than by comfy-table, so
/// that every line of a wrapped tree name keeps its indentation (no-break spaces, since
/// comfy-table drops leading plain spaces).
fn indented(cell: &Cell, lines: &[String], width: usize) -> String {
    let pad = "\u{a0}".repeat(cell.indent as usize * INDENT);
    let room = width.saturating_sub(pad.chars().count()).max(1);
    lines
        .iter()
        .flat_map(|l| wrap(l, room))
        .map(|l| format!("{pad}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
