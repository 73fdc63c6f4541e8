//! The dictionary walk: the terms of the term dictionary within a query word's typo budget
//! (or completing it), found by walking the sorted terms as the trie they make with the typo
//! automaton, never by scanning them: a node is the range of ids that share a prefix, its
//! children the runs of that range with the same next byte, and a prefix the automaton cannot
//! extend is skipped with everything under it.

use super::automaton::FuzzyState;
use super::Fuzzy;
use crate::index::{Children, Node, TermDictionary};

/// The terms a query word reaches in a term dictionary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expansion {
    /// Terms found by the walk: id, bytes, typos (prefix distance in prefix mode), and whether
    /// the whole term is within the budget of the whole word.
    pub terms: Vec<(u32, Vec<u8>, u8, bool)>,
    /// In prefix mode, the ids `lo..hi` of every term that starts with the typed word exactly.
    pub completions: Option<(u32, u32)>,
}

/// Walks the terms of `dict` for those within `max` typos of `word` (in prefix mode: starting
/// with something within `max` typos of it), in byte order, stepping the automaton once per
/// prefix and only into the prefixes it can still match. In prefix mode the range of the
/// exactly typed prefix is returned as an id range instead of being enumerated. As in
/// Meilisearch, a word with a budget of two typos keeps both only when its first letter is
/// right; a term with another first letter must be within one typo.
pub fn expand(dict: &TermDictionary, word: &str, max: u8, prefix: bool) -> Expansion {
    if prefix && word.is_empty() {
        return Expansion {
            terms: Vec::new(),
            completions: Some((0, dict.len() as u32)),
        };
    }
    let max = max.min(2);
    if max == 0 && prefix {
        // No typo: the terms starting with the word as typed, however long (the automaton
        // reads only its first MAX_FUZZY_CHARS chars).
        return Expansion {
            terms: Vec::new(),
            completions: Some(dict.prefix_range(word.as_bytes())),
        };
    }
    if max < 2 {
        return walk(dict, &Fuzzy::new(word, max, prefix), word, &[]);
    }
    let first = word.chars().next().expect("not empty");
    let mut lead = [0u8; 4];
    let lead: &[u8] = first.encode_utf8(&mut lead).as_bytes();
    let mut out = walk(dict, &Fuzzy::new(word, 2, prefix), word, lead);
    let other = walk(dict, &Fuzzy::new(word, 1, prefix), word, &[]);
    out.terms
        .extend(other.terms.into_iter().filter(|t| !t.1.starts_with(lead)));
    out
}

