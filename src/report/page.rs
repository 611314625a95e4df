//! What every HTML page `vsm` writes shares (the report and `vsm heatmap --format html`): the
//! Content-Security-Policy and the style sheet. Kept apart so that neither page imports the
//! other.

/// Forbids scripts, frames, fonts, images and requests of any kind; allows the inline CSS.
pub const CSP: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n";

/// The style sheet, inlined into each page (a page loads nothing). Its own file so that it
/// can be read and edited as CSS.
pub const CSS: &str = include_str!("report.css");
