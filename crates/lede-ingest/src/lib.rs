//! Turns article files into corpus articles and accounts for every input: each file or record is
//! either ingested or listed in the report with its reason and location.
//!
//! Formats: raw scraped text ([`raw_text`]), JSON and JSONL ([`json_input`]), Reuters-21578 SGML
//! ([`reuters`]) and PolNeAR ([`polnear`]). [`ingest_paths`] walks the inputs, reads and parses
//! files in parallel (rayon), checks ids and duplicates in input order, then runs the caller's
//! annotate step (the quote and entity extractors) in parallel across articles. The output order
//! is deterministic: files sorted by path, records in file order.

pub mod dates;
pub mod decode;
pub mod json_input;
pub mod markup;
pub mod polnear;
pub mod raw_text;
pub mod report;
pub mod reuters;
pub mod walk;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use lede_corpus::Article;
use rayon::prelude::*;

use crate::json_input::JsonShape;
use crate::polnear::{MetaRow, Metadata};
pub use crate::report::{LineIndex, Location, ReportDocument, ReportEntry, Severity, StageMillis};

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Raw scraped text, one article per file (masthead, doubled headline, dateline, source tag).
    Raw,
    /// A JSON document: an array of articles, an object holding one, or one article.
    Json,
    /// JSON Lines: one article object per line.
    Jsonl,
    /// Reuters-21578 SGML.
    Reuters,
    /// A PolNeAR text file with its `metadata.tsv`.
    Polnear,
}

impl Format {
    /// Every format, in the order `--format` lists them.
    pub const ALL: [Format; 5] = [
        Format::Raw,
        Format::Json,
        Format::Jsonl,
        Format::Reuters,
        Format::Polnear,
    ];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Raw => "raw",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Reuters => "reuters",
            Format::Polnear => "polnear",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| format!("unknown format \"{s}\" (raw, json, jsonl, reuters, polnear)"))
    }
}

/// One record a parser found in a file: an article, or why it could not be one.
#[derive(Debug, Clone)]
pub struct Record {
    /// Index of the record in the file (`None` when the whole file is the record).
    pub index: Option<usize>,
    /// Byte offset of the record in the decoded text.
    pub offset: Option<usize>,
    /// 1-based line, when the parser knows it directly.
    pub line: Option<usize>,
    /// 1-based column, when the parser knows it (JSON syntax errors).
    pub column: Option<usize>,
    /// The article, or the reason it is rejected.
    pub result: Result<Article, String>,
    /// What was missing or odd (reported only when the article is ingested).
    pub warnings: Vec<String>,
    /// Already a Lede article with its annotations (annotated again only on request).
    pub passthrough: bool,
}

impl Default for Record {
    fn default() -> Self {
        Record {
            index: None,
            offset: None,
            line: None,
            column: None,
            result: Err("no article".into()),
            warnings: Vec::new(),
            passthrough: false,
        }
    }
}

/// What a parser made of one file.
#[derive(Debug, Clone, Default)]
pub struct FileParse {
    /// One entry per input record (at least one unless the file holds no records at all).
    pub records: Vec<Record>,
    /// Warnings about the whole file (unused fields, no records).
    pub warnings: Vec<String>,
}

impl FileParse {
    /// The whole file rejected.
    pub fn rejected(reason: String) -> Self {
        FileParse {
            records: vec![Record {
                result: Err(reason),
                ..Record::default()
            }],
            warnings: Vec::new(),
        }
    }

    /// The whole file rejected, at a line and column.
    pub fn rejected_at(reason: String, line: usize, column: usize) -> Self {
        FileParse {
            records: vec![Record {
                line: Some(line),
                column: Some(column),
                result: Err(reason),
                ..Record::default()
            }],
            warnings: Vec::new(),
        }
    }

    /// True when the whole file was rejected before any record.
    fn is_file_rejection(&self) -> bool {
        matches!(self.records.as_slice(), [r] if r.index.is_none() && r.result.is_err())
    }
}

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
}

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
        self.report
            .iter()
            .filter(|e| e.severity == severity)
            .count()
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

