//! The word lists attribution reads besides the shared ones in `lede_text::word_lists`:
//! weak cues, adverbs, clause words, determiners and more sentence openers; and
//! the tests of a token against them.

use lede_text::word_lists::{REPORTING_VERBS, SENTENCE_OPENERS, WEEKDAYS};

use crate::tokens::Tok;

/// Cues that count only right beside the quote: far from it they are ordinary verbs
/// (`call on all parties`, `hopes to conduct`).
pub(crate) const WEAK_CUES: &[&str] = &[
    "puts",
    "put",
    "accuses",
    "accused",
    "pressed",
    "presses",
    "mocks",
    "mocked",
    "call",
    "calls",
    "called",
    "calling",
    "dub",
    "dubbed",
    "label",
    "labeled",
    "labelled",
    "hope",
    "hopes",
    "hoped",
    "believe",
    "believes",
    "believed",
    "think",
    "thinks",
    "thought",
    "read",
    "reads",
    "describe",
    "described",
    "report",
    "reported",
    "reports",
    "continue",
    "continues",
    "continued",
    "promise",
    "promised",
    "urge",
    "urged",
    "urging",
    "ask",
    "asks",
    "asked",
    "asking",
    "charge",
    "charged",
    "demand",
    "demanded",
    "state",
    "posted",
    "counter",
    "note",
    "add",
    "maintain",
    "pledge",
    "pledged",
    "agree",
    "agreed",
    "echo",
    "answer",
    "confirm",
    "confirmed",
    "wonder",
    "wondered",
    "repeat",
    "repeated",
    "chant",
    "chanted",
    "vow",
    "vowed",
    "predict",
    "predicted",
    "stress",
    "stressed",
    "caution",
    "cautioned",
    "warn",
    "warned",
    "warning",
];

/// Words between a subject and its verb that do not change the attribution.
pub(crate) const ADVERBS: &[&str] = &[
    "also",
    "then",
    "later",
    "meanwhile",
    "further",
    "previously",
    "once",
    "recently",
    "repeatedly",
    "publicly",
    "simply",
    "flatly",
    "reportedly",
    "again",
    "had",
    "has",
    "have",
    "was",
    "would",
    "will",
    "had",
    "just",
    "even",
    "still",
    "often",
    "has",
    "later",
    "earlier",
    "quickly",
    "angrily",
    "bluntly",
    "firmly",
    "famously",
    "finally",
    "frequently",
    "once",
    "privately",
    "separately",
    "subsequently",
    "went",
    "on",
    "to",
    "did",
    "not",
    "never",
    "could",
    "might",
    "may",
    "can",
    "is",
    "are",
    "were",
    "be",
    "been",
    "being",
    "openly",
    "jokingly",
    "told",
    "reporters",
];

/// Words that show a run of words is a clause, not a speaker's name or description.
pub(crate) const CLAUSE_WORDS: &[&str] = &[
    "is", "was", "are", "were", "that", "when", "which", "who", "because", "if", "but", "and",
    "to", "be", "been", "has", "have", "had", "will", "would", "not", "it", "he", "she", "they",
    "we", "i", "you", "this", "there", "what", "where", "how", "why", "can", "could", "should",
    "do", "does", "did", "so", "than", "then", "as",
];

/// Verbs that, right after the words following a cue, show those words open a clause (`said
/// the meeting was called`): no inverted speaker.
pub(crate) const CLAUSE_VERBS: &[&str] = &[
    "is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "should",
    "do", "does", "did", "be",
];

/// Lowercase role words that join an organisation to the name after them inside one speaker
/// (`Wertheim and Co analyst Michael Ellman`), besides the shared titles.
pub(crate) const ROLE_JOINERS: &[&str] = &[
    "analyst",
    "economist",
    "strategist",
    "official",
    "trader",
    "dealer",
    "meteorologist",
];

/// Words that start a description of a speaker (`the minister`, `a spokesman`).
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "another", "his", "her", "their", "its", "our", "this", "some", "two",
    "three", "several", "many", "both", "my", "your",
];

/// Capitalised words that begin sentences and never start a name, besides the shared
/// [`SENTENCE_OPENERS`]: weekdays, conjunctions and adverbs the shared list lacks, and the
/// participles that open a clause before a quote (`According`, `Speaking`, `Responding`).
pub(crate) const MORE_SENTENCE_OPENERS: &[&str] = &[
    "yet",
    "speaking",
    "this",
    "that",
    "during",
    "according",
    "addressing",
    "writing",
    "responding",
    "though",
    "because",
    "instead",
    "indeed",
];

/// True for a capitalised word that begins sentences and never starts a name (weekdays too:
/// `Monday`, [`WEEKDAYS`]).
pub(crate) fn is_stopword(t: &Tok) -> bool {
    is_in(t, SENTENCE_OPENERS) || is_in(t, MORE_SENTENCE_OPENERS) || is_in(t, &WEEKDAYS)
}

/// True for a reporting verb ([`REPORTING_VERBS`]): the cue of an attribution.
pub(crate) fn is_cue(t: &Tok) -> bool {
    t.is_word() && REPORTING_VERBS.contains(&t.lower().as_str())
}

/// True for a reporting verb at token `k` that is used as a verb: not right after an
/// article or possessive, where the same word is a noun (`a charge`, `the remark`, `his call`).
pub(crate) fn is_cue_at(toks: &[Tok], k: usize) -> bool {
    // Articles and possessives only: `of three replied` is still a verb.
    let noun_markers = [
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this",
    ];
    is_cue(&toks[k]) && !(k > 0 && is_in(&toks[k - 1], &noun_markers))
}

/// Lowercase verbs in the past tense that do not end in `-ed` and report speech beside a
/// quote with a particle or alone (`went on`, `shot back`, `spoke`).
pub(crate) const IRREGULAR_PAST: &[&str] = &[
    "went", "shot", "fired", "spoke", "began", "came", "kept", "hit", "struck", "gave", "chimed",
    "snapped", "shouted",
];

/// Particles that make a phrasal reporting verb (`points out`, `shot back`, `went on`).
pub(crate) const PARTICLES: &[&str] = &["out", "back", "on", "in", "up", "off"];

/// True for a word in `list` (compared lowercased, curly apostrophes folded).
pub(crate) fn is_in(t: &Tok, list: &[&str]) -> bool {
    t.is_word() && list.contains(&t.lower().as_str())
}
