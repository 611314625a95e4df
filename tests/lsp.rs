//! `vsm lsp` driven over stdio with JSON-RPC frames, as an editor drives it: a two-file model,
//! every request the server answers, exact results.

mod common;

use common::lsp_client::{at, range, uri, Client};
use serde_json::{json, Value};

const STREAMS: &str = "\
stakeholders:
  customer: {name: Customer, type: external}
  agent: {name: Agent}
value_streams:
  enquiry:
    name: Resolve an enquiry
    trigger: customer
    stages:
      connect:
        name: Connect
        stakeholders: [customer, agent]
        entry_conditions: [The customer calls]
        exit_conditions: [An agent answers]
        value_items: [Customer is not kept waiting]
        capabilities: [call-routing]
        process_time: 2h
        wait_time: 1d
";

/// Chinese text before the reference on the last line: UTF-16 columns differ from bytes.
const CAPABILITIES: &str = "\
capabilities:
  call-routing:
    name: 呼叫路由
    maturity: 2
    target_maturity: 4
    importance: high
  routing: {name: 路由, parent: call-routng}
";

#[test]
fn an_editor_session_over_stdio() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("a.yaml"), STREAMS).unwrap();
    std::fs::write(root.join("b.yaml"), CAPABILITIES).unwrap();
    let (a, b) = (uri(root, "a.yaml"), uri(root, "b.yaml"));
    let mut client = Client::start(root);

    // Unopened files get the findings `vsm check` gives: VSM201 on `routing` and VSM006 on
    // `call-routng`. Line 7 (6 from 0): `  routing: {name: ` is 18 units, `路由` 2 (6 bytes),
    // `, parent: ` 10, so the reference is at 30..41 in UTF-16 (34..45 in bytes).
    let found = client.diagnostics(&b);
    let codes: Vec<&str> = found.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["VSM201", "VSM006"]);
    assert_eq!(found[1]["range"], range(6, 30, 6, 41));
    assert_eq!(found[1]["severity"], 1);
    assert_eq!(
        found[1]["message"],
        "unknown capability `call-routng`\nhelp: did you mean `call-routing`?"
    );

    // The quick fixes of the unknown reference: the did-you-mean, and a suppression comment.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": b}, "range": range(6, 32, 6, 32),
               "context": {"diagnostics": []}}),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        ["Change to `call-routing`", "Suppress VSM006 on this line"],
        "only the finding under the cursor: VSM201 is on `routing`, 2..9"
    );
    assert_eq!(
        actions[0]["edit"]["changes"][&b],
        json!([{"range": range(6, 30, 6, 41), "newText": "call-routing"}])
    );
    // The comment goes at the end of the line: 18 + 2 + 10 + 11 + 1 (`}`) = 42 units.
    assert_eq!(
        actions[1]["edit"]["changes"][&b],
        json!([{"range": range(6, 42, 6, 42), "newText": "  # vsm: ignore[VSM006]"}])
    );

    // Fixing it in the buffer, before saving, clears the finding; `routing` stays unused.
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": b, "languageId": "yaml", "version": 1, "text": CAPABILITIES}}),
    );
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": b, "version": 2},
               "contentChanges": [{"range": range(6, 30, 6, 41), "text": "call-routing"}]}),
    );
    let found = client.diagnostics(&b);
    let codes: Vec<&str> = found.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["VSM201"]);

    // Definition of the capability named in the stage (line 15, `        capabilities: [`
    // is 23 units): its key in the other file.
    let definition = client.request("textDocument/definition", at(&a, 14, 25));
    assert_eq!(definition, json!({"uri": b, "range": range(1, 2, 1, 14)}));

    // References from the definition: itself, the stage, and the parent typed a moment ago.
    let references = client.request(
        "textDocument/references",
        json!({"textDocument": {"uri": b}, "position": {"line": 1, "character": 5},
               "context": {"includeDeclaration": true}}),
    );
    assert_eq!(
        references,
        json!([
            {"uri": b, "range": range(1, 2, 1, 14)},
            {"uri": a, "range": range(14, 23, 14, 35)},
            {"uri": b, "range": range(6, 30, 6, 42)},
        ])
    );

    // Hover: the capability's figures (its child `routing` is used nowhere), and a stage's place and lead time (2h + 1d = 26h).
    let hover = client.request("textDocument/hover", at(&a, 14, 25));
    assert_eq!(
        hover["contents"]["value"],
        "**capability** `call-routing`: 呼叫路由\n\nmaturity 2 → 4\n\nimportance: high\n\n\
         used 1 time, with the capabilities below it (1 directly: 1 stage, 0 value items, \
         0 processes, 0 steps)"
    );
    let hover = client.request("textDocument/hover", at(&a, 8, 8));
    assert_eq!(
        hover["contents"]["value"],
        "**stage** `enquiry/connect`: Connect\n\nstage 1 of 1 in value stream `enquiry` \
         (Resolve an enquiry)\n\nlead time 26h\n\nreferenced 0 times"
    );

    // Completion of a stakeholder after `trigger: `, names as labels, ids inserted.
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": a, "languageId": "yaml", "version": 1, "text": STREAMS}}),
    );
    let items = client.request("textDocument/completion", at(&a, 6, 13));
    let items: Vec<(&str, &str)> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["label"].as_str().unwrap(),
                i["insertText"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(items, [("Customer", "customer"), ("Agent", "agent")]);
    // Field names of a stage on an empty line inside it.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": a, "version": 2},
               "contentChanges": [{"range": range(17, 0, 17, 0), "text": "        "}]}),
    );
    let items = client.request("textDocument/completion", at(&a, 17, 8));
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"next") && labels.contains(&"wait_time"),
        "{labels:?}"
    );
    assert!(
        !labels.contains(&"trigger"),
        "a stream's field, not a stage's"
    );

    // Rename the capability: its key and both references, in both files.
    let edit = client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": b}, "position": {"line": 1, "character": 3},
               "newName": "routing-calls"}),
    );
    assert_eq!(
        edit["changes"][&b],
        json!([
            {"range": range(1, 2, 1, 14), "newText": "routing-calls"},
            {"range": range(6, 30, 6, 42), "newText": "routing-calls"},
        ])
    );
    assert_eq!(
        edit["changes"][&a],
        json!([{"range": range(14, 23, 14, 35), "newText": "routing-calls"}])
    );
    // Refused: an id that is taken, and one outside the id alphabet.
    let taken = client.request_error(
        "textDocument/rename",
        json!({"textDocument": {"uri": b}, "position": {"line": 1, "character": 3},
               "newName": "routing"}),
    );
    assert_eq!(taken, "there is already a capability `routing`");
    let invalid = client.request_error(
        "textDocument/rename",
        json!({"textDocument": {"uri": b}, "position": {"line": 1, "character": 3},
               "newName": "call routing"}),
    );
    assert!(invalid.contains("is not an id"), "{invalid}");

    // The outline: stakeholders, then the stream with its stage inside.
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": a}}),
    );
    let outline: Vec<(String, Vec<String>)> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let children = s["children"]
                .as_array()
                .map(|c| {
                    c.iter()
                        .map(|c| c["name"].as_str().unwrap().to_string())
                        .collect()
                })
                .unwrap_or_default();
            (s["name"].as_str().unwrap().to_string(), children)
        })
        .collect();
    assert_eq!(
        outline,
        [
            ("customer".to_string(), vec![]),
            ("agent".to_string(), vec![]),
            ("enquiry".to_string(), vec!["connect".to_string()]),
        ]
    );
    let found = client.request("workspace/symbol", json!({"query": "路由"}));
    let names: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["call-routing", "routing"]);

    client.shutdown();
}

