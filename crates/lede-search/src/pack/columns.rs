//! The pack's index section: the postings turned into columns so that gzip and brotli find
//! their redundancy (every article delta together, every field mask, every frequency, every
//! position), and nothing stored that can be derived: the record lengths, offsets and skip
//! entries are rebuilt while reading, the articles' facts come from the pack's corpus
//! ([`Facts`](crate::facts::Facts)).
//!
//! Layout: the corpus fingerprint (u64 LE), then varints `n_docs` and `n_terms`, then seven
//! sections, each a varint byte length and its bytes: the FST term dictionary; per term its
//! article count; per record its article delta (the first of a term absolute); per record its
//! field mask (one byte); per record and field in the mask its frequency minus one; per record
//! and field its positions, delta-encoded from 0 in each field; per article and field its
//! length in words. Numbers are [`lede_corpus::varint`]s.
//!
//! Reading checks every number as it rebuilds the records, so forged bytes give an error
//! naming the section, never a panic in the search.

use lede_corpus::varint;

use crate::index::{Index, IndexParts};
use crate::postings::{FIELDS, SKIP_BLOCK};

/// The section names, in order, for errors.
const SECTIONS: [&str; 7] = [
    "term dictionary",
    "article counts",
    "article deltas",
    "field masks",
    "frequencies",
    "positions",
    "field lengths",
];

/// The index's columns (its articles' facts are left to the corpus).
pub(crate) fn write(index: &Index) -> Vec<u8> {
    let n_terms = index.df.len();
    let mut cols: [Vec<u8>; 7] = Default::default();
    cols[0] = index.terms.as_fst().as_bytes().to_vec();
    for t in 0..n_terms {
        varint::write(&mut cols[1], u64::from(index.df[t]));
        let mut last = None;
        for rec in index.records(t as u32) {
            let delta = last.map_or(rec.doc, |l| rec.doc - l);
            last = Some(rec.doc);
            varint::write(&mut cols[2], u64::from(delta));
            cols[3].push(rec.mask);
            let mut pos = rec.at as usize + 1;
            for f in 0..FIELDS {
                if rec.mask & (1 << f) != 0 {
                    varint::read_u32_trusted(&index.postings, &mut pos);
                    varint::write(&mut cols[4], u64::from(rec.tf[f] - 1));
                }
            }
            let len = varint::read_u32_trusted(&index.postings, &mut pos) as usize;
            cols[5].extend_from_slice(&index.postings[pos..pos + len]);
        }
    }
    for &len in &index.field_len {
        varint::write(&mut cols[6], u64::from(len));
    }
    let mut out = index.fingerprint.to_le_bytes().to_vec();
    varint::write(&mut out, u64::from(index.n_docs));
    varint::write(&mut out, n_terms as u64);
    for col in &cols {
        varint::write(&mut out, col.len() as u64);
        out.extend_from_slice(col);
    }
    out
}

/// A cursor over one section that names it in errors.
struct Column<'a> {
    name: &'static str,
    bytes: &'a [u8],
    pos: usize,
}

impl Column<'_> {
    fn u32(&mut self) -> Result<u32, String> {
        varint::read_u32(self.bytes, &mut self.pos).map_err(|e| self.fault(&e.to_string()))
    }

    fn byte(&mut self) -> Result<u8, String> {
        let b = *self
            .bytes
            .get(self.pos)
            .ok_or_else(|| self.fault("it ends early"))?;
        self.pos += 1;
        Ok(b)
    }

    fn fault(&self, what: &str) -> String {
        format!("its {} are damaged at byte {}: {what}", self.name, self.pos)
    }

    fn done(&self) -> Result<(), String> {
        if self.pos == self.bytes.len() {
            Ok(())
        } else {
            Err(self.fault("bytes are left over"))
        }
    }
}

