//! lede-text's UAX #29 segmenters give the sentences and words of the `unicode-segmentation`
//! crate: for every code point of the planes in use (0-3 and 14) in contexts that tell its
//! class apart, on seeded strings over a mixed alphabet, and on every sentence of CoNLL-2003
//! and the seed article (research data in `../shared`; skipped with a notice when absent).

use lede_text::uax29::{for_each_word, sentence_bounds, word_segments};
use unicode_segmentation::UnicodeSegmentation;

fn crate_sentences(text: &str) -> Vec<usize> {
    text.split_sentence_bound_indices()
        .map(|(i, s)| i + s.len())
        .collect()
}

fn crate_words(text: &str) -> Vec<(usize, &str)> {
    text.unicode_word_indices().collect()
}

fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for_each_word(text, |at, w| out.push((at, w)));
    out
}

fn segments(text: &str) -> Vec<(usize, &str)> {
    word_segments(text).collect()
}

/// Asserts that both segmenters agree with the crate's on `text`.
fn check(text: &str) {
    assert_eq!(
        sentence_bounds(text),
        crate_sentences(text),
        "sentences of {text:?}"
    );
    assert_eq!(
        segments(text),
        text.split_word_bound_indices().collect::<Vec<_>>(),
        "word segments of {text:?}"
    );
    assert_eq!(words(text), crate_words(text), "words of {text:?}");
}

/// Contexts for a char `X` that tell the sentence classes apart (after and before a full stop,
/// a terminator, a space, a separator, letters of each case, digits, closing marks).
const SENTENCE_CONTEXTS: &[&str] = &[
    "X",
    "XX. A",
    "a.X B",
    "a. XB",
    "A.X",
    "a. X",
    "a. Xb",
    "X.B",
    "a.XB",
    "a. X B",
    "\rX",
    "X\n",
    "a?X b",
    "a.)X c",
    "Xa. b",
    "1.X",
    "a\u{2029}X",
    "a. X. B",
    "(X) b",
];

/// Contexts for a char `X` that tell the word classes apart (between letters, digits,
/// Katakana, Hebrew letters, quotes, underscores, regional indicators, after a ZWJ).
const WORD_CONTEXTS: &[&str] = &[
    "aXb",
    "1X2",
    " Xa",
    "aX",
    "XX",
    "\u{30a2}X\u{30a2}",
    "\u{5d0}X'",
    "\u{5d0}\"X\u{5d0}",
    "_X_",
    "\u{1f1e6}X\u{1f1e7}",
    "a\u{200d}X",
    "X\u{301}a",
    "aX.b",
    "1.X",
    "\rX",
    "X\n",
    " X ",
    "\u{200d}X",
    "a.X",
    "1,X",
];

#[test]
fn every_code_point_segments_as_the_crate_has_it() {
    let mut checked = 0;
    let points = (0..=0x3_3fffu32).chain(0xe_0000..=0xe_01ff);
    let mut text = String::new();
    for c in points.filter_map(char::from_u32) {
        let mut x = [0; 4];
        let x = c.encode_utf8(&mut x);
        for context in SENTENCE_CONTEXTS {
            text.clear();
            text.push_str(&context.replace('X', x));
            assert_eq!(
                sentence_bounds(&text),
                crate_sentences(&text),
                "sentences of {text:?} (U+{:04X})",
                c as u32
            );
        }
        for context in WORD_CONTEXTS {
            text.clear();
            text.push_str(&context.replace('X', x));
            assert_eq!(
                segments(&text),
                text.split_word_bound_indices().collect::<Vec<_>>(),
                "word segments of {text:?} (U+{:04X})",
                c as u32
            );
        }
        checked += 1;
    }
    assert!(checked > 200_000, "{checked} code points");
}

