//! `vsm check` and `vsm explain` as a user runs them: the real binary, real files.

use predicates::prelude::*;
use serde_json::Value;

mod common;
use common::{check_json, codes, model_dir, root, vsm, CLEAN};

#[test]
fn the_example_model_is_clean() {
    let root = root();
    vsm(root)
        .args(["check", "models/customer-service"])
        .assert()
        .success()
        .stdout("");
    vsm(root)
        .args(["check", "--format", "human", "models/customer-service"])
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"^Checked \d+ files \(3 value streams, \d+ stages, \d+ elements\): no findings in \d+ ms\n$").unwrap());
}

#[test]
fn exit_codes_follow_fail_on() {
    let no_value = CLEAN.replace("        value_items: [Customer is not kept waiting]\n", "");
    let dir = model_dir(&[("m.yaml", &no_value)]);
    vsm(dir.path())
        .args(["check", "."])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("warning[VSM101]"));
    vsm(dir.path())
        .args(["check", "--fail-on", "warning", "."])
        .assert()
        .code(1);
    vsm(dir.path())
        .args(["check", "--fail-on", "info", "."])
        .assert()
        .code(1);
    vsm(dir.path())
        .args(["check", "--fail-on", "never", "."])
        .assert()
        .code(0);
    let broken = model_dir(&[("m.yaml", "stakeholders: [\n")]);
    vsm(broken.path())
        .args(["check", "."])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[VSM001]"));
    vsm(broken.path())
        .args(["check", "--fail-on", "never", "."])
        .assert()
        .code(0);
}

