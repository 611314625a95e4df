//! `vsm.yaml`: paths, excludes, fail level, rule severities, report settings.
//!
//! Read with the same spanned YAML tree as models, so every mistake is reported with its
//! line and column. A bad config stops `vsm` with exit code 2: checking with settings the user
//! did not mean would give a verdict nobody asked for.

use crate::catalog::{self, Rule, Severity};
use crate::i18n::Lang;
use crate::source::SourceFile;
use crate::yaml::{self, Document, NodeId, NodeKind, Scalar};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub const CONFIG_FILE: &str = "vsm.yaml";
const KEYS: &[&str] = &[
    "paths",
    "exclude",
    "follow_links",
    "fail_on",
    "rules",
    "report",
    "lang",
];
const REPORT_KEYS: &[&str] = &["title", "heatmap_by", "palette"];
pub const HEATMAP_MEASURES: &[&str] = &["gap", "maturity", "importance", "usage", "risk"];
/// The heat maps' palettes: colour-blind-safe viridis (the default) or red-amber-green.
pub const PALETTES: &[&str] = &["viridis", "rag"];

/// When `vsm check` fails (exit code 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    Level(Severity),
    Never,
}

impl FailOn {
    pub fn parse(text: &str) -> Option<FailOn> {
        match text {
            "never" => Some(FailOn::Never),
            other => Severity::parse(other).map(FailOn::Level),
        }
    }
}

/// A rule's configured severity; `None` switches it off.
pub type RuleSetting = (&'static Rule, Option<Severity>);

#[derive(Debug, Default)]
pub struct Config {
    /// The file it came from, if any.
    pub file: Option<PathBuf>,
    /// Folder the config's relative paths start from.
    pub base: PathBuf,
    pub paths: Vec<PathBuf>,
    pub exclude: Vec<String>,
    /// Read files and folders that symbolic links lead to outside the checked folders.
    pub follow_links: bool,
    pub fail_on: Option<FailOn>,
    pub rules: Vec<RuleSetting>,
    pub report_title: Option<String>,
    pub heatmap_by: Option<String>,
    /// `report.palette`: the heat maps' colours (one of [`PALETTES`]).
    pub palette: Option<String>,
    /// `lang`: the language of the reports and tables (`--lang` and `VSM_LANG` go first).
    pub lang: Option<Lang>,
}

/// Which rules run and how severe their findings are: the config's `rules:` with the
/// command line's `--select` and `--ignore` on top.
#[derive(Clone, Debug, Default)]
pub struct RuleSelection {
    /// Severity per rule code from the config (`None` = off).
    pub overrides: HashMap<&'static str, Option<Severity>>,
    /// `--select`: only these rules (structural rules always run).
    pub select: Option<Vec<&'static Rule>>,
    /// `--ignore`: never these.
    pub ignore: Vec<&'static Rule>,
}

impl RuleSelection {
    /// The config's rule settings with nothing selected or ignored on the command line.
    pub fn from_config(config: &Config) -> RuleSelection {
        RuleSelection {
            overrides: config
                .rules
                .iter()
                .map(|(rule, setting)| (rule.code, *setting))
                .collect(),
            ..RuleSelection::default()
        }
    }

    /// The severity findings of `rule` get, or `None` when the rule is off.
    pub fn severity(&self, rule: &'static Rule) -> Option<Severity> {
        if !rule.can_be_disabled() {
            return rule.default;
        }
        let selected = match &self.select {
            Some(list) if !list.contains(&rule) => return None,
            Some(_) => true,
            None => false,
        };
        if self.ignore.contains(&rule) {
            return None;
        }
        match self.overrides.get(rule.code) {
            Some(setting) => *setting,
            // Selecting a rule that is off by default switches it on.
            None => rule.default.or(selected.then_some(Severity::Info)),
        }
    }
}

/// A config problem, already formatted with its place (`vsm.yaml:3:5: ...`).
#[derive(Debug)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

/// A config is a few hundred bytes; past this it is refused with a message, not read.
pub const MAX_CONFIG_BYTES: u64 = 1_000_000;

/// `vsm.yaml` in `start` or the closest folder above it, up to the repository root.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(current) = dir {
        let candidate = current.join(CONFIG_FILE);
        if candidate.is_file() {
            return Some(candidate);
        }
        if current.join(".git").exists() {
            return None;
        }
        dir = current.parent();
    }
    None
}

