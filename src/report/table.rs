//! `vsm table`: the mapping, matrix, stage-template, capability, commitment and flow views, and
//! the views of processes, stakeholders, information and hand-offs, as terminal tables,
//! GitHub-flavoured Markdown, CSV (RFC 4180) and JSON (docs/reports.md).
//! Each view is built once ([`super::views`]); each format is one renderer over any view
//! ([`super::format`]).

use super::data::Views;
use super::format::{csv, json, markdown, term};
use super::views::capabilities::Capabilities;
use super::views::commitments::Commitments;
use super::views::flow::Flow;
use super::views::handoffs::Handoffs;
use super::views::information::Information;
use super::views::mapping::Mapping;
use super::views::matrix::Matrix;
use super::views::priorities::Priorities;
use super::views::processes::Processes;
use super::views::stages::Stages;
use super::views::stakeholders::Stakeholders;
use super::views::TableView;

/// Which table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Mapping,
    Matrix,
    Stages,
    Capabilities,
    Commitments,
    Flow,
    Priorities,
    Processes,
    Stakeholders,
    Information,
    Handoffs,
}

impl View {
    /// Every view, in the order `vsm table --help` lists them.
    pub const ALL: [View; 11] = [
        View::Mapping,
        View::Matrix,
        View::Stages,
        View::Capabilities,
        View::Commitments,
        View::Flow,
        View::Priorities,
        View::Processes,
        View::Stakeholders,
        View::Information,
        View::Handoffs,
    ];

    /// The view's name: `--view NAME` and the `view` field of its JSON.
    pub fn name(self) -> &'static str {
        match self {
            View::Mapping => Mapping::NAME,
            View::Matrix => Matrix::NAME,
            View::Stages => Stages::NAME,
            View::Capabilities => Capabilities::NAME,
            View::Commitments => Commitments::NAME,
            View::Flow => Flow::NAME,
            View::Priorities => Priorities::NAME,
            View::Processes => Processes::NAME,
            View::Stakeholders => Stakeholders::NAME,
            View::Information => Information::NAME,
            View::Handoffs => Handoffs::NAME,
        }
    }
}

/// Output format of `vsm table`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Term,
    Md,
    Csv,
    Json,
}

/// Which streams a view covers: `None` = all of them (and the capability and commitment views
/// are not filtered).
pub struct Selection {
    pub streams: Vec<usize>,
    pub filtered: bool,
    /// The priorities view: only its first N rows.
    pub top: Option<usize>,
}

/// Renders one view.
pub fn render(
    views: &Views<'_>,
    view: View,
    selection: &Selection,
    format: Format,
    width: usize,
    color: bool,
) -> anyhow::Result<String> {
    let streams = &selection.streams[..];
    let filter = selection.filtered.then_some(streams);
    let out = Output {
        format,
        width,
        color,
    };
    match view {
        View::Mapping => out.render(&Mapping::new(views, streams)),
        View::Matrix => out.render(&Matrix::new(views, streams)),
        View::Stages => out.render(&Stages::new(views, streams)),
        View::Capabilities => {
            let mask = filter.map(|s| views.capabilities_of_streams(s));
            out.render(&Capabilities::new(views, mask.as_deref()))
        }
        View::Commitments => out.render(&Commitments::new(views, filter)),
        View::Flow => out.render(&Flow::new(views, streams)),
        View::Priorities => out.render(&Priorities::new(views, filter, selection.top)),
        View::Processes => out.render(&Processes::new(views, filter)),
        View::Stakeholders => out.render(&Stakeholders::new(views, streams, selection.filtered)),
        View::Information => out.render(&Information::new(views, filter)),
        View::Handoffs => out.render(&Handoffs::new(views, streams)),
    }
}

/// A format with what the terminal renderer needs.
struct Output {
    format: Format,
    width: usize,
    color: bool,
}

impl Output {
    fn render<V: TableView>(&self, view: &V) -> anyhow::Result<String> {
        Ok(match self.format {
            Format::Term => term::render(&view.tables(), self.width, self.color),
            Format::Md => markdown::render(&view.tables(), 2),
            Format::Csv => csv::render(&view.records())?,
            Format::Json => json::render(view)?,
        })
    }
}
