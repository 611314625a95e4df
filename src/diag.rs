//! Findings: what every rule and the loader produce, and every output format reads.

pub use crate::catalog::Severity;
use crate::catalog::{self, Rule};
use crate::source::Loc;
use crate::text;
use std::borrow::Cow;

/// The element a finding belongs to, so `allow:` on it (or on its value stream) can silence it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Owner {
    Element(crate::model::Kind, u32),
    Stage { stream: u32, stage: u32 },
}

/// A second place shown with a finding ("first defined here").
#[derive(Clone, Debug)]
pub struct Label {
    pub loc: Loc,
    pub message: String,
}

/// One problem in the model.
#[derive(Clone, Debug)]
pub struct Finding {
    pub rule: &'static Rule,
    /// The default severity until configuration is applied.
    pub severity: Severity,
    pub message: String,
    pub loc: Loc,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    /// Where in the model, e.g. `value_streams.complaint.stages.intake.value_items`.
    pub path: String,
    pub owner: Option<Owner>,
    /// The problem left part of its file unread (a syntax error, a section of the wrong
    /// shape): the model is incomplete, so findings that may only follow from the missing part
    /// are held back (see `check::findings`) and this one is shown first.
    pub unread: bool,
    /// On the first shown finding of an unread part: how many findings were held back because
    /// the model is incomplete (0 on every other finding). Outputs show it after the findings.
    pub held_back: usize,
}

impl Finding {
    pub fn new(rule: &'static Rule, loc: Loc, message: impl Into<String>) -> Self {
        Finding {
            rule,
            severity: rule.default.unwrap_or(Severity::Info),
            message: one_line(message.into()),
            loc,
            labels: Vec::new(),
            help: None,
            path: String::new(),
            owner: None,
            // A file that is not valid YAML is not read at all.
            unread: rule.code == catalog::YAML_SYNTAX.code,
            held_back: 0,
        }
    }

    /// Marks the finding as one whose node was not read, so the model is incomplete.
    pub fn unread(mut self) -> Self {
        self.unread = true;
        self
    }

    pub fn label(mut self, loc: Loc, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            loc,
            message: one_line(message.into()),
        });
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(one_line(help.into()));
        self
    }

    pub fn maybe_help(mut self, help: Option<String>) -> Self {
        self.help = help.map(one_line);
        self
    }

    pub fn path(mut self, path: impl Into<String>) -> Self {
        self.path = path.into();
        self
    }

    pub fn owner(mut self, owner: Owner) -> Self {
        self.owner = Some(owner);
        self
    }
}

/// Where a rule is being silenced: an element's `allow:` list or a suppression comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Silencer {
    Allow,
    Comment,
}

/// The rule `name` silences, or the finding that says why it silences nothing: the name is
/// no rule (VSM015, with "did you mean") or a structural rule (VSM003).
pub fn silenced_rule(name: &str, loc: Loc, by: Silencer) -> Result<&'static Rule, Box<Finding>> {
    let (verb, where_written) = match by {
        Silencer::Allow => ("switched off", ""),
        Silencer::Comment => ("suppressed", " in a suppression comment"),
    };
    match catalog::find(name) {
        Ok(rule) if !rule.can_be_disabled() => Err(Box::new(
            Finding::new(
                &catalog::INVALID_VALUE,
                loc,
                format!(
                    "{} {} cannot be {verb}: the model is not readable without it",
                    rule.code, rule.name
                ),
            )
            .help(match by {
                Silencer::Allow => {
                    "fix the problem instead; only rules from VSM009 on can be allowed"
                }
                Silencer::Comment => {
                    "fix the problem instead; only rules from VSM009 on can be suppressed"
                }
            }),
        )),
        Ok(rule) => Ok(rule),
        Err(unknown) => Err(Box::new(
            Finding::new(
                &catalog::UNKNOWN_RULE,
                loc,
                format!("`{name}`{where_written} is not a rule code or name"),
            )
            .help(unknown.help()),
        )),
    }
}

/// Sorts findings by file, position and code, the order every output uses; problems that left
/// part of a file unread come first, since many others may only follow from them.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (
            !a.unread,
            a.loc.file,
            a.loc.span.start,
            a.loc.span.end,
            a.rule.code,
            &a.message,
        )
            .cmp(&(
                !b.unread,
                b.loc.file,
                b.loc.span.start,
                b.loc.span.end,
                b.rule.code,
                &b.message,
            ))
    });
}

/// Counts by severity: (errors, warnings, infos).
pub fn counts(findings: &[Finding]) -> (usize, usize, usize) {
    findings
        .iter()
        .fold((0, 0, 0), |(e, w, i), f| match f.severity {
            Severity::Error => (e + 1, w, i),
            Severity::Warning => (e, w + 1, i),
            Severity::Info => (e, w, i + 1),
        })
}

/// Messages quote the model's own text (ids, names), which may hold line breaks or terminal
/// escape sequences: written raw they would split a one-line format (concise, GitHub
/// annotations) or drive the user's terminal. They are escaped as all terminal text is
/// ([`text::escaped`]).
fn one_line(text: String) -> String {
    match text::escaped(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(escaped) => escaped,
    }
}

/// How much of a user text a message quotes.
pub const SHOWN_CHARS: usize = 80;

/// User text as a message quotes it: control characters escaped (a line break in a key must
/// not break one-line output) and long texts cut to [`SHOWN_CHARS`] characters.
pub fn shown(text: &str) -> Cow<'_, str> {
    text::escaped_cut(text, SHOWN_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::UNRESOLVED_REFERENCE;

    #[test]
    fn messages_labels_and_help_stay_on_one_line_and_cannot_drive_the_terminal() {
        let loc = Loc {
            file: 0,
            span: crate::yaml::Span::default(),
        };
        let finding = Finding::new(&UNRESOLVED_REFERENCE, loc, "unknown `a\nb\u{1b}[31m`")
            .label(loc, "here\r")
            .help("did you mean `c\td`?");
        assert_eq!(finding.message, "unknown `a\\nb\\u{1b}[31m`");
        assert_eq!(finding.labels[0].message, "here\\r");
        assert_eq!(finding.help.as_deref(), Some("did you mean `c\\td`?"));
        let bidi = Finding::new(&UNRESOLVED_REFERENCE, loc, "unknown `a\u{202e}b\u{9b}`");
        assert_eq!(bidi.message, "unknown `a\\u{202e}b\\u{9b}`");
        let plain = Finding::new(&UNRESOLVED_REFERENCE, loc, "unknown `客服`");
        assert_eq!(plain.message, "unknown `客服`");
    }

    #[test]
    fn shown_escapes_control_characters_and_cuts_long_text() {
        assert_eq!(shown("call-routing"), "call-routing");
        assert_eq!(shown("line\nbreak\t"), "line\\nbreak\\t");
        let long = "名".repeat(1000);
        let cut = shown(&long);
        assert_eq!(cut.chars().count(), SHOWN_CHARS + 1);
        assert!(cut.ends_with('…'));
        let exactly = "x".repeat(SHOWN_CHARS);
        assert_eq!(shown(&exactly), exactly.as_str());
    }
}