/// Reads and validates a config file; every problem is reported, not just the first.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    // Through `input`: a FIFO or device named as the config is refused at once instead of
    // blocking, and the config is protected from being replaced by an output of the run.
    let text = crate::input::read_text(path, MAX_CONFIG_BYTES)
        .map_err(|e| ConfigError(format!("cannot read config `{}`: {e}", path.display())))?;
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut config = parse(path, &text)?;
    config.base = if base.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        base
    };
    config.file = Some(path.to_path_buf());
    Ok(config)
}

/// Parses config text; `path` is only used in messages.
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let source = SourceFile::new(path.to_path_buf(), text.to_string());
    let docs = yaml::parse(text).map_err(|e| {
        let at = source.line_col(e.offset as u32);
        ConfigError(format!(
            "{}:{}:{}: invalid YAML: {}",
            path.display(),
            at.line,
            at.column,
            e.message
        ))
    })?;
    let mut reader = Reader {
        source: &source,
        errors: Vec::new(),
    };
    let mut config = Config::default();
    if docs.len() > 1 {
        reader.errors.push(format!(
            "{}: a config file holds one YAML document",
            path.display()
        ));
    }
    if let Some(doc) = docs.first() {
        if let Some(root) = doc.root {
            reader.root(doc, root, &mut config);
        }
    }
    if reader.errors.is_empty() {
        Ok(config)
    } else {
        Err(ConfigError(reader.errors.join("\n")))
    }
}

struct Reader<'s> {
    source: &'s SourceFile,
    errors: Vec<String>,
}

