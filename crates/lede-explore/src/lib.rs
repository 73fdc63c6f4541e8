//! Views of a whole result set for the explorer pages, computed from the corpus and the
//! matching articles (`SearchResults::matching`): pure functions, tested natively, that the app
//! renders. One module per view.

mod entity;
mod histogram;
mod speakers;

pub use entity::{CoMention, EntityIndex, EntityProfile, QuotationRef};
pub use histogram::{histogram, Bucket, Granularity, Histogram};
pub use speakers::speaker_counts;
