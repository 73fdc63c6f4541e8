//! Known-item relevance and speed on Reuters-21578 (read from ../shared; skipped when absent):
//! index build time and memory against the corpus text, MRR@10 and latency percentiles per
//! query kind, against a naive linear scan. Run with
//! `cargo run --release -p lede-eval --example relevance [QUERIES_PER_KIND] [--dump DIR]`;
//! `--dump DIR` also writes the corpus (`reuters.json`), its stored index (`reuters.index`) and
//! the queries (`queries.tsv`: kind, target article index, text) to DIR, which must lie outside
//! the repository, for a browser benchmark.

use std::time::Instant;

use lede_eval::known_item;

#[path = "../benches/support/reuters.rs"]
mod reuters;
#[path = "../benches/support/speed.rs"]
mod speed;

// The counting allocator of lede-search's pack_memory example (one for both).
#[path = "../../lede-search/examples/support/counting.rs"]
mod counting;
use counting::{live, mib, peak, reset_peak};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let per_kind: usize = args.first().and_then(|s| s.parse().ok()).unwrap_or(100);
    let dump = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1))
        .map(std::path::PathBuf::from);
    let Some(dir) = lede_testdata::shared_path("example relevance", "corpora/reuters21578") else {
        return;
    };
    let t = Instant::now();
    let corpus = reuters::load(&dir);
    let text = reuters::text_bytes(&corpus);
    println!(
        "Reuters: {} articles, {:.1} MiB of title and body text, read in {:.2} s",
        corpus.articles.len(),
        mib(text),
        t.elapsed().as_secs_f64()
    );
    let json = corpus.to_json_pretty().len();
    println!("corpus JSON: {:.1} MiB", mib(json));

    let before = live();
    reset_peak();
    let t = Instant::now();
    let index = lede_search::Index::build(&corpus);
    let build = t.elapsed();
    let held = live() - before;
    let peak = peak() - before;
    let stats = index.stats();
    println!(
        "index build: {:.0} ms; held {:.1} MiB ({:.2}x the text), peak during build {:.1} MiB; \
         {} terms, dictionary {:.2} MiB, postings {:.1} MiB",
        build.as_secs_f64() * 1e3,
        mib(held),
        held as f64 / text as f64,
        mib(peak),
        stats.terms,
        mib(stats.dictionary_bytes),
        mib(stats.postings_bytes),
    );
    let t = Instant::now();
    let jump = lede_search::JumpIndex::build(&corpus);
    println!(
        "jump index build: {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let mut times = Vec::new();
    for q in [
        "opec",
        "bundesbank",
        "zurich",
        "cocoa brazil",
        "u.s. treasury",
        "yen dolar",
    ] {
        let t = Instant::now();
        let hits = jump.find(q, 10);
        times.push(t.elapsed());
        std::hint::black_box(hits);
    }
    let (p50, _, max) = speed::percentiles(times);
    println!(
        "jump box over {} titles: p50 {:.2} ms, max {:.2} ms",
        corpus.articles.len(),
        p50.as_secs_f64() * 1e3,
        max.as_secs_f64() * 1e3
    );

    let items = known_item::generate(&corpus, per_kind, 6);
    let by_id: std::collections::HashMap<&str, usize> = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    if let Some(dir) = dump {
        let t = Instant::now();
        let bytes = index.to_bytes();
        let back = lede_search::Index::from_bytes(&bytes).expect("the stored index loads");
        println!(
            "stored index: {:.1} MiB, written and read back in {:.0} ms",
            mib(bytes.len()),
            t.elapsed().as_secs_f64() * 1e3
        );
        assert!(back.fits(&corpus));
        std::fs::create_dir_all(&dir).expect("the dump folder can be made");
        let queries: String = items
            .iter()
            .map(|it| format!("{}\t{}\t{}\n", it.kind, by_id[it.target.as_str()], it.q))
            .collect();
        std::fs::write(dir.join("reuters.json"), corpus.to_json_pretty()).expect("writable");
        std::fs::write(dir.join("reuters.index"), &bytes).expect("writable");
        std::fs::write(dir.join("queries.tsv"), queries).expect("writable");
        println!(
            "wrote reuters.json, reuters.index and queries.tsv to {}",
            dir.display()
        );
    }
    let scan = speed::LinearScan::new(&corpus);
    let reports = speed::evaluate(&index, &corpus, &scan, &items);
    speed::print(&reports);
    if std::env::var_os("LEDE_SHOW_MISSES").is_some() {
        for it in &items {
            let target = by_id[it.target.as_str()];
            let ranked = speed::top10(&index, &corpus, &it.q);
            if ranked.first() != Some(&target) {
                let got = ranked
                    .first()
                    .map_or("-".to_string(), |&d| corpus.articles[d].title.clone());
                println!(
                    "{:<15} {:?} -> rank {:?}; want {:?}; got {:?}",
                    it.kind,
                    it.q,
                    ranked.iter().position(|&d| d == target).map(|r| r + 1),
                    corpus.articles[target].title,
                    got
                );
            }
        }
    }
}
