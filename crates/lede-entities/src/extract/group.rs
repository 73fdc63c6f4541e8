//! Merging an article's mentions into entities (same name, known variant, surname, acronym),
//! each with a corpus-wide id from its kind and the slug of its canonical name.

use std::collections::{BTreeMap, HashMap};

use lede_corpus::{ArticleEntity, EntityKind, Span};
use lede_text::fold_for_match;

use super::Mention;
use crate::lexicon::lexicon;
use crate::tag::EntityType;

/// An entity of one article: its mentions merged, with the role kept (the corpus type has no
/// field for it).
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Corpus-wide id: kind and slug of the canonical name (`person:wang-yi`).
    pub id: String,
    /// The canonical name.
    pub name: String,
    /// The entity type.
    pub ty: EntityType,
    /// Other names it goes by in the article (surnames, long forms, tickers).
    pub aliases: Vec<String>,
    /// The first role seen with a person's name.
    pub role: Option<String>,
    /// Where it is mentioned, in text order.
    pub mentions: Vec<Span>,
}

impl Entity {
    /// The corpus form (the role is left out).
    pub fn to_article_entity(&self) -> ArticleEntity {
        ArticleEntity {
            id: self.id.as_str().into(),
            name: self.name.as_str().into(),
            kind: self.ty.kind(),
            aliases: self.aliases.iter().map(|a| a.as_str().into()).collect(),
            mentions: self.mentions.as_slice().into(),
        }
    }
}

/// The corpus-wide id of an entity: its kind and the slug of its name, diacritics folded
/// (`place:sao-paulo`, `organization:opec`).
pub fn entity_id(kind: EntityKind, name: &str) -> String {
    format!("{}:{}", kind.as_str(), slug(name))
}

/// Lowercase ASCII-folded words joined by `-`; apostrophes and dots vanish (`U.S.` -> `us`).
fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in fold_for_match(name).chars() {
        if c == '\'' || c == '.' {
            continue;
        }
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out
}

/// A cluster of mentions while merging.
pub(super) struct Cluster {
    names: Vec<String>,
    forms: Vec<String>,
    types: BTreeMap<EntityType, usize>,
    first_ty: EntityType,
    canonical: Option<String>,
    role: Option<String>,
    mentions: Vec<Span>,
    /// A company: named with a ticker or a suffix such as `Corp`.
    company: bool,
    /// Words in the longest name so far: only mentions that long count in `types`.
    full_words: usize,
}

impl Cluster {
    fn is_person(&self) -> bool {
        self.ty() == EntityType::Per
    }

    /// The majority type of the mentions with the most words (a full name decides over its
    /// lone surname: `Dean Foods Co` over `Dean`); the first such mention's type breaks ties.
    fn ty(&self) -> EntityType {
        let best = self.types.values().copied().max().unwrap_or(0);
        if self.types.get(&self.first_ty) == Some(&best) {
            return self.first_ty;
        }
        self.types
            .iter()
            .find(|(_, &n)| n == best)
            .map_or(self.first_ty, |(t, _)| *t)
    }

    /// Counts a mention of `words` words and type `ty` towards the type.
    fn count_type(&mut self, words: usize, ty: EntityType) {
        if words > self.full_words {
            self.full_words = words;
            self.types.clear();
            self.first_ty = ty;
        }
        if words == self.full_words {
            *self.types.entry(ty).or_default() += 1;
        }
    }

    /// The longest person name, or the first name otherwise (unless fixed by a variant table
    /// or an acronym).
    fn name(&self) -> String {
        if let Some(c) = &self.canonical {
            return c.clone();
        }
        if self.is_person() {
            let mut best = &self.names[0];
            for n in &self.names {
                if n.split_whitespace().count() > best.split_whitespace().count() {
                    best = n;
                }
            }
            return best.clone();
        }
        self.names[0].clone()
    }
}

/// Acronyms the article uses without defining them, spelled by the initials of a longer name
/// it also writes (`SEC` and `Securities and Exchange Commission`, `CIA`): folded long form and
/// folded acronym -> acronym.
fn acronyms_by_initials(mentions: &[Mention]) -> Vec<(String, String)> {
    let variants = &lexicon().variants;
    let mut out = Vec::new();
    for short in mentions {
        if variants.contains_key(&fold_for_match(&short.name)) {
            continue;
        }
        let acr: String = short.name.chars().filter(|c| *c != '.').collect();
        let n = acr.chars().count();
        if short.acronym.is_some()
            || short.ty == EntityType::Per
            || !(2..=6).contains(&n)
            || !acr.chars().all(char::is_uppercase)
        {
            continue;
        }
        let long = mentions.iter().find(|m| {
            m.ty != EntityType::Per
                && m.acronym.is_none()
                && !variants.contains_key(&fold_for_match(&m.name))
                && m.name.split_whitespace().count()
                    == n + m
                        .name
                        .split_whitespace()
                        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
                        .count()
                && name_initials(&m.name) == acr
        });
        if let Some(long) = long {
            out.push((fold_for_match(&long.name), acr.clone()));
            out.push((fold_for_match(&short.name), acr));
        }
    }
    out
}

