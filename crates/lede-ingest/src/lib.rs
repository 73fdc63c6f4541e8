//! Turns article files into corpus articles and accounts for every input: each file or record is
//! either ingested or listed in the report with its reason and location.
//!
//! Formats: raw scraped text ([`raw_text`]), JSON and JSONL (`json_input`), Reuters-21578 SGML
//! (`reuters`) and PolNeAR ([`polnear`]). [`ingest_paths`] walks the inputs, reads and parses
//! files in parallel (rayon), checks ids and duplicates in input order, then runs the caller's
//! annotate step (the quote and entity extractors) in parallel across articles. The output order
//! is deterministic: files sorted by path, records in file order.

mod clock;
pub(crate) mod dates;
pub(crate) mod decode;
mod format;
pub(crate) mod json_input;
pub(crate) mod markup;
mod options;
mod outcome;
mod pipeline;
pub mod polnear;
pub mod raw_text;
mod record;
mod report;
pub(crate) mod reuters;
pub mod walk;

pub use crate::format::Format;
pub use crate::options::{Annotate, IngestOptions, Progress, Stage};
pub use crate::outcome::{Ingested, Timings};
pub use crate::pipeline::{ingest_bytes, ingest_files, ingest_paths};
pub use crate::record::{FileParse, Record};
pub use crate::report::{LineIndex, Location, ReportDocument, ReportEntry, Severity, StageMillis};
