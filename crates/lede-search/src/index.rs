//! The inverted index: an FST term dictionary, positional postings per term over the five
//! fields, field lengths for BM25F, and the per-article facts that filters and facets read.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use lede_corpus::{Corpus, EntityKind, SharedStr};

use crate::dates::DayRange;
use crate::facts::Facts;
use crate::postings::{write_record_body, Field, Records, FIELDS, SKIP_BLOCK};

/// Positions left empty between paragraphs, quotes and names, so that phrases never span them
/// and proximity treats them as far apart.
pub(crate) const SEGMENT_GAP: u32 = 16;

/// The FxHash function (rustc's): fast for the short keys of term interning.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
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
    pub(crate) terms: fst::Map<Vec<u8>>,
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
    pub(crate) entity_lookup: FxMap<SharedStr, u32>,
}

/// What an index holds besides its articles' facts ([`Facts`]): the term dictionary, the
/// postings and the field lengths, as built or as read from a pack.
pub(crate) struct IndexParts {
    pub n_docs: u32,
    pub fingerprint: u64,
    pub terms: fst::Map<Vec<u8>>,
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
    /// Bytes of the FST term dictionary.
    pub dictionary_bytes: usize,
    /// Bytes of the postings (records and positions).
    pub postings_bytes: usize,
    /// Every heap byte the index holds (dictionary, postings, tables).
    pub heap_bytes: usize,
}

/// Collects one article's occurrences while building.
struct Builder {
    ids: FxMap<Box<str>, u32>,
    names: Vec<Box<str>>,
    /// Record bodies (no doc delta) in the order they were made: article by article.
    stream: Vec<u8>,
    /// `(term, article, start in stream)` of each record, in stream order.
    recs: Vec<(u32, u32, u32)>,
    df: Vec<u32>,
    occ: Vec<(u32, u8, u32)>,
    next_pos: [u32; FIELDS],
    lens: [u32; FIELDS],
}

impl Builder {
    fn add(&mut self, field: Field, text: &str) {
        let f = field as usize;
        let mut pos = self.next_pos[f];
        let mut count = 0;
        let (ids, names, occ) = (&mut self.ids, &mut self.names, &mut self.occ);
        lede_text::for_each_word_and_part(text, |term, _, _, part| {
            let id = match ids.get(term) {
                Some(&id) => id,
                None => {
                    let id = names.len() as u32;
                    names.push(term.into());
                    ids.insert(term.into(), id);
                    id
                }
            };
            if part {
                // A part of the word just indexed: the same position, not another word.
                occ.push((id, field as u8, pos - 1));
            } else {
                occ.push((id, field as u8, pos));
                pos += 1;
                count += 1;
            }
        });
        self.lens[f] += count;
        self.next_pos[f] = pos + SEGMENT_GAP;
    }

    fn flush(&mut self, doc: u32, scratch: &mut Vec<u8>) {
        if self.df.len() < self.names.len() {
            self.df.resize(self.names.len(), 0);
        }
        self.occ.sort_unstable();
        let mut positions: Vec<u32> = Vec::new();
        let mut i = 0;
        while i < self.occ.len() {
            let term = self.occ[i].0;
            let mut j = i;
            while j < self.occ.len() && self.occ[j].0 == term {
                j += 1;
            }
            positions.clear();
            positions.extend(self.occ[i..j].iter().map(|o| o.2));
            let mut fields: Vec<(Field, &[u32])> = Vec::with_capacity(2);
            let mut k = i;
            while k < j {
                let f = self.occ[k].1;
                let mut l = k;
                while l < j && self.occ[l].1 == f {
                    l += 1;
                }
                fields.push((Field::ALL[f as usize], &positions[k - i..l - i]));
                k = l;
            }
            self.recs.push((term, doc, self.stream.len() as u32));
            write_record_body(&mut self.stream, &fields, scratch);
            self.df[term as usize] += 1;
            i = j;
        }
        self.occ.clear();
        self.next_pos = [0; FIELDS];
        self.lens = [0; FIELDS];
    }
}

