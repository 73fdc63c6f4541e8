//! Scores Lede against gold standards: PolNeAR attributions for quotes, CoNLL-2003 for
//! entities, known-item queries (generated, and scored for any engine) for search.

pub mod entities;
pub mod known_item;
pub mod polnear;
pub mod quotes;
pub mod search;
pub mod speaker_training;

/// Precision, recall and their harmonic mean from counts, the metric of every scorer here; it
/// lives in `lede_entities::score` so that the entity training example shares it.
pub use lede_entities::score::precision_recall_f1;
