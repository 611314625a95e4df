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
    writer.write_record(records.headers.iter().map(|h| text_cell(h).into_owned()))?;
    for row in &records.rows {
        writer.write_record(row.iter().enumerate().map(|(i, cell)| {
            if records.numeric.contains(&i) {
                Cow::Borrowed(cell.as_str())
            } else {
                text_cell(cell)
            }
            .into_owned()
        }))?;
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
        };
        assert_eq!(render(&records).unwrap(), "name,gap\r\n'-1,-1\r\n");
    }
}
