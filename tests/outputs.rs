//! Outputs a person reads: the format follows the file it is written to, and what does not
//! fit stops `vsm` before anything is written.
#![allow(clippy::disallowed_macros)] // a test may print what it skipped

use serde_json::Value;

mod common;
use common::{root, vsm};

/// Runs `vsm ARGS -o DIR/FILE` on the example model; returns the exit code, stderr and the
/// file's text (`None` when no file was written).
fn write(args: &[&str], file: &str) -> (i32, String, Option<String>) {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join(file);
    let output = vsm(root())
        .args(args)
        .arg("models/customer-service")
        .arg("-o")
        .arg(&target)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        std::fs::read_to_string(&target).ok(),
    )
}

#[test]
fn the_extension_of_the_output_file_picks_the_format() {
    let (code, _, svg) = write(&["heatmap"], "map.svg");
    assert_eq!(code, 0);
    let svg = svg.unwrap();
    roxmltree::Document::parse(&svg).expect("heatmap -o map.svg writes well-formed SVG");
    assert!(svg.contains("<svg"), "{svg}");

    let (code, _, html) = write(&["heatmap"], "map.HTML");
    assert_eq!(code, 0);
    assert!(html.unwrap().starts_with("<!DOCTYPE html>"));

    let (code, _, md) = write(&["heatmap"], "map.md");
    assert_eq!(code, 0);
    assert!(md.unwrap().starts_with("## Capability heat map"));

    let (code, _, csv) = write(&["table", "--view", "capabilities"], "caps.csv");
    assert_eq!(code, 0);
    let csv = csv.unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert!(reader.headers().unwrap().len() > 3, "{csv}");
    assert!(reader.records().count() > 10, "one row per capability");

    let (code, _, json) = write(&["table"], "mapping.json");
    assert_eq!(code, 0);
    let _: Value = serde_json::from_str(&json.unwrap()).expect("table -o x.json writes JSON");

    let (code, _, dot) = write(&["graph"], "flow.gv");
    assert_eq!(code, 0);
    assert!(dot.unwrap().starts_with("digraph"));

    let (code, _, mermaid) = write(&["graph"], "flow.mmd");
    assert_eq!(code, 0);
    assert!(mermaid.unwrap().starts_with("flowchart"));

    // An extension no format claims keeps the default: the terminal table as text.
    let (code, _, text) = write(&["table", "--color", "always"], "table.txt");
    assert_eq!(code, 0);
    let text = text.unwrap();
    assert!(!text.contains('\u{1b}'), "no colour in a file");
    assert!(text.contains("Stage"), "{text}");
}

#[test]
fn a_format_that_contradicts_the_file_name_stops_before_writing() {
    for (args, file, message) in [
        (
            &["table", "--format", "md"][..],
            "t.csv",
            "--format md contradicts the file name",
        ),
        (
            &["heatmap", "--format", "term"][..],
            "map.svg",
            "which asks for svg",
        ),
        (
            &["graph", "--format", "mermaid"][..],
            "flow.dot",
            "which asks for dot",
        ),
        (
            &["report", "--format", "html"][..],
            "r.md",
            "which asks for md",
        ),
    ] {
        let (code, stderr, written) = write(args, file);
        assert_eq!(code, 2, "{args:?} -o {file}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(written.is_none(), "{args:?}: nothing is written");
    }
    // The report still needs a format it can tell.
    let (code, stderr, _) = write(&["report"], "r.txt");
    assert_eq!(code, 2);
    assert!(
        stderr.contains("cannot tell the report format from") && stderr.contains(".html or .md"),
        "{stderr}"
    );
}

/// `--color auto` follows NO_COLOR, CLICOLOR_FORCE and CLICOLOR as other terminal programs do;
/// the tests' output is a pipe, where colour is off unless forced.
#[test]
fn auto_colour_follows_the_shared_environment_conventions() {
    let dir = common::model_dir(&[("m.yaml", "stakeholders:\n  a: {name: A, colour: x}\n")]);
    let run = |env: &[(&str, &str)]| {
        let mut command = vsm(dir.path());
        command.args(["check", "--format", "human", "m.yaml"]);
        for name in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE"] {
            command.env_remove(name);
        }
        for (name, value) in env {
            command.env(name, value);
        }
        let output = command.output().unwrap();
        String::from_utf8_lossy(&output.stdout).contains('\u{1b}')
    };
    assert!(!run(&[]), "a pipe gets no colour");
    assert!(
        run(&[("CLICOLOR_FORCE", "1")]),
        "CLICOLOR_FORCE colours a pipe"
    );
    assert!(
        !run(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]),
        "NO_COLOR wins"
    );
    assert!(!run(&[("CLICOLOR", "0")]));
}

