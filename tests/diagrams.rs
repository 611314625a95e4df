//! Names written to break a diagram or a spreadsheet (`tests/fixtures/hostile-names`): every
//! CSV view keeps them as text, `vsm graph` writes Mermaid and DOT that show them literally.
//! The Mermaid parser itself runs in `tests/browser/check-mermaid.mjs` (CI); Graphviz runs
//! here when `dot` is installed.
#![allow(clippy::disallowed_macros)] // a skipped test says why

use std::io::Write as _;
use std::process::{Command, Stdio};

mod common;

fn fixture() -> std::path::PathBuf {
    common::root().join("tests/fixtures/hostile-names")
}

fn vsm_out(args: &[&str]) -> String {
    let out = common::vsm(common::root())
        .args(args)
        .arg(fixture())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn csv_records(text: &str) -> Vec<csv::StringRecord> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn no_csv_cell_of_any_view_starts_like_a_formula() {
    for view in common::views() {
        let text = vsm_out(&["table", "--view", view, "--format", "csv"]);
        let records = csv_records(&text);
        assert!(records.len() > 1, "{view}: no rows");
        let mut guarded = 0;
        for record in &records {
            for cell in record {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
                        || cell.parse::<f64>().is_ok(),
                    "{view}: {cell:?} starts like a formula"
                );
                guarded += usize::from(cell.starts_with('\''));
            }
        }
        assert!(
            guarded > 0,
            "{view}: the hostile model gave no guarded cell"
        );
    }
}

#[test]
fn csv_guards_text_but_not_numbers() {
    let text = vsm_out(&["table", "--view", "capabilities", "--format", "csv"]);
    let records = csv_records(&text);
    let gap = records[0].iter().position(|h| h == "gap").unwrap();
    let root = records.iter().find(|r| &r[0] == "root").unwrap();
    // Maturity 4 against a target of 2: a negative number stays a number.
    assert_eq!(&root[gap], "-2");
    let child = records.iter().find(|r| &r[0] == "child").unwrap();
    assert!(child[1].starts_with("'-->"), "{:?}", &child[1]);

    let text = vsm_out(&["table", "--view", "mapping", "--format", "csv"]);
    let records = csv_records(&text);
    assert_eq!(&records[1][0], "'-stream");
    assert_eq!(&records[1][2], "'=first");
    let text = vsm_out(&["table", "--view", "stages", "--format", "csv"]);
    assert!(
        text.contains("'\t=tab") || text.contains("\"'\r=cr\""),
        "{text}"
    );
    let text = vsm_out(&["table", "--view", "matrix", "--format", "csv"]);
    // Stage columns are named by ids: the header is guarded too.
    assert!(csv_records(&text)[0].iter().any(|h| h == "'-stream/=first"));
}

#[test]
fn mermaid_labels_hold_no_directive_or_comment() {
    for args in [
        &["graph", "--links"][..],
        &["graph", "--stream=-stream"][..],
    ] {
        let text = vsm_out(args);
        assert!(!text.contains('%'), "{text}");
        for line in text.lines().skip(1) {
            // Labels are quoted: outside the quotes only generated ids and keywords remain.
            let outside: String = line.split('"').step_by(2).collect();
            assert!(
                outside
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || " _-.>[]()/{}:,#;".contains(c)),
                "{line}"
            );
        }
        assert!(text.contains("#37;#37;{init#58;"), "{text}");
    }
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("report.md");
    common::vsm(common::root())
        .arg("report")
        .arg(fixture())
        .arg("-o")
        .arg(&md)
        .assert()
        .success();
    let report = std::fs::read_to_string(&md).unwrap();
    let blocks: Vec<&str> = report.split("```mermaid\n").skip(1).collect();
    assert_eq!(blocks.len(), 2, "{report}");
    for block in blocks {
        let block = &block[..block.find("```").unwrap()];
        assert!(!block.contains('%'), "{block}");
    }
}

/// The labels of Graphviz's SVG (`<text>` contents, entities decoded).
fn svg_texts(svg: &str) -> Vec<String> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(svg, options).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn dot_output_is_valid_graphviz_that_shows_every_name() {
    if Command::new("dot").arg("-V").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "Graphviz `dot` is missing on CI (.ci/run installs it)"
        );
        eprintln!("skipped: Graphviz `dot` is not installed (apt-get install graphviz)");
        return;
    }
    let text = vsm_out(&["graph", "--format", "dot", "--links"]);
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.is_empty(),
        "{stderr}\n{text}"
    );
    let texts = svg_texts(&String::from_utf8(out.stdout).unwrap());
    for shown in [
        // The process: an HTML-like label, quotes, backslashes and Graphviz escapes stay text.
        r#"<<table>><tr><td>x</td></tr></table>> "\\" \l \N"#,
        "%%",
        r#"%%{init: {"theme": "forest", "securityLevel": "loose"}}%%"#,
        // A stream name of three lines: one text element each.
        "-2+3 end",
        "subgraph x",
    ] {
        assert!(
            texts.iter().any(|t| t == shown),
            "{shown:?} not in {texts:?}"
        );
    }
}
