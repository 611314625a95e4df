//! Scalar readers: one value of a field (a text, an id, a number, an enumerated word, a
//! duration, a target, or a list of texts or ids) read from a YAML node. A value of the wrong
//! type or out of range is reported (VSM003) and read as absent, so reading goes on.

use super::convert::Converter;
use crate::diag::{self, shown};
use crate::model::{Duration, List, Ref, Spanned, Str, Target, Text};
use crate::says;
use crate::vocabulary::value_names;
use crate::yaml::{NodeId, NodeKind, Scalar};
use std::ops::RangeInclusive;
use unicode_normalization::UnicodeNormalization;
use unicode_security::general_security_profile::IdentifierType;
use unicode_security::GeneralSecurityProfile;

/// An id or a reference in Unicode NFC, so that `café` typed with a combining accent and
/// `café` typed with `é` are one id. Borrowed work is skipped for text already in NFC.
pub fn nfc(text: &str) -> String {
    if text.is_ascii() || unicode_normalization::is_nfc(text) {
        text.to_string()
    } else {
        text.nfc().collect()
    }
}

/// [`nfc`] as the model keeps it: an id of up to 24 bytes is stored inline, with no
/// allocation at all (not even a passing `String`).
pub(super) fn nfc_str(text: &str) -> Str {
    if text.is_ascii() || unicode_normalization::is_nfc(text) {
        Str::from(text)
    } else {
        text.nfc().collect()
    }
}

/// A character that cannot be seen: zero-width characters, bidi controls, the BOM, the soft
/// hyphen, Hangul fillers (Unicode's default-ignorable code points).
fn invisible(c: char) -> bool {
    c.identifier_type() == Some(IdentifierType::Default_Ignorable)
}

/// A character of the id alphabet: a letter of any script or its combining mark, a digit,
/// `-`, `_` or `.`; nothing invisible.
fn id_char(c: char) -> bool {
    if c.is_ascii() {
        // Nearly every id is ASCII: no Unicode tables for it.
        return c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    }
    (c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)) && !invisible(c)
}

/// Whether `text` is an id as the format allows it (what [`Converter::check_id`] accepts):
/// for tools that make ids, such as `vsm import`.
pub fn valid_id(text: &str) -> bool {
    !text.is_empty() && text.chars().all(id_char)
}

