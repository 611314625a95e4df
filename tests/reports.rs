//! `vsm table`, `vsm heatmap`, `vsm graph` and `vsm report` as a user runs them: snapshots of
//! every view and format on models/customer-service, exit codes, atomic writes, and the hostile
//! model of tests/fixtures/xss in every output.
//!
//! The browser checks of the HTML report (no script, no request, literal text, screenshot) and
//! the Mermaid parse of the Markdown report live in tests/browser/ and run from .ci/run.

use assert_cmd::Command;
use std::path::Path;
use unicode_width::UnicodeWidthStr;

mod common;
use common::{model_dir, root};

fn example() -> String {
    root()
        .join("models/customer-service")
        .to_string_lossy()
        .into_owned()
}

fn hostile() -> String {
    root()
        .join("tests/fixtures/xss")
        .to_string_lossy()
        .into_owned()
}

/// `common::vsm` with a terminal width of 100 columns, for stable tables.
fn vsm(dir: &Path) -> Command {
    let mut cmd = common::vsm(dir);
    cmd.env("COLUMNS", "100");
    cmd
}

/// Runs `vsm ARGS` in a clean folder; asserts exit 0 and returns stdout.
fn run(args: &[&str]) -> String {
    let dir = model_dir(&[]);
    let out = vsm(dir.path()).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "vsm {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn snapshot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_path(root().join("tests/snapshots"));
    settings.add_filter(&regex_escape(&root().to_string_lossy()), "[ROOT]");
    settings.bind(|| insta::assert_snapshot!(format!("reports__{name}"), text));
}

fn regex_escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Snapshots on the example model
// ---------------------------------------------------------------------------------------------

#[test]
fn table_views_in_every_format() {
    for view in common::views() {
        for format in ["term", "md", "csv", "json"] {
            let out = run(&["table", &example(), "--view", view, "--format", format]);
            let out = if format == "csv" {
                assert!(out.ends_with("\r\n"), "{view}: CSV records end with CRLF");
                out.replace("\r\n", "␍\n")
            } else {
                out
            };
            snapshot(&format!("table_{view}_{format}"), &out);
        }
    }
}

#[test]
fn table_of_one_stream() {
    for view in common::views() {
        let out = run(&[
            "table",
            &example(),
            "--view",
            view,
            "--stream",
            "inbound-call",
            "--format",
            "md",
        ]);
        snapshot(&format!("table_{view}_stream"), &out);
    }
}

#[test]
fn heatmap_in_every_format_and_measure() {
    for format in ["term", "md", "html", "svg"] {
        let out = run(&["heatmap", &example(), "--format", format]);
        snapshot(&format!("heatmap_gap_{format}"), &out);
    }
    for by in ["maturity", "importance", "usage", "risk"] {
        let out = run(&["heatmap", &example(), "--by", by]);
        snapshot(&format!("heatmap_{by}_term"), &out);
        let out = run(&["heatmap", &example(), "--by", by, "--format", "md"]);
        snapshot(&format!("heatmap_{by}_md"), &out);
    }
}

#[test]
fn graphs() {
    snapshot("graph_mermaid", &run(&["graph", &example()]));
    snapshot("graph_dot", &run(&["graph", &example(), "--format", "dot"]));
    snapshot(
        "graph_mermaid_links",
        &run(&["graph", &example(), "--stream", "inbound-call", "--links"]),
    );
    snapshot(
        "graph_dot_links",
        &run(&[
            "graph",
            &example(),
            "--stream",
            "inbound-call",
            "--links",
            "--format",
            "dot",
        ]),
    );
}

