//! Who names what: for every element, the places in the model that reference it (the reverse
//! of every reference the format has).
//!
//! The usage counts answer "how often is it used"; this index answers "by whom", which is what
//! `vsm impact`, the report's "where each capability is used" and, later, an editor's "find
//! references" need. It is built in one pass over the model, each reference looked up by hash
//! as resolving does; a reference that does not resolve is simply not in it (resolving reports
//! it). The stage flow (`next`) is not here: `Resolved::flow` holds it, implicit flow included.
//!
//! It is the one reverse index: the processes, stakeholders and information views read their
//! "who refers to this" lists from it ([`UsedBy::process_stages`], [`UsedBy::stakeholder_roles`],
//! [`UsedBy::information_users`]), and each reference keeps where it is written
//! ([`Reference::at`]) for an editor's "find references".

use crate::model::{Model, Ref};
use crate::source::Loc;

/// An element, or a part of one, where a reference is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Referrer {
    ValueStream(usize),
    Stage {
        stream: usize,
        stage: usize,
    },
    /// Value item `item` (0-based, in the order written) of a stage.
    ValueItem {
        stream: usize,
        stage: usize,
        item: usize,
    },
    Capability(usize),
    Process(usize),
    /// Step `step` (0-based, in the order written) of a process.
    Step {
        process: usize,
        step: usize,
    },
    Information(usize),
    BusinessObject(usize),
    Commitment(usize),
    Perception(usize),
}

/// The field of the referrer the reference is written in (its key in the format).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Trigger,
    Stakeholders,
    Capabilities,
    Processes,
    Information,
    BusinessObjects,
    BusinessObject,
    Parent,
    Owner,
    Related,
    Stage,
    Perception,
    Parts,
}

/// One reference to an element: who wrote it, in which field, and where (the id as written).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reference {
    pub by: Referrer,
    pub field: Field,
    pub at: Loc,
}

/// Per element of each kind (indices as in the model's sections), the references to it in the
/// order the model is read: value streams and their stages first, then capabilities,
/// processes, information, business objects, commitments and perception points. A list that
/// names an element twice gives two references.
#[derive(Clone, Debug, Default)]
pub struct UsedBy {
    pub stakeholders: Vec<Vec<Reference>>,
    pub capabilities: Vec<Vec<Reference>>,
    pub processes: Vec<Vec<Reference>>,
    pub information: Vec<Vec<Reference>>,
    pub business_objects: Vec<Vec<Reference>>,
    /// The commitments naming each commitment in `parts`.
    pub commitments: Vec<Vec<Reference>>,
    /// The commitments answering each perception point.
    pub perceptions: Vec<Vec<Reference>>,
    /// Per value stream, per stage: the commitments and perception points set on it.
    pub stages: Vec<Vec<Vec<Reference>>>,
}

impl UsedBy {
    /// The index of a whole model.
    pub fn of(model: &Model) -> UsedBy {
        let mut index = UsedBy {
            stakeholders: vec![Vec::new(); model.stakeholders.len()],
            capabilities: vec![Vec::new(); model.capabilities.len()],
            processes: vec![Vec::new(); model.processes.len()],
            information: vec![Vec::new(); model.information.len()],
            business_objects: vec![Vec::new(); model.business_objects.len()],
            commitments: vec![Vec::new(); model.commitments.len()],
            perceptions: vec![Vec::new(); model.perceptions.len()],
            stages: model
                .value_streams
                .values()
                .map(|s| vec![Vec::new(); s.stages.len()])
                .collect(),
        };
        index.add_streams(model);
        index.add_elements(model);
        index
    }

