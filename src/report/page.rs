//! What every HTML page `vsm` writes shares (the report and `vsm heatmap --format html`): the
//! Content-Security-Policy and the style sheet. Kept apart so that neither page imports the
//! other.

/// Forbids scripts, frames, fonts, images and requests of any kind; allows the inline CSS.
pub const CSP: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n";

/// The style sheet, inlined into each page (a page loads nothing). Its own file so that it
/// can be read and edited as CSS.
pub const CSS: &str = include_str!("report.css");

/// An HTML page around a body: the CSP, the style sheet (and `extra_css`), the title. Model
/// text in `title` is escaped by the template; `body` is HTML already.
#[derive(askama::Template)]
#[template(path = "page.html", config = "src/report/askama.toml")]
pub struct Page<'a> {
    /// The `vsm` version for a `generator` meta tag.
    pub generator: Option<&'a str>,
    pub title: &'a str,
    pub extra_css: &'a str,
    /// Large models: the browser lays out only the parts on screen.
    pub large: bool,
    pub body: &'a str,
}

impl Page<'_> {
    /// The page as text, ending with a newline (askama drops the template file's last one).
    pub fn render_page(&self) -> String {
        let mut out = askama::Template::render(self).expect("writing to a String cannot fail");
        out.push('\n');
        out
    }
}
