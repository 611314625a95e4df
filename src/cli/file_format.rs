//! Telling the output format from the file it goes to: `-o map.svg` writes SVG, as `-o r.html`
//! writes HTML, and a `--format` that contradicts the extension stops `vsm` instead of writing
//! one format into a file named for another.

use anyhow::bail;
use clap::ValueEnum;
use std::path::Path;

/// A `--format` enum whose values can be told from a file's extension.
pub trait FileFormat: ValueEnum + Copy + PartialEq + 'static {
    /// Extensions (lowercase, without the dot) and the format each stands for.
    const EXTENSIONS: &'static [(&'static str, Self)];

    /// The name `--format` takes for this value.
    fn name(self) -> String {
        self.to_possible_value()
            .map(|value| value.get_name().to_string())
            .unwrap_or_default()
    }
}

/// The format to write: `--format`, else the extension of the output file, else `default`
/// (`None`: the format must be known, as for `vsm report`). `what` names the output in
/// messages ("report", "table", ...).
pub fn choose<F: FileFormat>(
    flag: Option<F>,
    output: Option<&Path>,
    default: Option<F>,
    what: &str,
) -> anyhow::Result<F> {
    let from_extension = output.and_then(|path| {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        F::EXTENSIONS
            .iter()
            .find(|(known, _)| *known == ext)
            .map(|(_, format)| *format)
    });
    match (flag, from_extension, default) {
        (Some(flag), Some(named), _) if flag != named => {
            bail!(
            "--format {} contradicts the file name `{}`, which asks for {}: rename the file or \
             drop --format",
            flag.name(),
            output.map(Path::display).map(|d| d.to_string()).unwrap_or_default(),
            named.name()
        )
        }
        (Some(flag), _, _) => Ok(flag),
        (None, Some(named), _) => Ok(named),
        (None, None, Some(default)) => Ok(default),
        (None, None, None) => {
            // The first extension of each format: `.html`, not also `.htm` and `.xhtml`.
            let extensions: Vec<String> = F::value_variants()
                .iter()
                .filter_map(|f| F::EXTENSIONS.iter().find(|(_, g)| g == f))
                .map(|(ext, _)| format!(".{ext}"))
                .collect();
            let names: Vec<String> = F::value_variants().iter().map(|f| f.name()).collect();
            bail!(
                "cannot tell the {what} format from `{}`: name it {}, or pass --format {}",
                output
                    .map(Path::display)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                extensions.join(" or "),
                names.join("|")
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
    enum Shape {
        Term,
        Svg,
        Md,
    }

    impl FileFormat for Shape {
        const EXTENSIONS: &'static [(&'static str, Self)] = &[
            ("svg", Shape::Svg),
            ("md", Shape::Md),
            ("markdown", Shape::Md),
        ];
    }

    fn path(name: &str) -> Option<&Path> {
        Some(Path::new(name))
    }

    #[test]
    fn the_extension_decides_when_no_format_is_given() {
        assert_eq!(
            choose(None, path("map.SVG"), Some(Shape::Term), "map").unwrap(),
            Shape::Svg
        );
        assert_eq!(
            choose(None, path("out/map.markdown"), Some(Shape::Term), "map").unwrap(),
            Shape::Md
        );
        // An extension no format claims, or standard output: the default.
        assert_eq!(
            choose(None, path("map.txt"), Some(Shape::Term), "map").unwrap(),
            Shape::Term
        );
        assert_eq!(
            choose::<Shape>(None, None, Some(Shape::Term), "map").unwrap(),
            Shape::Term
        );
    }

    #[test]
    fn a_format_that_contradicts_the_extension_is_an_error() {
        let error = choose(Some(Shape::Term), path("map.svg"), Some(Shape::Term), "map")
            .unwrap_err()
            .to_string();
        assert_eq!(
            error,
            "--format term contradicts the file name `map.svg`, which asks for svg: rename the \
             file or drop --format"
        );
        assert_eq!(
            choose(Some(Shape::Svg), path("map.svg"), None, "map").unwrap(),
            Shape::Svg
        );
        assert_eq!(
            choose(Some(Shape::Md), path("map.txt"), None, "map").unwrap(),
            Shape::Md
        );
    }

    #[test]
    fn without_a_default_an_unknown_extension_is_an_error() {
        let error = choose::<Shape>(None, path("r.txt"), None, "report")
            .unwrap_err()
            .to_string();
        assert_eq!(
            error,
            "cannot tell the report format from `r.txt`: name it .svg or .md, or pass --format \
             term|svg|md"
        );
    }
}
