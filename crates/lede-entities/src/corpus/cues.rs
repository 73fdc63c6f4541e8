//! What the words around a mention say about its kind, whatever the tagger voted: a place
//! after `in`/`near`/`across` (`Inflation in X fell`), after `the people of`, `the city of`
//! (`the people of X`), or owning a foreign minister, a ministry, an army or a northern range
//! (`X's foreign minister`); a person after a title (`Minister X`, `Mr X`); and a name joined
//! to another by `and` takes that one's kind (`X and Kessaria signed`). Each cue is checked
//! against the gold names of CoNLL-2003 train (`tests/context_cues.rs`).

use std::ops::Range;

use lede_corpus::EntityKind;
use lede_text::fold_for_match;
use lede_text::word_lists::{MONTHS, TITLES};

use crate::lexicon::{contains, key, lexicon, ORG_CUES};

/// Prepositions before a place (`in X`, `near X`): on CoNLL-2003 train nine in ten names
/// after them are places and almost none a person.
const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "across", "throughout", "inside"];

/// Words before `in` that make the name after it a company held, traded or invested in (`a
/// stake in X`, `buying in X shares`), not a place.
const HOLDING_WORDS: &[&str] = &[
    "trading",
    "buying",
    "selling",
    "invests",
    "position",
    "positions",
    "stake",
    "stakes",
    "share",
    "interest",
    "interests",
    "shares",
    "holding",
    "holdings",
    "investment",
    "investments",
    "invest",
    "invested",
    "investing",
];

/// Nouns before `of X` that make X a place (`the people of X`, `the city of X`).
const PLACE_OF: &[&str] = &[
    "people",
    "citizens",
    "residents",
    "city",
    "town",
    "village",
    "state",
    "province",
    "region",
    "capital",
    "port",
    "republic",
    "kingdom",
    "government",
    "north",
    "south",
    "east",
    "west",
    "outskirts",
    "parts",
];

/// Words after a possessive that make its owner a place (`X's foreign minister`, `X's
/// northern ranges`); not `government` or `president`, which people and companies have too.
const PLACE_OWNS: &[&str] = &[
    "foreign",
    "ministry",
    "capital",
    "economy",
    "parliament",
    "border",
    "borders",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "army",
    "military",
    "navy",
    "prime",
    "citizens",
    "population",
    "coast",
    "coastline",
    "territory",
    "interior",
];

/// True for the possessive token (`'s`, or a lone `'` after a plural).
fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "'S" | "'" | "’s")
}

/// Words of organisations' and securities' names beyond the tagger's [`ORG_CUES`] (which
/// its model file fingerprints): foreign banks and the instruments markets trade (`Banco do
/// Brasil`, `Philippine Investment Notes`), never places.
const MORE_ORG_WORDS: &[&str] = &[
    "banco", "banca", "banque", "bonds", "notes", "equities", "futures", "stocks",
];

/// Titles that also begin organisations' names (`General Electric`): no person cue.
const TITLES_IN_ORG_NAMES: &[&str] = &["general"];

/// True when a word of `name` (folded) marks an organisation or a security (`Bank`, `Corp`,
/// `Authority`, `Banco`, `Notes`): such a name keeps the kind its words give it, whatever
/// stands around it.
pub fn has_organisation_word(name: &str) -> bool {
    name.split_whitespace().any(|w| {
        let w = w.to_lowercase();
        let w = w.trim_end_matches('.');
        contains(ORG_CUES, w) || contains(MORE_ORG_WORDS, w)
    })
}

/// True when the gazetteer knows `name` (folded) as a place or a variant of one.
pub fn is_known_place(name: &str) -> bool {
    let lx = lexicon();
    lx.places.contains_key(name) || lx.variants.contains_key(name)
}

/// True for a name of two or three capitalised words starting with a census first name
/// (`Lisa Murkowski`), not a place of the gazetteer (`San Jose`).
fn is_first_name_and_surname(words: &[&str]) -> bool {
    let lx = lexicon();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && lx.first_names.contains(&fold_for_match(words[0]))
        && !lx.places.contains_key(&key(words))
        && !lx.variants.contains_key(&key(words))
}

