//! `vsm check`: load, validate, print findings, exit 0 / 1 / 2.
//!
//! One load and one check feed every output: the format on stdout (`--format`) and any number
//! of files (`--output-format FMT=FILE`, written atomically). Between the check and the
//! outputs, in this order: suppression comments ([`crate::suppress`]), `--write-baseline`,
//! `--changed-since` (only findings in files changed since a git ref), `--baseline`; `--fail-on`
//! applies to what is left.

use super::{git, print, ColorChoice, ConfigFile, ModelPaths, RuleName, Workspace};
use crate::baseline::{self, Baseline};
use crate::catalog::{self, Rule};
use crate::check::{self, Filters};
use crate::config::{FailOn, RuleSelection};
use crate::diag::{self, Finding, Severity};
use crate::i18n::Lang;
use crate::render::{self, Summary};
use crate::says;
use anyhow::{anyhow, Context as _};
use clap::ValueEnum;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style snippets (default on a terminal)
    Human,
    /// one line a finding: path:line:col: severity[CODE] message (default otherwise)
    Concise,
    /// the documented JSON structure
    Json,
    /// SARIF 2.1.0, for code-scanning uploads
    Sarif,
    /// GitHub Actions workflow-command annotations
    Github,
    /// JUnit XML, one test suite per file, one test case per finding
    Junit,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Concise => "concise",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Junit => "junit",
        }
    }

    /// Formats a person reads: statistics and the summary go into them.
    fn is_for_people(self) -> bool {
        matches!(self, Format::Human | Format::Concise)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailLevel {
    Error,
    Warning,
    Info,
    Never,
}

/// `--output-format FMT=FILE`.
#[derive(Clone, Debug)]
pub struct Output {
    pub format: Format,
    pub file: PathBuf,
}

fn parse_output(text: &str) -> Result<Output, String> {
    let (format, file) = text
        .split_once('=')
        .ok_or_else(|| format!("expected FMT=FILE, e.g. sarif=vsm.sarif; got `{text}`"))?;
    let format = Format::from_str(format.trim(), true).map_err(|_| {
        format!("unknown format `{format}`: use human, concise, json, sarif, github or junit")
    })?;
    if file.is_empty() {
        return Err(format!("no file after `{}=`", format.name()));
    }
    Ok(Output {
        format,
        file: PathBuf::from(file),
    })
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub model: ModelPaths,
    /// Output format on stdout
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Also write FMT to FILE (repeatable; one load and one check for all): e.g.
    /// `--output-format sarif=vsm.sarif --output-format junit=vsm.xml`
    #[arg(long = "output-format", value_name = "FMT=FILE", value_parser = parse_output)]
    pub outputs: Vec<Output>,
    /// Exit with 1 when a finding is at or above this level [default: error, or `fail_on` of vsm.yaml]
    #[arg(long, value_enum)]
    pub fail_on: Option<FailLevel>,
    /// Only these rules (codes or names, comma-separated); VSM001–VSM008 always run
    #[arg(long, value_delimiter = ',', value_parser = RuleName, hide_possible_values = true)]
    pub select: Vec<String>,
    /// Never these rules (codes or names, comma-separated)
    #[arg(long, value_delimiter = ',', value_parser = RuleName, hide_possible_values = true)]
    pub ignore: Vec<String>,
    #[command(flatten)]
    pub config: ConfigFile,
    #[command(flatten)]
    pub lang: super::lang::LangArg,
    /// Hide the findings recorded in this baseline file (see --write-baseline)
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in FILE, so later runs with --baseline FILE report only new ones
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Report only findings in files changed since this git ref (plus untracked files); the
    /// whole model is still loaded and checked
    #[arg(long, value_name = "REF")]
    pub changed_since: Option<String>,
    /// Print the number of findings per rule, after the findings (on stderr for json, sarif,
    /// github and junit, whose output must stay machine-readable)
    #[arg(long)]
    pub statistics: bool,
    /// Print findings only: no summary line
    #[arg(long, short)]
    pub quiet: bool,
    /// List on stderr the YAML files not read as models, and why
    #[arg(long, short, conflicts_with = "quiet")]
    pub verbose: bool,
    /// Colour the output
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
    /// Check again on every change of a model file or vsm.yaml, until Ctrl-C (a terminal is
    /// cleared before each run; otherwise each run ends with one status line)
    #[arg(long, conflicts_with_all = ["write_baseline", "changed_since"])]
    pub watch: bool,
}

fn rule_list(names: &[String], flag: &str) -> anyhow::Result<Vec<&'static Rule>> {
    names
        .iter()
        .filter(|n| !n.trim().is_empty())
        .map(|name| {
            catalog::find(name.trim())
                .map_err(|unknown| anyhow!("{flag}: {unknown}; `vsm explain` lists every rule"))
        })
        .collect()
}

