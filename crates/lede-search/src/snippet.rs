//! Snippets: the best sentence-bounded passages of an article for a query, with the char ranges
//! of the words the query matched (typo and prefix expansions included), for the UI to render
//! as text with `<mark>` elements.

use std::collections::HashMap;

use lede_corpus::Article;

use crate::query::Scope;

/// Longest passage (in chars) that joins several sentences; a single sentence is never cut.
const MAX_PASSAGE_CHARS: usize = 400;
/// Most sentences in one passage.
const MAX_SENTENCES: usize = 3;
/// Longest passage of one sentence: a longer one (a paragraph without sentence ends, up to
/// megabytes) is cut to [`MAX_PASSAGE_CHARS`] around its first match, so that a result shows
/// a passage and not the whole paragraph with every match in it marked.
const MAX_SENTENCE_CHARS: usize = 2 * MAX_PASSAGE_CHARS;
/// Chars kept before the first match when a long sentence is cut.
const CONTEXT_BEFORE: usize = 80;

/// `(start, end)`, or when longer than [`MAX_SENTENCE_CHARS`] the [`MAX_PASSAGE_CHARS`] of it
/// from a little before `first` (the first match's start, if any).
fn bounded(start: usize, end: usize, first: Option<usize>) -> (usize, usize) {
    if end - start <= MAX_SENTENCE_CHARS {
        return (start, end);
    }
    let from = first.map_or(start, |f| f.saturating_sub(CONTEXT_BEFORE).max(start));
    (from, (from + MAX_PASSAGE_CHARS).min(end))
}

/// One passage of one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// Index into the article's `paragraphs`.
    pub paragraph: usize,
    /// The passage: `[start, end)` in chars of the paragraph, on sentence boundaries.
    pub passage: (usize, usize),
    /// The matched words inside the passage: `[start, end)` in chars of the paragraph,
    /// ascending and disjoint.
    pub ranges: Vec<(usize, usize)>,
}

/// What one query clause highlights: any of its terms, or its phrase as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClauseMatcher {
    terms: Vec<String>,
    phrase: bool,
    scope: Scope,
}

impl ClauseMatcher {
    /// A word clause highlighting any of `terms` (the expansions it matched).
    pub fn words(terms: Vec<String>, scope: Scope) -> Self {
        ClauseMatcher {
            terms,
            phrase: false,
            scope,
        }
    }

    /// A phrase clause highlighting `terms` where they stand in this order.
    pub fn phrase(terms: Vec<String>, scope: Scope) -> Self {
        ClauseMatcher {
            terms,
            phrase: true,
            scope,
        }
    }
}

/// A word found in a text: its char range and which matcher term it is, if any.
struct Token {
    start: usize,
    end: usize,
    id: Option<u16>,
    /// A part of the word before it (`pdi` of `PDI.TO`), at that word's position.
    part: bool,
}

/// The term table of a set of matchers.
struct Terms<'m> {
    /// Each term's id (a `usize` map: the app links one such map type for many uses).
    ids: HashMap<&'m str, usize>,
    /// Per matcher: the ids of its terms (a phrase's in order).
    per: Vec<Vec<u16>>,
}

impl<'m> Terms<'m> {
    fn new(matchers: &'m [ClauseMatcher]) -> Self {
        let mut ids = HashMap::new();
        let per = matchers
            .iter()
            .map(|m| {
                m.terms
                    .iter()
                    .map(|t| {
                        let next = ids.len();
                        *ids.entry(t.as_str()).or_insert(next) as u16
                    })
                    .collect()
            })
            .collect();
        Terms { ids, per }
    }

    /// False only when no term can be a word of `text`: a quick look that spares tokenizing
    /// most paragraphs. It only says false for plain ASCII text without apostrophes or dots
    /// between letters (where folding cannot join words) that holds no term even as a
    /// substring, ignoring case.
    fn may_occur(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        if !text.is_ascii()
            || memchr::memchr2(b'\'', b'`', bytes).is_some()
            || bytes
                .windows(3)
                .any(|w| w[1] == b'.' && w[0].is_ascii_alphabetic() && w[2].is_ascii_alphabetic())
        {
            return true;
        }
        let lower = text.to_ascii_lowercase();
        self.ids
            .keys()
            .any(|t| memchr::memmem::find(lower.as_bytes(), t.as_bytes()).is_some())
    }