/// True for a month's name (`August`): a date, never a place.
fn is_month(name: &[&str]) -> bool {
    matches!(name, [w] if MONTHS.contains(&w.to_lowercase().as_str()))
}

/// The kind the words around the name at `words[name]` point to, if any: a person after a
/// title; a place after a place preposition (not
/// before a possessive, not `a stake in X`, not a month, and not a name ending in an
/// organisation's word), after `the people of` and its like, or before `'s foreign` and its
/// like. A name written as a first name and a surname (`Lisa Murkowski`) gets no place cue:
/// the tagger reads first names already, and `in` before one is a dateline of its reporter
/// (`Ben Blanchard in Beijing`) as often as not. `words` are a sentence's or paragraph's
/// tokens as the entity tokenizer writes them (possessives apart, apostrophes straight).
pub fn context_cue(words: &[&str], name: Range<usize>) -> Option<EntityKind> {
    let lower = |k: usize| words.get(k).map(|w| w.to_lowercase()).unwrap_or_default();
    let (a, b) = (name.start, name.end);
    if a >= b || b > words.len() {
        return None;
    }
    let before = if a > 0 { lower(a - 1) } else { String::new() };
    let before2 = if a > 1 { lower(a - 2) } else { String::new() };
    let after = lower(b);
    let org_word = contains(ORG_CUES, lower(b - 1).trim_end_matches('.'));
    if contains(TITLES, &before)
        && !contains(TITLES_IN_ORG_NAMES, &before)
        && words[a - 1].starts_with(char::is_uppercase)
    {
        return Some(EntityKind::Person);
    }
    if org_word {
        return None;
    }
    if is_first_name_and_surname(&words[a..b]) {
        return None;
    }
    if contains(PLACE_PREPOSITIONS, &before)
        && !is_possessive(&after)
        && !is_month(&words[a..b])
        && !contains(HOLDING_WORDS, &before2)
    {
        return Some(EntityKind::Place);
    }
    if before == "of" && contains(PLACE_OF, &before2) {
        return Some(EntityKind::Place);
    }
    // `X's western ranges`, `X's Ministry`; not `Westcorp's Western Financial`, a name.
    let owned = words.get(b + 1).copied().unwrap_or_default();
    let compass = matches!(
        lower(b + 1).as_str(),
        "northern" | "southern" | "eastern" | "western" | "central"
    );
    if is_possessive(&after)
        && contains(PLACE_OWNS, &lower(b + 1))
        && !(compass && owned.starts_with(char::is_uppercase))
    {
        return Some(EntityKind::Place);
    }
    None
}

/// Prepositions after a name that show the `and` joins longer phrases (`Hassan of New
/// Hampshire and Lisa Murkowski of Alaska`, `Lim in Singapore and Ben Blanchard in Beijing`).
const PHRASE_PREPOSITIONS: &[&str] = &["of", "in", "at", "from", "for"];

