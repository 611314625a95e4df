//! Finding model files, parsing them (in parallel), and merging them into one model.

mod convert;
mod elements;
mod scalars;

pub use convert::*;

use crate::catalog::{DUPLICATE_ID, YAML_SYNTAX};
use crate::diag::Finding;
use crate::model::{Kind, Model};
use crate::source::{FileId, Loc, SourceFile, Sources};
use crate::vocabulary::key;
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
                describe_path(path, &e)
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
                Err(e) if e.depth() > 0 && e.path().is_some_and(is_broken_link) => {
                    // Inside a folder a broken link is no reason to stop; editors leave them
                    // (Emacs marks a file it edits with a dangling `.#name` link).
                    let at = e.path().expect("checked above");
                    let name = at.file_name().unwrap_or_default().to_string_lossy();
                    if is_yaml(at) && !name.starts_with(".#") {
                        warnings.push(format!(
                            "skipped `{}`: a symbolic link to something that does not exist",
                            at.display()
                        ));
                    }
                    continue;
                }
                Err(e) => {
                    let at = e
                        .path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default();
                    let why = match (e.io_error(), e.path()) {
                        (Some(io), Some(path)) => describe_path(path, io),
                        (Some(io), None) => describe_io(io),
                        _ => e.to_string(),
                    };
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

/// Reads, parses and converts one file; syntax problems become findings.
fn read_one(
    file_id: FileId,
    path: &Path,
) -> Result<(SourceFile, Vec<FileModel>, Vec<Finding>), LoadError> {
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
        return Ok((source, Vec::new(), findings));
    }
    let mut bytes = std::fs::read(path).map_err(|e| {
        LoadError(format!(
            "cannot read `{}`: {}",
            path.display(),
            describe_path(path, &e)
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
            let help = encoding_help(e.as_bytes());
            (
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
                Some((at, help)),
            )
        }
    };
    let source = SourceFile::new(display, text);
    if let Some((at, help)) = bad_utf8_at {
        findings.push(
            Finding::new(
                &YAML_SYNTAX,
                Loc {
                    file: file_id,
                    span: Span::new(at, at + 1),
                },
                "the file is not UTF-8 text (is it binary, or saved in another encoding?)",
            )
            .help(help),
        );
        return Ok((source, Vec::new(), findings));
    }
    let models = parse_and_convert(file_id, &source.text, &mut findings);
    Ok((source, models, findings))
}

/// What to do about a file that is not UTF-8, from its first bytes.
fn encoding_help(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        "the file is UTF-16 text: save it as UTF-8"
    } else if bytes.iter().take(8192).any(|&b| b == 0) {
        "the file looks binary: only YAML text files can be model files"
    } else {
        "save the file as UTF-8 (it may be in Latin-1 or Windows-1252)"
    }
}

/// Parses `text` and converts each of its documents; a syntax error becomes one finding.
fn parse_and_convert(file_id: FileId, text: &str, findings: &mut Vec<Finding>) -> Vec<FileModel> {
    match yaml::parse(text) {
        Ok(docs) => convert::convert_file(file_id, &docs, findings),
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
                    syntax_message(&error.message),
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
    } else if message.contains("unprintable character") {
        "remove the control character; a binary file cannot be a model file"
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
    for (source, file_models, findings) in results {
        loaded.sources.files.push(source);
        loaded.findings.extend(findings);
        for file_model in file_models {
            merge(&mut loaded, file_model, &mut meta_loc);
        }
    }
    dedup(&mut loaded.findings);
    Ok(loaded)
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
                    format!("the `{}` section is written twice", key::MODEL),
                )
                .label(first, "first written here")
                .help(format!(
                    "a model has at most one `{}` section: keep one",
                    key::MODEL
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
    target: &mut IndexMap<String, T>,
    incoming: IndexMap<String, T>,
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
                    format!(
                        "the {} `{}` is defined twice",
                        kind.noun(),
                        crate::diag::shown(&id)
                    ),
                )
                .label(first_loc, "first defined here")
                .help("ids must be unique per kind across all files: rename or merge one")
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
    fn files_that_are_not_utf8_get_a_specific_hint() {
        assert!(encoding_help(b"\xFF\xFEa\x00").contains("UTF-16"));
        assert!(encoding_help(b"\x7FELF\x00\xFF").contains("binary"));
        assert!(encoding_help(b"Caf\xE9").contains("Latin-1"));
    }
}