/// `--statistics` is never dropped: after the findings for human and concise output, on
/// stderr for the machine formats, whose standard output stays parseable.
#[test]
fn statistics_have_a_place_in_every_format() {
    let example = root().join("examples/VSM101-no-value-item");
    for format in ["human", "concise", "json", "sarif", "github", "junit"] {
        let output = vsm(&example)
            .args(["check", "--statistics", "--format", format, "bad.yaml"])
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        let line = "     1  VSM101  no-value-item";
        match format {
            "human" | "concise" => assert!(stdout.contains(line), "{format}: {stdout}"),
            _ => {
                assert!(stderr.contains(line), "{format}: {stderr}");
                assert!(
                    !stdout.contains(line),
                    "{format}: stdout stays machine-readable"
                );
            }
        }
        if format == "json" || format == "sarif" {
            let _: Value = serde_json::from_str(&stdout).expect("still JSON");
        }
    }
}

/// Every man page passes `mandoc -T lint` and `groff -ww` without a word. The linters come
/// from Debian's `mandoc` and `groff-base` (`.ci/run` installs them; under CI they must be
/// there, elsewhere the test says it skipped).
#[test]
fn man_pages_pass_mandoc_and_groff_lint() {
    let have = |tool: &str| {
        std::process::Command::new(tool)
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success() || !o.stdout.is_empty() || !o.stderr.is_empty())
    };
    if !have("mandoc") || !have("groff") {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install mandoc and groff"
        );
        eprintln!("skipped: mandoc or groff is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    vsm(dir.path())
        .args(["man", "--out-dir", "man"])
        .assert()
        .success();
    let mut pages = 0;
    for entry in std::fs::read_dir(dir.path().join("man")).unwrap() {
        let page = entry.unwrap().path();
        pages += 1;
        let lint = std::process::Command::new("mandoc")
            .args(["-T", "lint", "-W", "warning"])
            .arg(&page)
            .output()
            .unwrap();
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&lint.stdout),
            String::from_utf8_lossy(&lint.stderr)
        );
        assert!(said.trim().is_empty(), "{}: {said}", page.display());
        let groff = std::process::Command::new("groff")
            .args(["-ww", "-z", "-man"])
            .arg(&page)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&groff.stderr);
        assert!(said.trim().is_empty(), "{}: {said}", page.display());
        let text = std::fs::read_to_string(&page).unwrap();
        for section in ["EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES"] {
            assert!(text.contains(section), "{}: {section}", page.display());
        }
    }
    assert!(pages >= 10, "one page per command");
}

/// The completion scripts offer rule codes and names after `explain`, `--select` and
/// `--ignore`; the arguments still accept any spelling and answer a typo with "did you mean".
#[test]
fn shells_complete_rule_codes_and_names() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let output = vsm(dir.path())
            .args(["completions", shell])
            .output()
            .unwrap();
        let script = String::from_utf8_lossy(&output.stdout);
        for word in [
            "VSM101",
            "no-value-item",
            "VSM210",
            "focus-perception-uncovered",
        ] {
            // explain, --select and --ignore: at least three places name each rule.
            assert!(
                script.matches(word).count() >= 3,
                "{shell}: {word} offered {} times",
                script.matches(word).count()
            );
        }
    }
    vsm(dir.path())
        .args(["explain", "vsm101"])
        .assert()
        .success();
    let output = vsm(dir.path())
        .args(["check", "--ignore", "no-value-items", "."])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("did you mean `no-value-item`?"));
}

