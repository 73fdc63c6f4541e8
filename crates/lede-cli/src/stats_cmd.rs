//! `lede stats`: load and validate a corpus, print its counts.

use std::path::Path;
use std::process::ExitCode;

use lede_corpus::Corpus;

/// Runs `lede stats CORPUS`.
pub fn stats(path: &Path) -> ExitCode {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    match Corpus::from_json(&text) {
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
