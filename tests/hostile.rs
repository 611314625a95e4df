//! The hostile-input corpus in `tests/hostile/`: broken and malicious models run through the
//! real binary. Every case must end in bounded time without a panic, with exactly the findings
//! its `expected.txt` lists (each one placed inside its file), or with exit code 2 and the
//! listed message.
//!
//! A case is a folder holding one of
//! - `input.yaml`: one model file, checked as `vsm check input.yaml`;
//! - `input/`: a folder of files, checked as `vsm check input`;
//! - `generate`: the name of a generator below, for inputs that must be made at test time
//!   (a 10 MB scalar, 10,000-deep nesting, an alias bomb, symbolic link loops, ...);
//!
//! and optionally `args` (the paths to check instead of the default, whitespace-separated) and
//! `vsm.yaml` (then the run picks it up as its config; otherwise an empty config is passed).
//!
//! `expected.txt`, after `#` comment lines:
//! - `CODE LINE:COL` (in the single input file) or `CODE FILE:LINE:COL`: one finding each; the
//!   findings must be exactly these. Text after ` # ` is a note (the message, for readers).
//! - `count CODE N`: N findings of CODE, places not listed (for generated inputs with thousands
//!   of findings); with count lines, no finding of another code may appear.
//! - `exit 2: TEXT`: `vsm` stops with exit code 2 and TEXT in its error output (one line each).
//! - `stderr: TEXT`: the run prints TEXT on stderr (a warning); otherwise stderr must be empty.
//!
//! `HOSTILE_BLESS=1 cargo test --test hostile` rewrites every `expected.txt` from the actual
//! output (keeping its comments), to review with `git diff`.
#![allow(clippy::disallowed_macros)] // a test may print what it skipped

use serde_json::Value;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod common;

/// Each run is killed after this: it catches a hang, not slowness (speed is measured by the
/// benchmarks). The slowest case takes about 4 s in a debug build on an idle 2-core machine, so
/// the bound leaves room for a machine busy with other builds.
const TIMEOUT: Duration = Duration::from_secs(30);

fn corpus_dir() -> PathBuf {
    common::root().join("tests/hostile")
}

fn cases() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}

// ----- generators -----------------------------------------------------------------------------

const BASE: &str = "stakeholders:
  customer: {name: Customer, type: external}
  agent: {name: Agent, type: internal}
value_streams:
  enquiry:
    name: Resolve an enquiry
    trigger: customer
    stages:
      connect:
        name: Connect
        stakeholders: [customer, agent]
        entry_conditions: [The customer calls]
        exit_conditions: [An agent answers]
        value_items: [No waiting]
        capabilities: [routing]
capabilities:
  routing: {name: Call routing, level: 1}
";

fn is_root() -> bool {
    // The effective uid, without a libc dependency: /proc/self/status has `Uid: real effective ...`.
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .and_then(|l| l.split_whitespace().nth(2).map(|uid| uid == "0"))
        })
        .unwrap_or(false)
}

