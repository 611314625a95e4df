//! Elements of both sides matched by kind and id, renames found, fields compared.
//!
//! Every element becomes an [`Element`]: its id (stages as `stream/stage`), its name and its
//! fields as borrowed [`Val`]ues, so an unchanged element costs a comparison and no text.
//! Matching, kind by kind in the order of [`ALL_KINDS`]:
//! 1. the same id on both sides (a stage of a renamed stream is looked up under the stream's
//!    new id);
//! 2. of the elements left, a removed and an added one with the same content (every field
//!    but the id) are one element renamed, when no other pair of them has that content;
//! 3. then likewise with the same `name` (stages: in the same stream).
//!
//! Only when every kind is matched are fields compared, so a reference to a renamed element
//! is read under the element's new id (a capability renamed from `crm` to `customer-data`
//! does not make every stage using it "changed").

use super::ValueItemChange;
use super::{Change, ElementChange, FieldChange, Named, StageRef, StreamLoss, ValueChanges};
use crate::model::{Common, Kind, Model, Ref, Step, Target, Text, ValueItem};
use crate::resolve::Resolved;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

/// Every kind, in the order of the format's sections (stages after their streams): the order
/// of the diff's groups, and of matching (a stream's rename is known before its stages).
pub const ALL_KINDS: [Kind; 9] = [
    Kind::Stakeholder,
    Kind::ValueStream,
    Kind::Stage,
    Kind::Capability,
    Kind::Process,
    Kind::Information,
    Kind::BusinessObject,
    Kind::Commitment,
    Kind::Perception,
];

/// Where an element is in its side's model: `(index, 0)` in its section; stages
/// `(stream, stage)`.
pub type At = (usize, usize);

