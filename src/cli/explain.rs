//! `vsm explain`: one rule's documentation, or the table of all rules, in the language of
//! `--lang` (rule codes, names and the YAML examples stay as written).

use super::{print, RuleName};
use crate::catalog::{self, Group, Rule, Severity, RULES};
use crate::i18n::Lang;
use anyhow::anyhow;
use clap::ValueEnum;
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Markdown,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Rule code (VSM101) or name (no-value-item)
    #[arg(value_parser = RuleName, hide_possible_values = true)]
    pub rule: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Every rule in full (with --format markdown this is docs/rules.md)
    #[arg(long, conflicts_with = "rule")]
    pub all: bool,
    #[command(flatten)]
    pub lang: super::lang::LangArg,
}

/// The rule's default severity as `explain` shows it: "warning", "error, always on", "off by
/// default". The severity words are the explain file's own: a finding's severity tag is
/// another part of the program, translated on its own.
fn default_text(rule: &Rule, lang: Lang) -> String {
    lang.t(match (rule.default, rule.can_be_disabled()) {
        (_, false) => "explain-default-always-on",
        (Some(Severity::Error), true) => "explain-default-error",
        (Some(Severity::Warning), true) => "explain-default-warning",
        (Some(Severity::Info), true) => "explain-default-info",
        (None, true) => "explain-default-off",
    })
}

/// `text` padded with spaces to `width` terminal columns: a CJK character takes two, so
/// `format!("{:<17}")`, which counts characters, would misalign the Chinese table.
fn padded(text: &str, width: usize) -> String {
    let shown = UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(shown)))
}

/// The table of all rules, each summary wrapped to `width` columns under its own column.
pub fn table(width: usize, lang: Lang) -> String {
    let mut out = String::new();
    for rule in RULES {
        let lead = format!(
            "{}  {:<28} {} ",
            rule.code,
            rule.name,
            padded(&default_text(rule, lang), 17)
        );
        let lead_width = UnicodeWidthStr::width(lead.as_str());
        // A summary column narrower than this is unreadable: the summary goes below instead.
        const NARROWEST_SUMMARY: usize = 30;
        let (first, rest) = if width >= lead_width + NARROWEST_SUMMARY {
            (lead.clone(), " ".repeat(lead_width))
        } else {
            out.push_str(lead.trim_end());
            out.push('\n');
            (" ".repeat(8), " ".repeat(8))
        };
        let options = textwrap::Options::new(width)
            .initial_indent(&first)
            .subsequent_indent(&rest);
        out.push_str(&textwrap::fill(&rule.summary_in(lang), options));
        out.push('\n');
    }
    out
}

/// One rule in full, as text for the terminal: prose wrapped to `width`, examples as written.
pub fn text(rule: &Rule, width: usize, lang: Lang) -> String {
    format!(
        "{} {} ({})\n\n{}\n\n{}\n\n{}\n\n{}\n{}\n\n{}",
        rule.code,
        rule.name,
        default_text(rule, lang),
        textwrap::fill(&rule.summary_in(lang), width),
        textwrap::fill(&rule.explanation_in(lang), width),
        lang.t("explain-bad"),
        indent(rule.bad),
        lang.t("explain-good"),
        indent(rule.good)
    )
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("    {l}\n")).collect()
}

/// The whole catalog as Markdown: in English this is `docs/rules.md`, and a test keeps them
/// equal.
pub fn markdown(lang: Lang) -> String {
    let mut out = format!(
        "# {}\n\n<!-- {} -->\n\n{}\n",
        lang.t("explain-md-title"),
        lang.t("explain-md-generated"),
        lang.t("explain-md-intro")
    );
    let header = format!(
        "| {} | {} | {} | {} |\n| --- | --- | --- | --- |\n",
        lang.t("explain-col-code"),
        lang.t("explain-col-name"),
        lang.t("explain-col-default"),
        lang.t("explain-col-catches")
    );
    for group in [Group::Structure, Group::Value, Group::Hygiene] {
        out.push_str(&format!("\n## {}\n\n{header}", group_title(group, lang)));
        for rule in RULES.iter().filter(|r| r.group == group) {
            out.push_str(&format!(
                "| [{}](#{}) | {} | {} | {} |\n",
                rule.code,
                rule.code.to_lowercase(),
                rule.name,
                default_text(rule, lang),
                rule.summary_in(lang).replace('|', "\\|")
            ));
        }
    }
    for rule in RULES {
        out.push_str(&format!(
            "\n## {}\n\n**{}** · {} · {}\n\n{}\n\n{}\n\n```yaml\n{}```\n\n{}\n\n```yaml\n{}```\n",
            rule.code,
            rule.name,
            default_text(rule, lang),
            rule.summary_in(lang),
            rule.explanation_in(lang),
            lang.t("explain-bad"),
            rule.bad,
            lang.t("explain-good"),
            rule.good
        ));
    }
    out
}

