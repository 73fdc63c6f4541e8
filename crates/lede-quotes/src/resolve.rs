//! Turns the speaker words found in the text into a name: titles stripped (`Foreign Minister
//! Wang Yi` -> `Wang Yi`), surnames expanded to the full name met earlier (`Wang` -> `Wang Yi`),
//! pronouns resolved to the nearest earlier person, and descriptions (`the minister`) to the
//! person the article names with that role, else kept as written.

use lede_corpus::SpeakerKind;
use lede_text::word_lists::{NAME_PARTICLES, SUBJECT_PRONOUNS as PRONOUNS, TITLES};

use crate::tokens::{tokenize, Tok};

/// Words that stand before a speaker's name and are not part of it, besides the shared
/// [`TITLES`]: role modifiers (`foreign`, `prime`), offices and parties (`house`, `gop`),
/// roles the shared list lacks (`candidate`, `dean`) and abbreviations as this crate's
/// tokenizer reads them, without their dot (`sen`, `rev`).
const ROLE_WORDS: &[&str] = &[
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
];

/// A person-like name mentioned in the article, at (paragraph, byte), or a speaker already
/// resolved, with the chain it was resolved through.
#[derive(Debug, Clone)]
struct Mention {
    at: (usize, usize),
    /// One past its last byte in paragraph `at.0`.
    end: usize,
    name: String,
    /// The mentions it was resolved through, nearest first.
    chain: Vec<Link>,
    kind: SpeakerKind,
}

impl Mention {
    /// This mention as the first link of a chain, followed by its own chain.
    fn as_chain(&self, paragraphs: &[String]) -> Vec<Link> {
        let mut chain = vec![Link {
            paragraph: self.at.0,
            span: (self.at.1, self.end),
            text: paragraphs[self.at.0][self.at.1..self.end].to_string(),
        }];
        chain.extend(self.chain.iter().cloned());
        chain
    }
}

/// One mention of a resolution chain, in byte offsets of its paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link {
    /// The paragraph it stands in.
    pub paragraph: usize,
    /// Its byte range there.
    pub span: (usize, usize),
    /// Its words as written.
    pub text: String,
}

/// What the resolver made of a speaker's words.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolved {
    /// The name, or the words as written when they name no one.
    pub name: String,
    /// The mentions followed to the name, nearest first.
    pub chain: Vec<Link>,
    /// Person, organisation or description; none for a pronoun that found no antecedent.
    pub kind: Option<SpeakerKind>,
}

/// What the resolver knows about an article: its names in reading order.
pub struct Resolver<'a> {
    paragraphs: &'a [String],
    names: Vec<Mention>,
    /// Speakers already resolved to names, at the place their quote stands.
    speakers: Vec<Mention>,
}

fn is_title(t: &Tok) -> bool {
    is_title_word(&t.lower())
}

/// True for a lowercased word in [`TITLES`] or [`ROLE_WORDS`].
fn is_title_word(lower: &str) -> bool {
    TITLES.contains(&lower) || ROLE_WORDS.contains(&lower)
}

/// True for a particle of a personal name as written (`de`, `van`: [`NAME_PARTICLES`]).
fn is_lowercase_particle(t: &Tok) -> bool {
    NAME_PARTICLES.contains(&t.text)
}