/// One file to read, with what planning found out about it.
struct Job {
    path: PathBuf,
    format: Option<Format>,
    polnear: Option<MetaRow>,
}

/// An article ready for the id checks.
struct Ready {
    article: Article,
    location: Location,
    annotate: bool,
}

/// What one file gave.
#[derive(Default)]
struct FileOutput {
    read: usize,
    ready: Vec<Ready>,
    entries: Vec<ReportEntry>,
}

/// Ingests every file under `paths` (files as given, directories walked recursively).
pub fn ingest_paths(paths: &[PathBuf], options: &IngestOptions) -> Ingested {
    let started = Instant::now();
    let walk = walk::collect_files(paths);
    let mut report = walk.report;
    let missing = report
        .iter()
        .filter(|e| e.severity == Severity::Rejected)
        .count();
    let jobs = plan(&walk.files, options.format, &mut report);
    if let Some(p) = options.progress {
        p.start(Stage::ReadParse, jobs.len() as u64);
    }
    let outputs: Vec<FileOutput> = jobs
        .par_iter()
        .map(|job| {
            let out = match std::fs::read(&job.path) {
                Ok(bytes) => process(&job.path, &bytes, job.format, job.polnear.as_ref(), options),
                Err(e) => FileOutput {
                    read: 1,
                    ready: Vec::new(),
                    entries: vec![ReportEntry::rejected(
                        Location::file(&job.path),
                        format!("cannot read: {e}"),
                    )],
                },
            };
            if let Some(p) = options.progress {
                p.advance(1);
            }
            out
        })
        .collect();
    if let Some(p) = options.progress {
        p.finish();
    }
    let read_parse = started.elapsed();
    finish(outputs, missing, report, read_parse, options)
}

/// Ingests one file's bytes as if read from `path` (no directory walk, no PolNeAR metadata).
pub fn ingest_bytes(path: &Path, bytes: &[u8], options: &IngestOptions) -> Ingested {
    let started = Instant::now();
    let out = process(path, bytes, options.format, None, options);
    finish(vec![out], 0, Vec::new(), started.elapsed(), options)
}

/// Decides each file's format where the walk alone can: PolNeAR texts are the `.txt` files
/// listed in a `metadata.tsv` in their folder or up to three above.
fn plan(files: &[PathBuf], forced: Option<Format>, report: &mut Vec<ReportEntry>) -> Vec<Job> {
    let mut metadata: HashMap<PathBuf, Option<Arc<Metadata>>> = HashMap::new();
    let mut jobs = Vec::with_capacity(files.len());
    for path in files {
        let mut job = Job {
            path: path.clone(),
            format: forced,
            polnear: None,
        };
        let is_text = matches!(walk::extension(path).as_deref(), Some("txt" | "text"));
        let consider = match forced {
            Some(f) => f == Format::Polnear,
            None => is_text,
        };
        if consider {
            if let Some(meta_path) = polnear::find_metadata_file(path) {
                let meta = metadata
                    .entry(meta_path.clone())
                    .or_insert_with(|| load_metadata(&meta_path, report));
                if let Some(meta) = meta {
                    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
                    match meta.get(stem, polnear::split_of(path)) {
                        Some(row) => {
                            job.format = Some(Format::Polnear);
                            job.polnear = Some(row.clone());
                        }
                        None if forced.is_none() => report.push(ReportEntry::warning(
                            Location::file(path),
                            format!(
                                "beside PolNeAR metadata ({}) but not listed in it; read as raw \
                                 text",
                                meta_path.display()
                            ),
                        )),
                        None => {}
                    }
                }
            }
        }
        jobs.push(job);
    }
    jobs
}

