//! The shipped model file: it loads, fits the size budget, and tags plain sentences.
#![cfg(feature = "bundled-model")]

use std::io::Write;

use lede_entities::{spans, EntityType, Tagger};

const MODEL: &[u8] = include_bytes!("../model/ner.bin");

#[test]
fn model_loads_and_is_at_most_two_megabytes_gzipped() {
    let tagger = Tagger::from_bytes(MODEL).expect("the model file loads");
    assert!(tagger.nonzero_weights() > 10_000);
    assert_eq!(tagger.to_bytes(), MODEL, "the file round-trips");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(MODEL).unwrap();
    let gzipped = gz.finish().unwrap().len();
    println!("model: {} bytes raw, {gzipped} bytes gzip", MODEL.len());
    assert!(gzipped <= 2 * 1024 * 1024, "{gzipped} bytes gzipped");
}

#[test]
fn the_bundled_model_tags_a_sentence() {
    let tagger = Tagger::bundled();
    let tokens = [
        "Marta",
        "Kowalczyk",
        "flew",
        "from",
        "Berlin",
        "to",
        "Lisbon",
        "for",
        "talks",
        "with",
        "the",
        "Bank",
        "of",
        "Portugal",
        ".",
    ];
    let found: Vec<(usize, usize, EntityType)> = spans(&tagger.tag(&tokens))
        .into_iter()
        .map(|s| (s.start, s.end, s.ty))
        .collect();
    assert_eq!(
        found,
        [
            (0, 2, EntityType::Per),
            (4, 5, EntityType::Loc),
            (6, 7, EntityType::Loc),
            (11, 14, EntityType::Org)
        ]
    );
}
