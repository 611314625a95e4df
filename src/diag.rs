//! Findings: what every rule and the loader produce, and every output format reads.

pub use crate::catalog::Severity;
use crate::catalog::{self, Rule};
use crate::i18n::Lang;
use crate::source::Loc;
use crate::text;
use std::borrow::Cow;

/// An argument of a keyed message: text quoted as it is (an id, a name, a figure already
/// written), or a count, which chooses the plural form in languages that have them.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    Count(u64),
    /// A word of `findings.ftl` itself (a kind of element, what a YAML node is), written in
    /// the message's language: "unknown {capability} `x`" reads "未知的{业务能力} `x`".
    Word(&'static str),
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_string())
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(text.clone())
    }
}

impl From<&crate::model::Str> for Arg {
    fn from(text: &crate::model::Str) -> Self {
        Arg::Text(text.to_string())
    }
}

impl From<crate::model::Str> for Arg {
    fn from(text: crate::model::Str) -> Self {
        Arg::Text(text.into_string())
    }
}

impl From<Cow<'_, str>> for Arg {
    fn from(text: Cow<'_, str>) -> Self {
        Arg::Text(text.into_owned())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Count(n as u64)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Count(u64::from(n))
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Count(n)
    }
}

/// A message of `locales/<lang>/findings.ftl` with its arguments. A finding keeps it beside its
/// English text so that the finding can be written in the reader's language at the last step
/// ([`localize`]), while baselines, `vsm diff` and sorting keep matching on the English.
/// Written with [`says!`](crate::says).
#[derive(Clone, Debug, PartialEq)]
pub struct Keyed {
    pub key: &'static str,
    pub args: Box<[(&'static str, Arg)]>,
}

impl Keyed {
    pub fn new(key: &'static str, args: Vec<(&'static str, Arg)>) -> Self {
        Keyed {
            key,
            args: args.into_boxed_slice(),
        }
    }

    /// The message in `lang`, on one line with the model's text escaped.
    pub fn in_lang(&self, lang: Lang) -> String {
        let args: Vec<(&str, fluent_bundle::FluentValue<'_>)> = self
            .args
            .iter()
            .map(|(name, arg)| {
                let value = match arg {
                    Arg::Text(text) => fluent_bundle::FluentValue::from(text.as_str()),
                    Arg::Count(n) => fluent_bundle::FluentValue::from(*n),
                    Arg::Word(key) => fluent_bundle::FluentValue::from(lang.t(key)),
                };
                (*name, value)
            })
            .collect();
        one_line(lang.t_args(self.key, &args))
    }
}

/// A keyed message: `says!("no-value-item", stage = id)`. The key must be in
/// every language's `findings.ftl` (tests/languages.rs reads the `says!` calls of the source).
#[macro_export]
macro_rules! says {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::diag::Keyed::new(
            $key,
            vec![$((stringify!($name), $crate::diag::Arg::from($value))),*],
        )
    };
}

/// What a finding, label or help says: English text not (yet) translated, or a keyed message.
#[derive(Clone, Debug)]
pub enum Says {
    Plain(String),
    Keyed(Keyed),
}

impl Says {
    /// The English text, and the key to write it in another language if there is one.
    fn split(self) -> (String, Option<Box<Keyed>>) {
        match self {
            Says::Plain(text) => (one_line(text), None),
            Says::Keyed(keyed) => (keyed.in_lang(Lang::En), Some(Box::new(keyed))),
        }
    }
}

impl From<String> for Says {
    fn from(text: String) -> Self {
        Says::Plain(text)
    }
}

impl From<&str> for Says {
    fn from(text: &str) -> Self {
        Says::Plain(text.to_string())
    }
}

impl From<&String> for Says {
    fn from(text: &String) -> Self {
        Says::Plain(text.clone())
    }
}

impl From<Cow<'_, str>> for Says {
    fn from(text: Cow<'_, str>) -> Self {
        Says::Plain(text.into_owned())
    }
}

impl From<Keyed> for Says {
    fn from(keyed: Keyed) -> Self {
        Says::Keyed(keyed)
    }
}

/// `did you mean `x`?` as a finding's help, in the reader's language (`你是不是想写 `x`？`),
/// if a candidate is close ([`crate::suggest::did_you_mean`]).
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> Option<Keyed>
where
    I: IntoIterator<Item = &'a str>,
{
    crate::suggest::did_you_mean(word, candidates)
        .map(|c| crate::says!("did-you-mean", candidate = c))
}

