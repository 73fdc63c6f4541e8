//! The term dictionary as a trie, for the typo walk: a node is the range of ids whose terms
//! share a prefix (a prefix sorts before what extends it, so a term that is the prefix itself
//! comes first), its children the runs of the range with the same next byte. The widest nodes,
//! those of the first [`LISTED_DEPTHS`] bytes, have their children listed as the terms are
//! added; deeper ones, whose ranges are short, find each child's end by a galloping search.

use super::TermDictionary;

/// Prefix lengths whose nodes have their children listed.
pub(super) const LISTED_DEPTHS: usize = 3;

/// The children of the nodes at one depth `d`, in id order: the ids where the terms' first
/// `d + 1` bytes change (a term of `d` bytes or fewer is in none), their byte `d`, and where
/// each one's own children start in the next depth's list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Level {
    ids: Vec<u32>,
    bytes: Vec<u8>,
    /// Per entry, the first entry of the next depth's list at or after its id (empty at the
    /// last listed depth).
    down: Vec<u32>,
}

impl Level {
    /// The end of entry `at`'s child in a node ending at `hi`: the next entry's id, or `hi`.
    fn end(&self, at: usize, hi: u32) -> u32 {
        self.ids.get(at + 1).map_or(hi, |&id| id.min(hi))
    }

    /// Heap bytes held, by capacity.
    pub(super) fn heap_bytes(&self) -> usize {
        self.ids.capacity() * 4 + self.bytes.capacity() + self.down.capacity() * 4
    }
}

/// A node of the trie: the ids `lo..hi` of the terms that start with its prefix of `depth`
/// bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Node {
    /// The first id under the node (its own term, when its prefix is one).
    pub lo: u32,
    /// One past the last id under the node.
    pub hi: u32,
    /// Bytes of its prefix.
    pub depth: usize,
    /// At a listed depth, the first entry of its children in that depth's list.
    listed: u32,
}

/// A cursor over a node's children in byte order (see [`TermDictionary::children`]).
#[derive(Debug, Clone)]
pub(crate) struct Children {
    /// The next child's entry in the depth's list, or (unlisted) its first id.
    next: u32,
    hi: u32,
    depth: usize,
}

impl TermDictionary {
    /// Lists term `id` (which shares `shared` bytes with the term before it) as a new child at
    /// every listed depth from the first byte that differs.
    pub(super) fn list_children(&mut self, id: u32, term: &[u8], shared: usize) {
        for (d, &byte) in term.iter().enumerate().take(LISTED_DEPTHS).skip(shared) {
            let below = self.levels.get(d + 1).map(|l| l.ids.len() as u32);
            let level = &mut self.levels[d];
            level.ids.push(id);
            level.bytes.push(byte);
            level.down.extend(below);
        }
    }

    /// The node of the empty prefix: every term.
    pub(crate) fn root(&self) -> Node {
        Node {
            lo: 0,
            hi: self.len() as u32,
            depth: 0,
            listed: 0,
        }
    }

    /// Whether `node` holds a term that is its prefix itself (then its first).
    pub(crate) fn ends_at(&self, node: &Node) -> bool {
        node.lo < node.hi && self.term(node.lo).len() == node.depth
    }

    /// The byte of term `id` at `depth`; the caller knows the term is longer than `depth`.
    fn byte_at(&self, id: u32, depth: usize) -> u8 {
        self.bytes[self.starts[id as usize] as usize + depth]
    }

    /// A cursor over the children of `node`.
    pub(crate) fn children(&self, node: &Node) -> Children {
        let listed = node.depth < LISTED_DEPTHS;
        Children {
            next: if listed {
                node.listed
            } else {
                node.lo + u32::from(self.ends_at(node))
            },
            hi: node.hi,
            depth: node.depth,
        }
    }

    /// The next child of `c`, with its last byte.
    pub(crate) fn next_child(&self, c: &mut Children) -> Option<(Node, u8)> {
        let depth = c.depth;
        if let Some(level) = self.levels.get(depth) {
            let at = c.next as usize;
            let lo = *level.ids.get(at).filter(|&&lo| lo < c.hi)?;
            c.next += 1;
            let node = Node {
                lo,
                hi: level.end(at, c.hi),
                depth: depth + 1,
                listed: level.down.get(at).copied().unwrap_or(0),
            };
            return Some((node, level.bytes[at]));
        }
        let lo = c.next;
        if lo >= c.hi {
            return None;
        }
        c.next = self.run_end(lo, c.hi, depth);
        let node = Node {
            lo,
            hi: c.next,
            depth: depth + 1,
            listed: 0,
        };
        Some((node, self.byte_at(lo, depth)))
    }