/// A field's value, borrowed from the model, as the diff compares and shows it.
#[derive(Debug)]
enum Val<'m> {
    Absent,
    Text(&'m str),
    Int(i64),
    Real(f64),
    Word(&'static str),
    /// Seconds.
    Duration(f64),
    Target(&'m Target),
    Ref(Kind, &'m str),
    /// References to elements of a kind; `None`: rule names (`allow`).
    Refs(Option<Kind>, &'m [Ref]),
    Texts(&'m [Text]),
    /// The stages a stage flows to after resolving (`next`, or the following stage), as
    /// `stream/stage`.
    Flow(Vec<String>),
    Steps(&'m [Step]),
}

/// One element of one side.
struct Element<'m> {
    id: Cow<'m, str>,
    name: Option<&'m str>,
    label: &'m str,
    at: At,
    fields: Vec<(&'static str, Val<'m>)>,
    /// A stage's value items (empty for other kinds).
    items: &'m [ValueItem],
}

/// Per kind, each old id that is now another, and the new id.
#[derive(Debug, Default)]
pub struct Renames([HashMap<String, String>; 9]);

impl Renames {
    /// The id `id` of kind `kind` on the old side has on the new side.
    pub fn map<'a>(&'a self, kind: Kind, id: &'a str) -> &'a str {
        let renamed = &self.0[kind as usize];
        // Nearly always nothing of the kind was renamed: no hashing then.
        if renamed.is_empty() {
            return id;
        }
        renamed.get(id).map_or(id, String::as_str)
    }

    fn insert(&mut self, kind: Kind, old: &str, new: &str) {
        self.0[kind as usize].insert(old.to_string(), new.to_string());
    }
}

/// Elements matched between the sides, and the changes found.
pub struct Matched {
    /// Grouped by kind, then added, removed, renamed, changed.
    pub changes: Vec<ElementChange>,
    /// Per kind (`kind as usize`): elements on both sides, (old place, new place), in the new
    /// side's order.
    pub pairs: [Vec<(At, At)>; 9],
    /// Per kind: the old places of elements no longer there (not renamed).
    pub removed: [HashSet<At>; 9],
}

impl Matched {
    pub fn pairs(&self, kind: Kind) -> &[(At, At)] {
        &self.pairs[kind as usize]
    }
}

/// Matches the elements of both sides and compares the fields of those on both.
pub fn compare(old: (&Model, &Resolved), new: (&Model, &Resolved)) -> Matched {
    let old_elements: Vec<Vec<Element<'_>>> = ALL_KINDS
        .iter()
        .map(|&k| elements(old.0, old.1, k))
        .collect();
    let new_elements: Vec<Vec<Element<'_>>> = ALL_KINDS
        .iter()
        .map(|&k| elements(new.0, new.1, k))
        .collect();
    let mut renames = Renames::default();
    // Per kind: (old position, new position, renamed) in the element lists.
    let mut matches: Vec<Vec<(usize, usize, bool)>> = Vec::with_capacity(ALL_KINDS.len());
    for kind in ALL_KINDS {
        let (olds, news) = (&old_elements[kind as usize], &new_elements[kind as usize]);
        let found = match_kind(kind, olds, news, &mut renames);
        if kind == Kind::ValueStream {
            // A stream's stages keep their ids under its new id.
            for &(o, n, renamed) in &found {
                if renamed {
                    let (old_id, new_id) = (&olds[o].id, &news[n].id);
                    let stream = &old.0.value_streams[olds[o].at.0];
                    for stage in stream.stages.keys() {
                        renames.insert(
                            Kind::Stage,
                            &format!("{old_id}/{stage}"),
                            &format!("{new_id}/{stage}"),
                        );
                    }
                }
            }
        }
        matches.push(found);
    }

    let mut changes = Vec::new();
    let mut pairs: [Vec<(At, At)>; 9] = Default::default();
    let mut removed: [HashSet<At>; 9] = Default::default();
    for kind in ALL_KINDS {
        let k = kind as usize;
        let (olds, news) = (&old_elements[k], &new_elements[k]);
        let mut found = std::mem::take(&mut matches[k]);
        found.sort_unstable_by_key(|&(_, n, _)| n);
        let mut old_matched = vec![false; olds.len()];
        let mut new_matched = vec![false; news.len()];
        for &(o, n, _) in &found {
            old_matched[o] = true;
            new_matched[n] = true;
        }
        for (_, element) in news.iter().enumerate().filter(|(n, _)| !new_matched[*n]) {
            changes.push(ElementChange {
                kind,
                id: element.id.to_string(),
                name: element.label.to_string(),
                change: Change::Added,
                old_id: None,
                fields: Vec::new(),
            });
        }
        for (_, element) in olds.iter().enumerate().filter(|(o, _)| !old_matched[*o]) {
            removed[k].insert(element.at);
            changes.push(ElementChange {
                kind,
                id: element.id.to_string(),
                name: element.label.to_string(),
                change: Change::Removed,
                old_id: None,
                fields: Vec::new(),
            });
        }
        let mut changed = Vec::new();
        for &(o, n, renamed) in &found {
            let (before, after) = (&olds[o], &news[n]);
            pairs[k].push((before.at, after.at));
            let fields = compare_fields(before, after, &renames);
            if renamed {
                changes.push(ElementChange {
                    kind,
                    id: after.id.to_string(),
                    name: after.label.to_string(),
                    change: Change::Renamed,
                    old_id: Some(before.id.to_string()),
                    fields,
                });
            } else if !fields.is_empty() {
                changed.push(ElementChange {
                    kind,
                    id: after.id.to_string(),
                    name: after.label.to_string(),
                    change: Change::Changed,
                    old_id: None,
                    fields,
                });
            }
        }
        changes.extend(changed);
    }
    Matched {
        changes,
        pairs,
        removed,
    }
}

/// Pairs the elements of one kind: by id, then by content, then by name (see the module
/// documentation). Records the renames found.
fn match_kind(
    kind: Kind,
    olds: &[Element<'_>],
    news: &[Element<'_>],
    renames: &mut Renames,
) -> Vec<(usize, usize, bool)> {
    let by_id: HashMap<&str, usize> = news
        .iter()
        .enumerate()
        .map(|(n, e)| (e.id.as_ref(), n))
        .collect();
    let mut found = Vec::with_capacity(olds.len().min(news.len()));
    let mut new_taken = vec![false; news.len()];
    let mut left_old = Vec::new();
    for (o, element) in olds.iter().enumerate() {
        // A stage of a renamed stream is looked up under the stream's new id.
        let id = renames.map(kind, &element.id);
        match by_id.get(id) {
            Some(&n) if !new_taken[n] => {
                new_taken[n] = true;
                found.push((o, n, false));
            }
            _ => left_old.push(o),
        }
    }
    if left_old.is_empty() {
        return found;
    }
    let mut left_new: Vec<usize> = (0..news.len()).filter(|&n| !new_taken[n]).collect();
    if left_new.is_empty() {
        return found;
    }
    // The scope a rename stays in: a stage keeps its stream (under the stream's new id).
    let scope = |element: &Element<'_>, old: bool| -> String {
        if kind != Kind::Stage {
            return String::new();
        }
        let stream = element.id.split('/').next().unwrap_or_default();
        if old {
            renames.map(Kind::ValueStream, stream).to_string()
        } else {
            stream.to_string()
        }
    };
    let mut renamed = Vec::new();
    for key in [Key::Content, Key::Name] {
        let key_of = |element: &Element<'_>, old: bool| -> Option<(String, u64)> {
            let value = match key {
                Key::Content => signature(element),
                Key::Name => {
                    let mut h = std::collections::hash_map::DefaultHasher::new();
                    element.name?.hash(&mut h);
                    h.finish()
                }
            };
            Some((scope(element, old), value))
        };
        let mut groups: HashMap<(String, u64), (Vec<usize>, Vec<usize>)> = HashMap::new();
        for &o in &left_old {
            if let Some(k) = key_of(&olds[o], true) {
                groups.entry(k).or_default().0.push(o);
            }
        }
        for &n in &left_new {
            if let Some(k) = key_of(&news[n], false) {
                if let Some(group) = groups.get_mut(&k) {
                    group.1.push(n);
                }
            }
        }
        let mut paired_old = HashSet::new();
        let mut paired_new = HashSet::new();
        for (os, ns) in groups.into_values() {
            if let ([o], [n]) = (os.as_slice(), ns.as_slice()) {
                // A hash equal by chance is told apart by the values themselves.
                let same = match key {
                    Key::Content => same_content(&olds[*o], &news[*n]),
                    Key::Name => olds[*o].name == news[*n].name,
                };
                if same {
                    paired_old.insert(*o);
                    paired_new.insert(*n);
                    renamed.push((*o, *n));
                }
            }
        }
        left_old.retain(|o| !paired_old.contains(o));
        left_new.retain(|n| !paired_new.contains(n));
    }
    for (o, n) in renamed {
        renames.insert(kind, &olds[o].id, &news[n].id);
        found.push((o, n, true));
    }
    found
}

#[derive(Clone, Copy)]
enum Key {
    Content,
    Name,
}

/// A hash of everything but the id: fields (lists as sets) and a stage's value items.
fn signature(element: &Element<'_>) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for (field, value) in &element.fields {
        field.hash(&mut h);
        for part in canonical(value) {
            part.hash(&mut h);
        }
    }
    let mut items: Vec<&str> = element
        .items
        .iter()
        .map(|i| i.name.value.as_str())
        .collect();
    items.sort_unstable();
    items.hash(&mut h);
    h.finish()
}

/// Whether two elements hold the same content (every field, lists as sets, value items).
fn same_content(a: &Element<'_>, b: &Element<'_>) -> bool {
    fn items<'e>(e: &'e Element<'_>) -> Vec<&'e str> {
        let mut names: Vec<&str> = e.items.iter().map(|i| i.name.value.as_str()).collect();
        names.sort_unstable();
        names
    }
    a.fields.len() == b.fields.len()
        && a.fields
            .iter()
            .zip(&b.fields)
            .all(|((_, x), (_, y))| canonical(x) == canonical(y))
        && items(a) == items(b)
}

/// A value as sorted text parts, the same for equal values (lists in any order).
fn canonical(value: &Val<'_>) -> Vec<String> {
    let mut parts: Vec<String> = match value {
        Val::Refs(_, refs) => refs.iter().map(|r| r.value.to_string()).collect(),
        Val::Texts(texts) => texts.iter().map(|t| t.value.to_string()).collect(),
        Val::Flow(ids) => ids.clone(),
        Val::Steps(steps) => return steps.iter().map(step_text).collect(),
        other => return show(other).into_iter().collect(),
    };
    parts.sort_unstable();
    parts.dedup();
    parts
}

/// A text field's value.
fn text<T: std::borrow::Borrow<Text>>(t: &Option<T>) -> Val<'_> {
    t.as_ref()
        .map_or(Val::Absent, |t| Val::Text(&t.borrow().value))
}

/// A single reference's value.
fn reference(kind: Kind, r: &Option<Ref>) -> Val<'_> {
    r.as_ref().map_or(Val::Absent, |r| Val::Ref(kind, &r.value))
}

fn int(n: Option<i64>) -> Val<'static> {
    n.map_or(Val::Absent, Val::Int)
}

fn word(w: Option<&'static str>) -> Val<'static> {
    w.map_or(Val::Absent, Val::Word)
}

fn duration(d: &Option<crate::model::Spanned<crate::model::Duration>>) -> Val<'static> {
    d.as_ref().map_or(Val::Absent, |d| Val::Duration(d.value.0))
}

/// The fields every element has around those of its kind: name, description, ..., allow.
fn fields<'m, const N: usize>(
    common: &'m Common,
    own: [(&'static str, Val<'m>); N],
) -> Vec<(&'static str, Val<'m>)> {
    let mut out = Vec::with_capacity(N + 3);
    out.push(("name", text(&common.name)));
    out.push(("description", text(&common.description)));
    out.extend(own);
    out.push(("allow", Val::Refs(None, &common.allow)));
    out
}

