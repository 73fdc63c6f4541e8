//! Loading and validating corpora: minimal ones load, wrong ones name article and field.

use lede_corpus::{Corpus, EntityKind, ErrorLocation};
use serde_json::json;

fn load(v: serde_json::Value) -> Result<Corpus, lede_corpus::CorpusError> {
    Corpus::from_json(&v.to_string())
}

fn article_error(v: serde_json::Value) -> (usize, Option<String>, String, String) {
    let err = load(v).expect_err("the corpus should be rejected");
    let text = err.to_string();
    match err.location {
        ErrorLocation::Article { index, id, field } => (index, id, field, text),
        other => panic!("expected an article error, got {other:?}: {text}"),
    }
}

#[test]
fn minimal_corpus_with_body_loads_and_derives_paragraphs() {
    let corpus = load(json!({"articles": [
        {"id": "a", "title": "  Two  spaces ", "body": "First line.\n\n  Second line.  \n"},
        {"id": "b", "title": "B", "paragraphs": ["Only one."]}
    ]}))
    .unwrap();
    assert_eq!(corpus.format, "lede-corpus");
    assert_eq!(corpus.version, 1);
    assert_eq!(corpus.articles[0].title, "Two spaces");
    assert_eq!(
        corpus.articles[0].paragraphs,
        ["First line.", "Second line."]
    );
    assert_eq!(corpus.articles[1].paragraphs, ["Only one."]);
    assert!(corpus.entities.is_empty());
}

#[test]
fn wrong_type_names_article_index_id_and_field_path() {
    let (index, id, field, text) = article_error(json!({"format": "lede-corpus", "version": 1,
    "articles": [
        {"id": "ok", "title": "t", "paragraphs": ["x"]},
        {"id": "bad", "title": "t", "paragraphs": ["x", 3]}
    ]}));
    assert_eq!(
        (index, id.as_deref(), field.as_str()),
        (1, Some("bad"), "paragraphs[1]")
    );
    assert!(
        text.starts_with("article 1 (id \"bad\"), field `paragraphs[1]`"),
        "{text}"
    );
}

#[test]
fn missing_title_is_named() {
    let (index, _, field, _) = article_error(json!({"articles": [
        {"id": "a", "paragraphs": ["x"]}
    ]}));
    assert_eq!((index, field.as_str()), (0, "title"));
}

#[test]
fn article_without_text_is_rejected() {
    let (_, id, field, _) = article_error(json!({"articles": [{"id": "a", "title": "t"}]}));
    assert_eq!((id.as_deref(), field.as_str()), (Some("a"), "paragraphs"));
}

#[test]
fn duplicate_ids_name_the_first() {
    let (index, _, field, text) = article_error(json!({"articles": [
        {"id": "a", "title": "t", "body": "x"},
        {"id": "a", "title": "u", "body": "y"}
    ]}));
    assert_eq!((index, field.as_str()), (1, "id"));
    assert!(text.contains("duplicate of article 0"), "{text}");
}

#[test]
fn dates_must_be_iso_8601() {
    for good in [
        "2024",
        "2024-07",
        "2024-07-01",
        "2024-07-01T09:30:00Z",
        "2024-07-01T09:30+04:30",
    ] {
        load(json!({"articles": [{"id": "a", "title": "t", "body": "x", "date": good}]}))
            .unwrap_or_else(|e| panic!("{good}: {e}"));
    }
    for bad in [
        "July 1st, 2024",
        "2024-13-01",
        "24-07-01",
        "2024-07-01T25:00",
    ] {
        let (_, _, field, _) = article_error(
            json!({"articles": [{"id": "a", "title": "t", "body": "x", "date": bad}]}),
        );
        assert_eq!(field, "date", "{bad}");
    }
}

#[test]
fn quote_offsets_count_chars_and_must_match_the_text() {
    let para = "“Curly marks,” she said.";
    let ok = load(
        json!({"articles": [{"id": "a", "title": "t", "paragraphs": [para],
        "quotes": [{"paragraph": 0, "start": 1, "end": 13, "text": "Curly marks,"}]}]}),
    )
    .unwrap();
    let a = &ok.articles[0];
    assert_eq!(a.quotes[0].held_text, None, "a loaded quote holds no copy");
    assert_eq!(a.quotes[0].text(&a.paragraphs), "Curly marks,");
    // Byte offsets (3..15) are what a careless producer would write: rejected, with the field.
    let (_, _, field, text) = article_error(json!({"articles": [{"id": "a", "title": "t",
        "paragraphs": [para],
        "quotes": [{"paragraph": 0, "start": 3, "end": 15, "text": "Curly marks,"}]}]}));
    assert_eq!(field, "quotes[0].text");
    assert!(text.contains("offsets count chars"), "{text}");
    assert!(
        text.contains("`quotes[0].text`: \"Curly marks,\" is not the text at chars 3..15 (\"rly marks,” \"): offsets count chars"),
        "the message quotes the given text and its offsets: {text}"
    );
    let (_, _, field, _) = article_error(json!({"articles": [{"id": "a", "title": "t",
        "paragraphs": [para],
        "quotes": [{"paragraph": 2, "start": 0, "end": 1, "text": "“"}]}]}));
    assert_eq!(field, "quotes[0].paragraph");
}

