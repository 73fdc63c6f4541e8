//! Ranking rules: candidates from the scores, the re-ranking window with proximity, exactness
//! and title matches, and the order of the page.

use std::cmp::Ordering;

use crate::index::Index;
use crate::postings::{positions_at, Field};
use crate::query::{Order, Query};

use super::expand::Plan;
use super::score::{scope_mask, Acc, Scored};

/// Distance at which two query words count as unrelated.
const MAX_PROXIMITY: u32 = 8;
/// How much perfect proximity adds to the BM25F score (relative).
const PROXIMITY_BONUS: f32 = 0.25;
/// How much a headline holding every query word adds (relative): the article is about them.
const TITLE_ALL_BONUS: f32 = 0.5;
/// How much a headline consisting of exactly the query words adds (relative).
const TITLE_EXACT_BONUS: f32 = 0.1;
/// Candidates beyond the requested page that the proximity pass re-ranks.
const RERANK_MARGIN: usize = 64;

/// A result during ranking.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cand {
    pub(super) doc: u32,
    pub(super) words: u32,
    pub(super) typos: u32,
    pub(super) score: f32,
    proximity: u32,
    exactness: u32,
    in_title: u32,
    date: i32,
}

impl Index {
    /// Every result: the scored articles, or when browsing every article `keep` passes.
    pub(super) fn candidates(&self, scored: &Scored, keep: Option<&[bool]>) -> Vec<Cand> {
        match &scored.acc {
            None => (0..self.n_docs)
                .filter(|&d| keep.is_none_or(|k| k[d as usize]))
                .map(|d| self.cand(d, 0, 0, 0.0))
                .collect(),
            Some(a) => a
                .touched
                .iter()
                .map(|&d| {
                    let i = d as usize;
                    self.cand(d, a.mask[i].count_ones(), u32::from(a.typos[i]), a.score[i])
                })
                .collect(),
        }
    }

    /// Ranks `cands` by the query's order: the page and [`RERANK_MARGIN`] more are picked by
    /// score, re-ranked with proximity, sorted and kept. Returns the page as a range of them
    /// (empty when the offset is past the results).
    pub(super) fn rank(
        &self,
        query: &Query,
        scored: &Scored,
        cands: &mut Vec<Cand>,
    ) -> std::ops::Range<usize> {
        let browse = scored.acc.is_none();
        let page_end = query.offset.saturating_add(query.limit).min(cands.len());
        let head = if browse {
            page_end
        } else {
            (page_end + RERANK_MARGIN).min(cands.len())
        };
        let cmp = |a: &Cand, b: &Cand| compare(a, b, query.order, browse);
        keep_first(cands, head, cmp);
        if let Some(a) = &scored.acc {
            self.rerank(&scored.plans, a, cands);
        }
        // `compare` ends with the article, so the order is total and a stable sort the same.
        lede_text::order::sort_by(cands, cmp);
        if query.offset >= cands.len() {
            return 0..0;
        }
        query.offset..page_end
    }

    fn cand(&self, doc: u32, words: u32, typos: u32, score: f32) -> Cand {
        Cand {
            doc,
            words,
            typos,
            score,
            proximity: 0,
            exactness: 0,
            in_title: 0,
            date: self.dates[doc as usize].map_or(i32::MIN, |r| r.lo),
        }
    }

