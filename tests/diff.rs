//! `vsm diff` through the real binary on real git repositories built in temporary folders:
//! a commit with a known change of every kind, compared with the one before it.
//!
//! `tests/fixtures/diff/old` is the model of the first commit, `tests/fixtures/diff/new` that
//! of the second. What changed, by hand:
//! - stakeholders: `legacy` removed (it was unused: VSM211 fixed), `auditor` added;
//! - capabilities: `crm` renamed `customer-data` (same content; every reference follows),
//!   `routing` maturity 2 → 3, importance medium → high, enablement manual → automated (gap
//!   3 − 2 = 1 → 0, risk medium 2 × 1 = 2 → 0), `knowledge` added;
//! - processes: `escalate` gets an owner (VSM205 fixed), a step of `handle-complaint` is
//!   automated;
//! - business object `ticket` gains the attribute `channel`;
//! - stages of `complaint`: `intake` waits 1h instead of 2h and gains a value item;
//!   `resolve` renamed `fix` (same name) with the auditor, the `knowledge` capability and 3h
//!   instead of 4h; `root-cause` removed (the stream lost a stage; `fix` now flows to
//!   `survey`); `survey` lost its only value item (it adds no value now: VSM101 introduced);
//! - commitments: `resolve-fast` <= 2d → <= 1d (tightened; VSM109 introduced, since the stage
//!   takes 1d 3h), `answer` >= 90% → >= 80% (loosened);
//! - perception `waiting`: current 3.2 → 3.8;
//! - flow of `complaint`: lead time 2h 30min + 1d 4h + 2h + 10min = 1d 8h 40min → 1h 30min +
//!   1d 3h + 10min = 1d 4h 40min; process time 6h 40min → 3h 40min, so flow efficiency
//!   400 / 1960 min = 20.4% → 220 / 1720 min = 12.8%.

mod common;

use common::{git, root, run, write_files, Run};
use serde_json::Value;
use std::path::Path;

/// Copies the files of `fixture` (a folder of `tests/fixtures/diff`) into `dir/models`,
/// replacing what is there.
fn put_model(dir: &Path, fixture: &str) {
    let models = dir.join("models");
    if models.exists() {
        std::fs::remove_dir_all(&models).unwrap();
    }
    std::fs::create_dir_all(&models).unwrap();
    let from = root().join("tests/fixtures/diff").join(fixture);
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), models.join(entry.file_name())).unwrap();
    }
}

/// A git repository with a `vsm.yaml`, the old model committed on `main`, and the new one
/// committed on top (`HEAD`). Both commits hold an excluded draft that is not YAML.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path();
    git(path, &["init", "-q", "-b", "main"]);
    write_files(
        path,
        &[(
            "vsm.yaml",
            "paths: [models]\nexclude: [\"models/drafts/**\"]\n",
        )],
    );
    put_model(path, "old");
    write_files(path, &[("models/drafts/wip.yaml", "stakeholders: {a: [\n")]);
    git(path, &["add", "-A"]);
    git(path, &["commit", "-q", "-m", "old model"]);
    put_model(path, "new");
    write_files(path, &[("models/drafts/wip.yaml", "stakeholders: {b: [\n")]);
    git(path, &["add", "-A"]);
    git(path, &["commit", "-q", "-m", "new model"]);
    dir
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", run.stdout, run.stderr))
}

fn strings(value: &Value, key: &str) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v[key].as_str().unwrap_or_default().to_string())
        .collect()
}

