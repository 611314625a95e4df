//! `vsm report`: one self-contained HTML or Markdown document, written atomically.

use super::file_format::{self, FileFormat};
use super::workspace::{open, Workspace};
use super::{ConfigFile, ModelPaths};
use crate::report::heatmap::{Measure, Palette};
use crate::report::{self, Report};
use anyhow::anyhow;
use clap::ValueEnum;
use std::path::PathBuf;
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
    /// how many stages, value items, processes and steps use the capability or one below it
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

/// The heat maps' colours (the command-line names of [`Palette`]; `vsm heatmap --palette` and
/// `vsm report --palette`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PaletteName {
    /// Viridis, light yellow → dark purple: readable with any colour vision and in grey
    Viridis,
    /// Red-amber-green (usage: light → dark blue)
    Rag,
}

impl From<PaletteName> for Palette {
    fn from(name: PaletteName) -> Self {
        match name {
            PaletteName::Viridis => Palette::Viridis,
            PaletteName::Rag => Palette::Rag,
        }
    }
}

/// The heat maps' palette: the flag, else `report.palette` of the config, else viridis.
pub(super) fn palette(flag: Option<PaletteName>, workspace: &Workspace) -> anyhow::Result<Palette> {
    if let Some(name) = flag {
        return Ok(name.into());
    }
    match &workspace.config.palette {
        Some(name) => Palette::parse(name).ok_or_else(|| {
            anyhow!("report.palette: unknown palette `{name}` (use viridis or rag)")
        }),
        None => Ok(Palette::default()),
    }
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub model: ModelPaths,
    /// The file to write (.html or .md)
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Output format [default: from the file's extension; a --format that contradicts it is an error]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Title [default: `report.title` of vsm.yaml, else the model's name]
    #[arg(long)]
    pub title: Option<String>,
    /// What the heat maps are coloured by (the stage maps roll up gap, or risk) [default:
    /// `report.heatmap_by` of vsm.yaml, else gap]
    #[arg(long, value_enum)]
    pub heatmap_by: Option<By>,
    /// The heat maps' colours [default: `report.palette` of vsm.yaml, else viridis]
    #[arg(long, value_enum)]
    pub palette: Option<PaletteName>,
    #[command(flatten)]
    pub lang: super::lang::LangArg,
    #[command(flatten)]
    pub config: ConfigFile,
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

impl FileFormat for Format {
    const EXTENSIONS: &'static [(&'static str, Self)] = &[
        ("html", Format::Html),
        ("htm", Format::Html),
        ("xhtml", Format::Html),
        ("md", Format::Md),
        ("markdown", Format::Md),
    ];
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let format = file_format::choose(args.format, Some(&args.output), None, "report")?;
    let mut opened = match open(&args.model, &args.config)? {
        Ok(opened) => opened,
        Err(code) => return Ok(code),
    };
    let measure = measure(args.heatmap_by, &opened.workspace)?;
    let palette = palette(args.palette, &opened.workspace)?;
    let lang = args.lang.resolve(&opened.workspace)?;
    // The findings section in the language (the model's check is done: nothing matches them now).
    crate::diag::localize(&mut opened.outcome.findings, lang);
    let mut views = opened.views();
    views.lang = lang;
    let model = &opened.workspace.loaded.model;
    let title = args
        .title
        .clone()
        .or_else(|| opened.workspace.config.report_title.clone())
        .or_else(|| model.name().map(str::to_string))
        .unwrap_or_else(|| lang.t("report-default-title"));
    let report = Report {
        views: &views,
        loaded: &opened.workspace.loaded,
        findings: &opened.outcome.findings,
        title,
        measure,
        palette,
    };
    let text = match format {
        Format::Html => report::html::render(&report),
        Format::Md => report::markdown::render(&report),
    };
    crate::atomic::write(&args.output, text.as_bytes())?;
    // The path is the user's own, but goes to a terminal: escaped as all terminal text is.
    let file = crate::text::escaped(&args.output.display().to_string()).into_owned();
    let separator = lang.t("report-wrote-separator");
    let count = |key: &str, n: usize| lang.t_args(key, &[("n", n.into())]);
    let wrote = lang.t_args(
        "report-wrote",
        &[
            ("file", file.into()),
            ("size", size(text.len()).into()),
            (
                "streams",
                count("report-wrote-streams", model.value_streams.len()).into(),
            ),
            (
                "stages",
                count("report-wrote-stages", model.stage_count()).into(),
            ),
            (
                "findings",
                report::severity_summary_in(lang, &opened.outcome.findings, &separator).into(),
            ),
            ("ms", started.elapsed().as_millis().to_string().into()),
        ],
    );
    crate::stderrln!("{wrote}");
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
