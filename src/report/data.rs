//! Derived views of a model: the rows every table, heat map, graph and report shows.
//!
//! Everything here is computed once, in time linear in the size of the model: the capability
//! tree (children lists, depths, level-1 roots), the stage → capability links, the commitment
//! tree with budget use and the perception → commitment index. Renderers only format.

use crate::i18n::Lang;
use crate::model::{Composition, Duration, Importance, Kind, Model, Stage, ValueItem, ValueStream};
use crate::resolve::{self, CapabilityUse, Resolved};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;

/// A reference as shown: the id written in the model and, when it resolves, the element's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Entry<'m> {
    pub id: &'m str,
    /// `None` when the reference does not resolve.
    pub name: Option<&'m str>,
}

impl Entry<'_> {
    /// The name, or the id marked as unknown.
    pub fn label(&self) -> String {
        match self.name {
            Some(name) => name.to_string(),
            None => format!("{} (unknown)", self.id),
        }
    }
}

/// How a stage uses a capability.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Link {
    /// Listed in the stage's `capabilities`.
    Stage,
    /// Only listed by one of its value items.
    ValueItem,
    /// Listed by the stage and by a value item.
    Both,
}

impl Link {
    /// The stage lists the capability itself.
    pub fn direct(self) -> bool {
        matches!(self, Link::Stage | Link::Both)
    }

    /// The symbol of matrix cells: ● listed by the stage, ○ only through a value item.
    pub fn symbol(self) -> &'static str {
        if self.direct() {
            "●"
        } else {
            "○"
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Link::Stage => "stage",
            Link::ValueItem => "value-item",
            Link::Both => "both",
        }
    }
}

/// One row of the mapping table (seed 000): stage → value items → processes → capabilities →
/// information → business objects.
#[derive(Debug)]
pub struct MappingRow<'m> {
    pub stream: usize,
    pub stage: usize,
    pub value_items: &'m [ValueItem],
    pub processes: Vec<Entry<'m>>,
    /// The stage's capabilities, then those only its value items name.
    pub capabilities: Vec<Entry<'m>>,
    pub information: Vec<Entry<'m>>,
    /// The stage's business objects, then those its information is organised around.
    pub business_objects: Vec<Entry<'m>>,
}

/// A stage × capability matrix of one value stream.
#[derive(Debug)]
pub struct Matrix {
    pub stream: usize,
    /// Capabilities used by the stream, grouped by level-1 capability.
    pub groups: Vec<MatrixGroup>,
}

/// The capabilities of a matrix under one level-1 capability.
#[derive(Debug)]
pub struct MatrixGroup {
    /// The level-1 capability; `None` for capabilities inside a `parent` loop.
    pub root: Option<usize>,
    /// The root's own row is first when the stream uses the root itself.
    pub rows: Vec<MatrixRow>,
}

#[derive(Debug)]
pub struct MatrixRow {
    pub capability: usize,
    /// 1 for level-1 capabilities; `None` inside a `parent` loop.
    pub depth: Option<u32>,
    /// One cell per stage of the stream.
    pub cells: Vec<Option<Link>>,
}

/// A capability with the measures heat maps and the capability table show.
#[derive(Clone, Copy, Debug)]
pub struct CapabilityRow {
    pub index: usize,
    pub depth: Option<u32>,
    pub maturity: Option<u8>,
    pub target: Option<u8>,
    /// `target_maturity − maturity`, when both are known.
    pub gap: Option<i32>,
    pub importance: Option<Importance>,
    /// `importance weight (1–4) × max(gap, 0)`, when importance and gap are known.
    pub risk: Option<i32>,
    pub usage: CapabilityUse,
}

impl CapabilityRow {
    /// Stages, value items, processes and process steps using the capability or a capability
    /// below it: the one meaning of "used" VSM201 reads too, so a parent whose children are
    /// used is not shown as unused.
    pub fn usage_total(&self) -> u32 {
        self.usage.subtree
    }
}

/// A figure of a stage rolled up over the capabilities it uses, directly or through its value
/// items: the worst (largest) and the mean. Capabilities without the figure are left out of
/// both, never counted as zero; `counted` of `used` says how many had it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rollup {
    pub worst: Option<i32>,
    pub mean: Option<f64>,
    /// The capability with the worst figure (the first written of equals).
    pub worst_capability: Option<usize>,
    /// Capabilities that have the figure.
    pub counted: u32,
    /// Capabilities the stage uses (resolved ones).
    pub used: u32,
}

