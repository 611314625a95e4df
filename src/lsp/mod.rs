//! `vsm lsp`: a language server over stdio, so an editor shows what `vsm check` would say as
//! the model is typed, and finds, explains, completes and renames ids across files.
//!
//! Built on `lsp-server` and `lsp-types` (as rust-analyzer is; docs/decisions.md): one thread
//! reads messages, each is answered in turn, and the pipeline of every other command does the
//! work: the workspace's model files are loaded with open buffers in place of what is on disk
//! ([`crate::load::load_files_again`]: an edit swaps only the changed file's elements into the
//! model checked last), checked by [`crate::check::findings`] (the same codes,
//! severities, config and suppressions as `vsm check`), and indexed ([`index::Index`]) from the
//! one reverse index of `resolve`. Edits are coalesced: the model is rebuilt once the queue of
//! messages is empty, or when a request needs it. Only files whose findings changed get their
//! diagnostics made and sent again. Files changed on disk and `vsm.yaml` are watched when the
//! client can register `workspace/didChangeWatchedFiles`.

mod complete;
mod edit;
pub mod index;
pub mod position;

use crate::check::{self, Filters, Outcome};
use crate::config::{Config, RuleSelection};
use crate::diag::{Finding, Severity};
use crate::load::{self, Filter, Loaded, MemoryFile};
use crate::model::Kind;
use crate::source::{normalize, shown_from, FileId};
use index::{Index, Target};
use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    notification, request, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Position, PublishDiagnosticsParams, Range, Url,
};
use position::Lines;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What decides which files are the model and which findings are shown: from the workspace's
/// `vsm.yaml`, found as every other command finds it.
pub struct Settings {
    pub config: Config,
    /// The language of the diagnostics' messages (`--lang`, `VSM_LANG`, `lang:`).
    pub lang: crate::i18n::Lang,
    pub filter: Filter,
    /// The model paths, relative to the workspace root (the server's current folder).
    pub paths: Vec<PathBuf>,
}

/// How the command line makes [`Settings`] for a workspace root: it changes into the root and
/// reads the config there (an error is shown to the user, and the defaults are used).
pub type FindSettings = dyn Fn(&Path) -> anyhow::Result<Settings>;

/// Serves one client on stdin/stdout until it sends `exit`.
pub fn serve_stdio(find: &FindSettings) -> anyhow::Result<()> {
    let (connection, io_threads) = Connection::stdio();
    serve(connection, find)?;
    io_threads.join()?;
    Ok(())
}

/// The server's capabilities: what [`Server::handle`] answers.
fn capabilities() -> lsp_types::ServerCapabilities {
    use lsp_types::*;
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![
                ":".into(),
                " ".into(),
                "[".into(),
                ",".into(),
                "/".into(),
            ]),
            ..CompletionOptions::default()
        }),
        rename_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        ..ServerCapabilities::default()
    }
}

/// Runs the protocol on `connection`: initialize, then requests and notifications until
/// `shutdown` and `exit`.
pub fn serve(connection: Connection, find: &FindSettings) -> anyhow::Result<()> {
    let (id, params) = connection.initialize_start()?;
    let params: lsp_types::InitializeParams = serde_json::from_value(params)?;
    let root = root_of(&params);
    let result = lsp_types::InitializeResult {
        capabilities: capabilities(),
        server_info: Some(lsp_types::ServerInfo {
            name: "vsm".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    connection.initialize_finish(id, serde_json::to_value(result)?)?;
    let watching = watch_files(&connection, &params)?;
    let mut server = Server::new(root, find, &connection);
    server.watching = watching;
    server.rebuild();
    server.publish(&connection)?;
    loop {
        let message = if server.dirty && connection.receiver.is_empty() {
            // Every queued edit is applied: check once for all of them.
            server.rebuild();
            server.publish(&connection)?;
            continue;
        } else {
            match connection.receiver.recv() {
                Ok(message) => message,
                Err(_) => return Ok(()),
            }
        };
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request)? {
                    return Ok(());
                }
                if server.dirty {
                    server.rebuild();
                    server.publish(&connection)?;
                }
                let response = server.answer(request);
                connection.sender.send(Message::Response(response))?;
            }
            Message::Notification(notification) => server.notify(notification, &connection),
            Message::Response(_) => {}
        }
    }
}

/// The id of the one request the server sends: the registration of [`watch_files`].
const WATCH_REGISTRATION: &str = "vsm-watch-model-files";

