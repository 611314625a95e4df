//! Escaping model text for every output language. Model text is never trusted: any name must
//! come out literally, and never as markup, script, a link or broken syntax.

use std::fmt::Write;

/// Control characters other than tab and newline are not allowed in XML (and mean nothing in
/// a report): they become U+FFFD.
fn clean(c: char) -> char {
    if c.is_control() && c != '\n' && c != '\t' {
        '\u{fffd}'
    } else {
        c
    }
}

/// Text for HTML and SVG, safe in element content and in quoted attribute values
/// (`&`, `<`, `>`, `"`, `'` and `/` are escaped).
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    html_into(&mut out, text);
    out
}

/// Appends [`html`] of `text` to `out`.
pub fn html_into(out: &mut String, text: &str) {
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        let cleaned: String = text.chars().map(clean).collect();
        html_escape::encode_safe_to_string(&cleaned, out);
    } else {
        html_escape::encode_safe_to_string(text, out);
    }
}

/// The escaper of the askama HTML templates (src/report/askama.toml): [`html_into`], so that
/// templated pages escape exactly as the rest of the HTML and SVG does.
#[derive(Clone, Copy, Debug)]
pub struct Html;

impl askama::filters::Escaper for Html {
    fn write_escaped_str<W: std::fmt::Write>(&self, mut dest: W, text: &str) -> std::fmt::Result {
        let mut out = String::with_capacity(text.len() + 8);
        html_into(&mut out, text);
        dest.write_str(&out)
    }
}

/// Text for a cell of a GitHub-flavoured Markdown table or a line of Markdown: Markdown
/// punctuation is backslash-escaped, `|` too, HTML is neutralised (`&lt;`), newlines become
/// `<br>`.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let text = text.trim_end_matches('\n');
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(clean(c)),
        }
    }
    out
}

/// A paragraph of Markdown: [`markdown`], and a leading `-`, `+`, `=`, `#` or `1.` that would
/// start a list or a heading is escaped.
pub fn markdown_block(text: &str) -> String {
    let mut out = markdown(text.trim_start());
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if out.starts_with(['-', '+', '=', '#']) {
        out.insert(0, '\\');
    } else if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

/// Heading text for Markdown: [`markdown`], and a trailing run of `#` (which GFM would take as
/// the closing sequence) is escaped.
pub fn markdown_heading(text: &str) -> String {
    let mut out = markdown(&text.replace('\n', " "));
    let trailing = out.len() - out.trim_end_matches('#').len();
    if trailing > 0 {
        out.insert(out.len() - trailing, '\\');
    }
    out
}

/// A label inside Mermaid double quotes (`["..."]`), written as Mermaid entity codes where
/// Mermaid would read the text rather than show it: `"`, `#`, `<`, `>`, `&`, backticks (its
/// Markdown strings), `%` (a `%%{init: ...}%%` directive anywhere in the text reconfigures the
/// diagram, and `%%` starts a comment), `:` (its `style ...:#...;` rewriting runs over label
/// text too), and `ﬂ` and `¶` (the characters its entity placeholders are made of). Newlines
/// become `<br>`, other control characters a space.
pub fn mermaid(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let text = text.trim_end_matches('\n');
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '`' | '%' | ':' | '\u{fb02}' | '¶' => {
                let _ = write!(out, "#{};", u32::from(c));
            }
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A Graphviz DOT quoted string's content: `\` and `"` are backslash-escaped, newlines
/// become `\n`.
pub fn dot(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let text = text.trim_end_matches('\n');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A slug for HTML ids: the index makes it unique, the id keeps it readable.
pub fn anchor(prefix: &str, index: usize) -> String {
    let mut out = String::new();
    let _ = write!(out, "{prefix}-{index}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_attributes() {
        assert_eq!(
            html(r#""><img src=x onerror=alert(1)>"#),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(
            html("<script>alert('x')</script>"),
            "&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2F;script&gt;"
        );
        assert_eq!(html("客服\u{1}中心"), "客服\u{fffd}中心");
    }

    #[test]
    fn markdown_cells_stay_cells() {
        assert_eq!(markdown("a | b\nc"), r"a \| b<br>c");
        assert_eq!(markdown("<b>x</b>"), "&lt;b&gt;x&lt;/b&gt;");
        assert_eq!(markdown("[x](y) *z*"), r"\[x\](y) \*z\*");
    }

    #[test]
    fn markdown_headings_keep_trailing_hashes() {
        assert_eq!(markdown_heading("C# ##"), r"C# \##");
    }

    #[test]
    fn mermaid_labels_have_no_quotes_or_markup() {
        assert_eq!(
            mermaid(r#"a "b" <c> #1"#),
            "a #quot;b#quot; #lt;c#gt; #35;1"
        );
    }

    #[test]
    fn mermaid_directives_and_comments_are_text() {
        assert_eq!(
            mermaid("%%{init: {'theme': 'dark'}}%%"),
            "#37;#37;{init#58; {'theme'#58; 'dark'}}#37;#37;"
        );
        assert_eq!(mermaid("style x fill:#f00;"), "style x fill#58;#35;f00;");
        assert_eq!(mermaid("`md` \u{fb02}°°x¶ß"), "#96;md#96; #64258;°°x#182;ß");
    }

    #[test]
    fn dot_strings_are_closed() {
        assert_eq!(dot("a \"b\" \\ c\nd"), r#"a \"b\" \\ c\nd"#);
    }
}
