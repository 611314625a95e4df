//! `vsm lsp`: the language server (`src/lsp/`) over standard input and output.

use super::workspace::Settings;
use super::{ConfigFile, ModelPaths};
use std::process::ExitCode;

/// Serve the Language Protocol on stdin/stdout for an editor (docs/editors.md).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Accepted for the clients that pass it (VS Code's generic clients do); stdio is the only
    /// transport
    #[arg(long)]
    pub stdio: bool,
    #[command(flatten)]
    pub lang: super::lang::LangArg,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let flag = args.lang.lang;
    crate::lsp::serve_stdio(&move |root| {
        // The server's current folder is the workspace root: the model's paths, the config's
        // `paths` and `exclude` are read from there, as `vsm check` run there would.
        std::env::set_current_dir(root)?;
        let settings = Settings::find(
            &ModelPaths {
                paths: Vec::new(),
                follow_links: false,
            },
            &ConfigFile { config: None },
        )?;
        // An editor starts the server without flags, so `VSM_LANG` and the workspace's
        // `lang:` are what usually choose the diagnostics' language.
        let lang = super::lang::LangArg { lang: flag }.resolve_with(settings.config.lang)?;
        Ok(crate::lsp::Settings {
            lang,
            config: settings.config,
            filter: settings.filter,
            paths: settings.paths,
        })
    })?;
    Ok(ExitCode::SUCCESS)
}