/// Asks the client to tell the server when a YAML file of the workspace (a model file, or
/// `vsm.yaml`) is changed, created or deleted on disk, if the client can register that while
/// running; returns whether it was asked. (Its answer comes as a response, which the main loop
/// ignores: a client that refuses sends no notifications, and files are then read from disk
/// on every check as before.)
fn watch_files(
    connection: &Connection,
    params: &lsp_types::InitializeParams,
) -> anyhow::Result<bool> {
    use lsp_types::*;
    let dynamic = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|w| w.dynamic_registration)
        .unwrap_or(false);
    if !dynamic {
        return Ok(false);
    }
    let options = DidChangeWatchedFilesRegistrationOptions {
        // `vsm.yaml` and `.vsm.yaml` end in `.yaml` too.
        watchers: ["**/*.yaml", "**/*.yml"]
            .into_iter()
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String(glob.into()),
                kind: None,
            })
            .collect(),
    };
    let params = RegistrationParams {
        registrations: vec![Registration {
            id: WATCH_REGISTRATION.into(),
            method: notification::DidChangeWatchedFiles::METHOD.into(),
            register_options: Some(serde_json::to_value(options)?),
        }],
    };
    connection.sender.send(Message::Request(Request::new(
        lsp_server::RequestId::from(WATCH_REGISTRATION.to_string()),
        request::RegisterCapability::METHOD.into(),
        params,
    )))?;
    Ok(true)
}

/// The folder the client opened (its first workspace folder, else its root), else ours.
fn root_of(params: &lsp_types::InitializeParams) -> PathBuf {
    #[allow(deprecated)] // `root_uri` is what older clients send.
    let uri = params
        .workspace_folders
        .as_ref()
        .and_then(|folders| folders.first())
        .map(|f| f.uri.clone())
        .or_else(|| params.root_uri.clone());
    uri.and_then(|u| u.to_file_path().ok())
        .or_else(|| std::env::current_dir().ok())
        .map(|p| normalize(&p))
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The model as checked after the last edit.
///
/// The index and each file's line starts are made on first use: diagnostics after an edit
/// need only the lines of files with findings, and the index only a request.
struct Snapshot {
    loaded: Loaded,
    outcome: Outcome,
    index: std::sync::OnceLock<Index>,
    lines: Vec<std::sync::OnceLock<Lines>>,
    /// Each file's document URI (`None` for a path no URI can name).
    uris: Vec<Option<Url>>,
}

impl Snapshot {
    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let used = self.outcome.resolved.used_by(&self.loaded.model);
            Index::of(&self.loaded.model, used, self.loaded.sources.files.len())
        })
    }

    fn lines(&self, file: FileId) -> &Lines {
        self.lines[file as usize].get_or_init(|| Lines::new(self.text(file)))
    }

    fn uri(&self, file: FileId) -> Option<&Url> {
        self.uris.get(file as usize)?.as_ref()
    }

    fn text(&self, file: FileId) -> &str {
        &self.loaded.sources.get(file).text
    }

    fn range(&self, loc: crate::source::Loc) -> Range {
        self.lines(loc.file).range(
            self.text(loc.file),
            loc.span.start as usize,
            loc.span.end as usize,
        )
    }
}

/// The model files found on disk by a walk of the workspace.
struct DiskFiles {
    files: Vec<DiskFile>,
    /// Why the walk failed (no model file yet is no error while a buffer is typed).
    walk_error: Option<String>,
}

struct DiskFile {
    /// As the model names it (relative to the root).
    path: PathBuf,
    /// As the walk found it.
    on_disk: PathBuf,
    named: bool,
    /// Its bytes; `None` when it was open (its buffer was read instead).
    bytes: Option<Vec<u8>>,
}

struct Server<'a> {
    root: PathBuf,
    /// How the settings are read again when `vsm.yaml` changes.
    find: &'a FindSettings,
    settings: Settings,
    /// The client tells us of files changed on disk (`workspace/didChangeWatchedFiles`).
    watching: bool,
    /// The workspace's files as last walked and read, while `watching`: an edit of a buffer
    /// then reads nothing from disk. Dropped on every change on disk, save and close.
    disk: Option<DiskFiles>,
    /// Open buffers by path relative to the root (as the model's sources name files).
    open: HashMap<PathBuf, String>,
    snapshot: Option<Snapshot>,
    /// Why the model could not be loaded at all (shown once per new reason).
    load_error: Option<String>,
    /// The load error last shown, so one is not shown again on every keystroke.
    shown_error: Option<String>,
    /// Each file as last read: an edit parses only the buffer that changed.
    read_cache: load::ReadCache,
    /// What was last published per file, so an edit republishes only what changed.
    published: HashMap<Url, Vec<Diagnostic>>,
    /// The findings those diagnostics were made from: a file read as it was whose findings
    /// are these has its diagnostics taken over, not made again.
    previous_findings: Vec<Finding>,
    dirty: bool,
}

