//! The subjects of the reporting verbs anywhere in an article (`Azpurua said`, `Julius
//! Maldutis of Salomon Brothers Inc said`, `the paper said`, `said Kodak`), resolved to a name
//! or kept as a description: the mentions a later `he`, `she` or `it` most likely points at.
//! A pronoun subject (`He said the draft …`) is resolved as it is met and stands for its
//! antecedent from there on.

use lede_corpus::SpeakerKind;
use lede_text::word_lists::PRONOUNS;

use super::genders::{pronoun_gender, Genders};
use super::{is_person_head, named, Mention, Referent};
use crate::attribution::{is_determiner, is_stopword, near_cues, sentence_start, Attribution};
use crate::marks::Piece;
use crate::rank::candidates::outside_pieces;
use crate::tokens::tokenize;

/// The resolved subjects of every reporting verb of `paragraphs` outside the quote `pieces`,
/// in reading order; `names` are the article's full names, which a lone surname expands to
/// when one was met before it. Also returns the genders the pronoun subjects gave the names
/// they resolved to.
pub(super) fn cue_subjects(
    paragraphs: &[String],
    pieces: &[Piece],
    names: &[Mention],
) -> (Vec<Mention>, Genders) {
    let mut out: Vec<Mention> = Vec::new();
    let mut genders = Genders::default();
    for (p, text) in paragraphs.iter().enumerate() {
        for (from, to) in outside_pieces(paragraphs, pieces, p) {
            for a in near_cues(text, from, to) {
                let context = (names, out.as_slice(), &mut genders);
                if let Some(m) = subject(paragraphs, p, (from, to), &a, context) {
                    out.push(m);
                }
            }
        }
    }
    out.sort_by_key(|m| m.at);
    (out, genders)
}

/// The mention the subject of attribution `a` (found in `range` of paragraph `p`) makes,
/// when it is a name, an organisation, a description or a resolvable `he`, `she` or `it`;
/// `context` holds the article's full names, the subjects met so far and the genders known.
fn subject(
    paragraphs: &[String],
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
    let described = is_determiner(first) && !toks[1..].iter().any(|t| t.is_capitalized());
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
    let roles = clause.split_whitespace().count() <= 2
        && clause
            .chars()
            .all(|c| c.is_lowercase() || c.is_whitespace())
        && text[first..].starts_with(char::is_uppercase);
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
