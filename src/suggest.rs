//! "Did you mean": the nearest candidate by edit distance, bounded so it stays cheap.
//!
//! As in rustc, a candidate is compared only when its length is within the distance limit of
//! the word's, the common start and end are skipped before the distance is computed, and the
//! distance is only computed up to the limit (a band of `2 × limit + 1` cells per row, the
//! limit being at most 4): one comparison costs time linear in the length of the strings,
//! however long they are, so a 100,000-character id with two wrong letters far apart costs a
//! few passes over it, not 10¹⁰ cells. Long comparisons count against the run's budget by
//! their length, so many long ids cannot add up to more work than many short ones.

/// At most this many candidates are compared for one word: a model with 16,000 stages must
/// not make every unresolved reference cost 16,000 distance computations.
const MAX_COMPARISONS: usize = 20_000;

/// Distance computations left for the whole run: thousands of broken references against
/// thousands of ids would otherwise take seconds; past the budget there is no suggestion.
/// Each word is granted up to [`MAX_COMPARISONS`] and gives back what it did not use, so the
/// budget counts comparisons made, not words (250 broken references against a handful of ids
/// used to spend it all).
static RUN_BUDGET: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(5_000_000);

/// A comparison of strings longer than this counts against the budgets as one comparison
/// per this many bytes.
const BYTES_PER_COMPARISON: usize = 256;

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
    let mut left = granted;
    for candidate in candidates {
        if left == 0 {
            break;
        }
        left -= 1;
        if candidate == word {
            continue;
        }
        // Each edit changes the length by at most one character, so by at most four bytes:
        // a cheap first filter before the characters are counted.
        if candidate.len().abs_diff(word.len()) > 4 * limit {
            continue;
        }
        // What follows reads the whole candidate: a long one costs by its length.
        let cost = candidate.len().max(word.len()) / BYTES_PER_COMPARISON;
        if cost > left {
            break;
        }
        left -= cost;
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
    RUN_BUDGET.fetch_add(left, Ordering::Relaxed);
    best.map(|(_, c)| c)
}

fn same_ignoring_case(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// The edit distance of `a` and `b` (insertions, deletions, substitutions and swaps of two
/// neighbours), if it is at most `limit`. Time linear in the strings' length, whatever part of
/// them differs: two typos at the two ends of a 100,000-character id are found too.
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
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    banded_osa(&a, &b, limit)
}

/// Optimal-string-alignment distance of `a` and `b` up to `limit`, computing only the cells
/// within `limit` of the diagonal (the others exceed it anyway). Each row keeps only its band:
/// the cell of column `j` in row `i` is at `j + limit - i`, so memory is `O(limit)` and time
/// `O(limit × length)`, with no cost growing with the product of the lengths.
fn banded_osa(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > limit {
        return None;
    }
    let over = limit + 1;
    let width = 2 * limit + 1;
    // The column of band cell `k` in row `i`, if the table has it.
    let column = |i: usize, k: usize| (i + k).checked_sub(limit).filter(|&j| j <= m);
    // Three rows: two back (for swaps), the previous one and the current one.
    let mut before = vec![over; width];
    let mut previous: Vec<usize> = (0..width)
        .map(|k| column(0, k).map_or(over, |j| j.min(over)))
        .collect();
    let mut current = vec![over; width];
    for i in 1..=n {
        let mut row_min = over;
        for k in 0..width {
            let cell = match column(i, k) {
                None => over,
                Some(0) => i.min(over),
                Some(j) => {
                    let cost = usize::from(a[i - 1] != b[j - 1]);
                    // Diagonal, above and left: (i-1, j-1), (i-1, j) and (i, j-1).
                    let mut cell = (previous[k] + cost)
                        .min(previous.get(k + 1).map_or(over, |&up| up + 1))
                        .min(k.checked_sub(1).map_or(over, |left| current[left] + 1));
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        // A swap of two neighbours: (i-2, j-2), the same band cell two rows up.
                        cell = cell.min(before[k] + 1);
                    }
                    cell.min(over)
                }
            };
            current[k] = cell;
            row_min = row_min.min(cell);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    Some(previous[m + limit - n]).filter(|&d| d <= limit)
}

/// `did you mean `x`?` help text, if a candidate is close. Findings say it with
/// [`crate::diag::did_you_mean`], in the reader's language; errors are English.
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
    fn the_run_budget_counts_comparisons_made_not_words() {
        // Far more words than the budget would grant at 20,000 each: every one is answered.
        let ids = ["call-routing", "billing"];
        let grants = 5_000_000 / MAX_COMPARISONS;
        for _ in 0..2 * grants {
            assert_eq!(did_you_mean("biling", ids), Some("billing"));
        }
    }

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
    }

    #[test]
    fn typos_far_apart_in_a_long_id_are_found_in_linear_time() {
        // Two wrong letters at the two ends leave a middle of 10⁶ characters to compare: the
        // band keeps it to a few passes. (Bounding the middle at 256 characters missed it.)
        let id = "a".repeat(1_000_000);
        let far = format!("b{}b", &id[2..]);
        assert_eq!(did_you_mean(&far, [id.as_str()]), Some(id.as_str()));
        // Four edits spread over the id (a swap, a letter dropped, one wrong, one added) are
        // the most a word of any length may have; a fifth is no typo.
        let mut text: Vec<char> = "abcdefghij".repeat(30_000).chars().collect();
        let original: String = text.iter().collect();
        text.swap(10, 11);
        text.remove(100_000);
        text[200_000] = 'x';
        text.insert(299_000, 'y');
        let four: String = text.iter().collect();
        assert_eq!(
            did_you_mean(&four, [original.as_str()]),
            Some(original.as_str())
        );
        text[250_000] = 'z';
        let five: String = text.iter().collect();
        assert_eq!(did_you_mean(&five, [original.as_str()]), None);
    }
}