/// The elements of one kind, in the side's order.
fn elements<'m>(model: &'m Model, resolved: &'m Resolved, kind: Kind) -> Vec<Element<'m>> {
    use Val::{Flow, Real, Refs, Steps, Texts};
    let element = |id: &'m str, common: &'m Common, at: At, fields| Element {
        id: Cow::Borrowed(id),
        name: common.name.as_ref().map(|n| n.value.as_str()),
        label: common.label(),
        at,
        fields,
        items: &[],
    };
    match kind {
        Kind::Stakeholder => model
            .stakeholders
            .iter()
            .enumerate()
            .map(|(i, (id, e))| {
                let c = &e.common;
                let kind_word = e.kind.as_ref().map(|k| stakeholder_type(k.value));
                element(id, c, (i, 0), fields(c, [("type", word(kind_word))]))
            })
            .collect(),
        Kind::ValueStream => model
            .value_streams
            .iter()
            .enumerate()
            .map(|(i, (id, e))| {
                let c = &e.common;
                let fields = fields(
                    c,
                    [
                        ("trigger", reference(Kind::Stakeholder, &e.trigger)),
                        ("value_proposition", text(&e.value_proposition)),
                        ("segment", text(&e.segment)),
                    ],
                );
                element(id, c, (i, 0), fields)
            })
            .collect(),
        Kind::Stage => {
            let mut out = Vec::with_capacity(model.stage_count());
            for (s, (stream_id, stream)) in model.value_streams.iter().enumerate() {
                let flow = resolved.flow.get(s);
                for (g, (stage_id, stage)) in stream.stages.iter().enumerate() {
                    let c = &stage.common;
                    let next: Vec<String> = flow
                        .and_then(|f| f.get(g))
                        .map(|targets| {
                            targets
                                .iter()
                                .filter_map(|&t| stream.stages.get_index(t))
                                .map(|(to, _)| format!("{stream_id}/{to}"))
                                .collect()
                        })
                        .unwrap_or_default();
                    let fields = fields(
                        c,
                        [
                            (
                                "stakeholders",
                                Refs(Some(Kind::Stakeholder), &stage.stakeholders),
                            ),
                            ("entry_conditions", Texts(&stage.entry_conditions)),
                            ("exit_conditions", Texts(&stage.exit_conditions)),
                            (
                                "capabilities",
                                Refs(Some(Kind::Capability), &stage.capabilities),
                            ),
                            ("processes", Refs(Some(Kind::Process), &stage.processes)),
                            (
                                "information",
                                Refs(Some(Kind::Information), &stage.information),
                            ),
                            (
                                "business_objects",
                                Refs(Some(Kind::BusinessObject), &stage.business_objects),
                            ),
                            ("next", Flow(next)),
                            ("process_time", duration(&stage.process_time)),
                            ("wait_time", duration(&stage.wait_time)),
                        ],
                    );
                    out.push(Element {
                        id: Cow::Owned(format!("{stream_id}/{stage_id}")),
                        name: c.name.as_ref().map(|n| n.value.as_str()),
                        label: c.label(),
                        at: (s, g),
                        fields,
                        items: &stage.value_items,
                    });
                }
            }
            out
        }
        Kind::Capability => model
            .capabilities
            .iter()
            .enumerate()
            .map(|(i, (id, e))| {
                let c = &e.common;
                let fields = fields(
                    c,
                    [
                        ("parent", reference(Kind::Capability, &e.parent)),
                        ("level", int(e.level.as_ref().map(|l| i64::from(l.value)))),
                        (
                            "maturity",
                            int(e.maturity.as_ref().map(|l| i64::from(l.value))),
                        ),
                        (
                            "target_maturity",
                            int(e.target_maturity.as_ref().map(|l| i64::from(l.value))),
                        ),
                        (
                            "importance",
                            word(e.importance.as_ref().map(|i| importance(i.value))),
                        ),
                        ("owner", reference(Kind::Stakeholder, &e.owner)),
                        (
                            "enablement",
                            word(e.enablement.as_ref().map(|x| enablement(x.value))),
                        ),
                    ],
                );
                element(id, c, (i, 0), fields)
            })
            .collect(),
        Kind::Process => model
            .processes
            .iter()
            .enumerate()
            .map(|(i, (id, e))| {
                let c = &e.common;
                let fields = fields(
                    c,
                    [
                        ("owner", reference(Kind::Stakeholder, &e.owner)),
                        (
                            "capabilities",
                            Refs(Some(Kind::Capability), &e.capabilities),
                        ),
                        ("information", Refs(Some(Kind::Information), &e.information)),
                        ("steps", Steps(&e.steps)),
                    ],
                );
                element(id, c, (i, 0), fields)
            })
            .collect(),
        Kind::Information => model
            .information
            .iter()
            .enumerate()
            .map(|(i, (id, e))| {
                let c = &e.common;
                let fields = fields(
                    c,
                    [(
                        "business_object",
                        reference(Kind::BusinessObject, &e.business_object),
                    )],
                );
                element(id, c, (i, 0), fields)
            })
            .collect(),
        Kind::BusinessObject => model
            .business_objects
            .iter()
            .enumerate()
            .map(|(i, (id, e))| {
                let c = &e.common;
                let fields = fields(
                    c,
                    [
                        ("attributes", Texts(&e.attributes)),
                        ("related", Refs(Some(Kind::BusinessObject), &e.related)),
                    ],
                );
                element(id, c, (i, 0), fields)
            })
            .collect(),
        Kind::Commitment => model
            .commitments
            .iter()
            .enumerate()
            .map(|(i, (id, e))| {
                let c = &e.common;
                // Sequential unless written otherwise: writing the default changes nothing.
                let composition = match e.composition() {
                    crate::model::Composition::Sequential => "sequential",
                    crate::model::Composition::Parallel => "parallel",
                };
                let fields = fields(
                    c,
                    [
                        (
                            "target",
                            e.target
                                .as_ref()
                                .map_or(Val::Absent, |t| Val::Target(&t.value)),
                        ),
                        ("owner", reference(Kind::Stakeholder, &e.owner)),
                        ("stage", reference(Kind::Stage, &e.stage)),
                        ("perception", reference(Kind::Perception, &e.perception)),
                        ("parts", Refs(Some(Kind::Commitment), &e.parts)),
                        ("composition", Val::Word(composition)),
                    ],
                );
                element(id, c, (i, 0), fields)
            })
            .collect(),
        Kind::Perception => model
            .perceptions
            .iter()
            .enumerate()
            .map(|(i, (id, e))| {
                let c = &e.common;
                let real = |v: &Option<crate::model::Spanned<f64>>| {
                    v.as_ref().map_or(Val::Absent, |v| Real(v.value))
                };
                let fields = fields(
                    c,
                    [
                        ("stage", reference(Kind::Stage, &e.stage)),
                        ("channel", text(&e.channel)),
                        (
                            "importance",
                            int(e.importance.as_ref().map(|v| i64::from(v.value))),
                        ),
                        ("current", real(&e.current)),
                        ("expected", real(&e.expected)),
                        ("focus", word(e.focus.as_ref().map(|f| yes_no(f.value)))),
                    ],
                );
                element(id, c, (i, 0), fields)
            })
            .collect(),
    }
}

