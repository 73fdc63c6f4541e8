//! `lede ingest`: files in, corpus JSON out, every input accounted for on stderr.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use lede_corpus::Corpus;
use lede_ingest::{ingest_paths, Severity};

/// Runs `lede ingest PATHS... -o OUTPUT`.
pub fn ingest(paths: &[PathBuf], output: &Path, allow_rejects: bool) -> ExitCode {
    let started = Instant::now();
    let mut result = ingest_paths(paths);
    for entry in &result.report {
        let label = match entry.severity {
            Severity::Warning => "warning",
            Severity::Rejected => "rejected",
        };
        eprintln!("{label}: {}: {}", entry.file.display(), entry.reason);
    }
    let ingested = result.articles.len();
    let corpus = Corpus::new(std::mem::take(&mut result.articles));
    let json = corpus.to_json_pretty();
    if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("error: cannot create {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    }
    if let Err(e) = std::fs::write(output, json + "\n") {
        eprintln!("error: cannot write {}: {e}", output.display());
        return ExitCode::FAILURE;
    }
    eprintln!(
        "{} read, {ingested} ingested, {} rejected, {} warnings, {:.2?} -> {}",
        result.read,
        result.rejected(),
        result.warnings(),
        started.elapsed(),
        output.display()
    );
    if result.rejected() > 0 && !allow_rejects {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
