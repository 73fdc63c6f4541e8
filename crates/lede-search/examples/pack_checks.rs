//! What checking a pack as it is read costs: reads a pack (`lede ingest --pack FILE`) the way
//! the app does (`PackReader`, every article and postings number checked, in 64 KiB pieces),
//! then its corpus section alone with the article checks and, as the baseline in the same run,
//! without them (trusted bytes, what packs got before forged ones were shown to panic the
//! reader). The index section's checks are part of deriving its postings from the corpus, so
//! they have no unchecked baseline. Prints the median of five rounds of each and the ratio.
//! Run with `cargo run --release -p lede-search --example pack_checks FILE`.

use std::time::Instant;

use lede_corpus::CompactReader;
use lede_search::pack::PackReader;

/// Bytes before the index: magic, version, postings bytes, checksum, index length.
const HEADER: usize = 36;

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
    let index_len = u64::from_le_bytes(bytes[28..36].try_into().expect("8 bytes")) as usize;
    let (_, corpus_bytes) = bytes[HEADER..].split_at(index_len);
    let read_corpus = |mut reader: CompactReader| {
        for chunk in corpus_bytes.chunks(64 * 1024) {
            reader.push(chunk).expect("the corpus reads");
        }
        reader.finish().expect("the corpus reads").articles.len()
    };
    let (mut whole, mut checked, mut trusted) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..5 {
        let t = Instant::now();
        let mut reader = PackReader::new();
        for chunk in bytes.chunks(64 * 1024) {
            reader.push(chunk).expect("the pack reads");
        }
        let (corpus, _) = reader.finish().expect("the pack reads");
        whole.push(t.elapsed().as_secs_f64() * 1000.0);
        let articles = corpus.articles.len();
        drop(corpus);

        let t = Instant::now();
        assert_eq!(read_corpus(CompactReader::new()), articles);
        checked.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        assert_eq!(read_corpus(CompactReader::verified()), articles);
        trusted.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "{path}: the whole pack read with every check {:.0} ms",
        median(whole)
    );
    let (checked, trusted) = (median(checked), median(trusted));
    println!(
        "its corpus with the article checks {checked:.0} ms, as trusted bytes {trusted:.0} ms (median of 5): checks cost {:.2}x",
        checked / trusted
    );
}
