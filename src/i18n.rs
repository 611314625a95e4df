//! The language of what `vsm` writes for people: Project Fluent message files in
//! `locales/<lang>/`, one per part of the program ([`FILES`]), embedded in the binary.
//!
//! A leaf module like `text`: it knows no pipeline, so the config reader, the views and the
//! renderers can all ask it for words. Rule codes, rule names, JSON keys, flags and `--help`
//! are machine interfaces and stay English; only the words a person reads are looked up here.
//! English is the default, and the English messages are the text `vsm` wrote before it had
//! languages, byte for byte.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// A language `vsm` writes. The codes are BCP 47 tags as HTML's `lang` attribute takes them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    /// Simplified Chinese (mainland usage).
    ZhCn,
    /// Traditional Chinese (Taiwan usage).
    ZhTw,
}

/// Every language, in the order `--lang` and the docs list them.
pub const LANGS: [Lang; 3] = [Lang::En, Lang::ZhCn, Lang::ZhTw];

/// The message files of a language, one per part of the program, so that each part's words
/// can be read (and translated) together: the reports' frame, the finding messages, the rule
/// explanations, the report and table views, and `vsm init`'s starter model.
pub const FILES: [&str; 5] = [
    "vsm.ftl",
    "findings.ftl",
    "explain.ftl",
    "views.ftl",
    "init.ftl",
];

/// The message files of one language, in the order of [`FILES`].
macro_rules! message_files {
    ($lang:literal) => {
        [
            include_str!(concat!("../locales/", $lang, "/vsm.ftl")),
            include_str!(concat!("../locales/", $lang, "/findings.ftl")),
            include_str!(concat!("../locales/", $lang, "/explain.ftl")),
            include_str!(concat!("../locales/", $lang, "/views.ftl")),
            include_str!(concat!("../locales/", $lang, "/init.ftl")),
        ]
    };
}

/// The message files of each language, in the order of [`LANGS`] and then [`FILES`].
pub const SOURCES: [[&str; FILES.len()]; 3] = [
    message_files!("en"),
    message_files!("zh-CN"),
    message_files!("zh-TW"),
];

impl Lang {
    /// The tag as written in `--lang`, `lang:`, `VSM_LANG` and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
            Lang::ZhTw => "zh-TW",
        }
    }

    /// Reads a tag; letter case and `_` for `-` are forgiven (`zh_cn` as locales write it).
    pub fn parse(text: &str) -> Option<Lang> {
        let wanted = text.trim().replace('_', "-");
        LANGS
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(&wanted))
    }

    /// `en, zh-CN or zh-TW`, for error messages.
    pub fn choices() -> String {
        let codes: Vec<&str> = LANGS.iter().map(|l| l.code()).collect();
        format!(
            "{} or {}",
            codes[..codes.len() - 1].join(", "),
            codes[codes.len() - 1]
        )
    }

    fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::ZhCn => 1,
            Lang::ZhTw => 2,
        }
    }

    /// The message `key` with no arguments.
    pub fn t(self, key: &str) -> String {
        self.format(key, None)
    }

    /// The message `key` with its arguments: `lang.t_args("n-stages", &[("count", 3.into())])`.
    /// Plural forms and numbers are Fluent's, by the language's rules.
    pub fn t_args(self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(key, Some(&fluent_args))
    }

    fn format(self, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        let bundle = bundle_of(self);
        // A key missing in a translation falls back to English; a key missing everywhere is
        // shown as itself. The key test (`every_language_has_every_key`) keeps both from
        // happening in a release.
        let (bundle, message) = match bundle.get_message(key).and_then(|m| m.value()) {
            Some(pattern) => (bundle, pattern),
            None => match bundle_of(Lang::En).get_message(key).and_then(|m| m.value()) {
                Some(pattern) => (bundle_of(Lang::En), pattern),
                None => return key.to_string(),
            },
        };
        let mut errors = Vec::new();
        let text = bundle
            .format_pattern(message, args, &mut errors)
            .into_owned();
        // A variable the message names but the code does not pass (a typo on either side)
        // would show `{$name}` to the reader: the tests, built with debug assertions, fail.
        debug_assert!(errors.is_empty(), "{}: `{key}`: {errors:?}", self.code());
        text
    }

    /// A duration in whole units from days down to seconds, in the language: `2d 4h`,
    /// `2 天 4 小时`, `2 天 4 小時` (the English form is [`crate::units::written`]'s).
    pub fn duration(self, seconds: f64) -> String {
        const UNITS: [(&str, u64); 4] = [
            ("unit-day", 86_400),
            ("unit-hour", 3_600),
            ("unit-minute", 60),
            ("unit-second", 1),
        ];
        let mut rest = seconds.max(0.0).round() as u64;
        if rest == 0 {
            return self.t_args("unit-second", &[("n", 0.into())]);
        }
        let mut parts = Vec::new();
        for (unit, size) in UNITS {
            let amount = rest / size;
            if amount > 0 {
                parts.push(self.t_args(unit, &[("n", amount.into())]));
                rest -= amount * size;
            }
        }
        parts.join(" ")
    }
}

fn bundle_of(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    BUNDLES[lang.index()].get_or_init(|| {
        let tag: unic_langid::LanguageIdentifier =
            lang.code().parse().expect("the language tags are valid");
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        // No Unicode isolation marks around arguments: the text goes into tables, Markdown
        // and terminals that would show them or count them in widths.
        bundle.set_use_isolating(false);
        for source in SOURCES[lang.index()] {
            let resource = FluentResource::try_new(source.to_string())
                .expect("the message files parse (tested by every_message_file_parses)");
            bundle
                .add_resource(resource)
                .expect("no message is defined twice (tested by every_message_file_parses)");
        }
        bundle
    })
}

