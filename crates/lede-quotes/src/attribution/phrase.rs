//! Noun phrases around a cue: the speaker read forward or backward from a token, the
//! sentence's subject, and the tests that tell a speaker from a clause.

use lede_text::word_lists::{ABBREVIATIONS, SUBJECT_PRONOUNS as PRONOUNS, TITLES};

use super::words::{is_cue, is_in, is_stopword, ADVERBS, CLAUSE_WORDS, DETERMINERS, ROLE_JOINERS};
use crate::tokens::Tok;

/// A noun phrase read forward from token `i`: a pronoun, a capitalised name (titles included),
/// or a determiner and the words up to a cue or punctuation. Returns its token range.
pub(crate) fn np_forward(toks: &[Tok], i: usize) -> Option<(usize, usize)> {
    let t = toks.get(i)?;
    if is_in(t, PRONOUNS) {
        return Some((i, i + 1));
    }
    if t.is_capitalized() && !is_stopword(t) {
        let mut j = i + 1;
        while j < toks.len() && j < i + 6 {
            let tj = &toks[j];
            let name_dot =
                tj.text == "." && (is_in(&toks[j - 1], ABBREVIATIONS) || is_initial(&toks[j - 1]));
            if (tj.is_capitalized() && !is_cue(tj)) || name_dot {
                j += 1;
            } else {
                break;
            }
        }
        // `Wertheim and Co analyst Michael Ellman`: the firm, a role and the name are one.
        let mut k = j;
        if toks.get(k).is_some_and(|t| matches!(t.text, "and" | "&"))
            && toks
                .get(k + 1)
                .is_some_and(|t| is_in(t, &["co", "company", "sons"]))
        {
            k += 2;
        }
        let role = toks
            .get(k)
            .is_some_and(|t| is_in(t, ROLE_JOINERS) || is_in(t, TITLES));
        if role
            && toks
                .get(k + 1)
                .is_some_and(|t| t.is_capitalized() && !is_cue(t))
        {
            let mut e = k + 1;
            while e < toks.len() && e < k + 5 && toks[e].is_capitalized() && !is_cue(&toks[e]) {
                e += 1;
            }
            return Some((i, e));
        }
        return Some((i, j));
    }
    if is_in(t, DETERMINERS) {
        let mut j = i + 1;
        while j < toks.len()
            && j < i + 8
            && toks[j].is_word()
            && !is_cue(&toks[j])
            && !is_in(&toks[j], CLAUSE_WORDS)
        {
            j += 1;
        }
        return (j > i + 1).then_some((i, j));
    }
    None
}

/// A name read forward from token `i` behind a few lowercase role words (`former Rep. George
/// Miller`, `state attorney Dave Aronberg`): the role words and the capitalised name after them.
pub(crate) fn role_and_name_forward(toks: &[Tok], i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    while j < toks.len() && j < i + 4 {
        let t = &toks[j];
        if t.is_capitalized() {
            break;
        }
        if !t.is_word() || is_cue(t) || is_in(t, CLAUSE_WORDS) || after_preposition(toks, j + 1) {
            return None;
        }
        j += 1;
    }
    if j == i {
        return None;
    }
    let (_, end) = np_forward(toks, j).filter(|_| toks.get(j).is_some_and(Tok::is_capitalized))?;
    Some((i, end))
}

/// A noun phrase that ends just before token `j`, read backward over adverbs and an
/// appositive (`X, the foreign minister, said`). Returns its token range.
pub(crate) fn np_backward(toks: &[Tok], mut j: usize) -> Option<(usize, usize)> {
    while j > 0 && is_in(&toks[j - 1], ADVERBS) {
        j -= 1;
    }
    // `Mike Lee, who declared in the spin room, “…”`, `a sign that read “…”`: the relative
    // pronoun is the verb's subject; the resolver gives it the phrase it follows.
    let aux = j > 1 && is_in(&toks[j - 1], &["has", "had", "have", "would", "will"]);
    let rel = if aux { j - 2 } else { j.wrapping_sub(1) };
    if j > 0 && is_relative_subject(toks, rel) {
        return Some((rel, rel + 1));
    }
    if j > 0 && toks[j - 1].text == "," {
        // An appositive closes with a comma: skip back to the comma that opens it.
        let open = (j.saturating_sub(14)..j - 1)
            .rev()
            .find(|&k| toks[k].text == ",");
        match open {
            Some(k) if k > 0 => j = k,
            _ => return None,
        }
    }
    if j == 0 {
        return None;
    }
    let last = &toks[j - 1];
    if is_in(last, PRONOUNS) {
        return Some((j - 1, j));
    }
    if last.is_capitalized() || (last.text == "." && j >= 2 && toks[j - 2].is_capitalized()) {
        let mut i = j - 1;
        while i > 0 && j - i < 6 {
            let prev = &toks[i - 1];
            let name_dot = prev.text == "."
                && i >= 2
                && (is_in(&toks[i - 2], ABBREVIATIONS) || is_initial(&toks[i - 2]));
            // `Minister of Coastal Affairs Bram Ostrander`: `of` inside a capitalised run.
            let connector = prev.text == "of"
                && i >= 2
                && toks[i - 2].is_capitalized()
                && !is_stopword(&toks[i - 2]);
            if (prev.is_capitalized() && !is_cue(prev)) || name_dot || connector {
                i -= 1;
            } else {
                break;
            }
        }
        while i < j && is_stopword(&toks[i]) {
            i += 1;
        }
        return (i < j).then_some((i, j));
    }
    // Words ending in a conjunction (`furrowed his brow and said`) are no speaker.
    if is_in(last, &["and", "or", "but", "nor"]) {
        return None;
    }
    if last.is_word() {
        // A description: lowercase words back to a determiner.
        // A determiner alone (`defended the remark`) is none: it needs a word after it.
        let mut i = j - 1;
        while i > 0 && j - i < 7 {
            if i + 1 < j && is_in(&toks[i], DETERMINERS) {
                return Some((i, j));
            }
            if !toks[i - 1].is_word() || is_cue(&toks[i - 1]) {
                break;
            }
            i -= 1;
        }
        if i + 1 < j && is_in(&toks[i], DETERMINERS) {
            return Some((i, j));
        }
    }
    None
}

