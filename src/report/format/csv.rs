//! RFC 4180 CSV by the csv crate: a header record, fields quoted where needed, CRLF between
//! records.

use crate::report::views::Records;

pub fn render(records: &Records) -> anyhow::Result<String> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(&records.headers)?;
    for row in &records.rows {
        writer.write_record(row)?;
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
        };
        assert_eq!(
            render(&records).unwrap(),
            "id,name\r\na,\"Sales, \"\"B2B\"\"\"\r\nb,\"two\nlines\"\r\n"
        );
    }
}
