//! The ingest report: every warning and rejection with where it happened (file, line, column,
//! byte offset, record index), and the JSON form `lede ingest --report` writes.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Serialize, Serializer};

/// How serious a report entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input was ingested (or a file was skipped on purpose), but something was missing or odd.
    Warning,
    /// The input is not in the corpus.
    Rejected,
}

impl Severity {
    /// `warning` or `rejected`, as the report writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Rejected => "rejected",
        }
    }
}

/// How many of `entries` are of `severity`.
pub(crate) fn count(entries: &[ReportEntry], severity: Severity) -> usize {
    entries.iter().filter(|e| e.severity == severity).count()
}

/// Where an input is: a file, and inside it a record index, a line (and column) and a byte offset
/// when the format has them. Lines and columns are 1-based; records and byte offsets 0-based.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The file.
    #[serde(serialize_with = "path_as_string")]
    pub file: PathBuf,
    /// 1-based line in the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column (chars) in that line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// 0-based byte offset in the file as stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byte_offset: Option<usize>,
    /// 0-based index of the record in the file (JSON array element, JSONL line, SGML story).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<usize>,
}

impl Location {
    /// The whole file.
    pub fn file(path: &Path) -> Self {
        Location {
            file: path.to_path_buf(),
            ..Location::default()
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        match (self.record, self.byte_offset) {
            (Some(r), Some(b)) => write!(f, " (record {r}, byte {b})"),
            (Some(r), None) => write!(f, " (record {r})"),
            (None, Some(b)) => write!(f, " (byte {b})"),
            (None, None) => Ok(()),
        }
    }
}

fn path_as_string<S: Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&path.to_string_lossy())
}

/// One line of the ingest report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportEntry {
    /// Warning or rejection.
    pub severity: Severity,
    /// Where the input is.
    #[serde(flatten)]
    pub location: Location,
    /// What happened, in words.
    pub reason: String,
}

impl ReportEntry {
    /// A warning at `location`.
    pub fn warning(location: Location, reason: impl Into<String>) -> Self {
        ReportEntry {
            severity: Severity::Warning,
            location,
            reason: reason.into(),
        }
    }

    /// A rejection at `location`.
    pub fn rejected(location: Location, reason: impl Into<String>) -> Self {
        ReportEntry {
            severity: Severity::Rejected,
            location,
            reason: reason.into(),
        }
    }
}

impl fmt::Display for ReportEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {}",
            self.severity.as_str(),
            self.location,
            self.reason
        )
    }
}

/// Per-stage wall-clock times of an ingest run, in milliseconds (the JSON report's `timings_ms`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct StageMillis {
    /// Walking directories, reading, decoding and parsing every file.
    pub read_parse: f64,
    /// Id checks and duplicate detection.
    pub ids: f64,
    /// The annotate step (quote and entity extractors).
    pub annotate: f64,
    /// Serialising and writing the corpus (filled in by the caller that writes it).
    pub write: f64,
}

/// The JSON document `lede ingest --report FILE` writes.
#[derive(Debug, Clone, Serialize)]
pub struct ReportDocument<'a> {
    /// Inputs read: records, plus whole files that failed before yielding records.
    pub read: usize,
    /// Articles in the corpus.
    pub ingested: usize,
    /// Inputs not in the corpus, each with an entry.
    pub rejected: usize,
    /// Warning entries.
    pub warnings: usize,
    /// Exact duplicates dropped by `--dedupe` (0 without it); read = ingested + rejected + dropped.
    pub dropped: usize,
    /// Files found in the input folders but deliberately not read (each in a warning).
    pub skipped: usize,
    /// Wall-clock time of the whole run.
    pub elapsed_ms: u128,
    /// Time by stage.
    pub timings_ms: StageMillis,
    /// Every warning and rejection, in input order.
    pub entries: &'a [ReportEntry],
}

/// Byte offsets of line starts in a text, to turn byte offsets into 1-based lines and columns.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_counted_by_severity() {
        let at = || Location::file(Path::new("a.txt"));
        let entries = [
            ReportEntry::warning(at(), "odd"),
            ReportEntry::rejected(at(), "bad"),
            ReportEntry::warning(at(), "odder"),
        ];
        assert_eq!(count(&entries, Severity::Warning), 2);
        assert_eq!(count(&entries, Severity::Rejected), 1);
        assert_eq!(count(&[], Severity::Rejected), 0);
    }

    #[test]
    fn lines_from_offsets() {
        let text = "ab\ncd\n\nef";
        let index = LineIndex::new(text);
        assert_eq!(index.line(0), 1);
        assert_eq!(index.line(2), 1);
        assert_eq!(index.line(3), 2);
        assert_eq!(index.line(6), 3);
        assert_eq!(index.line(7), 4);
        assert_eq!(index.line(8), 4);
    }

    #[test]
    fn entries_print_and_serialise_their_location() {
        let entry = ReportEntry::rejected(
            Location {
                file: "in/a.json".into(),
                line: Some(3),
                column: Some(7),
                byte_offset: None,
                record: Some(1),
            },
            "empty body",
        );
        assert_eq!(
            entry.to_string(),
            "rejected: in/a.json:3:7 (record 1): empty body"
        );
        let v = serde_json::to_value(&entry).unwrap();
        assert_eq!(v["severity"], "rejected");
        assert_eq!(v["file"], "in/a.json");
        assert_eq!(v["line"], 3);
        assert_eq!(v["record"], 1);
        assert!(v.get("byte_offset").is_none());
        assert_eq!(v["reason"], "empty body");
    }
}
