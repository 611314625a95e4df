//! `vsm report`: one self-contained HTML or Markdown document, written atomically. Also the
//! model loading the other report commands (`table`, `heatmap`, `graph`) share.

use super::Workspace;
use crate::check::{self, Outcome, RuleSelection};
use crate::diag::Finding;
use crate::report::data::Views;
use crate::report::heatmap::Measure;
use crate::report::{self, Report};
use crate::rules::YAML_SYNTAX;
use anyhow::{anyhow, bail};
use clap::ValueEnum;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One HTML file: inline CSS and SVG, no script, nothing loaded from the network
    Html,
    /// GitHub-flavoured Markdown with Mermaid diagrams
    Md,
}

/// What the heat map colours capabilities by (the command-line names of [`Measure`]; also
/// `vsm report --heatmap-by`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum By {
    /// target maturity − current maturity
    Gap,
    /// current maturity (1–5)
    Maturity,
    /// strategic importance (low, medium, high, critical)
    Importance,
    /// how many stages, value items, processes and steps use the capability
    Usage,
    /// importance weight (1–4) × gap
    Risk,
}

impl From<By> for Measure {
    fn from(by: By) -> Self {
        match by {
            By::Gap => Measure::Gap,
            By::Maturity => Measure::Maturity,
            By::Importance => Measure::Importance,
            By::Usage => Measure::Usage,
            By::Risk => Measure::Risk,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Model files or folders (default: `paths` of vsm.yaml, else the current folder)
    pub paths: Vec<PathBuf>,
    /// The file to write (.html or .md)
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Output format [default: from the file's extension]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Title [default: `report.title` of vsm.yaml, else the model's name]
    #[arg(long)]
    pub title: Option<String>,
    /// What the capability heat map is coloured by [default: `report.heatmap_by` of vsm.yaml, else gap]
    #[arg(long, value_enum)]
    pub heatmap_by: Option<By>,
    /// Config file (default: vsm.yaml in this folder or above, up to the repository root)
    #[arg(long)]
    pub config: Option<PathBuf>,
}

/// A model loaded and checked for a report command.
pub(super) struct Opened {
    pub workspace: Workspace,
    pub outcome: Outcome,
}

impl Opened {
    pub fn views(&self) -> Views<'_> {
        Views::new(&self.workspace.loaded.model, &self.outcome.resolved)
    }
}

/// Loads and checks the model with the config's rule settings. A model with a file that is
/// not YAML at all cannot be reported on: its findings go to stderr and the exit code is 1.
pub(super) fn open(
    paths: &[PathBuf],
    config: Option<&Path>,
) -> anyhow::Result<Result<Opened, ExitCode>> {
    let workspace = Workspace::open(paths, config)?;
    let selection = RuleSelection {
        overrides: workspace
            .config
            .rules
            .iter()
            .map(|(rule, setting)| (rule.code, *setting))
            .collect(),
        ..RuleSelection::default()
    };
    let outcome = check::check(&workspace.loaded, &selection);
    let unreadable: Vec<Finding> = outcome
        .findings
        .iter()
        .filter(|f| f.rule.code == YAML_SYNTAX.code)
        .cloned()
        .collect();
    if !unreadable.is_empty() {
        eprint!(
            "{}",
            crate::render::concise::render(&workspace.loaded.sources, &unreadable)
        );
        eprintln!(
            "error: the model cannot be loaded ({} not readable as YAML); fix {} first",
            if unreadable.len() == 1 {
                "a file is"
            } else {
                "files are"
            },
            if unreadable.len() == 1 { "it" } else { "them" }
        );
        return Ok(Err(ExitCode::from(1)));
    }
    Ok(Ok(Opened { workspace, outcome }))
}

/// The streams a `--stream ID` selects (all when `None`).
pub(super) fn select_streams(
    model: &crate::model::Model,
    stream: Option<&str>,
) -> anyhow::Result<Vec<usize>> {
    match stream {
        None => Ok((0..model.value_streams.len()).collect()),
        Some(id) => match model.value_streams.get_index_of(id) {
            Some(index) => Ok(vec![index]),
            None => {
                let hint = crate::suggest::help(id, model.value_streams.keys().map(String::as_str))
                    .map(|h| format!(" ({h})"))
                    .unwrap_or_default();
                let known: Vec<&str> = model
                    .value_streams
                    .keys()
                    .take(10)
                    .map(String::as_str)
                    .collect();
                Err(anyhow!(
                    "--stream: no value stream `{id}`{hint}; the model has: {}{}",
                    known.join(", "),
                    if model.value_streams.len() > known.len() {
                        ", ..."
                    } else {
                        ""
                    }
                ))
            }
        },
    }
}

/// The heat map measure: the flag, else `report.heatmap_by` of the config, else gap.
pub(super) fn measure(flag: Option<By>, workspace: &Workspace) -> anyhow::Result<Measure> {
    if let Some(by) = flag {
        return Ok(by.into());
    }
    match &workspace.config.heatmap_by {
        Some(name) => Measure::parse(name)
            .ok_or_else(|| anyhow!("report.heatmap_by: unknown measure `{name}` (use gap, maturity, importance, usage or risk)")),
        None => Ok(Measure::Gap),
    }
}

/// Columns to fit: the terminal's width; when not writing to a terminal, `COLUMNS` if set,
/// else 100.
pub(super) fn width() -> usize {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        if let Some(columns) = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<usize>().ok())
        {
            return columns.max(40);
        }
    }
    super::terminal_width()
}

