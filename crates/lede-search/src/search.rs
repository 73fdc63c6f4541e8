//! Query execution: term expansion through the FST (exact, typo and prefix), BM25F scoring over
//! the postings, filters and exclusions, the ranking rules, facet counts and the page of hits.
//!
//! Ranking, in order: more query words matched (only differs when no article has them all),
//! fewer typos (so exact matches always outrank typo matches), then the BM25F score with bonuses
//! for proximity and for a headline holding every query word, then proximity, exactness and
//! title matches as tie-breaks, then corpus order.
//!
//! Typo budget per query word: none up to four letters, one for 5-8, two from 9. A word of four
//! letters gets one typo as a last resort: when no article has it, or none has every query word
//! with it exact.

use std::cmp::Ordering;

use lede_corpus::{Corpus, EntityKind};

use crate::dates::DayRange;
use crate::index::{kind_index, Index};
use crate::postings::{positions_at, Field, Record, Records, FIELDS};
use crate::query::{Clause, Order, Query, Scope};
use crate::snippet::{self, ClauseMatcher, Snippet};
use crate::typo::{expand, key_of, typo_budget};

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
/// Most typo matches of one query word (fewest typos, then most frequent, first).
const MAX_DERIVATIONS: usize = 128;
/// Most completions of a prefix of three chars or more (the most frequent are kept); the rare
/// ones cost little to read, and a rare word is what a known-item search is after.
const MAX_COMPLETIONS: usize = 4096;
/// Most completions of a prefix of one or two chars (the most frequent are kept).
const MAX_SHORT_PREFIX_COMPLETIONS: usize = 32;
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
/// A long postings list is probed at the candidates (not scanned) when it has more than this
/// many records per candidate.
const PROBE_FACTOR: usize = 16;
/// Most positive clauses a query uses (the rest are ignored).
const MAX_CLAUSES: usize = 31;

/// The result of [`Index::search`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchResults {
    /// The requested page of hits, best first.
    pub hits: Vec<Hit>,
    /// All matching articles (the page is a slice of them).
    pub total: usize,
    /// True when no article matched every word: the results match some of them, most first.
    pub relaxed: bool,
    /// Counts for every facet value over all `total` results.
    pub facets: Facets,
    /// Why the query text did not parse cleanly (copied from the query).
    pub parse_error: Option<String>,
}

/// One result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index of the article in the corpus.
    pub article: usize,
    /// The relevance score (BM25F with proximity; 0 when browsing).
    pub score: f32,
    /// How many of the query's words and phrases it matches.
    pub words_matched: usize,
    /// Typos summed over the matched words.
    pub typos: u32,
    /// The folded index terms that matched, typo and prefix expansions included.
    pub matched_terms: Vec<String>,
    /// Matched words in the title, as `[start, end)` char ranges.
    pub title_ranges: Vec<(usize, usize)>,
    /// The best passages of the body.
    pub snippets: Vec<Snippet>,
}

/// Facet counts over the current results: every value that occurs, largest count first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facets {
    /// Entity id and the number of results that mention it.
    pub entities: Vec<(String, usize)>,
    /// Entity kind and the number of results that mention an entity of that kind.
    pub kinds: Vec<(EntityKind, usize)>,
    /// Source and the number of results from it.
    pub sources: Vec<(String, usize)>,
    /// Year and the number of results dated in it (ascending by year).
    pub years: Vec<(i32, usize)>,
}

/// One term a query word expands to.
#[derive(Debug, Clone)]
struct Derivation {
    term: u32,
    /// The folded term (`None` until needed for a completion found as an id range).
    text: Option<String>,
    typos: u8,
    /// The whole typed word, not a prefix completion.
    exact: bool,
}

/// A positive clause ready to run.
struct Plan<'q> {
    clause: &'q Clause,
    derivations: Vec<Derivation>,
    /// For a prefix: the articles of all its completions, summed (an upper bound of the
    /// prefix's document frequency), so that a completion never weighs more than the prefix.
    prefix_df: u32,
}

