//! The inverted index: a sorted term dictionary, positional postings per term over the five
//! fields, field lengths for BM25F, and the per-article facts that filters and facets read.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use lede_corpus::{Corpus, EntityKind, SharedStr};

use crate::dates::DayRange;
use crate::facts::{EntityLookup, Facts};
use crate::postings::{Field, Records, FIELDS};

mod build;
mod derive;
mod dictionary;
#[cfg(test)]
mod reference_tests;
mod term_ids;
pub(crate) mod term_list;

pub(crate) use derive::{derive, Deriver};
pub(crate) use dictionary::{Children, Node, TermDictionary};

/// Positions left empty between paragraphs, quotes and names, so that phrases never span them
/// and proximity treats them as far apart.
pub(crate) const SEGMENT_GAP: u32 = 16;

/// FxHash's multiplier.
const K: u64 = 0x517c_c1b7_2722_0a95;

/// The FxHash function (rustc's): fast for the short keys of term interning.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }

    /// The same as writing its 8 little-endian bytes, in one step.
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(K);
    }

    /// The same as writing its 16 little-endian bytes, in two steps.
    fn write_u128(&mut self, i: u128) {
        self.write_u64(i as u64);
        self.write_u64((i >> 64) as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map keyed with [`FxHasher`].
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The search index of one corpus. Build it once with [`Index::build`]; it keeps no article
/// text, so [`Index::search`](crate::Index::search) takes the same corpus again for snippets.
pub struct Index {
    pub(crate) n_docs: u32,
    /// [`Index::fingerprint`] of the corpus it was built from.
    pub(crate) fingerprint: u64,
    /// Folded term -> term id (ids in lexicographic order).
    pub(crate) terms: TermDictionary,
    /// Articles per term.
    pub(crate) df: Vec<u32>,
    /// Where each term's postings start in `postings`; one extra entry at the end.
    pub(crate) offsets: Vec<u32>,
    pub(crate) postings: Vec<u8>,
    /// Where each term's skip entries start in `skips`; one extra entry at the end.
    pub(crate) skip_off: Vec<u32>,
    /// `(article, record offset)` of every `SKIP_BLOCK`-th record of the long lists.
    pub(crate) skips: Vec<(u32, u32)>,
    /// Words per article and field, `n_docs * FIELDS`.
    pub(crate) field_len: Vec<u32>,
    pub(crate) avg_len: [f32; FIELDS],
    /// Each article's date as a day range (`None`: undated).
    pub(crate) dates: Vec<Option<DayRange>>,
    /// Each article's source as an index into `sources` (`u32::MAX`: none).
    pub(crate) doc_source: Vec<u32>,
    pub(crate) sources: Vec<String>,
    /// Article -> entity table indices, as offsets into `doc_entity_ids`.
    pub(crate) doc_entity_off: Vec<u32>,
    pub(crate) doc_entity_ids: Vec<u32>,
    /// Bit `k` set when the article mentions an entity of kind `EntityKind::ALL[k]`.
    pub(crate) doc_kinds: Vec<u8>,
    pub(crate) entity_ids: Vec<SharedStr>,
    pub(crate) entity_kinds: Vec<EntityKind>,
    pub(crate) entity_lookup: EntityLookup,
}

/// What an index holds besides its articles' facts ([`Facts`]): the term dictionary, the
/// postings and the field lengths, as built or as read from a pack.
pub(crate) struct IndexParts {
    pub n_docs: u32,
    pub fingerprint: u64,
    pub terms: TermDictionary,
    pub df: Vec<u32>,
    pub offsets: Vec<u32>,
    pub postings: Vec<u8>,
    pub skip_off: Vec<u32>,
    pub skips: Vec<(u32, u32)>,
    pub field_len: Vec<u32>,
}

/// Sizes of a built index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexStats {
    /// Articles indexed.
    pub articles: usize,
    /// Distinct terms.
    pub terms: usize,
    /// Bytes of the term dictionary (the terms and where each starts).
    pub dictionary_bytes: usize,
    /// Bytes of the postings (records and positions).
    pub postings_bytes: usize,
    /// Every heap byte the index holds (dictionary, postings, tables).
    pub heap_bytes: usize,
}

impl Index {
    /// The index of its postings and its articles' facts; the average field lengths are
    /// computed here.
    pub(crate) fn from_parts(parts: IndexParts, facts: Facts) -> Index {
        let n_docs = parts.n_docs;
        let mut avg_len = [0f32; FIELDS];
        if n_docs > 0 {
            for (f, avg) in avg_len.iter_mut().enumerate() {
                let sum: u64 = parts
                    .field_len
                    .iter()
                    .skip(f)
                    .step_by(FIELDS)
                    .map(|&l| u64::from(l))
                    .sum();
                *avg = (sum as f32 / n_docs as f32).max(1.0);
            }
        }
        Index {
            n_docs,
            fingerprint: parts.fingerprint,
            terms: parts.terms,
            df: parts.df,
            offsets: parts.offsets,
            postings: parts.postings,
            skip_off: parts.skip_off,
            skips: parts.skips,
            field_len: parts.field_len,
            avg_len,
            dates: facts.dates,
            doc_source: facts.doc_source,
            sources: facts.sources,
            doc_entity_off: facts.doc_entity_off,
            doc_entity_ids: facts.doc_entity_ids,
            doc_kinds: facts.doc_kinds,
            entity_ids: facts.entity_ids,
            entity_kinds: facts.entity_kinds,
            entity_lookup: facts.entity_lookup,
        }
    }

    /// A hash of what the index depends on (article ids, titles, paragraph lengths, quotes,
    /// entities, dates, sources), to tell whether a stored index belongs to a corpus.
    /// The same on every platform (lengths are hashed as `u64`).
    pub fn fingerprint(corpus: &Corpus) -> u64 {
        let mut h = FxHasher::default();
        h.write_u64(corpus.articles.len() as u64);
        for a in &corpus.articles {
            h.write(a.id.as_bytes());
            h.write(a.title.as_bytes());
            h.write_u64(a.paragraphs.len() as u64);
            for p in &a.paragraphs {
                h.write_u64(p.len() as u64);
            }
            h.write_u64(a.quotes.len() as u64);
            for q in &a.quotes {
                h.write_u64(q.text(&a.paragraphs).len() as u64);
                if let Some(s) = &q.speaker {
                    h.write(s.name.as_bytes());
                }
            }
            for e in &a.entities {
                h.write(e.id.as_bytes());
                h.write(e.name.as_bytes());
            }
            h.write(a.date.as_deref().unwrap_or("").as_bytes());
            h.write(a.source.as_deref().unwrap_or("").as_bytes());
        }
        h.finish()
    }

    /// True when this index was built from `corpus` (same [`Index::fingerprint`]).
    pub fn fits(&self, corpus: &Corpus) -> bool {
        self.n_docs as usize == corpus.articles.len()
            && self.fingerprint == Index::fingerprint(corpus)
    }

    /// Number of articles indexed.
    pub fn len(&self) -> usize {
        self.n_docs as usize
    }

    /// True when the corpus had no articles.
    pub fn is_empty(&self) -> bool {
        self.n_docs == 0
    }

    /// Sizes of the dictionary, the postings and everything the index holds on the heap.
    pub fn stats(&self) -> IndexStats {
        let vec_bytes = |cap: usize, size: usize| cap * size;
        let strings = |v: &[String]| v.iter().map(|s| s.capacity() + 24).sum::<usize>();
        let dictionary_bytes = self.terms.heap_bytes();
        let heap_bytes = dictionary_bytes
            + vec_bytes(self.df.capacity(), 4)
            + vec_bytes(self.offsets.capacity(), 4)
            + self.postings.capacity()
            + vec_bytes(self.skip_off.capacity(), 4)
            + vec_bytes(self.skips.capacity(), 8)
            + vec_bytes(self.field_len.capacity(), 4)
            + vec_bytes(
                self.dates.capacity(),
                std::mem::size_of::<Option<DayRange>>(),
            )
            + vec_bytes(self.doc_source.capacity(), 4)
            + strings(&self.sources)
            + vec_bytes(self.doc_entity_off.capacity(), 4)
            + vec_bytes(self.doc_entity_ids.capacity(), 4)
            + self.doc_kinds.capacity()
            // Entity ids are the corpus's texts, shared: only their handles count here.
            + vec_bytes(self.entity_ids.capacity(), std::mem::size_of::<SharedStr>())
            + self.entity_kinds.capacity()
            + self.entity_lookup.heap_bytes();
        IndexStats {
            articles: self.n_docs as usize,
            terms: self.df.len(),
            dictionary_bytes,
            postings_bytes: self.postings.len(),
            heap_bytes,
        }
    }

    /// The term id of an exact folded term.
    pub(crate) fn term_id(&self, term: &str) -> Option<u32> {
        self.terms.get(term.as_bytes())
    }

    /// The postings records of term `t`.
    pub(crate) fn records(&self, t: u32) -> Records<'_> {
        let t = t as usize;
        Records::new(
            &self.postings,
            self.offsets[t] as usize,
            self.offsets[t + 1] as usize,
        )
    }

    /// The skip entries of term `t`.
    pub(crate) fn skips_of(&self, t: u32) -> &[(u32, u32)] {
        let t = t as usize;
        &self.skips[self.skip_off[t] as usize..self.skip_off[t + 1] as usize]
    }

    /// Words of `doc` in `field`.
    pub(crate) fn len_of(&self, doc: u32, field: Field) -> u32 {
        self.field_len[doc as usize * FIELDS + field as usize]
    }

    /// The entity table indices `doc` mentions, ascending.
    pub(crate) fn doc_entities(&self, doc: u32) -> &[u32] {
        let d = doc as usize;
        &self.doc_entity_ids[self.doc_entity_off[d] as usize..self.doc_entity_off[d + 1] as usize]
    }
}

/// The position of `kind` in [`EntityKind::ALL`].
pub(crate) fn kind_index(kind: EntityKind) -> usize {
    EntityKind::ALL
        .iter()
        .position(|&k| k == kind)
        .expect("every kind is listed")
}