/// Prints `text`, or writes it atomically to `output`.
pub(super) fn emit(text: &str, output: Option<&Path>) -> anyhow::Result<()> {
    match output {
        Some(path) => crate::atomic::write(path, text.as_bytes()),
        None => super::print(text),
    }
}

fn format_of(path: &Path, flag: Option<Format>) -> anyhow::Result<Format> {
    if let Some(format) = flag {
        return Ok(format);
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("html" | "htm" | "xhtml") => Ok(Format::Html),
        Some("md" | "markdown") => Ok(Format::Md),
        _ => bail!(
            "cannot tell the report format from `{}`: name it .html or .md, or pass --format html|md",
            path.display()
        ),
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let format = format_of(&args.output, args.format)?;
    let opened = match open(&args.paths, args.config.as_deref())? {
        Ok(opened) => opened,
        Err(code) => return Ok(code),
    };
    let measure = measure(args.heatmap_by, &opened.workspace)?;
    let views = opened.views();
    let model = &opened.workspace.loaded.model;
    let title = args
        .title
        .clone()
        .or_else(|| opened.workspace.config.report_title.clone())
        .or_else(|| model.name().map(str::to_string))
        .unwrap_or_else(|| "Value stream report".to_string());
    let report = Report {
        views: &views,
        loaded: &opened.workspace.loaded,
        findings: &opened.outcome.findings,
        title,
        measure,
    };
    let text = match format {
        Format::Html => report::html::render(&report),
        Format::Md => report::markdown::render(&report),
    };
    crate::atomic::write(&args.output, text.as_bytes())?;
    let (errors, warnings, infos) = report::severity_counts(&opened.outcome.findings);
    eprintln!(
        "Wrote {} ({}; {} value streams, {} stages; {errors} errors, {warnings} warnings, {infos} infos) in {} ms",
        args.output.display(),
        size(text.len()),
        model.value_streams.len(),
        model.stage_count(),
        started.elapsed().as_millis()
    );
    Ok(ExitCode::SUCCESS)
}

fn size(bytes: usize) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / (1 << 20) as f64)
    } else if bytes >= 1 << 10 {
        format!("{:.0} KB", bytes as f64 / (1 << 10) as f64)
    } else {
        format!("{bytes} bytes")
    }
}
