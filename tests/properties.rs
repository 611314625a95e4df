//! Property tests: random mutations of the example models never make `vsm` panic, and every
//! finding it gives lies inside its file.
//!
//! The models are read at test time: every file of `models/customer-service/`, that whole
//! model joined into one multi-document text, and every `good` model of `examples/`. The
//! mutations are the ones people make by hand and the ones editors and disks make: keys deleted,
//! duplicated or renamed, values retyped or swapped between fields, lines re-indented, the file
//! cut at any byte (inside a multi-byte character too), random unicode injected.
//!
//! The default 256 cases per property run in a few seconds; `PROPTEST_CASES=10000 cargo test
//! --test properties` runs more.

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{LazyLock, OnceLock};

mod common;
use common::{root, yaml_files};

// ----- the models --------------------------------------------------------------------------------

/// The models mutations start from, as (name, text).
fn models() -> &'static [(String, String)] {
    static MODELS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    MODELS.get_or_init(|| {
        let mut out = Vec::new();
        let customer_service = yaml_files(&root().join("models/customer-service"));
        let mut whole = String::new();
        for file in &customer_service {
            let text = std::fs::read_to_string(file).unwrap();
            whole.push_str("---\n");
            whole.push_str(&text);
            out.push((file.display().to_string(), text));
        }
        out.push(("models/customer-service (all files)".into(), whole));
        for file in yaml_files(&root().join("examples")) {
            let is_good = file.components().any(|c| c.as_os_str() == "good")
                || file.file_stem().is_some_and(|s| s == "good");
            if is_good {
                out.push((
                    file.display().to_string(),
                    std::fs::read_to_string(&file).unwrap(),
                ));
            }
        }
        assert!(out.len() > 30, "found only {} example models", out.len());
        out
    })
}

// ----- mutations ---------------------------------------------------------------------------------

/// Field names of the format (from the vocabulary the loader reads with), and some that are
/// not: a merge key, a typo, an empty key and a non-ASCII one.
static KEYS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut keys = vsm::vocabulary::all_keys();
    keys.extend(["<<", "nmae", "", "名字"]);
    keys
});

/// Values of every YAML type, valid and not.
const VALUES: &[&str] = &[
    "x",
    "[]",
    "{}",
    "[a, b]",
    "{a: b}",
    "[[a]]",
    "[{name: x}]",
    "~",
    "null",
    "true",
    "no",
    "0",
    "3",
    "-1",
    "99999999999999999999",
    "1.5",
    ".nan",
    ".inf",
    "-.inf",
    "1e400",
    "0x1F",
    "\"\"",
    "\" \"",
    "\"x \"",
    "a/b",
    "a b",
    "#",
    "'it''s'",
    "\"\\u00e9\"",
    "30s",
    "1d 12h",
    "-1h",
    "\"<= 2d\"",
    "\">= 90%\"",
    "!!binary aGVsbG8=",
    "!custom x",
    "*nowhere",
    "&a x",
    "|\n  text",
    ">-\n  folded",
    "客服中心",
    "😀",
    "[no-value-item]",
    "[VSM999]",
];

#[derive(Clone, Debug)]
enum Mutation {
    /// Delete a line and the lines indented under it (a key with its value).
    DeleteKey(usize),
    /// Write a line and its block twice (a duplicate key).
    DuplicateKey(usize),
    /// Give a `key: value` line another value, of another type.
    Retype(usize, usize),
    /// Swap the values of two `key: value` lines.
    SwapValues(usize, usize),
    /// Rename the key of a line.
    RenameKey(usize, usize),
    /// Change a line's indentation by -3..=3 spaces, or put a tab in front.
    Reindent(usize, i8),
    /// Insert text at a position (a character boundary at or before it).
    Inject(usize, String),
    /// Cut the text at a character boundary.
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let pos = any::<usize>();
    prop_oneof![
        pos.prop_map(Mutation::DeleteKey),
        pos.prop_map(Mutation::DuplicateKey),
        (pos, 0..VALUES.len()).prop_map(|(l, v)| Mutation::Retype(l, v)),
        (pos, any::<usize>()).prop_map(|(a, b)| Mutation::SwapValues(a, b)),
        (pos, 0..KEYS.len()).prop_map(|(l, k)| Mutation::RenameKey(l, k)),
        (pos, -3i8..=4).prop_map(|(l, d)| Mutation::Reindent(l, d)),
        (pos, unicode()).prop_map(|(p, s)| Mutation::Inject(p, s)),
        pos.prop_map(Mutation::Truncate),
    ]
}

