//! The entity extractor (bundled model) on any paragraphs and their quotes: never panics, and
//! every mention lies inside its paragraph.
#![no_main]

use std::sync::LazyLock;

use lede_entities::Tagger;
use libfuzzer_sys::fuzz_target;

static TAGGER: LazyLock<Tagger> = LazyLock::new(Tagger::bundled);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let paragraphs: lede_corpus::Paragraphs = text.split('\n').map(str::to_string).collect();
    let mut quotes = lede_quotes::extract_quotes(&paragraphs);
    let entities = lede_entities::extract_entities(&paragraphs, &TAGGER, &quotes);
    for e in &entities {
        for m in &e.mentions {
            let len = paragraphs[m.paragraph].chars().count();
            assert!(
                m.start < m.end && m.end <= len,
                "{m:?} in a paragraph of {len}"
            );
        }
    }
    lede_entities::link_speakers(&mut quotes, &entities);
});
