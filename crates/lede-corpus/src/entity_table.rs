//! The corpus-wide entity table derived from the articles' entities, and the corpus built
//! with it.

use std::collections::BTreeMap;

use crate::model::{Article, Corpus, EntitySummary};

impl Corpus {
    /// A corpus of `articles` with the format fields set and the entity table derived.
    pub fn new(articles: Vec<Article>) -> Self {
        let entities = derive_entity_table(&articles);
        Corpus {
            format: crate::FORMAT.to_string(),
            version: crate::VERSION,
            articles,
            entities,
            annotated: Vec::new(),
        }
    }
}

/// Builds the corpus-wide entity table from the articles' entities: one row per id, with the
/// number of articles mentioning it, the number of quotes it is the speaker of, and all aliases.
pub fn derive_entity_table(articles: &[Article]) -> Vec<EntitySummary> {
    let mut table: BTreeMap<&str, EntitySummary> = BTreeMap::new();
    for article in articles {
        for e in &article.entities {
            let row = table.entry(&e.id).or_insert_with(|| EntitySummary {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind,
                aliases: Vec::new(),
                article_count: 0,
                quoted_count: 0,
            });
            row.article_count += 1;
            for alias in std::iter::once(&e.name).chain(&e.aliases) {
                if *alias != row.name && !row.aliases.contains(alias) {
                    row.aliases.push(alias.clone());
                }
            }
        }
        for q in &article.quotes {
            if let Some(id) = q.speaker.as_ref().and_then(|s| s.entity.as_deref()) {
                if let Some(row) = table.get_mut(id) {
                    row.quoted_count += 1;
                }
            }
        }
    }
    let mut rows: Vec<EntitySummary> = table.into_values().collect();
    for row in &mut rows {
        row.aliases.sort();
    }
    rows
}