    fn tokens(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        lede_text::for_each_word_and_part(text, |term, start, end, part| {
            out.push(Token {
                start,
                end,
                id: self.ids.get(term).map(|&id| id as u16),
                part,
            })
        });
        out
    }

    /// `(start, end, matcher)` of every matched word; `allowed(matcher, start, end)` says
    /// whether a matcher may match there.
    fn matches(
        &self,
        matchers: &[ClauseMatcher],
        tokens: &[Token],
        allowed: impl Fn(usize, usize, usize) -> bool,
    ) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for (mi, m) in matchers.iter().enumerate() {
            let ids = &self.per[mi];
            if ids.is_empty() {
                continue;
            }
            if m.phrase {
                // A word and its parts (`int'l`, `int`) stand at one position.
                let mut slots: Vec<&[Token]> = Vec::new();
                let mut i = 0;
                while i < tokens.len() {
                    let mut j = i + 1;
                    while j < tokens.len() && tokens[j].part {
                        j += 1;
                    }
                    slots.push(&tokens[i..j]);
                    i = j;
                }
                for w in slots.windows(ids.len()) {
                    let hit: Option<Vec<&Token>> = w
                        .iter()
                        .zip(ids)
                        .map(|(slot, &id)| slot.iter().find(|t| t.id == Some(id)))
                        .collect();
                    if let Some(hit) = hit.filter(|h| h.iter().all(|t| allowed(mi, t.start, t.end)))
                    {
                        out.extend(hit.iter().map(|t| (t.start, t.end, mi)));
                    }
                }
            } else {
                for t in tokens {
                    if t.id.is_some_and(|id| ids.contains(&id)) && allowed(mi, t.start, t.end) {
                        out.push((t.start, t.end, mi));
                    }
                }
            }
        }
        lede_text::order::sort_by(&mut out, |a, b| a.cmp(b));
        out
    }
}

