//! `vsm init [DIR]`: a small, valid starter model and a `vsm.yaml`, with comments and names in
//! the language of `--lang` (the words are `locales/<lang>/init.ftl`).

use super::lang::LangName;
use crate::i18n::Lang;
use anyhow::{bail, Context as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder to set up (created when missing)
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Overwrite files that already exist
    #[arg(long)]
    pub force: bool,
    /// The language of the starter files' comments and names (ids, keys and values stay
    /// English); other than en, vsm.yaml gets `lang:` so reports are in it too [default:
    /// VSM_LANG, else en]
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<LangName>,
}

/// The config `vsm init` writes; `«key»` is a message of `init.ftl` (see [`fill`]).
const CONFIG: &str = r#"# «init-comment-config»
paths: [models]
# exclude: ["models/drafts/**"]
fail_on: error          # «init-comment-fail-on»
rules:                  # «init-comment-rules»
  missing-description: off
report:
  title: «init-name-report-title»
  heatmap_by: gap
  palette: viridis      # «init-comment-palette»
"#;

/// The model `vsm init` writes: clean under every rule enabled by default, in every language.
/// Ids stay English (they are typed in references, `--stream` and suppression comments, on
/// any keyboard); names are the language's.
const MODEL: &str = r#"# «init-comment-model»
model:
  name: «init-name-model»
  owner: «init-name-service-centre»

stakeholders:
  customer: {name: «init-name-customer», type: external}
  agent: {name: «init-name-agent», type: internal}
  service-centre: {name: «init-name-service-centre», type: internal}

value_streams:
  resolve-enquiry:
    name: «init-name-stream»
    trigger: customer
    value_proposition: «init-name-value-proposition»
    stages:
      connect:
        name: «init-name-connect»
        description: «init-name-connect-description»
        stakeholders: [customer, agent]
        entry_conditions: [«init-name-customer-calls»]
        exit_conditions: [«init-name-agent-answered»]
        value_items:
          - name: «init-name-not-kept-waiting»
            measure: «init-name-answer-rate»
            capabilities: [call-routing]
        capabilities: [call-routing]
        processes: [handle-call]
        information: [contact-record]
        wait_time: 30s
      understand:
        name: «init-name-understand»
        stakeholders: [customer, agent]
        entry_conditions: [«init-name-agent-answered»]
        exit_conditions: [«init-name-need-confirmed»]
        value_items: [«init-name-trust»]
        capabilities: [customer-identification]
        business_objects: [customer-profile]
        process_time: 3 min

capabilities:
  customer-service: {name: «init-name-customer-service», level: 1, maturity: 3, target_maturity: 4, importance: high}
  call-routing: {name: «init-name-call-routing», parent: customer-service, maturity: 2, target_maturity: 4, importance: critical, enablement: automated}
  customer-identification: {name: «init-name-customer-identification», parent: customer-service, maturity: 3, target_maturity: 3, importance: medium}

processes:
  handle-call:
    name: «init-name-handle-call»
    owner: service-centre
    capabilities: [call-routing, customer-identification]
    steps:
      - {name: «init-name-route-call», owner: service-centre, capabilities: [call-routing], automated: true}
      - {name: «init-name-identify-caller», owner: agent, information: [contact-record]}

information:
  contact-record: {name: «init-name-contact-record», business_object: customer-profile}

business_objects:
  customer-profile: {name: «init-name-customer-profile», attributes: [«init-name-profile-attributes»]}

commitments:
  answer-fast:
    name: «init-name-answer-fast»
    target: ">= 90%"
    owner: service-centre
    stage: resolve-enquiry/connect
    perception: waiting-time

perceptions:
  waiting-time:
    name: «init-name-time-on-hold»
    stage: resolve-enquiry/connect
    channel: phone
    importance: 5
    current: 3.2
    expected: 4.5
    focus: true
"#;

/// Every message the templates name, so that the key test finds each one used (the templates
/// write them as `«key»`) and a unit test finds each marker listed here.
const WORDS: [&str; 32] = [
    "init-comment-config",
    "init-comment-fail-on",
    "init-comment-rules",
    "init-comment-palette",
    "init-comment-model",
    "init-name-report-title",
    "init-name-model",
    "init-name-service-centre",
    "init-name-customer",
    "init-name-agent",
    "init-name-stream",
    "init-name-value-proposition",
    "init-name-connect",
    "init-name-connect-description",
    "init-name-customer-calls",
    "init-name-agent-answered",
    "init-name-not-kept-waiting",
    "init-name-answer-rate",
    "init-name-understand",
    "init-name-need-confirmed",
    "init-name-trust",
    "init-name-customer-service",
    "init-name-call-routing",
    "init-name-customer-identification",
    "init-name-handle-call",
    "init-name-route-call",
    "init-name-identify-caller",
    "init-name-contact-record",
    "init-name-customer-profile",
    "init-name-profile-attributes",
    "init-name-answer-fast",
    "init-name-time-on-hold",
];

/// A template with each `«key»` replaced by its message in `lang`. A message of several lines
/// (a comment block) repeats what stands before the marker on each of its lines, so `# «key»`
/// becomes a block of `# ` lines.
fn fill(template: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(template.len() * 2);
    for line in template.split_inclusive('\n') {
        let mut rest = line;
        let prefix_end = rest.find('«').unwrap_or(rest.len());
        let newline = format!("\n{}", &line[..prefix_end]);
        while let Some(start) = rest.find('«') {
            let Some(end) = rest[start..].find('»').map(|e| start + e) else {
                break;
            };
            out.push_str(&rest[..start]);
            let key = &rest[start + '«'.len_utf8()..end];
            debug_assert!(WORDS.contains(&key), "`{key}` is not in WORDS");
            out.push_str(&lang.t(key).replace('\n', &newline));
            rest = &rest[end + '»'.len_utf8()..];
        }
        out.push_str(rest);
    }
    out
}

