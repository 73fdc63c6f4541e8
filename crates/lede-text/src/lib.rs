//! Text normalisation shared by Lede's parsers, extractors and search: whitespace, case,
//! diacritic and apostrophe folding, and conversions between char and byte offsets.

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
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Turns an all-caps place or name into title case word by word (`PORT ASHER` -> `Port Asher`,
/// `O'HARE` -> `O'Hare`); words with lowercase letters already are kept as written.
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut at_word_start = true;
    let has_lower = s.chars().any(char::is_lowercase);
    for c in s.chars() {
        if has_lower {
            out.push(c);
        } else if c.is_alphabetic() {
            if at_word_start {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
            at_word_start = false;
            continue;
        } else {
            out.push(c);
        }
        at_word_start = !c.is_alphanumeric();
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(fold_for_match("Δέλτα"), "δέλτα");
    }

    #[test]
    fn title_cases_all_caps_only() {
        assert_eq!(title_case("KABUL"), "Kabul");
        assert_eq!(title_case("PORT ASHER"), "Port Asher");
        assert_eq!(title_case("O'HARE-SMITH"), "O'Hare-Smith");
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