/// Random unicode: any characters (controls, combining marks, astral planes), and YAML tokens.
fn unicode() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::collection::vec(any::<char>(), 1..8).prop_map(|c| c.into_iter().collect()),
        1 => "\\PC{1,8}",
        1 => proptest::sample::select(vec![
            "\u{FEFF}", "\r", "\r\n", "\t", "\0", "\u{85}", "\u{2028}", "\u{202E}", "\u{200B}",
            ": ", "- ", "[", "]", "{", "}", "\"", "'", "#", "&a ", "*a", "<<: *a", "---\n", "...\n",
            "? ", "|", ">", "!", "%",
        ])
        .prop_map(str::to_string),
    ]
}

fn lines(text: &str) -> Vec<String> {
    text.split_inclusive('\n').map(str::to_string).collect()
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The line at `i` and the lines after it that are indented deeper (its block).
fn block(all: &[String], i: usize) -> std::ops::Range<usize> {
    let own = indent(&all[i]);
    let mut end = i + 1;
    while end < all.len() && (all[end].trim().is_empty() || indent(&all[end]) > own) {
        end += 1;
    }
    i..end
}

/// Byte range of the value of a `key: value` line (without the line break), if it has one.
fn value_range(line: &str) -> Option<std::ops::Range<usize>> {
    let colon = line.find(": ")?;
    let end = line.trim_end_matches(['\n', '\r']).len();
    (colon + 2 <= end).then_some(colon + 2..end)
}

fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &str, m: &Mutation) -> String {
    let mut all = lines(text);
    if all.is_empty() {
        return match m {
            Mutation::Inject(_, s) => s.clone(),
            _ => String::new(),
        };
    }
    let n = all.len();
    match m {
        Mutation::DeleteKey(i) => {
            let range = block(&all, i % n);
            all.drain(range);
        }
        Mutation::DuplicateKey(i) => {
            let range = block(&all, i % n);
            let copy: Vec<String> = all[range.clone()].to_vec();
            let end = range.end;
            // A line without a break would glue to the copy: give it one.
            if !all[end - 1].ends_with('\n') {
                all[end - 1].push('\n');
            }
            all.splice(end..end, copy);
        }
        Mutation::Retype(i, v) => {
            let line = &mut all[i % n];
            if let Some(range) = value_range(line) {
                line.replace_range(range, VALUES[*v]);
            }
        }
        Mutation::SwapValues(a, b) => {
            let (a, b) = (a % n, b % n);
            if let (Some(ra), Some(rb)) = (value_range(&all[a]), value_range(&all[b])) {
                let va = all[a][ra.clone()].to_string();
                let vb = all[b][rb.clone()].to_string();
                all[a].replace_range(ra, &vb);
                let rb = value_range(&all[b]).unwrap();
                all[b].replace_range(rb, &va);
            }
        }
        Mutation::RenameKey(i, k) => {
            let line = &mut all[i % n];
            if let Some(colon) = line.find(':') {
                let start = indent(line).min(colon);
                let start = if line[start..].starts_with("- ") {
                    start + 2
                } else {
                    start
                };
                if start <= colon {
                    line.replace_range(start..colon, KEYS[*k]);
                }
            }
        }
        Mutation::Reindent(i, d) => {
            let line = &mut all[i % n];
            match *d {
                4 => line.insert(0, '\t'),
                d if d > 0 => line.insert_str(0, &" ".repeat(d as usize)),
                d => {
                    let remove = (d.unsigned_abs() as usize).min(indent(line));
                    line.replace_range(..remove, "");
                }
            }
        }
        Mutation::Inject(p, s) => {
            let mut text = all.concat();
            let at = floor_boundary(&text, p % (text.len() + 1));
            text.insert_str(at, s);
            return text;
        }
        Mutation::Truncate(p) => {
            let mut text = all.concat();
            let at = floor_boundary(&text, p % (text.len() + 1));
            text.truncate(at);
            return text;
        }
    }
    all.concat()
}

// ----- the property ------------------------------------------------------------------------------

/// Loads `bytes` (through a file when they are not UTF-8), checks the model and returns the
/// first finding placed outside its file; a panic is an `Err` too.
fn check_bytes(bytes: &[u8]) -> Result<(), String> {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let loaded = match std::str::from_utf8(bytes) {
            Ok(text) => vsm::load::load_text("model.yaml", text),
            Err(_) => {
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("model.yaml");
                std::fs::write(&path, bytes).unwrap();
                vsm::load::load(&[path], &vsm::load::Filter::default())
                    .map_err(|e| format!("a readable file gave a load error: {e}"))?
            }
        };
        let outcome = vsm::check::findings(&loaded, &Default::default());
        misplaced(&loaded, &outcome.findings)
    }));
    match outcome {
        Ok(result) => result,
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            Err(format!("panicked: {message}"))
        }
    }
}