/// The names of `names` (token ranges over `words`, in text order, not overlapping) joined
/// to `names[i]` by `and` on either side (`X and Y`): indices into `names`. None when the
/// name is followed by a preposition, the name before the `and` follows `of`, or the one
/// after it owns something (`… and Japan's`): then the `and` joins longer phrases, not the
/// two names; none after `between` (`between Mexico and GTE Sprint` joins two sides), and
/// none for a first name and a surname (people are named beside companies: `Pearl Jam and
/// Tracy Chapman`).
pub fn coordinated(words: &[&str], names: &[Range<usize>], i: usize) -> Vec<usize> {
    let word = |k: usize| words.get(k).map(|w| w.to_lowercase()).unwrap_or_default();
    let me = &names[i];
    let mut out = Vec::new();
    if contains(PHRASE_PREPOSITIONS, &word(me.end))
        || words.get(me.clone()).is_some_and(is_first_name_and_surname)
    {
        return out;
    }
    let before = |k: usize| if k == 0 { String::new() } else { word(k - 1) };
    if i + 1 < names.len()
        && names[i + 1].start == me.end + 1
        && word(me.end) == "and"
        && !is_possessive(&word(names[i + 1].end))
        && before(me.start) != "between"
    {
        out.push(i + 1);
    }
    if i > 0
        && me.start >= 2
        && names[i - 1].end + 1 == me.start
        && word(me.start - 1) == "and"
        && !matches!(before(names[i - 1].start).as_str(), "of" | "between")
        && !is_possessive(&word(me.end))
    {
        out.push(i - 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(sentence: &str, name: &str) -> Option<EntityKind> {
        let words: Vec<&str> = sentence.split(' ').collect();
        let parts: Vec<&str> = name.split(' ').collect();
        let a = (0..words.len())
            .find(|&k| words[k..].starts_with(&parts))
            .expect("the name is in the sentence");
        context_cue(&words, a..a + parts.len())
    }

    #[test]
    fn each_cue_and_its_exceptions() {
        assert_eq!(
            cue("Inflation in Tarsis fell", "Tarsis"),
            Some(EntityKind::Place)
        );
        assert_eq!(cue("in Tarsis 's view", "Tarsis"), None);
        assert_eq!(cue("a stake in Tarsis", "Tarsis"), None);
        assert_eq!(
            cue("shares in Tarsis Holdings Inc", "Tarsis Holdings Inc"),
            None
        );
        assert_eq!(
            cue("the people of Tarsis", "Tarsis"),
            Some(EntityKind::Place)
        );
        assert_eq!(cue("the president of Tarsis", "Tarsis"), None);
        assert_eq!(
            cue("and Tarsis 's foreign minister", "Tarsis"),
            Some(EntityKind::Place)
        );
        assert_eq!(cue("Tarsis 's government", "Tarsis"), None);
        assert_eq!(
            cue("Tarsis 's western ranges", "Tarsis"),
            Some(EntityKind::Place)
        );
        assert_eq!(cue("Tarsis 's Western Financial", "Tarsis"), None);
        assert_eq!(
            cue("said Minister Tarsis", "Tarsis"),
            Some(EntityKind::Person)
        );
        assert_eq!(cue("the minister Tarsis", "Tarsis"), None);
        assert_eq!(cue("by General Tarsis", "Tarsis"), None);
        assert_eq!(cue("Tarsis is ready", "Tarsis"), None);
        assert_eq!(cue("In August it rained", "August"), None);
        assert_eq!(cue("in Lisa Tarsis", "Lisa Tarsis"), None);
        assert_eq!(
            cue("in San Jose today", "San Jose"),
            Some(EntityKind::Place)
        );
    }

    #[test]
    fn organisation_words() {
        assert!(has_organisation_word("port authority of new york"));
        assert!(has_organisation_word("alaska housing finance corp."));
        assert!(has_organisation_word("banco do brasil"));
        assert!(!has_organisation_word("vastmark"));
    }

    #[test]
    fn names_joined_by_and() {
        let words = ["Tarsis", "and", "Kessaria", "signed", "and", "left"];
        let names = [0..1, 2..3];
        assert_eq!(coordinated(&words, &names, 0), vec![1]);
        assert_eq!(coordinated(&words, &names, 1), vec![0]);
        assert!(coordinated(&words, &[0..1, 3..4], 0).is_empty());
        let words = ["Hassan", "of", "Ohio", "and", "Lisa", "Marr", "of", "Utah"];
        assert!(coordinated(&words, &[0..1, 2..3, 4..6, 7..8], 2).is_empty());
        let words = ["of", "Ohio", "and", "Tarsis"];
        assert!(coordinated(&words, &[1..2, 3..4], 1).is_empty());
        let words = ["Ohio", "and", "Lisa", "Marr"];
        assert!(coordinated(&words, &[0..1, 2..4], 1).is_empty());
        assert_eq!(coordinated(&words, &[0..1, 2..4], 0), vec![1]);
        let words = ["between", "Ohio", "and", "Tarsis"];
        assert!(coordinated(&words, &[1..2, 3..4], 1).is_empty());
        let words = ["Tarsis", "and", "Ohio", "'s", "army"];
        assert!(coordinated(&words, &[0..1, 2..3], 0).is_empty());
    }
}
