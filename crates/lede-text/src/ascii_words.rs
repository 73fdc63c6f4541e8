//! Unicode (UAX #29) word segmentation for ASCII text, without the general state machine: the
//! same words `unicode_word_indices` gives (the test compares them on every short string over
//! the characters the rules name), several times faster, for the index builder's hot loop.

/// Letters, digits and the underscore: any two of them side by side stay in one word (WB5,
/// WB8-WB10, WB13a-b).
fn joins(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether `mid` between `before` and `after` stays inside a word: a colon, dot or apostrophe
/// between letters (WB6-7: MidLetter, MidNumLet, Single_Quote), a comma, semicolon, dot or
/// apostrophe between digits (WB11-12: MidNum, MidNumLet, Single_Quote).
fn joins_across(before: u8, mid: u8, after: u8) -> bool {
    (before.is_ascii_alphabetic()
        && after.is_ascii_alphabetic()
        && matches!(mid, b':' | b'.' | b'\''))
        || (before.is_ascii_digit()
            && after.is_ascii_digit()
            && matches!(mid, b',' | b';' | b'.' | b'\''))
}

/// Calls `f(byte offset, word)` for every word of the ASCII `text` with a letter or digit in
/// it, in order: what `unicode_word_indices` yields.
pub(crate) fn for_each_ascii_word<'a>(text: &'a str, mut f: impl FnMut(usize, &'a str)) {
    let b = text.as_bytes();
    debug_assert!(text.is_ascii());
    let n = b.len();
    let mut i = 0;
    loop {
        while i < n && !joins(b[i]) {
            i += 1;
        }
        if i == n {
            return;
        }
        let start = i;
        let mut alphanumeric = false;
        loop {
            while i < n && joins(b[i]) {
                alphanumeric |= b[i] != b'_';
                i += 1;
            }
            if i + 1 < n && joins_across(b[i - 1], b[i], b[i + 1]) {
                i += 1;
            } else {
                break;
            }
        }
        if alphanumeric {
            f(start, &text[start..i]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn fast(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        for_each_ascii_word(text, |at, w| out.push((at, w)));
        out
    }

    #[test]
    fn gives_the_words_unicode_segmentation_gives_on_every_short_string() {
        // Every string of up to 5 of these (the classes the rules name, each once or twice),
        // then longer seeded ones.
        let alphabet = b"aZ09_:.',; \"-\n!";
        let mut checked = 0;
        let mut text = Vec::new();
        let mut check = |text: &[u8]| {
            let s = std::str::from_utf8(text).unwrap();
            let slow: Vec<(usize, &str)> = s.unicode_word_indices().collect();
            assert_eq!(fast(s), slow, "{s:?}");
            checked += 1;
        };
        for len in 0..=5u32 {
            for mut code in 0..alphabet.len().pow(len) {
                text.clear();
                for _ in 0..len {
                    text.push(alphabet[code % alphabet.len()]);
                    code /= alphabet.len();
                }
                check(&text);
            }
        }
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            text.clear();
            for _ in 0..24 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            check(&text);
        }
        assert!(checked > 800_000, "{checked}");
    }

    #[test]
    fn keeps_numbers_abbreviations_and_tickers_whole() {
        assert_eq!(
            fast("U.S. sales rose 5.93 pct to 155,221 at PDI.TO, can't"),
            [
                (0, "U.S"),
                (5, "sales"),
                (11, "rose"),
                (16, "5.93"),
                (21, "pct"),
                (25, "to"),
                (28, "155,221"),
                (36, "at"),
                (39, "PDI.TO"),
                (47, "can't")
            ]
        );
    }
}
