//! Unicode text segmentation (UAX #29) without the Unicode crate's tables: the sentence and
//! word classes of a char from std's predicates (`is_alphabetic`, `is_lowercase`,
//! `is_uppercase`, `is_whitespace`) and a small generated table of the rest ([`table`]), with
//! the sentence ([`sentences`]) and word ([`words`]) segmenters over them. Both are tested to
//! agree with the `unicode-segmentation` crate on every code point in many contexts and on
//! every paragraph of the research corpora.

mod sentences;
mod table;
mod words;

pub use sentences::sentence_bounds;
pub use words::{for_each_word, word_segments};

/// The Sentence_Break class of a char (UAX #29 table 4); `Other` is `Any`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SentenceClass {
    /// Carriage return.
    Cr,
    /// Line feed.
    Lf,
    /// Paragraph separators other than CR and LF (NEL, U+2028, U+2029).
    Sep,
    /// White space other than the separators.
    Sp,
    /// Lowercase letters.
    Lower,
    /// Uppercase and titlecase letters.
    Upper,
    /// Other letters (no case).
    OLetter,
    /// Digits.
    Numeric,
    /// Full stops that may end an abbreviation (`.`).
    ATerm,
    /// Other sentence terminators (`!`, `?`, `。`, `।`...).
    STerm,
    /// Quotation marks and brackets.
    Close,
    /// Commas, colons, semicolons and dashes that continue a sentence.
    SContinue,
    /// Combining marks, ZWJ and the like, which belong to the char before them.
    Extend,
    /// Format controls, which belong to the char before them as well.
    Format,
    /// Anything else.
    Other,
}

/// The Word_Break class of a char (UAX #29 table 3); `Other` is `Any`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    /// Carriage return.
    Cr,
    /// Line feed.
    Lf,
    /// Other line breaks (VT, FF, NEL, U+2028, U+2029).
    Newline,
    /// Combining marks and the like.
    Extend,
    /// Zero width joiner.
    Zwj,
    /// Regional indicators (flags are pairs of them).
    RegionalIndicator,
    /// Format controls.
    Format,
    /// Katakana.
    Katakana,
    /// Hebrew letters.
    HebrewLetter,
    /// Letters of the alphabetic scripts (not Han, Hiragana, Katakana, Hebrew or the scripts
    /// written without spaces).
    ALetter,
    /// The apostrophe `'`.
    SingleQuote,
    /// The double quote `"`.
    DoubleQuote,
    /// Marks that join letters and digits (`.`, `’`).
    MidNumLet,
    /// Marks that join letters (`:`, `·`).
    MidLetter,
    /// Marks that join digits (`,`, `;`).
    MidNum,
    /// Digits.
    Numeric,
    /// Connector punctuation (`_`).
    ExtendNumLet,
    /// Spaces that are not line breaks.
    WSegSpace,
    /// Anything else.
    Other,
}

/// Index of the packed range (`start << 11 | (len - 1)`, ascending) of `table` holding `c`.
fn find(table: &[u32], c: char) -> Option<usize> {
    let u = c as u32;
    let i = table.partition_point(|&e| e >> 11 <= u);
    let e = *table.get(i.checked_sub(1)?)?;
    (u - (e >> 11) <= e & 0x7ff).then_some(i - 1)
}

/// The classes [`table::SPECIAL`] gives `c`, `None` where std's predicates decide.
fn special(c: char) -> (Option<SentenceClass>, Option<WordClass>) {
    find(&table::SPECIAL, c).map_or((None, None), |i| {
        table::CLASSES[table::SPECIAL_CLASS[i] as usize]
    })
}

/// The sentence class of `c`.
pub fn sentence_class(c: char) -> SentenceClass {
    use SentenceClass as S;
    if c.is_ascii() {
        return match c {
            '\r' => S::Cr,
            '\n' => S::Lf,
            '\t' | '\x0b' | '\x0c' | ' ' => S::Sp,
            'a'..='z' => S::Lower,
            'A'..='Z' => S::Upper,
            '0'..='9' => S::Numeric,
            '.' => S::ATerm,
            '!' | '?' => S::STerm,
            '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' => S::Close,
            ',' | '-' | ':' | ';' => S::SContinue,
            _ => S::Other,
        };
    }
    if let (Some(class), _) = special(c) {
        return class;
    }
    if c.is_whitespace() {
        S::Sp
    } else if c.is_lowercase() {
        S::Lower
    } else if c.is_uppercase() || c.to_lowercase().next() != Some(c) {
        // Titlecase letters (`ǅ`) are neither upper- nor lowercase but change when lowered.
        S::Upper
    } else if c.is_alphabetic() {
        S::OLetter
    } else {
        S::Other
    }
}

/// The word class of `c`.
pub fn word_class(c: char) -> WordClass {
    if c.is_ascii() {
        return ascii_word_class(c);
    }
    special(c).1.unwrap_or_else(|| std_word_class(c))
}

