//! `vsm diff OLD NEW`: what a change does to the model, for reviews of a model repository.
//!
//! Each side is a folder or file on disk, or a git revision with an optional path
//! (`main`, `HEAD~1`, `origin/main:models`); `--since REF` compares REF with the working tree.
//! A revision is read from git's objects (`git ls-tree`, `git cat-file --batch`, see
//! [`super::git`]), never through the working tree or the index, and loaded by
//! [`crate::load::load_files`] with the file selection a folder on disk gets. Both sides are
//! loaded under one config (the one `vsm check` would read here) and checked with its rules;
//! [`crate::diff`] compares them.
//!
//! Exit codes: 0 no semantic change (or changes without `--exit-code`), 1 changes with
//! `--exit-code`, or a `--fail-on` gate hit, 2 `vsm` could not do its job, a side that does
//! not load included (a revision git does not know, a file that is not YAML).

use super::file_format::FileFormat;
use super::workspace::{print_unreadable, Settings};
use super::{git, ColorChoice, ConfigFile, ModelPaths, OutputFile};
use crate::check::{self, Filters, Outcome};
use crate::config::RuleSelection;
use crate::diff::{self, Diff, Side};
use crate::load::{self, Loaded, MemoryFile};
use crate::source::{normalize, relative, shown_from, slashes};
use crate::text::{escaped, plural};
use anyhow::{anyhow, bail};
use clap::ValueEnum;
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

/// Output format of `vsm diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Coloured text grouped by kind (default)
    Term,
    /// GitHub-flavoured Markdown for a pull-request comment (at most 65,536 characters)
    Md,
    /// JSON, as documented in docs/diff.md
    Json,
}

impl FileFormat for Format {
    const EXTENSIONS: &'static [(&'static str, Self)] = &[
        ("md", Format::Md),
        ("markdown", Format::Md),
        ("json", Format::Json),
    ];
}

/// What makes `--fail-on` exit with 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Gate {
    /// The new side has findings the old one had not
    NewFindings,
    /// A stage lost a value item or now adds no value, or a value stream lost a stage
    ValueLost,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The old side: a folder or file, or a git revision with an optional path (`main`,
    /// `HEAD~1`, `origin/main:models`); a path that exists is read from disk
    #[arg(value_name = "OLD", required_unless_present = "since")]
    pub old: Option<String>,
    /// The new side, named the same way (`HEAD`, `models`)
    #[arg(value_name = "NEW", required_unless_present = "since")]
    pub new: Option<String>,
    /// Compare the git revision REF with the working tree (the model's paths, as `vsm check`
    /// reads them)
    #[arg(long, value_name = "REF", conflicts_with_all = ["old", "new"])]
    pub since: Option<String>,
    /// Output format [default: from the extension of -o (.md, .json), else term]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    #[command(flatten)]
    pub output: OutputFile,
    #[command(flatten)]
    pub config: ConfigFile,
    // The language of the findings introduced and fixed (the rest of the diff is English).
    #[command(flatten)]
    pub lang: super::lang::LangArg,
    /// Exit with 1 when the models differ, as `git diff --exit-code` does
    #[arg(long)]
    pub exit_code: bool,
    /// Exit with 1 when the change introduces findings or loses value (comma-separated)
    #[arg(long, value_enum, value_delimiter = ',', value_name = "GATE")]
    pub fail_on: Vec<Gate>,
    /// Read what symbolic links inside folders on disk lead to outside them (as `vsm check`)
    #[arg(long)]
    pub follow_links: bool,
    /// Colour the terminal output
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
}

/// Where a side's files come from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    /// A folder or file on disk.
    Disk(PathBuf),
    /// The model's paths (config `paths`, else the current folder) on disk.
    WorkingTree,
    /// A git revision; with a path (`REV:PATH`), only what is under it, else the model's paths.
    Git { rev: String, path: Option<String> },
}

