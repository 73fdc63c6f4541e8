//! Repairs of what the tagger splits or types wrongly: one name cut at `and` or `of` (`Belt` +
//! `Road`, `Bank` + `England`) is joined again, demonyms and religions (`Muslim`, `Afghan`)
//! and named storms (`Storm Ilka`) are no people, a "person" whose name ends in an
//! organisation's word (`Brennick Athletic`, `Dean Foods Co`) is an organisation, and one in
//! apposition to a place noun (`the island, Skerra Mor`) is a place.

use lede_text::fold_for_match;

use super::para::{is_cap, is_title, lower, words, Para, Raw};
use crate::lexicon::{contains, lexicon, COMPANY_HEADS, DEMONYMS, LOC_CUES, ORG_CUES, STORM_WORDS};
use crate::tag::EntityType;
use crate::tokenize::TokenKind;

/// True for a token (lowercased, a final dot dropped) that ends an organisation's name.
fn is_org_cue(l: &str) -> bool {
    contains(ORG_CUES, l.trim_end_matches('.'))
}

/// True when the mention's tokens name a place of the gazetteer or a well-known variant.
fn is_known_place_or_variant(para: &Para, a: usize, b: usize) -> bool {
    let toks: Vec<&str> = para.toks[a..b].iter().map(|t| t.text.as_str()).collect();
    let key = crate::lexicon::key(&toks);
    let lx = lexicon();
    lx.places.contains_key(&key) || lx.variants.contains_key(&key)
}

/// Joins the pieces of one name that the tagger cut at a connector: `Belt and Road` (a single
/// word and a short name of another type, or one ending in an organisation's word as in
/// `Belt and Road Initiative`: one name, an organisation when it ends in one's word, otherwise
/// of kind "other"), and `Bank of England` (a capitalised organisation word
/// before `of` and a tagged place or organisation after it).
pub(super) fn join_split_names(paras: &[Para], raws: &mut Vec<Raw>) {
    raws.sort_by_key(|r| (r.p, r.a, r.b));
    let mut out: Vec<Raw> = Vec::with_capacity(raws.len());
    for r in raws.drain(..) {
        let para = &paras[r.p];
        let toks = &para.toks;
        if let Some(prev) = out.last_mut() {
            let gap = prev.p == r.p && prev.b + 1 == r.a;
            let joiner = if gap {
                lower(&toks[prev.b])
            } else {
                String::new()
            };
            let and = matches!(joiner.as_str(), "and" | "&")
                && prev.b - prev.a == 1
                && r.b - r.a <= 3
                && (prev.ty != r.ty || (r.b - r.a >= 2 && is_org_cue(&lower(&toks[r.b - 1]))))
                && prev.ty != EntityType::Per
                && r.ty != EntityType::Per
                && !is_known_place_or_variant(para, prev.a, prev.b)
                && !is_known_place_or_variant(para, r.a, r.b);
            let of = joiner == "of"
                && (prev.ty == EntityType::Org || is_org_cue(&lower(&toks[prev.b - 1])))
                && matches!(r.ty, EntityType::Loc | EntityType::Org);
            if and || of {
                let org = of || is_org_cue(&lower(&toks[r.b - 1]));
                prev.b = r.b;
                prev.ty = if org {
                    EntityType::Org
                } else {
                    EntityType::Misc
                };
                prev.acronym = None;
                continue;
            }
        }
        // An untagged organisation word before `of` and a tagged place: `Bank of England`.
        let mut r = r;
        if matches!(r.ty, EntityType::Loc | EntityType::Org)
            && r.a >= 2
            && lower(&toks[r.a - 1]) == "of"
            && is_cap(&toks[r.a - 2])
            && is_org_cue(&lower(&toks[r.a - 2]))
            && out
                .last()
                .is_none_or(|prev| prev.p != r.p || prev.b < r.a - 1)
        {
            let mut a = r.a - 2;
            while a > 0
                && toks[a - 1].kind == TokenKind::Word
                && is_cap(&toks[a - 1])
                && !super::para::starts_sentence(para, a)
                && out.last().is_none_or(|prev| prev.p != r.p || prev.b < a)
            {
                a -= 1;
            }
            r.a = a;
            r.ty = EntityType::Org;
            r.acronym = None;
        }
        out.push(r);
    }
    *raws = out;
}

/// True when every word of the mention is a demonym or a religion (`Muslim`, `Sunni
/// Muslims`, `Southeast Asian`), a compass word allowed before the last.
fn is_demonym_phrase(para: &Para, a: usize, b: usize) -> bool {
    let words: Vec<String> = para.toks[a..b]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| fold_for_match(&t.text))
        .collect();
    let demonym = |w: &str| {
        contains(DEMONYMS, w) || w.strip_suffix('s').is_some_and(|s| contains(DEMONYMS, s))
    };
    let compass = |w: &str| {
        matches!(
            w,
            "north"
                | "south"
                | "east"
                | "west"
                | "northeast"
                | "northwest"
                | "southeast"
                | "southwest"
                | "central"
        )
    };
    match words.split_last() {
        Some((last, rest)) => demonym(last) && rest.iter().all(|w| demonym(w) || compass(w)),
        None => false,
    }
}

