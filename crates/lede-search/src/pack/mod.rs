//! A corpus and its search index in one file (`lede ingest --pack`): the fastest thing to load
//! in the browser. The corpus comes as compact bytes instead of JSON text, and [`PackReader`]
//! reads the file as it downloads: the index first, then each article as its bytes arrive.
//!
//! Layout: the magic `LEDEPACK`, [`PACK_VERSION`] (u32), the length of the index section (u64),
//! the XXH64 checksum (seed 0) of everything after the header (u64), all little-endian; then
//! the index's postings as columns ([`columns`]: what the articles' facts are is derived from
//! the corpus, not stored) and the corpus ([`Corpus::to_compact_bytes`]).
//!
//! A pack is checked when it is written (its corpus and index are read back with every check
//! that JSON and a stored index get), and checked again when it is read: the checksum only
//! tells a damaged download from a good one, since anyone can recompute it over forged bytes.
//! So a pack from the network gets the checks JSON gets (every article's offsets, quote links
//! and entity references; every postings list's bounds, article ids and fields), and a forged
//! one is an error naming what is wrong and where, never a panic in the reader.

use lede_corpus::{CompactReader, Corpus};
use xxhash_rust::xxh64::Xxh64;

use crate::facts::Facts;
use crate::index::IndexParts;
use crate::Index;

mod columns;

/// First bytes of a pack.
const MAGIC: [u8; 8] = *b"LEDEPACK";
/// Version of the pack layout. 4: the index as columns, its article facts derived from the
/// corpus; the corpus records referring to the entity table and leaving out texts their
/// offsets give.
pub const PACK_VERSION: u32 = 4;
/// The error for bytes that are not a pack at all.
const NOT_A_PACK: &str = "not a Lede pack: it does not start with LEDEPACK";
/// The most the reader reserves up front for the index section the header announces.
const MAX_RESERVE: usize = 64 << 20;
/// Bytes before the index: magic, version, index length, checksum.
const HEADER: usize = 8 + 4 + 8 + 8;

/// WebAssembly memory a loaded pack takes per byte of its index section: Reuters-21578's
/// 10.1 MB section took 73.6 MiB in Chromium, 7.7 per byte, rounded up (bench/README.md,
/// "Transfer and memory"). The corpus, its index and the allocator's slack all grow with the
/// postings, and the section's length is in the pack's first bytes, whatever the transfer
/// encoding.
pub const MEMORY_PER_INDEX_BYTE: u64 = 8;

/// The WebAssembly memory, in bytes, that loading a pack whose index section is
/// `index_bytes` long will take (see [`MEMORY_PER_INDEX_BYTE`]).
pub fn memory_estimate(index_bytes: usize) -> u64 {
    (index_bytes as u64).saturating_mul(MEMORY_PER_INDEX_BYTE)
}

/// Whether `bytes` start like a pack (anything else is read as corpus JSON).
pub fn is_pack(bytes: &[u8]) -> bool {
    bytes.starts_with(&MAGIC)
}

/// The pack of `corpus` and its `index`, after reading both back with every check (so that a
/// reader only has to verify the checksum); the error says what failed.
pub fn write_pack(corpus: &Corpus, index: &Index) -> Result<Vec<u8>, String> {
    if !index.fits(corpus) {
        return Err("the index was built from another corpus".into());
    }
    let index = columns::write(index);
    let compact = corpus.to_compact_bytes();
    let back = Corpus::from_compact_bytes(&compact)
        .map_err(|e| format!("the corpus does not check: {e}"))?;
    if back != *corpus {
        return Err("the corpus does not read back as it was written".into());
    }
    drop(back);
    columns::read(&index).map_err(|e| format!("the index does not check: {e}"))?;
    let mut hash = Xxh64::new(0);
    hash.update(&index);
    hash.update(&compact);
    let mut out = Vec::with_capacity(HEADER + index.len() + compact.len());
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&PACK_VERSION.to_le_bytes());
    out.extend_from_slice(&(index.len() as u64).to_le_bytes());
    out.extend_from_slice(&hash.digest().to_le_bytes());
    out.extend_from_slice(&index);
    out.extend_from_slice(&compact);
    Ok(out)
}

/// Reads a whole pack: the corpus and its index. The error is a sentence naming the section
/// and the fault.
pub fn read_pack(bytes: &[u8]) -> Result<(Corpus, Index), String> {
    let mut reader = PackReader::new();
    reader.push(bytes)?;
    reader.finish()
}

/// Reads a pack piece by piece as it arrives: the index is loaded as soon as its bytes are in,
/// and every article is decoded as soon as its record is; the checksum is verified at the end.
pub struct PackReader {
    /// The header and then the index, until the index is complete.
    head: Vec<u8>,
    /// Length of the index and the checksum, once the header is in.
    header: Option<(usize, u64)>,
    /// The index's postings, once its section is in (its facts come from the corpus).
    index: Option<IndexParts>,
    corpus: CompactReader,
    hash: Xxh64,
}

