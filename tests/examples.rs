//! Every rule's example in `examples/<CODE>-<name>/`: the bad model gives exactly the
//! findings listed in its `expected.txt` (code, file, line, column, written by hand), the good
//! model gives none, and the human and JSON outputs of the bad model are snapshot-tested.

use serde_json::Value;
use std::path::PathBuf;

mod common;

struct Example {
    dir: PathBuf,
    name: String,
    code: String,
}

fn examples() -> Vec<Example> {
    let root = common::root().join("examples");
    let mut out: Vec<Example> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let code = name.split('-').next()?.to_string();
            (code.starts_with("VSM") && code.len() == 6).then(|| Example {
                dir: e.path(),
                name,
                code,
            })
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// `bad.yaml` or the folder `bad/`.
fn variant(example: &Example, which: &str) -> String {
    if example.dir.join(format!("{which}.yaml")).exists() {
        format!("{which}.yaml")
    } else {
        assert!(
            example.dir.join(which).is_dir(),
            "{} has no {which}.yaml or {which}/",
            example.name
        );
        which.to_string()
    }
}

/// Runs `vsm check` in the example's folder with all default rules plus the rule under test.
fn run(example: &Example, target: &str, format: &str) -> (i32, String) {
    let config = tempfile::NamedTempFile::new().unwrap();
    let rule = vsm::catalog::lookup(&example.code).expect("example named after a rule");
    if rule.default.is_none() {
        std::fs::write(config.path(), format!("rules:\n  {}: info\n", rule.code)).unwrap();
    }
    let output = common::vsm(&example.dir)
        .args(["check", "--color", "never", "--format", format, "--config"])
        .arg(config.path())
        .arg(target)
        .output()
        .unwrap();
    assert!(
        output.stderr.is_empty(),
        "{}: stderr: {}",
        example.name,
        String::from_utf8_lossy(&output.stderr)
    );
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
    )
}

fn findings(json: &str) -> Vec<(String, String, u64, u64)> {
    let value: Value = serde_json::from_str(json).unwrap();
    value["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_rule_has_an_example() {
    let found: Vec<String> = examples().into_iter().map(|e| e.code).collect();
    for rule in vsm::catalog::RULES {
        assert!(
            found.contains(&rule.code.to_string()),
            "no example for {} {}",
            rule.code,
            rule.name
        );
    }
}

#[test]
fn bad_examples_give_exactly_the_expected_findings() {
    let mut failures = Vec::new();
    for example in examples() {
        let bad = variant(&example, "bad");
        let (code, json) = run(&example, &bad, "json");
        let actual = findings(&json);
        let expected_text = std::fs::read_to_string(example.dir.join("expected.txt")).unwrap();
        let mut expected = Vec::new();
        let mut approximate = Vec::new();
        for line in expected_text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let (entry, approx) = match line.split_once('#') {
                Some((entry, note)) => (entry.trim(), note.contains("approx")),
                None => (line, false),
            };
            let (rule, place) = entry.split_once(' ').unwrap();
            let mut parts = place.trim().rsplitn(3, ':');
            let column: u64 = parts.next().unwrap().parse().unwrap();
            let line_no: u64 = parts.next().unwrap().parse().unwrap();
            let file = parts.next().unwrap().to_string();
            if approx {
                approximate.push((rule.to_string(), file, line_no));
            } else {
                expected.push((rule.to_string(), file, line_no, column));
            }
        }
        let exact: Vec<_> = actual
            .iter()
            .filter(|f| {
                !approximate
                    .iter()
                    .any(|(r, file, l)| *r == f.0 && *file == f.1 && *l == f.2)
            })
            .cloned()
            .collect();
        let approx_found = approximate.iter().all(|(r, file, l)| {
            actual
                .iter()
                .any(|f| f.0 == *r && f.1 == *file && f.2 == *l)
        });
        if exact != expected || !approx_found {
            failures.push(format!(
                "{}: expected {expected:?} (approx {approximate:?}), got {actual:?}",
                example.name
            ));
        }
        assert!(
            actual.iter().any(|f| f.0 == example.code),
            "{}: the bad example does not trigger {}",
            example.name,
            example.code
        );
        let rule = vsm::catalog::lookup(&example.code).unwrap();
        let expected_exit = i32::from(rule.default == Some(vsm::diag::Severity::Error));
        assert_eq!(code, expected_exit, "{}: exit code", example.name);
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn good_examples_are_clean() {
    for example in examples() {
        let good = variant(&example, "good");
        let (code, out) = run(&example, &good, "concise");
        assert_eq!(out, "", "{}: the good example has findings", example.name);
        assert_eq!(code, 0, "{}", example.name);
    }
}

#[test]
fn bad_example_outputs_are_stable() {
    for example in examples() {
        let bad = variant(&example, "bad");
        let (_, human) = run(&example, &bad, "human");
        let (_, json) = run(&example, &bad, "json");
        let mut settings = insta::Settings::clone_current();
        settings.add_filter(r"in \d+ ms", "in [TIME] ms");
        settings.set_snapshot_suffix(example.name.clone());
        settings.bind(|| {
            insta::assert_snapshot!("human", human);
            insta::assert_snapshot!("json", json);
        });
    }
}

/// `examples/README.md` lists every example folder once, in code order, under its rule's
/// code and name from the catalog, with the right bad variant (`bad.yaml` or `bad/`).
#[test]
fn the_examples_readme_lists_every_folder_with_its_rule() {
    let readme = std::fs::read_to_string(common::root().join("examples/README.md")).unwrap();
    let rows: Vec<Vec<String>> = readme
        .lines()
        .filter(|line| line.starts_with("| [VSM"))
        .map(|line| {
            line.trim_matches('|')
                .split(" | ")
                .map(|cell| cell.trim().to_string())
                .collect()
        })
        .collect();
    let examples = examples();
    assert_eq!(
        rows.len(),
        examples.len(),
        "one README row per example folder"
    );
    for (row, example) in rows.iter().zip(&examples) {
        let rule = vsm::catalog::lookup(&example.code).unwrap();
        assert_eq!(
            row[0],
            format!("[{}]({}/)", rule.code, example.name),
            "README row for {}",
            example.name
        );
        assert_eq!(example.name, format!("{}-{}", rule.code, rule.name));
        assert_eq!(row[1], format!("`{}`", rule.name), "{}", example.name);
        assert!(
            !row[2].is_empty(),
            "{} says what its bad model shows",
            example.name
        );
        let bad = variant(example, "bad");
        let shown = if bad.ends_with(".yaml") {
            bad
        } else {
            format!("{bad}/")
        };
        assert_eq!(row[3], format!("`{shown}`"), "{}", example.name);
    }
}
