//! Where each element is defined and named: the editor's "what is under the cursor". Built
//! from the model's id locations and the one reverse index of `resolve` ([`UsedBy`]), plus
//! the stage flow (`next`), which that index leaves to `Resolved::flow`.

use crate::model::{Common, Kind, Model};
use crate::resolve::UsedBy;
use crate::source::{FileId, Loc};

/// An element the editor can point at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// Any kind but stages, with its index in the model's section.
    Element(Kind, usize),
    Stage {
        stream: usize,
        stage: usize,
    },
}

impl Target {
    pub fn kind(self) -> Kind {
        match self {
            Target::Element(kind, _) => kind,
            Target::Stage { .. } => Kind::Stage,
        }
    }

    /// The element's common fields (id, name, ...); `None` for an index the model lacks.
    pub fn common(self, model: &Model) -> Option<&Common> {
        Some(match self {
            Target::Element(kind, i) => match kind {
                Kind::Stakeholder => &model.stakeholders.get_index(i)?.1.common,
                Kind::ValueStream => &model.value_streams.get_index(i)?.1.common,
                Kind::Capability => &model.capabilities.get_index(i)?.1.common,
                Kind::Process => &model.processes.get_index(i)?.1.common,
                Kind::Information => &model.information.get_index(i)?.1.common,
                Kind::BusinessObject => &model.business_objects.get_index(i)?.1.common,
                Kind::Commitment => &model.commitments.get_index(i)?.1.common,
                Kind::Perception => &model.perceptions.get_index(i)?.1.common,
                Kind::Stage => return None,
            },
            Target::Stage { stream, stage } => {
                &model
                    .value_streams
                    .get_index(stream)?
                    .1
                    .stages
                    .get_index(stage)?
                    .1
                    .common
            }
        })
    }

    /// Where its id is written.
    pub fn definition(self, model: &Model) -> Option<Loc> {
        self.common(model).map(|c| c.id.loc)
    }

    /// The id as a reference names it (`stream/stage` for a stage).
    pub fn reference_text(self, model: &Model) -> Option<String> {
        match self {
            Target::Stage { stream, stage } => {
                let (stream_id, s) = model.value_streams.get_index(stream)?;
                Some(format!("{stream_id}/{}", s.stages.get_index(stage)?.0))
            }
            element => element.common(model).map(|c| c.id.value.to_string()),
        }
    }
}

/// One place an element's id is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub loc: Loc,
    pub target: Target,
    /// The definition (the key of the element), not a reference.
    pub definition: bool,
}

/// Every occurrence, per file sorted by offset.
#[derive(Debug, Default)]
pub struct Index {
    files: Vec<Vec<Occurrence>>,
}

impl Index {
    pub fn of(model: &Model, used: &UsedBy, files: usize) -> Index {
        let mut all = Vec::new();
        let mut define = |target: Target, common: &Common| {
            all.push(Occurrence {
                loc: common.id.loc,
                target,
                definition: true,
            })
        };
        macro_rules! section {
            ($field:ident, $kind:expr) => {
                for (i, element) in model.$field.values().enumerate() {
                    define(Target::Element($kind, i), &element.common);
                }
            };
        }
        section!(stakeholders, Kind::Stakeholder);
        section!(value_streams, Kind::ValueStream);
        section!(capabilities, Kind::Capability);
        section!(processes, Kind::Process);
        section!(information, Kind::Information);
        section!(business_objects, Kind::BusinessObject);
        section!(commitments, Kind::Commitment);
        section!(perceptions, Kind::Perception);
        for (s, stream) in model.value_streams.values().enumerate() {
            for (g, stage) in stream.stages.values().enumerate() {
                define(
                    Target::Stage {
                        stream: s,
                        stage: g,
                    },
                    &stage.common,
                );
            }
        }
        let lists: [(Kind, &Vec<Vec<crate::resolve::uses::Reference>>); 7] = [
            (Kind::Stakeholder, &used.stakeholders),
            (Kind::Capability, &used.capabilities),
            (Kind::Process, &used.processes),
            (Kind::Information, &used.information),
            (Kind::BusinessObject, &used.business_objects),
            (Kind::Commitment, &used.commitments),
            (Kind::Perception, &used.perceptions),
        ];
        for (kind, per_element) in lists {
            for (i, references) in per_element.iter().enumerate() {
                all.extend(references.iter().map(|r| Occurrence {
                    loc: r.at,
                    target: Target::Element(kind, i),
                    definition: false,
                }));
            }
        }
        for (s, stages) in used.stages.iter().enumerate() {
            for (g, references) in stages.iter().enumerate() {
                all.extend(references.iter().map(|r| Occurrence {
                    loc: r.at,
                    target: Target::Stage {
                        stream: s,
                        stage: g,
                    },
                    definition: false,
                }));
            }
        }
        all.extend(next_references(model));
        let mut index = Index {
            files: vec![Vec::new(); files],
        };
        for occurrence in all {
            if let Some(file) = index.files.get_mut(occurrence.loc.file as usize) {
                file.push(occurrence);
            }
        }
        for file in &mut index.files {
            file.sort_by_key(|o| (o.loc.span.start, o.loc.span.end));
        }
        index
    }

    /// The occurrence whose id spans byte `offset` of `file` (its end included, so the cursor
    /// just after an id finds it).
    pub fn at(&self, file: FileId, offset: u32) -> Option<&Occurrence> {
        let list = self.files.get(file as usize)?;
        let after = list.partition_point(|o| o.loc.span.start <= offset);
        list[..after]
            .iter()
            .rev()
            .take(4)
            .find(|o| o.loc.span.end >= offset)
    }

    /// Every occurrence of `target`, the definition first, then in file and offset order.
    pub fn of_target(&self, target: Target) -> Vec<Occurrence> {
        let mut found: Vec<Occurrence> = self
            .files
            .iter()
            .flatten()
            .filter(|o| o.target == target)
            .copied()
            .collect();
        found.sort_by_key(|o| (!o.definition, o.loc.file, o.loc.span.start));
        found
    }

    /// The occurrences in one file, in offset order.
    pub fn in_file(&self, file: FileId) -> &[Occurrence] {
        self.files.get(file as usize).map_or(&[], Vec::as_slice)
    }
}

/// The stage flow's references (`next: [b]`, or `stream/stage` of the same stream), resolved
/// as `resolve` resolves them; one to another stream's stage is found too.
fn next_references(model: &Model) -> Vec<Occurrence> {
    let mut out = Vec::new();
    for (s, stream) in model.value_streams.values().enumerate() {
        for stage in stream.stages.values() {
            for reference in stage.next.iter().flatten() {
                let id = reference.value.as_str();
                let target = match stream.stages.get_index_of(id) {
                    Some(g) => Some((s, g)),
                    None => id.split_once('/').and_then(|(other, st)| {
                        let (o, _, vs) = model.value_streams.get_full(other)?;
                        Some((o, vs.stages.get_index_of(st)?))
                    }),
                };
                if let Some((stream, stage)) = target {
                    out.push(Occurrence {
                        loc: reference.loc,
                        target: Target::Stage { stream, stage },
                        definition: false,
                    });
                }
            }
        }
    }
    out
}
