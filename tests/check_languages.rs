//! `vsm check --lang`: finding messages, help, labels and the human renderer's own words in
//! English, Simplified and Traditional Chinese, in every format; baselines stay English.

use serde_json::Value;
use unicode_width::UnicodeWidthStr;

mod common;
use common::{assert_valid_sarif, model_dir, root, run, sarif_schema, vsm};

/// Findings of several kinds whose messages the loader and resolver say (VSM002, VSM004,
/// VSM005, VSM006 with and without "did you mean", VSM007), one rule's (VSM101) and an unused
/// suppression (VSM016); a stage named and a reference written in Chinese.
const MODEL: &str = "\
stakeholders:
  customer: {name: Customer, type: external}
  agent: {name: Agent, colour: blue}
value_streams:
  enquiry:
    name: Resolve an enquiry
    trigger: custmer
    stages:
      connect:
        name: 接通电话
        stakeholders: [customer, call-routing]
        capabilities: [呼叫路由]  # vsm: ignore[VSM105]
        entry_conditions: [The customer calls]
        exit_conditions: [An agent answers]
capabilities:
  call-routing: {name: Call routing}
  call-routing: {name: Call routing again}
  queueing: {description: no name}
";

/// Only the rules whose messages are keyed on this branch, so that the snapshots say what the
/// loader, the resolver and suppressions translate (VSM001–VSM008 always run).
const SELECT: &str = "VSM101,VSM016,VSM105";

fn snapshot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_path(root().join("tests/snapshots"));
    settings.bind(|| insta::assert_snapshot!(format!("check_languages__{name}"), text));
}

