//! Splits a paragraph into tokens the way CoNLL-2003 is tokenized (possessive `'s` and `n't`
//! apart, punctuation apart, `U.S.` and `Kuala-Lumpur` whole), keeping char offsets, and the
//! tokens into sentences.

use std::ops::Range;

use lede_text::is_apostrophe;
use lede_text::split::{is_sentence_end_mark, keeps_dot};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Starts with a letter or digit.
    Word,
    /// Punctuation or a symbol.
    Punct,
    /// A Reuters ticker in angle brackets (`<TXN>`, `<VOD.L>`).
    Ticker,
}

/// One token with its place in the paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The text the tagger sees: as written, with curly quotes and apostrophes made straight
    /// and dashes made `-`.
    pub text: String,
    /// First char (Unicode scalar value) in the paragraph.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Word, punctuation or ticker.
    pub kind: TokenKind,
}

fn is_clitic(lower: &str) -> bool {
    matches!(lower, "s" | "re" | "ll" | "ve" | "d" | "m")
}

/// Tokenizes one paragraph. Offsets count chars, as the corpus format does.
pub fn tokenize(paragraph: &str) -> Vec<Token> {
    let chars: Vec<char> = paragraph.chars().collect();
    let n = chars.len();
    let mut out = Vec::new();
    let letters_from = |j: usize| -> usize {
        let mut k = j;
        while k < n && chars[k].is_alphabetic() {
            k += 1;
        }
        k
    };
    let mut i = 0;
    while i < n {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c == '<' {
            if let Some(end) = ticker_end(&chars, i) {
                out.push(make(&chars, i, end, TokenKind::Ticker));
                i = end;
                continue;
            }
        }
        if c.is_alphanumeric() {
            // `n't` after `do`, `is`, `can` …
            if matches!(c, 'n' | 'N')
                && chars.get(i + 1).is_some_and(|&a| is_apostrophe(a))
                && chars.get(i + 2).is_some_and(|&t| t == 't' || t == 'T')
                && !chars.get(i + 3).is_some_and(|x| x.is_alphanumeric())
            {
                out.push(make(&chars, i, i + 3, TokenKind::Word));
                i += 3;
                continue;
            }
            let mut j = i + 1;
            loop {
                if j < n && chars[j].is_alphanumeric() {
                    j += 1;
                    continue;
                }
                let next_alnum = chars.get(j + 1).is_some_and(|x| x.is_alphanumeric());
                if j < n && next_alnum {
                    let cj = chars[j];
                    let digits_around =
                        chars[j - 1].is_ascii_digit() && chars[j + 1].is_ascii_digit();
                    if matches!(cj, '-' | '.' | '&' | '/') || (cj == ',' && digits_around) {
                        j += 2;
                        continue;
                    }
                    if is_apostrophe(cj) {
                        let rest_end = letters_from(j + 1);
                        let rest: String = chars[j + 1..rest_end].iter().collect();
                        let rest = rest.to_lowercase();
                        let ends_word = !chars.get(rest_end).is_some_and(|x| x.is_alphanumeric());
                        if ends_word && is_clitic(&rest) {
                            break;
                        }
                        if ends_word
                            && rest == "t"
                            && matches!(chars[j - 1], 'n' | 'N')
                            && j - 1 > i
                        {
                            j -= 1;
                            break;
                        }
                        j += 2;
                        continue;
                    }
                }
                break;
            }
            let mut end = j;
            if j < n && chars[j] == '.' {
                let word: String = chars[i..j].iter().collect();
                if word.contains('.') || keeps_dot(&word) {
                    end = j + 1;
                }
            }
            out.push(make(&chars, i, end, TokenKind::Word));
            i = end;
            continue;
        }
        if is_apostrophe(c) && i > 0 && chars[i - 1].is_alphanumeric() {
            let rest_end = letters_from(i + 1);
            let rest: String = chars[i + 1..rest_end].iter().collect();
            if rest_end > i + 1 && is_clitic(&rest.to_lowercase()) {
                out.push(make(&chars, i, rest_end, TokenKind::Word));
                i = rest_end;
                continue;
            }
        }
        // Runs of the same mark: `--`, `...`.
        let mut j = i + 1;
        if matches!(c, '-' | '.') {
            while j < n && chars[j] == c {
                j += 1;
            }
        }
        out.push(make(&chars, i, j, TokenKind::Punct));
        i = j;
    }
    out
}

fn ticker_end(chars: &[char], i: usize) -> Option<usize> {
    let mut j = i + 1;
    if !chars.get(j).is_some_and(|c| c.is_ascii_uppercase()) {
        return None;
    }
    while j < chars.len() && j - i <= 14 {
        let c = chars[j];
        if c == '>' {
            return Some(j + 1);
        }
        if !(c.is_ascii_alphanumeric() || c == '.' || c == '-') {
            return None;
        }
        j += 1;
    }
    None
}

