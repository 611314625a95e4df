//! `vsm heatmap`: the capability heat map in the terminal, or as Markdown, HTML or SVG.

use super::file_format::FileFormat;
use super::report::{measure, By};
use super::workspace::{open, width};
use super::ColorChoice;
use super::{ConfigFile, ModelPaths, OutputFile};
use crate::report::heatmap::{self, HeatMap};
use clap::ValueEnum;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Coloured bars in the terminal (symbols without colour)
    Term,
    /// A GitHub-flavoured Markdown table with coloured squares
    Md,
    /// A standalone HTML page (no script)
    Html,
    /// A standalone SVG image
    Svg,
}

impl FileFormat for Format {
    const EXTENSIONS: &'static [(&'static str, Self)] = &[
        ("md", Format::Md),
        ("markdown", Format::Md),
        ("html", Format::Html),
        ("htm", Format::Html),
        ("svg", Format::Svg),
    ];
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub model: ModelPaths,
    /// What to colour capabilities by [default: `report.heatmap_by` of vsm.yaml, else gap]
    #[arg(long, value_enum)]
    pub by: Option<By>,
    /// Output format [default: from the extension of -o (.md, .html, .svg), else term]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    #[command(flatten)]
    pub output: OutputFile,
    #[command(flatten)]
    pub config: ConfigFile,
    /// Colour the terminal map
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let format = args.output.format(args.format, Format::Term, "heat map")?;
    let opened = match open(&args.model, &args.config)? {
        Ok(opened) => opened,
        Err(code) => return Ok(code),
    };
    let measure = measure(args.by, &opened.workspace)?;
    let views = opened.views();
    let map = HeatMap::new(&views, measure);
    let text = match format {
        Format::Term => map.render_term(&views, width(), args.output.colored(args.color)),
        Format::Md => format!(
            "## Capability heat map: {}\n\n{}",
            crate::report::escape::markdown(measure.title()),
            map.render_md(&views)
        ),
        Format::Html => {
            let title = opened
                .workspace
                .config
                .report_title
                .clone()
                .or_else(|| views.model.name().map(str::to_string))
                .unwrap_or_else(|| "Capability heat map".to_string());
            heatmap::html_page(&views, &map, &title)
        }
        Format::Svg => map.render_svg(&views),
    };
    args.output.emit(&text)?;
    Ok(ExitCode::SUCCESS)
}
