//! `vsm check`: load, validate, print findings, exit 0 / 1 / 2.

use super::{print, ColorChoice, Workspace};
use crate::check::{self, RuleSelection};
use crate::config::FailOn;
use crate::diag::{Finding, Severity};
use crate::render::{self, Summary};
use crate::rules::{self, Rule};
use anyhow::anyhow;
use clap::ValueEnum;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style snippets (default on a terminal)
    Human,
    /// one line a finding: path:line:col: severity[CODE] message (default otherwise)
    Concise,
    /// the documented JSON structure
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailLevel {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Model files or folders (default: `paths` of vsm.yaml, else the current folder)
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Exit with 1 when a finding is at or above this level [default: error, or `fail_on` of vsm.yaml]
    #[arg(long, value_enum)]
    pub fail_on: Option<FailLevel>,
    /// Only these rules (codes or names, comma-separated); VSM001–VSM008 always run
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Never these rules (codes or names, comma-separated)
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Config file (default: vsm.yaml in this folder or above, up to the repository root)
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Print the number of findings per rule
    #[arg(long)]
    pub statistics: bool,
    /// Print findings only: no summary line
    #[arg(long, short)]
    pub quiet: bool,
    /// Colour the output
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
}

fn rule_list(names: &[String], flag: &str) -> anyhow::Result<Vec<&'static Rule>> {
    names
        .iter()
        .filter(|n| !n.trim().is_empty())
        .map(|name| {
            let name = name.trim();
            rules::lookup(name).ok_or_else(|| {
                let hint = rules::suggest(name)
                    .map(|h| format!(" ({h})"))
                    .unwrap_or_default();
                anyhow!("{flag}: unknown rule `{name}`{hint}; `vsm explain` lists every rule")
            })
        })
        .collect()
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let select = rule_list(&args.select, "--select")?;
    let ignore = rule_list(&args.ignore, "--ignore")?;
    let workspace = Workspace::open(&args.paths, args.config.as_deref())?;
    let config = &workspace.config;
    let selection = RuleSelection {
        overrides: config
            .rules
            .iter()
            .map(|(rule, setting)| (rule.code, *setting))
            .collect(),
        select: (!select.is_empty()).then_some(select),
        ignore,
    };
    let outcome = check::check(&workspace.loaded, &selection);
    let findings = &outcome.findings;
    let summary = Summary::new(&workspace.loaded, findings, started.elapsed());
    let sources = &workspace.loaded.sources;

    let format = args.format.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Human
    } else {
        Format::Concise
    });
    let mut out = match format {
        Format::Human => render::human::render(
            sources,
            findings,
            args.color.enabled(),
            super::terminal_width(),
        ),
        Format::Concise => render::concise::render(sources, findings),
        Format::Json => render::json::render(sources, findings, &summary),
    };
    if args.statistics && format != Format::Json {
        out.push_str(&statistics(findings));
    }
    if format == Format::Human && !args.quiet {
        out.push_str(&summary.line());
        out.push('\n');
    }
    print(&out)?;

    let fail_on = match args.fail_on {
        Some(FailLevel::Error) => FailOn::Level(Severity::Error),
        Some(FailLevel::Warning) => FailOn::Level(Severity::Warning),
        Some(FailLevel::Info) => FailOn::Level(Severity::Info),
        Some(FailLevel::Never) => FailOn::Never,
        None => config.fail_on.unwrap_or(FailOn::Level(Severity::Error)),
    };
    Ok(exit_code(findings, fail_on))
}

/// 1 when a finding is at or above the fail level, else 0.
pub fn exit_code(findings: &[Finding], fail_on: FailOn) -> ExitCode {
    let failed = match fail_on {
        FailOn::Never => false,
        FailOn::Level(level) => findings.iter().any(|f| f.severity >= level),
    };
    ExitCode::from(u8::from(failed))
}

fn statistics(findings: &[Finding]) -> String {
    let mut counts: BTreeMap<&str, (usize, &'static Rule, Severity)> = BTreeMap::new();
    for f in findings {
        let entry = counts.entry(f.rule.code).or_insert((0, f.rule, f.severity));
        entry.0 += 1;
        entry.2 = entry.2.max(f.severity);
    }
    let mut out = String::new();
    for (code, (count, rule, severity)) in counts {
        out.push_str(&format!(
            "{count:>6}  {code}  {:<28} {severity}\n",
            rule.name
        ));
    }
    out
}
