//! The quotes page's own search: which quotations hold every word of a query, and where, with
//! the engine's tokenizer and folding (`lede_text::for_each_word`) and its typo budget
//! (`lede_search::typo_budget`, a transposition one typo); the last word also matches as a
//! prefix while it is being typed (no trailing space), as in the engine.

use std::collections::HashMap;

use lede_search::{osa_distance, typo_budget};
use lede_text::for_each_word;

use crate::quotes::QuotationRow;

/// Most query words used (the rest are ignored).
const MAX_WORDS: usize = 32;

/// A quotation that matches, and the words that matched as char ranges of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteMatch {
    /// Index into the rows.
    pub row: usize,
    /// `[start, end)` char ranges of `QuotationRow::text`.
    pub ranges: Vec<(usize, usize)>,
}

/// The folded query words and whether the last one is a prefix.
fn query_words(query: &str) -> (Vec<String>, bool) {
    let mut words: Vec<String> = Vec::new();
    for_each_word(query, |term, _, _| {
        if words.len() < MAX_WORDS && !words.iter().any(|w| w == term) {
            words.push(term.to_string());
        }
    });
    let prefix = !query.ends_with(char::is_whitespace);
    (words, prefix)
}

/// Whether the folded text word `word` matches the query word `q`: the same, within `q`'s typo
/// budget (two only with the right first letter), or, for the `prefix` word, starting with it.
fn word_matches(q: &str, word: &str, prefix: bool) -> bool {
    if word == q || (prefix && word.starts_with(q)) {
        return true;
    }
    let mut budget = usize::from(typo_budget(q));
    if budget == 2 && q.chars().next() != word.chars().next() {
        budget = 1;
    }
    if budget == 0 {
        return false;
    }
    let (ql, wl) = (q.chars().count(), word.chars().count());
    if prefix && wl > ql {
        // A completion with a typo in the typed part (`goverm` finds `government`).
        let head: String = word.chars().take(ql).collect();
        if osa_distance(q, &head) <= budget {
            return true;
        }
    }
    ql.abs_diff(wl) <= budget && osa_distance(q, word) <= budget
}

/// The rows whose text holds every word of `query` (all rows, without ranges, when it has no
/// words), in the order of `rows`.
pub fn match_quotations(rows: &[QuotationRow], query: &str) -> Vec<QuoteMatch> {
    let (words, prefix) = query_words(query);
    if words.is_empty() {
        return (0..rows.len())
            .map(|row| QuoteMatch {
                row,
                ranges: Vec::new(),
            })
            .collect();
    }
    let all: u32 = if words.len() == 32 {
        u32::MAX
    } else {
        (1u32 << words.len()) - 1
    };
    let last = words.len() - 1;
    // Which query words each distinct text word matches, worked out once per word.
    // Masks as usize: the app links one `HashMap<String, usize>` for this and the quotes' ids.
    let mut cache: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let mut seen = 0u32;
        let mut ranges = Vec::new();
        for_each_word(&row.text, |term, start, end| {
            let mask = *cache.entry(term.to_string()).or_insert_with(|| {
                words.iter().enumerate().fold(0usize, |m, (j, q)| {
                    if word_matches(q, term, prefix && j == last) {
                        m | (1 << j)
                    } else {
                        m
                    }
                })
            }) as u32;
            if mask != 0 {
                seen |= mask;
                ranges.push((start, end));
            }
        });
        if seen == all {
            out.push(QuoteMatch { row: r, ranges });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(texts: &[&str]) -> Vec<QuotationRow> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| QuotationRow {
                article: i,
                number: 0,
                pieces: vec![0],
                text: t.to_string(),
                speaker_piece: None,
                cue_piece: None,
                day: None,
            })
            .collect()
    }

    fn matched(rows: &[QuotationRow], q: &str) -> Vec<usize> {
        match_quotations(rows, q).iter().map(|m| m.row).collect()
    }

    #[test]
    fn every_word_must_match_with_the_engines_folding() {
        let r = rows(&[
            "We will rebuild the Zürich harbour.",
            "The harbour is closed.",
            "China’s answer is no.",
        ]);
        assert_eq!(matched(&r, "zurich harbour "), [0]);
        assert_eq!(matched(&r, "harbour "), [0, 1]);
        // a possessive folds away, as in the index
        assert_eq!(matched(&r, "china "), [2]);
        assert!(matched(&r, "harbour nothing ").is_empty());
        // no words: every row, unmarked
        let all = match_quotations(&r, "  ");
        assert_eq!(all.len(), 3);
        assert!(all.iter().all(|m| m.ranges.is_empty()));
    }

    #[test]
    fn typos_follow_the_engines_budget() {
        let r = rows(&[
            "The harbour is closed.",
            "A bank run",
            "government spending",
        ]);
        // five to eight letters: one typo (a transposition is one)
        assert_eq!(matched(&r, "harbuor "), [0]);
        assert_eq!(matched(&r, "closde "), [0]);
        // four letters: none
        assert!(matched(&r, "bnak ").is_empty());
        // nine or more: two
        assert_eq!(matched(&r, "govrenmnet "), [2]);
        assert!(matched(&r, "hxrbxxr ").is_empty());
    }

    #[test]
    fn the_last_word_is_a_prefix_while_typing() {
        let r = rows(&["The harbour is closed.", "A hare ran"]);
        assert_eq!(matched(&r, "har"), [0, 1]);
        assert!(matched(&r, "har ").is_empty());
        assert_eq!(matched(&r, "closed har"), [0]);
    }

    #[test]
    fn ranges_mark_the_matched_words_in_chars() {
        let r = rows(&["Zürich said “no” to Zürich"]);
        let m = match_quotations(&r, "zurich ");
        assert_eq!(m[0].ranges, [(0, 6), (20, 26)]);
    }
}
