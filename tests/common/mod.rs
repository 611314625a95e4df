//! Helpers shared by the integration tests (`mod common;` in each test file): running the real
//! binary, writing models into temporary folders, reading the JSON output.

// Each test file is its own crate and uses only some of these helpers.
#![allow(dead_code)]

pub mod lsp_client;

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A clean model: no finding under the default rules.
pub const CLEAN: &str = "\
stakeholders:
  customer: {name: Customer, type: external}
  agent: {name: Agent}
value_streams:
  enquiry:
    name: Resolve an enquiry
    trigger: customer
    stages:
      connect:
        name: Connect
        stakeholders: [customer, agent]
        entry_conditions: [The customer calls]
        exit_conditions: [An agent answers]
        value_items: [Customer is not kept waiting]
        capabilities: [call-routing]
capabilities:
  call-routing: {name: Call routing}
";

/// The project folder.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The `vsm` binary, run in `dir`, without colour and without git or colour settings of the
/// environment that runs the tests.
pub fn vsm(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("vsm").unwrap();
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("VSM_LANG")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE");
    cmd
}

/// A temporary folder that stops the search for vsm.yaml (it has `.git`), with `files` in it.
pub fn model_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    // A `.git` folder stops the search for vsm.yaml at the temporary folder.
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write_files(dir.path(), files);
    dir
}

/// Writes each (relative path, contents) under `dir`, making folders as needed.
pub fn write_files(dir: &Path, files: &[(&str, &str)]) {
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// What a run of `vsm` printed and its exit code.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `vsm ARGS` in `dir`.
pub fn run(dir: &Path, args: &[&str]) -> Run {
    let out = vsm(dir).args(args).output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// The parsed output of `vsm check --format json ARGS` in `dir`.
pub fn check_json(dir: &Path, args: &[&str]) -> Value {
    let out = vsm(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("{e}: {stdout} {}", String::from_utf8_lossy(&out.stderr)))
}

/// The code of every finding of a JSON output, in order.
pub fn codes(value: &Value) -> Vec<String> {
    value["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

/// (file, line, column) of every finding of a JSON output, in order.
pub fn places(value: &Value) -> Vec<(String, u64, u64)> {
    value["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Every `.yaml` and `.yml` file under `path` (or `path` itself if it is a file), sorted.
pub fn yaml_files(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut out = Vec::new();
    for entry in std::fs::read_dir(path).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            out.extend(yaml_files(&p));
        } else if matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")) {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// The official SARIF 2.1.0 schema (a copy in `tests/sarif/`).
pub fn sarif_schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("tests/sarif/sarif-schema-2.1.0.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

/// Fails with every schema error of `sarif`.
pub fn assert_valid_sarif(validator: &jsonschema::Validator, sarif: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what}: invalid SARIF:\n{}",
        errors.join("\n")
    );
}

/// The file a SARIF artifact location names: its URI resolved against `%SRCROOT%` (the run's
/// `originalUriBaseIds`), for ASCII paths.
pub fn sarif_file(sarif: &Value, artifact: &Value) -> PathBuf {
    let uri = artifact["uri"].as_str().unwrap();
    let full = match artifact["uriBaseId"].as_str() {
        Some(base) => {
            let base = sarif["runs"][0]["originalUriBaseIds"][base]["uri"]
                .as_str()
                .unwrap_or_else(|| panic!("base `{base}` is declared"));
            assert!(base.ends_with('/'), "{base}");
            format!("{base}{uri}")
        }
        None => uri.to_string(),
    };
    let path = full
        .strip_prefix("file://")
        .unwrap_or_else(|| panic!("not an absolute file URI: {full}"));
    PathBuf::from(path.replace("%20", " "))
}

/// Runs git in `dir` with a test identity, outside any repository the tests run in.
pub fn git(dir: &Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .args([
            "-c",
            "user.name=vsm test",
            "-c",
            "user.email=vsm@example.invalid",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

/// The name of every `vsm table --view`, from the report layer: a new view is tested
/// everywhere this list is used without touching the tests.
pub fn views() -> Vec<&'static str> {
    vsm::report::table::View::ALL
        .iter()
        .map(|view| view.name())
        .collect()
}
