//! The corpus-wide entity table derived from the articles' entities, the corpus built with
//! it, and the sharing of the articles' entity texts with the table's rows.

use std::collections::{BTreeMap, HashMap};

use crate::model::{Article, Corpus, EntitySummary};
use crate::shared_str::{SharedStr, StrPool};

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
    /// themselves), and the same for each speaker's entity id and name; aliases, rule names,
    /// cue and mention texts are shared among themselves: a loaded corpus holds each such text
    /// once, not once per article or quote. Changes no text.
    pub fn share_entity_texts(&mut self) {
        // Rows by index: the app links one `HashMap<&str, usize>` for this and the checks.
        let entities = &self.entities;
        let rows: HashMap<&str, usize> = entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let mut pool = StrPool::default();
        // Id and name of an article entity or a speaker: the row's when they are its texts.
        let share = |id: &mut SharedStr, name: &mut SharedStr, pool: &mut StrPool| match rows
            .get(id.as_str())
        {
            Some(&row) => {
                let row = &entities[row];
                if !id.shares_with(&row.id) {
                    *id = row.id.clone();
                }
                if *name == row.name {
                    if !name.shares_with(&row.name) {
                        *name = row.name.clone();
                    }
                } else {
                    pool.share(name);
                }
            }
            None => {
                pool.share(id);
                pool.share(name);
            }
        };
        for article in &mut self.articles {
            for e in article.entities.iter_mut() {
                share(&mut e.id, &mut e.name, &mut pool);
                e.aliases.iter_mut().for_each(|a| pool.share(a));
            }
            for q in article.quotes.iter_mut() {
                if let Some(rule) = &mut q.rule {
                    pool.share(rule);
                }
                if let Some(cue) = &mut q.cue {
                    pool.share(&mut cue.text);
                }
                let Some(s) = &mut q.speaker else { continue };
                match &mut s.entity {
                    Some(id) => share(id, &mut s.name, &mut pool),
                    None => pool.share(&mut s.name),
                }
                s.resolved_from
                    .iter_mut()
                    .for_each(|m| pool.share(&mut m.text));
            }
        }
        for row in &mut self.entities {
            row.aliases.iter_mut().for_each(|a| pool.share(a));
        }
    }
}

/// Builds the corpus-wide entity table from the articles' entities: one row per id, with the
/// number of articles mentioning it, the number of quotes it is the speaker of, and all aliases.
pub fn derive_entity_table(articles: &[Article]) -> Vec<EntitySummary> {
    let mut table: BTreeMap<&str, EntitySummary> = BTreeMap::new();
    let mut aliases_of: HashMap<&str, Vec<SharedStr>> = HashMap::new();
    for article in articles {
        for e in &article.entities {
            let row = table.entry(e.id.as_str()).or_insert_with(|| EntitySummary {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind,
                aliases: Box::default(),
                article_count: 0,
                quoted_count: 0,
            });
            let aliases = aliases_of.entry(e.id.as_str()).or_default();
            row.article_count += 1;
            for alias in std::iter::once(&e.name).chain(e.aliases.iter()) {
                if *alias != row.name && !aliases.iter().any(|a| a == alias) {
                    aliases.push(alias.clone());
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
        if let Some(mut aliases) = aliases_of.remove(row.id.as_str()) {
            lede_text::order::sort_by(&mut aliases, |a, b| a.cmp(b));
            row.aliases = aliases.into_boxed_slice();
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use crate::model::{Article, ArticleEntity, Corpus, Cue, EntityKind, Quote, Span, Speaker};
    use crate::SpeakerMention;

    fn span(paragraph: usize, start: usize, end: usize) -> Span {
        Span::new(paragraph, start, end)
    }

    /// Two articles, each with a quote by Ana Ruiz (named through "she" and "Ruiz"), cued by
    /// "said", found by the same rule, and the entity with the alias "Ruiz".
    fn article(id: &str) -> Article {
        let paragraph = "Ana Ruiz spoke. “Yes,” she said, Ruiz said.";
        let quote = Quote {
            paragraph: 0,
            start: 17,
            end: 20,
            held_text: Some("Yes".into()),
            speaker: Some(Speaker {
                name: "Ana Ruiz".into(),
                entity: Some("person:ana-ruiz".into()),
                span: Some(span(0, 23, 26)),
                resolved_from: vec![
                    SpeakerMention {
                        text: "she".into(),
                        span: span(0, 23, 26),
                    },
                    SpeakerMention {
                        text: "Ruiz".into(),
                        span: span(0, 33, 37),
                    },
                ]
                .into(),
                ..Speaker::default()
            }),
            cue: Some(Cue {
                text: "said".into(),
                span: span(0, 27, 31),
            }),
            next: None,
            rule: Some("after:speaker-cue".into()),
        };
        Article {
            id: id.into(),
            title: id.into(),
            paragraphs: vec![paragraph.to_string()].into(),
            quotes: vec![quote],
            entities: vec![ArticleEntity {
                id: "person:ana-ruiz".into(),
                name: "Ana Ruiz".into(),
                kind: EntityKind::Person,
                aliases: vec!["Ruiz".into()].into(),
                mentions: vec![span(0, 0, 8), span(0, 33, 37)].into(),
            }],
            ..Article::default()
        }
    }

    #[test]
    fn a_loaded_corpus_holds_each_quote_and_alias_text_once() {
        let c = Corpus::new(vec![article("a"), article("b")]);
        assert_eq!(c.entities[0].aliases.as_ref(), ["Ruiz"]);
        let bytes = c.to_compact_bytes();
        let json = c.to_json_pretty();
        for (how, back) in [
            ("pack", Corpus::from_compact_bytes(&bytes).unwrap()),
            ("JSON", Corpus::from_json(&json).unwrap()),
        ] {
            assert_eq!(back, c, "{how}");
            let row = &back.entities[0];
            let (a, b) = (&back.articles[0], &back.articles[1]);
            let (sa, sb) = (
                a.quotes[0].speaker.as_ref().unwrap(),
                b.quotes[0].speaker.as_ref().unwrap(),
            );
            assert!(sa.entity.as_ref().unwrap().shares_with(&row.id), "{how}");
            assert!(sa.name.shares_with(&row.name), "{how}");
            let rule = |q: &Quote| q.rule.clone().unwrap();
            assert!(rule(&a.quotes[0]).shares_with(&rule(&b.quotes[0])), "{how}");
            let cue = |q: &Quote| q.cue.clone().unwrap().text;
            assert!(cue(&a.quotes[0]).shares_with(&cue(&b.quotes[0])), "{how}");
            for (ma, mb) in sa.resolved_from.iter().zip(sb.resolved_from.iter()) {
                assert!(ma.text.shares_with(&mb.text), "{how}: {:?}", ma.text);
            }
            // The alias "Ruiz": one allocation in both articles and the row, and the same as
            // the resolved mention "Ruiz".
            let alias = &a.entities[0].aliases[0];
            assert!(alias.shares_with(&b.entities[0].aliases[0]), "{how}");
            assert!(alias.shares_with(&row.aliases[0]), "{how}");
            assert!(alias.shares_with(&sa.resolved_from[1].text), "{how}");
        }
    }
}
