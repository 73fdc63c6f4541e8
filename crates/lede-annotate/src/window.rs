//! Annotation of very long articles in windows, so that its time grows linearly with the text:
//! the extractors do work that grows faster than the text of one paragraph and one article
//! (char offsets counted from a paragraph's start, every new mention checked against those
//! found), harmless at article size and hours at 50 MB. A paragraph over [`PIECE_CHARS`] is cut
//! into pieces at sentence ends outside quotations, the pieces are grouped into windows of
//! about [`WINDOW_CHARS`], each window is annotated as an article of its own, and the spans are
//! mapped back into the article's paragraphs. An article under both limits (every article of
//! the shared corpora) is annotated whole, exactly as before.

use lede_corpus::{ArticleEntity, Paragraphs, Quote, Span};
use lede_entities::Tagger;

/// A paragraph longer than this (in chars) is cut into pieces.
pub const PIECE_CHARS: usize = 20_000;
/// An article longer than this (in chars) is annotated in windows of about this size.
pub const WINDOW_CHARS: usize = 100_000;

/// A piece of one paragraph: `text` starts at char `offset` of paragraph `paragraph`.
struct Piece<'a> {
    paragraph: usize,
    offset: usize,
    text: &'a str,
    /// Its length in chars.
    chars: usize,
}

/// The article's text as pieces, grouped into windows (ranges of pieces).
pub(crate) struct Plan<'a> {
    /// In text order: by paragraph, then offset.
    pieces: Vec<Piece<'a>>,
    windows: Vec<std::ops::Range<usize>>,
    /// The window of each piece.
    window_of: Vec<usize>,
}

/// The windows for `paragraphs`, or `None` when the article is small enough to annotate whole.
pub(crate) fn plan(paragraphs: &Paragraphs) -> Option<Plan<'_>> {
    let lengths: Vec<usize> = paragraphs.iter().map(|p| p.chars().count()).collect();
    let total: usize = lengths.iter().sum();
    if total <= WINDOW_CHARS && lengths.iter().all(|&n| n <= PIECE_CHARS) {
        return None;
    }
    let mut pieces = Vec::new();
    for (paragraph, text) in paragraphs.iter().enumerate() {
        for (offset, piece) in cut(text, PIECE_CHARS) {
            pieces.push(Piece {
                paragraph,
                offset,
                text: piece,
                chars: piece.chars().count(),
            });
        }
    }
    let mut windows = Vec::new();
    let mut window_of = Vec::with_capacity(pieces.len());
    let (mut start, mut chars) = (0, 0);
    for (i, piece) in pieces.iter().enumerate() {
        if chars > 0 && chars + piece.chars > WINDOW_CHARS {
            windows.push(start..i);
            (start, chars) = (i, 0);
        }
        chars += piece.chars;
        window_of.push(windows.len());
    }
    windows.push(start..pieces.len());
    Some(Plan {
        pieces,
        windows,
        window_of,
    })
}

/// Cuts `text` into pieces of at most `max` chars (a piece holding one longer unbroken word is
/// cut inside it), each with its char offset: at the last sentence end outside quotation marks
/// before the limit, else at the last whitespace, else at the limit. The whitespace at a cut
/// belongs to no piece.
fn cut(text: &str, max: usize) -> Vec<(usize, &str)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0; // char index of the piece's first char
    while start < chars.len() {
        if chars.len() - start <= max {
            out.push((start, &text[chars[start].0..]));
            break;
        }
        let limit = start + max;
        let mut sentence_end = None;
        let mut space = None;
        let mut depth = 0i32;
        let mut straight_open = false;
        for i in start..limit {
            let c = chars[i].1;
            match c {
                '“' | '«' => depth += 1,
                '”' | '»' => depth = (depth - 1).max(0),
                '"' => straight_open = !straight_open,
                _ => {}
            }
            if c.is_whitespace() && i > start {
                space = Some(i);
                let before = chars[i - 1].1;
                let ends = matches!(before, '.' | '!' | '?')
                    || (matches!(before, '”' | '"' | '’' | ')')
                        && i >= start + 2
                        && matches!(chars[i - 2].1, '.' | '!' | '?'));
                if ends && depth == 0 && !straight_open {
                    sentence_end = Some(i);
                }
            }
        }
        let end = sentence_end.or(space).unwrap_or(limit);
        out.push((start, &text[chars[start].0..chars[end].0]));
        start = end;
        while start < chars.len() && chars[start].1.is_whitespace() {
            start += 1;
        }
    }
    out
}

