//! Git, run as a program as the user's own git would see the repository (config, hooks,
//! worktrees): `--changed-since` asks it which files changed since a ref; `vsm diff` reads the
//! files of a revision from its objects (`ls-tree`, `cat-file --batch`), never through the
//! working tree or the index.

use anyhow::{anyhow, bail, Context as _};
use std::collections::HashSet;
use std::io::{BufRead as _, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The path with symbolic links and `..` resolved, or as given when it does not exist.
pub fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

fn git(args: &[&str], what: &str) -> anyhow::Result<Vec<u8>> {
    git_for("--changed-since", args, what)
}

/// Runs git with `args`; a failure is an error that starts with `context` (the flag or side
/// that asked), says `what` could not be done and quotes git's own message.
fn git_for(context: &str, args: &[&str], what: &str) -> anyhow::Result<Vec<u8>> {
    let output = Command::new("git")
        .args(args)
        .output()
        .map_err(|e| anyhow!("{context}: cannot run git: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let stderr = stderr.trim();
        bail!(
            "{context}: {what}{}",
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

/// Where the current folder is in its repository: its path from the top folder, with `/`
/// and a trailing `/` (`models/`), empty at the top. `context` starts error messages.
pub fn prefix(context: &str) -> anyhow::Result<String> {
    let out = git_for(
        context,
        &["rev-parse", "--show-prefix"],
        "the current folder is not in a git repository",
    )?;
    Ok(String::from_utf8_lossy(&out)
        .trim_end_matches('\n')
        .to_string())
}

/// The tree of the revision `rev` (a commit, a tag, a tree: anything `git rev-parse` reads),
/// or an error naming it.
pub fn tree_of(rev: &str, context: &str) -> anyhow::Result<String> {
    if rev.is_empty() || rev.starts_with('-') {
        bail!("{context}: `{rev}` is not a git revision");
    }
    let tree = format!("{rev}^{{tree}}");
    let out = git_for(
        context,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &tree,
        ],
        &format!("git knows no revision `{rev}`"),
    )?;
    Ok(String::from_utf8_lossy(&out).trim().to_string())
}

/// A regular file of a git tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeFile {
    /// Its path from the top of the tree, with `/`.
    pub path: String,
    /// Its blob's object id.
    pub blob: String,
    pub size: u64,
}

/// Every regular file of the tree `tree` (`git ls-tree -r -l -z`), in git's order (sorted by
/// path). Symbolic links and submodules are left out: the walk of folders on disk reads no
/// link that leaves the folder, and a submodule is another repository.
pub fn tree_files(tree: &str, context: &str) -> anyhow::Result<Vec<TreeFile>> {
    let out = git_for(
        context,
        &["ls-tree", "-r", "-l", "-z", "--full-tree", tree],
        "cannot list the files of the revision",
    )?;
    let mut files = Vec::new();
    for entry in out.split(|b| *b == 0).filter(|e| !e.is_empty()) {
        // `<mode> SP <type> SP <object> SP+ <size> TAB <path>`
        let text = String::from_utf8_lossy(entry);
        let Some((meta, path)) = text.split_once('\t') else {
            continue;
        };
        let mut fields = meta.split_whitespace();
        let (Some(mode), Some(kind), Some(blob), Some(size)) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        if kind != "blob" || !matches!(mode, "100644" | "100755") {
            continue;
        }
        files.push(TreeFile {
            path: path.to_string(),
            blob: blob.to_string(),
            size: size.parse().unwrap_or(u64::MAX),
        });
    }
    Ok(files)
}

/// The contents of the blobs `blobs`, in that order, read in one `git cat-file --batch`.
pub fn read_blobs(blobs: &[&str], context: &str) -> anyhow::Result<Vec<Vec<u8>>> {
    if blobs.is_empty() {
        return Ok(Vec::new());
    }
    let mut child = Command::new("git")
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| anyhow!("{context}: cannot run git: {e}"))?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    let request: String = blobs.iter().map(|b| format!("{b}\n")).collect();
    // Written from another thread: git answers while it reads, and a full pipe either way
    // would otherwise stop both.
    let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
    let mut out = std::io::BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut contents = Vec::with_capacity(blobs.len());
    let mut header = String::new();
    for blob in blobs {
        header.clear();
        out.read_line(&mut header)
            .with_context(|| format!("{context}: cannot read from git cat-file"))?;
        // `<object> SP <type> SP <size> LF <contents> LF`, or `<object> SP missing LF`.
        let size = match header.trim_end().rsplit_once(' ') {
            Some((_, size)) if header.contains(" blob ") => size.parse::<usize>().ok(),
            _ => None,
        };
        let Some(size) = size else {
            let _ = child.kill();
            let _ = child.wait();
            bail!(
                "{context}: git cannot read the object {blob}: {}",
                header.trim()
            );
        };
        let mut bytes = vec![0; size];
        out.read_exact(&mut bytes)
            .and_then(|_| out.read_exact(&mut [0u8]))
            .with_context(|| format!("{context}: git cat-file stopped early"))?;
        contents.push(bytes);
    }
    drop(out);
    let _ = writer.join();
    let _ = child.wait();
    Ok(contents)
}
