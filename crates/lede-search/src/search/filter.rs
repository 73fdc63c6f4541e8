//! Filters: the articles a query's entity, speaker, kind, source and date filters keep, minus
//! those holding a negated clause.

use lede_corpus::Corpus;

use crate::dates::DayRange;
use crate::index::{kind_index, Index};
use crate::query::{Clause, Query};

use super::score::scope_mask;

impl Index {
    /// Articles the query may return: passing its filters and holding none of its negated
    /// clauses (`None`: every article).
    pub(super) fn keep(&self, query: &Query) -> Option<Vec<bool>> {
        let n = self.n_docs as usize;
        let mut keep = self.filter(query);
        for c in query.clauses.iter().filter(|c| c.negated) {
            let keep = keep.get_or_insert_with(|| vec![true; n]);
            for d in self.exact_docs(c) {
                keep[d as usize] = false;
            }
        }
        keep
    }

    /// `keep` narrowed to the articles that quote every speaker of the query's `speakers` (read
    /// from the corpus: a quotation's speaker linked to that entity id).
    pub(super) fn keep_speakers(
        corpus: &Corpus,
        query: &Query,
        keep: Option<Vec<bool>>,
    ) -> Option<Vec<bool>> {
        if query.speakers.is_empty() {
            return keep;
        }
        let mut keep = keep.unwrap_or_else(|| vec![true; corpus.articles.len()]);
        for (k, article) in keep.iter_mut().zip(&corpus.articles) {
            *k = *k
                && query.speakers.iter().all(|id| {
                    article.quotes.iter().any(|q| {
                        q.speaker
                            .as_ref()
                            .and_then(|s| s.entity.as_deref())
                            .is_some_and(|e| e == id)
                    })
                });
        }
        Some(keep)
    }

    /// Articles passing the query's filters (`None`: no filter).
    fn filter(&self, q: &Query) -> Option<Vec<bool>> {
        if q.unfiltered() {
            return None;
        }
        let n = self.n_docs as usize;
        let mut entities = Vec::new();
        for id in &q.entities {
            match self.entity_lookup.get(&self.entity_ids, id) {
                Some(e) => entities.push(e),
                None => return Some(vec![false; n]),
            }
        }
        let kinds: u8 = q.kinds.iter().fold(0, |m, &k| m | 1 << kind_index(k));
        let sources: Vec<u32> = q
            .sources
            .iter()
            .filter_map(|s| self.sources.iter().position(|x| x == s))
            .map(|i| i as u32)
            .collect();
        if !q.sources.is_empty() && sources.is_empty() {
            return Some(vec![false; n]);
        }
        let from = q.date_from.as_deref().and_then(DayRange::parse);
        let to = q.date_to.as_deref().and_then(DayRange::parse);
        let range = (from.is_some() || to.is_some()).then(|| DayRange {
            lo: from.map_or(i32::MIN, |r| r.lo),
            hi: to.map_or(i32::MAX, |r| r.hi),
            year: 0,
        });
        Some(
            (0..self.n_docs)
                .map(|d| {
                    let i = d as usize;
                    let ents = self.doc_entities(d);
                    entities.iter().all(|e| ents.binary_search(e).is_ok())
                        && (kinds == 0 || self.doc_kinds[i] & kinds != 0)
                        && (sources.is_empty() || sources.contains(&self.doc_source[i]))
                        && range.is_none_or(|r| self.dates[i].is_some_and(|x| x.overlaps(&r)))
                })
                .collect(),
        )
    }

    /// Articles containing a negated clause exactly (word or phrase) in its scope.
    fn exact_docs(&self, c: &Clause) -> Vec<u32> {
        let mask = scope_mask(c.scope);
        if c.terms.len() == 1 {
            return match self.term_id(&c.terms[0]) {
                Some(t) => self
                    .records(t)
                    .filter(|r| r.mask & mask != 0)
                    .map(|r| r.doc)
                    .collect(),
                None => Vec::new(),
            };
        }
        self.phrase_docs(&c.terms, mask)
            .into_iter()
            .map(|(d, _, _)| d)
            .collect()
    }
}