/// Reads a `metadata.tsv`; a warning (and `None`) when it cannot be used.
fn load_metadata(path: &Path, report: &mut Vec<ReportEntry>) -> Option<Arc<Metadata>> {
    let loaded = std::fs::read(path)
        .map_err(|e| format!("cannot read: {e}"))
        .and_then(|b| decode::decode(&b))
        .and_then(|d| Metadata::parse(&d.text));
    match loaded {
        Ok(m) => Some(Arc::new(m)),
        Err(e) => {
            report.push(ReportEntry::warning(
                Location::file(path),
                format!("PolNeAR metadata not used: {e}"),
            ));
            None
        }
    }
}

/// Decodes and parses one file.
fn process(
    path: &Path,
    bytes: &[u8],
    format: Option<Format>,
    polnear_row: Option<&MetaRow>,
    options: &IngestOptions,
) -> FileOutput {
    let file = Location::file(path);
    let decoded = match decode::decode(bytes) {
        Ok(d) => d,
        Err(reason) => {
            return FileOutput {
                read: 1,
                ready: Vec::new(),
                entries: vec![ReportEntry::rejected(file, reason)],
            }
        }
    };
    let mut out = FileOutput::default();
    if let Some(w) = &decoded.warning {
        out.entries
            .push(ReportEntry::warning(file.clone(), w.clone()));
    }
    let text = decoded.text.as_str();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "article".into());
    let parse = match format {
        Some(Format::Raw) => parse_raw(&stem, text),
        Some(Format::Json) => {
            json_input::parse_json(&stem, text, JsonShape::Document, options.reannotate)
        }
        Some(Format::Jsonl) => {
            json_input::parse_json(&stem, text, JsonShape::Lines, options.reannotate)
        }
        Some(Format::Reuters) => reuters::parse_sgml(text),
        Some(Format::Polnear) => match polnear_row {
            Some(row) => polnear::parse_polnear(&stem, text, row),
            None => FileParse::rejected(
                "not a PolNeAR text: no metadata.tsv row for it (looked in its folder and three \
                 above)"
                    .into(),
            ),
        },
        None => detect_and_parse(path, &stem, text, options),
    };
    let lines = parse
        .records
        .iter()
        .any(|r| r.offset.is_some() && r.line.is_none())
        .then(|| LineIndex::new(text));
    for r in parse.records {
        out.read += 1;
        let location = Location {
            file: path.to_path_buf(),
            line: r.line.or_else(|| Some(lines.as_ref()?.line(r.offset?))),
            column: r.column,
            byte_offset: r.offset.and_then(|o| decoded.file_offset(o)),
            record: r.index,
        };
        match r.result {
            Ok(article) => {
                for w in r.warnings {
                    out.entries.push(ReportEntry::warning(location.clone(), w));
                }
                out.ready.push(Ready {
                    article,
                    location,
                    annotate: !r.passthrough || options.reannotate,
                });
            }
            Err(reason) => out.entries.push(ReportEntry::rejected(location, reason)),
        }
    }
    for w in parse.warnings {
        out.entries.push(ReportEntry::warning(file.clone(), w));
    }
    out
}

/// Picks the format from the extension, then the content: `.json`, `.jsonl`/`.ndjson`,
/// `.sgm`/`.sgml`; otherwise SGML when a `<REUTERS` record is present, JSON when the text is a
/// JSON document (starts with `{` or `[` and parses), raw text else.
fn detect_and_parse(path: &Path, stem: &str, text: &str, options: &IngestOptions) -> FileParse {
    match walk::extension(path).as_deref() {
        Some("json") => {
            return json_input::parse_json(stem, text, JsonShape::Document, options.reannotate)
        }
        Some("jsonl" | "ndjson") => {
            return json_input::parse_json(stem, text, JsonShape::Lines, options.reannotate)
        }
        Some("sgm" | "sgml") => return reuters::parse_sgml(text),
        _ => {}
    }
    if reuters::looks_like_sgml(text) {
        return reuters::parse_sgml(text);
    }
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if body.starts_with('{') || body.starts_with('[') {
        let parse = json_input::parse_json(stem, text, JsonShape::Document, options.reannotate);
        if !parse.is_file_rejection() {
            return parse;
        }
    }
    parse_raw(stem, text)
}

