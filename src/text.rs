//! Small helpers for the text every output writes: English counts, and the one escaping of
//! user text (model, file names, config) on its way to a terminal.

use std::borrow::Cow;

/// "1 finding", "2 findings": the count with the word that fits it.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A character that drives a terminal instead of being shown: C0 controls, DEL and C1
/// controls (escape sequences, OSC 52 clipboard writes, OSC 8 links, carriage returns that
/// let later text overwrite earlier, BEL), and the bidirectional embeddings, overrides and
/// isolates that make text show in another order than it is written (Trojan Source).
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// User text as a terminal may show it: every [unsafe](is_unsafe) character written as its
/// escape (`\n`, `\u{1b}`, `\u{202e}`), so it shows and cannot act.
pub fn escaped(text: &str) -> Cow<'_, str> {
    escaped_cut(text, usize::MAX)
}

/// [`escaped`], cut after `max_chars` characters (ending with `…` when cut).
pub fn escaped_cut(text: &str, max_chars: usize) -> Cow<'_, str> {
    let long = max_chars != usize::MAX && text.chars().nth(max_chars).is_some();
    if !long && !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len().min(max_chars.saturating_mul(4)) + 8);
    for c in text.chars().take(max_chars) {
        push_escaped(&mut out, c);
    }
    if long {
        out.push('…');
    }
    Cow::Owned(out)
}

fn push_escaped(out: &mut String, c: char) {
    if is_unsafe(c) {
        out.extend(c.escape_default());
    } else {
        out.push(c);
    }
}

/// Text of several lines as a terminal may show it: [`escaped`], except the line breaks and
/// tabs that lay it out (see [`escaped_source`]).
pub fn escaped_lines(text: &str) -> Cow<'_, str> {
    match escaped_source(text) {
        Some((escaped, _)) => Cow::Owned(escaped),
        None => Cow::Borrowed(text),
    }
}

/// A source file's text as a snippet shows it: [`escaped`], except the line breaks (`\n`, and
/// `\r` before it) and tabs that lay the lines out. `None` when nothing needs escaping;
/// otherwise the text and, for each escaped character, its byte offset in `text` and how many
/// bytes the escaping has added up to and including it (see [`Shifts::map`]).
pub fn escaped_source(text: &str) -> Option<(String, Shifts)> {
    let acts = |i: usize, c: char| {
        is_unsafe(c) && c != '\n' && c != '\t' && !(c == '\r' && text[i + 1..].starts_with('\n'))
    };
    if !text.char_indices().any(|(i, c)| acts(i, c)) {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 64);
    let mut shifts = Vec::new();
    for (i, c) in text.char_indices() {
        if acts(i, c) {
            push_escaped(&mut out, c);
            shifts.push((i as u32, (out.len() - i - c.len_utf8()) as u32));
        } else {
            out.push(c);
        }
    }
    Some((out, Shifts(shifts)))
}

/// Where the offsets of a text moved when [`escaped_source`] escaped it.
#[derive(Clone, Debug, Default)]
pub struct Shifts(Vec<(u32, u32)>);

impl Shifts {
    /// The offset in the escaped text of byte `offset` of the original.
    pub fn map(&self, offset: u32) -> u32 {
        let before = self.0.partition_point(|&(at, _)| at < offset);
        match before {
            0 => offset,
            n => offset + self.0[n - 1].1,
        }
    }

    /// The byte of the original text that byte `offset` of the escaped text shows (the
    /// inverse of [`Shifts::map`] outside an escape), so positions are told in the original.
    pub fn unmap(&self, offset: u32) -> u32 {
        let before = self.0.partition_point(|&(at, added)| at + added < offset);
        match before {
            0 => offset,
            n => offset - self.0[n - 1].1,
        }
    }
}

