//! `vsm impact` as a user runs it: the impact of a capability of the example model worked out
//! by hand from its files, snapshots of the three formats, the exits for an ambiguous or
//! unknown id, the format from the file name, colour, and hostile names.

mod common;

use common::{model_dir, root, run};
use serde_json::Value;

fn example() -> String {
    root()
        .join("models/customer-service")
        .to_string_lossy()
        .into_owned()
}

fn snapshot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_path(root().join("tests/snapshots"));
    settings.bind(|| insta::assert_snapshot!(format!("impact__{name}"), text));
}

/// Runs `vsm impact ARGS` in a clean folder; asserts exit 0 and returns stdout.
fn impact(args: &[&str]) -> String {
    let dir = model_dir(&[]);
    let out = run(dir.path(), &[&["impact"], args].concat());
    assert_eq!(out.code, 0, "vsm impact {args:?}: {}", out.stderr);
    out.stdout
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&impact(&[args, &["--format", "json"]].concat())).unwrap()
}

/// A group's items as (id or `kind position`, via).
fn items(value: &Value, relation: &str) -> Vec<(String, Vec<String>)> {
    let group = value["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["relation"] == relation)
        .unwrap_or_else(|| panic!("no group {relation}"));
    let items = group["items"].as_array().unwrap();
    assert_eq!(group["count"], items.len(), "{relation}: count");
    items
        .iter()
        .map(|i| {
            let id = i["id"].as_str().map_or_else(
                || format!("{} {}", i["kind"].as_str().unwrap(), i["position"]),
                str::to_string,
            );
            let via = i["via"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_string())
                .collect();
            (id, via)
        })
        .collect()
}

fn pairs(expected: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
    expected
        .iter()
        .map(|(id, via)| (id.to_string(), via.iter().map(|v| v.to_string()).collect()))
        .collect()
}

/// customer-management (capabilities.yaml) has three children: customer-identification,
/// customer-callback and satisfaction-survey, none with children of its own, and no stage,
/// value item, process or step names it itself. Where the children are named (grep for them):
/// - complaint-handling.yaml:107–108, stage `callback` and its value item: customer-callback;
/// - inbound-call.yaml:56–57, stage `identify` and its value item: customer-identification;
/// - inbound-call.yaml:121–122, stage `close` and its second value item: satisfaction-survey;
/// - outsourcing.yaml:114–115, stage `customer-feedback` and its value item:
///   satisfaction-survey;
/// - processes.yaml: handle-inbound-call (its list, step 3: customer-identification; step 8:
///   satisfaction-survey), complaint-ticket-handling (its list, step 6: customer-callback),
///   commitment-monitoring-cycle (its list, step 3: satisfaction-survey),
///   outsourcing-engagement (step 5 only: satisfaction-survey).
///
/// So: 4 stages in 3 value streams with 4 value items, 4 processes with 5 steps; of the
/// commitments and perception points (commitments.yaml) only key-complaint-callback-3d and
/// callback-care are on one of those stages (complaint-handling/callback).
#[test]
fn a_capability_with_children_reaches_stages_of_three_streams() {
    let value = json(&["customer-management", &example()]);
    assert_eq!(value["version"], 1);
    assert_eq!(value["subject"]["kind"], "capability");
    assert_eq!(value["subject"]["id"], "customer-management");
    assert_eq!(
        items(&value, "below"),
        pairs(&[
            ("customer-identification", &[]),
            ("customer-callback", &[]),
            ("satisfaction-survey", &[]),
        ])
    );
    // Stages in model order: the files are read in name order (complaint-handling.yaml,
    // inbound-call.yaml, outsourcing.yaml).
    assert_eq!(
        items(&value, "stages"),
        pairs(&[
            ("complaint-handling/callback", &["customer-callback"]),
            ("inbound-call/identify", &["customer-identification"]),
            ("inbound-call/close", &["satisfaction-survey"]),
            (
                "outsourced-service/customer-feedback",
                &["satisfaction-survey"]
            ),
        ])
    );
    let value_items: Vec<u64> = value["groups"][1]["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["parts"].as_array().unwrap())
        .map(|p| p["position"].as_u64().unwrap())
        .collect();
    assert_eq!(value_items, [1, 1, 2, 1], "close: its second value item");
    assert_eq!(
        items(&value, "value_streams"),
        pairs(&[
            ("complaint-handling", &["callback"]),
            ("inbound-call", &["identify", "close"]),
            ("outsourced-service", &["customer-feedback"]),
        ])
    );
    assert_eq!(
        items(&value, "processes"),
        pairs(&[
            (
                "handle-inbound-call",
                &["customer-identification", "satisfaction-survey"]
            ),
            ("complaint-ticket-handling", &["customer-callback"]),
            ("commitment-monitoring-cycle", &["satisfaction-survey"]),
            ("outsourcing-engagement", &["satisfaction-survey"]),
        ])
    );
    let steps: Vec<Vec<u64>> = value["groups"][3]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p["parts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["position"].as_u64().unwrap())
                .collect()
        })
        .collect();
    assert_eq!(steps, [vec![3, 8], vec![6], vec![3], vec![5]]);
    assert_eq!(
        items(&value, "commitments"),
        pairs(&[(
            "key-complaint-callback-3d",
            &["complaint-handling/callback"]
        )])
    );
    assert_eq!(
        items(&value, "perceptions"),
        pairs(&[("callback-care", &["complaint-handling/callback"])])
    );
    assert_eq!(items(&value, "owner"), pairs(&[("service-centre", &[])]));
}

#[test]
fn every_format_of_a_capability_and_a_process() {
    for format in ["term", "md", "json"] {
        let out = impact(&["customer-management", &example(), "--format", format]);
        snapshot(&format!("capability_{format}"), &out);
    }
    let out = impact(&["handle-inbound-call", &example()]);
    snapshot("process_term", &out);
    let out = impact(&["inbound-call/resolve", &example(), "--format", "md"]);
    snapshot("stage_md", &out);
}

#[test]
fn an_id_of_several_kinds_asks_for_the_kind() {
    let dir = model_dir(&[]);
    // `customer` is a stakeholder (model.yaml) and a business object (information.yaml).
    let out = run(dir.path(), &["impact", "customer", &example()]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: `customer` names a business object and a stakeholder: pass --kind \
         business-object or --kind stakeholder\n"
    );
    assert!(out.stdout.is_empty());
    let value = json(&["customer", &example(), "--kind", "stakeholder"]);
    assert_eq!(value["subject"]["kind"], "stakeholder");
    // `needs-research` is a capability and a stage of outsourced-service.
    let out = run(dir.path(), &["impact", "needs-research", &example()]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains(
            "names a capability and a stage of value stream `outsourced-service`: pass --kind \
             capability or --kind stage"
        ),
        "{}",
        out.stderr
    );
    let value = json(&["needs-research", &example(), "--kind", "stage"]);
    assert_eq!(value["subject"]["id"], "outsourced-service/needs-research");
    // A kind the id is not.
    let out = run(
        dir.path(),
        &["impact", "call-routing", &example(), "--kind", "process"],
    );
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: no process has the id `call-routing`; it names a capability: pass --kind \
         capability\n"
    );
}

