//! Reuters-21578 for the search benchmark and the relevance example, read by lede-ingest (the
//! same articles `lede ingest` gives the app; quotes and entities are not extracted here).

use std::path::Path;

use lede_corpus::Corpus;
use lede_ingest::{ingest_paths, IngestOptions};

/// Ingests every Reuters SGML file in `dir` into a corpus (stories without a body are left out,
/// as ingest reports them).
pub fn load(dir: &Path) -> Corpus {
    let ingested = ingest_paths(&[dir.to_path_buf()], &IngestOptions::default());
    Corpus::new(ingested.articles)
}

/// Bytes of text a corpus holds: titles and paragraphs.
pub fn text_bytes(corpus: &Corpus) -> usize {
    corpus
        .articles
        .iter()
        .map(|a| a.title.len() + a.paragraphs.text_len())
        .sum()
}
