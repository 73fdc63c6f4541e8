//! The ingest pipeline: walk the inputs, read, decode and parse each file (in parallel), check
//! ids and duplicates (in input order), run the annotate hook (in parallel), with the time of
//! each stage.

mod dedupe;
mod detect;
mod plan;
mod read;

use std::path::{Path, PathBuf};
use std::time::Duration;

use lede_corpus::Article;
use rayon::prelude::*;

use crate::clock::Stopwatch;
use crate::{
    report, walk, IngestOptions, Ingested, Location, ReportEntry, Severity, Stage, Timings,
};

/// An article ready for the id checks.
struct Ready {
    article: Article,
    location: Location,
    annotate: bool,
    /// Came from a corpus marked as annotated, its annotations complete (`Record::marked`).
    marked: bool,
}

/// What one file gave.
#[derive(Default)]
struct FileOutput {
    read: usize,
    ready: Vec<Ready>,
    entries: Vec<ReportEntry>,
}

impl FileOutput {
    /// One input, the whole file, rejected.
    fn rejected(file: Location, reason: String) -> Self {
        FileOutput {
            read: 1,
            ready: Vec::new(),
            entries: vec![ReportEntry::rejected(file, reason)],
        }
    }
}

/// Ingests every file under `paths` (files as given, directories walked recursively).
pub fn ingest_paths(paths: &[PathBuf], options: &IngestOptions) -> Ingested {
    let started = Stopwatch::start();
    let walk = walk::collect_files(
        paths,
        walk::WalkOptions {
            max_file_bytes: options.max_file_bytes(),
            outputs: options.outputs,
        },
    );
    let skipped = walk.skipped;
    let mut report = walk.report;
    let missing = report::count(&report, Severity::Rejected);
    let jobs = plan::plan(&walk.files, options.format, &mut report);
    let outputs: Vec<FileOutput> = reading(options, jobs.len(), |step| {
        jobs.par_iter()
            .map(|job| {
                let out = read::read_job(job, options);
                step();
                out
            })
            .collect()
    });
    let read_parse = started.elapsed();
    let mut ingested = finish(outputs, missing, report, read_parse, options);
    ingested.skipped = skipped;
    ingested
}

/// Ingests one file's bytes as if read from `path` (no directory walk, no PolNeAR metadata).
pub fn ingest_bytes(path: &Path, bytes: &[u8], options: &IngestOptions) -> Ingested {
    let started = Stopwatch::start();
    let out = read::parse_file(path, bytes, options.format, None, options);
    finish(vec![out], 0, Vec::new(), started.elapsed(), options)
}

/// Ingests files held in memory (the browser's dropped files), each `(path, bytes)` taken as
/// if named on the command line (`lede ingest FILE…`): sorted by path, each path once, the
/// format detected from the content, with progress as [`ingest_paths`] gives it.
pub fn ingest_files(files: &[(PathBuf, Vec<u8>)], options: &IngestOptions) -> Ingested {
    let started = Stopwatch::start();
    let mut order: Vec<&(PathBuf, Vec<u8>)> = files.iter().collect();
    order.sort_by(|a, b| a.0.cmp(&b.0));
    order.dedup_by(|a, b| a.0 == b.0);
    let outputs: Vec<FileOutput> = reading(options, order.len(), |step| {
        order
            .iter()
            .map(|(path, bytes)| {
                let out = read::parse_file(path, bytes, options.format, None, options);
                step();
                out
            })
            .collect()
    });
    finish(outputs, 0, Vec::new(), started.elapsed(), options)
}

/// Runs the read/parse stage over `files` inputs with its progress reported: `run` calls the
/// step it is given once per file read.
fn reading<T>(
    options: &IngestOptions,
    files: usize,
    run: impl FnOnce(&(dyn Fn() + Sync)) -> T,
) -> T {
    if let Some(p) = options.progress {
        p.start(Stage::ReadParse, files as u64);
    }
    let step = || {
        if let Some(p) = options.progress {
            p.advance(1);
        }
    };
    let out = run(&step);
    if let Some(p) = options.progress {
        p.finish();
    }
    out
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
    let ids_started = Stopwatch::start();
    let (mut kept, dropped) = dedupe::resolve_ids(ready, options.dedupe, &mut report);
    let ids = ids_started.elapsed();

    let annotate_started = Stopwatch::start();
    let annotated_all = annotate(&mut kept, options);
    let annotate = annotate_started.elapsed();

    let (articles, sources) = kept.into_iter().map(|r| (r.article, r.location)).unzip();
    let ingested = Ingested {
        articles,
        sources,
        read,
        dropped,
        skipped: 0,
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

/// Runs the annotate hook (if any) over the articles that want it, in parallel; true when
/// every article is annotated: by the hook now, or as it came from a corpus marked annotated
/// (so that ingesting a marked corpus again keeps its marks, and the app does not annotate
/// it again on every load).
fn annotate(kept: &mut [Ready], options: &IngestOptions) -> bool {
    let annotated_all = kept
        .iter()
        .all(|r| (r.annotate && options.annotate.is_some()) || r.marked);
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
    annotated_all
}
