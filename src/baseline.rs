//! Baselines: record today's findings once (`--write-baseline FILE`), then fail only on new
//! ones (`--baseline FILE`). The file format is described in `docs/ci.md`.
//!
//! A finding is recognised by its fingerprint: rule code, file (relative to the baseline file's
//! folder, forward slashes), element path and message, never its line or column, so edits that
//! move lines do not matter. Fingerprints are counted: two identical findings recorded hide two
//! findings, and a third one is new.

use crate::diag::Finding;
use crate::source::{self, normalize, slashes, Sources};
use anyhow::{anyhow, bail, Context as _};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Version of the baseline file format; bumped only on incompatible changes.
pub const FORMAT_VERSION: u32 = 1;

/// What identifies a finding across runs.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint {
    /// Forward slashes, relative to the baseline file's folder.
    pub file: String,
    pub code: String,
    pub path: String,
    pub message: String,
}

impl Fingerprint {
    /// The fingerprint of `finding` with its file named `file` by the caller: `vsm diff` names
    /// each side's files from that side's root, so one file matches itself across revisions.
    pub fn named(file: String, finding: &Finding) -> Fingerprint {
        Fingerprint {
            file,
            code: finding.rule.code.to_string(),
            path: finding.path.clone(),
            message: stable_message(&finding.message),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct FileFormat {
    version: u32,
    #[serde(default, skip_deserializing)]
    generator: String,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    code: String,
    /// For the reader only; the code identifies the rule.
    #[serde(default, skip_deserializing)]
    name: String,
    file: String,
    #[serde(default)]
    path: String,
    message: String,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    count: usize,
}

fn one() -> usize {
    1
}

fn is_one(n: &usize) -> bool {
    *n == 1
}

/// A baseline read from a file: how many findings of each fingerprint it hides.
#[derive(Debug, Default)]
pub struct Baseline {
    /// The folder its file paths are relative to (absolute, normalised).
    base: PathBuf,
    counts: BTreeMap<Fingerprint, usize>,
}

/// What applying a baseline did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Findings hidden because the baseline records them.
    pub hidden: usize,
    /// Recorded findings no longer found (fixed, or changed so that they count as new).
    pub stale: usize,
}

/// The absolute folder a baseline file's paths are relative to.
fn base_of(file: &Path) -> anyhow::Result<PathBuf> {
    let absolute = std::path::absolute(file)
        .with_context(|| format!("cannot resolve the path `{}`", file.display()))?;
    Ok(normalize(absolute.parent().unwrap_or(Path::new("/"))))
}

/// `path` relative to the folder `base` (both absolute and normalised), with forward slashes;
/// absolute on another drive.
fn relative(base: &Path, path: &Path) -> String {
    slashes(&source::relative(base, path).unwrap_or_else(|| path.to_path_buf()))
}

/// The file of a model source, as a baseline in `base` names it.
pub fn file_key(base: &Path, source_path: &Path) -> String {
    match std::path::absolute(source_path) {
        Ok(absolute) => relative(base, &normalize(&absolute)),
        Err(_) => slashes(source_path),
    }
}

/// The message without anything that moves with unrelated edits (a `line N` or `column N`).
fn stable_message(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find(|c: char| c.is_ascii_digit()) {
        let (before, digits_on) = rest.split_at(i);
        let digits = digits_on
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(digits_on.len());
        out.push_str(before);
        if before.ends_with("line ") || before.ends_with("column ") {
            out.push('N');
        } else {
            out.push_str(&digits_on[..digits]);
        }
        rest = &digits_on[digits..];
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn fingerprint(base: &Path, sources: &Sources, finding: &Finding) -> Fingerprint {
    Fingerprint::named(file_key(base, &sources.get(finding.loc.file).path), finding)
}

/// The fingerprint of a finding as a short stable hash (SARIF `partialFingerprints`), with
/// the file named as `file`.
pub fn hash(file: &str, finding: &Finding) -> String {
    let message = stable_message(&finding.message);
    // FNV-1a, 64 bits: stable across Rust versions and platforms, unlike `DefaultHasher`.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [file, finding.rule.code, &finding.path, &message] {
        for b in part.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// Records `findings` in `file` (written atomically); returns how many were recorded.
pub fn write(file: &Path, sources: &Sources, findings: &[Finding]) -> anyhow::Result<usize> {
    let base = base_of(file)?;
    let mut counts: BTreeMap<Fingerprint, (usize, &'static str)> = BTreeMap::new();
    for finding in findings {
        counts
            .entry(fingerprint(&base, sources, finding))
            .or_insert((0, finding.rule.name))
            .0 += 1;
    }
    let output = FileFormat {
        version: FORMAT_VERSION,
        generator: format!("vsm {}", env!("CARGO_PKG_VERSION")),
        findings: counts
            .into_iter()
            .map(|(f, (count, name))| Entry {
                code: f.code,
                name: name.to_string(),
                file: f.file,
                path: f.path,
                message: f.message,
                count,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&output).expect("a baseline serialises");
    text.push('\n');
    crate::atomic::write(file, text.as_bytes())
        .with_context(|| format!("cannot write the baseline `{}`", file.display()))?;
    Ok(findings.len())
}

impl Baseline {
    /// Reads a baseline file; a missing, unreadable or malformed file is an error.
    pub fn read(file: &Path) -> anyhow::Result<Baseline> {
        /// A baseline lists findings; one of this size holds hundreds of thousands.
        const MAX_BASELINE_BYTES: u64 = 64_000_000;
        let text = crate::input::read_text(file, MAX_BASELINE_BYTES).map_err(|why| {
            let hint = match why {
                crate::input::InputError::NotFound => " (write one with --write-baseline)",
                _ => "",
            };
            anyhow!("cannot read the baseline `{}`: {why}{hint}", file.display())
        })?;
        let base = base_of(file)?;
        Self::parse(&text, base).with_context(|| {
            format!(
                "`{}` is not a vsm baseline (write one with --write-baseline)",
                file.display()
            )
        })
    }

    fn parse(text: &str, base: PathBuf) -> anyhow::Result<Baseline> {
        let value: serde_json::Value = serde_json::from_str(text)?;
        match value.get("version").and_then(serde_json::Value::as_u64) {
            Some(v) if v == u64::from(FORMAT_VERSION) => {}
            Some(v) => bail!(
                "its format version is {v}; this vsm reads version {FORMAT_VERSION}: \
                 rewrite it with --write-baseline"
            ),
            None => bail!("it has no `version` number"),
        }
        let parsed: FileFormat = serde_json::from_value(value)?;
        let mut counts = BTreeMap::new();
        for entry in parsed.findings {
            if entry.count == 0 {
                continue;
            }
            *counts
                .entry(Fingerprint {
                    file: entry.file,
                    code: entry.code,
                    path: entry.path,
                    message: stable_message(&entry.message),
                })
                .or_insert(0) += entry.count;
        }
        Ok(Baseline { base, counts })
    }

    /// How many findings it records.
    pub fn len(&self) -> usize {
        self.counts.values().sum()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Removes the recorded findings from `findings`. Recorded findings not found count as
    /// stale when `in_scope(file, code)` says this run would have reported them (the file was
    /// checked and the rule ran); a recorded file that no longer exists is always in scope.
    pub fn apply(
        &self,
        sources: &Sources,
        findings: &mut Vec<Finding>,
        in_scope: impl Fn(&str, &str) -> bool,
    ) -> Applied {
        let mut remaining: HashMap<&Fingerprint, usize> =
            self.counts.iter().map(|(k, v)| (k, *v)).collect();
        let before = findings.len();
        findings.retain(|finding| {
            let key = fingerprint(&self.base, sources, finding);
            match remaining.get_mut(&key) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            }
        });
        let hidden = before - findings.len();
        let mut exists: HashMap<&str, bool> = HashMap::new();
        let mut stale = 0;
        for (key, left) in remaining {
            if left == 0 {
                continue;
            }
            let gone = !*exists
                .entry(key.file.as_str())
                .or_insert_with(|| self.base.join(&key.file).exists());
            if gone || in_scope(&key.file, &key.code) {
                stale += left;
            }
        }
        Applied { hidden, stale }
    }

    /// The folder the recorded file paths are relative to.
    pub fn base(&self) -> &Path {
        &self.base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        assert_eq!(
            relative(Path::new("/repo"), Path::new("/repo/models/a.yaml")),
            "models/a.yaml"
        );
        assert_eq!(
            relative(Path::new("/repo/ci"), Path::new("/repo/models/a.yaml")),
            "../models/a.yaml"
        );
        assert_eq!(
            normalize(Path::new("/repo/sub/../models/./a.yaml")),
            PathBuf::from("/repo/models/a.yaml")
        );
    }

    #[test]
    fn messages_lose_only_positions() {
        assert_eq!(
            stable_message("invalid YAML: bad  indent at line 12 column 3"),
            "invalid YAML: bad indent at line N column N"
        );
        assert_eq!(stable_message("parts add up to 3d"), "parts add up to 3d");
    }

    #[test]
    fn bad_files_are_errors() {
        let base = PathBuf::from("/x");
        assert!(Baseline::parse("not json", base.clone()).is_err());
        let err = Baseline::parse(r#"{"version": 9, "findings": []}"#, base.clone()).unwrap_err();
        assert!(err.to_string().contains("version is 9"), "{err}");
        assert!(Baseline::parse(r#"{"findings": []}"#, base.clone()).is_err());
        assert!(
            Baseline::parse(r#"{"version": 1, "findings": [{"code": 1}]}"#, base.clone()).is_err()
        );
        let ok = Baseline::parse(
            r#"{"version": 1, "findings": [{"code": "VSM101", "file": "a.yaml", "message": "m", "count": 2}]}"#,
            base,
        )
        .unwrap();
        assert_eq!(ok.len(), 2);
    }
}
