//! Attributions before an opening quote mark, within its sentence: `X said: “`, `according
//! to X, “`, a reporting verb earlier in the sentence, a colon after an unlisted verb.

use super::phrase::{
    after_preposition, clause_subject, first_word, np_backward, np_forward, sentence_subject, span,
};
use super::words::{is_cue_at, is_in, WEAK_CUES};
use super::Attribution;
use crate::tokens::{tokenize, Tok};

/// Looks before an opening mark, within its sentence: `X said: “`, `X went on to say that “`,
/// `according to X, “`, and a reporting verb earlier in the sentence (a partial quote inside
/// indirect speech).
pub(crate) fn before_quote(text: &str, sentence: usize, open: usize) -> Option<Attribution> {
    let toks = tokenize(text, sentence, open);
    if toks.is_empty() {
        return None;
    }
    let according = (0..toks.len().saturating_sub(1))
        .rev()
        .find(|&k| toks[k].lower() == "according" && toks[k + 1].lower() == "to")
        .and_then(|k| {
            let np = np_forward(&toks, k + 2)?;
            Some(Attribution {
                speaker: span(&toks, np),
                cue: (toks[k].start, toks[k + 1].end),
                adjacent: toks.len() - np.1 <= 2,
                rule: "before:according-to",
            })
        });
    // The attribution nearer the quote wins (`According to a statement, Kalvane said …“`).
    match (according, before_quote_cues(&toks)) {
        (Some(a), Some(c)) => return Some(if a.cue.0 > c.cue.0 { a } else { c }),
        (Some(a), None) => return Some(a),
        (None, Some(c)) => return Some(c),
        (None, None) => {}
    }
    // `Trump leaned in and boomed: “…”`: a colon right before the quote, after a verb we do
    // not list; the speaker is the sentence's subject.
    let last = toks.len() - 1;
    if toks[last].text == ":" && last > 0 && toks[last - 1].is_word() {
        if let Some(np) = sentence_subject(&toks, last - 1) {
            return Some(Attribution {
                speaker: span(&toks, np),
                cue: (toks[last - 1].start, toks[last - 1].end),
                adjacent: true,
                rule: "before:colon",
            });
        }
    }
    None
}

/// The cue-verb patterns of [`before_quote`].
pub(crate) fn before_quote_cues(toks: &[Tok]) -> Option<Attribution> {
    let toks = toks.to_vec();
    for k in (0..toks.len()).rev() {
        if !is_cue_at(&toks, k) {
            continue;
        }
        let adjacent = toks.len() - k <= 6;
        if !adjacent && is_in(&toks[k], WEAK_CUES) {
            continue;
        }
        let lower = toks[k].lower();
        let quoted = (lower == "saying" && k > 0 && toks[k - 1].lower() == "as")
            .then(|| quoted_as_saying(&toks, k - 1))
            .flatten();
        if let Some(np) = quoted {
            return Some(Attribution {
                speaker: span(&toks, np),
                cue: (toks[k].start, toks[k].end),
                adjacent,
                rule: "before:quoted-as-saying",
            });
        }
        let subject = if lower.ends_with("ing") {
            // A participle: the speaker is the subject of the main clause (`Trump attacked
            // Clinton, saying “…”`), else the words before it (`Clinton asking, “…”`).
            match main_verb(&toks, k) {
                Some(v) => np_backward(&toks, v),
                None => sentence_subject(&toks, k).or_else(|| np_backward(&toks, k)),
            }
        } else if k > 0 && is_in(&toks[k - 1], &["and"]) {
            // `he looked up, furrowed his brow and said, “…”`: a verb coordinated with an
            // earlier one shares its subject, the last clause's.
            clause_subject(&toks, k - 1)
        } else if k == first_word(&toks) {
            // `Said Ellis: “…”`; not `but said his side would “…”`, where the words after the
            // cue open a clause (a verb follows them), the cue's subject stands before.
            np_forward(&toks, k + 1).filter(|np| toks.get(np.1).is_none_or(|t| !t.is_word()))
        } else {
            np_backward(&toks, k)
                .filter(|np| !after_preposition(&toks, np.0))
                .or_else(|| sentence_subject(&toks, k))
        };
        if let Some(np) = subject {
            return Some(Attribution {
                speaker: span(&toks, np),
                cue: (toks[k].start, toks[k].end),
                adjacent,
                rule: if adjacent {
                    "before:speaker-cue"
                } else {
                    "before:indirect-speech"
                },
            });
        }
    }
    None
}

/// Who `X quoted Y as saying` gives the words of, `as` standing at token `as_at`: `Y`, the
/// words after `quoted` (`It quoted a joint statement as saying`); in the passive (`He was
/// quoted by PAP as saying`, `The official was quoted as saying`), the subject before `was`.
fn quoted_as_saying(toks: &[Tok], as_at: usize) -> Option<(usize, usize)> {
    let q = (as_at.saturating_sub(12)..as_at)
        .rev()
        .find(|&k| is_in(&toks[k], &["quoted", "quotes", "quoting", "cited"]))?;
    let passive = q > 0 && is_in(&toks[q - 1], &["was", "were", "is", "are", "been", "being"]);
    if passive {
        return np_backward(toks, q - 1);
    }
    let np = np_forward(toks, q + 1)?;
    // `quoted an Iranian soldier, Hamid Dehqani, as saying`: the name in the appositive.
    let named = toks.get(np.1).is_some_and(|t| t.text == ",")
        && toks.get(np.1 + 1).is_some_and(Tok::is_capitalized);
    match named.then(|| np_forward(toks, np.1 + 1)).flatten() {
        Some(name) if name.1 <= as_at => Some(name),
        _ => (np.1 <= as_at).then_some(np),
    }
}

/// The nearest cue before a participle (`Wang said …, adding “…”`), whose subject is the
/// participle's.
pub(crate) fn main_verb(toks: &[Tok], participle: usize) -> Option<usize> {
    (0..participle).rev().find(|&k| is_cue_at(toks, k))
}