#[test]
fn a_stage_id_in_two_streams_asks_for_its_stream() {
    let dir = model_dir(&[(
        "m.yaml",
        "value_streams:\n  a: {name: A, stages: {intake: {name: I}}}\n  \
         b: {name: B, stages: {intake: {name: J}}}\n",
    )]);
    let out = run(dir.path(), &["impact", "intake", "m.yaml"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: `intake` names a stage of value stream `a` and a stage of value stream `b`: \
         write the stage as `a/intake` or `b/intake`\n"
    );
    let out = run(
        dir.path(),
        &["impact", "b/intake", "m.yaml", "--format", "json"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("\"name\": \"J\""));
}

#[test]
fn an_unknown_id_is_exit_2_with_did_you_mean() {
    let dir = model_dir(&[]);
    for (id, message) in [
        (
            "custmer-management",
            "error: no element has the id `custmer-management` (did you mean \
             `customer-management`?)\n",
        ),
        (
            "inbound-call/conect",
            "error: no element has the id `inbound-call/conect` (did you mean \
             `inbound-call/connect`?)\n",
        ),
        (
            "warehouse-robotics",
            "error: no element has the id `warehouse-robotics`\n",
        ),
    ] {
        let out = run(dir.path(), &["impact", id, &example()]);
        assert_eq!((out.code, out.stderr.as_str()), (2, message));
        assert!(out.stdout.is_empty());
    }
    // With --kind the suggestion is of that kind.
    let out = run(
        dir.path(),
        &["impact", "call-routng", &example(), "--kind", "capability"],
    );
    assert_eq!(
        out.stderr,
        "error: no capability has the id `call-routng` (did you mean `call-routing`?)\n"
    );
}

#[test]
fn the_file_name_picks_the_format_and_files_get_no_colour() {
    let dir = model_dir(&[]);
    let out = run(
        dir.path(),
        &["impact", "call-routing", &example(), "-o", "impact.json"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let written = std::fs::read_to_string(dir.path().join("impact.json")).unwrap();
    let value: Value = serde_json::from_str(&written).unwrap();
    assert_eq!(value["subject"]["id"], "call-routing");
    let out = run(
        dir.path(),
        &[
            "impact",
            "call-routing",
            &example(),
            "--format",
            "md",
            "-o",
            "impact.json",
        ],
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--format md contradicts the file name"));
    // Colour when asked, and never in a file.
    let colored = run(
        dir.path(),
        &["impact", "call-routing", &example(), "--color", "always"],
    );
    assert!(colored.stdout.contains("\u{1b}[1m"));
    let out = run(
        dir.path(),
        &[
            "impact",
            "call-routing",
            &example(),
            "--color",
            "always",
            "-o",
            "impact.txt",
        ],
    );
    assert_eq!(out.code, 0);
    let written = std::fs::read_to_string(dir.path().join("impact.txt")).unwrap();
    assert!(!written.contains('\u{1b}'));
    assert_eq!(written, impact(&["call-routing", &example()]));
}

#[test]
fn a_model_that_cannot_be_loaded_stops_with_1() {
    let dir = model_dir(&[("m.yaml", "capabilities: [\n")]);
    let out = run(dir.path(), &["impact", "x", "m.yaml"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("cannot be loaded"));
}

/// The names of tests/fixtures/hostile-names (Mermaid directives, Markdown and HTML
/// punctuation, formula starts) come out as text in Markdown.
#[test]
fn hostile_names_are_escaped_in_markdown_and_the_terminal() {
    let hostile = root().join("tests/fixtures/hostile-names");
    let hostile = hostile.to_string_lossy();
    let md = impact(&["root", &hostile, "--format", "md"]);
    // child: `--> A[x] --- B ==> C -.- D; style x fill:#f00`; proc: `<<table>>...`.
    assert!(
        md.contains("- child · --&gt; A\\[x\\] --- B ==&gt; C -.- D; style x fill:#f00"),
        "{md}"
    );
    assert!(md.contains("&lt;&lt;table&gt;&gt;&lt;tr&gt;"), "{md}");
    assert!(!md.contains("<table") && !md.contains("<b>"), "{md}");
    // A stream id starting with `-` does not start a list; the stage `=first` via it.
    assert!(
        md.contains("- \\-stream/=first · %%{init: {\"theme\": \"dark\"}}%%"),
        "{md}"
    );
    // Every name of tests/fixtures/xss holds `<script>` and `<img onerror>`: never markup.
    let xss = root().join("tests/fixtures/xss");
    let md = impact(&["root", &xss.to_string_lossy(), "--format", "md"]);
    let lower = md.to_lowercase();
    assert!(
        !lower.contains("<script") && !lower.contains("<img"),
        "{md}"
    );
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // An id that starts with `-` follows `--`, as any such argument does.
    let term = impact(&["--", "-stream/=first", &hostile]);
    assert!(term.contains("Impact of stage -stream/=first"), "{term}");

    // Terminal controls in ids and names are shown escaped, never sent raw.
    let dir = model_dir(&[(
        "m.yaml",
        "capabilities:\n  \"c\\e[2J\": {name: \"Cap \\e]52;c;aGk=\\a\\r\\e[1Aok\"}\n  \
         child: {name: \"Child \\u202e\\x9b\", parent: \"c\\e[2J\"}\n",
    )]);
    for color in ["never", "always"] {
        let out = run(
            dir.path(),
            &["impact", "c\u{1b}[2J", "m.yaml", "--color", color],
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        let text = out
            .stdout
            .replace("\u{1b}[1m", "")
            .replace("\u{1b}[2m", "")
            .replace("\u{1b}[0m", "");
        assert!(
            !text
                .chars()
                .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'),
            "{text:?}"
        );
        assert!(
            text.contains(
                r"Impact of capability c\u{1b}[2J · Cap \u{1b}]52;c;aGk=\u{7} \u{1b}[1Aok"
            ),
            "{text}"
        );
        assert!(text.contains(r"└─ child · Child \u{202e}\u{9b}"), "{text}");
    }
    // An unknown id is echoed escaped too.
    let out = run(dir.path(), &["impact", "x\u{1b}]52;c;aGk=\u{7}", "m.yaml"]);
    assert_eq!(out.code, 2);
    assert!(!out.stderr.contains('\u{1b}') && !out.stderr.contains('\u{7}'));
    assert!(
        out.stderr.contains(r"x\u{1b}]52;c;aGk=\u{7}"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_man_page_and_completions_know_the_command() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(run(dir.path(), &["man", "--out-dir", "man"]).code, 0);
    let page = std::fs::read_to_string(dir.path().join("man/vsm-impact.1")).unwrap();
    assert!(page.contains("vsm impact customer\\-management"), "{page}");
    assert!(page.contains("several kinds"));
    let bash = run(dir.path(), &["completions", "bash"]).stdout;
    assert!(
        bash.contains("vsm__subcmd__impact"),
        "bash completes the subcommand"
    );
    assert!(bash.contains("business-object"), "and the --kind values");
}

/// The example model's impact is read by a user from its own folder too, with vsm.yaml.
#[test]
fn paths_come_from_the_config_when_none_is_given() {
    let dir = model_dir(&[
        ("vsm.yaml", "paths: [models]\n"),
        ("models/m.yaml", common::CLEAN),
    ]);
    let out = run(dir.path(), &["impact", "call-routing"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("└─ enquiry/connect · Connect"),
        "{}",
        out.stdout
    );
}

/// The report's "where each capability is used" links every stage to its row: every in-page
/// link of the report has its target. Call routing (capabilities.yaml) is named by
/// inbound-call/connect (inbound-call.yaml:33–38, the second stream in file order, its first
/// stage) and by the process handle-inbound-call.
#[test]
fn the_html_report_links_each_capability_to_the_stage_rows_using_it() {
    let dir = model_dir(&[]);
    let out = run(dir.path(), &["report", &example(), "-o", "report.html"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    let mut links = 0;
    for part in html.split("href=\"#").skip(1) {
        let target = &part[..part.find('"').unwrap()];
        assert!(
            html.contains(&format!("id=\"{target}\"")),
            "#{target} has no target"
        );
        links += 1;
    }
    // 18 stages have a row each; the uses table links one or more of them per capability.
    assert_eq!(html.matches("<tr id=\"stage-").count(), 18);
    assert!(links > 18, "{links}");
    let uses = &html[html.find("<h3>Where each capability is used</h3>").unwrap()..];
    assert!(uses.contains(
        "<td class=\"i2\">呼叫路由 (Call routing)</td><td><a href=\"#stage-1-0\">呼入服务 (Inbound \
         call service) › 接入与应答 (Connect and answer)</a></td><td>呼入处理流程 (Handle an \
         inbound call)</td>"
    ));
}

/// A `parent` chain `depth` deep whose deepest capability one stage uses: the impact of the
/// top lists the whole chain below it and the stage. Twice the depth gives at most 2.5 times
/// the output in every format (indenting by depth would be quadratic), and nothing recurses.
#[test]
fn the_impact_of_a_deep_chain_is_linear_in_its_depth() {
    let chain = |depth: usize| {
        let mut text = format!(
            "value_streams:\n  s:\n    name: S\n    stages:\n      g: {{name: G, capabilities: [c{}]}}\ncapabilities:\n  c0: {{name: C}}\n",
            depth - 1
        );
        for i in 1..depth {
            text.push_str(&format!("  c{i}: {{name: C, parent: c{}}}\n", i - 1));
        }
        text
    };
    for format in ["term", "md", "json"] {
        let size = |depth: usize| {
            let dir = model_dir(&[("m.yaml", &chain(depth))]);
            let out = run(dir.path(), &["impact", "c0", "m.yaml", "--format", format]);
            assert_eq!(out.code, 0, "{}", out.stderr);
            assert!(out.stdout.contains("s/g"), "the stage is reached");
            out.stdout.len()
        };
        let (small, large) = (size(5_000), size(10_000));
        assert!(
            large <= small * 5 / 2,
            "{format}: {small} then {large} bytes"
        );
    }
}
