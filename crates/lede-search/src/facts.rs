//! The per-article facts that filters and facets read (dates, sources, entities), taken from
//! the corpus: by [`Index::build`](crate::Index::build), and again when a pack is read, since a
//! pack does not store what its corpus already says.

use std::hash::Hasher;

use lede_corpus::{Corpus, EntityKind, SharedStr};

use crate::dates::DayRange;
use crate::index::{kind_index, FxHasher, FxMap};

/// What filters and facets know of each article, and the tables their ids point into.
pub(crate) struct Facts {
    /// Each article's date as a day range (`None`: undated).
    pub dates: Vec<Option<DayRange>>,
    /// Each article's source as an index into `sources` (`u32::MAX`: none).
    pub doc_source: Vec<u32>,
    /// Every source, in order of first appearance.
    pub sources: Vec<String>,
    /// Article -> entity table indices, as offsets into `doc_entity_ids`.
    pub doc_entity_off: Vec<u32>,
    /// Each article's entity table indices, ascending and without repeats.
    pub doc_entity_ids: Vec<u32>,
    /// Bit `k` set when the article mentions an entity of kind `EntityKind::ALL[k]`.
    pub doc_kinds: Vec<u8>,
    /// Entity ids (the corpus's own texts, shared): the corpus table's first, then any only
    /// articles name.
    pub entity_ids: Vec<SharedStr>,
    /// The kind of each of `entity_ids`.
    pub entity_kinds: Vec<EntityKind>,
    /// Entity id -> its index in `entity_ids`.
    pub entity_lookup: EntityLookup,
}

/// Entity id → its index in a list of ids: the indices ordered by the ids' hashes, searched by
/// halving (4 bytes per id, where a hash map of the ids takes 26 at its usual load).
#[derive(Default)]
pub(crate) struct EntityLookup(Vec<u32>);

/// The hash an [`EntityLookup`] orders ids by.
fn id_hash(id: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(id.as_bytes());
    h.finish()
}

impl EntityLookup {
    /// The lookup of `ids` (each id once).
    pub(crate) fn new(ids: &[SharedStr]) -> EntityLookup {
        EntityLookup::of_keyed(&keyed(ids.iter()))
    }

    /// The lookup of ids given as [`keyed`] gives them.
    fn of_keyed(keyed: &[(u64, u32)]) -> EntityLookup {
        EntityLookup(keyed.iter().map(|&(_, i)| i).collect())
    }

    /// The index of `id` in `ids` (the list this lookup was made of).
    pub(crate) fn get(&self, ids: &[SharedStr], id: &str) -> Option<u32> {
        let h = id_hash(id);
        let first = self.0.partition_point(|&i| id_hash(&ids[i as usize]) < h);
        self.0[first..]
            .iter()
            .take_while(|&&i| id_hash(&ids[i as usize]) == h)
            .find(|&&i| ids[i as usize] == id)
            .copied()
    }

    /// Heap bytes it holds.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.0.capacity() * 4
    }
}

/// Each of `ids`' hash and index, sorted (the index breaking ties).
fn keyed<'a>(ids: impl Iterator<Item = &'a SharedStr>) -> Vec<(u64, u32)> {
    let mut keyed: Vec<(u64, u32)> = ids
        .enumerate()
        .map(|(i, id)| (id_hash(id), i as u32))
        .collect();
    lede_text::order::sort_keyed(&mut keyed);
    keyed
}

/// The index of `id` in `ids`, found in their [`keyed`] list.
fn find_keyed(keyed: &[(u64, u32)], ids: &[SharedStr], id: &str) -> Option<u32> {
    let h = id_hash(id);
    let first = keyed.partition_point(|&(k, _)| k < h);
    keyed[first..]
        .iter()
        .take_while(|&&(k, _)| k == h)
        .map(|&(_, i)| i)
        .find(|&i| ids[i as usize] == id)
}

