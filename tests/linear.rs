//! Inputs that once took time or memory super-linear in their size (issue 13), run through
//! the real binary at two sizes. Nothing here times a run: each asserts that the output
//! grows linearly (twice the input, about twice the output) at sizes where quadratic work
//! would not finish in the test's lifetime (a 10,000-deep chain indented by its depth is
//! 10⁸ characters per table).

use std::fmt::Write as _;

mod common;

/// A capability `parent` chain `depth` deep, used by one stage (so the matrix shows it too).
fn parent_chain(depth: usize) -> String {
    let mut text = String::from(
        "stakeholders:\n  t: {name: T}\nvalue_streams:\n  s:\n    name: S\n    trigger: t\n    stages:\n      g:\n        name: G\n        stakeholders: [t]\n        entry_conditions: [a]\n        exit_conditions: [b]\n        value_items: [v]\n",
    );
    writeln!(text, "        capabilities: [c{}]", depth - 1).unwrap();
    text.push_str("capabilities:\n  c0: {name: C, level: 1}\n");
    for i in 1..depth {
        writeln!(text, "  c{i}: {{name: C, parent: c{}}}", i - 1).unwrap();
    }
    text
}

/// The size of what `vsm ARGS` writes (stdout, or the file `out` when named), in a folder
/// holding `model.yaml` = `text`.
fn output_size(text: &str, args: &[&str], out: Option<&str>) -> usize {
    let dir = common::model_dir(&[("model.yaml", text)]);
    let run = common::run(dir.path(), args);
    assert!(
        run.code == 0 || run.code == 1,
        "{args:?}: exit {}: {}",
        run.code,
        run.stderr
    );
    match out {
        Some(file) => std::fs::metadata(dir.path().join(file)).unwrap().len() as usize,
        None => run.stdout.len(),
    }
}

/// Output for `n` and `2 n`: the second at most 2.5 times the first (quadratic output would
/// be 4 times).
fn assert_linear(what: &str, small: usize, large: usize) {
    assert!(
        large <= small * 5 / 2,
        "{what}: {small} bytes for the half-size input, {large} for the whole: not linear"
    );
}

#[test]
fn a_deep_parent_chain_gives_tables_and_reports_linear_in_its_depth() {
    let cases: [(&str, &[&str], Option<&str>); 5] = [
        (
            "table",
            &["table", "--view", "capabilities", "model.yaml"],
            None,
        ),
        (
            "matrix",
            &["table", "--view", "matrix", "--format", "md", "model.yaml"],
            None,
        ),
        (
            "heat map",
            &["heatmap", "--format", "md", "model.yaml"],
            None,
        ),
        (
            "Markdown report",
            &["report", "-o", "r.md", "model.yaml"],
            Some("r.md"),
        ),
        (
            "HTML report",
            &["report", "-o", "r.html", "model.yaml"],
            Some("r.html"),
        ),
    ];
    let (half, whole) = (parent_chain(5_000), parent_chain(10_000));
    for (what, args, out) in cases {
        let small = output_size(&half, args, out);
        let large = output_size(&whole, args, out);
        assert_linear(what, small, large);
    }
}

#[test]
fn a_parent_chain_deeper_than_the_levels_is_indented_as_level_nine() {
    let dir = common::model_dir(&[("model.yaml", &parent_chain(40))]);
    let run = common::run(
        dir.path(),
        &["table", "--view", "capabilities", "--format", "md"],
    );
    // The deepest row keeps its level in the Level column but no more indentation than 9.
    let deepest = run.stdout.lines().find(|l| l.contains("| 40 |")).unwrap();
    let level_nine = run.stdout.lines().find(|l| l.contains("| 9 |")).unwrap();
    let name = |line: &str| line.split('|').nth(1).unwrap().to_string();
    assert_eq!(name(deepest), name(level_nine), "{}", run.stdout);
}