/// How a side named on the command line is read: a path that exists is a path; otherwise a
/// git revision, `REV:PATH` for a part of it.
fn source_of(spec: &str) -> Source {
    if std::fs::symlink_metadata(spec).is_ok() {
        return Source::Disk(PathBuf::from(spec));
    }
    match spec.split_once(':') {
        Some((rev, path)) if !rev.is_empty() => Source::Git {
            rev: rev.to_string(),
            path: Some(path.to_string()),
        },
        _ => Source::Git {
            rev: spec.to_string(),
            path: None,
        },
    }
}

/// A side loaded: its model and the name of each file for matching findings.
struct Loading {
    loaded: Loaded,
    keys: Vec<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let format = args.output.format(args.format, Format::Term, "diff")?;
    let (old_label, old, new_label, new) = match (&args.since, &args.old, &args.new) {
        (Some(rev), _, _) => (
            rev.clone(),
            Source::Git {
                rev: rev.clone(),
                path: None,
            },
            "working tree".to_string(),
            Source::WorkingTree,
        ),
        (None, Some(old), Some(new)) => (old.clone(), source_of(old), new.clone(), source_of(new)),
        _ => bail!("name both sides (`vsm diff OLD NEW`), or one revision with --since REF"),
    };
    // The config is found as `vsm check` finds it: from the folders on disk, else from here.
    let on_disk: Vec<PathBuf> = [&old, &new]
        .into_iter()
        .filter_map(|s| match s {
            Source::Disk(path) => Some(path.clone()),
            _ => None,
        })
        .collect();
    let settings = Settings::find(
        &ModelPaths {
            paths: on_disk,
            follow_links: args.follow_links,
        },
        &args.config,
    )?;
    if let Some(file) = &settings.config.file {
        crate::atomic::mark_read(file);
    }
    let (old_side, new_side) = rayon::join(
        || open_side("OLD", &old_label, &old, &settings),
        || open_side("NEW", &new_label, &new, &settings),
    );
    let (old_side, new_side) = (old_side?, new_side?);
    let selection = RuleSelection::from_config(&settings.config);
    let check = |side: &Loading| {
        check::findings(
            &side.loaded,
            &Filters {
                selection: selection.clone(),
                ..Filters::default()
            },
        )
    };
    let (old_outcome, new_outcome): (Outcome, Outcome) =
        rayon::join(|| check(&old_side), || check(&new_side));
    let lang = args.lang.resolve_with(settings.config.lang)?;
    let mut diff = diff::compute(
        &Side {
            label: &old_label,
            loaded: &old_side.loaded,
            outcome: &old_outcome,
            file_keys: &old_side.keys,
        },
        &Side {
            label: &new_label,
            loaded: &new_side.loaded,
            outcome: &new_outcome,
            file_keys: &new_side.keys,
        },
    );
    diff.localize(lang);
    let text = match format {
        Format::Term => diff::term::render(&diff, args.output.colored(args.color)),
        Format::Md => diff::markdown::render(&diff, diff::markdown::COMMENT_LIMIT),
        Format::Json => {
            let mut json = serde_json::to_string_pretty(&diff)?;
            json.push('\n');
            json
        }
    };
    args.output.emit(&text)?;
    let code = exit_code(&diff, args.exit_code, &args.fail_on);
    // Freeing two large models one allocation at a time takes a noticeable part of a run, just
    // before the process exits and the system takes the memory back anyway (as `vsm check`).
    std::mem::forget((old_outcome, new_outcome, old_side, new_side, diff));
    Ok(code)
}

/// 1 when `--exit-code` and the models differ, or when a `--fail-on` gate is hit (each gate
/// hit says so on stderr); else 0.
fn exit_code(diff: &Diff, exit_code: bool, gates: &[Gate]) -> ExitCode {
    let mut failed = exit_code && !diff.is_empty();
    for gate in gates {
        let hit = match gate {
            Gate::NewFindings => (!diff.findings.introduced.is_empty()).then(|| {
                plural(
                    diff.findings.introduced.len(),
                    "finding introduced",
                    "findings introduced",
                )
            }),
            Gate::ValueLost => diff.value_lost().then(|| "value lost".to_string()),
        };
        if let Some(what) = hit {
            let name = gate
                .to_possible_value()
                .map(|v| v.get_name().to_string())
                .unwrap_or_default();
            crate::stderrln!("vsm diff: {what} (--fail-on {name})");
            failed = true;
        }
    }
    ExitCode::from(u8::from(failed))
}