fn stakeholder_type(t: crate::model::StakeholderType) -> &'static str {
    use crate::model::StakeholderType::*;
    match t {
        Internal => "internal",
        External => "external",
        Partner => "partner",
    }
}

fn importance(i: crate::model::Importance) -> &'static str {
    use crate::model::Importance::*;
    match i {
        Low => "low",
        Medium => "medium",
        High => "high",
        Critical => "critical",
    }
}

fn enablement(e: crate::model::Enablement) -> &'static str {
    use crate::model::Enablement::*;
    match e {
        Manual => "manual",
        ItSupported => "it-supported",
        Automated => "automated",
    }
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// The fields of two elements of one kind that differ (and, for stages, the fields of the
/// value items both have).
fn compare_fields(old: &Element<'_>, new: &Element<'_>, renames: &Renames) -> Vec<FieldChange> {
    let mut out = Vec::new();
    for ((field, before), (_, after)) in old.fields.iter().zip(&new.fields) {
        if !same(before, after, renames) {
            out.push(field_change(field.to_string(), before, after, renames));
        }
    }
    if !old.items.is_empty() && !new.items.is_empty() {
        for (at, item) in new.items.iter().enumerate() {
            // The n-th item of a name is compared with the n-th of that name before.
            let nth = new.items[..at]
                .iter()
                .filter(|i| i.name.value == item.name.value)
                .count();
            let Some(was) = old
                .items
                .iter()
                .filter(|i| i.name.value == item.name.value)
                .nth(nth)
            else {
                continue;
            };
            let label = |field: &str| format!("value item \"{}\" {field}", item.name.value);
            let pairs = [
                (
                    "description",
                    text(&was.description),
                    text(&item.description),
                ),
                ("measure", text(&was.measure), text(&item.measure)),
                (
                    "capabilities",
                    Val::Refs(Some(Kind::Capability), &was.capabilities),
                    Val::Refs(Some(Kind::Capability), &item.capabilities),
                ),
            ];
            for (field, before, after) in pairs {
                if !same(&before, &after, renames) {
                    out.push(field_change(label(field), &before, &after, renames));
                }
            }
        }
    }
    out
}

