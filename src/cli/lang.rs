//! `--lang`: the language of the words `vsm` writes in reports (and, as their text is
//! translated, the other outputs). The flag, else `VSM_LANG`, else `lang:` of vsm.yaml, else
//! English.
//!
//! `LANG`/`LC_MESSAGES` do not choose it: a report is an artefact shared with others, and the
//! same command in CI and on a colleague's machine must write the same file.

use super::workspace::Workspace;
use crate::i18n::Lang;
use anyhow::anyhow;
use clap::ValueEnum;

/// The environment variable that sets the language when `--lang` is not given.
pub const ENV: &str = "VSM_LANG";

/// The command-line names of [`Lang`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangName {
    /// English (the default)
    En,
    /// Simplified Chinese
    #[value(name = "zh-CN")]
    ZhCn,
    /// Traditional Chinese
    #[value(name = "zh-TW")]
    ZhTw,
}

impl From<LangName> for Lang {
    fn from(name: LangName) -> Self {
        match name {
            LangName::En => Lang::En,
            LangName::ZhCn => Lang::ZhCn,
            LangName::ZhTw => Lang::ZhTw,
        }
    }
}

/// `--lang`, flattened into the commands whose output is (partly) translated: `vsm report`
/// and `vsm table`.
#[derive(Debug, clap::Args)]
pub struct LangArg {
    /// The language of the words vsm writes; rule codes, rule names and JSON keys stay English
    /// (docs/languages.md lists what is translated) [default: VSM_LANG, else `lang` of
    /// vsm.yaml, else en]
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<LangName>,
}

impl LangArg {
    /// As [`LangArg::resolve`], for commands that read the config without opening a workspace
    /// (`vsm diff`): `config` is the `lang:` of vsm.yaml.
    pub fn resolve_with(&self, config: Option<Lang>) -> anyhow::Result<Lang> {
        let env = std::env::var_os(ENV).map(|v| v.to_string_lossy().into_owned());
        choose(self.lang, env.as_deref(), config)
    }

    /// The language to write in: the flag, else `VSM_LANG`, else the config, else English.
    /// A `VSM_LANG` that names no language is an error (exit 2), not silently English.
    pub fn resolve(&self, workspace: &Workspace) -> anyhow::Result<Lang> {
        let env = std::env::var_os(ENV).map(|v| v.to_string_lossy().into_owned());
        choose(self.lang, env.as_deref(), workspace.config.lang)
    }
}

fn choose(flag: Option<LangName>, env: Option<&str>, config: Option<Lang>) -> anyhow::Result<Lang> {
    if let Some(name) = flag {
        return Ok(name.into());
    }
    if let Some(text) = env.filter(|t| !t.trim().is_empty()) {
        return Lang::parse(text).ok_or_else(|| {
            anyhow!(
                "{ENV}: `{}` is not a language: use {}",
                text.escape_debug(),
                Lang::choices()
            )
        });
    }
    Ok(config.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_beats_the_environment_which_beats_the_config() {
        let cn = Some(Lang::ZhCn);
        assert_eq!(
            choose(Some(LangName::En), Some("zh-TW"), cn).unwrap(),
            Lang::En
        );
        assert_eq!(choose(None, Some("zh-TW"), cn).unwrap(), Lang::ZhTw);
        assert_eq!(choose(None, None, cn).unwrap(), Lang::ZhCn);
        assert_eq!(
            choose(None, Some(""), cn).unwrap(),
            Lang::ZhCn,
            "an empty variable is unset"
        );
        assert_eq!(choose(None, None, None).unwrap(), Lang::En);
    }

    #[test]
    fn a_wrong_environment_value_is_an_error_naming_the_variable() {
        let err = choose(None, Some("fr"), None).unwrap_err().to_string();
        assert_eq!(
            err,
            "VSM_LANG: `fr` is not a language: use en, zh-CN or zh-TW"
        );
    }
}
