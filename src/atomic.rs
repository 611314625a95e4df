//! Output files are written whole or not at all: a temporary file in the same folder, then a
//! rename over the target. A failed or interrupted write leaves the previous file untouched.
//!
//! What may be replaced that way is a regular file, and only one `vsm` did not read:
//! - a character device, FIFO or socket (`/dev/null`, `/dev/stdout`, a named pipe) is written
//!   directly, never replaced by a regular file;
//! - a symbolic link is written through: the file it points to is replaced, the link stays;
//! - a file this run read as input (a model file, the config, the baseline) is refused,
//!   compared by device and inode, so another spelling or a link to it is refused too;
//! - new files get the permissions the user's `umask` allows (`0666 & !umask`), replaced files
//!   keep theirs;
//! - the temporary file is removed when `vsm` is interrupted (SIGINT, SIGTERM, SIGHUP).
//!
//! A folder of files ([`write_folder`], what `vsm import` writes) is written the same way: into
//! a temporary folder beside the target, renamed into place once every file is in it.

use anyhow::{bail, Context as _};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

/// The files this run read (device, inode): outputs must never replace them.
static READ: Mutex<Vec<FileKey>> = Mutex::new(Vec::new());

/// Temporary files being written, removed if the process is interrupted.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Identifies a file whatever path reaches it: device and inode, with its modification time,
/// so that an inode the system gives again to a new file (after the one read was deleted)
/// does not make the new file look like the one read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct FileKey {
    device: u64,
    inode: u64,
    modified_ns: i64,
}

fn file_key(metadata: &std::fs::Metadata) -> Option<FileKey> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some(FileKey {
            device: metadata.dev(),
            inode: metadata.ino(),
            modified_ns: metadata
                .mtime()
                .saturating_mul(1_000_000_000)
                .saturating_add(metadata.mtime_nsec()),
        })
    }
    #[cfg(not(unix))]
    {
        let _ = metadata;
        None
    }
}

/// Records that this run read `path` (a model file, the config, a baseline): no output of the
/// run may replace it.
pub fn mark_read(path: &Path) {
    if let Some(key) = std::fs::metadata(path).ok().as_ref().and_then(file_key) {
        let mut read = READ.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if !read.contains(&key) {
            read.push(key);
        }
    }
}

/// Writes `bytes` to `path`: atomically for a regular file (or a new one), directly for a
/// device or pipe, through a symbolic link to its target; refused for a file this run read.
pub fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let target = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => match std::fs::metadata(path) {
            // The link's target decides; a dangling link names no file to write.
            Ok(_) => std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
            Err(_) => bail!(
                "cannot write `{}`: it is a symbolic link to a file that does not exist",
                path.display()
            ),
        },
        _ => path.to_path_buf(),
    };
    match std::fs::metadata(&target) {
        Ok(meta) => {
            if file_key(&meta).is_some_and(was_read) {
                bail!(
                    "refusing to write `{}`: it is one of the files this run read; choose \
                     another output file",
                    path.display()
                );
            }
            if meta.is_dir() {
                bail!("cannot write `{}`: it is a folder", path.display());
            }
            if !meta.is_file() {
                // A device, pipe or socket: write to it as it is, never replace it.
                return write_directly(path, bytes);
            }
            replace(&target, path, bytes, Some(meta.permissions()))
        }
        Err(_) => replace(&target, path, bytes, None),
    }
}

fn was_read(key: FileKey) -> bool {
    READ.lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .contains(&key)
}

fn write_directly(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    match file.write_all(bytes).and_then(|_| file.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.with_context(|| format!("cannot write `{}`", path.display())),
    }
}

/// The atomic route: a temporary file beside `target`, renamed over it. `shown` is the path
/// as the user wrote it, for messages.
fn replace(
    target: &Path,
    shown: &Path,
    bytes: &[u8],
    keep: Option<std::fs::Permissions>,
) -> anyhow::Result<()> {
    remove_pending_on_interrupt();
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".vsm-tmp-");
    // A new file gets what the umask allows, as any program's `open(..., 0666)` does; the
    // temporary file is created with those bits, so the rename keeps them.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(folder).with_context(|| {
        format!(
            "cannot write `{}`: cannot create a file in `{}`",
            shown.display(),
            folder.display()
        )
    })?;
    let temp_path = temp.path().to_path_buf();
    pending(&temp_path, true);
    let written = (|| -> anyhow::Result<()> {
        temp.write_all(bytes)
            .and_then(|_| temp.as_file().sync_all())
            .with_context(|| format!("cannot write `{}`", shown.display()))?;
        if let Some(permissions) = keep {
            temp.as_file()
                .set_permissions(permissions)
                .with_context(|| format!("cannot write `{}`", shown.display()))?;
        }
        temp.persist(target)
            .map_err(|e| e.error)
            .with_context(|| format!("cannot write `{}`", shown.display()))?;
        Ok(())
    })();
    pending(&temp_path, false);
    written
}