/// Strips leading titles from a run of tokens; returns the name tokens.
fn strip_titles<'t>(toks: &'t [Tok<'t>]) -> &'t [Tok<'t>] {
    let mut i = 0;
    while i + 1 < toks.len() && (is_title(&toks[i]) || toks[i].text == ".") {
        i += 1;
    }
    &toks[i..]
}

/// The last run of capitalised words in `toks`, when the phrase ends with it.
fn last_capitalized_run<'t>(toks: &'t [Tok<'t>]) -> Option<&'t [Tok<'t>]> {
    let end = toks.len();
    let mut start = end;
    while start > 0 && (toks[start - 1].is_capitalized() || toks[start - 1].text == ".") {
        start -= 1;
    }
    (start < end && toks[start].is_capitalized()).then(|| &toks[start..end])
}

/// The name at the end of a capitalised run: the words after the last title, organisation
/// word or lowercase word (`Minister of Coastal Affairs Bram Ostrander` -> `Bram Ostrander`);
/// the run without leading titles when every word is one.
fn trailing_name<'t>(toks: &'t [Tok<'t>]) -> &'t [Tok<'t>] {
    let mut start = toks.len();
    while start > 0 {
        let t = &toks[start - 1];
        let lower = strip_possessive(&t.lower()).to_string();
        let stop = (is_title(t) && t.text != ".")
            || NOT_PERSON.contains(&lower.as_str())
            || !(t.is_capitalized() || t.text == "." || is_lowercase_particle(t));
        if stop {
            break;
        }
        start -= 1;
    }
    // The dot of an abbreviated title (`Arkansas Gov. Mike Huckabee`) is not the name's.
    while start < toks.len() && toks[start].text == "." {
        start += 1;
    }
    if start < toks.len() && toks[start].is_capitalized() {
        &toks[start..]
    } else {
        strip_titles(toks)
    }
}

/// The name in a capitalised run and its kind: an organisation, named by the whole run, when
/// the run ends with an organisation word ([`NOT_PERSON`]: `Interior Ministry`, `The New York
/// Times`); else a person, named by the words after the titles (`White House spokesman Josh
/// Earnest` -> `Josh Earnest`).
fn named(toks: &[Tok]) -> (String, SpeakerKind) {
    let org = toks
        .last()
        .is_some_and(|t| NOT_PERSON.contains(&strip_possessive(&t.lower())));
    if org {
        let name = strip_possessive(&join(toks)).to_string();
        (name, SpeakerKind::Organization)
    } else {
        let name = strip_possessive(&join(trailing_name(toks))).to_string();
        (name, SpeakerKind::Person)
    }
}

fn join(toks: &[Tok]) -> String {
    let mut out = String::new();
    for (k, t) in toks.iter().enumerate() {
        if k > 0 && t.text != "." {
            out.push(' ');
        }
        out.push_str(t.text);
    }
    out
}

/// Drops a trailing possessive (`Wang’s` -> `Wang`).
fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .unwrap_or(s)
}

impl<'a> Resolver<'a> {
    /// Collects the person-like names (two or more capitalised words, no organisation word)
    /// of `paragraphs`.
    pub fn new(paragraphs: &'a [String]) -> Self {
        let mut names = Vec::new();
        for (p, text) in paragraphs.iter().enumerate() {
            let toks = tokenize(text, 0, text.len());
            let mut k = 0;
            while k < toks.len() {
                if !toks[k].is_capitalized() {
                    k += 1;
                    continue;
                }
                let start = k;
                while k < toks.len()
                    && (toks[k].is_capitalized()
                        || (is_lowercase_particle(&toks[k])
                            && toks.get(k + 1).is_some_and(Tok::is_capitalized)))
                {
                    k += 1;
                }
                let run = &toks[start..k];
                // `China’s Foreign Minister Wang Yi`: a possessive ends what comes before.
                let after_possessive = run
                    .iter()
                    .rposition(|t| strip_possessive(t.text).len() < t.text.len())
                    .map_or(0, |i| i + 1);
                let tail = &run[after_possessive.min(run.len())..];
                let name_toks: Vec<Tok> = trailing_name(tail)
                    .iter()
                    .filter(|t| !crate::attribution::is_stopword(t))
                    .copied()
                    .collect();
                let org = name_toks
                    .iter()
                    .any(|t| NOT_PERSON.contains(&strip_possessive(&t.lower())));
                if name_toks.len() >= 2 && name_toks.len() <= 4 && !org {
                    let mut name = join(&name_toks);
                    name = strip_possessive(&name).to_string();
                    names.push(Mention {
                        at: (p, name_toks[0].start),
                        end: name_toks[name_toks.len() - 1].end,
                        name,
                        chain: Vec::new(),
                        kind: SpeakerKind::Person,
                    });
                }
            }
        }
        Resolver {
            paragraphs,
            names,
            speakers: Vec::new(),
        }
    }

    /// The name for the speaker words at `span` of `paragraph`, with the chain followed and
    /// the kind of speaker.
    pub fn resolve(&mut self, paragraph: usize, span: (usize, usize)) -> Resolved {
        let text = &self.paragraphs[paragraph][span.0..span.1];
        let at = (paragraph, span.0);
        let toks = tokenize(text, 0, text.len());
        let found = |m: Option<&Mention>, fallback: String, kind| match m {
            Some(m) => Resolved {
                name: m.name.clone(),
                chain: m.as_chain(self.paragraphs),
                kind: Some(m.kind),
            },
            None => Resolved {
                name: fallback,
                chain: Vec::new(),
                kind,
            },
        };
        let resolved = if toks.len() == 1 && PRONOUNS.contains(&toks[0].lower().as_str()) {
            found(self.nearest_person(at), text.to_string(), None)
        } else if toks.first().is_some_and(|t| t.is_capitalized()) {
            let (name, kind) = named(&toks);
            found(self.expand(&name, at), name, Some(kind))
        } else if let Some(run) = last_capitalized_run(&toks).filter(|run| {
            // `an aide to Agriculture Secretary Richard Lyng`, `a spokeswoman for Clinton`:
            // the name is whom the described speaker works for, not the speaker.
            let before = toks.len() - run.len();
            !(before > 0 && ["to", "for", "of", "with", "at"].contains(&toks[before - 1].text))
        }) {
            // `councillor Ansel Tromp`, `Clinton campaign spokesman Brian Fallon`, `the
            // Interior Ministry`.
            let (name, kind) = named(run);
            found(self.expand(&name, at), name, Some(kind))
        } else {
            found(
                self.describe(&toks, at),
                text.to_string(),
                Some(SpeakerKind::Description),
            )
        };
        self.speakers.push(Mention {
            at,
            end: span.1,
            name: resolved.name.clone(),
            chain: resolved.chain.clone(),
            kind: resolved.kind.unwrap_or(SpeakerKind::Person),
        });
        resolved
    }

    /// The full name met before `at` that `name` is the surname or first name of.
    fn expand(&self, name: &str, at: (usize, usize)) -> Option<&Mention> {
        if name.contains(' ') {
            return None;
        }
        self.names
            .iter()
            .chain(&self.speakers)
            .filter(|m| m.at < at || m.at.0 <= at.0)
            .filter(|m| {
                let mut words = m.name.split(' ');
                let first = words.next();
                let last = m.name.rsplit(' ').next();
                m.name != name && (first == Some(name) || last == Some(name))
            })
            .max_by_key(|m| m.at)
    }

    /// The nearest person before `at`: the last speaker, or the last name in the text.
    fn nearest_person(&self, at: (usize, usize)) -> Option<&Mention> {
        let speaker = self
            .speakers
            .iter()
            .filter(|m| m.at < at && m.name.chars().next().is_some_and(char::is_uppercase))
            .filter(|m| m.kind == SpeakerKind::Person)
            .max_by_key(|m| m.at);
        let named = self.names.iter().filter(|m| m.at < at).max_by_key(|m| m.at);
        match (speaker, named) {
            (Some(s), Some(n)) if n.at > s.at && n.at.0 > s.at.0 + 2 => Some(n),
            (Some(s), _) => Some(s),
            (None, Some(n)) => Some(n),
            (None, None) => None,
        }
    }

    /// The person the article names with the role a description uses (`the minister` ->
    /// the name after `Minister` or before `, the … minister`).
    fn describe(&self, toks: &[Tok], at: (usize, usize)) -> Option<&Mention> {
        let head = toks.last()?.lower();
        if !is_title_word(&head) {
            return None;
        }
        for (p, text) in self.paragraphs.iter().enumerate().take(at.0 + 1).rev() {
            let ptoks = tokenize(text, 0, text.len());
            for k in (0..ptoks.len()).rev() {
                if (p, ptoks[k].start) >= at || ptoks[k].lower() != head {
                    continue;
                }
                // `Minister Wang Yi`: the name follows the role.
                if let Some(m) = self
                    .names
                    .iter()
                    .find(|m| m.at.0 == p && m.at.1 > ptoks[k].start && m.at.1 <= ptoks[k].end + 24)
                {
                    return Some(m);
                }
                // `Wang Yi, the foreign minister`: the name precedes the role.
                if let Some(m) = self
                    .names
                    .iter()
                    .filter(|m| {
                        m.at.0 == p && m.at.1 < ptoks[k].start && ptoks[k].start - m.at.1 < 48
                    })
                    .max_by_key(|m| m.at)
                {
                    return Some(m);
                }
            }
        }
        None
    }
}