/// Whether two values of one field are the same, references read under their new ids and
/// lists as sets.
fn same(old: &Val<'_>, new: &Val<'_>, renames: &Renames) -> bool {
    use Val::*;
    match (old, new) {
        (Absent, Absent) => true,
        (Text(a), Text(b)) => a == b,
        (Int(a), Int(b)) => a == b,
        (Real(a), Real(b)) => a == b,
        (Word(a), Word(b)) => a == b,
        (Duration(a), Duration(b)) => a == b,
        (Target(a), Target(b)) => a == b,
        (Ref(kind, a), Ref(_, b)) => renames.map(*kind, a) == *b,
        (Refs(kind, a), Refs(_, b)) => same_set(
            a.len(),
            |i| mapped(renames, *kind, &a[i].value),
            b.len(),
            |i| &b[i].value,
        ),
        (Texts(a), Texts(b)) => same_set(a.len(), |i| &a[i].value, b.len(), |i| &b[i].value),
        (Flow(a), Flow(b)) => same_set(
            a.len(),
            |i| renames.map(Kind::Stage, &a[i]),
            b.len(),
            |i| &b[i],
        ),
        (Steps(a), Steps(b)) => {
            a.len() == b.len() && a.iter().zip(*b).all(|(x, y)| same_step(x, y, renames))
        }
        _ => false,
    }
}

