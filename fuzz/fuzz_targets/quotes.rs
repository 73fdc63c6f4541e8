//! The quote extractor on any paragraphs: never panics, and every quote's text is the text at
//! its offsets (chars) inside its paragraph, as the corpus format requires.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let paragraphs: lede_corpus::Paragraphs = text.split('\n').map(str::to_string).collect();
    for q in lede_quotes::extract_quotes(&paragraphs) {
        let p = &paragraphs[q.paragraph];
        assert!(q.start <= q.end && q.end <= p.chars().count());
        let at: String = p.chars().skip(q.start).take(q.end - q.start).collect();
        assert_eq!(at, q.text(&paragraphs));
        if let Some(next) = q.next {
            assert!(next > 0);
        }
    }
});
