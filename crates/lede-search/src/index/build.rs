//! Building the postings from a corpus: every article's fields tokenized once, each word given
//! its term's id, the article's words grouped by term with a counting sort (no comparison
//! sort: words arrive in field and position order), then every record grouped by term. The
//! ids come from one of two places: interned as the words are met ([`Index::build`]), or a
//! pack's term dictionary ([`Deriver`](super::Deriver): a pack ships no postings, only the
//! dictionary).

use lede_corpus::{Article, Corpus};

use super::{FxMap, Index, IndexParts, TermDictionary, SEGMENT_GAP};
use crate::facts::Facts;
use crate::postings::{write_record_body, Field, FIELDS, SKIP_BLOCK};

/// Term → id, terms of up to 15 bytes kept as inline keys (no pointer to follow, no `memcmp`:
/// most words are short), those of up to 7 in a table of half the entry size, which the
/// commonest words share and so stay in cache. The longer inline keys are two `u64`s, not a
/// `u128`, whose 16-byte alignment would make each entry 32 bytes instead of 24.
#[derive(Default)]
pub(super) struct TermIds {
    tiny: FxMap<u64, u32>,
    short: FxMap<(u64, u64), u32>,
    long: FxMap<Box<[u8]>, u32>,
}

/// A term's key: its bytes, then its length in the last byte, inline for up to 15 bytes.
enum Key<'a> {
    Tiny(u64),
    Short((u64, u64)),
    Long(&'a [u8]),
}

/// The key of `term`: its bytes packed little-endian, read as two overlapping loads (the
/// bytes both cover are the same, so OR-ing them packs them once).
fn key(term: &[u8]) -> Key<'_> {
    let n = term.len();
    let u32_at = |at: usize| u32::from_le_bytes(term[at..at + 4].try_into().expect("4 bytes"));
    let u64_at = |at: usize| u64::from_le_bytes(term[at..at + 8].try_into().expect("8 bytes"));
    match n {
        0 => Key::Tiny(0),
        1..=3 => {
            let packed = u64::from(term[0])
                | u64::from(term[n / 2]) << (8 * (n / 2))
                | u64::from(term[n - 1]) << (8 * (n - 1));
            Key::Tiny(packed | (n as u64) << 56)
        }
        4..=7 => {
            let packed = u64::from(u32_at(0)) | u64::from(u32_at(n - 4)) << (8 * (n - 4));
            Key::Tiny(packed | (n as u64) << 56)
        }
        8..=15 => {
            let packed = u128::from(u64_at(0)) | u128::from(u64_at(n - 8)) << (8 * (n - 8));
            let packed = packed | (n as u128) << 120;
            Key::Short((packed as u64, (packed >> 64) as u64))
        }
        _ => Key::Long(term),
    }
}

impl TermIds {
    fn get(&self, term: &[u8]) -> Option<u32> {
        match key(term) {
            Key::Tiny(k) => self.tiny.get(&k).copied(),
            Key::Short(k) => self.short.get(&k).copied(),
            Key::Long(t) => self.long.get(t).copied(),
        }
    }

    pub(super) fn insert(&mut self, term: &[u8], id: u32) {
        match key(term) {
            Key::Tiny(k) => self.tiny.insert(k, id),
            Key::Short(k) => self.short.insert(k, id),
            Key::Long(t) => self.long.insert(t.into(), id),
        };
    }
}

/// Where the builder's term ids come from.
pub(super) enum Terms {
    /// Ids in the order terms are first met; their names, sorted at the end.
    Interned { ids: TermIds, names: Vec<Box<str>> },
    /// A pack's dictionary: ids fixed, a word outside it is a fault (the first one kept).
    Dictionary {
        ids: TermIds,
        terms: TermDictionary,
        unknown: Option<(u32, String)>,
    },
}

