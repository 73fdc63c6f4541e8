//! Term → id tables of the postings builder: [`TermIds`] interns words as they are met
//! ([`Index::build`](crate::Index::build)); [`DictionaryIds`] finds a pack's dictionary's ids
//! by hash in slots of 4 bytes that point into the dictionary for the terms' bytes, since a
//! pack's reader holds the dictionary anyway (a wasm memory keeps its peak, and this table is
//! live beside the whole corpus until the last article is derived).

use std::hash::Hasher;

use super::{FxHasher, FxMap, TermDictionary};

/// Term → id, terms of up to 15 bytes kept as inline keys (no pointer to follow, no `memcmp`:
/// most words are short), those of up to 7 in a table of half the entry size, which the
/// commonest words share and so stay in cache. The longer inline keys are two `u64`s, not a
/// `u128`, whose 16-byte alignment would make each entry 32 bytes instead of 24.
#[derive(Default)]
pub(super) struct TermIds {
    tiny: FxMap<u64, u32>,
    short: FxMap<(u64, u64), u32>,
    long: FxMap<Box<[u8]>, u32>,
}

/// A term's key: its bytes, then its length in the last byte, inline for up to 15 bytes.
enum Key<'a> {
    Tiny(u64),
    Short((u64, u64)),
    Long(&'a [u8]),
}

/// The key of `term`: its bytes packed little-endian, read as two overlapping loads (the
/// bytes both cover are the same, so OR-ing them packs them once).
fn key(term: &[u8]) -> Key<'_> {
    let n = term.len();
    let u32_at = |at: usize| u32::from_le_bytes(term[at..at + 4].try_into().expect("4 bytes"));
    let u64_at = |at: usize| u64::from_le_bytes(term[at..at + 8].try_into().expect("8 bytes"));
    match n {
        0 => Key::Tiny(0),
        1..=3 => {
            let packed = u64::from(term[0])
                | u64::from(term[n / 2]) << (8 * (n / 2))
                | u64::from(term[n - 1]) << (8 * (n - 1));
            Key::Tiny(packed | (n as u64) << 56)
        }
        4..=7 => {
            let packed = u64::from(u32_at(0)) | u64::from(u32_at(n - 4)) << (8 * (n - 4));
            Key::Tiny(packed | (n as u64) << 56)
        }
        8..=15 => {
            let packed = u128::from(u64_at(0)) | u128::from(u64_at(n - 8)) << (8 * (n - 8));
            let packed = packed | (n as u128) << 120;
            Key::Short((packed as u64, (packed >> 64) as u64))
        }
        _ => Key::Long(term),
    }
}

impl TermIds {
    /// The id of `term`, if it was inserted.
    pub(super) fn get(&self, term: &[u8]) -> Option<u32> {
        match key(term) {
            Key::Tiny(k) => self.tiny.get(&k).copied(),
            Key::Short(k) => self.short.get(&k).copied(),
            Key::Long(t) => self.long.get(t).copied(),
        }
    }

    /// Gives `term` the id `id`.
    pub(super) fn insert(&mut self, term: &[u8], id: u32) {
        match key(term) {
            Key::Tiny(k) => self.tiny.insert(k, id),
            Key::Short(k) => self.short.insert(k, id),
            Key::Long(t) => self.long.insert(t.into(), id),
        };
    }
}

/// The hash of `term` that [`DictionaryIds`] places it by: FxHash of its packed key (one or two
/// multiplications for all but the rare terms over 15 bytes), whose top bits mix every byte.
fn hash(term: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    match key(term) {
        Key::Tiny(k) => h.write_u64(k),
        Key::Short((a, b)) => {
            h.write_u64(a);
            h.write_u64(b);
        }
        Key::Long(t) => h.write(t),
    }
    h.finish()
}

/// A dictionary's term → id, open addressing over 4-byte slots (linear probing, at most 3/4
/// full): a slot holds the id + 1 in its low `id_bits` bits (0: empty) under as many bits of
/// the term's hash as are left, so that a probe compares a term's bytes (in the dictionary)
/// only when those bits match. Reuters' 67,199 terms take 512 KiB, where [`TermIds`] takes
/// 1.9 MiB.
pub(super) struct DictionaryIds {
    slots: Box<[u32]>,
    /// The slot bits that hold an id + 1.
    id_mask: u32,
    /// How many they are.
    id_bits: u32,
    /// 64 − log2 of the slots: a hash's top bits are its first slot.
    shift: u32,
}

impl DictionaryIds {
    /// The ids of every term of `terms` (ids are ranks, below 2³² − 1).
    pub(super) fn new(terms: &TermDictionary) -> DictionaryIds {
        let n = terms.len() as u64;
        let id_bits = (64 - n.leading_zeros()).max(1);
        let slots = (n + n / 3 + 1).next_power_of_two().max(16);
        let mut table = DictionaryIds {
            slots: vec![0; slots as usize].into_boxed_slice(),
            id_mask: ((1u64 << id_bits) - 1) as u32,
            id_bits,
            shift: 64 - slots.trailing_zeros(),
        };
        let mask = table.slots.len() - 1;
        for (id, term) in terms.iter().enumerate() {
            let h = hash(term);
            let mut at = (h >> table.shift) as usize;
            while table.slots[at] != 0 {
                at = (at + 1) & mask;
            }
            table.slots[at] = table.tag(h) | (id as u32 + 1);
        }
        table
    }