/// Reads the columns back into the index's postings, checking every number; the error says
/// which section is damaged and where.
pub(crate) fn read(bytes: &[u8]) -> Result<IndexParts, String> {
    let fingerprint = bytes
        .get(..8)
        .map(|b| u64::from_le_bytes(b.try_into().expect("8 bytes")))
        .ok_or("it ends inside its header")?;
    let mut head = Column {
        name: "header",
        bytes,
        pos: 8,
    };
    let n_docs = head.u32()?;
    let n_terms = head.u32()? as usize;
    let mut cols = Vec::with_capacity(SECTIONS.len());
    for name in SECTIONS {
        let len = head.u32()? as usize;
        let start = head.pos;
        let section = start
            .checked_add(len)
            .and_then(|end| bytes.get(start..end))
            .ok_or_else(|| format!("its {name} section runs past the end"))?;
        head.pos += len;
        cols.push(Column {
            name,
            bytes: section,
            pos: 0,
        });
    }
    head.done()?;
    let [dict, counts, docs, masks, tfs, positions, lens]: [Column; 7] =
        cols.try_into().ok().expect("seven sections");
    let terms = fst::Map::new(dict.bytes.to_vec())
        .map_err(|e| format!("its term dictionary does not read ({e})"))?;
    terms
        .as_fst()
        .verify()
        .map_err(|e| format!("its term dictionary does not read ({e})"))?;
    if terms.len() != n_terms {
        return Err(format!(
            "its term dictionary holds {} terms, its header {n_terms}",
            terms.len()
        ));
    }
    let mut postings = Postings {
        counts,
        docs,
        masks,
        tfs,
        positions,
        n_docs,
    };
    let capacity = postings.docs.bytes.len()
        + postings.masks.bytes.len() * 3
        + postings.tfs.bytes.len()
        + postings.positions.bytes.len();
    let mut out = Vec::with_capacity(capacity);
    let mut df = Vec::with_capacity(n_terms);
    let mut offsets = Vec::with_capacity(n_terms + 1);
    let mut skip_off = Vec::with_capacity(n_terms + 1);
    let mut skips = Vec::new();
    for t in 0..n_terms {
        offsets.push(out.len() as u32);
        skip_off.push(skips.len() as u32);
        df.push(postings.list(t, &mut out, &mut skips)?);
        if out.len() > u32::MAX as usize {
            return Err("its postings are larger than 4 GiB".into());
        }
    }
    offsets.push(out.len() as u32);
    skip_off.push(skips.len() as u32);
    for col in [
        &postings.counts,
        &postings.docs,
        &postings.masks,
        &postings.tfs,
        &postings.positions,
    ] {
        col.done()?;
    }
    out.shrink_to_fit();
    skips.shrink_to_fit();
    let mut lens = lens;
    let want = n_docs as usize * FIELDS;
    let mut field_len = Vec::with_capacity(want.min(lens.bytes.len()));
    for _ in 0..want {
        field_len.push(lens.u32()?);
    }
    lens.done()?;
    Ok(IndexParts {
        n_docs,
        fingerprint,
        terms,
        df,
        offsets,
        postings: out,
        skip_off,
        skips,
        field_len,
    })
}

/// The columns the postings records are rebuilt from.
struct Postings<'a> {
    counts: Column<'a>,
    docs: Column<'a>,
    masks: Column<'a>,
    tfs: Column<'a>,
    positions: Column<'a>,
    n_docs: u32,
}

