//! Small helpers for the English every output writes.

/// "1 finding", "2 findings": the count with the word that fits it.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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
}
