//! `vsm completions SHELL` and `vsm man`: shell completions and the man page, generated from
//! the command-line definition itself (clap_complete, clap_mangen).

use super::{print, Cli};
use anyhow::Context as _;
use clap::CommandFactory;
use clap_complete::Shell;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell: bash, zsh, fish, powershell or elvish
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Prints the completion script for a shell.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "vsm", &mut out);
    print(&String::from_utf8_lossy(&out))?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write vsm.1 and one page per subcommand (vsm-check.1, ...) into this folder instead of
    /// printing vsm.1
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

/// Renders one man page.
fn page(command: clap::Command) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut out)
        .context("cannot render the man page")?;
    Ok(out)
}

/// Prints the man page (roff), or writes every page into a folder.
pub fn run_man(args: ManArgs) -> anyhow::Result<ExitCode> {
    let mut command = Cli::command();
    command.build();
    match &args.out_dir {
        None => print(&String::from_utf8_lossy(&page(command)?))?,
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create the folder `{}`", dir.display()))?;
            crate::atomic::write(&dir.join("vsm.1"), &page(command.clone())?)?;
            for sub in command.get_subcommands() {
                // `build` named them `vsm-check`, ... (the page title and file name).
                let name = sub
                    .get_display_name()
                    .map(str::to_string)
                    .unwrap_or_else(|| format!("vsm-{}", sub.get_name()));
                crate::atomic::write(&dir.join(format!("{name}.1")), &page(sub.clone())?)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