    fn add_streams(&mut self, model: &Model) {
        for (stream, value_stream) in model.value_streams.values().enumerate() {
            let by = Referrer::ValueStream(stream);
            note(
                &mut self.stakeholders,
                &model.stakeholders,
                value_stream.trigger.as_ref(),
                by,
                Field::Trigger,
            );
            for (stage_index, stage) in value_stream.stages.values().enumerate() {
                let by = Referrer::Stage {
                    stream,
                    stage: stage_index,
                };
                note_all(
                    &mut self.stakeholders,
                    &model.stakeholders,
                    &stage.stakeholders,
                    by,
                    Field::Stakeholders,
                );
                note_all(
                    &mut self.capabilities,
                    &model.capabilities,
                    &stage.capabilities,
                    by,
                    Field::Capabilities,
                );
                note_all(
                    &mut self.processes,
                    &model.processes,
                    &stage.processes,
                    by,
                    Field::Processes,
                );
                note_all(
                    &mut self.information,
                    &model.information,
                    &stage.information,
                    by,
                    Field::Information,
                );
                note_all(
                    &mut self.business_objects,
                    &model.business_objects,
                    &stage.business_objects,
                    by,
                    Field::BusinessObjects,
                );
                for (item, value_item) in stage.value_items.iter().enumerate() {
                    let by = Referrer::ValueItem {
                        stream,
                        stage: stage_index,
                        item,
                    };
                    note_all(
                        &mut self.capabilities,
                        &model.capabilities,
                        &value_item.capabilities,
                        by,
                        Field::Capabilities,
                    );
                }
            }
        }
    }

    fn add_elements(&mut self, model: &Model) {
        for (index, capability) in model.capabilities.values().enumerate() {
            let by = Referrer::Capability(index);
            note(
                &mut self.capabilities,
                &model.capabilities,
                capability.parent.as_ref(),
                by,
                Field::Parent,
            );
            note(
                &mut self.stakeholders,
                &model.stakeholders,
                capability.owner.as_ref(),
                by,
                Field::Owner,
            );
        }
        for (index, process) in model.processes.values().enumerate() {
            let by = Referrer::Process(index);
            note(
                &mut self.stakeholders,
                &model.stakeholders,
                process.owner.as_ref(),
                by,
                Field::Owner,
            );
            note_all(
                &mut self.capabilities,
                &model.capabilities,
                &process.capabilities,
                by,
                Field::Capabilities,
            );
            note_all(
                &mut self.information,
                &model.information,
                &process.information,
                by,
                Field::Information,
            );
            for (step, s) in process.steps.iter().enumerate() {
                let by = Referrer::Step {
                    process: index,
                    step,
                };
                note(
                    &mut self.stakeholders,
                    &model.stakeholders,
                    s.owner.as_ref(),
                    by,
                    Field::Owner,
                );
                note_all(
                    &mut self.capabilities,
                    &model.capabilities,
                    &s.capabilities,
                    by,
                    Field::Capabilities,
                );
                note_all(
                    &mut self.information,
                    &model.information,
                    &s.information,
                    by,
                    Field::Information,
                );
            }
        }
        for (index, information) in model.information.values().enumerate() {
            let by = Referrer::Information(index);
            note(
                &mut self.business_objects,
                &model.business_objects,
                information.business_object.as_ref(),
                by,
                Field::BusinessObject,
            );
        }
        for (index, object) in model.business_objects.values().enumerate() {
            let by = Referrer::BusinessObject(index);
            note_all(
                &mut self.business_objects,
                &model.business_objects,
                &object.related,
                by,
                Field::Related,
            );
        }
        for (index, commitment) in model.commitments.values().enumerate() {
            let by = Referrer::Commitment(index);
            note(
                &mut self.stakeholders,
                &model.stakeholders,
                commitment.owner.as_ref(),
                by,
                Field::Owner,
            );
            self.note_stage(model, commitment.stage.as_ref(), by);
            note(
                &mut self.perceptions,
                &model.perceptions,
                commitment.perception.as_ref(),
                by,
                Field::Perception,
            );
            note_all(
                &mut self.commitments,
                &model.commitments,
                &commitment.parts,
                by,
                Field::Parts,
            );
        }
        for (index, perception) in model.perceptions.values().enumerate() {
            self.note_stage(
                model,
                perception.stage.as_ref(),
                Referrer::Perception(index),
            );
        }
    }