/// [`word_class`] of an ASCII char.
#[inline]
fn ascii_word_class(c: char) -> WordClass {
    use WordClass as W;
    match c {
        '\r' => W::Cr,
        '\n' => W::Lf,
        '\x0b' | '\x0c' => W::Newline,
        ' ' => W::WSegSpace,
        'a'..='z' | 'A'..='Z' => W::ALetter,
        '0'..='9' => W::Numeric,
        '_' => W::ExtendNumLet,
        '.' => W::MidNumLet,
        ':' => W::MidLetter,
        ',' | ';' => W::MidNum,
        '\'' => W::SingleQuote,
        '"' => W::DoubleQuote,
        _ => W::Other,
    }
}

/// [`word_class`] of a char the table leaves to std's predicates.
fn std_word_class(c: char) -> WordClass {
    let not_aletter =
        || c as u32 >= table::NOT_ALETTER[0] >> 11 && find(&table::NOT_ALETTER, c).is_some();
    if c.is_alphabetic() && !not_aletter() {
        WordClass::ALetter
    } else {
        WordClass::Other
    }
}

/// [`word_class`] and `is_alphanumeric` of non-ASCII chars, remembered for the last char of each
/// of 64 slots (by the low bits of the code point): a text uses few distinct letters, so most
/// chars take neither a table search nor std's.
pub(super) struct WordClasses {
    seen: [(u32, WordClass, bool); 64],
}

impl WordClasses {
    /// Remembering nothing yet (code point 0 is ASCII, never looked up here).
    pub(super) fn new() -> Self {
        WordClasses {
            seen: [(0, WordClass::Other, false); 64],
        }
    }

    /// The word class of `c` and whether it is alphanumeric.
    #[inline]
    fn lookup(&mut self, c: char) -> (WordClass, bool) {
        if c.is_ascii() {
            return (ascii_word_class(c), c.is_ascii_alphanumeric());
        }
        let u = c as u32;
        let slot = &mut self.seen[(u & 63) as usize];
        if slot.0 != u {
            let class = special(c).1.unwrap_or_else(|| std_word_class(c));
            *slot = (u, class, c.is_alphanumeric());
        }
        (slot.1, slot.2)
    }

    /// The word class of `c`.
    #[inline]
    pub(super) fn of(&mut self, c: char) -> WordClass {
        self.lookup(c).0
    }

    /// `c.is_alphanumeric()`.
    #[inline]
    pub(super) fn is_alphanumeric(&mut self, c: char) -> bool {
        self.lookup(c).1
    }
}

/// True for the Extended_Pictographic chars (emoji), which a ZWJ joins (WB3c).
pub fn is_extended_pictographic(c: char) -> bool {
    !c.is_ascii() && find(&table::EXTENDED_PICTOGRAPHIC, c).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_classes_are_the_table_classes() {
        // The ASCII fast paths give what the table and std's predicates give.
        for b in 0..128u8 {
            let c = b as char;
            let (s, w) = special(c);
            let std_s = if c.is_whitespace() {
                SentenceClass::Sp
            } else if c.is_lowercase() {
                SentenceClass::Lower
            } else if c.is_uppercase() {
                SentenceClass::Upper
            } else {
                SentenceClass::Other
            };
            let std_w = if c.is_alphabetic() {
                WordClass::ALetter
            } else {
                WordClass::Other
            };
            assert_eq!(sentence_class(c), s.unwrap_or(std_s), "{c:?}");
            assert_eq!(word_class(c), w.unwrap_or(std_w), "{c:?}");
        }
    }

    #[test]
    fn classes_of_a_few_scripts() {
        use SentenceClass as S;
        use WordClass as W;
        assert_eq!(sentence_class('é'), S::Lower);
        assert_eq!(sentence_class('Ж'), S::Upper);
        assert_eq!(sentence_class('ǅ'), S::Upper);
        assert_eq!(sentence_class('中'), S::OLetter);
        assert_eq!(sentence_class('。'), S::STerm);
        assert_eq!(sentence_class('”'), S::Close);
        assert_eq!(sentence_class('\u{301}'), S::Extend);
        assert_eq!(sentence_class('\u{2029}'), S::Sep);
        assert_eq!(sentence_class('٣'), S::Numeric);
        assert_eq!(word_class('中'), W::Other);
        assert_eq!(word_class('ア'), W::Katakana);
        assert_eq!(word_class('א'), W::HebrewLetter);
        assert_eq!(word_class('’'), W::MidNumLet);
        assert_eq!(word_class('\u{200d}'), W::Zwj);
        assert_eq!(word_class('🇫'), W::RegionalIndicator);
        assert_eq!(word_class('ก'), W::Other);
        assert!(is_extended_pictographic('😀'));
        assert!(!is_extended_pictographic('a'));
    }
}
