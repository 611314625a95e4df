//! In-process benchmarks of each pipeline step on a generated model.
//!
//! `cargo bench --bench pipeline` generates a model with `scripts/gen_model.py` (seeded, so
//! every run measures the same input; `VSM_BENCH_STREAMS` sets its size, default 500 streams
//! ≈ 4 MB) and times the bare parse (the floor), parse + tree, load, and load + check.
//! Whole-process figures (wall time, MB/s, peak memory, start-up) come from
//! `scripts/bench.sh`; see docs/performance.md.
#![allow(clippy::disallowed_macros)] // a developer tool: it may print as it likes

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn model_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let streams: usize = std::env::var("VSM_BENCH_STREAMS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(500);
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = root.join(format!("target/bench-models/divan-{streams}"));
        if !dir.join("capabilities.yaml").exists() {
            let status = std::process::Command::new("python3")
                .arg(root.join("scripts/gen_model.py"))
                .args([
                    "--streams",
                    &streams.to_string(),
                    "--files",
                    &(streams / 50).max(1).to_string(),
                    "--force",
                    "--out",
                ])
                .arg(&dir)
                .status()
                .expect("python3 runs the model generator");
            assert!(status.success(), "model generation failed");
        }
        dir
    })
}

fn texts() -> &'static Vec<String> {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        walkdir::WalkDir::new(model_dir())
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
            .map(|e| std::fs::read_to_string(e.path()).unwrap())
            .collect()
    })
}

fn bytes() -> u64 {
    texts().iter().map(|t| t.len() as u64).sum()
}

#[divan::bench(sample_count = 10)]
fn parse_floor(bencher: divan::Bencher) {
    bencher
        .counter(divan::counter::BytesCount::new(bytes()))
        .bench(|| {
            let mut events = 0usize;
            for text in texts() {
                events += saphyr_parser::Parser::new_from_str(text).count();
            }
            events
        });
}

#[divan::bench(sample_count = 10)]
fn yaml_tree(bencher: divan::Bencher) {
    bencher
        .counter(divan::counter::BytesCount::new(bytes()))
        .bench(|| {
            texts()
                .iter()
                .map(|t| vsm::yaml::parse(t).map(|d| d.len()).unwrap_or(0))
                .sum::<usize>()
        });
}

#[divan::bench(sample_count = 10)]
fn load(bencher: divan::Bencher) {
    let paths = vec![model_dir().clone()];
    bencher
        .counter(divan::counter::BytesCount::new(bytes()))
        .bench(|| {
            vsm::load::load(&paths, &vsm::load::Filter::default())
                .unwrap()
                .model
                .stage_count()
        });
}

#[divan::bench(sample_count = 10)]
fn load_and_check(bencher: divan::Bencher) {
    let paths = vec![model_dir().clone()];
    bencher
        .counter(divan::counter::BytesCount::new(bytes()))
        .bench(|| {
            let loaded = vsm::load::load(&paths, &vsm::load::Filter::default()).unwrap();
            vsm::check::findings(&loaded, &Default::default())
                .findings
                .len()
        });
}
