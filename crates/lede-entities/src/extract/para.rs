//! What the passes share: an article's paragraphs as tokens and sentences, the mention being
//! cleaned (a token range), and the token tests (capitals, pronouns, titles, connectors).

use std::collections::HashMap;
use std::ops::Range;

use lede_text::fold_for_match;

use crate::lexicon::{contains, PRONOUNS, ROLE_MODIFIERS, TITLES};
use crate::tag::EntityType;
use crate::tokenize::Token;

/// One paragraph: its chars, tokens (char offsets) and sentences (token ranges).
pub(super) struct Para {
    /// The paragraph's chars.
    pub(super) text: Vec<char>,
    /// Its tokens.
    pub(super) toks: Vec<Token>,
    /// Its sentences, as token ranges.
    pub(super) sents: Vec<Range<usize>>,
}

/// A mention while it is being cleaned: token range in its paragraph.
#[derive(Debug, Clone)]
pub(super) struct Raw {
    /// The paragraph.
    pub(super) p: usize,
    /// The first token.
    pub(super) a: usize,
    /// One past the last token.
    pub(super) b: usize,
    /// The entity type.
    pub(super) ty: EntityType,
    /// The title before a person's name.
    pub(super) role: Option<String>,
    /// The stock ticker after a company.
    pub(super) ticker: Option<String>,
    /// The acronym defined for it, or that it defines.
    pub(super) acronym: Option<String>,
}

/// The token lowercased.
pub(super) fn lower(t: &Token) -> String {
    t.text.to_lowercase()
}

/// True when the token starts with a capital.
pub(super) fn is_cap(t: &Token) -> bool {
    t.text.chars().next().is_some_and(char::is_uppercase)
}

/// True for letters all in capitals (`KABUL`, `U.S.`).
pub(super) fn is_all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// A pronoun (`He`, `their`); an all-caps `US` or `IT` is not one.
pub(super) fn is_pronoun(t: &Token) -> bool {
    let l = lower(t);
    contains(PRONOUNS, &l) && (l == "i" || !is_all_caps(&t.text) || t.text.len() == 1)
}

/// A title written before a name (`President`, `Dr.`).
pub(super) fn is_title(t: &Token) -> bool {
    let l = lower(t);
    contains(TITLES, &l) || contains(TITLES, l.trim_end_matches('.'))
}

/// A title or a word that modifies one (`Foreign`, `former`).
pub(super) fn is_role_word(t: &Token) -> bool {
    is_title(t) || contains(ROLE_MODIFIERS, &lower(t))
}

/// A lowercase word that can stand inside a name (`of`, `the`, `de`): the shared function
/// words, the commonest particle, and `on` (`Council on Foreign Relations`).
pub(super) fn is_connector(l: &str) -> bool {
    lede_text::word_lists::NAME_FUNCTION_WORDS.contains(&l) || matches!(l, "de" | "on")
}

/// Folded words the article writes lowercase somewhere.
pub(super) fn lowercase_words(paras: &[Para]) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for para in paras {
        for t in &para.toks {
            if t.text.chars().next().is_some_and(char::is_lowercase) {
                *out.entry(fold_for_match(&t.text)).or_default() += 1;
            }
        }
    }
    out
}

/// The sentence of paragraph token `k`.
pub(super) fn sentence_of(para: &Para, k: usize) -> Range<usize> {
    para.sents
        .iter()
        .find(|s| s.contains(&k))
        .cloned()
        .unwrap_or(k..k + 1)
}

/// True when token `k` opens its sentence (possibly after an opening quote or bracket).
pub(super) fn starts_sentence(para: &Para, k: usize) -> bool {
    let s = sentence_of(para, k);
    let mut first = s.start;
    while first < k && matches!(para.toks[first].text.as_str(), "\"" | "'" | "(" | "[" | "-") {
        first += 1;
    }
    first == k
}

/// The text of tokens `a..b` of a paragraph, whitespace collapsed.
pub(super) fn words(para: &Para, a: usize, b: usize) -> String {
    let s: String = para.text[para.toks[a].start..para.toks[b - 1].end]
        .iter()
        .collect();
    lede_text::collapse_whitespace(&s)
}
