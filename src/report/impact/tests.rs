//! The impact of each kind on small models whose answers are worked out by hand.

use super::render;
use super::*;
use crate::i18n::Lang;
use crate::report::views::fixture::Fixture;

/// Two streams; a capability tree sales > intake > refund used by both streams' stages, value
/// items and the steps of one process; a commitment loop; perception points on two stages.
const SHOP: &str = r#"
stakeholders:
  client: {name: Client}
  desk: {name: Desk}
value_streams:
  order:
    name: Order
    trigger: client
    stages:
      take:
        name: Take order
        stakeholders: [client, desk]
        value_items:
          - {name: Quick, capabilities: [intake]}
          - {name: Polite}
        capabilities: [sales]
        processes: [write]
      ship: {name: Ship}
  returns:
    name: Returns
    trigger: client
    stages:
      accept:
        name: Accept return
        capabilities: [intake, refund]
        value_items: [{name: Refunded, capabilities: [refund]}]
        processes: [write]
capabilities:
  sales: {name: Sales, owner: desk}
  intake: {name: Intake, parent: sales}
  refund: {name: Refund, parent: intake}
  other: {name: Other}
processes:
  write:
    name: Write it
    owner: desk
    capabilities: [other]
    steps:
      - {name: Type, owner: desk, capabilities: [intake]}
      - {name: Check}
      - {name: Pay back, capabilities: [refund, intake]}
commitments:
  fast: {name: Fast, stage: order/take, owner: desk, perception: speed, parts: [quick]}
  quick: {name: Quick, parts: [fast]}
  ret: {name: Returned in a day, stage: returns/accept}
perceptions:
  speed: {name: Speed, stage: order/take}
  calm: {name: Calm, stage: order/ship}
"#;

fn impact_of(yaml: &str, id: &str, kind: Option<Kind>) -> Impact {
    let fixture = Fixture::new(yaml);
    let views = fixture.views();
    let subject = find(views.model, id, kind).unwrap_or_else(|e| panic!("{id}: {e:?}"));
    Impact::new(&views, subject)
}

/// An item as (its id, or `step 2` and the like, and its via).
type Shown = (String, Vec<String>);

/// Each group's relation and its items.
fn summary(impact: &Impact) -> Vec<(Relation, Vec<Shown>)> {
    impact
        .groups
        .iter()
        .map(|g| {
            let items = g
                .items
                .iter()
                .map(|i| {
                    let id = i.id.clone().unwrap_or_else(|| {
                        format!("{} {}", i.kind.nouns().0, i.position.unwrap_or(0))
                    });
                    (id, i.via.clone())
                })
                .collect();
            (g.relation, items)
        })
        .collect()
}

fn item(id: &str, via: &[&str]) -> Shown {
    (id.to_string(), via.iter().map(|v| v.to_string()).collect())
}

#[test]
fn a_capability_reaches_everything_its_subtree_is_used_by() {
    let impact = impact_of(SHOP, "sales", None);
    assert_eq!(
        impact.subject,
        Element {
            kind: ItemKind::Capability,
            id: "sales".into(),
            name: "Sales".into()
        }
    );
    // sales is named by order/take; intake (below it) by take's first value item, by
    // returns/accept and by steps 1 and 3; refund (below intake) by accept, its value item
    // and step 3. So: two stages in two streams, one process, and what is on those stages:
    // fast on take, ret on accept; speed on take (calm is on ship, which uses none of them).
    assert_eq!(
        summary(&impact),
        [
            (
                Relation::Below,
                vec![item("intake", &[]), item("refund", &[])]
            ),
            (
                Relation::Stages,
                vec![
                    item("order/take", &["sales", "intake"]),
                    item("returns/accept", &["intake", "refund"]),
                ]
            ),
            (
                Relation::ValueStreams,
                vec![item("order", &["take"]), item("returns", &["accept"])]
            ),
            (
                Relation::Processes,
                vec![item("write", &["intake", "refund"])]
            ),
            (
                Relation::Commitments,
                vec![
                    item("fast", &["order/take"]),
                    item("ret", &["returns/accept"])
                ]
            ),
            (Relation::Perceptions, vec![item("speed", &["order/take"])]),
            (Relation::Owner, vec![item("desk", &[])]),
        ]
    );
    let below = &impact.group(Relation::Below).unwrap().items;
    assert_eq!((below[0].depth, below[1].depth), (1, 2));
    // The value items and steps that name the subtree themselves, with what they name.
    let parts = |relation| -> Vec<Vec<(usize, Vec<String>)>> {
        impact
            .group(relation)
            .unwrap()
            .items
            .iter()
            .map(|i| {
                i.parts
                    .iter()
                    .map(|p| (p.position, p.via.clone()))
                    .collect()
            })
            .collect()
    };
    let via = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        parts(Relation::Stages),
        [vec![(1, via(&["intake"]))], vec![(1, via(&["refund"]))]]
    );
    assert_eq!(
        parts(Relation::Processes),
        [vec![(1, via(&["intake"])), (3, via(&["intake", "refund"]))]]
    );
    let stages = impact.group(Relation::Stages).unwrap();
    assert_eq!(stages.count, 2);
    assert_eq!(stages.parts(), Some((ItemKind::ValueItem, 2)));
    assert_eq!(stages.items[0].parts[0].name, "Quick");
}

