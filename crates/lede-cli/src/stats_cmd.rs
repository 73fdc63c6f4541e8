//! `lede stats`: load and validate a corpus as the app does (a pack by its magic, otherwise
//! JSON read through the same streaming reader and checks), print its counts.

use std::path::Path;
use std::process::ExitCode;

use lede_corpus::{Corpus, CorpusReader};

/// Reads `bytes` as the app's loader does: a pack (`lede ingest --pack`) by its first bytes,
/// anything else as corpus JSON fed to [`CorpusReader`] in pieces, as a download arrives.
/// Errors are sentences.
pub fn load_like_the_app(bytes: &[u8]) -> Result<Corpus, String> {
    if lede_search::pack::is_pack(bytes) {
        let mut reader = lede_search::pack::PackReader::new();
        for chunk in bytes.chunks(CHUNK) {
            reader
                .push(chunk)
                .map_err(|e| format!("not a valid Lede pack: {e}"))?;
        }
        let (corpus, _index) = reader
            .finish()
            .map_err(|e| format!("not a valid Lede pack: {e}"))?;
        return Ok(corpus);
    }
    let mut reader = CorpusReader::new();
    for chunk in bytes.chunks(CHUNK) {
        reader
            .push(chunk)
            .map_err(|e| format!("not a valid corpus: {e}"))?;
    }
    reader
        .finish()
        .map_err(|e| format!("not a valid corpus: {e}"))
}

/// The piece size fed to the readers (what a browser's stream typically hands over).
const CHUNK: usize = 64 * 1024;

/// Runs `lede stats CORPUS`.
pub fn stats(path: &Path) -> ExitCode {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    match load_like_the_app(&bytes) {
        Ok(corpus) => {
            let paragraphs: usize = corpus.articles.iter().map(|a| a.paragraphs.len()).sum();
            let quotes: usize = corpus.articles.iter().map(|a| a.quotes.len()).sum();
            println!(
                "{}: {} articles, {paragraphs} paragraphs, {quotes} quotes, {} entities",
                path.display(),
                corpus.articles.len(),
                corpus.entities.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}