    /// A `stream/stage` reference of a commitment or perception point.
    fn note_stage(&mut self, model: &Model, reference: Option<&Ref>, by: Referrer) {
        let Some(reference) = reference else {
            return;
        };
        let Some((stream, stage)) = stage_of(model, &reference.value) else {
            return;
        };
        self.stages[stream][stage].push(Reference {
            by,
            field: Field::Stage,
            at: reference.loc,
        });
    }

    /// The references to the stage `stage` of value stream `stream`.
    pub fn stage(&self, stream: usize, stage: usize) -> &[Reference] {
        self.stages
            .get(stream)
            .and_then(|s| s.get(stage))
            .map_or(&[], Vec::as_slice)
    }
}

/// A stage: its value stream and its place in the stream (indices in model order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StageAt {
    pub stream: usize,
    pub stage: usize,
}

/// A process step: its process and its place in the process's `steps` (0 = first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepAt {
    pub process: usize,
    pub step: usize,
}

/// What refers to one information item, each referrer once, in model order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InformationUsers {
    /// Stages listing it in `information`.
    pub stages: Vec<StageAt>,
    /// Processes listing it in their own `information`.
    pub processes: Vec<usize>,
    /// Steps listing it in their `information`.
    pub steps: Vec<StepAt>,
}

/// The parts a stakeholder plays: where it takes part and what it owns, each once, in model
/// order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StakeholderRoles {
    /// Value streams it triggers.
    pub triggers: Vec<usize>,
    /// Stages listing it in `stakeholders` (it takes part in them).
    pub stages: Vec<StageAt>,
    /// Processes it owns end to end.
    pub processes: Vec<usize>,
    /// Process steps it owns.
    pub steps: Vec<StepAt>,
    pub capabilities: Vec<usize>,
    pub commitments: Vec<usize>,
}

impl StakeholderRoles {
    /// Whether it owns any process, step, capability or commitment.
    pub fn owns_anything(&self) -> bool {
        !(self.processes.is_empty()
            && self.steps.is_empty()
            && self.capabilities.is_empty()
            && self.commitments.is_empty())
    }
}

/// Pushes `item` unless it is the last one already: the references to an element are in
/// model order, so one referrer naming an element twice would only ever repeat the last entry.
fn push_once<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if list.last() != Some(&item) {
        list.push(item);
    }
}

/// The views' projections of the index: filters over one element's references, so the views
/// share the walk `vsm impact` made rather than walking the model again.
impl UsedBy {
    /// The stages listing process `process` in `processes` (the stages it realises).
    pub fn process_stages(&self, process: usize) -> Vec<StageAt> {
        let mut out = Vec::new();
        for r in self.processes.get(process).into_iter().flatten() {
            if let Referrer::Stage { stream, stage } = r.by {
                push_once(&mut out, StageAt { stream, stage });
            }
        }
        out
    }

    /// The stages, processes and steps listing information item `information`.
    pub fn information_users(&self, information: usize) -> InformationUsers {
        let mut out = InformationUsers::default();
        for r in self.information.get(information).into_iter().flatten() {
            match r.by {
                Referrer::Stage { stream, stage } => {
                    push_once(&mut out.stages, StageAt { stream, stage })
                }
                Referrer::Process(p) => push_once(&mut out.processes, p),
                Referrer::Step { process, step } => {
                    push_once(&mut out.steps, StepAt { process, step })
                }
                _ => {}
            }
        }
        out
    }

