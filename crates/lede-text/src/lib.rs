//! Text normalisation shared by Lede's parsers, extractors and search: whitespace, case,
//! diacritic and apostrophe folding, conversions between char and byte offsets, paragraph and
//! sentence splitting ([`split`]), Unicode word and sentence boundaries ([`uax29`]) and the shared
//! word lists ([`word_lists`]).

mod ascii_words;
pub mod decimal;
pub mod display;
mod fold_table;
pub mod order;
pub mod split;
pub mod uax29;
pub mod word_lists;

pub use split::{paragraphs, paragraphs_with_offsets};

/// Trims `s` and collapses every run of Unicode whitespace inside it into one ASCII space.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Returns the ASCII letters a Latin letter with diacritics folds to (`ü` -> `u`, `ß` -> `ss`),
/// or `None` when `c` has no folding.
pub fn fold_diacritic(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'à'..='å' | 'ā' | 'ă' | 'ą' | 'ª' => "a",
        'Æ' => "AE",
        'æ' => "ae",
        'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => "C",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'Ð' | 'Ď' | 'Đ' => "D",
        'ð' | 'ď' | 'đ' => "d",
        'È'..='Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => "E",
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => "G",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'Ĥ' | 'Ħ' => "H",
        'ĥ' | 'ħ' => "h",
        'Ì'..='Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => "I",
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'Ĵ' => "J",
        'ĵ' => "j",
        'Ķ' => "K",
        'ķ' => "k",
        'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => "L",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'Ñ' | 'Ń' | 'Ņ' | 'Ň' => "N",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'Ò'..='Ö' | 'Ø' | 'Ō' | 'Ŏ' | 'Ő' => "O",
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'º' => "o",
        'Œ' => "OE",
        'œ' => "oe",
        'Ŕ' | 'Ŗ' | 'Ř' => "R",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'Ś' | 'Ŝ' | 'Ş' | 'Š' | 'Ș' => "S",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'Ţ' | 'Ť' | 'Ŧ' | 'Ț' => "T",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'Þ' => "TH",
        'þ' => "th",
        'Ù'..='Ü' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "U",
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'Ŵ' => "W",
        'ŵ' => "w",
        'Ý' | 'Ŷ' | 'Ÿ' => "Y",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'Ź' | 'Ż' | 'Ž' => "Z",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Pushes the lowercase letters or digits `c` folds to by its Unicode compatibility
/// decomposition without the marks (`ễ` -> `e`, `ǎ` -> `a`, `ά` -> `α`, fullwidth `Ｆ` -> `f`,
/// `ﬁ` -> `fi`, `²` -> `2`) and returns true; returns false, pushing nothing, when `c` has no
/// such folding. Covers the Latin, Greek and Cyrillic blocks, fullwidth forms, ligatures,
/// superscripts, number forms and enclosed alphanumerics (the table `fold_table.rs`, made by
/// `scripts/gen-fold-table.py`); other scripts keep their letters as they are.
pub fn fold_compatible_into(c: char, out: &mut String) -> bool {
    match fold_table::FOLDS.binary_search_by_key(&c, |&(k, _)| k) {
        Ok(i) => {
            out.push_str(fold_table::FOLDS[i].1);
            true
        }
        Err(_) => false,
    }
}

/// True for the characters that print as an apostrophe or a single quote mark.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´')
}

