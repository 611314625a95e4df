//! The views in Chinese (issue 18): every `vsm table` view, every heat map of `vsm heatmap`
//! (terminal, Markdown, HTML, SVG) and the views' tables inside the reports, in Simplified and
//! Traditional Chinese; terminal tables stay aligned by display width; JSON and CSV, machine
//! interfaces, are the same in every language.

use std::collections::BTreeSet;

mod common;
use common::{model_dir, root, vsm};

fn example() -> String {
    root()
        .join("models/customer-service")
        .to_string_lossy()
        .into_owned()
}

/// `vsm ARGS` on the example model in a clean folder; asserts exit 0 and returns stdout.
fn run(args: &[&str]) -> String {
    let dir = model_dir(&[]);
    let out = vsm(dir.path())
        .env("COLUMNS", "160")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every line of the drawn tables is as wide as the others, counted by display width (a CJK
/// character takes two columns). One width per table: tables of one view can differ.
fn assert_aligned(what: &str, text: &str) {
    use unicode_width::UnicodeWidthStr;
    let mut widths: Vec<BTreeSet<usize>> = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if line.starts_with('╭') {
            widths.push(BTreeSet::new());
            inside = true;
        }
        if inside && line.starts_with(['│', '╭', '╞', '╰', '├']) {
            widths.last_mut().unwrap().insert(line.width());
        }
        if line.starts_with('╰') {
            inside = false;
        }
    }
    assert!(!widths.is_empty(), "{what}: no table in\n{text}");
    for w in &widths {
        assert_eq!(w.len(), 1, "{what}: rows of different widths {w:?}\n{text}");
    }
}

/// The first line of a drawn table (its header row), as text.
fn header_row(text: &str) -> &str {
    let start = text.find('╭').expect("a table");
    text[start..].lines().nth(1).unwrap()
}

/// A view, the words its zh-CN output has, the same in zh-TW, English words that must be gone.
type ViewCase<'a> = (&'a str, &'a [&'a str], &'a [&'a str], &'a [&'a str]);

#[test]
fn every_table_view_has_its_headers_and_notes_in_the_language_and_stays_aligned() {
    let cases: [ViewCase<'_>; 9] = [
        (
            "capabilities",
            &[
                "业务能力",
                "层级",
                "成熟度",
                "目标",
                "差距",
                "负责人",
                "价值项",
            ],
            &[
                "業務能力",
                "層級",
                "成熟度",
                "目標",
                "差距",
                "負責人",
                "價值項",
            ],
            &["Capability", "Maturity", "Owner"],
        ),
        (
            "priorities",
            &["按风险排序", "业务能力", "风险", "价值流"],
            &["依風險排序", "業務能力", "風險", "價值流"],
            &["Ranked by risk", "Capability", "Value streams"],
        ),
        (
            "processes",
            &["业务流程 / 步骤", "自动化", "实现的阶段", "是"],
            &["業務流程 / 步驟", "自動化", "實現的階段", "是"],
            &["Process / step", "Automated", " of 8 steps", "│ yes"],
        ),
        (
            "stakeholders",
            &[
                "利益相关方",
                "触发方",
                "★ 触发该价值流",
                "各利益相关方负责的内容",
            ],
            &[
                "利害關係人",
                "觸發方",
                "★ 觸發該價值流",
                "各利害關係人負責的內容",
            ],
            &["Stakeholder", "Trigger", "What each stakeholder owns"],
        ),
        (
            "information",
            &["信息", "业务对象", "流程步骤"],
            &["資訊", "業務物件", "流程步驟"],
            &["Information", "Business object"],
        ),
        (
            "handoffs",
            &["移交阶段", "出口条件", "接手阶段", "入口条件", "个交接"],
            &["移交階段", "出口條件", "接手階段", "入口條件", "個交接"],
            &["From stage", "Exit conditions", "hand-offs"],
        ),
        (
            "mapping",
            &["价值流", "阶段", "价值项", "业务流程", "业务对象"],
            &["價值流", "階段", "價值項", "業務流程", "業務物件"],
            &["Value items", "Business objects"],
        ),
        (
            "matrix",
            &["业务能力", "● 阶段直接列出该业务能力"],
            &["業務能力", "● 階段直接列出該業務能力"],
            &["Capability", "the stage lists"],
        ),
        (
            "commitments",
            &["服务承诺", "目标", "客户感知点", "子承诺", "预算使用"],
            &["服務承諾", "目標", "客戶感知點", "子承諾", "預算使用"],
            &["Commitment", "Budget use", "Perception point"],
        ),
    ];
    for (view, cn, tw, english) in cases {
        for (lang, words) in [("zh-CN", cn), ("zh-TW", tw)] {
            let text = run(&["table", &example(), "--view", view, "--lang", lang]);
            let what = format!("{view} {lang}");
            for word in words {
                assert!(text.contains(word), "{what}: no {word} in\n{text}");
            }
            for word in english {
                assert!(!text.contains(word), "{what}: English {word} in\n{text}");
            }
            assert_aligned(&what, &text);
        }
        // English is as it was: the first header is the English one.
        let text = run(&["table", &example(), "--view", view]);
        assert!(
            english.iter().any(|w| text.contains(w)),
            "{view} en:\n{text}"
        );
    }
}

