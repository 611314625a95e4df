//! The diff of small models written here, both sides read from text.

use super::*;
use crate::check::{self, Filters};
use crate::load::load_text;

/// The diff of two one-file models (the file is `m.yaml` on both sides).
fn diff_of(old: &str, new: &str) -> Diff {
    let (old, new) = (load_text("m.yaml", old), load_text("m.yaml", new));
    let filters = Filters::default();
    let (old_outcome, new_outcome) = (
        check::findings(&old, &filters),
        check::findings(&new, &filters),
    );
    let keys = ["m.yaml".to_string()];
    compute(
        &Side {
            label: "old",
            loaded: &old,
            outcome: &old_outcome,
            file_keys: &keys,
        },
        &Side {
            label: "new",
            loaded: &new,
            outcome: &new_outcome,
            file_keys: &keys,
        },
    )
}

/// (kind, id, change, old id) of every element change.
fn changes(diff: &Diff) -> Vec<(Kind, &str, Change, Option<&str>)> {
    diff.elements
        .iter()
        .map(|c| (c.kind, c.id.as_str(), c.change, c.old_id.as_deref()))
        .collect()
}

/// `field: old → new` of one element's changes.
fn fields<'d>(diff: &'d Diff, id: &str) -> Vec<(&'d str, Option<&'d str>, Option<&'d str>)> {
    diff.elements
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no change of `{id}`"))
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.old.as_deref(), f.new.as_deref()))
        .collect()
}

const BASE: &str = "\
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
        value_items: [Not kept waiting, Heard]
        capabilities: [routing, crm]
        process_time: 1h
        wait_time: 1h
      solve:
        name: Solve
        value_items: [Problem solved]
        capabilities: [crm]
        process_time: 2h
capabilities:
  service: {name: Service}
  routing: {name: Routing, parent: service, maturity: 2, target_maturity: 4, importance: high}
  crm: {name: CRM, parent: service, maturity: 3, target_maturity: 3}
commitments:
  answer:
    name: Answer fast
    target: \">= 80%\"
    owner: agent
";

#[test]
fn the_same_model_written_differently_has_no_semantic_change() {
    // Another order of the lists, flow style, a comment: nothing the diff compares.
    let reordered = BASE
        .replace("[customer, agent]", "[agent, customer]")
        .replace("[routing, crm]", "[crm, routing]")
        .replace(
            "agent: {name: Agent}",
            "agent:  # the agent\n    name: Agent",
        );
    let diff = diff_of(BASE, &reordered);
    assert!(diff.is_empty(), "{diff:#?}");
    assert_eq!(diff.summary.kinds.len(), 0);
}

#[test]
fn fields_are_compared_old_to_new_and_lists_say_what_came_and_went() {
    let new = BASE
        .replace(
            "maturity: 2, target_maturity: 4",
            "maturity: 3, target_maturity: 4",
        )
        .replace(
            "importance: high",
            "importance: critical, enablement: automated",
        )
        .replace("[routing, crm]", "[routing, ticketing]")
        .replace("process_time: 2h", "process_time: 90min")
        .replace(
            "capabilities:\n  service:",
            "capabilities:\n  ticketing: {name: Ticketing, parent: service}\n  service:",
        );
    let diff = diff_of(BASE, &new);
    assert_eq!(
        changes(&diff),
        [
            (Kind::Stage, "enquiry/connect", Change::Changed, None),
            (Kind::Stage, "enquiry/solve", Change::Changed, None),
            (Kind::Capability, "ticketing", Change::Added, None),
            (Kind::Capability, "routing", Change::Changed, None),
        ]
    );
    assert_eq!(
        fields(&diff, "routing"),
        [
            ("maturity", Some("2"), Some("3")),
            ("importance", Some("high"), Some("critical")),
            ("enablement", None, Some("automated")),
        ]
    );
    let connect = &diff.elements[0].fields[0];
    assert_eq!(connect.field, "capabilities");
    assert_eq!(connect.added, ["ticketing"]);
    assert_eq!(connect.removed, ["crm"]);
    assert_eq!(
        fields(&diff, "enquiry/solve"),
        [("process_time", Some("2h"), Some("1h 30min"))]
    );
    // routing: gap 4 − 2 = 2 → 4 − 3 = 1; risk high (3) × 2 = 6 → critical (4) × 1 = 4.
    let routing = &diff.capabilities[0];
    assert_eq!(
        (routing.id.as_str(), routing.old_gap, routing.new_gap),
        ("routing", Some(2), Some(1))
    );
    assert_eq!((routing.old_risk, routing.new_risk), (Some(6), Some(4)));
    assert_eq!(diff.capabilities.len(), 1);
}