/// (kind, id, change, old id) of every element change.
fn element_changes(diff: &Value) -> Vec<(String, String, String, String)> {
    diff["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["kind"].as_str().unwrap().to_string(),
                e["id"].as_str().unwrap().to_string(),
                e["change"].as_str().unwrap().to_string(),
                e["old_id"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// `field: old → new` (or `+added -removed` for lists) of element `id`.
fn fields(diff: &Value, id: &str) -> Vec<String> {
    let element = diff["elements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("no change of {id}"));
    element["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let list = |key: &str, sign: &str| -> Vec<String> {
                f[key].as_array().map_or_else(Vec::new, |a| {
                    a.iter()
                        .map(|x| format!("{sign}{}", x.as_str().unwrap()))
                        .collect()
                })
            };
            let mut changes = list("added", "+");
            changes.extend(list("removed", "-"));
            let what = if changes.is_empty() {
                let show = |v: &Value| v.as_str().unwrap_or("—").to_string();
                format!("{} → {}", show(&f["old"]), show(&f["new"]))
            } else {
                changes.join(" ")
            };
            format!("{}: {what}", f["field"].as_str().unwrap())
        })
        .collect()
}

#[test]
fn every_kind_of_change_between_two_commits_is_reported_exactly() {
    let repo = repository();
    let out = run(repo.path(), &["diff", "main~1", "main", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let diff = json(&out);
    let e = |kind: &str, id: &str, change: &str, old: &str| {
        (kind.into(), id.into(), change.into(), old.into())
    };
    assert_eq!(
        element_changes(&diff),
        vec![
            e("stakeholder", "auditor", "added", ""),
            e("stakeholder", "legacy", "removed", ""),
            e("stage", "complaint/root-cause", "removed", ""),
            e("stage", "complaint/fix", "renamed", "complaint/resolve"),
            e("stage", "complaint/intake", "changed", ""),
            e("capability", "knowledge", "added", ""),
            e("capability", "customer-data", "renamed", "crm"),
            e("capability", "routing", "changed", ""),
            e("process", "handle-complaint", "changed", ""),
            e("process", "escalate", "changed", ""),
            e("business_object", "ticket", "changed", ""),
            e("commitment", "resolve-fast", "changed", ""),
            e("commitment", "answer", "changed", ""),
            e("perception", "waiting", "changed", ""),
        ]
    );
    assert_eq!(
        fields(&diff, "complaint/fix"),
        [
            "stakeholders: +auditor",
            "capabilities: +knowledge",
            "next: +survey -root-cause",
            "process_time: 4h → 3h",
        ]
    );
    assert_eq!(fields(&diff, "complaint/intake"), ["wait_time: 2h → 1h"]);
    // Renamed with the same content: nothing else changed, and no stage or process that
    // uses it reports a changed reference.
    assert!(fields(&diff, "customer-data").is_empty());
    assert_eq!(
        fields(&diff, "routing"),
        [
            "maturity: 2 → 3",
            "importance: medium → high",
            "enablement: manual → automated",
        ]
    );
    assert_eq!(
        fields(&diff, "handle-complaint"),
        ["steps: +Route the ticket (owner: agent; capabilities: routing; automated) -Route the ticket (owner: agent; capabilities: routing)"]
    );
    assert_eq!(fields(&diff, "escalate"), ["owner: — → centre"]);
    assert_eq!(fields(&diff, "ticket"), ["attributes: +channel"]);
    assert_eq!(fields(&diff, "resolve-fast"), ["target: <= 2d → <= 1d"]);
    assert_eq!(fields(&diff, "answer"), ["target: >= 90% → >= 80%"]);
    assert_eq!(fields(&diff, "waiting"), ["current: 3.2 → 3.8"]);

    let value = &diff["value"];
    assert_eq!(
        strings(&value["items_lost"], "item"),
        ["Customer feels valued"]
    );
    assert_eq!(strings(&value["items_lost"], "stage"), ["complaint/survey"]);
    assert_eq!(
        strings(&value["items_added"], "item"),
        ["Customer gets a ticket number"]
    );
    assert_eq!(
        strings(&value["items_added"], "stage"),
        ["complaint/intake"]
    );
    assert_eq!(
        strings(&value["stages_without_value"], "stage"),
        ["complaint/survey"]
    );
    assert_eq!(value["stages_without_value"][0]["had"], 1);
    let lost = &value["streams_that_lost_stages"];
    assert_eq!(strings(lost, "stream"), ["complaint"]);
    assert_eq!(strings(&lost[0]["stages"], "id"), ["root-cause"]);

    let findings = &diff["findings"];
    assert_eq!(
        strings(&findings["introduced"], "code"),
        ["VSM109", "VSM101"]
    );
    assert_eq!(
        strings(&findings["introduced"], "path"),
        [
            "commitments.resolve-fast.target",
            "value_streams.complaint.stages.survey"
        ]
    );
    assert_eq!(
        strings(&findings["introduced"], "file"),
        ["models/capabilities.yaml", "models/complaints.yaml"]
    );
    // VSM110: the old stage enabled only by `routing` (manual) has IT support once routing
    // is automated.
    assert_eq!(
        strings(&findings["fixed"], "code"),
        ["VSM205", "VSM110", "VSM211"]
    );
    // VSM202 (`escalate` realises no stage) is on both sides: neither introduced nor fixed.

    assert_eq!(strings(&diff["capabilities"], "id"), ["routing"]);
    let routing = &diff["capabilities"][0];
    assert_eq!(
        [
            &routing["old_gap"],
            &routing["new_gap"],
            &routing["old_risk"],
            &routing["new_risk"]
        ],
        [1, 0, 2, 0]
    );
    assert_eq!(
        strings(&diff["commitments"], "direction"),
        ["tightened", "loosened"]
    );
    let flow = &diff["flow"][0];
    assert_eq!(flow["id"], "complaint");
    assert_eq!(flow["old"]["lead_seconds"], 117_600.0); // 1d 8h 40min
    assert_eq!(flow["new"]["lead_seconds"], 103_200.0); // 1d 4h 40min
    assert_eq!(flow["old"]["flow_efficiency_percent"], 20.4);
    assert_eq!(flow["new"]["flow_efficiency_percent"], 12.8);

    let summary = &diff["summary"];
    assert_eq!(summary["value_items_lost"], 1);
    assert_eq!(summary["findings_introduced"], 2);
    assert_eq!(summary["commitments_tightened"], 1);
    assert_eq!(summary["commitments_loosened"], 1);
    assert_eq!(diff["old"]["label"], "main~1");
    assert_eq!(
        diff["new"]["files"], 3,
        "the draft is excluded on both sides"
    );
}

#[test]
fn the_diff_in_every_format() {
    let repo = repository();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(root().join("tests/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for (format, name) in [
            ("term", "diff__term"),
            ("md", "diff__md"),
            ("json", "diff__json"),
        ] {
            let out = run(repo.path(), &["diff", "main~1", "main", "--format", format]);
            assert_eq!(out.code, 0, "{}", out.stderr);
            insta::assert_snapshot!(name, out.stdout);
        }
    });
}

#[test]
fn the_terminal_output_is_coloured_by_change_only_when_asked() {
    let repo = repository();
    let out = run(
        repo.path(),
        &["diff", "main~1", "main", "--color", "always"],
    );
    assert!(
        out.stdout.contains("\x1b[32m+\x1b[0m auditor"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("\x1b[31m-\x1b[0m legacy"));
    assert!(out.stdout.contains("\x1b[36m>\x1b[0m customer-data"));
    let plain = run(repo.path(), &["diff", "main~1", "main"]);
    assert!(!plain.stdout.contains('\x1b'));
}

/// Every table of a GitHub-flavoured Markdown text, as rows of cells (header first).
fn tables(markdown: &str) -> Vec<Vec<Vec<String>>> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut out = Vec::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => table = Vec::new(),
            Event::End(TagEnd::Table) => out.push(std::mem::take(&mut table)),
            Event::Start(Tag::TableHead | Tag::TableRow) => row = Vec::new(),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                table.push(std::mem::take(&mut row))
            }
            Event::Start(Tag::TableCell) => cell = String::new(),
            Event::End(TagEnd::TableCell) => row.push(std::mem::take(&mut cell)),
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                cell.push_str(&text)
            }
            _ => {}
        }
    }
    out
}

