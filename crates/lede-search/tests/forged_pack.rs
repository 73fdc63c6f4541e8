//! A pack is data from the network: anyone can change its bytes and recompute its XXH64
//! checksum. A real pack (the demo corpus, annotated, as `lede ingest --pack` writes it) with
//! one byte altered at thousands of seeded positions, checksum recomputed, must either fail to
//! load with a sentence or load into something every search, find-mark and jump walks without
//! a panic. (Its own test binary: it silences the panic hook while it runs.)

use std::panic::{catch_unwind, AssertUnwindSafe};

use lede_corpus::Corpus;
use lede_entities::Tagger;
use lede_ingest::{ingest_paths, IngestOptions};
use lede_search::pack::{read_pack, write_pack, PackReader, PACK_VERSION};
use lede_search::{Index, JumpIndex, Query};
use xxhash_rust::xxh64::xxh64;

/// Bytes before the index: magic, version, postings bytes, checksum (at 20..28), index length.
const HEADER: usize = 36;

/// The demo corpus ingested and annotated as `lede ingest` does, and its pack.
fn demo_pack() -> (Corpus, Vec<u8>) {
    let dir = lede_testdata::repo_root().join("data/demo");
    let ingested = ingest_paths(&[dir], &IngestOptions::default());
    let mut corpus = Corpus::new(ingested.articles);
    lede_annotate::annotate(&mut corpus, &Tagger::bundled(), |_, _| {});
    assert!(corpus.articles.iter().any(|a| !a.quotes.is_empty()));
    assert!(corpus.articles.iter().any(|a| !a.entities.is_empty()));
    let pack = write_pack(&corpus, &Index::build(&corpus)).expect("the demo corpus packs");
    (corpus, pack)
}

/// `bytes` with their checksum made to match again, as a forger would.
fn rechecksum(mut bytes: Vec<u8>) -> Vec<u8> {
    let sum = xxh64(&bytes[HEADER..], 0);
    bytes[20..28].copy_from_slice(&sum.to_le_bytes());
    bytes
}

/// Everything the app does with a loaded pack that reads the index or the offsets.
fn exercise(corpus: &Corpus, index: &Index, queries: &[Query]) {
    for q in queries {
        let results = index.search(corpus, q);
        for hit in results.hits.iter().take(3) {
            index.article_matches(corpus, q, hit.article);
        }
    }
    for a in &corpus.articles {
        let _ = a.quotations();
    }
    let jump = JumpIndex::build(corpus);
    jump.find("harbour", 8);
}

/// A small deterministic generator (xorshift64*), so that a failure names a reproducible case.
struct Seeded(u64);

impl Seeded {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n as u64) as usize
    }
}

#[test]
fn a_forged_pack_errors_or_searches_but_never_panics() {
    let (corpus, pack) = demo_pack();
    let (back, index) = read_pack(&pack).expect("the untouched pack reads");
    assert_eq!(back, corpus);
    // Words the demo corpus holds (from its first titles), as words, a phrase, a typo, a
    // prefix, a field and a filter: every stage of the search pipeline.
    let title_words: Vec<String> = corpus
        .articles
        .iter()
        .take(6)
        .flat_map(|a| a.title.split_whitespace().take(2).map(str::to_lowercase))
        .collect();
    let mut texts: Vec<String> = title_words.clone();
    texts.push(format!("\"{}\"", corpus.articles[0].title));
    texts.push(format!("{}x", title_words[0]));
    texts.push(title_words[1][..3].to_string());
    texts.push(format!("title:{} -{}", title_words[2], title_words[3]));
    texts.push("said".into());
    let mut queries: Vec<Query> = texts.iter().map(|t| Query::parse(t)).collect();
    let mut filtered = Query::parse("");
    filtered.entities = corpus
        .entities
        .iter()
        .take(2)
        .map(|e| e.id.to_string())
        .collect();
    queries.push(filtered);
    for q in &queries {
        exercise(&back, &index, std::slice::from_ref(q));
    }
    assert!(
        queries
            .iter()
            .any(|q| !index.search(&back, q).hits.is_empty()),
        "the queries find something in the untouched pack"
    );

    // Panics are counted, not printed.
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Seeded(0x1ede_5eed);
    let alterations: [fn(u8) -> u8; 4] = [|b| b ^ 0x01, |b| b ^ 0x80, |_| 0xff, |_| 0x00];
    let (mut errors, mut loaded, mut panics) = (0, 0, Vec::new());
    // A debug build (the workspace's `cargo test`) tries fewer: each try loads and searches.
    let tries = if cfg!(debug_assertions) { 1000 } else { 3000 };
    let index_len = u64::from_le_bytes(pack[28..36].try_into().unwrap()) as usize;
    for n in 0..tries {
        // Half the positions inside the index (the term dictionary the postings are derived
        // with), one in eight in the header's announced postings size, the rest anywhere after
        // the header.
        let at = if n % 2 == 0 {
            HEADER + rng.below(index_len)
        } else if n % 8 == 1 {
            12 + rng.below(8)
        } else {
            HEADER + rng.below(pack.len() - HEADER)
        };
        let kind = n % alterations.len();
        let mut forged = pack.clone();
        forged[at] = alterations[kind](forged[at]);
        if forged[at] == pack[at] {
            continue;
        }
        let forged = rechecksum(forged);
        let outcome = catch_unwind(AssertUnwindSafe(|| match read_pack(&forged) {
            Err(e) => {
                assert!(!e.is_empty());
                false
            }
            Ok((c, i)) => {
                exercise(&c, &i, &queries);
                true
            }
        }));
        match outcome {
            Ok(false) => errors += 1,
            Ok(true) => loaded += 1,
            Err(_) => panics.push((at, kind)),
        }
    }
    let _ = std::panic::take_hook();
    println!(
        "forged pack ({} bytes): {tries} alterations, {errors} refused at load, {loaded} loaded and searched, {} panicked",
        pack.len(),
        panics.len()
    );
    assert!(
        panics.is_empty(),
        "{} of {tries} forged packs panicked; first (byte, alteration): {:?}",
        panics.len(),
        &panics[..panics.len().min(10)]
    );
    assert!(errors > 0 && loaded > 0, "{errors} errors, {loaded} loaded");
}

/// The pack reader's fuzz target found this pack (2026-12-01, `fuzz/artifacts/pack_reader`): a
/// v5 pack whose FST nodes were forged with their checksums matching, which panicked inside
/// the `fst` crate when the reader listed its terms. Pack v6 holds a checked term list in place
/// of FST bytes: read as v6, the same bytes are an error, never a panic.
#[test]
fn the_fuzzers_forged_dictionary_is_an_error() {
    let mut bytes = include_bytes!("data/fuzz-forged-fst.lede").to_vec();
    let e = read_pack(&bytes).err().expect("a v5 pack");
    assert!(e.contains("pack version 5"), "{e}");
    // The version is outside the checksum: as this build's layout, the rest still matches it.
    bytes[8..12].copy_from_slice(&PACK_VERSION.to_le_bytes());
    let mut reader = PackReader::new();
    let read = bytes
        .chunks(4096)
        .try_for_each(|c| reader.push(c))
        .and_then(|()| reader.finish());
    let e = read.err().expect("forged dictionary bytes");
    assert!(e.contains("term dictionary does not read"), "{e}");
}
