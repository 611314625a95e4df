//! The rule catalog: what every rule is called, how severe it is by default, and the text
//! `vsm explain` and `docs/rules.md` show. Nothing of the pipeline is imported here, so the
//! loader, the resolver, the config reader and every renderer can name a rule without
//! depending on the checks (which live in [`crate::rules`]).

mod hygiene;
mod structure;
mod value;

pub use hygiene::*;
pub use structure::*;
pub use value::*;

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
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

/// The catalog groups of `rules.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Structure,
    Value,
    Hygiene,
}

impl Group {
    pub fn title(self) -> &'static str {
        match self {
            Group::Structure => "Structure",
            Group::Value => "Value",
            Group::Hygiene => "Coverage and hygiene",
        }
    }
}

/// One rule of the catalog.
#[derive(Debug)]
pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub group: Group,
    /// Without this rule the model cannot be read: it always runs, at its default severity,
    /// and neither the config, `--select`/`--ignore`, `allow:` nor a comment can silence it.
    pub structural: bool,
    /// `None`: off unless configured or selected.
    pub default: Option<Severity>,
    /// One line: what it catches.
    pub summary: &'static str,
    /// Why it matters, in a paragraph or two.
    pub explanation: &'static str,
    /// A model fragment that triggers the rule.
    pub bad: &'static str,
    /// The same fragment fixed.
    pub good: &'static str,
}

impl Rule {
    /// Structural rules cannot be switched off: without them the model is not readable.
    pub fn can_be_disabled(&self) -> bool {
        !self.structural
    }

    /// The message key of the summary in `locales/<lang>/explain.ftl`:
    /// `explain-no-value-item-summary`. Built from the rule name, so a rule's translations
    /// are found by the name every user already knows.
    pub fn summary_key(&self) -> String {
        format!("explain-{}-summary", self.name)
    }

    /// The message key of the explanation: `explain-no-value-item-text`.
    pub fn explanation_key(&self) -> String {
        format!("explain-{}-text", self.name)
    }

    /// The summary in `lang`. English is the catalog's own text (the one source that
    /// `docs/rules.md`, SARIF and the editors read too); other languages are looked up in
    /// `explain.ftl`, whose English copy a test keeps equal to the catalog.
    pub fn summary_in(&self, lang: Lang) -> Cow<'static, str> {
        match lang {
            Lang::En => Cow::Borrowed(self.summary),
            _ => Cow::Owned(lang.t(&self.summary_key())),
        }
    }

    /// The explanation in `lang` (see [`Rule::summary_in`]).
    pub fn explanation_in(&self, lang: Lang) -> Cow<'static, str> {
        match lang {
            Lang::En => Cow::Borrowed(self.explanation),
            _ => Cow::Owned(lang.t(&self.explanation_key())),
        }
    }
}

impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

/// Every rule, in code order.
pub static RULES: &[&Rule] = &[
    &YAML_SYNTAX,
    &UNKNOWN_FIELD,
    &INVALID_VALUE,
    &MISSING_FIELD,
    &DUPLICATE_ID,
    &UNRESOLVED_REFERENCE,
    &WRONG_KIND_REFERENCE,
    &INVALID_ID,
    &EMPTY_VALUE_STREAM,
    &CAPABILITY_CYCLE,
    &LEVEL_MISMATCH,
    &STAGE_FLOW,
    &COMMITMENT_CYCLE,
    &COMMITMENT_OVER_BUDGET,
    &UNKNOWN_RULE,
    &UNUSED_SUPPRESSION,
    &NO_VALUE_ITEM,
    &UNSUPPORTED_VALUE_ITEM,
    &MISSING_ENTRY_CONDITIONS,
    &MISSING_EXIT_CONDITIONS,
    &NO_PARTICIPANTS,
    &STAGE_WITHOUT_CAPABILITY,
    &TRIGGER_NOT_INVOLVED,
    &PERCEPTION_SCALE_MISMATCH,
    &COMMITMENT_BEYOND_FLOW,
    &STAGE_WITHOUT_IT_SUPPORT,
    &UNUSED_CAPABILITY,
    &UNUSED_PROCESS,
    &UNUSED_INFORMATION,
    &UNUSED_BUSINESS_OBJECT,
    &PROCESS_WITHOUT_OWNER,
    &INFORMATION_WITHOUT_OBJECT,
    &MISSING_DESCRIPTION,
    &MATURITY_GAP,
    &COMMITMENT_WITHOUT_OWNER,
    &FOCUS_PERCEPTION_UNCOVERED,
    &UNUSED_STAKEHOLDER,
    &CONFUSABLE_IDS,
    &MISSING_FLOW_TIMES,
];

/// Finds a rule by code (`VSM101`, any case) or name (`no-value-item`).
pub fn lookup(code_or_name: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// Finds a rule by code or name; the error says what was asked and the nearest rule.
pub fn find(code_or_name: &str) -> Result<&'static Rule, UnknownRule> {
    lookup(code_or_name).ok_or_else(|| UnknownRule {
        name: code_or_name.to_string(),
        suggestion: suggest(code_or_name),
    })
}

/// "did you mean" among codes and names.
fn suggest(code_or_name: &str) -> Option<String> {
    let candidates = RULES.iter().flat_map(|r| [r.code, r.name]);
    crate::suggest::help(code_or_name, candidates)
}

/// A rule name that names no rule: every place that reads rule names (flags, config,
/// `allow:`, suppression comments, `vsm explain`) words it the same way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownRule {
    pub name: String,
    /// "did you mean `no-value-item`?", when a rule is close.
    pub suggestion: Option<String>,
}

