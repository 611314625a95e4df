//! The floor for `vsm check`: only parse the model files with the YAML parser `vsm` uses,
//! on one thread, discarding the events. `scripts/bench.sh` compares `vsm check` with it.
//!
//! Usage: `cargo run --release --example parse_floor -- PATH...` (files or folders).
#![allow(clippy::disallowed_macros)] // a developer tool: it may print as it likes

use std::path::PathBuf;

fn main() {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        eprintln!("usage: parse_floor PATH...");
        std::process::exit(2);
    }
    let mut files = Vec::new();
    for path in paths {
        for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
            let entry = entry.expect("readable folder");
            let is_yaml = matches!(
                entry.path().extension().and_then(|e| e.to_str()),
                Some("yaml" | "yml")
            );
            if entry.file_type().is_file() && is_yaml {
                files.push(entry.into_path());
            }
        }
    }
    let (mut bytes, mut events) = (0usize, 0usize);
    for file in &files {
        let text = std::fs::read_to_string(file).expect("UTF-8 file");
        bytes += text.len();
        for event in saphyr_parser::Parser::new_from_str(&text) {
            if event.is_err() {
                break;
            }
            events += 1;
        }
    }
    eprintln!(
        "parsed {} files, {bytes} bytes, {events} events",
        files.len()
    );
}