/// Makes the input of a generated case in `dir`; `Err` is a reason to skip the case.
fn generate(name: &str, dir: &Path) -> Result<(), String> {
    let write = |file: &str, text: &[u8]| {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    match name {
        "big-scalar" => {
            let mut text = String::from(BASE);
            text.push_str("model:\n  description: ");
            text.push_str(&"0123456789 abcdefghij ".repeat(10 * 1024 * 1024 / 22));
            text.push('\n');
            write("input.yaml", text.as_bytes());
        }
        "long-line" => {
            let mut text = String::from("stakeholders: {");
            for i in 0..50_000 {
                if i > 0 {
                    text.push_str(", ");
                }
                write!(text, "s{i}: {{name: S, colour: red}}").unwrap();
            }
            text.push_str("}\n");
            write("input.yaml", text.as_bytes());
        }
        "deep-flow" => {
            let text = format!("{}{}\n", "[".repeat(10_000), "]".repeat(10_000));
            write("input.yaml", text.as_bytes());
        }
        "deep-block" => {
            let text = format!("{}x\n", "- ".repeat(10_000));
            write("input.yaml", text.as_bytes());
        }
        "deep-map" => {
            let text = format!("{}x{}\n", "{a: ".repeat(10_000), "}".repeat(10_000));
            write("input.yaml", text.as_bytes());
        }
        "alias-bomb" => {
            let mut text = String::from("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
            let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
            for pair in names.windows(2) {
                let items = vec![format!("*{}", pair[0]); 10].join(",");
                writeln!(text, "{0}: &{0} [{items}]", pair[1]).unwrap();
            }
            write("input.yaml", text.as_bytes());
        }
        "alias-bomb-documents" => {
            // 100 documents, each just under a per-document budget: a bomb all the same.
            let mut text = String::new();
            for _ in 0..100 {
                text.push_str("---\nstakeholders:\n  a: {name: A, allow: &a [");
                text.push_str(&vec!["x"; 1000].join(", "));
                text.push_str("]}\n  b: {name: B, allow: [");
                text.push_str(&vec!["*a"; 20].join(", "));
                text.push_str("]}\n");
            }
            write("input.yaml", text.as_bytes());
        }
        "merge-bomb" => {
            let mut text = String::from("stakeholders:\n  m0: &m0 {name: M, k0: x}\n");
            for i in 1..40 {
                let p = i - 1;
                writeln!(text, "  m{i}: &m{i} {{<<: [*m{p}, *m{p}], k{i}: x}}").unwrap();
            }
            write("input.yaml", text.as_bytes());
        }
        "alias-text-bomb" => {
            let mut text = format!("stakeholders:\n  a: {{name: &x {}}}\n", "y".repeat(1 << 20));
            for i in 0..2_000 {
                writeln!(text, "  s{i}: {{name: S, type: *x}}").unwrap();
            }
            write("input.yaml", text.as_bytes());
        }
        "wide-line" => {
            let text = format!(
                "stakeholders: {{a: {{name: {}}}, b: {{name: B, colour: red}}}}\n",
                "x".repeat(70_000)
            );
            write("input.yaml", text.as_bytes());
        }
        "merge-chain" => {
            // Each mapping merges the one before it: 700 levels, just inside the alias budget.
            let mut text = String::from("stakeholders:\n  m0: &m0 {name: M, k0: x}\n");
            for i in 1..700 {
                writeln!(text, "  m{i}: &m{i} {{<<: *m{}, k{i}: x}}", i - 1).unwrap();
            }
            write("input.yaml", text.as_bytes());
        }
        "parent-chain" => {
            let mut text = String::from("capabilities:\n  c0: {name: C, level: 1}\n");
            for i in 1..10_000 {
                writeln!(text, "  c{i}: {{name: C, parent: c{}}}", i - 1).unwrap();
            }
            write("input.yaml", text.as_bytes());
        }
        "stage-chain" => {
            let mut text = String::from(
                "stakeholders:\n  t: {name: T}\nvalue_streams:\n  s:\n    name: S\n    trigger: t\n    stages:\n",
            );
            for i in 0..10_000 {
                writeln!(
                    text,
                    "      g{i}: {{name: G, stakeholders: [t], entry_conditions: [a], exit_conditions: [b], value_items: [v], next: [g{}]}}",
                    i + 1
                )
                .unwrap();
            }
            text.push_str("      g10000: {name: G, stakeholders: [t], entry_conditions: [a], exit_conditions: [b], value_items: [v], next: [g0]}\n");
            write("input.yaml", text.as_bytes());
        }
        "commitment-chain" => {
            let mut text = String::from("stakeholders:\n  o: {name: O}\ncommitments:\n");
            for i in 0..10_000 {
                writeln!(
                    text,
                    "  k{i}: {{name: K, owner: o, target: \"<= 1h\", parts: [k{}]}}",
                    i + 1
                )
                .unwrap();
            }
            text.push_str("  k10000: {name: K, owner: o, target: \"<= 2h\"}\n");
            write("input.yaml", text.as_bytes());
        }
        "many-files" => {
            for i in 0..2_000 {
                let text = format!("stakeholders:\n  s{i}: {{name: S}}\n");
                write(&format!("input/part-{i:04}.yaml"), text.as_bytes());
            }
        }
        "fifo" => {
            write("input/model.yaml", BASE.as_bytes());
            let made = std::process::Command::new("mkfifo")
                .arg(dir.join("input/pipe.yaml"))
                .status()
                .map_err(|e| format!("mkfifo is not available: {e}"))?;
            if !made.success() {
                return Err("mkfifo failed".into());
            }
        }
        "many-keys" => {
            let mut text = String::from("stakeholders:\n");
            for i in 0..100_000 {
                writeln!(text, "  s{i}: {{name: S}}").unwrap();
            }
            write("input.yaml", text.as_bytes());
        }
        "many-duplicates" => {
            let text = format!("stakeholders:\n{}", "  same: {name: S}\n".repeat(20_000));
            write("input.yaml", text.as_bytes());
        }
        "many-unresolved" => {
            // BASE ends in `capabilities:`: 2,000 more capabilities nothing uses, then a process
            // listing 2,000 capabilities that do not exist (each gets a did-you-mean search).
            let mut text = String::from(BASE);
            for i in 0..2_000 {
                writeln!(text, "  c{i:04}: {{name: C}}").unwrap();
            }
            text.push_str("processes:\n  p:\n    name: P\n    owner: agent\n    capabilities:\n");
            for i in 0..2_000 {
                writeln!(text, "      - x{i:04}").unwrap();
            }
            write("input.yaml", text.as_bytes());
        }
        "symlink-loop" => {
            write("input/model.yaml", BASE.as_bytes());
            std::fs::create_dir_all(dir.join("input/sub")).unwrap();
            symlink("..", &dir.join("input/sub/loop"))?;
        }
        "symlink-self" => symlink("input.yaml", &dir.join("input.yaml"))?,
        "symlink-outside" => {
            // A link in the model folder to a file outside it holding a secret: skipped.
            write("input/a.yaml", BASE.as_bytes());
            write(
                "outside/secret.yaml",
                b"stakeholders: {a: {name: TOKEN-0123456789}}\n",
            );
            symlink("../outside/secret.yaml", &dir.join("input/env.yaml"))?;
            symlink("../outside", &dir.join("input/more"))?;
            // A link that stays inside the folder is still followed.
            write("input/sub/b.yaml", b"stakeholders: {b: {name: B}}\n");
            symlink("sub/b.yaml", &dir.join("input/c.yaml"))?;
        }
        "long-id-typo" => {
            // A 20,000-character id and a reference to it with one letter wrong: the
            // did-you-mean search compares them (quadratic in the length, it took seconds).
            let id = "a".repeat(20_000);
            let typo = format!("{}b{}", &id[..10_000], &id[10_001..]);
            let mut text = String::from(BASE);
            writeln!(text, "  ? {id}\n  : {{name: Long, level: 1}}").unwrap();
            text.push_str("processes:\n  p:\n    name: P\n    owner: agent\n    capabilities:\n");
            writeln!(text, "      - {typo}").unwrap();
            write("input.yaml", text.as_bytes());
        }
        "stacked-suppressions" => {
            // 20,000 suppression comments above one key: each covers that key's line.
            let mut text = String::from("stakeholders:\n");
            text.push_str(&"  # vsm: ignore[VSM101]\n".repeat(20_000));
            text.push_str("  a: {name: A}\n");
            write("input.yaml", text.as_bytes());
        }
        "dangling-symlink" => {
            write("input/a.yaml", BASE.as_bytes());
            symlink("missing.yaml", &dir.join("input/b.yaml"))?;
        }
        "unreadable" => {
            if is_root() {
                return Err("running as root, who can read any file: chmod 000 cannot make an unreadable file".into());
            }
            write("input.yaml", BASE.as_bytes());
            set_mode(&dir.join("input.yaml"), 0o000)?;
        }
        "proc-mem" => {
            // Unreadable even for root: reading a process's memory file at offset 0 fails.
            if !Path::new("/proc/self/mem").exists() {
                return Err("no /proc/self/mem on this system".into());
            }
        }
        "random-bytes" => {
            let mut state: u64 = 0x2545_F491_4F6C_DD1D;
            let bytes: Vec<u8> = (0..1 << 20)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    (state >> 24) as u8
                })
                .collect();
            write("input.yaml", &bytes);
        }
        other => panic!("unknown generator `{other}`"),
    }
    Ok(())
}

