//! The shipped model file: it loads, fits the size budget, and tags plain sentences.
#![cfg(feature = "bundled-model")]

use std::io::Write;

use lede_entities::{spans, EntityType, Tagger};

const MODEL: &[u8] = include_bytes!("../model/ner.bin");

fn gzip_len(bytes: &[u8]) -> usize {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap().len()
}

#[test]
fn model_with_its_clusters_loads_and_is_at_most_one_megabyte_gzipped() {
    let tagger = Tagger::from_bytes(MODEL).expect("the model file loads");
    assert!(tagger.nonzero_weights() > 10_000);
    assert!(
        tagger.cluster_words() > 10_000,
        "the word clusters are in the model"
    );
    assert_eq!(tagger.to_bytes(), MODEL, "the file round-trips");
    let gzipped = gzip_len(MODEL);
    println!("model: {} bytes raw, {gzipped} bytes gzip", MODEL.len());
    assert!(gzipped <= 1_000_000, "{gzipped} bytes gzipped");
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
