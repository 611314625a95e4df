//! The rules' finding messages in Simplified and Traditional Chinese: every rule of
//! `src/rules` says its message, help and labels with keys of `findings.ftl`, and the Chinese
//! text of each is really Chinese: once the model's own text (the message's arguments: ids,
//! names, durations, scores) and code in backticks are taken out, no English word is left.
//!
//! The findings are checked through the library as `vsm check` makes them and localized as the
//! last step, the way an output format will (`diag::localize`).

use std::collections::BTreeSet;
use std::path::Path;
use vsm::diag::{Arg, Finding, Keyed};
use vsm::i18n::Lang;

mod common;

const CHINESE: [Lang; 2] = [Lang::ZhCn, Lang::ZhTw];

/// The findings of a model with every rule switched on (some are off by default), in English.
fn findings_of(loaded: &vsm::load::Loaded) -> Vec<Finding> {
    let filters = vsm::check::Filters {
        selection: vsm::config::RuleSelection {
            select: Some(vsm::catalog::RULES.to_vec()),
            ..Default::default()
        },
        ..Default::default()
    };
    vsm::check::findings(loaded, &filters).findings
}

/// Whether the finding comes from a check of `src/rules` (the loader's and the resolver's
/// findings are another part's words).
fn from_a_rule(finding: &Finding) -> bool {
    vsm::rules::CHECKS
        .iter()
        .any(|(rule, _)| rule.code == finding.rule.code)
}

/// Stands for the model's text in a message, so that only the message's own words are left.
const MODEL_TEXT: &str = "\u{2603}";

/// The English words of `keyed` in `lang`, outside code in backticks and the model's text (the
/// arguments the message shows: ids, names, durations, scores). An argument that only selects
/// a variant (`kind`, `drawn`, ...) is kept, since replacing it would select another variant.
fn english_words(keyed: &Keyed, lang: Lang) -> Vec<String> {
    let text = own_words(keyed, lang);
    let outside_code: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    outside_code
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| !word.is_empty())
        .map(str::to_string)
        .collect()
}

/// `keyed` in `lang` with [`MODEL_TEXT`] for each argument the message shows.
fn own_words(keyed: &Keyed, lang: Lang) -> String {
    let model_text = || Arg::Text(MODEL_TEXT.to_string());
    // Each argument on its own, the others as they were: is it shown?
    let shown = |index: usize| {
        let mut trial = keyed.args.to_vec();
        trial[index].1 = model_text();
        Keyed::new(keyed.key, trial)
            .in_lang(lang)
            .contains(MODEL_TEXT)
    };
    let args = keyed
        .args
        .iter()
        .enumerate()
        .map(|(index, (name, arg))| match arg {
            Arg::Text(_) if shown(index) => (*name, model_text()),
            _ => (*name, arg.clone()),
        })
        .collect();
    Keyed::new(keyed.key, args).in_lang(lang)
}

/// Every text of a finding in `lang` with its key: the message, the help and the labels.
/// Panics when one of them has no key (it would stay English in every language).
fn keyed_texts(english: &Finding, lang: Lang) -> Vec<(String, Keyed)> {
    let mut localized = english.clone();
    localized.localize(lang);
    let code = english.rule.code;
    let mut texts = vec![(
        localized.message.clone(),
        *english
            .keyed_message
            .clone()
            .unwrap_or_else(|| panic!("{code}: `{}` has no key", english.message)),
    )];
    if let Some(help) = &localized.help {
        let keyed = english
            .keyed_help
            .clone()
            .unwrap_or_else(|| panic!("{code}: help `{help}` has no key"));
        texts.push((help.clone(), *keyed));
    }
    for (label, english_label) in localized.labels.iter().zip(&english.labels) {
        let keyed = english_label
            .keyed
            .clone()
            .unwrap_or_else(|| panic!("{code}: label `{}` has no key", english_label.message));
        texts.push((label.message.clone(), *keyed));
    }
    texts
}

/// Asserts that every text of the rules' findings is keyed and, in Chinese, has no English
/// word; returns the keys seen.
fn assert_translated(findings: &[Finding], what: &str) -> BTreeSet<&'static str> {
    let mut seen = BTreeSet::new();
    for finding in findings.iter().filter(|f| from_a_rule(f)) {
        for lang in CHINESE {
            for (text, keyed) in keyed_texts(finding, lang) {
                seen.insert(keyed.key);
                let words = english_words(&keyed, lang);
                assert!(
                    words.is_empty(),
                    "{what}: {} `{}` in {}: English words {words:?} in `{text}`",
                    finding.rule.code,
                    keyed.key,
                    lang.code()
                );
                assert_ne!(
                    text,
                    keyed.in_lang(Lang::En),
                    "{what}: `{}` is the English text in {}",
                    keyed.key,
                    lang.code()
                );
            }
        }
    }
    seen
}

