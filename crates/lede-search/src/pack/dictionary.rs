//! The pack's index section: the corpus fingerprint (u64 LE), the varint article count, the
//! varint term count, each term's postings length in bytes (varints: the reader writes every
//! record in place instead of growing a list per term and joining them) and the FST term
//! dictionary (the rest of the section). Nothing else: the postings, frequencies, positions
//! and field lengths say the articles' text again in another form, so the reader derives them
//! from the pack's corpus with this dictionary's term ids ([`derive`](crate::index::derive)),
//! and the articles' facts too ([`Facts`](crate::facts::Facts)).

use lede_corpus::varint;

use crate::Index;

/// An index section as read: what the postings are derived with.
pub(crate) struct Dictionary {
    /// [`Index::fingerprint`] of the corpus the index was built from.
    pub fingerprint: u64,
    /// Articles of that corpus.
    pub n_docs: u32,
    /// Folded term -> term id, ids in lexicographic order.
    pub terms: fst::Map<Vec<u8>>,
    /// Each term's postings length in bytes.
    pub lengths: Vec<u32>,
}

/// The index section of `index`.
pub(crate) fn write(index: &Index) -> Vec<u8> {
    let mut out = index.fingerprint.to_le_bytes().to_vec();
    varint::write(&mut out, u64::from(index.n_docs));
    varint::write(&mut out, index.df.len() as u64);
    for w in index.offsets.windows(2) {
        varint::write(&mut out, u64::from(w[1] - w[0]));
    }
    out.extend_from_slice(index.terms.as_fst().as_bytes());
    out
}

/// Reads an index section, checking the dictionary; the error says what is damaged.
pub(crate) fn read(bytes: &[u8]) -> Result<Dictionary, String> {
    let fingerprint = bytes
        .get(..8)
        .map(|b| u64::from_le_bytes(b.try_into().expect("8 bytes")))
        .ok_or("it ends inside its header")?;
    let mut pos = 8;
    let n_docs = varint::read_u32(bytes, &mut pos)
        .map_err(|e| format!("its article count is damaged: {e}"))?;
    let n_terms = varint::read_u32(bytes, &mut pos)
        .map_err(|e| format!("its term count is damaged: {e}"))? as usize;
    // At least one byte per length: a forged count reserves no more than the section holds.
    let mut lengths = Vec::with_capacity(n_terms.min(bytes.len()));
    for t in 0..n_terms {
        lengths.push(
            varint::read_u32(bytes, &mut pos)
                .map_err(|e| format!("its postings length of term {t} is damaged: {e}"))?,
        );
    }
    let terms = fst::Map::new(bytes[pos..].to_vec())
        .map_err(|e| format!("its term dictionary does not read ({e})"))?;
    terms
        .as_fst()
        .verify()
        .map_err(|e| format!("its term dictionary does not read ({e})"))?;
    Ok(Dictionary {
        fingerprint,
        n_docs,
        terms,
        lengths,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede_corpus::{Article, Corpus};

    #[test]
    fn reads_back_and_names_its_faults() {
        let c = Corpus::new(vec![Article {
            id: "a".into(),
            title: "Harbour vote".into(),
            paragraphs: vec!["The council backs the terminal.".into()],
            ..Article::default()
        }]);
        let index = Index::build(&c);
        let bytes = write(&index);
        let back = read(&bytes).unwrap();
        assert_eq!(back.fingerprint, Index::fingerprint(&c));
        assert_eq!(back.n_docs, 1);
        assert_eq!(
            back.terms.as_fst().as_bytes(),
            index.terms.as_fst().as_bytes()
        );
        assert_eq!(back.lengths.len(), index.df.len());
        assert_eq!(
            back.lengths.iter().sum::<u32>() as usize,
            index.postings.len()
        );
        for cut in 0..11 {
            let e = read(&bytes[..cut]).err().expect("cut short");
            assert!(
                e.contains("header") || e.contains("count") || e.contains("length"),
                "{e}"
            );
        }
        let mut forged = bytes.clone();
        let at = bytes.len() - 3;
        forged[at] ^= 0x55;
        let e = read(&forged).err().expect("a flipped dictionary byte");
        assert!(e.contains("term dictionary does not read"), "{e}");
    }
}
