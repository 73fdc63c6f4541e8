//! A small tokenizer over a byte range of a paragraph: words (with internal apostrophes,
//! hyphens and dots, as in `don’t`, `counter-terrorism`, `U.S.`) and single punctuation marks.

/// One token: its byte range in the paragraph and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok<'a> {
    /// First byte in the paragraph.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The token's text.
    pub text: &'a str,
}

impl Tok<'_> {
    /// True for a word (starts with a letter or digit).
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }

    /// True for a word that starts with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The token lowercased, with curly apostrophes folded.
    pub fn lower(&self) -> String {
        self.text.to_lowercase().replace('’', "'")
    }
}

/// Tokenizes `text[from..to]`, keeping offsets relative to `text`; whitespace is dropped.
pub fn tokenize(text: &str, from: usize, to: usize) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let slice = &text[from..to];
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = k + 1;
            while j < chars.len() {
                let cj = chars[j].1;
                let joiner = matches!(cj, '\'' | '’' | '-' | '.' | '&')
                    && chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric());
                if cj.is_alphanumeric() || joiner {
                    j += if joiner { 2 } else { 1 };
                } else {
                    break;
                }
            }
            // `U.S.`: keep the final dot of an acronym with inner dots.
            let mut end_k = j;
            let word_end = chars.get(j).map_or(slice.len(), |x| x.0);
            if chars.get(j).is_some_and(|x| x.1 == '.') && slice[i..word_end].contains('.') {
                end_k = j + 1;
            }
            let end = chars.get(end_k).map_or(slice.len(), |x| x.0);
            toks.push(Tok {
                start: from + i,
                end: from + end,
                text: &text[from + i..from + end],
            });
            k = end_k;
        } else {
            let end = i + c.len_utf8();
            toks.push(Tok {
                start: from + i,
                end: from + end,
                text: &text[from + i..from + end],
            });
            k += 1;
        }
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_marks_and_offsets() {
        let text = "Wang’s U.S. counter-terrorism, he said.";
        let toks: Vec<&str> = tokenize(text, 0, text.len())
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            toks,
            [
                "Wang’s",
                "U.S.",
                "counter-terrorism",
                ",",
                "he",
                "said",
                "."
            ]
        );
        let at = text.find("U.S.").unwrap();
        let toks = tokenize(text, at, at + 4);
        assert_eq!(
            (toks[0].start, toks[0].end, toks[0].text),
            (at, at + 4, "U.S.")
        );
    }
}
