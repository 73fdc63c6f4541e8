//! Known-item relevance and speed of the engine against the naive linear scan it is compared
//! with, per query kind: the queries are `lede_eval::known_item::generate`'s and both are
//! scored by `lede_eval::known_item::score`; latency percentiles.

use std::time::{Duration, Instant};

use lede_corpus::Corpus;
use lede_eval::known_item::{self, KnownItem, QuerySet, Ranked, KINDS};
use lede_search::{Index, Query};

/// The naive baseline: every query word must occur (as a substring) in the folded title or
/// body; titles with more of the words first.
pub struct LinearScan {
    texts: Vec<(String, String)>,
}

impl LinearScan {
    /// Folds every title and body once.
    pub fn new(corpus: &Corpus) -> Self {
        LinearScan {
            texts: corpus
                .articles
                .iter()
                .map(|a| {
                    (
                        lede_text::fold_for_match(&a.title),
                        lede_text::fold_for_match(&a.paragraphs.join("\n")),
                    )
                })
                .collect(),
        }
    }

    /// The top ten article indices for `query`.
    pub fn search(&self, query: &str) -> Vec<usize> {
        let folded = lede_text::fold_for_match(query);
        let words: Vec<&str> = folded.split_whitespace().collect();
        let mut hits: Vec<(usize, usize)> = self
            .texts
            .iter()
            .enumerate()
            .filter(|(_, (t, b))| words.iter().all(|w| t.contains(w) || b.contains(w)))
            .map(|(i, (t, _))| (words.iter().filter(|w| t.contains(*w)).count(), i))
            .collect();
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        hits.into_iter().take(10).map(|(_, i)| i).collect()
    }
}

/// The engine's top ten for `text` (rank only: no snippets).
pub fn top10(index: &Index, corpus: &Corpus, text: &str) -> Vec<usize> {
    let mut q = Query::parse(text);
    q.limit = 10;
    q.snippets = 0;
    index
        .search(corpus, &q)
        .hits
        .iter()
        .map(|h| h.article)
        .collect()
}

/// Sorted latencies -> (p50, p95, max).
pub fn percentiles(mut times: Vec<Duration>) -> (Duration, Duration, Duration) {
    times.sort();
    let at = |p: f64| times[((times.len() as f64 - 1.0) * p).round() as usize];
    (at(0.5), at(0.95), *times.last().expect("some times"))
}

/// Runs per query whose median is the query's latency (a shared machine preempts single runs).
pub const RUNS: usize = 5;

/// The median time of `runs` calls of `f`.
pub fn median_of(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// One kind's numbers.
pub struct KindReport {
    /// Which kind.
    pub kind: &'static str,
    /// Queries run.
    pub queries: usize,
    /// MRR@10 of the engine.
    pub mrr: f64,
    /// MRR@10 of the linear scan.
    pub baseline_mrr: f64,
    /// Engine latency, rank only (limit 10, no snippets): p50, p95, max.
    pub rank_only: (Duration, Duration, Duration),
    /// Engine latency with the default page (20 hits, 3 snippets each): p50, p95, max.
    pub with_snippets: (Duration, Duration, Duration),
    /// Linear-scan latency: p50, p95, max.
    pub baseline: (Duration, Duration, Duration),
}

/// Runs every item against the engine and the baseline, per kind.
pub fn evaluate(
    index: &Index,
    corpus: &Corpus,
    scan: &LinearScan,
    items: &[KnownItem],
) -> Vec<KindReport> {
    let set = QuerySet {
        queries: items.to_vec(),
    };
    let ids = |ranked: Vec<usize>| -> Vec<String> {
        ranked
            .into_iter()
            .map(|d| corpus.articles[d].id.clone())
            .collect()
    };
    let (mut engine, mut base) = (Vec::new(), Vec::new());
    for (query, it) in items.iter().enumerate() {
        engine.push(Ranked {
            query,
            ranked: ids(top10(index, corpus, &it.q)),
        });
        base.push(Ranked {
            query,
            ranked: ids(scan.search(&it.q)),
        });
    }
    let engine = known_item::score(&set, &engine).expect("runs of the set");
    let base = known_item::score(&set, &base).expect("runs of the set");
    KINDS
        .iter()
        .filter_map(|&kind| {
            let items: Vec<&KnownItem> = items.iter().filter(|i| i.kind == kind).collect();
            if items.is_empty() {
                return None;
            }
            let (mut t_rank, mut t_full, mut t_base) = (Vec::new(), Vec::new(), Vec::new());
            for it in &items {
                t_rank.push(median_of(RUNS, || {
                    std::hint::black_box(top10(index, corpus, &it.q));
                }));
                t_full.push(median_of(RUNS, || {
                    std::hint::black_box(index.search(corpus, &Query::parse(&it.q)));
                }));
                t_base.push(median_of(1, || {
                    std::hint::black_box(scan.search(&it.q));
                }));
            }
            Some(KindReport {
                kind,
                queries: items.len(),
                mrr: engine.kinds[kind].mrr10,
                baseline_mrr: base.kinds[kind].mrr10,
                rank_only: percentiles(t_rank),
                with_snippets: percentiles(t_full),
                baseline: percentiles(t_base),
            })
        })
        .collect()
}

/// Prints the reports as a table.
pub fn print(reports: &[KindReport]) {
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    println!(
        "{:<15} {:>5} {:>7} {:>8} | {:>9} {:>9} {:>9} | {:>9} {:>9} | {:>9} {:>9} | {:>6}",
        "kind",
        "n",
        "MRR@10",
        "scanMRR",
        "p50 us",
        "p95 us",
        "max us",
        "snip p50",
        "snip p95",
        "scan p50",
        "scan p95",
        "ratio"
    );
    for r in reports {
        println!(
            "{:<15} {:>5} {:>7.3} {:>8.3} | {:>9.0} {:>9.0} {:>9.0} | {:>9.0} {:>9.0} | {:>9.0} {:>9.0} | {:>5.0}x",
            r.kind,
            r.queries,
            r.mrr,
            r.baseline_mrr,
            us(r.rank_only.0),
            us(r.rank_only.1),
            us(r.rank_only.2),
            us(r.with_snippets.0),
            us(r.with_snippets.1),
            us(r.baseline.0),
            us(r.baseline.1),
            us(r.baseline.0) / us(r.rank_only.0).max(0.001),
        );
    }
}
