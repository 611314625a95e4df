//! Reports in English, Simplified and Traditional Chinese (`--lang`, `VSM_LANG`, `lang:` in
//! vsm.yaml), and the message files: every key in every language, every key used.

use std::collections::BTreeSet;
use std::path::Path;

mod common;
use common::{model_dir, root, vsm};

fn example() -> String {
    root()
        .join("models/customer-service")
        .to_string_lossy()
        .into_owned()
}

/// `vsm report MODEL -o FILE ARGS` in `dir` (with `env`); asserts exit 0 and returns the file.
fn report(dir: &Path, model: &str, file: &str, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = vsm(dir);
    cmd.args(["report", model, "-o", file]).args(args);
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
    std::fs::read_to_string(dir.join(file)).unwrap()
}

fn snapshot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_path(root().join("tests/snapshots"));
    settings.bind(|| insta::assert_snapshot!(format!("languages__{name}"), text));
}

#[test]
fn the_markdown_report_in_simplified_and_traditional_chinese() {
    let dir = model_dir(&[]);
    for (lang, name) in [("zh-CN", "report_md_zh_cn"), ("zh-TW", "report_md_zh_tw")] {
        let text = report(dir.path(), &example(), "r.md", &["--lang", lang], &[]);
        snapshot(name, &text);
    }
}

#[test]
fn the_html_report_says_its_language_and_titles_its_sections_in_it() {
    let dir = model_dir(&[]);
    let cases = [
        (
            "en",
            [
                "Overview",
                "Value streams",
                "Capability heat map",
                "Service commitments",
                "Perception points",
                "Findings",
            ],
        ),
        (
            "zh-CN",
            [
                "概览",
                "价值流",
                "能力热力图",
                "服务承诺",
                "客户感知点",
                "检查结果",
            ],
        ),
        (
            "zh-TW",
            [
                "概覽",
                "價值流",
                "能力熱力圖",
                "服務承諾",
                "客戶感知點",
                "檢查結果",
            ],
        ),
    ];
    for (lang, titles) in cases {
        let html = report(dir.path(), &example(), "r.html", &["--lang", lang], &[]);
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{lang}");
        for title in titles {
            assert!(
                html.contains(&format!("<h2>{title}</h2>"))
                    || html.contains(&format!("<h2 id=\"value-streams\">{title}</h2>")),
                "{lang}: no section titled {title}"
            );
        }
        // Durations in the language: the complaint stream's targets and flow figures.
        let cjk_font = html.contains("Microsoft YaHei\",\"Noto Sans CJK SC")
            || html.contains("Microsoft JhengHei\",\"Noto Sans CJK TC");
        assert_eq!(
            cjk_font,
            lang != "en",
            "{lang}: the CJK font stack is for Chinese pages"
        );
    }
    let cn = report(dir.path(), &example(), "r.html", &["--lang", "zh-CN"], &[]);
    // The example has 8 model files: the footer counts them in Chinese.
    assert!(cn.contains("<footer>由 vsm "), "footer");
    assert!(cn.contains("根据 8 个模型文件生成"), "footer");
    // Rule codes and model text stay as written.
    assert!(cn.contains("全渠道客诉处理"));
    assert!(!cn.contains("<h2>Overview</h2>"));
    // The stage template's and the mapping table's headers.
    for header in [
        "<th>入口条件</th>",
        "<th>出口条件</th>",
        "<th>业务对象</th>",
        "<dt>触发方</dt>",
    ] {
        assert!(cn.contains(header), "{header}");
    }
}

/// The flag beats `VSM_LANG`, which beats `lang:` in vsm.yaml, which beats English.
#[test]
fn flag_then_environment_then_config_then_english() {
    let model = "value_streams:\n  order:\n    name: Order\n    stages:\n      take: {name: Take, value_items: [{name: Taken}]}\n";
    let overview = |text: &str| {
        ["## Overview", "## 概览", "## 概覽"]
            .into_iter()
            .find(|h| text.contains(&format!("{h}\n")))
            .unwrap_or("none")
            .to_string()
    };
    let plain = model_dir(&[("m.yaml", model)]);
    let text = report(plain.path(), "m.yaml", "r.md", &[], &[]);
    assert_eq!(overview(&text), "## Overview", "English by default");
    assert!(
        text.starts_with("# Value stream report\n"),
        "a model without a name: the default title"
    );
    let text = report(
        plain.path(),
        "m.yaml",
        "r.md",
        &[],
        &[("LANG", "zh_CN.UTF-8"), ("LC_MESSAGES", "zh_TW.UTF-8")],
    );
    assert_eq!(
        overview(&text),
        "## Overview",
        "the locale does not choose the language"
    );

    let configured = model_dir(&[("m.yaml", model), ("vsm.yaml", "lang: zh-TW\n")]);
    let text = report(configured.path(), "m.yaml", "r.md", &[], &[]);
    assert_eq!(overview(&text), "## 概覽", "the config's language");
    assert!(
        text.starts_with("# 價值流報告\n"),
        "the default title in the language"
    );
    let text = report(
        configured.path(),
        "m.yaml",
        "r.md",
        &[],
        &[("VSM_LANG", "zh-CN")],
    );
    assert_eq!(overview(&text), "## 概览", "VSM_LANG over the config");
    let text = report(
        configured.path(),
        "m.yaml",
        "r.md",
        &["--lang", "en"],
        &[("VSM_LANG", "zh-CN")],
    );
    assert_eq!(overview(&text), "## Overview", "the flag over VSM_LANG");
}