#[test]
fn entity_table_is_derived_and_references_are_checked() {
    let corpus = load(json!({"articles": [
        {"id": "a", "title": "t", "paragraphs": ["Wang Yi met Atmar. Wang spoke."],
         "entities": [{"id": "wang-yi", "name": "Wang Yi", "kind": "person", "aliases": ["Wang"],
                       "mentions": [{"paragraph": 0, "start": 0, "end": 7}]}],
         "quotes": [{"paragraph": 0, "start": 0, "end": 4, "text": "Wang",
                     "speaker": {"name": "Wang Yi", "entity": "wang-yi"}}]},
        {"id": "b", "title": "u", "paragraphs": ["Wang Yi again."],
         "entities": [{"id": "wang-yi", "name": "Wang Yi", "kind": "person"}]}
    ]}))
    .unwrap();
    assert_eq!(corpus.entities.len(), 1);
    let row = &corpus.entities[0];
    assert_eq!(
        (row.kind, row.article_count, row.quoted_count),
        (EntityKind::Person, 2, 1)
    );
    assert_eq!(row.aliases.as_ref(), ["Wang"]);

    let err = load(
        json!({"entities": [{"id": "x", "name": "X", "kind": "place"}],
        "articles": [{"id": "a", "title": "t", "paragraphs": ["p"],
                      "entities": [{"id": "y", "name": "Y", "kind": "place"}]}]}),
    )
    .unwrap_err();
    assert!(err.to_string().contains("entities[0].id"), "{err}");

    let (_, _, field, _) = article_error(json!({"articles": [{"id": "a", "title": "t",
        "paragraphs": ["p"], "entities": [{"id": "y", "name": "Y", "kind": "planet"}]}]}));
    assert_eq!(field, "entities[0].kind");
}

