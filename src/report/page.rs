//! What every HTML page `vsm` writes shares (the report and `vsm heatmap --format html`): the
//! Content-Security-Policy and the style sheet. Kept apart so that neither page imports the
//! other.

/// Forbids scripts, frames, fonts, images and requests of any kind; allows the inline CSS.
pub const CSP: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n";

/// The style sheet, inlined into each page (a page loads nothing). Its own file so that it
/// can be read and edited as CSS.
pub const CSS: &str = include_str!("report.css");

/// Added to the style sheet of a page in Chinese: fonts that have the characters, on Windows
/// (Microsoft YaHei / JhengHei), macOS (PingFang) and Linux (Noto Sans CJK, Source Han Sans,
/// WenQuanYi), Simplified or Traditional forms first as the page's language asks. An English
/// page keeps its style sheet byte for byte.
pub fn cjk_css(lang: crate::i18n::Lang) -> &'static str {
    use crate::i18n::Lang;
    match lang {
        Lang::En => "",
        Lang::ZhCn => "body{font-family:system-ui,-apple-system,\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",\"Noto Sans SC\",\"Source Han Sans SC\",\"WenQuanYi Micro Hei\",\"Segoe UI\",Arial,sans-serif}\n",
        Lang::ZhTw => "body{font-family:system-ui,-apple-system,\"PingFang TC\",\"Microsoft JhengHei\",\"Noto Sans CJK TC\",\"Noto Sans TC\",\"Source Han Sans TC\",\"WenQuanYi Micro Hei\",\"Segoe UI\",Arial,sans-serif}\n",
    }
}

/// An HTML page around a body: the CSP, the style sheet (and `extra_css`), the title. Model
/// text in `title` is escaped by the template; `body` is HTML already.
#[derive(askama::Template)]
#[template(path = "page.html", config = "src/report/askama.toml")]
pub struct Page<'a> {
    /// The page's language, `<html lang>`: browsers pick fonts and line breaking by it.
    pub lang: &'a str,
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
