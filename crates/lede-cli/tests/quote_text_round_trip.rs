//! A loaded corpus holds no copy of its quotes' words (they are the spans of their paragraphs),
//! yet writes the same JSON: each corpus here is ingested fresh by the `lede` binary, whose
//! extracted quotes still hold their words, and that JSON is the expectation for the loaded
//! corpus written again, directly and after a compact pack.

mod common;

use std::fs;
use std::path::Path;

use common::{lede, stderr};
use lede_corpus::Corpus;

/// The pretty JSON `lede ingest` writes for `input` (a file or a folder; Reuters' title-only
/// briefs are rejected and left out), without the newline it ends the file with.
fn ingest(input: &Path) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("corpus.json");
    let run = lede(&[
        "ingest",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--pretty",
        "--allow-rejects",
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let json = fs::read_to_string(out).unwrap();
    json.strip_suffix('\n')
        .expect("a final newline")
        .to_string()
}

/// Loads `json`, checks that no quote holds a copy of its words and that each reads the words
/// the JSON gave, and that the loaded corpus writes `json` again, byte for byte, directly and
/// through a pack. Returns how many quotes there were.
fn check_round_trip(json: &str) -> usize {
    let corpus = Corpus::from_json(json).unwrap();
    let given: serde_json::Value = serde_json::from_str(json).unwrap();
    let mut quotes = 0;
    for (a, raw) in corpus
        .articles
        .iter()
        .zip(given["articles"].as_array().unwrap())
    {
        for (i, q) in a.quotes.iter().enumerate() {
            assert_eq!(q.held_text, None, "{} quote {i} holds a copy", a.id);
            assert_eq!(
                q.text(&a.paragraphs),
                raw["quotes"][i]["text"].as_str().unwrap(),
                "{} quote {i}",
                a.id
            );
            quotes += 1;
        }
    }
    assert!(
        corpus.to_json_pretty() == json,
        "the loaded corpus writes other JSON"
    );
    let packed = Corpus::from_compact_bytes(&corpus.to_compact_bytes()).unwrap();
    assert!(
        packed.to_json_pretty() == json,
        "the corpus read from its pack writes other JSON"
    );
    assert_eq!(packed, corpus);
    quotes
}

#[test]
fn the_demo_corpus_writes_the_same_json_without_quote_copies() {
    let quotes = check_round_trip(&ingest(&lede_testdata::repo_root().join("data/demo")));
    assert!(
        quotes > 10,
        "the demo articles are quoted ({quotes} quotes)"
    );
}

#[test]
fn a_reuters_file_writes_the_same_json_without_quote_copies() {
    let Some(path) = lede_testdata::shared_path(
        "a_reuters_file_writes_the_same_json_without_quote_copies",
        "corpora/reuters21578/reut2-000.sgm",
    ) else {
        return;
    };
    let quotes = check_round_trip(&ingest(&path));
    assert!(
        quotes > 100,
        "a thousand wires quote someone ({quotes} quotes)"
    );
}

#[test]
fn the_seed_article_writes_the_same_json_without_quote_copies() {
    let Some(path) = lede_testdata::shared_path(
        "the_seed_article_writes_the_same_json_without_quote_copies",
        "seeds/000_b349bb90d9221d2a.txt",
    ) else {
        return;
    };
    assert_eq!(check_round_trip(&ingest(&path)), 6, "the seed's six pieces");
}
