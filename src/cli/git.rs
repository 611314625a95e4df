//! `--changed-since`: the files git reports as changed since a ref. Git is run as a
//! program, as the user's own git would see the repository (config, hooks, worktrees).

use anyhow::{anyhow, bail};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The path with symbolic links and `..` resolved, or as given when it does not exist.
pub fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

fn git(args: &[&str], what: &str) -> anyhow::Result<Vec<u8>> {
    let output = Command::new("git")
        .args(args)
        .output()
        .map_err(|e| anyhow!("--changed-since: cannot run git: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let stderr = stderr.trim();
        bail!(
            "--changed-since: {what}{}",
            if stderr.is_empty() {
                String::new()
            } else {
                format!(": {stderr}")
            }
        );
    }
    Ok(output.stdout)
}

/// Files changed since `git_ref` (committed, staged or not) plus untracked files that are
/// not ignored, as canonical paths.
pub fn changed_files(git_ref: &str) -> anyhow::Result<HashSet<PathBuf>> {
    if git_ref.is_empty() || git_ref.starts_with('-') {
        bail!("--changed-since: `{git_ref}` is not a git ref");
    }
    let top = git(
        &["rev-parse", "--show-toplevel"],
        "the current folder is not in a git repository",
    )?;
    let top = PathBuf::from(String::from_utf8_lossy(&top).trim().to_string());
    let top_str = top.to_string_lossy().into_owned();
    let diff = git(
        &[
            "-C",
            &top_str,
            "diff",
            "--name-only",
            "-z",
            "--no-ext-diff",
            git_ref,
            "--",
        ],
        &format!("cannot compare with `{git_ref}`"),
    )?;
    let untracked = git(
        &[
            "-C",
            &top_str,
            "ls-files",
            "--others",
            "--exclude-standard",
            "-z",
        ],
        "cannot list untracked files",
    )?;
    let mut files = HashSet::new();
    for name in diff.split(|b| *b == 0).chain(untracked.split(|b| *b == 0)) {
        if name.is_empty() {
            continue;
        }
        let relative = String::from_utf8_lossy(name);
        files.insert(canonical(&top.join(relative.as_ref())));
    }
    Ok(files)
}