impl Default for PackReader {
    fn default() -> Self {
        PackReader {
            head: Vec::new(),
            header: None,
            index: None,
            corpus: CompactReader::new(),
            hash: Xxh64::new(0),
        }
    }
}

impl PackReader {
    /// A reader before the first byte.
    pub fn new() -> Self {
        PackReader::default()
    }

    /// Reads the next piece; an error (a sentence naming the section and fault) ends the reading.
    pub fn push(&mut self, mut chunk: &[u8]) -> Result<(), String> {
        if self.header.is_none() {
            let take = (HEADER - self.head.len()).min(chunk.len());
            self.head.extend_from_slice(&chunk[..take]);
            chunk = &chunk[take..];
            if self.head.len() >= MAGIC.len() && !is_pack(&self.head) {
                return Err(NOT_A_PACK.into());
            }
            if self.head.len() < HEADER {
                return Ok(());
            }
            let header = read_header(&self.head)?;
            self.header = Some(header);
            // The index section is held whole until it decodes: room for exactly its size, so
            // that growing never doubles it (up to a bound, since the header may be forged).
            self.head = Vec::with_capacity(header.0.min(MAX_RESERVE));
        }
        self.hash.update(chunk);
        if self.index.is_none() {
            let (want, _) = self.header.expect("the header is read");
            let take = (want - self.head.len()).min(chunk.len());
            self.head.extend_from_slice(&chunk[..take]);
            chunk = &chunk[take..];
            if self.head.len() < want {
                return Ok(());
            }
            let index = columns::read(&self.head)
                .map_err(|e| format!("the pack's index is damaged: {e}"))?;
            self.index = Some(index);
            self.head = Vec::new();
        }
        self.corpus
            .push(chunk)
            .map_err(|e| format!("the pack's corpus is damaged: {e}"))
    }

    /// The length of the index section, once the header is in: what [`memory_estimate`]
    /// reads to tell a pack too big to load before its bytes arrive.
    pub fn announced_index_bytes(&self) -> Option<usize> {
        self.header.map(|(len, _)| len)
    }

    /// Articles read so far.
    pub fn articles_read(&self) -> usize {
        self.corpus.articles_read()
    }

    /// The corpus and its index, once the last piece is in and the checksum matches.
    pub fn finish(self) -> Result<(Corpus, Index), String> {
        let Some((_, checksum)) = self.header else {
            return Err(if self.head.is_empty() {
                "not a Lede pack: it is empty".into()
            } else {
                "not a Lede pack: it ends inside its header".into()
            });
        };
        let Some(index) = self.index else {
            return Err("the pack ends inside its index".into());
        };
        let corpus = self
            .corpus
            .finish()
            .map_err(|e| format!("the pack's corpus is damaged: {e}"))?;
        if self.hash.digest() != checksum {
            return Err("the pack is damaged: its checksum does not match".into());
        }
        if index.n_docs as usize != corpus.articles.len() {
            return Err("the pack's index was built from another corpus".into());
        }
        let index = Index::from_parts(index, Facts::of(&corpus));
        if !index.fits(&corpus) {
            return Err("the pack's index was built from another corpus".into());
        }
        Ok((corpus, index))
    }
}

