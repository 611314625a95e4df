//! `vsm export`: the model for the tools architects already use. `archimate` writes an
//! ArchiMate 3.1 Model Exchange File with one diagram per value stream.

use super::workspace::open;
use super::{ConfigFile, ModelPaths, OutputFile};
use crate::interop::archimate::write;
use anyhow::anyhow;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub target: Target,
}

#[derive(Debug, clap::Subcommand)]
pub enum Target {
    /// An ArchiMate 3.1 Model Exchange File (Archi, BiZZdesign, ... import it)
    Archimate(ArchimateArgs),
}

#[derive(Debug, clap::Args)]
pub struct ArchimateArgs {
    #[command(flatten)]
    pub model: ModelPaths,
    #[command(flatten)]
    pub output: OutputFile,
    #[command(flatten)]
    pub config: ConfigFile,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.target {
        Target::Archimate(args) => run_archimate(args),
    }
}

fn run_archimate(args: ArchimateArgs) -> anyhow::Result<ExitCode> {
    let opened = match open(&args.model, &args.config)? {
        Ok(opened) => opened,
        Err(code) => return Ok(code),
    };
    let model = &opened.workspace.loaded.model;
    let export = write::export(model, &opened.outcome.resolved).map_err(|e| anyhow!(e))?;
    args.output.emit(&export.xml)?;
    if export.unresolved > 0 {
        crate::stderrln!(
            "warning: {} to nothing left out (`vsm check` lists them)",
            crate::text::plural(export.unresolved, "reference", "references")
        );
    }
    if export.replaced_characters > 0 {
        crate::stderrln!(
            "warning: {} that XML cannot carry (control characters) written as U+FFFD",
            crate::text::plural(export.replaced_characters, "character", "characters")
        );
    }
    Ok(ExitCode::SUCCESS)
}