    /// The bits of hash `h` a slot keeps above the id (none when ids take all 32).
    fn tag(&self, h: u64) -> u32 {
        let tag_bits = 32 - self.id_bits;
        // The bits just below those that chose the first slot.
        let below = (h >> (self.shift - tag_bits)) as u32;
        (u64::from(below) << self.id_bits) as u32
    }

    /// The id of `term` in `terms`, the dictionary this table was made of.
    pub(super) fn get(&self, terms: &TermDictionary, term: &[u8]) -> Option<u32> {
        let h = hash(term);
        let tag = self.tag(h);
        let mask = self.slots.len() - 1;
        let mut at = (h >> self.shift) as usize;
        loop {
            let slot = self.slots[at];
            if slot == 0 {
                return None;
            }
            if slot & !self.id_mask == tag {
                let id = (slot & self.id_mask) - 1;
                if terms.term(id) == term {
                    return Some(id);
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// Heap bytes held.
    #[cfg(test)]
    pub(super) fn heap_bytes(&self) -> usize {
        self.slots.len() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Terms of every length around the three key widths, sharing prefixes and suffixes (the
    /// inline keys read two overlapping halves), sorted and without repeats.
    fn tricky_terms() -> Vec<String> {
        let mut terms: Vec<String> = Vec::new();
        for n in 0..=18 {
            for fill in ['a', 'b'] {
                let base: String = (0..n).map(|i| (b'c' + (i % 20) as u8) as char).collect();
                terms.push(base.clone());
                if n > 0 {
                    let mut first = base.clone();
                    first.replace_range(..1, &fill.to_string());
                    let mut last = base.clone();
                    last.replace_range(n - 1.., &fill.to_string());
                    let mut middle = base.clone();
                    middle.replace_range(n / 2..n / 2 + 1, &fill.to_string());
                    terms.extend([first, last, middle]);
                }
            }
        }
        terms.sort();
        terms.dedup();
        terms
    }

    #[test]
    fn every_term_length_gets_its_own_key() {
        let terms = tricky_terms();
        let mut ids = TermIds::default();
        for (id, t) in terms.iter().enumerate() {
            assert_eq!(ids.get(t.as_bytes()), None, "{t:?} before its insertion");
            ids.insert(t.as_bytes(), id as u32);
        }
        for (id, t) in terms.iter().enumerate() {
            assert_eq!(ids.get(t.as_bytes()), Some(id as u32), "{t:?}");
        }
        assert!(ids.get(b"zz").is_none() && ids.get(b"cdefghijz").is_none());
        assert!(!ids.tiny.is_empty() && !ids.short.is_empty() && !ids.long.is_empty());
    }

    #[test]
    fn a_dictionary_table_finds_each_term_at_its_rank_and_nothing_else() {
        // The tricky terms, then sets large enough that the slots hold fewer hash bits (ids of
        // 13 and 17 bits) and probes run through neighbours.
        let tricky = tricky_terms();
        let numbered = |n: usize| -> Vec<String> {
            let mut t: Vec<String> = (0..n)
                .map(|i| format!("t{}", i * 7919 % 1_000_003))
                .collect();
            t.sort();
            t.dedup();
            t
        };
        for terms in [
            Vec::new(),
            vec!["x".to_string()],
            tricky,
            numbered(5_000),
            numbered(70_000),
        ] {
            let words: Vec<&str> = terms.iter().map(String::as_str).collect();
            let dictionary = TermDictionary::of(&words);
            let ids = DictionaryIds::new(&dictionary);
            // 4 bytes a slot, at most 3/4 of them used, less than twice the room that needs.
            let (slots, n) = (ids.heap_bytes() / 4, terms.len());
            assert!(
                slots * 3 >= n * 4 && slots <= 16.max(2 * (n + n / 3 + 1)),
                "{slots}"
            );
            for (id, t) in terms.iter().enumerate() {
                assert_eq!(ids.get(&dictionary, t.as_bytes()), Some(id as u32), "{t:?}");
                // A word one byte longer or shorter, or with its last byte changed, is another
                // term unless the dictionary has it too.
                let mut longer = t.clone();
                longer.push('z');
                let shorter = &t[..t.len().saturating_sub(1)];
                for other in [longer.as_str(), shorter] {
                    let expected = terms.binary_search_by(|x| x.as_str().cmp(other)).ok();
                    let got = ids.get(&dictionary, other.as_bytes());
                    assert_eq!(got, expected.map(|i| i as u32), "{other:?}");
                }
            }
        }
    }
}
