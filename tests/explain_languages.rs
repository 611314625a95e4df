//! `vsm explain` and `vsm init` in English, Simplified and Traditional Chinese: the real binary
//! with `--lang`, `VSM_LANG` and `lang:` of vsm.yaml.

use std::path::Path;

mod common;
use common::{model_dir, root, run, vsm};

const LANGS: [(&str, &str); 3] = [("en", "en"), ("zh-CN", "zh_cn"), ("zh-TW", "zh_tw")];

fn snapshot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_path(root().join("tests/snapshots"));
    settings.bind(|| insta::assert_snapshot!(format!("explain_languages__{name}"), text));
}

/// `vsm explain ARGS` in `dir` at 80 columns, with `env`; asserts exit 0 and returns stdout.
fn explain(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = vsm(dir);
    cmd.env("COLUMNS", "80").arg("explain").args(args);
    for (name, value) in env {
        cmd.env(name, value);
    }
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn explain_vsm101_in_each_language() {
    let dir = model_dir(&[]);
    for (lang, name) in LANGS {
        let text = explain(dir.path(), &["VSM101", "--lang", lang], &[]);
        snapshot(&format!("vsm101_{name}"), &text);
    }
    // English is what it was before there were languages: the catalog's text.
    let english = explain(dir.path(), &["VSM101"], &[]);
    assert!(
        english.starts_with("VSM101 no-value-item (warning)\n\nthe stage delivers no value item")
    );
    assert!(english.contains("\nBad:\n\n    stages:\n"));
}

#[test]
fn explain_markdown_in_chinese_keeps_codes_names_and_examples() {
    let dir = model_dir(&[]);
    let text = explain(
        dir.path(),
        &["no-value-item", "--format", "markdown", "--lang", "zh-CN"],
        &[],
    );
    assert!(
        text.starts_with("## VSM101 no-value-item\n\n警告 · 该阶段不交付任何价值项"),
        "{text}"
    );
    assert!(text.contains(
        "\n\n错误示例：\n\n```yaml\nstages:\n  survey:\n    name: Satisfaction survey\n"
    ));
    assert!(text.contains("\n\n正确示例：\n\n```yaml\n"));

    let all = explain(
        dir.path(),
        &["--all", "--format", "markdown", "--lang", "zh-TW"],
        &[],
    );
    assert!(all.starts_with("# 規則\n"));
    assert!(
        all.contains("| [VSM207](#vsm207) | missing-description | 預設關閉 | 沒有描述的元素 |\n")
    );
    // Every rule once in the tables and once as a section, as in English.
    assert_eq!(all.matches("\n## VSM").count(), vsm::catalog::RULES.len());
    assert_eq!(all.matches("\n| [VSM").count(), vsm::catalog::RULES.len());
}

/// The listing of all rules, in Chinese: one line per rule at a width where every summary fits.
#[test]
fn explain_lists_every_rule_in_chinese() {
    let dir = model_dir(&[]);
    let out = vsm(dir.path())
        .env("COLUMNS", "400")
        .args(["explain", "--lang", "zh-TW"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), vsm::catalog::RULES.len());
    assert!(text
        .contains("VSM101  no-value-item                警告              該階段不交付任何價值項"));
    assert!(
        text.contains("VSM001  yaml-syntax                  錯誤，一律啟用    檔案不是有效的 YAML")
    );
}

/// The flag beats `VSM_LANG`, which beats `lang:` of the vsm.yaml found from the current folder,
/// which beats English; the locale does not choose.
#[test]
fn explain_takes_the_flag_then_the_environment_then_the_config() {
    let first_line = |text: String| text.lines().next().unwrap_or_default().to_string();
    let plain = model_dir(&[]);
    let english = "VSM104 missing-exit-conditions (warning)";
    assert_eq!(first_line(explain(plain.path(), &["VSM104"], &[])), english);
    assert_eq!(
        first_line(explain(
            plain.path(),
            &["VSM104"],
            &[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "zh_TW.UTF-8")]
        )),
        english,
        "the locale does not choose the language"
    );
    assert_eq!(
        first_line(explain(plain.path(), &["VSM104"], &[("VSM_LANG", "zh-TW")])),
        "VSM104 missing-exit-conditions (警告)"
    );

    // The config of the project the command runs in, found from a folder below it.
    let project = model_dir(&[
        ("vsm.yaml", "lang: zh-CN\n"),
        ("models/m.yaml", common::CLEAN),
    ]);
    let below = project.path().join("models");
    let text = explain(&below, &["VSM104"], &[]);
    assert!(text.contains("\n\n该阶段没有出口条件\n"), "{text}");
    let text = explain(&below, &["VSM104"], &[("VSM_LANG", "zh-TW")]);
    assert!(
        text.contains("\n\n該階段沒有出口條件\n"),
        "VSM_LANG over the config: {text}"
    );
    let text = explain(
        &below,
        &["VSM104", "--lang", "en"],
        &[("VSM_LANG", "zh-TW")],
    );
    assert!(
        text.contains("\n\nthe stage has no exit condition\n"),
        "the flag over all: {text}"
    );
}

