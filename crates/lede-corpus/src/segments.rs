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
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| spans[i]);
    let bytes: Vec<usize> = paragraph
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(paragraph.len()))
        .collect();
    let mut out = Vec::new();
    let mut at = 0; // in chars
    for i in order {
        let (start, end) = spans[i];
        if start < at || start >= end || end >= bytes.len() {
            continue;
        }
        if start > at {
            out.push(Segment {
                text: &paragraph[bytes[at]..bytes[start]],
                mark: None,
            });
        }
        out.push(Segment {
            text: &paragraph[bytes[start]..bytes[end]],
            mark: Some(i),
        });
        at = end;
    }
    if bytes[at] < paragraph.len() {
        out.push(Segment {
            text: &paragraph[bytes[at]..],
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
            text: String::new(),
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
    }
}