fn make(chars: &[char], start: usize, end: usize, kind: TokenKind) -> Token {
    let text: String = chars[start..end]
        .iter()
        .map(|&c| match c {
            '“' | '”' | '„' | '«' | '»' | '″' => '"',
            c if is_apostrophe(c) => '\'',
            '—' | '–' | '‒' | '−' => '-',
            c => c,
        })
        .collect();
    let text = if text == "…" {
        "...".to_string()
    } else {
        text
    };
    Token {
        text,
        start,
        end,
        kind,
    }
}

/// True for a token that opens a quotation or parenthesis.
fn is_opener(t: &Token, chars_before_space: bool) -> bool {
    matches!(t.text.as_str(), "(" | "[") || (t.text == "\"" && chars_before_space)
}

/// Splits tokens into sentences (ranges of token indices): after `.`, `!`, `?` or `...` (and any
/// closing quote or bracket right after it) when the next token starts a sentence. A dot that
/// [`keeps_dot`] gives to an abbreviation is part of its word token and ends nothing.
pub fn sentences(tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut k = 0;
    while k < tokens.len() {
        let t = &tokens[k];
        // An ellipsis ends a sentence here (CoNLL's sentences do), unlike in attribution.
        let ends = is_sentence_end_mark(&t.text)
            || t.text == "..."
            || (t.kind == TokenKind::Word
                && t.text.ends_with('.')
                && t.text.len() > 2
                && t.text[..t.text.len() - 1].contains('.')
                && k + 1 == tokens.len());
        if !ends {
            k += 1;
            continue;
        }
        let mut end = k + 1;
        while end < tokens.len()
            && matches!(tokens[end].text.as_str(), "\"" | "'" | ")" | "]")
            && tokens[end].start == tokens[end - 1].end
        {
            end += 1;
        }
        let starts_next = match tokens.get(end) {
            None => true,
            Some(next) => {
                let spaced = next.start > tokens[end - 1].end;
                let first = next.text.chars().next().unwrap_or(' ');
                spaced && (first.is_uppercase() || first.is_ascii_digit() || is_opener(next, true))
            }
        };
        if starts_next {
            out.push(start..end);
            start = end;
        }
        k = end;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn possessives_and_contractions_split_like_conll() {
        assert_eq!(
            texts("Norland’s port didn't close; the ministers' plan"),
            [
                "Norland",
                "'s",
                "port",
                "did",
                "n't",
                "close",
                ";",
                "the",
                "ministers",
                "'",
                "plan"
            ]
        );
        assert_eq!(texts("O'Malley rock-solid"), ["O'Malley", "rock-solid"]);
    }

    #[test]
    fn abbreviations_initials_numbers_and_tickers() {
        assert_eq!(
            texts("Mr. J. Doe of the U.S. paid $1,250.50 to Acme Inc. <ACME.N> today."),
            [
                "Mr.", "J.", "Doe", "of", "the", "U.S.", "paid", "$", "1,250.50", "to", "Acme",
                "Inc.", "<ACME.N>", "today", "."
            ]
        );
        assert_eq!(
            texts("Roe v. Wade, the GOP."),
            ["Roe", "v.", "Wade", ",", "the", "GOP", "."]
        );
        let t = tokenize("Buy <TXN> now");
        assert_eq!(t[1].kind, TokenKind::Ticker);
    }

    #[test]
    fn offsets_count_chars_and_quotes_are_straightened() {
        let p = "Ünïcödé “Quoted” — Zoë";
        let t = tokenize(p);
        let chars: Vec<char> = p.chars().collect();
        for tok in &t {
            let s: String = chars[tok.start..tok.end].iter().collect();
            assert_eq!(s.chars().count(), tok.end - tok.start);
        }
        assert_eq!(t[1].text, "\"");
        assert_eq!(t[4].text, "-");
        let last = t.last().unwrap();
        assert_eq!((last.start, last.end, last.text.as_str()), (19, 22, "Zoë"));
    }

    #[test]
    fn sentences_end_after_marks_and_closing_quotes() {
        let t =
            tokenize("“We will stay.” Vostrikova said. Mr. Ansel Brio left the U.S. on Monday.");
        let s = sentences(&t);
        let first: Vec<&str> = t[s[0].clone()].iter().map(|x| x.text.as_str()).collect();
        assert_eq!(first, ["\"", "We", "will", "stay", ".", "\""]);
        assert_eq!(s.len(), 3);
        assert_eq!(t[s[2].start].text, "Mr.");
    }
}
