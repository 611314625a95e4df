//! `vsm check --watch` through the real binary: a change to a model file or to vsm.yaml is
//! checked again, a terminal is cleared before each run, Ctrl-C (SIGINT) ends it cleanly with
//! exit code 130, and a reader that went away ends it with 0.
//! Deterministic: the tests wait for output lines (with a timeout), never for a time.
#![allow(clippy::disallowed_macros)] // a skipped test says why

mod common;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(60);

/// A running `vsm check --watch --format concise` and the lines it printed so far.
struct Watch {
    child: Child,
    lines: Receiver<String>,
    /// Everything the process writes to stderr, once it has ended.
    stderr: Option<std::thread::JoinHandle<String>>,
}

impl Watch {
    fn start(dir: &Path) -> Watch {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("vsm"))
            .args(["check", "--watch", "--format", "concise"])
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .env_remove("VSM_LANG")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
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
        let mut stderr = child.stderr.take().unwrap();
        let stderr = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        });
        Watch {
            child,
            lines,
            stderr: Some(stderr),
        }
    }

    /// The lines up to and including the first one containing `text`.
    fn wait_for(&self, text: &str) -> Vec<String> {
        let mut seen = Vec::new();
        loop {
            match self.lines.recv_timeout(TIMEOUT) {
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
    }

    /// Sends SIGINT, as Ctrl-C on a terminal does, and waits (at most `TIMEOUT`) for the end:
    /// its exit status, the stdout lines printed after the signal, and all of stderr.
    #[cfg(unix)]
    fn interrupt(mut self) -> (ExitStatus, Vec<String>, String) {
        // The POSIX `kill` utility: no crate for one signal in one test.
        let sent = Command::new("kill")
            .args(["-s", "INT", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success(), "kill -s INT failed: {sent}");
        let started = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > TIMEOUT {
                self.child.kill().unwrap();
                panic!("still running {TIMEOUT:?} after SIGINT");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        // Stdout is closed once the process is gone: the rest of its lines, then the end.
        let mut after = Vec::new();
        loop {
            match self.lines.recv_timeout(TIMEOUT) {
                Ok(line) => after.push(line),
                Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => panic!("stdout still open after the exit"),
            }
        }
        let stderr = self.stderr.take().unwrap().join().unwrap();
        (status, after, stderr)
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn a_change_is_checked_again() {
    let dir = common::model_dir(&[("model.yaml", common::CLEAN)]);
    let model = dir.path().join("model.yaml");
    let watch = Watch::start(dir.path());
    // The clean model: no finding, then the status line of the first run.
    let first = watch.wait_for("run 1 done");
    assert_eq!(first.len(), 1, "{first:?}");
    // A reference to a capability that does not exist: the second run reports it.
    let broken = common::CLEAN.replace("[call-routing]", "[call-routng]");
    std::fs::write(&model, broken).unwrap();
    let second = watch.wait_for("run 2 done");
    assert!(
        second.iter().any(|l| l.starts_with("model.yaml:")
            && l.contains("[VSM006] unknown capability `call-routng`")),
        "{second:?}"
    );
}

#[test]
fn a_change_to_the_config_is_checked_again() {
    let dir = common::model_dir(&[("model.yaml", common::CLEAN), ("vsm.yaml", "paths: [.]\n")]);
    let watch = Watch::start(dir.path());
    let first = watch.wait_for("run 1 done");
    assert_eq!(first.len(), 1, "{first:?}");
    // missing-description is off by default; switched on, it finds the five elements of the
    // clean model that have no description: 2 stakeholders, 1 stream, 1 stage, 1 capability.
    std::fs::write(
        dir.path().join("vsm.yaml"),
        "paths: [.]\nrules:\n  missing-description: info\n",
    )
    .unwrap();
    let second = watch.wait_for("run 2 done");
    let described = second
        .iter()
        .filter(|l| l.contains("[VSM207]"))
        .collect::<Vec<_>>();
    assert_eq!(described.len(), 5, "{second:?}");
}

#[cfg(unix)]
#[test]
fn ctrl_c_ends_it_with_130_and_nothing_after_the_status_line() {
    let dir = common::model_dir(&[("model.yaml", common::CLEAN)]);
    let watch = Watch::start(dir.path());
    let first = watch.wait_for("run 1 done");
    assert_eq!(
        first,
        ["vsm check --watch: run 1 done; waiting for changes (Ctrl-C stops)"]
    );
    let (status, after, stderr) = watch.interrupt();
    // Exit 130 (128 + SIGINT), as the shell reports a run stopped by Ctrl-C: a script
    // running the watch stops too; not a signal death, and not 0.
    assert_eq!(status.code(), Some(130), "{status:?}");
    assert!(after.is_empty(), "stdout after the signal: {after:?}");
    assert_eq!(stderr, "", "stderr");
    // Nothing left behind in the model folder either.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".git", "model.yaml"]);
}

#[test]
fn a_reader_gone_ends_the_watch() {
    let dir = common::model_dir(&[("model.yaml", common::CLEAN)]);
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("vsm"))
        .args(["check", "--watch", "--format", "concise"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read the first run's line, then close the pipe, as `vsm check --watch | head -1` does.
    let stdout = child.stdout.take().unwrap();
    let (send, first) = channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = send.send(line);
    });
    let line = first.recv_timeout(TIMEOUT).expect("the first run's line");
    assert!(line.contains("run 1 done"), "{line:?}");
    // The next run finds nobody to print to, and the watch ends (0: nothing went wrong).
    let broken = common::CLEAN.replace("[call-routing]", "[call-routng]");
    std::fs::write(dir.path().join("model.yaml"), broken).unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            child.kill().unwrap();
            panic!("still watching {TIMEOUT:?} after its reader went away");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0), "{status:?}");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(stderr, "");
}

/// On a terminal each run clears the screen first, and Ctrl-C typed at the terminal (the
/// terminal turns `\x03` into SIGINT) ends the watch with 130. The terminal is util-linux's
/// `script`; the test says so and passes when it is not installed.
#[cfg(target_os = "linux")]
#[test]
fn on_a_terminal_each_run_redraws_and_ctrl_c_ends_it() {
    use std::io::Write;
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: util-linux `script` is not installed");
        return;
    }
    let dir = common::model_dir(&[("model.yaml", common::CLEAN)]);
    let vsm = assert_cmd::cargo::cargo_bin("vsm");
    let command = format!("'{}' check --watch --format concise", vsm.display());
    let mut child = Command::new("script")
        .args(["-q", "-f", "-e", "-c", &command, "/dev/null"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let (send, chunks) = channel();
    std::thread::spawn(move || {
        let mut buffer = [0; 4096];
        while let Ok(n @ 1..) = stdout.read(&mut buffer) {
            if send.send(buffer[..n].to_vec()).is_err() {
                return;
            }
        }
    });
    let mut screen = Vec::new();
    let mut wait_for = |text: &str| -> String {
        loop {
            let seen = String::from_utf8_lossy(&screen).into_owned();
            if seen.contains(text) {
                return seen;
            }
            match chunks.recv_timeout(TIMEOUT) {
                Ok(chunk) => screen.extend(chunk),
                Err(e) => panic!("waiting for `{text}`: {e}; saw {seen:?}"),
            }
        }
    };
    const CLEAR: &str = "\x1b[2J\x1b[3J\x1b[H";
    let first = wait_for("run 1 done");
    assert!(first.starts_with(CLEAR), "{first:?}");
    std::fs::write(
        dir.path().join("model.yaml"),
        common::CLEAN.replace("[call-routing]", "[call-routng]"),
    )
    .unwrap();
    let second = wait_for("run 2 done");
    // The second run starts with a clear of its own, after the first run's line.
    let run2 = &second[second.find("run 1 done").unwrap()..];
    assert!(run2.contains(CLEAR), "{second:?}");
    assert!(
        run2.contains("unknown capability `call-routng`"),
        "{second:?}"
    );
    // Ctrl-C as typed.
    stdin.write_all(b"\x03").unwrap();
    stdin.flush().unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            child.kill().unwrap();
            panic!("still running {TIMEOUT:?} after Ctrl-C");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    // `script -e` exits with the status of the command it ran.
    assert_eq!(status.code(), Some(130), "{status:?}");
}
