//! `vsm import`: models from the tools architects already use. `archimate` reads an ArchiMate
//! 3.x exchange file into a model folder; `csv` reads a capability map, process list or
//! stakeholder list into one model file. Nothing is written unless the whole input is good.

use super::OutputFile;
use crate::interop::archimate::{self, map, read};
use crate::interop::csv::{self, Sheet};
use crate::interop::InputProblem;
use anyhow::anyhow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub source: Source,
}

#[derive(Debug, clap::Subcommand)]
pub enum Source {
    /// An ArchiMate 3.x Model Exchange File (Archi, BiZZdesign, ...) as a model folder
    Archimate(ArchimateArgs),
    /// A spreadsheet (CSV) of capabilities, processes or stakeholders as a model file
    Csv(CsvArgs),
}

#[derive(Debug, clap::Args)]
pub struct ArchimateArgs {
    /// The exchange file (.xml)
    pub file: PathBuf,
    /// The model folder to write: one file per value stream, one per shared section
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
    /// Replace the folder when it exists and is not empty
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("sheet").required(true).args(["capabilities", "processes", "stakeholders"])))]
pub struct CsvArgs {
    /// The spreadsheet, saved as CSV (`,` or `;` between fields, UTF-8 with or without BOM)
    pub file: PathBuf,
    /// The rows are capabilities (id, name, parent or level, maturity, target, ...)
    #[arg(long)]
    pub capabilities: bool,
    /// The rows are processes (id, name, owner, capabilities, information, description)
    #[arg(long)]
    pub processes: bool,
    /// The rows are stakeholders (id, name, type, description)
    #[arg(long)]
    pub stakeholders: bool,
    #[command(flatten)]
    pub output: OutputFile,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.source {
        Source::Archimate(args) => run_archimate(args),
        Source::Csv(args) => run_csv(args),
    }
}

/// Reads an input file as text: a regular file within `limit`, UTF-8.
fn read_input(file: &Path, limit: u64) -> anyhow::Result<String> {
    crate::input::read_text(file, limit).map_err(|why| {
        anyhow!(
            "cannot read `{}`: {why}",
            crate::text::escaped(&file.display().to_string())
        )
    })
}

/// Problems of the input, one a line, as `FILE:LINE:COL: message`.
fn refused(file: &Path, problems: &[InputProblem]) -> anyhow::Error {
    let lines: Vec<String> = problems.iter().map(|p| p.shown(file)).collect();
    anyhow!("{}\nnothing was written", lines.join("\n"))
}

/// The comment every imported file starts with.
fn header(command: &str, file: &Path) -> String {
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    // One line, whatever the file is called.
    let name: String = name
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    format!("# Written by `vsm import {command}` from {name}.\n")
}

fn run_archimate(args: ArchimateArgs) -> anyhow::Result<ExitCode> {
    let text = read_input(&args.file, archimate::MAX_FILE_BYTES)?;
    let exchange = read::parse(&text).map_err(|p| refused(&args.file, &[p]))?;
    let import = map::import(&exchange);
    let files: Vec<(PathBuf, Vec<u8>)> = import
        .draft
        .files(&header("archimate", &args.file))
        .into_iter()
        .map(|(path, text)| (path, text.into_bytes()))
        .collect();
    crate::atomic::write_folder(&args.output, &files, args.force)?;
    crate::stderrln!(
        "Wrote {} ({}) from {}.",
        crate::text::escaped(&args.output.display().to_string()),
        crate::text::plural(files.len(), "file", "files"),
        crate::text::escaped(&args.file.display().to_string())
    );
    for line in import.summary.lines() {
        crate::stderrln!("{}", crate::text::escaped_lines(&line));
    }
    crate::stderrln!(
        "Next: `vsm check {}`.",
        crate::text::escaped(&args.output.display().to_string())
    );
    Ok(ExitCode::SUCCESS)
}

/// The largest spreadsheet read: far more rows than any capability map has.
const MAX_CSV_BYTES: u64 = 64_000_000;

fn run_csv(args: CsvArgs) -> anyhow::Result<ExitCode> {
    let sheet = if args.capabilities {
        Sheet::Capabilities
    } else if args.processes {
        Sheet::Processes
    } else {
        Sheet::Stakeholders
    };
    let text = read_input(&args.file, MAX_CSV_BYTES)?;
    let imported = csv::import(&text, sheet).map_err(|problems| refused(&args.file, &problems))?;
    let yaml = imported.draft.single_file(&header("csv", &args.file));
    args.output.emit(&yaml)?;
    let what = match sheet {
        Sheet::Capabilities => ("capability", "capabilities"),
        Sheet::Processes => ("process", "processes"),
        Sheet::Stakeholders => ("stakeholder", "stakeholders"),
    };
    crate::stderrln!(
        "Read {} from {}.",
        crate::text::plural(imported.rows, what.0, what.1),
        crate::text::escaped(&args.file.display().to_string())
    );
    for note in &imported.notes {
        crate::stderrln!("note: {}", crate::text::escaped(note));
    }
    Ok(ExitCode::SUCCESS)
}
