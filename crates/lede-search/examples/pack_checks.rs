//! What checking a pack as it is read costs: reads a pack (`lede ingest --pack FILE`) the way
//! the app does (`PackReader`, every article and postings list checked, in 64 KiB pieces) and,
//! as the baseline in the same run, with the checks left out (the sections decoded as trusted
//! bytes, which is what packs got before forged ones were shown to panic the reader). Prints
//! the median of five rounds of each and their ratio. Run with
//! `cargo run --release -p lede-search --example pack_checks FILE`.

use std::time::Instant;

use lede_corpus::CompactReader;
use lede_search::pack::PackReader;
use lede_search::Index;

/// Bytes before the index: magic, version, index length, checksum.
const HEADER: usize = 28;

fn median(mut ms: Vec<f64>) -> f64 {
    ms.sort_by(f64::total_cmp);
    ms[ms.len() / 2]
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pack_checks FILE.lede");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let index_len = u64::from_le_bytes(bytes[12..20].try_into().expect("8 bytes")) as usize;
    let (index_bytes, corpus_bytes) = bytes[HEADER..].split_at(index_len);
    let (mut checked, mut trusted) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let t = Instant::now();
        let mut reader = PackReader::new();
        for chunk in bytes.chunks(64 * 1024) {
            reader.push(chunk).expect("the pack reads");
        }
        let (corpus, _) = reader.finish().expect("the pack reads");
        checked.push(t.elapsed().as_secs_f64() * 1000.0);
        let articles = corpus.articles.len();
        drop(corpus);

        let t = Instant::now();
        let _index = Index::from_verified_bytes(index_bytes).expect("the index reads");
        let mut reader = CompactReader::verified();
        for chunk in corpus_bytes.chunks(64 * 1024) {
            reader.push(chunk).expect("the corpus reads");
        }
        let corpus = reader.finish().expect("the corpus reads");
        trusted.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(corpus.articles.len(), articles);
    }
    let (checked, trusted) = (median(checked), median(trusted));
    println!(
        "{path}: read with every check {checked:.0} ms, as trusted bytes {trusted:.0} ms (median of 5): checks cost {:.2}x",
        checked / trusted
    );
}