    /// What stakeholder `stakeholder` triggers, takes part in and owns.
    pub fn stakeholder_roles(&self, stakeholder: usize) -> StakeholderRoles {
        let mut out = StakeholderRoles::default();
        for r in self.stakeholders.get(stakeholder).into_iter().flatten() {
            match (r.by, r.field) {
                (Referrer::ValueStream(s), Field::Trigger) => push_once(&mut out.triggers, s),
                (Referrer::Stage { stream, stage }, Field::Stakeholders) => {
                    push_once(&mut out.stages, StageAt { stream, stage })
                }
                (Referrer::Process(p), Field::Owner) => push_once(&mut out.processes, p),
                (Referrer::Step { process, step }, Field::Owner) => {
                    push_once(&mut out.steps, StepAt { process, step })
                }
                (Referrer::Capability(c), Field::Owner) => push_once(&mut out.capabilities, c),
                (Referrer::Commitment(c), Field::Owner) => push_once(&mut out.commitments, c),
                _ => {}
            }
        }
        out
    }
}

/// `stream/stage` as (stream index, stage index). (The resolver's own lookup lives in the
/// module above, which this one must not import.)
fn stage_of(model: &Model, reference: &str) -> Option<(usize, usize)> {
    let (stream, stage) = reference.split_once('/')?;
    let (stream_index, _, value_stream) = model.value_streams.get_full(stream)?;
    Some((stream_index, value_stream.stages.get_index_of(stage)?))
}

/// Records one reference to an element of the section `ids`, if it resolves.
fn note<T>(
    into: &mut [Vec<Reference>],
    ids: &indexmap::IndexMap<crate::model::Str, T>,
    reference: Option<&Ref>,
    by: Referrer,
    field: Field,
) {
    let Some(reference) = reference else {
        return;
    };
    if let Some(index) = ids.get_index_of(reference.value.as_str()) {
        into[index].push(Reference {
            by,
            field,
            at: reference.loc,
        });
    }
}