/// A catalog group's heading; [`Group::title`] is its English.
fn group_title(group: Group, lang: Lang) -> String {
    lang.t(match group {
        Group::Structure => "explain-group-structure",
        Group::Value => "explain-group-value",
        Group::Hygiene => "explain-group-hygiene",
    })
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let width = super::workspace::width();
    let lang = args.lang.resolve_without_model()?;
    let out = match (&args.rule, args.all, args.format) {
        (Some(name), _, format) => {
            // The name is echoed when it is no rule: escaped, as all terminal text is.
            let rule = catalog::find(&crate::text::escaped(name))
                .map_err(|unknown| anyhow!("{unknown}; `vsm explain` lists every rule"))?;
            match format {
                Format::Text => text(rule, width, lang),
                Format::Markdown => markdown_one(rule, lang),
            }
        }
        (None, true, Format::Markdown) | (None, false, Format::Markdown) => markdown(lang),
        (None, true, Format::Text) => RULES
            .iter()
            .map(|r| text(r, width, lang))
            .collect::<Vec<_>>()
            .join("\n\n"),
        (None, false, Format::Text) => table(width, lang),
    };
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn markdown_one(rule: &Rule, lang: Lang) -> String {
    format!(
        "## {} {}\n\n{} · {}\n\n{}\n\n{}\n\n```yaml\n{}```\n\n{}\n\n```yaml\n{}```\n",
        rule.code,
        rule.name,
        default_text(rule, lang),
        rule.summary_in(lang),
        rule.explanation_in(lang),
        lang.t("explain-bad"),
        rule.bad,
        lang.t("explain-good"),
        rule.good
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_table_fits_the_width_and_keeps_its_columns() {
        for width in [60, 80, 120] {
            let table = table(width, Lang::En);
            for line in table.lines() {
                assert!(
                    unicode_width::UnicodeWidthStr::width(line) <= width,
                    "{width}: {line:?}"
                );
            }
            // Every rule still starts its own line with its code.
            let starts = table.lines().filter(|l| l.starts_with("VSM")).count();
            assert_eq!(starts, RULES.len(), "{width}");
        }
        // Wide enough: a continuation line starts under the summary column.
        let wide = table(100, Lang::En);
        let lead = "VSM001  yaml-syntax                  error, always on  ".len();
        let continued = wide
            .lines()
            .find(|l| l.starts_with(' '))
            .expect("a wrapped summary");
        assert_eq!(continued.len() - continued.trim_start().len(), lead);
        // Too narrow for a summary column: each summary goes below its rule, indented.
        let narrow = table(70, Lang::En);
        assert!(
            narrow.starts_with("VSM001  yaml-syntax                  error, always on\n        ")
        );
    }

    #[test]
    fn explanations_wrap_but_examples_stay_as_written() {
        let rule = catalog::lookup("VSM101").unwrap();
        let narrow = text(rule, 50, Lang::En);
        for line in narrow.lines().filter(|l| !l.starts_with("    ")) {
            assert!(line.chars().count() <= 50, "{line:?}");
        }
        for line in rule.bad.lines() {
            assert!(narrow.contains(&format!("    {line}\n")), "{line:?}");
        }
    }

    /// In Chinese the table keeps its columns by display width (a CJK character takes two
    /// columns) and wraps summaries, which have no spaces, between characters.
    #[test]
    fn the_chinese_rule_table_fits_the_width_by_display_columns() {
        for lang in [Lang::ZhCn, Lang::ZhTw] {
            for width in [60, 80, 120] {
                let table = table(width, lang);
                for line in table.lines() {
                    assert!(
                        UnicodeWidthStr::width(line) <= width,
                        "{} {width}: {line:?}",
                        lang.code()
                    );
                }
                let starts = table.lines().filter(|l| l.starts_with("VSM")).count();
                assert_eq!(starts, RULES.len(), "{width}");
            }
        }
        // "VSM101  " (8) + the name padded to 28 and a space (29) + "警告" (2 characters,
        // 4 columns) padded to 17 columns and a space (18) = 55 columns before the summary.
        let wide = table(120, Lang::ZhCn);
        let line = wide.lines().find(|l| l.starts_with("VSM101")).unwrap();
        assert!(
            line.starts_with("VSM101  no-value-item                警告              该阶段"),
            "{line:?}"
        );
        let summary_at = line.find("该阶段").unwrap();
        assert_eq!(UnicodeWidthStr::width(&line[..summary_at]), 55);
    }

    #[test]
    fn a_chinese_explanation_wraps_and_labels_its_examples() {
        let rule = catalog::lookup("VSM101").unwrap();
        let narrow = text(rule, 40, Lang::ZhTw);
        assert!(narrow.starts_with("VSM101 no-value-item (警告)\n\n該階段"));
        for line in narrow.lines().filter(|l| !l.starts_with("    ")) {
            assert!(UnicodeWidthStr::width(line) <= 40, "{line:?}");
        }
        assert!(narrow.contains("\n錯誤範例：\n\n    stages:\n"));
        assert!(narrow.contains("\n正確範例：\n\n    stages:\n"));
        // The examples stay as written: English names, in every language.
        assert!(narrow.contains("    value_items: [Customer feels heard after the case]\n"));
        let structural = text(catalog::lookup("VSM001").unwrap(), 80, Lang::ZhCn);
        assert!(structural.starts_with("VSM001 yaml-syntax (错误，始终启用)\n"));
        let off = text(catalog::lookup("VSM207").unwrap(), 80, Lang::ZhCn);
        assert!(off.starts_with("VSM207 missing-description (默认关闭)\n"));
    }

    #[test]
    fn the_markdown_catalog_in_chinese_keeps_codes_names_and_anchors() {
        let md = markdown(Lang::ZhCn);
        assert!(md.starts_with("# 规则\n\n<!-- 由 `vsm explain --all --format markdown --lang zh-CN` 生成。 -->\n\n每条检查结果"));
        assert!(md.contains("\n## 结构\n\n| 代码 | 名称 | 默认 | 检查内容 |\n| --- | --- | --- | --- |\n| [VSM001](#vsm001) | yaml-syntax | 错误，始终启用 | 文件不是有效的 YAML"));
        assert!(md.contains("\n## VSM101\n\n**no-value-item** · 警告 · 该阶段不交付任何价值项"));
        assert!(md.contains("\n\n错误示例：\n\n```yaml\nstages:\n"));
        // One section per rule, each heading with its code for the table's links.
        assert_eq!(md.matches("\n## VSM").count(), RULES.len());
    }
}
