//! A corpus and its search index in one file (`lede ingest --pack`): the fastest thing to load
//! in the browser. The corpus comes as compact bytes instead of JSON text, and [`PackReader`]
//! reads the file as it downloads: the index first, then each article as its bytes arrive.
//!
//! Layout: the magic `LEDEPACK`, [`PACK_VERSION`] (u32), the bytes the index's postings will
//! take (u64: what [`memory_estimate`] reads), the XXH64 checksum (seed 0) of everything after
//! the header (u64), the length of the index section (u64), all little-endian; then the index
//! section ([`dictionary`]: the term dictionary only) and the corpus
//! ([`Corpus::to_compact_bytes`]). The postings are derived from the corpus, each article's as
//! its record arrives: shipping them would say the text a second time (bench/README.md, "pack
//! v5").
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
use crate::index::{derive, Deriver, TermDictionary};
use crate::Index;

mod dictionary;

use dictionary::Dictionary;

/// First bytes of a pack.
const MAGIC: [u8; 8] = *b"LEDEPACK";
/// Version of the pack layout. 5: the index section is the term dictionary alone, the
/// postings derived from the corpus (4 shipped them as columns). 6: the dictionary is a
/// front-coded term list the reader checks, instead of FST bytes it had to trust.
/// 7: the postings the lengths measure have denser records (`postings`: a head byte with a
/// one-field and a one-occurrence-per-field form), so a version 6 pack's lengths no longer fit.
pub const PACK_VERSION: u32 = 7;
/// The error for bytes that are not a pack at all.
const NOT_A_PACK: &str = "not a Lede pack: it does not start with LEDEPACK";
/// The most the reader reserves up front for the index section the header announces.
const MAX_RESERVE: usize = 64 << 20;
/// Bytes before the index: magic, version, postings bytes, checksum, index length.
const HEADER: usize = 8 + 4 + 8 + 8 + 8;
/// The most postings bytes whose room the reader takes as soon as the dictionary is in, to
/// derive each article's records as it arrives: the lengths may be forged, and past this they
/// are first checked against the whole corpus's text (derived at the end, as one step). At
/// [`MEMORY_PER_INDEX_BYTE`], 256 MiB of postings is the app's default memory limit, 2 GiB.
const MAX_STREAMED_POSTINGS: u64 = 256 << 20;

/// WebAssembly memory a loaded pack takes per byte of the postings its header announces:
/// Reuters-21578's 11,097,548 B of postings took at most 65.0 MiB in Chromium (pack v5, each
/// article derived as it arrives), 6.1 per byte (bench/README.md, "stream"); pack v7's denser
/// records give 8,262,489 B for 56.9 MiB in bench/wasm-memory (7.2 per byte, and the page adds
/// its own few MiB; 52.1 MiB, 6.6 per byte, since the load's transient peak was cut), so 8,
/// rounded up. The corpus, its index and the allocator's slack all grow
/// with the postings, and their size is in the pack's first bytes, whatever the transfer
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
    let section = dictionary::write(index);
    let compact = corpus.to_compact_bytes();
    let back = Corpus::from_compact_bytes(&compact)
        .map_err(|e| format!("the corpus does not check: {e}"))?;
    if back != *corpus {
        return Err("the corpus does not read back as it was written".into());
    }
    let dict = dictionary::read(&section).map_err(|e| format!("the index does not check: {e}"))?;
    let derived = derive(&back, dict.fingerprint, dict.terms, &dict.lengths)
        .map_err(|e| format!("the index does not check: {e}"))?;
    if derived.postings != index.postings || derived.field_len != index.field_len {
        return Err("the index is not the one its corpus gives: build it again".into());
    }
    drop((back, derived));
    Ok(assemble(index.postings.len(), &section, &compact))
}