#[test]
fn cannot_do_its_job_exits_2_with_a_message() {
    let dir = model_dir(&[("m.yaml", CLEAN)]);
    vsm(dir.path())
        .args(["check", "no-such-folder"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot read `no-such-folder`: no such file or folder",
        ));
    vsm(dir.path())
        .args(["check", "--format", "fancy", "."])
        .assert()
        .code(2);
    vsm(dir.path())
        .args(["check", "--select", "no-value-items", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `no-value-item`?"));
    let empty = model_dir(&[("notes.txt", "nothing here")]);
    vsm(empty.path())
        .args(["check", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no model files (*.yaml, *.yml) found",
        ));
}

#[test]
fn a_bad_config_stops_with_its_location() {
    let dir = model_dir(&[
        ("m.yaml", CLEAN),
        (
            "vsm.yaml",
            "rules:\n  no-value-items: error\nfail-on: warning\n",
        ),
    ]);
    vsm(dir.path())
        .args(["check", "m.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "vsm.yaml:2:3: unknown rule `no-value-items` (did you mean `no-value-item`?)",
        ))
        .stderr(predicate::str::contains(
            "vsm.yaml:3:1: unknown key `fail-on` (did you mean `fail_on`?)",
        ));
}

#[test]
fn config_is_found_above_and_sets_paths_rules_and_fail_on() {
    let no_value = CLEAN.replace("        value_items: [Customer is not kept waiting]\n", "");
    let dir = model_dir(&[
        ("models/m.yaml", &no_value),
        ("models/drafts/d.yaml", "nonsense: true\n"),
        ("vsm.yaml", "paths: [models]\nexclude: [\"models/drafts/**\"]\nfail_on: warning\nrules:\n  no-value-item: error\n  VSM105: off\n"),
        ("sub/readme.txt", ""),
    ]);
    // From a sub-folder: the config above is used, its paths are relative to it.
    let out = vsm(&dir.path().join("sub"))
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(codes(&value), vec!["VSM101"]);
    assert_eq!(value["findings"][0]["severity"], "error");
    assert_eq!(
        value["summary"]["files"], 1,
        "the drafts folder is excluded"
    );
}

#[test]
fn select_and_ignore_choose_rules() {
    let bare = "stakeholders:\n  customer: {name: Customer}\nvalue_streams:\n  s:\n    name: S\n    trigger: customer\n    stages:\n      a: {name: A}\n";
    let dir = model_dir(&[("m.yaml", bare)]);
    let all = codes(&check_json(dir.path(), &["."]));
    // VSM107 points at the trigger (line 6), before the stage (line 8).
    assert_eq!(
        all,
        vec!["VSM107", "VSM101", "VSM103", "VSM104", "VSM105", "VSM106"]
    );
    assert_eq!(
        codes(&check_json(
            dir.path(),
            &["--select", "VSM101,missing-entry-conditions", "."]
        )),
        vec!["VSM101", "VSM103"]
    );
    assert_eq!(
        codes(&check_json(
            dir.path(),
            &["--ignore", "no-value-item", "--ignore", "VSM107", "."]
        )),
        vec!["VSM103", "VSM104", "VSM105", "VSM106"]
    );
    // An off-by-default rule can be selected.
    assert!(codes(&check_json(
        dir.path(),
        &["--select", "missing-description", "."]
    ))
    .contains(&"VSM207".to_string()));
}

#[test]
fn allow_on_a_stream_covers_its_stages_and_unknown_names_are_reported() {
    let model = "stakeholders:\n  customer: {name: Customer}\nvalue_streams:\n  s:\n    name: S\n    trigger: customer\n    allow: [no-value-item, VSM103, missing-exit-conditions, no-participants, stage-without-capability, trigger-not-involved, no-value-itemz]\n    stages:\n      a: {name: A}\n";
    let dir = model_dir(&[("m.yaml", model)]);
    let value = check_json(dir.path(), &["."]);
    assert_eq!(codes(&value), vec!["VSM015"]);
    assert_eq!(
        value["findings"][0]["help"],
        "did you mean `no-value-item`?"
    );
    assert_eq!(value["findings"][0]["line"], 7);
}

#[test]
fn json_output_has_the_documented_fields() {
    let dir = model_dir(&[("m.yaml", &CLEAN.replace("[call-routing]", "[call-routng]"))]);
    let value = check_json(dir.path(), &["m.yaml"]);
    assert_eq!(value["version"], 1);
    let f = &value["findings"][0];
    assert_eq!(f["code"], "VSM006");
    assert_eq!(f["name"], "unresolved-reference");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["message"], "unknown capability `call-routng`");
    assert_eq!(f["file"], "m.yaml");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(15), Some(24))
    );
    assert_eq!(
        (f["end_line"].as_u64(), f["end_column"].as_u64()),
        (Some(15), Some(35))
    );
    assert_eq!(
        f["path"],
        "value_streams.enquiry.stages.connect.capabilities"
    );
    assert_eq!(f["help"], "did you mean `call-routing`?");
    let summary = &value["summary"];
    assert_eq!(
        (summary["errors"].as_u64(), summary["warnings"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(summary["by_rule"]["VSM006"], 1);
    assert_eq!(summary["stages"], 1);
}

#[test]
fn findings_are_sorted_by_file_line_and_column_across_files() {
    let dir = model_dir(&[
        ("b.yaml", "capabilities:\n  x: {name: X, colour: red}\n"),
        ("a.yaml", "capabilities:\n  y: {nam: Y}\n"),
    ]);
    let value = check_json(dir.path(), &["."]);
    let places = common::places(&value);
    let mut sorted = places.clone();
    sorted.sort();
    assert_eq!(places, sorted);
    assert_eq!(places.first().unwrap().0, "a.yaml");
}

#[test]
fn human_output_shows_the_snippet_help_and_summary() {
    let dir = model_dir(&[("m.yaml", &CLEAN.replace("[call-routing]", "[call-routng]"))]);
    vsm(dir.path())
        .args(["check", "--format", "human", "m.yaml"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[VSM006]\n"))
        .stdout(predicate::str::contains("unresolved-reference"))
        .stdout(predicate::str::contains("[m.yaml:15:24]"))
        .stdout(predicate::str::contains("capabilities: [call-routng]"))
        .stdout(predicate::str::contains(
            "help: did you mean `call-routing`?",
        ))
        .stdout(predicate::str::contains(
            "Checked 1 file (1 value stream, 1 stage, 5 elements): 1 error, 1 warning, 0 infos",
        ));
    vsm(dir.path())
        .args(["check", "--format", "human", "--quiet", "m.yaml"])
        .assert()
        .stdout(predicate::str::contains("Checked").not());
    vsm(dir.path())
        .args(["check", "--format", "human", "--color", "always", "m.yaml"])
        .assert()
        .stdout(predicate::str::contains("\u{1b}["));
    vsm(dir.path())
        .args(["check", "--format", "human", "--color", "never", "m.yaml"])
        .assert()
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn statistics_count_findings_per_rule() {
    let bare = "stakeholders:\n  c: {name: C}\nvalue_streams:\n  s:\n    name: S\n    trigger: c\n    stages:\n      a: {name: A}\n      b: {name: B}\n";
    let dir = model_dir(&[("m.yaml", bare)]);
    vsm(dir.path())
        .args(["check", "--statistics", "--select", "VSM101", "."])
        .assert()
        .stdout(predicate::str::contains("     2  VSM101  no-value-item"));
}

#[test]
fn files_with_bom_several_documents_and_merge_keys_load() {
    let text = "\u{feff}stakeholders:\n  customer: &person {name: Customer, type: external}\n  agent:\n    <<: *person\n    name: Agent\n---\ncapabilities:\n  call-routing: {name: Call routing}\n";
    let dir = model_dir(&[("m.yaml", text)]);
    let value = check_json(dir.path(), &["--select", "VSM201", "."]);
    assert_eq!(codes(&value), vec!["VSM201"]);
    assert_eq!(
        (
            value["findings"][0]["line"].as_u64(),
            value["findings"][0]["column"].as_u64()
        ),
        (Some(8), Some(3))
    );
}

#[test]
fn a_broken_file_does_not_hide_the_others() {
    let dir = model_dir(&[
        ("a.yaml", "capabilities:\n  x: {name: X\n"),
        ("b.yaml", "capabilities:\n  y: {name: Y, maturity: 9}\n"),
    ]);
    let value = check_json(dir.path(), &["--select", "VSM003", "."]);
    assert_eq!(codes(&value), vec!["VSM001", "VSM003"]);
}

#[test]
fn not_utf8_is_a_located_finding() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("m.yaml"), b"model:\n  name: caf\xe9\n").unwrap();
    let value = check_json(dir.path(), &["m.yaml"]);
    assert_eq!(codes(&value), vec!["VSM001"]);
    let f = &value["findings"][0];
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(2), Some(12))
    );
}

#[test]
fn explain_lists_and_explains_rules() {
    let root = root();
    // Wide enough for every summary on its rule's line.
    let out = vsm(root)
        .arg("explain")
        .env("COLUMNS", "400")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), vsm::catalog::RULES.len());
    assert!(text.contains("VSM101  no-value-item"));
    vsm(root)
        .args(["explain", "no-value-item"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "VSM101 no-value-item (warning)",
        ));
    vsm(root)
        .args(["explain", "vsm207"])
        .assert()
        .success()
        .stdout(predicate::str::contains("off by default"));
    vsm(root)
        .args(["explain", "no-value-items"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `no-value-item`?"));
}

#[test]
fn docs_rules_md_is_generated_from_the_code() {
    let root = root();
    let out = vsm(root)
        .args(["explain", "--all", "--format", "markdown"])
        .output()
        .unwrap();
    let docs = std::fs::read_to_string(root.join("docs/rules.md")).unwrap();
    assert!(
        String::from_utf8(out.stdout).unwrap() == docs,
        "docs/rules.md is out of date: run `cargo run -- explain --all --format markdown > docs/rules.md`"
    );
}

#[test]
fn json_summary_counts_what_suppressions_and_baselines_hid() {
    let text = "capabilities:\n  x: {name: X}  # vsm: ignore[unused-capability]\n  y: {name: Y}\n";
    let dir = model_dir(&[("m.yaml", text)]);
    let value = check_json(dir.path(), &["m.yaml"]);
    assert_eq!(codes(&value), vec!["VSM201"]);
    assert_eq!(value["summary"]["suppressed"], 1);
    assert!(value["summary"]["baseline"].is_null());
    vsm(dir.path())
        .args(["check", "--write-baseline", "base.json", "m.yaml"])
        .assert()
        .success();
    let value = check_json(dir.path(), &["--baseline", "base.json", "m.yaml"]);
    assert_eq!(codes(&value), Vec::<String>::new());
    assert_eq!(value["summary"]["baseline"]["hidden"], 1);
    assert_eq!(value["summary"]["baseline"]["stale"], 0);
}

#[test]
fn a_node_reached_through_several_aliases_is_reported_once() {
    let text = "x-allow: &allow [no-value-itemz]\ncapabilities:\n  a: {name: A, allow: *allow}\n  b: {name: B, allow: *allow}\n";
    let dir = model_dir(&[("m.yaml", text)]);
    let value = check_json(dir.path(), &["--select", "VSM015", "m.yaml"]);
    let vsm015: Vec<_> = value["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "VSM015")
        .collect();
    assert_eq!(vsm015.len(), 1, "{value}");
}

#[cfg(unix)]
#[test]
fn broken_links_in_a_folder_are_skipped_and_editor_locks_silently() {
    let dir = model_dir(&[("model/m.yaml", CLEAN)]);
    let model = dir.path().join("model");
    std::os::unix::fs::symlink("gone.yaml", model.join("old.yaml")).unwrap();
    // Emacs marks a file it is editing with a dangling `.#name` link.
    std::os::unix::fs::symlink("user@host.4242:1700000000", model.join(".#m.yaml")).unwrap();
    let out = vsm(dir.path()).args(["check", "model"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "warning: skipped `model/old.yaml`: a symbolic link to something that does not exist\n"
    );
    // Named on the command line, a broken link still stops the run.
    vsm(dir.path())
        .args(["check", "model/old.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "a symbolic link to something that does not exist",
        ));
}

/// Every command shows the findings `vsm check` shows: a suppression comment hides its
/// finding from the report too, and an unused one is reported by both.
#[test]
fn report_and_check_agree_on_suppressed_findings() {
    let no_value = CLEAN.replace(
        "      connect:\n",
        "      connect:  # vsm: ignore[no-value-item] kept for the regulator\n",
    );
    let no_value = no_value.replace("        value_items: [Customer is not kept waiting]\n", "");
    assert!(no_value.contains("# vsm: ignore"), "the fixture changed");
    let dir = model_dir(&[("m.yaml", &no_value)]);
    assert_eq!(
        codes(&check_json(dir.path(), &["m.yaml"])),
        Vec::<String>::new()
    );
    vsm(dir.path())
        .args(["report", "m.yaml", "-o", "r.md"])
        .assert()
        .success();
    let report = std::fs::read_to_string(dir.path().join("r.md")).unwrap();
    assert!(!report.contains("VSM101"), "{report}");
    assert!(
        report.contains("**Findings:** 0 errors · 0 warnings · 0 infos"),
        "{report}"
    );

    // The same comment on a stage that has value items hides nothing: both report VSM016.
    let unused = CLEAN.replace(
        "      connect:\n",
        "      connect:  # vsm: ignore[no-value-item]\n",
    );
    std::fs::write(dir.path().join("m.yaml"), unused).unwrap();
    assert_eq!(codes(&check_json(dir.path(), &["m.yaml"])), ["VSM016"]);
    vsm(dir.path())
        .args(["report", "m.yaml", "-o", "r.md"])
        .assert()
        .success();
    let report = std::fs::read_to_string(dir.path().join("r.md")).unwrap();
    assert!(report.contains("VSM016 unused-suppression"), "{report}");
}