/// Every hostile corpus file given as it would be typed (in at most [`STEPS`] growing prefixes,
/// then whole): each step is checked and answered without an error response, and the buffer
/// gets diagnostics. Generated cases (megabytes, deep nesting) are left to `tests/hostile.rs`.
#[test]
fn half_typed_hostile_files_never_break_the_server() {
    const STEPS: usize = 40;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut client = Client::start(root);
    let corpus = common::root().join("tests/hostile");
    let mut files = Vec::new();
    for case in std::fs::read_dir(&corpus).unwrap() {
        let case = case.unwrap().path();
        let single = case.join("input.yaml");
        if single.is_file() {
            files.push(single);
        }
        if let Ok(entries) = std::fs::read_dir(case.join("input")) {
            files.extend(
                entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| p.is_file()),
            );
        }
    }
    files.sort();
    assert!(files.len() > 80, "the corpus is there: {}", files.len());
    for (n, file) in files.iter().enumerate() {
        let text = String::from_utf8_lossy(&std::fs::read(file).unwrap()).into_owned();
        let uri = uri(root, &format!("case-{n}.yaml"));
        client.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "yaml", "version": 0, "text": ""}}),
        );
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let stride = chars.len().div_ceil(STEPS).max(1);
        let mut cuts: Vec<usize> = chars.iter().step_by(stride).map(|(i, _)| *i).collect();
        cuts.push(text.len());
        for (version, cut) in cuts.into_iter().enumerate() {
            let prefix = &text[..cut];
            client.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri, "version": version + 1},
                       "contentChanges": [{"text": prefix}]}),
            );
            // The end of the buffer, where the next character would be typed.
            let line = prefix.matches('\n').count() as u32;
            let last = prefix.rsplit('\n').next().unwrap_or("");
            let end = at(&uri, line, last.encode_utf16().count() as u32);
            for method in [
                "textDocument/completion",
                "textDocument/hover",
                "textDocument/definition",
            ] {
                client.request(method, end.clone());
            }
            client.request(
                "textDocument/documentSymbol",
                json!({"textDocument": {"uri": uri}}),
            );
        }
        client.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": range(0, 0, 99, 0),
                   "context": {"diagnostics": []}}),
        );
        client.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        );
        let _ = client.diagnostics(&uri);
    }
    client.shutdown();
}