fn mapped<'a>(renames: &'a Renames, kind: Option<Kind>, id: &'a str) -> &'a str {
    match kind {
        Some(kind) => renames.map(kind, id),
        None => id,
    }
}

/// Two lists with the same entries, whatever their order and repeats. In the same order
/// (nearly always) this allocates nothing.
fn same_set<'a, 'b>(
    a_len: usize,
    a: impl Fn(usize) -> &'a str,
    b_len: usize,
    b: impl Fn(usize) -> &'b str,
) -> bool {
    if a_len == b_len && (0..a_len).all(|i| a(i) == b(i)) {
        return true;
    }
    let left: HashSet<&str> = (0..a_len).map(&a).collect();
    let right: HashSet<&str> = (0..b_len).map(&b).collect();
    left == right
}

fn same_step(a: &Step, b: &Step, renames: &Renames) -> bool {
    fn name(s: &Step) -> Option<&str> {
        s.name.as_ref().map(|n| n.value.as_str())
    }
    fn owner(s: &Step) -> Option<&str> {
        s.owner.as_ref().map(|o| o.value.as_str())
    }
    name(a) == name(b)
        && owner(a).map(|o| renames.map(Kind::Stakeholder, o)) == owner(b)
        && a.automated.as_ref().map(|x| x.value) == b.automated.as_ref().map(|x| x.value)
        && same(
            &Val::Refs(Some(Kind::Capability), &a.capabilities),
            &Val::Refs(Some(Kind::Capability), &b.capabilities),
            renames,
        )
        && same(
            &Val::Refs(Some(Kind::Information), &a.information),
            &Val::Refs(Some(Kind::Information), &b.information),
            renames,
        )
}

