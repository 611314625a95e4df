//! A structure-aware fuzzer for the loader that runs on the stable toolchain.
//!
//! It mutates the YAML files of the repository (the example models, the rule examples and the
//! hostile corpus) with YAML tokens, our field names, indentation changes, truncation, random
//! unicode and splices between files, and runs every result through the whole pipeline: load
//! (`vsm::load::load_text`, and now and then the file-based `vsm::load::load`), check, and the
//! human, concise and JSON renderers. A panic, a finding placed outside its file, or one input
//! taking longer than the hang limit is a crash: the input is saved to `target/fuzz-crashes/`.
//!
//! ```text
//! cargo run --release --example fuzz_loader -- --minutes 10
//! cargo run --release --example fuzz_loader -- --replay target/fuzz-crashes/panic-….yaml
//! ```
//!
//! See `docs/fuzzing.md`.
#![allow(clippy::disallowed_macros)] // a developer tool: it may print as it likes

use std::collections::HashSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

// ----- options -----------------------------------------------------------------------------

struct Options {
    duration: Duration,
    seed: u64,
    threads: usize,
    hang: Duration,
    corpus: Vec<PathBuf>,
    out: PathBuf,
    replay: Vec<PathBuf>,
}

fn usage() -> ! {
    eprintln!(
        "usage: fuzz_loader [--minutes N | --seconds N] [--seed N] [--threads N] \
         [--hang-seconds N] [--corpus DIR]... [--out DIR] [--replay FILE]..."
    );
    std::process::exit(2)
}

fn options() -> Options {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut o = Options {
        duration: Duration::from_secs(60),
        seed: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1),
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        hang: Duration::from_secs(10),
        corpus: Vec::new(),
        out: root.join("target/fuzz-crashes"),
        replay: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match arg.as_str() {
            "--minutes" => {
                o.duration = Duration::from_secs_f64(value().parse::<f64>().unwrap() * 60.0)
            }
            "--seconds" => o.duration = Duration::from_secs_f64(value().parse().unwrap()),
            "--seed" => o.seed = value().parse().unwrap(),
            "--threads" => o.threads = value().parse::<usize>().unwrap().max(1),
            "--hang-seconds" => o.hang = Duration::from_secs_f64(value().parse().unwrap()),
            "--corpus" => o.corpus.push(value().into()),
            "--out" => o.out = value().into(),
            "--replay" => o.replay.push(value().into()),
            _ => usage(),
        }
    }
    if o.corpus.is_empty() {
        for dir in ["models", "examples", "tests/hostile"] {
            o.corpus.push(root.join(dir));
        }
    }
    o
}

// ----- random numbers ----------------------------------------------------------------------

/// xoshiro256** seeded by splitmix64: small, fast and reproducible from one seed.
struct Rng([u64; 4]);

impl Rng {
    fn new(mut seed: u64) -> Self {
        let mut next = || {
            seed = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = seed;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Rng([next(), next(), next(), next()])
    }

    fn next(&mut self) -> u64 {
        let s = &mut self.0;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }
}

// ----- mutations ---------------------------------------------------------------------------

const TOKENS: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    ": ",
    ":",
    "- ",
    "-",
    ", ",
    "? ",
    "&a ",
    "&b ",
    "*a",
    "*b",
    "&a [x, *a]",
    "<<: *a",
    "<<: [*a, *b]",
    "<<: ",
    "!!binary ",
    "!!str ",
    "!!int ",
    "!!map ",
    "!!seq ",
    "!!null ",
    "!!float ",
    "!custom ",
    "!<tag:x> ",
    "!e!x ",
    "%YAML 1.2\n",
    "%TAG !e! tag:x,\n",
    "%名字 x\n",
    "---\n",
    "--- ",
    "...\n",
    "\"",
    "'",
    "|",
    "|-",
    ">",
    ">+2",
    "#",
    " # c",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\u{FEFF}",
    "\0",
    "\u{7}",
    "\u{85}",
    "\u{2028}",
    "~",
    "null",
    ".nan",
    ".NaN",
    ".inf",
    "-.inf",
    "1e309",
    "-0",
    "0x",
    "0xFFFFFFFFFFFFFFFFFF",
    "0o777",
    "00",
    "99999999999999999999999",
    "-9223372036854775809",
    "9223372036854775807",
    "1.5d",
    "<= 2d",
    ">= 90%",
    "3 min",
    "1d 12h",
    "=",
    "%",
    "\\",
    "\\u",
    "\"\\x\"",
    "\"\\uD800\"",
    "'it''s'",
    "名字",
    "客服中心",
    "😀",
    "👩‍👩‍👧",
    "\u{301}",
    "\u{200B}",
    "\u{202E}",
    "ﷺ",
    "𝔘",
    "a/b",
    "a b",
    "#id",
    "",
    " ",
    "  ",
    "    ",
];

