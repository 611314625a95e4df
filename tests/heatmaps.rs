//! `vsm heatmap --map matrix|stages|quadrant` and `--palette` as a user runs them: snapshots
//! of every map and format on models/customer-service, figures worked out by hand from the
//! model's YAML, the colours of both palettes, the errors of flags that do not go together,
//! the hostile fixtures in every format, and the new sections of both reports.

use assert_cmd::Command;
use std::path::Path;

mod common;
use common::{model_dir, root};

fn example() -> String {
    root()
        .join("models/customer-service")
        .to_string_lossy()
        .into_owned()
}

/// `common::vsm` with a terminal width of 100 columns, for stable output.
fn vsm(dir: &Path) -> Command {
    let mut cmd = common::vsm(dir);
    cmd.env("COLUMNS", "100").env_remove("COLORTERM");
    cmd
}

/// Runs `vsm ARGS` in a clean folder; asserts exit 0 and returns stdout.
fn run(args: &[&str]) -> String {
    let dir = model_dir(&[]);
    run_in(dir.path(), args)
}

fn run_in(dir: &Path, args: &[&str]) -> String {
    let out = vsm(dir).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "vsm {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Runs `vsm ARGS` and asserts exit 2 with `message` on stderr.
fn fails_with(args: &[&str], message: &str) {
    let dir = model_dir(&[]);
    let out = vsm(dir.path()).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "vsm {args:?}: {stderr}");
    assert!(stderr.contains(message), "vsm {args:?}: {stderr}");
    assert!(out.stdout.is_empty());
}

fn snapshot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_path(root().join("tests/snapshots"));
    settings.bind(|| insta::assert_snapshot!(format!("heatmaps__{name}"), text));
}

// ---------------------------------------------------------------------------------------------
// Snapshots
// ---------------------------------------------------------------------------------------------

#[test]
fn every_map_in_every_format() {
    for map in ["matrix", "stages", "quadrant"] {
        for format in ["term", "md", "html", "svg"] {
            let out = run(&["heatmap", &example(), "--map", map, "--format", format]);
            if format == "md" {
                table_rows_match_their_header(&out, map);
            }
            if format == "svg" {
                roxmltree::Document::parse(&out)
                    .unwrap_or_else(|e| panic!("{map} SVG is not well-formed XML: {e}"));
            }
            snapshot(&format!("{map}_{format}"), &out);
        }
    }
    let risk = run(&[
        "heatmap",
        &example(),
        "--map",
        "matrix",
        "--by",
        "risk",
        "--palette",
        "rag",
        "--format",
        "md",
    ]);
    snapshot("matrix_risk_rag_md", &risk);
    let stages = run(&[
        "heatmap",
        &example(),
        "--map",
        "stages",
        "--by",
        "risk",
        "--stream",
        "inbound-call",
    ]);
    snapshot("stages_risk_inbound_term", &stages);
    let quadrant = run(&[
        "heatmap",
        &example(),
        "--by",
        "quadrant",
        "--stream",
        "outsourced-service",
        "--format",
        "md",
    ]);
    snapshot("quadrant_outsourced_md", &quadrant);
}

