//! Finding the config and the model files, checking the model, and writing the result:
//! what every command that reads a model shares.

use super::{ConfigFile, ModelPaths};
use crate::catalog::YAML_SYNTAX;
use crate::check::{self, Filters, Outcome};
use crate::config::{self, Config, RuleSelection};
use crate::diag::Finding;
use crate::load::{self, Filter, Loaded};
use crate::report::data::Views;
use crate::source::{normalize, shown_from};
use anyhow::{anyhow, Context as _};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A loaded model with the config it was loaded under.
pub struct Workspace {
    pub config: Config,
    pub loaded: Loaded,
    /// The folder code-scanning paths are relative to (absolute): the git top-level of the
    /// checked files, else the config's folder, else the current folder.
    pub root: PathBuf,
}

/// The config a run reads, and what follows from it before any model file is read: the
/// model paths and the filter of the walk.
pub struct Settings {
    pub config: Config,
    /// The paths given, else the config's `paths` (as seen from the current folder), else `.`.
    pub paths: Vec<PathBuf>,
    pub filter: Filter,
    /// The current folder, normalised.
    pub cwd: PathBuf,
}

impl Settings {
    /// Reads the config (`--config`, else `vsm.yaml` found upwards from the checked paths, else
    /// from the current folder) and makes the filter its `exclude` and `follow_links` ask for.
    pub fn find(model: &ModelPaths, config_file: &ConfigFile) -> anyhow::Result<Settings> {
        let paths = &model.paths;
        let cwd = normalize(&std::env::current_dir().context("cannot read the current folder")?);
        let config = match config_file.config.as_deref() {
            Some(file) => {
                // Anything that exists is handed to the reader, which refuses what is not a
                // regular file (a FIFO would otherwise block) with its own message.
                if std::fs::symlink_metadata(file).is_err() {
                    return Err(anyhow!("config file `{}` not found", file.display()));
                }
                load_config(file)?
            }
            None => match find_config(paths, &cwd)? {
                Some(found) => load_config(&shown_from(&cwd, &found))?,
                None => Config {
                    base: PathBuf::from("."),
                    ..Config::default()
                },
            },
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
        let base = Some(normalize(&cwd.join(&config.base)));
        let filter = Filter {
            exclude,
            base,
            config: config.file.as_deref().and_then(|f| f.canonicalize().ok()),
            follow_links: model.follow_links || config.follow_links,
        };
        let mut settings = Settings {
            paths: paths.to_vec(),
            config,
            filter,
            cwd,
        };
        if settings.paths.is_empty() {
            settings.paths = settings.default_paths();
        }
        Ok(settings)
    }

    /// The paths a run reads when none is given: the config's `paths`, else the current folder.
    pub fn default_paths(&self) -> Vec<PathBuf> {
        if self.config.paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            self.config
                .paths
                .iter()
                .map(|p| relative_to(&self.config.base, p))
                .collect()
        }
    }
}

impl Workspace {
    /// Reads the config (see [`Settings::find`]) and loads the model from `paths`, else the
    /// config's `paths`, else the current folder.
    pub fn open(model: &ModelPaths, config_file: &ConfigFile) -> anyhow::Result<Workspace> {
        let Settings {
            config,
            paths,
            filter,
            cwd,
        } = Settings::find(model, config_file)?;
        let loaded = load::load(&paths, &filter)?;
        // No output of this run may replace what it read.
        for file in &loaded.sources.files {
            crate::atomic::mark_read(&file.path);
        }
        if let Some(file) = &config.file {
            crate::atomic::mark_read(file);
        }
        for warning in &loaded.warnings {
            crate::stderrln!("warning: {}", crate::text::escaped(warning));
        }
        let root = repository_root(&config, &paths, &cwd);
        Ok(Workspace {
            config,
            loaded,
            root,
        })
    }
}

/// Reads the config. Its errors quote its keys and values, escaped as all terminal text is
/// (line by line: each error is a line).
fn load_config(file: &Path) -> anyhow::Result<Config> {
    config::load(file).map_err(|e| anyhow!("{}", crate::text::escaped_lines(&format!("{e:#}"))))
}

