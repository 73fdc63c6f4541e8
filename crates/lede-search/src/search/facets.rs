//! Facet counts over the results: entities, entity kinds, sources and years.

use lede_corpus::EntityKind;
use lede_text::order;

use crate::index::Index;

/// Facet counts over the current results: every value that occurs, largest count first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facets {
    /// Entity id and the number of results that mention it.
    pub entities: Vec<(String, usize)>,
    /// Entity kind and the number of results that mention an entity of that kind.
    pub kinds: Vec<(EntityKind, usize)>,
    /// Source and the number of results from it.
    pub sources: Vec<(String, usize)>,
    /// Year and the number of results dated in it (ascending by year).
    pub years: Vec<(i32, usize)>,
}

impl Index {
    /// Counts facet values over `docs`.
    pub(super) fn facets(&self, docs: impl Iterator<Item = u32>) -> Facets {
        let mut ent = vec![0usize; self.entity_ids.len()];
        let mut kinds = [0usize; 4];
        let mut src = vec![0usize; self.sources.len()];
        let mut years: Vec<(i32, usize)> = Vec::new();
        for d in docs {
            let i = d as usize;
            for &e in self.doc_entities(d) {
                ent[e as usize] += 1;
            }
            for (k, count) in kinds.iter_mut().enumerate() {
                if self.doc_kinds[i] & (1 << k) != 0 {
                    *count += 1;
                }
            }
            if let Some(&s) = self.doc_source.get(i).filter(|&&s| s != u32::MAX) {
                src[s as usize] += 1;
            }
            if let Some(r) = self.dates[i] {
                match years.binary_search_by_key(&r.year, |y| y.0) {
                    Ok(k) => years[k].1 += 1,
                    Err(k) => years.insert(k, (r.year, 1)),
                }
            }
        }
        let mut entities: Vec<(String, usize)> = ent
            .iter()
            .enumerate()
            .filter(|(_, &c)| c > 0)
            .map(|(e, &c)| (self.entity_ids[e].to_string(), c))
            .collect();
        order::sort_by_count_then_name(&mut entities);
        let mut sources: Vec<(String, usize)> = src
            .iter()
            .enumerate()
            .filter(|(_, &c)| c > 0)
            .map(|(s, &c)| (self.sources[s].clone(), c))
            .collect();
        order::sort_by_count_then_name(&mut sources);
        let mut kinds: Vec<(EntityKind, usize)> = EntityKind::ALL
            .iter()
            .zip(kinds)
            .filter(|(_, c)| *c > 0)
            .map(|(&k, c)| (k, c))
            .collect();
        order::sort_by_key(&mut kinds, |k| order::descending(k.1 as u64));
        Facets {
            entities,
            kinds,
            sources,
            years,
        }
    }
}