#[test]
fn a_new_id_with_the_same_content_or_name_is_a_rename_and_references_follow_it() {
    // `crm` → `customer-data` (same content); `routing` → `call-routing` (same name, new
    // maturity); every reference to them moves along.
    let new = BASE
        .replace("crm", "customer-data")
        .replace("routing", "call-routing")
        .replace("maturity: 2, target", "maturity: 1, target");
    let diff = diff_of(BASE, &new);
    assert_eq!(
        changes(&diff),
        [
            (
                Kind::Capability,
                "call-routing",
                Change::Renamed,
                Some("routing")
            ),
            (
                Kind::Capability,
                "customer-data",
                Change::Renamed,
                Some("crm")
            ),
        ]
    );
    assert_eq!(
        fields(&diff, "call-routing"),
        [("maturity", Some("2"), Some("1"))]
    );
    assert!(fields(&diff, "customer-data").is_empty());
}

#[test]
fn two_candidates_of_one_name_are_not_guessed_at() {
    let old =
        "stakeholders:\n  a: {name: Clerk, type: internal}\n  b: {name: Clerk, type: external}\n";
    let new = "stakeholders:\n  c: {name: Clerk, type: partner}\n  d: {name: Clerk}\n";
    let diff = diff_of(old, new);
    // No two hold the same content, and the name is shared by two on each side: no guess.
    assert_eq!(
        changes(&diff),
        [
            (Kind::Stakeholder, "c", Change::Added, None),
            (Kind::Stakeholder, "d", Change::Added, None),
            (Kind::Stakeholder, "a", Change::Removed, None),
            (Kind::Stakeholder, "b", Change::Removed, None),
        ]
    );
    // Once one pair holds the same content, the other pair is left with a name of its own.
    let new =
        "stakeholders:\n  c: {name: Clerk, type: partner}\n  d: {name: Clerk, type: internal}\n";
    assert_eq!(
        changes(&diff_of(old, new)),
        [
            (Kind::Stakeholder, "c", Change::Renamed, Some("b")),
            (Kind::Stakeholder, "d", Change::Renamed, Some("a")),
        ]
    );
}

#[test]
fn a_renamed_stream_keeps_its_stages() {
    let new = BASE.replace("  enquiry:\n", "  enquiries:\n");
    let diff = diff_of(BASE, &new);
    assert_eq!(
        changes(&diff),
        [(
            Kind::ValueStream,
            "enquiries",
            Change::Renamed,
            Some("enquiry")
        )]
    );
    assert!(diff.value.is_empty());
}

