//! One entity's profile across the whole corpus: the articles that mention it (newest first)
//! and their dates, its quotations, and the entities it appears with most; read from an
//! [`EntityIndex`] built once, so that a profile visits only the articles about its entity.

use std::collections::HashMap;

use lede_corpus::{Article, Corpus, Date, EntitySummary, SharedStr};
use lede_text::order;

use crate::histogram::{histogram, Histogram};

/// Which articles mention and which quote each entity of a corpus, built in one pass over it.
#[derive(Debug, Clone, Default)]
pub struct EntityIndex {
    /// Per entity id: its table row and its articles.
    entries: HashMap<SharedStr, Entry>,
}

/// What the index knows of one entity id.
#[derive(Debug, Clone, Default)]
struct Entry {
    /// Its row in `corpus.entities` (none for an id the table lacks).
    row: Option<usize>,
    /// Articles naming it among their entities, in corpus order.
    mentioning: Vec<usize>,
    /// Articles with a quote whose speaker is linked to it, in corpus order.
    quoting: Vec<usize>,
}

/// An entity's profile: [`EntityIndex::profile`].
#[derive(Debug, Clone, PartialEq)]
pub struct EntityProfile {
    /// Its row of the entity table: name, kind, aliases.
    pub entity: EntitySummary,
    /// The articles that mention it (indices into `corpus.articles`), newest first (undated
    /// last, corpus order breaking ties).
    pub articles: Vec<usize>,
    /// The dates of those articles.
    pub histogram: Histogram,
    /// The quotations it is the speaker of, newest article first, in reading order within one.
    pub quotations: Vec<QuotationRef>,
    /// How many articles quote it (have a quotation it is the speaker of).
    pub quoted_in: usize,
    /// The entities mentioned in the same articles, most shared articles first (then by table
    /// row), the entity itself left out.
    pub co_mentions: Vec<CoMention>,
}

/// One quotation of an article, as `Article::quotations` numbers them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotationRef {
    /// Index of the article in `corpus.articles`.
    pub article: usize,
    /// The quotation's number in the article.
    pub quotation: usize,
    /// Its pieces (indices into the article's `quotes`).
    pub pieces: Vec<usize>,
}

/// An entity that appears beside another, and in how many articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CoMention {
    /// Its row in `corpus.entities`.
    pub row: usize,
    /// Articles that mention both.
    pub shared: usize,
}

impl EntityIndex {
    /// The index of `corpus`: one pass over its entity table and its articles.
    pub fn build(corpus: &Corpus) -> EntityIndex {
        let mut entries: HashMap<SharedStr, Entry> = HashMap::with_capacity(corpus.entities.len());
        for (row, e) in corpus.entities.iter().enumerate() {
            entries
                .entry(e.id.clone())
                .or_default()
                .row
                .get_or_insert(row);
        }
        // The entry of `id`, made when it is new (without copying the id when it is not).
        fn entry<'a>(entries: &'a mut HashMap<SharedStr, Entry>, id: &str) -> &'a mut Entry {
            if !entries.contains_key(id) {
                entries.insert(id.into(), Entry::default());
            }
            entries.get_mut(id).expect("just inserted")
        }
        // Adds article `i` to a list once, however often the article names the entity.
        fn add(list: &mut Vec<usize>, i: usize) {
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
        for (i, article) in corpus.articles.iter().enumerate() {
            for e in &article.entities {
                add(&mut entry(&mut entries, &e.id).mentioning, i);
            }
            for id in article.quotes.iter().filter_map(speaker_entity) {
                add(&mut entry(&mut entries, id).quoting, i);
            }
        }
        EntityIndex { entries }
    }

    /// The row in `corpus.entities` of entity `id`.
    pub fn row(&self, id: &str) -> Option<usize> {
        self.entries.get(id).and_then(|e| e.row)
    }

    /// The articles that mention entity `id`, in corpus order.
    pub fn mentioning(&self, id: &str) -> &[usize] {
        self.entries.get(id).map_or(&[], |e| &e.mentioning)
    }

    /// The profile of entity `id` in `corpus` (the corpus this index was built from), or `None`
    /// when its entity table has no such id. Reads only the articles that mention or quote it.
    pub fn profile(&self, corpus: &Corpus, id: &str) -> Option<EntityProfile> {
        let entry = self.entries.get(id)?;
        let entity = corpus.entities.get(entry.row?)?.clone();
        let articles = newest_first(corpus, &entry.mentioning);
        let histogram = histogram(corpus, &entry.mentioning);
        let mut quotations = Vec::new();
        for i in newest_first(corpus, &entry.quoting) {
            let article = &corpus.articles[i];
            for (quotation, pieces) in article.quotations().into_iter().enumerate() {
                if pieces
                    .iter()
                    .any(|&p| speaker_entity(&article.quotes[p]) == Some(id))
                {
                    quotations.push(QuotationRef {
                        article: i,
                        quotation,
                        pieces,
                    });
                }
            }
        }
        // u32 rows and counts: the same map type as the loader's id check, linked once.
        let mut shared: HashMap<u32, u32> = HashMap::new();
        for &i in &entry.mentioning {
            // Rows as u32 (far below 2^32), sorted by the ids' one shared sort.
            let mut rows: Vec<u32> = corpus.articles[i]
                .entities
                .iter()
                .filter(|e| e.id != id)
                .filter_map(|e| self.row(&e.id))
                .map(|row| row as u32)
                .collect();
            order::sort_u32(&mut rows);
            rows.dedup();
            for row in rows {
                *shared.entry(row).or_default() += 1;
            }
        }
        let mut co_mentions: Vec<CoMention> = shared
            .into_iter()
            .map(|(row, shared)| CoMention {
                row: row as usize,
                shared: shared as usize,
            })
            .collect();
        // Most shared first, then by row (rows and counts are far below 2^32).
        order::sort_by_key(&mut co_mentions, |c| {
            ((u64::from(u32::MAX) - c.shared as u64) << 32) | c.row as u64
        });
        Some(EntityProfile {
            entity,
            articles,
            histogram,
            quotations,
            quoted_in: entry.quoting.len(),
            co_mentions,
        })
    }
}

