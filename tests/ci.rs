//! `vsm` in CI: the SARIF, GitHub and JUnit formats, several outputs in one run, baselines,
//! suppression comments, `--changed-since`, `vsm init`, `vsm schema`, completions and man page.
//! The real binary on small models in temporary folders.

use predicates::prelude::*;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use vsm::yaml::{Document, NodeId, NodeKind, Scalar};

mod common;
use common::{
    assert_valid_sarif, check_json, codes, git, model_dir, root, run, sarif_file, sarif_schema,
    vsm, write_files, yaml_files, CLEAN,
};

/// A second stage for `CLEAN`'s stream; `{}` is replaced by extra lines in the stage.
fn stage(id: &str, extra: &str) -> String {
    format!(
        "      {id}:\n        name: Stage {id}\n        stakeholders: [agent]\n        entry_conditions: [Before]\n        exit_conditions: [After]\n        capabilities: [call-routing]\n{extra}"
    )
}

/// `CLEAN` with more stages appended to its stream.
fn with_stages(stages: &[String]) -> String {
    let (head, tail) = CLEAN.split_once("capabilities:\n  call-routing").unwrap();
    format!(
        "{head}{}capabilities:\n  call-routing{tail}",
        stages.concat()
    )
}

/// (code, line, column) of every finding of a JSON output.
fn found(value: &Value) -> Vec<(String, u64, u64)> {
    value["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// `bad.yaml` or `bad/` (and the same for `good`) of every rule example.
fn example_variants(which: &str) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root().join("examples")).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let file = format!("{which}.yaml");
        if dir.join(&file).is_file() {
            out.push((dir, file));
        } else if dir.join(which).is_dir() {
            out.push((dir, which.to_string()));
        }
    }
    out.sort();
    out
}

// ----- formats and exit codes ----------------------------------------------------------------

const FORMATS: [&str; 6] = ["human", "concise", "json", "sarif", "github", "junit"];

#[test]
fn exit_codes_are_the_same_in_every_format() {
    let warning = with_stages(&[stage("wait", "")]); // VSM101: no value item (warning)
    let error = CLEAN.replace("[call-routing]", "[call-routng]"); // VSM006 (error)
    let dir = model_dir(&[
        ("clean/m.yaml", CLEAN),
        ("warning/m.yaml", &warning),
        ("error/m.yaml", &error),
    ]);
    for format in FORMATS {
        let code =
            |args: &[&str]| run(dir.path(), &[&["check", "--format", format], args].concat()).code;
        assert_eq!(code(&["clean"]), 0, "{format}");
        assert_eq!(code(&["warning"]), 0, "{format}");
        assert_eq!(code(&["warning", "--fail-on", "warning"]), 1, "{format}");
        assert_eq!(code(&["error"]), 1, "{format}");
        assert_eq!(code(&["error", "--fail-on", "never"]), 0, "{format}");
        assert_eq!(code(&["no-such-folder"]), 2, "{format}");
        assert_eq!(
            code(&["clean", "--baseline", "missing.json"]),
            2,
            "{format}"
        );
    }
}

/// Every result's region equals the JSON output's position of the same finding, in the same
/// file (JSON names it from `dir`, where vsm ran).
fn assert_regions_match_json(sarif: &Value, json: &Value, dir: &Path, what: &str) {
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(results.len(), findings.len(), "{what}");
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    for (result, finding) in results.iter().zip(findings) {
        assert_eq!(result["ruleId"], finding["code"], "{what}");
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], finding["code"], "{what}: ruleIndex");
        let level = match finding["severity"].as_str().unwrap() {
            "info" => "note",
            other => other,
        };
        assert_eq!(result["level"], level, "{what}");
        let location = &result["locations"][0]["physicalLocation"];
        let file = sarif_file(sarif, &location["artifactLocation"]);
        let json_file = dir.join(finding["file"].as_str().unwrap());
        assert_eq!(
            file.canonicalize().unwrap(),
            json_file.canonicalize().unwrap(),
            "{what}: uri"
        );
        let region = &location["region"];
        assert_eq!(region["startLine"], finding["line"], "{what}: {result}");
        assert_eq!(region["startColumn"], finding["column"], "{what}: {result}");
        assert_eq!(region["endLine"], finding["end_line"], "{what}: {result}");
        assert_eq!(
            region["endColumn"], finding["end_column"],
            "{what}: {result}"
        );
        assert!(result["message"]["text"]
            .as_str()
            .unwrap()
            .starts_with(finding["message"].as_str().unwrap()));
    }
}

