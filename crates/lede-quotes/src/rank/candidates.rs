//! The candidate speakers of one quotation: every attribution pattern's speaker on each side of
//! each of its pieces, the paragraph before when a colon introduces it, the noun phrases beside
//! any reporting verb near it, the subject of each piece's sentence, and the previous
//! quotation's speaker.

use lede_corpus::Paragraphs;
use lede_text::word_lists::WEEKDAYS;

use crate::attribution::{
    after_quote, before_quote, near_cues, sentence_start, sentence_subject_before, Attribution,
};
use crate::marks::Piece;

/// One candidate speaker, in byte offsets of the paragraph it stands in.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    /// The paragraph it stands in.
    pub paragraph: usize,
    /// The speaker's words.
    pub speaker: (usize, usize),
    /// The cue, when a pattern found one.
    pub cue: Option<(usize, usize)>,
    /// Every pattern that proposed these words (the first is the one reported as the rule).
    pub rules: Vec<&'static str>,
    /// True when a pattern saw the cue right beside the quote.
    pub adjacent: bool,
    /// The member piece (index within the quotation) it was found beside.
    pub piece: usize,
    /// True for the previous quotation's speaker, carried over.
    pub inherited: bool,
    /// True for the candidate the hand-ordered rules choose (the ranker's baseline feature).
    pub legacy: bool,
}

impl Candidate {
    fn from_attribution(paragraph: usize, piece: usize, a: &Attribution) -> Self {
        Candidate {
            paragraph,
            speaker: a.speaker,
            cue: Some(a.cue),
            rules: vec![a.rule],
            adjacent: a.adjacent,
            piece,
            inherited: false,
            legacy: false,
        }
    }
}

/// Adds `c` to `out`, merging it into a candidate with the same words (its rules are added,
/// its cue kept when the first had none).
fn push(out: &mut Vec<Candidate>, c: Candidate) {
    match out
        .iter_mut()
        .find(|o| o.paragraph == c.paragraph && o.speaker == c.speaker)
    {
        Some(o) => {
            for r in c.rules {
                if !o.rules.contains(&r) {
                    o.rules.push(r);
                }
            }
            o.adjacent |= c.adjacent;
            o.cue = o.cue.or(c.cue);
            o.legacy |= c.legacy;
        }
        None => out.push(c),
    }
}

/// The pattern attributions around piece `m`: after its closing mark, then before its opening
/// mark, every pattern that matches on each side.
fn attributions(paragraphs: &Paragraphs, pieces: &[Piece], m: usize) -> Vec<Attribution> {
    let piece = &pieces[m];
    let text = &paragraphs[piece.paragraph];
    let same_para = |k: usize| pieces.get(k).filter(|p| p.paragraph == piece.paragraph);
    let mut found = Vec::new();
    if !piece.unclosed {
        let limit = same_para(m + 1).map_or(text.len(), |n| n.open);
        // `“That makes me smart.” Trump was …`: after a quoted full stop, a capitalised word
        // starts the next sentence, not an attribution (`“Yes.” he said` still is one).
        let new_sentence = text[piece.start..piece.end].ends_with('.')
            && text[piece.after..limit]
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
        if !new_sentence {
            found.extend(after_quote(text, piece.after, limit));
        }
    }
    let floor = m
        .checked_sub(1)
        .and_then(same_para)
        .map_or(0, |p| p.after.min(piece.open));
    let start = sentence_start(text, floor, piece.open);
    let before = before_quote(text, start, piece.open).or_else(|| {
        // `Stenmo described the defeat as "cruel" but said his side would "come back
        // stronger"`: when only quoted words or phrases (four words at most) of the same
        // sentence stand before, the cue's subject may stand before them.
        let whole = sentence_start(text, 0, piece.open);
        let earlier = pieces[..m]
            .iter()
            .filter(|p| p.paragraph == piece.paragraph && p.open >= whole);
        let phrases = earlier.clone().all(|p| {
            let words = text[p.start..p.end].split_whitespace().count();
            words <= 4 && !p.unclosed
        });
        (whole < start && phrases && earlier.count() > 0)
            .then(|| before_quote(text, whole, piece.open))
            .flatten()
    });
    found.extend(before);
    found
}

/// A quote that opens its paragraph after a paragraph ending with a colon (`In a statement,
/// Sanders wrote:`) is attributed there.
pub(crate) fn colon_introduction(
    paragraphs: &Paragraphs,
    piece: &Piece,
) -> Option<(usize, Attribution)> {
    let text = &paragraphs[piece.paragraph];
    if piece.paragraph == 0 || !text[..piece.open].trim().is_empty() {
        return None;
    }
    let prev_index = piece.paragraph - 1;
    let prev = paragraphs[prev_index].trim_end();
    let intro = prev.strip_suffix(':')?;
    let start = sentence_start(intro, 0, intro.len());
    let mut a = before_quote(intro, start, intro.len())?;
    a.adjacent = true;
    a.rule = "before:colon-paragraph";
    Some((prev_index, a))
}

/// The byte ranges of paragraph `p` outside its quote pieces.
pub(crate) fn outside_pieces(
    paragraphs: &Paragraphs,
    pieces: &[Piece],
    p: usize,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for piece in pieces.iter().filter(|x| x.paragraph == p) {
        if piece.open > at {
            out.push((at, piece.open));
        }
        at = at.max(piece.after);
    }
    let len = paragraphs[p].len();
    if len > at {
        out.push((at, len));
    }
    out
}

