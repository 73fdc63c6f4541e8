//! Scoring: BM25F over the postings of each clause's terms, in a conjunctive pass (every clause)
//! with a relaxed union fallback (any clause), phrases checked by position.

use crate::index::Index;
use crate::postings::{positions_at, Field, Record, Records, FIELDS};
use crate::query::{Query, Scope};

use super::expand::{last_resort, Derivation, Plan};

/// BM25F weight of each field (title, body, quotes, speaker, entities).
const WEIGHT: [f32; FIELDS] = [4.0, 1.0, 0.5, 2.0, 1.5];
/// BM25F length normalisation of each field.
const B: [f32; FIELDS] = [0.5, 0.75, 0.5, 0.3, 0.3];
/// BM25 term-frequency saturation.
const K1: f32 = 1.2;
/// Score factor per typo of a derived term.
const TYPO_FACTOR: f32 = 0.6;
/// Score factor of a term that only completes the typed prefix.
const PREFIX_FACTOR: f32 = 0.85;
/// A long postings list is probed at the candidates (not scanned) when it has more than this
/// many records per candidate.
const PROBE_FACTOR: usize = 16;

/// Per-article accumulators of the scoring pass.
pub(super) struct Acc {
    pub(super) mask: Vec<u32>,
    pub(super) typos: Vec<u8>,
    pub(super) score: Vec<f32>,
    cur: Vec<f32>,
    cur_typos: Vec<u8>,
    pub(super) touched: Vec<u32>,
    /// `(doc, clause, derivation, record offset)` of every posting read, for positions.
    pub(super) seen: Vec<(u32, u8, u16, u32)>,
}

impl Acc {
    /// Records that clause `ci` matches `doc` through derivation `di`: the first match of a
    /// clause sets its bit and adds its typos and score; a better match with as few typos
    /// replaces the clause's score.
    #[inline]
    fn visit(&mut self, ci: usize, doc: u32, contribution: f32, typos: u8, di: u16, at: u32) {
        let d = doc as usize;
        let bit = 1u32 << ci;
        self.seen.push((doc, ci as u8, di, at));
        if self.mask[d] == 0 {
            self.touched.push(doc);
        }
        if self.mask[d] & bit == 0 {
            self.mask[d] |= bit;
            self.typos[d] = self.typos[d].saturating_add(typos);
            self.score[d] += contribution;
            self.cur[d] = contribution;
            self.cur_typos[d] = typos;
        } else if self.cur_typos[d] == typos && contribution > self.cur[d] {
            self.score[d] += contribution - self.cur[d];
            self.cur[d] = contribution;
        }
    }
}

/// The scored clauses of a query.
pub(super) struct Scored<'q> {
    /// The positive clauses as run (widened when the last resort was taken).
    pub(super) plans: Vec<Plan<'q>>,
    /// The accumulators (`None` when the query has no positive clause: browsing).
    pub(super) acc: Option<Acc>,
    /// True when no article matched every clause.
    pub(super) relaxed: bool,
}

/// The fields a clause's scope searches, as a mask of [`Field::bit`]s.
pub(super) fn scope_mask(scope: Scope) -> u8 {
    match scope {
        Scope::Any => 0xFF,
        Scope::Title => Field::Title.bit(),
        Scope::Quote => Field::Quotes.bit(),
        Scope::Speaker => Field::Speaker.bit(),
    }
}