impl UnknownRule {
    /// The help line of a finding: the suggestion, else where the list of rules is.
    pub fn help(&self) -> String {
        self.suggestion
            .clone()
            .unwrap_or_else(|| "`vsm explain` lists every rule".into())
    }
}

/// "unknown rule `x` (did you mean `y`?)".
impl fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown rule `{}`", self.name)?;
        if let Some(hint) = &self.suggestion {
            write!(f, " ({hint})")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_sorted_and_named_in_kebab_case() {
        for pair in RULES.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} before {}",
                pair[0].code,
                pair[1].code
            );
        }
        for rule in RULES {
            assert!(
                rule.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                rule.name
            );
            assert!(!rule.summary.is_empty() && !rule.explanation.is_empty());
            assert!(
                !rule.bad.is_empty() && !rule.good.is_empty(),
                "{} needs examples",
                rule.code
            );
        }
    }

    #[test]
    fn structural_rules_are_errors_on_by_default() {
        for rule in RULES.iter().filter(|r| r.structural) {
            assert_eq!(rule.default, Some(Severity::Error), "{}", rule.code);
            assert_eq!(rule.group, Group::Structure, "{}", rule.code);
        }
    }

    #[test]
    fn lookup_by_code_or_name() {
        assert_eq!(lookup("vsm101").unwrap().name, "no-value-item");
        assert_eq!(lookup("no-value-item").unwrap().code, "VSM101");
        assert!(lookup("no-value-items").is_none());
    }

    #[test]
    fn an_unknown_rule_names_the_nearest_one() {
        let unknown = find("no-value-items").unwrap_err();
        assert_eq!(
            unknown.to_string(),
            "unknown rule `no-value-items` (did you mean `no-value-item`?)"
        );
        assert_eq!(unknown.help(), "did you mean `no-value-item`?");
        let far = find("zzzzzzzzzzzz").unwrap_err();
        assert_eq!(far.to_string(), "unknown rule `zzzzzzzzzzzz`");
        assert_eq!(far.help(), "`vsm explain` lists every rule");
    }

    /// The message files of `explain.ftl` in every language, as (language, keys).
    fn explain_keys() -> Vec<(Lang, Vec<String>)> {
        let file = crate::i18n::FILES
            .iter()
            .position(|f| *f == "explain.ftl")
            .unwrap();
        crate::i18n::LANGS
            .iter()
            .zip(crate::i18n::SOURCES)
            .map(|(lang, sources)| (*lang, crate::i18n::keys(sources[file])))
            .collect()
    }

    #[test]
    fn every_rule_is_explained_in_every_language() {
        for (lang, keys) in explain_keys() {
            for rule in RULES {
                for key in [rule.summary_key(), rule.explanation_key()] {
                    assert!(
                        keys.contains(&key),
                        "{}/explain.ftl has no `{key}` ({})",
                        lang.code(),
                        rule.code
                    );
                }
            }
        }
    }

    #[test]
    fn every_rule_key_in_explain_ftl_names_a_rule() {
        let rule_keys: Vec<String> = RULES
            .iter()
            .flat_map(|r| [r.summary_key(), r.explanation_key()])
            .collect();
        for (lang, keys) in explain_keys() {
            for key in keys {
                let of_a_rule = key.ends_with("-summary") || key.ends_with("-text");
                assert!(
                    !of_a_rule || rule_keys.contains(&key),
                    "{}/explain.ftl: `{key}` names no rule (renamed or removed?)",
                    lang.code()
                );
            }
        }
    }

    /// The English of `explain.ftl` is a copy for translators: it must say what the catalog
    /// says, or the translations would be made from a text `vsm` no longer shows.
    #[test]
    fn english_explanations_are_the_catalogs_text() {
        for rule in RULES {
            for (key, text) in [
                (rule.summary_key(), rule.summary),
                (rule.explanation_key(), rule.explanation),
            ] {
                assert_eq!(
                    Lang::En.t(&key),
                    text,
                    "locales/en/explain.ftl differs from the catalog; the line is:\n{key} = {text}"
                );
            }
        }
    }

    #[test]
    fn chinese_explanations_are_translated_and_differ_by_script() {
        let rule = lookup("VSM101").unwrap();
        assert_eq!(
            rule.summary_in(Lang::ZhCn),
            "该阶段不交付任何价值项：它不增加价值，可考虑删除或合并"
        );
        assert_eq!(
            rule.summary_in(Lang::ZhTw),
            "該階段不交付任何價值項：它不增加價值，可考慮刪除或合併"
        );
        assert_eq!(rule.summary_in(Lang::En), rule.summary);
        for rule in RULES {
            for lang in [Lang::ZhCn, Lang::ZhTw] {
                // A message left in English (or missing, which falls back to English) would
                // pass the key tests: a Chinese text has CJK characters.
                for text in [rule.summary_in(lang), rule.explanation_in(lang)] {
                    assert!(
                        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                        "{} {}: {text}",
                        lang.code(),
                        rule.code
                    );
                }
            }
            assert_ne!(
                rule.explanation_in(Lang::ZhCn),
                rule.explanation_in(Lang::ZhTw),
                "{}: zh-TW is its own text, not zh-CN's",
                rule.code
            );
        }
    }

    #[test]
    fn structural_rules_stay_on() {
        assert!(!lookup("VSM008").unwrap().can_be_disabled());
        assert!(lookup("VSM009").unwrap().can_be_disabled());
    }
}