/// Sorted, disjoint ranges of `matches`.
fn ranges(matches: &[(usize, usize, usize)]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for &(s, e, _) in matches {
        match out.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// The sentences of `text` as `[start, end)` char ranges, trailing whitespace excluded: Unicode
/// (UAX #29) sentence boundaries ([`lede_text::uax29::sentence_bounds`]).
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let ascii = text.is_ascii();
    let (mut start, mut chars) = (0, 0);
    for end in lede_text::uax29::sentence_bounds(text) {
        let s = &text[start..end];
        let (n, lead, trimmed) = if ascii {
            (s.len(), s.len() - s.trim_start().len(), s.trim_end().len())
        } else {
            let n = s.chars().count();
            (
                n,
                n - s.trim_start().chars().count(),
                s.trim_end().chars().count(),
            )
        };
        if trimmed > lead {
            out.push((chars + lead, chars + trimmed));
        }
        chars += n;
        start = end;
    }
    out
}

/// Char ranges of the title words the matchers match (`quote:` and `speaker:` clauses never
/// match a title).
pub fn title_ranges(title: &str, matchers: &[ClauseMatcher]) -> Vec<(usize, usize)> {
    if matchers.is_empty() {
        return Vec::new();
    }
    let terms = Terms::new(matchers);
    let tokens = terms.tokens(title);
    let m = terms.matches(matchers, &tokens, |mi, _, _| {
        matches!(matchers[mi].scope, Scope::Any | Scope::Title)
    });
    ranges(&m)
}

/// `(start, end, matcher)` of every word of paragraph `pi` of `article` the matchers match: a
/// `quote:` clause only inside the paragraph's quotations, a `title:` clause never.
fn body_matches(
    article: &Article,
    pi: usize,
    terms: &Terms,
    matchers: &[ClauseMatcher],
) -> Vec<(usize, usize, usize)> {
    let tokens = terms.tokens(&article.paragraphs[pi]);
    let quotes: Vec<(usize, usize)> = article
        .quotes
        .iter()
        .filter(|q| q.paragraph == pi)
        .map(|q| (q.start, q.end))
        .collect();
    terms.matches(matchers, &tokens, |mi, s, e| match matchers[mi].scope {
        Scope::Any | Scope::Speaker => true,
        Scope::Title => false,
        Scope::Quote => quotes.iter().any(|&(qs, qe)| qs <= s && e <= qe),
    })
}

/// Every word of the body of `article` the matchers match, as `(paragraph, start, end)` char
/// ranges, in reading order and disjoint: the reader's find marks, by the rules of the snippets.
pub fn body_ranges(article: &Article, matchers: &[ClauseMatcher]) -> Vec<(usize, usize, usize)> {
    if matchers.is_empty() {
        return Vec::new();
    }
    let terms = Terms::new(matchers);
    let mut out = Vec::new();
    for (pi, para) in article.paragraphs.iter().enumerate() {
        if terms.may_occur(para) {
            let m = body_matches(article, pi, &terms, matchers);
            out.extend(ranges(&m).into_iter().map(|(s, e)| (pi, s, e)));
        }
    }
    out
}

/// A candidate passage.
struct Window {
    paragraph: usize,
    start: usize,
    end: usize,
    clauses: u32,
    hits: usize,
    sentences: usize,
}

/// Up to `max` passages of `article` for `matchers`, best first: each is 1-3 sentences of one
/// paragraph, chosen for the most distinct query clauses, then the most matched words, then
/// brevity, then position. When nothing in the body matches (a title-only match, or browsing)
/// the first sentence of the article is the one passage, without ranges.
pub fn passages(article: &Article, matchers: &[ClauseMatcher], max: usize) -> Vec<Snippet> {
    if max == 0 {
        return Vec::new();
    }
    let terms = Terms::new(matchers);
    let all_clauses = if matchers.is_empty() {
        0
    } else {
        (1u32 << matchers.len().min(31)) - 1
    };
    let mut windows: Vec<Window> = Vec::new();
    let mut matched_by_paragraph: Vec<Vec<(usize, usize, usize)>> = Vec::new();
    let mut complete = 0;
    for (pi, para) in article.paragraphs.iter().enumerate() {
        if matchers.is_empty() || complete >= max {
            break;
        }
        if !terms.may_occur(para) {
            matched_by_paragraph.push(Vec::new());
            continue;
        }
        let m = body_matches(article, pi, &terms, matchers);
        if !m.is_empty() {
            let sents = sentences(para);
            for first in 0..sents.len() {
                let mut best: Option<Window> = None;
                for last in first..(first + MAX_SENTENCES).min(sents.len()) {
                    let (start, end) = (sents[first].0, sents[last].1);
                    if last > first && end - start > MAX_PASSAGE_CHARS {
                        break;
                    }
                    let inside = m.iter().filter(|x| x.0 >= start && x.1 <= end);
                    let clauses = inside.clone().fold(0u32, |acc, x| acc | 1 << x.2.min(31));
                    let hits = inside.count();
                    if hits == 0 {
                        break;
                    }
                    if best
                        .as_ref()
                        .is_none_or(|b| clauses.count_ones() > b.clauses.count_ones())
                    {
                        best = Some(Window {
                            paragraph: pi,
                            start,
                            end,
                            clauses,
                            hits,
                            sentences: last - first + 1,
                        });
                    }
                }
                if let Some(w) = best {
                    if w.clauses == all_clauses {
                        complete += 1;
                    }
                    windows.push(w);
                }
            }
        }
        matched_by_paragraph.push(m);
    }
    lede_text::order::sort_by(&mut windows, |a, b| {
        b.clauses
            .count_ones()
            .cmp(&a.clauses.count_ones())
            .then(b.hits.cmp(&a.hits))
            .then(a.sentences.cmp(&b.sentences))
            .then((a.paragraph, a.start).cmp(&(b.paragraph, b.start)))
    });
    let mut chosen: Vec<Snippet> = Vec::new();
    for w in windows {
        if chosen.len() == max {
            break;
        }
        let overlaps = chosen
            .iter()
            .any(|c| c.paragraph == w.paragraph && w.start < c.passage.1 && c.passage.0 < w.end);
        if overlaps {
            continue;
        }
        let first = matched_by_paragraph[w.paragraph]
            .iter()
            .find(|x| x.0 >= w.start && x.1 <= w.end)
            .map(|x| x.0);
        let (start, end) = bounded(w.start, w.end, first);
        let m: Vec<(usize, usize, usize)> = matched_by_paragraph[w.paragraph]
            .iter()
            .copied()
            .filter(|x| x.0 >= start && x.1 <= end)
            .collect();
        chosen.push(Snippet {
            paragraph: w.paragraph,
            passage: (start, end),
            ranges: ranges(&m),
        });
    }
    if chosen.is_empty() {
        if let Some((pi, s)) = article
            .paragraphs
            .iter()
            .enumerate()
            .find_map(|(pi, p)| sentences(p).first().map(|&s| (pi, s)))
        {
            chosen.push(Snippet {
                paragraph: pi,
                passage: bounded(s.0, s.1, None),
                ranges: Vec::new(),
            });
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_char_ranges_without_trailing_space() {
        let text = "Zürich voted. “Yes,” said Ørsted!  Done";
        let s = sentences(text);
        let chars: Vec<char> = text.chars().collect();
        let got: Vec<String> = s
            .iter()
            .map(|&(a, b)| chars[a..b].iter().collect())
            .collect();
        assert_eq!(got, ["Zürich voted.", "“Yes,” said Ørsted!", "Done"]);
    }

    #[test]
    fn phrase_matches_only_in_order() {
        let m = [ClauseMatcher::phrase(
            vec!["river".into(), "talks".into()],
            Scope::Any,
        )];
        let r = title_ranges("Talks on the river; river talks", &m);
        assert_eq!(r, [(20, 25), (26, 31)]);
    }

    #[test]
    fn the_quick_look_never_hides_a_folded_word() {
        let words = |ts: &[&str]| {
            [ClauseMatcher::words(
                ts.iter().map(|t| t.to_string()).collect(),
                Scope::Any,
            )]
        };
        let m = words(&["dont", "us", "zurich", "harbour"]);
        let terms = Terms::new(&m);
        // Folding joins or changes these words, so the text must be tokenized.
        assert!(terms.may_occur("We don't agree."));
        assert!(terms.may_occur("The U.S. said so."));
        assert!(terms.may_occur("Zürich voted."));
        // Plain text holding a term as a substring, in any case.
        assert!(terms.may_occur("HARBOURS reopened."));
        assert!(!terms.may_occur("The council voted seven to four."));
        let article = Article {
            paragraphs: vec![
                "The council voted seven to four.".into(),
                "We don't agree, said the Zürich harbour master.".into(),
            ]
            .into(),
            ..Article::default()
        };
        let snippets = passages(&article, &m, 2);
        assert_eq!(snippets.len(), 1);
        assert_eq!(snippets[0].paragraph, 1);
        assert_eq!(snippets[0].ranges, [(3, 8), (25, 31), (32, 39)]);
    }

    #[test]
    fn a_sentence_of_megabytes_gives_a_passage_around_its_first_match() {
        let words = "council vote terminal expansion residents ";
        let para = format!("{}harbour {}", words.repeat(500), words.repeat(20_000));
        let at = para.find("harbour").unwrap();
        let article = Article {
            id: "a".into(),
            title: "T".into(),
            paragraphs: vec![para.clone()].into(),
            ..Article::default()
        };
        let m = vec![ClauseMatcher::words(vec!["harbour".into()], Scope::Any)];
        let snippets = passages(&article, &m, 2);
        assert_eq!(snippets.len(), 1);
        let s = &snippets[0];
        assert_eq!(s.passage.1 - s.passage.0, MAX_PASSAGE_CHARS);
        assert_eq!(s.passage.0, at - CONTEXT_BEFORE);
        assert_eq!(s.ranges, [(at, at + "harbour".len())]);
        // Without a match, the first sentence is cut from its start.
        let none = vec![ClauseMatcher::words(vec!["zebra".into()], Scope::Any)];
        let s = &passages(&article, &none, 2)[0];
        assert_eq!(s.passage, (0, MAX_PASSAGE_CHARS));
    }
}