#[test]
fn by_quadrant_and_map_quadrant_draw_the_same() {
    for format in ["svg", "html", "md", "term"] {
        assert_eq!(
            run(&[
                "heatmap",
                &example(),
                "--by",
                "quadrant",
                "--format",
                format
            ]),
            run(&[
                "heatmap",
                &example(),
                "--map",
                "quadrant",
                "--format",
                format
            ]),
            "{format}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Figures worked out by hand from models/customer-service
// ---------------------------------------------------------------------------------------------

#[test]
fn stage_figures_worked_out_by_hand() {
    let md = run(&[
        "heatmap",
        &example(),
        "--map",
        "stages",
        "--stream",
        "inbound-call",
        "--format",
        "md",
    ]);
    // connect uses call-routing (4 − 3 = 1) and ivr-self-service (4 − 2 = 2): worst 2,
    // mean (1 + 2) / 2 = 1.5, class 2 (🟦).
    assert!(
        md.contains("| 1 | 接入与应答 (Connect and answer) | 2 | 1.5 | 2 capabilities | 🟦 |  |"),
        "{md}"
    );
    // resolve uses knowledge-management (4 − 2 = 2) and service-request-handling (4 − 3 = 1).
    assert!(
        md.contains("| 4 | 解答与办理 (Answer and handle) | 2 | 1.5 | 2 capabilities | 🟦 |  |"),
        "{md}"
    );
    // close uses contact-recording (4 − 4 = 0) and satisfaction-survey (3 − 3 = 0): met.
    assert!(
        md.contains("| 5 | Close and evaluate (结束与评价) | 0 | 0.0 | 2 capabilities | 🟨 |  |"),
        "{md}"
    );
    // By risk: connect's call-routing is critical (4) × 1 = 4, ivr medium (2) × 2 = 4:
    // worst 4, mean 4.0; close's risks are both 0.
    let risk = run(&[
        "heatmap",
        &example(),
        "--map",
        "stages",
        "--by",
        "risk",
        "--stream",
        "inbound-call",
        "--format",
        "md",
    ]);
    assert!(
        risk.contains("| 1 | 接入与应答 (Connect and answer) | 4 | 4.0 | 2 capabilities | 🟦 |  |"),
        "{risk}"
    );
}

#[test]
fn quadrant_placement_worked_out_by_hand() {
    let md = run(&["heatmap", &example(), "--by", "quadrant", "--format", "md"]);
    let section = |name: &str| -> String {
        let start = md.find(&format!("### {name} —")).unwrap();
        let rest = &md[start + 4..];
        rest[..rest.find("\n### ").unwrap_or(rest.len())].to_string()
    };
    // root-cause-analysis: critical, 4 − 1 = 3 (large): act now, risk 4 × 3 = 12.
    assert!(
        section("Act now").contains("| Root-cause analysis (根因分析) | critical | 3 | 12 | 🟪 |")
    );
    // call-routing: critical, 4 − 3 = 1 (small): maintain, risk 4.
    assert!(section("Maintain").contains("| 呼叫路由 (Call routing) | critical | 1 | 4 | 🟦 |"));
    // ivr-self-service: medium, 4 − 2 = 2 (large): improve later, risk 2 × 2 = 4 (the only one).
    let later = section("Improve later");
    assert!(later.starts_with("Improve later — low importance, large gap (1)"));
    assert!(later.contains("| IVR self-service (自助语音导航) | medium | 2 | 4 | 🟦 |"));
    // satisfaction-survey: medium, 3 − 3 = 0: monitor, risk 0.
    assert!(
        section("Monitor").contains("| Satisfaction survey (满意度调查) | medium | 0 | 0 | 🟨 |")
    );
    // The example's 37 capabilities all have importance and both maturities: 12 + 17 + 1 + 7.
    for (name, n) in [
        ("Act now", 12),
        ("Maintain", 17),
        ("Improve later", 1),
        ("Monitor", 7),
    ] {
        assert!(section(name).contains(&format!("({n})\n")), "{name}");
    }
    assert!(!md.contains("Not placed"));
}

#[test]
fn cross_mapping_cells_worked_out_by_hand() {
    let md = run(&[
        "heatmap",
        &example(),
        "--map",
        "matrix",
        "--by",
        "risk",
        "--stream",
        "inbound-call",
        "--format",
        "md",
    ]);
    // knowledge-management (high 3 × gap 2 = 6) is listed by stage 4, resolve.
    assert!(
        md.contains("| &emsp;Knowledge management (知识管理) |  |  |  | 🟦 ● 6 |  |"),
        "{md}"
    );
    // satisfaction-survey (medium 2 × gap 0 = 0) by stage 5, close.
    assert!(
        md.contains("Satisfaction survey (满意度调查) |  |  |  |  | 🟨 ● 0 |"),
        "{md}"
    );
}

// ---------------------------------------------------------------------------------------------
// Palettes
// ---------------------------------------------------------------------------------------------

#[test]
fn the_palette_comes_from_the_flag_then_the_config_then_viridis() {
    // Root-cause analysis has gap 3: class 3, viridis purple or rag red, white text either way.
    let viridis = run(&["heatmap", &example(), "--format", "html"]);
    assert!(
        viridis.contains("style=\"background:#440154;color:#ffffff\" title=\"root-cause-analysis")
    );
    let rag = run(&[
        "heatmap",
        &example(),
        "--format",
        "html",
        "--palette",
        "rag",
    ]);
    assert!(rag.contains("style=\"background:#d73027;color:#ffffff\" title=\"root-cause-analysis"));
    // Gap 1 (call routing): viridis green, dark text; rag yellow, dark text.
    assert!(viridis.contains("style=\"background:#35b779;color:#1f2933\" title=\"call-routing"));
    assert!(rag.contains("style=\"background:#fee08b;color:#1f2933\" title=\"call-routing"));

    let model =
        std::fs::read_to_string(root().join("models/customer-service/capabilities.yaml")).unwrap();
    let dir = model_dir(&[
        ("models/capabilities.yaml", &model),
        ("vsm.yaml", "paths: [models]\nreport:\n  palette: rag\n"),
    ]);
    let from_config = run_in(dir.path(), &["heatmap", "--format", "html"]);
    assert!(from_config.contains("background:#d73027"));
    let flag_wins = run_in(
        dir.path(),
        &["heatmap", "--format", "html", "--palette", "viridis"],
    );
    assert!(flag_wins.contains("background:#440154") && !flag_wins.contains("#d73027"));
    // The report takes it from the config too.
    vsm(dir.path())
        .args(["report", "-o", "r.html"])
        .assert()
        .code(0);
    let report = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert!(report.contains("background:#d73027"));
    // Markdown squares follow the palette.
    let md = run(&["heatmap", &example(), "--format", "md", "--palette", "rag"]);
    assert!(md.contains("| &emsp;&emsp;Root-cause analysis (根因分析) | 3 | 🟥 |"));
    let md = run(&["heatmap", &example(), "--format", "md"]);
    assert!(md.contains("| &emsp;&emsp;Root-cause analysis (根因分析) | 3 | 🟪 |"));
}

#[test]
fn a_wrong_palette_in_the_config_or_on_the_command_line_is_exit_2() {
    let dir = model_dir(&[
        ("m.yaml", common::CLEAN),
        ("vsm.yaml", "report:\n  palette: rainbow\n"),
    ]);
    let out = vsm(dir.path())
        .args(["heatmap", "m.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("`rainbow` is not a heat map palette: use viridis or rag"),
        "{stderr}"
    );
    fails_with(&["heatmap", &example(), "--palette", "rainbow"], "rainbow");
}

#[test]
fn terminal_colour_is_24_bit_when_the_terminal_says_so() {
    let dir = model_dir(&[]);
    let out = vsm(dir.path())
        .env("COLORTERM", "truecolor")
        .args([
            "heatmap",
            &example(),
            "--map",
            "stages",
            "--color",
            "always",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    // A worst gap of 3 on viridis purple (68, 1, 84) with white text (255, 255, 255).
    assert!(
        text.contains("\x1b[48;2;68;1;84;38;2;255;255;255m"),
        "{text}"
    );
    let out = vsm(dir.path())
        .args([
            "heatmap",
            &example(),
            "--map",
            "stages",
            "--color",
            "always",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    // Without COLORTERM: the nearest of 256 colours (53 for the purple).
    assert!(text.contains("\x1b[48;5;53;38;5;231m"), "{text}");
    assert!(!text.contains("38;2;"));
}

// ---------------------------------------------------------------------------------------------
// Flags that do not go together
// ---------------------------------------------------------------------------------------------

#[test]
fn flags_that_mean_nothing_together_are_exit_2() {
    let m = example();
    fails_with(
        &["heatmap", &m, "--by", "quadrant", "--map", "matrix"],
        "--by quadrant draws the priority quadrant; it does not go with --map matrix",
    );
    fails_with(
        &["heatmap", &m, "--map", "quadrant", "--by", "gap"],
        "--map quadrant places capabilities by importance and maturity gap",
    );
    fails_with(
        &["heatmap", &m, "--map", "stages", "--by", "usage"],
        "--map stages rolls up gap or risk",
    );
    fails_with(
        &["heatmap", &m, "--stream", "inbound-call"],
        "--stream applies to --map matrix, stages and quadrant",
    );
    fails_with(
        &["heatmap", &m, "--map", "stages", "--stream", "inbound-cal"],
        "--stream: no value stream `inbound-cal` (did you mean `inbound-call`?)",
    );
    fails_with(&["heatmap", &m, "--map", "bubbles"], "bubbles");
}

#[test]
fn the_stage_map_takes_the_config_measure_only_when_a_stage_can_roll_it_up() {
    let model =
        std::fs::read_to_string(root().join("models/customer-service/capabilities.yaml")).unwrap();
    let stream =
        std::fs::read_to_string(root().join("models/customer-service/inbound-call.yaml")).unwrap();
    for (by, title) in [
        ("risk", "Stage heat map: risk"),
        ("usage", "Stage heat map: maturity gap"),
    ] {
        let dir = model_dir(&[
            ("models/capabilities.yaml", &model),
            ("models/inbound-call.yaml", &stream),
            (
                "vsm.yaml",
                &format!("paths: [models]\nreport:\n  heatmap_by: {by}\n"),
            ),
        ]);
        let out = run_in(dir.path(), &["heatmap", "--map", "stages"]);
        assert!(out.starts_with(title), "{by}: {out}");
    }
}

// ---------------------------------------------------------------------------------------------
// Hostile text
// ---------------------------------------------------------------------------------------------

#[test]
fn hostile_names_come_out_as_text_in_every_map_and_format() {
    for fixture in ["tests/fixtures/xss", "tests/fixtures/hostile-names"] {
        let model = root().join(fixture).to_string_lossy().into_owned();
        for map in ["capabilities", "matrix", "stages", "quadrant"] {
            for format in ["md", "html", "svg"] {
                let out = run(&["heatmap", &model, "--map", map, "--format", format]);
                let lower = out.to_lowercase();
                assert!(!lower.contains("<script"), "{fixture} {map} {format}");
                assert!(!lower.contains("<img"), "{fixture} {map} {format}");
                assert!(
                    !out.contains("<b>") && !out.contains("<table>"),
                    "{fixture} {map} {format}"
                );
                if format == "md" {
                    table_rows_match_their_header(&out, &format!("{fixture} {map}"));
                }
                if format == "svg" {
                    let doc = roxmltree::Document::parse(&out)
                        .unwrap_or_else(|e| panic!("{fixture} {map}: SVG not well-formed: {e}"));
                    // Every element is one vsm draws.
                    for node in doc.descendants().filter(|n| n.is_element()) {
                        assert!(
                            [
                                "svg", "title", "rect", "text", "tspan", "g", "path", "defs",
                                "pattern", "line"
                            ]
                            .contains(&node.tag_name().name()),
                            "{fixture} {map}: <{}>",
                            node.tag_name().name()
                        );
                    }
                }
            }
        }
        let svg = run(&["heatmap", &model, "--map", "stages", "--format", "svg"]);
        if fixture.ends_with("xss") {
            // Shown, escaped: the text is there.
            assert!(svg.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;"));
        }
    }
}

/// Every row of every Markdown table has as many cells as its header: a `|` in a name is
/// escaped, not a column.
fn table_rows_match_their_header(md: &str, what: &str) {
    let cells = |line: &str| line.replace("\\|", "").matches('|').count();
    let lines: Vec<&str> = md.lines().collect();
    let mut tables = 0;
    for (i, pair) in lines.windows(2).enumerate() {
        let separator = pair[1].starts_with("| ")
            && pair[1]
                .split('|')
                .all(|c| c.trim().trim_matches(':').chars().all(|ch| ch == '-'));
        if pair[0].starts_with('|') && separator {
            tables += 1;
            let n = cells(pair[0]);
            for row in lines[i + 2..].iter().take_while(|l| l.starts_with('|')) {
                assert_eq!(cells(row), n, "{what}: {row}");
            }
        }
    }
    assert!(tables > 0, "{what}: no table");
}

// ---------------------------------------------------------------------------------------------
// The reports
// ---------------------------------------------------------------------------------------------

#[test]
fn both_reports_carry_the_quadrant_and_each_streams_heat_maps() {
    let dir = model_dir(&[]);
    for file in ["r.html", "r.md"] {
        vsm(dir.path())
            .args(["report", &example(), "-o", file])
            .assert()
            .code(0);
    }
    let html = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert!(html.contains("<li><a href=\"#priorities\">Priorities</a></li>"));
    assert!(html.contains("<h3>Priority quadrant</h3>"));
    assert!(html.contains("<section id=\"priorities\" class=\"major\">"));
    assert_eq!(html.matches("<h3>Stage heat map</h3>").count(), 3);
    assert_eq!(html.matches("<h3>Cross-mapping heat map</h3>").count(), 3);
    // The quadrant comes after the capability heat map, before the commitments.
    let at = |needle: &str| html.find(needle).unwrap();
    assert!(at("id=\"capabilities\"") < at("id=\"priorities\""));
    assert!(at("id=\"priorities\"") < at("id=\"commitments\""));
    // Inline SVGs drawn by vsm: each stream's stage map and the quadrant.
    assert_eq!(html.matches("<svg class=\"heat-flow").count(), 3);
    assert_eq!(html.matches("<svg class=\"quadrant").count(), 1);

    let md = std::fs::read_to_string(dir.path().join("r.md")).unwrap();
    assert_eq!(md.matches("#### Stage heat map").count(), 3);
    assert_eq!(md.matches("#### Cross-mapping heat map").count(), 3);
    assert!(md.contains("## Priorities\n\n### Priority quadrant\n"));
    assert!(md.contains("#### Act now — high importance, large gap (12)"));
    // The quadrant opens the priorities section; the ranking follows it.
    assert!(md.find("### Priority quadrant").unwrap() < md.find("### Ranked by risk").unwrap());
}