/// Every key the format knows (from the vocabulary the loader reads with), plus a merge key, a
/// complex-key marker and an empty key.
static KEYS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    let mut keys = vsm::vocabulary::all_keys();
    keys.extend(["<<", "? ", ""]);
    keys
});

const VALUES: &[&str] = &[
    "x",
    "customer",
    "call-routing",
    "resolve-enquiry/connect",
    "resolve-enquiry/nowhere",
    "a/b/c",
    "/",
    "//",
    "[]",
    "{}",
    "[a, b]",
    "[[a]]",
    "{a: b}",
    "{name: x}",
    "[{name: x}]",
    "~",
    "null",
    "true",
    "false",
    "yes",
    "0",
    "1",
    "3",
    "5",
    "7",
    "-1",
    "256",
    "1.5",
    "3.2",
    ".nan",
    ".inf",
    "1e400",
    "99999999999999999999",
    "\"\"",
    "''",
    "\" \"",
    "\"x \"",
    "x ",
    "high",
    "critical",
    "automated",
    "sequential",
    "parallel",
    "internal",
    "30s",
    "3 min",
    "1d 12h",
    "0s",
    "-1h",
    "1e9w",
    "<= 2d",
    "\"<= 2d\"",
    "\">= 90%\"",
    "\"= 0\"",
    "\"< 1e308d\"",
    "[no-value-item]",
    "[VSM999]",
    "*a",
    "&a x",
    "!!binary aGVsbG8=",
    "!custom x",
    "|\n  block\n",
    ">\n  folded\n",
    "名字",
    "😀",
];