/// Folds `s` for matching: lowercase, diacritics removed, every apostrophe variant as `'`,
/// curly double quotes as `"`. The result is what search and deduplication compare.
pub fn fold_for_match(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if let Some(folded) = fold_diacritic(c) {
            out.extend(folded.chars().map(|f| f.to_ascii_lowercase()));
        } else if is_apostrophe(c) {
            out.push('\'');
        } else if matches!(c, '“' | '”' | '„' | '«' | '»') {
            out.push('"');
        } else if !fold_compatible_into(c, &mut out) {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Turns an all-caps place or name into title case word by word (`PORT ASHER` -> `Port Asher`,
/// `O'HARE` -> `O'Hare`, `ST. JOHN'S` -> `St. John's`); words with lowercase letters already are
/// kept as written. After an apostrophe a letter starts a new word only when one letter comes
/// before it (`O'`, `D'`, `N'`); otherwise it continues the word (`JOHN'S`, `ROCK'N`).
pub fn title_case(s: &str) -> String {
    if s.chars().any(char::is_lowercase) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    // Letters and digits since the word began, and whether the last char was an apostrophe.
    let mut run = 0usize;
    let mut after_apostrophe = false;
    for c in s.chars() {
        if c.is_alphabetic() {
            let starts_word = run == 0 || (after_apostrophe && run == 1);
            if starts_word {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
            run = if after_apostrophe && starts_word {
                1
            } else {
                run + 1
            };
            after_apostrophe = false;
            continue;
        }
        out.push(c);
        if matches!(c, '\'' | '’') && run > 0 {
            after_apostrophe = true;
        } else if c.is_alphanumeric() {
            run += 1;
            after_apostrophe = false;
        } else {
            run = 0;
            after_apostrophe = false;
        }
    }
    out
}

/// Byte offset in `s` of the char at index `char_idx` (`s.len()` when it is one past the end);
/// `None` when `char_idx` is beyond that.
pub fn char_to_byte(s: &str, char_idx: usize) -> Option<usize> {
    if char_idx == 0 {
        return Some(0);
    }
    match s.char_indices().nth(char_idx) {
        Some((b, _)) => Some(b),
        None if s.chars().count() == char_idx => Some(s.len()),
        None => None,
    }
}

/// Number of chars (Unicode scalar values) in `s[..byte_idx]`; `byte_idx` must be a char boundary.
pub fn byte_to_char(s: &str, byte_idx: usize) -> usize {
    s[..byte_idx].chars().count()
}

/// True for combining diacritical marks, which word folding drops (`Zu\u{308}rich` -> `zurich`).
pub fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Folds one word (as Unicode word segmentation yields it) into the term that search indexes
/// and queries compare, written into `out`: lowercase, diacritics removed, a possessive `’s` or
/// `'s` dropped (`China’s` -> `china`), other apostrophes removed (`don't` -> `dont`), dots
/// between letters removed (`U.S` -> `us`); digits and dots or commas between digits are kept
/// (`5.93`, `155,221`). `out` is empty when nothing is left.
pub fn fold_word_into(word: &str, out: &mut String) {
    out.clear();
    let mut special = false;
    if word.is_ascii() {
        // The loop below, for ASCII: lowercase, noting apostrophes, dots and backticks.
        out.push_str(word);
        out.make_ascii_lowercase();
        special = word.bytes().any(|b| matches!(b, b'\'' | b'.' | b'`'));
    } else {
        for c in word.chars() {
            if c.is_ascii() {
                if c == '\'' || c == '.' || c == '`' {
                    special = true;
                }
                out.push(c.to_ascii_lowercase());
            } else if let Some(folded) = fold_diacritic(c) {
                out.extend(folded.chars().map(|f| f.to_ascii_lowercase()));
            } else if is_apostrophe(c) {
                special = true;
                out.push('\'');
            } else if is_combining_mark(c) {
                continue;
            } else if c == 'ς' {
                out.push('σ');
            } else if !fold_compatible_into(c, out) {
                out.extend(c.to_lowercase());
            }
        }
    }
    if !special {
        return;
    }
    if out.len() > 2 && out.ends_with("'s") {
        out.truncate(out.len() - 2);
    }
    let chars: Vec<char> = out.chars().collect();
    out.clear();
    for (i, &c) in chars.iter().enumerate() {
        let between_letters = || {
            i > 0
                && chars[i - 1].is_alphabetic()
                && chars.get(i + 1).is_some_and(|n| n.is_alphabetic())
        };
        match c {
            '\'' | '`' => {}
            '.' if between_letters() => {}
            _ => out.push(c),
        }
    }
}

/// [`fold_word_into`] returning a new string.
pub fn fold_word(word: &str) -> String {
    let mut out = String::new();
    fold_word_into(word, &mut out);
    out
}

/// One word of a text as search sees it: the folded term and where the word stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The folded term ([`fold_word_into`]).
    pub term: String,
    /// First char of the word in the text (chars, not bytes).
    pub start: usize,
    /// One past the last char of the word.
    pub end: usize,
}

/// Calls `f(term, start, end)` for every word of `text` in order: Unicode (UAX #29) word
/// segmentation, each word folded by [`fold_word_into`], `start..end` in chars of `text`. Words
/// that fold to nothing are skipped. The same function tokenizes documents and queries.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str, usize, usize)) {
    for_each_word_and_part(text, |term, start, end, part| {
        if !part {
            f(term, start, end)
        }
    });
}

/// [`for_each_word`], and after each word that folding joined across an apostrophe or a dot
/// between letters (`PDI.TO` -> `pdito`, `INT'L` -> `intl`) its parts of two chars or more
/// (`pdi`, `to`; `int`) with `part` true and their own char ranges, so that search finds the
/// word by either part. A possessive `’s` is not a part.
pub fn for_each_word_and_part(text: &str, mut f: impl FnMut(&str, usize, usize, bool)) {
    let ascii = text.is_ascii();
    let mut buf = String::new();
    let mut char_pos = 0;
    let mut byte_pos = 0;
    let mut emit = |w: &str, at: usize, n: usize, buf: &mut String| {
        fold_word_into(w, buf);
        if buf.is_empty() {
            return;
        }
        f(buf, at, at + n, false);
        let joined = if ascii {
            w.bytes().any(|b| matches!(b, b'.' | b'\'' | b'`'))
        } else {
            w.contains(['.', '\'', '’', '‘', 'ʼ', '`', '´'])
        };
        if joined {
            let whole = buf.clone();
            emit_parts(w, at, &whole, buf, &mut f);
        }
    };
    let word = |b: usize, w: &str| {
        let (gap, len) = if ascii {
            (b - byte_pos, w.len())
        } else {
            (text[byte_pos..b].chars().count(), w.chars().count())
        };
        char_pos += gap;
        if w.contains(':') {
            // UAX #29 joins letters across a colon (`title:vote`); search wants two words.
            let mut at = char_pos;
            for part in w.split(':') {
                let n = part.chars().count();
                emit(part, at, n, &mut buf);
                at += n + 1;
            }
        } else {
            emit(w, char_pos, len, &mut buf);
        }
        char_pos += len;
        byte_pos = b + w.len();
    };
    if ascii {
        ascii_words::for_each_ascii_word(text, word);
    } else {
        uax29::for_each_word(text, word);
    }
}

/// The parts of `word` (starting at char `at`) split at apostrophes and dots that stand between
/// letters, each folded; parts of one char, the possessive `s` and parts equal to the whole
/// term or to an earlier part are left out.
fn emit_parts(
    word: &str,
    at: usize,
    whole: &str,
    buf: &mut String,
    f: &mut impl FnMut(&str, usize, usize, bool),
) {
    let chars: Vec<char> = word.chars().collect();
    let joint = |i: usize| {
        (chars[i] == '.' || is_apostrophe(chars[i]))
            && i > 0
            && chars[i - 1].is_alphabetic()
            && chars.get(i + 1).is_some_and(|c| c.is_alphabetic())
    };
    let mut cuts: Vec<usize> = (0..chars.len()).filter(|&i| joint(i)).collect();
    if cuts.is_empty() {
        return;
    }
    let last = *cuts.last().unwrap_or(&0);
    let mut stop = chars.len();
    if is_apostrophe(chars[last]) && chars.len() == last + 2 && matches!(chars[last + 1], 's' | 'S')
    {
        cuts.pop();
        stop = last;
        if cuts.is_empty() {
            return;
        }
    }
    let mut seen: Vec<String> = Vec::new();
    let mut from = 0;
    for end in cuts.iter().copied().chain([stop]) {
        if end - from >= 2 {
            let piece: String = chars[from..end].iter().collect();
            fold_word_into(&piece, buf);
            if buf.chars().count() >= 2 && buf != whole && !seen.iter().any(|s| s == buf) {
                f(buf, at + from, at + end, true);
                seen.push(buf.clone());
            }
        }
        from = end + 1;
    }
}

/// Every word of `text` as [`for_each_word`] finds it.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    for_each_word(text, |term, start, end| {
        out.push(Word {
            term: term.to_string(),
            start,
            end,
        })
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(s: &str) -> Vec<String> {
        words(s).into_iter().map(|w| w.term).collect()
    }

    #[test]
    fn words_fold_diacritics_case_and_possessives() {
        assert_eq!(terms("Zürich"), ["zurich"]);
        assert_eq!(terms("Zu\u{308}rich"), ["zurich"]);
        assert_eq!(terms("China’s FM"), ["china", "fm"]);
        assert_eq!(terms("China's"), ["china"]);
        assert_eq!(terms("don’t O'Hare"), ["dont", "ohare"]);
        assert_eq!(terms("ŒUVRE Straße"), ["oeuvre", "strasse"]);
        assert_eq!(terms("the U.S. Treasury"), ["the", "us", "treasury"]);
        assert_eq!(terms("ΣΟΦΟΣ σοφος"), ["σοφοσ", "σοφοσ"]);
        assert_eq!(terms("title:Zürich 10:30"), ["title", "zurich", "10", "30"]);
    }

    #[test]
    fn words_joined_across_dots_and_apostrophes_also_give_their_parts() {
        let mut got = Vec::new();
        for_each_word_and_part(
            "PDI.TO INT'L China’s O’Neill’s U.S. 5.93",
            |t, s, e, p| got.push((t.to_string(), s, e, p)),
        );
        let got: Vec<(&str, usize, usize, bool)> = got
            .iter()
            .map(|(t, s, e, p)| (t.as_str(), *s, *e, *p))
            .collect();
        assert_eq!(
            got,
            [
                ("pdito", 0, 6, false),
                ("pdi", 0, 3, true),
                ("to", 4, 6, true),
                ("intl", 7, 12, false),
                ("int", 7, 10, true),
                ("china", 13, 20, false),
                ("oneill", 21, 30, false),
                ("neill", 23, 28, true),
                ("us", 31, 34, false),
                ("5.93", 36, 40, false),
            ]
        );
        assert_eq!(terms("PDI.TO INT'L"), ["pdito", "intl"]);
    }

    #[test]
    fn words_keep_numbers_whole() {
        assert_eq!(
            terms("155,221 bags, 5.93 mln in 1987 and the ’90s; 2050s"),
            ["155,221", "bags", "5.93", "mln", "in", "1987", "and", "the", "90s", "2050s"]
        );
    }

    #[test]
    fn words_split_hyphens_and_report_char_offsets() {
        let ws = words("“Mbeki-Varga,” said Émile.");
        let got: Vec<(&str, usize, usize)> = ws
            .iter()
            .map(|w| (w.term.as_str(), w.start, w.end))
            .collect();
        assert_eq!(
            got,
            [
                ("mbeki", 1, 6),
                ("varga", 7, 12),
                ("said", 15, 19),
                ("emile", 20, 25)
            ]
        );
        let s = "“Mbeki-Varga,” said Émile.";
        let chars: Vec<char> = s.chars().collect();
        assert_eq!(chars[20..25].iter().collect::<String>(), "Émile");
    }

    #[test]
    fn collapses_runs_of_whitespace_and_trims() {
        assert_eq!(
            collapse_whitespace(
                " China’s FM Discusses  Beijing’s Ongoing  Support\u{a0}with Atmar "
            ),
            "China’s FM Discusses Beijing’s Ongoing Support with Atmar"
        );
        assert_eq!(collapse_whitespace("   "), "");
    }

    #[test]
    fn folds_case_diacritics_and_apostrophes() {
        assert_eq!(fold_for_match("Zürich"), "zurich");
        assert_eq!(fold_for_match("China’s"), "china's");
        assert_eq!(fold_for_match("Straße ÉMILE"), "strasse emile");
        assert_eq!(fold_for_match("“Quoted”"), "\"quoted\"");
        assert_eq!(fold_for_match("Δέλτα"), "δελτα");
    }

    #[test]
    fn folds_compatibility_forms_beyond_the_latin_table() {
        // Vietnamese, Pinyin tones, Greek tonos, fullwidth letters and ligatures.
        assert_eq!(fold_word("Nguyễn"), "nguyen");
        assert_eq!(fold_word("Lǚ"), "lu");
        assert_eq!(fold_word("Αθήνα"), "αθηνα");
        assert_eq!(fold_word("ＦＵＬＬ"), "full");
        assert_eq!(fold_word("ﬁnd"), "find");
        assert_eq!(fold_word("m²"), "m2");
        assert_eq!(fold_for_match("Đặng Thị"), "dang thi");
        // Letters whose decomposition is not a plain letter stay as they are.
        assert_eq!(fold_word("한국"), "한국");
        assert_eq!(fold_word("がっこう"), "がっこう");
        assert_eq!(fold_word("Москва"), "москва");
        let mut out = String::new();
        assert!(!fold_compatible_into('½', &mut out));
        assert!(!fold_compatible_into('x', &mut out));
        assert!(out.is_empty());
    }

    #[test]
    fn title_cases_all_caps_only() {
        assert_eq!(title_case("KABUL"), "Kabul");
        assert_eq!(title_case("PORT ASHER"), "Port Asher");
        assert_eq!(title_case("O'HARE-SMITH"), "O'Hare-Smith");
        assert_eq!(title_case("ST. JOHN'S"), "St. John's");
        assert_eq!(title_case("ST. JOHN’S"), "St. John’s");
        assert_eq!(title_case("N'DJAMENA"), "N'Djamena");
        assert_eq!(title_case("COTE D'IVOIRE"), "Cote D'Ivoire");
        assert_eq!(title_case("PORT-AU-PRINCE, HAITI"), "Port-Au-Prince, Haiti");
        assert_eq!(title_case("McAllen"), "McAllen");
    }

    #[test]
    fn converts_between_char_and_byte_offsets() {
        let s = "“Wang” said";
        assert_eq!(char_to_byte(s, 0), Some(0));
        assert_eq!(char_to_byte(s, 1), Some(3));
        assert_eq!(char_to_byte(s, 11), Some(s.len()));
        assert_eq!(char_to_byte(s, 12), None);
        assert_eq!(byte_to_char(s, 3), 1);
        assert_eq!(byte_to_char(s, s.len()), 11);
    }
}