#[cfg(unix)]
fn symlink(target: &str, link: &Path) -> Result<(), String> {
    std::os::unix::fs::symlink(target, link)
        .map_err(|e| format!("cannot make a symbolic link: {e}"))
}

#[cfg(not(unix))]
fn symlink(_: &str, _: &Path) -> Result<(), String> {
    Err("symbolic links are made on Unix only".into())
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).map_err(|e| e.to_string())
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32) -> Result<(), String> {
    Err("file modes are set on Unix only".into())
}

// ----- expectations -----------------------------------------------------------------------------

#[derive(Debug, Default)]
struct Expected {
    comments: Vec<String>,
    /// (code, file, line, column)
    findings: Vec<(String, String, u64, u64)>,
    counts: Vec<(String, usize)>,
    exit2: Vec<String>,
    stderr: Vec<String>,
}

fn parse_expected(text: &str, default_file: &str) -> Expected {
    let mut e = Expected::default();
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if line.starts_with('#') {
            e.comments.push(raw.to_string());
        } else if let Some(message) = line.strip_prefix("exit 2:") {
            e.exit2.push(message.trim().to_string());
        } else if let Some(message) = line.strip_prefix("stderr:") {
            e.stderr.push(message.trim().to_string());
        } else if let Some(rest) = line.strip_prefix("count ") {
            let (code, n) = rest.split_once(' ').expect("count CODE N");
            e.counts
                .push((code.to_string(), n.trim().parse().expect("a count")));
        } else {
            let entry = line.split(" #").next().unwrap().trim();
            let (code, place) = entry
                .split_once(' ')
                .unwrap_or_else(|| panic!("bad line `{raw}`"));
            let mut parts = place.trim().rsplitn(3, ':');
            let column = parts
                .next()
                .unwrap()
                .parse()
                .unwrap_or_else(|_| panic!("bad line `{raw}`"));
            let line_no = parts
                .next()
                .unwrap()
                .parse()
                .unwrap_or_else(|_| panic!("bad line `{raw}`"));
            let file = parts.next().unwrap_or(default_file).to_string();
            e.findings.push((code.to_string(), file, line_no, column));
        }
    }
    e
}