#[test]
fn sarif_of_every_example_is_valid_and_matches_the_json_positions() {
    let validator = sarif_schema();
    let mut targets = example_variants("bad");
    targets.push((root().to_path_buf(), "models".to_string()));
    let mut results = 0;
    for (dir, target) in &targets {
        let what = format!("{}/{target}", dir.display());
        // Every rule on, so off-by-default rules show up too.
        let args = ["--select", "ALL_RULES"];
        let all: Vec<&str> = vsm::catalog::RULES.iter().map(|r| r.code).collect();
        let all = all.join(",");
        let args: Vec<&str> = args
            .iter()
            .map(|a| if *a == "ALL_RULES" { all.as_str() } else { a })
            .collect();
        let sarif_out = run(
            dir,
            &[&["check", "--format", "sarif", target], &args[..]].concat(),
        );
        let sarif: Value = serde_json::from_str(&sarif_out.stdout).unwrap();
        assert_valid_sarif(&validator, &sarif, &what);
        let json = check_json(dir, &[&[target.as_str()], &args[..]].concat());
        assert_regions_match_json(&sarif, &json, dir, &what);
        results += sarif["runs"][0]["results"].as_array().unwrap().len();
        let driver = &sarif["runs"][0]["tool"]["driver"];
        assert_eq!(driver["name"], "vsm");
        assert_eq!(
            driver["rules"].as_array().unwrap().len(),
            vsm::catalog::RULES.len()
        );
        assert_eq!(sarif["runs"][0]["columnKind"], "unicodeCodePoints");
    }
    assert!(results >= 32, "the examples give at least one result each");
}

