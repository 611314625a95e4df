//! `vsm heatmap`: the heat maps in the terminal, or as Markdown, HTML or SVG: the capability
//! map, the cross-mapping (stage × capability) map, the stage map and the priority quadrant.

use super::file_format::FileFormat;
use super::report::{measure, palette, By, PaletteName};
use super::workspace::{open_streams, width};
use super::ColorChoice;
use super::{ConfigFile, ModelPaths, OutputFile};
use crate::report::escape;
use crate::report::heatmap::matrix::CrossMap;
use crate::report::heatmap::quadrant::QuadrantMap;
use crate::report::heatmap::stages::{StageMap, StagesHtml};
use crate::report::heatmap::{self, HeatMap, Measure, TermColor};
use anyhow::bail;
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

/// Which heat map to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Map {
    /// Capabilities nested under their level-1 capability, coloured by --by
    Capabilities,
    /// Each value stream's stage × capability matrix, every used cell coloured by the
    /// capability's --by (the BIZBOK cross-mapping heat map)
    Matrix,
    /// Each stage's gap (or risk) rolled up over the capabilities it uses, worst and mean, on
    /// the stage flow
    Stages,
    /// Capabilities placed by importance × maturity gap in a 2×2 (same as --by quadrant)
    Quadrant,
}

impl Map {
    fn as_str(self) -> &'static str {
        match self {
            Map::Capabilities => "capabilities",
            Map::Matrix => "matrix",
            Map::Stages => "stages",
            Map::Quadrant => "quadrant",
        }
    }
}

/// What to colour by; `quadrant` draws the priority quadrant instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum HeatBy {
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
    /// the priority quadrant: importance × maturity gap (same as --map quadrant)
    Quadrant,
}

