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
        let mut keyed: Vec<(u64, u32)> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id_hash(id), i as u32))
            .collect();
        lede_text::order::sort_keyed(&mut keyed);
        EntityLookup(keyed.into_iter().map(|(_, i)| i).collect())
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

impl Facts {
    /// The facts of every article of `corpus`.
    pub(crate) fn of(corpus: &Corpus) -> Facts {
        let articles = &corpus.articles;
        let mut entity_ids: Vec<SharedStr> = Vec::with_capacity(corpus.entities.len());
        let mut entity_kinds = Vec::with_capacity(corpus.entities.len());
        // While the facts are gathered; the index keeps the smaller [`EntityLookup`].
        let mut seen: FxMap<&str, u32> = FxMap::default();
        seen.reserve(corpus.entities.len());
        for e in &corpus.entities {
            if !seen.contains_key(e.id.as_str()) {
                seen.insert(&e.id, entity_ids.len() as u32);
                entity_ids.push(e.id.clone());
                entity_kinds.push(e.kind);
            }
        }
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
                let idx = *seen.entry(&e.id).or_insert_with(|| {
                    entity_ids.push(e.id.clone());
                    entity_kinds.push(e.kind);
                    entity_ids.len() as u32 - 1
                });
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
        drop(seen);
        let entity_lookup = EntityLookup::new(&entity_ids);
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
