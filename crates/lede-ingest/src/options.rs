//! How to ingest: the options, the annotate hook and the progress callback.

use std::path::PathBuf;

use lede_corpus::Article;

use crate::walk::DEFAULT_MAX_FILE_BYTES;
use crate::Format;

/// A pipeline stage, for progress reporting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and parsing files (counted in files).
    ReadParse,
    /// Running the annotate step (counted in articles).
    Annotate,
}

/// Receives progress (the CLI draws a bar); calls may come from several threads.
pub trait Progress: Sync {
    /// A stage begins with `total` units of work.
    fn start(&self, stage: Stage, total: u64);
    /// `n` more units are done.
    fn advance(&self, n: u64);
    /// The stage is over.
    fn finish(&self);
}

/// The annotate step: fills an article's quotes and entities (the extractors).
pub type Annotate = dyn Fn(&mut Article) + Sync;

/// How to ingest.
#[derive(Clone, Copy, Default)]
pub struct IngestOptions<'a> {
    /// Parse every file as this format instead of detecting it.
    pub format: Option<Format>,
    /// Drop exact duplicates (same normalised text) and rename colliding ids instead of
    /// rejecting them.
    pub dedupe: bool,
    /// Run the annotate step on articles that arrive already in Lede's format too (their quotes
    /// and entities are dropped first).
    pub reannotate: bool,
    /// The quote and entity extractors; `None` leaves quotes and entities as they are.
    pub annotate: Option<&'a Annotate>,
    /// Where progress goes.
    pub progress: Option<&'a dyn Progress>,
    /// The largest input file read, in bytes; `None` is [`DEFAULT_MAX_FILE_BYTES`] (64 MiB).
    /// A larger file is rejected with its size and the limit.
    pub max_file_bytes: Option<u64>,
    /// Paths this run writes (corpus, index, pack, report): skipped if met in the input.
    pub outputs: &'a [PathBuf],
}

impl IngestOptions<'_> {
    /// The size limit for one input file, in bytes.
    pub fn max_file_bytes(&self) -> u64 {
        self.max_file_bytes.unwrap_or(DEFAULT_MAX_FILE_BYTES)
    }
}
