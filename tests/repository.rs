//! `vsm check` in a realistic model repository: a git repository with a `vsm.yaml`, models
//! split over folders, and the YAML files every repository also holds (pre-commit, GitLab CI,
//! GitHub workflows, docker-compose, OpenAPI) plus a git-ignored folder with a broken file.
//! Run from the root, from `models/`, and from outside the repository with an absolute path.

mod common;

use common::{
    assert_valid_sarif, codes, git, places, run, sarif_file, sarif_schema, write_files, Run,
};
use serde_json::Value;
use std::path::PathBuf;

const CONFIG: &str = "paths: [models]\nexclude: [\"models/drafts/**\"]\n";

const ORGANISATION: &str = "\
stakeholders:
  customer: {name: Customer, type: external}
  agent: {name: Agent, type: internal}
capabilities:
  returns-handling: {name: Returns handling}
  order-taking: {name: Order taking}
";

/// Three findings: `next: [refnd]` names no stage (VSM006, line 13), so nothing flows into the
/// stage `refund` (VSM012, line 14), which delivers no value item either (VSM101, line 14).
const RETURNS: &str = "\
value_streams:
  returns:
    name: Return a product
    trigger: customer
    stages:
      request:
        name: Request a return
        stakeholders: [customer, agent]
        entry_conditions: [The customer wants to return a product]
        exit_conditions: [The return is accepted]
        value_items: [The customer knows the return is accepted]
        capabilities: [returns-handling]
        next: [refnd]
      refund:
        name: Refund
        stakeholders: [agent]
        entry_conditions: [The product is back]
        exit_conditions: [The money is back]
        capabilities: [returns-handling]
";

/// Upper-case extension: still a model file.
const ORDERS: &str = "\
value_streams:
  order:
    name: Order a product
    trigger: customer
    stages:
      take:
        name: Take the order
        stakeholders: [customer, agent]
        entry_conditions: [The customer orders]
        exit_conditions: [The order is confirmed]
        value_items: [The customer gets what they ordered]
        capabilities: [order-taking]
";

/// The repository in `repo/` of a new temporary folder (kept while the `TempDir` lives).
fn repository() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(&repo).unwrap();
    git(&repo, &["init", "-q"]);
    write_files(
        &repo,
        &[
            ("vsm.yaml", CONFIG),
            ("README.md", "# Value streams\n\nRun `vsm check`.\n"),
            (".gitignore", "generated/\n"),
            ("models/organisation.yaml", ORGANISATION),
            ("models/streams/returns.yaml", RETURNS),
            ("models/streams/Orders.YAML", ORDERS),
            // Excluded by the config: would give VSM001.
            ("models/drafts/wip.yaml", "value_streams: [unclosed\n"),
            // Ignored by git: would give VSM001 too.
            ("generated/broken.yaml", "stakeholders: {a: [\n"),
            // A Backstage descriptor next to the models: no model section.
            (
                "models/catalog-info.yaml",
                "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: models\n",
            ),
            (
                ".pre-commit-config.yaml",
                "repos:\n  - repo: local\n    hooks:\n      - id: vsm-check\n        name: vsm check\n        entry: vsm check\n        language: system\n",
            ),
            (
                ".gitlab-ci.yml",
                "stages: [test]\nvsm:\n  stage: test\n  image: rust:1\n  script:\n    - vsm check --format concise\n",
            ),
            (
                ".github/workflows/ci.yml",
                "name: models\non: [push, pull_request]\njobs:\n  vsm:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: vsm check --format github\n",
            ),
            (
                "docker-compose.yml",
                "services:\n  docs:\n    image: nginx:1\n    ports: [\"8080:80\"]\nvolumes:\n  data: {}\n",
            ),
            (
                "openapi.yaml",
                "openapi: 3.1.0\ninfo:\n  title: Returns API\n  version: 1.0.0\npaths:\n  /returns:\n    get:\n      responses:\n        '200': {description: OK}\ncomponents:\n  schemas: {}\n",
            ),
        ],
    );
    (dir, repo)
}

fn json_of(run: &Run) -> Value {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {} {}", run.stdout, run.stderr))
}

