//! Durations (`1d 12h`, `3 min`) and targets (`<= 2d`, `>= 90%`).

use crate::model::{Amount, Comparator, Duration, Target};

fn unit_seconds(unit: &str) -> Option<f64> {
    Some(match unit {
        "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
        "m" | "min" | "mins" | "minute" | "minutes" => 60.0,
        "h" | "hr" | "hrs" | "hour" | "hours" => 3_600.0,
        "d" | "day" | "days" => 86_400.0,
        "w" | "wk" | "week" | "weeks" => 604_800.0,
        _ => return None,
    })
}

/// Parses one or more `NUMBER UNIT` terms: `30s`, `1.5d`, `1d 12h`, `3 min`.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let mut rest = text.trim();
    if rest.is_empty() {
        return Err("it is empty".into());
    }
    let mut total = 0.0;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        if number_len == 0 {
            return Err(format!("expected a number at `{rest}`"));
        }
        let number: f64 = rest[..number_len]
            .parse()
            .map_err(|_| format!("`{}` is not a number", &rest[..number_len]))?;
        rest = rest[number_len..].trim_start();
        let unit_len = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        if unit_len == 0 {
            return Err(format!("`{number}` has no unit (s, min, h, d, w)"));
        }
        let unit = &rest[..unit_len];
        let seconds = unit_seconds(unit)
            .ok_or_else(|| format!("unknown unit `{unit}` (use s, min, h, d, w)"))?;
        total += number * seconds;
        rest = rest[unit_len..].trim_start();
    }
    if !total.is_finite() {
        return Err("it is too large".into());
    }
    Ok(Duration(total))
}

/// Parses a comparator and an amount: `<= 2d`, `>= 90%`, `< 3min`, `= 5`.
pub fn parse_target(text: &str) -> Result<Target, String> {
    let text = text.trim();
    let (comparator, rest) = [
        ("<=", Comparator::AtMost),
        (">=", Comparator::AtLeast),
        ("<", Comparator::Less),
        (">", Comparator::Greater),
        ("=", Comparator::Equal),
    ]
    .iter()
    .find_map(|(symbol, c)| text.strip_prefix(symbol).map(|rest| (*c, rest.trim())))
    .ok_or_else(|| "it must start with a comparator: <, <=, >, >= or =".to_string())?;
    if rest.is_empty() {
        return Err(format!("nothing follows `{}`", comparator.symbol()));
    }
    let amount = if let Some(percent) = rest.strip_suffix('%') {
        let value: f64 = percent
            .trim()
            .parse()
            .map_err(|_| format!("`{rest}` is not a percentage"))?;
        if !(0.0..=100.0).contains(&value) {
            return Err(format!("{value}% is not between 0% and 100%"));
        }
        Amount::Percent(value)
    } else if let Ok(number) = rest.parse::<f64>() {
        if !number.is_finite() {
            return Err(format!("`{rest}` is not a finite number"));
        }
        Amount::Number(number)
    } else {
        Amount::Duration(parse_duration(rest)?)
    };
    Ok(Target { comparator, amount })
}

/// A duration as people write it, in whole units from days down to seconds: `10d 1h`,
/// `1d 12h`, `2h 30min`, `45s` (not `241h`). Messages quote durations this way so the user
/// sees the figures of their own model; fractions of a second are rounded.
pub fn written(duration: Duration) -> String {
    const UNITS: [(&str, u64); 4] = [("d", 86_400), ("h", 3_600), ("min", 60), ("s", 1)];
    let mut rest = duration.0.max(0.0).round() as u64;
    if rest == 0 {
        return "0s".to_string();
    }
    let mut parts = Vec::new();
    for (unit, seconds) in UNITS {
        let amount = rest / seconds;
        if amount > 0 {
            parts.push(format!("{amount}{unit}"));
            rest -= amount * seconds;
        }
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_written_in_the_units_people_use() {
        let written_of = |text: &str| written(parse_duration(text).unwrap());
        assert_eq!(written_of("241h"), "10d 1h");
        assert_eq!(written_of("1.5d"), "1d 12h");
        assert_eq!(written_of("150min"), "2h 30min");
        assert_eq!(written_of("45s"), "45s");
        assert_eq!(written_of("2w"), "14d");
        assert_eq!(written_of("15d"), "15d");
        assert_eq!(written(Duration(0.0)), "0s");
    }

    #[test]
    fn english_durations_in_the_language_setting_are_the_written_ones() {
        for seconds in [0.0, 45.0, 5_405.0, 187_200.0, 1_209_600.0, 0.4] {
            assert_eq!(
                crate::i18n::Lang::En.duration(seconds),
                written(Duration(seconds))
            );
        }
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("30s").unwrap().0, 30.0);
        assert_eq!(parse_duration("1.5d").unwrap().0, 129_600.0);
        assert_eq!(parse_duration("1d 12h").unwrap().0, 129_600.0);
        assert_eq!(parse_duration("3 min").unwrap().0, 180.0);
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("3").is_err());
        assert!(parse_duration("3 parsecs").is_err());
    }

    #[test]
    fn targets() {
        let t = parse_target("<= 2d").unwrap();
        assert_eq!(t.comparator, Comparator::AtMost);
        assert_eq!(t.amount, Amount::Duration(Duration(172_800.0)));
        assert_eq!(
            parse_target(">= 90%").unwrap().amount,
            Amount::Percent(90.0)
        );
        assert_eq!(parse_target("= 5").unwrap().amount, Amount::Number(5.0));
        assert!(parse_target("2d").is_err());
        assert!(parse_target("<= 120%").is_err());
    }
}