#[test]
fn stacked_suppression_comments_are_read_in_linear_time() {
    let stacked = |n: usize| {
        format!(
            "stakeholders:\n{}  a: {{name: A}}\n",
            "  # vsm: ignore[VSM101]\n".repeat(n)
        )
    };
    let args = ["check", "--format", "concise", "model.yaml"];
    let small = output_size(&stacked(10_000), &args, None);
    let large = output_size(&stacked(20_000), &args, None);
    assert_linear("suppressions", small, large);
}

#[test]
fn did_you_mean_on_a_long_id_is_linear_in_its_length() {
    let model = |len: usize| {
        let id = "a".repeat(len);
        let typo = format!("{}b{}", &id[..len / 2], &id[len / 2 + 1..]);
        format!("stakeholders:\n  o: {{name: O}}\ncapabilities:\n  ? {id}\n  : {{name: C, level: 1}}\nprocesses:\n  p: {{name: P, owner: o, capabilities: [{typo}]}}\n")
    };
    let dir = common::model_dir(&[("model.yaml", &model(50_000))]);
    let json = common::check_json(dir.path(), &["model.yaml"]);
    let unknown = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "VSM006")
        .unwrap();
    assert!(
        unknown["help"]
            .as_str()
            .is_some_and(|h| h.starts_with("did you mean `aaaa")),
        "{unknown}"
    );
}

#[test]
fn did_you_mean_finds_two_typos_far_apart_in_a_long_id() {
    // A wrong letter near each end of a 50,000-character id: everything between them differs
    // in place, so comparing only the first 256 characters of the middle found nothing.
    let id: String = "abcdefghij".repeat(5_000);
    let mut typo = id.clone().into_bytes();
    typo[3] = b'x';
    typo[49_996] = b'x';
    let typo = String::from_utf8(typo).unwrap();
    let text = format!("stakeholders:\n  o: {{name: O}}\ncapabilities:\n  ? {id}\n  : {{name: C, level: 1}}\nprocesses:\n  p: {{name: P, owner: o, capabilities: [{typo}]}}\n");
    let dir = common::model_dir(&[("model.yaml", &text)]);
    let json = common::check_json(dir.path(), &["model.yaml"]);
    let unknown = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "VSM006")
        .unwrap();
    assert_eq!(
        unknown["help"].as_str(),
        Some(format!("did you mean `{id}`?").as_str()),
        "{}",
        &unknown["message"]
    );
}

#[cfg(unix)]
#[test]
fn links_leaving_the_folder_are_followed_only_when_asked() {
    let dir = common::model_dir(&[
        ("m/a.yaml", "stakeholders: {a: {name: A}}\n"),
        ("outside/b.yaml", "stakeholders: {b: {name: SECRET}}\n"),
    ]);
    std::os::unix::fs::symlink("../outside/b.yaml", dir.path().join("m/b.yaml")).unwrap();
    let ids = |args: &[&str]| {
        let run = common::run(dir.path(), args);
        (run.stdout.contains("`b`"), run.stderr)
    };
    let (read, stderr) = ids(&["check", "m"]);
    assert!(
        !read && stderr.contains("outside the checked folder"),
        "{stderr}"
    );
    let (read, stderr) = ids(&["check", "--follow-links", "m"]);
    assert!(read && stderr.is_empty(), "{stderr}");
    std::fs::write(dir.path().join("vsm.yaml"), "follow_links: true\n").unwrap();
    let (read, _) = ids(&["check", "m"]);
    assert!(read);
}

#[cfg(unix)]
#[test]
fn a_fifo_named_as_the_config_is_refused_at_once() {
    let dir = common::model_dir(&[("m.yaml", "stakeholders: {a: {name: A}}\n")]);
    let fifo = dir.path().join("fifo.yaml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo here
    }
    let run = common::vsm(dir.path())
        .args(["check", "--config", "fifo.yaml", "m.yaml"])
        .timeout(std::time::Duration::from_secs(10))
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("not a regular file"), "{stderr}");
}