#[test]
fn value_lost_and_added_is_reported_per_stage_and_stream() {
    let new = BASE
        .replace("[Not kept waiting, Heard]", "[Heard, Called back]")
        .replace(
            "        value_items: [Problem solved]\n",
            "        next: []\n",
        );
    let diff = diff_of(BASE, &new);
    let v = &diff.value;
    let lost: Vec<(&str, &str)> = v
        .items_lost
        .iter()
        .map(|i| (i.stage.as_str(), i.item.as_str()))
        .collect();
    assert_eq!(
        lost,
        [
            ("enquiry/connect", "Not kept waiting"),
            ("enquiry/solve", "Problem solved")
        ]
    );
    assert_eq!(v.items_added.len(), 1);
    assert_eq!(v.items_added[0].item, "Called back");
    assert_eq!(v.stages_without_value.len(), 1);
    assert_eq!(
        (
            v.stages_without_value[0].stage.as_str(),
            v.stages_without_value[0].had
        ),
        ("enquiry/solve", 1)
    );
    assert!(v.streams_that_lost_stages.is_empty());
    assert!(diff.value_lost());
    // The stage that adds no value now is a new finding (VSM101).
    let introduced: Vec<&str> = diff.findings.introduced.iter().map(|f| f.code).collect();
    assert_eq!(introduced, ["VSM101"]);
    assert!(diff.findings.fixed.is_empty());

    let without_solve = BASE.replace(
        "      solve:\n        name: Solve\n        value_items: [Problem solved]\n        capabilities: [crm]\n        process_time: 2h\n",
        "",
    );
    let diff = diff_of(BASE, &without_solve);
    let loss = &diff.value.streams_that_lost_stages;
    assert_eq!(loss.len(), 1);
    assert_eq!(loss[0].stream, "enquiry");
    assert_eq!(loss[0].stages[0].id, "solve");
    assert_eq!(loss[0].stages[0].name, "Solve");
    // connect flowed to solve and now ends the stream.
    assert_eq!(
        fields(&diff, "enquiry/connect"),
        [("next", Some("solve"), None)]
    );
}

#[test]
fn findings_are_matched_by_fingerprint_and_counted() {
    // Two stages without value items before, three after: one introduced, whatever moved.
    let no_value = |ids: &[&str]| {
        let mut text = String::from(
            "stakeholders:\n  c: {name: C}\nvalue_streams:\n  s:\n    name: S\n    trigger: c\n    stages:\n",
        );
        for id in ids {
            text.push_str(&format!("      {id}: {{name: Same}}\n"));
        }
        text
    };
    let diff = diff_of(
        &no_value(&["a", "b"]),
        &format!("# moved\n{}", no_value(&["a", "b", "c"])),
    );
    let introduced: Vec<(&str, &str)> = diff
        .findings
        .introduced
        .iter()
        .map(|f| (f.code, f.path.as_str()))
        .collect();
    assert!(
        introduced.contains(&("VSM101", "value_streams.s.stages.c")),
        "{introduced:?}"
    );
    assert!(diff.findings.fixed.is_empty(), "{:?}", diff.findings.fixed);
    let back = diff_of(&no_value(&["a", "b", "c"]), &no_value(&["a", "b"]));
    assert!(back
        .findings
        .fixed
        .iter()
        .any(|f| f.code == "VSM101" && f.path == "value_streams.s.stages.c"));
}

#[test]
fn targets_and_flow_figures_move_with_their_direction() {
    let new = BASE
        .replace("\">= 80%\"", "\">= 90%\"")
        .replace("wait_time: 1h", "wait_time: 3h");
    let diff = diff_of(BASE, &new);
    assert_eq!(diff.commitments.len(), 1);
    let answer = &diff.commitments[0];
    assert_eq!(answer.direction, Direction::Tightened);
    assert_eq!(
        (answer.old.as_deref(), answer.new.as_deref()),
        (Some(">= 80%"), Some(">= 90%"))
    );
    assert_eq!(diff.summary.commitments_tightened, 1);
    // Lead time: connect 1h + 1h, solve 2h = 4h (process 3h: 75%); after, connect 1h + 3h,
    // solve 2h = 6h (process 3h: 50%).
    let flow = &diff.flow[0];
    assert_eq!(flow.id, "enquiry");
    assert_eq!(flow.old.lead_seconds, Some(4.0 * 3600.0));
    assert_eq!(flow.new.lead_seconds, Some(6.0 * 3600.0));
    assert_eq!(flow.old.flow_efficiency_percent, Some(75.0));
    assert_eq!(flow.new.flow_efficiency_percent, Some(50.0));
    assert!(!flow.new.partial);
}

#[test]
fn the_terminal_text_escapes_model_text() {
    let new = BASE.replace("name: Solve", "name: \"Solve\\e[2J\\u202e\"");
    let diff = diff_of(BASE, &new);
    let text = term::render(&diff, false);
    assert!(text.contains("Solve\\u{1b}[2J\\u{202e}"), "{text}");
    assert!(!text.contains('\u{1b}') && !text.contains('\u{202e}'));
}