/// The pack's bytes: the header over `section` and `compact`, checksummed.
fn assemble(postings_bytes: usize, section: &[u8], compact: &[u8]) -> Vec<u8> {
    let mut hash = Xxh64::new(0);
    hash.update(section);
    hash.update(compact);
    let mut out = Vec::with_capacity(HEADER + section.len() + compact.len());
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&PACK_VERSION.to_le_bytes());
    out.extend_from_slice(&(postings_bytes as u64).to_le_bytes());
    out.extend_from_slice(&hash.digest().to_le_bytes());
    out.extend_from_slice(&(section.len() as u64).to_le_bytes());
    out.extend_from_slice(section);
    out.extend_from_slice(compact);
    out
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
    /// The header, once it is in.
    header: Option<Header>,
    /// The index section, once it is in (the postings and the facts come from the corpus).
    index: Option<Section>,
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
            self.head = Vec::with_capacity(header.section.min(MAX_RESERVE));
        }
        self.hash.update(chunk);
        if self.index.is_none() {
            let want = self.header.expect("the header is read").section;
            let take = (want - self.head.len()).min(chunk.len());
            self.head.extend_from_slice(&chunk[..take]);
            chunk = &chunk[take..];
            if self.head.len() < want {
                return Ok(());
            }
            let dict = dictionary::read(&self.head)
                .map_err(|e| format!("the pack's index is damaged: {e}"))?;
            self.index = Some(Section::new(dict)?);
            self.head = Vec::new();
        }
        self.corpus
            .push(chunk)
            .map_err(|e| format!("the pack's corpus is damaged: {e}"))?;
        if let Some(Section {
            postings: Postings::Streamed { deriver, added },
            ..
        }) = &mut self.index
        {
            for a in &self.corpus.articles()[*added..] {
                deriver.add(a);
            }
            *added = self.corpus.articles_read();
        }
        Ok(())
    }

    /// The bytes the index's postings will take, once the header is in: what
    /// [`memory_estimate`] reads to tell a pack too big to load before its bytes arrive.
    pub fn announced_index_bytes(&self) -> Option<usize> {
        self.header.map(|h| h.postings)
    }

    /// Articles read so far.
    pub fn articles_read(&self) -> usize {
        self.corpus.articles_read()
    }

    /// The corpus and its index, once the last piece is in and the checksum matches.
    pub fn finish(self) -> Result<(Corpus, Index), String> {
        let Some(header) = self.header else {
            return Err(if self.head.is_empty() {
                "not a Lede pack: it is empty".into()
            } else {
                "not a Lede pack: it ends inside its header".into()
            });
        };
        let Some(index) = self.index else {
            return Err("the pack ends inside its index".into());
        };
        // Streamed postings are finished first, so that the builder's tables are freed before
        // the corpus's final tables are made (a wasm memory keeps its peak); their faults are
        // said after the corpus's.
        let streamed = match index.postings {
            Postings::Streamed { deriver, added } => {
                Ok(deriver.finish(added as u32, index.fingerprint))
            }
            Postings::AtEnd { terms, lengths } => Err((terms, lengths)),
        };
        let corpus = self
            .corpus
            .finish()
            .map_err(|e| format!("the pack's corpus is damaged: {e}"))?;
        if self.hash.digest() != header.checksum {
            return Err("the pack is damaged: its checksum does not match".into());
        }
        if index.n_docs as usize != corpus.articles.len()
            || index.fingerprint != Index::fingerprint(&corpus)
        {
            return Err("the pack's index was built from another corpus".into());
        }
        let parts = match streamed {
            Ok(parts) => parts,
            Err((terms, lengths)) => derive(&corpus, index.fingerprint, terms, &lengths),
        }
        .map_err(|e| format!("the pack's index is damaged: {e}"))?;
        if parts.postings.len() != header.postings {
            return Err(format!(
                "the pack's index is damaged: its header announces {} bytes of postings, its corpus gives {}",
                header.postings,
                parts.postings.len()
            ));
        }
        let index = Index::from_parts(parts, Facts::of(&corpus));
        Ok((corpus, index))
    }
}

/// A pack's index section as read: what the corpus was, and its postings as they are derived.
struct Section {
    /// [`Index::fingerprint`] of the corpus the index was built from.
    fingerprint: u64,
    /// Articles of that corpus.
    n_docs: u32,
    postings: Postings,
}

