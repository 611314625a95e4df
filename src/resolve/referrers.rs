//! Who refers to each process, information item and stakeholder: the reverse references the
//! processes, information and stakeholders views read ("which stages does this process
//! realise?", "who owns what?"), computed once per model so no view searches the model. It is
//! built on first use ([`super::Resolved::referrers`]): `vsm check` never reads it, and on the
//! 16,000-stage reference model it took about 50 ms, a third of what resolving takes (release
//! build, one run on a busy machine).
//!
//! Only references that resolve are recorded (a broken one is VSM006/VSM007's finding), each
//! referrer at most once per element, in model order: streams and their stages as written,
//! then processes and their steps, capabilities and commitments.

use crate::model::{Model, Ref};

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

/// What refers to one information item.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InformationUsers {
    /// Stages listing it in `information`.
    pub stages: Vec<StageAt>,
    /// Processes listing it in their own `information`.
    pub processes: Vec<usize>,
    /// Steps listing it in their `information`.
    pub steps: Vec<StepAt>,
}

/// The parts a stakeholder plays: where it takes part and what it owns.
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

/// The reverse references of a model, indexed like the model's sections.
#[derive(Clone, Debug, Default)]
pub struct Referrers {
    /// Per process: the stages listing it in `processes` (the stages it realises).
    pub process_stages: Vec<Vec<StageAt>>,
    /// Per information item.
    pub information: Vec<InformationUsers>,
    /// Per stakeholder.
    pub stakeholders: Vec<StakeholderRoles>,
}

/// Pushes `item` unless it is the last one already: referrers are visited one after the
/// other, so one referrer naming an element twice would only ever repeat the last entry.
fn push_once<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if list.last() != Some(&item) {
        list.push(item);
    }
}

impl Referrers {
    /// Walks every reference of the model once (a hash lookup each).
    pub fn of(model: &Model) -> Referrers {
        let mut out = Referrers {
            process_stages: vec![Vec::new(); model.processes.len()],
            information: vec![InformationUsers::default(); model.information.len()],
            stakeholders: vec![StakeholderRoles::default(); model.stakeholders.len()],
        };
        let stakeholder = |r: &Ref| model.stakeholders.get_index_of(r.value.as_str());
        let information = |r: &Ref| model.information.get_index_of(r.value.as_str());

        for (s, stream) in model.value_streams.values().enumerate() {
            if let Some(i) = stream.trigger.as_ref().and_then(stakeholder) {
                push_once(&mut out.stakeholders[i].triggers, s);
            }
            for (g, stage) in stream.stages.values().enumerate() {
                let at = StageAt {
                    stream: s,
                    stage: g,
                };
                for i in stage.stakeholders.iter().filter_map(stakeholder) {
                    push_once(&mut out.stakeholders[i].stages, at);
                }
                for r in &stage.processes {
                    if let Some(p) = model.processes.get_index_of(r.value.as_str()) {
                        push_once(&mut out.process_stages[p], at);
                    }
                }
                for i in stage.information.iter().filter_map(information) {
                    push_once(&mut out.information[i].stages, at);
                }
            }
        }

        for (p, process) in model.processes.values().enumerate() {
            if let Some(i) = process.owner.as_ref().and_then(stakeholder) {
                push_once(&mut out.stakeholders[i].processes, p);
            }
            for i in process.information.iter().filter_map(information) {
                push_once(&mut out.information[i].processes, p);
            }
            for (n, step) in process.steps.iter().enumerate() {
                let at = StepAt {
                    process: p,
                    step: n,
                };
                if let Some(i) = step.owner.as_ref().and_then(stakeholder) {
                    push_once(&mut out.stakeholders[i].steps, at);
                }
                for i in step.information.iter().filter_map(information) {
                    push_once(&mut out.information[i].steps, at);
                }
            }
        }

        for (c, capability) in model.capabilities.values().enumerate() {
            if let Some(i) = capability.owner.as_ref().and_then(stakeholder) {
                push_once(&mut out.stakeholders[i].capabilities, c);
            }
        }
        for (c, commitment) in model.commitments.values().enumerate() {
            if let Some(i) = commitment.owner.as_ref().and_then(stakeholder) {
                push_once(&mut out.stakeholders[i].commitments, c);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn referrers(yaml: &str) -> Referrers {
        Referrers::of(&crate::load::load_text("model.yaml", yaml).model)
    }

    const MODEL: &str = "\
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
    fn each_referrer_is_listed_once_in_model_order() {
        let r = referrers(MODEL);
        let at = |stream, stage| StageAt { stream, stage };
        let step = |process, step| StepAt { process, step };
        // `write` is listed twice by `take` and once by `ship`; `idle` by no stage.
        assert_eq!(r.process_stages, [vec![], vec![at(0, 0), at(0, 1)]]);
        // `form`: two stages (the unknown `nowhere` beside it is not recorded), the process
        // itself, and its first and third step (the first names it twice).
        assert_eq!(
            r.information[0],
            InformationUsers {
                stages: vec![at(0, 0), at(1, 0)],
                processes: vec![1],
                steps: vec![step(1, 0), step(1, 2)],
            }
        );
        assert_eq!(r.information[1], InformationUsers::default());
    }

    #[test]
    fn a_stakeholder_triggers_takes_part_and_owns() {
        let r = referrers(MODEL);
        let client = &r.stakeholders[0];
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
        let clerk = &r.stakeholders[1];
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