/// Records every reference of a list.
fn note_all<T>(
    into: &mut [Vec<Reference>],
    ids: &indexmap::IndexMap<crate::model::Str, T>,
    references: &[Ref],
    by: Referrer,
    field: Field,
) {
    for reference in references {
        note(into, ids, Some(reference), by, field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(yaml: &str) -> (Model, UsedBy) {
        let loaded = crate::load::load_text("model.yaml", yaml);
        let used_by = UsedBy::of(&loaded.model);
        (loaded.model, used_by)
    }

    const MODEL: &str = r#"
stakeholders:
  client: {name: Client}
  desk: {name: Desk}
value_streams:
  order:
    name: Order
    trigger: client
    stages:
      take:
        name: Take
        stakeholders: [client, desk]
        value_items:
          - {name: Fast, capabilities: [intake, sales]}
          - {name: Right, capabilities: [intake]}
        capabilities: [sales, missing]
        processes: [write]
        information: [order-info]
        business_objects: [order]
      ship: {name: Ship, capabilities: [intake]}
capabilities:
  sales: {name: Sales, owner: desk}
  intake: {name: Intake, parent: sales}
processes:
  write:
    name: Write
    owner: desk
    capabilities: [sales]
    steps:
      - {name: Type, owner: desk, capabilities: [intake], information: [order-info]}
information:
  order-info: {name: Order info, business_object: order}
business_objects:
  order: {name: Order, related: [order, parcel]}
  parcel: {name: Parcel, related: [order]}
commitments:
  fast: {name: Fast, owner: desk, stage: order/take, perception: speed, parts: [quick, nowhere]}
  quick: {name: Quick, stage: order/nowhere}
perceptions:
  speed: {name: Speed, stage: order/take}
"#;

    #[test]
    fn every_reference_is_found_from_the_element_it_names() {
        use Field::*;
        let (_, used) = index(MODEL);
        let take = Referrer::Stage {
            stream: 0,
            stage: 0,
        };
        let ship = Referrer::Stage {
            stream: 0,
            stage: 1,
        };
        let item = |item| Referrer::ValueItem {
            stream: 0,
            stage: 0,
            item,
        };
        let r = |by, field| (by, field);
        // (who, which field) of each reference; where it is written is tested below.
        let pairs = |refs: &[Reference]| refs.iter().map(|x| (x.by, x.field)).collect::<Vec<_>>();
        // sales (0): the stage, the first value item, the process, and its child's parent.
        assert_eq!(
            pairs(&used.capabilities[0]),
            [
                r(take, Capabilities),
                r(item(0), Capabilities),
                r(Referrer::Capability(1), Parent),
                r(Referrer::Process(0), Capabilities),
            ]
        );
        // intake (1): both value items, the second stage and the step.
        let step = Referrer::Step {
            process: 0,
            step: 0,
        };
        assert_eq!(
            pairs(&used.capabilities[1]),
            [
                r(item(0), Capabilities),
                r(item(1), Capabilities),
                r(ship, Capabilities),
                r(step, Capabilities),
            ]
        );
        // client triggers and takes part; desk takes part and owns four things.
        assert_eq!(
            pairs(&used.stakeholders[0]),
            [r(Referrer::ValueStream(0), Trigger), r(take, Stakeholders)]
        );
        assert_eq!(
            pairs(&used.stakeholders[1]),
            [
                r(take, Stakeholders),
                r(Referrer::Capability(0), Owner),
                r(Referrer::Process(0), Owner),
                r(step, Owner),
                r(Referrer::Commitment(0), Owner),
            ]
        );
        assert_eq!(pairs(&used.processes[0]), [r(take, Processes)]);
        assert_eq!(
            pairs(&used.information[0]),
            [r(take, Information), r(step, Information)]
        );
        // order: the stage, its information, itself (a `related` loop is kept), and parcel.
        assert_eq!(
            pairs(&used.business_objects[0]),
            [
                r(take, BusinessObjects),
                r(Referrer::Information(0), BusinessObject),
                r(Referrer::BusinessObject(0), Related),
                r(Referrer::BusinessObject(1), Related),
            ]
        );
        assert_eq!(
            pairs(&used.business_objects[1]),
            [r(Referrer::BusinessObject(0), Related)]
        );
        assert_eq!(
            pairs(&used.commitments[1]),
            [r(Referrer::Commitment(0), Parts)]
        );
        assert!(used.commitments[0].is_empty());
        assert_eq!(
            pairs(&used.perceptions[0]),
            [r(Referrer::Commitment(0), Perception)]
        );
        // The take stage carries the commitment and the perception point; `quick` names a
        // stage that does not exist and is nowhere.
        assert_eq!(
            pairs(used.stage(0, 0)),
            [
                r(Referrer::Commitment(0), Stage),
                r(Referrer::Perception(0), Stage)
            ]
        );
        assert!(used.stage(0, 1).is_empty());
        assert!(
            used.stage(3, 0).is_empty(),
            "out of range is empty, not a panic"
        );
    }

    #[test]
    fn references_that_do_not_resolve_are_left_out() {
        let (model, used) = index(MODEL);
        let total: usize = [
            &used.stakeholders,
            &used.capabilities,
            &used.processes,
            &used.information,
            &used.business_objects,
            &used.commitments,
            &used.perceptions,
        ]
        .iter()
        .flat_map(|kind| kind.iter())
        .map(Vec::len)
        .sum::<usize>()
            + used.stages.iter().flatten().map(Vec::len).sum::<usize>();
        // Written references that resolve: the stream 11 (trigger; take's 2 stakeholders,
        // 1 capability (`missing` is not one), process, information and business object; 3 of
        // its value items; ship's capability), capabilities 2 (parent, owner), the process 5
        // (owner, capability; its step's owner, capability, information), information 1,
        // business objects 3 (related), commitments 4 (owner, stage, perception, the part
        // `quick`; `nowhere` and `order/nowhere` do not resolve), the perception's stage 1.
        assert_eq!(total, 11 + 2 + 5 + 1 + 3 + 4 + 1);
        assert_eq!(model.capabilities.len(), used.capabilities.len());
    }

    #[test]
    fn each_reference_keeps_where_its_id_is_written() {
        let (model, used) = index(MODEL);
        let file = MODEL;
        // `sales` is named first in `capabilities: [sales, missing]` of the take stage.
        let first = used.capabilities[0][0].at;
        assert_eq!(
            &file[first.span.start as usize..first.span.end as usize],
            "sales"
        );
        let line_of = |at: crate::source::Loc| file[..at.span.start as usize].lines().count();
        assert_eq!(
            line_of(first),
            16,
            "the take stage's capabilities line (line 1 is empty)"
        );
        // The perception point's `stage: order/take` is the last line with a stage reference.
        let perception = used.stage(0, 0)[1].at;
        assert_eq!(
            &file[perception.span.start as usize..perception.span.end as usize],
            "order/take"
        );
        assert_eq!(model.perceptions.len(), 1);
    }

    const VIEWS_MODEL: &str = "\
stakeholders:
  client: {name: Client}
  clerk: {name: Clerk}
value_streams:
  order:
    name: Order
    trigger: client
    stages:
      take: {name: Take, stakeholders: [client, clerk, client], processes: [write, write], information: [form, nowhere]}
      ship: {name: Ship, stakeholders: [clerk], processes: [write]}
  refund:
    name: Refund
    trigger: client
    stages:
      pay: {name: Pay, stakeholders: [ghost], information: [form]}
capabilities:
  sales: {name: Sales, owner: clerk}
processes:
  idle: {name: Idle}
  write:
    name: Write
    owner: clerk
    information: [form]
    steps:
      - {name: Draft, owner: client, information: [form, form]}
      - {name: Check, owner: clerk}
      - {name: File, information: [form]}
information:
  form: {name: Form}
  unused: {name: Unused}
commitments:
  fast: {name: Fast, owner: clerk}
";

    #[test]
    fn the_views_list_each_referrer_once_in_model_order() {
        let r = UsedBy::of(&crate::load::load_text("model.yaml", VIEWS_MODEL).model);
        let at = |stream, stage| StageAt { stream, stage };
        let step = |process, step| StepAt { process, step };
        // `write` is listed twice by `take` and once by `ship`; `idle` by no stage.
        assert_eq!(
            [r.process_stages(0), r.process_stages(1)],
            [vec![], vec![at(0, 0), at(0, 1)]]
        );
        // `form`: two stages (the unknown `nowhere` beside it is not recorded), the process
        // itself, and its first and third step (the first names it twice).
        assert_eq!(
            r.information_users(0),
            InformationUsers {
                stages: vec![at(0, 0), at(1, 0)],
                processes: vec![1],
                steps: vec![step(1, 0), step(1, 2)],
            }
        );
        assert_eq!(r.information_users(1), InformationUsers::default());
    }

    #[test]
    fn a_stakeholder_triggers_takes_part_and_owns() {
        let r = UsedBy::of(&crate::load::load_text("model.yaml", VIEWS_MODEL).model);
        let client = &r.stakeholder_roles(0);
        // Triggers both streams; takes part in `take` only (the unknown `ghost` in `pay`
        // counts for nobody); owns the first step of `write`.
        assert_eq!(client.triggers, [0, 1]);
        assert_eq!(
            client.stages,
            [StageAt {
                stream: 0,
                stage: 0
            }]
        );
        assert_eq!(
            client.steps,
            [StepAt {
                process: 1,
                step: 0
            }]
        );
        assert!(client.processes.is_empty() && client.capabilities.is_empty());
        let clerk = &r.stakeholder_roles(1);
        assert_eq!(clerk.stages.len(), 2);
        assert_eq!(
            (
                &clerk.processes[..],
                &clerk.capabilities[..],
                &clerk.commitments[..]
            ),
            (&[1][..], &[0][..], &[0][..])
        );
        assert_eq!(
            clerk.steps,
            [StepAt {
                process: 1,
                step: 1
            }]
        );
        assert!(clerk.owns_anything() && client.owns_anything());
    }
}
