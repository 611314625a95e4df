//! `vsm`: checks value-stream models kept as YAML and turns them into the tables and heat
//! maps management reads.
//!
//! The pipeline, one module a step: [`yaml`] (spanned node tree) → [`load`] (files, typed
//! [`model`], syntax and type findings) → [`resolve`] (references, usage, graphs) →
//! [`check`] (the [`rules`], severities, `allow:`) → [`render`] (output formats).

/// `eprint!` that cannot panic: with standard error closed or full (`2>/dev/full`) the text is
/// lost, but the exit code stays the documented 0, 1 or 2 instead of a panic's 101.
#[macro_export]
macro_rules! stderr {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($arg)*);
    }};
}

/// `eprintln!` that cannot panic; see [`stderr!`].
#[macro_export]
macro_rules! stderrln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

pub mod atomic;
pub mod baseline;
pub mod catalog;
pub mod check;
pub mod cli;
pub mod config;
pub mod diag;
pub mod diff;
pub mod i18n;
pub mod input;
pub mod interop;
pub mod load;
pub mod lsp;
pub mod model;
pub mod render;
pub mod report;
pub mod resolve;
pub mod rules;
pub mod schema;
pub mod source;
pub mod suggest;
pub mod suppress;
pub mod text;
pub mod units;
pub mod vocabulary;
pub mod yaml;