#[test]
fn markdown_report() {
    let dir = model_dir(&[]);
    let out = vsm(dir.path())
        .args(["report", &example(), "-o", "report.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(dir.path().join("report.md")).unwrap();
    snapshot("report_md", &text);
}

// ---------------------------------------------------------------------------------------------
// The HTML report
// ---------------------------------------------------------------------------------------------

fn html_report(model: &str, extra: &[&str]) -> String {
    let dir = model_dir(&[]);
    let out = vsm(dir.path())
        .args(["report", model, "-o", "out.html"])
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(dir.path().join("out.html")).unwrap()
}

/// Where each of `needles` first stands in `text`, failing on one that is missing.
fn positions(text: &str, needles: &[&str]) -> Vec<usize> {
    needles
        .iter()
        .map(|n| text.find(n).unwrap_or_else(|| panic!("missing {n}")))
        .collect()
}

#[test]
fn html_report_is_one_self_contained_file_with_its_sections_in_order() {
    let html = html_report(&example(), &[]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.to_lowercase().contains("<script"), "no script");
    assert!(!html.contains("://"), "no URL of any scheme");
    assert!(
        html.matches("url(").count() == html.matches("url(#arrow)").count(),
        "no url() but the in-page arrow marker"
    );
    assert!(
        !html.contains("<link") && !html.contains("<img"),
        "nothing linked"
    );
    assert!(html.contains("Content-Security-Policy"));
    assert!(
        html.contains("<title>客服中心价值流模型 (Customer service centre value streams)</title>")
    );
    // The sections a reader meets, in order: one per value stream (the model has three),
    // each with its flow, stage template, mapping and matrix.
    let order = positions(
        &html,
        &[
            "<nav class=\"toc\"",
            "<section id=\"overview\"",
            "<section class=\"stream\" id=\"stream-0\">",
            "<svg class=\"flow",
            "<table class=\"stages\">",
            "<table class=\"mapping\">",
            "<h3>Flow figures</h3>",
            "<svg class=\"fbar",
            "<table class=\"matrix\">",
            "<section class=\"stream\" id=\"stream-1\">",
            "<section class=\"stream\" id=\"stream-2\">",
            "<section id=\"capabilities\"",
            "class=\"heatmap\"",
            "<section id=\"priorities\"",
            "<section id=\"commitments\"",
            "<section id=\"perceptions\"",
            "<section id=\"findings\"",
            "<footer>",
        ],
    );
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert_eq!(html.matches("<section class=\"stream\"").count(), 3);
}

/// The `<svg class="fbar` charts of an HTML report, each parsed as XML: per chart, the
/// `<title>` of each bar (stage name and figures).
fn flow_bar_titles(html: &str) -> Vec<Vec<String>> {
    html.split("<svg class=\"fbar")
        .skip(1)
        .map(|rest| {
            let svg = format!(
                "<svg class=\"fbar{}</svg>",
                rest.split("</svg>").next().unwrap()
            );
            let doc = roxmltree::Document::parse(&svg).expect("the flow bars are well-formed XML");
            doc.root_element()
                .children()
                .filter(|g| g.has_tag_name("g"))
                .map(|g| g.first_element_child().unwrap().text().unwrap().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn html_report_draws_the_flow_bars_of_each_stream_with_the_flow_views_figures() {
    let html = html_report(&example(), &[]);
    assert_eq!(html.matches("<h3>Flow figures</h3>").count(), 3);
    let charts = flow_bar_titles(&html);
    // One bar per stage of each critical path: complaint handling 6 (callback is off the
    // path), inbound call 5, outsourced service 6 (all on the path, 5 without times).
    let lengths: Vec<usize> = charts.iter().map(Vec::len).collect();
    assert_eq!(lengths, [6, 5, 6]);
    assert_eq!(
        charts[0][0],
        "受理 (Accept the complaint): process 10min · wait 20min · lead 30min"
    );
    assert_eq!(charts[2][0], "需求调研 (Needs research): no times");
    // The stream's figures are the notes of the flow view, as the Markdown report says them.
    for note in [
        "<li>Lead time: 24d 5h 30min</li>",
        "<li>Flow efficiency: 26.7%</li>",
        "<li>Shortest path lead time: 4d 3h 45min</li>",
        "<li>Lead time: ≥ 15d, 5 of 6 stages have no times</li>",
        "<li>Flow efficiency: 94.6%</li>",
    ] {
        assert!(html.contains(note), "{note}");
    }

    // A stream without times says so and draws nothing; a hostile name with times is text
    // in the bars and their titles.
    let evil = "<script>alert(1)</script>";
    let model = format!(
        "value_streams:\n  a:\n    name: A\n    stages:\n      x: {{name: X}}\n  \
         b:\n    name: B\n    stages:\n      y: {{name: '{evil}', process_time: 1h, wait_time: 3h}}\n"
    );
    let dir = model_dir(&[("m.yaml", &model)]);
    vsm(dir.path())
        .args(["report", "m.yaml", "-o", "out.html"])
        .assert()
        .code(0);
    let html = std::fs::read_to_string(dir.path().join("out.html")).unwrap();
    assert!(html.contains("<p class=\"muted\">No stage has a process or wait time.</p>"));
    assert!(!html.to_lowercase().contains("<script"));
    assert_eq!(
        flow_bar_titles(&html),
        [[format!("{evil}: process 1h · wait 3h · lead 4h")]]
    );
}

#[test]
fn report_summaries_count_in_the_singular_for_one() {
    // One stream of one stage: no trigger (1 error) and five stage warnings.
    let model = "value_streams:\n  s:\n    name: S\n    description: d\n    stages:\n      a: {name: A, description: d}\n";
    let dir = model_dir(&[("m.yaml", model)]);
    for file in ["out.html", "out.md"] {
        let out = vsm(dir.path())
            .args(["report", "m.yaml", "-o", file])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "a report is written despite findings"
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        let summary = stderr.split(" KB; ").nth(1).unwrap_or_default();
        assert!(
            summary.starts_with("1 value stream, 1 stage; 1 error, 5 warnings, 0 infos) in "),
            "{stderr}"
        );
    }
    let md = std::fs::read_to_string(dir.path().join("out.md")).unwrap();
    assert!(
        md.contains("\n**Findings:** 1 error · 5 warnings · 0 infos\n"),
        "{md}"
    );
    let html = std::fs::read_to_string(dir.path().join("out.html")).unwrap();
    let cards = &html[html.find("<h3>Findings by severity</h3>").unwrap()..];
    let labels: Vec<&str> = cards
        .split("<span class=\"l\">")
        .skip(1)
        .take(3)
        .map(|c| c.split('<').next().unwrap())
        .collect();
    assert_eq!(labels, ["error", "warnings", "infos"]);
}

#[test]
fn hostile_text_never_becomes_markup() {
    let html = html_report(&hostile(), &[]);
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"));
    assert!(!lower.contains("<img"));
    // Every tag is one vsm writes itself.
    let allowed = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2",
        "h3", "p", "nav", "strong", "ol", "li", "a", "span", "section", "div", "table", "colgroup",
        "col", "thead", "tbody", "tr", "th", "td", "ul", "br", "dl", "dt", "dd", "svg", "defs",
        "marker", "path", "g", "rect", "circle", "text", "tspan", "footer",
    ];
    for tag in html.split('<').skip(1) {
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect::<String>()
            .to_lowercase();
        assert!(allowed.contains(&name.as_str()), "unexpected tag <{name}");
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("客服中心"));
    // The title is the escaped model name.
    let title = &html[html.find("<title>").unwrap()..html.find("</title>").unwrap()];
    assert!(!title[7..].contains('<'));

    let dir = model_dir(&[]);
    vsm(dir.path())
        .args(["report", &hostile(), "-o", "x.md"])
        .assert()
        .code(0);
    let md = std::fs::read_to_string(dir.path().join("x.md")).unwrap();
    let lower = md.to_lowercase();
    assert!(!lower.contains("<script") && !lower.contains("<img"));
    assert!(md.contains("&lt;script&gt;alert\\(1\\)") || md.contains("&lt;script&gt;alert(1)"));
    check_md_tables(&md);
    for block in mermaid_blocks(&md) {
        check_mermaid_labels(&block);
    }

    let mermaid = run(&["graph", &hostile(), "--links"]);
    check_mermaid_labels(&mermaid);
    let dot = run(&["graph", &hostile(), "--links", "--format", "dot"]);
    check_dot(&dot);

    for view in common::views() {
        let md = run(&["table", &hostile(), "--view", view, "--format", "md"]);
        assert!(!md.to_lowercase().contains("<script"), "{view}");
        check_md_tables(&md);
        let csv = run(&["table", &hostile(), "--view", view, "--format", "csv"]);
        let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
        let width = reader.headers().unwrap().len();
        let mut rows = 0;
        for record in reader.records() {
            let record = record.unwrap();
            assert_eq!(record.len(), width, "{view}");
            rows += 1;
        }
        assert!(rows > 0, "{view}");
        assert!(
            csv.contains("<script>alert(1)</script>"),
            "CSV keeps text as is"
        );
        let json: serde_json::Value = serde_json::from_str(&run(&[
            "table",
            &hostile(),
            "--view",
            view,
            "--format",
            "json",
        ]))
        .unwrap();
        assert_eq!(json["view"], view);
    }
    let svg = run(&["heatmap", &hostile(), "--format", "svg"]);
    assert!(!svg.to_lowercase().contains("<script") && !svg.contains("<img"));
}

fn mermaid_blocks(md: &str) -> Vec<String> {
    md.split("```mermaid\n")
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap().to_string())
        .collect()
}

/// Every label is one quoted string: two quotes a node line, none inside.
fn check_mermaid_labels(text: &str) {
    for line in text.lines() {
        let quotes = line.matches('"').count();
        assert!(quotes == 0 || quotes == 2, "label quoting: {line}");
        assert!(
            !line.contains('<') || line.contains("<br>"),
            "raw markup: {line}"
        );
    }
}

/// Quotes balance on every line (an escaped quote is `\"`).
fn check_dot(text: &str) {
    for line in text.lines() {
        let mut open = false;
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' if open => {
                    chars.next();
                }
                '"' => open = !open,
                _ => {}
            }
        }
        assert!(!open, "unbalanced quotes: {line}");
    }
}

/// Every row of every GFM table has as many cells as its header.
fn check_md_tables(md: &str) {
    let lines: Vec<&str> = md.lines().collect();
    let cells = |l: &str| l.replace("\\|", "").matches('|').count();
    for i in 0..lines.len().saturating_sub(1) {
        if lines[i].starts_with('|') && lines[i + 1].starts_with("| ---") {
            let n = cells(lines[i]);
            for row in lines[i + 2..].iter().take_while(|l| l.starts_with('|')) {
                assert_eq!(cells(row), n, "row: {row}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Options, exit codes, files
// ---------------------------------------------------------------------------------------------

#[test]
fn report_format_comes_from_the_extension_or_the_flag() {
    let dir = model_dir(&[]);
    vsm(dir.path())
        .args(["report", &example(), "-o", "a.htm"])
        .assert()
        .code(0);
    assert!(std::fs::read_to_string(dir.path().join("a.htm"))
        .unwrap()
        .starts_with("<!DOCTYPE html>"));
    vsm(dir.path())
        .args(["report", &example(), "-o", "b.txt", "--format", "md"])
        .assert()
        .code(0);
    assert!(std::fs::read_to_string(dir.path().join("b.txt"))
        .unwrap()
        .starts_with("# "));
    let out = vsm(dir.path())
        .args(["report", &example(), "-o", "c.pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--format html|md"));
    assert!(!dir.path().join("c.pdf").exists());
}

#[test]
fn report_title_flag_config_model_name() {
    let model = "value_streams:\n  s:\n    name: S\n    trigger: c\n    stages:\n      a: {name: A, value_items: [V], stakeholders: [c], entry_conditions: [x], exit_conditions: [y], capabilities: [k]}\nstakeholders:\n  c: {name: C}\ncapabilities:\n  k: {name: K}\n";
    let title = |dir: &Path, extra: &[&str]| {
        vsm(dir)
            .args(["report", "model", "-o", "r.md"])
            .args(extra)
            .assert()
            .code(0);
        let md = std::fs::read_to_string(dir.join("r.md")).unwrap();
        md.lines().next().unwrap().to_string()
    };
    let bare = model_dir(&[("model/m.yaml", model)]);
    assert_eq!(title(bare.path(), &[]), "# Value stream report");
    let named = model_dir(&[(
        "model/m.yaml",
        &format!("model: {{name: Named model}}\n{model}"),
    )]);
    assert_eq!(title(named.path(), &[]), "# Named model");
    let configured = model_dir(&[
        (
            "model/m.yaml",
            &format!("model: {{name: Named model}}\n{model}"),
        ),
        (
            "vsm.yaml",
            "report:\n  title: From config\n  heatmap_by: importance\n",
        ),
    ]);
    assert_eq!(title(configured.path(), &[]), "# From config");
    let md = std::fs::read_to_string(configured.path().join("r.md")).unwrap();
    assert!(
        md.contains("Coloured by strategic importance"),
        "heatmap_by from config"
    );
    assert_eq!(
        title(configured.path(), &["--title", "From flag"]),
        "# From flag"
    );
    // `vsm heatmap` takes the measure from the config too.
    let out = vsm(configured.path())
        .args(["heatmap", "model"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("strategic importance"));
}

#[test]
fn report_replaces_the_file_atomically_and_fails_with_2_when_it_cannot_write() {
    let dir = model_dir(&[("out.html", "old")]);
    vsm(dir.path())
        .args(["report", &example(), "-o", "out.html"])
        .assert()
        .code(0);
    assert!(std::fs::read_to_string(dir.path().join("out.html"))
        .unwrap()
        .contains("<!DOCTYPE html>"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".vsm-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    let out = vsm(dir.path())
        .args(["report", &example(), "-o", "no/such/folder/out.html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write"));
}

#[test]
fn a_model_that_cannot_be_loaded_stops_the_report_with_1() {
    let dir = model_dir(&[("m/model.yaml", "value_streams: [unclosed\n")]);
    let out = vsm(dir.path())
        .args(["report", "m", "-o", "out.html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("VSM001"), "{stderr}");
    assert!(!dir.path().join("out.html").exists());
    for command in ["table", "heatmap", "graph"] {
        vsm(dir.path()).args([command, "m"]).assert().code(1);
    }
    // No model files at all: exit 2.
    let empty = model_dir(&[("m/readme.txt", "x")]);
    vsm(empty.path())
        .args(["report", "m", "-o", "out.html"])
        .assert()
        .code(2);
}

#[test]
fn top_keeps_the_highest_risks_and_applies_to_the_priorities_view_only() {
    let json: serde_json::Value = serde_json::from_str(&run(&[
        "table",
        &example(),
        "--view",
        "priorities",
        "--top",
        "3",
        "--format",
        "json",
    ]))
    .unwrap();
    // The three critical capabilities at maturity 1 of target 4: risk 4 × 3 = 12 each.
    let ranked: Vec<(&str, i64)> = json["capabilities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["risk"].as_i64().unwrap()))
        .collect();
    assert_eq!(
        ranked,
        [
            ("complaint-governance", 12),
            ("root-cause-analysis", 12),
            ("commitment-monitoring", 12)
        ]
    );
    assert_eq!(json["counts"]["ranked"], 34);
    let dir = model_dir(&[]);
    for args in [
        &["--view", "capabilities", "--top", "3"][..],
        &["--top", "3"][..],
        &["--view", "priorities", "--top", "0"][..],
    ] {
        let out = vsm(dir.path())
            .args(["table", &example()])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("--top"),
            "{args:?}"
        );
    }
}

#[test]
fn unknown_stream_is_exit_2_with_a_hint() {
    let dir = model_dir(&[]);
    let out = vsm(dir.path())
        .args(["table", &example(), "--stream", "inbound-cal"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("did you mean `inbound-call`"), "{stderr}");
    vsm(dir.path())
        .args(["graph", &example(), "--stream", "nope"])
        .assert()
        .code(2);
}

#[test]
fn terminal_tables_fit_the_width_and_keep_chinese_aligned() {
    for columns in ["60", "100", "160"] {
        for view in common::views() {
            let dir = model_dir(&[]);
            let out = vsm(dir.path())
                .env("COLUMNS", columns)
                .args(["table", &example(), "--view", view])
                .output()
                .unwrap();
            let text = String::from_utf8(out.stdout).unwrap();
            let limit: usize = columns.parse().unwrap();
            // Table lines (drawn with box characters) all have the same width, within the limit.
            let widths: Vec<usize> = text
                .lines()
                .filter(|l| l.starts_with(['│', '╭', '╰', '╞', '├']))
                .map(UnicodeWidthStr::width)
                .collect();
            if widths.is_empty() {
                // Too narrow for this view's grid: one block a row, each line within the width.
                assert!(
                    text.lines().all(|l| l.width() <= limit),
                    "{view} at {columns}"
                );
                continue;
            }
            // Each table (from its top line) is as wide on every line, within the limit; the
            // tables of different streams may differ.
            for table in text.split('╭').skip(1) {
                let widths: Vec<usize> = table
                    .lines()
                    .filter(|l| l.starts_with(['│', '╰', '╞', '├']) || l.ends_with('╮'))
                    .map(|l| l.width() + usize::from(l.ends_with('╮')))
                    .collect();
                let first = widths[0];
                assert!(
                    widths.iter().all(|&w| w == first),
                    "{view} at {columns}: ragged lines {widths:?}"
                );
                assert!(first <= limit, "{view} at {columns}: {first} wide");
            }
        }
    }
}

#[test]
fn colour_only_when_asked() {
    let dir = model_dir(&[]);
    let plain = vsm(dir.path())
        .args(["heatmap", &example(), "--color", "auto"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&plain.stdout).contains('\x1b'));
    let coloured = vsm(dir.path())
        .args(["heatmap", &example(), "--color", "always"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&coloured.stdout).contains("\x1b[38;5;"));
    let table = vsm(dir.path())
        .args(["table", &example(), "--color", "always"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&table.stdout).contains('\x1b'));
}

#[test]
fn heatmap_shows_missing_data_as_no_data_not_zero() {
    let dir = model_dir(&[(
        "m.yaml",
        "capabilities:\n  top: {name: Top, maturity: 2, target_maturity: 4, importance: high}\n  bare: {name: Bare, parent: top}\n  half: {name: Half, parent: top, maturity: 3}\n",
    )]);
    for by in ["gap", "maturity", "importance", "risk"] {
        let out = vsm(dir.path())
            .args(["heatmap", "m.yaml", "--by", by])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let bare = text.lines().find(|l| l.ends_with("Bare")).unwrap();
        assert!(
            bare.contains("no data") && bare.contains("╱╱╱╱"),
            "{by}: {bare}"
        );
        assert!(!bare.contains(" 0 "), "{by}: {bare}");
    }
    let usage = run_in(dir.path(), &["heatmap", "m.yaml", "--by", "usage"]);
    assert!(
        !usage.contains("no data ") || usage.contains("Legend"),
        "usage always has data"
    );
    let gap = run_in(dir.path(), &["heatmap", "m.yaml"]);
    let half = gap.lines().find(|l| l.ends_with("Half")).unwrap();
    assert!(
        half.contains("no data"),
        "gap needs both maturities: {half}"
    );
    let html = run_in(dir.path(), &["heatmap", "m.yaml", "--format", "html"]);
    assert!(html.contains("hm nodata"));
    let md = run_in(dir.path(), &["heatmap", "m.yaml", "--format", "md"]);
    assert!(md.contains("| _no data_ | ⬜ |"));
    let svg = run_in(dir.path(), &["heatmap", "m.yaml", "--format", "svg"]);
    assert!(svg.contains("url(#hatch)"));
}

fn run_in(dir: &Path, args: &[&str]) -> String {
    let out = vsm(dir).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn commitments_over_budget_are_marked() {
    let dir = model_dir(&[(
        "m.yaml",
        "commitments:\n  whole: {name: Whole, target: \"<= 1d\", parts: [a, b]}\n  a: {name: A, target: \"<= 20h\"}\n  b: {name: B, target: \"<= 8h\"}\n  par: {name: Par, target: \"<= 1d\", parts: [a, b], composition: parallel}\n",
    )]);
    let text = run_in(dir.path(), &["table", "m.yaml", "--view", "commitments"]);
    assert!(text.contains("⚠ 28h of 1d (117%)"), "{text}");
    assert!(text.contains("20h of 1d (83%)"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&run_in(
        dir.path(),
        &[
            "table",
            "m.yaml",
            "--view",
            "commitments",
            "--format",
            "json",
        ],
    ))
    .unwrap();
    assert_eq!(json["commitments"][0]["budget"]["over"], true);
    assert_eq!(json["commitments"][0]["budget"]["used_seconds"], 100800.0);
}

#[test]
fn output_flag_writes_the_file() {
    let dir = model_dir(&[]);
    vsm(dir.path())
        .args(["graph", &example(), "-o", "flow.mmd"])
        .assert()
        .code(0)
        .stdout("");
    assert!(std::fs::read_to_string(dir.path().join("flow.mmd"))
        .unwrap()
        .starts_with("flowchart LR"));
    vsm(dir.path())
        .args(["heatmap", &example(), "--format", "svg", "-o", "map.svg"])
        .assert()
        .code(0);
    assert!(std::fs::read_to_string(dir.path().join("map.svg"))
        .unwrap()
        .starts_with("<svg xmlns="));
}

#[test]
fn an_unknown_stream_is_exit_2_with_a_suggestion_in_table_and_graph() {
    for command in ["table", "graph"] {
        vsm(root())
            .args([
                command,
                "--stream",
                "inbound-cal",
                "models/customer-service",
            ])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicates::str::contains(
                "error: --stream: no value stream `inbound-cal` (did you mean `inbound-call`?); \
                 the model has: complaint-handling, inbound-call, outsourced-service",
            ));
    }
}

// ---------------------------------------------------------------------------------------------
// The views of processes, stakeholders, information and hand-offs
// ---------------------------------------------------------------------------------------------

/// A stream with a branch (a → b and c, both → d) where b has no exit conditions and d no
/// entry conditions, and a process realising two of its stages.
const BRANCH: &str = "\
stakeholders:
  client: {name: Client}
  clerk: {name: Clerk}
value_streams:
  s:
    name: S
    trigger: client
    stages:
      a: {name: A, stakeholders: [client], exit_conditions: [Order taken], next: [b, c], processes: [serve]}
      b: {name: B, stakeholders: [clerk], entry_conditions: [Order taken], next: [d]}
      c: {name: C, stakeholders: [clerk], entry_conditions: [Order taken], exit_conditions: [Packed], next: [d], processes: [serve]}
      d: {name: D, stakeholders: [client]}
processes:
  serve:
    name: Serve
    owner: clerk
    steps: [{name: Greet, owner: clerk, automated: true}, {name: Pack}]
";

#[test]
fn the_handoffs_of_a_branch_flag_the_sides_without_conditions_in_every_output() {
    let dir = model_dir(&[("m.yaml", BRANCH)]);
    let json: serde_json::Value = serde_json::from_str(&run_in(
        dir.path(),
        &["table", "m.yaml", "--view", "handoffs", "--format", "json"],
    ))
    .unwrap();
    let edges: Vec<(String, String, serde_json::Value)> = json["streams"][0]["handoffs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["from"]["id"].as_str().unwrap().to_string(),
                h["to"]["id"].as_str().unwrap().to_string(),
                h["missing"].clone(),
            )
        })
        .collect();
    let edge = |from: &str, to: &str, missing: serde_json::Value| {
        (from.to_string(), to.to_string(), missing)
    };
    assert_eq!(
        edges,
        [
            edge("a", "b", serde_json::Value::Null),
            edge("a", "c", serde_json::Value::Null),
            edge("b", "d", "both".into()),
            edge("c", "d", "entry".into()),
        ]
    );
    let term = run_in(dir.path(), &["table", "m.yaml", "--view", "handoffs"]);
    assert!(
        term.contains("4 hand-offs; 2 lack conditions on one side or both."),
        "{term}"
    );
    assert!(term.contains("⚠ no conditions on either side"), "{term}");

    vsm(dir.path())
        .args(["report", "m.yaml", "-o", "r.html"])
        .assert()
        .code(0);
    let html = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
    let section = &html[html.find("<section id=\"handoffs\"").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    assert_eq!(section.matches("<tr class=\"review\">").count(), 2);
    assert!(section.contains("<span class=\"tag warn\">⚠ no entry conditions</span>"));
    assert!(section.contains("4 hand-offs in 1 value stream; 2 lack conditions"));
}

#[test]
fn both_reports_have_a_section_for_processes_stakeholders_information_and_handoffs() {
    let html = html_report(&example(), &[]);
    let order = positions(
        &html,
        &[
            "<a href=\"#processes\">Processes</a>",
            "<a href=\"#handoffs\">Hand-offs</a>",
            "<section id=\"perceptions\"",
            "<section id=\"processes\" class=\"major\">",
            "<section id=\"stakeholders\" class=\"major\">",
            "<section id=\"information\" class=\"major\">",
            "<section id=\"handoffs\" class=\"major\">",
            "<section id=\"findings\"",
        ],
    );
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    // The ticket process: 2 of its 7 steps automated; the complainant triggers complaint
    // handling (★) and takes part in its stages 1, 3 and 4.
    assert!(html.contains("<tr class=\"root\"><td>投诉工单处理流程 (Complaint ticket handling)</td><td>Complaint handling team (客诉处理组)</td><td>2 of 7 steps</td>"));
    assert!(html.contains("<tr><td>投诉人 (Complainant)</td><td class=\"mark\">★</td><td class=\"mark\">●</td><td></td><td class=\"mark\">●</td><td class=\"mark\">●</td><td></td><td></td><td></td></tr>"));
    // 6 + 4 + 5 edges, every stage with conditions on both sides.
    assert!(html.contains("15 hand-offs in 3 value streams; each with exit and entry conditions."));
    assert_eq!(html.matches("<table class=\"matrix who\">").count(), 3);

    let dir = model_dir(&[]);
    vsm(dir.path())
        .args(["report", &example(), "-o", "r.md"])
        .assert()
        .code(0);
    let md = std::fs::read_to_string(dir.path().join("r.md")).unwrap();
    let order = positions(
        &md,
        &[
            "## Perception points",
            "## Processes",
            "## Stakeholders",
            "### What each stakeholder owns",
            "## Information",
            "## Hand-offs",
            "## Findings",
        ],
    );
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    check_md_tables(&md);
}

#[test]
fn one_stream_keeps_its_own_stakeholders_processes_and_information() {
    let stakeholders = run(&[
        "table",
        &example(),
        "--view",
        "stakeholders",
        "--stream",
        "inbound-call",
        "--format",
        "csv",
    ]);
    let mut reader = csv::ReaderBuilder::new().from_reader(stakeholders.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        headers[8..],
        [
            "inbound-call/connect",
            "inbound-call/identify",
            "inbound-call/understand",
            "inbound-call/resolve",
            "inbound-call/close"
        ]
    );
    // Customer, agent, team leader and IT department take part in the inbound call.
    let ids: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    assert_eq!(ids, ["customer", "agent", "team-leader", "it-department"]);

    let json: serde_json::Value = serde_json::from_str(&run(&[
        "table",
        &example(),
        "--view",
        "processes",
        "--stream",
        "inbound-call",
        "--format",
        "json",
    ]))
    .unwrap();
    let ids: Vec<&str> = json["processes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["handle-inbound-call"]);
}

/// The sections of processes, stakeholders, information and hand-offs in both reports.
#[test]
fn hostile_names_come_out_escaped_in_the_four_new_sections() {
    let html = html_report(&hostile(), &[]);
    let dir = model_dir(&[]);
    vsm(dir.path())
        .args(["report", &hostile(), "-o", "x.md"])
        .assert()
        .code(0);
    let md = std::fs::read_to_string(dir.path().join("x.md")).unwrap();
    for (id, heading, needle) in [
        ("processes", "## Processes", "流程"),
        ("stakeholders", "## Stakeholders", "customer"),
        ("information", "## Information", "信息"),
        ("handoffs", "## Hand-offs", "阶段2"),
    ] {
        let section = &html[html.find(&format!("<section id=\"{id}\"")).unwrap()..];
        let section = &section[..section.find("</section>").unwrap()];
        assert!(!section.to_lowercase().contains("<script"), "{id}");
        assert!(!section.contains("<img"), "{id}");
        // The payload is there, as text, beside the element's own Chinese name.
        assert!(
            section.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;"),
            "{id}"
        );
        assert!(section.contains(needle), "{id}");

        let part = &md[md.find(&format!("{heading}\n")).unwrap()..];
        let part = &part[..part[3..].find("\n## ").map_or(part.len(), |end| end + 3)];
        assert!(!part.to_lowercase().contains("<script"), "{heading}");
        assert!(
            part.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{heading}: {part}"
        );
        assert!(part.contains(needle), "{heading}");
    }
}
