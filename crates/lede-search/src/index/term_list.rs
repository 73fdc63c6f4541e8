//! A term dictionary as bytes that can be checked: the terms in order, front-coded (per term:
//! varint bytes shared with the previous term, varint length of the rest, the rest), read with
//! every bound checked into a [`TermDictionary`], which refuses terms out of order. (Pack v5
//! stored FST bytes, which cannot be checked before use: the `fst` crate trusted their nodes
//! and panicked on forged ones, which the pack fuzzer found.) Packs and stored indexes both
//! carry their dictionary this way.

use lede_corpus::varint;

use super::TermDictionary;

/// Appends the terms of `terms` in order, front-coded, to `out`.
pub(crate) fn write(terms: &TermDictionary, out: &mut Vec<u8>) {
    let mut previous: &[u8] = &[];
    for term in terms.iter() {
        let shared = previous
            .iter()
            .zip(term)
            .take_while(|(a, b)| a == b)
            .count();
        varint::write(out, shared as u64);
        varint::write(out, (term.len() - shared) as u64);
        out.extend_from_slice(&term[shared..]);
        previous = term;
    }
}

/// The dictionary of the `n_terms` front-coded terms that make up `bytes` (each term's id its
/// rank); the error names the term that is damaged or out of order, or bytes left after the
/// last. A first pass checks the bounds and sums the terms' lengths, so the dictionary is
/// allocated once, at its size.
pub(crate) fn read(bytes: &[u8], n_terms: usize) -> Result<TermDictionary, String> {
    let mut pos = 0;
    let mut previous = 0usize;
    let mut total = 0usize;
    for t in 0..n_terms {
        let (shared, rest) = entry(bytes, &mut pos, t)?;
        if shared > previous {
            return Err(format!(
                "term {t} shares {shared} bytes with a term of {previous}"
            ));
        }
        let end = pos
            .checked_add(rest)
            .filter(|&end| end <= bytes.len())
            .ok_or_else(|| format!("term {t} runs past the section's end"))?;
        pos = end;
        previous = shared + rest;
        total = total.saturating_add(previous);
    }
    if pos != bytes.len() {
        return Err(format!(
            "{} bytes follow its {n_terms} terms",
            bytes.len() - pos
        ));
    }
    let mut terms = TermDictionary::with_capacity(n_terms, total);
    let mut term: Vec<u8> = Vec::new();
    pos = 0;
    for t in 0..n_terms {
        let (shared, rest) = entry(bytes, &mut pos, t)?;
        term.truncate(shared);
        term.extend_from_slice(&bytes[pos..pos + rest]);
        pos += rest;
        terms
            .push(&term)
            .map_err(|e| format!("term {t} is out of order ({e})"))?;
    }
    Ok(terms)
}

/// The two varints of term `t`'s entry at `pos`: bytes shared with the term before, and the
/// length of the rest.
fn entry(bytes: &[u8], pos: &mut usize, t: usize) -> Result<(usize, usize), String> {
    let shared =
        varint::read_u32(bytes, pos).map_err(|e| format!("term {t} is damaged: {e}"))? as usize;
    let rest =
        varint::read_u32(bytes, pos).map_err(|e| format!("term {t} is damaged: {e}"))? as usize;
    Ok((shared, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_read_back_into_the_same_dictionary() {
        let words = ["", "harbour", "harbours", "vote", "voter", "\u{e9}t\u{e9}"];
        let mut sorted: Vec<&str> = words.to_vec();
        sorted.sort();
        let map = TermDictionary::of(&sorted);
        let mut bytes = Vec::new();
        write(&map, &mut bytes);
        let back = read(&bytes, sorted.len()).unwrap();
        assert_eq!(back, map);
        let e = read(&bytes, sorted.len() + 1).expect_err("one term too many");
        assert!(
            e.contains(&format!("term {} is damaged", sorted.len())),
            "{e}"
        );
        let e = read(&bytes, sorted.len() - 1).expect_err("one term too few");
        assert!(e.contains("bytes follow its"), "{e}");
    }
}
