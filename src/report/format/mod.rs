//! Output formats as renderers over any view: each knows how to write a [`Table`] or the
//! typed rows of a [`TableView`], never which view it is writing.
//!
//! [`Table`]: super::views::Table
//! [`TableView`]: super::views::TableView

pub mod csv;
pub mod json;
pub mod markdown;
pub mod term;
