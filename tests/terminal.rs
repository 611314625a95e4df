//! Text that reaches a terminal: model text, file names and config values are shown escaped
//! on every terminal path, and terminal tables fit the width they are given.

mod common;

use common::{model_dir, vsm};
use std::path::Path;

/// Escape sequences and controls a model could use to drive a terminal, as YAML
/// double-quoted escapes: OSC 52 (clipboard), OSC 8 (link), clear-screen, CR + cursor-up
/// ("all good" over the real output), C1 CSI and NEL, BEL, and bidi overrides and isolates.
const OSC52: &str = r"\e]52;c;aGk=\a";
const OSC8: &str = r"\e]8;;https://evil.example\e\\link\e]8;;\e\\";
const CLEAR: &str = r"\e[2J";
const OVERWRITE: &str = r"\r\e[1Aall good";
const C1: &str = r"\x9b31m\N";
const BIDI: &str = r"\u202e\u2066x\u2069\u202a";

fn hostile_model() -> String {
    format!(
        r#"stakeholders:
  "cust{OSC52}": {{name: "Customer {OVERWRITE}", type: external}}
value_streams:
  "flow{BIDI}":
    name: "Flow {OSC8}"
    description: "desc {C1}"
    trigger: "cust{OSC52}"
    stages:
      "st\a":
        name: "Stage {CLEAR}"
        description: "Writes {OSC52} it"
        stakeholders: ["cust{OSC52}"]
        entry_conditions: ["Enter {C1}"]
        exit_conditions: ["Exit {BIDI}"]
        value_items: [{{name: "Item {OSC52}", measure: "{BIDI}", capabilities: ["cap{CLEAR}"]}}]
        capabilities: ["cap{CLEAR}", "missing{CLEAR}"]  # raw: {raw_bidi} here
capabilities:
  "cap{CLEAR}": {{name: "Cap {OVERWRITE}", level: 1, maturity: 1, target_maturity: 3, importance: high, owner: "cust{OSC52}"}}
  "child\x85": {{name: "Child {BIDI}", parent: "cap{CLEAR}", maturity: 2}}
commitments:
  "c{CLEAR}": {{name: "Commit {OSC52}", target: "<= 2d", stage: "flow{BIDI}/st\a", parts: ["p\a"]}}
  "p\a": {{name: "Part {C1}", target: "<= 1d"}}
"#,
        raw_bidi = "\u{202e}\u{2067}"
    )
}

/// A file name holding an OSC 52 write, a carriage return with cursor-up, a bidi override and
/// a C1 control.
const HOSTILE_NAME: &str = "\u{1b}]52;c;aGk=\u{7}\r\u{1b}[1A\u{202e}\u{9b}.yaml";

/// A file that is no YAML, its raw bytes shown in the syntax error's snippet.
const BROKEN: &str = "a: [\u{1b}]52;c;aGk=\u{7}\n b: \u{202e}\u{1b}[2J\r\u{85}\n";

/// vsm's own colour codes: `ESC [` digits and `;`, ending in `m`.
fn without_colours(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\u{1b}[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let params = after
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(after.len());
        if after[params..].starts_with('m') {
            rest = &after[params + 1..];
        } else {
            out.push('\u{1b}');
            rest = &rest[at + 1..];
        }
    }
    out.push_str(rest);
    out
}

/// Characters that act on a terminal: C0 (line breaks aside), DEL, C1, bidi controls.
fn acting(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Runs `vsm ARGS` in `dir` and fails when stdout or stderr holds a raw control (outside vsm's
/// colour codes when `color`); returns stdout and stderr.
fn assert_inert(dir: &Path, args: &[&str], color: bool) -> (String, String) {
    let out = vsm(dir).env("COLUMNS", "80").args(args).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 2) && !stderr.contains("panicked"),
        "{args:?}: {stderr}"
    );
    for (stream, text) in [("stdout", &stdout), ("stderr", &stderr)] {
        let shown = if color {
            without_colours(text)
        } else {
            text.clone()
        };
        if let Some((at, c)) = shown.char_indices().find(|&(_, c)| acting(c)) {
            let before: String = shown[..at].chars().rev().take(60).collect();
            let before: String = before.chars().rev().collect();
            panic!("{args:?} wrote {c:?} raw to {stream}: …{before:?}");
        }
    }
    (stdout, stderr)
}

#[test]
fn model_text_file_names_and_config_values_reach_the_terminal_escaped() {
    let dir = model_dir(&[(HOSTILE_NAME, &hostile_model())]);
    let d = dir.path();
    let mut seen = String::new();
    for format in ["human", "concise", "github"] {
        for color in ["never", "always"] {
            let (out, err) = assert_inert(
                d,
                &["check", "--format", format, "--color", color],
                color == "always",
            );
            seen.push_str(&out);
            seen.push_str(&err);
        }
    }
    for view in common::views() {
        for color in ["never", "always"] {
            let (out, _) = assert_inert(
                d,
                &[
                    "table", "--view", view, "--format", "term", "--color", color,
                ],
                color == "always",
            );
            seen.push_str(&out);
        }
    }
    for color in ["never", "always"] {
        let (out, _) = assert_inert(d, &["heatmap", "--color", color], color == "always");
        seen.push_str(&out);
    }
    for map in ["matrix", "stages", "quadrant"] {
        for color in ["never", "always"] {
            let args = ["heatmap", "--map", map, "--color", color];
            let (out, _) = assert_inert(d, &args, color == "always");
            seen.push_str(&out);
        }
    }
    // The text is there, escaped: shown, not dropped.
    for shown in [
        r"\u{1b}]52;c;aGk=\u{7}",
        r"\u{1b}[2J",
        r"\u{202e}",
        r"\u{9b}",
        r"\u{7}\r\u{1b}[1A\u{202e}\u{9b}.yaml",
    ] {
        assert!(seen.contains(shown), "{shown} is not shown");
    }
    // Echoed: a stream id the model does not have, the model's ids, an unknown rule.
    assert_inert(d, &["table", "--stream", "no\u{1b}[2Jne"], false);
    assert_inert(d, &["explain", "\u{1b}]52;c;aGk=\u{7}\u{202e}"], false);
}