/// A process step in one line: `Route the call (owner: centre; capabilities: routing; automated)`.
fn step_text(step: &Step) -> String {
    step_text_renamed(step, None)
}

/// [`step_text`] with the ids of renamed elements read under their new ids.
fn step_text_renamed(step: &Step, renames: Option<&Renames>) -> String {
    let id =
        |kind: Kind, id: &str| -> String { renames.map_or(id, |r| r.map(kind, id)).to_string() };
    let ids = |kind: Kind, refs: &[Ref]| -> String {
        refs.iter()
            .map(|r| id(kind, &r.value))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut details = Vec::new();
    if let Some(owner) = &step.owner {
        details.push(format!("owner: {}", id(Kind::Stakeholder, &owner.value)));
    }
    if !step.capabilities.is_empty() {
        details.push(format!(
            "capabilities: {}",
            ids(Kind::Capability, &step.capabilities)
        ));
    }
    if !step.information.is_empty() {
        details.push(format!(
            "information: {}",
            ids(Kind::Information, &step.information)
        ));
    }
    if step.automated.as_ref().is_some_and(|a| a.value) {
        details.push("automated".into());
    }
    let name = step.name.as_ref().map_or("(no name)", |n| n.value.as_str());
    if details.is_empty() {
        name.to_string()
    } else {
        format!("{name} ({})", details.join("; "))
    }
}

/// A value as outputs show it; `None` when not written (or an empty list).
fn show(value: &Val<'_>) -> Option<String> {
    let joined = |parts: Vec<String>| (!parts.is_empty()).then(|| parts.join(", "));
    match value {
        Val::Absent => None,
        Val::Text(t) => Some(t.to_string()),
        Val::Int(n) => Some(n.to_string()),
        Val::Real(n) => Some(n.to_string()),
        Val::Word(w) => Some(w.to_string()),
        Val::Duration(seconds) => Some(super::seconds_text(*seconds)),
        Val::Target(t) => Some(crate::report::views::commitments::target_text(t)),
        Val::Ref(_, id) => Some(id.to_string()),
        Val::Refs(_, refs) => joined(refs.iter().map(|r| r.value.to_string()).collect()),
        Val::Texts(texts) => joined(texts.iter().map(|t| t.value.to_string()).collect()),
        Val::Flow(ids) => joined(ids.iter().map(|id| stage_part(id).to_string()).collect()),
        Val::Steps(steps) => {
            (!steps.is_empty()).then(|| steps.iter().map(step_text).collect::<Vec<_>>().join("; "))
        }
    }
}

/// The stage id of a `stream/stage` reference.
fn stage_part(id: &str) -> &str {
    id.rsplit_once('/').map_or(id, |(_, stage)| stage)
}

/// The change of one field, with the entries added and removed for lists.
fn field_change(field: String, old: &Val<'_>, new: &Val<'_>, renames: &Renames) -> FieldChange {
    // (entry as compared, entry as shown)
    let entries = |value: &Val<'_>, map: bool| -> Option<Vec<(String, String)>> {
        let map_id = |kind: Option<Kind>, id: &str| -> String {
            if map {
                mapped(renames, kind, id).to_string()
            } else {
                id.to_string()
            }
        };
        Some(match value {
            Val::Refs(kind, refs) => refs
                .iter()
                .map(|r| (map_id(*kind, &r.value), r.value.to_string()))
                .collect(),
            Val::Texts(texts) => texts
                .iter()
                .map(|t| (t.value.to_string(), t.value.to_string()))
                .collect(),
            Val::Flow(ids) => ids
                .iter()
                .map(|id| (map_id(Some(Kind::Stage), id), stage_part(id).to_string()))
                .collect(),
            Val::Steps(steps) => steps
                .iter()
                .map(|s| {
                    let shown = step_text_renamed(s, map.then_some(renames));
                    (shown.clone(), shown)
                })
                .collect(),
            Val::Absent => Vec::new(),
            _ => return None,
        })
    };
    let (mut added, mut removed) = (Vec::new(), Vec::new());
    if let (Some(before), Some(after)) = (entries(old, true), entries(new, false)) {
        let before_keys: HashSet<&str> = before.iter().map(|(k, _)| k.as_str()).collect();
        let after_keys: HashSet<&str> = after.iter().map(|(k, _)| k.as_str()).collect();
        let mut seen = HashSet::new();
        for (key, shown) in &after {
            if !before_keys.contains(key.as_str()) && seen.insert(key.as_str()) {
                added.push(shown.clone());
            }
        }
        for (key, shown) in &before {
            if !after_keys.contains(key.as_str()) && seen.insert(key.as_str()) {
                removed.push(shown.clone());
            }
        }
    }
    FieldChange {
        field,
        old: show(old),
        new: show(new),
        added,
        removed,
    }
}