impl Postings<'_> {
    /// Appends term `t`'s records to `out` (and its skip entries to `skips`); gives its
    /// article count.
    fn list(
        &mut self,
        t: usize,
        out: &mut Vec<u8>,
        skips: &mut Vec<(u32, u32)>,
    ) -> Result<u32, String> {
        let df = self.counts.u32()?;
        if df == 0 {
            return Err(self.counts.fault(&format!("term {t} is in no article")));
        }
        let mut doc = 0u32;
        let mut tf = [0u32; FIELDS];
        for k in 0..df {
            let delta = self.docs.u32()?;
            doc = if k == 0 {
                delta
            } else {
                doc.checked_add(delta)
                    .filter(|_| delta > 0)
                    .ok_or_else(|| self.docs.fault("the articles do not ascend"))?
            };
            if doc >= self.n_docs {
                return Err(self
                    .docs
                    .fault(&format!("article {doc} of {} articles", self.n_docs)));
            }
            if df as usize > SKIP_BLOCK && (k as usize).is_multiple_of(SKIP_BLOCK) {
                skips.push((doc, out.len() as u32));
            }
            varint::write(out, u64::from(if k == 0 { doc } else { delta }));
            let mask = self.masks.byte()?;
            if mask == 0 || mask >> FIELDS != 0 {
                return Err(self.masks.fault(&format!("mask {mask:#x}")));
            }
            out.push(mask);
            let mut occurrences = 0u32;
            for (f, slot) in tf.iter_mut().enumerate() {
                *slot = 0;
                if mask & (1 << f) != 0 {
                    *slot = self
                        .tfs
                        .u32()?
                        .checked_add(1)
                        .ok_or_else(|| self.tfs.fault("a frequency is too large"))?;
                    occurrences = occurrences
                        .checked_add(*slot)
                        .ok_or_else(|| self.tfs.fault("a frequency is too large"))?;
                    varint::write(out, u64::from(*slot));
                }
            }
            let start = self.positions.pos;
            for _ in 0..occurrences {
                self.positions.u32()?;
            }
            let bytes = &self.positions.bytes[start..self.positions.pos];
            varint::write(out, bytes.len() as u64);
            out.extend_from_slice(bytes);
        }
        Ok(df)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Facts;
    use lede_corpus::{Article, Corpus};

    /// Enough articles sharing words for skip entries, with titles, quotes-free bodies and
    /// numbers past one varint byte.
    fn corpus() -> Corpus {
        Corpus::new(
            (0..300)
                .map(|i| Article {
                    id: format!("a{i}"),
                    title: format!("Harbour vote {i}"),
                    paragraphs: vec![format!(
                        "The harbour council met {} times; {}",
                        i % 7,
                        "again and again ".repeat(i % 40)
                    )],
                    ..Article::default()
                })
                .collect(),
        )
    }

    #[test]
    fn the_postings_read_back_as_built() {
        let c = corpus();
        let index = Index::build(&c);
        assert!(index.skips.len() > 4, "the corpus makes skip entries");
        let bytes = write(&index);
        let back = Index::from_parts(read(&bytes).unwrap(), Facts::of(&c));
        assert_eq!(back.postings, index.postings);
        assert_eq!(back.offsets, index.offsets);
        assert_eq!(
            (&back.skip_off, &back.skips),
            (&index.skip_off, &index.skips)
        );
        assert_eq!(back.df, index.df);
        assert_eq!(back.field_len, index.field_len);
        assert_eq!(back.avg_len, index.avg_len);
        assert_eq!(
            back.terms.as_fst().as_bytes(),
            index.terms.as_fst().as_bytes()
        );
        assert!(back.fits(&c));
        // Smaller than the stored index, which keeps lengths, offsets and skips.
        assert!(bytes.len() < index.to_bytes().len(), "{}", bytes.len());
    }

    #[test]
    fn every_truncation_and_a_forged_mask_are_errors() {
        let c = corpus();
        let bytes = write(&Index::build(&c));
        for cut in (0..bytes.len()).step_by(97) {
            assert!(read(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        // The first field mask: after the header, the dictionary, counts and deltas.
        let mut pos = 8;
        varint::read_u64(&bytes, &mut pos).unwrap();
        varint::read_u64(&bytes, &mut pos).unwrap();
        for _ in 0..3 {
            let len = varint::read_u64(&bytes, &mut pos).unwrap() as usize;
            pos += len;
        }
        varint::read_u64(&bytes, &mut pos).unwrap();
        let mut forged = bytes.clone();
        forged[pos] = 0x40;
        let e = read(&forged).err().expect("a mask past the fields");
        assert!(
            e.contains("field masks are damaged") && e.contains("0x40"),
            "{e}"
        );
    }
}