/// The entity id a quote's speaker is linked to.
fn speaker_entity(quote: &lede_corpus::Quote) -> Option<&str> {
    quote.speaker.as_ref().and_then(|s| s.entity.as_deref())
}

/// `articles` (indices into `corpus.articles`) sorted newest first, undated last, ties in the
/// order given.
fn newest_first(corpus: &Corpus, articles: &[usize]) -> Vec<usize> {
    let day = |a: &Article| a.date.as_deref().and_then(|d| Date::parse(d).ok());
    let mut keyed: Vec<(Option<i32>, usize)> = articles
        .iter()
        .map(|&i| (day(&corpus.articles[i]).map(|d| d.first_day()), i))
        .collect();
    // Latest first; `None` keys below every date, so undated come last.
    let day = |d: Option<i32>| order::signed(d.map_or(i64::MIN, i64::from));
    order::sort_by_key(&mut keyed, |&(d, _)| order::descending(day(d)));
    keyed.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede_corpus::{ArticleEntity, EntityKind, Quote, Speaker};

    fn entity(id: &str) -> ArticleEntity {
        ArticleEntity {
            id: id.into(),
            name: id.to_uppercase().into(),
            kind: if id.starts_with("p") {
                EntityKind::Person
            } else {
                EntityKind::Place
            },
            aliases: Box::default(),
            mentions: Default::default(),
        }
    }

    fn quote(speaker: Option<&str>, next: Option<usize>) -> Quote {
        Quote {
            paragraph: 0,
            start: 0,
            end: 0,
            held_text: Some("words".into()),
            speaker: speaker.map(|id| Speaker {
                name: id.to_uppercase().into(),
                entity: Some(id.into()),
                span: None,
                ..Default::default()
            }),
            cue: None,
            next,
            rule: None,
        }
    }

    /// Articles by date, their entities and their quotes (speaker ids, `next` links).
    fn corpus(articles: &[(Option<&str>, &[&str], Vec<Quote>)]) -> Corpus {
        Corpus::new(
            articles
                .iter()
                .enumerate()
                .map(|(i, (date, ids, quotes))| Article {
                    id: format!("a{i}"),
                    title: format!("Article {i}"),
                    date: date.map(Into::into),
                    entities: ids.iter().map(|id| entity(id)).collect(),
                    quotes: quotes.clone(),
                    ..Article::default()
                })
                .collect(),
        )
    }

    fn sample() -> Corpus {
        corpus(&[
            (
                Some("2024-01-05"),
                &["pa", "pb", "xc"],
                vec![quote(Some("pa"), None)],
            ),
            (Some("2024-03-01"), &["pa", "xc", "pa"], vec![]),
            (None, &["pa", "pb", "xc"], vec![quote(Some("pb"), None)]),
            (Some("2024-02-10"), &["pb", "xd"], vec![]),
            (
                Some("2024-02-11"),
                &["pa", "xd"],
                vec![
                    quote(Some("pa"), Some(2)),
                    quote(Some("pb"), None),
                    quote(None, None),
                    quote(Some("pa"), None),
                ],
            ),
        ])
    }

    #[test]
    fn the_articles_of_an_entity_newest_first_with_their_dates() {
        let c = sample();
        let index = EntityIndex::build(&c);
        let p = index.profile(&c, "pa").expect("pa is in the table");
        assert_eq!(
            (p.entity.name.as_str(), p.entity.kind),
            ("PA", EntityKind::Person)
        );
        // Mentioned by articles 0, 1, 2 (undated), 4 — article 1 names it twice, once counted.
        assert_eq!(p.articles, [1, 4, 0, 2]);
        assert_eq!(index.mentioning("pa"), [0, 1, 2, 4]);
        let dated: usize = p.histogram.buckets.iter().map(|b| b.count).sum();
        assert_eq!((dated, p.histogram.undated), (3, 1));
        assert_eq!(dated + p.histogram.undated, p.articles.len());
        assert!(index.profile(&c, "nobody").is_none());
    }

    #[test]
    fn its_quotations_are_those_it_speaks_with_pieces_grouped() {
        let c = sample();
        let index = EntityIndex::build(&c);
        let p = index.profile(&c, "pa").unwrap();
        // Article 4 (2024-02-11) has quotations [0, 2] by pa, [1] by pb, [3] by pa; article 0 one.
        let got: Vec<(usize, usize, Vec<usize>)> = p
            .quotations
            .iter()
            .map(|q| (q.article, q.quotation, q.pieces.clone()))
            .collect();
        assert_eq!(got, [(4, 0, vec![0, 2]), (4, 2, vec![3]), (0, 0, vec![0])]);
        let pb = index.profile(&c, "pb").unwrap();
        assert_eq!((pb.quotations.len(), pb.quoted_in), (2, 2));
        assert_eq!(p.quoted_in, 2);
        assert!(index.profile(&c, "xc").unwrap().quotations.is_empty());
    }

    #[test]
    fn co_mentions_count_shared_articles_most_first() {
        let c = sample();
        let index = EntityIndex::build(&c);
        let row = |id: &str| index.row(id).unwrap();
        let p = index.profile(&c, "pa").unwrap();
        let got: Vec<(usize, usize)> = p.co_mentions.iter().map(|m| (m.row, m.shared)).collect();
        // xc in 0, 1, 2; pb in 0, 2; xd in 4. pa itself is left out.
        assert_eq!(got, [(row("xc"), 3), (row("pb"), 2), (row("xd"), 1)]);
        // Counted the other way round, the same numbers.
        let xd = index.profile(&c, "xd").unwrap();
        let pa_in_xd = xd.co_mentions.iter().find(|m| m.row == row("pa")).unwrap();
        assert_eq!(pa_in_xd.shared, 1);
    }

    #[test]
    fn a_profile_of_an_entity_in_every_article_of_a_large_corpus_is_quick() {
        // As Reuters-21578's most mentioned entity: 20,000 articles, each naming it beside ten
        // of 2,000 others. One pass over its articles, not one per co-mentioned entity.
        let ids: Vec<String> = (0..2000).map(|k| format!("x{k}")).collect();
        let articles = (0..20_000)
            .map(|i| Article {
                id: format!("a{i}"),
                title: String::new(),
                date: Some(format!("{}-{:02}-01", 1980 + i % 8, 1 + i % 12).into()),
                entities: std::iter::once("pa")
                    .chain((0..10).map(|j| ids[(i * 7 + j * 13) % ids.len()].as_str()))
                    .map(entity)
                    .collect(),
                quotes: vec![quote(Some("pa"), None)],
                ..Article::default()
            })
            .collect();
        let c = Corpus::new(articles);
        let started = std::time::Instant::now();
        let index = EntityIndex::build(&c);
        let p = index.profile(&c, "pa").unwrap();
        let took = started.elapsed();
        assert_eq!((p.articles.len(), p.quotations.len()), (20_000, 20_000));
        assert_eq!(
            p.histogram.buckets.iter().map(|b| b.count).sum::<usize>(),
            20_000
        );
        let shared: usize = p.co_mentions.iter().map(|m| m.shared).sum();
        assert_eq!(shared, 200_000);
        // Unoptimised, on a busy machine: far under this; a pass per entity would be far over.
        assert!(took.as_secs_f64() < 5.0, "index and profile took {took:?}");
    }

    #[test]
    fn a_speaker_not_mentioned_in_the_article_still_has_its_quotation() {
        // Article 1 quotes pa without naming it among its entities.
        let c = corpus(&[
            (Some("2024-01-01"), &["pa"], vec![]),
            (Some("2024-01-02"), &["xc"], vec![quote(Some("pa"), None)]),
        ]);
        let index = EntityIndex::build(&c);
        let p = index.profile(&c, "pa").unwrap();
        assert_eq!(p.articles, [0]);
        assert_eq!(p.quotations.len(), 1);
        assert_eq!(p.quotations[0].article, 1);
    }
}