/// `examples/<CODE>-<name>/bad.yaml` (or `bad/`) of every rule `src/rules` checks.
fn bad_examples() -> Vec<(&'static str, std::path::PathBuf)> {
    let examples = common::root().join("examples");
    let mut out = Vec::new();
    for (rule, _) in vsm::rules::CHECKS {
        let folder = examples.join(format!("{}-{}", rule.code, rule.name));
        let bad = [folder.join("bad.yaml"), folder.join("bad")]
            .into_iter()
            .find(|p| p.exists())
            .unwrap_or_else(|| panic!("{}: no bad example in {}", rule.code, folder.display()));
        out.push((rule.code, bad));
    }
    out
}

fn load(path: &Path) -> vsm::load::Loaded {
    vsm::load::load(&[path.to_path_buf()], &vsm::load::Filter::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_rules_bad_example_is_told_in_chinese() {
    let examples = bad_examples();
    assert_eq!(examples.len(), vsm::rules::CHECKS.len());
    for (code, path) in examples {
        let findings = findings_of(&load(&path));
        assert!(
            findings.iter().any(|f| f.rule.code == code),
            "{code}: the bad example gives no {code} finding"
        );
        assert_translated(&findings, &path.display().to_string());
    }
}

/// A model with every variant of every rule's message: both kinds of empty stream, the three
/// stage-flow problems, sequential and parallel budgets, one, two and five manual
/// capabilities, unused branches of one and two capabilities, named and unnamed steps, scores
/// of either or both kinds, process or wait time or both, 1 and 3 timed stages, confusable ids
/// with and without a described character.
const EVERY_VARIANT: &str = r#"
stakeholders:
  customer: {name: Customer}
  agent: {name: Agent}
  аgent: {name: Agent 2}
  unused: {name: Unused}
value_streams:
  nostages: {name: No stages}
  emptystages: {name: Empty, stages: {}}
  s:
    name: S
    trigger: customer
    stages:
      a: {name: A, process_time: 1h, wait_time: 2h, next: [b], capabilities: [hand], value_items: [{name: V, capabilities: [craft, hand]}]}
      b: {name: B, capabilities: [hand], next: [c], value_items: [{name: W}]}
      c: {name: C, process_time: 1h, next: [c2]}
      c2: {name: C2, wait_time: 3h, next: [c]}
      d: {name: D, capabilities: [m0, m1, m2, m3, m4], next: [x]}
      conn: {name: Conn}
      cоnn: {name: Conn 2}
  t:
    name: T
    stages:
      x: {name: X, process_time: 1h, wait_time: 1h}
      y: {name: Y}
      z: {name: Z}
  u:
    name: U
    stages:
      x1: {name: X1, process_time: 1h}
      x2: {name: X2, wait_time: 2h}
      x3: {name: X3, value_items: [{name: "Item \"q\""}]}
capabilities:
  hand: {name: Hand, enablement: manual}
  craft: {name: Craft, enablement: manual}
  m0: {name: M0, enablement: manual}
  m1: {name: M1, enablement: manual}
  m2: {name: M2, enablement: manual}
  m3: {name: M3, enablement: manual}
  m4: {name: M4, enablement: manual}
  loop1: {name: L1, parent: loop2}
  loop2: {name: L2, parent: loop1}
  top: {name: Top, level: 1}
  child: {name: Child, parent: top, level: 3}
  mat: {name: Mat, maturity: 4, target_maturity: 2}
  two-below: {name: TB}
  tb1: {name: TB1, parent: two-below}
  tb2: {name: TB2, parent: two-below}
  modem: {name: Modem}
  rnodem: {name: Rnodem}
processes:
  p: {name: P, steps: [{name: Route}, {owner: agent}, {}]}
information:
  info: {name: Info}
business_objects:
  obj: {name: Obj}
commitments:
  c1: {name: C1, parts: [c2]}
  c2: {name: C2, parts: [c1]}
  seq: {name: Seq, target: "<= 2d", parts: [p1, p2], owner: agent}
  p1: {name: P1, target: "<= 1d", owner: agent}
  p2: {name: P2, target: "<= 1d 4h", owner: agent}
  par: {name: Par, target: "< 1d", composition: parallel, parts: [q1, q2], owner: agent}
  q1: {name: Q1, target: "<= 2d", owner: agent}
  q2: {name: Q2, target: "<= 2h", owner: agent}
  both: {name: Both, target: "<= 2h", stage: s/a, owner: agent}
  ponly: {name: PO, target: "< 1h", stage: u/x1, owner: agent}
  wonly: {name: WO, target: "<= 1h", stage: u/x2, owner: agent}
perceptions:
  p100: {name: P100, current: 62, expected: 90, focus: true}
  p100b: {name: P100b, current: 70, expected: 80}
  p100c: {name: P100c, current: 70}
  p100e: {name: P100e, expected: 80}
  p5: {name: P5, current: 3.5, expected: 4.5}
  pcur: {name: Pcur, current: 3}
  pexp: {name: Pexp, expected: 4}
  pmix: {name: Pmix, current: 3, expected: 80}
"#;

/// The keys of `findings.ftl` that belong to the rules of `src/rules` (their names begin with
/// the rule's name), read from the English file.
fn rule_keys() -> BTreeSet<String> {
    let english = std::fs::read_to_string(common::root().join("locales/en/findings.ftl")).unwrap();
    vsm::i18n::keys(&english)
        .into_iter()
        .filter(|key| {
            vsm::rules::CHECKS
                .iter()
                .any(|(rule, _)| key == rule.name || key.starts_with(&format!("{}-", rule.name)))
        })
        .collect()
}

#[test]
fn every_message_of_every_rule_is_told_in_chinese() {
    let loaded = vsm::load::load_text("model.yaml", EVERY_VARIANT);
    let findings = findings_of(&loaded);
    let seen: BTreeSet<String> = assert_translated(&findings, "every variant")
        .into_iter()
        .map(str::to_string)
        .collect();
    let keys = rule_keys();
    let never: Vec<_> = keys.difference(&seen).collect();
    assert!(
        never.is_empty(),
        "the model gives no finding that says {never:?}"
    );
    for (rule, _) in vsm::rules::CHECKS {
        assert!(
            keys.iter().any(|k| k.starts_with(rule.name)),
            "{} {} has no message in findings.ftl",
            rule.code,
            rule.name
        );
    }
}

/// The findings' texts in `lang`, one block per distinct message (findings whose messages
/// only differ by the model's text are shown once).
fn told(findings: &[Finding], lang: Lang) -> String {
    let mut seen = BTreeSet::new();
    let mut out = String::new();
    for finding in findings.iter().filter(|f| from_a_rule(f)) {
        let texts = keyed_texts(finding, lang);
        if !seen.insert(own_words(&texts[0].1, lang)) {
            continue;
        }
        let mut lines = texts.into_iter().map(|(text, _)| text);
        out.push_str(&format!(
            "{} {}\n",
            finding.rule.code,
            lines.next().unwrap()
        ));
        if finding.help.is_some() {
            out.push_str(&format!("  = {}\n", lines.next().unwrap()));
        }
        for label in lines {
            out.push_str(&format!("  - {label}\n"));
        }
    }
    out
}

#[test]
fn the_rules_messages_in_simplified_and_traditional_chinese() {
    let loaded = vsm::load::load_text("model.yaml", EVERY_VARIANT);
    let mut findings = findings_of(&loaded);
    findings.sort_by_key(|f| f.rule.code);
    insta::assert_snapshot!("zh_cn", told(&findings, Lang::ZhCn));
    insta::assert_snapshot!("zh_tw", told(&findings, Lang::ZhTw));
}

/// `diag::localize` on `check::findings`: the English text stays what baselines match until
/// then, and afterwards the finding reads in the language.
#[test]
fn localizing_keeps_the_place_and_writes_the_words() {
    let path = common::root().join("examples/VSM110-stage-without-it-support/bad.yaml");
    let english = findings_of(&load(&path));
    let mut chinese = english.clone();
    vsm::diag::localize(&mut chinese, Lang::ZhCn);
    let (en, zh) = english
        .iter()
        .zip(&chinese)
        .find(|(f, _)| f.rule.code == "VSM110")
        .expect("the example gives VSM110");
    assert_eq!(en.loc, zh.loc);
    assert_eq!(en.path, zh.path);
    assert!(en.message.contains("has no IT support"), "{}", en.message);
    assert!(zh.message.contains("没有信息系统支持"), "{}", zh.message);
    assert_eq!(zh.labels.len(), en.labels.len());
    assert!(zh.labels.iter().all(|l| l.message == "人工"));
}
