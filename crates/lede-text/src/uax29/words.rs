//! UAX #29 word boundaries over [`super::word_class`]: the rules WB1-WB999 as the
//! `unicode-segmentation` crate's forward iterator applies them (the agreement tests compare
//! the two), and the words among the segments.

use super::{is_extended_pictographic, WordClass as W, WordClasses};

/// Where a segment stands while it is scanned.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Letter,
    HebrewLetter,
    Numeric,
    Katakana,
    ExtendNumLet,
    /// A regional indicator; true once it is a pair.
    Regional(bool),
    Zwj,
    Emoji,
    Space,
    /// After a char that joins nothing, taking the Extend and Format chars after it.
    Trailing,
    /// After a Hebrew letter and an apostrophe: a letter may follow (WB7a).
    AfterHebrewQuote,
    /// After a mid char (at the saved offset) that needs a letter next (WB6-7).
    NeedLetter,
    /// After a `"` (at the saved offset) that needs a Hebrew letter next (WB7b-c).
    NeedHebrewLetter,
    /// After a mid char (at the saved offset) that needs a digit next (WB11-12).
    NeedDigit,
}

/// End (byte offset) of the word segment that starts at byte `start` of `text` (before its
/// end).
fn segment_end(text: &str, start: usize, classes: &mut WordClasses) -> usize {
    use State as St;
    let rest = &text[start..];
    let mut chars = rest.char_indices().peekable();
    let (_, first) = chars.next().expect("a char at a boundary before the end");
    let first_class = classes.of(first);
    let after_first = start + first.len_utf8();
    let mut state = match first_class {
        W::Cr => return after_first + usize::from(text[after_first..].starts_with('\n')), // WB3
        W::Lf | W::Newline => return after_first,                                         // WB3a
        W::ALetter => St::Letter,
        W::HebrewLetter => St::HebrewLetter,
        W::Numeric => St::Numeric,
        W::Katakana => St::Katakana,
        W::ExtendNumLet => St::ExtendNumLet,
        W::RegionalIndicator => St::Regional(false),
        W::Zwj => St::Zwj,
        W::WSegSpace => St::Space,
        _ => match chars.peek() {
            Some(&(_, c)) if matches!(classes.of(c), W::Extend | W::Format | W::Zwj) => {
                St::Trailing // WB4
            }
            _ => return after_first, // WB999
        },
    };
    // Byte offset (in `rest`) of a mid char that needs a letter or digit after it.
    let mut saved = 0;
    let mut skipped_extend = false;
    let mut after_zwj = first_class == W::Zwj;
    for (at, c) in chars {
        let class = classes.of(c);
        let was_zwj = std::mem::replace(&mut after_zwj, class == W::Zwj);
        if matches!(class, W::Extend | W::Format | W::Zwj) {
            skipped_extend = true; // WB4
            continue;
        }
        if was_zwj && is_extended_pictographic(c) {
            state = St::Emoji; // WB3c
            continue;
        }
        state = match (state, class) {
            (St::Space, W::WSegSpace) if !skipped_extend => St::Space, // WB3d
            (St::Letter | St::HebrewLetter, W::ALetter) => St::Letter, // WB5
            (St::Letter | St::HebrewLetter, W::HebrewLetter) => St::HebrewLetter,
            (St::Letter | St::HebrewLetter, W::Numeric) => St::Numeric, // WB9
            (St::HebrewLetter, W::DoubleQuote) => {
                saved = at;
                St::NeedHebrewLetter // WB7b
            }
            (St::HebrewLetter, W::SingleQuote) => St::AfterHebrewQuote, // WB7a
            (St::Letter | St::HebrewLetter, W::MidLetter | W::MidNumLet | W::SingleQuote) => {
                saved = at;
                St::NeedLetter // WB6
            }
            (St::Numeric, W::Numeric) => St::Numeric, // WB8
            (St::Numeric, W::ALetter) => St::Letter,  // WB10
            (St::Numeric, W::HebrewLetter) => St::HebrewLetter,
            (St::Numeric, W::MidNum | W::MidNumLet | W::SingleQuote) => {
                saved = at;
                St::NeedDigit // WB12
            }
            (St::Katakana, W::Katakana) => St::Katakana, // WB13
            (
                St::Letter | St::HebrewLetter | St::Numeric | St::Katakana | St::ExtendNumLet,
                W::ExtendNumLet,
            ) => St::ExtendNumLet, // WB13a
            (St::ExtendNumLet, W::ALetter) => St::Letter, // WB13b
            (St::ExtendNumLet, W::HebrewLetter) => St::HebrewLetter,
            (St::ExtendNumLet, W::Numeric) => St::Numeric,
            (St::ExtendNumLet, W::Katakana) => St::Katakana,
            (St::Regional(false), W::RegionalIndicator) => St::Regional(true), // WB15-16
            (St::NeedDigit, W::Numeric) => St::Numeric,                        // WB11
            (St::NeedLetter | St::AfterHebrewQuote, W::ALetter) => St::Letter, // WB7
            (St::NeedLetter | St::AfterHebrewQuote | St::NeedHebrewLetter, W::HebrewLetter) => {
                St::HebrewLetter // WB7, WB7c
            }
            (St::NeedLetter | St::NeedHebrewLetter | St::NeedDigit, _) => {
                return start + saved;
            }
            _ => return start + at, // WB999
        };
    }
    match state {
        St::NeedLetter | St::NeedHebrewLetter | St::NeedDigit => start + saved,
        _ => text.len(),
    }
}

/// The word segments of `text` (UAX #29 word boundaries) with their byte offsets: words,
/// spaces and punctuation alike, together `text`.
pub fn word_segments(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut classes = WordClasses::new();
    let mut at = 0;
    std::iter::from_fn(move || {
        if at == text.len() {
            return None;
        }
        let start = at;
        at = segment_end(text, start, &mut classes);
        Some((start, &text[start..at]))
    })
}

/// Calls `f(byte offset, word)` for every word segment of `text` that holds a letter or a
/// digit, in order: what the crate's `unicode_word_indices` yields.
pub fn for_each_word<'a>(text: &'a str, mut f: impl FnMut(usize, &'a str)) {
    let mut classes = WordClasses::new();
    let mut at = 0;
    while at < text.len() {
        let start = at;
        at = segment_end(text, start, &mut classes);
        let segment = &text[start..at];
        if segment.chars().any(|c| classes.is_alphanumeric(c)) {
            f(start, segment);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for_each_word(text, |_, w| out.push(w));
        out
    }

    #[test]
    fn words_of_several_scripts() {
        assert_eq!(
            words("Zürich’s 5,000 café-owners: Ελλάδα, Москва."),
            ["Zürich’s", "5,000", "café", "owners", "Ελλάδα", "Москва"]
        );
        // Han and Hiragana are a word per char; Katakana runs are one word.
        assert_eq!(
            words("東京でコンピューター"),
            ["東", "京", "で", "コンピューター"]
        );
        assert_eq!(words("שב\"כ said"), ["שב\"כ", "said"]);
        assert_eq!(words("e\u{301}te\u{301}"), ["e\u{301}te\u{301}"]);
        let text = "a b";
        let all: Vec<&str> = word_segments(text).map(|(_, s)| s).collect();
        assert_eq!(all.concat(), text);
    }
}
