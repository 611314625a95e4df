//! The colours of every heat map: a colour-blind-safe sequential palette by default, and
//! red-amber-green for those who ask for it.
//!
//! The default is **viridis** in four steps, light (cool) to dark (hot): its lightness rises
//! steadily, so the order of the classes reads the same with any colour vision and in grey on
//! paper, and its hues (yellow, green, blue, purple) never rely on telling red from green.
//! Red-amber-green (`rag`) is what many steering committees are used to; about one man in
//! twelve cannot tell its green from its red, so it is offered, never the default. In both,
//! the value is written in every cell, so colour is never the only carrier of the figure.
//!
//! The text colour on a coloured cell is chosen by the cell's luminance (WCAG 2 relative
//! luminance): dark or white, whichever contrasts more.

use super::measure::Measure;

/// The colours a heat map is drawn in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Palette {
    /// Viridis, light yellow (cool) → dark purple (hot): colour-blind safe, prints in grey.
    #[default]
    Viridis,
    /// Green → yellow → orange → red (usage, neither good nor bad: light → dark blue).
    Rag,
}

/// The four viridis colours (samples at 1, 2/3, 1/3 and 0 of the scale, so light is cool).
pub const VIRIDIS: [&str; 4] = ["#fde725", "#35b779", "#31688e", "#440154"];
/// Red-amber-green: the scale the heat map had before the palette could be chosen.
pub const RAG: [&str; 4] = ["#a6d96a", "#fee08b", "#fdae61", "#d73027"];
/// A light → dark blue for usage under `rag`: a count is neither good nor bad, so not red.
pub const BLUES: [&str; 4] = ["#eef4fb", "#c6dbef", "#6baed6", "#2166ac"];
/// Cells without the data the measure needs (hatched or dashed where drawn).
pub const NO_DATA_COLOR: &str = "#e5e7eb";
/// Text on a no-data cell: muted.
pub const NO_DATA_INK: &str = "#4b5563";
/// The two text colours a cell can get.
pub const DARK_INK: &str = "#1f2933";
pub const LIGHT_INK: &str = "#ffffff";

/// How a terminal is coloured: off, the 256-colour table, or 24-bit colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TermColor {
    Off,
    /// `ESC [38;5;N m`: the xterm colour nearest to the palette's.
    Ansi256,
    /// `ESC [38;2;R;G;B m`: the palette's own colour (`COLORTERM=truecolor` or `24bit`).
    TrueColor,
}

impl TermColor {
    pub fn on(self) -> bool {
        self != TermColor::Off
    }
}

impl Palette {
    /// Every palette, in the order the CLI lists them.
    pub const ALL: [Palette; 2] = [Palette::Viridis, Palette::Rag];

    /// The palette named `text` (any case), as `report.palette` of vsm.yaml names it.
    pub fn parse(text: &str) -> Option<Palette> {
        Palette::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(text))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Palette::Viridis => "viridis",
            Palette::Rag => "rag",
        }
    }

    /// The four colours of `measure`, cool to hot.
    pub fn colors(self, measure: Measure) -> &'static [&'static str; 4] {
        match self {
            Palette::Viridis => &VIRIDIS,
            Palette::Rag if measure.neutral() => &BLUES,
            Palette::Rag => &RAG,
        }
    }

    /// The fill of a class (0 cool … 3 hot; `None` = no data).
    pub fn fill(self, measure: Measure, class: Option<usize>) -> &'static str {
        match class {
            None => NO_DATA_COLOR,
            Some(c) => self.colors(measure)[c.min(3)],
        }
    }

    /// The text colour on a class's fill: the one of dark and white that contrasts more.
    pub fn ink(self, measure: Measure, class: Option<usize>) -> &'static str {
        match class {
            None => NO_DATA_INK,
            Some(_) => ink_for(self.fill(measure, class)),
        }
    }

    /// The square that stands for a class in Markdown (no colour there but emoji).
    pub fn emoji(self, measure: Measure, class: Option<usize>) -> &'static str {
        let Some(c) = class else { return "⬜" };
        match self {
            // The emoji squares happen to follow viridis: yellow, green, blue, purple.
            Palette::Viridis => ["🟨", "🟩", "🟦", "🟪"][c.min(3)],
            Palette::Rag if measure.neutral() => ["▫️", "🔹", "🔹🔹", "🔹🔹🔹"][c.min(3)],
            Palette::Rag => ["🟩", "🟨", "🟧", "🟥"][c.min(3)],
        }
    }

    /// The SGR parameters that colour text (foreground) in a class's fill.
    pub fn sgr_fg(self, measure: Measure, class: Option<usize>, depth: TermColor) -> String {
        match class {
            None => "38;5;244".to_string(),
            Some(_) => sgr(self.fill(measure, class), depth, 38),
        }
    }

    /// The SGR parameters of a chip: the class's fill as background, its ink as foreground.
    pub fn sgr_chip(self, measure: Measure, class: Option<usize>, depth: TermColor) -> String {
        format!(
            "{};{}",
            sgr(self.fill(measure, class), depth, 48),
            sgr(self.ink(measure, class), depth, 38)
        )
    }
}

