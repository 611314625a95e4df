//! Output formats for findings: each format one file, all reading the same findings.

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use crate::diag::{self, Finding};
use crate::i18n::Lang;
use crate::load::{Loaded, SkipReason};
use crate::source::{normalize, relative, slashes, LineCol, Sources};
use std::path::{Component, Path};

/// What every format may show besides the findings.
pub struct Summary {
    pub files: usize,
    pub value_streams: usize,
    pub stages: usize,
    pub elements: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub elapsed: std::time::Duration,
    /// Findings hidden by `# vsm: ignore` comments.
    pub suppressed: usize,
    /// Findings a baseline hid, and its entries no longer found (`--baseline` only).
    pub baseline: Option<(usize, usize)>,
    /// YAML files found in folders that hold no model section (not read as models).
    pub skipped: usize,
    /// Whether the skipped files were listed (`--verbose`): the line then points up at them
    /// instead of at the flag.
    pub skipped_listed: bool,
}

impl Summary {
    pub fn new(loaded: &Loaded, findings: &[Finding], elapsed: std::time::Duration) -> Self {
        let (errors, warnings, infos) = diag::counts(findings);
        Summary {
            files: loaded.sources.files.len(),
            value_streams: loaded.model.value_streams.len(),
            stages: loaded.model.stage_count(),
            elements: loaded.model.element_count(),
            errors,
            warnings,
            infos,
            elapsed,
            suppressed: 0,
            baseline: None,
            skipped: loaded
                .skipped
                .iter()
                .filter(|s| s.why == SkipReason::NoModelSection)
                .count(),
            skipped_listed: false,
        }
    }

    /// The closing line of human output, in `lang`.
    pub fn line(&self, lang: Lang) -> String {
        let count = |key: &str, n: usize| lang.t_args(key, &[("n", (n as u64).into())]);
        let findings = if self.errors + self.warnings + self.infos == 0 {
            lang.t("check-no-findings")
        } else {
            lang.t_args(
                "check-summary-counts",
                &[
                    ("errors", count("severity-errors", self.errors).into()),
                    ("warnings", count("severity-warnings", self.warnings).into()),
                    ("infos", count("severity-infos", self.infos).into()),
                ],
            )
        };
        let mut line = lang.t_args(
            "check-summary",
            &[
                ("files", (self.files as u64).into()),
                ("streams", (self.value_streams as u64).into()),
                ("stages", (self.stages as u64).into()),
                ("elements", (self.elements as u64).into()),
                ("findings", findings.into()),
                ("ms", (self.elapsed.as_millis() as u64).into()),
            ],
        );
        if self.skipped > 0 {
            let listed = if self.skipped_listed {
                lang.t("check-skipped-listed")
            } else {
                lang.t("check-skipped-verbose")
            };
            line.push_str(&lang.t_args(
                "check-skipped",
                &[
                    ("n", (self.skipped as u64).into()),
                    ("listed", listed.into()),
                ],
            ));
        }
        line
    }
}

/// `help: text` in `lang` (`建议：text`): how the human fallback and the one-line message of
/// SARIF, GitHub and JUnit give a finding's help.
pub fn help_line(help: &str, lang: Lang) -> String {
    lang.t_args("finding-help", &[("help", help.into())])
}

/// Each file's path relative to the repository root `root` (absolute), with forward slashes;
/// `None` for a file outside it. Code scanning and annotations name files this way, so they
/// map onto the repository whatever folder `vsm` ran in.
pub fn paths_from_root(sources: &Sources, root: &Path) -> Vec<Option<String>> {
    let root = normalize(root);
    sources
        .files
        .iter()
        .map(|file| {
            let absolute = normalize(&std::path::absolute(&file.path).ok()?);
            let relative = relative(&root, &absolute)?;
            let leaves_root = relative.components().next() == Some(Component::ParentDir);
            (!leaves_root).then(|| slashes(&relative))
        })
        .collect()
}

/// Start and end (exclusive) of a finding's node.
pub fn range(sources: &Sources, finding: &Finding) -> (LineCol, LineCol) {
    sources.range(finding.loc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(files: usize, streams: usize, errors: usize, skipped: usize) -> Summary {
        Summary {
            files,
            value_streams: streams,
            stages: 1,
            elements: 0,
            errors,
            warnings: 0,
            infos: 2,
            elapsed: std::time::Duration::from_millis(5),
            suppressed: 0,
            baseline: None,
            skipped,
            skipped_listed: false,
        }
    }

    /// The English line is the one `vsm check` wrote before it had languages: one and many
    /// by the count, the skipped files' part only when some were skipped.
    #[test]
    fn the_summary_line_in_english_counts_one_and_many() {
        assert_eq!(
            summary(1, 2, 1, 1).line(Lang::En),
            "Checked 1 file (2 value streams, 1 stage, 0 elements): 1 error, 0 warnings, 2 infos \
             in 5 ms; skipped 1 YAML file that holds no model section (--verbose lists them)"
        );
        let mut listed = summary(3, 1, 0, 2);
        listed.skipped_listed = true;
        assert_eq!(
            listed.line(Lang::En),
            "Checked 3 files (1 value stream, 1 stage, 0 elements): 0 errors, 0 warnings, 2 \
             infos in 5 ms; skipped 2 YAML files that hold no model section (listed above)"
        );
        let mut clean = summary(1, 1, 0, 0);
        clean.infos = 0;
        assert_eq!(
            clean.line(Lang::En),
            "Checked 1 file (1 value stream, 1 stage, 0 elements): no findings in 5 ms"
        );
    }

    #[test]
    fn the_summary_line_in_chinese() {
        assert_eq!(
            summary(3, 1, 2, 1).line(Lang::ZhCn),
            "已检查 3 个文件（1 个价值流、1 个阶段、0 个元素）：2 个错误、0 个警告、2 个提示，\
             用时 5 毫秒；跳过了 1 个不含模型段的 YAML 文件（--verbose 会列出它们）"
        );
        assert_eq!(
            summary(1, 1, 1, 0).line(Lang::ZhTw),
            "已檢查 1 個檔案（1 個價值流、1 個階段、0 個元素）：1 個錯誤、0 個警告、2 個提示，\
             耗時 5 毫秒"
        );
    }
}
