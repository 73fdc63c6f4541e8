//! The postings encoding: per term, one record per article in article order, each with the
//! fields the term occurs in, its frequency there and its positions, all as LEB128 varints.
//!
//! Record layout: `doc delta`, a head byte, then the positions, delta-encoded per field in field
//! order. The head byte has three forms, because most records are one field or one occurrence
//! per field (Reuters: 55% are one word of the body, 13% one word in each of two fields):
//! - `1fff tttt`: one field `fff` with `tttt` occurrences (1 to 15); when more than one, the
//!   positions' byte length follows before them;
//! - `010m mmmm`: the fields of mask `m mmmm` (two or more), one occurrence in each;
//! - `000m mmmm`: any other mask `m mmmm`, then one `tf` per field in it and the positions' byte
//!   length.
//!
//! The length lets scoring skip many positions; a record without one has one per field, which
//! are skipped as varints. Proximity, phrases and snippets read them.
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
    scratch.clear();
    for (_, positions) in fields {
        let mut last = 0;
        for &p in *positions {
            varint::write(scratch, u64::from(p - last));
            last = p;
        }
    }
    match fields {
        [(field, positions)] if (1..=ONE_FIELD_TF).contains(&positions.len()) => {
            out.push(ONE_FIELD | (*field as u8) << 4 | positions.len() as u8);
            if positions.len() > 1 {
                varint::write(out, scratch.len() as u64);
            }
        }
        _ if fields.iter().all(|(_, p)| p.len() == 1) => out.push(EACH_ONCE | mask),
        _ => {
            out.push(mask);
            for (_, positions) in fields {
                varint::write(out, u64::from(positions.len() as u32));
            }
            varint::write(out, scratch.len() as u64);
        }
    }
    out.extend_from_slice(scratch);
}

/// The head byte's bit of the one-field form.
pub(crate) const ONE_FIELD: u8 = 0x80;
/// The most occurrences the one-field form says.
pub(crate) const ONE_FIELD_TF: usize = 15;
/// The head byte's bits of the one-occurrence-per-field form.
pub(crate) const EACH_ONCE: u8 = 0x40;

/// Where a record's positions end, as its head says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PositionsEnd {
    /// After this many bytes.
    Bytes(u32),
    /// After this many varints (one per occurrence: no length is stored).
    Varints(u32),
}

/// A record's head: its field mask, the occurrences per field and where its positions end;
/// `None` when the head is not one of the three forms. `next` reads each varint (`None`: not
/// one), so that the same walk serves trusted and checked bytes.
#[inline]
pub(crate) fn read_head(
    head: u8,
    mut next: impl FnMut() -> Option<u32>,
) -> Option<(u8, [u32; FIELDS], PositionsEnd)> {
    let mut tf = [0u32; FIELDS];
    if head & ONE_FIELD != 0 {
        let (field, n) = (((head >> 4) & 0x07) as usize, u32::from(head & 0x0F));
        if field >= FIELDS || n == 0 {
            return None;
        }
        tf[field] = n;
        let end = if n == 1 {
            PositionsEnd::Varints(1)
        } else {
            PositionsEnd::Bytes(next()?)
        };
        return Some((1 << field, tf, end));
    }
    let mask = head & !EACH_ONCE;
    if mask == 0 || mask >> FIELDS != 0 {
        return None;
    }
    if head & EACH_ONCE != 0 {
        for (f, slot) in tf.iter_mut().enumerate() {
            *slot = u32::from(mask >> f & 1);
        }
        return Some((mask, tf, PositionsEnd::Varints(mask.count_ones())));
    }
    for (f, slot) in tf.iter_mut().enumerate() {
        if mask & (1 << f) != 0 {
            *slot = next()?;
        }
    }
    Some((mask, tf, PositionsEnd::Bytes(next()?)))
}

/// The head of the trusted record at `*pos` (moved past it).
#[inline]
fn trusted_head(buf: &[u8], pos: &mut usize) -> (u8, [u32; FIELDS], PositionsEnd) {
    let head = buf[*pos];
    *pos += 1;
    read_head(head, || Some(varint::read_u32_trusted(buf, pos)))
        .expect("postings are checked when they are loaded")
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
    /// Offset of the head byte in the postings buffer, for [`positions_at`].
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
        let (mask, tf, end) = trusted_head(self.buf, &mut self.pos);
        match end {
            PositionsEnd::Bytes(len) => self.pos += len as usize,
            PositionsEnd::Varints(n) => {
                for _ in 0..n {
                    while self.buf[self.pos] & 0x80 != 0 {
                        self.pos += 1;
                    }
                    self.pos += 1;
                }
            }
        }
        Some(Record {
            doc: self.doc,
            mask,
            tf,
            at,
        })
    }
}

