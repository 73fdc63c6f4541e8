//! Writes crates/lede-text/src/uax29/table.rs to stdout: the UAX #29 sentence and word classes
//! that std's char predicates do not give, read from unicode-segmentation's generated tables
//! (`tables.rs`, compiled next to this file by scripts/gen-uax29-table.sh).
#![allow(dead_code)]
mod tables;
use tables::emoji::{emoji_category, EmojiCat};
use tables::sentence::{sentence_category, SentenceCat as S};
use tables::word::{word_category, WordCat as W};

/// Longest range one packed entry holds (`start << 11 | (len - 1)`).
const MAX_LEN: u32 = 1 << 11;

fn titlecase(c: char) -> bool {
    !c.is_uppercase() && !c.is_lowercase() && c.to_lowercase().next() != Some(c)
}

/// The sentence class std's predicates give (what `sentence_class` falls back to).
fn std_sentence(c: char) -> S {
    if c.is_whitespace() {
        S::SC_Sp
    } else if c.is_lowercase() {
        S::SC_Lower
    } else if c.is_uppercase() || titlecase(c) {
        S::SC_Upper
    } else if c.is_alphabetic() {
        S::SC_OLetter
    } else {
        S::SC_Any
    }
}

fn sentence_name(s: S) -> &'static str {
    match s {
        S::SC_ATerm => "ATerm",
        S::SC_Any => "Other",
        S::SC_CR => "Cr",
        S::SC_Close => "Close",
        S::SC_Extend => "Extend",
        S::SC_Format => "Format",
        S::SC_LF => "Lf",
        S::SC_Lower => "Lower",
        S::SC_Numeric => "Numeric",
        S::SC_OLetter => "OLetter",
        S::SC_SContinue => "SContinue",
        S::SC_STerm => "STerm",
        S::SC_Sep => "Sep",
        S::SC_Sp => "Sp",
        S::SC_Upper => "Upper",
    }
}

fn word_name(w: W) -> &'static str {
    match w {
        W::WC_ALetter => "ALetter",
        W::WC_Any => "Other",
        W::WC_CR => "Cr",
        W::WC_Double_Quote => "DoubleQuote",
        W::WC_Extend => "Extend",
        W::WC_ExtendNumLet => "ExtendNumLet",
        W::WC_Format => "Format",
        W::WC_Hebrew_Letter => "HebrewLetter",
        W::WC_Katakana => "Katakana",
        W::WC_LF => "Lf",
        W::WC_MidLetter => "MidLetter",
        W::WC_MidNum => "MidNum",
        W::WC_MidNumLet => "MidNumLet",
        W::WC_Newline => "Newline",
        W::WC_Numeric => "Numeric",
        W::WC_Regional_Indicator => "RegionalIndicator",
        W::WC_Single_Quote => "SingleQuote",
        W::WC_WSegSpace => "WSegSpace",
        W::WC_ZWJ => "Zwj",
    }
}

/// The (sentence, word) classes of `c` that differ from std's: `None` where std's agrees.
fn special(c: char) -> (Option<&'static str>, Option<&'static str>) {
    let s = sentence_category(c).2;
    let w = word_category(c).2;
    let std_w = if c.is_alphabetic() { W::WC_ALetter } else { W::WC_Any };
    (
        (s != std_sentence(c)).then(|| sentence_name(s)),
        // Alphabetic chars that are not ALetter (Han, Hiragana, Thai...) go to NOT_ALETTER.
        (w != std_w && !(c.is_alphabetic() && w == W::WC_Any)).then(|| word_name(w)),
    )
}

fn chars() -> impl Iterator<Item = char> {
    (0..=0x10FFFFu32).filter_map(char::from_u32)
}

/// Packs `[lo, hi]` into entries of at most MAX_LEN chars.
fn pack(lo: u32, hi: u32, out: &mut Vec<u32>) {
    let mut at = lo;
    while at <= hi {
        let len = (hi - at + 1).min(MAX_LEN);
        out.push(at << 11 | (len - 1));
        at += len;
    }
}

