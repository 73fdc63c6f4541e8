//! Query execution: term expansion in the term dictionary (exact, typo and prefix), BM25F scoring over
//! the postings, filters and exclusions, the ranking rules, facet counts and the page of hits.
//!
//! Ranking, in order: more query words matched (only differs when no article has them all),
//! fewer typos (so exact matches always outrank typo matches), then the BM25F score with bonuses
//! for proximity and for a headline holding every query word, then proximity, exactness and
//! title matches as tie-breaks, then corpus order.
//!
//! Typo budget per query word: none up to four letters, one for 5-8, two from 9. A word of four
//! letters gets one typo as a last resort: when no article has it, or none has every query word
//! with it exact.
//!
//! [`Index::search`] runs one stage per module: `filter` (the articles the filters and negated
//! clauses leave), `score` (each clause's terms from `expand`, then BM25F over every clause, or
//! any when none has them all), `rank` (the candidates, the re-ranking window and the order),
//! `facets` (counts over every result) and `page` (the hits with their matches and snippets).

mod expand;
mod facets;
mod filter;
mod marks;
mod page;
mod rank;
mod score;

use lede_corpus::Corpus;

pub use facets::Facets;

use crate::index::Index;
use crate::query::Query;
use crate::snippet::Snippet;

/// The result of [`Index::search`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchResults {
    /// The requested page of hits, best first.
    pub hits: Vec<Hit>,
    /// All matching articles (the page is a slice of them).
    pub total: usize,
    /// Every matching article, in corpus order (all `total` of them, for views of the whole
    /// result set: its quotations, its dates).
    pub matching: Vec<usize>,
    /// True when no article matched every word: the results match some of them, most first.
    pub relaxed: bool,
    /// Counts for every facet value over all `total` results.
    pub facets: Facets,
    /// Why the query text did not parse cleanly (copied from the query).
    pub parse_error: Option<String>,
}

/// One result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index of the article in the corpus.
    pub article: usize,
    /// The relevance score (BM25F with proximity; 0 when browsing).
    pub score: f32,
    /// How many of the query's words and phrases it matches.
    pub words_matched: usize,
    /// Typos summed over the matched words.
    pub typos: u32,
    /// The folded index terms that matched, typo and prefix expansions included.
    pub matched_terms: Vec<String>,
    /// Matched words in the title, as `[start, end)` char ranges.
    pub title_ranges: Vec<(usize, usize)>,
    /// The best passages of the body.
    pub snippets: Vec<Snippet>,
}

impl Index {
    /// Runs `query` against the index of `corpus` (the corpus the index was built from: its text
    /// gives the snippets). See the module documentation of [`crate`] for the ranking rules.
    ///
    /// # Panics
    /// When `corpus` has a different number of articles than the index.
    pub fn search(&self, corpus: &Corpus, query: &Query) -> SearchResults {
        assert_eq!(
            corpus.articles.len(),
            self.n_docs as usize,
            "search with the corpus the index was built from"
        );
        let keep = Self::keep_speakers(corpus, query, self.keep(query));
        let scored = self.score(query, keep.as_deref());
        let mut cands = self.candidates(&scored, keep.as_deref());
        let total = cands.len();
        let mut matching: Vec<u32> = cands.iter().map(|c| c.doc).collect();
        lede_text::order::sort_u32(&mut matching);
        let matching: Vec<usize> = matching.into_iter().map(|d| d as usize).collect();
        let facets = self.facets(cands.iter().map(|c| c.doc));
        let page = self.rank(query, &scored, &mut cands);
        SearchResults {
            hits: self.hits(corpus, query, &scored, &cands[page]),
            total,
            matching,
            relaxed: scored.relaxed,
            facets,
            parse_error: query.parse_error.clone(),
        }
    }
}
