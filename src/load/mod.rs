//! Finding model files, parsing them (in parallel), and merging them into one model.

mod convert;

pub use convert::*;

use crate::diag::Finding;
use crate::model::Model;
use crate::rules::{DUPLICATE_ID, YAML_SYNTAX};
use crate::source::{FileId, Loc, SourceFile, Sources};
use crate::yaml::{self, Span};
use globset::GlobSet;
use indexmap::IndexMap;
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Files larger than this are reported instead of read (a model file is a few MB at most).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Why `vsm` cannot load the model at all (exit code 2), as opposed to findings in it.
#[derive(Debug)]
pub struct LoadError(pub String);

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LoadError {}

/// The loaded model with its sources and the problems found while reading it.
#[derive(Debug, Default)]
pub struct Loaded {
    pub sources: Sources,
    pub model: Model,
    pub findings: Vec<Finding>,
    /// Problems with the walk that are not errors (symlink loops): shown on stderr.
    pub warnings: Vec<String>,
}

/// What to skip while walking folders.
#[derive(Default)]
pub struct Filter {
    pub exclude: Option<GlobSet>,
    /// Exclude globs are matched against paths relative to this folder (the config's).
    pub base: Option<PathBuf>,
}

impl Filter {
    fn excluded(&self, path: &Path) -> bool {
        let Some(set) = &self.exclude else {
            return false;
        };
        if set.is_match(path) {
            return true;
        }
        let clean = path.strip_prefix(".").unwrap_or(path);
        if set.is_match(clean) {
            return true;
        }
        if let Some(base) = &self.base {
            if let Ok(absolute) = std::path::absolute(path) {
                if let Ok(relative) = absolute.strip_prefix(base) {
                    return set.is_match(relative);
                }
            }
        }
        false
    }
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') && name != "." && name != ".."
}

/// Lists the model files under `paths`, in a stable order (each path's files sorted).
pub fn discover(
    paths: &[PathBuf],
    filter: &Filter,
) -> Result<(Vec<PathBuf>, Vec<String>), LoadError> {
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    let mut seen = HashSet::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| {
            LoadError(format!(
                "cannot read `{}`: {}",
                path.display(),
                describe_io(&e)
            ))
        })?;
        if meta.is_file() {
            // A file named on the command line is read whatever its extension.
            if seen.insert(canonical(path)) {
                files.push(path.clone());
            }
            continue;
        }
        let walker = walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0 || !(e.file_type().is_dir() && is_hidden(e.file_name()))
            });
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) if e.loop_ancestor().is_some() => {
                    let at = e
                        .path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default();
                    warnings.push(format!(
                        "skipped `{at}`: a symbolic link loops back to a folder above it"
                    ));
                    continue;
                }
                Err(e) => {
                    let at = e
                        .path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default();
                    let why = e
                        .io_error()
                        .map(describe_io)
                        .unwrap_or_else(|| e.to_string());
                    return Err(LoadError(format!("cannot read `{at}`: {why}")));
                }
            };
            if !entry.file_type().is_file()
                || !is_yaml(entry.path())
                || filter.excluded(entry.path())
            {
                continue;
            }
            if seen.insert(canonical(entry.path())) {
                files.push(entry.into_path());
            }
        }
    }
    if files.is_empty() {
        let names: Vec<String> = paths.iter().map(|p| format!("`{}`", p.display())).collect();
        return Err(LoadError(format!(
            "no model files (*.yaml, *.yml) found in {}",
            names.join(", ")
        )));
    }
    Ok((files, warnings))
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Reads, parses and converts one file; syntax problems become findings.
fn read_one(
    file_id: FileId,
    path: &Path,
) -> Result<(SourceFile, FileModel, Vec<Finding>), LoadError> {
    let mut findings = Vec::new();
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let display = path.strip_prefix("./").unwrap_or(path).to_path_buf();
    if size > MAX_FILE_BYTES {
        let source = SourceFile::new(display, String::new());
        findings.push(Finding::new(
            &YAML_SYNTAX,
            Loc {
                file: file_id,
                span: Span::default(),
            },
            format!(
                "the file is {} MB; model files larger than {} MB are not read",
                size >> 20,
                MAX_FILE_BYTES >> 20
            ),
        ));
        return Ok((
            source,
            FileModel {
                model: Model::default(),
                meta_loc: None,
            },
            findings,
        ));
    }
    let mut bytes = std::fs::read(path).map_err(|e| {
        LoadError(format!(
            "cannot read `{}`: {}",
            path.display(),
            describe_io(&e)
        ))
    })?;
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let (text, bad_utf8_at) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            // Everything before the first bad byte is unchanged by the lossy conversion.
            let at = e.utf8_error().valid_up_to();
            (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at))
        }
    };
    let source = SourceFile::new(display, text);
    if let Some(at) = bad_utf8_at {
        findings.push(
            Finding::new(
                &YAML_SYNTAX,
                Loc {
                    file: file_id,
                    span: Span::new(at, at + 1),
                },
                "the file is not UTF-8 text (is it binary, or saved in another encoding?)",
            )
            .help("save the file as UTF-8"),
        );
        return Ok((
            source,
            FileModel {
                model: Model::default(),
                meta_loc: None,
            },
            findings,
        ));
    }
    let file_model = match yaml::parse(&source.text) {
        Ok(docs) => convert::convert_file(file_id, &docs, &mut findings),
        Err(error) => {
            let at = floor_char_boundary(&source.text, error.offset.min(source.text.len()));
            let end = source.text[at..]
                .chars()
                .next()
                .map_or(at, |c| at + c.len_utf8());
            findings.push(
                Finding::new(
                    &YAML_SYNTAX,
                    Loc {
                        file: file_id,
                        span: Span::new(at, end),
                    },
                    syntax_message(&error.message),
                )
                .maybe_help(syntax_help(&source.text, at, &error.message)),
            );
            FileModel {
                model: Model::default(),
                meta_loc: None,
            }
        }
    };
    Ok((source, file_model, findings))
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn syntax_message(raw: &str) -> String {
    format!("invalid YAML: {raw}")
}