#[test]
fn a_language_vsm_does_not_have_exits_2_and_says_where_it_was_set() {
    let model = "value_streams:\n  order:\n    name: Order\n";
    let dir = model_dir(&[("m.yaml", model)]);
    let out = vsm(dir.path())
        .args(["report", "m.yaml", "-o", "r.md"])
        .env("VSM_LANG", "fr")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("VSM_LANG: `fr` is not a language: use en, zh-CN or zh-TW"),
        "{stderr}"
    );
    assert!(!dir.path().join("r.md").exists(), "nothing is written");

    let dir = model_dir(&[
        ("m.yaml", model),
        ("vsm.yaml", "paths: [m.yaml]\nlang: zh-cm\n"),
    ]);
    let out = vsm(dir.path())
        .args(["report", "-o", "r.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("vsm.yaml:2:7: `zh-cm` is not a language: use en, zh-CN or zh-TW (did you mean `zh-CN`?)"), "{stderr}");

    let out = vsm(dir.path())
        .args(["report", "m.yaml", "-o", "r.md", "--lang", "zh"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "clap refuses a value it does not list"
    );
}

// ---------------------------------------------------------------------------------------------
// The message files
// ---------------------------------------------------------------------------------------------

const LANGS: [&str; 3] = ["en", "zh-CN", "zh-TW"];

/// The message keys of one language's files: lines `key = ...` at the start of a line.
fn keys(lang: &str) -> BTreeSet<String> {
    let mut text = String::new();
    for entry in std::fs::read_dir(root().join(format!("locales/{lang}"))).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ftl") {
            text.push_str(&std::fs::read_to_string(&path).unwrap());
            text.push('\n');
        }
    }
    text.lines()
        .filter_map(|line| {
            let (key, _) = line.split_once(" =")?;
            let is_key = key.starts_with(|c: char| c.is_ascii_lowercase())
                && key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            is_key.then(|| key.to_string())
        })
        .collect()
}

/// Every Rust source file and template of the program (not the tests).
fn program_text() -> String {
    let mut text = String::new();
    let mut stack = vec![root().join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
                text.push_str(&std::fs::read_to_string(&path).unwrap());
                text.push('\n');
            }
        }
    }
    text
}

/// The quoted strings of `text` that look like message keys of the families the program uses
/// (`"section-overview"`, `"card-errors"`, ...).
fn keys_named(text: &str) -> BTreeSet<String> {
    const FAMILIES: [&str; 24] = [
        "html-",
        "flow-",
        "stages-",
        "unit-",
        "report-",
        "section-",
        "empty-",
        "intro-",
        "col-",
        "count-",
        "badge-",
        "findings-",
        "finding-",
        "severity-",
        "generated-",
        "tag-",
        "card-",
        "explain-",
        "init-",
        "view-",
        "heatmap-",
        "bars-",
        "graph-",
        "impact-",
    ];
    text.split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            FAMILIES.iter().any(|f| s.starts_with(f))
                && s.len() < 48
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        .map(str::to_string)
        .chain(
            text.split('"')
                .skip(1)
                .step_by(2)
                .filter(|s| *s == "footer-html")
                .map(str::to_string),
        )
        .collect()
}

#[test]
fn every_language_has_the_same_keys() {
    let english = keys("en");
    assert!(
        english.len() > 50,
        "the key reader found {} keys",
        english.len()
    );
    for lang in &LANGS[1..] {
        let theirs = keys(lang);
        let missing: Vec<_> = english.difference(&theirs).collect();
        let extra: Vec<_> = theirs.difference(&english).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang}: missing {missing:?}, not in en {extra:?}"
        );
    }
}