// ----- running a case ------------------------------------------------------------------------------

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

fn run(dir: &Path, args: &[String], config: Option<&Path>, format: &str) -> Run {
    let mut cmd = common::vsm(dir);
    cmd.args(["check", "--format", format, "--color", "never"])
        .timeout(TIMEOUT);
    if let Some(config) = config {
        cmd.arg("--config").arg(config);
    }
    cmd.args(args);
    let started = Instant::now();
    let output = cmd.output().unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        elapsed: started.elapsed(),
    }
}

/// The text `vsm` sees for a file: lossy UTF-8 without a BOM.
fn file_text(dir: &Path, file: &str) -> Option<String> {
    let bytes = std::fs::read(dir.join(file)).ok()?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    Some(String::from_utf8_lossy(bytes).into_owned())
}

/// Characters per line of a file, counted once (cases have up to 50,000 findings).
struct Widths(Vec<u64>);

impl Widths {
    fn of(text: &str) -> Self {
        Widths(text.split('\n').map(|l| l.chars().count() as u64).collect())
    }

    /// Checks that `line:column` lies inside the file (one past the end of a line counts).
    fn inside(&self, line: u64, column: u64) -> Result<(), String> {
        if line == 0 || column == 0 || line as usize > self.0.len() {
            return Err(format!(
                "{line}:{column} is outside the file of {} lines",
                self.0.len()
            ));
        }
        let chars = self.0[line as usize - 1];
        if column > chars + 1 {
            return Err(format!(
                "{line}:{column} is past the end of that line ({chars} characters)"
            ));
        }
        Ok(())
    }
}

