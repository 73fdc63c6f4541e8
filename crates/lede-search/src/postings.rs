//! The postings encoding: per term, one record per article in article order, each with the
//! fields the term occurs in, its frequency there and its positions, all as LEB128 varints.
//!
//! Record layout: `doc delta`, `field mask` (one byte), one `tf` per field in the mask, the byte
//! length of the positions, then per field in the mask its `tf` positions, delta-encoded. The
//! length lets scoring skip the positions; proximity, phrases and snippets read them.
//!
//! The varints are [`lede_corpus::varint`]'s; postings are read with its trusted reader, since
//! `persist` checks every list when an index is loaded.

use lede_corpus::varint;

/// Records per skip block: terms in more articles than this get a skip entry (first article and
/// offset) every `SKIP_BLOCK` records, so that checking a few candidate articles does not decode
/// the whole list.
pub const SKIP_BLOCK: usize = 64;

/// Number of indexed fields.
pub const FIELDS: usize = 5;

/// An indexed field of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The headline.
    Title = 0,
    /// The paragraphs.
    Body = 1,
    /// The words inside direct quotations (also part of the body).
    Quotes = 2,
    /// The names of quote speakers.
    Speaker = 3,
    /// The names and aliases of the entities the article mentions.
    Entities = 4,
}

impl Field {
    /// The fields in index order.
    pub const ALL: [Field; FIELDS] = [
        Field::Title,
        Field::Body,
        Field::Quotes,
        Field::Speaker,
        Field::Entities,
    ];

    /// The bit of this field in a field mask.
    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// Appends one article's record for a term (tests write postings with it). `fields` lists, in
/// field order, each field the term occurs in with its ascending positions; `scratch` is a
/// reusable buffer.
#[cfg(test)]
pub fn write_record(
    out: &mut Vec<u8>,
    doc_delta: u32,
    fields: &[(Field, &[u32])],
    scratch: &mut Vec<u8>,
) {
    varint::write(out, u64::from(doc_delta));
    write_record_body(out, fields, scratch);
}

/// Appends a record without its doc delta (the index builder adds that when it gathers each
/// term's records).
pub fn write_record_body(out: &mut Vec<u8>, fields: &[(Field, &[u32])], scratch: &mut Vec<u8>) {
    let mask = fields.iter().fold(0u8, |m, (f, _)| m | f.bit());
    out.push(mask);
    scratch.clear();
    for (_, positions) in fields {
        varint::write(out, u64::from(positions.len() as u32));
        let mut last = 0;
        for &p in *positions {
            varint::write(scratch, u64::from(p - last));
            last = p;
        }
    }
    varint::write(out, u64::from(scratch.len() as u32));
    out.extend_from_slice(scratch);
}

/// One decoded record header.
#[derive(Debug, Clone, Copy)]
pub struct Record {
    /// The article.
    pub doc: u32,
    /// The fields the term occurs in.
    pub mask: u8,
    /// Occurrences per field (0 for fields outside the mask).
    pub tf: [u32; FIELDS],
    /// Offset of the field mask in the postings buffer, for [`positions_at`].
    pub at: u32,
}

/// Iterates the records of one term's postings.
pub struct Records<'a> {
    buf: &'a [u8],
    pos: usize,
    end: usize,
    doc: u32,
    started: bool,
}

impl<'a> Records<'a> {
    /// The records in `buf[start..end]`.
    pub fn new(buf: &'a [u8], start: usize, end: usize) -> Self {
        Records {
            buf,
            pos: start,
            end,
            doc: 0,
            started: false,
        }
    }

    /// The records from the one at `start`, whose article is known to be `doc` (a skip entry).
    pub fn resume(buf: &'a [u8], start: usize, end: usize, doc: u32) -> Self {
        let mut pos = start;
        let delta = varint::read_u32_trusted(buf, &mut pos);
        Records {
            buf,
            pos: start,
            end,
            doc: doc - delta,
            started: true,
        }
    }
}

impl Iterator for Records<'_> {
    type Item = Record;

    #[inline]
    fn next(&mut self) -> Option<Record> {
        if self.pos >= self.end {
            return None;
        }
        let delta = varint::read_u32_trusted(self.buf, &mut self.pos);
        self.doc = if self.started {
            self.doc.wrapping_add(delta)
        } else {
            self.started = true;
            delta
        };
        let at = self.pos as u32;
        let mask = self.buf[self.pos];
        self.pos += 1;
        let mut tf = [0u32; FIELDS];
        for (f, slot) in tf.iter_mut().enumerate() {
            if mask & (1 << f) != 0 {
                *slot = varint::read_u32_trusted(self.buf, &mut self.pos);
            }
        }
        let len = varint::read_u32_trusted(self.buf, &mut self.pos) as usize;
        self.pos += len;
        Some(Record {
            doc: self.doc,
            mask,
            tf,
            at,
        })
    }
}

/// Appends `(field, position)` for every occurrence in the record whose mask is at `at`.
pub fn positions_at(buf: &[u8], at: u32, out: &mut Vec<(Field, u32)>) {
    let mut pos = at as usize;
    let mask = buf[pos];
    pos += 1;
    let mut tf = [0u32; FIELDS];
    for (f, slot) in tf.iter_mut().enumerate() {
        if mask & (1 << f) != 0 {
            *slot = varint::read_u32_trusted(buf, &mut pos);
        }
    }
    varint::read_u32_trusted(buf, &mut pos);
    for field in Field::ALL {
        let mut p = 0;
        for _ in 0..tf[field as usize] {
            p = varint::read_u32_trusted(buf, &mut pos).wrapping_add(p);
            out.push((field, p));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_with_positions() {
        let mut buf = Vec::new();
        let mut scratch = Vec::new();
        write_record(&mut buf, 3, &[(Field::Title, &[0, 4])], &mut scratch);
        write_record(
            &mut buf,
            7,
            &[(Field::Body, &[2, 200, 201]), (Field::Entities, &[9])],
            &mut scratch,
        );
        let recs: Vec<Record> = Records::new(&buf, 0, buf.len()).collect();
        assert_eq!(recs.len(), 2);
        assert_eq!((recs[0].doc, recs[1].doc), (3, 10));
        assert_eq!(recs[1].tf, [0, 3, 0, 0, 1]);
        assert_eq!(recs[1].mask, Field::Body.bit() | Field::Entities.bit());
        let mut pos = Vec::new();
        positions_at(&buf, recs[1].at, &mut pos);
        assert_eq!(
            pos,
            [
                (Field::Body, 2),
                (Field::Body, 200),
                (Field::Body, 201),
                (Field::Entities, 9)
            ]
        );
    }
}