    /// Computes proximity, exactness and title matches of the candidates and folds proximity
    /// and an exact headline into their scores.
    fn rerank(&self, plans: &[Plan], a: &Acc, cands: &mut [Cand]) {
        let mut order: Vec<(u64, u32)> = (cands.iter().enumerate())
            .map(|(i, c)| (u64::from(c.doc), i as u32))
            .collect();
        lede_text::order::sort_keyed(&mut order);
        let mut occ: Vec<Vec<(u64, u32)>> = vec![Vec::new(); cands.len()];
        let mut exact: Vec<u32> = vec![0; cands.len()];
        let mut buf = Vec::new();
        for &(doc, ci, di, at) in &a.seen {
            let Ok(k) = order.binary_search_by(|p| p.0.cmp(&u64::from(doc))) else {
                continue;
            };
            let slot = order[k].1 as usize;
            let dv = &plans[ci as usize].derivations[di as usize];
            let whole = dv.typos == 0 && dv.exact;
            if whole {
                exact[slot] |= 1 << ci;
            }
            buf.clear();
            positions_at(&self.postings, at, &mut buf);
            let mask = scope_mask(plans[ci as usize].clause.scope);
            occ[slot].extend(
                buf.iter()
                    .filter(|(f, _)| mask & f.bit() != 0)
                    .map(|&(f, p)| occurrence(f, p, ci, whole)),
            );
        }
        let n_clauses = plans.len();
        let n_terms: u32 = plans.iter().map(|p| p.clause.terms.len() as u32).sum();
        let mut last = vec![None::<u32>; n_clauses];
        let mut best = vec![MAX_PROXIMITY; n_clauses.saturating_sub(1)];
        for (slot, c) in cands.iter_mut().enumerate() {
            let o = &mut occ[slot];
            lede_text::order::sort_keyed(o);
            best.iter_mut().for_each(|b| *b = MAX_PROXIMITY);
            let mut field = None;
            let mut title_mask = 0u32;
            let mut title_exact_mask = 0u32;
            for (f, p, ci, whole) in o.iter().map(from_occurrence) {
                if field != Some(f) {
                    field = Some(f);
                    last.iter_mut().for_each(|l| *l = None);
                }
                let ci = ci as usize;
                if f == Field::Title {
                    title_mask |= 1 << ci;
                    if whole {
                        title_exact_mask |= 1 << ci;
                    }
                }
                if ci > 0 {
                    if let Some(q) = last[ci - 1] {
                        best[ci - 1] = best[ci - 1].min((p - q).max(1));
                    }
                }
                if ci + 1 < n_clauses {
                    if let Some(q) = last[ci + 1] {
                        best[ci] = best[ci].min((p - q).saturating_add(1));
                    }
                }
                last[ci] = Some(p);
            }
            let proximity: u32 = best.iter().sum();
            c.proximity = proximity;
            c.in_title = title_mask.count_ones();
            let title_exact = title_exact_mask.count_ones() as usize == n_clauses
                && self.len_of(c.doc, Field::Title) == n_terms;
            c.exactness = exact[slot].count_ones() + u32::from(title_exact) * n_clauses as u32;
            let mut factor = 1.0;
            if !best.is_empty() {
                let worst = (MAX_PROXIMITY - 1) * best.len() as u32;
                let over = proximity.saturating_sub(best.len() as u32);
                factor += PROXIMITY_BONUS * (1.0 - over as f32 / worst as f32);
            }
            if title_mask.count_ones() as usize == n_clauses {
                factor += TITLE_ALL_BONUS;
            }
            if title_exact {
                factor += TITLE_EXACT_BONUS;
            }
            c.score *= factor;
        }
    }
}

/// Keeps the `head` first of `cands` by `cmp` (a total order), in no particular order: the
/// selection is made over indices, so that it is the one shared copy of the standard one.
fn keep_first(cands: &mut Vec<Cand>, head: usize, cmp: impl Fn(&Cand, &Cand) -> Ordering) {
    if head < cands.len() && head > 0 {
        let mut picked: Vec<u32> = (0..cands.len() as u32).collect();
        lede_text::order::select_indices_by(&mut picked, head - 1, &mut |a, b| {
            cmp(&cands[a as usize], &cands[b as usize])
        });
        *cands = picked[..head].iter().map(|&i| cands[i as usize]).collect();
    }
    cands.truncate(head);
}

/// An occurrence (field, position, clause, whole word) as the keyed pair `(field << 32 |
/// position, clause << 1 | whole)`, whose order is the tuple's: occurrences sort as keyed pairs.
fn occurrence(f: Field, p: u32, ci: u8, whole: bool) -> (u64, u32) {
    let key = (u64::from(f as u8) << 32) | u64::from(p);
    (key, (u32::from(ci) << 1) | u32::from(whole))
}

