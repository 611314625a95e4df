//! `vsm graph`: the stage flow of value streams as Mermaid or Graphviz DOT.

use super::report::emit;
use super::workspace::open_streams;
use crate::report::graph;
use std::path::PathBuf;
use std::process::ExitCode;

/// Output format of `vsm graph`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Mermaid flowchart (GitHub renders it in Markdown)
    Mermaid,
    /// Graphviz DOT
    Dot,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Model files or folders (default: `paths` of vsm.yaml, else the current folder)
    pub paths: Vec<PathBuf>,
    /// Only this value stream [default: every stream, one subgraph each]
    #[arg(long, value_name = "ID")]
    pub stream: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value = "mermaid")]
    pub format: Format,
    /// Also show the capabilities and processes each stage uses
    #[arg(long)]
    pub links: bool,
    /// Write to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Config file (default: vsm.yaml in this folder or above, up to the repository root)
    #[arg(long)]
    pub config: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (opened, streams) =
        match open_streams(&args.paths, args.config.as_deref(), args.stream.as_deref())? {
            Ok(found) => found,
            Err(code) => return Ok(code),
        };
    let views = opened.views();
    let text = match args.format {
        Format::Mermaid => graph::mermaid(&views, &streams, args.links),
        Format::Dot => graph::dot(&views, &streams, args.links),
    };
    emit(&text, args.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