/// Calls `f` with every indexed text of `a` in field order: the title, the paragraphs, the
/// quote texts, the speaker names and the entity names with their aliases (both sorted,
/// without repeats).
fn for_each_field<'a>(a: &'a Article, names: &mut Vec<&'a str>, mut f: impl FnMut(Field, &str)) {
    f(Field::Title, &a.title);
    for p in &a.paragraphs {
        f(Field::Body, p);
    }
    for q in &a.quotes {
        f(Field::Quotes, &q.text);
    }
    names.clear();
    names.extend(
        a.quotes
            .iter()
            .filter_map(|q| q.speaker.as_ref().map(|s| s.name.as_str())),
    );
    lede_text::order::sort_by(names, |a, b| a.cmp(b));
    names.dedup();
    for n in names.iter() {
        f(Field::Speaker, n);
    }
    names.clear();
    for e in &a.entities {
        names.push(&e.name);
        names.extend(e.aliases.iter().map(|a| a.as_str()));
    }
    lede_text::order::sort_by(names, |a, b| a.cmp(b));
    names.dedup();
    for n in names.iter() {
        f(Field::Entities, n);
    }
}

/// Where the records go: one growing list per term, or (their lengths known) straight into
/// the postings.
pub(super) enum Sink {
    /// Per term, its postings so far (records in article order, article deltas included).
    Lists(Vec<Vec<u8>>),
    /// The postings, each term's room given ([`TermState`]'s `cursor` and `end`).
    InPlace {
        postings: Vec<u8>,
        /// The first term whose records overflowed its room.
        overflow: Option<u32>,
    },
}

/// What the builder keeps per term, side by side: the few it touches for each word and record
/// are then one cache line, not one in each of five tables.
#[derive(Clone, Copy)]
pub(super) struct TermState {
    /// Its slot in the current article ([`NO_SLOT`]: none yet; set back when the article's
    /// records are written).
    slot: u32,
    /// Its articles so far.
    df: u32,
    /// Its last article.
    last_doc: u32,
    /// Where its next record goes in the postings, and where its room ends ([`Sink::InPlace`]).
    cursor: u32,
    end: u32,
}

/// A term without a slot in the current article.
const NO_SLOT: u32 = u32::MAX;

impl Default for TermState {
    fn default() -> Self {
        TermState {
            slot: NO_SLOT,
            df: 0,
            last_doc: 0,
            cursor: 0,
            end: 0,
        }
    }
}

impl Sink {
    /// The offset where term `t`'s next record goes (within its list, or in the postings).
    fn at(&self, t: usize, state: &TermState) -> u32 {
        match self {
            Sink::Lists(lists) => lists[t].len() as u32,
            Sink::InPlace { .. } => state.cursor,
        }
    }

    /// Appends `record` to term `t`'s postings.
    fn push(&mut self, t: usize, state: &mut TermState, record: &[u8]) {
        match self {
            Sink::Lists(lists) => lists[t].extend_from_slice(record),
            Sink::InPlace { postings, overflow } => {
                let at = state.cursor as usize;
                match postings.get_mut(at..at + record.len()) {
                    Some(room) if at + record.len() <= state.end as usize => {
                        copy_small(room, record);
                        state.cursor += record.len() as u32;
                    }
                    _ => {
                        overflow.get_or_insert(t as u32);
                    }
                }
            }
        }
    }
}

/// `from` into `to` (as long): a byte loop for the few bytes most records take, where a call
/// to `memcpy` costs more than the copy.
fn copy_small(to: &mut [u8], from: &[u8]) {
    if from.len() > 16 {
        to.copy_from_slice(from);
        return;
    }
    for (to, &b) in to.iter_mut().zip(from) {
        *to = b;
    }
}

/// Collects the corpus's records, article by article, into each term's postings.
pub(super) struct Builder {
    terms: Terms,
    sink: Sink,
    /// Per term, what building it needs.
    term: Vec<TermState>,
    /// `(term, article, offset in its list)` of every `SKIP_BLOCK`-th record, in article order.
    marks: Vec<(u32, u32, u32)>,
    /// The current article's words in arrival order: `(slot, field, position)`.
    occ: Vec<(u32, u8, u32)>,
    /// Per slot of the current article, its term.
    slot_term: Vec<u32>,
    /// Per slot, where its words start (then, after the counting sort, end).
    slot_start: Vec<u32>,
    /// The current article's words grouped by slot: fields and positions.
    fields: Vec<u8>,
    positions: Vec<u32>,
    next_pos: [u32; FIELDS],
    lens: [u32; FIELDS],
    /// 1 + the current article.
    doc: u32,
    scratch: Vec<u8>,
    /// One record as it is written.
    record: Vec<u8>,
    /// Words per article and field of the articles added so far, `FIELDS` per article.
    field_len: Vec<u32>,
}