/// Value items lost and added per stage, stages that now add no value, and streams that lost
/// stages, over the stages and streams on both sides.
pub fn value_changes(old: &Model, new: &Model, matched: &Matched) -> ValueChanges {
    let mut out = ValueChanges::default();
    fn stage(model: &Model, (s, g): At) -> (String, &crate::model::Stage) {
        let (stream_id, stream) = model.value_streams.get_index(s).expect("stream index");
        let (stage_id, stage) = stream.stages.get_index(g).expect("stage index");
        (format!("{stream_id}/{stage_id}"), stage)
    }
    for &(before, after) in matched.pairs(Kind::Stage) {
        let (_, was) = stage(old, before);
        let (id, now) = stage(new, after);
        if was.value_items_unreadable || now.value_items_unreadable {
            continue;
        }
        let names = |s: &crate::model::Stage| -> Vec<String> {
            let mut seen = HashSet::new();
            s.value_items
                .iter()
                .map(|i| i.name.value.to_string())
                .filter(|n| seen.insert(n.clone()))
                .collect()
        };
        let (had, has) = (names(was), names(now));
        let label = now.common.label();
        for item in had.iter().filter(|n| !has.contains(n)) {
            out.items_lost.push(ValueItemChange {
                stage: id.clone(),
                stage_name: label.to_string(),
                item: item.clone(),
            });
        }
        for item in has.iter().filter(|n| !had.contains(n)) {
            out.items_added.push(ValueItemChange {
                stage: id.clone(),
                stage_name: label.to_string(),
                item: item.clone(),
            });
        }
        if !was.value_items.is_empty() && now.value_items.is_empty() {
            out.stages_without_value.push(StageRef {
                stage: id.clone(),
                name: label.to_string(),
                had: had.len(),
            });
        }
    }
    let removed_stages = &matched.removed[Kind::Stage as usize];
    for &((s_old, _), (s_new, _)) in matched.pairs(Kind::ValueStream) {
        let stream = &old.value_streams[s_old];
        let lost: Vec<Named> = stream
            .stages
            .iter()
            .enumerate()
            .filter(|(g, _)| removed_stages.contains(&(s_old, *g)))
            .map(|(_, (id, stage))| Named {
                id: id.to_string(),
                name: stage.common.label().to_string(),
            })
            .collect();
        if !lost.is_empty() {
            let (id, now) = new.value_streams.get_index(s_new).expect("stream index");
            out.streams_that_lost_stages.push(StreamLoss {
                stream: id.to_string(),
                name: now.common.label().to_string(),
                stages: lost,
            });
        }
    }
    out
}