/// The config in `lang`; other than English it says `lang:`, so the project's reports are
/// in the language its starter files were written in.
pub fn config(lang: Lang) -> String {
    let text = fill(CONFIG, lang);
    if lang == Lang::En {
        return text;
    }
    let setting = format!(
        "{:<24}# {}\n",
        format!("lang: {}", lang.code()),
        lang.t("init-comment-lang")
    );
    text.replacen(
        "paths: [models]\n",
        &format!("paths: [models]\n{setting}"),
        1,
    )
}

/// The starter model in `lang`.
pub fn model(lang: Lang) -> String {
    fill(MODEL, lang)
}

/// The files `vsm init` writes, relative to its folder.
pub fn files(lang: Lang) -> [(&'static str, String); 2] {
    [
        ("vsm.yaml", config(lang)),
        ("models/model.yaml", model(lang)),
    ]
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let lang = super::lang::without_config(args.lang)?;
    let targets: Vec<(PathBuf, String)> = files(lang)
        .into_iter()
        .map(|(name, text)| (args.dir.join(name), text))
        .collect();
    if !args.force {
        let existing: Vec<String> = targets
            .iter()
            .filter(|(path, _)| path.exists())
            .map(|(path, _)| format!("`{}`", path.display()))
            .collect();
        if !existing.is_empty() {
            bail!(
                "{} already {}: not overwriting (use --force to overwrite)",
                existing.join(" and "),
                if existing.len() == 1 {
                    "exists"
                } else {
                    "exist"
                }
            );
        }
    }
    for (path, text) in &targets {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create the folder `{}`", parent.display()))?;
        }
        crate::atomic::write(path, text.as_bytes())?;
    }
    // The paths are the user's: escaped, as all terminal text is.
    let shown = |p: &Path| crate::text::escaped(&p.display().to_string()).into_owned();
    let written = [
        ("config", shown(&targets[0].0).into()),
        ("model", shown(&targets[1].0).into()),
    ];
    let next = if args.dir == Path::new(".") {
        lang.t_args("init-wrote", &written)
    } else {
        let mut with_dir = written.to_vec();
        with_dir.push(("dir", shown(&args.dir).into()));
        lang.t_args("init-wrote-in", &with_dir)
    };
    crate::stderrln!("{next}");
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::LANGS;

    #[test]
    fn every_marker_is_a_listed_message_and_every_message_is_used() {
        for template in [CONFIG, MODEL] {
            for piece in template.split('«').skip(1) {
                let key = piece.split('»').next().unwrap();
                assert!(WORDS.contains(&key), "`{key}` is not in WORDS");
            }
        }
        for key in WORDS {
            let marker = format!("«{key}»");
            assert!(
                CONFIG.contains(&marker) || MODEL.contains(&marker),
                "`{key}` is in no template"
            );
        }
        for lang in LANGS {
            for (name, text) in files(lang) {
                assert!(
                    !text.contains('«') && !text.contains('»'),
                    "{} {name}",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn a_comment_of_several_lines_is_a_block_of_comment_lines() {
        let model = model(Lang::En);
        assert!(model.starts_with(
            "# A starter value-stream model for vsm: run `vsm check`, then make it yours.\n\
             # Editor completion: `vsm schema > vsm.schema.json` in the project folder, then put\n"
        ));
        // The indented line keeps its indentation inside the comment.
        assert!(
            model.contains("\n#   # yaml-language-server: $schema=../vsm.schema.json\nmodel:\n")
        );
        let zh = model_lines(Lang::ZhCn);
        let comments = zh.iter().take_while(|l| l.starts_with('#')).count();
        assert_eq!(comments, 4, "{zh:?}");
    }

    fn model_lines(lang: Lang) -> Vec<String> {
        model(lang).lines().map(str::to_string).collect()
    }

    #[test]
    fn names_are_translated_and_ids_are_not() {
        let zh = model(Lang::ZhTw);
        assert!(zh.contains("  customer: {name: 客戶, type: external}\n"));
        assert!(zh.contains("  resolve-enquiry:\n    name: 解決客戶諮詢\n    trigger: customer\n"));
        assert!(zh.contains("    stage: resolve-enquiry/connect\n"));
        let cn = model(Lang::ZhCn);
        assert!(cn.contains("  customer: {name: 客户, type: external}\n"));
        assert!(!cn.contains("Customer"), "no English name left");
    }

    #[test]
    fn the_config_says_the_language_except_in_english() {
        assert!(!config(Lang::En).contains("lang:"));
        let cn = config(Lang::ZhCn);
        assert!(
            cn.contains(
                "paths: [models]\nlang: zh-CN             # 报告的语言：en、zh-CN 或 zh-TW\n"
            ),
            "{cn}"
        );
        assert!(config(Lang::ZhTw).contains("\nlang: zh-TW "));
        // The settings themselves stay as the config reader wants them.
        for lang in LANGS {
            let text = config(lang);
            assert!(
                text.contains("fail_on: error          # "),
                "{}",
                lang.code()
            );
            let parsed = crate::config::parse(Path::new("vsm.yaml"), &text).unwrap();
            let expected = (lang != Lang::En).then_some(lang);
            assert_eq!(parsed.lang, expected, "{}", lang.code());
        }
    }
}