/// The `vsm.yaml` of the checked paths, as ruff finds its settings: upwards from the first
/// path given (from the current folder when none is). Paths under two different configs are an
/// error: one run checks one model under one config.
fn find_config(paths: &[PathBuf], cwd: &Path) -> anyhow::Result<Option<PathBuf>> {
    if paths.is_empty() {
        return Ok(config::discover(cwd));
    }
    // Folders already searched: pre-commit may pass hundreds of files of a few folders.
    let mut searched: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
    let mut chosen: Option<(PathBuf, &PathBuf)> = None;
    for path in paths {
        let absolute = normalize(&cwd.join(path));
        let folder = if absolute.is_dir() {
            absolute
        } else {
            match absolute.parent() {
                Some(parent) => parent.to_path_buf(),
                None => continue,
            }
        };
        let found = searched
            .entry(folder)
            .or_insert_with_key(|folder| config::discover(folder))
            .clone();
        let Some(found) = found else { continue };
        match &chosen {
            None => chosen = Some((found, path)),
            Some((first, first_path)) if !same_file(first, &found) => {
                return Err(anyhow!(
                    "`{}` falls under the config `{}`, but `{}` under `{}`: check them in \
                     separate runs, or name one config with --config",
                    first_path.display(),
                    shown_from(cwd, first).display(),
                    path.display(),
                    shown_from(cwd, &found).display()
                ));
            }
            Some(_) => {}
        }
    }
    Ok(chosen.map(|(found, _)| found))
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || a.canonicalize()
            .ok()
            .is_some_and(|a| b.canonicalize().ok() == Some(a))
}

/// The folder SARIF and GitHub annotations name files from: the git top-level (a folder
/// with `.git`) above the config, else above the first checked path; else the config's
/// folder; else the current folder.
fn repository_root(config: &Config, paths: &[PathBuf], cwd: &Path) -> PathBuf {
    let config_folder = config
        .file
        .as_ref()
        .map(|_| normalize(&cwd.join(&config.base)));
    let start = config_folder.clone().or_else(|| {
        paths.first().map(|p| {
            let p = normalize(&cwd.join(p));
            if p.is_dir() {
                p
            } else {
                p.parent().map_or(p.clone(), Path::to_path_buf)
            }
        })
    });
    let start = start.unwrap_or_else(|| cwd.to_path_buf());
    start
        .ancestors()
        .find(|folder| folder.join(".git").exists())
        .map(Path::to_path_buf)
        .or(config_folder)
        .unwrap_or_else(|| cwd.to_path_buf())
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
    let unreadable = print_unreadable(&workspace.loaded, &outcome.findings);
    if unreadable > 0 {
        crate::stderrln!(
            "error: the model cannot be loaded ({} not readable as YAML); fix {} first",
            if unreadable == 1 {
                "a file is"
            } else {
                "files are"
            },
            if unreadable == 1 { "it" } else { "them" }
        );
        return Ok(Err(ExitCode::from(1)));
    }
    Ok(Ok(Opened { workspace, outcome }))
}

/// Prints, in the concise form on stderr, those of `findings` that say a file of `loaded` is
/// not readable as YAML (VSM001): a model with such a file is incomplete. Returns how many.
pub(super) fn print_unreadable(loaded: &Loaded, findings: &[Finding]) -> usize {
    let unreadable: Vec<Finding> = findings
        .iter()
        .filter(|f| f.rule.code == YAML_SYNTAX.code)
        .cloned()
        .collect();
    if !unreadable.is_empty() {
        crate::stderr!(
            "{}",
            crate::render::concise::render(&loaded.sources, &unreadable)
        );
    }
    unreadable.len()
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
                let hint = crate::suggest::help(id, model.value_streams.keys().map(|k| k.as_str()))
                    .map(|h| format!(" ({})", crate::text::escaped(&h)))
                    .unwrap_or_default();
                let known: Vec<_> = model
                    .value_streams
                    .keys()
                    .take(10)
                    .map(|k| crate::text::escaped(k))
                    .collect();
                Err(anyhow!(
                    "--stream: no value stream `{}`{hint}; the model has: {}{}",
                    crate::text::escaped(id),
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