/// An error that quotes a path or an argument escapes its control characters: a file name
/// cannot write to the clipboard (OSC 52) or clear the terminal through vsm's stderr.
#[test]
fn errors_escape_what_they_quote() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = "x\u{1b}]52;c;aGk=\u{7}\u{1b}[2J.yaml";
    let output = vsm(dir.path()).args(["check", hostile]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
    assert!(
        stderr.contains("x\\u{1b}]52;c;aGk=\\u{7}\\u{1b}[2J.yaml"),
        "{stderr}"
    );
}

/// The JSON summary counts the YAML files that were not read as models, as the human
/// summary line does.
#[test]
fn the_json_summary_counts_skipped_yaml_files() {
    let dir = common::model_dir(&[
        ("model.yaml", common::CLEAN),
        (
            "docker-compose.yml",
            "services:\n  web:\n    image: nginx\n",
        ),
        (".gitlab-ci.yml", "test:\n  script: [make]\n"),
    ]);
    let json = common::check_json(dir.path(), &["."]);
    // `.gitlab-ci.yml` is hidden, so the walker does not even look at it.
    assert_eq!(json["summary"]["skipped"], 1, "{json}");
    assert_eq!(json["summary"]["files"], 1, "{json}");
}

/// A control character earlier on the line is shown escaped (longer) in the snippet, but the
/// human header still gives the column of the file as read, as concise output does.
#[test]
fn the_human_header_counts_columns_in_the_file_as_read() {
    let dir = common::model_dir(&[(
        "m.yaml",
        "stakeholders:\n  a: {name: \"x\u{1b}[2Jy\", colour: 1}\n",
    )]);
    let run = |format: &str| {
        let output = vsm(dir.path())
            .args(["check", "--color", "never", "--format", format, "m.yaml"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    assert!(run("concise").contains("m.yaml:2:23: error[VSM002]"));
    let human = run("human");
    assert!(human.contains("[m.yaml:2:23]"), "{human}");
    assert!(!human.contains('\u{1b}'), "the snippet is escaped");
}

/// Outputs never replace what the run read: a model file, by any spelling or through a link,
/// is refused with exit 2 and stays as it was.
#[test]
fn an_output_that_is_an_input_is_refused() {
    let dir = common::model_dir(&[("m/model.yaml", common::CLEAN)]);
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("m/model.yaml"), dir.path().join("link.md"))
        .unwrap();
    let mut attempts: Vec<Vec<&str>> = vec![
        vec!["report", "m", "--format", "md", "-o", "m/model.yaml"],
        vec!["table", "m", "-o", "./m/../m/model.yaml"],
        vec!["check", "m", "--write-baseline", "m/model.yaml"],
        vec!["check", "m", "--output-format", "json=m/model.yaml"],
    ];
    if cfg!(unix) {
        attempts.push(vec!["report", "m", "-o", "link.md"]);
    }
    for args in attempts {
        let output = vsm(dir.path()).args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("one of the files this run read"),
            "{args:?}: {stderr}"
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("m/model.yaml")).unwrap(),
            common::CLEAN,
            "{args:?}"
        );
    }
}

/// A device is written to, never replaced by a regular file (as root, a rename would).
#[cfg(unix)]
#[test]
fn writing_to_a_device_leaves_the_device() {
    use std::os::unix::fs::FileTypeExt;
    vsm(root())
        .args(["table", "models/customer-service", "-o", "/dev/null"])
        .assert()
        .success();
    let meta = std::fs::metadata("/dev/null").unwrap();
    assert!(meta.file_type().is_char_device());
}

/// Inputs that are not regular files are refused at once: a baseline from `/dev/zero` would
/// read until memory runs out, one from a FIFO would wait forever.
#[cfg(unix)]
#[test]
fn a_baseline_that_is_not_a_regular_file_is_refused_at_once() {
    let dir = common::model_dir(&[("model.yaml", common::CLEAN)]);
    let fifo = dir.path().join("fifo.json");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    for baseline in ["/dev/zero", fifo.to_str().unwrap()] {
        let output = vsm(dir.path())
            .args(["check", "model.yaml", "--baseline", baseline])
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{baseline}: {stderr}");
        assert!(
            stderr.contains("not a regular file"),
            "{baseline}: {stderr}"
        );
    }
}