#[test]
fn the_snippet_of_a_file_that_is_no_yaml_shows_its_controls_escaped() {
    let dir = model_dir(&[("broken.yaml", BROKEN)]);
    for color in ["never", "always"] {
        let (out, err) = assert_inert(
            dir.path(),
            &[
                "check",
                "broken.yaml",
                "--format",
                "human",
                "--color",
                color,
            ],
            color == "always",
        );
        let out = without_colours(&(out + &err));
        assert!(
            out.contains(r"a: [\u{1b}]52;c;aGk=\u{7}"),
            "the line is shown escaped: {out}"
        );
        assert!(out.contains(" b: \\u{202e}\\u{1b}[2J\\r\\u{85}"), "{out}");
    }
}

#[test]
fn config_values_the_config_errors_echo_are_escaped() {
    let dir = model_dir(&[
        ("model.yaml", common::CLEAN),
        (
            "vsm.yaml",
            "rules:\n  \"VSM\\e[2J\": \"off\\a\"\n  no-value-item: \"err\\e]52;c;x\\a\"\nexclude: [\"\\e[2J[\"]\n",
        ),
    ]);
    let (_, err) = assert_inert(dir.path(), &["check", "model.yaml"], false);
    assert!(
        err.contains(r"`err\u{1b}]52;c;x\u{7}` is not a severity"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 3, "one line per error: {err}");
}

/// The `terminal-*` cases of the hostile corpus through every terminal view: their findings
/// are checked by `tests/hostile.rs`, their tables and heat maps here.
#[test]
fn hostile_terminal_cases_draw_inert_tables_and_heat_maps() {
    let corpus = common::root().join("tests/hostile");
    let mut cases = 0;
    for entry in std::fs::read_dir(&corpus).unwrap() {
        let case = entry.unwrap().path();
        if !case
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("terminal-")
        {
            continue;
        }
        cases += 1;
        let input = std::fs::read_to_string(case.join("input.yaml")).unwrap();
        let dir = model_dir(&[("input.yaml", &input)]);
        let d = dir.path();
        for format in ["human", "concise", "github"] {
            assert_inert(d, &["check", "input.yaml", "--format", format], false);
        }
        for view in common::views() {
            assert_inert(d, &["table", "input.yaml", "--view", view], false);
        }
        assert_inert(d, &["heatmap", "input.yaml", "--color", "always"], true);
    }
    assert!(cases >= 2, "the terminal-* cases are gone");
}

/// Runs `vsm table --view VIEW` on the Chinese and English model at `width` columns.
fn table_at(view: &str, width: usize) -> String {
    let model = std::fs::read_to_string(common::root().join("tests/fixtures/terminal-widths.yaml"))
        .unwrap();
    let dir = model_dir(&[("model.yaml", &model)]);
    let out = vsm(dir.path())
        .env("COLUMNS", width.to_string())
        .args(["table", "model.yaml", "--view", view])
        .output()
        .unwrap();
    assert!(out.status.success(), "{view}");
    let text = String::from_utf8(out.stdout).unwrap();
    for line in text.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= width,
            "{view} at {width}: {line:?} is wider"
        );
    }
    text
}

#[test]
fn tables_fit_the_width_keep_words_whole_and_stack_when_a_grid_cannot_be_read() {
    for view in ["capabilities", "mapping", "commitments"] {
        for width in [80, 120] {
            insta::assert_snapshot!(format!("table_{view}_{width}"), table_at(view, width));
        }
    }
    insta::assert_snapshot!(
        "table_capabilities_stacked_50",
        table_at("capabilities", 50)
    );
    // Every width from the narrowest up fits, grid or stacked.
    for width in (40..=160).step_by(7) {
        for view in common::views() {
            table_at(view, width);
        }
    }
}

#[test]
fn a_wrapped_child_keeps_its_indentation_and_numbers_stay_narrow() {
    let table = table_at("capabilities", 120);
    // "Intake of customer requests through every channel" wraps under its own indentation.
    let lines: Vec<&str> = table.lines().filter(|l| l.starts_with('│')).collect();
    let at = lines
        .iter()
        .position(|l| l.contains("Intake of"))
        .expect("the child is shown");
    // (No-break spaces: comfy-table would drop plain leading ones.)
    assert!(
        lines[at].starts_with("│ \u{a0}\u{a0}Intake"),
        "{}",
        lines[at]
    );
    assert!(
        lines[at + 1].starts_with("│ \u{a0}\u{a0}requests"),
        "{}",
        lines[at + 1]
    );
    // The level column is as wide as its header, not more.
    assert!(table.contains("┆ Level ┆"), "{table}");
    // No header word is cut.
    for word in ["Maturity", "Importance", "Processes"] {
        assert!(table.contains(word), "{word} is cut: {table}");
    }
}