impl Builder {
    /// Gives each term its room in [`Sink::InPlace`]'s postings: `lengths[t]` bytes, in term
    /// order (their sum is the postings' length).
    pub(super) fn give_room(&mut self, lengths: &[u32]) {
        let mut at = 0;
        for (state, &l) in self.term.iter_mut().zip(lengths) {
            state.cursor = at;
            at += l;
            state.end = at;
        }
    }

    pub(super) fn new(terms: Terms, sink: Sink, n_terms: usize) -> Builder {
        Builder {
            terms,
            sink,
            term: vec![TermState::default(); n_terms],
            marks: Vec::new(),
            occ: Vec::new(),
            slot_term: Vec::new(),
            slot_start: Vec::new(),
            fields: Vec::new(),
            positions: Vec::new(),
            next_pos: [0; FIELDS],
            lens: [0; FIELDS],
            doc: 0,
            scratch: Vec::new(),
            record: Vec::new(),
            field_len: Vec::new(),
        }
    }

    /// The id of `term`, interned or looked up (`None`: outside the dictionary).
    fn id(&mut self, term: &str) -> Option<u32> {
        match &mut self.terms {
            Terms::Interned { ids, names } => Some(match ids.get(term.as_bytes()) {
                Some(id) => id,
                None => {
                    let id = names.len() as u32;
                    names.push(term.into());
                    ids.insert(term.as_bytes(), id);
                    if let Sink::Lists(lists) = &mut self.sink {
                        lists.push(Vec::new());
                    }
                    self.term.push(TermState::default());
                    id
                }
            }),
            Terms::Dictionary { ids, unknown, .. } => {
                let id = ids.get(term.as_bytes());
                if id.is_none() && unknown.is_none() {
                    *unknown = Some((self.doc - 1, term.to_string()));
                }
                id
            }
        }
    }

    /// Adds one text of the current article to `field`.
    fn add(&mut self, field: Field, text: &str) {
        let f = field as usize;
        let mut pos = self.next_pos[f];
        let mut count = 0;
        lede_text::for_each_word_and_part(text, |term, _, _, part| {
            // A part of the word just indexed: the same position, not another word.
            let at = if part { pos - 1 } else { pos };
            if !part {
                pos += 1;
                count += 1;
            }
            let Some(id) = self.id(term) else { return };
            let t = id as usize;
            let state = &mut self.term[t];
            if state.slot == NO_SLOT {
                state.slot = self.slot_term.len() as u32;
                self.slot_term.push(id);
            }
            self.occ.push((state.slot, field as u8, at));
        });
        self.lens[f] += count;
        self.next_pos[f] = pos + SEGMENT_GAP;
    }

    /// Starts article `doc`.
    fn start(&mut self, doc: u32) {
        self.doc = doc + 1;
        self.next_pos = [0; FIELDS];
        self.lens = [0; FIELDS];
    }

    /// Appends the current article's records to their terms' lists: its words grouped by slot
    /// (a counting sort that keeps their order, which is field and position order).
    fn flush(&mut self) {
        let doc = self.doc - 1;
        let n_slots = self.slot_term.len();
        self.slot_start.clear();
        self.slot_start.resize(n_slots + 1, 0);
        for o in &self.occ {
            self.slot_start[o.0 as usize + 1] += 1;
        }
        for s in 0..n_slots {
            self.slot_start[s + 1] += self.slot_start[s];
        }
        self.fields.clear();
        self.fields.resize(self.occ.len(), 0);
        self.positions.clear();
        self.positions.resize(self.occ.len(), 0);
        for &(slot, field, pos) in &self.occ {
            let at = &mut self.slot_start[slot as usize];
            self.fields[*at as usize] = field;
            self.positions[*at as usize] = pos;
            *at += 1;
        }
        // Each slot's start is now its end.
        let mut begin = 0;
        for s in 0..n_slots {
            let end = self.slot_start[s] as usize;
            let term = self.slot_term[s] as usize;
            let mut groups: [(Field, &[u32]); FIELDS] = [(Field::Title, &[]); FIELDS];
            let mut n_groups = 0;
            let mut k = begin;
            while k < end {
                let f = self.fields[k];
                let mut l = k;
                while l < end && self.fields[l] == f {
                    l += 1;
                }
                groups[n_groups] = (Field::ALL[f as usize], &self.positions[k..l]);
                n_groups += 1;
                k = l;
            }
            let state = &mut self.term[term];
            state.slot = NO_SLOT;
            if (state.df as usize).is_multiple_of(SKIP_BLOCK) {
                self.marks
                    .push((term as u32, doc, self.sink.at(term, state)));
            }
            self.record.clear();
            lede_corpus::varint::write(&mut self.record, u64::from(doc - state.last_doc));
            write_record_body(&mut self.record, &groups[..n_groups], &mut self.scratch);
            self.sink.push(term, state, &self.record);
            state.last_doc = doc;
            state.df += 1;
            begin = end;
        }
        self.occ.clear();
        self.slot_term.clear();
    }

