//! What deriving a pack's postings at load costs (pack v5 ships the term dictionary, not the
//! postings): reads a pack (`lede ingest --pack FILE`) whole as the app does, and times its
//! parts — the corpus section alone, tokenizing every indexed text (the floor of any
//! derivation), the derivation with the pack's dictionary, and `Index::build` of the same corpus
//! (interning and sorting the terms too) — as the median of five rounds of this thread's CPU
//! time (Linux `/proc/thread-self/schedstat`: steadier than wall time on a shared machine).
//! Run with `cargo run --release -p lede-search --example pack_derive FILE`.

mod support;
use support::median_ms;

use lede_corpus::CompactReader;
use lede_search::pack::read_pack;
use lede_search::Index;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pack_derive FILE.lede");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let (corpus, index) = read_pack(&bytes).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let stats = index.stats();
    drop(index);
    let section = u64::from_le_bytes(bytes[28..36].try_into().expect("8 bytes")) as usize;
    let compact = &bytes[36 + section..];
    let whole = median_ms(|| {
        read_pack(&bytes).expect("the pack reads");
    });
    let corpus_only = median_ms(|| {
        let mut reader = CompactReader::new();
        for chunk in compact.chunks(64 * 1024) {
            reader.push(chunk).expect("the corpus reads");
        }
        reader.finish().expect("the corpus reads");
    });
    let mut words = 0usize;
    let tokenize = median_ms(|| {
        words = 0;
        let mut count = |_: &str, _: usize, _: usize, _: bool| words += 1;
        for a in &corpus.articles {
            lede_text::for_each_word_and_part(&a.title, &mut count);
            for p in &a.paragraphs {
                lede_text::for_each_word_and_part(p, &mut count);
            }
            for q in &a.quotes {
                lede_text::for_each_word_and_part(q.text(&a.paragraphs), &mut count);
            }
        }
    });
    let build = median_ms(|| {
        Index::build(&corpus);
    });
    println!(
        "{path}: {} articles, {} terms, {words} words of titles, paragraphs and quotes, {} B of postings",
        stats.articles, stats.terms, stats.postings_bytes
    );
    println!("CPU ms, median of 5: whole pack read {whole:.0} (corpus section alone {corpus_only:.0}; the rest, deriving the index and the facts, {:.0}); tokenizing alone {tokenize:.0}; Index::build {build:.0}", whole - corpus_only);
}