impl Rollup {
    /// The rollup of `(capability, figure)` pairs, in the order the stage uses them.
    fn of(figures: impl Iterator<Item = (usize, Option<i32>)>) -> Rollup {
        let mut r = Rollup::default();
        let mut sum = 0i64;
        for (capability, figure) in figures {
            r.used += 1;
            let Some(value) = figure else { continue };
            r.counted += 1;
            sum += i64::from(value);
            if r.worst.is_none_or(|w| value > w) {
                r.worst = Some(value);
                r.worst_capability = Some(capability);
            }
        }
        if r.counted > 0 {
            r.mean = Some(sum as f64 / f64::from(r.counted));
        }
        r
    }
}

/// A stage's heat: its maturity gap and its risk rolled up over the capabilities it uses.
/// A capability above its target counts as a gap of 0 (met), as in risk: one capability's
/// surplus does not hide another's shortfall.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StageHeat {
    pub gap: Rollup,
    pub risk: Rollup,
}

/// How much of a commitment's duration budget its parts use.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    pub limit: Duration,
    pub used: Duration,
    pub composition: Composition,
    /// Parts with a duration target (they are the ones that count).
    pub counted: usize,
    pub parts: usize,
}

impl Budget {
    pub fn percent(&self) -> f64 {
        if self.limit.0 <= 0.0 {
            if self.used.0 <= 0.0 {
                0.0
            } else {
                f64::INFINITY
            }
        } else {
            self.used.0 / self.limit.0 * 100.0
        }
    }

    pub fn over(&self) -> bool {
        self.used.0 > self.limit.0 + 1e-9
    }
}

/// `88%`, `100%`, `>999%`.
pub fn percent_text(percent: f64) -> String {
    if !percent.is_finite() || percent > 999.0 {
        ">999%".to_string()
    } else {
        format!("{}%", percent.round() as i64)
    }
}

/// One line of the commitment tree.
#[derive(Clone, Copy, Debug)]
pub struct CommitmentRow {
    pub index: usize,
    /// 0 for commitments that are no other commitment's part.
    pub depth: u32,
    /// The commitment already appears above on this branch (a `parts` loop): not expanded.
    pub repeated: bool,
}

/// The derived views of one resolved model.
pub struct Views<'m> {
    pub model: &'m Model,
    /// The language of the words the views write (headers, notes, durations): English unless
    /// the command sets it (`--lang`, `lang:`, `VSM_LANG`).
    pub lang: Lang,
    pub resolved: &'m Resolved,
    /// Depth of each capability (1 = level 1); `None` inside a `parent` loop.
    pub depth: Vec<Option<u32>>,
    /// Children of each capability, in model order.
    pub children: Vec<Vec<usize>>,
    /// Capabilities without a (resolved) parent, in model order.
    pub roots: Vec<usize>,
    /// Every capability in tree order: depth first from the roots, then those in loops.
    pub tree: Vec<usize>,
    /// Position of each capability in `tree`.
    pub tree_pos: Vec<usize>,
    /// The level-1 capability above each capability (itself for roots).
    pub root_of: Vec<Option<usize>>,
    /// Parts of each commitment, in the order written.
    pub parts: Vec<Vec<usize>>,
    /// Commitments answering each perception point.
    pub answered_by: Vec<Vec<usize>>,
    /// Budget use of each commitment (duration targets only).
    pub budgets: Vec<Option<Budget>>,
    pub rows: Vec<CapabilityRow>,
    /// The heat of each stage of each stream (gap and risk, worst and mean).
    pub stage_heat: Vec<Vec<StageHeat>>,
}

