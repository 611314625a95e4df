//! `vsm graph`: the stage flow of value streams as Mermaid or Graphviz DOT.

use super::file_format::FileFormat;
use super::workspace::open_streams;
use super::{ConfigFile, ModelPaths, OutputFile};
use crate::report::graph;
use std::process::ExitCode;

/// Output format of `vsm graph`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Mermaid flowchart (GitHub renders it in Markdown)
    Mermaid,
    /// Graphviz DOT
    Dot,
}

impl FileFormat for Format {
    const EXTENSIONS: &'static [(&'static str, Self)] = &[
        ("mmd", Format::Mermaid),
        ("mermaid", Format::Mermaid),
        ("dot", Format::Dot),
        ("gv", Format::Dot),
    ];
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub model: ModelPaths,
    /// Only this value stream [default: every stream, one subgraph each]
    #[arg(long, value_name = "ID")]
    pub stream: Option<String>,
    /// Output format [default: from the extension of -o (.mmd, .dot, .gv), else mermaid]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Also show the capabilities and processes each stage uses
    #[arg(long)]
    pub links: bool,
    #[command(flatten)]
    pub output: OutputFile,
    #[command(flatten)]
    pub config: ConfigFile,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let format = args.output.format(args.format, Format::Mermaid, "graph")?;
    let (opened, streams) = match open_streams(&args.model, &args.config, args.stream.as_deref())? {
        Ok(found) => found,
        Err(code) => return Ok(code),
    };
    let views = opened.views();
    let text = match format {
        Format::Mermaid => graph::mermaid(&views, &streams, args.links),
        Format::Dot => graph::dot(&views, &streams, args.links),
    };
    args.output.emit(&text)?;
    Ok(ExitCode::SUCCESS)
}
