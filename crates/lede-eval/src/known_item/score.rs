//! The known-item scorer: MRR@10 and found@10 per kind and overall from the ranked ids an
//! engine returned, whichever engine it is (`lede eval search`, `bench/run` through
//! `lede eval score`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{QuerySet, CUTOFF};

/// One query as an engine ran it: the query's position in the set and the ids it ranked,
/// best first (only the first [`CUTOFF`] count).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Ranked {
    /// Position of the query in [`QuerySet::queries`].
    pub query: usize,
    /// The article ids returned, best first.
    pub ranked: Vec<String>,
}

/// MRR@10 and found@10 over some queries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Score {
    /// Queries counted.
    pub queries: usize,
    /// Mean of 1/rank of the target (0 when it is not in the top 10); 0 without queries.
    pub mrr10: f64,
    /// Share of queries with the target in the top 10; 0 without queries.
    pub found10: f64,
}

/// A query whose target did not come first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    /// Position of the query in the set.
    pub query: usize,
    /// The target's 1-based rank, when in the top 10.
    pub rank: Option<usize>,
}

/// The scores of one engine's run over a query set.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Every query run.
    pub overall: Score,
    /// Per kind, by name: every kind of the set (a kind none of whose queries ran has 0).
    pub kinds: BTreeMap<String, Score>,
    /// The 1-based rank of the target per query run (in run order), `None` when not in the
    /// top 10.
    pub ranks: Vec<Option<usize>>,
    /// Every query run whose target did not come first, in run order.
    pub not_first: Vec<Miss>,
}

/// Scores `runs` (queries of `set` as an engine ran them, in run order, each at most once).
/// Errors name a run whose query is not in the set.
pub fn score(set: &QuerySet, runs: &[Ranked]) -> Result<Scores, String> {
    // Kinds in order of first appearance in the set, each with (queries, sum of 1/rank, found).
    let mut kinds: Vec<(&str, usize, f64, usize)> = Vec::new();
    for q in &set.queries {
        if !kinds.iter().any(|k| k.0 == q.kind) {
            kinds.push((q.kind.as_str(), 0, 0.0, 0));
        }
    }
    let mut out = Scores::default();
    for run in runs {
        let Some(item) = set.queries.get(run.query) else {
            return Err(format!(
                "run of query {} of a set of {}",
                run.query,
                set.queries.len()
            ));
        };
        let rank = run
            .ranked
            .iter()
            .take(CUTOFF)
            .position(|id| *id == item.target)
            .map(|p| p + 1);
        let k = kinds
            .iter_mut()
            .find(|k| k.0 == item.kind)
            .expect("every kind listed");
        k.1 += 1;
        if let Some(r) = rank {
            k.2 += 1.0 / r as f64;
            k.3 += 1;
        }
        out.ranks.push(rank);
        if rank != Some(1) {
            out.not_first.push(Miss {
                query: run.query,
                rank,
            });
        }
    }
    let to_score = |n: usize, rr: f64, found: usize| Score {
        queries: n,
        mrr10: if n == 0 { 0.0 } else { rr / n as f64 },
        found10: if n == 0 { 0.0 } else { found as f64 / n as f64 },
    };
    let (n, rr, found) = kinds
        .iter()
        .fold((0, 0.0, 0), |t, k| (t.0 + k.1, t.1 + k.2, t.2 + k.3));
    out.overall = to_score(n, rr, found);
    out.kinds = kinds
        .iter()
        .map(|&(kind, n, rr, found)| (kind.to_string(), to_score(n, rr, found)))
        .collect();
    Ok(out)
}
