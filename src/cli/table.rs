//! `vsm table`: the mapping, matrix, stage-template, capability and commitment tables.

use super::report::emit;
use super::workspace::open_streams;
use super::ColorChoice;
use crate::report::table::{self, Format, Selection, View};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Model files or folders (default: `paths` of vsm.yaml, else the current folder)
    pub paths: Vec<PathBuf>,
    /// Which table
    #[arg(long, value_enum, default_value = "mapping")]
    pub view: View,
    /// Only this value stream (capabilities: those it uses; commitments: trees on its stages)
    #[arg(long, value_name = "ID")]
    pub stream: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value = "term")]
    pub format: Format,
    /// Write to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Config file (default: vsm.yaml in this folder or above, up to the repository root)
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Colour the terminal table
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (opened, streams) =
        match open_streams(&args.paths, args.config.as_deref(), args.stream.as_deref())? {
            Ok(found) => found,
            Err(code) => return Ok(code),
        };
    let views = opened.views();
    let selection = Selection {
        streams,
        filtered: args.stream.is_some(),
    };
    let color = args.output.is_none() && args.color.enabled();
    let text = table::render(
        &views,
        args.view,
        &selection,
        args.format,
        super::report::width(),
        color,
    )?;
    emit(&text, args.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}
