//! A term dictionary as bytes that can be checked: the terms in order, front-coded (per term:
//! varint bytes shared with the previous term, varint length of the rest, the rest), from which
//! the reader builds the FST. An FST's own bytes cannot be checked before use (the `fst` crate
//! trusts its nodes and panics on forged ones, which the pack fuzzer found), while this list is
//! read with every bound checked and the FST builder refuses terms out of order. Packs and
//! stored indexes both carry their dictionary this way.

use fst::Streamer;
use lede_corpus::varint;

/// Appends the terms of `terms` in order, front-coded, to `out`.
pub(crate) fn write(terms: &fst::Map<Vec<u8>>, out: &mut Vec<u8>) {
    let mut stream = terms.stream();
    let mut previous: Vec<u8> = Vec::new();
    while let Some((term, _)) = stream.next() {
        let shared = previous
            .iter()
            .zip(term)
            .take_while(|(a, b)| a == b)
            .count();
        varint::write(out, shared as u64);
        varint::write(out, (term.len() - shared) as u64);
        out.extend_from_slice(&term[shared..]);
        previous.clear();
        previous.extend_from_slice(term);
    }
}

/// The FST of the `n_terms` front-coded terms that make up `bytes` (each term's id its rank);
/// the error names the term that is damaged or out of order, or bytes left after the last.
pub(crate) fn read(bytes: &[u8], n_terms: usize) -> Result<fst::Map<Vec<u8>>, String> {
    let mut builder = fst::MapBuilder::memory();
    let mut term: Vec<u8> = Vec::new();
    let mut pos = 0;
    for t in 0..n_terms {
        let shared = varint::read_u32(bytes, &mut pos)
            .map_err(|e| format!("term {t} is damaged: {e}"))? as usize;
        let rest = varint::read_u32(bytes, &mut pos)
            .map_err(|e| format!("term {t} is damaged: {e}"))? as usize;
        if shared > term.len() {
            return Err(format!(
                "term {t} shares {shared} bytes with a term of {}",
                term.len()
            ));
        }
        let end = pos
            .checked_add(rest)
            .filter(|&end| end <= bytes.len())
            .ok_or_else(|| format!("term {t} runs past the section's end"))?;
        term.truncate(shared);
        term.extend_from_slice(&bytes[pos..end]);
        pos = end;
        builder
            .insert(&term, t as u64)
            .map_err(|e| format!("term {t} is out of order ({e})"))?;
    }
    if pos != bytes.len() {
        return Err(format!(
            "{} bytes follow its {n_terms} terms",
            bytes.len() - pos
        ));
    }
    let fst = builder
        .into_inner()
        .map_err(|e| format!("its terms do not make a dictionary ({e})"))?;
    fst::Map::new(fst).map_err(|e| format!("its terms do not make a dictionary ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_read_back_into_the_same_fst() {
        let words = ["", "harbour", "harbours", "vote", "voter", "\u{e9}t\u{e9}"];
        let mut sorted: Vec<&str> = words.to_vec();
        sorted.sort();
        let map =
            fst::Map::from_iter(sorted.iter().enumerate().map(|(i, w)| (*w, i as u64))).unwrap();
        let mut bytes = Vec::new();
        write(&map, &mut bytes);
        let back = read(&bytes, sorted.len()).unwrap();
        assert_eq!(back.as_fst().as_bytes(), map.as_fst().as_bytes());
        let e = read(&bytes, sorted.len() + 1).expect_err("one term too many");
        assert!(
            e.contains(&format!("term {} is damaged", sorted.len())),
            "{e}"
        );
        let e = read(&bytes, sorted.len() - 1).expect_err("one term too few");
        assert!(e.contains("bytes follow its"), "{e}");
    }
}
