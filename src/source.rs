//! Source files and positions: byte spans become 1-based line and column only when shown.

use crate::yaml::Span;
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

/// Index of a file in [`Sources`].
pub type FileId = u32;

/// A place in the model: a file and a byte range in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Loc {
    pub file: FileId,
    pub span: Span,
}

/// One model file as read from disk (a BOM removed, otherwise exactly its text).
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user would type it (relative to the current folder where possible).
    pub path: PathBuf,
    pub text: String,
    line_starts: OnceLock<Vec<u32>>,
    /// Characters before each block of [`CHAR_BLOCK`] bytes; `None` for ASCII text.
    char_blocks: OnceLock<Option<Vec<u32>>>,
}

/// Bytes per entry of the character-count table: a column costs at most this many byte
/// reads, however long the line (a 10 MB one-line file with 50,000 findings stays linear).
const CHAR_BLOCK: usize = 256;

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

impl SourceFile {
    pub fn new(path: PathBuf, text: String) -> Self {
        SourceFile {
            path,
            text,
            line_starts: OnceLock::new(),
            char_blocks: OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0u32];
            starts.extend(
                self.text
                    .bytes()
                    .enumerate()
                    .filter(|&(_, b)| b == b'\n')
                    .map(|(i, _)| i as u32 + 1),
            );
            starts
        })
    }

    /// How many characters start before byte `offset` (a char boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let blocks = self.char_blocks.get_or_init(|| {
            if self.text.is_ascii() {
                return None;
            }
            let mut blocks = Vec::with_capacity(self.text.len() / CHAR_BLOCK + 1);
            let mut count = 0u32;
            for chunk in self.text.as_bytes().chunks(CHAR_BLOCK) {
                blocks.push(count);
                count += chunk.iter().filter(|&&b| !is_continuation(b)).count() as u32;
            }
            // One more entry for the end of a text whose length is a multiple of the block.
            blocks.push(count);
            Some(blocks)
        });
        let Some(blocks) = blocks else {
            return offset;
        };
        let block = offset / CHAR_BLOCK;
        let before = blocks[block];
        let rest = &self.text.as_bytes()[block * CHAR_BLOCK..offset];
        before as usize + rest.iter().filter(|&&b| !is_continuation(b)).count()
    }

    /// Line and column of a byte offset (clamped into the text, and onto a char boundary).
    pub fn line_col(&self, offset: u32) -> LineCol {
        let mut offset = (offset as usize).min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s as usize <= offset) - 1;
        let line_start = starts[line] as usize;
        let column = self.chars_before(offset) - self.chars_before(line_start) + 1;
        LineCol {
            line: line as u32 + 1,
            column: column as u32,
        }
    }

    /// Byte range of the lines `first..=last` (1-based, clamped), with their newlines.
    pub fn lines_range(&self, first: u32, last: u32) -> std::ops::Range<usize> {
        let starts = self.line_starts();
        let first = (first.max(1) as usize - 1).min(starts.len() - 1);
        let last = (last.max(1) as usize).min(starts.len());
        let start = starts[first] as usize;
        let end = starts.get(last).map_or(self.text.len(), |&s| s as usize);
        let end = end.max(start);
        start..end
    }

    /// The path with forward slashes, as every output format shows it.
    pub fn display_path(&self) -> String {
        slashes(&self.path)
    }
}

/// A path with forward slashes, as every output shows it (Windows too).
pub fn slashes(path: &Path) -> String {
    let text = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '\\' {
        text.replace('\\', "/")
    } else {
        text.into_owned()
    }
}

/// Removes `.` and `..` components without touching the file system.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` relative to the folder `base` (both absolute and normalised), with `..` where it
/// leaves `base`; `None` when they have different roots (another drive on Windows).
pub fn relative(base: &Path, path: &Path) -> Option<PathBuf> {
    let base_parts: Vec<Component> = base.components().collect();
    let parts: Vec<Component> = path.components().collect();
    if base_parts.first() != parts.first() {
        return None;
    }
    let common = base_parts
        .iter()
        .zip(&parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = PathBuf::new();
    for _ in common..base_parts.len() {
        out.push("..");
    }
    for part in &parts[common..] {
        out.push(part);
    }
    Some(out)
}

/// `path` as outputs show it: relative to the folder `cwd` (absolute, normalised), with `../`
/// for a file outside it, so a report reads the same wherever the paths came from (the command
/// line, the config's `paths:`, an absolute argument). Absolute only when no relative path
/// exists.
pub fn shown_from(cwd: &Path, path: &Path) -> PathBuf {
    let Ok(absolute) = std::path::absolute(cwd.join(path)) else {
        return path.to_path_buf();
    };
    let absolute = normalize(&absolute);
    match relative(cwd, &absolute) {
        Some(shown) if !shown.as_os_str().is_empty() => shown,
        Some(_) => PathBuf::from("."),
        None => absolute,
    }
}

/// A UTF-8 continuation byte (`10xxxxxx`): not the start of a character.
fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

/// All files of one model, indexed by [`FileId`].
#[derive(Debug, Default)]
pub struct Sources {
    pub files: Vec<SourceFile>,
}

impl Sources {
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id as usize]
    }

    /// Start and end (exclusive end turned into the last character's position + 1).
    pub fn range(&self, loc: Loc) -> (LineCol, LineCol) {
        let file = self.get(loc.file);
        (file.line_col(loc.span.start), file.line_col(loc.span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_shown_relative_to_the_current_folder() {
        let cwd = Path::new("/repo/models");
        for (given, shown) in [
            ("./a.yaml", "a.yaml"),
            ("/repo/models/x/a.yaml", "x/a.yaml"),
            ("../vsm.yaml", "../vsm.yaml"),
            ("/other/a.yaml", "../../other/a.yaml"),
            ("sub/../b.yaml", "b.yaml"),
            ("/repo/models", "."),
        ] {
            assert_eq!(
                shown_from(cwd, Path::new(given)),
                Path::new(shown),
                "{given}"
            );
        }
    }

    #[test]
    fn columns_count_characters() {
        let file = SourceFile::new("m.yaml".into(), "a: 1\n名字: x\n".into());
        assert_eq!(file.line_col(0), LineCol { line: 1, column: 1 });
        let x = file.text.find('x').unwrap() as u32;
        assert_eq!(file.line_col(x), LineCol { line: 2, column: 5 });
        assert_eq!(file.line_col(10_000), LineCol { line: 3, column: 1 });
    }

    #[test]
    fn columns_on_long_mixed_lines_match_a_plain_count() {
        // Long lines across many blocks, multi-byte characters straddling block edges.
        let line = "ab名字😀c".repeat(300);
        let text = format!("{line}\n{line}\nend");
        let file = SourceFile::new("m.yaml".into(), text.clone());
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let expected = text[line_start..offset].chars().count() as u32 + 1;
            assert_eq!(
                file.line_col(offset as u32).column,
                expected,
                "offset {offset}"
            );
        }
    }

    #[test]
    fn many_columns_on_one_huge_line_stay_fast() {
        // 50,000 findings on a 4 MB line used to count the line from its start every time.
        let text = "名".repeat(1_400_000);
        let file = SourceFile::new("m.yaml".into(), text.clone());
        let started = std::time::Instant::now();
        for i in 0..50_000u32 {
            let offset = (i as usize * 84) % text.len() / 3 * 3;
            assert_eq!(file.line_col(offset as u32).column, offset as u32 / 3 + 1);
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }
}
