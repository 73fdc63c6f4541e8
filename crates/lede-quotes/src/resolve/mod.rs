//! Turns the speaker words found in the text into a name: titles stripped (`Foreign Minister
//! Wang Yi` -> `Wang Yi`), surnames expanded to the full name met earlier (`Wang` -> `Wang Yi`),
//! a person named before an organisation (`Frederick Wolf of the GAO`) kept, pronouns resolved
//! by what they can point at (`he`/`she` to the nearest earlier person who spoke or is the
//! subject of a reporting verb, `it` to the nearest organisation or document that did), and
//! descriptions (`the minister`) to the person the article names with that role, else kept as
//! written.

mod genders;
mod mentions;
mod words;

use lede_corpus::{Paragraphs, SpeakerKind};
use lede_text::word_lists::{NAME_PARTICLES, SUBJECT_PRONOUNS as PRONOUNS, TITLES};

use crate::marks::Piece;
use crate::tokens::{tokenize, Tok};
use genders::{pronoun_gender, Genders};
pub(crate) use words::NOT_PERSON;
use words::{is_description, is_person_head, ORG_NOUNS, ROLE_NOUNS, ROLE_WORDS};

/// What a mention can be pointed back at by: `he`/`she` (a person), `it` (an organisation, a
/// document), or either (a lone capitalised word met with a reporting verb: `Reagan said`,
/// `Kodak said`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Referent {
    Person,
    Thing,
    Either,
}

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
    /// What a pronoun must be to point back at it.
    referent: Referent,
    /// True for the subject of a main clause (it opens its sentence), or a speaker: a later
    /// pronoun points back at these before a subject inside a clause (`when the Soviet leader
    /// insisted`).
    main: bool,
}

