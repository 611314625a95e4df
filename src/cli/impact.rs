//! `vsm impact ID`: what depends on an element (and what it touches), as a tree in the
//! terminal, Markdown or JSON.

use super::file_format::FileFormat;
use super::workspace::open;
use super::ColorChoice;
use super::{ConfigFile, ModelPaths, OutputFile};
use crate::model::{Kind, Model};
use crate::report::impact::{self, render, Impact, NotFound, Subject};
use anyhow::anyhow;
use clap::ValueEnum;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A tree per relation, with counts
    Term,
    /// GitHub-flavoured Markdown: a heading per relation, nested lists
    Md,
    /// JSON, as documented in docs/impact.md
    Json,
}

impl FileFormat for Format {
    const EXTENSIONS: &'static [(&'static str, Self)] = &[
        ("md", Format::Md),
        ("markdown", Format::Md),
        ("json", Format::Json),
    ];
}

/// The kinds of element `--kind` names (the command-line names of [`Kind`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ElementKind {
    Capability,
    Process,
    Information,
    BusinessObject,
    Stakeholder,
    Stage,
    /// A value stream
    Stream,
    Commitment,
    /// A perception point
    Perception,
}

impl From<ElementKind> for Kind {
    fn from(kind: ElementKind) -> Kind {
        match kind {
            ElementKind::Capability => Kind::Capability,
            ElementKind::Process => Kind::Process,
            ElementKind::Information => Kind::Information,
            ElementKind::BusinessObject => Kind::BusinessObject,
            ElementKind::Stakeholder => Kind::Stakeholder,
            ElementKind::Stage => Kind::Stage,
            ElementKind::Stream => Kind::ValueStream,
            ElementKind::Commitment => Kind::Commitment,
            ElementKind::Perception => Kind::Perception,
        }
    }
}

/// The `--kind` value that names `kind`.
fn flag_name(kind: Kind) -> String {
    let element = ElementKind::value_variants()
        .iter()
        .copied()
        .find(|&k| Kind::from(k) == kind)
        .expect("every kind has a --kind value");
    element
        .to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default()
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The element's id; a stage as `stream/stage` (or its bare id when only one value stream
    /// has a stage of that id)
    #[arg(value_name = "ID")]
    pub id: String,
    #[command(flatten)]
    pub model: ModelPaths,
    /// The kind of element ID names, when elements of several kinds have it
    #[arg(long, value_enum)]
    pub kind: Option<ElementKind>,
    /// Output format [default: from the extension of -o (.md, .json), else term]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    #[command(flatten)]
    pub output: OutputFile,
    #[command(flatten)]
    pub lang: super::lang::LangArg,
    #[command(flatten)]
    pub config: ConfigFile,
    /// Colour the terminal tree
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let format = args.output.format(args.format, Format::Term, "impact")?;
    let opened = match open(&args.model, &args.config)? {
        Ok(opened) => opened,
        Err(code) => return Ok(code),
    };
    let views = opened.views();
    let lang = args.lang.resolve(&opened.workspace)?;
    let model = views.model;
    let kind = args.kind.map(Kind::from);
    let subject = impact::find(model, &args.id, kind)
        .map_err(|why| anyhow!("{}", not_found(model, &args.id, kind, why)))?;
    let impact = Impact::new(&views, subject);
    let text = match format {
        Format::Term => render::term(&impact, lang, args.output.colored(args.color)),
        Format::Md => render::markdown_text(&impact, lang),
        Format::Json => render::json(&impact)?,
    };
    args.output.emit(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// Why `id` names no single element, and what to type instead. (`main` escapes the message
/// for the terminal.)
fn not_found(model: &Model, id: &str, kind: Option<Kind>, why: NotFound) -> String {
    let what = kind.map_or("element", Kind::noun);
    match why {
        NotFound::Unknown { suggestion } => format!(
            "no {what} has the id `{id}`{}",
            suggestion
                .map(|s| format!(" (did you mean `{s}`?)"))
                .unwrap_or_default()
        ),
        NotFound::OtherKinds { kinds } => {
            let names: Vec<String> = kinds.iter().map(|k| k.with_article().to_string()).collect();
            let flags: Vec<String> = kinds.iter().map(|&k| flag_name(k)).collect();
            format!(
                "no {what} has the id `{id}`; it names {}: pass --kind {}",
                list(&names),
                flags.join(" or --kind ")
            )
        }
        NotFound::Ambiguous(subjects) => {
            let named: Vec<String> = subjects
                .iter()
                .map(|s| match *s {
                    Subject::Stage { stream, .. } => format!(
                        "a stage of value stream `{}`",
                        model
                            .value_streams
                            .get_index(stream)
                            .map_or("", |(id, _)| id.as_str())
                    ),
                    other => other.kind().with_article().to_string(),
                })
                .collect();
            let mut kinds: Vec<Kind> = subjects.iter().map(|s| s.kind()).collect();
            kinds.dedup();
            let mut advice = Vec::new();
            if kinds.len() > 1 {
                let flags: Vec<String> = kinds.iter().map(|&k| flag_name(k)).collect();
                advice.push(format!("pass --kind {}", flags.join(" or --kind ")));
            }
            let stages: Vec<String> = subjects
                .iter()
                .filter(|s| s.kind() == Kind::Stage)
                .map(|s| format!("`{}`", s.id(model)))
                .collect();
            if stages.len() > 1 {
                advice.push(format!("write the stage as {}", stages.join(" or ")));
            }
            format!("`{id}` names {}: {}", list(&named), advice.join(", or "))
        }
    }
}

/// "a, b and c".
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_kind_flag() {
        let kinds = [
            Kind::Stakeholder,
            Kind::ValueStream,
            Kind::Stage,
            Kind::Capability,
            Kind::Process,
            Kind::Information,
            Kind::BusinessObject,
            Kind::Commitment,
            Kind::Perception,
        ];
        let names: Vec<String> = kinds.iter().map(|&k| flag_name(k)).collect();
        assert_eq!(
            names,
            [
                "stakeholder",
                "stream",
                "stage",
                "capability",
                "process",
                "information",
                "business-object",
                "commitment",
                "perception"
            ]
        );
    }

    #[test]
    fn lists_read_as_english() {
        let items = |n: usize| -> Vec<String> {
            ["a", "b", "c"][..n].iter().map(|s| s.to_string()).collect()
        };
        assert_eq!(list(&items(1)), "a");
        assert_eq!(list(&items(2)), "a and b");
        assert_eq!(list(&items(3)), "a, b and c");
    }
}