#[test]
fn not_json_and_wrong_format_are_reported() {
    let err = Corpus::from_json("{\n  \"articles\": [,]\n}").unwrap_err();
    assert!(
        matches!(err.location, ErrorLocation::Text { line: 2, .. }),
        "{err}"
    );
    let err = Corpus::from_json(r#"{"format": "other", "articles": []}"#).unwrap_err();
    assert!(err.to_string().starts_with("field `format`"), "{err}");
    let err = Corpus::from_json(r#"{"version": 2, "articles": []}"#).unwrap_err();
    assert!(err.to_string().starts_with("field `version`"), "{err}");
    let err = Corpus::from_json(r#"{"version": 1}"#).unwrap_err();
    assert!(err.to_string().starts_with("field `articles`"), "{err}");
}

#[test]
fn written_corpus_round_trips() {
    let corpus = load(
        json!({"articles": [{"id": "a", "title": "t", "paragraphs": ["p"],
        "date": "2024-07-01", "source": "ATN", "dateline": "Kabul"}]}),
    )
    .unwrap();
    let again = Corpus::from_json(&corpus.to_json_pretty()).unwrap();
    assert_eq!(again, corpus);
}

#[test]
fn an_impossible_date_is_an_error_naming_the_article_and_the_date_field() {
    let v = json!({"articles": [
        {"id": "ok", "title": "t", "body": "x", "date": "2024-02-29"},
        {"id": "feb", "title": "t", "body": "x", "date": "2023-02-30"}
    ]});
    let (index, id, field, text) = article_error(v.clone());
    assert_eq!(
        (index, id.as_deref(), field.as_str()),
        (1, Some("feb"), "date")
    );
    assert_eq!(
        text,
        "article 1 (id \"feb\"), field `date`: \"2023-02-30\" is not a real date: \
         February 2023 has 28 days"
    );
    // The app's streaming load path says the same.
    let mut reader = lede_corpus::CorpusReader::new();
    let streamed = v
        .to_string()
        .as_bytes()
        .chunks(5)
        .try_for_each(|chunk| reader.push(chunk))
        .and_then(|()| reader.finish());
    assert_eq!(streamed.unwrap_err().to_string(), text);
    // And a pack written from such a corpus does not load unchecked.
    let corpus = Corpus::new(vec![lede_corpus::Article {
        id: "feb".into(),
        title: "t".into(),
        date: Some("2023-02-30".into()),
        paragraphs: vec!["x".into()].into(),
        ..Default::default()
    }]);
    let err = Corpus::from_compact_bytes(&corpus.to_compact_bytes()).unwrap_err();
    assert!(err.to_string().contains("field `date`"), "{err}");
}

/// Loads `bytes` both ways the crate reads JSON: whole (when they are UTF-8) and streamed in
/// small chunks; both must agree on the outcome.
fn load_both(bytes: &[u8]) -> Result<Corpus, lede_corpus::CorpusError> {
    let mut reader = lede_corpus::CorpusReader::new();
    let streamed = bytes
        .chunks(2)
        .try_for_each(|c| reader.push(c))
        .and_then(|()| reader.finish());
    if let Ok(text) = std::str::from_utf8(bytes) {
        let whole = Corpus::from_json(text);
        assert_eq!(
            whole
                .as_ref()
                .map(|c| c.articles.len())
                .map_err(|e| e.message.clone()),
            streamed
                .as_ref()
                .map(|c| c.articles.len())
                .map_err(|e| e.message.clone()),
            "whole and streamed disagree"
        );
    }
    streamed
}

#[test]
fn a_byte_order_mark_is_accepted_and_other_things_are_named() {
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(br#"{"articles": [{"id": "a", "title": "T", "body": "Text."}]}"#);
    assert_eq!(load_both(&bom).unwrap().articles.len(), 1);
    let message = |bytes: &[u8]| load_both(bytes).unwrap_err().to_string();
    let html = message(b"<!DOCTYPE html>\n<html><head><title>404</title></head></html>");
    assert!(
        html.contains("this is an HTML page, not a corpus"),
        "{html}"
    );
    let gzip = message(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xab\xae\x05\x00");
    assert!(
        gzip.contains("gzip-compressed: decompress it first"),
        "{gzip}"
    );
    let pack = message(b"LEDEPACK\x01\x00\x00\x00");
    assert!(pack.contains("Lede pack"), "{pack}");
    let utf16 = message(b"\xFF\xFE{\x00}\x00");
    assert!(utf16.contains("UTF-16"), "{utf16}");
    // Plain wrong JSON keeps its own message.
    let array = message(b"[1, 2]");
    assert!(array.contains("must be a JSON object"), "{array}");
}

#[test]
fn a_blank_title_loads_and_is_shown_as_untitled_with_its_first_words() {
    let corpus = Corpus::from_json(
        &json!({"articles": [
            {"id": "a", "title": "Fine", "body": "Text."},
            {"id": "b", "title": "  ", "body": "Harbour pilots walked out on Monday."}
        ]})
        .to_string(),
    )
    .expect("a blank title is not an error");
    let title = corpus.articles[1].display_title();
    assert!(title.starts_with("(untitled)"), "{title}");
    assert!(title.contains("Harbour pilots"), "{title}");
    assert_eq!(corpus.articles[0].display_title(), "Fine");
}

#[test]
fn duplicate_entity_ids_are_errors_in_the_table_and_in_an_article() {
    let mention = json!([{"paragraph": 0, "start": 0, "end": 3}]);
    let err = load(
        json!({"articles": [{"id": "a", "title": "T", "paragraphs": ["Ana met Bo."],
        "entities": [{"id": "person:ana", "name": "Ana", "kind": "person", "mentions": mention}]}],
        "entities": [
            {"id": "person:ana", "name": "Ana", "kind": "person"},
            {"id": "person:ana", "name": "Ana P.", "kind": "person"}
        ]}),
    )
    .unwrap_err();
    assert_eq!(
        err.location,
        ErrorLocation::Top {
            field: "entities[1].id".into()
        }
    );
    assert!(err.message.contains("twice"), "{err}");

    let (index, _, field, text) = article_error(json!({"articles": [
        {"id": "a", "title": "T", "paragraphs": ["Ana met Bo."], "entities": [
            {"id": "person:ana", "name": "Ana", "kind": "person", "mentions": mention},
            {"id": "person:ana", "name": "Ana", "kind": "person", "mentions": mention}
        ]}
    ]}));
    assert_eq!((index, field.as_str()), (0, "entities[1].id"));
    assert!(text.contains("listed twice"), "{text}");
}

#[test]
fn a_confidence_outside_0_to_1_is_named_with_the_value_as_written() {
    let para = "“Curly marks,” she said.";
    for (confidence, written) in [
        (1.2f32, "1.2"),
        (-0.25, "-0.25"),
        (1.000_000_1, "1.0000001"),
    ] {
        let (_, _, field, text) = article_error(json!({"articles": [{"id": "a", "title": "t",
            "paragraphs": [para],
            "quotes": [{"paragraph": 0, "start": 1, "end": 13, "text": "Curly marks,",
                "speaker": {"name": "she", "confidence": confidence}}]}]}));
        assert_eq!(field, "quotes[0].speaker.confidence");
        // The value as Rust writes an f32, which the message must keep (no flt2dec in the app).
        assert_eq!(format!("{confidence}"), written);
        assert!(text.contains(&format!("found {written}")), "{text}");
    }
}
