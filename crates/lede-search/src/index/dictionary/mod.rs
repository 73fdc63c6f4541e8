//! The term dictionary: the sorted terms in one byte buffer with each term's start, a term's id
//! its rank. Exact lookup, lower bound and prefix ranges are binary searches; the typo walk
//! (`typo::expand`) walks it as the trie it is ([`trie`]).

mod trie;

pub(crate) use trie::{Children, Node};
use trie::{Level, LISTED_DEPTHS};

/// The index's terms in strictly ascending byte order; term `id` is the `id`-th.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TermDictionary {
    /// Every term's bytes, one after the other.
    bytes: Vec<u8>,
    /// Where each term starts in `bytes`; one extra entry at the end (`bytes.len()`).
    starts: Vec<u32>,
    /// Per depth `d` below [`LISTED_DEPTHS`], every child of every node at depth `d`.
    levels: Vec<Level>,
}

/// Why a term cannot follow the terms before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OrderError {
    /// It equals the term before it.
    Repeated,
    /// It sorts before the term before it.
    Descending,
    /// The dictionary's bytes would pass 4 GiB.
    TooLarge,
}

impl std::fmt::Display for OrderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            OrderError::Repeated => "it repeats the term before it",
            OrderError::Descending => "it sorts before the term before it",
            OrderError::TooLarge => "the terms pass 4 GiB",
        })
    }
}

impl Default for TermDictionary {
    fn default() -> TermDictionary {
        TermDictionary::with_capacity(0, 0)
    }
}

impl TermDictionary {
    /// An empty dictionary with room for `terms` terms of `bytes` bytes in all.
    pub(crate) fn with_capacity(terms: usize, bytes: usize) -> TermDictionary {
        let mut starts = Vec::with_capacity(terms + 1);
        starts.push(0);
        TermDictionary {
            bytes: Vec::with_capacity(bytes),
            starts,
            levels: vec![Level::default(); LISTED_DEPTHS],
        }
    }

    /// Appends `term`, which must sort after every term already in.
    pub(crate) fn push(&mut self, term: &[u8]) -> Result<(), OrderError> {
        let id = self.len() as u32;
        let mut shared = 0;
        if let Some(last) = id.checked_sub(1) {
            let previous = self.term(last);
            match term.cmp(previous) {
                std::cmp::Ordering::Greater => {}
                std::cmp::Ordering::Equal => return Err(OrderError::Repeated),
                std::cmp::Ordering::Less => return Err(OrderError::Descending),
            }
            shared = previous
                .iter()
                .zip(term)
                .take_while(|(a, b)| a == b)
                .count();
        }
        let end = u32::try_from(self.bytes.len() + term.len()).map_err(|_| OrderError::TooLarge)?;
        self.list_children(id, term, shared);
        self.bytes.extend_from_slice(term);
        self.starts.push(end);
        Ok(())
    }

    /// Number of terms.
    pub(crate) fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// The bytes of term `id` (panics past the end).
    pub(crate) fn term(&self, id: u32) -> &[u8] {
        let i = id as usize;
        &self.bytes[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// The bytes of term `id`, `None` past the end.
    pub(crate) fn key_of(&self, id: u32) -> Option<&[u8]> {
        ((id as usize) < self.len()).then(|| self.term(id))
    }

    /// Every term, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &[u8]> + '_ {
        self.starts
            .windows(2)
            .map(|w| &self.bytes[w[0] as usize..w[1] as usize])
    }

    /// The id of `term`, if it is in.
    pub(crate) fn get(&self, term: &[u8]) -> Option<u32> {
        let at = self.lower_bound(term);
        ((at as usize) < self.len() && self.term(at) == term).then_some(at)
    }

    /// The id of the first term `>= key` (the number of terms when there is none).
    pub(crate) fn lower_bound(&self, key: &[u8]) -> u32 {
        let (mut lo, mut hi) = (0u32, self.len() as u32);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.term(mid) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The ids `lo..hi` of the terms starting with `prefix`.
    pub(crate) fn prefix_range(&self, prefix: &[u8]) -> (u32, u32) {
        let lo = self.lower_bound(prefix);
        let (mut a, mut b) = (lo, self.len() as u32);
        while a < b {
            let mid = a + (b - a) / 2;
            if self.term(mid).starts_with(prefix) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        (lo, a)
    }

    /// Heap bytes held (the buffer and the starts, by capacity).
    pub(crate) fn heap_bytes(&self) -> usize {
        let levels: usize = self.levels.iter().map(Level::heap_bytes).sum();
        self.bytes.capacity() + self.starts.capacity() * 4 + levels
    }

    /// A dictionary of `terms`, sorted and without repeats first (for tests).
    #[cfg(test)]
    pub(crate) fn of(terms: &[&str]) -> TermDictionary {
        let mut sorted = terms.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let mut d = TermDictionary::default();
        for t in sorted {
            d.push(t.as_bytes()).expect("sorted, no repeats");
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_agree_with_a_sorted_list() {
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "abd",
            "b",
            "ba",
            "\u{e9}t\u{e9}",
            "harbour",
            "harbours",
            "harbor",
            "vote",
            "voter",
            "votes",
            "z",
        ];
        let d = TermDictionary::of(&words);
        let mut sorted: Vec<&[u8]> = words.iter().map(|w| w.as_bytes()).collect();
        sorted.sort_unstable();
        assert_eq!(d.len(), sorted.len());
        assert_eq!(d.iter().collect::<Vec<_>>(), sorted);
        for (i, t) in sorted.iter().enumerate() {
            assert_eq!(d.get(t), Some(i as u32));
            assert_eq!(d.key_of(i as u32), Some(*t));
        }
        assert_eq!(d.key_of(sorted.len() as u32), None);
        let probes: [&[u8]; 9] = [
            b"", b"a", b"aa", b"abz", b"har", b"harbouz", b"v", b"zz", b"\xff",
        ];
        for p in probes {
            let lower = sorted.iter().position(|t| *t >= p).unwrap_or(sorted.len()) as u32;
            assert_eq!(d.lower_bound(p), lower, "{p:?}");
            assert_eq!(d.get(p).is_some(), sorted.contains(&p), "{p:?}");
            let with: Vec<u32> = (0..sorted.len() as u32)
                .filter(|&i| sorted[i as usize].starts_with(p))
                .collect();
            let (lo, hi) = d.prefix_range(p);
            assert_eq!((lo..hi).collect::<Vec<_>>(), with, "{p:?}");
        }
    }

    #[test]
    fn terms_out_of_order_are_refused() {
        let mut d = TermDictionary::default();
        d.push(b"b").unwrap();
        assert_eq!(d.push(b"b"), Err(OrderError::Repeated));
        assert_eq!(d.push(b"a"), Err(OrderError::Descending));
        assert_eq!(d.push(b"ba"), Ok(()));
        assert_eq!(d.len(), 2);
    }
}
