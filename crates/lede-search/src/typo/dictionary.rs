//! The dictionary walk: the terms of the FST term dictionary within a query word's typo budget
//! (or completing it), found by walking the FST with the typo automaton, never by scanning it.

use fst::Automaton;

use super::automaton::FuzzyState;
use super::Fuzzy;

/// The terms a query word reaches in a term dictionary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expansion {
    /// Terms found by the walk: id, bytes, typos (prefix distance in prefix mode), and whether
    /// the whole term is within the budget of the whole word.
    pub terms: Vec<(u32, Vec<u8>, u8, bool)>,
    /// In prefix mode, the ids `lo..hi` of every term that starts with the typed word exactly.
    pub completions: Option<(u32, u32)>,
}

/// The id of the first term `>= key` (`fst.len()` when there is none).
fn lower_bound(map: &fst::Map<Vec<u8>>, key: &[u8]) -> u32 {
    use fst::{IntoStreamer, Streamer};
    let mut s = map.range().ge(key).into_stream();
    s.next().map_or(map.len() as u32, |(_, v)| v as u32)
}

/// Walks the FST of `map` (values are the ranks of the keys) for the terms within `max` typos
/// of `word` (in prefix mode: starting with something within `max` typos of it), decoding only
/// the nodes the automaton can still match. In prefix mode the subtree of the exactly typed
/// prefix is returned as an id range instead of being enumerated. As in Meilisearch, a word with
/// a budget of two typos keeps both only when its first letter is right; a term with another
/// first letter must be within one typo.
pub fn expand(map: &fst::Map<Vec<u8>>, word: &str, max: u8, prefix: bool) -> Expansion {
    if prefix && word.is_empty() {
        return Expansion {
            terms: Vec::new(),
            completions: Some((0, map.len() as u32)),
        };
    }
    let max = max.min(2);
    if max == 0 && prefix {
        // No typo: the terms starting with the word as typed, however long (the automaton
        // reads only its first MAX_FUZZY_CHARS chars).
        return Expansion {
            terms: Vec::new(),
            completions: Some(completions(map, word.as_bytes())),
        };
    }
    if max < 2 {
        return walk(map, &Fuzzy::new(word, max, prefix), word, &[]);
    }
    let first = word.chars().next().expect("not empty");
    let mut lead = [0u8; 4];
    let lead: &[u8] = first.encode_utf8(&mut lead).as_bytes();
    let mut out = walk(map, &Fuzzy::new(word, 2, prefix), word, lead);
    let other = walk(map, &Fuzzy::new(word, 1, prefix), word, &[]);
    out.terms
        .extend(other.terms.into_iter().filter(|t| !t.1.starts_with(lead)));
    out
}

/// One automaton walk; `forced` bytes are followed first (the walk stays under them).
fn walk(map: &fst::Map<Vec<u8>>, aut: &Fuzzy, word: &str, forced: &[u8]) -> Expansion {
    let fst = map.as_fst();
    let mut out = Expansion::default();
    let mut key = Vec::new();
    let word_bytes = word.as_bytes();
    let prefix = aut.prefix;
    let mut root = fst.root();
    let mut state = aut.start();
    let mut root_acc = 0u64;
    for &b in forced {
        let Some(i) = root.find_input(b) else {
            return out;
        };
        let t = root.transition(i);
        state = aut.accept(&state, b);
        if !aut.can_match(&state) {
            return out;
        }
        key.push(b);
        root_acc += t.out.value();
        root = fst.node(t.addr);
    }
    if !forced.is_empty() && root.is_final() && aut.is_match(&state) {
        if prefix && key == word_bytes {
            out.completions = Some(completions(map, &key));
            return out;
        }
        out.terms.push((
            (root_acc + root.final_output().value()) as u32,
            key.clone(),
            aut.typos(&state),
            aut.word_typos(&state) <= aut.max,
        ));
    }
    if prefix && state.best == 0 && key == word_bytes && !forced.is_empty() {
        out.completions = Some(completions(map, &key));
        return out;
    }
    // Explicit stack of frames: the node, its state, the accumulated output, the key length,
    // and which transitions are left (all from an index, or a few candidate bytes).
    struct Frame<'f> {
        node: fst::raw::Node<'f>,
        state: FuzzyState,
        acc: u64,
        len: usize,
        next: usize,
        tight: Option<([u8; 8], usize)>,
    }
    let frame = |node, state: FuzzyState, acc, len| Frame {
        tight: aut.tight(&state),
        node,
        state,
        acc,
        len,
        next: 0,
    };
    let start_len = key.len();
    let mut stack = vec![frame(root, state, root_acc, start_len)];
    while let Some(top) = stack.last_mut() {
        let ti = match top.tight {
            None if top.next < top.node.len() => top.next,
            Some((bytes, n)) if top.next < n => match top.node.find_input(bytes[top.next]) {
                Some(ti) => ti,
                None => {
                    top.next += 1;
                    continue;
                }
            },
            _ => {
                stack.pop();
                continue;
            }
        };
        top.next += 1;
        let t = top.node.transition(ti);
        let next = aut.accept(&top.state, t.inp);
        if !aut.can_match(&next) {
            continue;
        }
        let (acc, len) = (top.acc, top.len);
        key.truncate(len);
        key.push(t.inp);
        if prefix && next.pending == 0 && next.best == 0 && key == word_bytes {
            out.completions = Some(completions(map, &key));
            continue;
        }
        let child = fst.node(t.addr);
        let acc = acc + t.out.value();
        if child.is_final() && aut.is_match(&next) {
            let id = (acc + child.final_output().value()) as u32;
            out.terms.push((
                id,
                key.clone(),
                aut.typos(&next),
                aut.word_typos(&next) <= aut.max,
            ));
        }
        stack.push(frame(child, next, acc, key.len()));
    }
    out
}

/// The ids `lo..hi` of the terms starting with `key`.
fn completions(map: &fst::Map<Vec<u8>>, key: &[u8]) -> (u32, u32) {
    let lo = lower_bound(map, key);
    let mut succ = key.to_vec();
    while let Some(last) = succ.pop() {
        if last < 0xFF {
            succ.push(last + 1);
            break;
        }
    }
    let hi = if succ.is_empty() {
        map.len() as u32
    } else {
        lower_bound(map, &succ)
    };
    (lo, hi)
}

/// The key of the term with rank `id` in `map` (values are ranks), by following the outputs.
pub fn key_of(map: &fst::Map<Vec<u8>>, id: u32) -> Option<Vec<u8>> {
    let fst = map.as_fst();
    let mut node = fst.root();
    let mut acc = 0u64;
    let mut key = Vec::new();
    let id = u64::from(id);
    loop {
        if node.is_final() && acc + node.final_output().value() == id {
            return Some(key);
        }
        let mut chosen = None;
        for t in node.transitions() {
            if acc + t.out.value() <= id {
                chosen = Some(t);
            } else {
                break;
            }
        }
        let t = chosen?;
        acc += t.out.value();
        key.push(t.inp);
        node = fst.node(t.addr);
    }
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

    fn dictionary(words: &[&str]) -> fst::Map<Vec<u8>> {
        let mut w: Vec<&str> = words.to_vec();
        w.sort();
        w.dedup();
        fst::Map::from_iter(w.iter().enumerate().map(|(i, t)| (*t, i as u64))).unwrap()
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
                    assert_eq!(map.get(key), Some(u64::from(*id)));
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
            assert_eq!(map.get(key_of(&map, i).unwrap()), Some(u64::from(i)));
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
