//! Property test: ingest never panics, whatever the bytes, and always accounts for its input.

use std::path::Path;

use lede_ingest::{ingest_bytes, Format, IngestOptions};
use proptest::prelude::*;

/// File names that steer format detection to every parser.
const NAMES: [&str; 7] = [
    "a.txt",
    "a.json",
    "a.jsonl",
    "a.sgm",
    "a.bin",
    "data/train/text/a.txt",
    "noext",
];

/// Pieces of every format, so that random strings reach deep into the parsers.
const FRAGMENTS: [&str; 36] = [
    "<REUTERS NEWID=\"1\">",
    "<REUTERS",
    "</REUTERS>",
    "<TEXT>",
    "<TEXT TYPE=\"BRIEF\">",
    "</TEXT>",
    "<BODY>",
    "</BODY>",
    "<TITLE>",
    "</TITLE>",
    "<DATELINE>",
    "</DATELINE>",
    "<DATE>",
    "</DATE>",
    "<D>",
    "</D>",
    "<PLACES>",
    "&#3;",
    "&lt;",
    "&",
    "&#x1F600;",
    "{\"title\":",
    "\"body\":",
    "[",
    "]",
    "{",
    "}",
    ",",
    "\"",
    "\n",
    "Editor in Chief: A B Monday, July 1st, 2024\n",
    "KABUL - ",
    " (ATN)",
    "é",
    "\u{feff}",
    "26-FEB-1987 15:01:01.79",
];

fn check(name: &str, bytes: &[u8], format: Option<Format>) {
    let options = IngestOptions {
        format,
        ..IngestOptions::default()
    };
    let result = ingest_bytes(Path::new(name), bytes, &options);
    assert_eq!(
        result.read,
        result.ingested() + result.rejected() + result.dropped,
        "{name}: {:?}",
        result.report
    );
    for a in &result.articles {
        assert!(!a.id.is_empty());
        assert!(a.paragraphs.iter().any(|p| !p.trim().is_empty()), "{a:?}");
    }
}

fn formats() -> impl Strategy<Value = Option<Format>> {
    prop_oneof![
        Just(None),
        Just(Some(Format::Raw)),
        Just(Some(Format::Json)),
        Just(Some(Format::Jsonl)),
        Just(Some(Format::Reuters)),
        Just(Some(Format::Polnear)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..2048),
        name in 0..NAMES.len(),
        format in formats(),
    ) {
        check(NAMES[name], &bytes, format);
    }

    #[test]
    fn format_fragments_never_panic(
        pieces in proptest::collection::vec((0..FRAGMENTS.len(), "[ -~]{0,6}"), 0..40),
        name in 0..NAMES.len(),
        format in formats(),
    ) {
        let text: String = pieces
            .iter()
            .map(|(i, filler)| format!("{}{filler}", FRAGMENTS[*i]))
            .collect();
        check(NAMES[name], text.as_bytes(), format);
    }
}

/// Text for one slot of a template: printable text, fragments, or both.
fn filler() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,16}",
        (0..FRAGMENTS.len()).prop_map(|i| FRAGMENTS[i].to_string()),
        ("[ -~\n]{0,8}", 0..FRAGMENTS.len(), "\\PC{0,8}")
            .prop_map(|(a, i, b)| format!("{a}{}{b}", FRAGMENTS[i])),
    ]
}

/// A JSON value of any kind, sometimes nested.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(|f| serde_json::json!(f)),
        filler().prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            proptest::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn reuters_shaped_records_never_panic(
        slots in proptest::collection::vec(filler(), 10),
        newid in prop_oneof!["[0-9]{1,5}", "\\PC{0,4}"],
        brief in any::<bool>(),
        cut in 0usize..12,
        format in formats(),
    ) {
        let parts = [
            format!("<REUTERS NEWID=\"{newid}\">{}", slots[0]),
            format!("<DATE>{}</DATE>", slots[1]),
            format!("<PLACES><D>{}</D><D>{}</D></PLACES>", slots[2], slots[3]),
            format!("<TEXT{}>{}", if brief { " TYPE=\"BRIEF\"" } else { "" }, slots[4]),
            format!("<TITLE>{}</TITLE>", slots[5]),
            format!("<AUTHOR>{}</AUTHOR>", slots[6]),
            format!("<DATELINE>{}</DATELINE>", slots[7]),
            format!("<BODY>{}\n {}\n Reuter\n&#3;</BODY>", slots[8], slots[9]),
            "</TEXT>".to_string(),
            "</REUTERS>\n".to_string(),
        ];
        // Drop one part (or none) to make truncated and odd records.
        let text: String = parts
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != cut)
            .map(|(_, p)| p.as_str())
            .collect::<String>()
            .repeat(2);
        check("r.sgm", text.as_bytes(), format);
    }

    #[test]
    fn json_shaped_records_never_panic(
        records in proptest::collection::vec(
            proptest::collection::btree_map(
                prop_oneof![
                    Just("title".to_string()), Just("headline".to_string()),
                    Just("body".to_string()), Just("content".to_string()),
                    Just("paragraphs".to_string()), Just("date".to_string()),
                    Just("published_at".to_string()), Just("id".to_string()),
                    Just("author".to_string()), Just("source".to_string()),
                    Just("quotes".to_string()), Just("entities".to_string()),
                    Just("tags".to_string()), "[a-z]{1,6}",
                ],
                json_value(),
                0..8,
            ),
            0..4,
        ),
        wrap in 0..4,
        format in formats(),
    ) {
        let objects: Vec<serde_json::Value> = records
            .into_iter()
            .map(|m| serde_json::Value::Object(m.into_iter().collect()))
            .collect();
        let text = match wrap {
            0 => serde_json::Value::from(objects.clone()).to_string(),
            1 => serde_json::json!({ "format": "lede-corpus", "articles": objects }).to_string(),
            2 => serde_json::json!({ "items": objects, "x": 1 }).to_string(),
            _ => objects.iter().map(|o| o.to_string() + "\n").collect(),
        };
        let name = if wrap == 3 { "a.jsonl" } else { "a.json" };
        check(name, text.as_bytes(), format);
    }

    #[test]
    fn raw_text_shaped_files_never_panic(
        slots in proptest::collection::vec(filler(), 6),
        format in formats(),
    ) {
        let text = format!(
            "Editor in Chief: {} Monday, July 1st, 2024\n\n{}\n\n {} \n\n{} - {}\n{} (ATN)\n",
            slots[0], slots[1], slots[1], slots[2].to_uppercase(), slots[3], slots[4],
        ) + &slots[5];
        check("a.txt", text.as_bytes(), format);
    }
}
