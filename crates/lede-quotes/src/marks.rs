//! Finds the quoted pieces of each paragraph from its quote marks: curly and straight double
//! quotes, with apostrophes (`China’s`, Reuters' `India"s`) never taken for marks, and quotes
//! that run on into the next paragraph linked instead of flagged.

use lede_corpus::Paragraphs;

/// How a character can act as a double quote mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Opens a quote (`“`, `„`, or a straight quote before a word).
    Open,
    /// Closes a quote (`”`, or a straight quote after a word).
    Close,
    /// A straight quote that could do either: it toggles.
    Either,
}

/// One quoted piece of a paragraph, in byte offsets of that paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Index of the paragraph.
    pub paragraph: usize,
    /// Byte offset of the opening mark.
    pub open: usize,
    /// First byte of the quoted words (after the mark and any spaces).
    pub start: usize,
    /// One past the last quoted byte (before the closing mark or the paragraph end).
    pub end: usize,
    /// Byte offset just past the closing mark, or the paragraph length when unclosed.
    pub after: usize,
    /// True when the paragraph ended with this piece still open.
    pub unclosed: bool,
    /// True when an unclosed piece is continued by the next paragraph's opening mark.
    pub continues: bool,
}

fn classify(prev: Option<char>, c: char, next: Option<char>) -> Option<Mark> {
    match c {
        // A left mark typed where a closing one belongs (`here,“ said Jim`), and a right mark
        // typed where an opening one belongs (` ”Yes`), act as their side says.
        '“' if closes_side(prev, next) => Some(Mark::Close),
        '”' if opens_side(prev, next) => Some(Mark::Open),
        '“' | '„' | '«' => Some(Mark::Open),
        '”' | '»' => Some(Mark::Close),
        '"' => {
            let prev_word = prev.is_some_and(char::is_alphanumeric);
            let next_word = next.is_some_and(char::is_alphanumeric);
            if prev_word && next_word {
                // Reuters writes `India"s`: an apostrophe, not a mark.
                return None;
            }
            let prev_open = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:".contains(p));
            let next_close = next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]}—–-".contains(n));
            Some(match (prev_open, next_close) {
                (true, false) => Mark::Open,
                (false, true) => Mark::Close,
                _ => Mark::Either,
            })
        }
        _ => None,
    }
}

/// True when a mark stands where only a closing one can: right after a word or a sentence's
/// punctuation, before a space, punctuation or the end.
fn closes_side(prev: Option<char>, next: Option<char>) -> bool {
    let after_word = prev.is_some_and(|p| p.is_alphanumeric() || ",.!?".contains(p));
    after_word && next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]}—–".contains(n))
}

/// True when a mark stands where only an opening one can: after a space or the start, right
/// before a word.
fn opens_side(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_none_or(char::is_whitespace) && next.is_some_and(char::is_alphanumeric)
}

/// Finds the quoted pieces of one paragraph.
fn paragraph_pieces(paragraph: usize, text: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (mark offset, content start)
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(k + 1).map(|x| x.1);
        let Some(mark) = classify(prev, c, next) else {
            continue;
        };
        let after = i + c.len_utf8();
        let opens = match mark {
            Mark::Open => true,
            Mark::Close => false,
            Mark::Either => open.is_none(),
        };
        match (opens, open) {
            (true, Some((o, s))) => {
                // A new opening mark while one is open: the earlier quote was never closed.
                let end = trim_end(text, s, i);
                if end > s {
                    pieces.push(Piece {
                        paragraph,
                        open: o,
                        start: s,
                        end,
                        after: i,
                        unclosed: true,
                        continues: false,
                    });
                }
                open = Some((i, skip_space(text, after)));
            }
            (true, None) => open = Some((i, skip_space(text, after))),
            (false, Some((o, s))) => {
                let end = trim_end(text, s, i);
                if end > s {
                    pieces.push(Piece {
                        paragraph,
                        open: o,
                        start: s,
                        end,
                        after,
                        unclosed: false,
                        continues: false,
                    });
                }
                open = None;
            }
            (false, None) => {} // a stray closing mark
        }
    }
    if let Some((o, s)) = open {
        let end = trim_end(text, s, text.len());
        if end > s {
            pieces.push(Piece {
                paragraph,
                open: o,
                start: s,
                end,
                after: text.len(),
                unclosed: true,
                continues: false,
            });
        }
    }
    pieces
}

fn skip_space(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[i..].chars().next() {
        if !c.is_whitespace() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

/// Finds the quoted pieces of every paragraph, in reading order, and marks the unclosed ones
/// that the next paragraph continues (it opens with a quote mark).
pub fn find_pieces(paragraphs: &Paragraphs) -> Vec<Piece> {
    let mut all: Vec<Piece> = Vec::new();
    let mut per_paragraph: Vec<Vec<Piece>> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| paragraph_pieces(i, p))
        .collect();
    for i in 0..per_paragraph.len() {
        let next_opens = paragraphs.get(i + 1).is_some_and(|n| {
            per_paragraph
                .get(i + 1)
                .and_then(|ps| ps.first())
                .is_some_and(|first| n[..first.open].trim().is_empty())
        });
        if let Some(last) = per_paragraph[i].last_mut() {
            if last.unclosed && last.after == paragraphs[i].len() && next_opens {
                last.continues = true;
            }
        }
        all.append(&mut per_paragraph[i]);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(paragraphs: &[&str]) -> Vec<String> {
        find_pieces(&paragraphs.iter().collect())
            .iter()
            .map(|p| paragraphs[p.paragraph][p.start..p.end].to_string())
            .collect()
    }

    #[test]
    fn curly_and_straight_quotes() {
        assert_eq!(
            texts(&["“Curly,” he said, and \"straight\" too."]),
            ["Curly,", "straight"]
        );
    }

    #[test]
    fn a_mark_of_the_wrong_side_acts_as_its_place_says() {
        assert_eq!(
            texts(&["“It's unusual,“ said Larry Noble. “It's hard.”"]),
            ["It's unusual,", "It's hard."]
        );
        assert_eq!(texts(&["He said ”Yes.” and left."]), ["Yes."]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            texts(&["China’s view, the ’90s and the 1980s’ boom: “don’t go,” she said."]),
            ["don’t go,"]
        );
        assert_eq!(
            texts(&["India\"s exports rose, \"strongly\" he said."]),
            ["strongly"]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        assert_eq!(
            texts(&["“They called it ‘the plan’ last year,” she said."]),
            ["They called it ‘the plan’ last year,"]
        );
    }

    #[test]
    fn a_quote_running_into_the_next_paragraph_is_continued_not_flagged() {
        let paragraphs = [
            "He said that “first part.",
            "“Second part,” he said.",
            "Done.",
        ];
        let pieces = find_pieces(&Paragraphs::from(paragraphs));
        assert_eq!(pieces.len(), 2);
        assert!(pieces[0].unclosed && pieces[0].continues);
        assert!(!pieces[1].unclosed);
    }

    #[test]
    fn an_unclosed_quote_not_continued_stops_at_its_paragraph_end() {
        let paragraphs = ["He said “never closed.", "Plain text “closed” here."];
        let pieces = find_pieces(&Paragraphs::from(paragraphs));
        assert_eq!(pieces.len(), 2);
        assert!(pieces[0].unclosed && !pieces[0].continues);
        assert_eq!(
            &paragraphs[0][pieces[0].start..pieces[0].end],
            "never closed."
        );
        assert_eq!(pieces[1].paragraph, 1);
    }
}
