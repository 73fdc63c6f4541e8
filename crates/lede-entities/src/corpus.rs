//! Corpus-wide consistency: one kind per name across all articles, so that a name gets one id
//! everywhere (a dateline place is a place; otherwise the kind most of its mentions got).

use std::collections::HashMap;

use lede_corpus::{Article, ArticleEntity, EntityKind};
use lede_text::fold_for_match;

use crate::extract::{entity_id, link_speakers};

/// Gives every entity name one kind across `articles`, rewrites the ids to match, merges the
/// entities of an article that now share an id, and links the quote speakers again.
pub fn unify_kinds(articles: &mut [Article]) {
    let datelines: std::collections::HashSet<String> = articles
        .iter()
        .filter_map(|a| a.dateline.as_deref())
        .map(fold_for_match)
        .collect();
    let mut votes: HashMap<String, HashMap<EntityKind, usize>> = HashMap::new();
    for e in articles.iter().flat_map(|a| &a.entities) {
        *votes
            .entry(fold_for_match(&e.name))
            .or_default()
            .entry(e.kind)
            .or_default() += e.mentions.len().max(1);
    }
    let chosen: HashMap<String, EntityKind> = votes
        .into_iter()
        .map(|(name, kinds)| {
            let kind = if datelines.contains(&name) {
                EntityKind::Place
            } else {
                // Most mentions win; ties go to the more specific kind (person, organisation,
                // place before other), the order of `EntityKind::ALL`.
                let best = kinds.values().copied().max().unwrap_or(0);
                EntityKind::ALL
                    .into_iter()
                    .find(|k| kinds.get(k) == Some(&best))
                    .unwrap_or(EntityKind::Other)
            };
            (name, kind)
        })
        .collect();
    for article in articles.iter_mut() {
        let mut merged: Vec<ArticleEntity> = Vec::with_capacity(article.entities.len());
        for mut e in std::mem::take(&mut article.entities) {
            if let Some(&kind) = chosen.get(&fold_for_match(&e.name)) {
                e.kind = kind;
                e.id = entity_id(kind, &e.name).into();
            }
            match merged.iter_mut().find(|m| m.id == e.id) {
                Some(m) => {
                    m.mentions.extend(e.mentions);
                    m.mentions.sort_by_key(|s| (s.paragraph, s.start));
                    m.mentions.dedup();
                    for alias in e.aliases {
                        if !m.aliases.contains(&alias) {
                            m.aliases.push(alias);
                        }
                    }
                }
                None => merged.push(e),
            }
        }
        article.entities = merged;
        for q in &mut article.quotes {
            if let Some(s) = q.speaker.as_mut() {
                s.entity = None;
            }
        }
        link_speakers(&mut article.quotes, &article.entities);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede_corpus::Span;

    fn entity(name: &str, kind: EntityKind, mentions: usize) -> ArticleEntity {
        ArticleEntity {
            id: entity_id(kind, name).into(),
            name: name.into(),
            kind,
            aliases: vec![],
            mentions: (0..mentions)
                .map(|i| Span {
                    paragraph: 0,
                    start: i,
                    end: i + 1,
                })
                .collect(),
        }
    }

    #[test]
    fn one_kind_per_name_and_datelines_are_places() {
        let mut articles = vec![
            Article {
                id: "a".into(),
                dateline: Some("Port Asher".into()),
                entities: vec![
                    entity("Port Asher", EntityKind::Organization, 3),
                    entity("Vastmark", EntityKind::Person, 1),
                ],
                ..Article::default()
            },
            Article {
                id: "b".into(),
                entities: vec![
                    entity("Vastmark", EntityKind::Place, 2),
                    entity("Port Asher", EntityKind::Place, 1),
                ],
                ..Article::default()
            },
        ];
        unify_kinds(&mut articles);
        let ids: Vec<Vec<&str>> = articles
            .iter()
            .map(|a| a.entities.iter().map(|e| e.id.as_str()).collect())
            .collect();
        assert_eq!(
            ids,
            [
                vec!["place:port-asher", "place:vastmark"],
                vec!["place:vastmark", "place:port-asher"]
            ]
        );
    }

    #[test]
    fn entities_that_meet_under_one_id_are_merged() {
        let mut articles = vec![Article {
            id: "a".into(),
            entities: vec![
                entity("Kessaria", EntityKind::Place, 2),
                entity("Kessaria", EntityKind::Organization, 1),
            ],
            ..Article::default()
        }];
        unify_kinds(&mut articles);
        assert_eq!(articles[0].entities.len(), 1);
        assert_eq!(articles[0].entities[0].id, "place:kessaria");
        assert_eq!(articles[0].entities[0].mentions.len(), 2);
    }
}
