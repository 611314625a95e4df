//! Reading the files `vsm` takes as input (the baseline, the config, model files): only
//! regular files, only up to a size, and each one remembered so that no output of the run can
//! replace it ([`crate::atomic`]). `--baseline /dev/zero` or a FIFO would otherwise read
//! until memory runs out or wait forever.

use std::io::Read;
use std::path::Path;

/// Why an input could not be read, worded for the message that names the file.
#[derive(Debug)]
pub enum InputError {
    NotFound,
    NotARegularFile,
    /// A file the system makes up as it is read (`/proc/self/environ`): it reports no size.
    Generated,
    TooLarge {
        limit: u64,
    },
    Io(std::io::Error),
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::NotFound => f.write_str("no such file"),
            InputError::NotARegularFile => {
                f.write_str("not a regular file (a device, pipe or folder cannot be read)")
            }
            InputError::Generated => f.write_str(
                "a file the system generates as it is read (as under /proc), not a file on disk",
            ),
            InputError::TooLarge { limit } => {
                write!(f, "larger than {} MB", limit / 1_000_000)
            }
            InputError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// Reads a regular file of at most `limit` bytes as bytes, and records it as read.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => InputError::NotFound,
        _ => InputError::Io(e),
    })?;
    if !meta.is_file() {
        return Err(InputError::NotARegularFile);
    }
    if meta.len() > limit {
        return Err(InputError::TooLarge { limit });
    }
    let file = std::fs::File::open(path).map_err(InputError::Io)?;
    // The file may grow between the check and the read: never take more than the limit.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(InputError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge { limit });
    }
    // A regular file that says it is empty yet holds text is made up by the system (procfs):
    // its text (a process's environment, say) must not reach a finding's snippet.
    if meta.len() == 0 && !bytes.is_empty() {
        return Err(InputError::Generated);
    }
    crate::atomic::mark_read(path);
    Ok(bytes)
}

/// Reads a regular UTF-8 text file of at most `limit` bytes, and records it as read.
pub fn read_text(path: &Path, limit: u64) -> Result<String, InputError> {
    let bytes = read_bytes(path, limit)?;
    String::from_utf8(bytes).map_err(|e| {
        InputError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to() + 1),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_folders_and_large_files_are_refused() {
        #[cfg(unix)]
        assert!(matches!(
            read_text(Path::new("/dev/zero"), 1_000),
            Err(InputError::NotARegularFile)
        ));
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_text(dir.path(), 1_000),
            Err(InputError::NotARegularFile)
        ));
        let big = dir.path().join("big.json");
        std::fs::write(&big, vec![b'x'; 2_000]).unwrap();
        let error = read_text(&big, 1_000).unwrap_err();
        assert!(matches!(error, InputError::TooLarge { limit: 1_000 }));
        assert!(matches!(
            read_text(&dir.path().join("none"), 1_000),
            Err(InputError::NotFound)
        ));
        let small = dir.path().join("small.json");
        std::fs::write(&small, "{}").unwrap();
        assert_eq!(read_text(&small, 1_000).unwrap(), "{}");
    }

    #[test]
    fn files_the_system_makes_up_are_refused() {
        let environ = Path::new("/proc/self/environ");
        if environ.exists() {
            assert!(matches!(
                read_bytes(environ, 1_000_000),
                Err(InputError::Generated)
            ));
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        assert!(matches!(
            read_text(&fifo, 1_000),
            Err(InputError::NotARegularFile)
        ));
    }
}