/// Per-article accumulators of the scoring pass.
struct Acc {
    mask: Vec<u32>,
    typos: Vec<u8>,
    score: Vec<f32>,
    cur: Vec<f32>,
    cur_typos: Vec<u8>,
    touched: Vec<u32>,
    /// `(doc, clause, derivation, record offset)` of every posting read, for positions.
    seen: Vec<(u32, u8, u16, u32)>,
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

/// A result during ranking.
#[derive(Debug, Clone, Copy)]
struct Cand {
    doc: u32,
    words: u32,
    typos: u32,
    score: f32,
    proximity: u32,
    exactness: u32,
    in_title: u32,
    date: i32,
}

fn scope_mask(scope: Scope) -> u8 {
    match scope {
        Scope::Any => 0xFF,
        Scope::Title => Field::Title.bit(),
        Scope::Quote => Field::Quotes.bit(),
        Scope::Speaker => Field::Speaker.bit(),
    }
}

impl Index {
    /// Runs `query` against the index of `corpus` (the corpus the index was built from: its text
    /// gives the snippets). See the module documentation of [`crate`] for the ranking rules.
    ///
    /// # Panics
    /// When `corpus` has a different number of articles than the index.
    pub fn search(&self, corpus: &Corpus, query: &Query) -> SearchResults {
        assert_eq!(
            corpus.articles.len(),
            self.n_docs as usize,
            "search with the corpus the index was built from"
        );
        let n = self.n_docs as usize;
        let mut keep = self.filter(query);
        for c in query.clauses.iter().filter(|c| c.negated) {
            let keep = keep.get_or_insert_with(|| vec![true; n]);
            for d in self.exact_docs(c) {
                keep[d as usize] = false;
            }
        }
        let plan_all = |widen: bool| -> Vec<Plan> {
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
        };
        let mut plans = plan_all(false);
        let mut results = SearchResults {
            parse_error: query.parse_error.clone(),
            ..SearchResults::default()
        };
        let mut cands: Vec<Cand>;
        let mut acc = None;
        if plans.is_empty() {
            cands = (0..self.n_docs)
                .filter(|&d| keep.as_ref().is_none_or(|k| k[d as usize]))
                .map(|d| self.cand(d, 0, 0, 0.0))
                .collect();
        } else {
            // Every clause must match; a clause that reaches no term at all cannot, so the others
            // must; when no article has them all, any clause will do (most matched first).
            let all_of = |plans: &[Plan]| {
                let active: Vec<usize> = (0..plans.len())
                    .filter(|&ci| !plans[ci].derivations.is_empty())
                    .collect();
                let all = if active.is_empty() {
                    None
                } else {
                    self.score_all(plans, &active, keep.as_deref())
                };
                (active.len() < plans.len(), all)
            };
            let (mut relaxed, mut all) = all_of(&plans);
            if all.is_none() && plans.iter().any(|p| last_resort(p.clause)) {
                // No article has every word: a four-letter word may be the typo (`stanley grop`
                // for `Stanley Group`, though some article has `grop`), so try one typo there
                // before settling for articles with some of the words.
                let wider = plan_all(true);
                let (wider_relaxed, wider_all) = all_of(&wider);
                if wider_all.is_some() {
                    (plans, relaxed, all) = (wider, wider_relaxed, wider_all);
                }
            }
            results.relaxed = relaxed;
            let a = all.unwrap_or_else(|| {
                results.relaxed = true;
                self.score_any(&plans, keep.as_deref())
            });
            cands = a
                .touched
                .iter()
                .map(|&d| {
                    let i = d as usize;
                    self.cand(d, a.mask[i].count_ones(), u32::from(a.typos[i]), a.score[i])
                })
                .collect();
            acc = Some(a);
        }
        results.total = cands.len();
        results.facets = self.facets(cands.iter().map(|c| c.doc));

        let browse = plans.is_empty();
        let page_end = query.offset.saturating_add(query.limit).min(cands.len());
        let head = if browse {
            page_end
        } else {
            (page_end + RERANK_MARGIN).min(cands.len())
        };
        let cmp = |a: &Cand, b: &Cand| compare(a, b, query.order, browse);
        if head < cands.len() && head > 0 {
            cands.select_nth_unstable_by(head - 1, cmp);
        }
        cands.truncate(head);
        if let Some(a) = &acc {
            self.rerank(&plans, a, &mut cands);
        }
        cands.sort_unstable_by(cmp);
        if query.offset >= cands.len() {
            return results;
        }
        let page = &cands[query.offset..page_end];
        let mut used: Vec<Vec<Vec<u16>>> = vec![vec![Vec::new(); plans.len()]; page.len()];
        if let Some(a) = &acc {
            let mut order: Vec<(u32, usize)> =
                page.iter().enumerate().map(|(i, c)| (c.doc, i)).collect();
            order.sort_unstable();
            for &(d, ci, di, _) in &a.seen {
                if let Ok(k) = order.binary_search_by(|p| p.0.cmp(&d)) {
                    let list = &mut used[order[k].1][ci as usize];
                    if !list.contains(&di) {
                        list.push(di);
                    }
                }
            }
        }
        for (c, used) in page.iter().zip(used) {
            let article = &corpus.articles[c.doc as usize];
            let mut matchers = Vec::with_capacity(plans.len());
            let mut matched_terms = Vec::new();
            if acc.is_some() {
                for (plan, dis) in plans.iter().zip(used) {
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
            }
            let snippets = snippet::passages(article, &matchers, query.snippets.min(3));
            let title_ranges = snippet::title_ranges(&article.title, &matchers);
            results.hits.push(Hit {
                article: c.doc as usize,
                score: c.score,
                words_matched: c.words as usize,
                typos: c.typos,
                matched_terms,
                title_ranges,
                snippets,
            });
        }
        results
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

    /// Articles passing the query's filters (`None`: no filter).
    fn filter(&self, q: &Query) -> Option<Vec<bool>> {
        if q.unfiltered() {
            return None;
        }
        let n = self.n_docs as usize;
        let mut entities = Vec::new();
        for id in &q.entities {
            match self.entity_lookup.get(id) {
                Some(&e) => entities.push(e),
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
                ids.select_nth_unstable_by_key(cap - 1, |&t| {
                    std::cmp::Reverse(self.df[t as usize])
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
        out.sort_by(|a, b| {
            a.typos
                .cmp(&b.typos)
                .then(b.exact.cmp(&a.exact))
                .then(self.df[b.term as usize].cmp(&self.df[a.term as usize]))
        });
        out.truncate(MAX_DERIVATIONS + MAX_COMPLETIONS);
        (out, prefix_df)
    }

    /// The folded text of a derivation.
    fn text_of(&self, d: &Derivation) -> String {
        match &d.text {
            Some(t) => t.clone(),
            None => key_of(&self.terms, d.term)
                .and_then(|k| String::from_utf8(k).ok())
                .unwrap_or_default(),
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
        order.sort_by_key(|&ci| self.cost(&plans[ci]));
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
                cands.sort_unstable();
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
    fn phrase_docs(&self, terms: &[String], mask: u8) -> Vec<(u32, [u32; FIELDS], u32)> {
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

    /// Computes proximity, exactness and title matches of the candidates and folds proximity
    /// and an exact headline into their scores.
    fn rerank(&self, plans: &[Plan], a: &Acc, cands: &mut [Cand]) {
        let mut order: Vec<(u32, usize)> =
            cands.iter().enumerate().map(|(i, c)| (c.doc, i)).collect();
        order.sort_unstable();
        let mut occ: Vec<Vec<(Field, u32, u8, bool)>> = vec![Vec::new(); cands.len()];
        let mut exact: Vec<u32> = vec![0; cands.len()];
        let mut buf = Vec::new();
        for &(doc, ci, di, at) in &a.seen {
            let Ok(k) = order.binary_search_by(|p| p.0.cmp(&doc)) else {
                continue;
            };
            let slot = order[k].1;
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
                    .map(|&(f, p)| (f, p, ci, whole)),
            );
        }
        let n_clauses = plans.len();
        let n_terms: u32 = plans.iter().map(|p| p.clause.terms.len() as u32).sum();
        let mut last = vec![None::<u32>; n_clauses];
        let mut best = vec![MAX_PROXIMITY; n_clauses.saturating_sub(1)];
        for (slot, c) in cands.iter_mut().enumerate() {
            let o = &mut occ[slot];
            o.sort_unstable();
            best.iter_mut().for_each(|b| *b = MAX_PROXIMITY);
            let mut field = None;
            let mut title_mask = 0u32;
            let mut title_exact_mask = 0u32;
            for &(f, p, ci, whole) in o.iter() {
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

    /// Counts facet values over `docs`.
    fn facets(&self, docs: impl Iterator<Item = u32>) -> Facets {
        let mut ent = vec![0usize; self.entity_ids.len()];
        let mut kinds = [0usize; 4];
        let mut src = vec![0usize; self.sources.len()];
        let mut years: Vec<(i32, usize)> = Vec::new();
        for d in docs {
            let i = d as usize;
            for &e in self.doc_entities(d) {
                ent[e as usize] += 1;
            }
            for (k, count) in kinds.iter_mut().enumerate() {
                if self.doc_kinds[i] & (1 << k) != 0 {
                    *count += 1;
                }
            }
            if let Some(&s) = self.doc_source.get(i).filter(|&&s| s != u32::MAX) {
                src[s as usize] += 1;
            }
            if let Some(r) = self.dates[i] {
                match years.binary_search_by_key(&r.year, |y| y.0) {
                    Ok(k) => years[k].1 += 1,
                    Err(k) => years.insert(k, (r.year, 1)),
                }
            }
        }
        let mut entities: Vec<(String, usize)> = ent
            .iter()
            .enumerate()
            .filter(|(_, &c)| c > 0)
            .map(|(e, &c)| (self.entity_ids[e].clone(), c))
            .collect();
        entities.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut sources: Vec<(String, usize)> = src
            .iter()
            .enumerate()
            .filter(|(_, &c)| c > 0)
            .map(|(s, &c)| (self.sources[s].clone(), c))
            .collect();
        sources.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut kinds: Vec<(EntityKind, usize)> = EntityKind::ALL
            .iter()
            .zip(kinds)
            .filter(|(_, c)| *c > 0)
            .map(|(&k, c)| (k, c))
            .collect();
        kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
        Facets {
            entities,
            kinds,
            sources,
            years,
        }
    }
}

/// Whether a clause is a word of four letters, which gets no typo unless nothing matches without.
fn last_resort(c: &Clause) -> bool {
    let word = &c.terms[0];
    !c.phrase && word.chars().count() == 4 && word.chars().all(char::is_alphabetic)
}

/// The ranking order of two candidates.
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