    /// Adds the next article, `a` (articles come in corpus order).
    pub(super) fn add_article<'a>(&mut self, a: &'a Article, names: &mut Vec<&'a str>) {
        self.start((self.field_len.len() / FIELDS) as u32);
        for_each_field(a, names, |field, text| self.add(field, text));
        self.field_len.extend_from_slice(&self.lens);
        self.flush();
    }

    /// Room for the field lengths of `n` more articles.
    pub(super) fn reserve_articles(&mut self, n: usize) {
        self.field_len.reserve_exact(n.saturating_mul(FIELDS));
    }

    /// Adds every article of `corpus`.
    pub(super) fn add_corpus(&mut self, corpus: &Corpus) {
        self.reserve_articles(corpus.articles.len());
        let mut names = Vec::new();
        for a in &corpus.articles {
            self.add_article(a, &mut names);
        }
    }

    /// The postings in term order (ids in lexicographic order), with their dictionary, for
    /// the corpus of `n_docs` articles and `fingerprint`. What only building needed (the term
    /// ids' table, the per-term scratch) is freed before the final tables are made, so that
    /// the two are never in memory together (a wasm memory keeps its peak).
    pub(super) fn finish(self, n_docs: u32, fingerprint: u64) -> Result<IndexParts, String> {
        let Builder {
            terms,
            sink,
            term: states,
            marks,
            field_len,
            occ,
            slot_term,
            slot_start,
            fields,
            positions,
            scratch,
            record,
            ..
        } = self;
        drop((occ, slot_term, slot_start));
        let tmp_df: Vec<u32> = states.iter().map(|s| s.df).collect();
        drop((fields, positions, scratch, record));
        let (order, terms): (Vec<u32>, TermDictionary) = match terms {
            Terms::Interned { names, ids } => {
                drop(ids);
                let mut order: Vec<u32> = (0..names.len() as u32).collect();
                lede_text::order::sort_indices_by(&mut order, &mut |x, y| {
                    names[x as usize].cmp(&names[y as usize])
                });
                let bytes = names.iter().map(|n| n.len()).sum();
                let mut dictionary = TermDictionary::with_capacity(names.len(), bytes);
                for &old in &order {
                    dictionary
                        .push(names[old as usize].as_bytes())
                        .expect("interned terms are distinct, pushed in sorted order");
                }
                (order, dictionary)
            }
            Terms::Dictionary {
                unknown,
                terms,
                ids,
            } => {
                drop(ids);
                if let Some((doc, term)) = unknown {
                    return Err(format!(
                        "article {doc} has the word {term:?}, which its term dictionary lacks"
                    ));
                }
                if let Some(t) = tmp_df.iter().position(|&d| d == 0) {
                    return Err(format!(
                        "its term dictionary has {:?}, which no article has",
                        String::from_utf8_lossy(terms.term(t as u32))
                    ));
                }
                ((0..tmp_df.len() as u32).collect(), terms)
            }
        };
        // Every term's skip marks, grouped by term (a counting sort: article order kept).
        let mut mark_start = vec![0u32; tmp_df.len() + 1];
        for m in &marks {
            mark_start[m.0 as usize + 1] += 1;
        }
        for t in 0..tmp_df.len() {
            mark_start[t + 1] += mark_start[t];
        }
        let mut by_term = vec![(0u32, 0u32); marks.len()];
        let mut next = mark_start.clone();
        for &(t, doc, at) in &marks {
            by_term[next[t as usize] as usize] = (doc, at);
            next[t as usize] += 1;
        }
        drop(marks);
        let (mut lists, mut postings) = match sink {
            Sink::Lists(lists) => {
                let total: usize = lists.iter().map(Vec::len).sum();
                if total > u32::MAX as usize {
                    return Err("its postings are larger than 4 GiB".into());
                }
                (lists, Vec::with_capacity(total))
            }
            Sink::InPlace { postings, overflow } => {
                let short = (0..states.len()).find(|&t| states[t].cursor != states[t].end);
                if let Some(t) = overflow.or(short.map(|t| t as u32)) {
                    return Err(format!(
                        "its postings lengths do not match its corpus (term {t})"
                    ));
                }
                // Skip marks are offsets in the postings already, whose terms are in order.
                let offsets = std::iter::once(0)
                    .chain(states.iter().map(|s| s.end))
                    .collect();
                drop(states);
                let mut skip_off = Vec::with_capacity(order.len() + 1);
                let mut skips = Vec::new();
                for t in 0..order.len() {
                    skip_off.push(skips.len() as u32);
                    if tmp_df[t] as usize > SKIP_BLOCK {
                        skips.extend_from_slice(
                            &by_term[mark_start[t] as usize..mark_start[t + 1] as usize],
                        );
                    }
                }
                skip_off.push(skips.len() as u32);
                return Ok(IndexParts {
                    n_docs,
                    fingerprint,
                    terms,
                    df: tmp_df,
                    offsets,
                    postings,
                    skip_off,
                    skips,
                    field_len,
                });
            }
        };
        let mut offsets = Vec::with_capacity(order.len() + 1);
        let mut df = Vec::with_capacity(order.len());
        let mut skip_off = Vec::with_capacity(order.len() + 1);
        let mut skips = Vec::new();
        for &old in &order {
            let old = old as usize;
            let base = postings.len() as u32;
            offsets.push(base);
            skip_off.push(skips.len() as u32);
            if tmp_df[old] as usize > SKIP_BLOCK {
                let marks = &by_term[mark_start[old] as usize..mark_start[old + 1] as usize];
                skips.extend(marks.iter().map(|&(doc, at)| (doc, base + at)));
            }
            postings.extend_from_slice(&std::mem::take(&mut lists[old]));
            df.push(tmp_df[old]);
        }
        offsets.push(postings.len() as u32);
        skip_off.push(skips.len() as u32);
        Ok(IndexParts {
            n_docs,
            fingerprint,
            terms,
            df,
            offsets,
            postings,
            skip_off,
            skips,
            field_len,
        })
    }
}

