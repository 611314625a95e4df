//! Findings: what every rule and the loader produce, and every output format reads.

use crate::rules::Rule;
use crate::source::Loc;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a finding is. Ordered so that `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        match text {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

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
        }
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

/// Messages quote the model's own text (ids, names), which may hold line breaks or terminal
/// escape sequences: written raw they would split a one-line format (concise, GitHub
/// annotations) or recolour the user's terminal. Control characters are shown escaped.
fn one_line(text: String) -> String {
    if !text.chars().any(char::is_control) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::UNRESOLVED_REFERENCE;

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
        let plain = Finding::new(&UNRESOLVED_REFERENCE, loc, "unknown `客服`");
        assert_eq!(plain.message, "unknown `客服`");
    }
}