/// Random unicode: any scalar value, biased towards the interesting planes.
fn random_char(rng: &mut Rng) -> char {
    let code = match rng.below(6) {
        0 => rng.below(0x80) as u32,
        1 => 0x80 + rng.below(0x780) as u32,
        2 => 0x800 + rng.below(0xF800) as u32,
        3 => 0x10000 + rng.below(0x100000) as u32,
        4 => *rng.pick(&[
            0x0, 0x9, 0xA, 0xD, 0x85, 0xA0, 0x2028, 0x2029, 0xFEFF, 0xFFFD, 0x200D,
        ]),
        _ => 0x4E00 + rng.below(0x5000) as u32,
    };
    char::from_u32(code).unwrap_or('\u{FFFD}')
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn random_pos(rng: &mut Rng, text: &str) -> usize {
    floor_boundary(text, rng.below(text.len() + 1))
}

/// Byte range of the line holding byte `at`, without its line break.
fn line_at(text: &str, at: usize) -> (usize, usize) {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    (start, end)
}

fn lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// One mutation of `text`; `other` is another corpus entry to splice from.
fn mutate_once(rng: &mut Rng, text: &mut String, other: &str) {
    let at = random_pos(rng, text);
    match rng.below(20) {
        // A YAML token somewhere.
        0..=2 => text.insert_str(at, rng.word(TOKENS)),
        // A key of our format, as a new line at some indentation.
        3 | 4 => {
            let (start, _) = line_at(text, at);
            let indent = " ".repeat(rng.below(4) * 2);
            let line = format!("{indent}{}: {}\n", rng.word(&KEYS), rng.word(VALUES));
            text.insert_str(start, &line);
        }
        // Replace a value after `: ` (retype a field).
        5 | 6 => {
            let (start, end) = line_at(text, at);
            if let Some(colon) = text[start..end].find(": ") {
                let value_start = start + colon + 2;
                text.replace_range(value_start..end, rng.word(VALUES));
            }
        }
        // Rename a key (unknown field, duplicate key, wrong section).
        7 => {
            let (start, end) = line_at(text, at);
            if let Some(colon) = text[start..end].find(':') {
                let key_start =
                    start + text[start..end].len() - text[start..end].trim_start().len();
                let key_start = key_start.min(start + colon);
                text.replace_range(key_start..start + colon, rng.word(&KEYS));
            }
        }
        // Delete, duplicate or swap lines (delete/duplicate keys, break the structure).
        8..=10 => {
            let mut all: Vec<String> = lines(text).into_iter().map(str::to_string).collect();
            if all.is_empty() {
                return;
            }
            let i = rng.below(all.len());
            let j = rng.below(all.len());
            match rng.below(4) {
                0 => {
                    let count = 1 + rng.below(4);
                    all.drain(i..(i + count).min(all.len()));
                }
                1 => {
                    let line = all[i].clone();
                    all.insert(j, line);
                }
                2 => all.swap(i, j),
                _ => {
                    // Copy a block of lines elsewhere (duplicate a whole element).
                    let count = 1 + rng.below(8);
                    let block: Vec<String> = all[i..(i + count).min(all.len())].to_vec();
                    for (k, line) in block.into_iter().enumerate() {
                        all.insert((j + k).min(all.len()), line);
                    }
                }
            }
            *text = all.concat();
        }
        // Change a line's indentation.
        11 | 12 => {
            let (start, _) = line_at(text, at);
            if rng.chance(2) {
                let spaces = text[start..].bytes().take_while(|&b| b == b' ').count();
                let remove = rng.below(spaces + 1).min(3);
                text.replace_range(start..start + remove, "");
            } else {
                let pad = *rng.pick(&[" ", "  ", "   ", "\t", " \t"]);
                text.insert_str(start, pad);
            }
        }
        // Truncate.
        13 => text.truncate(at),
        // Random unicode.
        14 | 15 => {
            let count = 1 + rng.below(8);
            let s: String = (0..count).map(|_| random_char(rng)).collect();
            text.insert_str(at, &s);
        }
        // Delete a few characters.
        16 => {
            let end = floor_boundary(text, at + 1 + rng.below(16));
            text.replace_range(at..end, "");
        }
        // Splice a piece of another file.
        17 | 18 => {
            let a = random_pos(rng, other);
            let b = floor_boundary(other, a + rng.below(400));
            text.insert_str(at, &other[a..b]);
        }
        // Blow a piece up (long lines, many keys, big lists).
        _ => {
            let end = floor_boundary(text, at + rng.below(64));
            let piece = text[at..end].to_string();
            let most = if rng.chance(20) { 5000 } else { 50 };
            let times = 1 + rng.below(most);
            text.insert_str(at, &piece.repeat(times));
        }
    }
}

/// Inputs built from scratch: shapes the mutations rarely reach.
fn generated(rng: &mut Rng) -> String {
    let n = 1 + rng.below(3000);
    match rng.below(8) {
        0 => format!("{}x{}", "[".repeat(n), "]".repeat(rng.below(n + 1))),
        1 => format!("{}x", "- ".repeat(n)),
        2 => {
            let mut s = String::new();
            for i in 0..n.min(400) {
                s.push_str(&" ".repeat(i));
                s.push_str("a:\n");
            }
            s
        }
        3 => {
            let mut s = String::from("a: &a [x, x, x, x, x, x, x, x]\n");
            let mut prev = "a".to_string();
            for i in 0..(1 + rng.below(12)) {
                let name = format!("n{i}");
                let list = vec![format!("*{prev}"); 2 + rng.below(8)].join(", ");
                s.push_str(&format!("{name}: &{name} [{list}]\n"));
                prev = name;
            }
            s
        }
        4 => {
            let mut s = String::from("capabilities:\n");
            for i in 0..n {
                s.push_str(&format!(
                    "  c{}: {{name: C, parent: c{}}}\n",
                    i,
                    rng.below(n)
                ));
            }
            s
        }
        5 => {
            let mut s =
                String::from("value_streams:\n  s:\n    name: S\n    trigger: t\n    stages:\n");
            for i in 0..n.min(2000) {
                s.push_str(&format!(
                    "      g{i}: {{name: G, next: [g{}, g{}]}}\n",
                    rng.below(n),
                    rng.below(n)
                ));
            }
            s
        }
        6 => {
            let mut s = String::from("commitments:\n");
            for i in 0..n.min(2000) {
                s.push_str(&format!(
                    "  k{i}: {{name: K, target: \"<= {}h\", parts: [k{}, k{}], composition: {}}}\n",
                    rng.below(100),
                    rng.below(n),
                    rng.below(n),
                    if rng.chance(2) {
                        "parallel"
                    } else {
                        "sequential"
                    }
                ));
            }
            s
        }
        _ => {
            let mut s = String::from("stakeholders:\n");
            for _ in 0..n {
                s.push_str(&format!("  k{}: {{name: x}}\n", rng.below(n / 2 + 1)));
            }
            s
        }
    }
}

// ----- running one input --------------------------------------------------------------------

thread_local! {
    static PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// A problem found in one input.
struct Problem {
    kind: &'static str,
    message: String,
}

/// What one run produced, for the feedback: a rough signature of the findings.
fn signature(findings: &[vsm::diag::Finding]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut keys: Vec<(&str, String)> = findings
        .iter()
        .map(|f| (f.rule.code, message_shape(&f.message)))
        .collect();
    keys.sort();
    keys.dedup();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    keys.hash(&mut h);
    h.finish()
}

/// A message without the model's own text (quoted ids, values, numbers): what kind of
/// problem it is, so new inputs join the corpus only for new kinds of findings.
fn message_shape(message: &str) -> String {
    let mut out = String::new();
    let mut quoted = None;
    for c in message.chars() {
        match quoted {
            Some(q) if c == q => quoted = None,
            Some(_) => {}
            None if c == '`' || c == '"' => {
                quoted = Some(c);
                out.push('_');
            }
            None if !c.is_ascii_digit() => out.push(c),
            None => {}
        }
    }
    out
}

fn check_positions(loaded: &vsm::load::Loaded, findings: &[vsm::diag::Finding]) -> Option<String> {
    // Characters per line of every file, counted once.
    let widths: Vec<Vec<u32>> = loaded
        .sources
        .files
        .iter()
        .map(|f| {
            f.text
                .split('\n')
                .map(|l| l.chars().count() as u32)
                .collect()
        })
        .collect();
    for f in findings {
        let mut locs = vec![f.loc];
        locs.extend(f.labels.iter().map(|l| l.loc));
        for loc in locs {
            let Some(file) = loaded.sources.files.get(loc.file as usize) else {
                return Some(format!(
                    "{} points at file {} that does not exist",
                    f.rule.code, loc.file
                ));
            };
            let text = &file.text;
            if loc.span.start > loc.span.end || loc.span.end as usize > text.len() {
                return Some(format!(
                    "{} {:?} has a span outside the text of {} bytes: {}",
                    f.rule.code,
                    loc.span,
                    text.len(),
                    f.message
                ));
            }
            let (start, end) = loaded.sources.range(loc);
            let lines = &widths[loc.file as usize];
            for at in [start, end] {
                let chars = lines
                    .get((at.line as usize).wrapping_sub(1))
                    .copied()
                    .unwrap_or(0);
                if at.line == 0
                    || at.line as usize > lines.len()
                    || at.column == 0
                    || at.column > chars + 1
                {
                    return Some(format!(
                        "{} at {}:{} is outside the file ({} lines, that line {chars} chars): {}",
                        f.rule.code,
                        at.line,
                        at.column,
                        lines.len(),
                        f.message
                    ));
                }
            }
        }
    }
    None
}

/// Rendering tens of thousands of snippets would dominate the run: the fuzzer skips the human
/// format where findings × file size is large (its cost is linear; this only bounds the time
/// an input takes).
fn human_is_cheap(loaded: &vsm::load::Loaded, findings: &[vsm::diag::Finding]) -> bool {
    let bytes: usize = loaded.sources.files.iter().map(|f| f.text.len()).sum();
    findings.len().saturating_mul(bytes) < 20_000_000
}

/// A run's signature, or what went wrong: a broken invariant or a panic (its message was
/// caught by the panic hook).
fn as_problem(outcome: std::thread::Result<Result<u64, String>>) -> Result<u64, Problem> {
    match outcome {
        Ok(Ok(sig)) => Ok(sig),
        Ok(Err(message)) => Err(Problem {
            kind: "invariant",
            message,
        }),
        Err(_) => Err(Problem {
            kind: "panic",
            message: PANIC.with(|p| p.borrow_mut().take()).unwrap_or_default(),
        }),
    }
}

/// Loads, checks and renders `text`; returns the findings' signature or the problem.
fn run_one(text: &str) -> Result<u64, Problem> {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let loaded = vsm::load::load_text("model.yaml", text);
        let outcome = vsm::check::findings(&loaded, &Default::default());
        let summary = vsm::render::Summary::new(&loaded, &outcome.findings, Duration::ZERO);
        if human_is_cheap(&loaded, &outcome.findings) {
            let _ = vsm::render::human::render(
                &loaded.sources,
                &outcome.findings,
                false,
                100,
                vsm::i18n::Lang::En,
            );
        }
        let _ = vsm::render::concise::render(&loaded.sources, &outcome.findings);
        let json = vsm::render::json::render(&loaded.sources, &outcome.findings, &summary);
        if serde_json::from_str::<serde_json::Value>(&json).is_err() {
            return Err("the JSON output does not parse".to_string());
        }
        if let Some(problem) = check_positions(&loaded, &outcome.findings) {
            return Err(problem);
        }
        Ok(signature(&outcome.findings))
    }));
    as_problem(outcome)
}