impl Reader<'_> {
    fn error(&mut self, doc: &Document, node: NodeId, message: String) {
        let at = self.source.line_col(doc.node(node).span.start);
        self.errors.push(format!(
            "{}:{}:{}: {message}",
            self.source.path.display(),
            at.line,
            at.column
        ));
    }

    fn entries<'d>(
        &mut self,
        doc: &'d Document,
        node: NodeId,
        what: &str,
    ) -> Vec<(NodeId, &'d str, NodeId)> {
        match doc.kind(doc.deref(node)) {
            NodeKind::Map(pairs) => {
                let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
                let mut out = Vec::new();
                for &(k, v) in pairs {
                    let Some(key) = doc.scalar_text(k) else {
                        self.error(doc, k, "a key must be text".into());
                        continue;
                    };
                    if !seen.insert(key) {
                        self.error(doc, k, format!("`{key}` is written twice"));
                        continue;
                    }
                    out.push((k, key, v));
                }
                out
            }
            _ if doc.scalar(node) == Some(Scalar::Null) => Vec::new(),
            _ => {
                let found = doc.describe(node);
                self.error(
                    doc,
                    node,
                    format!("{what} must be a mapping, found {found}"),
                );
                Vec::new()
            }
        }
    }

    fn strings(&mut self, doc: &Document, node: NodeId, key: &str) -> Vec<String> {
        let items: Vec<NodeId> = match doc.kind(doc.deref(node)) {
            NodeKind::Seq(items) => items.to_vec(),
            NodeKind::Map(_) => {
                self.error(
                    doc,
                    node,
                    format!("`{key}` must be a list, found a mapping"),
                );
                return Vec::new();
            }
            _ if doc.scalar(node) == Some(Scalar::Null) => return Vec::new(),
            _ => vec![node],
        };
        let mut out = Vec::new();
        for item in items {
            match doc.scalar(item) {
                Some(Scalar::Null) | None => {
                    let found = doc.describe(item);
                    self.error(
                        doc,
                        item,
                        format!("`{key}` takes text entries, found {found}"),
                    );
                }
                Some(_) => out.push(doc.scalar_text(item).unwrap_or_default().to_string()),
            }
        }
        out
    }

    fn text(&mut self, doc: &Document, node: NodeId, key: &str) -> Option<String> {
        match doc.scalar(node) {
            Some(Scalar::Null) => None,
            Some(_) => doc.scalar_text(node).map(str::to_string),
            None => {
                let found = doc.describe(node);
                self.error(doc, node, format!("`{key}` must be text, found {found}"));
                None
            }
        }
    }

    fn root(&mut self, doc: &Document, root: NodeId, config: &mut Config) {
        for (k, key, v) in self.entries(doc, root, "the config") {
            match key {
                "paths" => {
                    config.paths = self
                        .strings(doc, v, key)
                        .into_iter()
                        .map(PathBuf::from)
                        .collect()
                }
                "exclude" => {
                    for pattern in self.strings(doc, v, key) {
                        if let Err(e) = globset::Glob::new(&pattern) {
                            self.error(
                                doc,
                                v,
                                format!("`{pattern}` is not a valid glob: {}", e.kind()),
                            );
                        }
                        config.exclude.push(pattern);
                    }
                }
                "follow_links" => match doc.scalar(v) {
                    Some(Scalar::Bool(follow)) => config.follow_links = follow,
                    _ => {
                        let found = doc.describe(v);
                        self.error(
                            doc,
                            v,
                            format!("`{key}` must be true or false, found {found}"),
                        );
                    }
                },
                "fail_on" => {
                    if let Some(text) = self.text(doc, v, key) {
                        match FailOn::parse(&text) {
                            Some(level) => config.fail_on = Some(level),
                            None => self.error(doc, v, format!("`{text}` is not a fail level: use error, warning, info or never")),
                        }
                    }
                }
                "rules" => {
                    for (rk, rule_name, rv) in self.entries(doc, v, "`rules`") {
                        let rule = match catalog::find(rule_name) {
                            Ok(rule) => rule,
                            Err(unknown) => {
                                self.error(doc, rk, format!("{unknown} [VSM015]"));
                                continue;
                            }
                        };
                        let Some(value) = self.text(doc, rv, rule_name) else {
                            continue;
                        };
                        let setting = match value.as_str() {
                            "off" => None,
                            other => match Severity::parse(other) {
                                Some(s) => Some(s),
                                None => {
                                    self.error(doc, rv, format!("`{other}` is not a severity: use error, warning, info or off"));
                                    continue;
                                }
                            },
                        };
                        if !rule.can_be_disabled() && setting != Some(Severity::Error) {
                            self.error(
                                doc,
                                rv,
                                format!(
                                    "{} {} is always an error and cannot be changed",
                                    rule.code, rule.name
                                ),
                            );
                            continue;
                        }
                        config.rules.push((rule, setting));
                    }
                }
                "lang" => {
                    if let Some(text) = self.text(doc, v, key) {
                        match Lang::parse(&text) {
                            Some(lang) => config.lang = Some(lang),
                            None => {
                                // Tags are read case-blind, so they are compared so too
                                // (`zh-cm`: did you mean `zh-CN`?).
                                let lower = crate::i18n::LANGS.map(|l| l.code().to_lowercase());
                                let hint = crate::suggest::did_you_mean(
                                    &text.to_lowercase(),
                                    lower.iter().map(String::as_str),
                                )
                                .and_then(Lang::parse)
                                .map(|near| format!(" (did you mean `{}`?)", near.code()))
                                .unwrap_or_default();
                                self.error(
                                    doc,
                                    v,
                                    format!(
                                        "`{text}` is not a language: use {}{hint}",
                                        Lang::choices()
                                    ),
                                );
                            }
                        }
                    }
                }
                "report" => {
                    for (rk, report_key, rv) in self.entries(doc, v, "`report`") {
                        match report_key {
                            "title" => config.report_title = self.text(doc, rv, report_key),
                            "heatmap_by" => {
                                if let Some(by) = self.text(doc, rv, report_key) {
                                    if HEATMAP_MEASURES.contains(&by.as_str()) {
                                        config.heatmap_by = Some(by);
                                    } else {
                                        self.error(
                                            doc,
                                            rv,
                                            format!(
                                                "`{by}` is not a heat map measure: use {}",
                                                HEATMAP_MEASURES.join(", ")
                                            ),
                                        );
                                    }
                                }
                            }
                            "palette" => {
                                if let Some(palette) = self.text(doc, rv, report_key) {
                                    if PALETTES.contains(&palette.as_str()) {
                                        config.palette = Some(palette);
                                    } else {
                                        self.error(
                                            doc,
                                            rv,
                                            format!(
                                                "`{palette}` is not a heat map palette: use {}",
                                                PALETTES.join(" or ")
                                            ),
                                        );
                                    }
                                }
                            }
                            _ => {
                                let hint =
                                    crate::suggest::help(report_key, REPORT_KEYS.iter().copied())
                                        .map(|h| format!(" ({h})"))
                                        .unwrap_or_default();
                                self.error(
                                    doc,
                                    rk,
                                    format!("unknown key `report.{report_key}`{hint}"),
                                );
                            }
                        }
                    }
                }
                _ => {
                    let hint = crate::suggest::help(key, KEYS.iter().copied())
                        .map(|h| format!(" ({h})"))
                        .unwrap_or_else(|| format!(" (known keys: {})", KEYS.join(", ")));
                    self.error(doc, k, format!("unknown key `{key}`{hint}"));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_setting() {
        let text = "paths: [models]\nexclude: [\"models/drafts/**\"]\nfail_on: warning\nrules:\n  no-value-item: error\n  VSM207: warning\n  unused-information: off\nreport:\n  title: T\n  heatmap_by: gap\n";
        let config = parse(Path::new("vsm.yaml"), text).unwrap();
        assert_eq!(config.paths, vec![PathBuf::from("models")]);
        assert_eq!(config.fail_on, Some(FailOn::Level(Severity::Warning)));
        assert_eq!(config.rules.len(), 3);
        assert_eq!(config.rules[2].1, None);
        assert_eq!(config.report_title.as_deref(), Some("T"));
    }

    #[test]
    fn reports_every_mistake_with_its_place() {
        let text =
            "path: [models]\nrules:\n  no-value-items: error\n  VSM101: loud\nfail_on: sometimes\n";
        let err = parse(Path::new("vsm.yaml"), text).unwrap_err().0;
        assert!(
            err.contains("vsm.yaml:1:1: unknown key `path` (did you mean `paths`?)"),
            "{err}"
        );
        assert!(
            err.contains(
                "vsm.yaml:3:3: unknown rule `no-value-items` (did you mean `no-value-item`?)"
            ),
            "{err}"
        );
        assert!(
            err.contains("vsm.yaml:4:11: `loud` is not a severity"),
            "{err}"
        );
        assert!(
            err.contains("vsm.yaml:5:10: `sometimes` is not a fail level"),
            "{err}"
        );
    }

    #[test]
    fn reads_the_heat_map_palette_and_names_a_wrong_one_with_its_place() {
        let config = parse(Path::new("vsm.yaml"), "report:\n  palette: rag\n").unwrap();
        assert_eq!(config.palette.as_deref(), Some("rag"));
        let err = parse(Path::new("vsm.yaml"), "report:\n  palette: rainbow\n")
            .unwrap_err()
            .0;
        assert!(
            err.contains("vsm.yaml:2:12: `rainbow` is not a heat map palette: use viridis or rag"),
            "{err}"
        );
        let err = parse(Path::new("vsm.yaml"), "report:\n  pallete: rag\n")
            .unwrap_err()
            .0;
        assert!(err.contains("did you mean `palette`?"), "{err}");
    }

    #[test]
    fn reads_the_language_and_names_a_wrong_one_with_its_place() {
        let config = parse(Path::new("vsm.yaml"), "lang: zh-TW\n").unwrap();
        assert_eq!(config.lang, Some(Lang::ZhTw));
        assert_eq!(
            parse(Path::new("vsm.yaml"), "paths: [.]\n").unwrap().lang,
            None
        );
        let err = parse(Path::new("vsm.yaml"), "paths: [.]\nlang: zh-CM\n")
            .unwrap_err()
            .0;
        assert!(
            err.contains("vsm.yaml:2:7: `zh-CM` is not a language: use en, zh-CN or zh-TW (did you mean `zh-CN`?)"),
            "{err}"
        );
        let err = parse(Path::new("vsm.yaml"), "lnag: en\n").unwrap_err().0;
        assert!(err.contains("did you mean `lang`?"), "{err}");
    }

    #[test]
    fn structural_rules_cannot_be_switched_off() {
        let err = parse(Path::new("vsm.yaml"), "rules:\n  VSM006: off\n")
            .unwrap_err()
            .0;
        assert!(err.contains("cannot be changed"), "{err}");
    }
}