/// How the postings are derived.
enum Postings {
    /// Article by article as they arrive; `added` of them so far.
    Streamed { deriver: Box<Deriver>, added: usize },
    /// From the whole corpus at the end, its text checked first against the lengths (which
    /// announce more than [`MAX_STREAMED_POSTINGS`]).
    AtEnd {
        terms: TermDictionary,
        lengths: Vec<u32>,
    },
}

impl Section {
    /// The section of `dict`, its postings' room taken when it is small enough to trust.
    fn new(dict: Dictionary) -> Result<Section, String> {
        let Dictionary {
            fingerprint,
            n_docs,
            terms,
            lengths,
        } = dict;
        let total: u64 = lengths.iter().map(|&l| u64::from(l)).sum();
        let postings = if total <= MAX_STREAMED_POSTINGS {
            let mut deriver = Deriver::new(terms, &lengths)
                .map_err(|e| format!("the pack's index is damaged: {e}"))?;
            // Bounded by the room just taken: every article but an empty one has a record.
            deriver.reserve((n_docs as usize).min(total as usize));
            Postings::Streamed {
                deriver: Box::new(deriver),
                added: 0,
            }
        } else {
            Postings::AtEnd { terms, lengths }
        };
        Ok(Section {
            fingerprint,
            n_docs,
            postings,
        })
    }
}

/// A pack's header after the magic and version.
#[derive(Clone, Copy)]
struct Header {
    /// Bytes the index's postings will take.
    postings: usize,
    /// XXH64 of everything after the header.
    checksum: u64,
    /// Length of the index section.
    section: usize,
}

