//! Search speed and relevance on Reuters-21578 (read from ../shared; skipped when absent): the
//! index build, then known-item queries of four kinds (title words, title words with one typo,
//! title words with the last word cut short, three rare body words with one typo) against a
//! baseline measured in the same run, a naive linear scan over the folded texts. Prints MRR@10
//! and latency percentiles per kind, then runs the criterion benchmarks.

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use lede_search::{Index, Query};

#[path = "support/known_item.rs"]
mod known_item;
#[path = "support/reuters.rs"]
mod reuters;

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
    let scan = known_item::LinearScan::new(&corpus);
    let items = known_item::generate(&corpus, 500, 21578);
    known_item::print(&known_item::evaluate(&index, &corpus, &scan, &items));

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
    for kind in known_item::Kind::ALL {
        let queries: Vec<Query> = items
            .iter()
            .filter(|i| i.kind == kind)
            .take(50)
            .map(|i| {
                let mut q = Query::parse(&i.query);
                q.limit = 10;
                q.snippets = 0;
                q
            })
            .collect();
        let texts: Vec<&str> = items
            .iter()
            .filter(|i| i.kind == kind)
            .take(50)
            .map(|i| i.query.as_str())
            .collect();
        group.bench_function(format!("{}/engine", kind.name()), |b| {
            b.iter(|| {
                queries
                    .iter()
                    .map(|q| index.search(&corpus, q).total)
                    .sum::<usize>()
            })
        });
        group.bench_function(format!("{}/linear_scan", kind.name()), |b| {
            b.iter(|| texts.iter().map(|q| scan.search(q).len()).sum::<usize>())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
