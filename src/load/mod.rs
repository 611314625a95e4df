//! Finding model files, parsing them (in parallel), and merging them into one model.

mod again;
mod convert;
mod elements;
mod scalars;

pub use again::{load_files_again, ReadCache};
pub use convert::*;
pub use scalars::{nfc, valid_id};

use crate::catalog::{DUPLICATE_ID, YAML_SYNTAX};
use crate::diag::Finding;
use crate::model::{Kind, Model};
use crate::source::{normalize, shown_from, FileId, Loc, SourceFile, Sources};
use crate::text::plural;
use crate::vocabulary::{key, SECTIONS};
use crate::yaml::{self, Span};
use globset::GlobSet;
use ignore::WalkState;
use indexmap::IndexMap;
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

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
    /// YAML files found in folders that are not read as models (shown as in outputs).
    pub skipped: Vec<Skipped>,
}

/// A YAML file the walk found but did not read as a model, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub why: SkipReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// No top-level key of the file is a model section (a CI workflow, an OpenAPI file, ...).
    NoModelSection,
    /// The config file of this run (or another `vsm.yaml` that holds no model section).
    Config,
}

impl SkipReason {
    /// The reason as a key of `findings.ftl`, to say it in the reader's language.
    pub fn key(self) -> &'static str {
        match self {
            SkipReason::NoModelSection => "check-skip-no-model-section",
            SkipReason::Config => "check-skip-config",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            SkipReason::NoModelSection => "it holds no model section",
            SkipReason::Config => "it is a vsm config file",
        }
    }
}

/// What to skip while walking folders.
#[derive(Default)]
pub struct Filter {
    pub exclude: Option<GlobSet>,
    /// Exclude globs are matched against paths relative to this folder (the config's; absolute
    /// and normalised).
    pub base: Option<PathBuf>,
    /// The config file of this run (canonical path): never a model, even named explicitly.
    pub config: Option<PathBuf>,
    /// Read what symbolic links in a walked folder lead to outside it (`--follow-links`,
    /// `follow_links: true`); otherwise such links are skipped with a warning.
    pub follow_links: bool,
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
                if let Ok(relative) = normalize(&absolute).strip_prefix(base) {
                    return set.is_match(relative);
                }
            }
        }
        false
    }

    fn is_config(&self, path: &Path) -> bool {
        self.config
            .as_deref()
            .is_some_and(|config| canonical(path) == config)
    }
}

/// `*.yaml` / `*.yml`, in any case (`.YAML` is common on Windows).
fn is_yaml(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// Names a config file may have; such a file holding no model section is a config, even when
/// named on the command line (`vsm check *.yaml`, or pre-commit passing every changed file).
fn is_config_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    name.eq_ignore_ascii_case(crate::config::CONFIG_FILE)
        || name.eq_ignore_ascii_case(&format!(".{}", crate::config::CONFIG_FILE))
}

/// A file to read, and whether the command line named it (then it is always a model).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub path: PathBuf,
    pub named: bool,
}

/// The files under the paths, in a stable order, and the walk's warnings.
#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<Candidate>,
    pub warnings: Vec<String>,
}

/// Lists the YAML files under `paths`, in a stable order: the paths in the order given, each
/// folder's files sorted by path (as a depth-first walk sorted by name would list them), each
/// file once. Folders are walked as ripgrep does (`.gitignore` honoured, hidden files skipped).
pub fn discover(paths: &[PathBuf], filter: &Filter) -> Result<Discovered, LoadError> {
    let mut discovered = Discovered::default();
    let mut seen = HashSet::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| {
            LoadError(format!(
                "cannot read `{}`: {}",
                path.display(),
                describe_path(path, &e)
            ))
        })?;
        if !meta.is_dir() {
            // A file named on the command line is read whatever its extension (a pipe or
            // device too: the reader refuses it with a message instead of blocking).
            if seen.insert(canonical(path)) {
                discovered.files.push(Candidate {
                    path: path.clone(),
                    named: true,
                });
            }
            continue;
        }
        let (mut found, warnings) = walk(path, filter)?;
        // `Path` orders by component, so `a/x.yaml` comes before `a-b.yaml`, as in a walk.
        found.sort_unstable();
        discovered.warnings.extend(warnings);
        for file in found {
            if seen.insert(canonical(&file)) {
                discovered.files.push(Candidate {
                    path: file,
                    named: false,
                });
            }
        }
    }
    if discovered.files.is_empty() {
        let names: Vec<String> = paths.iter().map(|p| format!("`{}`", p.display())).collect();
        return Err(LoadError(format!(
            "no model files (*.yaml, *.yml) found in {}",
            names.join(", ")
        )));
    }
    Ok(discovered)
}

