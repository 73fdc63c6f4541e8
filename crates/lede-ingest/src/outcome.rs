//! The outcome of an ingest run: the articles, where each came from, the counts, the report and
//! the time by stage.

use std::time::Duration;

use lede_corpus::Article;

use crate::report;
use crate::{Location, ReportDocument, ReportEntry, Severity, StageMillis};

/// Wall-clock time by stage.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Timings {
    /// Walking, reading, decoding and parsing (parallel across files).
    pub read_parse: Duration,
    /// Id checks and duplicate detection (sequential, in input order).
    pub ids: Duration,
    /// The annotate step (parallel across articles).
    pub annotate: Duration,
}

/// The outcome of an ingest run.
#[derive(Debug, Default)]
pub struct Ingested {
    /// The articles, in input order (files sorted by path, records in file order).
    pub articles: Vec<Article>,
    /// Where each article came from (same order as `articles`).
    pub sources: Vec<Location>,
    /// Inputs read: records, plus whole files (and missing paths) that failed before yielding
    /// records. Always `ingested + rejected + dropped`.
    pub read: usize,
    /// Exact duplicates dropped because of `dedupe` (each also has a warning).
    pub dropped: usize,
    /// Files found in the input folders but deliberately not read (hidden files, other
    /// extensions, documentation, earlier Lede outputs), not counted in `read`; every one is
    /// counted in a warning of the report.
    pub skipped: usize,
    /// Warnings and rejections, in input order; duplicate findings last.
    pub report: Vec<ReportEntry>,
    /// Time by stage.
    pub timings: Timings,
    /// True when the annotate hook ran over every article (none passed through with the
    /// annotations it came with).
    pub annotated_all: bool,
}

impl Ingested {
    /// Number of articles ingested.
    pub fn ingested(&self) -> usize {
        self.articles.len()
    }

    /// Number of rejected inputs.
    pub fn rejected(&self) -> usize {
        self.count(Severity::Rejected)
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        report::count(&self.report, severity)
    }

    /// The JSON report document, given the run's total time and the time spent writing.
    pub fn document(&self, elapsed: Duration, write: Duration) -> ReportDocument<'_> {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        ReportDocument {
            read: self.read,
            ingested: self.ingested(),
            rejected: self.rejected(),
            warnings: self.warnings(),
            dropped: self.dropped,
            skipped: self.skipped,
            elapsed_ms: elapsed.as_millis(),
            timings_ms: StageMillis {
                read_parse: ms(self.timings.read_parse),
                ids: ms(self.timings.ids),
                annotate: ms(self.timings.annotate),
                write: ms(write),
            },
            entries: &self.report,
        }
    }
}
