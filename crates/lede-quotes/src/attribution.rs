//! Finds who a quoted piece is attributed to from the words around it: a reporting verb (the
//! cue) and its subject (the speaker), after the quote (`,” he said`, `,” said X`) or before it
//! (`X also said: “`, `X went on to say that “`, `according to X`, a partial quote inside
//! indirect speech).

use crate::tokens::{tokenize, Tok};

/// Reporting verbs, in every form the extractor accepts as a cue.
const CUE_VERBS: &[&str] = &[
    "jokes",
    "riffs",
    "riffed",
    "mocks",
    "mocked",
    "quips",
    "pressed",
    "presses",
    "explains",
    "puts",
    "put",
    "accuses",
    "accused",
    "insists",
    "adds",
    "asks",
    "notes",
    "writes",
    "recalls",
    "yell",
    "yells",
    "comment",
    "comments",
    "commented",
    "tweeting",
    "shouting",
    "sing",
    "sings",
    "sang",
    "singing",
    "chanting",
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "adding",
    "ask",
    "asks",
    "asked",
    "asking",
    "state",
    "states",
    "stated",
    "write",
    "writes",
    "wrote",
    "writing",
    "written",
    "explain",
    "explains",
    "explained",
    "explaining",
    "note",
    "notes",
    "noted",
    "noting",
    "argue",
    "argues",
    "argued",
    "arguing",
    "declare",
    "declares",
    "declared",
    "insist",
    "insists",
    "insisted",
    "insisting",
    "claim",
    "claims",
    "claimed",
    "continue",
    "continues",
    "continued",
    "warn",
    "warns",
    "warned",
    "warning",
    "recall",
    "recalls",
    "recalled",
    "reply",
    "replies",
    "replied",
    "respond",
    "responds",
    "responded",
    "remark",
    "remarked",
    "announce",
    "announced",
    "acknowledge",
    "acknowledged",
    "admit",
    "admits",
    "admitted",
    "observe",
    "observed",
    "suggest",
    "suggests",
    "suggested",
    "tweet",
    "tweets",
    "tweeted",
    "posted",
    "complain",
    "complains",
    "complained",
    "concede",
    "conceded",
    "joke",
    "joked",
    "quip",
    "quipped",
    "emphasize",
    "emphasized",
    "emphasised",
    "stress",
    "stressed",
    "urge",
    "urged",
    "urging",
    "predict",
    "predicted",
    "promise",
    "promised",
    "vow",
    "vowed",
    "counter",
    "countered",
    "shout",
    "shouted",
    "testify",
    "testified",
    "conclude",
    "concluded",
    "muse",
    "mused",
    "boast",
    "boasted",
    "reiterate",
    "reiterated",
    "maintain",
    "maintained",
    "contend",
    "contended",
    "charge",
    "charged",
    "lament",
    "lamented",
    "confirm",
    "confirmed",
    "exclaim",
    "exclaimed",
    "caution",
    "cautioned",
    "demand",
    "demanded",
    "proclaim",
    "proclaimed",
    "plead",
    "pleaded",
    "wonder",
    "wondered",
    "scoff",
    "scoffed",
    "snap",
    "snapped",
    "retort",
    "retorted",
    "assert",
    "asserted",
    "allege",
    "alleged",
    "describe",
    "described",
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
    "chant",
    "chanted",
    "read",
    "reads",
    "repeat",
    "repeated",
    "promise",
    "pledged",
    "pledge",
    "yell",
    "yelled",
    "sigh",
    "sighed",
    "report",
    "reported",
    "reports",
    "whisper",
    "whispered",
    "insisted",
    "agree",
    "agreed",
    "echo",
    "echoed",
    "answer",
    "answered",
    "recount",
    "recounted",
    "acknowledges",
];

