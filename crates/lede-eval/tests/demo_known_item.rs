//! Known-item search on the repository's demo corpus (data/demo, read by lede-ingest as `lede
//! ingest` reads it), with the one known-item generator (`lede_eval::known_item::generate`, as
//! `bench/run` and `lede eval make-queries` use it): titles with one typo, and titles with the
//! last word cut short, find their article first.

use lede_corpus::Corpus;
use lede_eval::known_item::{generate, KnownItem};
use lede_ingest::{ingest_paths, IngestOptions};
use lede_search::{Index, Query};

fn demo_corpus() -> Corpus {
    let dir = lede_testdata::repo_root().join("data/demo");
    let ingested = ingest_paths(&[dir], &IngestOptions::default());
    Corpus::new(ingested.articles)
}

/// Share of the generated queries of `kind` whose target ranks first, and how many there are.
fn first_rate(index: &Index, corpus: &Corpus, queries: &[KnownItem], kind: &str) -> (f64, usize) {
    let of_kind: Vec<&KnownItem> = queries.iter().filter(|q| q.kind == kind).collect();
    let mut misses = Vec::new();
    for q in &of_kind {
        let r = index.search(corpus, &Query::parse(&q.q));
        let first = r
            .hits
            .first()
            .map(|h| corpus.articles[h.article].id.as_str());
        if first != Some(q.target.as_str()) {
            misses.push(q.q.clone());
        }
    }
    println!("{kind} misses: {misses:?}");
    (
        1.0 - misses.len() as f64 / of_kind.len() as f64,
        of_kind.len(),
    )
}

#[test]
fn titles_with_one_typo_find_their_article_first() {
    let corpus = demo_corpus();
    assert!(corpus.articles.len() >= 40, "the demo corpus is there");
    let index = Index::build(&corpus);
    let queries = generate(&corpus, corpus.articles.len(), 6);
    let (rate, n) = first_rate(&index, &corpus, &queries, "typo");
    assert!(n >= 30, "{n} typo queries");
    assert!(
        rate >= 0.95,
        "only {rate:.3} of typo'd titles rank their article first"
    );
}

#[test]
fn titles_with_the_last_word_cut_find_their_article_first() {
    let corpus = demo_corpus();
    let index = Index::build(&corpus);
    let queries = generate(&corpus, corpus.articles.len(), 6);
    let (rate, n) = first_rate(&index, &corpus, &queries, "prefix");
    assert!(n >= 30, "{n} prefix queries");
    assert!(
        rate >= 0.95,
        "only {rate:.3} of cut titles rank their article first"
    );
}