#[test]
fn a_leaf_capability_named_only_by_a_process_has_no_stage() {
    let impact = impact_of(SHOP, "other", Some(Kind::Capability));
    let counts: Vec<(Relation, usize)> = impact
        .groups
        .iter()
        .map(|g| (g.relation, g.count))
        .collect();
    assert_eq!(
        counts,
        [
            (Relation::Below, 0),
            (Relation::Stages, 0),
            (Relation::ValueStreams, 0),
            (Relation::Processes, 1),
            (Relation::Commitments, 0),
            (Relation::Perceptions, 0),
            (Relation::Owner, 0),
        ]
    );
    // Named by the process itself, not by a step: no parts.
    assert!(impact.group(Relation::Processes).unwrap().items[0]
        .parts
        .is_empty());
}

#[test]
fn a_process_a_stakeholder_and_a_stage_answer_from_their_side() {
    let process = impact_of(SHOP, "write", None);
    let stages = &process.group(Relation::Stages).unwrap().items;
    let ids: Vec<_> = stages.iter().map(|i| i.id.clone().unwrap()).collect();
    assert_eq!(ids, ["order/take", "returns/accept"]);
    // Capabilities: the process's own (other), then its steps' in the order written.
    let caps: Vec<_> = process
        .group(Relation::Capabilities)
        .unwrap()
        .items
        .iter()
        .map(|i| i.id.clone().unwrap())
        .collect();
    assert_eq!(caps, ["other", "intake", "refund"]);
    assert_eq!(process.group(Relation::Steps).unwrap().count, 3);
    assert_eq!(process.group(Relation::Commitments).unwrap().count, 2);

    let desk = impact_of(SHOP, "desk", None);
    assert_eq!(
        summary(&desk),
        [
            (Relation::Triggers, vec![]),
            (Relation::Stages, vec![item("order/take", &[])]),
            (Relation::Capabilities, vec![item("sales", &[])]),
            (Relation::Processes, vec![item("write", &[])]),
            (Relation::Steps, vec![item("step 1", &["write"])]),
            (Relation::Commitments, vec![item("fast", &[])]),
        ]
    );
    let client = impact_of(SHOP, "client", None);
    assert_eq!(
        client.group(Relation::Triggers).unwrap().count,
        2,
        "order and returns"
    );

    let take = impact_of(SHOP, "take", None);
    assert_eq!(take.subject.id, "order/take");
    let counts: Vec<(Relation, usize)> =
        take.groups.iter().map(|g| (g.relation, g.count)).collect();
    assert_eq!(
        counts,
        [
            (Relation::ValueStream, 1),
            (Relation::Previous, 0),
            (Relation::Next, 1),
            (Relation::ValueItems, 2),
            (Relation::Stakeholders, 2),
            (Relation::Capabilities, 2),
            (Relation::Processes, 1),
            (Relation::Information, 0),
            (Relation::BusinessObjects, 0),
            (Relation::Commitments, 1),
            (Relation::Perceptions, 1),
        ]
    );
    let ship = impact_of(SHOP, "order/ship", None);
    assert_eq!(
        summary(&ship)[1],
        (Relation::Previous, vec![item("order/take", &[])])
    );
}

#[test]
fn a_business_object_is_reached_through_its_information_too() {
    let yaml = r#"
value_streams:
  s:
    name: S
    stages:
      a: {name: A, business_objects: [ticket]}
      b: {name: B, information: [ticket-info]}
processes:
  p:
    name: P
    steps: [{name: One}, {name: Two, information: [ticket-info]}]
information:
  ticket-info: {name: Ticket info, business_object: ticket}
business_objects:
  ticket: {name: Ticket, related: [customer, ticket]}
  customer: {name: Customer}
  order: {name: Order, related: [ticket]}
"#;
    let impact = impact_of(yaml, "ticket", None);
    assert_eq!(
        summary(&impact),
        [
            (Relation::Information, vec![item("ticket-info", &[])]),
            // Named by ticket, and naming it; ticket naming itself is no relation.
            (
                Relation::Related,
                vec![item("customer", &[]), item("order", &[])]
            ),
            (
                Relation::Stages,
                vec![item("s/a", &["ticket"]), item("s/b", &["ticket-info"])]
            ),
            (Relation::ValueStreams, vec![item("s", &["a", "b"])]),
            (Relation::Processes, vec![item("p", &["ticket-info"])]),
            (Relation::Commitments, vec![]),
            (Relation::Perceptions, vec![]),
        ]
    );
    let steps = &impact.group(Relation::Processes).unwrap().items[0].parts;
    assert_eq!(steps.len(), 1);
    assert_eq!((steps[0].position, steps[0].name.as_str()), (2, "Two"));
}

