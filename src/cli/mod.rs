//! The command line: one file per subcommand, each with its arguments and `run`.

mod check;
mod completions;
mod diff;
mod explain;
mod export;
mod file_format;
mod git;
mod graph;
mod heatmap;
mod impact;
mod import;
mod init;
mod lang;
mod lsp;
mod report;
mod schema;
mod table;
mod workspace;

pub use workspace::Workspace;

use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Check value-stream models kept as YAML, and turn them into mapping tables and heat maps.
#[derive(Debug, Parser)]
#[command(name = "vsm", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load and validate the model; the exit code tells CI the verdict.
    Check(check::Args),
    /// What a change does to the model: elements, value, findings and figures, old → new.
    Diff(diff::Args),
    /// One self-contained report, HTML or Markdown (by the file's extension or --format).
    Report(report::Args),
    /// A table of the model in the terminal, or as Markdown, CSV or JSON.
    Table(table::Args),
    /// Heat maps: capabilities, stage × capability cross-mapping, stages, priority quadrant.
    Heatmap(heatmap::Args),
    /// A value stream's stage flow as Mermaid or Graphviz DOT.
    Graph(graph::Args),
    /// What depends on an element (capability, process, stage, ...) and what it touches.
    Impact(impact::Args),
    /// Explain a rule (code or name); with no rule, list every rule.
    Explain(explain::Args),
    /// Write a small, valid starter model and a vsm.yaml.
    Init(init::Args),
    /// Print the JSON Schema of the model format (for editor completion).
    Schema(schema::Args),
    /// Print shell completions (bash, zsh, fish, powershell, elvish).
    Completions(completions::Args),
    /// Print the man page (roff), or write every page with --out-dir.
    Man(completions::ManArgs),
    /// Read a model from an ArchiMate exchange file or a spreadsheet (CSV).
    Import(import::Args),
    /// Write the model as an ArchiMate exchange file.
    Export(export::Args),
    /// Serve the Language Server Protocol on stdio for editors (docs/editors.md).
    Lsp(lsp::Args),
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Report(args) => report::run(args),
        Command::Table(args) => table::run(args),
        Command::Heatmap(args) => heatmap::run(args),
        Command::Graph(args) => graph::run(args),
        Command::Impact(args) => impact::run(args),
        Command::Init(args) => init::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => completions::run_man(args),
        Command::Import(args) => import::run(args),
        Command::Export(args) => export::run(args),
        Command::Lsp(args) => lsp::run(args),
    }
}

/// The model files a command reads (flattened into each command's arguments).
#[derive(Debug, clap::Args)]
pub struct ModelPaths {
    /// Model files or folders (default: `paths` of vsm.yaml, else the current folder)
    pub paths: Vec<PathBuf>,
    /// Read what symbolic links inside the checked folders lead to outside them (skipped
    /// with a warning otherwise; `follow_links: true` in vsm.yaml does the same)
    #[arg(long)]
    pub follow_links: bool,
}

/// `--config`, shared by every command that reads a model.
#[derive(Debug, clap::Args)]
pub struct ConfigFile {
    /// Config file (default: vsm.yaml in the checked folder or above, up to the repository root)
    #[arg(long)]
    pub config: Option<PathBuf>,
}

/// `-o FILE` of the commands that print to standard output by default.
#[derive(Debug, clap::Args)]
pub struct OutputFile {
    /// Write to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl OutputFile {
    /// Prints `text`, or writes it atomically to the file.
    pub fn emit(&self, text: &str) -> anyhow::Result<()> {
        match &self.output {
            Some(path) => crate::atomic::write(path, text.as_bytes()),
            None => print(text),
        }
    }

    /// The format to write: `--format`, else the file's extension, else `default`; a
    /// `--format` that contradicts the extension is an error. `what` names the output.
    pub fn format<F: file_format::FileFormat>(
        &self,
        flag: Option<F>,
        default: F,
        what: &str,
    ) -> anyhow::Result<F> {
        file_format::choose(flag, self.output.as_deref(), Some(default), what)
    }

    /// Colour is for a terminal, never for a file.
    pub fn colored(&self, color: ColorChoice) -> bool {
        self.output.is_none() && color.enabled()
    }
}

/// Reads a rule code or name as written: `vsm` checks it itself, with "did you mean", after
/// parsing. The catalog's codes and names are offered as possible values, so the shell
/// completions clap generates complete them after `explain`, `--select` and `--ignore`.
#[derive(Clone, Copy, Debug)]
pub struct RuleName;

impl clap::builder::TypedValueParser for RuleName {
    type Value = String;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(command, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(crate::catalog::RULES.iter().flat_map(|rule| {
            [
                clap::builder::PossibleValue::new(rule.code).help(rule.summary),
                clap::builder::PossibleValue::new(rule.name).help(rule.summary),
            ]
        })))
    }
}

/// When to colour output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// `auto` follows the conventions terminal programs share, as anstream reads them:
    /// `NO_COLOR` (https://no-color.org) switches colour off, `CLICOLOR_FORCE` on even through
    /// a pipe, `CLICOLOR=0` off; otherwise a terminal gets colour.
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
            }
        }
    }
}

/// Writes to stdout; a closed pipe (`vsm check | head`) is not an error.
pub fn print(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// The terminal's width, or 100 columns when not a terminal.
pub fn terminal_width() -> usize {
    terminal_size::terminal_size().map_or(100, |(w, _)| usize::from(w.0).max(40))
}
