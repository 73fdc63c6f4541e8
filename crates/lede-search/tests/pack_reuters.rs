//! The index a pack of Reuters-21578 derives is the index built from its corpus, byte for byte
//! in its stored form (postings, offsets, skips, field lengths, facts), and the pack carries no
//! postings: its index section is the term dictionary and each term's postings length
//! (research data in `../shared`; skipped with a notice when it is absent).

use lede_corpus::Corpus;
use lede_ingest::{ingest_paths, IngestOptions};
use lede_search::pack::{read_pack, write_pack};
use lede_search::Index;

#[test]
fn a_reuters_pack_derives_the_index_built_from_its_corpus() {
    let Some(dir) = lede_testdata::shared_path(
        "a_reuters_pack_derives_the_index_built_from_its_corpus",
        "corpora/reuters21578",
    ) else {
        return;
    };
    let ingested = ingest_paths(&[dir], &IngestOptions::default());
    assert!(
        ingested.articles.len() > 15_000,
        "{}",
        ingested.articles.len()
    );
    let corpus = Corpus::new(ingested.articles);
    let built = Index::build(&corpus);
    let pack = write_pack(&corpus, &built).expect("Reuters packs");
    let (back, derived) = read_pack(&pack).expect("the pack reads");
    assert!(back == corpus, "the corpus reads back");
    assert!(
        derived.to_bytes() == built.to_bytes(),
        "the derived index differs"
    );
    let section = u64::from_le_bytes(pack[28..36].try_into().unwrap()) as usize;
    let stats = built.stats();
    // The fingerprint, two counts, one length varint per term and the dictionary: no postings.
    let most = 8 + 10 + 5 * stats.terms + stats.dictionary_bytes;
    assert!(
        section <= most && section * 10 < stats.postings_bytes,
        "the index section ({section} B) is more than the dictionary ({} B) and lengths of {} terms",
        stats.dictionary_bytes,
        stats.terms
    );
}
