//! Speed of ingesting the shared research corpora (all Reuters-21578 files plus PolNeAR's
//! data/), by stage: read/parse (with id checks), annotate (the quote extractor, the one that
//! exists so far), and write (serialising the corpus). Skips with a notice when ../shared is
//! absent. Run: `cargo bench -p lede-ingest`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use lede_corpus::{Article, Corpus};
use lede_ingest::{ingest_paths, IngestOptions};

fn inputs() -> Option<Vec<PathBuf>> {
    let reuters = lede_testdata::shared_path("bench ingest", "corpora/reuters21578")?;
    let polnear = lede_testdata::shared_path("bench ingest", "corpora/polnear/data")?;
    Some(vec![reuters, polnear])
}

fn bench(c: &mut Criterion) {
    let Some(paths) = inputs() else {
        return;
    };
    let options = IngestOptions::default();
    let once = ingest_paths(&paths, &options);
    let t = once.timings;
    println!(
        "shared corpora: {} read, {} ingested, {} rejected, {} warnings; one run: read/parse \
         {:?}, ids {:?}, annotate {:?}",
        once.read,
        once.ingested(),
        once.rejected(),
        once.warnings(),
        t.read_parse,
        t.ids,
        t.annotate
    );

    let mut group = c.benchmark_group("ingest");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("read_parse_ids_annotate", |b| {
        b.iter(|| black_box(ingest_paths(black_box(&paths), &options)))
    });
    let quotes = |a: &mut Article| a.quotes = lede_quotes::extract_quotes(&a.paragraphs);
    let with_quotes = IngestOptions {
        annotate: Some(&quotes),
        ..IngestOptions::default()
    };
    let annotated = ingest_paths(&paths, &with_quotes);
    println!(
        "with the quote extractor: {} quotes; one run: read/parse {:?}, ids {:?}, annotate {:?}",
        annotated
            .articles
            .iter()
            .map(|a| a.quotes.len())
            .sum::<usize>(),
        annotated.timings.read_parse,
        annotated.timings.ids,
        annotated.timings.annotate
    );
    group.bench_function("read_parse_ids_quotes", |b| {
        b.iter(|| black_box(ingest_paths(black_box(&paths), &with_quotes)))
    });
    let articles = annotated.articles;
    group.bench_function("write", |b| {
        b.iter(|| {
            let corpus = Corpus::new(articles.clone());
            black_box(corpus.to_json_pretty().len())
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
