//! Source files and positions: byte spans become 1-based line and column only when shown.

use crate::yaml::Span;
use std::path::PathBuf;
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
#[derive(Debug)]
pub struct SourceFile {
    /// The path as the user would type it (relative to the current folder where possible).
    pub path: PathBuf,
    pub text: String,
    line_starts: OnceLock<Vec<u32>>,
}

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

    /// Line and column of a byte offset (clamped into the text, and onto a char boundary).
    pub fn line_col(&self, offset: u32) -> LineCol {
        let mut offset = (offset as usize).min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s as usize <= offset) - 1;
        let line_start = starts[line] as usize;
        let column = self.text[line_start..offset].chars().count() + 1;
        LineCol {
            line: line as u32 + 1,
            column: column as u32,
        }
    }

    /// The path with forward slashes, as every output format shows it.
    pub fn display_path(&self) -> String {
        let text = self.path.to_string_lossy();
        if std::path::MAIN_SEPARATOR == '\\' {
            text.replace('\\', "/")
        } else {
            text.into_owned()
        }
    }
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
    fn columns_count_characters() {
        let file = SourceFile::new("m.yaml".into(), "a: 1\n名字: x\n".into());
        assert_eq!(file.line_col(0), LineCol { line: 1, column: 1 });
        let x = file.text.find('x').unwrap() as u32;
        assert_eq!(file.line_col(x), LineCol { line: 2, column: 5 });
        assert_eq!(file.line_col(10_000), LineCol { line: 3, column: 1 });
    }
}