#[test]
fn the_capability_table_in_chinese_pads_its_headers_by_display_width() {
    let text = run(&[
        "table",
        &example(),
        "--view",
        "capabilities",
        "--lang",
        "zh-CN",
    ]);
    // Each header cell holds its title and spaces, between the column rules; "层级" is two
    // characters but four columns wide, like the "Level" column's numbers below it.
    let header = header_row(&text);
    let cells: Vec<&str> = header.trim_matches('│').split('┆').map(str::trim).collect();
    assert_eq!(
        cells,
        [
            "业务能力",
            "层级",
            "成熟度",
            "目标",
            "差距",
            "重要性",
            "负责人",
            "阶段",
            "价值项",
            "业务流程"
        ]
    );
    assert_aligned("capabilities zh-CN", &text);
}

#[test]
fn json_and_csv_are_machine_interfaces_and_do_not_change_with_the_language() {
    for view in ["capabilities", "stakeholders", "handoffs", "commitments"] {
        for format in ["json", "csv"] {
            let english = run(&["table", &example(), "--view", view, "--format", format]);
            for lang in ["zh-CN", "zh-TW"] {
                let theirs = run(&[
                    "table",
                    &example(),
                    "--view",
                    view,
                    "--format",
                    format,
                    "--lang",
                    lang,
                ]);
                assert_eq!(theirs, english, "{view} {format} {lang}");
            }
        }
    }
}

#[test]
fn every_heat_map_in_the_terminal_is_in_the_language() {
    for (map, cn, tw) in [
        (
            "capabilities",
            ["能力热力图：成熟度差距", "图例：", "公式：差距 =", "无数据"],
            ["能力熱力圖：成熟度差距", "圖例：", "公式：差距 =", "無資料"],
        ),
        (
            "matrix",
            [
                "交叉映射热力图",
                "单元格：● 阶段直接列出该业务能力",
                "阶段：",
                "业务能力",
            ],
            [
                "交叉對應熱力圖",
                "儲存格：● 階段直接列出該業務能力",
                "階段：",
                "業務能力",
            ],
        ),
        (
            "stages",
            ["阶段热力图", "最大", "平均", "个业务能力"],
            ["階段熱力圖", "最大", "平均", "個業務能力"],
        ),
        (
            "quadrant",
            [
                "优先级象限",
                "立即行动 — 重要性高、差距大",
                "差距 3，风险 12",
                "图例：",
            ],
            [
                "優先順序象限",
                "立即行動 — 重要性高、差距大",
                "差距 3，風險 12",
                "圖例：",
            ],
        ),
    ] {
        for (lang, words) in [("zh-CN", cn), ("zh-TW", tw)] {
            let text = run(&["heatmap", &example(), "--map", map, "--lang", lang]);
            for word in words {
                assert!(text.contains(word), "{map} {lang}: no {word} in\n{text}");
            }
            for english in ["Legend:", "Formula:", "no data", "heat map", "Cells:"] {
                assert!(
                    !text.contains(english),
                    "{map} {lang}: English {english} in\n{text}"
                );
            }
        }
        // --lang en is the default.
        assert_eq!(
            run(&["heatmap", &example(), "--map", map, "--lang", "en"]),
            run(&["heatmap", &example(), "--map", map]),
            "{map}"
        );
    }
}

/// The stage heat map's terminal columns: the headers "最大" and "平均" are four columns wide
/// each, and the figures under them are right-aligned to the same edge.
#[test]
fn the_stage_heat_map_in_chinese_aligns_its_figures_under_their_headers() {
    use unicode_width::UnicodeWidthStr;
    let text = run(&[
        "heatmap",
        &example(),
        "--map",
        "stages",
        "--stream",
        "inbound-call",
        "--lang",
        "zh-TW",
    ]);
    let header = text
        .lines()
        .find(|l| l.trim_start().starts_with("最大"))
        .unwrap();
    // "     最大  平均  階段": the worst column ends after 5 + 4 columns, the mean after 2 + 4.
    assert_eq!(header, "     最大  平均  階段");
    let worst_end = "     最大".width();
    let mean_end = "     最大  平均".width();
    let first = text.lines().find(|l| l.contains("1. 接入与应答")).unwrap();
    // "███░    2   1.5  1. ...": the worst (2) ends at column 9, the mean (1.5) at 15.
    let prefix_to = |needle: &str| first[..first.find(needle).unwrap() + needle.len()].width();
    assert_eq!(prefix_to("   2"), worst_end, "{first}");
    assert_eq!(prefix_to("1.5"), mean_end, "{first}");
}

