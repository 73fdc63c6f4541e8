//! Scores Lede's extractors against gold standards: PolNeAR attributions for quotes.

pub mod entities;
pub mod polnear;
pub mod quotes;