/// The workspace's settings, or the defaults when `vsm.yaml` cannot be read (said to the user).
fn settings_of(root: &Path, find: &FindSettings, connection: &Connection) -> Settings {
    find(root).unwrap_or_else(|e| {
        show_message(
            connection,
            format!("vsm: {e:#}; using the default settings"),
        );
        Settings {
            lang: crate::i18n::Lang::default(),
            config: Config::default(),
            filter: Filter::default(),
            paths: vec![PathBuf::from(".")],
        }
    })
}

/// Whether a file is named as a config file is (`vsm.yaml`, `.vsm.yaml`, in any case).
fn is_config_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let config = crate::config::CONFIG_FILE;
    name.eq_ignore_ascii_case(config) || name.eq_ignore_ascii_case(&format!(".{config}"))
}

impl<'a> Server<'a> {
    fn new(root: PathBuf, find: &'a FindSettings, connection: &Connection) -> Server<'a> {
        let settings = settings_of(&root, find, connection);
        Server {
            root,
            find,
            settings,
            watching: false,
            disk: None,
            open: HashMap::new(),
            snapshot: None,
            load_error: None,
            shown_error: None,
            read_cache: load::ReadCache::default(),
            published: HashMap::new(),
            previous_findings: Vec::new(),
            dirty: false,
        }
    }

    /// The path of a document as the model names it, if it is a file under the root.
    fn path_of(&self, uri: &Url) -> Option<PathBuf> {
        let path = normalize(&uri.to_file_path().ok()?);
        path.strip_prefix(&self.root).ok()?;
        Some(shown_from(&self.root, &path))
    }

    fn uri_of(&self, path: &Path) -> Option<Url> {
        Url::from_file_path(normalize(&self.root.join(path))).ok()
    }

    /// Walks the workspace and reads the files not open.
    fn read_disk(&self) -> DiskFiles {
        // A folder without a model file yet is no error while a buffer is being typed.
        let (discovered, walk_error) =
            match load::discover(&self.settings.paths, &self.settings.filter) {
                Ok(discovered) => (discovered, None),
                Err(e) => (load::Discovered::default(), Some(e.0)),
            };
        let files = discovered
            .files
            .into_iter()
            .map(|candidate| {
                let path = shown_from(&self.root, &candidate.path);
                let bytes = (!self.open.contains_key(&path))
                    .then(|| std::fs::read(&candidate.path).unwrap_or_default());
                DiskFile {
                    path,
                    on_disk: candidate.path,
                    named: candidate.named,
                    bytes,
                }
            })
            .collect();
        DiskFiles { files, walk_error }
    }

    /// Loads and checks the whole model: open buffers as typed, other files from disk.
    fn rebuild(&mut self) {
        self.dirty = false;
        let started = std::time::Instant::now();
        let mut phases: Vec<(&str, std::time::Duration)> = Vec::new();
        let mut mark = |name: &'static str, since: &mut std::time::Instant| {
            phases.push((name, since.elapsed()));
            *since = std::time::Instant::now();
        };
        let mut since = started;
        // The files on disk as last read while the client reports every change on disk;
        // otherwise walked and read again.
        let disk = match self.disk.take().filter(|_| self.watching) {
            Some(disk) => disk,
            None => self.read_disk(),
        };
        let mut seen = HashSet::new();
        let mut files = Vec::new();
        for file in &disk.files {
            let bytes = match (self.open.get(&file.path), &file.bytes) {
                (Some(text), _) => text.clone().into_bytes(),
                (None, Some(bytes)) => bytes.clone(),
                (None, None) => std::fs::read(&file.on_disk).unwrap_or_default(),
            };
            seen.insert(file.path.clone());
            files.push(MemoryFile {
                path: file.path.clone(),
                bytes,
                named: file.named,
            });
        }
        let walk_error = disk.walk_error.clone();
        if self.watching {
            self.disk = Some(disk);
        }
        // A new file not saved yet is part of the model as soon as it is typed.
        let mut unsaved: Vec<_> = self
            .open
            .iter()
            .filter(|(path, _)| !seen.contains(*path))
            .filter(|(path, _)| {
                load::selects(
                    Path::new("."),
                    &Path::new(".").join(path),
                    &self.settings.filter,
                )
            })
            .collect();
        unsaved.sort();
        for (path, text) in unsaved {
            // Being typed into the workspace, it is a model file even before it holds a
            // section (as a file named on the command line is).
            files.push(MemoryFile {
                path: path.clone(),
                bytes: text.clone().into_bytes(),
                named: true,
            });
        }
        if files.is_empty() {
            self.snapshot = None;
            self.load_error = walk_error.or_else(|| Some("no model files found".into()));
            return;
        }
        mark("read", &mut since);
        // The model checked last is patched with the files that changed; the rest of its
        // snapshot is dropped on its own thread: freeing a large model's facts one allocation
        // at a time is a tenth of a check (see `vsm check`).
        let mut old_lines = Vec::new();
        let mut previous_findings = Vec::new();
        let previous = self.snapshot.take().map(|old| {
            let Snapshot {
                loaded,
                mut outcome,
                index,
                lines,
                uris: _,
            } = old;
            old_lines = lines;
            previous_findings = std::mem::take(&mut outcome.findings);
            std::thread::spawn(move || drop((outcome, index)));
            loaded
        });
        // What `publish` compares the new findings with.
        self.previous_findings = previous_findings;
        match load::load_files_again(
            files,
            &self.settings.filter,
            "the workspace",
            &mut self.read_cache,
            previous,
        ) {
            Ok(loaded) => {
                mark("load", &mut since);
                let filters = Filters {
                    selection: RuleSelection::from_config(&self.settings.config),
                    ..Filters::default()
                };
                let mut outcome = check::findings(&loaded, &filters);
                // Last, as every output does: what matches findings has run on the English.
                crate::diag::localize(&mut outcome.findings, self.settings.lang);
                mark("check", &mut since);
                // The line starts of a file kept as it was still hold.
                let mut old_lines = old_lines.into_iter();
                let lines = (0..loaded.sources.files.len())
                    .map(|file| {
                        let old = old_lines.next().unwrap_or_default();
                        if self.read_cache.kept(file as FileId) {
                            old
                        } else {
                            std::sync::OnceLock::new()
                        }
                    })
                    .collect();
                let uris = loaded
                    .sources
                    .files
                    .iter()
                    .map(|file| self.uri_of(&file.path))
                    .collect();
                let index = std::sync::OnceLock::new();
                if std::env::var_os("VSM_LSP_TIMES").is_some() {
                    let times: Vec<String> = phases
                        .iter()
                        .map(|(name, d)| format!("{name} {} ms", d.as_millis()))
                        .collect();
                    crate::stderrln!(
                        "vsm lsp: checked in {} ms ({})",
                        started.elapsed().as_millis(),
                        times.join(", ")
                    );
                }
                self.load_error = None;
                self.snapshot = Some(Snapshot {
                    loaded,
                    outcome,
                    index,
                    lines,
                    uris,
                });
            }
            Err(e) => {
                self.snapshot = None;
                self.load_error = Some(e.0);
            }
        }
    }

