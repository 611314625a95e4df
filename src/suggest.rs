//! "Did you mean": the nearest candidate by edit distance, bounded so it stays cheap.

/// At most this many candidates are compared for one word: a model with 16,000 stages must
/// not make every unresolved reference cost 16,000 distance computations.
const MAX_COMPARISONS: usize = 20_000;

/// Distance computations left for the whole run: thousands of broken references against
/// thousands of ids would otherwise take seconds; past the budget there is no suggestion.
static RUN_BUDGET: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(5_000_000);

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    use std::sync::atomic::Ordering;
    let granted = RUN_BUDGET
        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
            Some(left.saturating_sub(MAX_COMPARISONS))
        })
        .unwrap_or(0)
        .min(MAX_COMPARISONS);
    if granted == 0 {
        return None;
    }
    let word_len = word.chars().count();
    let limit = (word_len / 3).clamp(1, 4);
    let lowered = word.to_lowercase();
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates.into_iter().take(granted) {
        if candidate == word {
            continue;
        }
        let len = candidate.chars().count();
        if len.abs_diff(word_len) > limit {
            continue;
        }
        let distance = if candidate.to_lowercase() == lowered {
            0
        } else {
            strsim::damerau_levenshtein(word, candidate)
        };
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// `did you mean `x`?` help text, if a candidate is close.
pub fn help<'a, I>(word: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    did_you_mean(word, candidates).map(|c| format!("did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_typo_and_ignores_strangers() {
        let ids = ["call-routing", "customer-service", "billing"];
        assert_eq!(did_you_mean("call-routng", ids), Some("call-routing"));
        assert_eq!(did_you_mean("Billing", ids), Some("billing"));
        assert_eq!(did_you_mean("warehouse", ids), None);
    }
}
