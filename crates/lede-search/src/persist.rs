//! The index as bytes (postcard), for building it at ingest time and loading it in the browser
//! without re-tokenizing the corpus. A stored index names the corpus it belongs to by
//! fingerprint; loading checks the format and every postings list, so bad bytes give an error,
//! never a panic.

use lede_corpus::{varint, EntityKind, SharedStr};
use serde::{Deserialize, Serialize};

use crate::dates::DayRange;
use crate::facts::EntityLookup;
use crate::index::{term_list, Index};
use crate::postings::{read_head, PositionsEnd, FIELDS as N_FIELDS, SKIP_BLOCK};

/// First bytes of a stored index.
const MAGIC: [u8; 8] = *b"LEDEIDX\0";
/// Version of the stored layout; bumped whenever it or the tokenizer changes. 5: a record's
/// head byte has a one-field and a one-occurrence-per-field form (`postings`).
pub const FORMAT_VERSION: u32 = 5;

/// Why stored bytes are not a usable index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadIndexError(pub String);

impl std::fmt::Display for LoadIndexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not a usable search index: {}", self.0)
    }
}

impl std::error::Error for LoadIndexError {}

/// The stored fields, borrowed for writing.
#[derive(Serialize)]
struct StoredRef<'a> {
    magic: [u8; 8],
    version: u32,
    fingerprint: u64,
    n_docs: u32,
    terms: &'a [u8],
    df: &'a [u32],
    offsets: &'a [u32],
    postings: &'a [u8],
    skip_off: &'a [u32],
    skips: &'a [(u32, u32)],
    field_len: &'a [u32],
    avg_len: [f32; N_FIELDS],
    dates: &'a [Option<DayRange>],
    doc_source: &'a [u32],
    sources: &'a [String],
    doc_entity_off: &'a [u32],
    doc_entity_ids: &'a [u32],
    doc_kinds: &'a [u8],
    entity_ids: &'a [SharedStr],
    entity_kinds: &'a [EntityKind],
}

/// The stored fields for reading (same order and wire format as [`StoredRef`]); the two large
/// byte arrays are borrowed from the input and copied in one go.
#[derive(Deserialize)]
struct Stored<'a> {
    magic: [u8; 8],
    version: u32,
    fingerprint: u64,
    n_docs: u32,
    #[serde(borrow)]
    terms: &'a [u8],
    df: Vec<u32>,
    offsets: Vec<u32>,
    #[serde(borrow)]
    postings: &'a [u8],
    skip_off: Vec<u32>,
    skips: Vec<(u32, u32)>,
    field_len: Vec<u32>,
    avg_len: [f32; N_FIELDS],
    dates: Vec<Option<DayRange>>,
    doc_source: Vec<u32>,
    sources: Vec<String>,
    doc_entity_off: Vec<u32>,
    doc_entity_ids: Vec<u32>,
    doc_kinds: Vec<u8>,
    entity_ids: Vec<SharedStr>,
    entity_kinds: Vec<EntityKind>,
}

fn check(ok: bool, what: &str) -> Result<(), LoadIndexError> {
    if ok {
        Ok(())
    } else {
        Err(LoadIndexError(what.to_string()))
    }
}

/// Reads a varint at `*pos` without reading past `end`.
fn varint(buf: &[u8], pos: &mut usize, end: usize) -> Option<u32> {
    varint::read_u32(buf.get(..end)?, pos).ok()
}

