//! The corpus-wide entity table derived from the articles' entities, the corpus built with
//! it, and the sharing of the articles' entity texts with the table's rows.

use std::collections::{BTreeMap, HashMap};

use crate::model::{Article, Corpus, EntitySummary};
use crate::shared_str::StrPool;

impl Corpus {
    /// A corpus of `articles` with the format fields set and the entity table derived.
    pub fn new(articles: Vec<Article>) -> Self {
        let entities = derive_entity_table(&articles);
        let mut corpus = Corpus {
            format: crate::FORMAT.to_string(),
            version: crate::VERSION,
            articles,
            entities,
            annotated: Vec::new(),
        };
        corpus.share_entity_texts();
        corpus
    }

    /// Makes every article entity's id, and its name when it is the row's, the entity table's
    /// allocation of that text (ids not in the table, and other names, are shared among
    /// themselves): a loaded corpus holds each entity's id and name once, not once per
    /// article. Changes no text.
    pub fn share_entity_texts(&mut self) {
        let rows: HashMap<&str, &EntitySummary> =
            self.entities.iter().map(|e| (e.id.as_str(), e)).collect();
        let mut pool = StrPool::default();
        for e in self.articles.iter_mut().flat_map(|a| a.entities.iter_mut()) {
            match rows.get(e.id.as_str()) {
                Some(row) => {
                    if !e.id.shares_with(&row.id) {
                        e.id = row.id.clone();
                    }
                    if e.name == row.name {
                        if !e.name.shares_with(&row.name) {
                            e.name = row.name.clone();
                        }
                    } else {
                        pool.share(&mut e.name);
                    }
                }
                None => {
                    pool.share(&mut e.id);
                    pool.share(&mut e.name);
                }
            }
        }
    }
}

/// Builds the corpus-wide entity table from the articles' entities: one row per id, with the
/// number of articles mentioning it, the number of quotes it is the speaker of, and all aliases.
pub fn derive_entity_table(articles: &[Article]) -> Vec<EntitySummary> {
    let mut table: BTreeMap<&str, EntitySummary> = BTreeMap::new();
    for article in articles {
        for e in &article.entities {
            let row = table.entry(e.id.as_str()).or_insert_with(|| EntitySummary {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind,
                aliases: Vec::new(),
                article_count: 0,
                quoted_count: 0,
            });
            row.article_count += 1;
            for alias in
                std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str))
            {
                if alias != row.name.as_str() && !row.aliases.iter().any(|a| a == alias) {
                    row.aliases.push(alias.to_string());
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
        lede_text::order::sort_by(&mut row.aliases, |a, b| a.cmp(b));
    }
    rows
}
