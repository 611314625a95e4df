//! Findings that tell the truth (issue 12), through the real binary: one cause gives one
//! finding, positions agree across formats, "used" has one meaning, messages read right.

use serde_json::Value;
use std::path::Path;

mod common;
use common::{check_json, codes, model_dir, vsm};

/// The human output of `vsm check` in `dir` (no colour).
fn human(dir: &Path, args: &[&str]) -> String {
    let out = vsm(dir)
        .args(["check", "--format", "human", "--color", "never"])
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn messages(value: &Value) -> Vec<String> {
    value["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect()
}

/// The help line of the first finding.
fn first_help(json: &Value) -> &str {
    json["findings"][0]["help"].as_str().unwrap_or_default()
}

const STREAM: &str = "\
value_streams:
  complaint:
    name: Handle a complaint
    trigger: customer
    stages:
      intake:
        name: Take the complaint in
        stakeholders: [customer, agent]
        entry_conditions: [The customer complains]
        exit_conditions: [A ticket is open]
        value_items:
          - name: Complaint is heard at once
            measure: first response within 30 minutes >= 95%
            capabilities: [call-routing]
";

const OTHERS: &str = "\
stakeholders:
  customer: {name: Customer, type: external}
  agent: {name: Agent}
capabilities:
  call-routing: {name: Call routing}
commitments:
  answer-fast: {name: Answer fast, owner: agent, stage: complaint/intake}
";

#[test]
fn a_syntax_error_comes_first_and_its_consequences_are_held_back() {
    // The user's mistake: `measure:` moved two spaces left inside a value item.
    let broken = STREAM.replace("            measure", "          measure");
    let dir = model_dir(&[("a.yaml", OTHERS), ("b-stream.yaml", &broken)]);
    let json = check_json(dir.path(), &[]);
    // Without holding back: unknown stage in a.yaml, and the capability and agent unused.
    assert_eq!(codes(&json), ["VSM001"], "{json}");
    assert!(
        json["summary"]["held_back"].as_u64().unwrap() >= 2,
        "{json}"
    );
    let out = human(dir.path(), &[]);
    assert!(
        out.contains("held back ")
            && out.contains(
                "that may follow from the unreadable part of b-stream.yaml; fix it first"
            ),
        "{out}"
    );
    let clean = model_dir(&[("a.yaml", OTHERS), ("b-stream.yaml", STREAM)]);
    assert_eq!(check_json(clean.path(), &[])["summary"]["held_back"], 0);
}

#[test]
fn the_unreadable_part_sorts_first_even_in_a_later_file() {
    let dir = model_dir(&[
        (
            "a.yaml",
            "capabilities:\n  a: {name: A, parent: nowhere, maturity: 9}\n",
        ),
        ("b.yaml", "processes: [x\n"),
    ]);
    let json = check_json(dir.path(), &[]);
    // The out-of-range maturity is not a consequence: it stays, after the syntax error.
    assert_eq!(codes(&json), ["VSM001", "VSM003"], "{json}");
    // The unknown parent and the capability nobody uses may both follow from b.yaml.
    assert_eq!(json["summary"]["held_back"], 2, "{json}");
}

#[test]
fn stakeholders_written_as_a_list_are_one_finding_with_the_mapping_form() {
    let listed =
        "stakeholders:\n  - customer:\n      name: Customer\n  - agent:\n      name: Agent\n";
    let others = "capabilities:\n  call-routing: {name: Call routing, owner: agent}\n\
                  commitments:\n  answer-fast: {name: Answer fast, owner: agent, stage: complaint/intake}\n";
    let dir = model_dir(&[("a.yaml", listed), ("b.yaml", others), ("c.yaml", STREAM)]);
    let json = check_json(dir.path(), &[]);
    assert_eq!(codes(&json), ["VSM003"], "{json}");
    let help = first_help(&json);
    assert!(
        help.contains("mapping keyed by id") && help.contains("`customer: {name: ...}`"),
        "{help}"
    );
    assert!(
        json["summary"]["held_back"].as_u64().unwrap() >= 4,
        "{json}"
    );
}

#[test]
fn value_items_written_as_a_mapping_are_invalid_not_missing() {
    let mapped = STREAM.replace(
        "          - name: Complaint is heard at once\n            measure",
        "          name: Complaint is heard at once\n          measure",
    );
    let mapped = mapped.replace(
        "            capabilities: [call-routing]",
        "          capabilities: [call-routing]\n        capabilities: [call-routing]",
    );
    let dir = model_dir(&[("a.yaml", OTHERS), ("b.yaml", &mapped)]);
    let json = check_json(dir.path(), &[]);
    assert_eq!(codes(&json), ["VSM003"], "{json}");
    let help = first_help(&json);
    assert!(
        help.contains("is a list") && help.contains("`- name: ...`"),
        "{help}"
    );
    assert_eq!(json["summary"]["held_back"], 0);
}

#[test]
fn stages_written_as_a_list_are_invalid_not_empty() {
    let listed = STREAM.replace("      intake:\n", "      - intake:\n");
    let dir = model_dir(&[("a.yaml", OTHERS), ("b.yaml", &listed)]);
    let json = check_json(dir.path(), &[]);
    let found = codes(&json);
    assert_eq!(found[0], "VSM003", "{json}");
    assert!(!found.contains(&"VSM009".to_string()), "{json}");
    let help = first_help(&json);
    assert!(help.contains("`intake: {name: ...}`"), "{help}");
}

#[test]
fn the_human_header_counts_columns_in_characters_like_every_other_format() {
    let text = "stakeholders:\n  customer: {name: 客户服务中心的客户, description: 这是一个很长的中文描述, type: 内部}\n";
    let dir = model_dir(&[("m.yaml", text)]);
    let json = check_json(dir.path(), &[]);
    let finding = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "VSM003")
        .expect("the bad type");
    let column = finding["column"].as_u64().unwrap();
    let expected = text.lines().nth(1).unwrap().find("内部").unwrap();
    assert!(column < expected as u64, "JSON counts characters: {column}");
    let out = human(dir.path(), &[]);
    assert!(out.contains(&format!("m.yaml:2:{column}]")), "{out}");
}

#[test]
fn a_capability_is_used_when_one_below_it_is_and_an_unused_branch_is_one_finding() {
    let capabilities = "\
capabilities:
  call-routing: {name: Call routing}
  service: {name: Service}
  enquiries: {name: Enquiries, parent: service}
  routing-rules: {name: Routing rules, parent: enquiries}
  fax-handling: {name: Fax handling}
  fax-in: {name: Fax in, parent: fax-handling}
  fax-out: {name: Fax out, parent: fax-handling}
  fax-archive: {name: Fax archive, parent: fax-out}
processes:
  route: {name: Route, owner: agent, capabilities: [routing-rules]}
";
    let stream = STREAM.replace(
        "        value_items:",
        "        processes: [route]\n        value_items:",
    );
    let dir = model_dir(&[
        (
            "a.yaml",
            OTHERS
                .replace("  call-routing: {name: Call routing}\n", "")
                .as_str(),
        ),
        ("b.yaml", &stream),
        ("c.yaml", capabilities),
    ]);
    let json = check_json(dir.path(), &[]);
    assert_eq!(codes(&json), ["VSM201"], "{json}");
    assert_eq!(
        messages(&json),
        ["capability `fax-handling` and the 3 capabilities below it are used by no stage, value item, process or step"]
    );
    // The heat map by usage reads the same meaning: `service` is used through `routing-rules`.
    let out = vsm(dir.path())
        .args(["heatmap", "--by", "usage", "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    let service = csv
        .lines()
        .find(|l| l.contains("service"))
        .unwrap_or_default();
    assert!(!service.ends_with(",0"), "{csv}");
}

#[test]
fn messages_use_the_units_and_articles_people_write() {
    let text = "\
stakeholders:
  agent: {name: Agent}
commitments:
  resolve: {name: Resolve, owner: agent, target: <= 10d, parts: [a, b]}
  a: {name: A, owner: agent, target: <= 9d}
  b: {name: B, owner: agent, target: <= 25h}
information:
  contact: {name: Contact, business_object: record}
business_objects:
  other: {name: Other, related: [contact]}
";
    let dir = model_dir(&[("m.yaml", text)]);
    let all = messages(&check_json(dir.path(), &[]));
    assert!(
        all.iter().any(|m| m.contains("parts add up to 10d 1h")),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|m| m == "`contact` is information, not a business object"),
        "{all:?}"
    );
}

#[test]
fn perception_points_on_two_scales_are_reported() {
    let text = "\
perceptions:
  waiting: {name: Waiting, current: 62, expected: 90}
  answer: {name: Answer, current: 70, expected: 85}
  hold: {name: Hold, current: 3.2, expected: 4.5}
  mixed: {name: Mixed, current: 3.2, expected: 85}
";
    let dir = model_dir(&[("m.yaml", text)]);
    let json = check_json(dir.path(), &["--select", "perception-scale-mismatch"]);
    let found = messages(&json);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].contains("`hold` is scored on 0–5"), "{found:?}");
    assert!(
        found[1].contains("`mixed` mixes the 0–5 and the 0–100 scale"),
        "{found:?}"
    );
}

#[test]
fn a_stakeholder_nothing_names_is_reported() {
    let text = common::CLEAN.replace(
        "  agent: {name: Agent}\n",
        "  agent: {name: Agent}\n  fax-office: {name: Fax office}\n",
    );
    let text = text.as_str();
    let dir = model_dir(&[("m.yaml", text)]);
    let json = check_json(dir.path(), &[]);
    assert_eq!(codes(&json), ["VSM211"], "{json}");
    assert!(messages(&json)[0].starts_with("stakeholder `fax-office` is named by no stage"));
}