/// Parses a raw text article; what it lacked becomes warnings.
fn parse_raw(stem: &str, text: &str) -> FileParse {
    let record = match raw_text::parse_raw_article(stem, text) {
        Ok(raw) => Record {
            warnings: raw
                .missing
                .iter()
                .map(|m| m.describe().to_string())
                .collect(),
            result: Ok(raw.article),
            ..Record::default()
        },
        Err(e) => Record {
            result: Err(e.to_string()),
            ..Record::default()
        },
    };
    FileParse {
        records: vec![record],
        warnings: Vec::new(),
    }
}

/// Id checks, duplicates and the annotate step, in that order.
fn finish(
    outputs: Vec<FileOutput>,
    read_before: usize,
    mut report: Vec<ReportEntry>,
    read_parse: Duration,
    options: &IngestOptions,
) -> Ingested {
    let mut read = read_before;
    let mut ready = Vec::new();
    for out in outputs {
        read += out.read;
        report.extend(out.entries);
        ready.extend(out.ready);
    }
    let ids_started = Instant::now();
    let (mut kept, dropped) = resolve_ids(ready, options.dedupe, &mut report);
    let ids = ids_started.elapsed();

    let annotate_started = Instant::now();
    let annotated_all = options.annotate.is_some() && kept.iter().all(|r| r.annotate);
    if let Some(annotate) = options.annotate {
        let todo = kept.iter().filter(|r| r.annotate).count();
        if let Some(p) = options.progress {
            p.start(Stage::Annotate, todo as u64);
        }
        kept.par_iter_mut().filter(|r| r.annotate).for_each(|r| {
            if options.reannotate {
                r.article.quotes.clear();
                r.article.entities.clear();
            }
            annotate(&mut r.article);
            if let Some(p) = options.progress {
                p.advance(1);
            }
        });
        if let Some(p) = options.progress {
            p.finish();
        }
    }
    let annotate = annotate_started.elapsed();

    let (articles, sources) = kept.into_iter().map(|r| (r.article, r.location)).unzip();
    let ingested = Ingested {
        articles,
        sources,
        read,
        dropped,
        report,
        timings: Timings {
            read_parse,
            ids,
            annotate,
        },
        annotated_all,
    };
    debug_assert_eq!(
        ingested.read,
        ingested.ingested() + ingested.rejected() + ingested.dropped,
        "every input is ingested, rejected or dropped"
    );
    ingested
}

/// The text duplicates are compared on: title and paragraphs, whitespace collapsed, lowercased.
fn normalised_text(a: &Article) -> String {
    let mut out =
        String::with_capacity(a.title.len() + a.paragraphs.iter().map(String::len).sum::<usize>());
    for part in std::iter::once(&a.title).chain(&a.paragraphs) {
        for word in part.split_whitespace() {
            out.extend(word.chars().flat_map(char::to_lowercase));
            out.push(' ');
        }
        out.push('\n');
    }
    out
}

