//! The pack reader and the stored-index reader on any bytes: an error or a corpus and index,
//! never a panic; what reads is searched once.
#![no_main]

use lede_search::pack::PackReader;
use lede_search::{Index, Query};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut reader = PackReader::new();
    let read = data
        .chunks(4096)
        .try_for_each(|c| reader.push(c))
        .and_then(|()| reader.finish());
    if let Ok((corpus, index)) = read {
        let _ = index.search(&corpus, &Query::parse("the"));
    }
    let _ = Index::from_bytes(data);
});
