//! Finding the config and the model files, shared by every command that reads a model.

use super::report::{open, select_streams, Opened};
use crate::config::{self, Config};
use crate::load::{self, Filter, Loaded};
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
    pub fn open(paths: &[PathBuf], config_file: Option<&Path>) -> anyhow::Result<Workspace> {
        let config = match config_file {
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
        for warning in &loaded.warnings {
            eprintln!("warning: {warning}");
        }
        Ok(Workspace { config, loaded })
    }
}

/// Loads and checks the model for a report command and picks the streams `--stream` names
/// (all without it). `Err(code)`: the model could not be read and the command ends with `code`.
pub(super) fn open_streams(
    paths: &[PathBuf],
    config_file: Option<&Path>,
    stream: Option<&str>,
) -> anyhow::Result<Result<(Opened, Vec<usize>), ExitCode>> {
    let opened = match open(paths, config_file)? {
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
