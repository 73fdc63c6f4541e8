//! The pack's index section: the corpus fingerprint (u64 LE), the varint article count, the
//! varint term count, each term's postings length in bytes (varints: the reader writes every
//! record in place instead of growing a list per term and joining them) and the terms in
//! order ([`term_list`], read with every bound and the order checked). Nothing
//! else: the postings, frequencies, positions
//! and field lengths say the articles' text again in another form, so the reader derives them
//! from the pack's corpus with this dictionary's term ids ([`derive`](crate::index::derive)),
//! and the articles' facts too ([`Facts`](crate::facts::Facts)).

use lede_corpus::varint;

use crate::index::{term_list, TermDictionary};
use crate::Index;

/// An index section as read: what the postings are derived with.
pub(crate) struct Dictionary {
    /// [`Index::fingerprint`] of the corpus the index was built from.
    pub fingerprint: u64,
    /// Articles of that corpus.
    pub n_docs: u32,
    /// Folded term -> term id, ids in lexicographic order.
    pub terms: TermDictionary,
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
    term_list::write(&index.terms, &mut out);
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
    let terms = term_list::read(&bytes[pos..], n_terms)
        .map_err(|e| format!("its term dictionary does not read: {e}"))?;
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
        let c = harbour();
        let index = Index::build(&c);
        let bytes = write(&index);
        let back = read(&bytes).unwrap();
        assert_eq!(back.fingerprint, Index::fingerprint(&c));
        assert_eq!(back.n_docs, 1);
        assert_eq!(back.terms, index.terms);
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
        // Terms out of order, a shared prefix longer than the last term, a term past the end
        // and bytes after the last term are each named.
        let terms_at = bytes.len() - dictionary_len(&index);
        let mut swapped = bytes.clone();
        swapped[terms_at + 2] = b'z';
        let e = read(&swapped).err().expect("a term out of order");
        assert!(e.contains("out of order"), "{e}");
        let mut shared = bytes.clone();
        shared[terms_at] = 9;
        let e = read(&shared)
            .err()
            .expect("a prefix longer than the term before");
        assert!(e.contains("term 0 shares 9 bytes"), "{e}");
        let e = read(&bytes[..bytes.len() - 1])
            .err()
            .expect("cut in the last term");
        assert!(e.contains("past the section's end"), "{e}");
        let mut longer = bytes.clone();
        longer.push(0);
        let e = read(&longer).err().expect("a byte after the terms");
        assert!(e.contains("1 bytes follow its"), "{e}");
    }

    /// A one-article corpus.
    fn harbour() -> Corpus {
        Corpus::new(vec![Article {
            id: "a".into(),
            title: "Harbour vote".into(),
            paragraphs: vec!["The council backs the terminal.".into()].into(),
            ..Article::default()
        }])
    }

    /// Bytes of the front-coded terms of `index`.
    fn dictionary_len(index: &Index) -> usize {
        let mut terms = Vec::new();
        term_list::write(&index.terms, &mut terms);
        terms.len()
    }

    /// The FST bytes `fst` 0.4's `MapBuilder` wrote for the terms of [`harbour`]'s index (a
    /// pack v5 dictionary section held such bytes).
    const HARBOUR_FST: &[u8] = &[
        3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16, 134, 231, 202, 197, 0, 16, 143, 200,
        202, 203, 211, 196, 0, 16, 135, 211, 196, 218, 199, 197, 14, 16, 133, 203, 200, 208, 199,
        0, 16, 130, 1, 0, 1, 4, 104, 101, 17, 2, 9, 16, 129, 196, 5, 3, 2, 1, 0, 1, 5, 23, 31, 39,
        118, 116, 104, 99, 98, 17, 5, 6, 0, 0, 0, 0, 0, 0, 0, 76, 0, 0, 0, 0, 0, 0, 0, 83, 239, 86,
        25,
    ];

    #[test]
    fn a_forged_fst_cannot_reach_the_reader() {
        // The fuzzer's find (fuzz/artifacts): an FST whose nodes were forged, checksum and all,
        // panicked inside the `fst` crate when its terms were listed. The section no longer
        // holds FST bytes, so any bytes after the lengths are a term list, checked as such.
        let c = harbour();
        let index = Index::build(&c);
        let mut bytes = write(&index);
        let terms_at = bytes.len() - dictionary_len(&index);
        bytes.truncate(terms_at);
        bytes.extend_from_slice(HARBOUR_FST);
        let e = read(&bytes).err().expect("FST bytes where terms belong");
        assert!(e.contains("term dictionary does not read"), "{e}");
    }
}
