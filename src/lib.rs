//! `vsm`: checks value-stream models kept as YAML and turns them into the tables and heat
//! maps management reads.
//!
//! The pipeline, one module a step: [`yaml`] (spanned node tree) → [`load`] (files, typed
//! [`model`], syntax and type findings) → [`resolve`] (references, usage, graphs) →
//! [`check`] (the [`rules`], severities, `allow:`) → [`render`] (output formats).

pub mod atomic;
pub mod baseline;
pub mod catalog;
pub mod check;
pub mod cli;
pub mod config;
pub mod diag;
pub mod load;
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
