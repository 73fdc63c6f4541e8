//! Cleaning a tagged mention: pronouns, punctuation, possessives, trailing lowercase words and
//! titles leave its edges (a person's title becomes the role), datelines make places, and what
//! is no name goes (capitalised sentence openers, hyphenated modifiers).

use std::collections::HashMap;

use lede_text::fold_for_match;
use lede_text::word_lists::SENTENCE_OPENERS;

use super::para::{
    is_all_caps, is_cap, is_connector, is_pronoun, is_role_word, is_title, lower, starts_sentence,
    words, Para, Raw,
};
use crate::lexicon::{contains, lexicon, LOC_CUES, ORG_CUES};
use crate::tag::EntityType;
use crate::tokenize::{Token, TokenKind};

/// Capitalised words that start sentences in news and are no name on their own, beyond the
/// shared [`SENTENCE_OPENERS`]: quantifiers and the plural nouns that open reports
/// (`Officials`, `Shares`, `Troops`).
const MORE_SENTENCE_WORDS: &[&str] = &[
    "where",
    "despite",
    "tomorrow",
    "some",
    "many",
    "most",
    "several",
    "all",
    "both",
    "each",
    "no",
    "not",
    "yes",
    "only",
    "even",
    "officials",
    "police",
    "analysts",
    "critics",
    "residents",
    "experts",
    "sources",
    "under",
    "over",
    "until",
    "without",
    "about",
    "next",
    "shares",
    "prices",
    "members",
    "leaders",
    "workers",
    "investors",
    "traders",
    "sales",
    "profits",
    "exports",
    "imports",
    "talks",
    "news",
    "supporters",
    "opponents",
    "ministers",
    "staff",
    "employees",
    "shareholders",
    "rebels",
    "troops",
    "soldiers",
    "delegates",
    "voters",
];

/// A word (lowercased) that starts sentences capitalised but is not a name on its own.
pub(super) fn is_sentence_word(lower: &str) -> bool {
    contains(SENTENCE_OPENERS, lower) || contains(MORE_SENTENCE_WORDS, lower)
}

/// Strips pronouns, punctuation, possessives and titles from the edges, keeps a person's
/// title as the role, and drops what is left when it is no name.
pub(super) fn clean(paras: &[Para], mut r: Raw, lowercase: &HashMap<String, usize>) -> Option<Raw> {
    let para = &paras[r.p];
    let toks = &para.toks;
    let junk = |t: &Token| t.kind != TokenKind::Word || is_pronoun(t) || lower(t) == "the";
    while r.a < r.b && junk(&toks[r.a]) {
        r.a += 1;
    }
    // A name does not end on a lowercase word (`Belt and Road cooperation` tagged whole).
    let lowercase_word = |t: &Token| {
        t.kind == TokenKind::Word
            && t.text
                .chars()
                .all(|c| c.is_alphabetic() && c.is_lowercase())
    };
    while r.b > r.a
        && (junk(&toks[r.b - 1])
            || matches!(lower(&toks[r.b - 1]).as_str(), "'s")
            || (r.b - r.a > 1 && lowercase_word(&toks[r.b - 1])))
    {
        r.b -= 1;
    }
    if r.a >= r.b {
        return None;
    }
    // `Shares of Calder Instruments`: a common word opening the sentence before `of`.
    if r.b - r.a >= 3 && starts_sentence(para, r.a) && lower(&toks[r.a + 1]) == "of" {
        let f = fold_for_match(&toks[r.a].text);
        if is_sentence_word(&f) || lowercase.contains_key(&f) {
            r.a += 2;
            while r.a < r.b && is_connector(&lower(&toks[r.a])) {
                r.a += 1;
            }
        }
    }
    // Titles inside the mention (`President Arlen Voss` tagged whole).
    let honorific = matches!(
        lower(&toks[r.a]).trim_end_matches('.'),
        "mr" | "mrs" | "ms" | "dr" | "sir"
    );
    // `Sen. Elizabeth Warren` tagged an organisation: a title that only people carry, inside
    // the mention or just before it.
    let cue_last = {
        let l = lower(&toks[r.b - 1]);
        let l = l.trim_end_matches('.');
        contains(ORG_CUES, l) || contains(LOC_CUES, l)
    };
    let personal_title = r.b - r.a >= 2 && is_personal_title(&toks[r.a]) && !cue_last;
    if r.ty != EntityType::Per
        && !cue_last
        && r.a > 0
        && is_personal_title(&toks[r.a - 1])
        && is_cap(&toks[r.a])
    {
        r.ty = EntityType::Per;
    }
    if r.ty == EntityType::Per || honorific || personal_title {
        let mut k = r.a;
        while k + 1 < r.b && is_role_word(&toks[k]) {
            k += 1;
        }
        if k > r.a && (r.a..k).any(|j| is_title(&toks[j])) {
            r.role = Some(words(para, r.a, k));
            r.a = k;
            r.ty = EntityType::Per;
        }
    }
    // Titles before a person's name.
    if r.ty == EntityType::Per && r.role.is_none() {
        let mut k = r.a;
        while k > 0 && toks[k - 1].kind == TokenKind::Word && is_role_word(&toks[k - 1]) {
            k -= 1;
        }
        while k < r.a && is_connector(&lower(&toks[k])) {
            k += 1;
        }
        if k < r.a && (k..r.a).any(|j| is_title(&toks[j])) {
            r.role = Some(words(para, k, r.a));
        }
    }
    if (r.a..r.b).all(|k| is_pronoun(&toks[k]) || is_title(&toks[k])) {
        return None;
    }
    // `SAO PAULO (Reuters) -`: a dateline names a place.
    let dateline = r.a == 0
        && toks
            .get(r.b)
            .is_some_and(|t| matches!(t.text.as_str(), "(" | "," | "-" | "--"));
    let name = words(para, r.a, r.b);
    if dateline && (is_all_caps(&name) || lexicon().places.contains_key(&fold_for_match(&name))) {
        r.ty = EntityType::Loc;
    }
    if is_hyphenated_modifier(&name) {
        return None;
    }
    // A capitalised common word opening a sentence (`Officials said`) is no name.
    if r.b - r.a == 1 && starts_sentence(para, r.a) {
        let t = &toks[r.a];
        let f = fold_for_match(&t.text);
        let lx = lexicon();
        let known = lx.places.contains_key(&f) || lx.first_names.contains(&f);
        if !known && (is_sentence_word(&f) || lowercase.contains_key(&f)) {
            return None;
        }
    }
    Some(r)
}

/// A title only people carry (`Sen.`, `President`), not one that opens other names too
/// (`General Motors`, `King Solomon Church`, `Justice Department`).
fn is_personal_title(t: &Token) -> bool {
    is_title(t)
        && !matches!(
            lower(t).trim_end_matches('.'),
            "general" | "king" | "queen" | "prince" | "princess" | "lord" | "lady" | "justice"
        )
}

/// True for one hyphenated word that modifies rather than names (`Kremlin-financed`,
/// `Soviet-style`) and for party tags after a politician (`R-Neb`, `D-Calif.`).
pub(super) fn is_hyphenated_modifier(name: &str) -> bool {
    if name.contains(' ') || !name.contains('-') {
        return false;
    }
    let mut parts = name.split('-');
    let first = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    let party_tag = matches!(first, "R" | "D" | "I")
        && rest.len() == 1
        && rest[0].trim_end_matches('.').chars().count() <= 5
        && rest[0].chars().next().is_some_and(char::is_uppercase);
    let modifier = rest
        .iter()
        .any(|p| p.chars().next().is_some_and(char::is_lowercase));
    party_tag || modifier
}