/// The capitals that start the capitalised words of a name (`Securities and Exchange
/// Commission` -> `SEC`).
fn name_initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// Merges an article's mentions into entities: the same name (or a well-known variant of it),
/// a lone first or last word of an earlier person's name, and an acronym with its long form.
pub fn group(mentions: &[Mention]) -> Vec<Entity> {
    let lx = lexicon();
    // Folded long form or acronym -> acronym.
    let mut acronyms: HashMap<String, String> = mentions
        .iter()
        .filter_map(|m| {
            m.acronym
                .as_ref()
                .map(|a| (fold_for_match(&m.name), a.clone()))
        })
        .collect();
    acronyms.extend(acronyms_by_initials(mentions));
    let mut clusters: Vec<Cluster> = Vec::new();
    for m in mentions {
        let folded = fold_for_match(&m.name);
        let variant = lx.variants.get(&folded).copied();
        let acronym = acronyms.get(&folded).cloned();
        let canonical = acronym.clone().or_else(|| variant.map(|v| v.0.to_string()));
        let key = canonical.as_deref().map_or(folded.clone(), fold_for_match);
        let ty = variant.map_or(m.ty, |v| v.1);
        let single = !m.name.contains(' ');
        let found = clusters
            .iter()
            .position(|c| c.forms.contains(&key) || c.forms.contains(&folded))
            .or_else(|| {
                // `Atmar` after `Haneef Atmar`; `Wang` after `Wang Yi`.
                if !single || canonical.is_some() {
                    return None;
                }
                let mergeable = matches!(m.ty, EntityType::Per | EntityType::Org)
                    || !lx.places.contains_key(&folded);
                // `Rovers` after `Velmora Rovers`, when both are organisations; `Harrow` after
                // `Harrow Freight Corp <HFC.N>` whatever the tagger made of it.
                let org = m.ty == EntityType::Org;
                // A person's surname first (`Tower` of `John Tower`, not `Tower Commission`).
                let surname_of = |c: &Cluster| {
                    c.is_person()
                        && c.names.iter().any(|n| {
                            let words: Vec<&str> = n.split_whitespace().collect();
                            words.len() > 1 && fold_for_match(words[words.len() - 1]) == folded
                        })
                };
                if mergeable {
                    if let Some(i) = clusters.iter().rposition(surname_of) {
                        return Some(i);
                    }
                }
                clusters.iter().rposition(|c| {
                    let company_first = c.company
                        && c.names.iter().any(|n| {
                            n.split_whitespace().next().map(fold_for_match).as_ref()
                                == Some(&folded)
                        });
                    company_first
                        || (mergeable
                            && (c.is_person() || (org && c.ty() == EntityType::Org))
                            && c.names.iter().any(|n| {
                                let words: Vec<String> =
                                    n.split_whitespace().map(fold_for_match).collect();
                                words.len() > 1
                                    && (words[0] == folded || words[words.len() - 1] == folded)
                            }))
                })
            })
            .or_else(|| {
                // `Haneef Atmar` after a lone `Atmar`: the longer name takes the cluster.
                let words: Vec<String> = m.name.split_whitespace().map(fold_for_match).collect();
                if m.ty != EntityType::Per || words.len() < 2 {
                    return None;
                }
                clusters.iter().rposition(|c| {
                    c.is_person()
                        && c.names.iter().all(|n| !n.contains(' '))
                        && c.forms
                            .iter()
                            .any(|f| *f == words[0] || *f == words[words.len() - 1])
                })
            });
        let idx = match found {
            Some(i) => i,
            None => {
                clusters.push(Cluster {
                    names: Vec::new(),
                    forms: Vec::new(),
                    types: BTreeMap::new(),
                    first_ty: ty,
                    canonical: None,
                    role: None,
                    mentions: Vec::new(),
                    company: false,
                    full_words: 0,
                });
                clusters.len() - 1
            }
        };
        let c = &mut clusters[idx];
        if c.canonical.is_none() {
            c.canonical = canonical;
        }
        for n in [Some(m.name.clone()), m.ticker.clone()]
            .into_iter()
            .flatten()
        {
            if !c.names.contains(&n) {
                c.names.push(n);
            }
        }
        for f in [folded, key] {
            if !c.forms.contains(&f) {
                c.forms.push(f);
            }
        }
        if let Some(t) = &m.ticker {
            c.forms.push(fold_for_match(t));
        }
        c.count_type(m.name.split_whitespace().count(), ty);
        if c.role.is_none() {
            c.role = m.role.clone();
        }
        let suffix = m.name.split_whitespace().last().is_some_and(|w| {
            matches!(
                w.to_lowercase().trim_end_matches('.'),
                "inc" | "corp" | "co" | "ltd" | "plc" | "llc" | "corporation" | "company" | "group"
            )
        });
        c.company |= m.ticker.is_some() || (ty == EntityType::Org && suffix);
        c.mentions.push(m.span);
    }
    let mut out: Vec<Entity> = clusters
        .into_iter()
        .map(|c| {
            let ty = c.ty();
            let name = c.name();
            let aliases = c.names.iter().filter(|n| **n != name).cloned().collect();
            let mut mentions = c.mentions.clone();
            mentions.sort_by_key(|s| (s.paragraph, s.start));
            Entity {
                id: entity_id(ty.kind(), &name),
                name,
                ty,
                aliases,
                role: c.role,
                mentions,
            }
        })
        .collect();
    out.sort_by_key(|e| e.mentions.first().map(|s| (s.paragraph, s.start)));
    // Two clusters that end up with one id (a variant written two ways) become one.
    let mut merged: Vec<Entity> = Vec::new();
    for e in out {
        if let Some(prev) = merged.iter_mut().find(|p| p.id == e.id) {
            for a in e.aliases {
                if !prev.aliases.contains(&a) && a != prev.name {
                    prev.aliases.push(a);
                }
            }
            prev.mentions.extend(e.mentions);
            prev.mentions.sort_by_key(|s| (s.paragraph, s.start));
            if prev.role.is_none() {
                prev.role = e.role;
            }
        } else {
            merged.push(e);
        }
    }
    merged
}