/// What was hidden between the check and the outputs, for the summary.
#[derive(Default)]
struct Hidden {
    suppressed: usize,
    written: Option<(PathBuf, usize)>,
    baseline: Option<(PathBuf, baseline::Applied)>,
    changed: Option<(String, usize, usize)>,
}

impl Hidden {
    /// Lines that follow the summary line (empty when nothing was hidden), in `lang`.
    fn notes(&self, lang: Lang) -> String {
        let mut out = String::new();
        if self.suppressed > 0 {
            out.push_str(&says!("check-suppressed", n = self.suppressed).in_lang(lang));
            out.push('\n');
        }
        if let Some((file, count)) = &self.written {
            let file = file.display().to_string();
            out.push_str(&says!("check-baseline-written", n = *count, file = file).in_lang(lang));
            out.push('\n');
        }
        if let Some((file, applied)) = &self.baseline {
            let file = file.display().to_string();
            out.push_str(
                &says!("check-baseline-hid", n = applied.hidden, file = &file).in_lang(lang),
            );
            if applied.stale > 0 {
                out.push_str(
                    &says!("check-baseline-stale", n = applied.stale, file = file).in_lang(lang),
                );
            }
            out.push_str(if lang == Lang::En { ".\n" } else { "。\n" });
        }
        if let Some((git_ref, changed, total)) = &self.changed {
            let said = says!(
                "check-changed-since",
                changed = *changed,
                total = *total,
                since = git_ref
            );
            out.push_str(&said.in_lang(lang));
            out.push('\n');
        }
        out
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.watch {
        watch(&args)
    } else {
        check_once(&args)
    }
}

/// `--watch`: checks, then waits for a change of a YAML file under the model's paths or of the
/// config, and checks again. Changes are debounced (an editor's save is several events), and
/// events for other files (build output beside the model) are ignored. Ctrl-C ends the
/// process as it ends any run (exit 130, no output file left half-written).
fn watch(args: &Args) -> anyhow::Result<ExitCode> {
    use notify_debouncer_mini::notify::RecursiveMode;
    // The handler is otherwise installed by the first output file written: without it, a watch
    // with no `--output-format` would die of the signal instead of exiting 130.
    crate::atomic::remove_pending_on_interrupt();
    let settings = super::workspace::Settings::find(&args.model, &args.config)?;
    let (events, changes) = std::sync::mpsc::channel();
    let mut debouncer =
        notify_debouncer_mini::new_debouncer(std::time::Duration::from_millis(200), events)
            .context("cannot watch the model's files")?;
    let mut watched = settings.paths.clone();
    watched.extend(settings.config.file.clone());
    for path in &watched {
        debouncer
            .watcher()
            .watch(path, RecursiveMode::Recursive)
            .with_context(|| format!("cannot watch `{}`", path.display()))?;
    }
    let terminal = std::io::stdout().is_terminal();
    for run in 1.. {
        if terminal {
            // Clear the screen and scrollback, cursor home: each run replaces the last.
            print("\x1b[2J\x1b[3J\x1b[H")?;
        }
        if let Err(error) = check_once(args) {
            crate::stderrln!(
                "error: {}",
                crate::text::escaped_lines(&format!("{error:#}"))
            );
        }
        if !status_line(run)? {
            // Nobody reads the runs any more (`vsm check --watch | head`): stop watching.
            return Ok(ExitCode::SUCCESS);
        }
        loop {
            match changes.recv() {
                Ok(Ok(events)) if events.iter().any(|e| is_yaml(&e.path)) => break,
                Ok(Ok(_)) => {}
                Ok(Err(error)) => crate::stderrln!(
                    "warning: watching: {}",
                    crate::text::escaped(&error.to_string())
                ),
                Err(_) => return Ok(ExitCode::SUCCESS),
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints the line that ends run `run`; false when stdout is a pipe whose reader is gone.
/// (`print` ignores a closed pipe, as a finished `| head` is no error; a watch would go on
/// checking for no one.)
fn status_line(run: usize) -> anyhow::Result<bool> {
    use std::io::Write;
    let line = format!("vsm check --watch: run {run} done; waiting for changes (Ctrl-C stops)\n");
    let mut out = std::io::stdout().lock();
    match out.write_all(line.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        other => other.map(|()| true).context("cannot write to stdout"),
    }
}

/// A model file or a config by its name (`*.yaml`, `*.yml`).
fn is_yaml(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// One load, check and output: the whole of `vsm check` without `--watch`.
fn check_once(args: &Args) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let select = rule_list(&args.select, "--select")?;
    let ignore = rule_list(&args.ignore, "--ignore")?;
    // Read the baseline and ask git before the (slow) check: their mistakes exit 2 at once.
    let baseline = args.baseline.as_deref().map(Baseline::read).transpose()?;
    let changed = match &args.changed_since {
        Some(git_ref) => Some(git::changed_files(git_ref)?),
        None => None,
    };
    let workspace = Workspace::open(&args.model, &args.config)?;
    let lang = args.lang.resolve(&workspace)?;
    if args.verbose {
        for skipped in &workspace.loaded.skipped {
            crate::stderrln!(
                "{}",
                lang.t_args(
                    "check-skipped-file",
                    &[
                        ("path", skipped.path.display().to_string().into()),
                        ("why", lang.t(skipped.why.key()).into()),
                    ]
                )
            );
        }
    }
    let config = &workspace.config;
    let selection = RuleSelection {
        select: (!select.is_empty()).then_some(select),
        ignore,
        ..RuleSelection::from_config(config)
    };
    let sources = &workspace.loaded.sources;
    // Recording a baseline takes every finding the model has now, whatever the scope.
    let recording = args.write_baseline.is_some();
    let in_scope = match (&changed, &args.changed_since) {
        (Some(changed), Some(git_ref)) => {
            let scope: Vec<bool> = sources
                .files
                .iter()
                .map(|f| changed.contains(&git::canonical(&f.path)))
                .collect();
            let in_scope = scope.iter().filter(|s| **s).count();
            Some((git_ref.clone(), in_scope, scope))
        }
        _ => None,
    };
    let outcome = check::findings(
        &workspace.loaded,
        &Filters {
            selection,
            in_scope: in_scope
                .as_ref()
                .filter(|_| !recording)
                .map(|(_, _, scope)| scope.clone()),
            baseline: baseline.as_ref().filter(|_| !recording),
        },
    );
    let mut findings = outcome.findings;
    let mut hidden = Hidden {
        suppressed: outcome.suppressed,
        changed: in_scope.map(|(git_ref, count, scope)| (git_ref, count, scope.len())),
        baseline: args.baseline.clone().zip(outcome.baseline),
        ..Hidden::default()
    };
    if let Some(file) = &args.write_baseline {
        let count = baseline::write(file, sources, &findings)?;
        hidden.written = Some((file.clone(), count));
        findings.clear();
    }
    // Everything that matches findings on their English text (suppressions, the baseline,
    // the one written) has run: from here on they are words for the reader.
    diag::localize(&mut findings, lang);

    let findings = &findings;
    let mut summary = Summary::new(&workspace.loaded, findings, started.elapsed());
    summary.suppressed = hidden.suppressed;
    summary.skipped_listed = args.verbose;
    summary.baseline = hidden.baseline.as_ref().map(|(_, a)| (a.hidden, a.stale));
    let notes = hidden.notes(lang);

    let format = args.format.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Human
    } else {
        Format::Concise
    });
    let render_as = |format: Format, to_terminal: bool| {
        let (color, width) = if to_terminal {
            (args.color.enabled(), super::terminal_width())
        } else {
            (args.color == ColorChoice::Always, 100)
        };
        let look = Look { color, width, lang };
        let mut out = render_one(
            format,
            &workspace,
            findings,
            &summary,
            look,
            started.elapsed(),
        );
        if args.statistics && format.is_for_people() {
            out.push_str(&statistics(findings, lang));
        }
        if format == Format::Human && !args.quiet {
            out.push_str(&summary.line(lang));
            out.push('\n');
            out.push_str(&notes);
        }
        out
    };
    for output in &args.outputs {
        let text = render_as(output.format, false);
        crate::atomic::write(&output.file, text.as_bytes()).with_context(|| {
            format!(
                "--output-format {}={}",
                output.format.name(),
                output.file.display()
            )
        })?;
    }
    print(&render_as(format, true))?;
    if args.statistics && !format.is_for_people() {
        crate::stderr!("{}", statistics(findings, lang));
    }
    if format != Format::Human && !args.quiet && !notes.is_empty() {
        crate::stderr!("{notes}");
    }

    let fail_on = match args.fail_on {
        Some(FailLevel::Error) => FailOn::Level(Severity::Error),
        Some(FailLevel::Warning) => FailOn::Level(Severity::Warning),
        Some(FailLevel::Info) => FailOn::Level(Severity::Info),
        Some(FailLevel::Never) => FailOn::Never,
        None => config.fail_on.unwrap_or(FailOn::Level(Severity::Error)),
    };
    let code = exit_code(findings, fail_on);
    // Freeing a large model one allocation at a time takes about a tenth of a run, just before
    // the process exits and the system takes the memory back anyway (rustc does the same).
    std::mem::forget(outcome.resolved);
    std::mem::forget(workspace);
    Ok(code)
}

/// How an output is written: colours and width (human output) and the language (all but
/// JSON's keys).
#[derive(Clone, Copy)]
struct Look {
    color: bool,
    width: usize,
    lang: Lang,
}

fn render_one(
    format: Format,
    workspace: &Workspace,
    findings: &[Finding],
    summary: &Summary,
    look: Look,
    elapsed: Duration,
) -> String {
    let Look { color, width, lang } = look;
    let (sources, root) = (&workspace.loaded.sources, workspace.root.as_path());
    match format {
        Format::Human => render::human::render(sources, findings, color, width, lang),
        Format::Concise => render::concise::render(sources, findings),
        Format::Json => render::json::render(sources, findings, summary),
        Format::Sarif => render::sarif::render(sources, findings, root, lang),
        Format::Github => render::github::render(sources, findings, root, lang),
        Format::Junit => render::junit::render(sources, findings, elapsed.as_secs_f64(), lang),
    }
}

/// 1 when a finding is at or above the fail level, else 0.
pub fn exit_code(findings: &[Finding], fail_on: FailOn) -> ExitCode {
    let failed = match fail_on {
        FailOn::Never => false,
        FailOn::Level(level) => findings.iter().any(|f| f.severity >= level),
    };
    ExitCode::from(u8::from(failed))
}

/// The number of findings per rule; the severity in `lang` (codes and names stay English).
fn statistics(findings: &[Finding], lang: Lang) -> String {
    let mut counts: BTreeMap<&str, (usize, &'static Rule, Severity)> = BTreeMap::new();
    for f in findings {
        let entry = counts.entry(f.rule.code).or_insert((0, f.rule, f.severity));
        entry.0 += 1;
        entry.2 = entry.2.max(f.severity);
    }
    let mut out = String::new();
    for (code, (count, rule, severity)) in counts {
        out.push_str(&format!(
            "{count:>6}  {code}  {:<28} {}\n",
            rule.name,
            render::human::severity_word(severity, lang)
        ));
    }
    out
}
