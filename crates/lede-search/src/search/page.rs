//! Result assembly: the hits of the requested page, with the terms each matched, its title
//! ranges and its snippets.

use lede_corpus::Corpus;

use crate::index::Index;
use crate::query::Query;
use crate::snippet::{self, ClauseMatcher};

use super::rank::Cand;
use super::score::Scored;
use super::Hit;

impl Index {
    /// The hits of `page` (ranked candidates), in order.
    pub(super) fn hits(
        &self,
        corpus: &Corpus,
        query: &Query,
        scored: &Scored,
        page: &[Cand],
    ) -> Vec<Hit> {
        let plans = &scored.plans;
        let mut hits = Vec::with_capacity(page.len());
        let mut used: Vec<Vec<Vec<u16>>> = vec![vec![Vec::new(); plans.len()]; page.len()];
        if let Some(a) = &scored.acc {
            let mut order: Vec<(u64, u32)> = (page.iter().enumerate())
                .map(|(i, c)| (u64::from(c.doc), i as u32))
                .collect();
            lede_text::order::sort_keyed(&mut order);
            for &(d, ci, di, _) in &a.seen {
                if let Ok(k) = order.binary_search_by(|p| p.0.cmp(&u64::from(d))) {
                    let list = &mut used[order[k].1 as usize][ci as usize];
                    if !list.contains(&di) {
                        list.push(di);
                    }
                }
            }
        }
        for (c, used) in page.iter().zip(used) {
            let article = &corpus.articles[c.doc as usize];
            let (matchers, matched_terms) = self.matchers(scored, used);
            let snippets = snippet::passages(article, &matchers, query.snippets.min(3));
            let title_ranges = snippet::title_ranges(&article.title, &matchers);
            hits.push(Hit {
                article: c.doc as usize,
                score: c.score,
                words_matched: c.words as usize,
                typos: c.typos,
                matched_terms,
                title_ranges,
                snippets,
            });
        }
        hits
    }
}

impl Index {
    /// The matchers that highlight what the clauses matched in one article (`used`: per clause,
    /// the derivations that reached it), and the folded terms they matched.
    pub(super) fn matchers(
        &self,
        scored: &Scored,
        used: Vec<Vec<u16>>,
    ) -> (Vec<ClauseMatcher>, Vec<String>) {
        let mut matchers = Vec::with_capacity(scored.plans.len());
        let mut matched_terms = Vec::new();
        if scored.acc.is_none() {
            return (matchers, matched_terms);
        }
        for (plan, dis) in scored.plans.iter().zip(used) {
            let terms: Vec<String> = if plan.clause.phrase && !dis.is_empty() {
                plan.clause.terms.clone()
            } else {
                dis.iter()
                    .map(|&di| self.text_of(&plan.derivations[di as usize]))
                    .collect()
            };
            for t in &terms {
                if !matched_terms.contains(t) {
                    matched_terms.push(t.clone());
                }
            }
            matchers.push(if plan.clause.phrase {
                ClauseMatcher::phrase(plan.clause.terms.clone(), plan.clause.scope)
            } else {
                ClauseMatcher::words(terms, plan.clause.scope)
            });
        }
        (matchers, matched_terms)
    }
}
