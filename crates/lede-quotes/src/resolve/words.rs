//! The word lists the resolver reads besides the shared ones: role words before a name, the
//! words that make a capitalised run an organisation, the nouns after a run that name it as
//! one (`El Universal newspaper`), and the nouns that describe a person (`the analyst`); and
//! the tests of a phrase against them (a description, its head a person, plural).

use super::{is_title_word, strip_possessive};
use crate::tokens::Tok;

/// Words that stand before a speaker's name and are not part of it, besides the shared
/// [`TITLES`](lede_text::word_lists::TITLES): role modifiers (`foreign`, `prime`), offices and parties (`house`, `gop`),
/// roles the shared list lacks (`candidate`, `dean`) and abbreviations as this crate's
/// tokenizer reads them, without their dot (`sen`, `rev`).
pub(crate) const ROLE_WORDS: &[&str] = &[
    "vice",
    "prime",
    "foreign",
    "finance",
    "defence",
    "defense",
    "interior",
    "health",
    "education",
    "sen",
    "rep",
    "gov",
    "gen",
    "chair",
    "commissioner",
    "state",
    "economy",
    "trade",
    "transport",
    "councillor",
    "councilor",
    "rev",
    "former",
    "acting",
    "house",
    "senate",
    "majority",
    "minority",
    "democratic",
    "republican",
    "candidate",
    "nominee",
    "executive",
    "cfo",
    "agriculture",
    "labour",
    "labor",
    "environment",
    "energy",
    "treasury",
    "commerce",
    "sports",
    "culture",
    "affairs",
    "home",
    "interim",
    "dean",
    "rector",
    "head",
    "presidential",
    "assemblyman",
    "assemblywoman",
    "gop",
    "u.s.",
    "senior",
    "top",
];

/// Words that mark a capitalised run as an organisation or place, not a person.
pub(crate) const NOT_PERSON: &[&str] = &[
    "party",
    "council",
    "house",
    "department",
    "ministry",
    "university",
    "committee",
    "association",
    "news",
    "post",
    "times",
    "union",
    "bank",
    "court",
    "congress",
    "senate",
    "agency",
    "authority",
    "office",
    "institute",
    "center",
    "centre",
    "foundation",
    "group",
    "inc",
    "corp",
    "company",
    "league",
    "club",
    "city",
    "state",
    "states",
    "nations",
    "street",
    "journal",
    "network",
    "school",
    "college",
    "hospital",
    "museum",
    "river",
    "valley",
    "county",
    "republic",
    "kingdom",
    "administration",
    "campaign",
    "commission",
    "board",
    "federation",
    "organization",
    "organisation",
    "bureau",
    "service",
    "services",
    "fund",
    "trust",
    "times",
    "tribune",
    "herald",
    "daily",
    "press",
    "cnn",
    "fbi",
    "cia",
    "white",
    "ledger",
    "courier",
    "star",
    "wire",
    "cooperative",
    "philharmonic",
    "rovers",
    "airport",
    "corporation",
    "co",
    "ltd",
    "plc",
    "llc",
    "act",
    "system",
    "systems",
    "industries",
    "securities",
    "brothers",
    "partners",
    "holdings",
    "airlines",
    "motors",
    "exchange",
    "reserve",
    "government",
    "embassy",
    "assembly",
    "parliament",
    "community",
    "consortium",
    "reuters",
    "reuter",
    "tass",
    "xinhua",
    "irna",
    "kyodo",
];

/// Lowercase nouns that, right after a capitalised run, name it as an organisation or a
/// publication (`the El Universal newspaper`, `Salomon Brothers unit`).
pub(crate) const ORG_NOUNS: &[&str] = &[
    "newspaper",
    "paper",
    "daily",
    "weekly",
    "magazine",
    "agency",
    "radio",
    "television",
    "company",
    "group",
    "bank",
    "firm",
    "unit",
    "subsidiary",
    "brokerage",
    "government",
    "ministry",
];

/// Lowercase role nouns the shared titles lack that stand before a name like a title
/// (`Economist Wendy Smith Cork`, `analyst Kevin Murphy`) and head a description of a person.
pub(crate) const ROLE_NOUNS: &[&str] = &[
    "analyst",
    "economist",
    "official",
    "trader",
    "dealer",
    "banker",
    "broker",
    "delegate",
    "diplomat",
    "meteorologist",
    "strategist",
    "lawyer",
    "aide",
    "adviser",
    "advisor",
    "negotiator",
    "consultant",
];

/// Heads of descriptions that name a person (`a source close to Reagan`, `one observer`),
/// besides the titles and role nouns: `he` or `she` can point back at them, `it` cannot.
pub(crate) const PERSON_NOUNS: &[&str] = &[
    "source",
    "expert",
    "man",
    "woman",
    "owner",
    "observer",
    "worker",
    "farmer",
    "authority",
    "member",
    "soldier",
    "resident",
    "witness",
    "student",
    "professor",
];

/// True for words that describe rather than name: a determiner and at least one lowercase
/// word (`The minister`, `His lawyer`, `A spokesman for Airbus`, not `The New York Times`).
pub(super) fn is_description(toks: &[Tok]) -> bool {
    toks.first().is_some_and(crate::attribution::is_determiner)
        && toks[1..].iter().any(|t| t.is_word() && !t.is_capitalized())
}

/// True when a description's head (before any preposition) is plural (`members`, `the
/// chairmen`): several people, no antecedent of `he`, `she` or `it`.
pub(super) fn is_plural_head(toks: &[Tok]) -> bool {
    let head = toks
        .iter()
        .position(|t| ["for", "of", "at", "with", "from", "to", "and"].contains(&t.text))
        .map_or(toks.last(), |k| k.checked_sub(1).and_then(|k| toks.get(k)));
    head.is_some_and(|t| {
        let w = t.lower();
        (w.ends_with('s') && !w.ends_with("ss") && w.len() > 3) || w.ends_with("men")
    })
}

/// True when a description's head (its last word, lowercased) names a person (`the USDA
/// official`, `a spokesman for Airbus`): a title, role word or [`PERSON_NOUNS`].
pub(super) fn is_person_head(words: &[Tok]) -> bool {
    // `a spokesman for Airbus`: the head stands before the preposition.
    let head = words
        .iter()
        .position(|t| ["for", "of", "at", "with", "from", "to"].contains(&t.text))
        .map_or(words.last(), |k| {
            k.checked_sub(1).and_then(|k| words.get(k))
        });
    head.is_some_and(|t| {
        let lower = strip_possessive(&t.lower()).to_string();
        is_title_word(&lower) || PERSON_NOUNS.contains(&lower.as_str())
    })
}