/// Appends `(field, position)` for every occurrence in the record whose head byte is at `at`.
pub fn positions_at(buf: &[u8], at: u32, out: &mut Vec<(Field, u32)>) {
    let mut pos = at as usize;
    let (_, tf, _) = trusted_head(buf, &mut pos);
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

    /// One record of `fields` with doc delta 1, decoded back: its bytes, its header and its
    /// positions.
    fn one(fields: &[(Field, &[u32])]) -> (Vec<u8>, Record, Vec<(Field, u32)>) {
        let mut buf = Vec::new();
        write_record(&mut buf, 1, fields, &mut Vec::new());
        // A second record after it: the first's positions are skipped exactly.
        write_record(&mut buf, 2, &[(Field::Title, &[7])], &mut Vec::new());
        let recs: Vec<Record> = Records::new(&buf, 0, buf.len()).collect();
        assert_eq!(recs.len(), 2, "{fields:?}");
        assert_eq!((recs[0].doc, recs[1].doc), (1, 3), "{fields:?}");
        assert_eq!(recs[1].tf, [1, 0, 0, 0, 0], "{fields:?}");
        let mut pos = Vec::new();
        positions_at(&buf, recs[0].at, &mut pos);
        let first = recs[1].at as usize - 1;
        (buf[..first].to_vec(), recs[0], pos)
    }

    #[test]
    fn each_head_form_round_trips_and_takes_the_bytes_it_says() {
        let many: Vec<u32> = (0..16).map(|i| i * 3).collect();
        let cases: [&[(Field, &[u32])]; 7] = [
            &[(Field::Body, &[5])],
            &[(Field::Body, &[5, 300])],
            &[(Field::Entities, &many[..15])],
            &[(Field::Body, &many)],
            &[(Field::Title, &[2]), (Field::Body, &[9])],
            &[
                (Field::Body, &[1]),
                (Field::Quotes, &[1]),
                (Field::Entities, &[0]),
            ],
            &[(Field::Body, &[1]), (Field::Quotes, &[1, 4])],
        ];
        for fields in cases {
            let (bytes, rec, pos) = one(fields);
            let want: Vec<(Field, u32)> = fields
                .iter()
                .flat_map(|(f, ps)| ps.iter().map(move |&p| (*f, p)))
                .collect();
            assert_eq!(pos, want);
            let mut tf = [0; FIELDS];
            let mut mask = 0;
            for (f, ps) in fields {
                tf[*f as usize] = ps.len() as u32;
                mask |= f.bit();
            }
            assert_eq!((rec.mask, rec.tf), (mask, tf), "{fields:?}");
            // The bytes the positions take, delta-encoded per field.
            let mut positions = Vec::new();
            for (_, ps) in fields {
                let mut last = 0;
                for &p in *ps {
                    varint::write(&mut positions, u64::from(p - last));
                    last = p;
                }
            }
            let occurrences = want.len();
            let head = match fields {
                // One field: the head says the count; a length when more than one.
                [_] if occurrences == 1 => 1,
                [_] if occurrences <= ONE_FIELD_TF => 2,
                // One occurrence in each field: the head alone.
                _ if fields.iter().all(|(_, p)| p.len() == 1) => 1,
                // Otherwise the mask, one tf per field and the length.
                _ => 2 + fields.len(),
            };
            assert_eq!(bytes.len(), 1 + head + positions.len(), "{fields:?}");
        }
    }

    #[test]
    fn heads_outside_the_three_forms_are_refused() {
        let never = || -> Option<u32> { Some(1) };
        for head in [
            0x00,                   // no field
            0x20,                   // a sixth field
            ONE_FIELD | 5 << 4 | 1, // field 5 of five
            ONE_FIELD | 7 << 4 | 1,
            ONE_FIELD | 2 << 4, // no occurrence
            EACH_ONCE,          // no field
            EACH_ONCE | 0x21,
        ] {
            assert_eq!(read_head(head, never), None, "{head:#04x}");
        }
        assert_eq!(
            read_head(EACH_ONCE | 0x12, never),
            Some((0x12, [0, 1, 0, 0, 1], PositionsEnd::Varints(2)))
        );
        assert_eq!(
            read_head(ONE_FIELD | 3 << 4 | 4, || Some(6)),
            Some((0x08, [0, 0, 0, 4, 0], PositionsEnd::Bytes(6)))
        );
    }
}
