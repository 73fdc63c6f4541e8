//! Golden test on the user's seed article (read from ../shared; skipped when absent).

use lede_corpus::Article;
use lede_ingest::raw_text::{parse_raw_article, Missing};

/// The seed article, under ../shared.
const SEED: &str = "seeds/000_b349bb90d9221d2a.txt";

/// The fields the seed article has however it is read: title, date, editor, dateline, source,
/// and ten paragraphs (counted by hand: the file has 15 lines; masthead, two headline copies and
/// three blank lines leave ten body lines, KABUL - … to Atmar meanwhile …).
fn assert_seed_fields(a: &Article) {
    assert_eq!(
        a.title,
        "China’s FM Discusses Beijing’s Ongoing Support with Atmar"
    );
    assert_eq!(a.date.as_deref(), Some("2024-07-01"));
    assert_eq!(a.editor.as_deref(), Some("Moh. Reza Huwaida"));
    assert_eq!(a.dateline.as_deref(), Some("Kabul"));
    assert_eq!(a.source.as_deref(), Some("ATN"));
    assert_eq!(a.paragraphs.len(), 10);
}

#[test]
fn seed_article_parses_into_exact_fields() {
    let Some(path) = lede_testdata::shared_path("seed_article_parses_into_exact_fields", SEED)
    else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let parsed = parse_raw_article("000_b349bb90d9221d2a", &text).unwrap();
    let a = &parsed.article;
    assert!(parsed.missing.is_empty(), "{:?}", parsed.missing);
    assert_seed_fields(a);
    assert_eq!(
        &a.paragraphs[0],
        "China says it is willing to deepen counter-terrorism and security cooperation with \
         Afghanistan and to help Kabul strengthen its counter-terrorism capacities."
    );
    assert_eq!(
        &a.paragraphs[9],
        "Atmar meanwhile said Afghanistan is firmly committed to strengthening its relations \
         with China, and hopes to conduct strategic dialogue and communication with China on \
         deepening bilateral pragmatic and counter-terrorism cooperation as well as advancing \
         regional cooperation."
    );
    assert!(a.paragraphs[3].starts_with("Wang also said: “China appreciates"));
}

#[test]
fn missing_parts_are_named() {
    let parsed = parse_raw_article("x", "Just a headline\nA body line without tag.\n").unwrap();
    assert_eq!(
        parsed.missing,
        vec![Missing::Masthead, Missing::Dateline, Missing::SourceTag]
    );
}

#[test]
fn seed_article_through_the_whole_pipeline() {
    let Some(path) = lede_testdata::shared_path("seed_article_through_the_whole_pipeline", SEED)
    else {
        return;
    };
    let result = lede_ingest::ingest_paths(&[path], &lede_ingest::IngestOptions::default());
    assert_eq!(
        (result.read, result.ingested(), result.rejected()),
        (1, 1, 0)
    );
    assert!(result.report.is_empty(), "{:?}", result.report);
    let a = &result.articles[0];
    assert_eq!(a.id, "000_b349bb90d9221d2a");
    assert_seed_fields(a);
    assert!(a.paragraphs[0].starts_with("China says it is willing"));
    assert!(a.paragraphs[9].ends_with("advancing regional cooperation."));
    assert!(!a
        .paragraphs
        .iter()
        .any(|p| p.contains("(ATN)") || p.contains("KABUL")));
}