/// The keys of finding messages: the first argument of every `says!(` in the program.
fn keys_said(text: &str) -> BTreeSet<String> {
    text.split("says!(")
        .skip(1)
        .filter_map(|rest| {
            let rest = rest.trim_start().strip_prefix('"')?;
            Some(rest[..rest.find('"')?].to_string())
        })
        .collect()
}

/// `explain-<rule name>-summary` and `explain-<rule name>-text` of a rule that exists: a key
/// naming no rule is not exempt, so it shows as unused.
fn is_a_rules_explanation_key(key: &str) -> bool {
    vsm::catalog::RULES
        .iter()
        .any(|rule| key == rule.summary_key() || key == rule.explanation_key())
}

#[test]
fn every_key_is_used_and_every_key_used_exists() {
    let program = program_text();
    let said = keys_said(&program);
    assert!(
        said.contains("no-value-item"),
        "the says! reader found {said:?}"
    );
    let english = keys("en");
    let unknown: Vec<_> = said.difference(&english).collect();
    assert!(
        unknown.is_empty(),
        "says! names keys no message file has: {unknown:?}"
    );
    let english = keys("en");
    let unused: Vec<_> = english
        .iter()
        .filter(|key| !program.contains(&format!("\"{key}\"")))
        // A rule's summary and explanation keys are built from its name at run time
        // (`Rule::summary_key`); the catalog's tests check each rule has them in each language.
        .filter(|key| !is_a_rules_explanation_key(key))
        .collect();
    assert!(unused.is_empty(), "keys no source names: {unused:?}");
    let named = keys_named(&program);
    let unknown: Vec<_> = named.difference(&english).collect();
    assert!(
        unknown.is_empty(),
        "the source names keys no message file has: {unknown:?}"
    );
}

/// `vsm table` in Chinese: the stages and flow views' headers and notes are translated, and the
/// terminal table stays aligned (every line of the table as wide as the others, by display
/// width: a CJK character takes two columns).
#[test]
fn terminal_tables_in_chinese_stay_aligned() {
    use unicode_width::UnicodeWidthStr;
    let dir = model_dir(&[]);
    for (view, lang, words) in [
        (
            "stages",
            "zh-CN",
            ["阶段", "入口条件", "出口条件", "价值项", "触发方："],
        ),
        (
            "stages",
            "zh-TW",
            ["階段", "入口條件", "出口條件", "價值項", "觸發方："],
        ),
        (
            "flow",
            "zh-CN",
            ["阶段", "处理时间", "等待时间", "前置时间", "关键路径："],
        ),
    ] {
        let out = vsm(dir.path())
            .env("COLUMNS", "160")
            .args([
                "table",
                &example(),
                "--view",
                view,
                "--lang",
                lang,
                "--stream",
                "complaint-handling",
            ])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        for word in words {
            assert!(text.contains(word), "{view} {lang}: no {word} in\n{text}");
        }
        let widths: BTreeSet<usize> = text
            .lines()
            .filter(|l| l.starts_with(['│', '╭', '╞', '╰', '├']))
            .map(UnicodeWidthStr::width)
            .collect();
        assert_eq!(
            widths.len(),
            1,
            "{view} {lang}: rows of different widths {widths:?}\n{text}"
        );
    }
}

/// The line `vsm report` ends with on stderr is in the report's language; English keeps its
/// plural forms. The example model: 3 value streams, 18 stages, no findings.
#[test]
fn the_report_says_what_it_wrote_in_its_language() {
    let dir = model_dir(&[]);
    for (lang, start, middle) in [
        (
            "en",
            "Wrote r.md (",
            "; 3 value streams, 18 stages; 0 errors, 0 warnings, 0 infos) in ",
        ),
        (
            "zh-CN",
            "已写入 r.md（",
            "；3 个价值流、18 个阶段；0 个错误、0 个警告、0 个提示），用时 ",
        ),
        (
            "zh-TW",
            "已寫入 r.md（",
            "；3 個價值流、18 個階段；0 個錯誤、0 個警告、0 個提示），用時 ",
        ),
    ] {
        let out = vsm(dir.path())
            .args(["report", &example(), "-o", "r.md", "--lang", lang])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{lang}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.starts_with(start), "{lang}: {stderr}");
        assert!(stderr.contains(middle), "{lang}: {stderr}");
    }
    // One of each: the singular forms.
    let one = model_dir(&[(
        "m.yaml",
        "value_streams:\n  s:\n    name: S\n    stages:\n      a: {name: A}\n",
    )]);
    let out = vsm(one.path())
        .args(["report", "m.yaml", "-o", "r.md"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("; 1 value stream, 1 stage; 1 error, "),
        "{stderr}"
    );
}