/// Checks the header; gives the postings' size, the checksum and the index section's length.
fn read_header(head: &[u8]) -> Result<Header, String> {
    if !is_pack(head) {
        return Err(NOT_A_PACK.into());
    }
    let version = u32::from_le_bytes(head[8..12].try_into().expect("4 bytes"));
    if version != PACK_VERSION {
        return Err(format!(
            "pack version {version} (this build reads {PACK_VERSION}): make the pack again with this build's `lede ingest --pack`"
        ));
    }
    let word = |at: usize| u64::from_le_bytes(head[at..at + 8].try_into().expect("8 bytes"));
    let size = |n: u64, what: &str| {
        usize::try_from(n).map_err(|_| format!("the pack claims {what} of {n} bytes"))
    };
    Ok(Header {
        postings: size(word(12), "postings")?,
        checksum: word(20),
        section: size(word(28), "an index")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede_corpus::Article;

    fn corpus(title: &str) -> Corpus {
        Corpus::new(vec![Article {
            id: "a".into(),
            title: title.into(),
            paragraphs: vec!["Harbour council backs the Zürich terminal.".into()].into(),
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
        assert_eq!(len, Index::build(&c).postings.len());
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
        // A pack of an earlier layout (v5: FST bytes as its dictionary; v6: the postings
        // lengths of the older records) is named, with what to do.
        for old in [5u32, 6] {
            let mut older = bytes.clone();
            older[8..12].copy_from_slice(&old.to_le_bytes());
            let e = fault(&older);
            assert!(
                e.contains(&format!("pack version {old} (this build reads 7)"))
                    && e.contains("lede ingest --pack"),
                "{e}"
            );
        }
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

    #[test]
    fn each_article_is_indexed_as_its_record_arrives() {
        let c = Corpus::new(
            (0..40)
                .map(|i| Article {
                    id: format!("a{i}"),
                    title: format!("Harbour vote {i}"),
                    paragraphs: vec![format!("The council backs terminal {}.", i % 7)].into(),
                    ..Article::default()
                })
                .collect(),
        );
        let bytes = write_pack(&c, &Index::build(&c)).unwrap();
        let mut reader = PackReader::new();
        let mut seen = Vec::new();
        for chunk in bytes.chunks(97) {
            reader.push(chunk).unwrap();
            if let Some(Section {
                postings: Postings::Streamed { added, .. },
                ..
            }) = &reader.index
            {
                assert_eq!(*added, reader.articles_read(), "none waits for the end");
                seen.push(*added);
            }
        }
        assert!(seen.len() > 10 && seen.windows(2).any(|w| w[0] < w[1] && w[0] > 0));
        assert_eq!(seen.last(), Some(&40));
        let (back, index) = reader.finish().unwrap();
        let built = Index::build(&back);
        assert_eq!(
            (index.postings, index.offsets),
            (built.postings, built.offsets)
        );
        assert_eq!((index.skips, index.df), (built.skips, built.df));
    }

    #[test]
    fn lengths_past_the_streaming_bound_are_checked_against_the_text_before_any_room() {
        let c = corpus("Harbour vote");
        let index = Index::build(&c);
        let mut section = index.fingerprint.to_le_bytes().to_vec();
        lede_corpus::varint::write(&mut section, 1);
        lede_corpus::varint::write(&mut section, index.df.len() as u64);
        let mut lengths: Vec<u32> = index.offsets.windows(2).map(|w| w[1] - w[0]).collect();
        lengths[0] += MAX_STREAMED_POSTINGS as u32;
        for &l in &lengths {
            lede_corpus::varint::write(&mut section, u64::from(l));
        }
        crate::index::term_list::write(&index.terms, &mut section);
        let total: u32 = lengths.iter().sum();
        let bytes = assemble(total as usize, &section, &c.to_compact_bytes());
        let mut reader = PackReader::new();
        reader.push(&bytes).unwrap();
        assert!(matches!(
            reader.index,
            Some(Section {
                postings: Postings::AtEnd { .. },
                ..
            })
        ));
        let e = reader.finish().err().expect("forged lengths");
        assert!(e.contains("more than its corpus can give"), "{e}");
    }

    /// A pack of `corpus` and `index` as a forger writes it: no checks, a matching checksum.
    fn forged(corpus: &Corpus, index: &Index) -> Vec<u8> {
        let section = dictionary::write(index);
        assemble(index.postings.len(), &section, &corpus.to_compact_bytes())
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
            held_text: Some("x".into()),
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
        // The dictionary of another corpus: a word it lacks, then a term no article has.
        let c = corpus("Harbour vote");
        let e = fault(&forged(&c, &Index::build(&corpus("Harbour"))))
            .replace(&Index::fingerprint(&corpus("Harbour")).to_string(), "");
        assert!(e.contains("another corpus"), "{e}");
        let mut other = Index::build(&corpus("Harbour"));
        other.fingerprint = Index::fingerprint(&c);
        let e = fault(&forged(&c, &other));
        assert!(
            e.starts_with("the pack's index is damaged")
                && e.contains("\"vote\", which its term dictionary lacks"),
            "{e}"
        );
        let mut other = Index::build(&corpus("Harbour vote count"));
        other.fingerprint = Index::fingerprint(&c);
        let e = fault(&forged(&c, &other));
        assert!(
            e.contains("its term dictionary has \"count\", which no article has"),
            "{e}"
        );
        // Postings lengths moved between terms: the sum is right, the records do not fit.
        let index = Index::build(&corpus("Harbour vote vote vote"));
        let mut section = Vec::new();
        section.extend_from_slice(&index.fingerprint.to_le_bytes());
        lede_corpus::varint::write(&mut section, 1);
        lede_corpus::varint::write(&mut section, index.df.len() as u64);
        let mut lengths: Vec<u32> = index.offsets.windows(2).map(|w| w[1] - w[0]).collect();
        let longest = (0..lengths.len()).max_by_key(|&t| lengths[t]).unwrap();
        let other = (longest + 1) % lengths.len();
        assert!(lengths[longest] > lengths[other]);
        lengths[longest] -= 1;
        lengths[other] += 1;
        for l in lengths {
            lede_corpus::varint::write(&mut section, u64::from(l));
        }
        crate::index::term_list::write(&index.terms, &mut section);
        let c4 = corpus("Harbour vote vote vote");
        let e = fault(&assemble(
            index.postings.len(),
            &section,
            &c4.to_compact_bytes(),
        ));
        assert!(
            e.contains("postings lengths do not match its corpus"),
            "{e}"
        );
        // A header announcing other postings than the corpus gives.
        let index = Index::build(&c);
        let section = dictionary::write(&index);
        let bad = assemble(index.postings.len() + 1, &section, &c.to_compact_bytes());
        let e = fault(&bad);
        assert!(
            e.contains("announces") && e.contains("its corpus gives"),
            "{e}"
        );
    }
}
