//! `vsm check --watch` through the real binary: a change to a model file is checked again.
//! Deterministic: the test waits for output lines (with a timeout), never for a time.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc::channel;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(60);

#[test]
fn a_change_is_checked_again() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("model.yaml");
    std::fs::write(&model, common::CLEAN).unwrap();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("vsm"))
        .args(["check", "--watch", "--format", "concise"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (send, lines) = channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if send.send(line).is_err() {
                return;
            }
        }
    });
    let wait_for = |text: &str| -> Vec<String> {
        let mut seen = Vec::new();
        loop {
            match lines.recv_timeout(TIMEOUT) {
                Ok(line) => {
                    let done = line.contains(text);
                    seen.push(line);
                    if done {
                        return seen;
                    }
                }
                Err(e) => panic!("waiting for `{text}`: {e}; saw {seen:?}"),
            }
        }
    };
    // The clean model: no finding, then the status line of the first run.
    let first = wait_for("run 1 done");
    assert_eq!(first.len(), 1, "{first:?}");
    // A reference to a capability that does not exist: the second run reports it.
    let broken = common::CLEAN.replace("[call-routing]", "[call-routng]");
    std::fs::write(&model, broken).unwrap();
    let second = wait_for("run 2 done");
    assert!(
        second.iter().any(|l| l.starts_with("model.yaml:")
            && l.contains("[VSM006] unknown capability `call-routng`")),
        "{second:?}"
    );
    child.kill().unwrap();
    child.wait().unwrap();
}
