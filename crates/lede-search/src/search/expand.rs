//! Query-term expansion: each positive clause becomes the index terms it reaches in the dictionary
//! (the whole word, typo matches, prefix completions), with the four-letter last resort.

use crate::index::Index;
use crate::query::{Clause, Query};
use crate::typo::{expand, typo_budget};

/// Most typo matches of one query word (fewest typos, then most frequent, first).
const MAX_DERIVATIONS: usize = 128;
/// Most completions of a prefix of three chars or more (the most frequent are kept); the rare
/// ones cost little to read, and a rare word is what a known-item search is after.
const MAX_COMPLETIONS: usize = 4096;
/// Most completions of a prefix of one or two chars (the most frequent are kept).
const MAX_SHORT_PREFIX_COMPLETIONS: usize = 32;
/// Most positive clauses a query uses (the rest are ignored).
const MAX_CLAUSES: usize = 31;

/// One term a query word expands to.
#[derive(Debug, Clone)]
pub(super) struct Derivation {
    pub(super) term: u32,
    /// The folded term (`None` until needed for a completion found as an id range).
    pub(super) text: Option<String>,
    pub(super) typos: u8,
    /// The whole typed word, not a prefix completion.
    pub(super) exact: bool,
}

/// A positive clause ready to run.
pub(super) struct Plan<'q> {
    pub(super) clause: &'q Clause,
    pub(super) derivations: Vec<Derivation>,
    /// For a prefix: the articles of all its completions, summed (an upper bound of the
    /// prefix's document frequency), so that a completion never weighs more than the prefix.
    pub(super) prefix_df: u32,
}

impl Index {
    /// The plans of the query's positive clauses (at most [`MAX_CLAUSES`]); `widen` gives a
    /// four-letter word its one typo.
    pub(super) fn plans<'q>(&self, query: &'q Query, widen: bool) -> Vec<Plan<'q>> {
        query
            .positive()
            .take(MAX_CLAUSES)
            .map(|c| {
                let (derivations, prefix_df) = self.derive(c, widen);
                Plan {
                    derivations,
                    prefix_df,
                    clause: c,
                }
            })
            .collect()
    }

    /// The terms a positive word clause expands to, fewest typos first, then whole words before
    /// completions of a typed prefix, then the most frequent. A phrase expands to its first term
    /// only (the phrase check happens while scoring).
    fn derive(&self, c: &Clause, widen: bool) -> (Vec<Derivation>, u32) {
        let word = &c.terms[0];
        let exact = |t: u32| Derivation {
            term: t,
            text: Some(word.clone()),
            typos: 0,
            exact: true,
        };
        let too_long = word.chars().count() > crate::typo::MAX_FUZZY_CHARS;
        let mut budget = if too_long { 0 } else { typo_budget(word) };
        // A word of four letters gets no typo, unless it is in no article at all: then one
        // (`grop` finds `group`) rather than dropping the word.
        let last_resort = !too_long && last_resort(c);
        if widen && last_resort {
            budget = 1;
        }
        if c.phrase || (budget == 0 && !c.prefix) {
            let found = self.term_id(word);
            if c.phrase || found.is_some() || !last_resort {
                return (found.map(exact).into_iter().collect(), 0);
            }
            budget = 1;
        }
        let mut expansion = expand(&self.terms, word, budget, c.prefix);
        let empty = |e: &crate::typo::Expansion| {
            e.terms.is_empty() && e.completions.is_none_or(|(lo, hi)| lo >= hi)
        };
        if budget == 0 && last_resort && empty(&expansion) {
            expansion = expand(&self.terms, word, 1, c.prefix);
        }
        let mut out: Vec<Derivation> = expansion
            .terms
            .into_iter()
            .map(|(term, key, typos, whole)| Derivation {
                term,
                text: String::from_utf8(key).ok(),
                typos,
                exact: !c.prefix || whole,
            })
            .collect();
        let mut prefix_df = 0u32;
        if let Some((lo, hi)) = expansion.completions {
            prefix_df = self.df[lo as usize..hi as usize]
                .iter()
                .fold(0u32, |a, &d| a.saturating_add(d))
                .min(self.n_docs);
            let whole = self.term_id(word);
            out.extend(whole.map(exact));
            let cap = if word.chars().count() <= 2 {
                MAX_SHORT_PREFIX_COMPLETIONS
            } else {
                MAX_COMPLETIONS
            };
            let mut ids: Vec<u32> = (lo..hi).filter(|&t| Some(t) != whole).collect();
            if ids.len() > cap {
                lede_text::order::select_indices_by(&mut ids, cap - 1, &mut |a, b| {
                    self.df[b as usize].cmp(&self.df[a as usize])
                });
                ids.truncate(cap);
            }
            out.extend(ids.into_iter().map(|term| Derivation {
                term,
                text: None,
                typos: 0,
                exact: false,
            }));
        }
        // Fewest typos first, then exact before not, then the most frequent term.
        lede_text::order::sort_by_key(&mut out, |d| {
            (u64::from(d.typos) << 33)
                | (u64::from(!d.exact) << 32)
                | u64::from(u32::MAX - self.df[d.term as usize])
        });
        out.truncate(MAX_DERIVATIONS + MAX_COMPLETIONS);
        (out, prefix_df)
    }

    /// The folded text of a derivation.
    pub(super) fn text_of(&self, d: &Derivation) -> String {
        match &d.text {
            Some(t) => t.clone(),
            None => self
                .terms
                .key_of(d.term)
                .and_then(|k| std::str::from_utf8(k).ok())
                .map(str::to_owned)
                .unwrap_or_default(),
        }
    }
}

/// Whether a clause is a word of four letters, which gets no typo unless nothing matches without.
pub(super) fn last_resort(c: &Clause) -> bool {
    let word = &c.terms[0];
    !c.phrase && word.chars().count() == 4 && word.chars().all(char::is_alphabetic)
}
