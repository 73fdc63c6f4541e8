//! The ASCII sentence splitter of the snippets agrees with the Unicode tables (UAX #29) on
//! every ASCII paragraph and title of Reuters-21578 and PolNeAR (research data in `../shared`;
//! skipped with a notice when it is absent).

use lede_ingest::{ingest_paths, IngestOptions};
use lede_search::ascii_sentence_bounds;
use unicode_segmentation::UnicodeSegmentation;

/// Sentence ends by the Unicode tables.
fn unicode_bounds(text: &str) -> Vec<usize> {
    text.split_sentence_bound_indices()
        .map(|(i, s)| i + s.len())
        .collect()
}

#[test]
fn ascii_sentences_match_unicode_on_real_news() {
    let mut checked = 0;
    for rel in ["corpora/reuters21578", "corpora/polnear"] {
        let Some(dir) =
            lede_testdata::shared_path("ascii_sentences_match_unicode_on_real_news", rel)
        else {
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
                if !text.is_ascii() {
                    continue;
                }
                assert_eq!(
                    ascii_sentence_bounds(text),
                    unicode_bounds(text),
                    "{} ({rel}): {text:?}",
                    a.id
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100_000, "{checked} texts");
}

#[test]
fn ascii_sentences_match_unicode_on_hard_cases() {
    for text in [
        "He said so. Then he left.",
        "The U.S. Treasury said 5.93 pct. it rose.",
        "Is it? Yes! (Really.) \"Quoted.\" Next",
        "No. 5 is here. e.g. this. Mr. Smith went.",
        "Ends with dots...  And more... and less.",
        "A.B. Jones, Inc. said.\r\nNew line.\nAnother;  - and: done.",
        "Trailing space.   ",
        "",
        "?!.",
        "x.Y z.9 Q.R",
    ] {
        assert_eq!(
            ascii_sentence_bounds(text),
            unicode_bounds(text),
            "{text:?}"
        );
    }
}