fn widths_of<'c>(
    cache: &'c mut HashMap<String, Option<Widths>>,
    dir: &Path,
    file: &str,
) -> Option<&'c Widths> {
    cache
        .entry(file.to_string())
        .or_insert_with(|| file_text(dir, file).map(|t| Widths::of(&t)))
        .as_ref()
}

struct Outcome {
    name: String,
    elapsed: Duration,
    problems: Vec<String>,
    skipped: Option<String>,
}

/// Runs `case` with `--format json` and checks everything `expected.txt` says.
fn check_case(case: &Path, bless: bool) -> Outcome {
    check_case_in(case, bless, "json")
}

/// Prepares `case` (generating its input if needed), runs it in `format` and checks it.
fn check_case_in(case: &Path, bless: bool, format: &str) -> Outcome {
    let name = case.file_name().unwrap().to_string_lossy().into_owned();
    let mut outcome = Outcome {
        name: name.clone(),
        elapsed: Duration::ZERO,
        problems: Vec::new(),
        skipped: None,
    };
    let scratch = tempfile::tempdir().unwrap();
    let empty_config = scratch.path().join("empty-config.yaml");
    std::fs::write(&empty_config, "").unwrap();

    // Where to run, and on what.
    let work = if case.join("generate").exists() {
        let generator = std::fs::read_to_string(case.join("generate")).unwrap();
        let dir = scratch.path().join("case");
        std::fs::create_dir_all(&dir).unwrap();
        if let Err(why) = generate(generator.trim(), &dir) {
            outcome.skipped = Some(why);
            return outcome;
        }
        dir
    } else {
        case.to_path_buf()
    };
    let args: Vec<String> = match std::fs::read_to_string(case.join("args")) {
        Ok(text) => text.split_whitespace().map(str::to_string).collect(),
        Err(_) if work.join("input").is_dir() => vec!["input".into()],
        Err(_) => vec!["input.yaml".into()],
    };
    let config = (!case.join("vsm.yaml").exists()).then_some(empty_config.as_path());
    let result = run(&work, &args, config, format);
    outcome.elapsed = result.elapsed;
    let mut problem = |p: String| outcome.problems.push(p);

    let Some(code) = result.code else {
        problem(format!("killed after {:?} (a hang?)", result.elapsed));
        return outcome;
    };
    if result.stderr.contains("panicked") || code == 101 {
        problem(format!("panicked:\n{}", result.stderr));
        return outcome;
    }
    if !(0..=2).contains(&code) {
        problem(format!("exit code {code}; stderr: {}", result.stderr));
        return outcome;
    }

    if format != "json" {
        // Other formats: the same verdict, no panic, and output that is not absurdly large.
        let expected = std::fs::read_to_string(case.join("expected.txt")).unwrap_or_default();
        let wants_exit2 = expected.lines().any(|l| l.starts_with("exit 2:"));
        if wants_exit2 != (code == 2) {
            problem(format!(
                "--format {format}: exit code {code}; stderr: {}",
                result.stderr
            ));
        }
        return outcome;
    }

    let expected_path = case.join("expected.txt");
    let expected_text = std::fs::read_to_string(&expected_path).unwrap_or_default();
    let default_file = args.first().cloned().unwrap_or_default();
    let expected = parse_expected(&expected_text, &default_file);

    // The actual findings (none when the run stopped with exit 2).
    let mut actual: Vec<(String, String, u64, u64, String, String)> = Vec::new();
    if code != 2 {
        let json: Value = match serde_json::from_str(&result.stdout) {
            Ok(json) => json,
            Err(e) => {
                problem(format!("stdout is not JSON ({e}): {}", result.stdout));
                return outcome;
            }
        };
        let mut any_error = false;
        let mut cache: HashMap<String, Option<Widths>> = HashMap::new();
        for f in json["findings"].as_array().unwrap() {
            let file = f["file"].as_str().unwrap().to_string();
            let code = f["code"].as_str().unwrap().to_string();
            let message = f["message"].as_str().unwrap_or_default().to_string();
            any_error |= f["severity"] == "error";
            let places = [
                (f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap()),
                (
                    f["end_line"].as_u64().unwrap(),
                    f["end_column"].as_u64().unwrap(),
                ),
            ];
            for label in f["labels"].as_array().into_iter().flatten() {
                let label_file = label["file"].as_str().unwrap();
                let place = (
                    label["line"].as_u64().unwrap(),
                    label["column"].as_u64().unwrap(),
                );
                match widths_of(&mut cache, &work, label_file).map(|w| w.inside(place.0, place.1)) {
                    None => problem(format!(
                        "{code} label names `{label_file}`, which cannot be read"
                    )),
                    Some(Err(why)) => problem(format!("{code} label in {label_file}: {why}")),
                    Some(Ok(())) => {}
                }
            }
            let Some(file_widths) = widths_of(&mut cache, &work, &file) else {
                problem(format!("{code} names `{file}`, which cannot be read"));
                continue;
            };
            for (line, column) in places {
                if let Err(why) = file_widths.inside(line, column) {
                    problem(format!("{code} {file}: {why} ({message})"));
                }
            }
            if message.trim().is_empty() {
                problem(format!(
                    "{code} at {file}:{}:{} has no message",
                    places[0].0, places[0].1
                ));
            }
            if message.chars().any(|c| c.is_control()) {
                problem(format!(
                    "{code} message holds a control character: {message:?}"
                ));
            }
            actual.push((
                code,
                file,
                places[0].0,
                places[0].1,
                message,
                f["severity"].as_str().unwrap_or_default().to_string(),
            ));
        }
        if i32::from(any_error) != code {
            problem(format!(
                "exit code {code}, but errors among the findings: {any_error}"
            ));
        }
    }

    if bless {
        let mut text = String::new();
        for comment in &expected.comments {
            writeln!(text, "{comment}").unwrap();
        }
        if code == 2 {
            let first = result.stderr.lines().next().unwrap_or_default();
            writeln!(
                text,
                "exit 2: {}",
                first.strip_prefix("error: ").unwrap_or(first)
            )
            .unwrap();
            for line in result.stderr.lines().skip(1) {
                writeln!(text, "exit 2: {line}").unwrap();
            }
        } else if actual.len() > 40 {
            let mut codes: Vec<&str> = actual.iter().map(|a| a.0.as_str()).collect();
            codes.sort();
            codes.dedup();
            for c in codes {
                writeln!(
                    text,
                    "count {c} {}",
                    actual.iter().filter(|a| a.0 == c).count()
                )
                .unwrap();
            }
        } else {
            for (c, file, line, column, message, severity) in &actual {
                let place = if *file == default_file {
                    format!("{line}:{column}")
                } else {
                    format!("{file}:{line}:{column}")
                };
                writeln!(text, "{c} {place}  # {severity}: {message}").unwrap();
            }
        }
        for line in result.stderr.lines().filter(|_| code != 2) {
            writeln!(text, "stderr: {line}").unwrap();
        }
        std::fs::write(&expected_path, text).unwrap();
        return outcome;
    }

    if !expected.exit2.is_empty() {
        if code != 2 {
            problem(format!("expected exit 2, got {code}: {}", result.stdout));
        }
        for message in &expected.exit2 {
            if !result.stderr.contains(message.as_str()) {
                problem(format!("stderr lacks `{message}`: {}", result.stderr));
            }
        }
        return outcome;
    }
    if code == 2 {
        problem(format!("unexpected exit 2: {}", result.stderr));
        return outcome;
    }
    for message in &expected.stderr {
        if !result.stderr.contains(message.as_str()) {
            problem(format!("stderr lacks `{message}`: {}", result.stderr));
        }
    }
    if expected.stderr.is_empty() && !result.stderr.is_empty() {
        problem(format!("unexpected stderr: {}", result.stderr));
    }
    if expected.counts.is_empty() {
        let mut want = expected.findings.clone();
        let mut got: Vec<_> = actual
            .iter()
            .map(|a| (a.0.clone(), a.1.clone(), a.2, a.3))
            .collect();
        want.sort();
        got.sort();
        if want != got {
            let missing: Vec<_> = want.iter().filter(|w| !got.contains(w)).collect();
            let extra: Vec<_> = actual
                .iter()
                .filter(|a| !want.contains(&(a.0.clone(), a.1.clone(), a.2, a.3)))
                .collect();
            problem(format!(
                "findings differ\n  missing: {missing:?}\n  unexpected: {extra:?}"
            ));
        }
    } else {
        for (c, n) in &expected.counts {
            let got = actual.iter().filter(|a| a.0 == *c).count();
            if got != *n {
                problem(format!("expected {n} findings of {c}, got {got}"));
            }
        }
        for a in &actual {
            if !expected.counts.iter().any(|(c, _)| *c == a.0) {
                problem(format!(
                    "unexpected finding {} {}:{}:{} {}",
                    a.0, a.1, a.2, a.3, a.4
                ));
                break;
            }
        }
        for w in &expected.findings {
            if !actual
                .iter()
                .any(|a| (&a.0, &a.1, a.2, a.3) == (&w.0, &w.1, w.2, w.3))
            {
                problem(format!("missing finding {w:?}"));
            }
        }
    }
    outcome
}