/// The summary line's time (`in 12 ms`, `用时 12 毫秒`, `耗時 12 毫秒`) as `N`.
fn without_time(text: &str) -> String {
    text.lines()
        .map(|line| {
            for unit in [" ms", " 毫秒"] {
                if let Some(rest) = line.strip_suffix(unit) {
                    let digits =
                        rest.len() - rest.trim_end_matches(|c: char| c.is_ascii_digit()).len();
                    return format!("{}N{unit}", &rest[..rest.len() - digits]);
                }
            }
            line.to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn check(dir: &std::path::Path, args: &[&str]) -> common::Run {
    run(
        dir,
        &[&["check", "model.yaml", "--select", SELECT], args].concat(),
    )
}

#[test]
fn human_output_in_each_language() {
    let dir = model_dir(&[("model.yaml", MODEL)]);
    for (lang, name) in [
        ("en", "human_en"),
        ("zh-CN", "human_zh_cn"),
        ("zh-TW", "human_zh_tw"),
    ] {
        let out = check(dir.path(), &["--format", "human", "--lang", lang]);
        assert_eq!(out.code, 1, "{lang}: {}", out.stderr);
        snapshot(name, &without_time(&out.stdout));
    }
    // English with no flag is the English above, byte for byte (the default did not move).
    let flagged = check(dir.path(), &["--format", "human", "--lang", "en"]);
    let plain = check(dir.path(), &["--format", "human"]);
    assert_eq!(without_time(&flagged.stdout), without_time(&plain.stdout));
}

/// One finding in each one-line format, and SARIF's message, in each language: only the
/// message and help are translated; levels, rule ids and titles stay as machines read them.
#[test]
fn one_line_formats_translate_only_the_message() {
    let dir = model_dir(&[("model.yaml", MODEL)]);
    let mut text = String::new();
    for lang in ["en", "zh-CN", "zh-TW"] {
        let concise = check(dir.path(), &["--format", "concise", "--lang", lang]);
        let github = check(dir.path(), &["--format", "github", "--lang", lang]);
        let sarif = check(dir.path(), &["--format", "sarif", "--lang", lang]);
        let sarif: Value = serde_json::from_str(&sarif.stdout).unwrap();
        let result = &sarif["runs"][0]["results"][1];
        text.push_str(&format!(
            "{lang}\n{}\n{}\n{} {} {}\n\n",
            concise.stdout.lines().nth(1).unwrap(),
            github.stdout.lines().nth(1).unwrap(),
            result["ruleId"],
            result["level"],
            result["message"]["text"]
        ));
    }
    snapshot("one_line_formats", &text);
}

#[test]
fn sarif_in_chinese_still_validates() {
    let validator = sarif_schema();
    let dir = model_dir(&[("model.yaml", MODEL)]);
    for lang in ["zh-CN", "zh-TW"] {
        let out = check(dir.path(), &["--format", "sarif", "--lang", lang]);
        let sarif: Value = serde_json::from_str(&out.stdout).unwrap();
        assert_valid_sarif(&validator, &sarif, lang);
        for result in sarif["runs"][0]["results"].as_array().unwrap() {
            let text = result["message"]["text"].as_str().unwrap();
            let first = text.lines().next().unwrap();
            assert!(
                first.ends_with('。'),
                "{lang}: a Chinese sentence ends with 。: {first}"
            );
            assert!(!first.ends_with("。."), "{first}");
        }
        // The rules' descriptions (the tool's metadata) stay English, like rule names.
        let rules = &sarif["runs"][0]["tool"]["driver"]["rules"];
        assert_eq!(rules[0]["id"], "VSM001");
        assert!(rules[0]["shortDescription"]["text"]
            .as_str()
            .unwrap()
            .is_ascii());
    }
}

/// JSON keys stay English; the messages are in the language.
#[test]
fn json_keys_stay_english_and_messages_are_translated() {
    let dir = model_dir(&[("model.yaml", MODEL)]);
    let out = check(dir.path(), &["--format", "json", "--lang", "zh-TW"]);
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    let first = &json["findings"][0];
    assert_eq!(first["code"], "VSM002");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["message"], "未知的欄位 `colour`");
    assert_eq!(
        first["help"],
        "已知的欄位：name, type, description, archimate_id, allow"
    );
}

/// A baseline records the English text whatever the language of the run, so a baseline
/// written in Chinese hides the same findings checked in English (and the other way round).
#[test]
fn a_baseline_written_in_chinese_matches_findings_checked_in_english() {
    let dir = model_dir(&[("model.yaml", MODEL)]);
    let written = check(
        dir.path(),
        &["--lang", "zh-CN", "--write-baseline", "baseline.json"],
    );
    assert_eq!(written.code, 0, "{}", written.stderr);
    assert!(
        written
            .stderr
            .contains("已将 8 条检查结果写入基线 `baseline.json`"),
        "{}",
        written.stderr
    );
    let file = std::fs::read_to_string(dir.path().join("baseline.json")).unwrap();
    assert!(file.contains("unknown capability `呼叫路由`"), "{file}");
    assert!(!file.contains("未知"), "the baseline holds English: {file}");

    let english = check(
        dir.path(),
        &["--format", "concise", "--baseline", "baseline.json"],
    );
    assert_eq!(english.code, 0, "{}{}", english.stdout, english.stderr);
    assert_eq!(english.stdout, "");
    assert!(
        english
            .stderr
            .contains("Baseline `baseline.json` hid 8 findings."),
        "{}",
        english.stderr
    );
    let chinese = check(
        dir.path(),
        &[
            "--format",
            "concise",
            "--baseline",
            "baseline.json",
            "--lang",
            "zh-TW",
        ],
    );
    assert_eq!(chinese.stdout, "");
    assert!(
        chinese
            .stderr
            .contains("基準線 `baseline.json` 隱藏了 8 筆檢查結果。"),
        "{}",
        chinese.stderr
    );
}

/// The underline and its label sit under the Chinese id they point at: the caret line is as
/// wide, on the terminal, as the source line up to the end of the id.
#[test]
fn carets_under_chinese_text_line_up_by_display_width() {
    let dir = model_dir(&[("model.yaml", MODEL)]);
    for lang in ["en", "zh-CN"] {
        let out = check(dir.path(), &["--format", "human", "--lang", lang]);
        let lines: Vec<&str> = out.stdout.lines().collect();
        // The snippet of the unresolved reference: the source line, then the underline.
        let (source, underline) = lines
            .windows(2)
            .find(|w| w[0].contains("[呼叫路由]") && w[1].contains('┬'))
            .map(|w| (w[0], w[1]))
            .unwrap();
        let id_start = source.find("呼叫路由").unwrap();
        let id_end = id_start + "呼叫路由".len();
        let mark_start = underline.find('─').unwrap();
        let mark_end = underline.rfind('─').unwrap() + '─'.len_utf8();
        assert_eq!(
            UnicodeWidthStr::width(&underline[..mark_start]),
            UnicodeWidthStr::width(&source[..id_start]),
            "{lang}: the underline starts under the id\n{source}\n{underline}"
        );
        assert_eq!(
            UnicodeWidthStr::width(&underline[mark_start..mark_end]),
            UnicodeWidthStr::width("呼叫路由"),
            "{lang}: the underline is as wide as the id\n{source}\n{underline}"
        );
        assert_eq!(
            UnicodeWidthStr::width(&source[..id_end]) - UnicodeWidthStr::width(&source[..id_start]),
            8
        );
    }
}

/// The line saying findings were held back, in the language.
#[test]
fn the_held_back_line_and_the_skipped_files_are_in_the_language() {
    let dir = model_dir(&[
        ("model.yaml", MODEL),
        ("broken.yaml", "stakeholders:\n  x: [1\n"),
        ("ci.yaml", "jobs: {}\n"),
    ]);
    let out = run(
        dir.path(),
        &[
            "check",
            ".",
            "--format",
            "human",
            "--lang",
            "zh-CN",
            "--verbose",
        ],
    );
    assert!(
        out.stdout
            .contains("条检查结果：它们可能源于 broken.yaml 中无法读取的部分；请先修复该部分"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("；跳过了 1 个不含模型段的 YAML 文件（已在上方列出）"),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr.contains("已跳过 `./ci.yaml`：它不含模型段")
            || out.stderr.contains("已跳过 `ci.yaml`：它不含模型段"),
        "{}",
        out.stderr
    );
}

/// `VSM_LANG` and `lang:` in vsm.yaml choose the language of `vsm check` as of `vsm report`.
#[test]
fn the_environment_and_the_config_choose_the_language() {
    let dir = model_dir(&[("model.yaml", MODEL), ("vsm.yaml", "lang: zh-TW\n")]);
    let out = check(dir.path(), &["--format", "concise"]);
    assert!(out.stdout.contains("未知的欄位 `colour`"), "{}", out.stdout);
    let out = vsm(dir.path())
        .args(["check", "model.yaml", "--format", "concise"])
        .env("VSM_LANG", "zh-CN")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("未知的字段 `colour`"), "{stdout}");
}

/// The HTML report's findings section says the findings in the report's language.
#[test]
fn the_report_lists_the_findings_in_its_language() {
    let dir = model_dir(&[("model.yaml", MODEL)]);
    let out = run(
        dir.path(),
        &["report", "model.yaml", "-o", "r.html", "--lang", "zh-CN"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert!(text.contains("未知的利益相关方 `custmer`"), "{text}");
    assert!(!text.contains("unknown stakeholder"), "{text}");
}

/// `vsm diff --lang`: the findings introduced are matched on their English text, then written
/// in the language.
#[test]
fn diff_writes_the_findings_introduced_in_the_language() {
    let old = "stakeholders:\n  customer: {name: Customer}\n";
    let new = "stakeholders:\n  customer: {name: Customer}\n  agent: {name: Agent, colour: blue}\n";
    let dir = model_dir(&[("old/m.yaml", old), ("new/m.yaml", new)]);
    let out = run(
        dir.path(),
        &["diff", "old", "new", "--format", "json", "--lang", "zh-TW"],
    );
    let json: Value =
        serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", out.stderr));
    let introduced = json["findings"]["introduced"].as_array().unwrap();
    let messages: Vec<&str> = introduced
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(messages.contains(&"未知的欄位 `colour`"), "{messages:?}");
    assert!(json["findings"]["fixed"].as_array().unwrap().is_empty());
}