impl Index {
    /// Indexes every article of `corpus`: title, paragraphs, quote texts, speaker names and
    /// entity names with aliases, plus dates, sources and entities for filters and facets.
    pub fn build(corpus: &Corpus) -> Index {
        let articles = &corpus.articles;
        let n_docs = articles.len() as u32;
        let mut b = Builder {
            ids: FxMap::default(),
            names: Vec::new(),
            stream: Vec::new(),
            recs: Vec::new(),
            df: Vec::new(),
            occ: Vec::new(),
            next_pos: [0; FIELDS],
            lens: [0; FIELDS],
        };
        let mut field_len = Vec::with_capacity(articles.len() * FIELDS);
        let mut scratch = Vec::new();
        let mut names: Vec<&str> = Vec::new();
        for (d, a) in articles.iter().enumerate() {
            b.add(Field::Title, &a.title);
            for p in &a.paragraphs {
                b.add(Field::Body, p);
            }
            for q in &a.quotes {
                b.add(Field::Quotes, &q.text);
            }
            names.clear();
            names.extend(
                a.quotes
                    .iter()
                    .filter_map(|q| q.speaker.as_ref().map(|s| s.name.as_str())),
            );
            names.sort_unstable();
            names.dedup();
            for n in &names {
                b.add(Field::Speaker, n);
            }
            names.clear();
            for e in &a.entities {
                names.push(&e.name);
                names.extend(e.aliases.iter().map(String::as_str));
            }
            names.sort_unstable();
            names.dedup();
            for n in &names {
                b.add(Field::Entities, n);
            }
            field_len.extend_from_slice(&b.lens);
            b.flush(d as u32, &mut scratch);
        }

        let Builder {
            names: term_names,
            stream,
            recs,
            df: tmp_df,
            ..
        } = b;
        let mut order: Vec<u32> = (0..term_names.len() as u32).collect();
        order.sort_unstable_by(|&x, &y| term_names[x as usize].cmp(&term_names[y as usize]));
        // Counting sort of the records by term; within a term they stay in article order.
        let mut bucket: Vec<u32> = Vec::with_capacity(tmp_df.len() + 1);
        let mut sum = 0u32;
        for &d in &tmp_df {
            bucket.push(sum);
            sum += d;
        }
        let mut by_term = vec![0u32; recs.len()];
        for (i, r) in recs.iter().enumerate() {
            let slot = &mut bucket[r.0 as usize];
            by_term[*slot as usize] = i as u32;
            *slot += 1;
        }
        let end_of = |i: usize| recs.get(i + 1).map_or(stream.len(), |r| r.2 as usize);
        let mut postings = Vec::with_capacity(stream.len() + recs.len() * 2);
        let mut offsets = Vec::with_capacity(order.len() + 1);
        let mut df = Vec::with_capacity(order.len());
        let mut skip_off = Vec::with_capacity(order.len() + 1);
        let mut skips = Vec::new();
        let mut fst_builder = fst::MapBuilder::memory();
        for (new_id, &old) in order.iter().enumerate() {
            let old = old as usize;
            offsets.push(postings.len() as u32);
            skip_off.push(skips.len() as u32);
            let first = (bucket[old] - tmp_df[old]) as usize;
            let mut last_doc = 0;
            for (k, &ri) in by_term[first..first + tmp_df[old] as usize]
                .iter()
                .enumerate()
            {
                let (_, doc, start) = recs[ri as usize];
                if k.is_multiple_of(SKIP_BLOCK) && tmp_df[old] as usize > SKIP_BLOCK {
                    skips.push((doc, postings.len() as u32));
                }
                lede_corpus::varint::write(&mut postings, u64::from(doc - last_doc));
                last_doc = doc;
                postings.extend_from_slice(&stream[start as usize..end_of(ri as usize)]);
            }
            df.push(tmp_df[old]);
            fst_builder
                .insert(term_names[old].as_bytes(), new_id as u64)
                .expect("terms are inserted in sorted order");
        }
        offsets.push(postings.len() as u32);
        skip_off.push(skips.len() as u32);
        let terms = fst_builder.into_map();

        Index::from_parts(
            IndexParts {
                n_docs,
                fingerprint: Index::fingerprint(corpus),
                terms,
                df,
                offsets,
                postings,
                skip_off,
                skips,
                field_len,
            },
            Facts::of(corpus),
        )
    }

    /// The index of its postings and its articles' facts; the average field lengths are
    /// computed here.
    pub(crate) fn from_parts(parts: IndexParts, facts: Facts) -> Index {
        let IndexParts {
            n_docs,
            fingerprint,
            terms,
            df,
            offsets,
            postings,
            skip_off,
            skips,
            field_len,
        } = parts;
        let mut avg_len = [0f32; FIELDS];
        if n_docs > 0 {
            for (f, avg) in avg_len.iter_mut().enumerate() {
                let sum: u64 = field_len
                    .iter()
                    .skip(f)
                    .step_by(FIELDS)
                    .map(|&l| u64::from(l))
                    .sum();
                *avg = (sum as f32 / n_docs as f32).max(1.0);
            }
        }
        let Facts {
            dates,
            doc_source,
            sources,
            doc_entity_off,
            doc_entity_ids,
            doc_kinds,
            entity_ids,
            entity_kinds,
            entity_lookup,
        } = facts;
        Index {
            n_docs,
            fingerprint,
            terms,
            df,
            offsets,
            postings,
            skip_off,
            skips,
            field_len,
            avg_len,
            dates,
            doc_source,
            sources,
            doc_entity_off,
            doc_entity_ids,
            doc_kinds,
            entity_ids,
            entity_kinds,
            entity_lookup,
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
                h.write_u64(q.text.len() as u64);
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
        let dictionary_bytes = self.terms.as_fst().as_bytes().len();
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
            + self.entity_lookup.capacity() * (std::mem::size_of::<SharedStr>() + 4 + 8);
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
        self.terms.get(term).map(|v| v as u32)
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