impl HeatBy {
    /// The measure, `None` for `quadrant`.
    fn measure(self) -> Option<By> {
        match self {
            HeatBy::Gap => Some(By::Gap),
            HeatBy::Maturity => Some(By::Maturity),
            HeatBy::Importance => Some(By::Importance),
            HeatBy::Usage => Some(By::Usage),
            HeatBy::Risk => Some(By::Risk),
            HeatBy::Quadrant => None,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub model: ModelPaths,
    /// Which map [default: capabilities]
    #[arg(long, value_enum)]
    pub map: Option<Map>,
    /// What to colour by [default: `report.heatmap_by` of vsm.yaml, else gap; the stage map
    /// rolls up gap or risk only]; `quadrant` draws the priority quadrant
    #[arg(long, value_enum)]
    pub by: Option<HeatBy>,
    /// The colours [default: `report.palette` of vsm.yaml, else viridis]
    #[arg(long, value_enum)]
    pub palette: Option<PaletteName>,
    /// Only this value stream (matrix and stages: its stages; quadrant: the capabilities it
    /// uses, with their ancestors)
    #[arg(long, value_name = "ID")]
    pub stream: Option<String>,
    /// Output format [default: from the extension of -o (.md, .html, .svg), else term]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    #[command(flatten)]
    pub output: OutputFile,
    #[command(flatten)]
    pub lang: super::lang::LangArg,
    #[command(flatten)]
    pub config: ConfigFile,
    /// Colour the terminal map (24-bit when COLORTERM is truecolor or 24bit, else 256 colours)
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
}

/// The map asked for, from --map and --by; a combination that means nothing is an error.
fn chosen_map(args: &Args) -> anyhow::Result<Map> {
    let map = match (args.map, args.by) {
        (None | Some(Map::Quadrant), Some(HeatBy::Quadrant)) => Map::Quadrant,
        (Some(map), Some(HeatBy::Quadrant)) => bail!(
            "--by quadrant draws the priority quadrant; it does not go with --map {}",
            map.as_str()
        ),
        (Some(Map::Quadrant), Some(_)) => bail!(
            "--map quadrant places capabilities by importance and maturity gap and colours them \
             by risk; leave out --by"
        ),
        (map, _) => map.unwrap_or(Map::Capabilities),
    };
    if map == Map::Capabilities && args.stream.is_some() {
        bail!("--stream applies to --map matrix, stages and quadrant; the capability map shows every capability");
    }
    Ok(map)
}

/// `COLORTERM=truecolor` (or `24bit`): the terminal says it shows 24-bit colour.
fn true_color() -> bool {
    std::env::var("COLORTERM").is_ok_and(|v| {
        let v = v.to_ascii_lowercase();
        v == "truecolor" || v == "24bit"
    })
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let format = args.output.format(args.format, Format::Term, "heat map")?;
    let map = chosen_map(&args)?;
    let (opened, streams) = match open_streams(&args.model, &args.config, args.stream.as_deref())? {
        Ok(opened) => opened,
        Err(code) => return Ok(code),
    };
    let workspace = &opened.workspace;
    let by = args.by.and_then(HeatBy::measure);
    let measure = match map {
        Map::Stages => match by {
            Some(by) => {
                let m = Measure::from(by);
                if !StageMap::MEASURES.contains(&m) {
                    bail!(
                        "--map stages rolls up gap or risk (the worst and the mean over each \
                         stage's capabilities); --by {} is not one of them",
                        m.as_str()
                    );
                }
                m
            }
            // The config's measure when a stage can roll it up, else gap.
            None => measure(None, workspace)
                .ok()
                .filter(|m| StageMap::MEASURES.contains(m))
                .unwrap_or(Measure::Gap),
        },
        _ => measure(by, workspace)?,
    };
    let palette = palette(args.palette, workspace)?;
    let color = if args.output.colored(args.color) {
        if true_color() {
            TermColor::TrueColor
        } else {
            TermColor::Ansi256
        }
    } else {
        TermColor::Off
    };
    let mut views = opened.views();
    views.lang = args.lang.resolve(workspace)?;
    let lang = views.lang;
    let page_title = || {
        workspace
            .config
            .report_title
            .clone()
            .or_else(|| views.model.name().map(str::to_string))
            .unwrap_or_else(|| lang.t("heatmap-page-title"))
    };
    let text = match map {
        Map::Capabilities => {
            let map = HeatMap::new(&views, measure, palette);
            match format {
                Format::Term => map.render_term(&views, width(), color),
                Format::Md => format!(
                    "## {}\n\n{}",
                    escape::markdown(&map.title()),
                    map.render_md(&views)
                ),
                Format::Html => heatmap::html_page(
                    lang,
                    &page_title(),
                    &map.title(),
                    &map.html(&views).to_string(),
                ),
                Format::Svg => map.render_svg(&views),
            }
        }
        Map::Matrix => {
            let map = CrossMap::new(&views, &streams, measure, palette);
            match format {
                Format::Term => map.render_term(&views, width(), color),
                Format::Md => format!(
                    "## {}\n\n{}",
                    escape::markdown(&map.title()),
                    map.render_md(&views, true)
                ),
                Format::Html => heatmap::html_page(
                    lang,
                    &page_title(),
                    &map.title(),
                    &map.html(&views, true).to_string(),
                ),
                Format::Svg => map.render_svg(&views),
            }
        }
        Map::Stages => {
            let map = StageMap::new(lang, &streams, measure, palette);
            match format {
                Format::Term => map.render_term(&views, width(), color),
                Format::Md => format!(
                    "## {}\n\n{}",
                    escape::markdown(&map.title()),
                    map.render_md(&views, true)
                ),
                Format::Html => heatmap::html_page(
                    lang,
                    &page_title(),
                    &map.title(),
                    &StagesHtml::new(&map, &views, true).to_string(),
                ),
                Format::Svg => map.render_svg(&views),
            }
        }
        Map::Quadrant => {
            let keep = args
                .stream
                .is_some()
                .then(|| views.capabilities_of_streams(&streams));
            let map = QuadrantMap::new(&views, keep.as_deref(), palette);
            match format {
                Format::Term => map.render_term(&views, width(), color),
                Format::Md => format!(
                    "## {}\n\n{}",
                    escape::markdown(&map.title()),
                    map.render_md(&views, 3)
                ),
                Format::Html => heatmap::html_page(
                    lang,
                    &page_title(),
                    &map.title(),
                    &map.html(&views).to_string(),
                ),
                Format::Svg => map.render_svg(&views),
            }
        }
    };
    args.output.emit(&text)?;
    Ok(ExitCode::SUCCESS)
}