// ----- the campaign ---------------------------------------------------------------------------

fn collect_corpus(dirs: &[PathBuf]) -> Vec<String> {
    let mut out = Vec::new();
    for dir in dirs {
        for entry in walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            let path = entry.path();
            let is_yaml = matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("yaml" | "yml")
            );
            if entry.file_type().is_file() && is_yaml {
                if let Ok(bytes) = std::fs::read(path) {
                    if bytes.len() <= 64 * 1024 {
                        out.push(String::from_utf8_lossy(&bytes).into_owned());
                    }
                }
            }
        }
    }
    if out.is_empty() {
        out.push("stakeholders:\n  a: {name: A}\n".into());
    }
    out
}

struct Shared {
    corpus: Mutex<Vec<String>>,
    seen: Mutex<HashSet<u64>>,
    execs: AtomicU64,
    crashes: AtomicU64,
    slowest_ms: AtomicU64,
    stop: AtomicBool,
    out: PathBuf,
    saved: Mutex<HashSet<String>>,
}

fn save(shared: &Shared, kind: &str, message: &str, input: &str) {
    use std::hash::{Hash, Hasher};
    // One file per distinct problem (the message without numbers), not per input.
    let key: String = format!("{kind}:{message}")
        .chars()
        .filter(|c| !c.is_ascii_digit())
        .collect();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    key.hash(&mut h);
    let name = format!("{kind}-{:016x}", h.finish());
    shared.crashes.fetch_add(1, Ordering::Relaxed);
    if !shared.saved.lock().unwrap().insert(name.clone()) {
        return;
    }
    let _ = std::fs::create_dir_all(&shared.out);
    let _ = std::fs::write(shared.out.join(format!("{name}.yaml")), input);
    let _ = std::fs::write(
        shared.out.join(format!("{name}.txt")),
        format!("{kind}: {message}\n"),
    );
    eprintln!(
        "\n!! {kind}: {message}\n   saved to {}",
        shared.out.join(format!("{name}.yaml")).display()
    );
}

