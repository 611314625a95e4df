//! Finding the config and the model files, checking the model, and writing the result:
//! what every command that reads a model shares.

use super::{ConfigFile, ModelPaths};
use crate::catalog::YAML_SYNTAX;
use crate::check::{self, Filters, Outcome};
use crate::config::{self, Config, RuleSelection};
use crate::diag::Finding;
use crate::load::{self, Filter, Loaded};
use crate::report::data::Views;
use anyhow::{anyhow, Context as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A loaded model with the config it was loaded under.
pub struct Workspace {
    pub config: Config,
    pub loaded: Loaded,
}

impl Workspace {
    /// Reads the config (`--config`, else `vsm.yaml` found upwards) and loads the model from
    /// `paths`, else the config's `paths`, else the current folder.
    pub fn open(model: &ModelPaths, config_file: &ConfigFile) -> anyhow::Result<Workspace> {
        let paths = &model.paths;
        let config = match config_file.config.as_deref() {
            Some(file) => {
                if !file.is_file() {
                    return Err(anyhow!("config file `{}` not found", file.display()));
                }
                config::load(file)?
            }
            None => {
                let cwd = std::env::current_dir().context("cannot read the current folder")?;
                match config::discover(&cwd) {
                    Some(found) => {
                        let shown = found
                            .strip_prefix(&cwd)
                            .map(Path::to_path_buf)
                            .unwrap_or(found);
                        config::load(&shown)?
                    }
                    None => Config {
                        base: PathBuf::from("."),
                        ..Config::default()
                    },
                }
            }
        };
        let paths: Vec<PathBuf> = if !paths.is_empty() {
            paths.to_vec()
        } else if !config.paths.is_empty() {
            config
                .paths
                .iter()
                .map(|p| relative_to(&config.base, p))
                .collect()
        } else {
            vec![PathBuf::from(".")]
        };
        let exclude = if config.exclude.is_empty() {
            None
        } else {
            let mut builder = globset::GlobSetBuilder::new();
            for pattern in &config.exclude {
                builder.add(globset::Glob::new(pattern)?);
            }
            Some(builder.build()?)
        };
        let base = std::path::absolute(&config.base).ok();
        let filter = Filter { exclude, base };
        let loaded = load::load(&paths, &filter)?;
        // No output of this run may replace what it read.
        for file in &loaded.sources.files {
            crate::atomic::mark_read(&file.path);
        }
        if let Some(file) = &config.file {
            crate::atomic::mark_read(file);
        }
        for warning in &loaded.warnings {
            crate::stderrln!("warning: {warning}");
        }
        Ok(Workspace { config, loaded })
    }
}

/// Loads and checks the model for a report command and picks the streams `--stream` names
/// (all without it). `Err(code)`: the model could not be read and the command ends with `code`.
pub(super) fn open_streams(
    model: &ModelPaths,
    config_file: &ConfigFile,
    stream: Option<&str>,
) -> anyhow::Result<Result<(Opened, Vec<usize>), ExitCode>> {
    let opened = match open(model, config_file)? {
        Ok(opened) => opened,
        Err(code) => return Ok(Err(code)),
    };
    let streams = select_streams(&opened.workspace.loaded.model, stream)?;
    Ok(Ok((opened, streams)))
}

fn relative_to(base: &Path, path: &Path) -> PathBuf {
    if path.is_absolute() || base == Path::new(".") {
        path.to_path_buf()
    } else {
        base.join(path)
    }
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
    model: &ModelPaths,
    config: &ConfigFile,
) -> anyhow::Result<Result<Opened, ExitCode>> {
    let workspace = Workspace::open(model, config)?;
    let filters = Filters {
        selection: RuleSelection::from_config(&workspace.config),
        ..Filters::default()
    };
    let outcome = check::findings(&workspace.loaded, &filters);
    let unreadable: Vec<Finding> = outcome
        .findings
        .iter()
        .filter(|f| f.rule.code == YAML_SYNTAX.code)
        .cloned()
        .collect();
    if !unreadable.is_empty() {
        crate::stderr!(
            "{}",
            crate::render::concise::render(&workspace.loaded.sources, &unreadable)
        );
        crate::stderrln!(
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