impl Index {
    /// Indexes every article of `corpus`: title, paragraphs, quote texts, speaker names and
    /// entity names with aliases, plus dates, sources and entities for filters and facets.
    pub fn build(corpus: &Corpus) -> Index {
        let terms = Terms::Interned {
            ids: TermIds::default(),
            names: Vec::new(),
        };
        let mut b = Builder::new(terms, Sink::Lists(Vec::new()), 0);
        b.add_corpus(corpus);
        let n_docs = corpus.articles.len() as u32;
        let parts = b
            .finish(n_docs, Index::fingerprint(corpus))
            .expect("interned terms are all used");
        Index::from_parts(parts, Facts::of(corpus))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_length_gets_its_own_key() {
        // Terms of every length around the three key widths, sharing prefixes and suffixes (the
        // inline keys read two overlapping halves).
        let mut terms: Vec<String> = Vec::new();
        for n in 0..=18 {
            for fill in ['a', 'b'] {
                let base: String = (0..n).map(|i| (b'c' + (i % 20) as u8) as char).collect();
                terms.push(base.clone());
                if n > 0 {
                    let mut first = base.clone();
                    first.replace_range(..1, &fill.to_string());
                    let mut last = base.clone();
                    last.replace_range(n - 1.., &fill.to_string());
                    let mut middle = base.clone();
                    middle.replace_range(n / 2..n / 2 + 1, &fill.to_string());
                    terms.extend([first, last, middle]);
                }
            }
        }
        terms.sort();
        terms.dedup();
        let mut ids = TermIds::default();
        for (id, t) in terms.iter().enumerate() {
            assert_eq!(ids.get(t.as_bytes()), None, "{t:?} before its insertion");
            ids.insert(t.as_bytes(), id as u32);
        }
        for (id, t) in terms.iter().enumerate() {
            assert_eq!(ids.get(t.as_bytes()), Some(id as u32), "{t:?}");
        }
        assert!(ids.get(b"zz").is_none() && ids.get(b"cdefghijz").is_none());
        assert!(!ids.tiny.is_empty() && !ids.short.is_empty() && !ids.long.is_empty());
    }
}