/// Every table keeps the column count of its header; returns the tables.
fn assert_tables_keep_their_columns(markdown: &str) -> Vec<Vec<Vec<String>>> {
    let found = tables(markdown);
    assert!(!found.is_empty(), "no table in:\n{markdown}");
    // GFM fills a short row and drops cells past the header's count: count the pipes too.
    let mut from_text = markdown
        .lines()
        .filter(|l| l.starts_with('|'))
        .map(|l| l.replace("\\|", "").matches('|').count());
    for table in &found {
        let columns = table[0].len();
        for row in table {
            assert_eq!(row.len(), columns, "{row:?}");
        }
        for _ in 0..table.len() + 1 {
            // header, delimiter row, body rows
            assert_eq!(from_text.next(), Some(columns + 1), "{markdown}");
        }
    }
    found
}

#[test]
fn the_markdown_renders_as_tables_that_keep_their_columns() {
    let repo = repository();
    let out = run(repo.path(), &["diff", "main~1", "main", "--format", "md"]);
    let found = assert_tables_keep_their_columns(&out.stdout);
    // The summary tables come first: elements by kind, then the other counts.
    assert_eq!(
        found[0][0],
        ["elements", "added", "removed", "renamed", "changed"]
    );
    assert_eq!(found[0][2], ["Stages", "0", "1", "1", "1"]);
    assert_eq!(found[1][0], ["change", "count"]);
    assert_eq!(found[1][1], ["value items lost", "1"]);
    let opened = out.stdout.matches("<details>").count();
    assert_eq!(opened, out.stdout.matches("</details>").count());
    assert!(opened >= 8, "{}", out.stdout);
}

