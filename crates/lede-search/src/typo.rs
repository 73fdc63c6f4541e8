//! Typo tolerance: the per-word typo budget and a Damerau-Levenshtein automaton that walks the
//! FST term dictionary (whole-word or prefix matching, a transposition counting as one typo).

use fst::Automaton;

/// Longest query word (in chars) that gets typo tolerance; longer words match exactly.
pub const MAX_FUZZY_CHARS: usize = 24;

/// How many typos a query word of `chars` chars may have, as Meilisearch allows: none for 1-4
/// chars, one for 5-8, two for 9 and more. Words with a digit get none (`1987` is not `1988`).
pub fn typo_budget(word: &str) -> u8 {
    if word.chars().any(|c| c.is_numeric()) {
        return 0;
    }
    match word.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Optimal-string-alignment distance between `a` and `b` in chars (a transposition of two
/// neighbours is one edit); the reference the automaton is tested against.
pub fn osa_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

/// A byte automaton accepting the terms within `max` typos of a query word (or, in prefix mode,
/// the terms that have a prefix within `max` typos of it). Its state is one row of the
/// edit-distance table over the query's chars, of which only the band of `2 * max + 1` cells
/// around the diagonal is computed, so a step costs at most five cells.
#[derive(Debug, Clone)]
pub struct Fuzzy {
    query: Vec<char>,
    max: u8,
    prefix: bool,
}

/// The automaton state: the current and previous distance rows, the chars read, the last char,
/// a partly read UTF-8 sequence, and (prefix mode) the best distance reached so far.
#[derive(Debug, Clone, Copy)]
pub struct FuzzyState {
    row: [u8; MAX_FUZZY_CHARS + 1],
    prev: [u8; MAX_FUZZY_CHARS + 1],
    depth: u16,
    last: char,
    partial: u32,
    pending: u8,
    best: u8,
    alive: bool,
}

impl Fuzzy {
    /// An automaton for `query` allowing `max` typos (capped at 2); `prefix` accepts every term
    /// that starts with something within `max` typos of `query`. `query` is cut at
    /// [`MAX_FUZZY_CHARS`] chars.
    pub fn new(query: &str, max: u8, prefix: bool) -> Fuzzy {
        Fuzzy {
            query: query.chars().take(MAX_FUZZY_CHARS).collect(),
            max: max.min(2),
            prefix,
        }
    }

    /// The typos of the term that led to `state` (the distance, or the best prefix distance).
    pub fn typos(&self, state: &FuzzyState) -> u8 {
        if self.prefix {
            state.best
        } else {
            state.row[self.query.len()]
        }
    }

    /// The whole-word distance of the term that led to `state` (capped at `max + 1`).
    pub fn word_typos(&self, state: &FuzzyState) -> u8 {
        state.row[self.query.len()]
    }

    /// When `s` has no typo left to spend, the few ASCII bytes that can keep it alive (at most
    /// eight); `None` when any byte might (a typo is left, a char is half read, a completed
    /// prefix accepts everything, or a candidate is not ASCII).
    fn tight(&self, s: &FuzzyState) -> Option<([u8; 8], usize)> {
        if s.pending > 0 || (self.prefix && s.best <= self.max) {
            return None;
        }
        let m = self.query.len();
        let i = usize::from(s.depth);
        let k = usize::from(self.max);
        let lo = i.saturating_sub(k);
        let hi = m.min(i + k);
        let mut out = [0u8; 8];
        let mut n = 0;
        let mut push = |c: char, out: &mut [u8; 8]| -> bool {
            if !c.is_ascii() || n == 8 {
                return false;
            }
            if !out[..n].contains(&(c as u8)) {
                out[n] = c as u8;
                n += 1;
            }
            true
        };
        for j in lo..=hi {
            let v = s.row[j];
            if v < self.max {
                return None;
            }
            if v == self.max && j < m && !push(self.query[j], &mut out) {
                return None;
            }
        }
        // A transposition completes with the char before the one just matched.
        for j in (lo + 1).max(2)..=(hi + 1).min(m) {
            if s.last == self.query[j - 1]
                && s.prev[j - 2] < self.max
                && !push(self.query[j - 2], &mut out)
            {
                return None;
            }
        }
        Some((out, n))
    }

    fn step(&self, s: &FuzzyState, c: char) -> FuzzyState {
        let m = self.query.len();
        let k = usize::from(self.max);
        let cap = self.max + 1;
        let mut next = *s;
        next.prev = s.row;
        let i = usize::from(s.depth) + 1;
        next.depth = s.depth.saturating_add(1);
        let lo = i.saturating_sub(k);
        let hi = m.min(i + k);
        let mut left = cap;
        let mut min = cap;
        if lo == 0 {
            left = (i.min(usize::from(cap))) as u8;
            next.row[0] = left;
            min = left;
        } else if lo - 1 <= m {
            next.row[lo - 1] = cap;
        }
        for j in lo.max(1)..=hi {
            let q = self.query[j - 1];
            let cost = u8::from(q != c);
            let mut v = (s.row[j] + 1).min(left + 1).min(s.row[j - 1] + cost);
            if j > 1 && s.last == q && c == self.query[j - 2] {
                v = v.min(s.prev[j - 2] + 1);
            }
            let v = v.min(cap);
            next.row[j] = v;
            left = v;
            min = min.min(v);
        }
        next.last = c;
        next.alive = min <= self.max;
        next.best = s.best.min(next.row[m]);
        next
    }
}

impl Automaton for Fuzzy {
    type State = FuzzyState;

    fn start(&self) -> FuzzyState {
        let cap = self.max + 1;
        let mut row = [cap; MAX_FUZZY_CHARS + 1];
        for (j, v) in row.iter_mut().enumerate().take(self.query.len() + 1) {
            *v = (j as u8).min(cap);
        }
        FuzzyState {
            row,
            prev: [cap; MAX_FUZZY_CHARS + 1],
            depth: 0,
            last: '\0',
            partial: 0,
            pending: 0,
            best: row[self.query.len()],
            alive: true,
        }
    }

    fn is_match(&self, s: &FuzzyState) -> bool {
        s.pending == 0 && self.typos(s) <= self.max
    }

    fn can_match(&self, s: &FuzzyState) -> bool {
        s.alive || (self.prefix && s.best <= self.max)
    }

    fn will_always_match(&self, s: &FuzzyState) -> bool {
        self.prefix && s.pending == 0 && s.best <= self.max
    }

    fn accept(&self, s: &FuzzyState, byte: u8) -> FuzzyState {
        if s.pending > 0 {
            let mut next = *s;
            next.partial = (s.partial << 6) | u32::from(byte & 0x3F);
            next.pending -= 1;
            if next.pending > 0 {
                return next;
            }
            let c = char::from_u32(next.partial).unwrap_or('\u{FFFD}');
            next.partial = 0;
            return self.step(&next, c);
        }
        let (value, pending) = match byte {
            0x00..=0x7F => return self.step(s, byte as char),
            0xC0..=0xDF => (u32::from(byte & 0x1F), 1),
            0xE0..=0xEF => (u32::from(byte & 0x0F), 2),
            _ => (u32::from(byte & 0x07), 3),
        };
        let mut next = *s;
        next.partial = value;
        next.pending = pending;
        next
    }
}

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
    use super::*;

    fn run(aut: &Fuzzy, term: &str) -> Option<u8> {
        let mut s = aut.start();
        for &b in term.as_bytes() {
            if !aut.can_match(&s) {
                return None;
            }
            s = aut.accept(&s, b);
        }
        aut.is_match(&s).then(|| aut.typos(&s))
    }

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

    #[test]
    fn budget_grows_with_word_length() {
        assert_eq!(typo_budget("bank"), 0);
        assert_eq!(typo_budget("banks"), 1);
        assert_eq!(typo_budget("treasury"), 1);
        assert_eq!(typo_budget("treasurys"), 2);
        assert_eq!(typo_budget("zürich"), 1);
        assert_eq!(typo_budget("155,221"), 0);
    }

    #[test]
    fn transposition_is_one_typo() {
        let aut = Fuzzy::new("harbour", 1, false);
        assert_eq!(run(&aut, "harbuor"), Some(1));
        assert_eq!(run(&aut, "hrabour"), Some(1));
        assert_eq!(run(&aut, "harbour"), Some(0));
        assert_eq!(run(&aut, "harbor"), Some(1));
        assert_eq!(run(&aut, "hrabuor"), None);
        assert_eq!(osa_distance("harbour", "hrabour"), 1);
    }

    #[test]
    fn automaton_agrees_with_the_reference_distance() {
        let words = [
            "reservoir",
            "reservoirs",
            "reserve",
            "resevoir",
            "rservoir",
            "zurich",
            "zürich",
            "zuirch",
            "cocoa",
            "cacao",
            "coca",
            "cocoas",
            "kessaria",
            "kessarian",
            "δέλτα",
            "δελτα",
            "",
            "a",
            "ab",
            "ba",
        ];
        for q in words {
            for max in 0..=2u8 {
                let aut = Fuzzy::new(q, max, false);
                for t in words {
                    let d = osa_distance(q, t);
                    let want = (d <= usize::from(max)).then_some(d as u8);
                    assert_eq!(run(&aut, t), want, "{q:?} vs {t:?} max {max}");
                }
            }
        }
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

    #[test]
    fn prefix_mode_takes_the_best_prefix() {
        let aut = Fuzzy::new("reser", 1, true);
        assert_eq!(run(&aut, "reservoir"), Some(0));
        assert_eq!(run(&aut, "resevoir"), Some(1));
        assert_eq!(run(&aut, "reset"), Some(1));
        assert_eq!(run(&aut, "rest"), None);
        assert_eq!(run(&aut, "harbour"), None);
        let exact = Fuzzy::new("res", 0, true);
        assert_eq!(run(&exact, "reservoir"), Some(0));
        assert_eq!(run(&exact, "rse"), None);
    }
}
