//! The subjects of the reporting verbs anywhere in an article (`Azpurua said`, `Julius
//! Maldutis of Salomon Brothers Inc said`, `the paper said`, `said Kodak`), resolved to a name
//! or kept as a description: the mentions a later `he`, `she` or `it` most likely points at.
//! A pronoun subject (`He said the draft …`) is resolved as it is met and stands for its
//! antecedent from there on.

use lede_corpus::{Paragraphs, SpeakerKind};
use lede_text::word_lists::PRONOUNS;

use super::genders::{pronoun_gender, Genders};
use super::words::is_person_head;
use super::{named, Mention, Referent};
use crate::attribution::{
    cue_subjects as near_cues, is_cue, is_determiner, is_in, is_stopword, sentence_start,
    Attribution, CLAUSE_WORDS,
};
use crate::marks::Piece;
use crate::rank::candidates::outside_pieces;
use crate::tokens::{tokenize, Tok};

/// The resolved subjects of every reporting verb of `paragraphs` outside the quote `pieces`,
/// in reading order; `names` are the article's full names, which a lone surname expands to
/// when one was met before it. Also returns the genders the pronoun subjects gave the names
/// they resolved to.
pub(super) fn cue_subjects(
    paragraphs: &Paragraphs,
    pieces: &[Piece],
    names: &[Mention],
) -> (Vec<Mention>, Genders) {
    let mut out: Vec<Mention> = Vec::new();
    let mut genders = Genders::default();
    for (p, text) in paragraphs.iter().enumerate() {
        for (from, to) in outside_pieces(paragraphs, pieces, p) {
            for a in near_cues(text, from, to, true) {
                let context = (names, out.as_slice(), &mut genders);
                if let Some(m) = subject(paragraphs, p, (from, to), &a, context) {
                    out.push(m);
                }
            }
        }
    }
    out.extend(sentence_openers(paragraphs, pieces, names));
    out.sort_by_key(|m| m.at);
    (out, genders)
}

/// First words of place names that read like a person's two capitalised words (`Saudi
/// Arabia`, `West Germany`): a name starting with one never opens a sentence as a person.
const PLACE_FIRST_WORDS: &[&str] = &[
    "New", "North", "South", "East", "West", "Saudi", "United", "Hong", "Latin", "Middle",
    "Soviet", "Great", "Sri", "Costa", "Puerto", "El", "Los", "San", "Santa", "Wall",
];

/// The person names that open a sentence outside the quotes, whatever its verb (`Nakasone
/// today called for …`, `John Sculley, Apple chairman, declined …`): main subjects.
fn sentence_openers(paragraphs: &Paragraphs, pieces: &[Piece], names: &[Mention]) -> Vec<Mention> {
    let mut out = Vec::new();
    for (p, text) in paragraphs.iter().enumerate() {
        for (from, to) in outside_pieces(paragraphs, pieces, p) {
            let toks = tokenize(text, from, to);
            for (k, t) in toks.iter().enumerate() {
                // `But Bijan Moussavar-Rahmani of Harvard said`: past one opener.
                let start = |j: usize| j == 0 || is_sentence_end_tok(toks[j - 1].text);
                let opens = start(k) || (k > 0 && is_stopword(&toks[k - 1]) && start(k - 1));
                if !opens || !t.is_capitalized() || is_stopword(t) {
                    continue;
                }
                let at = (p, t.start);
                let full = names.iter().find(|m| m.at == at).or_else(|| {
                    // A lone surname of a full name met before.
                    let lone = toks.get(k + 1).is_none_or(|n| !n.is_capitalized());
                    lone.then(|| expand(names, t.text, at)).flatten()
                });
                let Some(m) = full else { continue };
                if PLACE_FIRST_WORDS.contains(&m.name.split(' ').next().unwrap_or("")) {
                    continue;
                }
                let chain = if m.at == at {
                    Vec::new()
                } else {
                    m.as_chain(paragraphs)
                };
                out.push(Mention {
                    at,
                    end: if m.at == at { m.end } else { t.end },
                    name: m.name.clone(),
                    chain,
                    kind: SpeakerKind::Person,
                    referent: Referent::Person,
                    main: true,
                });
            }
        }
    }
    out
}

/// True for a token that ends a sentence before the next one opens.
fn is_sentence_end_tok(text: &str) -> bool {
    matches!(text, "." | "!" | "?")
}