#[test]
fn heat_maps_as_markdown_html_and_svg_are_in_the_language() {
    let md = run(&[
        "heatmap",
        &example(),
        "--map",
        "stages",
        "--format",
        "md",
        "--lang",
        "zh-CN",
    ]);
    assert!(md.starts_with("## 阶段热力图：成熟度差距"), "{md}");
    assert!(md.contains("| # | 阶段 | 最大差距 | 平均差距 | 业务能力 | 热度 | 流向 |"));
    let html = run(&[
        "heatmap",
        &example(),
        "--map",
        "quadrant",
        "--format",
        "html",
        "--lang",
        "zh-TW",
    ]);
    assert!(
        html.contains("<html lang=\"zh-TW\">"),
        "the page says its language"
    );
    assert!(html.contains("Microsoft JhengHei"), "a CJK font stack");
    assert!(html.contains("<h1>"), "{html}");
    assert!(html.contains("優先順序象限：重要性 × 成熟度差距"));
    assert!(html.contains("立即行動"));
    assert!(!html.contains("Act now") && !html.contains("no data"));
    let svg = run(&[
        "heatmap",
        &example(),
        "--map",
        "matrix",
        "--format",
        "svg",
        "--lang",
        "zh-CN",
    ]);
    assert!(
        svg.contains("<title>交叉映射热力图：成熟度差距"),
        "{}",
        &svg[..400]
    );
    assert!(svg.contains("单元格：● 阶段直接列出该业务能力"));
    assert!(!svg.contains("Cells:") && !svg.contains("no data"));
    // An English page stays English.
    let html = run(&["heatmap", &example(), "--format", "html"]);
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Capability heat map: maturity gap"));
}

#[test]
fn the_html_report_writes_its_view_tables_and_heat_maps_in_the_language() {
    let dir = model_dir(&[]);
    for (lang, words, english) in [
        (
            "zh-CN",
            [
                "<th>业务能力</th>",
                "<th>服务承诺</th>",
                "<th>移交阶段</th>",
                "<th>利益相关方</th>",
                "各利益相关方负责的内容",
                "立即行动",
                "无数据",
                "处理 10 分钟",
                "单元格：● 阶段直接列出该业务能力",
                "负责人：",
            ],
            [
                "<th>Capability</th>",
                "<th>Commitment</th>",
                "<th>From stage</th>",
                "What each stakeholder owns",
                ">no data<",
                "process 10min",
                "Owner: ",
                "Cells: ",
            ],
        ),
        (
            "zh-TW",
            [
                "<th>業務能力</th>",
                "<th>服務承諾</th>",
                "<th>移交階段</th>",
                "<th>利害關係人</th>",
                "各利害關係人負責的內容",
                "立即行動",
                "無資料",
                "處理 10 分鐘",
                "儲存格：● 階段直接列出該業務能力",
                "負責人：",
            ],
            [
                "<th>Capability</th>",
                "<th>Commitment</th>",
                "<th>From stage</th>",
                "What each stakeholder owns",
                ">no data<",
                "process 10min",
                "Owner: ",
                "Cells: ",
            ],
        ),
    ] {
        let out = vsm(dir.path())
            .args(["report", &example(), "-o", "r.html", "--lang", lang])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let html = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
        for word in words {
            assert!(html.contains(word), "{lang}: no {word}");
        }
        for word in english {
            assert!(!html.contains(word), "{lang}: English {word}");
        }
    }
}

#[test]
fn the_impact_of_an_element_is_in_the_language_and_its_json_is_not() {
    let cn = run(&[
        "impact",
        "complaint-handling",
        &example(),
        "--lang",
        "zh-CN",
    ]);
    for words in [
        "价值流 complaint-handling · 全渠道客诉处理 (Omni-channel complaint handling) 的影响",
        "触发方（1）",
        "阶段（7）",
        "参与其阶段的利益相关方（10）",
        "经由 accept, agree-solution, callback",
    ] {
        assert!(cn.contains(words), "no {words} in\n{cn}");
    }
    assert!(!cn.contains("Impact of") && !cn.contains("via "), "{cn}");
    // A stage: an empty group says so in the language.
    let tw = run(&[
        "impact",
        "complaint-handling/accept",
        &example(),
        "--lang",
        "zh-TW",
        "--format",
        "md",
    ]);
    assert!(
        tw.starts_with("## 階段 complaint-handling/accept · "),
        "{tw}"
    );
    assert!(tw.contains("### 流入它的階段（0）\n\n_無。_"), "{tw}");
    let json = |lang: &str| {
        run(&[
            "impact",
            "complaint-handling",
            &example(),
            "--format",
            "json",
            "--lang",
            lang,
        ])
    };
    assert_eq!(json("zh-TW"), json("en"));
}