/// Per worker: what it is running now, for the hang watchdog.
struct Slot {
    started: Mutex<Option<(Instant, String)>>,
}

fn worker(shared: Arc<Shared>, slot: Arc<Slot>, seed: u64) {
    let mut rng = Rng::new(seed);
    let scratch = tempfile::tempdir().unwrap();
    while !shared.stop.load(Ordering::Relaxed) {
        let (mut text, other) = {
            let corpus = shared.corpus.lock().unwrap();
            (rng.pick(&corpus).clone(), rng.pick(&corpus).clone())
        };
        if rng.chance(40) {
            text = generated(&mut rng);
        }
        let most = if rng.chance(4) { 16 } else { 4 };
        let rounds = 1 + rng.below(most);
        for _ in 0..rounds {
            mutate_once(&mut rng, &mut text, &other);
        }
        // Now and then through a real file, with a BOM or bytes that are not UTF-8.
        let via_file = rng.chance(50);
        let input = text.clone();
        *slot.started.lock().unwrap() = Some((Instant::now(), input.clone()));
        let result = if via_file {
            let mut bytes = input.clone().into_bytes();
            match rng.below(3) {
                0 => bytes.splice(0..0, [0xEF, 0xBB, 0xBF]).for_each(drop),
                1 => {
                    let at = rng.below(bytes.len() + 1);
                    bytes.insert(at, *rng.pick(&[0xFF, 0xC0, 0x80, 0xED, 0xF8]));
                }
                _ => {}
            }
            let text = String::from_utf8_lossy(&bytes).into_owned();
            run_file(&bytes, scratch.path()).map_err(|p| (p, text))
        } else {
            run_one(&input).map_err(|p| (p, input.clone()))
        };
        let took = slot
            .started
            .lock()
            .unwrap()
            .take()
            .map_or(Duration::ZERO, |(since, _)| since.elapsed());
        shared.execs.fetch_add(1, Ordering::Relaxed);
        // Keep the slowest input seen (over a second) to look for super-linear work.
        let took_ms = took.as_millis() as u64;
        if took_ms > 1000 && took_ms > shared.slowest_ms.fetch_max(took_ms, Ordering::Relaxed) {
            let _ = std::fs::create_dir_all(&shared.out);
            let _ = std::fs::write(shared.out.join("slowest.yaml"), &input);
            let _ = std::fs::write(
                shared.out.join("slowest.txt"),
                format!("{took:?} for {} bytes\n", input.len()),
            );
        }
        match result {
            Ok(sig) => {
                if input.len() <= 256 * 1024 && shared.seen.lock().unwrap().insert(sig) {
                    let mut corpus = shared.corpus.lock().unwrap();
                    if corpus.len() < 20_000 {
                        corpus.push(input);
                    }
                }
            }
            Err((problem, saved)) => save(&shared, problem.kind, &problem.message, &saved),
        }
    }
}