fn pending(path: &Path, add: bool) {
    let mut list = PENDING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if add {
        list.push(path.to_path_buf());
    } else {
        list.retain(|p| p != path);
    }
}

/// Removes temporary files and folders being written (what an interrupted run must not leave).
fn remove_all(pending: &[PathBuf]) {
    let unique: HashSet<&PathBuf> = pending.iter().collect();
    for path in unique {
        if path.is_dir() {
            let _ = std::fs::remove_dir_all(path);
        } else {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Writes `files` (paths relative to `target`, with their bytes) as the folder `target`, whole
/// or not at all: into a temporary folder beside it, then renamed into place. A target that
/// exists must be an empty folder, or `replace` must be given: the old folder is then moved
/// aside, the new one renamed in, and the old one removed. A target holding a file this run
/// read is refused (it would be deleted).
pub fn write_folder(
    target: &Path,
    files: &[(PathBuf, Vec<u8>)],
    replace: bool,
) -> anyhow::Result<()> {
    let existing = match std::fs::symlink_metadata(target) {
        Ok(meta) if meta.is_dir() => {
            let empty = std::fs::read_dir(target)
                .with_context(|| format!("cannot read the folder `{}`", target.display()))?
                .next()
                .is_none();
            if !empty && !replace {
                bail!(
                    "`{}` exists and is not empty: choose a new folder, or give --force to \
                     replace it",
                    target.display()
                );
            }
            if holds_a_file_read(target) {
                bail!(
                    "refusing to replace `{}`: it holds a file this run read; choose another \
                     folder",
                    target.display()
                );
            }
            true
        }
        Ok(_) => bail!(
            "cannot write the folder `{}`: a file of that name exists",
            target.display()
        ),
        Err(_) => false,
    };
    for (path, _) in files {
        let safe = path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !safe || path.as_os_str().is_empty() {
            bail!(
                "cannot write `{}` inside the folder: not a plain relative path",
                path.display()
            );
        }
    }
    remove_pending_on_interrupt();
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let temp = tempfile::Builder::new()
        .prefix(".vsm-tmp-")
        .tempdir_in(parent)
        .with_context(|| {
            format!(
                "cannot write `{}`: cannot create a folder in `{}`",
                target.display(),
                parent.display()
            )
        })?;
    let temp_path = temp.path().to_path_buf();
    pending(&temp_path, true);
    let written = (|| -> anyhow::Result<()> {
        for (path, bytes) in files {
            let file = temp_path.join(path);
            if let Some(folder) = file.parent() {
                std::fs::create_dir_all(folder)
                    .with_context(|| format!("cannot write `{}`", target.join(path).display()))?;
            }
            let mut out = std::fs::File::create(&file)
                .with_context(|| format!("cannot write `{}`", target.join(path).display()))?;
            out.write_all(bytes)
                .and_then(|_| out.sync_all())
                .with_context(|| format!("cannot write `{}`", target.join(path).display()))?;
        }
        // tempdir creates the folder 0700; a new folder gets what the umask allows, as
        // `mkdir` would give it.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let probe = tempfile::Builder::new()
                .permissions(std::fs::Permissions::from_mode(0o777))
                .tempdir_in(&temp_path)?;
            let mode = std::fs::metadata(probe.path())?.permissions().mode() & 0o777;
            drop(probe);
            std::fs::set_permissions(&temp_path, std::fs::Permissions::from_mode(mode))?;
        }
        let aside = if existing {
            let aside = parent.join(format!(
                ".vsm-old-{}",
                temp_path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or("folder")
            ));
            // An empty folder is replaced by rename itself; a full one is moved aside first.
            match std::fs::rename(&temp_path, target) {
                Ok(()) => return Ok(()),
                Err(_) => {
                    std::fs::rename(target, &aside)
                        .with_context(|| format!("cannot replace `{}`", target.display()))?;
                    Some(aside)
                }
            }
        } else {
            None
        };
        let renamed = std::fs::rename(&temp_path, target)
            .with_context(|| format!("cannot write `{}`", target.display()));
        if let Some(aside) = aside {
            if renamed.is_ok() {
                let _ = std::fs::remove_dir_all(&aside);
            } else {
                // Put the old folder back: the run changed nothing.
                let _ = std::fs::rename(&aside, target);
            }
        }
        renamed
    })();
    pending(&temp_path, false);
    match written {
        Ok(()) => {
            // Renamed away: nothing left for the guard to remove.
            let _ = temp.keep();
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// Whether a file this run read lies under `folder`.
fn holds_a_file_read(folder: &Path) -> bool {
    let read = READ
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .clone();
    if read.is_empty() {
        return false;
    }
    let mut stack = vec![folder.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                stack.push(entry.path());
            } else if file_key(&meta).is_some_and(|k| read.contains(&k)) {
                return true;
            }
        }
    }
    false
}

/// On SIGINT, SIGTERM or SIGHUP: remove the temporary files being written, then exit as a
/// process killed by the signal would report (130). `vsm check --watch` installs it before its
/// first run, so Ctrl-C ends every watch with 130, whether or not a file was written yet.
pub(crate) fn remove_pending_on_interrupt() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            remove_all(
                &PENDING
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner()),
            );
            std::process::exit(130);
        });
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn replaces_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.html");
        std::fs::write(&target, "old").unwrap();
        super::write(&target, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn new_files_follow_the_umask_and_old_ones_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("fresh.html");
        super::write(&fresh, b"x").unwrap();
        let mode = std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
        // Whatever the umask of the test run, the group/other bits are 0666 minus it, and the
        // owner can read and write.
        assert_eq!(mode & 0o600, 0o600, "{mode:o}");
        assert_eq!(mode & 0o111, 0, "{mode:o}: not executable");
        let kept = dir.path().join("kept.html");
        std::fs::write(&kept, "old").unwrap();
        std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).unwrap();
        super::write(&kept, b"new").unwrap();
        assert_eq!(
            std::fs::metadata(&kept).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }

    #[test]
    fn missing_folder_is_an_error_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("no/such/folder/out.html");
        assert!(super::write(&target, b"x").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_written_through_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        let link = dir.path().join("link.md");
        std::fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        super::write(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        let dangling = dir.path().join("dangling.md");
        std::os::unix::fs::symlink(dir.path().join("gone.md"), &dangling).unwrap();
        let error = super::write(&dangling, b"x").unwrap_err().to_string();
        assert!(error.contains("does not exist"), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_directly_not_replaced() {
        super::write(std::path::Path::new("/dev/null"), b"discarded").unwrap();
        let meta = std::fs::metadata("/dev/null").unwrap();
        use std::os::unix::fs::FileTypeExt;
        assert!(meta.file_type().is_char_device());
    }

    #[test]
    fn a_file_this_run_read_is_refused_by_any_spelling() {
        // Kept to the end of the test process: once deleted, its inode could be given to a
        // file another test writes, which the registry would then refuse.
        let dir = tempfile::tempdir().unwrap().keep();
        let model = dir.join("model.yaml");
        std::fs::write(&model, "stakeholders: {}\n").unwrap();
        super::mark_read(&model);
        let other_spelling = dir.join(".").join("model.yaml");
        let error = super::write(&other_spelling, b"x").unwrap_err().to_string();
        assert!(error.contains("one of the files this run read"), "{error}");
        assert_eq!(
            std::fs::read_to_string(&model).unwrap(),
            "stakeholders: {}\n"
        );
    }

    #[test]
    fn a_folder_is_written_whole_and_replaced_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("model");
        let files = vec![
            (std::path::PathBuf::from("a.yaml"), b"a: 1\n".to_vec()),
            (std::path::PathBuf::from("sub/b.yaml"), b"b: 2\n".to_vec()),
        ];
        super::write_folder(&target, &files, false).unwrap();
        assert_eq!(
            std::fs::read_to_string(target.join("sub/b.yaml")).unwrap(),
            "b: 2\n"
        );
        // Beside the target, nothing but the target: no temporary folder is left.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let error = super::write_folder(&target, &files[..1], false)
            .unwrap_err()
            .to_string();
        assert!(error.contains("not empty"), "{error}");
        assert!(
            target.join("sub/b.yaml").exists(),
            "refused: the old folder stays whole"
        );
        super::write_folder(&target, &files[..1], true).unwrap();
        assert!(target.join("a.yaml").exists());
        assert!(
            !target.join("sub").exists(),
            "replaced: nothing of the old folder is left"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let escape = vec![(std::path::PathBuf::from("../x.yaml"), Vec::new())];
        assert!(super::write_folder(&dir.path().join("other"), &escape, false).is_err());
        assert!(!dir.path().join("x.yaml").exists() && !dir.path().join("other").exists());
    }

    /// What the signal handler runs: the temporary files being written go, finished outputs
    /// and other files stay. (The signal wiring itself is the ctrlc crate's.)
    #[test]
    fn an_interrupt_removes_the_temporary_files_being_written() {
        let dir = tempfile::tempdir().unwrap();
        let temporary = dir.path().join(".vsm-tmp-test");
        let finished = dir.path().join("report.html");
        std::fs::write(&temporary, "half").unwrap();
        std::fs::write(&finished, "whole").unwrap();
        // Its own list, not the process-wide one: other tests write files at the same time.
        super::remove_all(&[temporary.clone(), temporary.clone()]);
        assert!(!temporary.exists());
        assert_eq!(std::fs::read_to_string(&finished).unwrap(), "whole");
    }
}
