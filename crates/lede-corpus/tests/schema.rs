//! The JSON Schema in docs/ names exactly the fields the model writes (plus input-only `body`).

use std::collections::BTreeSet;

use lede_corpus::*;
use serde_json::Value;

fn schema() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/corpus-format.schema.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

fn schema_props(schema: &Value, def: &str) -> BTreeSet<String> {
    keys(&schema["$defs"][def]["properties"])
}

#[test]
fn schema_lists_every_field_the_model_writes() {
    let span = Span {
        paragraph: 0,
        start: 0,
        end: 1,
    };
    let article = Article {
        id: "a".into(),
        title: "t".into(),
        date: Some("2024".into()),
        source: Some("s".into()),
        byline: Some("b".into()),
        editor: Some("e".into()),
        dateline: Some("d".into()),
        url: Some("u".into()),
        paragraphs: vec!["x".into()].into(),
        quotes: vec![Quote {
            paragraph: 0,
            start: 0,
            end: 1,
            held_text: Some("x".into()),
            speaker: Some(Speaker {
                name: "n".into(),
                entity: Some("e".into()),
                span: Some(span),
                ..Default::default()
            }),
            cue: Some(Cue {
                text: "said".into(),
                span,
            }),
            next: Some(1),
            rule: Some("r".into()),
        }],
        entities: vec![ArticleEntity {
            id: "e".into(),
            name: "n".into(),
            kind: EntityKind::Person,
            aliases: vec!["m".into()].into(),
            mentions: vec![span].into(),
        }],
        tags: [("places", ["usa"])].into_iter().collect(),
    };
    let mut corpus = Corpus::new(vec![article]);
    corpus.annotated = vec!["quotes".into()];
    let written = serde_json::to_value(&corpus).unwrap();
    let schema = schema();
    assert_eq!(keys(&written), keys(&schema["properties"]));
    let mut article_props = schema_props(&schema, "article");
    assert!(article_props.remove("body"), "body is accepted on input");
    assert_eq!(keys(&written["articles"][0]), article_props);
    let q = &written["articles"][0]["quotes"][0];
    assert_eq!(keys(q), schema_props(&schema, "quote"));
    assert_eq!(keys(&q["speaker"]), schema_props(&schema, "speaker"));
    assert_eq!(keys(&q["cue"]), schema_props(&schema, "cue"));
    assert_eq!(keys(&q["cue"]["span"]), schema_props(&schema, "span"));
    let e = &written["articles"][0]["entities"][0];
    assert_eq!(keys(e), schema_props(&schema, "articleEntity"));
    assert_eq!(
        keys(&written["entities"][0]),
        schema_props(&schema, "entitySummary")
    );
    let kinds: Vec<String> = EntityKind::ALL
        .iter()
        .map(|k| k.as_str().to_string())
        .collect();
    let schema_kinds: Vec<String> =
        serde_json::from_value(schema["$defs"]["kind"]["enum"].clone()).unwrap();
    assert_eq!(kinds, schema_kinds);
}
