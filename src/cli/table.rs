//! `vsm table`: the mapping, matrix, stage-template, capability, commitment and flow tables.

use super::file_format::FileFormat;
use super::workspace::{open_streams, width};
use super::ColorChoice;
use super::{ConfigFile, ModelPaths, OutputFile};
use crate::report::table::{self, Selection};
use clap::ValueEnum;
use std::process::ExitCode;

/// Which table (the command-line names of [`table::View`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum View {
    /// One row per stage: value items, processes, capabilities, information, business objects
    Mapping,
    /// Stage × capability cross-map, capabilities grouped under their level-1 parent
    Matrix,
    /// The six-element stage template of each value stream
    Stages,
    /// The capability tree with maturity, gap, importance, owner and usage
    Capabilities,
    /// The commitment tree with targets, owners and budget use
    Commitments,
    /// Lean figures: stage process, wait and lead times, critical path, flow efficiency
    Flow,
    /// Capabilities ranked by risk (importance × maturity gap), with the stages they serve
    Priorities,
    /// Each process with its owner, its steps in order and the stages it realises
    Processes,
    /// Stakeholder × stage matrix per stream (trigger, participants), and what each owns
    Stakeholders,
    /// Each information item with its business object and the stages, processes, steps using it
    Information,
    /// Every stage-flow edge: exit conditions beside the next stage's entry conditions
    Handoffs,
}

impl From<View> for table::View {
    fn from(view: View) -> Self {
        match view {
            View::Mapping => table::View::Mapping,
            View::Matrix => table::View::Matrix,
            View::Stages => table::View::Stages,
            View::Capabilities => table::View::Capabilities,
            View::Commitments => table::View::Commitments,
            View::Flow => table::View::Flow,
            View::Priorities => table::View::Priorities,
            View::Processes => table::View::Processes,
            View::Stakeholders => table::View::Stakeholders,
            View::Information => table::View::Information,
            View::Handoffs => table::View::Handoffs,
        }
    }
}

/// Output format of `vsm table` (the command-line names of [`table::Format`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table drawn for the terminal
    Term,
    /// GitHub-flavoured Markdown
    Md,
    /// RFC 4180 CSV
    Csv,
    /// JSON, as documented in docs/reports.md
    Json,
}

impl FileFormat for Format {
    const EXTENSIONS: &'static [(&'static str, Self)] = &[
        ("md", Format::Md),
        ("markdown", Format::Md),
        ("csv", Format::Csv),
        ("json", Format::Json),
    ];
}

impl From<Format> for table::Format {
    fn from(format: Format) -> Self {
        match format {
            Format::Term => table::Format::Term,
            Format::Md => table::Format::Md,
            Format::Csv => table::Format::Csv,
            Format::Json => table::Format::Json,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub model: ModelPaths,
    /// Which table
    #[arg(long, value_enum, default_value = "mapping")]
    pub view: View,
    /// Only this value stream (capabilities: those it uses; commitments: trees on its stages;
    /// priorities: the capabilities serving it; processes, information: those its stages
    /// list; stakeholders: those it involves)
    #[arg(long, value_name = "ID")]
    pub stream: Option<String>,
    /// Output format [default: from the extension of -o (.md, .csv, .json), else term]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    #[command(flatten)]
    pub output: OutputFile,
    #[command(flatten)]
    pub lang: super::lang::LangArg,
    #[command(flatten)]
    pub config: ConfigFile,
    /// Colour the terminal table
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
    /// Only the N highest-ranked capabilities (with --view priorities only)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub top: Option<u32>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let format = args.output.format(args.format, Format::Term, "table")?;
    if args.top.is_some() && args.view != View::Priorities {
        anyhow::bail!("--top applies to --view priorities only");
    }
    let (opened, streams) = match open_streams(&args.model, &args.config, args.stream.as_deref())? {
        Ok(found) => found,
        Err(code) => return Ok(code),
    };
    let mut views = opened.views();
    views.lang = args.lang.resolve(&opened.workspace)?;
    let selection = Selection {
        streams,
        filtered: args.stream.is_some(),
        top: args.top.map(|n| n as usize),
    };
    let color = args.output.colored(args.color);
    let text = table::render(
        &views,
        args.view.into(),
        &selection,
        format.into(),
        width(),
        color,
    )?;
    args.output.emit(&text)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The command line names every view of the report layer, by the name its JSON gives.
    #[test]
    fn every_view_has_its_own_name_on_the_command_line() {
        let names: Vec<String> = View::value_variants()
            .iter()
            .map(|v| v.to_possible_value().unwrap().get_name().to_string())
            .collect();
        let report: Vec<&str> = table::View::ALL.iter().map(|v| v.name()).collect();
        assert_eq!(names, report);
        for view in View::value_variants() {
            let name = view.to_possible_value().unwrap().get_name().to_string();
            assert_eq!(table::View::from(*view).name(), name);
        }
    }
}