/// The occurrence an [`occurrence`] pair stands for, the clause as an index.
fn from_occurrence(&(key, clause): &(u64, u32)) -> (Field, u32, u32, bool) {
    let field = Field::ALL[(key >> 32) as usize];
    (field, key as u32, clause >> 1, clause & 1 == 1)
}

/// The ranking order of two candidates.
// Not inlined: the candidates' sort and selection then share one copy of it instead of each
// inlining it into its own copy of the standard library's sort (about 10 kB of wasm).
#[inline(never)]
fn compare(a: &Cand, b: &Cand, order: Order, browse: bool) -> Ordering {
    let by_date = match order {
        Order::Relevance => Ordering::Equal,
        Order::Newest => b.date.cmp(&a.date),
        Order::Oldest => {
            let key = |c: &Cand| {
                if c.date == i32::MIN {
                    i32::MAX
                } else {
                    c.date
                }
            };
            key(a).cmp(&key(b))
        }
    };
    if browse {
        return by_date.then(a.doc.cmp(&b.doc));
    }
    b.words
        .cmp(&a.words)
        .then(by_date)
        .then(a.typos.cmp(&b.typos))
        .then(b.score.total_cmp(&a.score))
        .then(a.proximity.cmp(&b.proximity))
        .then(b.exactness.cmp(&a.exactness))
        .then(b.in_title.cmp(&a.in_title))
        .then(a.doc.cmp(&b.doc))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Small numbers from a fixed seed, many of them equal (ties are the point).
    fn numbers(n: usize, modulo: u64) -> Vec<u32> {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x % modulo) as u32
            })
            .collect()
    }

    #[test]
    fn occurrences_sort_as_the_tuples_they_stand_for() {
        let r = numbers(4 * 600, 7);
        let tuples: Vec<(Field, u32, u8, bool)> = r
            .chunks(4)
            .map(|c| {
                (
                    Field::ALL[c[0] as usize % 5],
                    c[1] * 1000,
                    c[2] as u8,
                    c[3] % 2 == 1,
                )
            })
            .collect();
        let mut want = tuples.clone();
        want.sort_unstable();
        let mut got: Vec<(u64, u32)> = (tuples.iter())
            .map(|&(f, p, ci, w)| occurrence(f, p, ci, w))
            .collect();
        lede_text::order::sort_keyed(&mut got);
        let got: Vec<(Field, u32, u8, bool)> = (got.iter().map(from_occurrence))
            .map(|(f, p, ci, w)| (f, p, ci as u8, w))
            .collect();
        assert_eq!(got, want);
        assert!(want.windows(2).any(|w| w[0] == w[1]), "the data has ties");
    }

    #[test]
    fn the_head_and_its_order_are_the_standard_selection_and_sort() {
        // Few distinct values per rule, so that every rule up to the article decides some pairs.
        let r = numbers(7 * 500, 4);
        let cands: Vec<Cand> = (r.chunks(7).enumerate())
            .map(|(doc, c)| Cand {
                doc: doc as u32,
                words: c[0],
                typos: c[1],
                score: c[2] as f32 * 0.5,
                proximity: c[3],
                exactness: c[4],
                in_title: c[5],
                date: if c[6] == 0 { i32::MIN } else { c[6] as i32 },
            })
            .collect();
        let docs = |cs: &[Cand]| cs.iter().map(|c| c.doc).collect::<Vec<u32>>();
        for order in [Order::Relevance, Order::Newest, Order::Oldest] {
            for browse in [false, true] {
                for head in [0, 1, 10, 64, 499, 500] {
                    let cmp = |a: &Cand, b: &Cand| compare(a, b, order, browse);
                    let mut want = cands.clone();
                    if head < want.len() && head > 0 {
                        want.select_nth_unstable_by(head - 1, cmp);
                    }
                    want.truncate(head);
                    want.sort_unstable_by(cmp);
                    let mut got = cands.clone();
                    keep_first(&mut got, head, cmp);
                    lede_text::order::sort_by(&mut got, cmp);
                    assert_eq!(docs(&got), docs(&want), "{order:?} {browse} {head}");
                }
            }
        }
    }
}