#[test]
fn sarif_describes_every_rule_with_help_and_default_level() {
    let dir = model_dir(&[("m.yaml", CLEAN)]);
    let out = run(dir.path(), &["check", "--format", "sarif"]);
    assert_eq!(out.code, 0);
    let sarif: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_valid_sarif(&sarif_schema(), &sarif, "clean");
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(sarif["runs"][0]["results"], json!([]));
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    for (rule, expected) in rules.iter().zip(vsm::catalog::RULES) {
        assert_eq!(rule["id"], expected.code);
        assert_eq!(rule["name"], expected.name);
        assert!(rule["shortDescription"]["text"].as_str().unwrap().len() > 5);
        assert!(rule["fullDescription"]["text"].as_str().unwrap().len() > 20);
        assert!(rule["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("```yaml"));
        let level = match expected.default {
            Some(vsm::diag::Severity::Error) => "error",
            Some(vsm::diag::Severity::Warning) => "warning",
            _ => "note",
        };
        assert_eq!(
            rule["defaultConfiguration"]["level"], level,
            "{}",
            expected.code
        );
        assert_eq!(
            rule["defaultConfiguration"]["enabled"],
            expected.default.is_some()
        );
    }
}

#[test]
fn sarif_positions_count_characters_and_paths_use_uris() {
    let text = CLEAN.replace("name: Connect", "name: 客服连接").replace(
        "capabilities: [call-routing]\ncapabilities",
        "capabilities: [call-routing, 缺失]\ncapabilities",
    );
    let dir = model_dir(&[("a folder/模型.yaml", &text)]);
    let out = run(dir.path(), &["check", "--format", "sarif"]);
    let sarif: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_valid_sarif(&sarif_schema(), &sarif, "unicode");
    let location = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "a%20folder/%E6%A8%A1%E5%9E%8B.yaml"
    );
    let json = check_json(dir.path(), &[]);
    assert_eq!(
        location["region"]["startColumn"],
        json["findings"][0]["column"]
    );
    assert_eq!(codes(&json), ["VSM006"]);
}

#[test]
fn github_annotations_are_escaped_and_limited() {
    // 60 stages without value items: 60 VSM101 warnings.
    let stages: Vec<String> = (0..60).map(|i| stage(&format!("s{i}"), "")).collect();
    let mut text = with_stages(&stages);
    // One error whose message holds characters that need escaping.
    text = text.replace(
        "[call-routing]\ncapabilities",
        "[\"call,routing:%\"]\ncapabilities",
    );
    let dir = model_dir(&[("m.yaml", &text)]);
    let out = run(dir.path(), &["check", "--format", "github"]);
    assert_eq!(out.code, 1);
    let lines: Vec<&str> = out.stdout.lines().collect();
    let errors: Vec<&&str> = lines.iter().filter(|l| l.starts_with("::error ")).collect();
    let warnings = lines.iter().filter(|l| l.starts_with("::warning ")).count();
    assert_eq!(errors.len(), 1);
    // GitHub shows 10 of each severity per step: the rest is counted in one notice.
    assert_eq!(warnings, 10);
    let error = errors[0];
    let line = text
        .lines()
        .position(|l| l.contains("call,routing"))
        .unwrap()
        + 1;
    assert!(
        error.starts_with(&format!("::error file=m.yaml,line={line},col=24,")),
        "{error}"
    );
    assert!(
        error.contains(&format!(",endLine={line},endColumn=40,")),
        "{error}"
    );
    assert!(
        error.contains(",title=VSM006 unresolved-reference::"),
        "{error}"
    );
    // The message keeps `,` and `:` but escapes `%` and line breaks (help on a second line).
    assert!(error.contains("`call,routing:%25`"), "{error}");
    assert!(error.contains("%0Ahelp: "), "{error}");
    assert_eq!(
        *lines.last().unwrap(),
        "::notice title=vsm%3A more findings::50 more findings not annotated (50 warnings): \
         GitHub shows at most 10 annotations of each severity. Every finding is in the SARIF \
         upload (code scanning alerts) and in the output of `vsm check --format concise`."
    );
    assert_eq!(lines.len(), 12, "{}", out.stdout);
}

#[test]
fn info_findings_are_github_notices() {
    let text = format!("{CLEAN}information:\n  spare: {{name: Spare}}\n");
    let dir = model_dir(&[("m.yaml", &text)]);
    let out = run(
        dir.path(),
        &["check", "--format", "github", "--select", "VSM203"],
    );
    assert_eq!(out.code, 0);
    assert!(
        out.stdout
            .starts_with("::notice file=m.yaml,line=19,col=3,endLine=19,endColumn=8,title=VSM203 unused-information::"),
        "{}",
        out.stdout
    );
}

#[test]
fn junit_is_well_formed_with_a_suite_per_file_and_a_case_per_finding() {
    // a.yaml: an unresolved reference with markup characters, and the capability now unused.
    let bad = CLEAN.replace(
        "[call-routing]\ncapabilities",
        "[\"a<b & c\\\"d\"]\ncapabilities",
    );
    let two = "capabilities:\n  spare: {name: Spare}\n  extra: {name: Extra}\n";
    let dir = model_dir(&[
        ("a.yaml", &bad),
        ("b.yaml", two),
        ("c.yaml", "information: {}\n"),
    ]);
    let out = run(
        dir.path(),
        &["check", "--format", "junit", "a.yaml", "b.yaml", "c.yaml"],
    );
    assert_eq!(out.code, 1);
    let doc =
        roxmltree::Document::parse(&out.stdout).unwrap_or_else(|e| panic!("{e}\n{}", out.stdout));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let suites: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    let names: Vec<_> = suites
        .iter()
        .map(|s| s.attribute("name").unwrap())
        .collect();
    assert_eq!(names, ["a.yaml", "b.yaml", "c.yaml"]);
    let cases = |i: usize| -> Vec<roxmltree::Node> {
        suites[i]
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .collect()
    };
    // a.yaml: the unresolved reference, with its text unescaped back exactly.
    let a = cases(0);
    assert_eq!(a.len(), 2);
    let failure = a
        .iter()
        .flat_map(|c| c.children())
        .find(|n| n.has_tag_name("failure") && n.attribute("type") == Some("VSM006"))
        .unwrap();
    assert_eq!(failure.attribute("type"), Some("VSM006"));
    assert!(
        failure.attribute("message").unwrap().contains("a<b & c\"d"),
        "{:?}",
        failure.attribute("message")
    );
    assert!(failure.text().unwrap().contains("a.yaml:15:"));
    assert_eq!(suites[0].attribute("failures"), Some("2"));
    // b.yaml: two unused capabilities.
    let b = cases(1);
    assert_eq!(b.len(), 2);
    assert!(b
        .iter()
        .all(|c| c.children().any(|n| n.has_tag_name("failure"))));
    // c.yaml: clean, one passing case.
    let c = cases(2);
    assert_eq!(c.len(), 1);
    assert!(!c[0].children().any(|n| n.has_tag_name("failure")));
    assert_eq!(root.attribute("tests"), Some("5"));
    assert_eq!(root.attribute("failures"), Some("4"));
}

#[test]
fn several_outputs_in_one_run() {
    let text = with_stages(&[stage("wait", "")]);
    let dir = model_dir(&[("m.yaml", &text)]);
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let out = run(
        dir.path(),
        &[
            "check",
            "--format",
            "human",
            "--output-format",
            "sarif=out/vsm.sarif",
            "--output-format",
            "junit=out/vsm.xml",
            "--output-format",
            "json=out/vsm.json",
            "--output-format",
            "github=out/annotations.txt",
            "--output-format",
            "concise=out/findings.txt",
            "m.yaml",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("no-value-item"));
    assert!(out.stdout.contains("Checked 1 file"));
    let read = |name: &str| std::fs::read_to_string(dir.path().join("out").join(name)).unwrap();
    let json_alone = run(dir.path(), &["check", "--format", "json", "m.yaml"]).stdout;
    assert_eq!(read("vsm.json"), json_alone);
    let sarif: Value = serde_json::from_str(&read("vsm.sarif")).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 1);
    roxmltree::Document::parse(&read("vsm.xml")).unwrap();
    assert!(read("annotations.txt").starts_with("::warning file=m.yaml"));
    assert!(read("findings.txt").starts_with("m.yaml:"));
    // No temporary files are left behind.
    assert_eq!(
        std::fs::read_dir(dir.path().join("out")).unwrap().count(),
        5
    );

    // A bad FMT=FILE or an unwritable file is exit 2.
    let bad = run(
        dir.path(),
        &["check", "--output-format", "xml=out/x", "m.yaml"],
    );
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("unknown format `xml`"),
        "{}",
        bad.stderr
    );
    let bad = run(dir.path(), &["check", "--output-format", "sarif", "m.yaml"]);
    assert_eq!(bad.code, 2);
    let bad = run(
        dir.path(),
        &[
            "check",
            "--output-format",
            "sarif=no/such/dir/x.sarif",
            "m.yaml",
        ],
    );
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("no/such/dir/x.sarif"), "{}", bad.stderr);
}

// ----- baselines ------------------------------------------------------------------------------

/// Two files with findings of several rules.
fn legacy_model() -> Vec<(&'static str, String)> {
    let streams = with_stages(&[stage("wait", ""), stage("hand-over", "")]);
    let catalog = "\
capabilities:
  spare: {name: Spare capability}
processes:
  orphan: {name: Orphan process}
";
    vec![
        ("models/streams.yaml", streams),
        ("models/catalog.yaml", catalog.to_string()),
    ]
}

#[test]
fn baseline_round_trip_survives_moved_lines_and_catches_a_new_defect() {
    let files = legacy_model();
    let refs: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let dir = model_dir(&refs);
    let before = check_json(dir.path(), &["models", "--fail-on", "info"]);
    let recorded = before["findings"].as_array().unwrap().len();
    assert!(recorded >= 4, "{before}");

    // Writing the baseline reports nothing and exits 0.
    let out = run(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "--fail-on",
            "info",
            "--write-baseline",
            "vsm-baseline.json",
            "models",
        ],
    );
    assert_eq!((out.code, out.stdout.as_str()), (0, ""), "{}", out.stderr);
    assert!(
        out.stderr
            .contains(&format!("Wrote {recorded} findings to the baseline")),
        "{}",
        out.stderr
    );
    let baseline: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("vsm-baseline.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(baseline["version"], 1);
    let entry = &baseline["findings"][0];
    for key in ["code", "name", "file", "path", "message"] {
        assert!(entry[key].is_string(), "{key}: {entry}");
    }
    assert!(entry.get("line").is_none());

    // Unrelated lines inserted at the top of every file: every finding moves, none is new.
    for (name, text) in &files {
        let moved = format!("# Reviewed in the 2024 audit.\n\n# Owner: architecture team\n{text}");
        std::fs::write(dir.path().join(name), moved).unwrap();
    }
    let moved = check_json(dir.path(), &["models", "--fail-on", "info"]);
    assert_ne!(found(&moved), found(&before), "the lines moved");
    let after = run(
        dir.path(),
        &[
            "check",
            "--format",
            "human",
            "--fail-on",
            "info",
            "--baseline",
            "vsm-baseline.json",
            "models",
        ],
    );
    assert_eq!(after.code, 0, "{}", after.stdout);
    assert!(after.stdout.contains("no findings"), "{}", after.stdout);
    assert!(
        after.stdout.contains(&format!(
            "Baseline `vsm-baseline.json` hid {recorded} findings."
        )),
        "{}",
        after.stdout
    );
    let json = check_json(dir.path(), &["models", "--baseline", "vsm-baseline.json"]);
    assert_eq!(codes(&json), Vec::<String>::new());

    // One new defect: exactly one finding, and --fail-on applies to it.
    let streams = std::fs::read_to_string(dir.path().join("models/streams.yaml")).unwrap();
    let broken = streams.replacen("trigger: customer", "trigger: custmer", 1);
    std::fs::write(dir.path().join("models/streams.yaml"), broken).unwrap();
    let json = check_json(dir.path(), &["models", "--baseline", "vsm-baseline.json"]);
    assert_eq!(codes(&json), ["VSM006"]);
    let out = run(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "--baseline",
            "vsm-baseline.json",
            "models",
        ],
    );
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout.lines().count(), 1);
    assert!(
        out.stderr.contains(&format!("hid {recorded} findings")),
        "{}",
        out.stderr
    );
}

#[test]
fn baseline_counts_identical_findings_and_reports_stale_entries() {
    // Two unused suppressions of the same rule in one file: two identical fingerprints.
    let comment = "# vsm: ignore[no-value-item]";
    let text = CLEAN
        .replace(
            "  agent: {name: Agent}\n",
            &format!("  agent: {{name: Agent}}  {comment}\n"),
        )
        .replace(
            "  call-routing: {name: Call routing}\n",
            &format!("  call-routing: {{name: Call routing}}  {comment}\n"),
        );
    let dir = model_dir(&[("m.yaml", &text)]);
    assert_eq!(codes(&check_json(dir.path(), &[])), ["VSM016", "VSM016"]);
    assert_eq!(
        run(dir.path(), &["check", "--write-baseline", "b.json"]).code,
        0
    );
    let baseline: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("b.json")).unwrap()).unwrap();
    assert_eq!(baseline["findings"].as_array().unwrap().len(), 1);
    assert_eq!(baseline["findings"][0]["count"], 2);
    assert_eq!(
        codes(&check_json(dir.path(), &["--baseline", "b.json"])),
        Vec::<String>::new()
    );

    // A third identical one is new.
    let third = text.replace(
        "  customer: {name: Customer, type: external}\n",
        &format!("  customer: {{name: Customer, type: external}}  {comment}\n"),
    );
    std::fs::write(dir.path().join("m.yaml"), &third).unwrap();
    assert_eq!(
        codes(&check_json(dir.path(), &["--baseline", "b.json"])),
        ["VSM016"]
    );

    // Two fixed: both entries are stale.
    std::fs::write(dir.path().join("m.yaml"), CLEAN).unwrap();
    let out = run(
        dir.path(),
        &["check", "--format", "human", "--baseline", "b.json"],
    );
    assert_eq!(out.code, 0);
    assert!(
        out.stdout.contains("Baseline `b.json` hid 0 findings; 2 entries are no longer found (stale): refresh it with --write-baseline b.json."),
        "{}",
        out.stdout
    );
}

#[test]
fn a_bad_baseline_is_exit_2_with_a_message() {
    let dir = model_dir(&[
        ("m.yaml", CLEAN),
        ("bad.json", "{\"findings\": 3"),
        ("v9.json", "{\"version\": 9, \"findings\": []}"),
    ]);
    for (file, says) in [
        ("missing.json", "cannot read the baseline `missing.json`"),
        ("bad.json", "`bad.json` is not a vsm baseline"),
        ("v9.json", "version is 9"),
    ] {
        let out = run(dir.path(), &["check", "--baseline", file, "m.yaml"]);
        assert_eq!(out.code, 2, "{file}");
        assert!(out.stderr.contains(says), "{file}: {}", out.stderr);
    }
}

// ----- suppression comments -------------------------------------------------------------------

#[test]
fn suppression_on_the_line_by_code_and_by_name() {
    let text = with_stages(&[
        stage("a", "").replace("      a:\n", "      a:  # vsm: ignore[VSM101]\n"),
        stage("b", "").replace(
            "      b:\n",
            "      b:  # vsm: ignore[no-value-item] a reason\n",
        ),
        stage("c", ""),
    ]);
    let dir = model_dir(&[("m.yaml", &text)]);
    let json = check_json(dir.path(), &[]);
    let c_line = text.lines().position(|l| l == "      c:").unwrap() as u64 + 1;
    assert_eq!(found(&json), [("VSM101".to_string(), c_line, 7)]);
    let out = run(dir.path(), &["check", "--format", "human"]);
    assert!(
        out.stdout.contains("Suppression comments hid 2 findings."),
        "{}",
        out.stdout
    );
}

#[test]
fn suppression_on_the_line_above_covers_the_next_line_only() {
    let text = with_stages(&[
        stage("a", "").replace(
            "      a:\n",
            "      # vsm: ignore[VSM101, VSM105]\n      # (a second comment line)\n      a:\n",
        ),
        stage("b", ""),
    ]);
    let dir = model_dir(&[("m.yaml", &text)]);
    let json = check_json(dir.path(), &[]);
    // `a` is covered; `b` is not; VSM105 has nothing to suppress (a has participants).
    let comment_line = text
        .lines()
        .position(|l| l.contains("vsm: ignore"))
        .unwrap();
    let column = text
        .lines()
        .nth(comment_line)
        .unwrap()
        .find("VSM105")
        .unwrap() as u64
        + 1;
    let b_line = text.lines().position(|l| l == "      b:").unwrap() as u64 + 1;
    assert_eq!(
        found(&json),
        [
            ("VSM016".to_string(), comment_line as u64 + 1, column),
            ("VSM101".to_string(), b_line, 7)
        ]
    );
    assert!(json["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("no VSM105 no-participants finding"));
}

#[test]
fn suppression_for_the_whole_file() {
    let text = format!(
        "# Legacy model, to be reviewed.\n# vsm: ignore-file[no-value-item, VSM204]\n{}business_objects:\n  spare: {{name: Spare}}\n",
        with_stages(&[stage("a", ""), stage("b", "")])
    );
    let other = with_stages(&[stage("c", "")])
        .replace("enquiry", "other")
        .replace("customer", "client")
        .replace("agent", "clerk")
        .replace("call-routing", "routing");
    let dir = model_dir(&[("legacy.yaml", &text), ("other.yaml", &other)]);
    let json = check_json(dir.path(), &["--fail-on", "info"]);
    // Only the other file's finding is left.
    let files: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert_eq!(codes(&json), ["VSM101"]);
    assert_eq!(files, ["other.yaml"]);

    // Below the top of the file it is a malformed, unused suppression.
    let late = format!("{CLEAN}# vsm: ignore-file[VSM101]\n");
    let dir = model_dir(&[("m.yaml", &late)]);
    let json = check_json(dir.path(), &[]);
    assert_eq!(codes(&json), ["VSM016"]);
    assert!(json["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("top of the file"));
}

#[test]
fn unused_unknown_and_unswitchable_suppressions_are_reported() {
    let text = CLEAN
        .replace(
            "  agent: {name: Agent}\n",
            "  agent: {name: Agent}  # vsm: ignore[no-value-items]\n",
        )
        .replace(
            "        name: Connect\n",
            "        name: Connect  # vsm: ignore[VSM006]\n",
        )
        .replace(
            "  call-routing: {name: Call routing}\n",
            "  call-routing: {name: Call routing}  # vsm: ignore[unused-capability]\n",
        )
        .replace(
            "    trigger: customer\n",
            "    trigger: customer  # vsm: ignore[VSM101] \"# vsm: ignore[VSM102]\"\n",
        );
    let dir = model_dir(&[("m.yaml", &text)]);
    let json = check_json(dir.path(), &[]);
    let lines: Vec<&str> = text.lines().collect();
    let at = |needle: &str| {
        let line = lines.iter().position(|l| l.contains(needle)).unwrap();
        let column = lines[line].find(needle).unwrap();
        (line as u64 + 1, column as u64 + 1)
    };
    let expect = |code: &str, needle: &str| {
        let (l, c) = at(needle);
        (code.to_string(), l, c)
    };
    assert_eq!(
        found(&json),
        [
            expect("VSM015", "no-value-items"),
            expect("VSM016", "VSM101]"),
            expect("VSM003", "VSM006"),
            expect("VSM016", "unused-capability"),
        ]
    );
    let messages: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(messages[0].contains("not a rule code or name"));
    assert_eq!(json["findings"][0]["help"], "did you mean `no-value-item`?");
    assert!(messages[2].contains("cannot be suppressed"));

    // VSM016 can be switched off like any rule from VSM009 on.
    let json = check_json(dir.path(), &["--ignore", "unused-suppression"]);
    assert_eq!(codes(&json), ["VSM015", "VSM003"]);
    // Suppressions of rules that are off for the run are not reported as unused.
    let json = check_json(dir.path(), &["--select", "VSM101"]);
    assert_eq!(codes(&json), ["VSM003"]);
}

#[test]
fn the_rule_example_of_vsm016_gives_one_finding() {
    let dir = root().join("examples/VSM016-unused-suppression");
    assert_eq!(
        found(&check_json(&dir, &["bad.yaml"])),
        [("VSM016".to_string(), 21, 34)]
    );
    assert_eq!(
        codes(&check_json(&dir, &["good.yaml"])),
        Vec::<String>::new()
    );
}

// ----- --changed-since ------------------------------------------------------------------------

#[test]
fn changed_since_reports_only_changed_and_untracked_files_but_resolves_everything() {
    let dir = tempfile::tempdir().unwrap();
    let stream = with_stages(&[stage("wait", "")]);
    let catalog = "capabilities:\n  spare: {name: Spare}\n";
    write_files(
        dir.path(),
        &[
            ("models/stream.yaml", &stream),
            ("models/catalog.yaml", catalog),
        ],
    );
    git(dir.path(), &["init", "-q", "-b", "main"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "model"]);

    // Nothing changed: nothing reported, though both files have findings.
    let all = check_json(dir.path(), &["models"]);
    assert_eq!(codes(&all), ["VSM201", "VSM101"]);
    assert_eq!(
        codes(&check_json(
            dir.path(),
            &["models", "--changed-since", "HEAD"]
        )),
        Vec::<String>::new()
    );

    // The stream file changes: only its findings, including one that needs the other file.
    let changed = stream.replace(
        "capabilities: [call-routing]\n      wait",
        "capabilities: [spare-typo]\n      wait",
    );
    std::fs::write(dir.path().join("models/stream.yaml"), &changed).unwrap();
    let json = check_json(dir.path(), &["models", "--changed-since", "HEAD"]);
    let files: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert!(files.iter().all(|f| *f == "models/stream.yaml"), "{json}");
    assert!(codes(&json).contains(&"VSM101".to_string()));

    // An untracked file counts as changed; the summary says what was reported.
    std::fs::write(
        dir.path().join("models/new.yaml"),
        "processes:\n  orphan: {name: Orphan}\n",
    )
    .unwrap();
    let out = run(
        dir.path(),
        &[
            "check",
            "--format",
            "human",
            "models",
            "--changed-since",
            "HEAD",
        ],
    );
    assert!(out.stdout.contains("models/new.yaml"), "{}", out.stdout);
    assert!(
        !out.stdout.contains("models/catalog.yaml"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("Reported findings in 2 of 3 files changed since `HEAD`."),
        "{}",
        out.stdout
    );

    // From a subfolder, paths still line up.
    let json = check_json(
        &dir.path().join("models"),
        &[".", "--changed-since", "HEAD"],
    );
    assert!(!json["findings"].as_array().unwrap().is_empty());
    assert!(json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["file"] != "catalog.yaml"));

    // A bad ref, or no repository, is exit 2 with a message.
    let out = run(
        dir.path(),
        &["check", "models", "--changed-since", "no-such-ref"],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("cannot compare with `no-such-ref`"),
        "{}",
        out.stderr
    );
    let out = run(
        dir.path(),
        &["check", "models", "--changed-since", "--output=x"],
    );
    assert_eq!(out.code, 2);
    let plain = model_dir(&[("m.yaml", CLEAN)]);
    std::fs::remove_dir(plain.path().join(".git")).unwrap();
    let out = run(
        plain.path(),
        &["check", "m.yaml", "--changed-since", "HEAD"],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("not in a git repository"),
        "{}",
        out.stderr
    );
}

// ----- vsm init -------------------------------------------------------------------------------

#[test]
fn init_writes_a_clean_starter_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let out = run(dir.path(), &["init", "project"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let project = dir.path().join("project");
    assert!(project.join("vsm.yaml").is_file());
    assert!(project.join("models/model.yaml").is_file());
    // Clean under every default rule, infos included, with the config it wrote.
    let check = run(
        &project,
        &["check", "--format", "concise", "--fail-on", "info"],
    );
    assert_eq!(
        (check.code, check.stdout.as_str(), check.stderr.as_str()),
        (0, "", "")
    );

    let again = run(dir.path(), &["init", "project"]);
    assert_eq!(again.code, 2);
    assert!(
        again.stderr.contains("project/vsm.yaml"),
        "{}",
        again.stderr
    );
    assert!(again.stderr.contains("--force"), "{}", again.stderr);

    std::fs::write(project.join("models/model.yaml"), "changed").unwrap();
    assert_eq!(run(dir.path(), &["init", "project", "--force"]).code, 0);
    assert!(std::fs::read_to_string(project.join("models/model.yaml"))
        .unwrap()
        .contains("value_streams:"));

    // The current folder by default.
    let here = tempfile::tempdir().unwrap();
    assert_eq!(run(here.path(), &["init"]).code, 0);
    assert!(here.path().join("vsm.yaml").is_file());
}

// ----- vsm schema -----------------------------------------------------------------------------

/// A YAML node as JSON, the way an editor's YAML language server sees it (merge keys applied).
fn to_json(doc: &Document, node: NodeId) -> Value {
    let node = doc.deref(node);
    match doc.kind(node) {
        NodeKind::Map(pairs) => {
            let mut map = serde_json::Map::new();
            let mut merged = serde_json::Map::new();
            for &(key, value) in pairs {
                let key_text = doc.scalar_text(key).unwrap_or_default().to_string();
                if key_text == "<<" {
                    let sources = match doc.kind(doc.deref(value)) {
                        NodeKind::Seq(items) => items.to_vec(),
                        _ => vec![value],
                    };
                    for source in sources {
                        if let Value::Object(entries) = to_json(doc, source) {
                            for (k, v) in entries {
                                merged.entry(k).or_insert(v);
                            }
                        }
                    }
                    continue;
                }
                map.entry(key_text).or_insert_with(|| to_json(doc, value));
            }
            for (k, v) in merged {
                map.entry(k).or_insert(v);
            }
            Value::Object(map)
        }
        NodeKind::Seq(items) => Value::Array(items.iter().map(|&i| to_json(doc, i)).collect()),
        NodeKind::Scalar { .. } | NodeKind::Alias(_) => match doc.scalar(node) {
            Some(Scalar::Null) | None => Value::Null,
            Some(Scalar::Bool(b)) => json!(b),
            Some(Scalar::Int(i)) => json!(i),
            Some(Scalar::Float(f)) if f.is_finite() => json!(f),
            Some(Scalar::Float(_)) => json!(doc.scalar_text(node)),
            Some(Scalar::Str(s)) => json!(s),
        },
    }
}

/// Every document of a YAML file as JSON.
fn yaml_documents(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    vsm::yaml::parse(text)
        .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()))
        .iter()
        .map(|doc| doc.root.map_or(Value::Null, |root| to_json(doc, root)))
        .collect()
}

fn schema_validator() -> jsonschema::Validator {
    let out = run(root(), &["schema"]);
    assert_eq!(out.code, 0);
    let schema: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::draft202012::meta::validate(&schema).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

fn schema_errors(validator: &jsonschema::Validator, path: &Path) -> Vec<String> {
    yaml_documents(path)
        .iter()
        .flat_map(|doc| {
            validator
                .iter_errors(doc)
                .map(|e| format!("{}: {} at {}", path.display(), e, e.instance_path()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_good_model_validates_against_the_schema() {
    let validator = schema_validator();
    let mut files = yaml_files(&root().join("models"));
    for (dir, good) in example_variants("good") {
        files.extend(yaml_files(&dir.join(good)));
    }
    let init_model = tempfile::tempdir().unwrap();
    assert_eq!(run(init_model.path(), &["init"]).code, 0);
    files.push(init_model.path().join("models/model.yaml"));
    assert!(files.len() > 32, "{files:?}");
    let errors: Vec<String> = files
        .iter()
        .flat_map(|f| schema_errors(&validator, f))
        .collect();
    assert!(errors.is_empty(), "\n{}", errors.join("\n"));
}

#[test]
fn bad_models_fail_the_schema() {
    let validator = schema_validator();
    for example in ["VSM002-unknown-field", "VSM003-invalid-value"] {
        let bad = root().join("examples").join(example).join("bad.yaml");
        assert!(!schema_errors(&validator, &bad).is_empty(), "{example}");
    }
    let dir = model_dir(&[
        ("unknown-section.yaml", "capabilites:\n  a: {name: A}\n"),
        (
            "bad-enum.yaml",
            "stakeholders:\n  a: {name: A, type: vendor}\n",
        ),
        (
            "bad-duration.yaml",
            &CLEAN.replace(
                "        value_items:",
                "        wait_time: soon\n        value_items:",
            ),
        ),
        ("no-name.yaml", "processes:\n  p: {owner: a}\n"),
    ]);
    for file in yaml_files(dir.path()) {
        assert!(
            !schema_errors(&validator, &file).is_empty(),
            "{}",
            file.display()
        );
    }
}

#[test]
fn schema_can_be_written_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        run(dir.path(), &["schema", "-o", "vsm.schema.json"]).code,
        0
    );
    let written = std::fs::read_to_string(dir.path().join("vsm.schema.json")).unwrap();
    assert_eq!(written, run(dir.path(), &["schema"]).stdout);
}

// ----- completions and man page ---------------------------------------------------------------

#[test]
fn completions_and_man_page() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = run(dir.path(), &["completions", shell]);
        assert_eq!(out.code, 0, "{shell}");
        assert!(out.stdout.contains("vsm"), "{shell}");
        assert!(out.stdout.contains("changed-since"), "{shell}");
    }
    assert_eq!(run(dir.path(), &["completions", "tcsh"]).code, 2);
    vsm(dir.path())
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(".ie"))
        .stdout(predicate::str::contains(".TH vsm 1"));
    assert_eq!(run(dir.path(), &["man", "--out-dir", "man"]).code, 0);
    for page in ["vsm.1", "vsm-check.1", "vsm-init.1", "vsm-schema.1"] {
        assert!(dir.path().join("man").join(page).is_file(), "{page}");
    }
}

#[test]
fn pre_commit_hook_is_declared() {
    let text = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    for needle in [
        "id: vsm-check",
        "entry: vsm check",
        "pass_filenames: false",
        r"files: \.(ya?ml)$",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
}
