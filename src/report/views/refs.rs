//! Elements, stages and process steps as the views of processes, stakeholders, information and
//! hand-offs name them: typed for JSON, with the text each gets in a table (`Stream: Stage,
//! Stage`, `Process › 2. Step`) and in CSV (`stream/stage`, `process#2`).

use super::Named;
use crate::model::Kind;
use crate::report::data::Views;
use crate::resolve::{StageAt, StepAt};
use serde::Serialize;

/// Element `index` of `kind`'s section (not a stage) with its id and name (or id).
pub fn element<'m>(views: &Views<'m>, kind: Kind, index: usize) -> Named<'m> {
    let m = views.model;
    let id = match kind {
        Kind::Stakeholder => m.stakeholders.get_index(index).map(|(id, _)| id),
        Kind::ValueStream => m.value_streams.get_index(index).map(|(id, _)| id),
        Kind::Capability => m.capabilities.get_index(index).map(|(id, _)| id),
        Kind::Process => m.processes.get_index(index).map(|(id, _)| id),
        Kind::Information => m.information.get_index(index).map(|(id, _)| id),
        Kind::BusinessObject => m.business_objects.get_index(index).map(|(id, _)| id),
        Kind::Commitment => m.commitments.get_index(index).map(|(id, _)| id),
        Kind::Perception => m.perceptions.get_index(index).map(|(id, _)| id),
        Kind::Stage => None,
    };
    let (id, common) = id
        .zip(m.common(kind, index))
        .expect("an index into the kind's section, as the resolver found it");
    Named {
        id,
        name: common.label(),
    }
}

/// Elements of one kind by index, in the order given.
pub fn elements<'m>(views: &Views<'m>, kind: Kind, indices: &[usize]) -> Vec<Named<'m>> {
    indices.iter().map(|&i| element(views, kind, i)).collect()
}

/// A stage with its value stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StageRef<'m> {
    pub stream: Named<'m>,
    pub stage: Named<'m>,
    /// Where it is in the model (filters by stream, anchors).
    #[serde(skip)]
    pub at: StageAt,
}

impl<'m> StageRef<'m> {
    pub fn new(views: &Views<'m>, at: StageAt) -> Self {
        let (stream_id, stream) = views.stream(at.stream);
        let (stage_id, stage) = views.stage(at.stream, at.stage);
        StageRef {
            stream: Named {
                id: stream_id,
                name: stream.common.label(),
            },
            stage: Named {
                id: stage_id,
                name: stage.common.label(),
            },
            at,
        }
    }

    pub fn all(views: &Views<'m>, at: &[StageAt]) -> Vec<Self> {
        at.iter().map(|&a| StageRef::new(views, a)).collect()
    }

    /// `stream/stage`: the stage as a model references it.
    pub fn reference(&self) -> String {
        format!("{}/{}", self.stream.id, self.stage.id)
    }
}

/// Stages grouped by stream, a line per stream: `Stream: Stage, Stage`. Stages come in model
/// order, so a stream's stages are together; naming the stream once keeps a cell listing a
/// stream's five stages five lines, not fifteen.
pub fn stages_by_stream(stages: &[StageRef<'_>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (n, stage) in stages.iter().enumerate() {
        let same = n > 0 && stages[n - 1].at.stream == stage.at.stream;
        match out.last_mut() {
            Some(line) if same => {
                line.push_str(", ");
                line.push_str(stage.stage.name);
            }
            _ => out.push(format!("{}: {}", stage.stream.name, stage.stage.name)),
        }
    }
    out
}

/// A step of a process. Steps have no id: a step is its process and its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StepRef<'m> {
    pub process: Named<'m>,
    /// 1 for the first step.
    pub number: usize,
    /// `None` when the step has no name (VSM004 reports it).
    pub name: Option<&'m str>,
}

impl<'m> StepRef<'m> {
    pub fn new(views: &Views<'m>, at: StepAt) -> Self {
        let process = element(views, Kind::Process, at.process);
        let step = &views.model.processes[at.process].steps[at.step];
        StepRef {
            process,
            number: at.step + 1,
            name: step.name.as_ref().map(|n| n.value.as_str()),
        }
    }

    pub fn all(views: &Views<'m>, at: &[StepAt]) -> Vec<Self> {
        at.iter().map(|&a| StepRef::new(views, a)).collect()
    }

    /// `2. Check the order`, or `2. (no name)` in `lang`.
    pub fn line(&self, lang: crate::i18n::Lang) -> String {
        match self.name {
            Some(name) => format!("{}. {name}", self.number),
            None => format!("{}. {}", self.number, lang.t("view-no-name")),
        }
    }

    /// `Process › 2. Check the order`.
    pub fn label(&self, lang: crate::i18n::Lang) -> String {
        format!("{} › {}", self.process.name, self.line(lang))
    }

    /// `process#2`: the process id and the step's number (`#` is never part of an id).
    pub fn reference(&self) -> String {
        format!("{}#{}", self.process.id, self.number)
    }
}

/// Each entry's text, one per line of a cell or a CSV field.
pub fn lines<T>(items: &[T], text: impl Fn(&T) -> String) -> Vec<String> {
    items.iter().map(text).collect()
}

/// The ids of elements, one per line of a CSV field.
pub fn ids(items: &[Named<'_>]) -> String {
    items.iter().map(|n| n.id).collect::<Vec<_>>().join("\n")
}

/// The names of elements, one per line of a cell.
pub fn names(items: &[Named<'_>]) -> Vec<String> {
    items.iter().map(|n| n.name.to_string()).collect()
}