/// Walks every record header of `buf[start..end]` with bounds checked: the article ids ascend
/// and stay below `n_docs`, there are `df` records, and each record's positions fit in it.
/// Returns the skip entries the list should have.
fn check_list(
    buf: &[u8],
    start: usize,
    end: usize,
    n_docs: u32,
    df: u32,
) -> Option<Vec<(u32, u32)>> {
    let mut pos = start;
    let mut doc = 0u32;
    let mut count = 0u32;
    let mut skips = Vec::new();
    while pos < end {
        let rec = pos;
        let delta = varint(buf, &mut pos, end)?;
        doc = if count == 0 {
            delta
        } else {
            doc.checked_add(delta).filter(|_| delta > 0)?
        };
        if doc >= n_docs {
            return None;
        }
        if df as usize > SKIP_BLOCK && (count as usize).is_multiple_of(SKIP_BLOCK) {
            skips.push((doc, rec as u32));
        }
        let head = *buf.get(pos).filter(|_| pos < end)?;
        pos += 1;
        let (_, tf, positions) = read_head(head, || varint(buf, &mut pos, end))?;
        match positions {
            PositionsEnd::Bytes(len) => {
                let occurrences: u64 = tf.iter().map(|&n| u64::from(n)).sum();
                // Each position takes one to five bytes; reading them never leaves the buffer
                // because its last byte ends a varint (checked by the caller).
                let len = u64::from(len);
                if len < occurrences || len > occurrences * 5 {
                    return None;
                }
                pos = pos.checked_add(len as usize).filter(|&e| e <= end)?;
            }
            PositionsEnd::Varints(n) => {
                for _ in 0..n {
                    varint(buf, &mut pos, end)?;
                }
            }
        }
        count += 1;
    }
    (count == df).then_some(skips)
}