impl Facts {
    /// The facts of every article of `corpus`.
    pub(crate) fn of(corpus: &Corpus) -> Facts {
        let articles = &corpus.articles;
        // The table's ids by hash while the facts are gathered, then the index's lookup: 16
        // bytes an id, where a hash map of them took 26 (a wasm memory keeps its peak, and
        // this is made beside the whole corpus). An id repeated in the table (no checked
        // corpus has one) keeps its first row.
        let mut keyed = keyed(corpus.entities.iter().map(|e| &e.id));
        let mut repeated = vec![false; 0];
        let mut run = 0;
        for k in 1..keyed.len() {
            if keyed[k].0 != keyed[run].0 {
                run = k;
                continue;
            }
            let id = &corpus.entities[keyed[k].1 as usize].id;
            if keyed[run..k]
                .iter()
                .any(|&(_, r)| corpus.entities[r as usize].id == *id)
            {
                repeated.resize(corpus.entities.len(), false);
                repeated[keyed[k].1 as usize] = true;
            }
        }
        let kept = |r: usize| repeated.get(r) != Some(&true);
        let mut entity_ids: Vec<SharedStr> = Vec::with_capacity(corpus.entities.len());
        let mut entity_kinds = Vec::with_capacity(corpus.entities.len());
        for (r, e) in corpus.entities.iter().enumerate() {
            if kept(r) {
                entity_ids.push(e.id.clone());
                entity_kinds.push(e.kind);
            }
        }
        if !repeated.is_empty() {
            // Rows → indices among the rows kept (in the same order, so the keyed order holds).
            let mut index = Vec::with_capacity(repeated.len());
            let mut next = 0u32;
            for &r in &repeated {
                index.push(next);
                next += u32::from(!r);
            }
            keyed.retain(|&(_, r)| kept(r as usize));
            keyed.iter_mut().for_each(|k| k.1 = index[k.1 as usize]);
        }
        drop(repeated);
        // Ids only articles name (none in a checked corpus).
        let mut extra: FxMap<&str, u32> = FxMap::default();
        let mut sources: Vec<String> = Vec::new();
        let mut source_lookup: FxMap<&str, u32> = FxMap::default();
        let mut doc_source = Vec::with_capacity(articles.len());
        let mut dates = Vec::with_capacity(articles.len());
        let mut doc_entity_off = Vec::with_capacity(articles.len() + 1);
        doc_entity_off.push(0u32);
        let mut doc_entity_ids =
            Vec::with_capacity(articles.iter().map(|a| a.entities.len()).sum());
        let mut doc_kinds = Vec::with_capacity(articles.len());
        for a in articles {
            dates.push(a.date.as_deref().and_then(DayRange::parse));
            doc_source.push(match &a.source {
                Some(s) => *source_lookup.entry(s).or_insert_with(|| {
                    sources.push(s.to_string());
                    sources.len() as u32 - 1
                }),
                None => u32::MAX,
            });
            let start = doc_entity_ids.len();
            let mut kinds = 0u8;
            for e in &a.entities {
                let idx = match find_keyed(&keyed, &entity_ids, &e.id) {
                    Some(idx) => idx,
                    None => *extra.entry(&e.id).or_insert_with(|| {
                        entity_ids.push(e.id.clone());
                        entity_kinds.push(e.kind);
                        entity_ids.len() as u32 - 1
                    }),
                };
                doc_entity_ids.push(idx);
                kinds |= 1 << kind_index(entity_kinds[idx as usize]);
            }
            lede_text::order::sort_u32(&mut doc_entity_ids[start..]);
            let mut kept = start;
            for i in start..doc_entity_ids.len() {
                if i == start || doc_entity_ids[i] != doc_entity_ids[kept - 1] {
                    doc_entity_ids[kept] = doc_entity_ids[i];
                    kept += 1;
                }
            }
            doc_entity_ids.truncate(kept);
            doc_entity_off.push(doc_entity_ids.len() as u32);
            doc_kinds.push(kinds);
        }
        doc_entity_ids.shrink_to_fit();
        let entity_lookup = if extra.is_empty() {
            EntityLookup::of_keyed(&keyed)
        } else {
            drop(keyed);
            EntityLookup::new(&entity_ids)
        };
        Facts {
            dates,
            doc_source,
            sources,
            doc_entity_off,
            doc_entity_ids,
            doc_kinds,
            entity_ids,
            entity_kinds,
            entity_lookup,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede_corpus::{Article, ArticleEntity};

    #[test]
    fn entity_facts_keep_a_repeated_table_id_once_and_add_ids_only_articles_name() {
        let entity = |id: &str, kind: EntityKind| ArticleEntity {
            id: id.into(),
            name: id.into(),
            kind,
            aliases: Box::default(),
            mentions: Default::default(),
        };
        let article = |i: usize, ids: &[&str]| Article {
            id: format!("a{i}"),
            title: "T".into(),
            paragraphs: vec!["Text.".to_string()].into(),
            entities: ids
                .iter()
                .map(|id| entity(id, EntityKind::Person))
                .collect(),
            ..Article::default()
        };
        let names: Vec<String> = (0..300).map(|i| format!("person:p-{i}")).collect();
        let mut articles: Vec<Article> = (0..50)
            .map(|i| {
                let ids: Vec<&str> = (0..6)
                    .map(|k| names[(i * 7 + k * 31) % 300].as_str())
                    .collect();
                article(i, &ids)
            })
            .collect();
        articles.push(article(50, &["person:p-3", "org:only-here", "person:p-3"]));
        articles.push(article(51, &["org:only-here", "org:also-only-here"]));
        let mut corpus = Corpus::new(articles);
        // The table: every id the first 50 articles name, one repeated with another kind.
        corpus.entities.retain(|e| !e.id.contains("only"));
        let mut repeat = corpus.entities[5].clone();
        repeat.kind = EntityKind::Place;
        corpus.entities.insert(9, repeat);
        // What the facts should be, plainly: the table's ids without repeats, then the ids
        // only articles name in order of appearance; each article's indices sorted, once.
        let mut ids: Vec<String> = Vec::new();
        let mut kinds = Vec::new();
        let mut add = |id: &str, kind: EntityKind| {
            if !ids.iter().any(|x| x == id) {
                ids.push(id.to_string());
                kinds.push(kind);
            }
        };
        corpus.entities.iter().for_each(|e| add(&e.id, e.kind));
        for a in &corpus.articles {
            a.entities.iter().for_each(|e| add(&e.id, e.kind));
        }
        let facts = Facts::of(&corpus);
        let got: Vec<&str> = facts.entity_ids.iter().map(|i| i.as_str()).collect();
        assert_eq!(got, ids);
        assert_eq!(facts.entity_kinds, kinds);
        for (d, a) in corpus.articles.iter().enumerate() {
            let mut want: Vec<u32> = a
                .entities
                .iter()
                .map(|e| ids.iter().position(|x| *x == *e.id).unwrap() as u32)
                .collect();
            want.sort_unstable();
            want.dedup();
            let range = facts.doc_entity_off[d] as usize..facts.doc_entity_off[d + 1] as usize;
            assert_eq!(facts.doc_entity_ids[range], want[..], "article {d}");
        }
        for (i, id) in facts.entity_ids.iter().enumerate() {
            let found = facts.entity_lookup.get(&facts.entity_ids, id);
            assert_eq!(found, Some(i as u32), "{id}");
        }
        // Without repeats or ids outside it, the lookup is the one the ids make.
        let plain = Corpus::new(corpus.articles[..50].to_vec());
        let facts = Facts::of(&plain);
        assert_eq!(
            facts.entity_lookup.0,
            EntityLookup::new(&facts.entity_ids).0
        );
    }

    #[test]
    fn the_lookup_finds_every_id_at_its_index_and_no_other() {
        let ids: Vec<SharedStr> = (0..2000)
            .map(|i| SharedStr::from(format!("person:name-{}", i * 7919 % 2000)))
            .collect();
        let lookup = EntityLookup::new(&ids);
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(lookup.get(&ids, id), Some(i as u32), "{id}");
        }
        for absent in ["", "person:name-2000", "person:name-", "place:name-1"] {
            assert_eq!(lookup.get(&ids, absent), None, "{absent}");
        }
        assert_eq!(lookup.heap_bytes(), 4 * ids.len());
        assert_eq!(EntityLookup::new(&[]).get(&[], "x"), None);
    }
}