#[test]
fn hostile_corpus() {
    let bless = std::env::var_os("HOSTILE_BLESS").is_some();
    let cases = cases();
    assert!(
        cases.len() >= 60,
        "the corpus has {} cases, fewer than 60",
        cases.len()
    );
    let mut failures = Vec::new();
    let mut timings = Vec::new();
    for case in &cases {
        let outcome = check_case(case, bless);
        if let Some(why) = &outcome.skipped {
            println!("skipped {}: {why}", outcome.name);
            continue;
        }
        timings.push((outcome.elapsed, outcome.name.clone()));
        if !outcome.problems.is_empty() {
            failures.push(format!(
                "{}:\n  {}",
                outcome.name,
                outcome.problems.join("\n  ")
            ));
        }
    }
    timings.sort();
    println!(
        "{} cases; slowest runs (debug or release, whichever was built):",
        cases.len()
    );
    for (elapsed, name) in timings.iter().rev().take(12) {
        println!("  {:>8.3} s  {name}", elapsed.as_secs_f64());
    }
    for name in [
        "alias-bomb",
        "deep-nesting-flow",
        "deep-nesting-block",
        "deep-nesting-mapping",
    ] {
        if let Some((elapsed, _)) = timings.iter().find(|(_, n)| n == name) {
            println!("  {name}: {:.3} s", elapsed.as_secs_f64());
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// The other output formats on the same corpus: no panic, no hang, the same verdict. (The
/// human renderer once panicked on a finding past column 65,535 and took findings × file size:
/// `wide-line`, `long-line-many-findings` and `many-duplicate-keys` guard that.)
#[test]
fn hostile_corpus_in_concise_and_human_output() {
    if std::env::var_os("HOSTILE_BLESS").is_some() {
        return;
    }
    let mut failures = Vec::new();
    for case in cases() {
        for format in ["concise", "human"] {
            let outcome = check_case_in(&case, false, format);
            if !outcome.problems.is_empty() {
                failures.push(format!(
                    "{} (--format {format}):\n  {}",
                    outcome.name,
                    outcome.problems.join("\n  ")
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