/// Loads one side. `which` (`OLD`, `NEW`) and `label` name it in errors, so a side that does
/// not load says which it is.
fn open_side(
    which: &str,
    label: &str,
    source: &Source,
    settings: &Settings,
) -> anyhow::Result<Loading> {
    let context = format!("{which} `{}`", escaped(label));
    let (loaded, roots) = match source {
        Source::Disk(path) => (
            load_disk(std::slice::from_ref(path), settings, &context)?,
            vec![path.clone()],
        ),
        Source::WorkingTree => {
            let paths = settings.default_paths();
            (load_disk(&paths, settings, &context)?, paths)
        }
        Source::Git { rev, path } => load_revision(rev, path.as_deref(), settings, &context)?,
    };
    for warning in &loaded.warnings {
        crate::stderrln!("warning: {}", escaped(warning));
    }
    let unreadable = print_unreadable(&loaded, &loaded.findings);
    if unreadable > 0 {
        bail!(
            "{context}: the model cannot be loaded ({} not readable as YAML): a diff would \
             show everything in {} as removed",
            plural(unreadable, "file is", "files are"),
            if unreadable == 1 { "it" } else { "them" }
        );
    }
    let keys = file_keys(&loaded, &roots, &settings.cwd);
    Ok(Loading { loaded, keys })
}

/// Loads files and folders on disk, as `vsm check` does.
fn load_disk(paths: &[PathBuf], settings: &Settings, context: &str) -> anyhow::Result<Loaded> {
    let loaded = load::load(paths, &settings.filter).map_err(|e| anyhow!("{context}: {e}"))?;
    // No output of this run may replace what it read.
    for file in &loaded.sources.files {
        crate::atomic::mark_read(&file.path);
    }
    Ok(loaded)
}