#[test]
fn commitments_list_their_parts_once_even_in_a_loop() {
    let fast = impact_of(SHOP, "fast", None);
    assert_eq!(
        summary(&fast),
        [
            (Relation::Stage, vec![item("order/take", &[])]),
            (Relation::ValueStream, vec![item("order", &[])]),
            (Relation::Perception, vec![item("speed", &[])]),
            (Relation::Owner, vec![item("desk", &[])]),
            // quick's part is fast itself: not walked again.
            (Relation::Parts, vec![item("quick", &[])]),
            (Relation::PartOf, vec![item("quick", &[])]),
        ]
    );
    let speed = impact_of(SHOP, "speed", None);
    assert_eq!(
        summary(&speed)[2],
        (Relation::Commitments, vec![item("fast", &[])])
    );
    let returns = impact_of(SHOP, "returns", None);
    let caps = &returns.group(Relation::Capabilities).unwrap().items;
    let caps: Vec<_> = caps
        .iter()
        .map(|i| (i.id.clone().unwrap(), i.via.clone()))
        .collect();
    assert_eq!(
        caps,
        [item("intake", &["accept"]), item("refund", &["accept"])]
    );
}

#[test]
fn a_parent_loop_and_a_deep_chain_are_walked_once_without_recursion() {
    let looped = impact_of(
        "capabilities:\n  a: {name: A, parent: b}\n  b: {name: B, parent: a}\n",
        "a",
        None,
    );
    assert_eq!(summary(&looped)[0], (Relation::Below, vec![item("b", &[])]));

    let mut yaml = String::from("capabilities:\n  c0: {name: C0}\n");
    let n = 20_000;
    for i in 1..n {
        yaml.push_str(&format!("  c{i}: {{name: C{i}, parent: c{}}}\n", i - 1));
    }
    let deep = impact_of(&yaml, "c0", None);
    let below = &deep.group(Relation::Below).unwrap().items;
    assert_eq!(below.len(), n - 1);
    assert_eq!(below.last().unwrap().depth, n as u32 - 1);
    // The terminal tree indents at most MAX_LEVEL levels: lines stay short.
    let text = render::term(&deep, Lang::En, false);
    let widest = text.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest < 60, "{widest}");
}

#[test]
fn ids_are_found_by_kind_and_stage_ids_bare_or_with_their_stream() {
    let yaml = r#"
stakeholders:
  x: {name: X}
value_streams:
  one: {name: One, stages: {x: {name: X1}, only: {name: Only}}}
  two: {name: Two, stages: {x: {name: X2}}}
capabilities:
  x: {name: X}
  routing: {name: Routing}
"#;
    let fixture = Fixture::new(yaml);
    let model = &fixture.loaded.model;
    assert_eq!(
        find(model, "only", None),
        Ok(Subject::Stage {
            stream: 0,
            stage: 1
        })
    );
    assert_eq!(
        find(model, "two/x", None),
        Ok(Subject::Stage {
            stream: 1,
            stage: 0
        })
    );
    assert_eq!(
        find(model, "x", Some(Kind::Capability)),
        Ok(Subject::Capability(0))
    );
    assert_eq!(
        find(model, "x", None),
        Err(NotFound::Ambiguous(vec![
            Subject::Capability(0),
            Subject::Stakeholder(0),
            Subject::Stage {
                stream: 0,
                stage: 0
            },
            Subject::Stage {
                stream: 1,
                stage: 0
            },
        ]))
    );
    // With --kind stage the bare id is still two stages.
    assert!(
        matches!(find(model, "x", Some(Kind::Stage)), Err(NotFound::Ambiguous(s)) if s.len() == 2)
    );
    assert_eq!(
        find(model, "only", Some(Kind::Process)),
        Err(NotFound::OtherKinds {
            kinds: vec![Kind::Stage]
        })
    );
    assert_eq!(
        find(model, "routng", None),
        Err(NotFound::Unknown {
            suggestion: Some("routing".into())
        })
    );
    assert_eq!(
        find(model, "one/onyl", None),
        Err(NotFound::Unknown {
            suggestion: Some("one/only".into())
        })
    );
    assert_eq!(
        find(model, "routng", Some(Kind::Stakeholder)),
        Err(NotFound::Unknown { suggestion: None })
    );
}