/// The file route: raw bytes on disk through `vsm::load::load`.
fn run_file(bytes: &[u8], dir: &Path) -> Result<u64, Problem> {
    let path = dir.join("model.yaml");
    std::fs::write(&path, bytes).unwrap();
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let loaded = vsm::load::load(std::slice::from_ref(&path), &vsm::load::Filter::default())
            .map_err(|e| format!("load error on a readable file: {e}"))?;
        let outcome = vsm::check::findings(&loaded, &Default::default());
        if human_is_cheap(&loaded, &outcome.findings) {
            let _ = vsm::render::human::render(
                &loaded.sources,
                &outcome.findings,
                false,
                100,
                vsm::i18n::Lang::En,
            );
        }
        if let Some(problem) = check_positions(&loaded, &outcome.findings) {
            return Err(problem);
        }
        Ok(signature(&outcome.findings))
    }));
    as_problem(outcome)
}

fn main() {
    let o = options();
    std::panic::set_hook(Box::new(|info| {
        let message = match info.payload().downcast_ref::<&str>() {
            Some(s) => s.to_string(),
            None => info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .unwrap_or_default(),
        };
        let at = info
            .location()
            .map(|l| format!(" at {l}"))
            .unwrap_or_default();
        PANIC.with(|p| *p.borrow_mut() = Some(format!("{message}{at}")));
    }));

    if !o.replay.is_empty() {
        let mut failed = false;
        for file in &o.replay {
            let bytes = std::fs::read(file).unwrap();
            let started = Instant::now();
            let result = match String::from_utf8(bytes.clone()) {
                Ok(text) => run_one(&text),
                Err(_) => run_file(&bytes, tempfile::tempdir().unwrap().path()),
            };
            match result {
                Ok(_) => println!("{}: ok in {:?}", file.display(), started.elapsed()),
                Err(p) => {
                    failed = true;
                    println!("{}: {}: {}", file.display(), p.kind, p.message);
                }
            }
        }
        std::process::exit(i32::from(failed));
    }

    let corpus = collect_corpus(&o.corpus);
    println!(
        "fuzz_loader: seed {}, {} threads, {} corpus files, for {:?}; crashes go to {}",
        o.seed,
        o.threads,
        corpus.len(),
        o.duration,
        o.out.display()
    );
    let shared = Arc::new(Shared {
        corpus: Mutex::new(corpus),
        seen: Mutex::new(HashSet::new()),
        execs: AtomicU64::new(0),
        crashes: AtomicU64::new(0),
        slowest_ms: AtomicU64::new(0),
        stop: AtomicBool::new(false),
        out: o.out.clone(),
        saved: Mutex::new(HashSet::new()),
    });
    let mut slots = Vec::new();
    let mut handles = Vec::new();
    for t in 0..o.threads {
        let slot = Arc::new(Slot {
            started: Mutex::new(None),
        });
        slots.push(slot.clone());
        let shared = shared.clone();
        let seed = o.seed.wrapping_add(t as u64 * 0x1000_0000_0001);
        handles.push(
            std::thread::Builder::new()
                .name(format!("fuzz-{t}"))
                .stack_size(8 << 20)
                .spawn(move || worker(shared, slot, seed))
                .unwrap(),
        );
    }

    let started = Instant::now();
    let mut last_report = Instant::now();
    let mut slowest = Duration::ZERO;
    while started.elapsed() < o.duration {
        std::thread::sleep(Duration::from_millis(200));
        for slot in &slots {
            if let Some((since, input)) = slot.started.lock().unwrap().as_ref() {
                let running = since.elapsed();
                slowest = slowest.max(running);
                if running > o.hang {
                    save(
                        &shared,
                        "hang",
                        &format!("one input ran longer than {:?}", o.hang),
                        input,
                    );
                    eprintln!("a worker hangs; stopping (the input is saved)");
                    std::process::exit(1);
                }
            }
        }
        if last_report.elapsed() >= Duration::from_secs(30) {
            last_report = Instant::now();
            let execs = shared.execs.load(Ordering::Relaxed);
            println!(
                "{:>5}s  {execs} execs ({:.0}/s)  corpus {}  crashes {}  longest run seen {:?}",
                started.elapsed().as_secs(),
                execs as f64 / started.elapsed().as_secs_f64(),
                shared.corpus.lock().unwrap().len(),
                shared.crashes.load(Ordering::Relaxed),
                slowest
            );
        }
    }
    shared.stop.store(true, Ordering::Relaxed);
    for handle in handles {
        let _ = handle.join();
    }
    let execs = shared.execs.load(Ordering::Relaxed);
    let distinct = shared.saved.lock().unwrap().len();
    println!(
        "done: {execs} execs in {:?} ({:.0}/s), corpus {}, {} crashing inputs ({distinct} distinct problems), longest run seen {:?}",
        started.elapsed(),
        execs as f64 / started.elapsed().as_secs_f64(),
        shared.corpus.lock().unwrap().len(),
        shared.crashes.load(Ordering::Relaxed),
        slowest
    );
    std::process::exit(i32::from(distinct > 0));
}