impl<'m> Views<'m> {
    pub fn new(model: &'m Model, resolved: &'m Resolved) -> Self {
        let n = model.capabilities.len();
        let parents = &resolved.capability_parent;
        let depth = resolved.capability_depth.clone();
        let mut children = vec![Vec::new(); n];
        let mut roots = Vec::new();
        for (index, parent) in parents.iter().enumerate() {
            match parent {
                Some(p) => children[*p].push(index),
                None => roots.push(index),
            }
        }
        let mut tree = Vec::with_capacity(n);
        let mut tree_pos = vec![usize::MAX; n];
        let mut root_of = vec![None; n];
        let mut stack = Vec::new();
        for &root in &roots {
            stack.push(root);
            while let Some(node) = stack.pop() {
                if tree_pos[node] != usize::MAX {
                    continue;
                }
                tree_pos[node] = tree.len();
                tree.push(node);
                root_of[node] = Some(root);
                stack.extend(children[node].iter().rev().copied());
            }
        }
        for (index, pos) in tree_pos.iter_mut().enumerate() {
            if *pos == usize::MAX {
                *pos = tree.len();
                tree.push(index);
            }
        }

        let rows = model
            .capabilities
            .values()
            .enumerate()
            .map(|(index, c)| {
                let maturity = c.maturity.as_ref().map(|m| m.value);
                let target = c.target_maturity.as_ref().map(|m| m.value);
                let gap = maturity
                    .zip(target)
                    .map(|(m, t)| i32::from(t) - i32::from(m));
                let importance = c.importance.as_ref().map(|i| i.value);
                let risk = importance
                    .zip(gap)
                    .map(|(i, g)| i32::from(i.weight()) * g.max(0));
                CapabilityRow {
                    index,
                    depth: depth[index],
                    maturity,
                    target,
                    gap,
                    importance,
                    risk,
                    usage: resolved
                        .usage
                        .capability
                        .get(index)
                        .copied()
                        .unwrap_or_default(),
                }
            })
            .collect();

        let graph = &resolved.commitment_graph;
        let parts: Vec<Vec<usize>> = (0..model.commitments.len())
            .map(|index| {
                if index >= graph.node_count() {
                    return Vec::new();
                }
                let mut edges: Vec<_> = graph
                    .edges(NodeIndex::new(index))
                    .map(|e| (*e.weight(), e.target().index()))
                    .collect();
                edges.sort_unstable();
                edges.into_iter().map(|(_, t)| t).collect()
            })
            .collect();
        let budgets = model
            .commitments
            .values()
            .enumerate()
            .map(|(index, commitment)| {
                let limit = commitment.target.as_ref()?.value.duration_limit()?;
                let durations: Vec<f64> = parts[index]
                    .iter()
                    .filter_map(|&p| {
                        let target = &model.commitments[p].target.as_ref()?.value;
                        target.duration_limit().map(|d| d.0)
                    })
                    .collect();
                if durations.is_empty() {
                    return None;
                }
                let composition = commitment.composition();
                Some(Budget {
                    limit,
                    used: composition.combine(durations.iter().map(|&d| Duration(d))),
                    composition,
                    counted: durations.len(),
                    parts: parts[index].len(),
                })
            })
            .collect();

        let mut answered_by = vec![Vec::new(); model.perceptions.len()];
        for (index, commitment) in model.commitments.values().enumerate() {
            if let Some(p) = commitment
                .perception
                .as_ref()
                .and_then(|p| model.perceptions.get_index_of(p.value.as_str()))
            {
                answered_by[p].push(index);
            }
        }

        let mut views = Views {
            model,
            resolved,
            depth,
            children,
            roots,
            tree,
            tree_pos,
            root_of,
            parts,
            answered_by,
            budgets,
            rows,
            stage_heat: Vec::new(),
            lang: Lang::En,
        };
        views.stage_heat = views.stage_heats();
        views
    }

    /// Every stage's heat, from the capability rows: once, for the stage heat map and reports.
    fn stage_heats(&self) -> Vec<Vec<StageHeat>> {
        self.model
            .value_streams
            .values()
            .map(|stream| {
                stream
                    .stages
                    .values()
                    .map(|stage| {
                        let links = self.stage_links(stage);
                        let row = |c: usize| &self.rows[c];
                        StageHeat {
                            gap: Rollup::of(
                                links
                                    .iter()
                                    .map(|&(c, _)| (c, row(c).gap.map(|g| g.max(0)))),
                            ),
                            risk: Rollup::of(links.iter().map(|&(c, _)| (c, row(c).risk))),
                        }
                    })
                    .collect()
            })
            .collect()
    }

