//! Typo tolerance: the per-word typo budget, a Damerau-Levenshtein automaton ([`Fuzzy`]) and
//! its walk of the term dictionary ([`expand`]: whole-word or prefix matching, a
//! transposition counting as one typo).

mod automaton;
mod dictionary;
#[cfg(test)]
mod walk_tests;

pub(crate) use automaton::Fuzzy;
pub(crate) use dictionary::{expand, Expansion};

/// Longest query word (in chars) that gets typo tolerance; longer words match exactly.
pub const MAX_FUZZY_CHARS: usize = 24;

/// How many typos a query word of `chars` chars may have, as Meilisearch allows: none for 1-4
/// chars, one for 5-8, two for 9 and more. Words with a digit get none (`1987` is not `1988`).
pub fn typo_budget(word: &str) -> u8 {
    if word.chars().any(|c| c.is_numeric()) {
        return 0;
    }
    match word.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Optimal-string-alignment distance between `a` and `b` in chars (a transposition of two
/// neighbours is one edit); the reference the automaton is tested against.
pub fn osa_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    osa_table(&a, &b)[a.len()][b.len()]
}

/// The optimal-string-alignment table of `a` against `b`: entry `[i][j]` is the distance between
/// `a`'s first `i` chars and `b`'s first `j` (the tests read its last row for prefixes).
pub(crate) fn osa_table(a: &[char], b: &[char]) -> Vec<Vec<usize>> {
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budget_grows_with_word_length() {
        assert_eq!(typo_budget("bank"), 0);
        assert_eq!(typo_budget("banks"), 1);
        assert_eq!(typo_budget("treasury"), 1);
        assert_eq!(typo_budget("treasurys"), 2);
        assert_eq!(typo_budget("zürich"), 1);
        assert_eq!(typo_budget("155,221"), 0);
    }
}