impl Index {
    /// The index as bytes: postcard, starting with a magic and [`FORMAT_VERSION`].
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut terms = Vec::new();
        term_list::write(&self.terms, &mut terms);
        let stored = StoredRef {
            magic: MAGIC,
            version: FORMAT_VERSION,
            fingerprint: self.fingerprint,
            n_docs: self.n_docs,
            terms: &terms,
            df: &self.df,
            offsets: &self.offsets,
            postings: &self.postings,
            skip_off: &self.skip_off,
            skips: &self.skips,
            field_len: &self.field_len,
            avg_len: self.avg_len,
            dates: &self.dates,
            doc_source: &self.doc_source,
            sources: &self.sources,
            doc_entity_off: &self.doc_entity_off,
            doc_entity_ids: &self.doc_entity_ids,
            doc_kinds: &self.doc_kinds,
            entity_ids: &self.entity_ids,
            entity_kinds: &self.entity_kinds,
        };
        postcard::to_allocvec(&stored).expect("in-memory serialisation does not fail")
    }

    /// Reads bytes written by [`Index::to_bytes`], checking the format version and that every
    /// table and postings list is consistent. Use [`Index::fits`] to check that it belongs to
    /// the loaded corpus.
    pub fn from_bytes(bytes: &[u8]) -> Result<Index, LoadIndexError> {
        Index::load(bytes, true)
    }

    /// [`Index::from_bytes`] without reading through every postings list (the tables are still
    /// checked): only for bytes this process wrote or checked itself (the `pack_checks`
    /// example's baseline). Never for bytes from the network: a checksum does not stop a
    /// forger, and a forged postings list panics the search.
    pub fn from_verified_bytes(bytes: &[u8]) -> Result<Index, LoadIndexError> {
        Index::load(bytes, false)
    }

    fn load(bytes: &[u8], check_postings: bool) -> Result<Index, LoadIndexError> {
        check(
            bytes.starts_with(&MAGIC),
            "it does not start with the index magic",
        )?;
        let mut s: Stored = postcard::from_bytes(bytes)
            .map_err(|e| LoadIndexError(format!("it does not decode ({e})")))?;
        check(
            s.magic == MAGIC && s.version == FORMAT_VERSION,
            &format!(
                "format version {} (this build reads {FORMAT_VERSION})",
                s.version
            ),
        )?;
        let n = s.n_docs as usize;
        let t = s.df.len();
        let terms = term_list::read(s.terms, t)
            .map_err(|e| LoadIndexError(format!("bad term dictionary ({e})")))?;
        check(
            s.offsets.len() == t + 1 && s.skip_off.len() == t + 1,
            "offset tables have the wrong size",
        )?;
        check(
            s.offsets.windows(2).all(|w| w[0] <= w[1])
                && s.offsets.first() == Some(&0)
                && s.offsets.last().map(|&o| o as usize) == Some(s.postings.len()),
            "postings offsets are out of order or out of range",
        )?;
        check(
            s.skip_off.windows(2).all(|w| w[0] <= w[1])
                && s.skip_off.first() == Some(&0)
                && s.skip_off.last().map(|&o| o as usize) == Some(s.skips.len()),
            "skip offsets are out of order or out of range",
        )?;
        check(
            s.postings.last().is_none_or(|&b| b < 0x80),
            "the postings end inside a number",
        )?;
        for term in (0..t).filter(|_| check_postings) {
            let (start, end) = (s.offsets[term] as usize, s.offsets[term + 1] as usize);
            let skips = check_list(s.postings, start, end, s.n_docs, s.df[term])
                .ok_or_else(|| LoadIndexError(format!("postings list {term} is corrupt")))?;
            let stored = &s.skips[s.skip_off[term] as usize..s.skip_off[term + 1] as usize];
            check(
                skips == stored,
                &format!("skip entries of list {term} are wrong"),
            )?;
        }
        check(
            s.field_len.len() == n * N_FIELDS
                && s.dates.len() == n
                && s.doc_source.len() == n
                && s.doc_kinds.len() == n
                && s.doc_entity_off.len() == n + 1,
            "per-article tables have the wrong size",
        )?;
        check(
            s.doc_source
                .iter()
                .all(|&x| x == u32::MAX || (x as usize) < s.sources.len()),
            "a source index is out of range",
        )?;
        check(
            s.doc_entity_off.windows(2).all(|w| w[0] <= w[1])
                && s.doc_entity_off.first() == Some(&0)
                && s.doc_entity_off.last().map(|&o| o as usize) == Some(s.doc_entity_ids.len())
                && s.entity_kinds.len() == s.entity_ids.len()
                && s.doc_entity_ids
                    .iter()
                    .all(|&e| (e as usize) < s.entity_ids.len()),
            "the article entity table is inconsistent",
        )?;
        for v in [
            &mut s.df,
            &mut s.offsets,
            &mut s.skip_off,
            &mut s.field_len,
            &mut s.doc_source,
            &mut s.doc_entity_off,
            &mut s.doc_entity_ids,
        ] {
            v.shrink_to_fit();
        }
        s.skips.shrink_to_fit();
        s.dates.shrink_to_fit();
        let entity_lookup = EntityLookup::new(&s.entity_ids);
        Ok(Index {
            n_docs: s.n_docs,
            fingerprint: s.fingerprint,
            terms,
            df: s.df,
            offsets: s.offsets,
            postings: s.postings.to_vec(),
            skip_off: s.skip_off,
            skips: s.skips,
            field_len: s.field_len,
            avg_len: s.avg_len,
            dates: s.dates,
            doc_source: s.doc_source,
            sources: s.sources,
            doc_entity_off: s.doc_entity_off,
            doc_entity_ids: s.doc_entity_ids,
            doc_kinds: s.doc_kinds,
            entity_ids: s.entity_ids,
            entity_kinds: s.entity_kinds,
            entity_lookup,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::postings::ONE_FIELD;
    use lede_corpus::{Article, Corpus};

    #[test]
    fn a_record_head_outside_the_three_forms_is_refused() {
        let c = Corpus::new(vec![Article {
            id: "a".into(),
            title: "Harbour vote".into(),
            paragraphs: vec!["The harbour council votes on the terminal.".into()].into(),
            ..Article::default()
        }]);
        let index = Index::build(&c);
        let bytes = index.to_bytes();
        assert!(Index::from_bytes(&bytes).is_ok());
        for t in 0..index.df.len() {
            // The first record's head: after its one-byte article delta (article 0).
            let head = index.offsets[t] as usize + 1;
            let at = bytes
                .windows(index.postings.len())
                .position(|w| w == index.postings.as_slice())
                .expect("the postings are stored whole")
                + head;
            let mut forged = bytes.clone();
            forged[at] = ONE_FIELD | 5 << 4 | 1; // field 5 of five
            let e = Index::from_bytes(&forged).err().expect("refused");
            assert!(
                e.0.contains(&format!("postings list {t} is corrupt")),
                "{e}"
            );
        }
    }
}