/// The candidates of the quotation made of `members` (indices into `pieces`), in the order
/// the hand-ordered rules consider them, the one they choose marked `legacy`. `previous` is
/// the previous quotation's speaker as (paragraph of its last piece, paragraph and byte range
/// of its words).
pub(crate) fn gather(
    paragraphs: &Paragraphs,
    pieces: &[Piece],
    members: &[usize],
    previous: Option<(usize, usize, (usize, usize))>,
) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for (k, &m) in members.iter().enumerate() {
        let paragraph = pieces[m].paragraph;
        for a in attributions(paragraphs, pieces, m) {
            push(&mut out, Candidate::from_attribution(paragraph, k, &a));
        }
    }
    let colon = colon_introduction(paragraphs, &pieces[members[0]]);
    if out.is_empty() {
        if let Some((p, a)) = &colon {
            push(&mut out, Candidate::from_attribution(*p, 0, a));
        }
    }
    // The hand-ordered choice: the first adjacent attribution, else the first one.
    let legacy = out
        .iter()
        .position(|c| c.adjacent)
        .or_else(|| (!out.is_empty()).then_some(0));
    if let Some(i) = legacy {
        out[i].legacy = true;
    }
    if let Some((p, a)) = &colon {
        push(&mut out, Candidate::from_attribution(*p, 0, a));
    }
    // Noun phrases beside any reporting verb in the quotation's paragraphs (outside the
    // quotes), and in the paragraph before when the quotation opens its paragraph.
    let first = &pieces[members[0]];
    let mut paras: Vec<usize> = members.iter().map(|&m| pieces[m].paragraph).collect();
    if first.paragraph > 0 && paragraphs[first.paragraph][..first.open].trim().is_empty() {
        paras.insert(0, first.paragraph - 1);
    }
    paras.dedup();
    for p in paras {
        let piece = members
            .iter()
            .position(|&m| pieces[m].paragraph == p)
            .unwrap_or(0);
        for (from, to) in outside_pieces(paragraphs, pieces, p) {
            for a in near_cues(&paragraphs[p], from, to) {
                push(&mut out, Candidate::from_attribution(p, piece, &a));
            }
        }
    }
    // The subject of each piece's sentence, whatever its verb.
    for (k, &m) in members.iter().enumerate() {
        let piece = &pieces[m];
        let text = &paragraphs[piece.paragraph];
        let floor = m
            .checked_sub(1)
            .and_then(|j| pieces.get(j))
            .filter(|p| p.paragraph == piece.paragraph)
            .map_or(0, |p| p.after.min(piece.open));
        let start = sentence_start(text, floor, piece.open);
        if let Some(a) = sentence_subject_before(text, start, piece.open) {
            push(
                &mut out,
                Candidate::from_attribution(piece.paragraph, k, &a),
            );
        }
    }
    drop_quoting_channels(paragraphs, &mut out);
    out.retain(|c| !is_time_phrase(&paragraphs[c.paragraph][c.speaker.0..c.speaker.1]));
    if let Some((last_para, p, span)) = previous {
        if first.paragraph <= last_para + 2 {
            let c = Candidate {
                paragraph: p,
                speaker: span,
                cue: None,
                rules: vec!["inherited"],
                adjacent: false,
                piece: 0,
                inherited: true,
                legacy: legacy.is_none(),
            };
            match out
                .iter_mut()
                .find(|o| o.paragraph == p && o.speaker == span)
            {
                Some(o) => {
                    o.inherited = true;
                    o.legacy |= legacy.is_none();
                }
                None => out.push(c),
            }
        }
    }
    out
}

/// Words that end a phrase naming a time, never a speaker (`this week`; weekdays, `last
/// Monday`, are [`WEEKDAYS`]).
const TIME_WORDS: &[&str] = &[
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "day",
    "days",
    "today",
    "yesterday",
    "tomorrow",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
];

/// True for a phrase of at most three words that ends in a time word (`this week`, `One day`).
fn is_time_phrase(words: &str) -> bool {
    let ws: Vec<&str> = words.split_whitespace().collect();
    ws.len() <= 3
        && ws.last().is_some_and(|w| {
            let w = w
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            TIME_WORDS.contains(&w.as_str()) || WEEKDAYS.contains(&w.as_str())
        })
}

/// `It quoted a joint statement as saying “…”`: the words before `quoted` in that sentence
/// (`It`, the agency) are the channel, not the speaker; their candidates are dropped.
fn drop_quoting_channels(paragraphs: &Paragraphs, out: &mut Vec<Candidate>) {
    let quoted: Vec<(usize, usize)> = out
        .iter()
        .filter(|c| c.rules.contains(&"before:quoted-as-saying"))
        .map(|c| (c.paragraph, c.speaker.0))
        .collect();
    out.retain(|c| {
        !quoted.iter().any(|&(p, at)| {
            let start = sentence_start(&paragraphs[p], 0, at);
            c.paragraph == p && c.speaker.1 <= at && c.speaker.0 >= start && !c.legacy
        })
    });
}
