//! Lede's corpus model and its JSON format v1: the types, loading with validation, and the
//! derivations that let a minimal corpus (only `id`, `title` and text) load; also the one
//! publication-date type ([`Date`]) and the one varint ([`varint`]) the other crates use.
//!
//! Offsets in the format (`start`, `end` of quotes, cues, speakers and mentions) count Unicode
//! scalar values (Rust `char`s, JavaScript code points as `Array.from(s)` gives them) from the
//! start of the paragraph, as half-open ranges `[start, end)`.

mod compact;
pub mod date;
mod entity_table;
mod error;
mod load;
mod mentions;
mod model;
mod paragraphs;
mod quote_text;
mod segments;
mod shared_str;
mod stream;
mod tags;
mod title;
mod validate;
pub mod varint;

pub use compact::CompactReader;
pub use date::{Date, DateError};
pub use entity_table::derive_entity_table;
pub use error::{not_json_kind, CorpusError, ErrorLocation};
pub use mentions::Mentions;
pub use model::*;
pub use paragraphs::{Iter as ParagraphIter, Paragraphs};
pub use segments::{segments, segments_within, Segment};
pub use shared_str::SharedStr;
pub use stream::CorpusReader;
pub use tags::Tags;

/// The value of the top-level `format` field.
pub const FORMAT: &str = "lede-corpus";
/// The format version this crate reads and writes.
pub const VERSION: u32 = 1;
