//! `vsm completions SHELL` and `vsm man`: shell completions and the man page, generated from
//! the command-line definition itself (clap_complete, clap_mangen).

use super::{print, Cli};
use anyhow::Context as _;
use clap::CommandFactory;
use clap_complete::Shell;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell: bash, zsh, fish, powershell or elvish
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Prints the completion script for a shell.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "vsm", &mut out);
    let mut script = String::from_utf8_lossy(&out).into_owned();
    if args.shell == Shell::Fish {
        script.push_str(&fish_explain_rules());
    }
    print(&script)?;
    Ok(ExitCode::SUCCESS)
}

/// clap's fish script completes positional arguments with files only: `vsm explain` gets
/// the rule codes and names here.
fn fish_explain_rules() -> String {
    let quoted = |text: &str| text.replace('\\', "\\\\").replace('\'', "\\'");
    crate::catalog::RULES
        .iter()
        .flat_map(|rule| [rule.code, rule.name].map(|word| (word, rule.summary)))
        .map(|(word, summary)| {
            format!(
                "complete -c vsm -n \"__fish_vsm_using_subcommand explain\" -f -a '{}' -d '{}'\n",
                quoted(word),
                quoted(summary)
            )
        })
        .collect()
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write vsm.1 and one page per subcommand (vsm-check.1, ...) into this folder instead of
    /// printing vsm.1
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

/// The date of this version, shown in the man pages' title line.
const RELEASE_DATE: &str = "2026-11-29";

/// Renders one man page: clap's sections, then EXIT STATUS, ENVIRONMENT, FILES and EXAMPLES,
/// cleaned so that `mandoc -T lint` and `groff -ww` have nothing to say.
fn page(command: clap::Command) -> anyhow::Result<Vec<u8>> {
    let name = command.get_name().to_string();
    let mut out = Vec::new();
    clap_mangen::Man::new(command)
        .date(RELEASE_DATE)
        .source(format!("vsm {}", env!("CARGO_PKG_VERSION")))
        .manual("vsm manual")
        .render(&mut out)
        .context("cannot render the man page")?;
    let rendered = String::from_utf8_lossy(&out);
    let extra = extra_sections(&name);
    let page = match rendered.find("\n.SH VERSION") {
        Some(at) => format!("{}\n{}{}", &rendered[..at], extra, &rendered[at + 1..]),
        None => format!("{rendered}{extra}"),
    };
    Ok(lint_clean(&page).into_bytes())
}

/// The sections clap does not write: what the exit codes mean, the environment and files
/// `vsm` reads, and examples. `name` is the page's command (`vsm`, `check`, ...).
fn extra_sections(name: &str) -> String {
    use clap_mangen::roff::{bold, roman, Roff};
    let mut roff = Roff::default();
    let subcommand = match name {
        "vsm" => "",
        sub => sub.strip_prefix("vsm-").unwrap_or(sub),
    };
    roff.control("SH", ["EXIT STATUS"]);
    let codes: &[(&str, &str)] = match subcommand {
        "check" | "" => &[
            ("0", "no finding at or above the fail level (--fail-on, else fail_on of vsm.yaml, else error)"),
            ("1", "findings at or above the fail level"),
            ("2", "vsm could not do its job: a bad flag or config, a path that cannot be read, an output that cannot be written"),
        ],
        "report" | "table" | "heatmap" | "graph" => &[
            ("0", "the output was written, findings or not"),
            ("1", "a model file is not readable as YAML: its findings are printed on standard error"),
            ("2", "a bad flag or config, a path that cannot be read, an output that cannot be written"),
        ],
        "diff" => &[
            ("0", "no semantic change, or changes without --exit-code"),
            ("1", "changes with --exit-code, or a --fail-on gate hit (new-findings, value-lost)"),
            ("2", "vsm could not do its job: a bad flag or config, a revision git does not know, a side that does not load"),
        ],
        "impact" => &[
            ("0", "the impact was written, findings or not"),
            ("1", "a model file is not readable as YAML: its findings are printed on standard error"),
            ("2", "an ID no element has, or that elements of several kinds have (pass --kind), a bad flag or config, a path that cannot be read, an output that cannot be written"),
        ],
        _ => &[("0", "success"), ("2", "a bad flag, or an output that cannot be written")],
    };
    for (code, meaning) in codes {
        roff.control("TP", []);
        roff.text([bold(*code)]);
        roff.text([roman(*meaning)]);
    }
    roff.control("SH", ["ENVIRONMENT"]);
    for (variable, meaning) in [
        (
            "NO_COLOR",
            "when set and not empty, --color auto writes no colour",
        ),
        (
            "CLICOLOR_FORCE",
            "when set and not 0, --color auto colours output that is not a terminal",
        ),
        ("CLICOLOR", "when 0, --color auto writes no colour"),
        (
            "COLUMNS",
            "the width of tables and wrapped text when standard output is not a terminal",
        ),
    ] {
        roff.control("TP", []);
        roff.text([bold(variable)]);
        roff.text([roman(meaning)]);
    }
    roff.control("SH", ["FILES"]);
    roff.control("TP", []);
    roff.text([bold("vsm.yaml")]);
    roff.text([roman(
        "the configuration (paths, exclude, fail_on, rules, report), found in the checked \
         folder or above it, up to the repository root; --config names another",
    )]);
    roff.control("TP", []);
    roff.text([bold("*.yaml, *.yml")]);
    roff.text([roman("the model files under the paths given")]);
    roff.control("SH", ["EXAMPLES"]);
    let examples: &[&str] = match subcommand {
        "" => &[
            "vsm check models",
            "vsm report models -o report.html",
            "vsm explain VSM101",
        ],
        "check" => &[
            "vsm check models --fail-on warning",
            "vsm check --format github --output-format sarif=vsm.sarif",
            "vsm check --write-baseline vsm-baseline.json",
        ],
        "report" => &[
            "vsm report models -o report.html",
            "vsm report models -o report.md",
        ],
        "table" => &[
            "vsm table --view matrix",
            "vsm table --view capabilities -o capabilities.csv",
        ],
        "heatmap" => &["vsm heatmap --by risk", "vsm heatmap -o heatmap.svg"],
        "graph" => &["vsm graph --stream complaint-handling -o flow.mmd"],
        "diff" => &[
            "vsm diff main HEAD",
            "vsm diff --since origin/main --fail-on value-lost",
            "vsm diff origin/main HEAD --format md -o diff.md",
        ],
        "impact" => &[
            "vsm impact customer-management",
            "vsm impact customer --kind stakeholder --format md",
            "vsm impact inbound-call/connect -o connect.json",
        ],
        "explain" => &["vsm explain", "vsm explain no-value-item"],
        "init" => &["vsm init my-models"],
        "schema" => &["vsm schema -o vsm.schema.json"],
        "completions" => &["vsm completions bash > /etc/bash_completion.d/vsm"],
        "man" => &["vsm man --out-dir /usr/local/share/man/man1"],
        "import" => &[
            "vsm import archimate model.xml -o models",
            "vsm import csv --capabilities capabilities.csv -o models/capabilities.yaml",
        ],
        "export" => &["vsm export archimate models -o model.xml"],
        _ => &[],
    };
    for example in examples {
        roff.control("TP", []);
        roff.text([roman(*example)]);
    }
    roff.to_roff()
}

/// Output `mandoc -T lint` and `groff -ww` accept: every character that is not ASCII written
/// as a roff escape (`\[u2212]`), and no `.br` beside a paragraph break (clap_mangen writes
/// both around lists of values).
fn lint_clean(page: &str) -> String {
    let lines: Vec<&str> = page.lines().collect();
    let mut out = String::with_capacity(page.len());
    let mut in_preamble = true;
    for (i, line) in lines.iter().enumerate() {
        let is_break = |j: Option<usize>| {
            j.and_then(|j| lines.get(j))
                .is_some_and(|l| l.is_empty() || *l == ".sp")
        };
        if *line == ".br" && (is_break(i.checked_sub(1)) || is_break(Some(i + 1))) {
            continue;
        }
        // The preamble roff writes in front of every fragment belongs at the top only.
        if !in_preamble && (line.starts_with(".ie \\n(.g") || line.starts_with(".el .ds Aq")) {
            continue;
        }
        if line.starts_with(".TH") {
            in_preamble = false;
        }
        for c in line.chars() {
            if c.is_ascii() {
                out.push(c);
            } else {
                out.push_str(&format!("\\[u{:04X}]", u32::from(c)));
            }
        }
        out.push('\n');
    }
    out
}

/// Prints the man page (roff), or writes every page into a folder.
pub fn run_man(args: ManArgs) -> anyhow::Result<ExitCode> {
    let mut command = Cli::command();
    command.build();
    match &args.out_dir {
        None => print(&String::from_utf8_lossy(&page(command)?))?,
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create the folder `{}`", dir.display()))?;
            crate::atomic::write(&dir.join("vsm.1"), &page(command.clone())?)?;
            for sub in command.get_subcommands() {
                // `build` named them `vsm-check`, ... (the page title and file name).
                let name = sub
                    .get_display_name()
                    .map(str::to_string)
                    .unwrap_or_else(|| format!("vsm-{}", sub.get_name()));
                crate::atomic::write(&dir.join(format!("{name}.1")), &page(sub.clone())?)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_ascii_with_the_sections_people_look_for() {
        let mut command = Cli::command();
        command.build();
        let check = command
            .get_subcommands()
            .find(|c| c.get_name() == "check")
            .unwrap()
            .clone();
        let page = String::from_utf8(page(check).unwrap()).unwrap();
        assert!(page.is_ascii(), "non-ASCII characters are escaped");
        for section in [
            ".SH \"EXIT STATUS\"",
            ".SH ENVIRONMENT",
            ".SH FILES",
            ".SH EXAMPLES",
        ] {
            assert!(page.contains(section), "{section}");
        }
        assert_eq!(page.matches(".ie \\n(.g").count(), 1, "one preamble");
        assert!(!page.contains(".br\n\n") && !page.contains("\n\n.br"));
        assert!(page.contains("vsm check models \\-\\-fail\\-on warning"));
    }

    #[test]
    fn lint_clean_escapes_and_drops_breaks_beside_paragraphs() {
        let cleaned = lint_clean(
            ".TH x 1\ntarget \u{2212} current\n.br\n\n.br\nVSM001\u{2013}VSM008\n.br\nnext\n",
        );
        assert_eq!(
            cleaned,
            ".TH x 1\ntarget \\[u2212] current\n\nVSM001\\[u2013]VSM008\n.br\nnext\n"
        );
    }
}
