//! Completion from `vsm lsp` over stdio, as an editor asks for it while a file is being typed:
//! quoted keys and ids, flow mappings, `allow:` lists and suppression comments, with the ids
//! taken from another file of the workspace (the typed one does not even parse yet).

mod common;

use common::lsp_client::{uri, Client};
use serde_json::{json, Value};

/// The elements the typed file refers to, in a file of their own.
const ELEMENTS: &str = "\
stakeholders:
  customer: {name: Customer, type: external}
  agent: {name: Service agent}
capabilities:
  call-routing: {name: Call routing}
  customer-identification: {name: Identify the caller}
";

/// A file being typed: each line that ends in `⸢` (not part of the text sent) is where the
/// editor asks for completion. It is not valid YAML yet (an open quote).
const TYPED: &str = "\
processes:
  \"handle-call\":
    name: Handle a call
    \"capabilities\": ['call-routing', '⸢
    steps:
      - {name: Route, owner: ⸢}
    allow: [no-value-item, ⸢]
    description: 呼叫 # vsm: ignore[⸢
    enablement: ⸢
";

/// The (line, UTF-16 column) of each `⸢` in `text`, and the text without them.
fn cursors(text: &str) -> (Vec<(usize, usize)>, String) {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if let Some(at) = line.find('⸢') {
            found.push((n, line[..at].encode_utf16().count()));
        }
    }
    (found, text.replace('⸢', ""))
}

fn complete(client: &mut Client, uri: &str, (line, character): (usize, usize)) -> Vec<Value> {
    let items = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
    );
    items.as_array().unwrap().clone()
}

/// (label, text inserted) of each item.
fn offered(items: &[Value]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|i| {
            (
                i["label"].as_str().unwrap().to_string(),
                i["insertText"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn completion_while_typing_quoted_flow_and_rule_positions() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("elements.yaml"), ELEMENTS).unwrap();
    let typed = uri(root, "typed.yaml");
    let mut client = Client::start(root);
    let (at, text) = cursors(TYPED);
    assert_eq!(at.len(), 5);
    // `description: 呼叫 # vsm: ignore[`: 4 + 13 + 2 (呼叫, 6 bytes) + 15 = 34 UTF-16 units.
    assert_eq!(at[3], (7, 34));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": typed, "languageId": "yaml", "version": 1, "text": text}}),
    );

    // In a quoted id of a quoted key: the capabilities, by name, in the model's order.
    assert_eq!(
        offered(&complete(&mut client, &typed, at[0])),
        pairs(&[
            ("Call routing", "call-routing"),
            ("Identify the caller", "customer-identification")
        ])
    );
    // `owner:` in a step written as a flow mapping: the stakeholders.
    assert_eq!(
        offered(&complete(&mut client, &typed, at[1])),
        pairs(&[("Customer", "customer"), ("Service agent", "agent")])
    );
    // `allow:`: rule names, described by their codes; none that cannot be switched off.
    let rules = complete(&mut client, &typed, at[2]);
    let participants = rules
        .iter()
        .find(|i| i["label"] == "no-participants")
        .expect("no-participants offered in allow:");
    assert_eq!(participants["insertText"], "no-participants");
    assert_eq!(participants["labelDetails"]["description"], "VSM105");
    assert!(
        !rules.iter().any(|i| i["label"] == "duplicate-id"),
        "VSM005 cannot be allowed"
    );
    // A suppression comment: the same rules, the code inserted (as the quick fix writes it).
    let codes = complete(&mut client, &typed, at[3]);
    let participants = codes
        .iter()
        .find(|i| i["label"] == "no-participants")
        .expect("no-participants offered in the comment");
    assert_eq!(participants["insertText"], "VSM105");
    assert_eq!(codes.len(), rules.len());
    // An enumerated field of a process? `enablement` is a capability's: nothing here.
    assert_eq!(complete(&mut client, &typed, at[4]), Vec::<Value>::new());
    client.shutdown();
}
