//! Views of a whole result set for the explorer pages, computed from the corpus and the
//! matching articles (`SearchResults::matching`): pure functions, tested natively, that the app
//! renders. One module per view.

mod cite;
mod entity;
mod export;
mod histogram;
mod quote_search;
mod quotes;
mod reader;
mod speakers;

pub use cite::{citation_markdown, citation_text};
pub use entity::{CoMention, EntityIndex, EntityProfile, QuotationRef};
pub use export::{to_csv, to_json, CSV_COLUMNS};
pub use histogram::{histogram, Bucket, Granularity, Histogram};
pub use quote_search::{match_quotations, QuoteMatch};
pub use quotes::{
    group_by_speaker, quotation_count, quotations, record, records, Evidence, QuotationRow,
    QuoteRecord, SpeakerGroup, SpeakerKind,
};
pub use reader::{
    find_step, paragraph_runs, quotation_evidence, speaker_legend, LegendSpeaker, Run,
    SpeakerLegend, SPEAKER_COLOURS,
};
pub use speakers::speaker_counts;