/// The message keys of one message file, in the order written (for the key tests).
pub fn keys(source: &str) -> Vec<String> {
    use fluent_syntax::ast::Entry;
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(r, _)| r);
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_file_parses() {
        for (lang, sources) in LANGS.iter().zip(SOURCES) {
            let mut seen = std::collections::HashSet::new();
            for (file, source) in FILES.iter().zip(sources) {
                if let Err((_, errors)) = fluent_syntax::parser::parse(source) {
                    panic!("{}/{file}: {errors:?}", lang.code());
                }
                for key in keys(source) {
                    assert!(
                        seen.insert(key.clone()),
                        "{}/{file}: `{key}` twice in the language",
                        lang.code()
                    );
                }
            }
        }
    }

    #[test]
    fn every_language_has_every_key() {
        for (index, file) in FILES.iter().enumerate() {
            let mut english = keys(SOURCES[0][index]);
            english.sort();
            for (lang, sources) in LANGS.iter().zip(SOURCES).skip(1) {
                let mut theirs = keys(sources[index]);
                theirs.sort();
                assert_eq!(
                    theirs,
                    english,
                    "{}/{file} has other keys than en",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn every_message_file_in_the_repository_is_embedded() {
        for lang in LANGS {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("locales")
                .join(lang.code());
            for entry in std::fs::read_dir(&dir).unwrap() {
                let name = entry.unwrap().file_name().to_string_lossy().into_owned();
                assert!(
                    FILES.contains(&name.as_str()),
                    "{}/{name} is not in i18n::FILES, so the binary would not have it",
                    lang.code()
                );
            }
        }
    }

    /// The variables (`{ $name }`) each message of a file uses, by key.
    fn variables(source: &str) -> std::collections::BTreeMap<String, Vec<String>> {
        use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
        fn walk(pattern: &Pattern<&str>, out: &mut Vec<String>) {
            for element in &pattern.elements {
                if let PatternElement::Placeable { expression } = element {
                    expression_vars(expression, out);
                }
            }
        }
        fn inline_vars(inline: &InlineExpression<&str>, out: &mut Vec<String>) {
            match inline {
                InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
                InlineExpression::Placeable { expression } => expression_vars(expression, out),
                _ => {}
            }
        }
        fn expression_vars(expression: &Expression<&str>, out: &mut Vec<String>) {
            match expression {
                Expression::Inline(inline) => inline_vars(inline, out),
                Expression::Select { selector, variants } => {
                    inline_vars(selector, out);
                    for variant in variants {
                        walk(&variant.value, out);
                    }
                }
            }
        }
        let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(r, _)| r);
        let mut by_key = std::collections::BTreeMap::new();
        for entry in &resource.body {
            if let Entry::Message(message) = entry {
                let mut vars = Vec::new();
                if let Some(pattern) = &message.value {
                    walk(pattern, &mut vars);
                }
                vars.sort();
                vars.dedup();
                by_key.insert(message.id.name.to_string(), vars);
            }
        }
        by_key
    }

    #[test]
    fn every_translation_uses_the_variables_english_passes() {
        // A translation naming a variable the code does not pass shows `{$name}` to the
        // reader. (One may drop a variable English only needs for its plural forms.)
        for (index, file) in FILES.iter().enumerate() {
            let english = variables(SOURCES[0][index]);
            for (lang, sources) in LANGS.iter().zip(SOURCES).skip(1) {
                for (key, theirs) in variables(sources[index]) {
                    let ours = english.get(&key).cloned().unwrap_or_default();
                    let unknown: Vec<_> = theirs.iter().filter(|v| !ours.contains(v)).collect();
                    assert!(
                        unknown.is_empty(),
                        "{}/{file}: `{key}` uses {unknown:?}, which English does not pass",
                        lang.code()
                    );
                }
            }
        }
    }

    #[test]
    fn tags_are_read_forgivingly_and_written_as_html_wants_them() {
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("zh_tw"), Some(Lang::ZhTw));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(
            Lang::parse("zh"),
            None,
            "which script is meant is not guessed"
        );
        assert_eq!(Lang::ZhTw.code(), "zh-TW");
        assert_eq!(Lang::choices(), "en, zh-CN or zh-TW");
    }

    #[test]
    fn durations_are_written_in_the_language() {
        // 2 days 4 hours = 2 × 86400 + 4 × 3600 = 187200 seconds.
        assert_eq!(Lang::En.duration(187_200.0), "2d 4h");
        assert_eq!(Lang::ZhCn.duration(187_200.0), "2 天 4 小时");
        assert_eq!(Lang::ZhTw.duration(187_200.0), "2 天 4 小時");
        // 1 h 30 min 5 s = 5405 s.
        assert_eq!(Lang::ZhCn.duration(5_405.0), "1 小时 30 分钟 5 秒");
        assert_eq!(Lang::ZhTw.duration(5_405.0), "1 小時 30 分鐘 5 秒");
        assert_eq!(Lang::En.duration(0.0), "0s");
    }

    #[test]
    fn arguments_go_in_without_isolation_marks() {
        let text = Lang::ZhCn.t_args("unit-day", &[("n", 3.into())]);
        assert_eq!(text, "3 天");
        assert!(!text.contains('\u{2068}'));
    }

    #[test]
    fn a_missing_key_falls_back_to_the_key_itself() {
        assert_eq!(Lang::ZhCn.t("no-such-key"), "no-such-key");
    }
}