    /// Sends the diagnostics of every file whose diagnostics changed (an empty list clears a
    /// file's).
    fn publish(&mut self, connection: &Connection) -> anyhow::Result<()> {
        let mut now: HashMap<Url, Vec<Diagnostic>> = HashMap::new();
        // Files whose diagnostics are those published last, taken over without a comparison.
        let mut same: HashSet<Url> = HashSet::new();
        let previous = std::mem::take(&mut self.previous_findings);
        if let Some(snapshot) = &self.snapshot {
            let files = snapshot.loaded.sources.files.len();
            let by_file = |findings: &[Finding]| {
                let mut by_file: Vec<Vec<usize>> = vec![Vec::new(); files];
                for (i, finding) in findings.iter().enumerate() {
                    if let Some(list) = by_file.get_mut(finding.loc.file as usize) {
                        list.push(i);
                    }
                }
                by_file
            };
            let findings = &snapshot.outcome.findings;
            let (now_by_file, before_by_file) = (by_file(findings), by_file(&previous));
            let kept = |file: FileId| self.read_cache.kept(file);
            for (file, indices) in now_by_file.iter().enumerate() {
                let Some(uri) = snapshot.uri(file as FileId) else {
                    continue;
                };
                // A file read as it was, with the same findings as before, all of them in
                // files read as they were, has the same diagnostics: its ranges still hold.
                let unchanged = kept(file as FileId)
                    && before_by_file[file].len() == indices.len()
                    && before_by_file[file].iter().zip(indices).all(|(&b, &n)| {
                        let (before, now) = (&previous[b], &findings[n]);
                        same_finding(before, now) && now.labels.iter().all(|l| kept(l.loc.file))
                    });
                if unchanged {
                    if let Some(diagnostics) = self.published.remove(uri) {
                        now.insert(uri.clone(), diagnostics);
                        same.insert(uri.clone());
                        continue;
                    }
                }
                let diagnostics = indices
                    .iter()
                    .map(|&i| self.diagnostic(snapshot, &findings[i]))
                    .collect();
                now.insert(uri.clone(), diagnostics);
            }
        } else if let Some(error) = &self.load_error {
            if self.shown_error.as_ref() != Some(error) {
                show_message(connection, format!("vsm: {error}"));
                self.shown_error = Some(error.clone());
            }
        }
        if self.snapshot.is_some() {
            self.shown_error = None;
        }
        let open: HashSet<Url> = self.open.keys().filter_map(|p| self.uri_of(p)).collect();
        let mut messages = Vec::new();
        for (uri, diagnostics) in &now {
            if same.contains(uri) {
                continue;
            }
            // A file never published with none has nothing to clear, unless it is open: the
            // editor learns that its buffer was checked.
            let changed = self
                .published
                .get(uri)
                .map_or(!diagnostics.is_empty() || open.contains(uri), |old| {
                    old != diagnostics
                });
            if changed {
                messages.push((uri.clone(), diagnostics.clone()));
            }
        }
        for uri in self.published.keys() {
            if !now.contains_key(uri) {
                messages.push((uri.clone(), Vec::new()));
            }
        }
        messages.sort_by(|a, b| a.0.cmp(&b.0));
        for (uri, diagnostics) in messages {
            let params = PublishDiagnosticsParams {
                uri,
                diagnostics,
                version: None,
            };
            connection
                .sender
                .send(Message::Notification(Notification::new(
                    notification::PublishDiagnostics::METHOD.into(),
                    params,
                )))?;
        }
        self.published = now;
        Ok(())
    }

