//! The features of one candidate speaker: which patterns proposed it, the hand-ordered
//! choice, its kind (pronoun, name, organisation, description, fragment), its side of the
//! quote and distance, the cue verb, and whether it is the previous quotation's speaker.

use lede_corpus::Paragraphs;
use lede_text::word_lists::SUBJECT_PRONOUNS as PRONOUNS;

use super::candidates::Candidate;
use crate::attribution::{is_determiner, is_stopword, RELATIVES};
use crate::marks::Piece;
use crate::resolve::NOT_PERSON;
use crate::tokens::tokenize;

/// What kind of words a candidate is, as a feature value.
fn kind(words: &str) -> &'static str {
    let toks = tokenize(words, 0, words.len());
    let Some(first) = toks.first() else {
        return "empty";
    };
    if toks.len() == 1 && PRONOUNS.contains(&first.lower().as_str()) {
        return "pronoun";
    }
    if toks.len() == 1 && RELATIVES.contains(&first.text) {
        return "relative";
    }
    if is_determiner(first) {
        return "description";
    }
    let letters: Vec<char> = words.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 3 && letters.iter().all(|c| c.is_uppercase()) {
        return "caps";
    }
    if !first.is_capitalized() {
        return "lower";
    }
    if is_stopword(first) {
        return "opener";
    }
    if toks
        .iter()
        .any(|t| NOT_PERSON.contains(&t.lower().trim_end_matches("'s")))
    {
        return "org";
    }
    if toks.len() == 1 {
        "name1"
    } else {
        "name"
    }
}

/// A distance in bytes as a coarse bucket.
fn distance(bytes: usize) -> &'static str {
    match bytes {
        0..=2 => "0",
        3..=12 => "1",
        13..=40 => "2",
        41..=100 => "3",
        _ => "4",
    }
}

/// The last word of `words`, lowercased, without a possessive.
fn last_word(words: &str) -> String {
    let w = words.split_whitespace().last().unwrap_or("").to_lowercase();
    let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
        .to_string()
}

/// The features of candidate `c` of the quotation made of `members`; `others` is how many
/// other candidates the quotation has, `previous` the previous quotation's speaker name.
pub(crate) fn features(
    paragraphs: &Paragraphs,
    pieces: &[Piece],
    members: &[usize],
    c: &Candidate,
    others: usize,
    previous: Option<&str>,
) -> Vec<String> {
    let mut f = Vec::with_capacity(16);
    let words = &paragraphs[c.paragraph][c.speaker.0..c.speaker.1];
    let kind = kind(words);
    f.push(format!("kind={kind}"));
    if kind == "pronoun" {
        f.push(format!("pronoun={}", words.to_lowercase()));
    }
    let n = words.split_whitespace().count().min(6);
    f.push(format!("words={n}"));
    for r in &c.rules {
        f.push(format!("rule={r}"));
        f.push(format!("rule={r}&kind={kind}"));
    }
    if c.legacy {
        f.push("legacy".into());
        f.push(format!("legacy&kind={kind}"));
    }
    if c.adjacent {
        f.push("adjacent".into());
    }
    let piece = &pieces[members[c.piece.min(members.len() - 1)]];
    let first = &pieces[members[0]];
    let opens = paragraphs[first.paragraph][..first.open].trim().is_empty();
    let side = if c.paragraph == piece.paragraph {
        if c.speaker.0 >= piece.after {
            format!("after{}", distance(c.speaker.0 - piece.after))
        } else if c.speaker.1 <= piece.open {
            format!("before{}", distance(piece.open - c.speaker.1))
        } else {
            "inside".to_string()
        }
    } else if c.paragraph < first.paragraph {
        format!("para-{}", (first.paragraph - c.paragraph).min(3))
    } else {
        "para+".to_string()
    };
    f.push(format!("side={side}"));
    f.push(format!("side={side}&kind={kind}"));
    f.push(format!("opens={opens}&side={side}"));
    if let Some(cue) = c.cue {
        let cue = paragraphs[c.paragraph][cue.0..cue.1].to_lowercase();
        f.push(format!("cue={cue}"));
    }
    if c.inherited {
        f.push("inherited".into());
        f.push(format!("inherited&others={}", others.min(3)));
        f.push(format!("inherited&opens={opens}"));
    }
    f.push(format!("piece={}", c.piece.min(2)));
    if let Some(prev) = previous {
        if !c.inherited && !prev.is_empty() && last_word(prev) == last_word(words) {
            f.push(format!("same-as-previous&kind={kind}"));
        }
        if kind == "pronoun" {
            f.push("pronoun&previous".into());
        }
    }
    f
}