/// The YAML files under the folder `root` (in no particular order: the walk is parallel) and
/// the warnings about links it skipped (sorted).
fn walk(root: &Path, filter: &Filter) -> Result<(Vec<PathBuf>, Vec<String>), LoadError> {
    let files = Mutex::new(Vec::new());
    let warnings = Mutex::new(Vec::new());
    let failure = Mutex::new(None);
    let inside = canonical(root);
    ignore::WalkBuilder::new(root)
        .follow_links(true)
        .build_parallel()
        .run(|| {
            Box::new(|entry| {
                let entry = match entry {
                    Ok(entry) => entry,
                    Err(error) => {
                        return match walk_problem(&error) {
                            WalkProblem::Warning(text) => {
                                lock(&warnings).push(text);
                                WalkState::Continue
                            }
                            WalkProblem::Silent => WalkState::Continue,
                            WalkProblem::Fatal(text) => {
                                lock(&failure).get_or_insert(text);
                                WalkState::Quit
                            }
                        };
                    }
                };
                let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
                if entry.depth() > 0 && entry.path_is_symlink() && !filter.follow_links {
                    if let Some(text) = leaves_the_folder(entry.path(), &inside, is_dir) {
                        lock(&warnings).push(text);
                        return if is_dir {
                            WalkState::Skip
                        } else {
                            WalkState::Continue
                        };
                    }
                }
                if entry.depth() > 0 && filter.excluded(entry.path()) {
                    // An excluded folder is not walked at all.
                    return if is_dir {
                        WalkState::Skip
                    } else {
                        WalkState::Continue
                    };
                }
                // Only regular files: a named pipe called `x.yaml` would block the read.
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && is_yaml(entry.path()) {
                    lock(&files).push(entry.into_path());
                }
                WalkState::Continue
            })
        });
    if let Some(text) = lock(&failure).take() {
        return Err(LoadError(text));
    }
    let mut warnings = std::mem::take(&mut *lock(&warnings));
    warnings.sort();
    let files = std::mem::take(&mut *lock(&files));
    Ok((files, warnings))
}

/// The warning for a symbolic link at `link` that leads outside the folder `inside` (a
/// canonical path), if it does. `m/env.yaml -> /proc/self/environ` must not put a CI
/// secret into a finding's snippet; a folder's links into itself are still followed.
fn leaves_the_folder(link: &Path, inside: &Path, is_dir: bool) -> Option<String> {
    let target = std::fs::canonicalize(link).ok()?;
    if target.starts_with(inside) || (!is_dir && !is_yaml(link)) {
        // Inside the folder; or a file the walk would not read anyway: no word about it.
        return None;
    }
    Some(format!(
        "skipped `{}`: a symbolic link to `{}`, outside the checked folder \
         (--follow-links or `follow_links: true` in vsm.yaml reads it)",
        link.display(),
        target.display()
    ))
}

/// The data behind a mutex, also after a thread panicked holding it (the data is a list).
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// What a walk error means for the run.
enum WalkProblem {
    /// Skipped, with a line on stderr.
    Warning(String),
    /// Skipped without a word (an unreadable `.gitignore` rule, a dangling link that is not YAML).
    Silent,
    /// `vsm` cannot read the folder: exit 2.
    Fatal(String),
}

fn walk_problem(error: &ignore::Error) -> WalkProblem {
    use ignore::Error;
    fn innermost(error: &Error) -> &Error {
        match error {
            Error::WithPath { err, .. }
            | Error::WithDepth { err, .. }
            | Error::WithLineNumber { err, .. } => innermost(err),
            other => other,
        }
    }
    fn path_of(error: &Error) -> Option<&Path> {
        match error {
            Error::WithPath { path, .. } => Some(path),
            Error::WithDepth { err, .. } | Error::WithLineNumber { err, .. } => path_of(err),
            Error::Loop { child, .. } => Some(child),
            _ => None,
        }
    }
    if let Error::Loop { child, .. } = innermost(error) {
        return WalkProblem::Warning(format!(
            "skipped `{}`: a symbolic link loops back to a folder above it",
            child.display()
        ));
    }
    let path = path_of(error);
    if let Some(at) = path.filter(|p| is_broken_link(p)) {
        // Inside a folder a broken link is no reason to stop; editors leave them (Emacs marks a
        // file it edits with a dangling `.#name` link; hidden, so the walk skips it anyway).
        return if is_yaml(at) {
            WalkProblem::Warning(format!(
                "skipped `{}`: a symbolic link to something that does not exist",
                at.display()
            ))
        } else {
            WalkProblem::Silent
        };
    }
    match (error.io_error(), path) {
        (Some(io), Some(path)) => WalkProblem::Fatal(format!(
            "cannot read `{}`: {}",
            path.display(),
            describe_path(path, io)
        )),
        (Some(io), None) => {
            WalkProblem::Fatal(format!("cannot read a folder: {}", describe_io(io)))
        }
        // A malformed `.gitignore` line: ripgrep goes on too.
        (None, _) => WalkProblem::Silent,
    }
}

/// A symbolic link whose target does not exist.
fn is_broken_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
        && std::fs::metadata(path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
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

/// Like [`describe_io`], but says so when `path` is a broken or looping symbolic link.
fn describe_path(path: &Path, e: &std::io::Error) -> String {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        match e.kind() {
            std::io::ErrorKind::NotFound => {
                return "a symbolic link to something that does not exist".into()
            }
            std::io::ErrorKind::PermissionDenied => {}
            _ if std::fs::canonicalize(path).is_err() => {
                return format!("a symbolic link that leads back to itself ({e})")
            }
            _ => {}
        }
    }
    describe_io(e)
}

/// A file's text, read before it is known to be a model.
enum Contents {
    /// Larger than [`MAX_FILE_BYTES`]: not read.
    TooLarge(u64),
    /// Not UTF-8: the text converted lossily, the first bad byte and what to do about it.
    NotUtf8 {
        text: String,
        at: usize,
        help: &'static str,
    },
    Text(String),
}

/// Reads one file (a BOM removed) through [`crate::input`] (regular files only, at most
/// [`MAX_FILE_BYTES`], remembered so no output replaces it); only a file that cannot be read
/// at all is an error.
fn read_contents(path: &Path) -> Result<Contents, LoadError> {
    use crate::input::InputError;
    let cannot = |why: String| LoadError(format!("cannot read `{}`: {why}", path.display()));
    let bytes = match crate::input::read_bytes(path, MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(InputError::TooLarge { .. }) => {
            let size = std::fs::metadata(path).map_or(MAX_FILE_BYTES + 1, |m| m.len());
            return Ok(Contents::TooLarge(size));
        }
        Err(InputError::Io(e)) => return Err(cannot(describe_path(path, &e))),
        Err(InputError::NotFound) => {
            let e = std::io::Error::from(std::io::ErrorKind::NotFound);
            return Err(cannot(describe_path(path, &e)));
        }
        Err(other) => return Err(cannot(other.to_string())),
    };
    Ok(contents_of(bytes))
}