/// The mention the subject of attribution `a` (found in `range` of paragraph `p`) makes,
/// when it is a name, an organisation, a description or a resolvable `he`, `she` or `it`;
/// `context` holds the article's full names, the subjects met so far and the genders known.
fn subject(
    paragraphs: &Paragraphs,
    p: usize,
    (from, to): (usize, usize),
    a: &Attribution,
    (names, before, genders): (&[Mention], &[Mention], &mut Genders),
) -> Option<Mention> {
    if a.rule.ends_with("colon") {
        return None;
    }
    let text = &paragraphs[p];
    let (start, end) = a.speaker;
    // `Kodak said its sales rose`: words after the cue that run on into a clause are no
    // inverted subject.
    if a.rule == "near:cue-speaker" && tokenize(text, end, to).first().is_some_and(|t| t.is_word())
    {
        return None;
    }
    let words = &text[start..end];
    let toks = tokenize(words, 0, words.len());
    let first = toks.first()?;
    let main = is_main_subject(text, (from, to), a);
    let at = (p, start);
    let mention = |name, chain, kind, referent| Mention {
        at,
        end,
        name,
        chain,
        kind,
        referent,
        main,
    };
    if toks.len() == 1 && PRONOUNS.contains(&first.lower().as_str()) {
        // `He said the draft …`: the pronoun stands for its antecedent from here on.
        let lower = first.lower();
        let want = match lower.as_str() {
            "he" | "she" => Referent::Person,
            "it" => Referent::Thing,
            _ => return None,
        };
        if !main {
            return None;
        }
        let female = pronoun_gender(&lower);
        let ante = before
            .iter()
            .filter(|m| m.main && m.at < at && m.referent != opposite(want))
            .filter(|m| genders.agrees(&m.name, female))
            .max_by_key(|m| m.at)?;
        genders.learn(&ante.name, female);
        let chain = ante.as_chain(paragraphs);
        return Some(mention(ante.name.clone(), chain, ante.kind, want));
    }
    let described = super::words::is_description(&toks);
    if described && super::words::is_plural_head(&toks) {
        // `The chairmen and senior members of the committees`: several people.
        return None;
    }
    let (name, kind, referent, chain) = if first.is_capitalized() && !described {
        let (name, kind) = named(&toks);
        let full = (!name.contains(' ') && kind == SpeakerKind::Person)
            .then(|| expand(names, &name, at))
            .flatten();
        match (kind, full) {
            (_, Some(m)) => (
                m.name.clone(),
                SpeakerKind::Person,
                Referent::Person,
                m.as_chain(paragraphs),
            ),
            (SpeakerKind::Organization, None) => (name, kind, Referent::Thing, Vec::new()),
            // `Analysts said`: several people, no antecedent of `he` or `it`.
            (_, None) if is_plural_role(&name) => return None,
            (_, None) if name.contains(' ') => (name, kind, Referent::Person, Vec::new()),
            (_, None) => (name, kind, Referent::Either, Vec::new()),
        }
    } else if is_determiner(first) {
        let referent = if is_person_head(&toks) {
            Referent::Person
        } else {
            Referent::Thing
        };
        let kind = SpeakerKind::Description;
        (words.to_string(), kind, referent, Vec::new())
    } else {
        return None;
    };
    Some(mention(name, chain, kind, referent))
}

/// True when attribution `a`'s subject is its sentence's main subject: only openers and
/// punctuation stand before it in its sentence (`But Richard Schwarz, who …, said`, `," he
/// said`), or it closes the sentence after a comma (`…, the paper said.`).
fn is_main_subject(text: &str, (from, to): (usize, usize), a: &Attribution) -> bool {
    let first = a.speaker.0.min(a.cue.0);
    let s0 = sentence_start(text, from, first);
    // After an opening phrase and its comma, a lowercase role or two may stand before a name
    // (`Outside the works, steelworker Dagny Roos, 52, said`).
    let lead = &text[s0..first];
    let clause = lead.rfind(',').map_or(lead, |k| &lead[k + 1..]);
    // `Dutch Coffee Roasters' Association secretary Jan de Vries said`: a capitalised run
    // with a role or particle or two inside.
    let lower: Vec<Tok> = tokenize(clause, 0, clause.len())
        .into_iter()
        .filter(|t| t.is_word() && !t.is_capitalized())
        .collect();
    let verb = lower.iter().any(|t| is_cue(t) || is_in(t, CLAUSE_WORDS));
    let roles = lower.len() <= 2 && !verb && text[first..].starts_with(char::is_uppercase);
    let opens = roles
        || tokenize(text, s0, first)
            .iter()
            .all(|t| !t.is_word() || is_stopword(t) || ["and", "but", "so"].contains(&t.text));
    let after_comma = text[s0..first].trim_end().ends_with(',');
    let last = a.speaker.1.max(a.cue.1);
    let closes = tokenize(text, last, to)
        .first()
        .is_none_or(|t| matches!(t.text, "." | "," | ";"));
    opens || (after_comma && closes)
}

/// The referent a pronoun that wants `r` can never point at.
fn opposite(r: Referent) -> Referent {
    match r {
        Referent::Person => Referent::Thing,
        Referent::Thing => Referent::Person,
        Referent::Either => Referent::Either,
    }
}

/// The full name met before `at` whose first or last word `name` is.
fn expand<'m>(names: &'m [Mention], name: &str, at: (usize, usize)) -> Option<&'m Mention> {
    names
        .iter()
        .filter(|m| m.at < at)
        .filter(|m| {
            m.name.split(' ').next() == Some(name) || m.name.rsplit(' ').next() == Some(name)
        })
        .max_by_key(|m| m.at)
}

/// True for a plural role word standing alone (`Analysts`, `Officials`, `Dealers`).
fn is_plural_role(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower
        .strip_suffix('s')
        .is_some_and(|one| super::is_title_word(one) || super::words::PERSON_NOUNS.contains(&one))
}
