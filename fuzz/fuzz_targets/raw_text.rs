//! The raw-text article parser on any text: it returns an article or an error, never panics,
//! and the article it returns has a title and body text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(raw) = lede_ingest::raw_text::parse_raw_article("fuzz", &text) {
        assert!(!raw.article.paragraphs.is_empty(), "an article has a body");
    }
});
