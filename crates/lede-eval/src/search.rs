//! Known-item search evaluation of Lede's engine, natively: runs every query of a query file
//! (the format of `bench/`), scores the ranks with [`known_item::score`](crate::known_item::score)
//! and adds latency per kind and the titles of the queries whose target did not come first.

use std::collections::{BTreeMap, HashMap};
use std::time::Instant;

use lede_corpus::Corpus;
use lede_search::{Index, Query};
use serde::Serialize;

use crate::known_item::{self, QuerySet, Ranked, CUTOFF};

/// MRR@10 and found@10 over some queries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct KindScore {
    /// Queries counted.
    pub queries: usize,
    /// Mean of 1/rank of the target (0 when it is not in the top 10).
    pub mrr10: f64,
    /// Share of queries with the target in the top 10.
    pub found10: f64,
    /// Median search time of these queries in milliseconds.
    pub p50_ms: f64,
}

/// A query whose target did not come first.
#[derive(Debug, Clone, Serialize)]
pub struct NotFirst {
    /// The query text.
    pub q: String,
    /// Its kind.
    pub kind: String,
    /// The target's id and title.
    pub target: String,
    /// The target's title.
    pub target_title: String,
    /// The target's 1-based rank, when in the top 10.
    pub rank: Option<usize>,
    /// Title of the article that came first, when any did.
    pub first_title: Option<String>,
}

/// The scores of a query set.
#[derive(Debug, Clone, Serialize)]
pub struct SearchScores {
    /// All queries.
    pub overall: KindScore,
    /// Per kind, by name.
    pub kinds: BTreeMap<String, KindScore>,
    /// Median search time in milliseconds (native, one thread).
    pub p50_ms: f64,
    /// 95th percentile search time in milliseconds.
    pub p95_ms: f64,
    /// Slowest search in milliseconds.
    pub max_ms: f64,
    /// Every query whose target did not come first, in file order.
    pub not_first: Vec<NotFirst>,
}

/// Runs every query of `set` against `index` (built from `corpus`) and scores the rank of each
/// target. Errors name the first query whose target is not an article of the corpus.
pub fn score(corpus: &Corpus, index: &Index, set: &QuerySet) -> Result<SearchScores, String> {
    let by_id: HashMap<&str, usize> = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut runs = Vec::with_capacity(set.queries.len());
    let mut times = Vec::with_capacity(set.queries.len());
    let mut kind_times: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for (n, item) in set.queries.iter().enumerate() {
        if !by_id.contains_key(item.target.as_str()) {
            return Err(format!(
                "query {} ({:?}): target {:?} is not an article of the corpus",
                n + 1,
                item.q,
                item.target
            ));
        }
        let mut query = Query::parse(&item.q);
        query.limit = CUTOFF;
        let started = Instant::now();
        let results = index.search(corpus, &query);
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        times.push(ms);
        kind_times.entry(item.kind.as_str()).or_default().push(ms);
        runs.push(Ranked {
            query: n,
            ranked: results
                .hits
                .iter()
                .map(|h| corpus.articles[h.article].id.clone())
                .collect(),
        });
    }
    let scores = known_item::score(set, &runs)?;
    let median = |t: &[f64]| {
        let mut t = t.to_vec();
        t.sort_by(f64::total_cmp);
        t.get(t.len().saturating_sub(1) / 2).copied().unwrap_or(0.0)
    };
    let with_time = |s: &known_item::Score, t: &[f64]| KindScore {
        queries: s.queries,
        mrr10: s.mrr10,
        found10: s.found10,
        p50_ms: median(t),
    };
    let not_first = scores
        .not_first
        .iter()
        .map(|m| {
            let item = &set.queries[m.query];
            let first = runs[m.query].ranked.first();
            NotFirst {
                q: item.q.clone(),
                kind: item.kind.clone(),
                target: item.target.clone(),
                target_title: corpus.articles[by_id[item.target.as_str()]].title.clone(),
                rank: m.rank,
                first_title: first.map(|id| corpus.articles[by_id[id.as_str()]].title.clone()),
            }
        })
        .collect();
    let overall = with_time(&scores.overall, &times);
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| {
        if times.is_empty() {
            0.0
        } else {
            times[((times.len() - 1) as f64 * p).round() as usize]
        }
    };
    Ok(SearchScores {
        overall,
        kinds: scores
            .kinds
            .iter()
            .map(|(k, s)| (k.clone(), with_time(s, &kind_times[k.as_str()])))
            .collect(),
        p50_ms: pct(0.5),
        p95_ms: pct(0.95),
        max_ms: times.last().copied().unwrap_or(0.0),
        not_first,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::known_item::KnownItem;

    fn corpus() -> Corpus {
        Corpus::from_json(
            r#"{"articles": [
            {"id": "a1", "title": "Harbour council backs terminal", "body": "The council voted."},
            {"id": "a2", "title": "Reservoir levels fall", "body": "Dry weather again."},
            {"id": "a3", "title": "Council reservoir plan", "body": "A plan for the reservoir."}
        ]}"#,
        )
        .unwrap()
    }

    fn set(queries: &[(&str, &str, &str)]) -> QuerySet {
        QuerySet {
            queries: queries
                .iter()
                .map(|&(q, target, kind)| KnownItem {
                    q: q.into(),
                    target: target.into(),
                    kind: kind.into(),
                })
                .collect(),
        }
    }

    #[test]
    fn scores_ranks_per_kind() {
        let corpus = corpus();
        let index = Index::build(&corpus);
        let s = score(
            &corpus,
            &index,
            &set(&[
                ("harbour terminal", "a1", "title"),
                ("reservoir levels", "a2", "title"),
                ("zebra", "a2", "typo"),
            ]),
        )
        .unwrap();
        assert_eq!(s.kinds["title"].queries, 2);
        assert_eq!(s.kinds["title"].mrr10, 1.0);
        assert_eq!(s.kinds["typo"].found10, 0.0);
        assert!((s.overall.mrr10 - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.not_first.len(), 1);
        assert_eq!(s.not_first[0].rank, None);
    }

    #[test]
    fn a_target_ranked_second_counts_a_half() {
        let corpus = corpus();
        let index = Index::build(&corpus);
        // "council" is in the titles of a1 and a3; the one with the shorter title ranks first,
        // so exactly one of the two queries has its target second.
        let s = score(
            &corpus,
            &index,
            &set(&[("council", "a1", "k"), ("council", "a3", "k")]),
        )
        .unwrap();
        assert!((s.overall.mrr10 - 0.75).abs() < 1e-9, "{s:?}");
        assert_eq!(s.not_first[0].rank, Some(2));
    }

    #[test]
    fn an_unknown_target_is_an_error_naming_the_query() {
        let corpus = corpus();
        let index = Index::build(&corpus);
        let err = score(&corpus, &index, &set(&[("x", "a1", ""), ("y", "nope", "")])).unwrap_err();
        assert!(err.contains("query 2") && err.contains("\"nope\""), "{err}");
    }
}
