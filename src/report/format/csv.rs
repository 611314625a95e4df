//! RFC 4180 CSV by the csv crate: a header record, fields quoted where needed, CRLF between
//! records. Text cells are guarded against formula injection: a spreadsheet must show a name
//! like `=HYPERLINK(...)`, never evaluate it.

use crate::report::views::Records;
use std::borrow::Cow;

/// The first characters that make a spreadsheet read a cell as a formula (OWASP's list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell as CSV writes it: prefixed with `'` when it starts like a formula, so
/// spreadsheets show it as text.
fn text_cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

pub fn render(records: &Records) -> anyhow::Result<String> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for header in &records.headers {
        writer.write_field(text_cell(header).as_bytes())?;
    }
    writer.write_record(None::<&[u8]>)?;
    // Field by field: a row of the matrix can be tens of thousands of cells, most empty.
    for index in 0..records.rows.len() {
        for (i, cell) in records.cells(index).enumerate() {
            let cell = if records.numeric.contains(&i) {
                Cow::Borrowed(cell)
            } else {
                text_cell(cell)
            };
            writer.write_field(cell.as_bytes())?;
        }
        writer.write_record(None::<&[u8]>)?;
    }
    let bytes = writer.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(String::from_utf8(bytes)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_quotes_or_newlines_are_quoted_and_quotes_doubled() {
        let records = Records {
            headers: vec!["id".into(), "name".into()],
            rows: vec![
                vec!["a".into(), "Sales, \"B2B\"".into()],
                vec!["b".into(), "two\nlines".into()],
            ],
            numeric: Vec::new(),
            ..Records::default()
        };
        assert_eq!(
            render(&records).unwrap(),
            "id,name\r\na,\"Sales, \"\"B2B\"\"\"\r\nb,\"two\nlines\"\r\n"
        );
    }

    #[test]
    fn text_starting_like_a_formula_is_prefixed_in_every_text_column() {
        let records = Records {
            headers: vec!["id".into(), "-stage/x".into()],
            rows: vec![
                vec!["=1+1".into(), "+SUM(A1)".into()],
                vec!["-2".into(), "@cmd".into()],
                vec!["\tx".into(), "\rx".into()],
                vec!["a=b".into(), " =x".into()],
            ],
            numeric: Vec::new(),
            ..Records::default()
        };
        assert_eq!(
            render(&records).unwrap(),
            "id,'-stage/x\r\n'=1+1,'+SUM(A1)\r\n'-2,'@cmd\r\n'\tx,\"'\rx\"\r\na=b, =x\r\n"
        );
    }

    #[test]
    fn numeric_columns_keep_their_sign() {
        let records = Records {
            headers: vec!["name".into(), "gap".into()],
            rows: vec![vec!["-1".into(), "-1".into()]],
            numeric: vec![1],
            ..Records::default()
        };
        assert_eq!(render(&records).unwrap(), "name,gap\r\n'-1,-1\r\n");
    }

    #[test]
    fn a_sparse_tail_is_written_as_empty_cells_between_the_listed_ones() {
        let records = Records {
            headers: ["id", "a", "b", "c", "d"].map(String::from).to_vec(),
            rows: vec![vec!["x".into()], vec!["y".into()]],
            sparse: vec![vec![(1, "stage"), (3, "=both")], Vec::new()],
            sparse_width: 4,
            ..Records::default()
        };
        assert_eq!(
            render(&records).unwrap(),
            "id,a,b,c,d\r\nx,,stage,,'=both\r\ny,,,,\r\n"
        );
    }
}
