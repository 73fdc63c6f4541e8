//! lede-text's UAX #29 segmenters (the snippets' sentences, the tokenizer's words) give what
//! the `unicode-segmentation` crate gives on every paragraph and title of Reuters-21578 and
//! PolNeAR (research data in `../shared`; skipped with a notice when it is absent).

use lede_ingest::{ingest_paths, IngestOptions};
use lede_text::uax29::{for_each_word, sentence_bounds};
use unicode_segmentation::UnicodeSegmentation;

#[test]
fn sentences_and_words_match_the_crate_on_real_news() {
    let (mut checked, mut non_ascii) = (0, 0);
    for rel in ["corpora/reuters21578", "corpora/polnear"] {
        let Some(dir) = lede_testdata::shared_path("segmentation_agrees_on_real_news", rel) else {
            return;
        };
        let ingested = ingest_paths(&[dir], &IngestOptions::default());
        assert!(
            ingested.articles.len() > 1000,
            "{rel}: {}",
            ingested.articles.len()
        );
        for a in &ingested.articles {
            for text in std::iter::once(a.title.as_str()).chain(&a.paragraphs) {
                let unicode: Vec<usize> = text
                    .split_sentence_bound_indices()
                    .map(|(i, s)| i + s.len())
                    .collect();
                assert_eq!(sentence_bounds(text), unicode, "{} ({rel}): {text:?}", a.id);
                let mut ours = Vec::new();
                for_each_word(text, |at, w| ours.push((at, w)));
                let unicode: Vec<(usize, &str)> = text.unicode_word_indices().collect();
                assert_eq!(ours, unicode, "{} ({rel}): {text:?}", a.id);
                checked += 1;
                non_ascii += usize::from(!text.is_ascii());
            }
        }
    }
    println!("{checked} texts compared, {non_ascii} of them not ASCII");
    assert!(checked > 100_000, "{checked} texts");
}