impl Index {
    /// Expands and scores the query's positive clauses over the articles of `keep`: every
    /// clause must match; a clause that reaches no term at all cannot, so the others must; when
    /// no article has them all, a four-letter word gets its typo, and failing that any clause
    /// will do (most matched first).
    pub(super) fn score<'q>(&self, query: &'q Query, keep: Option<&[bool]>) -> Scored<'q> {
        let mut plans = self.plans(query, false);
        if plans.is_empty() {
            return Scored {
                plans,
                acc: None,
                relaxed: false,
            };
        }
        let all_of = |plans: &[Plan]| {
            let active: Vec<usize> = (0..plans.len())
                .filter(|&ci| !plans[ci].derivations.is_empty())
                .collect();
            let all = if active.is_empty() {
                None
            } else {
                self.score_all(plans, &active, keep)
            };
            (active.len() < plans.len(), all)
        };
        let (mut relaxed, mut all) = all_of(&plans);
        if all.is_none() && plans.iter().any(|p| last_resort(p.clause)) {
            // No article has every word: a four-letter word may be the typo (`stanley grop`
            // for `Stanley Group`, though some article has `grop`), so try one typo there
            // before settling for articles with some of the words.
            let wider = self.plans(query, true);
            let (wider_relaxed, wider_all) = all_of(&wider);
            if wider_all.is_some() {
                (plans, relaxed, all) = (wider, wider_relaxed, wider_all);
            }
        }
        let acc = all.unwrap_or_else(|| {
            relaxed = true;
            self.score_any(&plans, keep)
        });
        Scored {
            plans,
            acc: Some(acc),
            relaxed,
        }
    }

    fn idf(&self, df: u32) -> f32 {
        let n = self.n_docs as f32;
        let df = df as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// BM25F of one term (or phrase) in `doc` given its frequency per field.
    fn bm25f(&self, doc: u32, tf: &[u32; FIELDS], mask: u8, idf: f32) -> f32 {
        let mut t = 0.0;
        for f in Field::ALL {
            let i = f as usize;
            if mask & f.bit() != 0 && tf[i] > 0 {
                let len = self.len_of(doc, f) as f32;
                let norm = 1.0 - B[i] + B[i] * len / self.avg_len[i];
                t += WEIGHT[i] * tf[i] as f32 / norm;
            }
        }
        idf * t * (K1 + 1.0) / (K1 + t)
    }

    fn new_acc(&self) -> Acc {
        let n = self.n_docs as usize;
        Acc {
            mask: vec![0; n],
            typos: vec![0; n],
            score: vec![0.0; n],
            cur: vec![0.0; n],
            cur_typos: vec![0; n],
            touched: Vec::new(),
            seen: Vec::new(),
        }
    }

    /// The IDF of a phrase (the sum over its words).
    fn phrase_idf(&self, terms: &[String]) -> f32 {
        terms
            .iter()
            .map(|t| {
                self.term_id(t)
                    .map_or(0.0, |t| self.idf(self.df[t as usize]))
            })
            .sum()
    }

    /// The IDF of a derivation, lowered for typos and for completing a prefix.
    fn derivation_idf(&self, dv: &Derivation, plan: &Plan) -> f32 {
        let mut idf = self.idf(self.df[dv.term as usize]);
        if !dv.exact {
            idf = idf.min(self.idf(plan.prefix_df)) * PREFIX_FACTOR;
        }
        idf * TYPO_FACTOR.powi(i32::from(dv.typos))
    }

    /// Postings read per clause: what scanning it costs.
    fn cost(&self, plan: &Plan) -> u64 {
        if plan.clause.phrase {
            return plan
                .clause
                .terms
                .iter()
                .filter_map(|t| self.term_id(t))
                .map(|t| u64::from(self.df[t as usize]))
                .sum();
        }
        plan.derivations
            .iter()
            .map(|d| u64::from(self.df[d.term as usize]))
            .sum()
    }

    /// The union pass: every article matching any clause (the relaxed fallback).
    fn score_any(&self, plans: &[Plan], keep: Option<&[bool]>) -> Acc {
        let mut a = self.new_acc();
        for (ci, plan) in plans.iter().enumerate() {
            let mask = scope_mask(plan.clause.scope);
            let mut visit = |doc: u32, contribution: f32, typos: u8, di: u16, at: u32| {
                if keep.is_none_or(|k| k[doc as usize]) {
                    a.visit(ci, doc, contribution, typos, di, at);
                }
            };
            if plan.clause.phrase {
                let idf = self.phrase_idf(&plan.clause.terms);
                for (doc, tf, at) in self.phrase_docs(&plan.clause.terms, mask) {
                    visit(doc, self.bm25f(doc, &tf, mask, idf), 0, 0, at);
                }
                continue;
            }
            for (di, dv) in plan.derivations.iter().enumerate() {
                let idf = self.derivation_idf(dv, plan);
                for r in self.records(dv.term) {
                    if r.mask & mask != 0 {
                        let s = self.bm25f(r.doc, &r.tf, mask, idf);
                        visit(r.doc, s, dv.typos, di as u16, r.at);
                    }
                }
            }
        }
        a
    }

    /// The conjunctive pass over the clauses `active`: the cheapest clause gives the candidates,
    /// each further clause (cheapest first) keeps the candidates it matches, reading long
    /// postings lists only at the candidates through their skip entries. `None` when no
    /// article matches them all.
    fn score_all(&self, plans: &[Plan], active: &[usize], keep: Option<&[bool]>) -> Option<Acc> {
        let mut order: Vec<usize> = active.to_vec();
        lede_text::order::sort_by_key(&mut order, |&ci| self.cost(&plans[ci]));
        let mut a = self.new_acc();
        let mut cands: Vec<u32> = Vec::new();
        let mut required = 0u32;
        for (step, &ci) in order.iter().enumerate() {
            let plan = &plans[ci];
            let mask = scope_mask(plan.clause.scope);
            let first = step == 0;
            let visit = |a: &mut Acc, doc: u32, contribution: f32, typos: u8, di: u16, at: u32| {
                let d = doc as usize;
                let ok = if first {
                    keep.is_none_or(|k| k[d])
                } else {
                    a.mask[d] & required == required && required != 0
                };
                if ok {
                    a.visit(ci, doc, contribution, typos, di, at);
                }
            };
            if plan.clause.phrase {
                let idf = self.phrase_idf(&plan.clause.terms);
                for (doc, tf, at) in self.phrase_docs(&plan.clause.terms, mask) {
                    visit(&mut a, doc, self.bm25f(doc, &tf, mask, idf), 0, 0, at);
                }
            } else {
                for (di, dv) in plan.derivations.iter().enumerate() {
                    let idf = self.derivation_idf(dv, plan);
                    let df = self.df[dv.term as usize] as usize;
                    let mut each = |r: Record| {
                        if r.mask & mask != 0 {
                            let s = self.bm25f(r.doc, &r.tf, mask, idf);
                            visit(&mut a, r.doc, s, dv.typos, di as u16, r.at);
                        }
                    };
                    if !first && df > PROBE_FACTOR * cands.len() {
                        self.probe(dv.term, &cands, &mut each);
                    } else {
                        self.records(dv.term).for_each(&mut each);
                    }
                }
            }
            let bit = 1u32 << ci;
            if first {
                cands = a.touched.clone();
                lede_text::order::sort_u32(&mut cands);
            } else {
                cands.retain(|&d| a.mask[d as usize] & bit != 0);
            }
            required |= bit;
            if cands.is_empty() {
                return None;
            }
        }
        a.touched = cands;
        Some(a)
    }

    /// Calls `f` with the record of `term` for each article of `cands` (ascending) that has
    /// one, jumping through the skip entries.
    fn probe(&self, term: u32, cands: &[u32], mut f: impl FnMut(Record)) {
        let skips = self.skips_of(term);
        let end = self.offsets[term as usize + 1] as usize;
        if skips.is_empty() {
            for r in self.records(term) {
                if cands.binary_search(&r.doc).is_ok() {
                    f(r);
                }
            }
            return;
        }
        let mut block = usize::MAX;
        let mut iter: Option<Records> = None;
        let mut cur: Option<Record> = None;
        for &d in cands {
            let b = skips.partition_point(|s| s.0 <= d);
            if b == 0 {
                continue;
            }
            let b = b - 1;
            if block == usize::MAX || b > block {
                block = b;
                let mut it = Records::resume(&self.postings, skips[b].1 as usize, end, skips[b].0);
                cur = it.next();
                iter = Some(it);
            }
            let it = iter.as_mut().expect("positioned");
            while let Some(r) = cur {
                if r.doc >= d {
                    break;
                }
                cur = it.next();
            }
            match cur {
                Some(r) if r.doc == d => f(r),
                Some(_) => {}
                None => return,
            }
        }
    }

    /// Articles containing `terms` as consecutive words within one field of `mask`: the article,
    /// the phrase's frequency per field, and the record offset of its first term.
    pub(super) fn phrase_docs(&self, terms: &[String], mask: u8) -> Vec<(u32, [u32; FIELDS], u32)> {
        let Some(ids) = terms
            .iter()
            .map(|t| self.term_id(t))
            .collect::<Option<Vec<u32>>>()
        else {
            return Vec::new();
        };
        let lists: Vec<Vec<Record>> = ids
            .iter()
            .map(|&t| self.records(t).filter(|r| r.mask & mask != 0).collect())
            .collect();
        let mut out = Vec::new();
        let mut idx = vec![0usize; lists.len()];
        let mut pos: Vec<Vec<(Field, u32)>> = vec![Vec::new(); lists.len()];
        'first: for r0 in &lists[0] {
            for (k, list) in lists.iter().enumerate().skip(1) {
                while idx[k] < list.len() && list[idx[k]].doc < r0.doc {
                    idx[k] += 1;
                }
                if idx[k] == list.len() {
                    break 'first;
                }
                if list[idx[k]].doc != r0.doc {
                    continue 'first;
                }
            }
            for (k, list) in lists.iter().enumerate() {
                pos[k].clear();
                let at = if k == 0 { r0.at } else { list[idx[k]].at };
                positions_at(&self.postings, at, &mut pos[k]);
            }
            let mut tf = [0u32; FIELDS];
            for &(f, p) in &pos[0] {
                if mask & f.bit() == 0 {
                    continue;
                }
                let all = (1..pos.len())
                    .all(|k| pos[k].binary_search(&(f, p.wrapping_add(k as u32))).is_ok());
                if all {
                    tf[f as usize] += 1;
                }
            }
            if tf.iter().any(|&x| x > 0) {
                out.push((r0.doc, tf, r0.at));
            }
        }
        out
    }
}
