//! Runs the built `lede` binary's known-item commands on a small made-up corpus: `lede eval
//! make-queries` writes a query file that `lede eval search` and `lede eval score` read, and
//! both score the same ranks alike.

use std::fs;
use std::process::{Command, Output};

use serde_json::Value;

fn lede(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(args)
        .output()
        .expect("the lede binary runs")
}

const CORPUS: &str = r#"{"articles": [
    {"id": "a1", "title": "Harbour council backs terminal plan",
     "paragraphs": ["The council voted on the zanzibar quokka marmoset pelican."]},
    {"id": "a2", "title": "Reservoir levels fall sharply",
     "paragraphs": ["Dry weather again hit the reservoir."]},
    {"id": "a3", "title": "Council reservoir plan approved",
     "paragraphs": ["A plan for the reservoir. Zanzibar."]}
]}"#;

#[test]
fn made_queries_are_scored_alike_by_eval_search_and_eval_score() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.json");
    let queries = dir.path().join("q/queries.json");
    fs::write(&corpus, CORPUS).unwrap();
    let (c, q) = (corpus.to_str().unwrap(), queries.to_str().unwrap());

    let out = lede(&[
        "eval",
        "make-queries",
        "--corpus",
        c,
        "--out",
        q,
        "--per-kind",
        "2",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = fs::read_to_string(&queries).unwrap();
    assert!(text.starts_with(
        "{\n  \"generated_by\": \"lede eval make-queries --per-kind 2 --seed 6\",\n  \
         \"corpus\": \"corpus.json\",\n  \"articles\": 3,\n"
    ));
    let set: Value = serde_json::from_str(&text).unwrap();
    let items = set["queries"].as_array().unwrap();
    assert_eq!(items.len(), 8, "two of each kind");
    assert_eq!(items[0]["q"], "reservoir levels fall sharply");
    // The same corpus and seed give the same file.
    let again = dir.path().join("again.json");
    lede(&[
        "eval",
        "make-queries",
        "--corpus",
        c,
        "--out",
        again.to_str().unwrap(),
        "--per-kind",
        "2",
    ]);
    assert_eq!(fs::read_to_string(&again).unwrap(), text);

    let out = lede(&["eval", "search", "--corpus", c, "--queries", q, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let native: Value = serde_json::from_slice(&out.stdout).unwrap();

    // An engine that ranks every target first, and one that never finds one.
    let perfect: Vec<Value> = items
        .iter()
        .enumerate()
        .map(|(i, it)| serde_json::json!({"query": i, "ranked": [it["target"]]}))
        .collect();
    let runs = dir.path().join("runs.json");
    fs::write(
        &runs,
        serde_json::json!({"engines": {"perfect": perfect, "blind": [{"query": 0, "ranked": []}]}})
            .to_string(),
    )
    .unwrap();
    let out = lede(&[
        "eval",
        "score",
        "--queries",
        q,
        "--runs",
        runs.to_str().unwrap(),
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let scored: Value = serde_json::from_slice(&out.stdout).unwrap();
    let perfect = &scored["engines"]["perfect"];
    assert_eq!(perfect["overall"]["mrr10"], 1.0);
    assert_eq!(perfect["overall"]["queries"], 8);
    assert_eq!(perfect["kinds"]["body"]["found10"], 1.0);
    let blind = &scored["engines"]["blind"];
    assert_eq!(blind["overall"]["queries"], 1);
    assert_eq!(blind["overall"]["found10"], 0.0);
    assert_eq!(blind["not_first"][0]["rank"], Value::Null);
    // `lede eval search` went through the same scorer: its figures are an engine's like these.
    let mrr = native["overall"]["mrr10"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&mrr) && native["overall"]["queries"] == 8);

    let out = lede(&["eval", "score", "--queries", q, "--runs", q]);
    assert!(!out.status.success(), "a query file is not a results file");
}
