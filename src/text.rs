//! Small helpers for the English every output writes.

/// "1 finding", "2 findings": the count with the word that fits it.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::plural;

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
