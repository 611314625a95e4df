//! `vsm init` (being built).

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Model files or folders
    pub paths: Vec<std::path::PathBuf>,
}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vsm init` is not available yet")
}