impl Mention {
    /// This mention as the first link of a chain, followed by its own chain.
    fn as_chain(&self, paragraphs: &Paragraphs) -> Vec<Link> {
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
    paragraphs: &'a Paragraphs,
    names: Vec<Mention>,
    /// Speakers already resolved to names, at the place their quote stands.
    speakers: Vec<Mention>,
    /// The subjects of reporting verbs anywhere in the text (`Azpurua said`, `the paper
    /// said`), resolved: what a later pronoun most likely points back at.
    subjects: Vec<Mention>,
    /// Capitalised runs that name an organisation (`Bank of Nova Scotia`, `El Universal
    /// newspaper`): what `it` points at when no organisation spoke.
    orgs: Vec<Mention>,
    /// The genders pronouns gave names so far.
    genders: Genders,
    /// Each paragraph's tokens, read once.
    tokens: Vec<Vec<Tok<'a>>>,
}

fn is_title(t: &Tok) -> bool {
    is_title_word(&t.lower())
}

/// True for a lowercased word in [`TITLES`], [`ROLE_WORDS`] or [`ROLE_NOUNS`].
fn is_title_word(lower: &str) -> bool {
    TITLES.contains(&lower) || ROLE_WORDS.contains(&lower) || ROLE_NOUNS.contains(&lower)
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
    if let Some(person) = person_before_connector(toks) {
        let name = strip_possessive(&join(trailing_name(person))).to_string();
        return (name, SpeakerKind::Person);
    }
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

/// The person a phrase names before a preposition that ties them to an organisation
/// (`Frederick Wolf of the GAO`, `Julius Maldutis of Salomon Brothers Inc`): the capitalised
/// run before `of`, `at`, `with`, `from` or `for`, when it is no role (`Minister of Coastal
/// Affairs Bram Ostrander`, `U.S. Secretary of State`) and no organisation (`Bank of
/// England`).
fn person_before_connector<'t>(toks: &'t [Tok<'t>]) -> Option<&'t [Tok<'t>]> {
    let c = toks
        .iter()
        .position(|t| !(t.is_capitalized() || t.text == "." || is_lowercase_particle(t)))?;
    if !["of", "at", "with", "from", "for"].contains(&toks[c].text) || c == 0 {
        return None;
    }
    let lead = &toks[..c];
    let role =
        lead.last().is_some_and(is_title) || lead.iter().all(|t| is_title(t) || t.text == ".");
    let org = lead
        .iter()
        .any(|t| NOT_PERSON.contains(&strip_possessive(&t.lower())));
    (!role && !org && lead.iter().any(|t| t.text.chars().count() > 1)).then_some(lead)
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
    /// Collects the person-like names (two or more capitalised words, no organisation word),
    /// the organisations and, outside the quote `pieces`, the subjects of reporting verbs of
    /// `paragraphs`.
    pub(crate) fn new(paragraphs: &'a Paragraphs, pieces: &[Piece]) -> Self {
        let mut names = Vec::new();
        let mut orgs = Vec::new();
        let tokens: Vec<Vec<Tok<'a>>> = paragraphs
            .iter()
            .map(|text| tokenize(text, 0, text.len()))
            .collect();
        for (p, toks) in tokens.iter().enumerate() {
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
                // `El Universal newspaper`: a noun after the run names it an organisation.
                let org_noun = toks.get(k).is_some_and(|t| ORG_NOUNS.contains(&t.text));
                let org = org_noun
                    || name_toks
                        .iter()
                        .any(|t| NOT_PERSON.contains(&strip_possessive(&t.lower())));
                if org && !tail.is_empty() {
                    let last = &tail[tail.len() - 1];
                    orgs.push(Mention {
                        at: (p, tail[0].start),
                        end: last.end,
                        name: strip_possessive(&join(tail)).to_string(),
                        chain: Vec::new(),
                        kind: SpeakerKind::Organization,
                        referent: Referent::Thing,
                        main: false,
                    });
                }
                if name_toks.len() >= 2 && name_toks.len() <= 4 && !org {
                    let mut name = join(&name_toks);
                    name = strip_possessive(&name).to_string();
                    names.push(Mention {
                        at: (p, name_toks[0].start),
                        end: name_toks[name_toks.len() - 1].end,
                        name,
                        chain: Vec::new(),
                        kind: SpeakerKind::Person,
                        referent: Referent::Person,
                        main: false,
                    });
                }
            }
        }
        let (subjects, genders) = mentions::cue_subjects(paragraphs, pieces, &names);
        let mut resolver = Resolver {
            paragraphs,
            names,
            speakers: Vec::new(),
            subjects,
            orgs,
            genders,
            tokens,
        };
        // `the president said`: a description names the person the article gives that role,
        // or the one its appositive names (`His lawyer, Maud Ferreira-Lindh, said`).
        for k in 0..resolver.subjects.len() {
            let m = &resolver.subjects[k];
            if m.kind != SpeakerKind::Description || m.referent != Referent::Person {
                continue;
            }
            let words = &paragraphs[m.at.0][m.at.1..m.end];
            let toks = tokenize(words, 0, words.len());
            let holder = resolver
                .person_in_appositive(m.at.0, m.end)
                .or_else(|| resolver.describe(&toks, m.at));
            if let Some(holder) = holder {
                let (name, chain) = (holder.name.clone(), holder.as_chain(paragraphs));
                let m = &mut resolver.subjects[k];
                (m.name, m.chain, m.kind) = (name, chain, SpeakerKind::Person);
            }
        }
        resolver
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
        if toks.len() == 1 && crate::attribution::RELATIVES.contains(&toks[0].text) {
            return self.resolve_relative(paragraph, span);
        }
        let pronoun = (toks.len() == 1)
            .then(|| toks[0].lower())
            .filter(|w| PRONOUNS.contains(&w.as_str()));
        let mut resolved = if let Some(pronoun) = &pronoun {
            let female = pronoun_gender(pronoun);
            let antecedent = match pronoun.as_str() {
                "it" => self.nearest_thing(at),
                _ => self.nearest_person(at, female),
            };
            let r = found(antecedent, text.to_string(), None);
            if r.kind.is_some() {
                self.genders.learn(&r.name, female);
            }
            r
        } else if toks.first().is_some_and(Tok::is_capitalized) && !is_description(&toks) {
            let (name, kind) = named(&toks);
            found(self.expand(&name, at), name, Some(kind))
        } else if let Some(run) = last_capitalized_run(&toks).filter(|run| {
            // `an aide to Agriculture Secretary Richard Lyng`, `a spokeswoman for Clinton`:
            // the name is whom the described speaker works for, not the speaker.
            // `an Agriculture Department authority on the USSR` too, past an article.
            let mut before = toks.len() - run.len();
            if before > 0 && ["the", "a", "an"].contains(&toks[before - 1].text) {
                before -= 1;
            }
            let prepositions = [
                "to", "for", "of", "with", "at", "on", "about", "from", "in", "by",
            ];
            !(before > 0 && prepositions.contains(&toks[before - 1].text))
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
        // `Gail Martell, chief meteorologist for E.F. Hutton`, `Wendy Smith Cork of the
        // brokerage Nesbitt Thomson Bongard Inc`: the person named right before the words.
        let unnamed = matches!(
            resolved.kind,
            Some(SpeakerKind::Organization | SpeakerKind::Description)
        ) && resolved.chain.is_empty();
        // `Renske Vallory of the Unity Bloc said`: a capitalised run after `of the` is whom
        // the person before it works for.
        let of_org = resolved.kind == Some(SpeakerKind::Person)
            && resolved.chain.is_empty()
            && self
                .person_right_before(paragraph, span.0)
                .is_some_and(|m| !self.paragraphs[paragraph][m.end..span.0].contains(','));
        if unnamed || of_org {
            let named = self
                .person_right_before(paragraph, span.0)
                .or_else(|| self.person_in_appositive(paragraph, span.1));
            if let Some(m) = named {
                resolved = found(Some(m), String::new(), None);
            }
        }
        if resolved.kind.is_none() {
            // A pronoun that found no antecedent names no one a later pronoun could take.
            return resolved;
        }
        let referent = match (resolved.kind, pronoun.as_deref()) {
            (Some(SpeakerKind::Person), _) if !resolved.name.contains(' ') => Referent::Either,
            (Some(SpeakerKind::Person), _) => Referent::Person,
            (Some(SpeakerKind::Organization), _) => Referent::Thing,
            (Some(SpeakerKind::Description), _) if is_person_head(&toks) => Referent::Person,
            (Some(SpeakerKind::Description), _) => Referent::Thing,
            (None, _) => Referent::Either,
        };
        self.speakers.push(Mention {
            at,
            end: span.1,
            name: resolved.name.clone(),
            chain: resolved.chain.clone(),
            kind: resolved.kind.unwrap_or(SpeakerKind::Person),
            referent,
            main: true,
        });
        resolved
    }

    /// A relative pronoun (`Mike Lee, who declared`, `a sign that read`) resolved through the
    /// phrase it follows in its sentence; none (kind none, the pronoun as written) when no
    /// phrase stands there.
    fn resolve_relative(&mut self, paragraph: usize, span: (usize, usize)) -> Resolved {
        let text = &self.paragraphs[paragraph];
        let s0 = crate::attribution::sentence_start(text, 0, span.0);
        let toks = tokenize(text, s0, span.0);
        let end = toks.len() - usize::from(toks.last().is_some_and(|t| t.text == ","));
        let phrase = crate::attribution::np_backward(&toks, end)
            .filter(|np| !crate::attribution::RELATIVES.contains(&toks[np.0].text))
            .map(|np| (toks[np.0].start, toks[np.1 - 1].end));
        let Some(phrase) = phrase else {
            return Resolved {
                name: text[span.0..span.1].to_string(),
                chain: Vec::new(),
                kind: None,
            };
        };
        let inner = self.resolve(paragraph, phrase);
        let mut chain = vec![Link {
            paragraph,
            span: phrase,
            text: text[phrase.0..phrase.1].to_string(),
        }];
        chain.extend(inner.chain);
        Resolved {
            name: inner.name,
            chain,
            kind: inner.kind,
        }
    }

    /// The person named between commas right after byte `end` of `paragraph` (`His lawyer,
    /// Maud Ferreira-Lindh, said`).
    fn person_in_appositive(&self, paragraph: usize, end: usize) -> Option<&Mention> {
        let text = &self.paragraphs[paragraph];
        self.names.iter().find(|m| {
            m.at.0 == paragraph
                && m.at.1 >= end
                && text[end..m.at.1].trim() == ","
                && text[m.end..].trim_start().starts_with(',')
        })
    }

    /// The person named in `paragraph` right before byte `at`, joined to the words there by a
    /// comma (an appositive) or a preposition and a few lowercase words (`of the brokerage`).
    fn person_right_before(&self, paragraph: usize, at: usize) -> Option<&Mention> {
        let text = &self.paragraphs[paragraph];
        let m = self
            .names
            .iter()
            .filter(|m| m.at.0 == paragraph && m.end <= at && at - m.end <= 40)
            .max_by_key(|m| m.end)?;
        let between = text.get(m.end..at)?.trim();
        let words: Vec<&str> = between.split_whitespace().collect();
        let joined = between == ","
            || (words.len() <= 3
                && words
                    .first()
                    .is_some_and(|w| ["of", "at", "with", "from", "for"].contains(w))
                && words
                    .iter()
                    .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-')));
        joined.then_some(m)
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

    /// The nearest person before `at` who spoke or is the subject of a reporting verb (a
    /// person, a lone capitalised word, a description of a person), or the last name in the
    /// text when that is more than two paragraphs nearer.
    fn nearest_person(&self, at: (usize, usize), female: Option<bool>) -> Option<&Mention> {
        let person = |m: &&Mention| {
            m.at < at && m.referent != Referent::Thing && self.genders.agrees(&m.name, female)
        };
        let speaker = self
            .speakers
            .iter()
            .chain(&self.subjects)
            .filter(|m| m.main)
            .filter(person)
            .max_by_key(|m| m.at)
            .or_else(|| self.subjects.iter().filter(person).max_by_key(|m| m.at));
        let named = self
            .names
            .iter()
            .filter(|m| m.at < at && self.genders.agrees(&m.name, female))
            .max_by_key(|m| m.at);
        // `Roy Green, president of …, estimated … which he said`: the name that opens the
        // pronoun's own sentence.
        let text = &self.paragraphs[at.0];
        let s0 = crate::attribution::sentence_start(text, 0, at.1);
        let opener = self.names.iter().find(|m| {
            m.at.0 == at.0
                && self.genders.agrees(&m.name, female)
                && (s0..at.1).contains(&m.at.1)
                && !text[s0..m.at.1].chars().any(char::is_lowercase)
        });
        if opener.is_some() {
            return opener;
        }
        match (speaker, named) {
            (Some(s), Some(n)) if n.at > s.at && n.at.0 > s.at.0 + 2 => Some(n),
            (Some(s), _) => Some(s),
            (None, Some(n)) => Some(n),
            (None, None) => None,
        }
    }

    /// The nearest organisation or document before `at` that spoke or is the subject of a
    /// reporting verb (`the paper said`, `Kodak said`), else the nearest organisation named in
    /// the same or the previous paragraph; none when there is none (`it` is never a person).
    fn nearest_thing(&self, at: (usize, usize)) -> Option<&Mention> {
        let thing = |m: &&Mention| m.at < at && m.referent != Referent::Person;
        self.speakers
            .iter()
            .chain(&self.subjects)
            .filter(|m| m.main)
            .filter(thing)
            .max_by_key(|m| m.at)
            .or_else(|| self.subjects.iter().filter(thing).max_by_key(|m| m.at))
            .or_else(|| {
                self.orgs
                    .iter()
                    .filter(|m| m.at < at && m.at.0 + 1 >= at.0)
                    .max_by_key(|m| m.at)
            })
    }

    /// The person the article names with the role a description uses (`the minister` ->
    /// the name after `Minister` or before `, the … minister`).
    fn describe(&self, toks: &[Tok], at: (usize, usize)) -> Option<&Mention> {
        let head = toks.last()?.lower();
        // `Another USDA official`, `a spokesman`: an indefinite description is someone new.
        let indefinite = toks.first().is_some_and(|t| {
            ["a", "an", "another", "one", "some", "several"].contains(&t.lower().as_str())
        });
        if !is_title_word(&head) || indefinite {
            return None;
        }
        for (p, ptoks) in self.tokens.iter().enumerate().take(at.0 + 1).rev() {
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

#[cfg(test)]
mod tests;