/// Ranges of the chars where `yes`, joined across gaps of chars where `free` (either answer
/// is right there).
fn ranges(yes: impl Fn(char) -> bool, free: impl Fn(char) -> bool) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    let mut gap_ok = false;
    for c in chars() {
        let u = c as u32;
        if yes(c) {
            match out.last_mut() {
                Some(last) if gap_ok || last.1 + 1 == u => last.1 = u,
                _ => out.push((u, u)),
            }
            gap_ok = true;
        } else if !free(c) {
            gap_ok = false;
        }
    }
    out
}

fn print_packed(name: &str, doc: &str, rs: &[(u32, u32)]) {
    let mut packed = Vec::new();
    for &(lo, hi) in rs {
        pack(lo, hi, &mut packed);
    }
    println!("/// {doc}");
    println!("pub(super) static {name}: [u32; {}] = [", packed.len());
    for p in packed {
        println!("    0x{p:08x},");
    }
    println!("];");
}

fn main() {
    // Runs of equal special classes.
    let mut runs: Vec<(u32, u32, (Option<&str>, Option<&str>))> = Vec::new();
    for c in chars() {
        let u = c as u32;
        let k = special(c);
        if k == (None, None) {
            continue;
        }
        match runs.last_mut() {
            Some(last) if last.1 + 1 == u && last.2 == k => last.1 = u,
            _ => runs.push((u, u, k)),
        }
    }
    let mut pairs: Vec<(Option<&str>, Option<&str>)> = Vec::new();
    let mut packed = Vec::new();
    let mut class = Vec::new();
    for &(lo, hi, k) in &runs {
        let i = pairs.iter().position(|&p| p == k).unwrap_or_else(|| {
            pairs.push(k);
            pairs.len() - 1
        });
        let before = packed.len();
        pack(lo, hi, &mut packed);
        class.extend(std::iter::repeat_n(i as u8, packed.len() - before));
    }
    println!(
        "//! Generated by scripts/gen-uax29-table.sh from unicode-segmentation's tables (Unicode {}.{}.{}): do not edit.",
        tables::UNICODE_VERSION.0,
        tables::UNICODE_VERSION.1,
        tables::UNICODE_VERSION.2
    );
    println!();
    println!("use super::{{SentenceClass as S, WordClass as W}};");
    println!();
    println!("/// Ranges of the chars whose sentence or word class is not the one std's predicates give,");
    println!("/// ascending: each `start << 11 | (len - 1)`; [`SPECIAL_CLASS`] holds their classes.");
    println!("pub(super) static SPECIAL: [u32; {}] = [", packed.len());
    for p in &packed {
        println!("    0x{p:08x},");
    }
    println!("];");
    println!();
    println!("/// Per [`SPECIAL`] entry: its index in [`CLASSES`].");
    println!("pub(super) static SPECIAL_CLASS: [u8; {}] = [", class.len());
    for chunk in class.chunks(20) {
        let s: Vec<String> = chunk.iter().map(|c| c.to_string()).collect();
        println!("    {},", s.join(", "));
    }
    println!("];");
    println!();
    println!("/// The (sentence, word) classes of the special ranges; `None` where std's predicates give it.");
    println!("pub(super) static CLASSES: [(Option<S>, Option<W>); {}] = [", pairs.len());
    for (s, w) in &pairs {
        let s = s.map_or("None".to_string(), |s| format!("Some(S::{s})"));
        let w = w.map_or("None".to_string(), |w| format!("Some(W::{w})"));
        println!("    ({s}, {w}),");
    }
    println!("];");
    println!();
    let not_aletter = ranges(
        |c| c.is_alphabetic() && word_category(c).2 == W::WC_Any,
        |c| !c.is_alphabetic() || special(c).1.is_some(),
    );
    print_packed(
        "NOT_ALETTER",
        "Alphabetic chars that are no word letter (ALetter) of UAX #29 (Han, Hiragana, the scripts\n/// written without spaces), joined across chars where it does not matter; packed as [`SPECIAL`].",
        &not_aletter,
    );
    println!();
    let pictographic = ranges(
        |c| emoji_category(c).2 == EmojiCat::EC_Extended_Pictographic,
        |_| false,
    );
    print_packed(
        "EXTENDED_PICTOGRAPHIC",
        "The Extended_Pictographic chars (emoji), packed as [`SPECIAL`].",
        &pictographic,
    );
}