#[test]
fn since_compares_a_revision_with_the_working_tree_and_leaves_the_index_alone() {
    let repo = repository();
    let path = repo.path();
    // An unstaged edit and an untracked file.
    let complaints = path.join("models/complaints.yaml");
    let text = std::fs::read_to_string(&complaints).unwrap();
    std::fs::write(
        &complaints,
        text.replace("wait_time: 1h", "wait_time: 45min"),
    )
    .unwrap();
    write_files(
        path,
        &[(
            "models/extra.yaml",
            "stakeholders:\n  visitor: {name: Visitor}\n",
        )],
    );
    let index = std::fs::read(path.join(".git/index")).unwrap();
    let status = std::process::Command::new("git")
        .args(["status", "--porcelain"])
        .current_dir(path)
        .output()
        .unwrap()
        .stdout;
    let out = run(path, &["diff", "--since", "HEAD", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let diff = json(&out);
    assert_eq!(diff["new"]["label"], "working tree");
    assert_eq!(
        element_changes(&diff),
        [
            (
                "stakeholder".into(),
                "visitor".into(),
                "added".into(),
                String::new()
            ),
            (
                "stage".into(),
                "complaint/intake".into(),
                "changed".into(),
                String::new()
            ),
        ]
    );
    assert_eq!(fields(&diff, "complaint/intake"), ["wait_time: 1h → 45min"]);
    // The unused visitor is a new finding.
    assert_eq!(strings(&diff["findings"]["introduced"], "code"), ["VSM211"]);
    assert_eq!(std::fs::read(path.join(".git/index")).unwrap(), index);
    let after = std::process::Command::new("git")
        .args(["status", "--porcelain"])
        .current_dir(path)
        .output()
        .unwrap()
        .stdout;
    assert_eq!(after, status);
}

#[test]
fn a_path_in_a_revision_and_a_folder_on_disk_are_one_model() {
    let repo = repository();
    let path = repo.path();
    // The committed model against the same files on disk: nothing changed.
    let out = run(path, &["diff", "main:models", "models", "--exit-code"]);
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (0, "vsm diff main:models → models\nNo semantic change.\n"),
        "{}",
        out.stderr
    );
    // From the models folder, `REV:./` is that folder in the revision, as git reads it.
    let sub = path.join("models");
    let out = run(&sub, &["diff", "main~1:./", "main:./", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let diff = json(&out);
    assert_eq!(diff["summary"]["findings_introduced"], 2);
    assert_eq!(
        strings(&diff["findings"]["introduced"], "file"),
        ["capabilities.yaml", "complaints.yaml"]
    );
    // A file of a revision against a file on disk.
    let out = run(
        path,
        &[
            "diff",
            "main~1:models/people.yaml",
            "models/people.yaml",
            "--format",
            "json",
        ],
    );
    let diff = json(&out);
    assert_eq!(
        element_changes(&diff),
        [
            (
                "stakeholder".into(),
                "auditor".into(),
                "added".into(),
                String::new()
            ),
            (
                "stakeholder".into(),
                "legacy".into(),
                "removed".into(),
                String::new()
            ),
        ]
    );
}

#[test]
fn two_folders_match_their_findings_file_by_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    for (side, fixture) in [("before", "old"), ("after", "old")] {
        let folder = dir.path().join(side);
        std::fs::create_dir(&folder).unwrap();
        put_model(&folder, fixture);
    }
    // The same model in two folders: its four findings are the same findings.
    let out = run(
        dir.path(),
        &["diff", "before", "after", "--exit-code", "--format", "json"],
    );
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert_eq!(json(&out)["old"]["findings"], 4);
}

#[test]
fn exit_codes_tell_changes_gates_and_errors_apart() {
    let repo = repository();
    let path = repo.path();
    let code = |args: &[&str]| run(path, args).code;
    assert_eq!(code(&["diff", "main", "main"]), 0);
    assert_eq!(code(&["diff", "main", "main", "--exit-code"]), 0);
    assert_eq!(
        code(&["diff", "main~1", "main"]),
        0,
        "changes without --exit-code"
    );
    assert_eq!(code(&["diff", "main~1", "main", "--exit-code"]), 1);
    let gate = run(
        path,
        &["diff", "main~1", "main", "--fail-on", "new-findings"],
    );
    assert_eq!(gate.code, 1);
    assert!(
        gate.stderr
            .contains("2 findings introduced (--fail-on new-findings)"),
        "{}",
        gate.stderr
    );
    assert_eq!(
        code(&["diff", "main~1", "main", "--fail-on", "value-lost"]),
        1
    );
    // Backwards, VSM205 and VSM211 come back, and intake loses the item it had gained.
    assert_eq!(
        code(&["diff", "main", "main~1", "--fail-on", "new-findings"]),
        1
    );
    assert_eq!(
        code(&["diff", "main", "main~1", "--fail-on", "value-lost"]),
        1
    );
    // A change that only adds value and fixes findings passes both gates.
    let complaints = path.join("models/complaints.yaml");
    let text = std::fs::read_to_string(&complaints).unwrap();
    std::fs::write(
        &complaints,
        text.replace("        capabilities: [customer-data]\n        process_time: 10min", "        value_items: [Customer feels valued]\n        capabilities: [customer-data]\n        process_time: 10min"),
    )
    .unwrap();
    let fixed = run(
        path,
        &[
            "diff",
            "--since",
            "main",
            "--fail-on",
            "new-findings,value-lost",
            "--exit-code",
            "--format",
            "json",
        ],
    );
    assert_eq!(fixed.code, 1, "--exit-code: the models differ");
    let diff = json(&fixed);
    assert_eq!(strings(&diff["findings"]["fixed"], "code"), ["VSM101"]);
    assert_eq!(diff["summary"]["value_items_added"], 1);
    assert!(fixed.stderr.is_empty(), "no gate is hit: {}", fixed.stderr);
    let fixed = run(
        path,
        &[
            "diff",
            "--since",
            "main",
            "--fail-on",
            "new-findings,value-lost",
        ],
    );
    assert_eq!(fixed.code, 0);
}

#[test]
fn a_side_that_does_not_load_is_named_and_exits_2() {
    let repo = repository();
    let path = repo.path();
    let out = run(path, &["diff", "nope", "main"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("OLD `nope`: git knows no revision `nope`"),
        "{}",
        out.stderr
    );
    let out = run(path, &["diff", "main", "main:nowhere"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("NEW `main:nowhere`: the revision has nothing at `nowhere`"),
        "{}",
        out.stderr
    );
    // A working tree with a file that is not YAML: its finding, and the side named.
    write_files(
        path,
        &[("models/broken.yaml", "stakeholders:\n  a: {name: [\n")],
    );
    let out = run(path, &["diff", "--since", "main"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("models/broken.yaml:"), "{}", out.stderr);
    assert!(out.stderr.contains("error: NEW `working tree`: the model cannot be loaded (1 file is not readable as YAML)"), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    // Outside a repository, a revision cannot be read.
    let plain = tempfile::tempdir().unwrap();
    std::fs::create_dir(plain.path().join(".git")).unwrap();
    let out = run(plain.path(), &["diff", "main", "HEAD"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
}

/// A model whose every name is hostile to Markdown, HTML and terminals.
const HOSTILE: &str = "\
stakeholders:
  customer: {name: \"</details><script>alert(1)</script>\"}
value_streams:
  s:
    name: \"a | b `c` **d** \\e[31mred\\u202e\"
    trigger: customer
    stages:
      x:
        name: \"| x |\\n| --- |\"
        stakeholders: [customer]
        value_items: [\"<img src=x onerror=alert(1)>\", \"[link](javascript:alert(1))\"]
";

#[test]
fn hostile_names_stay_text_in_markdown_and_on_the_terminal() {
    let dir = common::model_dir(&[("old/m.yaml", HOSTILE)]);
    let changed = HOSTILE
        .replace(", \"[link](javascript:alert(1))\"", "")
        .replace("</details><script>", "<details open><script>")
        .replace("mred", "mblue");
    write_files(dir.path(), &[("new/m.yaml", &changed)]);
    let md = run(dir.path(), &["diff", "old", "new", "--format", "md"]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    assert!(!md.stdout.contains("<script>") && !md.stdout.contains("<img"));
    assert!(
        md.stdout.contains("&lt;details open&gt;&lt;script&gt;"),
        "{}",
        md.stdout
    );
    // Rendered, the only HTML is the comment's own sections and line breaks; no link.
    use pulldown_cmark::{Event, Options, Parser, Tag};
    for event in Parser::new_ext(&md.stdout, Options::ENABLE_TABLES) {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                let html = html.trim();
                assert!(
                    html.starts_with("<details><summary>")
                        || html == "</details>"
                        || html == "<br>",
                    "{html}"
                );
            }
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => panic!("a link: {}", md.stdout),
            _ => {}
        }
    }
    assert_eq!(
        md.stdout.matches("<details>").count(),
        md.stdout.matches("</details>").count()
    );
    assert_tables_keep_their_columns(&md.stdout);
    let term = run(dir.path(), &["diff", "old", "new", "--color", "always"]);
    // Only vsm's own colour codes reach the terminal: no ESC from the model, no bidi override.
    let without_own = term
        .stdout
        .replace("\x1b[0m", "")
        .replace("\x1b[1m", "")
        .replace("\x1b[2m", "")
        .replace("\x1b[31m", "")
        .replace("\x1b[32m", "")
        .replace("\x1b[33m", "")
        .replace("\x1b[36m", "");
    assert!(!without_own.contains('\x1b'), "{without_own}");
    assert!(!term.stdout.contains('\u{202e}'));
    assert!(term.stdout.contains("\\u{202e}"), "{}", term.stdout);
}

#[test]
fn a_markdown_diff_too_long_for_a_comment_is_cut_with_a_note() {
    // 2,000 capabilities whose description changes: far more than 65,536 characters.
    let model = |description: &str| {
        let mut text = String::from("capabilities:\n");
        for i in 0..2_000 {
            text.push_str(&format!(
                "  cap-{i}: {{name: Capability {i}, description: {description} {i}, maturity: 1}}\n"
            ));
        }
        text
    };
    let dir = common::model_dir(&[
        ("old/m.yaml", &model("Before")),
        ("new/m.yaml", &model("After 客服")),
    ]);
    let out = run(dir.path(), &["diff", "old", "new", "--format", "md"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = &out.stdout;
    assert!(
        text.chars().count() <= 65_536,
        "{} characters",
        text.chars().count()
    );
    assert!(
        text.chars().count() > 60_000,
        "the room is used: {}",
        text.chars().count()
    );
    assert!(
        text.contains("**Cut to fit a comment:**"),
        "{}",
        &text[text.len() - 500..]
    );
    let shown = text.matches("| changed | cap-").count();
    assert!(
        text.contains(&format!("{} more rows are not shown", 2_000 - shown)),
        "{shown} shown"
    );
    assert_eq!(
        text.matches("<details>").count(),
        text.matches("</details>").count()
    );
    assert_tables_keep_their_columns(text);
    // The JSON keeps everything.
    let json = run(dir.path(), &["diff", "old", "new", "--format", "json"]);
    assert_eq!(json_len(&json), 2_000);
}

fn json_len(run: &Run) -> usize {
    json(run)["elements"].as_array().unwrap().len()
}