/// A kind of element as a message names it: `capability` (`业务能力`).
pub fn kind_word(kind: crate::model::Kind) -> Arg {
    use crate::model::Kind;
    Arg::Word(match kind {
        Kind::Stakeholder => "kind-stakeholder",
        Kind::ValueStream => "kind-value-stream",
        Kind::Stage => "kind-stage",
        Kind::Capability => "kind-capability",
        Kind::Process => "kind-process",
        Kind::Information => "kind-information",
        Kind::BusinessObject => "kind-business-object",
        Kind::Commitment => "kind-commitment",
        Kind::Perception => "kind-perception",
    })
}

/// A kind of element with its article where English needs one: `a capability`,
/// `information` (Chinese has no article: `业务能力`).
pub fn kind_with_article(kind: crate::model::Kind) -> Arg {
    use crate::model::Kind;
    Arg::Word(match kind {
        Kind::Stakeholder => "kind-a-stakeholder",
        Kind::ValueStream => "kind-a-value-stream",
        Kind::Stage => "kind-a-stage",
        Kind::Capability => "kind-a-capability",
        Kind::Process => "kind-a-process",
        Kind::Information => "kind-a-information",
        Kind::BusinessObject => "kind-a-business-object",
        Kind::Commitment => "kind-a-commitment",
        Kind::Perception => "kind-a-perception",
    })
}

/// What a YAML node is, as [`crate::yaml::Document::describe`] says it in English (`a list`),
/// as a word of the message's language; a description it does not know stays as written.
pub fn found_word(description: &'static str) -> Arg {
    Arg::Word(match description {
        "a list" => "found-list",
        "a mapping" => "found-mapping",
        "an alias" => "found-alias",
        "nothing (null)" => "found-null",
        "a boolean" => "found-boolean",
        "an integer" => "found-integer",
        "a number" => "found-number",
        "text" => "found-text",
        other => return Arg::Text(other.to_string()),
    })
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
    /// The message as a key, to write it in another language ([`localize`]).
    pub keyed: Option<Box<Keyed>>,
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
    /// The message and help as keys, to write them in another language ([`localize`]);
    /// `message` and `help` are their English text.
    pub keyed_message: Option<Box<Keyed>>,
    pub keyed_help: Option<Box<Keyed>>,
}