    pub fn stream(&self, index: usize) -> (&'m str, &'m ValueStream) {
        let (id, stream) = self
            .model
            .value_streams
            .get_index(index)
            .expect("stream index");
        (id.as_str(), stream)
    }

    pub fn stage(&self, stream: usize, stage: usize) -> (&'m str, &'m Stage) {
        let (id, stage) = self
            .stream(stream)
            .1
            .stages
            .get_index(stage)
            .expect("stage index");
        (id.as_str(), stage)
    }

    pub fn capability_name(&self, index: usize) -> &'m str {
        self.model.capabilities[index].common.label()
    }

    pub fn capability_id(&self, index: usize) -> &'m str {
        self.model
            .capabilities
            .get_index(index)
            .map(|(id, _)| id.as_str())
            .unwrap_or_default()
    }

    /// An entry for a reference to an element of `kind` (stages as `stream/stage`).
    pub fn entry(&self, kind: Kind, id: &'m str) -> Entry<'m> {
        let m = self.model;
        let name = match kind {
            Kind::Stage => resolve::lookup_stage(m, id).map(|(s, g)| {
                let stage = &m.value_streams[s].stages[g];
                stage.common.label()
            }),
            Kind::Stakeholder => m.stakeholders.get(id).map(|e| e.common.label()),
            Kind::ValueStream => m.value_streams.get(id).map(|e| e.common.label()),
            Kind::Capability => m.capabilities.get(id).map(|e| e.common.label()),
            Kind::Process => m.processes.get(id).map(|e| e.common.label()),
            Kind::Information => m.information.get(id).map(|e| e.common.label()),
            Kind::BusinessObject => m.business_objects.get(id).map(|e| e.common.label()),
            Kind::Commitment => m.commitments.get(id).map(|e| e.common.label()),
            Kind::Perception => m.perceptions.get(id).map(|e| e.common.label()),
        };
        Entry { id, name }
    }

    /// Entries for a list of references, each id once, in the order written.
    pub fn entries(&self, kind: Kind, refs: &'m [crate::model::Ref]) -> Vec<Entry<'m>> {
        let mut out: Vec<Entry<'m>> = Vec::with_capacity(refs.len());
        for r in refs {
            if !out.iter().any(|e| e.id == r.value) {
                out.push(self.entry(kind, &r.value));
            }
        }
        out
    }

    /// The capabilities a stage uses, directly or through its value items, in the order
    /// written (resolved ones only).
    pub fn stage_links(&self, stage: &Stage) -> Vec<(usize, Link)> {
        let caps = &self.model.capabilities;
        let mut out: Vec<(usize, Link)> = Vec::new();
        for r in &stage.capabilities {
            if let Some(i) = caps.get_index_of(r.value.as_str()) {
                if !out.iter().any(|(c, _)| *c == i) {
                    out.push((i, Link::Stage));
                }
            }
        }
        for item in &stage.value_items {
            for r in &item.capabilities {
                if let Some(i) = caps.get_index_of(r.value.as_str()) {
                    match out.iter_mut().find(|(c, _)| *c == i) {
                        Some((_, link)) if *link == Link::Stage => *link = Link::Both,
                        Some(_) => {}
                        None => out.push((i, Link::ValueItem)),
                    }
                }
            }
        }
        out
    }

    /// The mapping-table row of a stage.
    pub fn mapping_row(&self, stream: usize, stage_index: usize) -> MappingRow<'m> {
        let (_, stage) = self.stage(stream, stage_index);
        let mut capabilities = self.entries(Kind::Capability, &stage.capabilities);
        for item in &stage.value_items {
            for r in &item.capabilities {
                if !capabilities.iter().any(|e| e.id == r.value) {
                    capabilities.push(self.entry(Kind::Capability, &r.value));
                }
            }
        }
        let information = self.entries(Kind::Information, &stage.information);
        let mut business_objects = self.entries(Kind::BusinessObject, &stage.business_objects);
        for info in &stage.information {
            let object = self
                .model
                .information
                .get(info.value.as_str())
                .and_then(|i| i.business_object.as_ref());
            if let Some(object) = object {
                if !business_objects.iter().any(|e| e.id == object.value) {
                    business_objects.push(self.entry(Kind::BusinessObject, &object.value));
                }
            }
        }
        MappingRow {
            stream,
            stage: stage_index,
            value_items: &stage.value_items,
            processes: self.entries(Kind::Process, &stage.processes),
            capabilities,
            information,
            business_objects,
        }
    }

    /// The stage × capability matrix of a stream.
    pub fn matrix(&self, stream: usize) -> Matrix {
        let (_, value_stream) = self.stream(stream);
        let stages = value_stream.stages.len();
        // capability → cells, small: a stream uses tens of capabilities.
        let mut used: Vec<(usize, Vec<Option<Link>>)> = Vec::new();
        let mut slot: std::collections::HashMap<usize, usize> = Default::default();
        for (g, stage) in value_stream.stages.values().enumerate() {
            for (cap, link) in self.stage_links(stage) {
                let at = *slot.entry(cap).or_insert_with(|| {
                    used.push((cap, vec![None; stages]));
                    used.len() - 1
                });
                used[at].1[g] = Some(link);
            }
        }
        used.sort_by_key(|(cap, _)| self.tree_pos[*cap]);
        let mut groups: Vec<MatrixGroup> = Vec::new();
        for (cap, cells) in used {
            let root = self.root_of[cap];
            if groups.last().is_none_or(|g| g.root != root) {
                groups.push(MatrixGroup {
                    root,
                    rows: Vec::new(),
                });
            }
            let group = groups.last_mut().expect("pushed above");
            group.rows.push(MatrixRow {
                capability: cap,
                depth: self.depth[cap],
                cells,
            });
        }
        Matrix { stream, groups }
    }

    /// The commitment tree: commitments that are nobody's part, each followed by its parts.
    pub fn commitment_tree(&self) -> Vec<CommitmentRow> {
        let n = self.model.commitments.len();
        let graph = &self.resolved.commitment_graph;
        let mut rows = Vec::with_capacity(n);
        let mut seen = vec![false; n];
        let is_part = |i: usize| {
            i < graph.node_count()
                && graph
                    .neighbors_directed(NodeIndex::new(i), Direction::Incoming)
                    .next()
                    .is_some()
        };
        let mut path = Vec::new();
        for root in 0..n {
            if !is_part(root) {
                self.walk_commitment(root, 0, &mut path, &mut seen, &mut rows);
            }
        }
        // Commitments only reachable through a loop.
        for index in 0..n {
            if !seen[index] {
                self.walk_commitment(index, 0, &mut path, &mut seen, &mut rows);
            }
        }
        rows
    }

    fn walk_commitment(
        &self,
        index: usize,
        depth: u32,
        path: &mut Vec<usize>,
        seen: &mut [bool],
        rows: &mut Vec<CommitmentRow>,
    ) {
        let repeated = path.contains(&index);
        seen[index] = true;
        rows.push(CommitmentRow {
            index,
            depth,
            repeated,
        });
        // A loop, or an absurdly deep chain: stop expanding.
        if repeated || depth > 64 {
            return;
        }
        path.push(index);
        for &part in &self.parts[index] {
            self.walk_commitment(part, depth + 1, path, seen, rows);
        }
        path.pop();
    }

    /// Capabilities in tree order with the measures.
    pub fn capability_rows(&self) -> impl Iterator<Item = &CapabilityRow> + '_ {
        self.tree.iter().map(|&i| &self.rows[i])
    }

    /// Capabilities used by the given streams, with their ancestors, as a mask.
    pub fn capabilities_of_streams(&self, streams: &[usize]) -> Vec<bool> {
        let mut mask = vec![false; self.model.capabilities.len()];
        for &s in streams {
            for stage in self.stream(s).1.stages.values() {
                for (cap, _) in self.stage_links(stage) {
                    let mut current = Some(cap);
                    let mut steps = 0;
                    while let Some(c) = current {
                        if mask[c] || steps > mask.len() {
                            break;
                        }
                        mask[c] = true;
                        current = self.resolved.capability_parent[c];
                        steps += 1;
                    }
                }
            }
        }
        mask
    }

    /// Whether a stage reference (`stream/stage`) points into one of the streams.
    pub fn stage_in_streams(&self, reference: &str, streams: &[usize]) -> bool {
        resolve::lookup_stage(self.model, reference).is_some_and(|(s, _)| streams.contains(&s))
    }
}
