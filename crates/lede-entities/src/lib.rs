//! Named-entity extraction for Lede: a compact averaged-perceptron tagger over hashed features
//! (trained by `examples/train.rs` on CoNLL-2003, shipped as `model/ner.bin`) and the article
//! pipeline that turns its tags into corpus entities with stable ids; `score` is the exact-span
//! scorer on CoNLL that training and `lede eval entities` share.
//!
//! Pure Rust, no threads and no file IO in the API, so it runs in the browser unchanged.

pub mod clusters;
pub mod conll;
mod corpus;
mod extract;
mod features;
mod hash;
mod label;
mod lexicon;
mod model;
pub mod score;
pub mod tag;
pub mod tokenize;
pub mod train;

pub use corpus::{cues, unify_kinds, CUE_WEIGHT};
pub use extract::{entity_id, extract_entities, find_mentions, link_speakers, Entity, Mention};
pub use model::{ModelError, Tagger};
pub use tag::{spans, EntityType, Tag, TokenSpan};