/// The first finding (or label) whose line or column is outside its file.
fn misplaced(loaded: &vsm::load::Loaded, findings: &[vsm::diag::Finding]) -> Result<(), String> {
    for f in findings {
        let places =
            std::iter::once((f.loc, "")).chain(f.labels.iter().map(|l| (l.loc, " (label)")));
        for (loc, what) in places {
            let file = loaded.sources.get(loc.file);
            let text = &file.text;
            if loc.span.start > loc.span.end || loc.span.end as usize > text.len() {
                return Err(format!(
                    "{}{what} has the byte span {:?}, outside the text of {} bytes: {}",
                    f.rule.code,
                    loc.span,
                    text.len(),
                    f.message
                ));
            }
            let line_count = text.split('\n').count() as u32;
            let (start, end) = loaded.sources.range(loc);
            for at in [start, end] {
                let chars = text
                    .split('\n')
                    .nth(at.line.saturating_sub(1) as usize)
                    .map_or(0, |l| l.chars().count()) as u32;
                if at.line == 0
                    || at.line > line_count + 1
                    || at.column == 0
                    || at.column > chars + 1
                {
                    return Err(format!(
                        "{}{what} at {}:{} is outside the file ({line_count} lines; that line has {chars} characters): {}",
                        f.rule.code, at.line, at.column, f.message
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Shows an input in a failure message (long inputs cut).
fn show(text: &[u8]) -> String {
    let text = String::from_utf8_lossy(text);
    if text.chars().count() > 3000 {
        format!(
            "{}… ({} bytes)",
            text.chars().take(3000).collect::<String>(),
            text.len()
        )
    } else {
        text.into_owned()
    }
}

fn verdict(name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    check_bytes(bytes).map_err(|why| {
        TestCaseError::fail(format!("{name}: {why}\n--- input ---\n{}", show(bytes)))
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Structural mutations: keys deleted, duplicated, renamed, retyped; values swapped;
    /// indentation changed; unicode injected; the text cut at a character boundary.
    #[test]
    fn mutated_models_never_panic_and_findings_stay_inside_the_file(
        which in any::<usize>(),
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let (name, text) = &models()[which % models().len()];
        let mut text = text.clone();
        for m in &mutations {
            text = apply(&text, m);
        }
        verdict(name, text.as_bytes())?;
    }

    /// Files cut at any byte, inside a multi-byte character too (then they are not UTF-8).
    #[test]
    fn truncated_files_never_panic(which in any::<usize>(), at in any::<usize>()) {
        let (name, text) = &models()[which % models().len()];
        let bytes = text.as_bytes();
        let cut = &bytes[..at % (bytes.len() + 1)];
        verdict(name, cut)?;
    }

    /// Random bytes overwritten anywhere: invalid UTF-8, NULs, control characters.
    #[test]
    fn corrupted_bytes_never_panic(
        which in any::<usize>(),
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8),
    ) {
        let (name, text) = &models()[which % models().len()];
        let mut bytes = text.clone().into_bytes();
        for (at, byte) in edits {
            if !bytes.is_empty() {
                let i = at % bytes.len();
                bytes[i] = byte;
            }
        }
        verdict(name, &bytes)?;
    }
}

#[test]
fn the_unmutated_models_are_fine() {
    for (name, text) in models() {
        check_bytes(text.as_bytes()).unwrap_or_else(|why| panic!("{name}: {why}"));
    }
}

#[test]
fn mutations_do_what_they_say() {
    let text = "a:\n  b: 1\n  c: [x]\nd: 2\n";
    assert_eq!(apply(text, &Mutation::DeleteKey(0)), "d: 2\n");
    assert_eq!(
        apply(text, &Mutation::DuplicateKey(3)),
        "a:\n  b: 1\n  c: [x]\nd: 2\nd: 2\n"
    );
    assert_eq!(
        apply(text, &Mutation::Retype(1, 1)),
        "a:\n  b: []\n  c: [x]\nd: 2\n"
    );
    assert_eq!(
        apply(text, &Mutation::SwapValues(1, 2)),
        "a:\n  b: [x]\n  c: 1\nd: 2\n"
    );
    assert_eq!(
        apply(text, &Mutation::RenameKey(3, 0)),
        format!("a:\n  b: 1\n  c: [x]\n{}: 2\n", KEYS[0])
    );
    assert_eq!(
        apply(text, &Mutation::Reindent(1, -1)),
        "a:\n b: 1\n  c: [x]\nd: 2\n"
    );
    assert_eq!(apply(text, &Mutation::Truncate(5)), "a:\n  ");
}
