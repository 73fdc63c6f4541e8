//! Who is quoted in a set of articles: for each linked speaker (an entity id), the number of
//! articles that quote it, for the "quoted" side of the people facet.

use std::collections::HashMap;

use lede_corpus::Corpus;

/// Entity ids quoted in `articles` (indices into `corpus.articles`) with the number of those
/// articles quoting each (an article counts once however often the speaker talks), most first,
/// ties by id.
pub fn speaker_counts(corpus: &Corpus, articles: &[usize]) -> Vec<(String, usize)> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut seen: Vec<&str> = Vec::new();
    for article in articles.iter().filter_map(|&i| corpus.articles.get(i)) {
        seen.clear();
        for id in article
            .quotes
            .iter()
            .filter_map(|q| q.speaker.as_ref()?.entity.as_deref())
        {
            if !seen.contains(&id) {
                seen.push(id);
                *counts.entry(id).or_default() += 1;
            }
        }
    }
    let mut out: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(id, n)| (id.to_string(), n))
        .collect();
    lede_text::order::sort_by_count_then_name(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede_corpus::{Article, Quote, Speaker};

    fn quote(entity: Option<&str>) -> Quote {
        Quote {
            paragraph: 0,
            start: 0,
            end: 1,
            held_text: Some("x".into()),
            speaker: Some(Speaker {
                name: "N".into(),
                entity: entity.map(Into::into),
                span: None,
                ..Default::default()
            }),
            cue: None,
            next: None,
            rule: None,
        }
    }

    #[test]
    fn counts_articles_not_quotations_and_skips_unlinked_speakers() {
        let article = |quotes: Vec<Quote>| Article {
            id: "a".into(),
            title: "t".into(),
            paragraphs: vec!["x".into()].into(),
            quotes,
            ..Article::default()
        };
        let corpus = Corpus::new(vec![
            article(vec![
                quote(Some("person:a")),
                quote(Some("person:a")),
                quote(None),
            ]),
            article(vec![quote(Some("person:b")), quote(Some("person:a"))]),
            article(vec![quote(Some("person:b"))]),
        ]);
        assert_eq!(
            speaker_counts(&corpus, &[0, 1, 2]),
            [("person:a".to_string(), 2), ("person:b".to_string(), 2)]
        );
        assert_eq!(speaker_counts(&corpus, &[2]), [("person:b".to_string(), 1)]);
        assert!(speaker_counts(&corpus, &[]).is_empty());
    }
}
