//! Splitting text into paragraphs, and the pieces every sentence splitter shares: which marks
//! end a sentence and which dots do not.
//!
//! There are three sentence splitters, on purpose: the entity tokenizer's (`lede-entities`
//! `tokenize::sentences`, over CoNLL-style tokens, an ellipsis ending a sentence too) and the
//! quote attribution's (`lede-quotes`, over its own tokens, looking back from a quote mark)
//! both use [`is_sentence_end_mark`] and [`keeps_dot`]; search snippets (`lede-search`
//! `snippet::sentences`) follow Unicode's sentence boundaries (UAX #29), which know no
//! abbreviations, so that a passage is cut where the browser's segmenter would cut it.

use crate::word_lists::ABBREVIATIONS;

/// The paragraphs of a plain text: one per line that is not blank, trimmed. A line ends at
/// `\n` or `\r\n`.
pub fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// [`paragraphs`], each with the char offset in `text` where it begins (after the line's
/// leading whitespace).
pub fn paragraphs_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let start = at;
        at += line.chars().count();
        let content = line.strip_suffix('\n').unwrap_or(line);
        let trimmed = content.trim();
        if trimmed.is_empty() {
            return None;
        }
        let lead = content.len() - content.trim_start().len();
        Some((start + content[..lead].chars().count(), trimmed))
    })
}

/// True for a token that ends a sentence by itself: `.`, `!` or `?` (a `.` only when
/// [`keeps_dot`] does not claim it for the word before).
pub fn is_sentence_end_mark(token: &str) -> bool {
    matches!(token, "." | "!" | "?")
}

/// True when a dot right after `word` belongs to it and ends no sentence: `word` is a listed
/// abbreviation ([`ABBREVIATIONS`], compared lowercased: `Mr`, `Sen`, `Inc`) or a single
/// capital letter (an initial: `J. Doe`).
pub fn keeps_dot(word: &str) -> bool {
    let mut chars = word.chars();
    let initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    // Each char lowercased as `str::to_lowercase` would, but for a final sigma, which no listed
    // (ASCII) abbreviation holds; without linking `str::to_lowercase` into the app.
    let lower: String = word.chars().flat_map(char::to_lowercase).collect();
    initial || ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_the_non_blank_lines_trimmed() {
        let text = "Title\r\n\n  First one. \n\t\nSecond\u{a0}\n";
        let got: Vec<&str> = paragraphs(text).collect();
        assert_eq!(got, ["Title", "First one.", "Second"]);
        assert_eq!(paragraphs(" \n\n").count(), 0);
    }

    #[test]
    fn paragraph_offsets_count_chars_of_the_whole_text() {
        let text = "“Ünï” said\n\n  Zoë left.\r\nend";
        let got: Vec<(usize, &str)> = paragraphs_with_offsets(text).collect();
        assert_eq!(got, [(0, "“Ünï” said"), (14, "Zoë left."), (25, "end")]);
        let chars: Vec<char> = text.chars().collect();
        for (at, p) in got {
            let n = p.chars().count();
            assert_eq!(chars[at..at + n].iter().collect::<String>(), p);
        }
        let plain: Vec<&str> = paragraphs(text).collect();
        let with: Vec<&str> = paragraphs_with_offsets(text).map(|(_, p)| p).collect();
        assert_eq!(plain, with);
    }

    #[test]
    fn abbreviations_and_initials_keep_their_dot() {
        assert!(keeps_dot("Mr"));
        assert!(keeps_dot("SEN"));
        assert!(keeps_dot("J"));
        assert!(keeps_dot("v"));
        assert!(!keeps_dot("j"));
        assert!(!keeps_dot("said"));
        assert!(!keeps_dot("GOP"));
        assert!(!keeps_dot(")"));
        assert!(is_sentence_end_mark("?"));
        assert!(!is_sentence_end_mark("…"));
        assert!(!is_sentence_end_mark(","));
    }
}
