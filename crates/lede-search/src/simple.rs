//! The first-slice search the app still uses until it switches to [`crate::Index`]: folded
//! word matching over titles and bodies plus fuzzy-matcher on titles.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use lede_corpus::Article;
use lede_text::fold_for_match;

/// The folded text of each article, built once per corpus.
pub struct SimpleIndex {
    titles: Vec<String>,
    bodies: Vec<String>,
    matcher: SkimMatcherV2,
}

impl SimpleIndex {
    /// Folds every article's title and body.
    pub fn new(articles: &[Article]) -> Self {
        SimpleIndex {
            titles: articles.iter().map(|a| fold_for_match(&a.title)).collect(),
            bodies: articles
                .iter()
                .map(|a| fold_for_match(&a.paragraphs.join("\n")))
                .collect(),
            matcher: SkimMatcherV2::default(),
        }
    }

    /// Indices of the articles matching `query`, best first; all articles, in corpus order,
    /// for a blank query. An article matches when every query word occurs in its title or body,
    /// or when the whole query fuzzy-matches its title.
    pub fn search(&self, query: &str) -> Vec<usize> {
        let folded = fold_for_match(query);
        let words: Vec<&str> = folded.split_whitespace().collect();
        if words.is_empty() {
            return (0..self.titles.len()).collect();
        }
        let phrase = words.join(" ");
        let mut hits: Vec<(i64, usize)> = Vec::new();
        for (i, (title, body)) in self.titles.iter().zip(&self.bodies).enumerate() {
            let in_title = words.iter().filter(|w| title.contains(*w)).count();
            let everywhere = words
                .iter()
                .all(|w| title.contains(*w) || body.contains(*w));
            let score = if everywhere {
                Some(1_000 + 100 * in_title as i64)
            } else {
                self.matcher.fuzzy_match(title, &phrase)
            };
            if let Some(score) = score {
                hits.push((score, i));
            }
        }
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        hits.into_iter().map(|(_, i)| i).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, title: &str, body: &str) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            paragraphs: vec![body.into()],
            ..Article::default()
        }
    }

    #[test]
    fn every_word_must_match_and_titles_rank_first() {
        let articles = [
            article("a", "Harbour vote", "The council met in Velmora."),
            article("b", "Velmora council", "A harbour vote."),
            article("c", "Rain", "Nothing here."),
        ];
        let index = SimpleIndex::new(&articles);
        assert_eq!(index.search("velmora council"), vec![1, 0]);
        assert_eq!(index.search("   "), vec![0, 1, 2]);
        assert!(index.search("snow").is_empty());
    }

    #[test]
    fn folds_diacritics_and_apostrophes() {
        let articles = [article("a", "Björnholm’s mayor", "Text.")];
        let index = SimpleIndex::new(&articles);
        assert_eq!(index.search("bjornholm's"), vec![0]);
    }

    #[test]
    fn fuzzy_title_match_when_words_are_missing() {
        let articles = [article("a", "Harbour council vote", "Text.")];
        let index = SimpleIndex::new(&articles);
        assert_eq!(index.search("hrbcncl"), vec![0]);
    }
}