/// Checks the header; gives the length of the index and the checksum.
fn read_header(head: &[u8]) -> Result<(usize, u64), String> {
    if !is_pack(head) {
        return Err(NOT_A_PACK.into());
    }
    let version = u32::from_le_bytes(head[8..12].try_into().expect("4 bytes"));
    if version != PACK_VERSION {
        return Err(format!(
            "pack version {version} (this build reads {PACK_VERSION})"
        ));
    }
    let len = u64::from_le_bytes(head[12..20].try_into().expect("8 bytes"));
    let checksum = u64::from_le_bytes(head[20..28].try_into().expect("8 bytes"));
    let len =
        usize::try_from(len).map_err(|_| format!("the pack claims an index of {len} bytes"))?;
    Ok((len, checksum))
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede_corpus::Article;

    fn corpus(title: &str) -> Corpus {
        Corpus::new(vec![Article {
            id: "a".into(),
            title: title.into(),
            paragraphs: vec!["Harbour council backs the Zürich terminal.".into()],
            ..Article::default()
        }])
    }

    #[test]
    fn round_trips_and_searches() {
        let c = corpus("Harbour vote");
        let bytes = write_pack(&c, &Index::build(&c)).unwrap();
        assert!(is_pack(&bytes));
        let (back, index) = read_pack(&bytes).unwrap();
        assert_eq!(back, c);
        let hits = index.search(&back, &crate::Query::parse("zurich")).hits;
        assert_eq!(hits.len(), 1);
    }

    fn fault(bytes: &[u8]) -> String {
        read_pack(bytes).err().expect("the pack does not read")
    }

    #[test]
    fn the_header_announces_the_index_size_for_the_memory_estimate() {
        let c = corpus("Harbour vote");
        let bytes = write_pack(&c, &Index::build(&c)).unwrap();
        let mut reader = PackReader::new();
        reader.push(&bytes[..HEADER - 1]).unwrap();
        assert_eq!(reader.announced_index_bytes(), None);
        reader.push(&bytes[HEADER - 1..HEADER]).unwrap();
        let len = reader.announced_index_bytes().expect("the header is in");
        assert_eq!(len, columns::write(&Index::build(&c)).len());
        assert_eq!(memory_estimate(len), len as u64 * MEMORY_PER_INDEX_BYTE);
    }

    #[test]
    fn any_chunking_reads_the_same_pack() {
        let c = corpus("Harbour vote");
        let bytes = write_pack(&c, &Index::build(&c)).unwrap();
        for size in [1, 7, 20, 333, 1 << 20] {
            let mut reader = PackReader::new();
            for chunk in bytes.chunks(size) {
                reader.push(chunk).unwrap();
            }
            let (back, index) = reader.finish().unwrap();
            assert_eq!(back, c, "chunks of {size}");
            assert!(index.fits(&back));
        }
    }

    #[test]
    fn faults_are_named() {
        let c = corpus("Harbour vote");
        let index = Index::build(&c);
        let bytes = write_pack(&c, &index).unwrap();
        assert!(fault(b"{\"articles\": []}").contains("LEDEPACK"));
        assert!(fault(b"").contains("empty"));
        assert!(fault(&bytes[..10]).contains("inside its header"));
        let mut next = bytes.clone();
        next[8] = (PACK_VERSION + 1) as u8;
        let e = fault(&next);
        assert!(
            e.contains(&format!("pack version {}", PACK_VERSION + 1)),
            "{e}"
        );
        assert!(fault(&bytes[..HEADER + 5]).contains("inside its index"));
        let e = fault(&bytes[..bytes.len() - 3]);
        assert!(e.starts_with("the pack's corpus is damaged"), "{e}");
        // A flipped byte in an article's text decodes, but the checksum catches it.
        let mut flipped = bytes.clone();
        let at = bytes.len() - 20;
        flipped[at] ^= 0x01;
        assert!(fault(&flipped).contains("checksum"), "{}", fault(&flipped));
        // An index of another corpus cannot be written into a pack.
        let other = corpus("Harbour vote delayed");
        let e = write_pack(&c, &Index::build(&other)).expect_err("refused");
        assert!(e.contains("another corpus"), "{e}");
    }

    /// A pack of `corpus` and `index` as a forger writes it: no checks, a matching checksum.
    fn forged(corpus: &Corpus, index: &Index) -> Vec<u8> {
        let (index, compact) = (columns::write(index), corpus.to_compact_bytes());
        let mut hash = Xxh64::new(0);
        hash.update(&index);
        hash.update(&compact);
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&PACK_VERSION.to_le_bytes());
        out.extend_from_slice(&(index.len() as u64).to_le_bytes());
        out.extend_from_slice(&hash.digest().to_le_bytes());
        out.extend_from_slice(&index);
        out.extend_from_slice(&compact);
        out
    }

    #[test]
    fn a_forged_pack_with_a_matching_checksum_is_named_as_damaged() {
        let mut c = corpus("Harbour vote");
        let index = Index::build(&c);
        assert!(read_pack(&forged(&c, &index)).is_ok());
        // A quotation past the end of its paragraph: the highlight would silently vanish.
        let len = c.articles[0].paragraphs[0].chars().count();
        c.articles[0].quotes.push(lede_corpus::Quote {
            paragraph: 0,
            start: len - 2,
            end: len + 5,
            text: "x".into(),
            speaker: None,
            cue: None,
            next: None,
            rule: None,
        });
        let e = fault(&forged(&c, &index));
        assert!(e.starts_with("the pack's corpus is damaged"), "{e}");
        assert!(
            e.contains("quotes[0]") && e.contains("outside paragraph 0"),
            "{e}"
        );
        // A postings list naming an article the pack does not have.
        let c = corpus("Harbour vote");
        let mut index = Index::build(&c);
        index.postings[0] = 9;
        let e = fault(&forged(&c, &index));
        assert!(
            e.starts_with("the pack's index is damaged: its article deltas are damaged")
                && e.contains("article 9 of 1"),
            "{e}"
        );
    }
}
