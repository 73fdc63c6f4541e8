//! Title-case headings (`Council Backs Terminal Expansion in Close Vote`): found here so that
//! they are tagged in capitals, like the all-caps headlines the model learnt from.

use crate::features::is_headline;
use crate::lexicon::contains;

/// Small words a title-case heading keeps lowercase, or capitalises.
pub(super) const HEADING_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "is", "are", "be",
];

/// A line in title case: four words or more, every word but small ones capitalised, and at
/// least one small word capitalised or a long run of capitals (so not a plain list of names).
pub(super) fn is_title_case_heading(tokens: &[&str]) -> bool {
    let words: Vec<&str> = tokens
        .iter()
        .copied()
        .filter(|t| t.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    if words.len() < 4 || is_headline(tokens) {
        return false;
    }
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let big_ok = words
        .iter()
        .all(|w| cap(w) || contains(HEADING_SMALL_WORDS, &w.to_lowercase()));
    let small_capped = words
        .iter()
        .skip(1)
        .any(|w| cap(w) && contains(HEADING_SMALL_WORDS, &w.to_lowercase()));
    let capped = words.iter().filter(|w| cap(w)).count();
    big_ok && (small_capped || capped >= 6) && tokens.last().is_none_or(|t| *t != ".")
}