/// A duplicate id across files: the diagnostic on the second definition points at the first.
#[test]
fn a_duplicate_points_at_the_first_definition() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("a.yaml"), STREAMS).unwrap();
    std::fs::write(
        root.join("b.yaml"),
        CAPABILITIES.replace("call-routng", "call-routing"),
    )
    .unwrap();
    std::fs::write(
        root.join("c.yaml"),
        "capabilities:\n  call-routing: {name: Again}\n",
    )
    .unwrap();
    let (b, c) = (uri(root, "b.yaml"), uri(root, "c.yaml"));
    let mut client = Client::start(root);
    let found = client.diagnostics(&c);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["code"], "VSM005");
    assert_eq!(found[0]["range"], range(1, 2, 1, 14));
    let related = &found[0]["relatedInformation"][0];
    assert_eq!(
        related["location"],
        json!({"uri": b, "range": range(1, 2, 1, 14)})
    );
    client.shutdown();
}

/// The codes of diagnostics.
fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

/// A client that can watch files is asked to; a model file changed, created or deleted on disk
/// is checked again, and a changed `vsm.yaml` is read again (its rule settings apply at once).
#[test]
fn files_changed_on_disk_and_the_config_are_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("a.yaml"), STREAMS).unwrap();
    std::fs::write(root.join("b.yaml"), CAPABILITIES).unwrap();
    let (b, c) = (uri(root, "b.yaml"), uri(root, "c.yaml"));
    let mut client = Client::start_with(
        root,
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
    );
    assert_eq!(codes(&client.diagnostics(&b)), ["VSM201", "VSM006"]);
    let registration = &client.server_requests[0];
    assert_eq!(registration["method"], "client/registerCapability");
    let registered = &registration["params"]["registrations"][0];
    assert_eq!(registered["method"], "workspace/didChangeWatchedFiles");
    assert_eq!(
        registered["registerOptions"]["watchers"],
        json!([{"globPattern": "**/*.yaml"}, {"globPattern": "**/*.yml"}])
    );
    let changed = |client: &mut Client, file: &str, kind: u32| {
        client.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": uri(root, file), "type": kind}]}),
        );
    };
    let (created, changed_kind, deleted) = (1, 2, 3);

    // The typo fixed in an editor that is not this one: only the unused capability is left.
    std::fs::write(
        root.join("b.yaml"),
        CAPABILITIES.replace("call-routng", "call-routing"),
    )
    .unwrap();
    changed(&mut client, "b.yaml", changed_kind);
    assert_eq!(codes(&client.diagnostics(&b)), ["VSM201"]);

    // A new file defining `call-routing` again, then deleted: its diagnostics are cleared.
    std::fs::write(
        root.join("c.yaml"),
        "capabilities:\n  call-routing: {name: Again}\n",
    )
    .unwrap();
    changed(&mut client, "c.yaml", created);
    assert_eq!(codes(&client.diagnostics(&c)), ["VSM005"]);
    std::fs::remove_file(root.join("c.yaml")).unwrap();
    changed(&mut client, "c.yaml", deleted);
    assert_eq!(client.diagnostics(&c), Vec::<Value>::new());

    // `vsm.yaml` switches the unused-capability rule off: `b.yaml` is clean.
    std::fs::write(root.join("vsm.yaml"), "rules:\n  unused-capability: off\n").unwrap();
    changed(&mut client, "vsm.yaml", created);
    assert_eq!(client.diagnostics(&b), Vec::<Value>::new());
    // And back on.
    std::fs::write(root.join("vsm.yaml"), "rules:\n  unused-capability: info\n").unwrap();
    changed(&mut client, "vsm.yaml", changed_kind);
    let found = client.diagnostics(&b);
    assert_eq!(codes(&found), ["VSM201"]);
    assert_eq!(found[0]["severity"], 3, "information, as configured");
    client.shutdown();
}

