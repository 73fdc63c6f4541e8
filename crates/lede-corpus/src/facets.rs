//! Entity filtering and facet counts over a set of articles: which articles mention every
//! selected entity, and how many of the given articles mention each entity.

use std::collections::HashMap;

use crate::model::{Article, Corpus};

impl Article {
    /// True when the article mentions every entity id in `ids` (true for an empty selection).
    pub fn mentions_all(&self, ids: &[String]) -> bool {
        ids.iter()
            .all(|id| self.entities.iter().any(|e| &e.id == id))
    }
}

impl Corpus {
    /// For each row of the entity table (by index), how many of the articles at `hits` mention
    /// it; rows no hit mentions are left out. Sorted by count, then by name.
    pub fn entity_counts(&self, hits: &[usize]) -> Vec<(usize, usize)> {
        let row_of: HashMap<&str, usize> = self
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for &hit in hits {
            for e in &self.articles[hit].entities {
                if let Some(&row) = row_of.get(e.id.as_str()) {
                    *counts.entry(row).or_default() += 1;
                }
            }
        }
        let mut out: Vec<(usize, usize)> = counts.into_iter().collect();
        out.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| self.entities[a.0].name.cmp(&self.entities[b.0].name))
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::{Article, ArticleEntity, Corpus, EntityKind};

    fn article(id: &str, entities: &[&str]) -> Article {
        Article {
            id: id.into(),
            title: id.into(),
            paragraphs: vec!["text".into()],
            entities: entities
                .iter()
                .map(|e| ArticleEntity {
                    id: format!("person:{e}"),
                    name: e.to_string(),
                    kind: EntityKind::Person,
                    aliases: vec![],
                    mentions: vec![],
                })
                .collect(),
            ..Article::default()
        }
    }

    #[test]
    fn filters_on_all_selected_entities_and_counts_within_hits() {
        let corpus = Corpus::new(vec![
            article("a", &["kalvane", "benhadji"]),
            article("b", &["kalvane"]),
            article("c", &["okafor"]),
        ]);
        let both = vec!["person:kalvane".to_string(), "person:benhadji".to_string()];
        let hits: Vec<usize> = (0..3)
            .filter(|&i| corpus.articles[i].mentions_all(&both))
            .collect();
        assert_eq!(hits, [0]);
        assert!(corpus.articles[2].mentions_all(&[]));
        let counts: Vec<(&str, usize)> = corpus
            .entity_counts(&[0, 1])
            .into_iter()
            .map(|(row, n)| (corpus.entities[row].name.as_str(), n))
            .collect();
        assert_eq!(counts, [("kalvane", 2), ("benhadji", 1)]);
    }
}