    fn diagnostic(&self, snapshot: &Snapshot, finding: &Finding) -> Diagnostic {
        let related: Vec<DiagnosticRelatedInformation> = finding
            .labels
            .iter()
            .filter_map(|label| {
                Some(DiagnosticRelatedInformation {
                    location: Location::new(
                        snapshot.uri(label.loc.file)?.clone(),
                        snapshot.range(label.loc),
                    ),
                    message: label.message.clone(),
                })
            })
            .collect();
        let mut message = finding.message.clone();
        if let Some(help) = &finding.help {
            // `help: `, or `建议：` as `vsm check` writes it in Chinese.
            match self.settings.lang {
                crate::i18n::Lang::En => message.push_str("\nhelp: "),
                lang => {
                    message.push('\n');
                    message.push_str(&lang.t("check-help"));
                    message.push('：');
                }
            }
            message.push_str(help);
        }
        Diagnostic {
            range: snapshot.range(finding.loc),
            severity: Some(match finding.severity {
                Severity::Error => DiagnosticSeverity::ERROR,
                Severity::Warning => DiagnosticSeverity::WARNING,
                Severity::Info => DiagnosticSeverity::INFORMATION,
            }),
            code: Some(NumberOrString::String(finding.rule.code.into())),
            source: Some("vsm".into()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            ..Diagnostic::default()
        }
    }

    fn notify(&mut self, notification: Notification, connection: &Connection) {
        use lsp_types::*;
        match notification.method.as_str() {
            notification::DidOpenTextDocument::METHOD => {
                if let Ok(p) = notification
                    .extract::<DidOpenTextDocumentParams>(notification::DidOpenTextDocument::METHOD)
                {
                    if let Some(path) = self.path_of(&p.text_document.uri) {
                        self.open.insert(path, p.text_document.text);
                        self.dirty = true;
                    }
                }
            }
            notification::DidChangeTextDocument::METHOD => {
                if let Ok(p) = notification.extract::<DidChangeTextDocumentParams>(
                    notification::DidChangeTextDocument::METHOD,
                ) {
                    if let Some(path) = self.path_of(&p.text_document.uri) {
                        if let Some(text) = self.open.get_mut(&path) {
                            for change in p.content_changes {
                                edit::apply(text, change);
                            }
                            self.dirty = true;
                        }
                    }
                }
            }
            notification::DidCloseTextDocument::METHOD => {
                if let Ok(p) = notification.extract::<DidCloseTextDocumentParams>(
                    notification::DidCloseTextDocument::METHOD,
                ) {
                    if let Some(path) = self.path_of(&p.text_document.uri) {
                        self.open.remove(&path);
                        // What is on disk counts again: read it.
                        self.disk = None;
                        self.dirty = true;
                    }
                }
            }
            // Files not open are read again on the next check.
            notification::DidSaveTextDocument::METHOD => {
                self.disk = None;
                self.dirty = true;
            }
            // Changed, created or deleted on disk: a model file is read again (or no longer)
            // on the next check; `vsm.yaml` is read again now, as its severities, `paths` and
            // `exclude` decide what is checked and how.
            notification::DidChangeWatchedFiles::METHOD => {
                self.dirty = true;
                self.disk = None;
                let Ok(p) = notification.extract::<DidChangeWatchedFilesParams>(
                    notification::DidChangeWatchedFiles::METHOD,
                ) else {
                    return;
                };
                let config_changed = p.changes.iter().any(|change| {
                    change
                        .uri
                        .to_file_path()
                        .is_ok_and(|path| is_config_file(&path))
                });
                if config_changed {
                    self.settings = settings_of(&self.root, self.find, connection);
                    // Which files are the model (and which is the config) may have changed.
                    self.read_cache = load::ReadCache::default();
                    self.snapshot = None;
                }
            }
            _ => {}
        }
    }

    /// Answers one request; an unknown method or bad parameters get an error response, a
    /// position nothing is at gets an empty (null) result.
    fn answer(&self, request: Request) -> Response {
        let id = request.id.clone();
        let result =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.dispatch(request)));
        match result {
            Ok(Ok(value)) => Response::new_ok(id, value),
            Ok(Err((code, message))) => Response::new_err(id, code as i32, message),
            Err(_) => Response::new_err(
                id,
                lsp_server::ErrorCode::InternalError as i32,
                "vsm: internal error (please report it)".into(),
            ),
        }
    }

    fn dispatch(
        &self,
        request: Request,
    ) -> Result<serde_json::Value, (lsp_server::ErrorCode, String)> {
        use lsp_server::ErrorCode;
        fn params<P: serde::de::DeserializeOwned>(
            request: Request,
        ) -> Result<P, (ErrorCode, String)> {
            serde_json::from_value(request.params)
                .map_err(|e| (ErrorCode::InvalidParams, format!("invalid parameters: {e}")))
        }
        fn json<T: serde::Serialize>(value: T) -> Result<serde_json::Value, (ErrorCode, String)> {
            Ok(serde_json::to_value(value).unwrap_or(serde_json::Value::Null))
        }
        match request.method.as_str() {
            request::GotoDefinition::METHOD => {
                let p: lsp_types::GotoDefinitionParams = params(request)?;
                json(self.definition(&p.text_document_position_params))
            }
            request::References::METHOD => {
                let p: lsp_types::ReferenceParams = params(request)?;
                json(self.references(&p.text_document_position, p.context.include_declaration))
            }
            request::HoverRequest::METHOD => {
                let p: lsp_types::HoverParams = params(request)?;
                json(self.hover(&p.text_document_position_params))
            }
            request::Completion::METHOD => {
                let p: lsp_types::CompletionParams = params(request)?;
                json(self.completion(&p.text_document_position))
            }
            request::Rename::METHOD => {
                let p: lsp_types::RenameParams = params(request)?;
                match self.rename(&p.text_document_position, &p.new_name) {
                    Ok(edit) => json(edit),
                    Err(message) => Err((ErrorCode::InvalidRequest, message)),
                }
            }
            request::CodeActionRequest::METHOD => {
                let p: lsp_types::CodeActionParams = params(request)?;
                json(self.code_actions(&p))
            }
            request::DocumentSymbolRequest::METHOD => {
                let p: lsp_types::DocumentSymbolParams = params(request)?;
                json(self.document_symbols(&p.text_document.uri))
            }
            request::WorkspaceSymbolRequest::METHOD => {
                let p: lsp_types::WorkspaceSymbolParams = params(request)?;
                json(self.workspace_symbols(&p.query))
            }
            method => Err((
                ErrorCode::MethodNotFound,
                format!("vsm lsp does not answer `{method}`"),
            )),
        }
    }

    /// The snapshot's file and byte offset of a document position.
    fn locate(&self, uri: &Url, position: Position) -> Option<(&Snapshot, FileId, usize)> {
        let snapshot = self.snapshot.as_ref()?;
        let path = self.path_of(uri)?;
        let file = snapshot
            .loaded
            .sources
            .files
            .iter()
            .position(|f| f.path == path)? as FileId;
        let offset = snapshot.lines(file).offset(snapshot.text(file), position);
        Some((snapshot, file, offset))
    }

    fn target_at(
        &self,
        at: &lsp_types::TextDocumentPositionParams,
    ) -> Option<(&Snapshot, index::Occurrence)> {
        let (snapshot, file, offset) = self.locate(&at.text_document.uri, at.position)?;
        let occurrence = *snapshot.index().at(file, offset as u32)?;
        Some((snapshot, occurrence))
    }

    fn location(&self, snapshot: &Snapshot, loc: crate::source::Loc) -> Option<Location> {
        let path = &snapshot.loaded.sources.get(loc.file).path;
        Some(Location::new(self.uri_of(path)?, snapshot.range(loc)))
    }

    fn definition(
        &self,
        at: &lsp_types::TextDocumentPositionParams,
    ) -> Option<lsp_types::GotoDefinitionResponse> {
        let (snapshot, occurrence) = self.target_at(at)?;
        let loc = occurrence.target.definition(&snapshot.loaded.model)?;
        Some(lsp_types::GotoDefinitionResponse::Scalar(
            self.location(snapshot, loc)?,
        ))
    }

    fn references(
        &self,
        at: &lsp_types::TextDocumentPositionParams,
        include_declaration: bool,
    ) -> Option<Vec<Location>> {
        let (snapshot, occurrence) = self.target_at(at)?;
        Some(
            snapshot
                .index()
                .of_target(occurrence.target)
                .into_iter()
                .filter(|o| include_declaration || !o.definition)
                .filter_map(|o| self.location(snapshot, o.loc))
                .collect(),
        )
    }

    fn hover(&self, at: &lsp_types::TextDocumentPositionParams) -> Option<lsp_types::Hover> {
        let (snapshot, occurrence) = self.target_at(at)?;
        let text = complete::hover_text(
            &snapshot.loaded.model,
            &snapshot.outcome.resolved,
            occurrence.target,
        )?;
        Some(lsp_types::Hover {
            contents: lsp_types::HoverContents::Markup(lsp_types::MarkupContent {
                kind: lsp_types::MarkupKind::Markdown,
                value: text,
            }),
            range: Some(snapshot.range(occurrence.loc)),
        })
    }

    fn completion(
        &self,
        at: &lsp_types::TextDocumentPositionParams,
    ) -> Option<lsp_types::CompletionResponse> {
        let path = self.path_of(&at.text_document.uri)?;
        // The buffer as typed: the snapshot may hold the same text, but a buffer that is not
        // part of the model (not YAML, excluded) still gets field names.
        let text = self.open.get(&path)?;
        let offset = Lines::new(text).offset(text, at.position);
        let model = self.snapshot.as_ref().map(|s| &s.loaded.model);
        Some(lsp_types::CompletionResponse::Array(complete::complete(
            text, offset, model,
        )))
    }

    fn rename(
        &self,
        at: &lsp_types::TextDocumentPositionParams,
        new_name: &str,
    ) -> Result<Option<lsp_types::WorkspaceEdit>, String> {
        let Some((snapshot, occurrence)) = self.target_at(at) else {
            return Ok(None);
        };
        let model = &snapshot.loaded.model;
        let target = occurrence.target;
        if !load::valid_id(new_name) {
            return Err(format!(
                "`{new_name}` is not an id: use letters, digits, `-`, `_` and `.`"
            ));
        }
        if complete::taken(model, target, new_name) {
            return Err(format!(
                "there is already {} `{new_name}`",
                target.kind().with_article()
            ));
        }
        let mut changes: HashMap<Url, Vec<lsp_types::TextEdit>> = HashMap::new();
        for o in snapshot.index().of_target(target) {
            let text = snapshot.text(o.loc.file);
            let Some((start, end)) = edit::id_part(text, o.loc, target) else {
                continue;
            };
            let range = snapshot.lines(o.loc.file).range(text, start, end);
            let path = &snapshot.loaded.sources.get(o.loc.file).path;
            if let Some(uri) = self.uri_of(path) {
                changes
                    .entry(uri)
                    .or_default()
                    .push(lsp_types::TextEdit::new(range, new_name.to_string()));
            }
        }
        Ok(Some(lsp_types::WorkspaceEdit::new(changes)))
    }

    fn code_actions(&self, p: &lsp_types::CodeActionParams) -> Vec<lsp_types::CodeActionOrCommand> {
        let Some((snapshot, file, start)) = self.locate(&p.text_document.uri, p.range.start) else {
            return Vec::new();
        };
        let end = snapshot
            .lines(file)
            .offset(snapshot.text(file), p.range.end);
        let mut actions = Vec::new();
        for finding in &snapshot.outcome.findings {
            let span = finding.loc.span;
            if finding.loc.file != file
                || (span.end as usize) < start
                || (span.start as usize) > end
            {
                continue;
            }
            let diagnostic = self.diagnostic(snapshot, finding);
            for (title, (from, to, new_text)) in edit::fixes(snapshot.text(file), finding) {
                let range = snapshot.lines(file).range(snapshot.text(file), from, to);
                let mut changes = HashMap::new();
                changes.insert(
                    p.text_document.uri.clone(),
                    vec![lsp_types::TextEdit::new(range, new_text)],
                );
                actions.push(lsp_types::CodeActionOrCommand::CodeAction(
                    lsp_types::CodeAction {
                        title,
                        kind: Some(lsp_types::CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![diagnostic.clone()]),
                        edit: Some(lsp_types::WorkspaceEdit::new(changes)),
                        ..lsp_types::CodeAction::default()
                    },
                ));
            }
        }
        actions
    }

    #[allow(deprecated)] // `DocumentSymbol::deprecated` must be written, as `None`.
    fn document_symbols(&self, uri: &Url) -> Option<lsp_types::DocumentSymbolResponse> {
        let (snapshot, file, _) = self.locate(uri, Position::new(0, 0))?;
        let model = &snapshot.loaded.model;
        let symbol = |o: &index::Occurrence| -> Option<lsp_types::DocumentSymbol> {
            let common = o.target.common(model)?;
            let range = snapshot.range(o.loc);
            Some(lsp_types::DocumentSymbol {
                name: common.id.value.to_string(),
                detail: Some(format!("{}: {}", o.target.kind().noun(), common.label())),
                kind: symbol_kind(o.target.kind()),
                tags: None,
                deprecated: None,
                range,
                selection_range: range,
                children: None,
            })
        };
        let mut out: Vec<lsp_types::DocumentSymbol> = Vec::new();
        let mut streams: HashMap<usize, usize> = HashMap::new();
        for o in snapshot
            .index()
            .in_file(file)
            .iter()
            .filter(|o| o.definition)
        {
            let Some(found) = symbol(o) else { continue };
            match o.target {
                Target::Element(Kind::ValueStream, s) => {
                    streams.insert(s, out.len());
                    out.push(found);
                }
                Target::Stage { stream, .. } => match streams.get(&stream) {
                    Some(&at) => out[at].children.get_or_insert_with(Vec::new).push(found),
                    None => out.push(found),
                },
                _ => out.push(found),
            }
        }
        Some(lsp_types::DocumentSymbolResponse::Nested(out))
    }

    #[allow(deprecated)] // `SymbolInformation::deprecated` must be written, as `None`.
    fn workspace_symbols(&self, query: &str) -> Option<Vec<lsp_types::SymbolInformation>> {
        let snapshot = self.snapshot.as_ref()?;
        let model = &snapshot.loaded.model;
        let query = query.to_lowercase();
        let mut out = Vec::new();
        for file in 0..snapshot.loaded.sources.files.len() {
            for o in snapshot.index().in_file(file as FileId) {
                if !o.definition {
                    continue;
                }
                let Some(common) = o.target.common(model) else {
                    continue;
                };
                if !common.id.value.to_lowercase().contains(&query)
                    && !common.label().to_lowercase().contains(&query)
                {
                    continue;
                }
                let Some(location) = self.location(snapshot, o.loc) else {
                    continue;
                };
                out.push(lsp_types::SymbolInformation {
                    name: o.target.reference_text(model)?,
                    kind: symbol_kind(o.target.kind()),
                    tags: None,
                    deprecated: None,
                    location,
                    container_name: Some(common.label().to_string()),
                });
                if out.len() >= WORKSPACE_SYMBOLS {
                    return Some(out);
                }
            }
        }
        Some(out)
    }
}

