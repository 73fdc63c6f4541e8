//! The corpus loader on any bytes, whole (`Corpus::from_json`) and streamed in pieces
//! (`CorpusReader`, what the app uses): neither panics, and they agree on whether the bytes
//! are a corpus and on its articles.
#![no_main]

use lede_corpus::{Corpus, CorpusReader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the piece size, so the chunking is fuzzed too.
    let Some((&size, bytes)) = data.split_first() else {
        return;
    };
    let mut reader = CorpusReader::new();
    let streamed = bytes
        .chunks(usize::from(size).max(1))
        .try_for_each(|c| reader.push(c))
        .and_then(|()| reader.finish());
    if let Ok(text) = std::str::from_utf8(bytes) {
        let whole = Corpus::from_json(text);
        match (&whole, &streamed) {
            (Ok(a), Ok(b)) => assert_eq!(a.articles, b.articles),
            (Err(_), Err(_)) => {}
            _ => panic!(
                "whole and streamed loading disagree: {:?} vs {:?}",
                whole.as_ref().map(|c| c.articles.len()),
                streamed.as_ref().map(|c| c.articles.len())
            ),
        }
    }
});
