//! The query parser on any text, and the parsed query run over a small corpus: never panics,
//! and the hits are articles of the corpus.
#![no_main]

use std::sync::LazyLock;

use lede_corpus::Corpus;
use lede_search::{Index, Query};
use libfuzzer_sys::fuzz_target;

static CORPUS: LazyLock<(Corpus, Index)> = LazyLock::new(|| {
    let corpus = Corpus::from_json(
        r#"{"articles": [
            {"id": "a", "title": "Harbour council votes", "date": "2024-03-05", "source": "VNA",
             "body": "The harbour council voted on Monday. “It is overdue,” the mayor said."},
            {"id": "b", "title": "Ferry returns", "date": "2023-11-30",
             "body": "The ferry sails again from Tolven, said Ana Petrov."}
        ]}"#,
    )
    .expect("the fixed corpus loads");
    let index = Index::build(&corpus);
    (corpus, index)
});

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let query = Query::parse(&text);
    let (corpus, index) = &*CORPUS;
    let results = index.search(corpus, &query);
    for hit in &results.hits {
        assert!(hit.article < corpus.articles.len());
    }
});