/// Cues that count only right beside the quote: far from it they are ordinary verbs
/// (`call on all parties`, `hopes to conduct`).
const WEAK_CUES: &[&str] = &[
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
const ADVERBS: &[&str] = &[
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
const CLAUSE_WORDS: &[&str] = &[
    "is", "was", "are", "were", "that", "when", "which", "who", "because", "if", "but", "and",
    "to", "be", "been", "has", "have", "had", "will", "would", "not", "it", "he", "she", "they",
    "we", "i", "you", "this", "there", "what", "where", "how", "why", "can", "could", "should",
    "do", "does", "did", "so", "than", "then", "as",
];

/// Pronouns that can be a speaker.
pub const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it"];

/// Words that start a description of a speaker (`the minister`, `a spokesman`).
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "another", "his", "her", "their", "its", "our", "this", "some", "two",
    "three", "several", "many", "both",
];

/// Capitalised words that begin sentences and never start a name.
const CAPITAL_STOPWORDS: &[&str] = &[
    "the",
    "in",
    "but",
    "and",
    "on",
    "at",
    "after",
    "before",
    "as",
    "when",
    "while",
    "if",
    "for",
    "from",
    "with",
    "by",
    "to",
    "of",
    "so",
    "yet",
    "or",
    "then",
    "now",
    "still",
    "speaking",
    "asked",
    "however",
    "meanwhile",
    "later",
    "earlier",
    "also",
    "last",
    "this",
    "that",
    "there",
    "here",
    "during",
    "according",
    "addressing",
    "writing",
    "responding",
    "since",
    "though",
    "although",
    "because",
    "instead",
    "indeed",
    "yesterday",
    "today",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "a",
    "an",
];

/// Abbreviations whose final dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "st", "jr", "sr", "prof",
    "rev", "sgt", "capt", "cmdr", "adm", "maj", "corp", "inc", "co", "ltd", "no", "vs", "v", "jan",
    "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "mt", "ft", "gop",
];

/// A found attribution, in byte offsets of the paragraph it stands in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The speaker's words in the text (a name, a pronoun or a description).
    pub speaker: (usize, usize),
    /// The cue.
    pub cue: (usize, usize),
    /// True when the cue stands right next to the quote (it cannot be a scare quote).
    pub adjacent: bool,
    /// Which pattern matched.
    pub rule: &'static str,
}

/// True for a capitalised word that begins sentences and never starts a name.
pub fn is_stopword(t: &Tok) -> bool {
    is_in(t, CAPITAL_STOPWORDS)
}

fn is_cue(t: &Tok) -> bool {
    t.is_word() && CUE_VERBS.contains(&t.lower().as_str())
}

fn is_in(t: &Tok, list: &[&str]) -> bool {
    t.is_word() && list.contains(&t.lower().as_str())
}

fn is_sentence_end(toks: &[Tok], k: usize) -> bool {
    match toks[k].text {
        "!" | "?" => true,
        "." => {
            // `(D-Wis.) said`, `R-Ky., said`: a dot before a bracket or comma ends nothing.
            !toks
                .get(k + 1)
                .is_some_and(|n| matches!(n.text, ")" | "," | "]"))
                && !(k > 0
                    && toks[k - 1].is_word()
                    && (is_in(&toks[k - 1], ABBREVIATIONS)
                        || (toks[k - 1].text.chars().count() == 1 && toks[k - 1].is_capitalized())))
        }
        _ => false,
    }
}

/// Byte offset where the sentence containing `at` begins, not before `floor`.
pub fn sentence_start(text: &str, floor: usize, at: usize) -> usize {
    let toks = tokenize(text, floor, at);
    (0..toks.len())
        .rev()
        .find(|&k| is_sentence_end(&toks, k))
        .map_or(floor, |k| toks[k].end)
}

