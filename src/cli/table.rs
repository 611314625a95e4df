//! `vsm table`: the mapping, matrix, stage-template, capability and commitment tables.

use super::workspace::{open_streams, width};
use super::ColorChoice;
use super::{ConfigFile, ModelPaths, OutputFile};
use crate::report::table::{self, Format, Selection, View};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub model: ModelPaths,
    /// Which table
    #[arg(long, value_enum, default_value = "mapping")]
    pub view: View,
    /// Only this value stream (capabilities: those it uses; commitments: trees on its stages)
    #[arg(long, value_name = "ID")]
    pub stream: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value = "term")]
    pub format: Format,
    #[command(flatten)]
    pub output: OutputFile,
    #[command(flatten)]
    pub config: ConfigFile,
    /// Colour the terminal table
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (opened, streams) = match open_streams(&args.model, &args.config, args.stream.as_deref())? {
        Ok(found) => found,
        Err(code) => return Ok(code),
    };
    let views = opened.views();
    let selection = Selection {
        streams,
        filtered: args.stream.is_some(),
    };
    let color = args.output.colored(args.color);
    let text = table::render(&views, args.view, &selection, args.format, width(), color)?;
    args.output.emit(&text)?;
    Ok(ExitCode::SUCCESS)
}