/// One automaton walk; `forced` bytes are followed first (the walk stays under them).
fn walk(dict: &TermDictionary, aut: &Fuzzy, word: &str, forced: &[u8]) -> Expansion {
    let mut out = Expansion::default();
    let word_bytes = word.as_bytes();
    let prefix = aut.prefix;
    let mut root = dict.root();
    if root.lo == root.hi {
        return out;
    }
    let mut state = aut.start();
    for &b in forced {
        let Some(child) = dict.child(&root, b) else {
            return out;
        };
        state = aut.accept(&state, b);
        if !aut.can_match(&state) {
            return out;
        }
        root = child;
    }
    let key = &dict.term(root.lo)[..root.depth];
    if !forced.is_empty() && dict.ends_at(&root) && aut.is_match(&state) {
        if prefix && key == word_bytes {
            out.completions = Some((root.lo, root.hi));
            return out;
        }
        out.terms.push((
            root.lo,
            key.to_vec(),
            aut.typos(&state),
            aut.word_typos(&state) <= aut.max,
        ));
    }
    if prefix && state.best == 0 && key == word_bytes && !forced.is_empty() {
        out.completions = Some((root.lo, root.hi));
        return out;
    }
    // Explicit stack of frames: a node, its state, and which children are left (a cursor over
    // all of them, or the next of a few candidate bytes).
    struct Frame {
        node: Node,
        state: FuzzyState,
        children: Option<Children>,
        next: usize,
        tight: Option<([u8; 8], usize)>,
    }
    let frame = |node: Node, state: FuzzyState| {
        let tight = aut.tight(&state);
        Frame {
            children: tight.is_none().then(|| dict.children(&node)),
            tight,
            node,
            state,
            next: 0,
        }
    };
    let mut stack = vec![frame(root, state)];
    while let Some(top) = stack.last_mut() {
        let (child, byte) = match (top.tight, &mut top.children) {
            (None, Some(children)) => match dict.next_child(children) {
                Some(child) => child,
                None => {
                    stack.pop();
                    continue;
                }
            },
            (Some((bytes, n)), _) if top.next < n => {
                let byte = bytes[top.next];
                top.next += 1;
                match dict.child(&top.node, byte) {
                    Some(child) => (child, byte),
                    None => continue,
                }
            }
            _ => {
                stack.pop();
                continue;
            }
        };
        let next = aut.accept(&top.state, byte);
        if !aut.can_match(&next) {
            continue;
        }
        let term = dict.term(child.lo);
        let key = &term[..child.depth];
        if prefix && next.pending == 0 && next.best == 0 && key == word_bytes {
            out.completions = Some((child.lo, child.hi));
            continue;
        }
        if term.len() == child.depth && aut.is_match(&next) {
            out.terms.push((
                child.lo,
                key.to_vec(),
                aut.typos(&next),
                aut.word_typos(&next) <= aut.max,
            ));
        }
        stack.push(frame(child, next));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::osa_distance;
    use super::*;

    #[test]
    fn a_long_prefix_matches_only_terms_that_start_with_all_of_it() {
        let long = "supercalifragilisticexpialidocious";
        let map = dictionary(&[long, "supercalifragilisticexpiXXXXXXXX", "supercali"]);
        let e = expand(&map, "supercalifragilisticexpialid", 0, true);
        assert!(e.terms.is_empty());
        // Sorted: `supercali`, the capital-X term, then the long word (rank 2).
        assert_eq!(e.completions, Some((2, 3)), "only {long}");
        assert_eq!(
            expand(&map, "supercalifragilisticexpiZ", 0, true).completions,
            Some((2, 2))
        );
    }

    /// The reference rule: within `max` typos, but within one when two are allowed and the
    /// first letter differs.
    fn allowed(q: &str, t: &str, d: usize, max: u8) -> bool {
        let same_first = q.chars().next() == t.chars().next();
        d <= usize::from(if max == 2 && !same_first { 1 } else { max })
    }

    fn dictionary(words: &[&str]) -> TermDictionary {
        TermDictionary::of(words)
    }

    /// The key of term `id`, as the search's `text_of` reads it.
    fn key_of(map: &TermDictionary, id: u32) -> Option<Vec<u8>> {
        map.key_of(id).map(<[u8]>::to_vec)
    }

    #[test]
    fn walk_finds_what_the_reference_finds() {
        let words = [
            "reservoir",
            "reservoirs",
            "reserve",
            "reserves",
            "resevoir",
            "rest",
            "harbour",
            "harbor",
            "zurich",
            "zuirch",
            "zürich",
            "cocoa",
            "cacao",
            "coca",
            "res",
            "re",
        ];
        let map = dictionary(&words);
        for q in ["reservoir", "reserv", "zurich", "cocoa", "res", "harbuor"] {
            for max in 0..=2u8 {
                let got = expand(&map, q, max, false);
                let mut found: Vec<String> = got
                    .terms
                    .iter()
                    .map(|t| String::from_utf8(t.1.clone()).unwrap())
                    .collect();
                found.sort();
                let mut want: Vec<String> = words
                    .iter()
                    .map(|k| k.to_string())
                    .filter(|k| allowed(q, k, osa_distance(q, k), max))
                    .collect();
                want.dedup();
                want.sort();
                assert_eq!(found, want, "{q} max {max}");
                for (id, key, typos, _) in &got.terms {
                    assert_eq!(map.get(key), Some(*id));
                    assert_eq!(
                        usize::from(*typos),
                        osa_distance(q, std::str::from_utf8(key).unwrap())
                    );
                }
            }
        }
        let p = expand(&map, "reser", 1, true);
        let (lo, hi) = p.completions.unwrap();
        let range: Vec<Vec<u8>> = (lo..hi).map(|i| key_of(&map, i).unwrap()).collect();
        assert_eq!(
            range,
            [
                b"reserve".to_vec(),
                b"reserves".to_vec(),
                b"reservoir".to_vec(),
                b"reservoirs".to_vec()
            ]
        );
        let typo_terms: Vec<&[u8]> = p.terms.iter().map(|t| t.1.as_slice()).collect();
        assert!(typo_terms.contains(&b"resevoir".as_slice()));
        assert!(!typo_terms.contains(&b"rest".as_slice()));
        for i in 0..map.len() as u32 {
            assert_eq!(map.get(&key_of(&map, i).unwrap()), Some(i));
        }
    }

    #[test]
    fn walk_agrees_with_brute_force_on_random_dictionaries() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut rand = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let alphabet = ['a', 'b', 'c', 'd', 'é'];
        let word = |rand: &mut dyn FnMut(usize) -> usize| -> String {
            let len = 1 + rand(9);
            (0..len).map(|_| alphabet[rand(alphabet.len())]).collect()
        };
        let words: Vec<String> = (0..400).map(|_| word(&mut rand)).collect();
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let map = dictionary(&refs);
        let mut sorted = refs.clone();
        sorted.sort();
        sorted.dedup();
        for _ in 0..100 {
            let q = word(&mut rand);
            for max in 0..=2u8 {
                for prefix in [false, true] {
                    let got = expand(&map, &q, max, prefix);
                    let mut found: Vec<(String, u8)> = got
                        .terms
                        .iter()
                        .map(|t| (String::from_utf8(t.1.clone()).unwrap(), t.2))
                        .collect();
                    if let Some((lo, hi)) = got.completions {
                        found
                            .extend((lo..hi).map(|i| {
                                (String::from_utf8(key_of(&map, i).unwrap()).unwrap(), 0)
                            }));
                    }
                    found.sort();
                    let want: Vec<(String, u8)> = sorted
                        .iter()
                        .filter_map(|t| {
                            let d = if prefix {
                                let chars: Vec<char> = t.chars().collect();
                                (0..=chars.len())
                                    .map(|n| {
                                        osa_distance(&q, &chars[..n].iter().collect::<String>())
                                    })
                                    .min()
                                    .unwrap()
                            } else {
                                osa_distance(&q, t)
                            };
                            allowed(&q, t, d, max).then(|| (t.to_string(), d as u8))
                        })
                        .collect();
                    assert_eq!(found, want, "{q} max {max} prefix {prefix}");
                }
            }
        }
    }
}