/// A mixed alphabet: ASCII letters, digits and punctuation, Latin-1 and Latin Extended (both
/// cases), Greek, Cyrillic, Georgian, CJK, Hiragana, Katakana, Arabic, Hebrew, Devanagari,
/// Thai, combining marks, ZWJ and other format chars, emoji and their modifiers, regional
/// indicators, and every sentence and word class's marks.
const ALPHABET: &[char] = &[
    'a',
    'Z',
    'x',
    'Q',
    '0',
    '7',
    ' ',
    ' ',
    '.',
    '.',
    ',',
    ':',
    ';',
    '\'',
    '"',
    '!',
    '?',
    '-',
    '_',
    '(',
    ')',
    '\n',
    '\r',
    '\t',
    'é',
    'É',
    'ß',
    'ø',
    'ł',
    'Ł',
    'ǅ',
    'ğ',
    'Σ',
    'ς',
    'λ',
    'Ж',
    'ж',
    'ა',
    'Ა',
    '中',
    '国',
    '。',
    '，',
    'の',
    'ア',
    'ー',
    'ｱ',
    'ع',
    'ب',
    '٣',
    '؟',
    '،',
    'א',
    'ש',
    '״',
    'ह',
    'ि',
    '।',
    'ก',
    '\u{301}',
    '\u{308}',
    '\u{200d}',
    '\u{200c}',
    '\u{200b}',
    '\u{ad}',
    '\u{feff}',
    '\u{2029}',
    '\u{85}',
    '\u{a0}',
    '\u{3000}',
    '😀',
    '👍',
    '\u{1f3fd}',
    '\u{1f1eb}',
    '\u{1f1f7}',
    '©',
    '“',
    '”',
    '‘',
    '’',
    '«',
    '»',
    '—',
    '–',
    '…',
    '·',
    '½',
    '²',
    '\u{2024}',
    '\u{fe52}',
    '\u{ff0e}',
    '\u{ff01}',
    '\u{fe10}',
    '\u{2044}',
    '\u{203f}',
    '\u{2028}',
    '\u{b}',
];

#[test]
fn mixed_strings_segment_as_the_crate_has_them() {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut text = String::new();
    for round in 0..60_000 {
        text.clear();
        let len = 1 + (next() % 24) as usize;
        for _ in 0..len {
            // Mostly letters and spaces (as text is), with every other class often enough.
            let r = next();
            let c = if round % 2 == 0 && r % 3 == 0 {
                [' ', 'a', 'e', 'é', 'Ж', 'T'][(r / 3 % 6) as usize]
            } else {
                ALPHABET[(r / 3 % ALPHABET.len() as u64) as usize]
            };
            text.push(c);
        }
        check(&text);
    }
}

#[test]
fn hard_cases_segment_as_the_crate_has_them() {
    for text in [
        "Он ушёл. Она — нет! 他走了。她没有？ Done",
        "Zürich etc. ist schön.",
        "Cafe\u{301}.Zed",
        "“Oui.” Non.",
        "a\u{2029}b",
        "Zürich’s 5,000 café-owners: Ελλάδα, Москва.",
        "東京でコンピューター",
        "שב\"כ said",
        "e\u{301}te\u{301}",
        "👨\u{200d}👩\u{200d}👧 family 🇫🇷🇩🇪 flags 👍🏽",
        "\u{301}start, \n\u{301}after a line",
        "",
    ] {
        check(text);
    }
}

#[test]
fn conll_and_the_seed_segment_as_the_crate_has_them() {
    let mut checked = 0;
    for rel in ["corpora/conll2003/eng.testa", "corpora/conll2003/eng.train"] {
        let Some(path) = lede_testdata::shared_path("conll_segments_as_the_crate", rel) else {
            return;
        };
        let text = std::fs::read_to_string(&path).expect("CoNLL reads");
        // Each sentence: its tokens (the first column) joined by spaces.
        let mut sentence: Vec<&str> = Vec::new();
        for line in text.lines().chain([""]) {
            if line.trim().is_empty() || line.starts_with("-DOCSTART-") {
                if !sentence.is_empty() {
                    check(&sentence.join(" "));
                    checked += 1;
                    sentence.clear();
                }
                continue;
            }
            sentence.push(line.split(' ').next().unwrap_or_default());
        }
    }
    assert!(checked > 15_000, "{checked} CoNLL sentences");
    let Some(seed) = lede_testdata::shared_path(
        "conll_segments_as_the_crate",
        "seeds/000_b349bb90d9221d2a.txt",
    ) else {
        return;
    };
    let text = std::fs::read_to_string(&seed).expect("the seed reads");
    for line in text.lines() {
        check(line);
    }
    check(&text);
}