/// True for a token (lowercased) that ends a company's name by its trade (`Steelworks`).
fn is_company_head(l: &str) -> bool {
    contains(COMPANY_HEADS, l)
}

/// True for a named storm: a storm word and a capitalised name (`Storm Ilka`, `Tropical Storm
/// Ana`, `Hurricane Katrina`).
fn is_named_storm(para: &Para, a: usize, b: usize) -> bool {
    let toks = &para.toks[a..b];
    let at = usize::from(toks.first().is_some_and(|t| lower(t) == "tropical"));
    toks.len() >= at + 2
        && contains(STORM_WORDS, &lower(&toks[at]))
        && toks[at + 1..]
            .iter()
            .all(|t| t.kind == TokenKind::Word && is_cap(t))
}

/// True when a place noun stands right before the mention in apposition (`the largest island,
/// Skerra Mor`) or before `of` (`the town of Velmora`).
fn follows_place_noun(para: &Para, a: usize) -> bool {
    let toks = &para.toks;
    a >= 2
        && matches!(toks[a - 1].text.as_str(), "," | "of")
        && toks[a - 2].kind == TokenKind::Word
        && !is_cap(&toks[a - 2])
        && contains(LOC_CUES, &lower(&toks[a - 2]))
}

/// Gives mentions the kind their words show: demonyms and religions are "other" (never a
/// person, organisation or place), so are named storms (`Storm Ilka`: an event); a person's
/// name ending in an organisation's or a trade's word (`Athletic`, `Co`, `Freight`,
/// `Steelworks`) is an organisation, and one in apposition to a place noun (`the island,
/// Skerra Mor`) a place.
pub(super) fn retype(paras: &[Para], raws: &mut [Raw]) {
    // `storms of Ilka’s strength`: the storm's name alone is the storm too.
    let storms: Vec<String> = raws
        .iter()
        .filter(|r| is_named_storm(&paras[r.p], r.a, r.b))
        .map(|r| paras[r.p].toks[r.b - 1].text.clone())
        .collect();
    for r in raws.iter_mut() {
        let para = &paras[r.p];
        if r.b == r.a + 1 && storms.contains(&para.toks[r.a].text) {
            r.ty = EntityType::Misc;
            r.role = None;
            continue;
        }
        let para = &paras[r.p];
        if is_demonym_phrase(para, r.a, r.b) || is_named_storm(para, r.a, r.b) {
            r.ty = EntityType::Misc;
            r.role = None;
        } else if r.ty == EntityType::Per && r.role.is_none() && follows_place_noun(para, r.a) {
            r.ty = EntityType::Loc;
        } else if r.ty == EntityType::Per
            && r.b - r.a >= 2
            && r.role.is_none()
            && (is_org_cue(&lower(&para.toks[r.b - 1]))
                || is_company_head(&lower(&para.toks[r.b - 1])))
        {
            r.ty = EntityType::Org;
        }
    }
}

/// Job words that stand before a person's name like a title, beyond the shared titles.
const JOB_WORDS: &[&str] = &[
    "adviser",
    "advisor",
    "director",
    "chief",
    "executive",
    "officer",
    "head",
    "leader",
    "spokesman",
    "spokeswoman",
    "chair",
    "chairwoman",
    "economist",
    "analyst",
    "correspondent",
];

/// True when the token is a title or a job word (`Adviser`, `Justice`).
fn is_title_or_job(t: &crate::tokenize::Token) -> bool {
    is_title(t) || contains(JOB_WORDS, &lower(t))
}

/// Titles left inside a name the tagger did not make a person: `National Security Adviser
/// Brent Scowcroft` (a title and then a first name: the person, with the words before as the
/// role) and `Manhattan Supreme Court Justice` before `Frank Nervo` (a title at the end: cut).
pub(super) fn split_titles_out(paras: &[Para], raws: &mut [Raw]) {
    let lx = lexicon();
    for r in raws.iter_mut().filter(|r| r.ty != EntityType::Per) {
        let para = &paras[r.p];
        let toks = &para.toks;
        let first_name = |k: usize| lx.first_names.contains(&fold_for_match(&toks[k].text));
        let person_at = (r.a + 1..r.b.saturating_sub(1))
            .find(|&k| is_title_or_job(&toks[k - 1]) && first_name(k) && is_cap(&toks[k + 1]));
        if let Some(k) = person_at {
            r.role = Some(words(para, r.a, k));
            r.a = k;
            r.ty = EntityType::Per;
            r.acronym = None;
            continue;
        }
        let next_is_name = toks
            .get(r.b)
            .is_some_and(|t| t.kind == TokenKind::Word && is_cap(t));
        if r.b - r.a >= 2 && is_title_or_job(&toks[r.b - 1]) && next_is_name {
            r.b -= 1;
        }
    }
}