impl Finding {
    pub fn new(rule: &'static Rule, loc: Loc, message: impl Into<Says>) -> Self {
        let (message, keyed_message) = message.into().split();
        Finding {
            rule,
            severity: rule.default.unwrap_or(Severity::Info),
            message,
            keyed_message,
            keyed_help: None,
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

    pub fn label(mut self, loc: Loc, message: impl Into<Says>) -> Self {
        let (message, keyed) = message.into().split();
        self.labels.push(Label {
            loc,
            message,
            keyed,
        });
        self
    }

    pub fn help(mut self, help: impl Into<Says>) -> Self {
        let (help, keyed) = help.into().split();
        self.help = Some(help);
        self.keyed_help = keyed;
        self
    }

    pub fn maybe_help<S: Into<Says>>(self, help: Option<S>) -> Self {
        match help {
            Some(help) => self.help(help),
            None => self,
        }
    }

    /// The finding's words in `lang`: what has a key is written in the language, the rest
    /// stays as it was said (English).
    pub fn localize(&mut self, lang: Lang) {
        if lang == Lang::En {
            return;
        }
        if let Some(keyed) = &self.keyed_message {
            self.message = keyed.in_lang(lang);
        }
        if let Some(keyed) = &self.keyed_help {
            self.help = Some(keyed.in_lang(lang));
        }
        for label in &mut self.labels {
            if let Some(keyed) = &label.keyed {
                label.message = keyed.in_lang(lang);
            }
        }
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
    let (cannot, help, unknown) = match by {
        Silencer::Allow => (
            "cannot-switch-off",
            "cannot-switch-off-help",
            "not-a-rule-allow",
        ),
        Silencer::Comment => (
            "cannot-suppress",
            "cannot-suppress-help",
            "not-a-rule-comment",
        ),
    };
    match catalog::find(name) {
        Ok(rule) if !rule.can_be_disabled() => Err(Box::new(
            Finding::new(
                &catalog::INVALID_VALUE,
                loc,
                Keyed::new(
                    cannot,
                    vec![("code", rule.code.into()), ("rule", rule.name.into())],
                ),
            )
            .help(Keyed::new(help, Vec::new())),
        )),
        Ok(rule) => Ok(rule),
        Err(unknown_rule) => Err(Box::new(
            Finding::new(
                &catalog::UNKNOWN_RULE,
                loc,
                Keyed::new(unknown, vec![("name", name.into())]),
            )
            .help(unknown_rule_help(&unknown_rule)),
        )),
    }
}

/// The catalog's help for an unknown rule name (`did you mean `x`?`, else where the rules
/// are listed) as a keyed message; the catalog says it in English for errors.
fn unknown_rule_help(unknown: &catalog::UnknownRule) -> Says {
    let english = unknown.help();
    let candidate = english
        .strip_prefix("did you mean `")
        .and_then(|rest| rest.strip_suffix("`?"));
    match (&unknown.suggestion, candidate) {
        (Some(_), Some(candidate)) => crate::says!("did-you-mean", candidate = candidate).into(),
        (Some(_), None) => Says::Plain(english),
        (None, _) => crate::says!("explain-lists-rules").into(),
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

/// Writes the findings in `lang`, the last step before an output format renders them:
/// everything that matches findings (baselines, `vsm diff`, suppressions) has run on the
/// English text by then.
pub fn localize(findings: &mut [Finding], lang: Lang) {
    for finding in findings {
        finding.localize(lang);
    }
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
    fn a_keyed_finding_is_english_until_localized_and_keeps_its_escaping() {
        let loc = Loc {
            file: 0,
            span: crate::yaml::Span::default(),
        };
        let mut finding = Finding::new(
            &catalog::NO_VALUE_ITEM,
            loc,
            crate::says!("no-value-item", stage = "a\u{1b}[2J"),
        )
        .help(crate::says!("no-value-item-help"))
        .label(loc, "plain words stay as they were said");
        assert_eq!(
            finding.message,
            "stage `a\\u{1b}[2J` delivers no value item: it adds no value to the customer"
        );
        let english = finding.clone();
        finding.localize(Lang::En);
        assert_eq!(finding.message, english.message);
        finding.localize(Lang::ZhCn);
        assert_eq!(
            finding.message,
            "阶段 `a\\u{1b}[2J` 没有交付任何价值项：它没有为客户增加价值"
        );
        assert!(finding
            .help
            .as_deref()
            .unwrap()
            .starts_with("添加 `value_items:`"));
        assert_eq!(
            finding.labels[0].message,
            "plain words stay as they were said"
        );
    }

    /// Words inside a message are written in the message's language; the English is the
    /// text the loader and resolver wrote before they had keys.
    #[test]
    fn kinds_and_yaml_types_are_words_of_the_messages_language() {
        use crate::model::Kind;
        let unknown = crate::says!(
            "unknown-reference",
            kind = kind_word(Kind::BusinessObject),
            id = "order"
        );
        assert_eq!(unknown.in_lang(Lang::En), "unknown business object `order`");
        assert_eq!(unknown.in_lang(Lang::ZhCn), "未知的业务对象 `order`");
        assert_eq!(unknown.in_lang(Lang::ZhTw), "未知的業務物件 `order`");
        let wrong = crate::says!(
            "wrong-kind-reference",
            id = "billing",
            other = kind_with_article(Kind::Information),
            kind = kind_with_article(Kind::Capability)
        );
        assert_eq!(
            wrong.in_lang(Lang::En),
            "`billing` is information, not a capability"
        );
        assert_eq!(
            wrong.in_lang(Lang::ZhCn),
            "`billing` 是信息项，不是业务能力"
        );
        // Every description the YAML tree gives has its word.
        for description in [
            "a list",
            "a mapping",
            "an alias",
            "nothing (null)",
            "a boolean",
            "an integer",
            "a number",
            "text",
        ] {
            let Arg::Word(key) = found_word(description) else {
                panic!("{description} has no word");
            };
            assert_eq!(Lang::En.t(key), description);
            assert_ne!(Lang::ZhCn.t(key), description);
        }
        assert_eq!(found_word("a tree"), Arg::Text("a tree".into()));
    }

    #[test]
    fn an_unknown_rules_help_is_keyed_and_english_as_before() {
        let loc = Loc {
            file: 0,
            span: crate::yaml::Span::default(),
        };
        let mut near = silenced_rule("no-value-itme", loc, Silencer::Comment).unwrap_err();
        assert_eq!(
            near.message,
            "`no-value-itme` in a suppression comment is not a rule code or name"
        );
        assert_eq!(near.help.as_deref(), Some("did you mean `no-value-item`?"));
        near.localize(Lang::ZhCn);
        assert_eq!(
            near.message,
            "抑制注释中的 `no-value-itme` 不是规则代码或规则名"
        );
        assert_eq!(near.help.as_deref(), Some("是否想写 `no-value-item`？"));
        let mut far = silenced_rule("zzzzzzzz", loc, Silencer::Allow).unwrap_err();
        assert_eq!(far.help.as_deref(), Some("`vsm explain` lists every rule"));
        far.localize(Lang::ZhTw);
        assert_eq!(far.help.as_deref(), Some("`vsm explain` 會列出所有規則"));
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
