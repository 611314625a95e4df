//! Models in and out of the tools architects already use: ArchiMate 3.x Model Exchange Files
//! (`archimate/`: read, map to the model format, write) and capability-map spreadsheets
//! (`csv.rs`). The mapping and its reasons are in docs/interop.md.
//!
//! Importing reads a foreign file and writes model files as text (`draft.rs` builds and prints
//! them); it needs nothing above the typed model's words. Exporting reads the loaded and
//! resolved model, like the renderers, which is why this module sits in the render layer.

pub mod archimate;
pub mod csv;
pub mod draft;

/// Where a problem of an input file is: 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A problem that stops an import: nothing is written. `position` is where in the input file
/// it is, when it is somewhere.
#[derive(Debug)]
pub struct InputProblem {
    pub position: Option<Position>,
    pub message: String,
}

impl InputProblem {
    pub fn at(position: Position, message: impl Into<String>) -> Self {
        InputProblem {
            position: Some(position),
            message: message.into(),
        }
    }

    pub fn whole(message: impl Into<String>) -> Self {
        InputProblem {
            position: None,
            message: message.into(),
        }
    }

    /// `FILE:LINE:COL: message`, the form compilers and `vsm check --format concise` use.
    pub fn shown(&self, file: &std::path::Path) -> String {
        match self.position {
            Some(position) => format!("{}:{position}: {}", file.display(), self.message),
            None => format!("{}: {}", file.display(), self.message),
        }
    }
}
