//! The jump box's scorer: a typed pattern aligned to a folded label, rewarding consecutive letters,
//! word starts and a match at the very start, as skim's fuzzy matcher scores (minus its code).

/// The score of one matched char.
const SCORE_MATCH: i32 = 16;
/// Opening a gap between matched chars (the first skipped char costs this plus the extension).
const GAP_START: i32 = -3;
/// Each skipped char inside or before a gap.
const GAP_EXTENSION: i32 = -1;
/// The least a char continuing a run of matched chars adds.
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
/// A match at the start of a word (after a space, a bracket or a slash, or at the start).
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
/// A match after other punctuation (`-`, `.`, `'`...).
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
/// A match at an upper-case letter after a lower-case one or a digit.
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
/// Far below any real score, and safe to add a few bonuses to.
const UNREACHABLE: i32 = i32::MIN / 2;

/// What a char is to the bonus of the char after it, as skim's matcher classes them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CharClass {
    /// The start of the text, a space, a slash or a bracket.
    Separator,
    /// Other ASCII punctuation.
    Punctuation,
    /// A lower-case letter, a digit or any other char.
    Other,
    /// An ASCII upper-case letter.
    Upper,
}

impl CharClass {
    /// The class of `c`.
    fn of(c: char) -> CharClass {
        match c {
            ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => CharClass::Separator,
            '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => CharClass::Punctuation,
            'A'..='Z' => CharClass::Upper,
            _ => CharClass::Other,
        }
    }
}

/// The bonus of a match at a char of class `cur` after one of class `prev`.
fn place_bonus(prev: CharClass, cur: CharClass) -> i32 {
    match (prev, cur) {
        (CharClass::Separator, _) => BONUS_HEAD,
        (CharClass::Punctuation, _) => BONUS_BREAK,
        (CharClass::Other, CharClass::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

/// One cell of the alignment tables for pattern char `i` and text char `j`.
#[derive(Clone, Copy)]
struct Cell {
    /// The best score of `pattern[..=i]` in `text[..=j]` with `pattern[i]` at `text[j]`.
    matched: i32,
    /// Whether `matched` continues a run from `(i - 1, j - 1)` (else it ends a gap there).
    matched_after_match: bool,
    /// The best score of `pattern[..=i]` in `text[..=j]` with `text[j]` not matched.
    skipped: i32,
    /// Whether `skipped` opens a gap after the match at `(i, j - 1)` (else it extends one).
    skipped_after_match: bool,
}

/// The alignment tables, reused from one label to the next. [`Aligner::align`] scores `pattern`
/// as a subsequence of `text` (both folded, as chars) the way skim's matcher does: an affine-gap alignment in which every matched char scores, a gap between matched
/// chars costs, and a match at a word start or after punctuation earns a bonus (the text's first
/// char twice over), a match continuing a run at least [`BONUS_CONSECUTIVE`].
/// `None` when `pattern` is not a subsequence. With `positions`, the matched text chars of the
/// best alignment are written there in order.
pub(super) struct Aligner {
    cells: Vec<Cell>,
    bonus: Vec<i32>,
}

impl Aligner {
    /// Empty tables.
    pub(super) fn new() -> Aligner {
        Aligner {
            cells: Vec::new(),
            bonus: Vec::new(),
        }
    }

    /// The best alignment's score (see [`Aligner`]), and its matched chars into `positions`.
    pub(super) fn align(
        &mut self,
        text: &[char],
        pattern: &[char],
        positions: Option<&mut Vec<usize>>,
    ) -> Option<i32> {
        let (n, m) = (text.len(), pattern.len());
        if m == 0 || n < m {
            return None;
        }
        self.bonus.clear();
        let mut prev = CharClass::Separator;
        for &c in text {
            let class = CharClass::of(c);
            self.bonus.push(place_bonus(prev, class));
            prev = class;
        }
        self.bonus[0] *= 2;
        let empty = Cell {
            matched: UNREACHABLE,
            matched_after_match: false,
            skipped: UNREACHABLE,
            skipped_after_match: false,
        };
        self.cells.clear();
        self.cells.resize(n * m, empty);
        for (i, &p) in pattern.iter().enumerate() {
            for (j, &c) in text.iter().enumerate() {
                // Before the first pattern char nothing is matched, and skipping costs one.
                let diagonal = match (i, j) {
                    (0, _) => Cell {
                        skipped: GAP_EXTENSION,
                        ..empty
                    },
                    (_, 0) => empty,
                    _ => self.cells[(i - 1) * n + j - 1],
                };
                let left = match j {
                    0 => empty,
                    _ => self.cells[i * n + j - 1],
                };
                let cell = &mut self.cells[i * n + j];
                if c == p {
                    let after_match = diagonal.matched + self.bonus[j].max(BONUS_CONSECUTIVE);
                    let after_gap = diagonal.skipped + self.bonus[j];
                    cell.matched_after_match = after_match >= after_gap;
                    cell.matched = after_match.max(after_gap) + SCORE_MATCH;
                }
                let open = left.matched + GAP_START + GAP_EXTENSION;
                let extend = left.skipped + GAP_EXTENSION;
                cell.skipped_after_match = open >= extend;
                cell.skipped = open.max(extend);
            }
        }
        let last = &self.cells[(m - 1) * n..];
        let (mut j, best) = last
            .iter()
            .enumerate()
            .max_by_key(|(_, c)| c.matched)
            .map(|(j, c)| (j, c.matched))?;
        if best <= UNREACHABLE / 2 {
            return None;
        }
        if let Some(out) = positions {
            out.clear();
            let mut i = m - 1;
            let mut in_match = true;
            loop {
                let cell = self.cells[i * n + j];
                if in_match {
                    out.push(j);
                    if i == 0 {
                        break;
                    }
                    in_match = cell.matched_after_match;
                    i -= 1;
                } else {
                    in_match = cell.skipped_after_match;
                }
                j -= 1;
            }
            out.reverse();
        }
        Some(best)
    }
}