/// A hint for the common syntax mistakes.
fn syntax_help(text: &str, at: usize, message: &str) -> Option<String> {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[line_start..line_end];
    if line.contains('\t') || message.contains("tab") {
        return Some("YAML does not allow tabs for indentation: indent with spaces".into());
    }
    if message.contains("mapping values are not allowed") {
        return Some("a value containing `: ` must be quoted".into());
    }
    if message.contains("did not find expected ',' or ']'") || message.contains("flow sequence") {
        return Some("a `[` list is not closed: add `]`".into());
    }
    if message.contains("flow mapping") {
        return Some("a `{` mapping is not closed: add `}`".into());
    }
    if message.contains("quoted scalar") {
        return Some("a quoted text is not closed: add the closing quote".into());
    }
    None
}

/// Loads every file under `paths` into one model.
pub fn load(paths: &[PathBuf], filter: &Filter) -> Result<Loaded, LoadError> {
    let (files, warnings) = discover(paths, filter)?;
    let results: Vec<_> = files
        .par_iter()
        .enumerate()
        .map(|(id, path)| read_one(id as FileId, path))
        .collect::<Result<_, _>>()?;
    let mut loaded = Loaded {
        warnings,
        ..Loaded::default()
    };
    let mut meta_loc: Option<Loc> = None;
    for (source, file_model, findings) in results {
        loaded.sources.files.push(source);
        loaded.findings.extend(findings);
        merge(&mut loaded, file_model, &mut meta_loc);
    }
    Ok(loaded)
}

/// Loads model text given directly (tests, fuzzing): one file named `name`.
pub fn load_text(name: &str, text: &str) -> Loaded {
    let mut findings = Vec::new();
    let source = SourceFile::new(name.into(), text.to_string());
    let file_model = match yaml::parse(text) {
        Ok(docs) => convert::convert_file(0, &docs, &mut findings),
        Err(error) => {
            let at = floor_char_boundary(text, error.offset);
            findings.push(Finding::new(
                &YAML_SYNTAX,
                Loc {
                    file: 0,
                    span: Span::new(at, at),
                },
                syntax_message(&error.message),
            ));
            FileModel {
                model: Model::default(),
                meta_loc: None,
            }
        }
    };
    let mut loaded = Loaded {
        findings,
        ..Loaded::default()
    };
    loaded.sources.files.push(source);
    let mut meta_loc = None;
    merge(&mut loaded, file_model, &mut meta_loc);
    loaded
}

fn merge(loaded: &mut Loaded, file_model: FileModel, meta_loc: &mut Option<Loc>) {
    let FileModel {
        model,
        meta_loc: this_meta,
    } = file_model;
    if let Some(meta) = model.meta {
        match (*meta_loc, this_meta) {
            (Some(first), Some(here)) => loaded.findings.push(
                Finding::new(&DUPLICATE_ID, here, "the `model` section is written twice")
                    .label(first, "first written here")
                    .help("a model has at most one `model` section: keep one")
                    .path("model"),
            ),
            _ => {
                *meta_loc = this_meta;
                loaded.model.meta = Some(meta);
            }
        }
    }
    let target = &mut loaded.model;
    let findings = &mut loaded.findings;
    merge_section(
        &mut target.stakeholders,
        model.stakeholders,
        "stakeholders",
        "stakeholder",
        findings,
        |e| &e.common.id,
    );
    merge_section(
        &mut target.value_streams,
        model.value_streams,
        "value_streams",
        "value stream",
        findings,
        |e| &e.common.id,
    );
    merge_section(
        &mut target.capabilities,
        model.capabilities,
        "capabilities",
        "capability",
        findings,
        |e| &e.common.id,
    );
    merge_section(
        &mut target.processes,
        model.processes,
        "processes",
        "process",
        findings,
        |e| &e.common.id,
    );
    merge_section(
        &mut target.information,
        model.information,
        "information",
        "information",
        findings,
        |e| &e.common.id,
    );
    merge_section(
        &mut target.business_objects,
        model.business_objects,
        "business_objects",
        "business object",
        findings,
        |e| &e.common.id,
    );
    merge_section(
        &mut target.commitments,
        model.commitments,
        "commitments",
        "commitment",
        findings,
        |e| &e.common.id,
    );
    merge_section(
        &mut target.perceptions,
        model.perceptions,
        "perceptions",
        "perception point",
        findings,
        |e| &e.common.id,
    );
}

fn merge_section<T>(
    target: &mut IndexMap<String, T>,
    incoming: IndexMap<String, T>,
    section: &str,
    noun: &str,
    findings: &mut Vec<Finding>,
    id_of: fn(&T) -> &crate::model::Text,
) {
    if target.is_empty() {
        *target = incoming;
        return;
    }
    for (id, element) in incoming {
        if let Some(first) = target.get(&id) {
            let first_loc = id_of(first).loc;
            findings.push(
                Finding::new(
                    &DUPLICATE_ID,
                    id_of(&element).loc,
                    format!("the {noun} `{id}` is defined twice"),
                )
                .label(first_loc, "first defined here")
                .help("ids must be unique per kind across all files: rename or merge one")
                .path(format!("{section}.{id}")),
            );
            continue;
        }
        target.insert(id, element);
    }
}