/// A file's bytes as text: a BOM removed, and what to do when it is not UTF-8.
fn contents_of(mut bytes: Vec<u8>) -> Contents {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Contents::Text(text),
        Err(e) => Contents::NotUtf8 {
            // Everything before the first bad byte is unchanged by the lossy conversion.
            at: e.utf8_error().valid_up_to(),
            help: encoding_help(e.as_bytes()),
            text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
        },
    }
}

impl Contents {
    /// Whether a file found in a folder is a model file: one of its documents has a section
    /// as a top-level key. A file that is not YAML counts when a line starts with a section
    /// (a broken model is reported, a broken Helm template is not); one too large to read or
    /// saved as UTF-16 counts too, since only its findings can tell the user what is wrong.
    fn holds_a_model_section(&self) -> bool {
        match self {
            Contents::TooLarge(_) => true,
            Contents::NotUtf8 { help, .. } if *help == UTF16_HELP => true,
            Contents::NotUtf8 { text, .. } => text.lines().any(starts_with_a_section),
            Contents::Text(text) => {
                // Nearly every model has a section key at the start of a line: no parse needed.
                text.lines().any(starts_with_a_section)
                    || yaml::parse(text).is_ok_and(|docs| docs.iter().any(has_a_section))
            }
        }
    }

    /// Parses and converts the text as model file `file_id`; problems become findings.
    fn into_model(self, file_id: FileId, shown: PathBuf) -> ReadFile {
        let loc = |span| Loc {
            file: file_id,
            span,
        };
        let mut findings = Vec::new();
        match self {
            Contents::TooLarge(size) => {
                findings.push(Finding::new(
                    &YAML_SYNTAX,
                    loc(Span::default()),
                    format!(
                        "the file is {} MB; model files larger than {} MB are not read",
                        size >> 20,
                        MAX_FILE_BYTES >> 20
                    ),
                ));
                (SourceFile::new(shown, String::new()), Vec::new(), findings)
            }
            Contents::NotUtf8 { text, at, help } => {
                findings.push(
                    Finding::new(
                        &YAML_SYNTAX,
                        loc(Span::new(at, at + 1)),
                        "the file is not UTF-8 text (is it binary, or saved in another encoding?)",
                    )
                    .help(help),
                );
                (SourceFile::new(shown, text), Vec::new(), findings)
            }
            Contents::Text(text) => {
                let models = parse_and_convert(file_id, &text, &mut findings);
                (SourceFile::new(shown, text), models, findings)
            }
        }
    }
}

/// A model file read: its source, the model of each document, the findings while reading.
type ReadFile = (SourceFile, Vec<FileModel>, Vec<Finding>);

/// A line that starts with a section name as a key (`stakeholders:`, `"model" :`).
fn starts_with_a_section(line: &str) -> bool {
    let unquoted = line
        .strip_prefix(['"', '\''])
        .map_or(line, |rest| rest.trim_start_matches(['"', '\'']));
    SECTIONS.iter().any(|section| {
        unquoted.strip_prefix(section).is_some_and(|rest| {
            let rest = rest.trim_start_matches(['"', '\'']).trim_start_matches(' ');
            rest.strip_prefix(':')
                .is_some_and(|after| after.is_empty() || after.starts_with([' ', '\t', '\r']))
        })
    })
}

/// A document whose root is a mapping with a section among its keys.
fn has_a_section(doc: &yaml::Document) -> bool {
    let Some(root) = doc.root else {
        return false;
    };
    match doc.kind(doc.deref(root)) {
        yaml::NodeKind::Map(pairs) => pairs
            .iter()
            .any(|(key, _)| doc.scalar_text(*key).is_some_and(|k| SECTIONS.contains(&k))),
        _ => false,
    }
}

const UTF16_HELP: &str = "the file is UTF-16 text: save it as UTF-8";

/// What to do about a file that is not UTF-8, from its first bytes.
fn encoding_help(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        UTF16_HELP
    } else if bytes.iter().take(8192).any(|&b| b == 0) {
        "the file looks binary: only YAML text files can be model files"
    } else {
        "save the file as UTF-8 (it may be in Latin-1 or Windows-1252)"
    }
}