impl Plan<'_> {
    /// The texts of window `w`, as the paragraphs of an article of their own.
    fn texts(&self, w: usize) -> Paragraphs {
        self.pieces[self.windows[w].clone()]
            .iter()
            .map(|p| p.text)
            .collect()
    }

    /// A span of window `w` (its `paragraph` a piece of the window) in the article.
    fn to_article(&self, w: usize, span: Span) -> Span {
        let piece = &self.pieces[self.windows[w].start + span.paragraph];
        Span {
            paragraph: piece.paragraph,
            start: span.start + piece.offset,
            end: span.end + piece.offset,
        }
    }

    /// The piece holding `span` (of the article), if one holds it whole.
    fn piece_of(&self, span: Span) -> Option<usize> {
        let i = self
            .pieces
            .partition_point(|p| (p.paragraph, p.offset) <= (span.paragraph, span.start))
            .checked_sub(1)?;
        let p = &self.pieces[i];
        (p.paragraph == span.paragraph && span.end <= p.offset + p.chars).then_some(i)
    }

    /// A span of the article in window `w`'s coordinates, when it lies in one of its pieces.
    fn to_window(&self, w: usize, span: Span) -> Option<Span> {
        let i = self.piece_of(span).filter(|&i| self.window_of[i] == w)?;
        let offset = self.pieces[i].offset;
        Some(Span {
            paragraph: i - self.windows[w].start,
            start: span.start - offset,
            end: span.end - offset,
        })
    }

    /// The article's quotes, window by window.
    pub(crate) fn quotes(&self) -> Vec<Quote> {
        let mut out: Vec<Quote> = Vec::new();
        for w in 0..self.windows.len() {
            let base = out.len();
            for mut q in lede_quotes::extract_quotes(&self.texts(w)) {
                let span = self.to_article(
                    w,
                    Span {
                        paragraph: q.paragraph,
                        start: q.start,
                        end: q.end,
                    },
                );
                (q.paragraph, q.start, q.end) = (span.paragraph, span.start, span.end);
                if let Some(s) = q.speaker.as_mut() {
                    s.span = s.span.map(|s| self.to_article(w, s));
                    for m in s.resolved_from.iter_mut() {
                        m.span = self.to_article(w, m.span);
                    }
                }
                if let Some(c) = q.cue.as_mut() {
                    c.span = self.to_article(w, c.span);
                }
                q.next = q.next.map(|n| n + base);
                out.push(q);
            }
        }
        out
    }

    /// The article's entities given its quotes, window by window, merged by id (mentions in
    /// text order, aliases once each).
    pub(crate) fn entities(&self, quotes: &[Quote], tagger: &Tagger) -> Vec<ArticleEntity> {
        let mut out: Vec<ArticleEntity> = Vec::new();
        let mut row: std::collections::HashMap<String, usize> = Default::default();
        let mut by_window: Vec<Vec<usize>> = vec![Vec::new(); self.windows.len()];
        for (i, q) in quotes.iter().enumerate() {
            let span = Span {
                paragraph: q.paragraph,
                start: q.start,
                end: q.end,
            };
            if let Some(piece) = self.piece_of(span) {
                by_window[self.window_of[piece]].push(i);
            }
        }
        for (w, in_window) in by_window.into_iter().enumerate() {
            // The quotes of this window, in its coordinates (speaker spans elsewhere dropped).
            let local: Vec<Quote> = in_window
                .iter()
                .filter_map(|&i| {
                    let q = &quotes[i];
                    let span = Span {
                        paragraph: q.paragraph,
                        start: q.start,
                        end: q.end,
                    };
                    let at = self.to_window(w, span)?;
                    let mut q = q.clone();
                    (q.paragraph, q.start, q.end) = (at.paragraph, at.start, at.end);
                    q.next = None;
                    if let Some(s) = q.speaker.as_mut() {
                        s.span = s.span.and_then(|s| self.to_window(w, s));
                        let chain = std::mem::take(&mut s.resolved_from);
                        s.resolved_from = chain
                            .into_vec()
                            .into_iter()
                            .filter_map(|mut m| {
                                m.span = self.to_window(w, m.span)?;
                                Some(m)
                            })
                            .collect();
                    }
                    q.cue = q.cue.and_then(|mut c| {
                        c.span = self.to_window(w, c.span)?;
                        Some(c)
                    });
                    Some(q)
                })
                .collect();
            let mut found = lede_entities::extract_entities(&self.texts(w), tagger, &local);
            for e in found.iter_mut() {
                for m in e.mentions.iter_mut() {
                    *m = self.to_article(w, *m);
                }
            }
            for e in found {
                match row.get(e.id.as_str()) {
                    Some(&r) => {
                        let have = &mut out[r];
                        let mut mentions = std::mem::take(&mut have.mentions).into_vec();
                        mentions.extend_from_slice(&e.mentions);
                        have.mentions = mentions.into();
                        let mut aliases = std::mem::take(&mut have.aliases).into_vec();
                        for alias in e.aliases.into_vec() {
                            if alias != have.name && !aliases.contains(&alias) {
                                aliases.push(alias);
                            }
                        }
                        have.aliases = aliases.into_boxed_slice();
                    }
                    None => {
                        row.insert(e.id.to_string(), out.len());
                        out.push(e);
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_end_at_sentences_outside_quotations_and_keep_every_char() {
        let text = "One two. “Three. Four.” Five six. Seven";
        let pieces = cut(text, 20);
        // The cut after "two." (a sentence end outside the quotation), not after "Three.".
        assert_eq!(pieces[0], (0, "One two."));
        for (offset, piece) in &pieces {
            let at: String = text
                .chars()
                .skip(*offset)
                .take(piece.chars().count())
                .collect();
            assert_eq!(&at, piece);
            assert!(piece.chars().count() <= 20);
        }
        let kept: usize = pieces.iter().map(|(_, p)| p.chars().count()).sum();
        let spaces_at_cuts = pieces.len() - 1;
        assert_eq!(kept + spaces_at_cuts, text.chars().count());
        // No space at all: cut at the limit.
        let word = "x".repeat(45);
        let hard = cut(&word, 20);
        assert_eq!(
            hard.iter().map(|(o, _)| *o).collect::<Vec<_>>(),
            [0, 20, 40]
        );
    }

    #[test]
    fn small_articles_are_not_windowed() {
        assert!(plan(&Paragraphs::from(["Short."])).is_none());
        let long = "A sentence here. ".repeat(PIECE_CHARS / 10);
        let paragraphs = Paragraphs::from([long]);
        let plan = plan(&paragraphs).expect("a long paragraph is windowed");
        assert!(plan.pieces.len() > 1);
        assert!(plan.pieces.iter().all(|p| p.chars <= PIECE_CHARS));
    }
}
