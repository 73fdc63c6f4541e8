//! The words of one article a query matches, everywhere in its body: the reader's find marks,
//! found by the same expansion (typos, prefix) and the same highlighting as the snippets.

use lede_corpus::Corpus;

use crate::index::Index;
use crate::query::Query;
use crate::snippet;

impl Index {
    /// Every word of the body of article `doc` (an index into `corpus.articles`) that `query`'s
    /// words match, as `(paragraph, start, end)` char ranges in reading order: the query is run
    /// over that article alone, so an article holding only some of the words has those marked.
    /// Empty when the query has no words or `doc` is out of range.
    pub fn article_matches(
        &self,
        corpus: &Corpus,
        query: &Query,
        doc: usize,
    ) -> Vec<(usize, usize, usize)> {
        let Some(article) = corpus.articles.get(doc) else {
            return Vec::new();
        };
        if doc >= self.n_docs as usize {
            return Vec::new();
        }
        let mut keep = vec![false; self.n_docs as usize];
        keep[doc] = true;
        let scored = self.score(query, Some(&keep));
        let mut used: Vec<Vec<u16>> = vec![Vec::new(); scored.plans.len()];
        if let Some(acc) = &scored.acc {
            for &(d, ci, di, _) in &acc.seen {
                let list = &mut used[ci as usize];
                if d as usize == doc && !list.contains(&di) {
                    list.push(di);
                }
            }
        }
        let (matchers, _) = self.matchers(&scored, used);
        snippet::body_ranges(article, &matchers)
    }
}

#[cfg(test)]
mod tests {
    use lede_corpus::{Article, Corpus, Quote};

    use crate::{Index, Query};

    fn corpus() -> Corpus {
        Corpus::new(vec![
            Article {
                id: "a".into(),
                title: "Harbour vote".into(),
                paragraphs: vec![
                    "The harbour council voted. Harbours grow.".into(),
                    "“The Harbour is ours,” said Zürich’s mayor of the harbour.".into(),
                ]
                .into(),
                quotes: vec![Quote {
                    paragraph: 1,
                    start: 1,
                    end: 20,
                    held_text: Some("The Harbour is ours".into()),
                    speaker: None,
                    cue: None,
                    next: None,
                    rule: None,
                }],
                ..Article::default()
            },
            Article {
                id: "b".into(),
                title: "Other".into(),
                paragraphs: vec!["The council met in Zurich.".into()].into(),
                ..Article::default()
            },
        ])
    }

    fn texts(c: &Corpus, doc: usize, q: &str) -> Vec<(usize, String)> {
        let index = Index::build(c);
        index
            .article_matches(c, &Query::parse(q), doc)
            .into_iter()
            .map(|(p, s, e)| {
                let text = c.articles[doc].paragraphs[p].chars().skip(s).take(e - s);
                (p, text.collect())
            })
            .collect()
    }

    #[test]
    fn marks_every_occurrence_folded_with_typos() {
        let c = corpus();
        // `harbor` is one typo from `harbour`; the prefix reaches `harbours` only as the last
        // word being typed.
        assert_eq!(
            texts(&c, 0, "harbor "),
            [
                (0, "harbour".to_string()),
                (1, "Harbour".to_string()),
                (1, "harbour".to_string())
            ]
        );
        assert_eq!(texts(&c, 0, "harbour").len(), 4, "the prefix adds Harbours");
        assert_eq!(texts(&c, 0, "zurich "), [(1, "Zürich’s".to_string())]);
    }

    #[test]
    fn an_article_with_some_of_the_words_has_those_marked() {
        let c = corpus();
        // Article b has `council` and `zurich` but no `harbour`.
        assert_eq!(
            texts(&c, 1, "harbour council zurich "),
            [(0, "council".to_string()), (0, "Zurich".to_string())]
        );
    }

    #[test]
    fn scopes_and_phrases_are_kept() {
        let c = corpus();
        assert_eq!(
            texts(&c, 0, "quote:harbour "),
            [(1, "Harbour".to_string())],
            "quote: marks only inside quotations"
        );
        assert_eq!(
            texts(&c, 0, "\"harbour council\" "),
            [(0, "harbour".to_string()), (0, "council".to_string())]
        );
        assert!(texts(&c, 0, "").is_empty());
        assert!(texts(&c, 0, "-harbour ").is_empty());
        let index = Index::build(&c);
        assert!(index
            .article_matches(&c, &Query::parse("harbour"), 9)
            .is_empty());
    }
}