/// Parses `text` and converts each of its documents; a syntax error becomes one finding.
fn parse_and_convert(file_id: FileId, text: &str, findings: &mut Vec<Finding>) -> Vec<FileModel> {
    // Elements are converted as they are parsed, so the tree never holds the whole file.
    let mut taker = elements::ElementTaker::new(file_id);
    match yaml::parse_with(text, &mut taker) {
        Ok(docs) => convert::convert_with_early(file_id, &docs, findings, taker.into_early()),
        Err(error) => {
            let at = floor_char_boundary(text, error.offset.min(text.len()));
            let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
            findings.push(
                Finding::new(
                    &YAML_SYNTAX,
                    Loc {
                        file: file_id,
                        span: Span::new(at, end),
                    },
                    crate::says!("invalid-yaml", error = error.message.as_str()),
                )
                .maybe_help(syntax_help(text, at, &error.message)),
            );
            Vec::new()
        }
    }
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A hint for the common syntax mistakes.
fn syntax_help(text: &str, at: usize, message: &str) -> Option<String> {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[line_start..line_end];
    let found = text[at..].chars().next();
    // Only when the parser names a tab, finds one, or the line is indented with one: a
    // tab elsewhere on the line (or "unprintable" in a message) says nothing about it.
    let names_a_tab = message
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|word| word == "tab" || word == "tabs");
    let indented_with_a_tab = line
        .chars()
        .take_while(|c| c.is_whitespace())
        .any(|c| c == '\t');
    if names_a_tab || found == Some('\t') || indented_with_a_tab {
        return Some("YAML does not allow tabs for indentation: indent with spaces".into());
    }
    if message.contains("unprintable character") {
        return Some(match found {
            Some('\0') => {
                "remove the NUL byte (U+0000): a binary file cannot be a model file".to_string()
            }
            Some(c) => format!(
                "remove the control character U+{:04X}: a binary file cannot be a model file",
                u32::from(c)
            ),
            None => "remove the control character: a binary file cannot be a model file".into(),
        });
    }
    if message.contains("did not find expected '-' indicator") {
        return Some(list_item_help(text, line_start, line));
    }
    // A bracket left open earlier is the usual cause of errors reported further on.
    if let Some((open_at, bracket)) = unclosed_bracket(text, at) {
        let (close, what) = if bracket == '[' {
            (']', "list")
        } else {
            ('}', "mapping")
        };
        let (line, column) = line_col(text, open_at);
        return Some(format!(
            "the `{bracket}` {what} opened at line {line}, column {column} is not closed: add `{close}`"
        ));
    }
    let help = if message.contains("mapping values are not allowed") {
        "a value containing `: ` must be quoted"
    } else if message.contains("did not find expected ',' or ']'")
        || message.contains("flow sequence")
    {
        "a `[` list is not closed: add `]`"
    } else if message.contains("flow mapping") {
        "a `{` mapping is not closed: add `}`"
    } else if message.contains("unknown escape") {
        "in \"...\" a backslash starts an escape: write `\\\\` for a backslash, or use '...'"
    } else if message.contains("quoted scalar") {
        "a quoted text is not closed: add the closing quote"
    } else if message.contains("did not find expected key") {
        "check this line's indentation: keys of one mapping must start in the same column"
    } else if message.contains("simple key expect ':'")
        || message.contains("could not find expected ':'")
    {
        "a line in a mapping must be `key: value`: add the `:`, or indent it to continue the text above"
    } else if message.contains("unknown anchor") {
        "an alias `*name` needs an anchor `&name` on a node written before it"
    } else if message.contains("byte order mark") {
        "remove the invisible byte order mark (U+FEFF) from the text"
    } else if message.contains("misplaced bracket") {
        "a `]` or `}` has no `[` or `{` to close: remove it"
    } else if message.contains("<document start>") || message.contains("before directive") {
        "a `---` or `%` line starts a new document: remove it, or quote the text"
    } else if message.contains("nesting") {
        "models nest a few levels deep; this file nests far deeper than any model needs"
    } else if message.contains("alias bomb") {
        "aliases must not repeat large parts of the file again and again"
    } else if message.contains("did not find expected node content") {
        "a value is missing here: write it, or `~` for none"
    } else {
        return None;
    };
    Some(help.to_string())
}

