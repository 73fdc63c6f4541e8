//! Impossible dates at ingest: the article is kept without its date, and the report names the
//! file and the record; the corpus written then loads.

use std::path::Path;

use lede_corpus::Corpus;
use lede_ingest::{ingest_bytes, IngestOptions, Severity};

#[test]
fn an_impossible_date_in_a_lede_article_is_a_warning_naming_file_and_record() {
    let json = br#"[
        {"id": "a", "title": "Leap day", "paragraphs": ["Text."], "date": "2024-02-29"},
        {"id": "b", "title": "No such day", "paragraphs": ["Text."], "date": "2023-02-30"}
    ]"#;
    let result = ingest_bytes(Path::new("a.json"), json, &IngestOptions::default());
    assert_eq!((result.ingested(), result.rejected()), (2, 0));
    assert_eq!(result.articles[0].date.as_deref(), Some("2024-02-29"));
    assert_eq!(result.articles[1].date, None, "left out");
    assert_eq!(result.warnings(), 1, "{:?}", result.report);
    let entry = &result.report[0];
    assert_eq!(entry.severity, Severity::Warning);
    assert_eq!(entry.location.file, Path::new("a.json"));
    assert_eq!(entry.location.record, Some(1));
    assert_eq!(
        entry.reason,
        "date \"2023-02-30\" is not a real date: February 2023 has 28 days; left out"
    );
    assert!(entry.to_string().contains("a.json"), "{entry}");
    let written = Corpus::new(result.articles).to_json_pretty();
    Corpus::from_json(&written).expect("the corpus written loads");
}

#[test]
fn an_impossible_date_in_a_single_article_file_names_its_record() {
    let json = br#"{"id": "b", "title": "T", "paragraphs": ["Text."], "date": "2023-04-31"}"#;
    let result = ingest_bytes(Path::new("b.json"), json, &IngestOptions::default());
    assert_eq!(result.ingested(), 1);
    assert_eq!(result.articles[0].date, None);
    let warnings: Vec<String> = result.report.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        warnings,
        [
            "warning: b.json:1 (record 0, byte 0): date \"2023-04-31\" is not a real date: \
          April 2023 has 30 days; left out"
        ]
    );
}

#[test]
fn an_impossible_date_in_mapped_fields_is_left_out_with_a_warning() {
    let json = br#"{"headline": "T", "content": "Text.", "published_at": "2023-02-30"}"#;
    let result = ingest_bytes(Path::new("c.json"), json, &IngestOptions::default());
    assert_eq!(result.ingested(), 1);
    assert_eq!(result.articles[0].date, None);
    assert!(
        result
            .report
            .iter()
            .any(|e| e.severity == Severity::Warning && e.reason.contains("2023-02-30")),
        "{:?}",
        result.report
    );
}
