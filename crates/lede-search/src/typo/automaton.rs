//! The typo automaton: a Damerau-Levenshtein automaton over bytes, banded around the diagonal,
//! accepting the terms (or, in prefix mode, the terms with a prefix) within a typo budget.

use super::MAX_FUZZY_CHARS;

/// A byte automaton accepting the terms within `max` typos of a query word (or, in prefix mode,
/// the terms that have a prefix within `max` typos of it). Its state is one row of the
/// edit-distance table over the query's chars, of which only the band of `2 * max + 1` cells
/// around the diagonal is computed, so a step costs at most five cells.
#[derive(Debug, Clone)]
pub struct Fuzzy {
    query: Vec<char>,
    pub(super) max: u8,
    pub(super) prefix: bool,
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
    pub(super) pending: u8,
    pub(super) best: u8,
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
    pub(super) fn tight(&self, s: &FuzzyState) -> Option<([u8; 8], usize)> {
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

impl Fuzzy {
    /// The state before any byte is read.
    pub(super) fn start(&self) -> FuzzyState {
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

    /// Whether the bytes that led to `s` make a term within the budget (no char half read).
    pub(super) fn is_match(&self, s: &FuzzyState) -> bool {
        s.pending == 0 && self.typos(s) <= self.max
    }

    /// Whether some continuation of the bytes that led to `s` can still match.
    pub(super) fn can_match(&self, s: &FuzzyState) -> bool {
        s.alive || (self.prefix && s.best <= self.max)
    }

    /// The state after reading `byte` (a UTF-8 sequence steps the row once, at its last byte).
    pub(super) fn accept(&self, s: &FuzzyState, byte: u8) -> FuzzyState {
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

#[cfg(test)]
mod tests {
    use super::super::osa_distance;
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