/// The hint for a line at the indentation of a list's `- ` items that is not an item: most
/// often a key of the item above moved left (`measure:` two spaces left of `name:`).
fn list_item_help(text: &str, line_start: usize, line: &str) -> String {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let item = text[..line_start].lines().rev().find_map(|above| {
        let rest = above.trim_start_matches(' ');
        let dash_at = above.len() - rest.len();
        (dash_at == indent && rest.starts_with("- ")).then(|| {
            let after = &rest[1..];
            dash_at + 1 + (after.len() - after.trim_start_matches(' ').len())
        })
    });
    match item {
        Some(keys) => format!(
            "this line is at the indentation of the list's `- ` items but is no item: indent it \
             to column {} to belong to the item above, or start it with `- ` as a new item",
            keys + 1
        ),
        None => "this line is at the indentation of a list's `- ` items but is no item: indent \
                 it under the item above, or start it with `- `"
            .into(),
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// The innermost `[` or `{` still open at byte `at`, by a light scan that skips quoted texts
/// and comments; a hint only, so it gives up on anything unusual.
fn unclosed_bracket(text: &str, at: usize) -> Option<(usize, char)> {
    let mut open: Vec<(usize, char)> = Vec::new();
    let mut chars = text[..at].char_indices().peekable();
    let mut previous = '\n';
    while let Some((i, c)) = chars.next() {
        let token_start = previous.is_whitespace() || matches!(previous, '[' | '{' | ',' | ':');
        match c {
            '#' if previous.is_whitespace() => {
                // A comment: skip to the end of the line.
                while chars.next_if(|&(_, c)| c != '\n').is_some() {}
            }
            '"' | '\'' if token_start => {
                // A quoted text: skip to its closing quote (`\"` and `''` are escapes).
                let mut closed = false;
                while let Some((_, q)) = chars.next() {
                    if c == '"' && q == '\\' {
                        chars.next();
                    } else if q == c {
                        if c == '\'' && chars.next_if(|&(_, n)| n == '\'').is_some() {
                            continue;
                        }
                        closed = true;
                        break;
                    }
                }
                if !closed {
                    return None;
                }
                previous = c;
                continue;
            }
            '[' | '{' => open.push((i, c)),
            ']' | '}' => {
                let want = if c == ']' { '[' } else { '{' };
                if open.pop().map(|(_, b)| b) != Some(want) {
                    return None;
                }
            }
            _ => {}
        }
        previous = c;
    }
    open.pop()
}

/// Loads every model file under `paths` into one model. Files found in folders that hold no
/// model section, and the config file, are listed in [`Loaded::skipped`] instead.
pub fn load(paths: &[PathBuf], filter: &Filter) -> Result<Loaded, LoadError> {
    let Discovered { files, warnings } = discover(paths, filter)?;
    let cwd = std::env::current_dir()
        .map(|cwd| normalize(&cwd))
        .map_err(|e| {
            LoadError(format!(
                "cannot read the current folder: {}",
                describe_io(&e)
            ))
        })?;
    let read: Vec<(PathBuf, Contents, Option<SkipReason>)> = files
        .into_par_iter()
        .map(|candidate| {
            let contents = read_contents(&candidate.path)?;
            let why = skip_reason(&candidate, &contents, filter);
            Ok((shown_from(&cwd, &candidate.path), contents, why))
        })
        .collect::<Result<_, LoadError>>()?;
    assemble(read, warnings, |skipped| {
        let names: Vec<String> = paths.iter().map(|p| format!("`{}`", p.display())).collect();
        LoadError(format!(
            "no model files found in {}: {} no model section (`vsm check --verbose` lists them)",
            names.join(", "),
            plural(skipped, "YAML file holds", "YAML files hold")
        ))
    })
}

/// A file held in memory rather than read from disk (a blob of a git revision).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoryFile {
    /// Where the file would be in the working tree, as outputs show paths (relative to the
    /// current folder): excludes and the config are matched against it.
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    /// Named by the user itself (always a model unless a config), not found in a folder.
    pub named: bool,
}

/// Loads files held in memory into one model, exactly as [`load`] loads files from disk once
/// they are read: the same encoding checks, size limit, skipped configs and files without a
/// model section, conversion and merge. The caller picks the files (see [`selects`]) and gives
/// them in the order a walk would list them; `nothing_found` names where they came from when
/// none holds a model.
pub fn load_files(
    files: Vec<MemoryFile>,
    filter: &Filter,
    nothing_found: &str,
) -> Result<Loaded, LoadError> {
    let read: Vec<(PathBuf, Contents, Option<SkipReason>)> = files
        .into_par_iter()
        .map(|file| {
            let contents = if file.bytes.len() as u64 > MAX_FILE_BYTES {
                Contents::TooLarge(file.bytes.len() as u64)
            } else {
                contents_of(file.bytes)
            };
            let candidate = Candidate {
                path: file.path,
                named: file.named,
            };
            let why = skip_reason(&candidate, &contents, filter);
            (candidate.path, contents, why)
        })
        .collect();
    assemble(read, Vec::new(), |skipped| {
        LoadError(format!(
            "no model files found in {nothing_found}: {} no model section",
            plural(skipped, "YAML file holds", "YAML files hold")
        ))
    })
}

/// Whether the file `path`, found under the folder `root` (both as outputs show paths), is
/// one the walk of [`discover`] would list: a YAML name, no hidden file or folder below
/// `root` on its way, and neither it nor a folder on its way excluded. (Ignore files play no
/// part: this is for files of a git revision, which hold no ignored file.)
pub fn selects(root: &Path, path: &Path, filter: &Filter) -> bool {
    if !is_yaml(path) {
        return false;
    }
    let Ok(below) = path.strip_prefix(root) else {
        return false;
    };
    let mut at = root.to_path_buf();
    for part in below.components() {
        if part.as_os_str().to_string_lossy().starts_with('.') {
            return false;
        }
        at.push(part);
        if filter.excluded(&at) {
            return false;
        }
    }
    true
}

/// The files read (path as shown, contents, why skipped) made into one model, in the order
/// given; `nothing_found(skipped)` is the error when none of them is a model.
fn assemble(
    read: Vec<(PathBuf, Contents, Option<SkipReason>)>,
    warnings: Vec<String>,
    nothing_found: impl FnOnce(usize) -> LoadError,
) -> Result<Loaded, LoadError> {
    let mut skipped = Vec::new();
    let mut models = Vec::with_capacity(read.len());
    for (path, contents, why) in read {
        match why {
            Some(why) => skipped.push(Skipped { path, why }),
            None => models.push((path, contents)),
        }
    }
    if models.is_empty() {
        return Err(nothing_found(skipped.len()));
    }
    let results: Vec<ReadFile> = models
        .into_par_iter()
        .enumerate()
        .map(|(id, (path, contents))| contents.into_model(id as FileId, path))
        .collect();
    Ok(merge_read(results, skipped, warnings))
}

/// The files read, made into one model in the order given.
fn merge_read(results: Vec<ReadFile>, skipped: Vec<Skipped>, warnings: Vec<String>) -> Loaded {
    let mut loaded = Loaded {
        warnings,
        skipped,
        ..Loaded::default()
    };
    let mut meta_loc: Option<Loc> = None;
    for (source, file_models, findings) in results {
        loaded.sources.files.push(source);
        loaded.findings.extend(findings);
        for file_model in file_models {
            merge(&mut loaded, file_model, &mut meta_loc);
        }
    }
    dedup(&mut loaded.findings);
    loaded
}

/// Why a file is not read as a model, if it is not. A file named on the command line is
/// always a model, unless it is a config.
fn skip_reason(candidate: &Candidate, contents: &Contents, filter: &Filter) -> Option<SkipReason> {
    if filter.is_config(&candidate.path) {
        return Some(SkipReason::Config);
    }
    if (candidate.named && !is_config_name(&candidate.path)) || contents.holds_a_model_section() {
        return None;
    }
    Some(if is_config_name(&candidate.path) {
        SkipReason::Config
    } else {
        SkipReason::NoModelSection
    })
}

/// Loads model text given directly (tests, fuzzing): one file named `name`.
pub fn load_text(name: &str, text: &str) -> Loaded {
    let mut findings = Vec::new();
    let source = SourceFile::new(name.into(), text.to_string());
    let file_models = parse_and_convert(0, text, &mut findings);
    let mut loaded = Loaded {
        findings,
        ..Loaded::default()
    };
    loaded.sources.files.push(source);
    let mut meta_loc = None;
    for file_model in file_models {
        merge(&mut loaded, file_model, &mut meta_loc);
    }
    dedup(&mut loaded.findings);
    loaded
}

/// Drops findings identical to an earlier one (same rule, place and message): a mapping merged
/// with `<<` into many elements would otherwise report its own problems once per element.
fn dedup(findings: &mut Vec<Finding>) {
    let mut seen = HashSet::with_capacity(findings.len());
    findings.retain(|f| seen.insert((f.rule.code, f.loc, f.message.clone())));
}

fn merge(loaded: &mut Loaded, file_model: FileModel, meta_loc: &mut Option<Loc>) {
    let FileModel {
        model,
        meta_loc: this_meta,
    } = file_model;
    if let Some(meta) = model.meta {
        match (*meta_loc, this_meta) {
            (Some(first), Some(here)) => loaded.findings.push(
                Finding::new(
                    &DUPLICATE_ID,
                    here,
                    crate::says!("model-section-twice", section = key::MODEL),
                )
                .label(first, crate::says!("first-written-here"))
                .help(crate::says!(
                    "model-section-twice-keep-one",
                    section = key::MODEL
                ))
                .path(key::MODEL),
            ),
            _ => {
                *meta_loc = this_meta;
                loaded.model.meta = Some(meta);
            }
        }
    }
    // Every section the same way; a macro because each holds another element type.
    macro_rules! merge_sections {
        ($($section:ident: $kind:expr),* $(,)?) => {$(
            merge_section(
                &mut loaded.model.$section,
                model.$section,
                $kind,
                &mut loaded.findings,
                |e| &e.common.id,
            );
        )*};
    }
    merge_sections!(
        stakeholders: Kind::Stakeholder,
        value_streams: Kind::ValueStream,
        capabilities: Kind::Capability,
        processes: Kind::Process,
        information: Kind::Information,
        business_objects: Kind::BusinessObject,
        commitments: Kind::Commitment,
        perceptions: Kind::Perception,
    );
}

/// Adds the elements of one file's section to the model's; an id already there is reported
/// (VSM005) with both places, and the first definition is kept.
fn merge_section<T>(
    target: &mut IndexMap<crate::model::Str, T>,
    incoming: IndexMap<crate::model::Str, T>,
    kind: Kind,
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
                    crate::says!(
                        "id-defined-twice",
                        kind = crate::diag::kind_word(kind),
                        id = crate::diag::shown(&id)
                    ),
                )
                .label(first_loc, crate::says!("first-defined-here"))
                .help(crate::says!("id-defined-twice-help"))
                .path(format!("{}.{id}", kind.section())),
            );
            continue;
        }
        target.insert(id, element);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The messages of the findings `text` gives, in order (for the readers' tests too).
    pub(super) fn messages(text: &str) -> Vec<String> {
        let loaded = load_text("m.yaml", text);
        loaded.findings.iter().map(|f| f.message.clone()).collect()
    }

    /// The model and findings of `text` read the way they were before elements were
    /// converted during the parse: the whole tree first, then the conversion.
    fn converted_after_the_parse(text: &str) -> (String, Vec<Finding>) {
        let mut findings = Vec::new();
        let docs = yaml::parse(text).expect("valid YAML");
        let mut loaded = Loaded::default();
        let mut meta_loc = None;
        for file_model in convert::convert_file(0, &docs, &mut findings) {
            merge(&mut loaded, file_model, &mut meta_loc);
        }
        findings.extend(loaded.findings);
        dedup(&mut findings);
        (format!("{:?}", loaded.model), findings)
    }

    #[test]
    fn elements_converted_while_parsing_read_as_after_the_parse() {
        // Each case exercises a way a section's reading skips or reaches an element.
        let cases = [
            // Plain elements and stages, with findings inside them.
            "stakeholders:\n  c: {name: C, colour: red}\nvalue_streams:\n  s:\n    name: S\n    trigger: c\n    stages:\n      a: {name: A, value_items: [v], next: [b]}\n      b: {nme: B}\n",
            // A key written twice: the second element is not read, nor its findings.
            "stakeholders:\n  a: {name: A}\n  a: {name: A2, bad: 1}\n",
            // Two Unicode forms of one id.
            "stakeholders:\n  caf\u{e9}: {name: A}\n  cafe\u{301}: {name: B, bad: 1}\n",
            // A section written twice, and a `stages` key written twice in a stream.
            "stakeholders:\n  a: {name: A}\nstakeholders:\n  b: {name: B, bad: 1}\nvalue_streams:\n  s:\n    name: S\n    trigger: a\n    stages:\n      x: {name: X}\n    stages:\n      y: {name: Y, bad: 1}\n",
            // Anchors, aliases and merge keys: those elements stay in the tree.
            "stakeholders:\n  base: &b {name: B, colour: red}\n  a: {<<: *b}\n  c: {<<: *b, name: C}\n  d: {<<: {name: D, x: 1}}\n",
            "value_streams:\n  s: &s\n    name: S\n    stages:\n      x: {name: X, bad: 1}\n  t:\n    <<: *s\n    stages:\n      y: {name: Y}\n",
            // A merge key at the level of a section's entries, and an entry named `<<`.
            "capabilities:\n  <<: {k: {name: K}}\n  c: {name: C, level: 9}\n",
            // Elements of the wrong shape, ids outside the alphabet, unknown sections.
            "stakeholders:\n  a: 5\n  b c: {name: B}\n  d: [x]\nextra:\n  e: {name: E}\nmodel: {name: M}\n",
            // Two documents defining one id.
            "stakeholders:\n  a: {name: A}\n---\nstakeholders:\n  a: {name: A, bad: 1}\n",
            // Stages of a stream that is itself written with an alias inside.
            "stakeholders:\n  c: &c {name: C}\nvalue_streams:\n  s:\n    name: S\n    trigger: c\n    segment: *c\n    stages:\n      x: {name: X, bad: 1}\n",
        ];
        for text in cases {
            let loaded = load_text("m.yaml", text);
            let (model, findings) = converted_after_the_parse(text);
            assert_eq!(format!("{:?}", loaded.model), model, "{text}");
            assert_eq!(
                format!("{:?}", loaded.findings),
                format!("{findings:?}"),
                "{text}"
            );
        }
    }

    #[test]
    fn every_yaml_file_of_the_repository_reads_the_same_with_early_conversion() {
        // The models, the rule examples and the hostile corpus, whole and with lines dropped
        // or cut short (each variant that is still YAML): early conversion must change
        // neither the model nor a finding.
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["models", "examples", "tests/hostile"] {
            let walk = ignore::WalkBuilder::new(root.join(dir))
                .hidden(false)
                .build();
            for entry in walk.filter_map(Result::ok) {
                let path = entry.path();
                let small = entry
                    .metadata()
                    .is_ok_and(|m| m.is_file() && m.len() < 200_000);
                if small && is_yaml(path) {
                    files.push(path.to_path_buf());
                }
            }
        }
        assert!(files.len() > 50, "{} YAML files found", files.len());
        let mut compared = 0;
        for path in files {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let lines: Vec<&str> = text.lines().collect();
            let mut variants = vec![text.clone()];
            for every in [3, 5, 7] {
                let kept: Vec<&str> = lines
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % every != every - 1)
                    .map(|(_, l)| *l)
                    .collect();
                variants.push(kept.join("\n"));
            }
            variants.push(lines[..lines.len() * 2 / 3].join("\n"));
            for variant in variants {
                if yaml::parse(&variant).is_err() {
                    continue;
                }
                let loaded = load_text("m.yaml", &variant);
                let (model, findings) = converted_after_the_parse(&variant);
                assert_eq!(format!("{:?}", loaded.model), model, "{}", path.display());
                assert_eq!(
                    format!("{:?}", loaded.findings),
                    format!("{findings:?}"),
                    "{}",
                    path.display()
                );
                compared += 1;
            }
        }
        assert!(compared > 200, "{compared} texts compared");
    }

    #[test]
    fn a_file_of_many_elements_never_holds_them_all_as_a_tree() {
        let mut text = String::from("stakeholders:\n  c: {name: C}\nvalue_streams:\n");
        for s in 0..200 {
            text.push_str(&format!(
                "  s{s}:\n    name: S\n    trigger: c\n    stages:\n"
            ));
            for g in 0..10 {
                text.push_str(&format!(
                    "      g{g}: {{name: G, value_items: [v], capabilities: [x]}}\n"
                ));
            }
        }
        let mut taker = elements::ElementTaker::new(0);
        let docs = yaml::parse_with(&text, &mut taker).unwrap();
        // What stays: the root mapping, each section's key and mapping, and a key and a
        // taken value per element (one stakeholder, 200 streams).
        assert_eq!(docs[0].nodes().count(), 1 + (2 + 2) + (2 + 2 * 200));
        let full = yaml::parse(&text).unwrap();
        // Ten nodes a stage: its key and mapping, `name` and its value, two lists of one.
        assert!(full[0].nodes().count() > 200 * 10 * 10);
        let loaded = load_text("m.yaml", &text);
        assert_eq!(loaded.model.stage_count(), 2000);
    }

    fn help_for(text: &str) -> Option<String> {
        let loaded = load_text("m.yaml", text);
        let finding = loaded.findings.iter().find(|f| f.rule.code == "VSM001")?;
        finding.help.clone()
    }

    #[test]
    fn an_unclosed_bracket_is_located_where_it_opens() {
        let text = "stakeholders:\n  a: {name: A, type: [x, y\n  b: {name: B}\n";
        let help = help_for(text).unwrap();
        assert_eq!(
            help,
            "the `[` list opened at line 2, column 22 is not closed: add `]`"
        );
    }

    #[test]
    fn brackets_in_quotes_and_comments_are_not_counted() {
        assert_eq!(
            unclosed_bracket("a: \"[x\" # [y\nb: 'it''s [' \n", 24),
            None
        );
        assert_eq!(unclosed_bracket("a: [x, {b: c}\n", 14), Some((3, '[')));
        assert_eq!(unclosed_bracket("a: x]\n", 5), None);
    }

    #[test]
    fn common_syntax_errors_get_a_hint() {
        assert!(help_for("a:\n  b: 1\n c: 2\n")
            .unwrap()
            .contains("indentation"));
        assert!(help_for("a: *nope\n").unwrap().contains("anchor"));
        assert!(help_for("a: \"x \\q\"\n").unwrap().contains("backslash"));
    }

    #[test]
    fn each_hint_fits_the_character_found() {
        // A NUL byte is no tab, even on a line that holds one further on.
        let nul = help_for("stakeholders:\n  a: {name: A\0B}\t# x\n").unwrap();
        assert!(nul.contains("NUL byte"), "{nul}");
        let escape = syntax_help("a: \u{1b}x\n", 3, "found unprintable character").unwrap();
        assert!(escape.contains("U+001B"), "{escape}");
        assert!(help_for("a:\n\tb: 1\n").unwrap().contains("tabs"));
    }

    #[test]
    fn a_key_moved_left_of_its_list_item_gets_the_column_it_belongs_in() {
        let text = "stages:\n  g:\n    value_items:\n      - name: fast\n      measure: x\n";
        let help = help_for(text).unwrap();
        assert!(help.contains("column 9"), "{help}");
    }

    #[test]
    fn ids_defined_in_two_documents_of_one_file_are_duplicates() {
        let text = "stakeholders:\n  a: {name: A}\n---\nstakeholders:\n  a: {name: A}\n";
        let loaded = load_text("m.yaml", text);
        let duplicate = loaded
            .findings
            .iter()
            .find(|f| f.rule.code == "VSM005")
            .expect("a duplicate-id finding");
        assert_eq!(duplicate.loc.span.start as usize, text.rfind("a:").unwrap());
        assert_eq!(duplicate.labels[0].loc.span.start, 16);
    }

    #[cfg(unix)]
    #[test]
    fn broken_and_looping_links_are_named_as_such() {
        let dir = tempfile::tempdir().unwrap();
        let broken = dir.path().join("broken.yaml");
        std::os::unix::fs::symlink("missing.yaml", &broken).unwrap();
        let looping = dir.path().join("loop.yaml");
        std::os::unix::fs::symlink("loop.yaml", &looping).unwrap();
        let err = load(&[broken], &Filter::default()).unwrap_err().0;
        assert!(
            err.contains("a symbolic link to something that does not exist"),
            "{err}"
        );
        let err = load(&[looping], &Filter::default()).unwrap_err().0;
        assert!(
            err.contains("a symbolic link that leads back to itself"),
            "{err}"
        );
    }

    #[test]
    fn a_file_is_a_model_when_a_top_level_key_is_a_section() {
        let holds = |text: &str| Contents::Text(text.into()).holds_a_model_section();
        assert!(holds("stakeholders:\n  a: {name: A}\n"));
        assert!(holds("\"value_streams\" : {}\n"));
        assert!(
            holds("{capabilities: {x: {name: X}}}\n"),
            "flow style needs the parse"
        );
        assert!(
            holds("stakeholders: {a: [\n"),
            "a broken model is still a model"
        );
        assert!(!holds("services:\n  web: {image: nginx}\n"));
        assert!(!holds("- stakeholders: x\n"), "a list is no model");
        assert!(!holds("info:\n  model: gpt\n"), "only top-level keys count");
        assert!(!holds("models: []\n"));
        assert!(
            !holds("{{ if .Values.x }}\nkind: Service\n"),
            "a Helm template"
        );
        assert!(!holds(""));
        let utf16 = Contents::NotUtf8 {
            text: String::new(),
            at: 0,
            help: UTF16_HELP,
        };
        assert!(utf16.holds_a_model_section());
    }

    #[test]
    fn files_held_in_memory_load_as_the_same_files_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let files = [
            ("a.yaml", "stakeholders:\n  c: {name: C}\n"),
            (
                "b.yml",
                "\u{feff}capabilities:\n  x: {name: X, parent: nope}\n",
            ),
            ("ci.yaml", "jobs: {build: {}}\n"),
        ];
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let on_disk = load(&[dir.path().to_path_buf()], &Filter::default()).unwrap();
        let in_memory = load_files(
            files
                .iter()
                .map(|(name, text)| MemoryFile {
                    path: dir.path().join(name),
                    bytes: text.as_bytes().to_vec(),
                    named: false,
                })
                .collect(),
            &Filter::default(),
            "memory",
        )
        .unwrap();
        let messages = |l: &Loaded| {
            l.findings
                .iter()
                .map(|f| f.message.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(messages(&in_memory), messages(&on_disk));
        assert_eq!(in_memory.model.element_count(), 2);
        assert_eq!(in_memory.skipped.len(), 1, "ci.yaml holds no model section");
        assert_eq!(
            in_memory.sources.files[1].text,
            on_disk.sources.files[1].text
        );
        let err = load_files(Vec::new(), &Filter::default(), "`main`").unwrap_err();
        assert!(
            err.0.starts_with("no model files found in `main`"),
            "{}",
            err.0
        );
    }

    #[test]
    fn selection_of_files_found_under_a_root_follows_the_walk() {
        let mut exclude = globset::GlobSetBuilder::new();
        exclude.add(globset::Glob::new("models/drafts").unwrap());
        exclude.add(globset::Glob::new("**/old.yaml").unwrap());
        let filter = Filter {
            exclude: Some(exclude.build().unwrap()),
            ..Filter::default()
        };
        let root = Path::new("models");
        let selects = |path: &str| selects(root, Path::new(path), &filter);
        assert!(selects("models/a.yaml"));
        assert!(selects("models/sub/b.YML"));
        assert!(!selects("models/readme.md"));
        assert!(!selects("models/.hidden/a.yaml"));
        assert!(!selects("models/.a.yaml"));
        assert!(
            !selects("models/drafts/a.yaml"),
            "inside an excluded folder"
        );
        assert!(!selects("models/sub/old.yaml"));
        assert!(!selects("other/a.yaml"), "not under the root");
    }

    #[test]
    fn files_that_are_not_utf8_get_a_specific_hint() {
        assert!(encoding_help(b"\xFF\xFEa\x00").contains("UTF-16"));
        assert!(encoding_help(b"\x7FELF\x00\xFF").contains("binary"));
        assert!(encoding_help(b"Caf\xE9").contains("Latin-1"));
    }
}
