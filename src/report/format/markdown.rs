//! GitHub-flavoured Markdown tables: every cell escaped, so model text cannot break the table.

use crate::report::escape;
use crate::report::views::{Cell, Table};

/// One Markdown cell: escaped lines joined with `<br>`, indentation as em spaces.
pub fn cell(cell: &Cell) -> String {
    let pad = "&emsp;".repeat(cell.indent as usize);
    let text = cell
        .lines
        .iter()
        .map(|l| format!("{pad}{}", escape::markdown(l)))
        .collect::<Vec<_>>()
        .join("<br>");
    if cell.strong && !text.is_empty() {
        format!("**{text}**")
    } else {
        text
    }
}

/// A GitHub-flavoured Markdown table (no title).
pub fn table(table: &Table) -> String {
    let mut out = String::new();
    out.push('|');
    for h in &table.headers {
        out.push(' ');
        out.push_str(&escape::markdown(h));
        out.push_str(" |");
    }
    out.push_str("\n|");
    for i in 0..table.headers.len() {
        out.push_str(if table.right.contains(&i) {
            " ---: |"
        } else if table.center.contains(&i) {
            " :---: |"
        } else {
            " --- |"
        });
    }
    out.push('\n');
    for row in &table.rows {
        out.push('|');
        for item in row {
            out.push(' ');
            out.push_str(&cell(item));
            out.push_str(" |");
        }
        out.push('\n');
    }
    out
}

/// Markdown tables, each under a `###` title of `level` hashes.
pub fn render(tables: &[Table], level: usize) -> String {
    let mut out = String::new();
    for (n, table) in tables.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        if let Some(title) = &table.title {
            out.push_str(&format!(
                "{} {}\n\n",
                "#".repeat(level),
                escape::markdown_heading(title)
            ));
        }
        for note in &table.notes {
            out.push_str(&escape::markdown_block(note));
            out.push_str("  \n");
        }
        if !table.notes.is_empty() {
            out.push('\n');
        }
        if table.rows.is_empty() {
            out.push_str(&format!("_{}_\n", table.lang.t("view-none")));
        } else {
            out.push_str(&self::table(table));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipes_and_markup_in_cells_cannot_break_the_table() {
        let mut t = Table::with_headers(crate::i18n::Lang::En, &["Name", "N"]);
        t.right = vec![1];
        t.rows.push(vec![
            Cell::lines(vec!["a | b".into(), "<i>c</i>".into()]).strong(),
            Cell::new("1").indent(2),
        ]);
        assert_eq!(
            table(&t),
            "| Name | N |\n| --- | ---: |\n| **a \\| b<br>&lt;i&gt;c&lt;/i&gt;** | &emsp;&emsp;1 |\n"
        );
    }

    #[test]
    fn an_empty_table_says_none_under_its_title_and_notes() {
        let mut t = Table::with_headers(crate::i18n::Lang::En, &["Name"]);
        t.title = Some("Stream #".into());
        t.notes = vec!["- not a list".into()];
        assert_eq!(
            render(&[t], 3),
            "### Stream \\#\n\n\\- not a list  \n\n_None._\n"
        );
    }
}