/// A noun phrase read forward from token `i`: a pronoun, a capitalised name (titles included),
/// or a determiner and the words up to a cue or punctuation. Returns its token range.
fn np_forward(toks: &[Tok], i: usize) -> Option<(usize, usize)> {
    let t = toks.get(i)?;
    if is_in(t, PRONOUNS) {
        return Some((i, i + 1));
    }
    if t.is_capitalized() && !is_in(t, CAPITAL_STOPWORDS) {
        let mut j = i + 1;
        while j < toks.len() && j < i + 6 {
            let tj = &toks[j];
            let name_dot = tj.text == "." && is_in(&toks[j - 1], ABBREVIATIONS);
            if (tj.is_capitalized() && !is_cue(tj)) || name_dot {
                j += 1;
            } else {
                break;
            }
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

/// A noun phrase that ends just before token `j`, read backward over adverbs and an
/// appositive (`X, the foreign minister, said`). Returns its token range.
fn np_backward(toks: &[Tok], mut j: usize) -> Option<(usize, usize)> {
    while j > 0 && is_in(&toks[j - 1], ADVERBS) {
        j -= 1;
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
            let name_dot = prev.text == "." && i >= 2 && is_in(&toks[i - 2], ABBREVIATIONS);
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
        while i < j && is_in(&toks[i], CAPITAL_STOPWORDS) {
            i += 1;
        }
        return (i < j).then_some((i, j));
    }
    if last.is_word() {
        // A description: lowercase words back to a determiner.
        let mut i = j - 1;
        while i > 0 && j - i < 7 {
            if is_in(&toks[i], DETERMINERS) {
                return Some((i, j));
            }
            if !toks[i - 1].is_word() || is_cue(&toks[i - 1]) {
                break;
            }
            i -= 1;
        }
        if is_in(&toks[i], DETERMINERS) {
            return Some((i, j));
        }
    }
    None
}

fn span(toks: &[Tok], r: (usize, usize)) -> (usize, usize) {
    (toks[r.0].start, toks[r.1 - 1].end)
}

/// Looks after a closing mark: `,” he said`, `,” said X`, `,” X, the minister, told reporters`.
pub fn after_quote(text: &str, after: usize, limit: usize) -> Option<Attribution> {
    let toks = tokenize(text, after, limit);
    let mut i = 0;
    let mut dashed = false;
    while i < toks.len() && matches!(toks[i].text, "," | "—" | "–" | "―" | "-" | "…") {
        dashed |= toks[i].text != ",";
        i += 1;
    }
    let end = (i..toks.len())
        .find(|&k| is_sentence_end(&toks, k) || matches!(toks[k].text, "“" | "\""))
        .unwrap_or(toks.len());
    let toks = &toks[..end];
    let first = toks.get(i)?;
    if is_cue(first) && !first.lower().ends_with("ing") {
        // `said X` (inverted); `said 9/11 widow Terry Strada`.
        let np = np_forward(toks, i + 1).or_else(|| {
            let stop = (i + 1..toks.len())
                .find(|&m| toks[m].text == ",")
                .unwrap_or(toks.len());
            (stop > i + 1 && stop - i <= 9).then_some((i + 1, stop))
        })?;
        // `, says the authority was left …` opens a clause: no inverted attribution.
        let verbs = [
            "is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could",
            "should", "do", "does", "did", "be",
        ];
        if toks.get(np.1).is_some_and(|t| is_in(t, &verbs)) {
            return None;
        }
        return Some(Attribution {
            speaker: span(toks, np),
            cue: (first.start, first.end),
            adjacent: true,
            rule: "after:cue-speaker",
        });
    }
    // `X said`, `X, the minister, said`, `Rep. X (D-Wis.) said`, `campaign spokesman X said`:
    // the words up to the cue are the speaker, cut at the first comma (an appositive).
    let cue = (i..toks.len().min(i + 28)).find(|&k| is_cue(&toks[k]) && k > i);
    if let Some(k) = cue {
        let mut stop = (i..k).find(|&m| toks[m].text == ",").unwrap_or(k);
        while stop > i && is_in(&toks[stop - 1], ADVERBS) {
            stop -= 1;
        }
        let phrase = &toks[i..stop];
        let clause = phrase.len() > 1 && phrase.iter().any(|t| is_in(t, CLAUSE_WORDS));
        let commas_ok = stop == k || toks[stop..k].iter().filter(|t| t.text == ",").count() >= 2;
        if !phrase.is_empty() && phrase.len() <= 12 && !clause && commas_ok && looks_like_np(phrase)
        {
            return Some(Attribution {
                speaker: (phrase[0].start, phrase[phrase.len() - 1].end),
                cue: (toks[k].start, toks[k].end),
                adjacent: true,
                rule: "after:speaker-cue",
            });
        }
    }
    // `“…” if she didn't win, said David Wasserman.`: the attribution closes the sentence.
    if let Some(k) = (i + 1..toks.len()).rev().find(|&k| is_cue(&toks[k])) {
        let clause_start = (i..k)
            .rev()
            .find(|&m| toks[m].text == ",")
            .map_or(i, |m| m + 1);
        if clause_start == k && !toks[k].lower().ends_with("ing") {
            if let Some(np) = np_forward(toks, k + 1) {
                return Some(Attribution {
                    speaker: span(toks, np),
                    cue: (toks[k].start, toks[k].end),
                    adjacent: false,
                    rule: "after:sentence-end-cue-speaker",
                });
            }
        } else if clause_start < k {
            let phrase = &toks[clause_start..k];
            let short = phrase.len() <= 6 && !phrase.iter().any(|t| is_in(t, CLAUSE_WORDS));
            if (short || (phrase.len() == 1 && is_in(&phrase[0], PRONOUNS)))
                && looks_like_np(phrase)
            {
                return Some(Attribution {
                    speaker: (phrase[0].start, phrase[phrase.len() - 1].end),
                    cue: (toks[k].start, toks[k].end),
                    adjacent: false,
                    rule: "after:sentence-end-speaker-cue",
                });
            }
        }
    }
    // `,” Toomey fumed`, `,” remembered Roy Verley`: a verb we do not list, in the past tense,
    // right beside a name or pronoun.
    if let Some(np) = np_forward(toks, i) {
        let named = toks[np.0].is_capitalized() || is_in(&toks[np.0], PRONOUNS);
        if let Some(verb) = toks.get(np.1).filter(|t| named && is_past_tense(t)) {
            return Some(Attribution {
                speaker: span(toks, np),
                cue: (verb.start, verb.end),
                adjacent: true,
                rule: "after:speaker-verb",
            });
        }
    }
    if is_past_tense(first) {
        if let Some(np) = np_forward(toks, i + 1).filter(|np| toks[np.0].is_capitalized()) {
            return Some(Attribution {
                speaker: span(toks, np),
                cue: (first.start, first.end),
                adjacent: true,
                rule: "after:verb-speaker",
            });
        }
    }
    // `” ― Pamela Padilla`: a dash and a name, no verb.
    if dashed {
        let np = np_forward(toks, i)?;
        if toks[np.0].is_capitalized() && np.1 == toks.len() {
            return Some(Attribution {
                speaker: span(toks, np),
                cue: (toks[i - 1].start, toks[i - 1].end),
                adjacent: true,
                rule: "after:dash-name",
            });
        }
    }
    None
}

/// A lowercase word in the past tense (`fumed`, `boomed`): an unlisted reporting verb when it
/// stands right beside a quote and a name.
fn is_past_tense(t: &Tok) -> bool {
    t.is_word() && !t.is_capitalized() && t.text.len() > 4 && t.text.ends_with("ed")
}

/// True when `phrase` can be a speaker: it starts with a pronoun, a capitalised word, a
/// determiner or a possessive, and holds no verb-like clause word.
fn looks_like_np(phrase: &[Tok]) -> bool {
    let first = &phrase[0];
    (is_in(first, PRONOUNS) && phrase.len() == 1)
        || (first.is_capitalized() && !is_in(first, CAPITAL_STOPWORDS))
        || is_in(first, DETERMINERS)
        || (first.is_word() && phrase.len() >= 2 && phrase[1..].iter().any(Tok::is_capitalized))
}

/// Looks before an opening mark, within its sentence: `X said: “`, `X went on to say that “`,
/// `according to X, “`, and a reporting verb earlier in the sentence (a partial quote inside
/// indirect speech).
pub fn before_quote(text: &str, sentence: usize, open: usize) -> Option<Attribution> {
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
fn before_quote_cues(toks: &[Tok]) -> Option<Attribution> {
    let toks = toks.to_vec();
    for k in (0..toks.len()).rev() {
        if !is_cue(&toks[k]) {
            continue;
        }
        let adjacent = toks.len() - k <= 6;
        if !adjacent && is_in(&toks[k], WEAK_CUES) {
            continue;
        }
        let lower = toks[k].lower();
        let subject = if lower.ends_with("ing") {
            // A participle: the speaker is the subject of the main clause (`Trump attacked
            // Clinton, saying “…”`), else the words before it (`Clinton asking, “…”`).
            match main_verb(&toks, k) {
                Some(v) => np_backward(&toks, v),
                None => sentence_subject(&toks, k).or_else(|| np_backward(&toks, k)),
            }
        } else if k == first_word(&toks) {
            // `Said Ellis: “…”`.
            np_forward(&toks, k + 1)
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

/// The subject of the sentence before token `upto`: the first pronoun or name that starts the
/// sentence or follows a comma (`During the speech, Trump attacked …`).
fn sentence_subject(toks: &[Tok], upto: usize) -> Option<(usize, usize)> {
    (0..upto)
        .filter(|&k| k == 0 || toks[k - 1].text == ",")
        .filter(|&k| {
            (is_in(&toks[k], PRONOUNS) || toks[k].is_capitalized()) && !is_stopword(&toks[k])
        })
        .find_map(|k| np_forward(toks, k))
}

/// True when the token before `k` is a preposition (`through the streets` is no speaker).
fn after_preposition(toks: &[Tok], k: usize) -> bool {
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
fn first_word(toks: &[Tok]) -> usize {
    (0..toks.len())
        .find(|&k| toks[k].is_word() && !is_in(&toks[k], CAPITAL_STOPWORDS))
        .unwrap_or(0)
}

/// The nearest cue before a participle (`Wang said …, adding “…”`), whose subject is the
/// participle's.
fn main_verb(toks: &[Tok], participle: usize) -> Option<usize> {
    (0..participle).rev().find(|&k| is_cue(&toks[k]))
}

/// True when `text` is only an attribution clause (`he said.`, `, said X, `), so that the
/// pieces on either side of it are one quotation.
pub fn is_only_attribution(text: &str) -> bool {
    let toks = tokenize(text, 0, text.len());
    let words = toks.iter().filter(|t| t.is_word()).count();
    words > 0
        && words <= 14
        && toks.iter().any(is_cue)
        && after_quote(text, 0, text.len()).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(text: &str) -> Option<(String, String)> {
        after_quote(text, 0, text.len()).map(|a| {
            (
                text[a.speaker.0..a.speaker.1].to_string(),
                text[a.cue.0..a.cue.1].to_string(),
            )
        })
    }

    fn before(text: &str) -> Option<(String, String, bool)> {
        before_quote(text, 0, text.len()).map(|a| {
            (
                text[a.speaker.0..a.speaker.1].to_string(),
                text[a.cue.0..a.cue.1].to_string(),
                a.adjacent,
            )
        })
    }

    #[test]
    fn speaker_after_the_quote() {
        let s = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(after(", he said."), s("he", "said"));
        assert_eq!(
            after(" said Edward Alden of the Council."),
            s("Edward Alden", "said")
        );
        assert_eq!(
            after(", Wang Yi, the foreign minister, said."),
            s("Wang Yi", "said")
        );
        assert_eq!(
            after(" the minister told reporters."),
            s("the minister", "told")
        );
        assert_eq!(
            after(", Sen. Bernie Sanders said."),
            s("Sen. Bernie Sanders", "said")
        );
        assert_eq!(after(" and then the rain came."), None);
    }

    #[test]
    fn speaker_before_the_quote() {
        let s = |a: &str, b: &str, adj| Some((a.to_string(), b.to_string(), adj));
        assert_eq!(before("Wang also said: "), s("Wang", "said", true));
        assert_eq!(before("Wang went on to say that "), s("Wang", "say", true));
        assert_eq!(before("He also noted that "), s("He", "noted", true));
        assert_eq!(
            before("According to Governor Petra Lindqvist-Ames, demand was "),
            s("Governor Petra Lindqvist-Ames", "According to", false)
        );
        assert_eq!(
            before("Wang said China will call on all parties to implement resolutions "),
            s("Wang", "said", false)
        );
        assert_eq!(before("The so-called "), None);
    }

    #[test]
    fn sentence_starts_skip_abbreviations() {
        let text = "It rained. Mr. Smith said “yes”.";
        assert_eq!(sentence_start(text, 0, text.find('“').unwrap()), 10);
    }

    #[test]
    fn attribution_clauses_between_pieces() {
        assert!(is_only_attribution(" he said. "));
        assert!(is_only_attribution(", said the mayor, "));
        assert!(!is_only_attribution(" and the rain fell on the town. "));
    }
}