/// At most this many workspace symbols per query: a client asks again as the query grows.
const WORKSPACE_SYMBOLS: usize = 1000;

fn symbol_kind(kind: Kind) -> lsp_types::SymbolKind {
    use lsp_types::SymbolKind;
    match kind {
        Kind::ValueStream => SymbolKind::NAMESPACE,
        Kind::Stage => SymbolKind::METHOD,
        Kind::Capability => SymbolKind::CLASS,
        Kind::Process => SymbolKind::FUNCTION,
        Kind::Stakeholder => SymbolKind::OBJECT,
        Kind::Information | Kind::BusinessObject => SymbolKind::STRUCT,
        Kind::Commitment => SymbolKind::CONSTANT,
        Kind::Perception => SymbolKind::EVENT,
    }
}

/// Whether two findings give the same diagnostic in a file read as it was.
fn same_finding(a: &Finding, b: &Finding) -> bool {
    a.rule.code == b.rule.code
        && a.severity == b.severity
        && a.loc == b.loc
        && a.message == b.message
        && a.help == b.help
        && a.labels.len() == b.labels.len()
        && a.labels
            .iter()
            .zip(&b.labels)
            .all(|(x, y)| x.loc == y.loc && x.message == y.message)
}

fn show_message(connection: &Connection, message: String) {
    let params = lsp_types::ShowMessageParams {
        typ: lsp_types::MessageType::ERROR,
        message,
    };
    // A client that has gone away is noticed by the main loop.
    let _ = connection
        .sender
        .send(Message::Notification(Notification::new(
            notification::ShowMessage::METHOD.into(),
            params,
        )));
}