/// A full or closed output stream is not a panic (exit 101): the exit codes stay 0, 1 or 2.
#[cfg(target_os = "linux")]
#[test]
fn a_full_stream_keeps_the_documented_exit_codes() {
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    // The error message itself cannot be written: still exit 2.
    let bare = || {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_vsm"));
        command.current_dir(root());
        command
    };
    let output = bare()
        .args([
            "check",
            "--select",
            "no-such-rule",
            "models/customer-service",
        ])
        .stderr(std::process::Stdio::from(full()))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    // Findings cannot be written to stdout, nor the error to stderr.
    let output = bare()
        .args(["explain"])
        .stdout(std::process::Stdio::from(full()))
        .stderr(std::process::Stdio::from(full()))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

/// SIGINT, the real signal to the real binary, while `-o` is being written: the temporary
/// file goes, and the target keeps its old text or holds the whole new one, never a part.
///
/// No timing is guessed: the test watches the folder, freezes `vsm` (SIGSTOP) as soon as its
/// temporary file shows, and only interrupts it if the file is still there, that is while
/// the output is being written; then it lets it go on (SIGCONT). A run that got past the
/// rename before it was frozen is tried again with twice the output.
#[cfg(unix)]
#[test]
fn an_interrupted_write_leaves_no_temporary_file_and_an_untouched_target() {
    use std::process::{Command, Stdio};
    let signal = |name: &str, pid: u32| {
        let sent = Command::new("kill")
            .args([name, &pid.to_string()])
            .status()
            .unwrap();
        assert!(sent.success(), "kill {name} {pid}");
    };
    let temporaries = |dir: &std::path::Path| -> Vec<std::path::PathBuf> {
        std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(".vsm-tmp-")
            })
            .collect()
    };
    let dir = common::model_dir(&[]);
    let run = |out: &str| {
        Command::new(env!("CARGO_BIN_EXE_vsm"))
            .current_dir(dir.path())
            .args(["table", "--view", "mapping", "--format", "csv", "-o", out])
            .arg("model.yaml")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    // 200 stages using one capability with a long name: the mapping table repeats the name
    // on each stage's row, so 0.5 MB of model make 100 MB of CSV at the last size.
    for repeat in [10_000, 20_000, 40_000] {
        let mut model = String::from("stakeholders:\n  c: {name: C}\nvalue_streams:\n  s:\n    name: S\n    trigger: c\n    stages:\n");
        for g in 0..200 {
            model.push_str(&format!("      g{g}: {{name: G, stakeholders: [c], entry_conditions: [a], exit_conditions: [b], value_items: [v], capabilities: [x]}}\n"));
        }
        model.push_str(&format!(
            "capabilities:\n  x: {{name: \"{}\", level: 1}}\n",
            "Call routing ".repeat(repeat)
        ));
        std::fs::write(dir.path().join("model.yaml"), model).unwrap();
        let whole_run = run("whole.csv").wait().unwrap();
        assert!(whole_run.success());
        let whole = std::fs::read(dir.path().join("whole.csv")).unwrap();
        let target = dir.path().join("out.csv");
        std::fs::write(&target, "old\n").unwrap();

        let mut child = run("out.csv");
        let frozen = loop {
            if let Some(temporary) = temporaries(dir.path()).pop() {
                signal("-STOP", child.id());
                break Some(temporary);
            }
            if child.try_wait().unwrap().is_some() {
                break None;
            }
            std::thread::yield_now();
        };
        let interrupted = match frozen {
            Some(temporary) if temporary.exists() => {
                signal("-INT", child.id());
                true
            }
            _ => false,
        };
        signal("-CONT", child.id());
        let status = child.wait().unwrap();

        assert_eq!(temporaries(dir.path()), Vec::<std::path::PathBuf>::new());
        let now = std::fs::read(&target).unwrap();
        assert!(
            now == b"old\n" || now == whole,
            "the target holds {} bytes: neither the old text nor the whole output ({} bytes)",
            now.len(),
            whole.len()
        );
        if interrupted {
            // Interrupted mid-write: `vsm` exits as a process stopped by SIGINT reports (130),
            // unless it finished the file before the handler ran (then it is whole).
            assert!(
                status.code() == Some(130) || (status.success() && now == whole),
                "{status:?}"
            );
            return;
        }
        assert!(status.success(), "{status:?}");
    }
    panic!("vsm renamed its output before it could be frozen, even at 100 MB");
}
