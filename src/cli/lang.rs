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

/// `--lang`, flattened into the commands whose output is (partly) translated: `vsm report`,
/// `vsm table`, `vsm heatmap` and `vsm impact`.
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

impl LangArg {
    /// The language of a command that reads no model (`vsm explain`): the flag, else
    /// `VSM_LANG`, else `lang:` of the vsm.yaml found from the current folder upwards (as every
    /// command finds it), else English. The config is read only when neither the flag nor the
    /// variable decides. A config that cannot be read does not stop the command (the rules are
    /// what one looks up while fixing it): a warning says so, and the words are English.
    pub fn resolve_without_model(&self) -> anyhow::Result<Lang> {
        let env = env_value();
        if self.lang.is_some() || env.as_deref().is_some_and(|t| !t.trim().is_empty()) {
            return choose(self.lang, env.as_deref(), None);
        }
        let cwd = std::env::current_dir().unwrap_or_else(|_| std::path::PathBuf::from("."));
        let Some(found) = crate::config::discover(&cwd) else {
            return Ok(Lang::default());
        };
        let shown = found.strip_prefix(&cwd).unwrap_or(&found).to_path_buf();
        match crate::config::load(&shown) {
            Ok(config) => Ok(config.lang.unwrap_or_default()),
            Err(error) => {
                let first_line = format!("{error:#}");
                let first_line = first_line.lines().next().unwrap_or_default();
                crate::stderrln!(
                    "warning: `lang:` not read, so the words are English: {}",
                    crate::text::escaped(first_line)
                );
                Ok(Lang::default())
            }
        }
    }
}

/// The language of a command that writes a new project (`vsm init`): `--lang`, else
/// `VSM_LANG`, else English. No config is read: the one `vsm init` writes is not there yet,
/// and an old one it may replace (`--force`) must not stop it.
pub fn without_config(flag: Option<LangName>) -> anyhow::Result<Lang> {
    choose(flag, env_value().as_deref(), None)
}

fn env_value() -> Option<String> {
    std::env::var_os(ENV).map(|v| v.to_string_lossy().into_owned())
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