/// The three findings of the model, with their file named as `prefix` + its path in `models/`;
/// checks their codes too.
fn assert_the_findings(json: &Value, prefix: &str) {
    let file = format!("{prefix}streams/returns.yaml");
    assert_eq!(
        places(json),
        [(file.clone(), 13, 16), (file.clone(), 14, 7), (file, 14, 7)]
    );
    assert_eq!(codes(json), ["VSM006", "VSM012", "VSM101"]);
}

#[test]
fn from_the_root_the_config_paths_are_checked() {
    let (_dir, repo) = repository();
    let out = run(&repo, &["check", "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let json = json_of(&out);
    assert_the_findings(&json, "models/");
    // organisation, returns and the upper-case Orders.YAML; not the excluded draft.
    assert_eq!(json["summary"]["files"], 3);
    assert_eq!(json["summary"]["value_streams"], 2);
}

#[test]
fn walking_the_whole_repository_reads_only_model_files() {
    let (_dir, repo) = repository();
    let out = run(&repo, &["check", ".", "--format", "json", "--verbose"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    // No finding in vsm.yaml, CI files, docker-compose, OpenAPI, the Backstage file, nor in
    // the git-ignored folder; the excluded draft stays excluded.
    assert_the_findings(&json_of(&out), "models/");
    // Hidden files (.pre-commit-config.yaml, .github/) and ignored folders are not even
    // looked at; the rest is listed with --verbose.
    let skipped: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(
        skipped,
        [
            "skipped `docker-compose.yml`: it holds no model section",
            "skipped `models/catalog-info.yaml`: it holds no model section",
            "skipped `openapi.yaml`: it holds no model section",
            "skipped `vsm.yaml`: it is a vsm config file",
        ]
    );
    // The human summary counts them.
    let human = run(&repo, &["check", ".", "--format", "human"]);
    let summary = human.stdout.lines().last().unwrap();
    assert!(
        summary
            .contains("; skipped 3 YAML files that hold no model section (--verbose lists them)"),
        "{summary}"
    );
    // With --verbose the line points at the list instead of at the flag.
    let listed = run(&repo, &["check", ".", "--format", "human", "--verbose"]);
    let summary = listed.stdout.lines().last().unwrap();
    assert!(
        summary.contains("; skipped 3 YAML files that hold no model section (listed above)"),
        "{summary}"
    );
    // Without --verbose, stderr stays quiet.
    let quiet = run(&repo, &["check", ".", "--format", "concise"]);
    assert_eq!(quiet.stderr, "");
}

#[test]
fn gitlab_ci_and_workflows_named_on_the_command_line_are_read_as_models() {
    let (_dir, repo) = repository();
    let out = run(&repo, &["check", "--format", "concise", "openapi.yaml"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout
            .starts_with("openapi.yaml:1:1: error[VSM002] unknown section `openapi`"),
        "{}",
        out.stdout
    );
    // The config itself never is, even named (a shell glob, pre-commit passing files).
    let out = run(&repo, &["check", "--format", "concise", "vsm.yaml"]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr.contains("no model files found in `vsm.yaml`"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_misspelt_section_next_to_a_real_one_is_still_reported() {
    let (_dir, repo) = repository();
    write_files(
        &repo,
        &[(
            "models/more.yaml",
            "stakeholders:\n  clerk: {name: Clerk}\ncapabilites:\n  x: {name: X}\n",
        )],
    );
    let out = run(&repo, &["check", "--format", "json"]);
    let json = json_of(&out);
    let typo = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "VSM002")
        .unwrap_or_else(|| panic!("{}", out.stdout));
    assert_eq!(typo["file"], "models/more.yaml");
    assert_eq!(typo["help"], "did you mean `capabilities`?");
}

#[test]
fn from_the_models_folder_paths_are_relative_to_it() {
    let (_dir, repo) = repository();
    let models = repo.join("models");
    let out = run(&models, &["check", "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    // The config above is used (its exclude too), and files are named from here.
    assert_the_findings(&json_of(&out), "");
    let concise = run(&models, &["check", "--format", "concise"]);
    assert!(
        concise
            .stdout
            .starts_with("streams/returns.yaml:13:16: error[VSM006]"),
        "{}",
        concise.stdout
    );
    // A folder below: the config's `paths:` still name the whole model, seen from here.
    let out = run(&models.join("streams"), &["check", "--format", "json"]);
    let files: Vec<String> = places(&json_of(&out)).into_iter().map(|p| p.0).collect();
    assert_eq!(files, ["returns.yaml"; 3]);
    let verbose = run(&models.join("streams"), &["check", "--verbose"]);
    assert_eq!(
        verbose.stderr,
        "skipped `../catalog-info.yaml`: it holds no model section\n"
    );
}

#[test]
fn from_outside_the_repository_the_config_is_found_from_the_checked_path() {
    let (dir, repo) = repository();
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    let models = repo.join("models");
    let out = run(
        &elsewhere,
        &["check", "--format", "json", models.to_str().unwrap()],
    );
    // The config's exclude applies: the broken draft gives no VSM001.
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_the_findings(&json_of(&out), "../repo/models/");
    // Neither is an absolute path shown for a file named absolutely.
    let file = models.join("streams/returns.yaml");
    let out = run(
        &elsewhere,
        &["check", "--format", "concise", file.to_str().unwrap()],
    );
    assert!(
        out.stdout
            .lines()
            .filter(|l| l.contains("error["))
            .all(|l| l.starts_with("../repo/models/streams/returns.yaml:")),
        "{}",
        out.stdout
    );
}

#[test]
fn paths_under_two_configs_stop_with_both_named() {
    let (_dir, repo) = repository();
    write_files(
        &repo,
        &[
            ("other/vsm.yaml", "fail_on: warning\n"),
            ("other/m.yaml", common::CLEAN),
        ],
    );
    let out = run(&repo, &["check", "models", "other"]);
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(
        out.stderr.contains(
            "`models` falls under the config `vsm.yaml`, but `other` under `other/vsm.yaml`"
        ),
        "{}",
        out.stderr
    );
    // Naming the config settles it.
    let out = run(
        &repo,
        &[
            "check", "--config", "vsm.yaml", "--format", "json", "models", "other",
        ],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
}

#[test]
fn sarif_and_annotations_name_files_from_the_repository_root() {
    let (_dir, repo) = repository();
    let models = repo.join("models");
    let out = run(&models, &["check", "--format", "sarif"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let sarif: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_valid_sarif(&sarif_schema(), &sarif, "from models/");
    let base = sarif["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert_eq!(
        base,
        format!("file://{}/", repo.canonicalize().unwrap().display())
    );
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    for result in results {
        let artifact = &result["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
        assert_eq!(artifact["uri"], "models/streams/returns.yaml");
        assert_eq!(
            sarif_file(&sarif, artifact),
            repo.canonicalize()
                .unwrap()
                .join("models/streams/returns.yaml")
        );
    }
    // The same fingerprints from the root: code scanning sees the same alerts.
    let from_root: Value =
        serde_json::from_str(&run(&repo, &["check", "--format", "sarif"]).stdout).unwrap();
    assert_eq!(
        from_root["runs"][0]["results"][0]["partialFingerprints"],
        results[0]["partialFingerprints"]
    );

    let github = run(&models, &["check", "--format", "github"]);
    assert!(
        github
            .stdout
            .starts_with("::error file=models/streams/returns.yaml,line=13,col=16,"),
        "{}",
        github.stdout
    );
}

#[test]
fn a_fresh_init_checks_clean_from_inside_and_outside() {
    let dir = tempfile::tempdir().unwrap();
    let init = run(dir.path(), &["init", "demo"]);
    assert_eq!(init.code, 0, "{}", init.stderr);
    let outside = run(dir.path(), &["check", "demo"]);
    assert_eq!(outside.code, 0, "{}{}", outside.stdout, outside.stderr);
    let demo = dir.path().join("demo");
    for args in [&["check", "."][..], &["check"][..]] {
        let inside = run(&demo, args);
        assert_eq!(
            inside.code, 0,
            "{args:?}: {}{}",
            inside.stdout, inside.stderr
        );
        assert_eq!(inside.stdout, "", "{args:?}");
    }
}