/// Checks ids and finds exact duplicates, in input order. Without `dedupe` a repeated id is
/// rejected (naming both sources) and a repeated text is a warning; with it, exact duplicates
/// are dropped and colliding ids renamed `<id>-2`, `<id>-3`, … Returns the kept articles and the
/// number dropped.
fn resolve_ids(
    ready: Vec<Ready>,
    dedupe: bool,
    report: &mut Vec<ReportEntry>,
) -> (Vec<Ready>, usize) {
    let mut kept: Vec<Ready> = Vec::with_capacity(ready.len());
    let mut by_id: HashMap<String, usize> = HashMap::with_capacity(ready.len());
    let mut by_text: HashMap<String, usize> = HashMap::with_capacity(ready.len());
    let mut dropped = 0;
    let texts: Vec<String> = ready
        .par_iter()
        .map(|r| normalised_text(&r.article))
        .collect();
    for (mut r, text) in ready.into_iter().zip(texts) {
        if let Some(&k) = by_text.get(&text) {
            let first = &kept[k];
            if dedupe {
                report.push(ReportEntry::warning(
                    r.location,
                    format!(
                        "exact duplicate of \"{}\" ({}); dropped (--dedupe)",
                        first.article.id, first.location
                    ),
                ));
                dropped += 1;
                continue;
            }
            if first.article.id == r.article.id {
                report.push(ReportEntry::rejected(
                    r.location,
                    format!(
                        "duplicate id \"{}\": also in {}, with the same text (--dedupe drops \
                         exact duplicates)",
                        r.article.id, first.location
                    ),
                ));
                continue;
            }
            report.push(ReportEntry::warning(
                r.location.clone(),
                format!(
                    "exact duplicate of \"{}\" ({}): the same normalised text",
                    first.article.id, first.location
                ),
            ));
        }
        if let Some(&k) = by_id.get(&r.article.id) {
            let first = kept[k].location.clone();
            if !dedupe {
                report.push(ReportEntry::rejected(
                    r.location,
                    format!(
                        "duplicate id \"{}\": also in {first} (--dedupe renames it)",
                        r.article.id
                    ),
                ));
                continue;
            }
            let renamed = (2..)
                .map(|n| format!("{}-{n}", r.article.id))
                .find(|c| !by_id.contains_key(c))
                .expect("some suffix is free");
            report.push(ReportEntry::warning(
                r.location.clone(),
                format!(
                    "id \"{}\" is also in {first}; renamed \"{renamed}\" (--dedupe)",
                    r.article.id
                ),
            ));
            r.article.id = renamed;
        }
        by_id.insert(r.article.id.clone(), kept.len());
        by_text.entry(text).or_insert(kept.len());
        kept.push(r);
    }
    (kept, dropped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ready(id: &str, body: &str, file: &str) -> Ready {
        Ready {
            article: Article {
                id: id.into(),
                title: "T".into(),
                paragraphs: vec![body.into()],
                ..Article::default()
            },
            location: Location::file(Path::new(file)),
            annotate: true,
        }
    }

    #[test]
    fn repeated_ids_are_rejected_naming_both_sources() {
        let mut report = Vec::new();
        let (kept, dropped) = resolve_ids(
            vec![
                ready("a", "one", "x/a.txt"),
                ready("a", "two", "y/a.txt"),
                ready("b", "One ", "z/b.txt"),
            ],
            false,
            &mut report,
        );
        assert_eq!(dropped, 0);
        let ids: Vec<&str> = kept.iter().map(|r| r.article.id.as_str()).collect();
        assert_eq!(ids, vec!["a", "b"]);
        assert_eq!(report.len(), 2);
        assert_eq!(report[0].severity, Severity::Rejected);
        assert_eq!(report[0].location.file, Path::new("y/a.txt"));
        assert!(report[0].reason.contains("x/a.txt"), "{}", report[0].reason);
        assert_eq!(report[1].severity, Severity::Warning);
        assert!(report[1].reason.contains("exact duplicate of \"a\""));
    }

    #[test]
    fn dedupe_drops_exact_duplicates_and_renames_ids() {
        let mut report = Vec::new();
        let (kept, dropped) = resolve_ids(
            vec![
                ready("a", "one", "x/a.txt"),
                ready("a", "two", "y/a.txt"),
                ready("c", "ONE", "z/c.txt"),
                ready("a", "three", "w/a.txt"),
            ],
            true,
            &mut report,
        );
        assert_eq!(dropped, 1);
        let ids: Vec<&str> = kept.iter().map(|r| r.article.id.as_str()).collect();
        assert_eq!(ids, vec!["a", "a-2", "a-3"]);
        assert!(report.iter().all(|e| e.severity == Severity::Warning));
        assert!(report[1].reason.contains("dropped"));
    }

    #[test]
    fn format_names_round_trip() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
        }
        assert!("xml".parse::<Format>().is_err());
    }
}