/// Loads the model files of a git revision under `path` (`REV:PATH`; relative to the top of
/// the repository, or to the current folder when it starts with `./` or `../`, as git reads
/// it), else under the model's paths. Returns the model and the roots (as shown) its files
/// were found under.
fn load_revision(
    rev: &str,
    path: Option<&str>,
    settings: &Settings,
    context: &str,
) -> anyhow::Result<(Loaded, Vec<PathBuf>)> {
    let prefix = git::prefix(context)?;
    let cwd = &settings.cwd;
    // The top of the repository, found from the current folder without following links.
    let mut top = cwd.clone();
    for _ in Path::new(&prefix).components() {
        top.pop();
    }
    // The roots as paths from the top.
    let roots: Vec<PathBuf> = match path {
        Some(path) if path.starts_with("./") || path.starts_with("../") || path == "." => {
            vec![normalize(&Path::new(&prefix).join(path))]
        }
        Some(path) => vec![normalize(Path::new(path))],
        None => settings
            .default_paths()
            .iter()
            .map(|p| {
                let absolute = normalize(&cwd.join(p));
                absolute
                    .strip_prefix(&top)
                    .map(Path::to_path_buf)
                    .map_err(|_| {
                        anyhow!(
                            "{context}: the model path `{}` is outside the git repository",
                            p.display()
                        )
                    })
            })
            .collect::<anyhow::Result<_>>()?,
    };
    if let Some(outside) = roots
        .iter()
        .find(|r| r.components().next() == Some(Component::ParentDir))
    {
        bail!(
            "{context}: `{}` is outside the git repository",
            outside.display()
        );
    }
    let tree = git::tree_of(rev, context)?;
    let files = git::tree_files(&tree, context)?;
    let shown_roots: Vec<PathBuf> = roots
        .iter()
        .map(|r| shown_from(cwd, &top.join(r)))
        .collect();
    let mut chosen: Vec<(PathBuf, &git::TreeFile, bool)> = Vec::new();
    let mut seen = HashSet::new();
    for (root, shown_root) in roots.iter().zip(&shown_roots) {
        let mut found = false;
        let mut under: Vec<(PathBuf, &git::TreeFile, bool)> = Vec::new();
        for file in &files {
            let file_path = Path::new(&file.path);
            let named = file_path == root.as_path();
            let inside = root.as_os_str().is_empty() || file_path.starts_with(root);
            if !named && !inside {
                continue;
            }
            found = true;
            // As a walk of the root on disk would find it (`./models/a.yaml` under `.`).
            let walked = shown_root.join(file_path.strip_prefix(root).unwrap_or(file_path));
            let shown = shown_from(cwd, &top.join(file_path));
            if (named || load::selects(shown_root, &walked, &settings.filter))
                && seen.insert(file.path.as_str())
            {
                under.push((shown, file, named));
            }
        }
        if !found {
            bail!("{context}: the revision has nothing at `{}`", slashes(root));
        }
        // In the order a walk of the folder lists them (`a/x.yaml` before `a-b.yaml`).
        under.sort_by(|a, b| a.0.cmp(&b.0));
        chosen.extend(under);
    }
    if let Some((shown, file, _)) = chosen
        .iter()
        .find(|(_, f, _)| f.size > load::MAX_FILE_BYTES)
    {
        bail!(
            "{context}: `{}` is {} MB; model files larger than {} MB are not read",
            shown.display(),
            file.size >> 20,
            load::MAX_FILE_BYTES >> 20
        );
    }
    let blobs: Vec<&str> = chosen.iter().map(|(_, f, _)| f.blob.as_str()).collect();
    let contents = git::read_blobs(&blobs, context)?;
    let files: Vec<MemoryFile> = chosen
        .into_iter()
        .zip(contents)
        .map(|((path, _, named), bytes)| MemoryFile { path, bytes, named })
        .collect();
    if files.is_empty() {
        bail!(
            "{context}: no model files (*.yaml, *.yml) in {}",
            roots
                .iter()
                .map(|r| format!("`{}`", slashes(r)))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let loaded = load::load_files(files, &settings.filter, "the revision")
        .map_err(|e| anyhow!("{context}: {e}"))?;
    Ok((loaded, shown_roots))
}

/// Each file's name for matching findings across the sides: its path from the side's root
/// when the side has one root (so `old/a.yaml` and `new/a.yaml` are one file, and a side that
/// is one file calls it ``), else its path as shown.
fn file_keys(loaded: &Loaded, roots: &[PathBuf], cwd: &Path) -> Vec<String> {
    let root = match roots {
        [root] => Some(normalize(&cwd.join(root))),
        _ => None,
    };
    loaded
        .sources
        .files
        .iter()
        .map(|file| match &root {
            Some(root) => {
                let absolute = normalize(&cwd.join(&file.path));
                relative(root, &absolute)
                    .map(|r| slashes(&r))
                    .unwrap_or_else(|| file.display_path())
            }
            None => file.display_path(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_that_exists_is_read_from_disk_and_anything_else_from_git() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("main");
        std::fs::create_dir(&folder).unwrap();
        let spec = folder.to_str().unwrap();
        assert_eq!(source_of(spec), Source::Disk(folder.clone()));
        assert_eq!(
            source_of("origin/main:models"),
            Source::Git {
                rev: "origin/main".into(),
                path: Some("models".into())
            }
        );
        assert_eq!(
            source_of("HEAD~1"),
            Source::Git {
                rev: "HEAD~1".into(),
                path: None
            }
        );
        assert_eq!(
            source_of("main:"),
            Source::Git {
                rev: "main".into(),
                path: Some(String::new())
            }
        );
    }
}
