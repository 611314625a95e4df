//! "Did you mean": the nearest candidate by edit distance, bounded so it stays cheap.
//!
//! As in rustc, a candidate is compared only when its length is within the distance limit of
//! the word's, the common start and end are skipped before the distance is computed, and the
//! distance is only computed up to the limit (a band of `2 × limit + 1` cells per row): one
//! comparison costs time linear in the length of the strings, however long they are, so a
//! 100,000-character id with one wrong letter costs a few passes over it, not 10¹⁰ cells.

/// At most this many candidates are compared for one word: a model with 16,000 stages must
/// not make every unresolved reference cost 16,000 distance computations.
const MAX_COMPARISONS: usize = 20_000;

/// Distance computations left for the whole run: thousands of broken references against
/// thousands of ids would otherwise take seconds; past the budget there is no suggestion.
static RUN_BUDGET: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(5_000_000);

/// After the common start and end are skipped, at most this many characters of each string
/// are compared; a longer difference is no typo.
const MAX_COMPARED_CHARS: usize = 256;

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
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates.into_iter().take(granted) {
        if candidate == word {
            continue;
        }
        // Each edit changes the length by at most one character, so by at most four bytes:
        // a cheap first filter before the characters are counted.
        if candidate.len().abs_diff(word.len()) > 4 * limit {
            continue;
        }
        let len = candidate.chars().count();
        if len.abs_diff(word_len) > limit {
            continue;
        }
        let distance = if same_ignoring_case(word, candidate) {
            0
        } else {
            match bounded_distance(word, candidate, limit) {
                Some(d) => d,
                None => continue,
            }
        };
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

fn same_ignoring_case(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// The edit distance of `a` and `b` (insertions, deletions, substitutions and swaps of two
/// neighbours), if it is at most `limit`. Time linear in the strings' length.
fn bounded_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    // The common start and end cost nothing; a typo leaves a short middle.
    let prefix: usize = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix: usize = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    let a: Vec<char> = a.chars().take(MAX_COMPARED_CHARS + 1).collect();
    let b: Vec<char> = b.chars().take(MAX_COMPARED_CHARS + 1).collect();
    if a.len() > MAX_COMPARED_CHARS || b.len() > MAX_COMPARED_CHARS {
        return None;
    }
    banded_osa(&a, &b, limit)
}

/// Optimal-string-alignment distance of `a` and `b` up to `limit`, computing only the cells
/// within `limit` of the diagonal (the others exceed it anyway).
fn banded_osa(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > limit {
        return None;
    }
    let over = limit + 1;
    // Three rows: two back (for swaps), the previous one and the current one.
    let mut before = vec![over; m + 1];
    let mut previous: Vec<usize> = (0..=m).map(|j| j.min(over)).collect();
    let mut current = vec![over; m + 1];
    for i in 1..=n {
        let from = i.saturating_sub(limit).max(1);
        let to = (i + limit).min(m);
        // The cells just outside the band are read by this row and the next: out of reach.
        // (The rows are reused, so they may hold values of an older row.)
        current[from - 1] = if from == 1 { i.min(over) } else { over };
        if to < m {
            current[to + 1] = over;
        }
        let mut row_min = current[from - 1];
        for j in from..=to {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut cell = (previous[j - 1] + cost)
                .min(previous[j] + 1)
                .min(current[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cell = cell.min(before[j - 2] + 1);
            }
            current[j] = cell.min(over);
            row_min = row_min.min(current[j]);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    Some(previous[m]).filter(|&d| d <= limit)
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

    #[test]
    fn the_bounded_distance_agrees_with_the_full_one_up_to_the_limit() {
        // Every pair of short strings over a small alphabet (typos of each other, often).
        let words: Vec<String> = (0..400u32)
            .map(|n| {
                let len = n % 7;
                (0..len)
                    .map(|i| ['a', 'b', 'é', 'c'][((n >> (i % 5)) as usize + i as usize) % 4])
                    .collect()
            })
            .collect();
        for a in &words {
            for b in &words {
                for limit in 1..=4 {
                    let full = strsim::osa_distance(a, b);
                    let want = (full <= limit).then_some(full);
                    assert_eq!(bounded_distance(a, b, limit), want, "{a:?} {b:?} {limit}");
                }
            }
        }
    }

    #[test]
    fn a_long_id_with_one_wrong_letter_is_found_in_linear_time() {
        // 10⁶ characters: quadratic work would be 10¹² cells; this takes a few passes.
        let id = "a".repeat(1_000_000);
        let typo = format!("{}b{}", &id[..500_000], &id[500_001..]);
        assert_eq!(did_you_mean(&typo, [id.as_str()]), Some(id.as_str()));
        // Two differences far apart leave a long middle: no suggestion, and no long work.
        let far = format!("b{}b", &id[2..]);
        assert_eq!(did_you_mean(&far, [id.as_str()]), None);
    }
}
