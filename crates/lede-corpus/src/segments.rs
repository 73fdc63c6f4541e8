//! Cuts a paragraph into plain and highlighted segments from char-offset spans, and groups an
//! article's quote pieces into quotations, for views that render text nodes (never HTML).

use crate::model::Article;

/// A run of a paragraph's text, highlighted by the span at `mark` (an index into the spans
/// given) or plain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment<'a> {
    /// The text of the run.
    pub text: &'a str,
    /// Which span highlights it, if any.
    pub mark: Option<usize>,
}

/// Cuts `paragraph` at the char-offset `spans` (`[start, end)`); overlapping or out-of-range
/// spans are skipped, so every char appears exactly once.
pub fn segments<'a>(paragraph: &'a str, spans: &[(usize, usize)]) -> Vec<Segment<'a>> {
    segments_within(paragraph, (0, usize::MAX), spans)
}

/// Cuts the chars `window` (`[start, end)`, clamped to the text) of `text` at the char-offset
/// `spans`, which count from the start of `text`: a span is cut to the window (a mark that
/// crosses its edge keeps the part inside), one that falls outside it is dropped, and
/// overlapping, empty or out-of-range spans are skipped, so every char of the window appears
/// exactly once. Segment texts are slices of `text`.
pub fn segments_within<'a>(
    text: &'a str,
    window: (usize, usize),
    spans: &[(usize, usize)],
) -> Vec<Segment<'a>> {
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let len = bytes.len() - 1; // in chars
    let (from, to) = (window.0.min(len), window.1.min(len));
    let from = from.min(to);
    // By start, then end (char offsets within one paragraph, far below 2^32).
    let order = lede_text::order::order_by(spans.len(), |i| {
        ((spans[i].0 as u64) << 32) | (spans[i].1 as u64 & u64::from(u32::MAX))
    });
    let mut out = Vec::new();
    let mut at = from; // in chars
    for i in order {
        let (start, end) = spans[i];
        if start >= end || end > len {
            continue;
        }
        let (start, end) = (start.max(from), end.min(to));
        if start < at || start >= end {
            continue;
        }
        if start > at {
            out.push(Segment {
                text: &text[bytes[at]..bytes[start]],
                mark: None,
            });
        }
        out.push(Segment {
            text: &text[bytes[start]..bytes[end]],
            mark: Some(i),
        });
        at = end;
    }
    if at < to {
        out.push(Segment {
            text: &text[bytes[at]..bytes[to]],
            mark: None,
        });
    }
    out
}

impl Article {
    /// The quotation each quote piece belongs to (a number per chain of `next` links, in
    /// reading order of the chains' first pieces).
    pub fn quotation_of_pieces(&self) -> Vec<usize> {
        let mut of = vec![usize::MAX; self.quotes.len()];
        let mut count = 0;
        for i in 0..self.quotes.len() {
            if of[i] == usize::MAX {
                of[i] = count;
                count += 1;
            }
            if let Some(n) = self.quotes[i].next {
                if n < of.len() {
                    of[n] = of[i];
                }
            }
        }
        of
    }

    /// The article's quotations, each as the indices of its pieces in `quotes` (ascending),
    /// numbered as [`Article::quotation_of_pieces`] numbers them.
    pub fn quotations(&self) -> Vec<Vec<usize>> {
        let of = self.quotation_of_pieces();
        let mut groups: Vec<Vec<usize>> = vec![Vec::new(); of.iter().max().map_or(0, |m| m + 1)];
        for (piece, &quotation) in of.iter().enumerate() {
            groups[quotation].push(piece);
        }
        groups
    }

    /// The words of the quotation made of `pieces` (indices into `quotes`), joined with an
    /// ellipsis where the text between them was left out.
    pub fn quotation_text(&self, pieces: &[usize]) -> String {
        pieces
            .iter()
            .filter_map(|&p| self.quotes.get(p))
            .map(|q| q.text(&self.paragraphs))
            .collect::<Vec<_>>()
            .join(" … ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_at_char_offsets_and_keeps_every_char() {
        let p = "“Wäre es,” he said.";
        let segs = segments(p, &[(1, 9), (11, 13)]);
        let texts: Vec<(&str, Option<usize>)> = segs.iter().map(|s| (s.text, s.mark)).collect();
        assert_eq!(
            texts,
            [
                ("“", None),
                ("Wäre es,", Some(0)),
                ("” ", None),
                ("he", Some(1)),
                (" said.", None)
            ]
        );
        let joined: String = segs.iter().map(|s| s.text).collect();
        assert_eq!(joined, p);
    }

    #[test]
    fn bad_spans_are_skipped() {
        let segs = segments("abcdef", &[(2, 4), (3, 5), (4, 99), (5, 5)]);
        let joined: String = segs.iter().map(|s| s.text).collect();
        assert_eq!(joined, "abcdef");
        assert_eq!(segs.iter().filter(|s| s.mark.is_some()).count(), 1);
    }

    #[test]
    fn pieces_group_into_quotations_by_next_links() {
        let q = |next| crate::Quote {
            paragraph: 0,
            start: 0,
            end: 0,
            held_text: Some("".into()),
            speaker: None,
            cue: None,
            next,
            rule: None,
        };
        let article = Article {
            quotes: vec![q(Some(2)), q(None), q(None), q(None)],
            ..Article::default()
        };
        assert_eq!(article.quotation_of_pieces(), [0, 1, 0, 2]);
        assert_eq!(article.quotations(), [vec![0, 2], vec![1], vec![3]]);
    }

    #[test]
    fn quotation_text_joins_its_pieces() {
        let q = |text: &str, next| crate::Quote {
            paragraph: 0,
            start: 0,
            end: 0,
            held_text: Some(text.into()),
            speaker: None,
            cue: None,
            next,
            rule: None,
        };
        let article = Article {
            quotes: vec![q("We will", Some(1)), q("win.", None)],
            ..Article::default()
        };
        assert_eq!(article.quotation_text(&[0, 1]), "We will … win.");
        assert_eq!(article.quotation_text(&[7]), "");
    }

    #[test]
    fn a_window_clamps_marks_at_its_edges_and_drops_those_outside() {
        let text = "ab Zürich cd ef";
        // The window "Zürich cd" (chars 3..12); marks "ab" (outside), "ürich c", "d e" (crosses its end).
        let segs = segments_within(text, (3, 12), &[(0, 2), (4, 11), (11, 14)]);
        let texts: Vec<(&str, Option<usize>)> = segs.iter().map(|s| (s.text, s.mark)).collect();
        assert_eq!(texts, [("Z", None), ("ürich c", Some(1)), ("d", Some(2))]);
        // a window past the end is clamped; no spans: one plain piece
        let segs = segments_within(text, (10, 999), &[]);
        assert_eq!(
            segs,
            [Segment {
                text: "cd ef",
                mark: None
            }]
        );
        assert!(segments_within(text, (5, 2), &[(0, 3)]).is_empty());
    }
}