/// A config that cannot be read does not keep anyone from looking a rule up: English, and a
/// warning on stderr. A language `vsm` does not have, named by the flag or `VSM_LANG`, is an
/// error.
#[test]
fn explain_with_a_broken_config_or_an_unknown_language() {
    let broken = model_dir(&[("vsm.yaml", "lang: zh-CM\nrules: {no-value-items: off}\n")]);
    let out = vsm(broken.path())
        .args(["explain", "VSM101"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("VSM101 no-value-item (warning)\n"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("warning: `lang:` not read, so the words are English: ")
            && stderr.contains("vsm.yaml"),
        "{stderr}"
    );
    // With the language given, the config is not read at all.
    let out = vsm(broken.path())
        .args(["explain", "VSM101", "--lang", "zh-CN"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");

    let out = vsm(broken.path())
        .args(["explain", "--lang", "zh"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "clap refuses a value it does not list"
    );
    let out = vsm(broken.path())
        .args(["explain", "VSM101"])
        .env("VSM_LANG", "fr")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("VSM_LANG: `fr` is not a language: use en, zh-CN or zh-TW"));
    assert!(out.stdout.is_empty());
}

/// `vsm init --lang`: the starter files in each language (snapshots: the English one is the
/// starter as it was), each clean under every rule, infos included.
#[test]
fn init_in_each_language_writes_a_clean_starter() {
    let dir = model_dir(&[]);
    for (lang, name) in LANGS {
        let init = run(dir.path(), &["init", name, "--lang", lang]);
        assert_eq!(init.code, 0, "{}", init.stderr);
        let project = dir.path().join(name);
        let config = std::fs::read_to_string(project.join("vsm.yaml")).unwrap();
        let model = std::fs::read_to_string(project.join("models/model.yaml")).unwrap();
        snapshot(
            &format!("init_{name}"),
            &format!("# ---- vsm.yaml\n{config}# ---- models/model.yaml\n{model}"),
        );
        let check = run(
            &project,
            &["check", "--format", "concise", "--fail-on", "info"],
        );
        assert_eq!(
            (check.code, check.stdout.as_str(), check.stderr.as_str()),
            (0, "", ""),
            "{lang}"
        );
        let next = match lang {
            "en" => format!("Wrote {name}/vsm.yaml and {name}/models/model.yaml. Next: `vsm check` in `{name}`.\n"),
            "zh-CN" => format!("已写入 {name}/vsm.yaml 和 {name}/models/model.yaml。下一步：在 `{name}` 中运行 `vsm check`。\n"),
            _ => format!("已寫入 {name}/vsm.yaml 和 {name}/models/model.yaml。下一步：在 `{name}` 中執行 `vsm check`。\n"),
        };
        assert_eq!(init.stderr, next);
    }
    // The Chinese config names its language, so the project's reports are written in it.
    let project = dir.path().join("zh_tw");
    let report = run(&project, &["report", "-o", "r.md"]);
    assert_eq!(report.code, 0, "{}", report.stderr);
    let text = std::fs::read_to_string(project.join("r.md")).unwrap();
    assert!(text.starts_with("# 進線服務\n"), "{text}");
    assert!(text.contains("\n## 概覽\n"), "{text}");
}

#[test]
fn init_takes_vsm_lang_and_says_next_steps_in_it() {
    let dir = model_dir(&[]);
    let out = vsm(dir.path())
        .args(["init"])
        .env("VSM_LANG", "zh-CN")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "已写入 ./vsm.yaml 和 ./models/model.yaml。下一步：`vsm check`。\n"
    );
    let config = std::fs::read_to_string(dir.path().join("vsm.yaml")).unwrap();
    assert!(config.contains("\nlang: zh-CN "), "{config}");
    let model = std::fs::read_to_string(dir.path().join("models/model.yaml")).unwrap();
    assert!(model.contains("  customer: {name: 客户, type: external}\n"));
}