impl Converter<'_> {
    /// Reports an id outside the format's alphabet: empty, or with a character other than
    /// a letter (of any script, with its combining marks), a digit, `-`, `_` or `.`. Invisible
    /// characters (zero-width, bidi controls, BOM, soft hyphen) are refused even where Unicode
    /// counts them as letters, so that two ids never differ only by what cannot be seen.
    pub(super) fn check_id(&mut self, id: &Text) {
        let problem = if id.value.is_empty() {
            Some("an id must not be empty".to_string())
        } else {
            id.value.chars().find(|&c| !id_char(c)).map(|c| {
                let what = match c {
                    '/' => "`/`".to_string(),
                    '#' => "`#`".to_string(),
                    c if c.is_whitespace() && c.is_ascii() => "whitespace".to_string(),
                    c => crate::text::describe_char(c),
                };
                format!("the id `{}` contains {what}", shown(&id.value))
            })
        };
        if let Some(message) = problem {
            let fixed: String = id
                .value
                .trim()
                .chars()
                .filter(|&c| !invisible(c))
                .map(|c| if id_char(c) { c } else { '-' })
                .collect();
            let help = if fixed.is_empty() {
                "give the element an id such as `call-routing`".to_string()
            } else {
                format!(
                    "ids use letters, digits, `-`, `_` and `.`: try `{}`",
                    shown(&fixed)
                )
            };
            self.invalid_id(id.loc, message, help);
        }
    }

    /// Free text: any scalar (numbers and booleans as written); null is absent.
    pub(super) fn text(&mut self, node: NodeId, field: &str) -> Option<Text> {
        match self.doc.scalar(node) {
            Some(Scalar::Null) => None,
            Some(_) => {
                let text = self.doc.scalar_text(node).unwrap_or_default();
                Some(Text::new(Str::from(text), self.loc(node)))
            }
            None => {
                let found = self.doc.describe(node);
                let help = matches!(self.doc.kind(self.doc.deref(node)), NodeKind::Map(_))
                    .then(|| says!("text-needs-quotes").into());
                self.invalid(
                    node,
                    field,
                    says!(
                        "must-be-text",
                        field = field,
                        found = diag::found_word(found)
                    ),
                    help,
                );
                None
            }
        }
    }

    /// A list of texts; a single text is accepted as a list of one.
    pub(super) fn texts(&mut self, node: NodeId, field: &str) -> List<Text> {
        self.list(node, field, |conv, item| conv.text(item, field))
    }

    /// A list of references; a single id is accepted as a list of one.
    pub(super) fn refs(&mut self, node: NodeId, field: &str) -> List<Ref> {
        self.list(node, field, |conv, item| conv.reference(item, field))
    }

    /// A list read item by item; a single value is a list of one, null an empty list.
    pub(super) fn list<T>(
        &mut self,
        node: NodeId,
        field: &str,
        mut item: impl FnMut(&mut Self, NodeId) -> Option<T>,
    ) -> List<T> {
        let doc = self.doc;
        match doc.kind(doc.deref(node)) {
            NodeKind::Seq(items) => {
                // Allocated at its final size: a list collected from a filter grows to four
                // entries for one (a stage's one value item cost 576 bytes instead of 144).
                let mut out = Vec::with_capacity(items.len());
                out.extend(items.iter().filter_map(|&i| item(self, i)));
                out.into_boxed_slice()
            }
            NodeKind::Map(_) => {
                self.invalid(node, field, says!("must-be-a-list", field = field), None);
                List::default()
            }
            _ => match doc.scalar(node) {
                Some(Scalar::Null) => List::default(),
                _ => item(self, node).into_iter().collect(),
            },
        }
    }

    /// One entry of a list of ids.
    pub(super) fn reference(&mut self, node: NodeId, field: &str) -> Option<Ref> {
        match self.doc.scalar(node) {
            Some(Scalar::Null) => {
                self.invalid(
                    node,
                    field,
                    says!("empty-entry", field = field),
                    Some(says!("empty-entry-help").into()),
                );
                None
            }
            Some(Scalar::Str(text)) if text.trim().is_empty() => {
                self.invalid(
                    node,
                    field,
                    says!("empty-id", field = field),
                    Some(says!("empty-id-help").into()),
                );
                None
            }
            Some(_) => {
                let text = self.doc.scalar_text(node).unwrap_or_default();
                Some(Ref::new(nfc_str(text), self.loc(node)))
            }
            None => {
                let found = self.doc.describe(node);
                self.invalid(
                    node,
                    field,
                    says!(
                        "expected-an-id",
                        field = field,
                        found = diag::found_word(found)
                    ),
                    None,
                );
                None
            }
        }
    }

    /// A whole number in `range` (the ranges of the format all fit a byte).
    pub(super) fn integer(
        &mut self,
        node: NodeId,
        field: &str,
        range: RangeInclusive<i64>,
    ) -> Option<Spanned<u8>> {
        let (low, high) = (*range.start(), *range.end());
        let loc = self.loc(node);
        match self.doc.scalar(node) {
            Some(Scalar::Null) => None,
            Some(Scalar::Int(v)) if range.contains(&v) => Some(Spanned::new(v as u8, loc)),
            Some(Scalar::Int(v)) => {
                self.invalid(
                    node,
                    field,
                    format!("`{field}` must be between {low} and {high}, found {v}"),
                    None,
                );
                None
            }
            Some(Scalar::Str(s)) if s.trim().parse::<i64>().is_ok() => {
                self.invalid(
                    node,
                    field,
                    format!(
                        "`{field}` must be an integer from {low} to {high}, found the text \"{s}\""
                    ),
                    Some("remove the quotes".into()),
                );
                None
            }
            _ => {
                let found = self.doc.describe(node);
                self.invalid(
                    node,
                    field,
                    format!("`{field}` must be an integer from {low} to {high}, found {found}"),
                    None,
                );
                None
            }
        }
    }

    /// A finite number in `range`; integers are read as numbers too.
    pub(super) fn number(
        &mut self,
        node: NodeId,
        field: &str,
        range: RangeInclusive<f64>,
    ) -> Option<Spanned<f64>> {
        let (low, high) = (*range.start(), *range.end());
        let loc = self.loc(node);
        let value = match self.doc.scalar(node) {
            Some(Scalar::Null) => return None,
            Some(Scalar::Int(v)) => v as f64,
            Some(Scalar::Float(v)) => v,
            _ => {
                let found = self.doc.describe(node);
                self.invalid(
                    node,
                    field,
                    format!("`{field}` must be a number from {low} to {high}, found {found}"),
                    None,
                );
                return None;
            }
        };
        if value.is_finite() && range.contains(&value) {
            Some(Spanned::new(value, loc))
        } else {
            self.invalid(
                node,
                field,
                format!("`{field}` must be a number from {low} to {high}, found {value}"),
                None,
            );
            None
        }
    }

    /// `true` or `false`; YAML 1.1 words (`yes`, `off`) get a hint, as YAML 1.2 reads them as text.
    pub(super) fn boolean(&mut self, node: NodeId, field: &str) -> Option<Spanned<bool>> {
        let loc = self.loc(node);
        match self.doc.scalar(node) {
            Some(Scalar::Null) => None,
            Some(Scalar::Bool(b)) => Some(Spanned::new(b, loc)),
            _ => {
                let found = self.doc.describe(node);
                let help = match self.doc.scalar_text(node) {
                    Some("yes" | "Yes" | "YES" | "on" | "On" | "ON" | "y" | "Y") => {
                        says!("yaml-1-2-write", value = "true")
                    }
                    Some("no" | "No" | "NO" | "off" | "Off" | "OFF" | "n" | "N") => {
                        says!("yaml-1-2-write", value = "false")
                    }
                    _ => says!("write-true-or-false"),
                };
                self.invalid(
                    node,
                    field,
                    says!(
                        "must-be-boolean",
                        field = field,
                        found = diag::found_word(found)
                    ),
                    Some(help.into()),
                );
                None
            }
        }
    }

    /// One of the `options` (a list of the vocabulary), as written.
    pub(super) fn enumeration<T: Copy>(
        &mut self,
        node: NodeId,
        field: &str,
        options: &[(&str, T)],
    ) -> Option<Spanned<T>> {
        let loc = self.loc(node);
        match self.doc.scalar(node) {
            Some(Scalar::Null) => None,
            Some(_) => {
                let text = self.doc.scalar_text(node).unwrap_or_default();
                if let Some((_, value)) = options.iter().find(|(name, _)| *name == text) {
                    return Some(Spanned::new(*value, loc));
                }
                let names = value_names(options);
                let help = diag::did_you_mean(text, names.iter().copied())
                    .unwrap_or_else(|| says!("use-one-of", values = names.join(", ")));
                self.invalid(
                    node,
                    field,
                    says!("not-a-valid-value", value = shown(text), field = field),
                    Some(help.into()),
                );
                None
            }
            None => {
                let found = self.doc.describe(node);
                let names = value_names(options);
                self.invalid(
                    node,
                    field,
                    format!(
                        "`{field}` must be one of {}, found {found}",
                        names.join(", ")
                    ),
                    None,
                );
                None
            }
        }
    }

    /// A duration as text with units (`1d 12h`); a bare number has no unit and is reported.
    pub(super) fn duration(&mut self, node: NodeId, field: &str) -> Option<Spanned<Duration>> {
        let loc = self.loc(node);
        match self.doc.scalar(node) {
            Some(Scalar::Null) => None,
            Some(Scalar::Int(_) | Scalar::Float(_)) => {
                let text = self.doc.scalar_text(node).unwrap_or_default();
                self.invalid(
                    node,
                    field,
                    format!("`{field}` needs a unit: `{}` of what?", shown(text)),
                    Some(
                        format!(
                            "write e.g. `{0}min` or `{0}h` (units: s, min, h, d, w)",
                            shown(text)
                        )
                        .into(),
                    ),
                );
                None
            }
            Some(_) => {
                let text = self.doc.scalar_text(node).unwrap_or_default();
                match crate::units::parse_duration(text) {
                    Ok(d) => Some(Spanned::new(d, loc)),
                    Err(why) => {
                        self.invalid(
                            node,
                            field,
                            format!("`{}` is not a duration: {why}", shown(text)),
                            Some("write e.g. `30s`, `3 min`, `4h`, `1.5d` or `1d 12h`".into()),
                        );
                        None
                    }
                }
            }
            None => {
                let found = self.doc.describe(node);
                self.invalid(
                    node,
                    field,
                    format!("`{field}` must be a duration such as `4h`, found {found}"),
                    None,
                );
                None
            }
        }
    }

    /// A comparator and an amount (`<= 2d`), as text.
    pub(super) fn target(&mut self, node: NodeId, field: &str) -> Option<Spanned<Target>> {
        let loc = self.loc(node);
        match self.doc.scalar(node) {
            Some(Scalar::Null) => None,
            Some(Scalar::Str(text)) => match crate::units::parse_target(text) {
                Ok(t) => Some(Spanned::new(t, loc)),
                Err(why) => {
                    self.invalid(node, field, format!("`{}` is not a target: {why}", shown(text)), Some("write e.g. `<= 2d`, `>= 90%` or `< 3min` (quote it in YAML: \">= 90%\")".into()));
                    None
                }
            },
            _ => {
                let found = self.doc.describe(node);
                self.invalid(node, field, format!("`{field}` must be a comparator and an amount such as `<= 2d`, found {found}"), Some("start with one of <, <=, >, >=, =".into()));
                None
            }
        }
    }

    /// A single reference (not a list).
    pub(super) fn reference_field(&mut self, node: NodeId, field: &str) -> Option<Ref> {
        match self.doc.scalar(node) {
            Some(Scalar::Null) => None,
            Some(_) => self.reference(node, field),
            None => {
                let found = self.doc.describe(node);
                let help = matches!(self.doc.kind(self.doc.deref(node)), NodeKind::Seq(_))
                    .then(|| says!("takes-one-id", field = field).into());
                self.invalid(
                    node,
                    field,
                    says!(
                        "must-be-one-id",
                        field = field,
                        found = diag::found_word(found)
                    ),
                    help,
                );
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::load::tests::messages;

    #[test]
    fn messages_about_ids_stay_on_one_line() {
        let loaded = crate::load::load_text("m.yaml", "stakeholders:\n  \"a\\nb\": {name: A}\n");
        let finding = loaded
            .findings
            .iter()
            .find(|f| f.rule.code == "VSM008")
            .expect("an invalid-id finding");
        assert_eq!(finding.message, "the id `a\\nb` contains whitespace");
    }

    #[test]
    fn an_empty_reference_is_an_invalid_value() {
        let found = messages("capabilities:\n  a: {name: A, parent: \"\", owner: \" \"}\n");
        assert_eq!(
            found,
            ["an empty id in `parent`", "an empty id in `owner`"],
            "{found:?}"
        );
    }

    #[test]
    fn a_huge_value_is_not_copied_into_messages() {
        let text = format!(
            "capabilities:\n  c: {{name: C, importance: {}}}\n",
            "x".repeat(1 << 20)
        );
        let loaded = crate::load::load_text("m.yaml", &text);
        assert!(loaded.findings.iter().all(|f| f.message.len() < 1000));
    }
}