/// `38;2;R;G;B` (or `48;…` for `layer` 48) in true colour, `38;5;N` with the nearest xterm colour.
fn sgr(hex: &str, depth: TermColor, layer: u8) -> String {
    let (r, g, b) = rgb(hex);
    match depth {
        TermColor::TrueColor => format!("{layer};2;{r};{g};{b}"),
        _ => format!("{layer};5;{}", nearest_xterm(r, g, b)),
    }
}

/// Paints `text` with SGR parameters `params` when the terminal is coloured.
pub fn paint(text: &str, params: &str, depth: TermColor) -> String {
    if depth.on() {
        format!("\x1b[{params}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// `#rrggbb` as numbers (0 for what is not hex: the palettes are constants).
pub fn rgb(hex: &str) -> (u8, u8, u8) {
    let part = |i: usize| {
        hex.get(1 + 2 * i..3 + 2 * i)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0)
    };
    (part(0), part(1), part(2))
}

/// WCAG 2 relative luminance of `#rrggbb`: 0 for black, 1 for white.
pub fn luminance(hex: &str) -> f64 {
    let (r, g, b) = rgb(hex);
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// WCAG 2 contrast ratio of two colours (1 to 21; 4.5 is the AA level for body text).
pub fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The text colour for a fill: dark or white, whichever contrasts more with it.
pub fn ink_for(fill: &str) -> &'static str {
    if contrast(fill, DARK_INK) >= contrast(fill, LIGHT_INK) {
        DARK_INK
    } else {
        LIGHT_INK
    }
}

/// The xterm-256 colour nearest to an RGB colour: the 6×6×6 cube (16–231) or the grey ramp
/// (232–255), by squared distance.
pub fn nearest_xterm(r: u8, g: u8, b: u8) -> u8 {
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    let distance = |(r2, g2, b2): (u8, u8, u8)| {
        let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
        d(r, r2) + d(g, g2) + d(b, b2)
    };
    let level = |c: u8| {
        (0..6)
            .min_by_key(|&i| (i32::from(LEVELS[i]) - i32::from(c)).abs())
            .unwrap_or(0)
    };
    let (ri, gi, bi) = (level(r), level(g), level(b));
    let cube = (LEVELS[ri], LEVELS[gi], LEVELS[bi]);
    let cube_index = 16 + 36 * ri + 6 * gi + bi;
    let mean = (u32::from(r) + u32::from(g) + u32::from(b)) / 3;
    let grey_step = (mean.saturating_sub(3) / 10).min(23) as u8;
    let grey = 8 + 10 * grey_step;
    if distance((grey, grey, grey)) < distance(cube) {
        232 + grey_step
    } else {
        cube_index as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cell_colour_gets_text_with_at_least_aa_contrast() {
        for palette in Palette::ALL {
            for measure in Measure::ALL {
                for class in 0..4 {
                    let fill = palette.fill(measure, Some(class));
                    let ink = palette.ink(measure, Some(class));
                    let ratio = contrast(fill, ink);
                    assert!(
                        ratio >= 4.5,
                        "{palette:?} {measure:?} class {class}: {ink} on {fill} is {ratio:.2}"
                    );
                }
            }
        }
        // And the no-data cell.
        assert!(contrast(NO_DATA_COLOR, NO_DATA_INK) >= 4.5);
    }

    #[test]
    fn the_colour_of_a_gap_of_3_under_both_palettes() {
        // Gap 3 is class 3 (hot): viridis purple with white text, red under rag.
        let class = Some(Measure::Gap.class(3));
        assert_eq!(class, Some(3));
        assert_eq!(Palette::Viridis.fill(Measure::Gap, class), "#440154");
        assert_eq!(Palette::Viridis.ink(Measure::Gap, class), "#ffffff");
        assert_eq!(Palette::Rag.fill(Measure::Gap, class), "#d73027");
        assert_eq!(Palette::Rag.ink(Measure::Gap, class), "#ffffff");
        // Gap 1 is class 1: viridis green with dark text (white on it would be 2.6:1).
        let class = Some(Measure::Gap.class(1));
        assert_eq!(Palette::Viridis.fill(Measure::Gap, class), "#35b779");
        assert_eq!(Palette::Viridis.ink(Measure::Gap, class), DARK_INK);
        assert_eq!(Palette::Rag.fill(Measure::Gap, class), "#fee08b");
        assert_eq!(Palette::Rag.emoji(Measure::Gap, class), "🟨");
        assert_eq!(Palette::Viridis.emoji(Measure::Gap, class), "🟩");
        // Usage is not good or bad: blue under rag, the same viridis as everything else.
        assert_eq!(Palette::Rag.fill(Measure::Usage, Some(3)), "#2166ac");
        assert_eq!(Palette::Viridis.fill(Measure::Usage, Some(3)), "#440154");
    }

    #[test]
    fn viridis_gets_lighter_step_by_step_from_hot_to_cool() {
        // Lightness alone tells the order: the scale reads in grey and with any colour vision.
        let l: Vec<f64> = VIRIDIS.iter().map(|c| luminance(c)).collect();
        assert!(l.windows(2).all(|w| w[0] > w[1]), "{l:?}");
    }

    #[test]
    fn luminance_and_contrast_follow_wcag() {
        assert!((luminance("#ffffff") - 1.0).abs() < 1e-9);
        assert!(luminance("#000000").abs() < 1e-9);
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1.
        assert!((contrast("#767676", "#ffffff") - 4.54).abs() < 0.01);
    }

    #[test]
    fn terminals_get_the_palette_colour_or_the_nearest_of_256() {
        // #fde725 (253, 231, 37): cube levels 255, 215, 0 → 16 + 36·5 + 6·4 + 0 = 220.
        assert_eq!(nearest_xterm(253, 231, 37), 220);
        // #440154 (68, 1, 84): 95, 0, 95 → 16 + 36 + 0 + 1 = 53.
        assert_eq!(nearest_xterm(68, 1, 84), 53);
        // A grey lands on the grey ramp: (128, 128, 128) → 232 + 12 = 244 (value 128).
        assert_eq!(nearest_xterm(128, 128, 128), 244);
        let v = Palette::Viridis;
        assert_eq!(
            v.sgr_fg(Measure::Gap, Some(3), TermColor::TrueColor),
            "38;2;68;1;84"
        );
        assert_eq!(
            v.sgr_fg(Measure::Gap, Some(3), TermColor::Ansi256),
            "38;5;53"
        );
        assert_eq!(
            v.sgr_chip(Measure::Gap, Some(0), TermColor::TrueColor),
            "48;2;253;231;37;38;2;31;41;51"
        );
        assert_eq!(paint("x", "1", TermColor::Off), "x");
        assert_eq!(paint("x", "1", TermColor::Ansi256), "\x1b[1mx\x1b[0m");
    }

    #[test]
    fn palettes_are_named_as_the_cli_and_config_name_them() {
        assert_eq!(Palette::parse("RAG"), Some(Palette::Rag));
        assert_eq!(Palette::parse("viridis"), Some(Palette::Viridis));
        assert_eq!(Palette::parse("rainbow"), None);
        assert_eq!(Palette::default(), Palette::Viridis);
    }
}