#[test]
fn direct_uses_name_each_stage_and_process_once() {
    let fixture = Fixture::new(SHOP);
    let used = fixture.resolved.used_by(&fixture.loaded.model);
    let intake = fixture
        .loaded
        .model
        .capabilities
        .get_index_of("intake")
        .unwrap();
    // intake: take's value item, the accept stage, steps 1 and 3 of write.
    assert_eq!(
        direct_uses(used, intake),
        DirectUses {
            stages: vec![(0, 0), (1, 0)],
            processes: vec![0]
        }
    );
    // sales: only take names it; its children's uses are not its own.
    assert_eq!(
        direct_uses(used, 0),
        DirectUses {
            stages: vec![(0, 0)],
            processes: vec![]
        }
    );
}

#[test]
fn the_terminal_tree_shows_counts_branches_and_links() {
    let impact = impact_of(SHOP, "intake", None);
    let text = render::term(&impact, Lang::En, false);
    let expected = "\
Impact of capability intake · Intake

Capabilities below it (1)
└─ refund · Refund

Stages using it or a capability below it (2, with 2 value items)
├─ order/take · Take order
│  └─ value item 1 · Quick
└─ returns/accept · Accept return  via intake, refund
   └─ value item 1 · Refunded  via refund

Value streams of those stages (2)
├─ order · Order  via take
└─ returns · Returns  via accept

Processes using it or a capability below it (1, with 2 steps)
└─ write · Write it  via intake, refund
   ├─ step 1 · Type
   └─ step 3 · Pay back  via intake, refund

Commitments on those stages (2)
├─ fast · Fast  via order/take
└─ ret · Returned in a day  via returns/accept

Perception points on those stages (1)
└─ speed · Speed  via order/take

Owner (0)
   none
";
    assert_eq!(text, expected);
    let colored = render::term(&impact, Lang::En, true);
    assert!(colored.contains("\x1b[1mCapabilities below it (1)\x1b[0m"));
    assert!(colored.contains("\x1b[2mvia intake, refund\x1b[0m"));
}

#[test]
fn hostile_names_are_escaped_in_the_terminal_and_in_markdown() {
    let yaml = "capabilities:\n  \"c\\e[2J\": {name: \"# Evil\\e]52;c;aGk=\\a\\n*bold* <b>x</b> | cell\"}\n  \
                -child: {name: Not a list, parent: \"c\\e[2J\"}\n";
    let impact = impact_of(yaml, "c\u{1b}[2J", None);
    let term = render::term(&impact, Lang::En, true);
    let raw: Vec<char> = term
        .replace("\x1b[1m", "")
        .replace("\x1b[2m", "")
        .replace("\x1b[0m", "")
        .chars()
        .filter(|c| c.is_control() && *c != '\n')
        .collect();
    assert!(raw.is_empty(), "{raw:?}");
    assert!(term.contains(
        r"Impact of capability c\u{1b}[2J · # Evil\u{1b}]52;c;aGk=\u{7} *bold* <b>x</b> | cell"
    ));
    let md = render::markdown_text(&impact, Lang::En);
    assert!(md.starts_with(
        "## Impact of capability c\u{fffd}\\[2J · # Evil\u{fffd}\\]52;c;aGk=\u{fffd} \\*bold\\* &lt;b&gt;x&lt;/b&gt; \\| cell\n"
    ), "{md}");
    assert!(md.contains("\n- \\-child · Not a list\n"), "{md}");
}

#[test]
fn json_has_the_documented_fields() {
    let impact = impact_of(SHOP, "intake", None);
    let json: serde_json::Value = serde_json::from_str(&render::json(&impact).unwrap()).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(
        json["subject"],
        serde_json::json!({"kind": "capability", "id": "intake", "name": "Intake"})
    );
    let stages = &json["groups"][1];
    assert_eq!(
        stages,
        &serde_json::json!({
            "relation": "stages", "kind": "stage", "count": 2,
            "items": [
                {"kind": "stage", "id": "order/take", "name": "Take order", "position": null,
                 "depth": 0, "via": ["intake"],
                 "parts": [{"kind": "value_item", "position": 1, "name": "Quick", "via": ["intake"]}]},
                {"kind": "stage", "id": "returns/accept", "name": "Accept return", "position": null,
                 "depth": 0, "via": ["intake", "refund"],
                 "parts": [{"kind": "value_item", "position": 1, "name": "Refunded", "via": ["refund"]}]},
            ]
        })
    );
    let relations: Vec<&str> = json["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["relation"].as_str().unwrap())
        .collect();
    assert_eq!(
        relations,
        [
            "below",
            "stages",
            "value_streams",
            "processes",
            "commitments",
            "perceptions",
            "owner"
        ]
    );
}
