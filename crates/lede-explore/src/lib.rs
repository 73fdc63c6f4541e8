//! Views of a whole result set for the explorer pages, computed from the corpus and the
//! matching articles (`SearchResults::matching`): pure functions, tested natively, that the app
//! renders. One module per view.

mod histogram;
mod reader;
mod speakers;

pub use histogram::{histogram, Bucket, Granularity, Histogram};
pub use reader::{
    find_step, paragraph_runs, quotation_evidence, speaker_legend, Evidence, LegendSpeaker, Run,
    SpeakerLegend, SPEAKER_COLOURS,
};
pub use speakers::speaker_counts;
