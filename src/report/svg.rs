//! Small helpers for SVG drawn by `vsm` itself: text width estimates and line wrapping.
//!
//! There are no font metrics at hand, so widths are estimated: a wide (CJK) character counts
//! one em, a narrow one 0.58 em. Wrapped text stays inside its box for the usual sans-serif
//! fonts; the full text is always in a `<title>` as well.

use super::escape;
use std::fmt::Write;
use unicode_width::UnicodeWidthChar;

/// Estimated width in pixels of `text` at `font` px.
pub fn text_width(text: &str, font: f64) -> f64 {
    text.chars().map(|c| char_width(c, font)).sum()
}

fn char_width(c: char, font: f64) -> f64 {
    match c.width().unwrap_or(0) {
        0 => 0.0,
        1 if c.is_ascii_uppercase() || c == 'm' || c == 'w' => font * 0.72,
        1 if matches!(
            c,
            'i' | 'l' | 'j' | 'I' | '.' | ',' | ' ' | '\'' | '|' | '!'
        ) =>
        {
            font * 0.32
        }
        1 => font * 0.56,
        _ => font,
    }
}

/// Wraps `text` into at most `max_lines` lines of at most `max_width` px; the last line ends
/// with `…` when text was cut. Breaks at spaces, or anywhere in a run of wide characters.
pub fn wrap(text: &str, max_width: f64, font: f64, max_lines: usize) -> Vec<String> {
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut width = 0.0;
    // Tokens: words (narrow runs) and single wide characters, with the spaces between.
    let mut tokens: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if c == ' ' {
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
            tokens.push(" ".into());
        } else if c.width().unwrap_or(0) > 1 {
            if current.ends_with(['(', '[', '{', '"', '\'', '“', '‘']) {
                // An opening bracket stays with the character after it.
                current.push(c);
                tokens.push(std::mem::take(&mut current));
                continue;
            }
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
            tokens.push(c.to_string());
        } else if current.is_empty() && is_closing(c) && tokens.last().is_some_and(|t| t != " ") {
            // `)` or `,` right after a wide character stays on its line.
            tokens.last_mut().expect("checked").push(c);
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    let mut cut = false;
    for token in tokens {
        let w = text_width(&token, font);
        if token == " " {
            if !line.is_empty() {
                line.push(' ');
                width += w;
            }
            continue;
        }
        if width + w > max_width && !line.trim_end().is_empty() {
            lines.push(line.trim_end().to_string());
            line = String::new();
            width = 0.0;
            if lines.len() == max_lines {
                cut = true;
                break;
            }
        }
        if w > max_width {
            // A word longer than a line: cut it by characters.
            for c in token.chars() {
                let cw = char_width(c, font);
                if width + cw > max_width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    width = 0.0;
                    if lines.len() == max_lines {
                        cut = true;
                        break;
                    }
                }
                line.push(c);
                width += cw;
            }
            if cut {
                break;
            }
        } else {
            line.push_str(&token);
            width += w;
        }
    }
    if !cut && !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    if cut {
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && text_width(last, font) + font * 0.6 > max_width {
                last.pop();
            }
            last.push('…');
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | '）'
            | '，'
            | '。'
            | '、'
            | '：'
            | '；'
    )
}

/// `<text>` with one `<tspan>` per line, centred on `x`, the block's first baseline at `y`.
pub fn text_block(
    out: &mut String,
    lines: &[String],
    x: f64,
    y: f64,
    line_height: f64,
    attrs: &str,
) {
    let _ = write!(out, r#"<text x="{x:.0}" y="{y:.0}" {attrs}>"#);
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            out.push_str("<tspan>");
        } else {
            let _ = write!(out, r#"<tspan x="{x:.0}" dy="{line_height}">"#);
        }
        escape::html_into(out, line);
        out.push_str("</tspan>");
    }
    out.push_str("</text>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_words_and_wide_characters() {
        let lines = wrap("Understand the customer's need", 100.0, 12.0, 3);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| text_width(l, 12.0) <= 100.0));
        let lines = wrap("客户接触管理客户接触管理客户接触管理", 60.0, 12.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
    }
}