/// After each edit of an open file (values, ids, a duplicate across files, a syntax error),
/// the diagnostics of every file are what `vsm check` says of the same files: the server's
/// incremental load and its republishing of changed files only are held to a full check.
#[test]
fn diagnostics_after_edits_are_those_of_vsm_check() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let model = common::root().join("models/customer-service");
    for entry in std::fs::read_dir(&model).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, root.join(path.file_name().unwrap())).unwrap();
    }
    let original = std::fs::read_to_string(root.join("capabilities.yaml")).unwrap();
    let opened = uri(root, "capabilities.yaml");
    let mut client = Client::start(root);
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": opened, "languageId": "yaml", "version": 0,
                                "text": original}}),
    );
    let edits: Vec<(&str, String)> = vec![
        ("as on disk", original.clone()),
        (
            "an id renamed",
            original.replacen("  call-routing:", "  call-routingx:", 1),
        ),
        ("renamed back", original.clone()),
        (
            "a value changed",
            original.replacen("maturity: 3", "maturity: 9", 1),
        ),
        (
            "an element added",
            original.replacen(
                "capabilities:\n",
                "capabilities:\n  brand-new: {name: New}\n",
                1,
            ),
        ),
        (
            "a process defined again",
            format!("{original}\nprocesses:\n  handle-inbound-call: {{name: Again}}\n"),
        ),
        ("a syntax error", format!("{original}\noops: [\n")),
        ("as on disk again", original.clone()),
    ];
    for (version, (what, text)) in edits.into_iter().enumerate() {
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": opened, "version": version + 1},
                   "contentChanges": [{"text": text}]}),
        );
        // A request is answered after the check of every edit before it, and its diagnostics.
        client.request("workspace/symbol", json!({"query": "zzz-none"}));
        std::fs::write(root.join("capabilities.yaml"), &text).unwrap();
        let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("vsm"))
            .args(["check", "--format", "json", "."])
            .current_dir(root)
            .output()
            .unwrap();
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        let mut expected: std::collections::BTreeMap<String, Vec<(String, u64, u64, String)>> =
            Default::default();
        for finding in report["findings"].as_array().unwrap() {
            let file = finding["file"].as_str().unwrap().trim_start_matches("./");
            let mut message = finding["message"].as_str().unwrap().to_string();
            if let Some(help) = finding["help"].as_str() {
                message = format!("{message}\nhelp: {help}");
            }
            expected.entry(uri(root, file)).or_default().push((
                finding["code"].as_str().unwrap().to_string(),
                finding["line"].as_u64().unwrap() - 1,
                finding["column"].as_u64().unwrap() - 1,
                message,
            ));
        }
        let mut published: std::collections::BTreeMap<String, Vec<(String, u64, u64, String)>> =
            Default::default();
        for (file, diagnostics) in &client.published {
            if diagnostics.is_empty() {
                continue;
            }
            published.insert(
                file.clone(),
                diagnostics
                    .iter()
                    .map(|d| {
                        (
                            d["code"].as_str().unwrap().to_string(),
                            d["range"]["start"]["line"].as_u64().unwrap(),
                            d["range"]["start"]["character"].as_u64().unwrap(),
                            d["message"].as_str().unwrap().to_string(),
                        )
                    })
                    .collect(),
            );
        }
        let clean = matches!(what, "as on disk" | "renamed back" | "as on disk again");
        assert_eq!(
            expected.is_empty(),
            clean,
            "{what}: the breaking edits give findings"
        );
        assert_eq!(published, expected, "after {what}");
    }
    client.shutdown();
}

/// `lang:` of the workspace's `vsm.yaml` writes the diagnostics in Chinese (an editor starts
/// the server without flags), and the did-you-mean quick fix still finds its candidate.
#[test]
fn diagnostics_follow_the_workspace_language_and_quick_fixes_still_work() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("vsm.yaml"), "lang: zh-CN\n").unwrap();
    std::fs::write(root.join("a.yaml"), STREAMS).unwrap();
    std::fs::write(root.join("b.yaml"), CAPABILITIES).unwrap();
    let b = uri(root, "b.yaml");
    let mut client = Client::start(root);
    let found = client.diagnostics(&b);
    let codes: Vec<&str> = found.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["VSM201", "VSM006"]);
    assert_eq!(
        found[1]["message"],
        "未知的业务能力 `call-routng`\n建议：是否想写 `call-routing`？"
    );
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": b}, "range": range(6, 32, 6, 32),
               "context": {"diagnostics": []}}),
    );
    assert_eq!(actions[0]["title"], "Change to `call-routing`");
    assert_eq!(
        actions[0]["edit"]["changes"][&b],
        json!([{"range": range(6, 30, 6, 41), "newText": "call-routing"}])
    );
    client.shutdown();
}
