//! Search speed and relevance on Reuters-21578 (read from ../shared; skipped when absent): the
//! index build, then the known-item queries `bench/run` uses (`lede_eval::known_item::generate`,
//! 100 per kind, seed 6: title words, title words with one typo, title words with the last word
//! cut short, three rare body words with one typo) against a baseline measured in the same run,
//! a naive linear scan over the folded texts. Prints MRR@10 and latency percentiles per kind,
//! then runs the criterion benchmarks. Lives in lede-eval, not lede-search, because the
//! generator does (lede-eval depends on lede-search).

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use lede_search::{Index, Query};

use lede_eval::known_item::{self, KINDS};

#[path = "support/reuters.rs"]
mod reuters;
#[path = "support/speed.rs"]
mod speed;

fn bench(c: &mut Criterion) {
    let Some(dir) = lede_testdata::shared_path("bench search", "corpora/reuters21578") else {
        return;
    };
    let corpus = reuters::load(&dir);
    let text = reuters::text_bytes(&corpus);
    let t = Instant::now();
    let index = Index::build(&corpus);
    let build = t.elapsed();
    let stats = index.stats();
    println!(
        "Reuters: {} articles, {:.1} MiB of text; index built in {:.0} ms, {:.1} MiB ({:.2}x the \
         text), {:.1} MiB as bytes",
        corpus.articles.len(),
        text as f64 / 1048576.0,
        build.as_secs_f64() * 1e3,
        stats.heap_bytes as f64 / 1048576.0,
        stats.heap_bytes as f64 / text as f64,
        index.to_bytes().len() as f64 / 1048576.0,
    );
    let scan = speed::LinearScan::new(&corpus);
    let items = known_item::generate(&corpus, 100, 6);
    speed::print(&speed::evaluate(&index, &corpus, &scan, &items));

    let mut group = c.benchmark_group("reuters_build");
    group.sample_size(10);
    group.bench_function("index_build", |b| b.iter(|| Index::build(&corpus)));
    let bytes = index.to_bytes();
    group.bench_function("index_from_bytes", |b| {
        b.iter(|| Index::from_bytes(&bytes).expect("loads"))
    });
    group.finish();

    let mut group = c.benchmark_group("reuters_50_queries");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(3));
    for kind in KINDS {
        let queries: Vec<Query> = items
            .iter()
            .filter(|i| i.kind == kind)
            .take(50)
            .map(|i| {
                let mut q = Query::parse(&i.q);
                q.limit = 10;
                q.snippets = 0;
                q
            })
            .collect();
        let texts: Vec<&str> = items
            .iter()
            .filter(|i| i.kind == kind)
            .take(50)
            .map(|i| i.q.as_str())
            .collect();
        group.bench_function(format!("{kind}/engine"), |b| {
            b.iter(|| {
                queries
                    .iter()
                    .map(|q| index.search(&corpus, q).total)
                    .sum::<usize>()
            })
        });
        group.bench_function(format!("{kind}/linear_scan"), |b| {
            b.iter(|| texts.iter().map(|q| scan.search(q).len()).sum::<usize>())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