/// A character a message points at: `U+200B ZERO WIDTH SPACE`, with the character itself in
/// backticks first when it can be seen (`` `~` U+007E TILDE ``).
pub fn describe_char(c: char) -> String {
    use unicode_security::general_security_profile::IdentifierType;
    use unicode_security::GeneralSecurityProfile;
    let code = format!("U+{:04X}", u32::from(c));
    let name = unicode_names2::name(c)
        .map(|n| format!(" {n}"))
        .unwrap_or_default();
    let invisible = c.is_control()
        || c.is_whitespace()
        || c.identifier_type() == Some(IdentifierType::Default_Ignorable);
    if invisible {
        format!("{code}{name}")
    } else {
        format!("`{c}` {code}{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_named_with_their_code_point() {
        assert_eq!(describe_char('\u{200b}'), "U+200B ZERO WIDTH SPACE");
        assert_eq!(describe_char('а'), "`а` U+0430 CYRILLIC SMALL LETTER A");
    }

    #[test]
    fn one_is_singular_and_everything_else_plural() {
        assert_eq!(plural(0, "finding", "findings"), "0 findings");
        assert_eq!(plural(1, "entry is", "entries are"), "1 entry is");
        assert_eq!(
            plural(2, "value stream", "value streams"),
            "2 value streams"
        );
    }

    #[test]
    fn terminal_controls_are_escaped_and_everything_else_kept() {
        assert_eq!(escaped("客服 call-routing ✓"), "客服 call-routing ✓");
        assert!(matches!(escaped("plain"), Cow::Borrowed(_)));
        assert_eq!(escaped("\u{1b}]52;c;aGk=\u{7}"), "\\u{1b}]52;c;aGk=\\u{7}");
        assert_eq!(
            escaped("ok\r\u{1b}[1A\u{1b}[2J"),
            "ok\\r\\u{1b}[1A\\u{1b}[2J"
        );
        assert_eq!(escaped("a\nb\tc\u{7f}"), "a\\nb\\tc\\u{7f}");
        assert_eq!(escaped("\u{9b}31m\u{85}"), "\\u{9b}31m\\u{85}");
        assert_eq!(
            escaped("x\u{202e}y\u{2066}z\u{2069}\u{202a}"),
            "x\\u{202e}y\\u{2066}z\\u{2069}\\u{202a}"
        );
        // Neighbours of the bidi controls are ordinary text.
        assert_eq!(
            escaped("\u{2029}\u{2065}\u{206a}"),
            "\u{2029}\u{2065}\u{206a}"
        );
    }

    #[test]
    fn cut_text_ends_with_an_ellipsis() {
        assert_eq!(escaped_cut("abcdef", 3), "abc…");
        assert_eq!(escaped_cut("abc", 3), "abc");
        assert_eq!(escaped_cut("\u{1b}bc", 2), "\\u{1b}b…");
    }

    #[test]
    fn source_keeps_its_lines_and_maps_offsets_past_escapes() {
        assert!(escaped_source("a: 1\r\nb:\t2\n").is_none());
        let text = "a: \u{1b}[2J\nb: x\ry\n";
        let (shown, shifts) = escaped_source(text).unwrap();
        assert_eq!(shown, "a: \\u{1b}[2J\nb: x\\ry\n");
        for (original, expected) in [("a", "a"), ("[2J", "[2J"), ("b: x", "b: x"), ("y", "y")] {
            let at = text.find(original).unwrap() as u32;
            let mapped = shifts.map(at) as usize;
            assert_eq!(&shown[mapped..mapped + expected.len()], expected);
        }
        assert_eq!(escaped_lines("a\u{7}\nb"), "a\\u{7}\nb");
        // The escaped character itself maps onto the start of its escape.
        assert_eq!(shifts.map(3), 3);
    }

    #[test]
    fn unmap_takes_an_escaped_offset_back_to_the_original() {
        let text = "a\u{1b}b\u{7}c";
        let (escaped, shifts) = escaped_source(text).unwrap();
        for (original, c) in text.char_indices().filter(|(_, c)| !c.is_control()) {
            let at = shifts.map(original as u32);
            assert_eq!(escaped[at as usize..].chars().next(), Some(c));
            assert_eq!(shifts.unmap(at), original as u32, "{c}");
        }
    }
}
