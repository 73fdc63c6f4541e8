//! Times building the index and one search over a corpus file (JSON), to find what a very long
//! paragraph costs. Run with `cargo run --release -p lede-search --example big_paragraph FILE`.

use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: big_paragraph FILE.json [QUERY]");
    let query = std::env::args().nth(2).unwrap_or_else(|| "harbour".into());
    let text = std::fs::read_to_string(&path).expect("readable");
    let corpus = lede_corpus::Corpus::from_json(&text).expect("a corpus");
    let t = Instant::now();
    let index = lede_search::Index::build(&corpus);
    println!("index {:.0} ms", t.elapsed().as_secs_f64() * 1000.0);
    let mut q = lede_search::Query::parse(&query);
    for snippets in [0, 2] {
        q.snippets = snippets;
        let t = Instant::now();
        let r = index.search(&corpus, &q);
        println!(
            "search {query:?} with {snippets} snippets: {} hits, {:.0} ms",
            r.total,
            t.elapsed().as_secs_f64() * 1000.0
        );
    }
}
