//! Where the memory of a loaded pack goes: reads a pack (`lede ingest --pack FILE`) in 64 KiB
//! pieces as the app does, prints the peak and live heap bytes, then frees the corpus's parts
//! one by one and prints what each held. Native sizes: on wasm32 pointers and `usize` are half
//! as wide, so the app's figures are smaller. Run with
//! `cargo run --release -p lede-search --example pack_memory FILE`.

use lede_search::pack::PackReader;

#[path = "support/counting.rs"]
mod counting;
use counting::{live, mib, peak, reset_peak};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pack_memory FILE.lede");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let file_bytes = bytes.len();
    let before = live();
    reset_peak();
    let mut reader = PackReader::new();
    for chunk in bytes.chunks(64 * 1024) {
        reader.push(chunk).unwrap_or_else(|e| {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        });
    }
    let (mut corpus, index) = reader.finish().unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let peak = peak() - before;
    let total = live() - before;
    let text: usize = corpus
        .articles
        .iter()
        .map(|a| a.title.len() + a.paragraphs.text_len())
        .sum();
    println!(
        "{path}: {} articles, {:.1} MiB file, {:.1} MiB of title and paragraph text",
        corpus.articles.len(),
        mib(file_bytes),
        mib(text)
    );
    println!(
        "loading peak {:.1} MiB (besides the file's bytes), live after {:.1} MiB",
        mib(peak),
        mib(total)
    );
    let part = |name: &str, free: &mut dyn FnMut()| {
        let at = live();
        free();
        println!("  {name:<28} {:>7.1} MiB", mib(at - live()));
    };
    part("entities (per article)", &mut || {
        corpus
            .articles
            .iter_mut()
            .for_each(|a| a.entities = Vec::new())
    });
    part("entity summaries", &mut || corpus.entities = Vec::new());
    part("quotes", &mut || {
        corpus
            .articles
            .iter_mut()
            .for_each(|a| a.quotes = Vec::new())
    });
    part("tags", &mut || {
        corpus.articles.iter_mut().for_each(|a| a.tags.clear())
    });
    part("paragraphs", &mut || {
        corpus
            .articles
            .iter_mut()
            .for_each(|a| a.paragraphs = Default::default())
    });
    part("articles (the rest)", &mut || corpus.articles = Vec::new());
    let mut index = Some(index);
    part("index", &mut || drop(index.take()));
    println!("  {:<28} {:>7.1} MiB", "left", mib(live() - before));
}
