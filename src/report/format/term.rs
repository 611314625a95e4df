//! Terminal tables drawn by comfy-table, fitted to a width.
//! Model text in titles, notes and cells is escaped as all terminal text is
//! ([`crate::text::escaped`]); only the colours drawn here reach the terminal as codes.

use crate::report::views::{Mark, Table};
use crate::text::escaped;

/// Terminal tables that fit `width` columns (wide characters counted twice).
pub fn render(tables: &[Table], width: usize, color: bool) -> String {
    use comfy_table::{modifiers, presets, Attribute, CellAlignment, Color, ContentArrangement};
    let mut out = String::new();
    for (n, table) in tables.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        if let Some(title) = &table.title {
            let title = escaped(title);
            if color {
                out.push_str(&format!("\x1b[1m{title}\x1b[0m\n"));
            } else {
                out.push_str(&title);
                out.push('\n');
            }
        }
        for note in &table.notes {
            out.push_str(&escaped(note));
            out.push('\n');
        }
        let mut t = comfy_table::Table::new();
        t.load_preset(presets::UTF8_FULL_CONDENSED)
            .apply_modifier(modifiers::UTF8_ROUND_CORNERS)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(width.clamp(20, u16::MAX as usize) as u16);
        if color {
            t.enforce_styling();
        } else {
            t.force_no_tty();
        }
        t.set_header(table.headers.iter().map(|h| {
            let cell = comfy_table::Cell::new(escaped(h));
            if color {
                cell.add_attribute(Attribute::Bold)
            } else {
                cell
            }
        }));
        for row in &table.rows {
            t.add_row(row.iter().map(|cell| {
                // No-break spaces: comfy-table drops leading plain spaces when it wraps.
                let pad = "\u{a0}\u{a0}".repeat(cell.indent as usize);
                let text = cell
                    .lines
                    .iter()
                    // A line break in the model's text breaks the cell's line; every other
                    // control is shown escaped.
                    .flat_map(|l| l.split('\n'))
                    .map(|l| format!("{pad}{}", escaped(l)))
                    .collect::<Vec<_>>()
                    .join("\n");
                let mut c = comfy_table::Cell::new(text);
                if color {
                    if cell.strong {
                        c = c.add_attribute(Attribute::Bold);
                    }
                    match cell.mark {
                        Some(Mark::Warn) => c = c.fg(Color::Yellow),
                        Some(Mark::Muted) => c = c.fg(Color::DarkGrey),
                        None => {}
                    }
                }
                c
            }));
        }
        // No header word is cut in the middle (and the widest columns get some room), as far
        // as the width allows: the smallest widths are dropped when they cannot all fit.
        let word = |h: &String| {
            h.split_whitespace()
                .map(unicode_width::UnicodeWidthStr::width)
                .max()
                .unwrap_or(0)
                .min(16)
        };
        let with_min: Vec<usize> = table
            .headers
            .iter()
            .enumerate()
            .map(|(i, h)| {
                word(h).max(
                    table
                        .min
                        .iter()
                        .find(|(c, _)| *c == i)
                        .map_or(0, |(_, w)| *w),
                ) + 2
            })
            .collect();
        let words: Vec<usize> = table.headers.iter().map(|h| word(h) + 2).collect();
        let fits = |bounds: &[usize]| bounds.iter().sum::<usize>() + bounds.len() < width;
        let bounds = if fits(&with_min) {
            Some(with_min)
        } else if fits(&words) {
            Some(words)
        } else {
            None
        };
        for (i, bound) in bounds.iter().flatten().enumerate() {
            if let Some(column) = t.column_mut(i) {
                column.set_constraint(comfy_table::ColumnConstraint::LowerBoundary(
                    comfy_table::Width::Fixed(*bound as u16),
                ));
            }
        }
        for &i in &table.right {
            if let Some(column) = t.column_mut(i) {
                column.set_cell_alignment(CellAlignment::Right);
            }
        }
        for &i in &table.center {
            if let Some(column) = t.column_mut(i) {
                column.set_cell_alignment(CellAlignment::Center);
            }
        }
        if table.rows.is_empty() {
            out.push_str("(none)\n");
        } else {
            out.push_str(&t.to_string());
            out.push('\n');
        }
    }
    out
}