/// Relative pronouns that can be the subject of a reporting verb (`who said`, `which read`).
pub(crate) const RELATIVES: &[&str] = &["who", "which", "that"];

/// True when token `i` is a relative pronoun after a noun phrase (`Mike Lee, who`, `the sign
/// that`): not after a cue (`asked who`, `said that`) or a clause word (`so that`), never the
/// first word.
fn is_relative_subject(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if i == 0 || !is_in(t, RELATIVES) || t.is_capitalized() {
        return false;
    }
    let prev = &toks[i - 1];
    let after_comma = prev.text == "," && t.text == "who";
    let after_noun = prev.is_word() && !is_cue(prev) && !is_in(prev, CLAUSE_WORDS);
    after_comma || after_noun
}

pub(crate) fn span(toks: &[Tok], r: (usize, usize)) -> (usize, usize) {
    (toks[r.0].start, toks[r.1 - 1].end)
}

/// A lowercase word in the past tense (`fumed`, `boomed`): an unlisted reporting verb when it
/// stands right beside a quote and a name.
pub(crate) fn is_past_tense(t: &Tok) -> bool {
    t.is_word() && !t.is_capitalized() && t.text.len() > 4 && t.text.ends_with("ed")
}

/// True when `phrase` can be a speaker: it starts with a pronoun, a capitalised word, a
/// determiner or a possessive, and holds no verb-like clause word.
pub(crate) fn looks_like_np(phrase: &[Tok]) -> bool {
    let first = &phrase[0];
    (is_in(first, PRONOUNS) && phrase.len() == 1)
        || (first.is_capitalized() && !is_stopword(first))
        || is_in(first, DETERMINERS)
        || (first.is_word() && phrase.len() >= 2 && phrase[1..].iter().any(Tok::is_capitalized))
}

/// The subject of the sentence before token `upto`: the first pronoun or name that starts the
/// sentence or follows a comma (`During the speech, Trump attacked …`).
pub(crate) fn sentence_subject(toks: &[Tok], upto: usize) -> Option<(usize, usize)> {
    (0..upto)
        .filter(|&k| k == 0 || toks[k - 1].text == ",")
        .filter(|&k| {
            (is_in(&toks[k], PRONOUNS) || toks[k].is_capitalized()) && !is_stopword(&toks[k])
        })
        .find_map(|k| np_forward(toks, k))
}

/// The subject of the last clause before token `upto`: the last pronoun or name that starts
/// the sentence or follows a comma (`Once in my twenties, when …, I laughed and said`).
pub(crate) fn clause_subject(toks: &[Tok], upto: usize) -> Option<(usize, usize)> {
    (0..upto)
        .rev()
        .filter(|&k| k == 0 || toks[k - 1].text == ",")
        .filter(|&k| {
            (is_in(&toks[k], PRONOUNS) || toks[k].is_capitalized()) && !is_stopword(&toks[k])
        })
        .find_map(|k| np_forward(toks, k).filter(|np| np.1 <= upto))
}

/// A single capital letter: an initial (`Oscar P. Quintero`).
fn is_initial(t: &Tok) -> bool {
    let mut chars = t.text.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// True when the token before `k` is a preposition (`through the streets` is no speaker).
pub(crate) fn after_preposition(toks: &[Tok], k: usize) -> bool {
    k > 0
        && is_in(
            &toks[k - 1],
            &[
                "through", "in", "at", "on", "to", "from", "of", "with", "by", "for", "into",
                "across", "around", "outside", "inside", "near", "during", "after", "out", "about",
                "over", "under", "and",
            ],
        )
}

/// Index of the first token that can start a subject (skipping sentence-initial stopwords).
pub(crate) fn first_word(toks: &[Tok]) -> usize {
    (0..toks.len())
        .find(|&k| toks[k].is_word() && !is_stopword(&toks[k]))
        .unwrap_or(0)
}
