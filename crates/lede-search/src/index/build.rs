//! Building the postings from a corpus: every article's fields tokenized once, each word given
//! its term's id, the article's words grouped by term with a counting sort (no comparison
//! sort: words arrive in field and position order), then every record grouped by term. The
//! ids come from one of two places: interned as the words are met ([`Index::build`]), or a
//! pack's term dictionary ([`Deriver`](super::Deriver): a pack ships no postings, only the
//! dictionary).

use lede_corpus::{Article, Corpus};

use super::term_ids::{DictionaryIds, TermIds};
use super::{Index, IndexParts, TermDictionary, SEGMENT_GAP};
use crate::facts::Facts;
use crate::postings::{write_record_body, Field, FIELDS, SKIP_BLOCK};

/// Where the builder's term ids come from.
pub(super) enum Terms {
    /// Ids in the order terms are first met; their names, sorted at the end.
    Interned { ids: TermIds, names: Vec<Box<str>> },
    /// A pack's dictionary: ids fixed, a word outside it is a fault (the first one kept).
    Dictionary {
        ids: DictionaryIds,
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
        f(Field::Quotes, q.text(&a.paragraphs));
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
    /// The postings, each term's room given ([`TermState`]'s `cursor`, from `offsets`).
    InPlace {
        postings: Vec<u8>,
        /// Where each term's room starts, one extra at the end: the index's final offsets,
        /// made with the room (not at the end, beside what building needs).
        offsets: Vec<u32>,
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
    /// Where its next record goes in the postings ([`Sink::InPlace`]); at the end, where its
    /// room ends, unless the lengths were forged.
    cursor: u32,
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
            Sink::InPlace {
                postings, overflow, ..
            } => {
                // Past its room, a term's records run into the next term's, which then ends
                // past its own: the end checks every cursor, so only the postings' end is
                // checked here.
                let at = state.cursor as usize;
                match postings.get_mut(at..at + record.len()) {
                    Some(room) => {
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
    /// `(term, article, offset in its list)` of every `SKIP_BLOCK`-th record but the first, in
    /// article order: a term's first record, at the start of its list, is a skip entry only
    /// when it has more than `SKIP_BLOCK`, so it is read from its list at the end (most terms
    /// have a few articles, and every mark is live beside the whole corpus).
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
    /// Puts each term's cursor at the start of its room in [`Sink::InPlace`]'s postings.
    pub(super) fn give_room(&mut self) {
        if let Sink::InPlace { offsets, .. } = &self.sink {
            for (state, &start) in self.term.iter_mut().zip(offsets) {
                state.cursor = start;
            }
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
            Terms::Dictionary {
                ids,
                terms,
                unknown,
            } => {
                let id = ids.get(terms, term.as_bytes());
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
            if state.df > 0 && (state.df as usize).is_multiple_of(SKIP_BLOCK) {
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
    /// ids' table, the per-term states, the skip marks) is freed before the final tables are
    /// made, so that they take its room (a wasm memory keeps its peak).
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
        drop((
            occ, slot_term, slot_start, fields, positions, scratch, record,
        ));
        // The new ids' order (`None`: a dictionary's, already in order).
        let (order, terms): (Option<Vec<u32>>, TermDictionary) = match terms {
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
                (Some(order), dictionary)
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
                (None, terms)
            }
        };
        let df: Vec<u32> = states.iter().map(|s| s.df).collect();
        if order.is_none() {
            if let Some(t) = df.iter().position(|&d| d == 0) {
                return Err(format!(
                    "its term dictionary has {:?}, which no article has",
                    String::from_utf8_lossy(terms.term(t as u32))
                ));
            }
        }
        match sink {
            Sink::InPlace {
                postings,
                offsets,
                overflow,
            } => {
                let ends = &offsets[1..];
                let short = (0..states.len()).find(|&t| states[t].cursor != ends[t]);
                if let Some(t) = overflow.or(short.map(|t| t as u32)) {
                    return Err(format!(
                        "its postings lengths do not match its corpus (term {t})"
                    ));
                }
                drop(states);
                // Skip marks are offsets in the postings already, whose terms are in order.
                let (skip_off, skips) = group_marks(marks, &df, |t| {
                    let start = offsets[t];
                    (first_doc(&postings[start as usize..]), start)
                });
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
            Sink::Lists(mut lists) => {
                drop(states);
                let total: usize = lists.iter().map(Vec::len).sum();
                if total > u32::MAX as usize {
                    return Err("its postings are larger than 4 GiB".into());
                }
                let (mark_off, by_term) = group_marks(marks, &df, |t| (first_doc(&lists[t]), 0));
                let order = order.unwrap_or_else(|| (0..df.len() as u32).collect());
                let mut postings = Vec::with_capacity(total);
                let mut offsets = Vec::with_capacity(order.len() + 1);
                let mut new_df = Vec::with_capacity(order.len());
                let mut skip_off = Vec::with_capacity(order.len() + 1);
                let mut skips = Vec::with_capacity(by_term.len());
                for &old in &order {
                    let old = old as usize;
                    let base = postings.len() as u32;
                    offsets.push(base);
                    skip_off.push(skips.len() as u32);
                    let marks = &by_term[mark_off[old] as usize..mark_off[old + 1] as usize];
                    skips.extend(marks.iter().map(|&(doc, at)| (doc, base + at)));
                    postings.extend_from_slice(&std::mem::take(&mut lists[old]));
                    new_df.push(df[old]);
                }
                offsets.push(postings.len() as u32);
                skip_off.push(skips.len() as u32);
                Ok(IndexParts {
                    n_docs,
                    fingerprint,
                    terms,
                    df: new_df,
                    offsets,
                    postings,
                    skip_off,
                    skips,
                    field_len,
                })
            }
        }
    }
}

/// Every term's skip entries, grouped by term in article order, and where each term's start
/// (one extra at the end): for each term of more than `SKIP_BLOCK` articles (`df`), `first(t)`
/// (its first record's article and offset), then its `marks`. A counting sort filled from the
/// back, each term's end moving down to its start, so it needs no table but the two it gives.
fn group_marks(
    marks: Vec<(u32, u32, u32)>,
    df: &[u32],
    first: impl Fn(usize) -> (u32, u32),
) -> (Vec<u32>, Vec<(u32, u32)>) {
    let n = df.len();
    let has_skips = |t: usize| df[t] as usize > SKIP_BLOCK;
    let mut off = vec![0u32; n + 1];
    for &(t, _, _) in &marks {
        off[t as usize] += 1;
    }
    let mut total = 0u32;
    for (t, count) in off[..n].iter_mut().enumerate() {
        total += *count + u32::from(has_skips(t));
        *count = total;
    }
    off[n] = total;
    let mut entries = vec![(0u32, 0u32); total as usize];
    for &(t, doc, at) in marks.iter().rev() {
        let end = &mut off[t as usize];
        *end -= 1;
        entries[*end as usize] = (doc, at);
    }
    drop(marks);
    for t in (0..n).filter(|&t| has_skips(t)) {
        off[t] -= 1;
        entries[off[t] as usize] = first(t);
    }
    (off, entries)
}

/// The article of the first record of a term's `postings` (its delta from article 0).
fn first_doc(postings: &[u8]) -> u32 {
    let mut at = 0;
    lede_corpus::varint::read_u32(postings, &mut at).expect("the builder wrote the record")
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