    /// The child of `node` by `byte`, if it has one.
    pub(crate) fn child(&self, node: &Node, byte: u8) -> Option<Node> {
        let mut c = self.children(node);
        if let Some(level) = self.levels.get(node.depth) {
            // A scan of the node's entries: a node has few children, their bytes side by side.
            let mut at = c.next as usize;
            while at < level.ids.len() && level.ids[at] < node.hi && level.bytes[at] < byte {
                at += 1;
            }
            c.next = at as u32;
            return self
                .next_child(&mut c)
                .filter(|&(_, b)| b == byte)
                .map(|(n, _)| n);
        }
        let depth = node.depth;
        let lo = self.partition(c.next, c.hi, |t| self.byte_at(t, depth) < byte);
        if lo == c.hi || self.byte_at(lo, depth) != byte {
            return None;
        }
        Some(Node {
            lo,
            hi: self.run_end(lo, c.hi, depth),
            depth: depth + 1,
            listed: 0,
        })
    }

    /// The end of the run of terms from `lo` (below `hi`, all longer than `depth`) that have
    /// `lo`'s byte at `depth`: a galloping search, as most runs are short.
    fn run_end(&self, lo: u32, hi: u32, depth: usize) -> u32 {
        let byte = self.byte_at(lo, depth);
        let same = |t: u32| self.byte_at(t, depth) == byte;
        let mut step = 1u32;
        let mut known = lo + 1;
        loop {
            let probe = known.saturating_add(step - 1);
            if probe >= hi || !same(probe) {
                return self.partition(known, probe.min(hi), same);
            }
            known = probe + 1;
            step = step.saturating_mul(2);
        }
    }

    /// The first id in `lo..hi` for which `below` is false (`below` is true on a prefix): a
    /// binary search down to a few ids, then a scan (neighbouring terms share cache lines).
    fn partition(&self, mut lo: u32, mut hi: u32, below: impl Fn(u32) -> bool) -> u32 {
        while hi - lo > 8 {
            let mid = lo + (hi - lo) / 2;
            if below(mid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        while lo < hi && below(lo) {
            lo += 1;
        }
        lo
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every node under `node` (prefix `key`) checked against the sorted list: its range is
    /// the terms with its prefix, its children come in byte order, each found by `child` too;
    /// the terms are collected in the order the walk meets them.
    fn visit(d: &TermDictionary, node: Node, key: &mut Vec<u8>, met: &mut Vec<u32>) {
        assert_eq!((node.lo, node.hi), d.prefix_range(key), "{key:?}");
        assert_eq!(node.depth, key.len());
        if d.ends_at(&node) {
            assert_eq!(d.term(node.lo), key.as_slice());
            met.push(node.lo);
        }
        let mut c = d.children(&node);
        let mut last = None;
        while let Some((child, byte)) = d.next_child(&mut c) {
            assert!(last < Some(byte), "children in byte order under {key:?}");
            last = Some(byte);
            assert_eq!(d.child(&node, byte), Some(child));
            key.push(byte);
            visit(d, child, key, met);
            key.pop();
        }
        for byte in 0..=255u8 {
            let expected = {
                key.push(byte);
                let (lo, hi) = d.prefix_range(key);
                key.pop();
                lo < hi
            };
            assert_eq!(d.child(&node, byte).is_some(), expected, "{key:?} + {byte}");
        }
    }

    #[test]
    fn the_trie_walk_meets_every_term_once_in_order() {
        // Prefixes of each other across the listed depths and past them, shared long stems,
        // bytes at both ends of the range, and terms of one byte.
        let mut words: Vec<String> = [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "abcdf",
            "abd",
            "b",
            "ba",
            "bab",
            "babe",
            "babel",
            "harbour",
            "harbours",
            "harbor",
            "vote",
            "voter",
            "votes",
            "z",
            "zz",
            "\u{e9}t\u{e9}",
            "\u{e9}",
            "\u{10ffff}",
        ]
        .map(String::from)
        .to_vec();
        for stem in ["reserv", "res", "r"] {
            for tail in ["", "a", "e", "es", "oir", "oirs", "ed"] {
                words.push(format!("{stem}{tail}"));
            }
        }
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let d = TermDictionary::of(&refs);
        let mut met = Vec::new();
        visit(&d, d.root(), &mut Vec::new(), &mut met);
        assert_eq!(met, (0..d.len() as u32).collect::<Vec<_>>());
        assert!(d.levels.iter().all(|l| !l.ids.is_empty()));
        let empty = TermDictionary::default();
        let root = empty.root();
        assert!(!empty.ends_at(&root) && empty.next_child(&mut empty.children(&root)).is_none());
        assert_eq!(empty.child(&root, b'a'), None);
    }
}
