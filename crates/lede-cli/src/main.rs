//! The `lede` command line: a thin shell over the ingest and corpus crates.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use lede_corpus::Corpus;
use lede_ingest::{ingest_paths, Severity};

/// Lede: turn article files into a corpus the Lede app explores.
#[derive(Parser)]
#[command(name = "lede", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest article files (directories are walked) into a corpus JSON file.
    Ingest {
        /// Files or directories to read.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Where to write the corpus JSON.
        #[arg(short, long)]
        output: PathBuf,
        /// Exit 0 even when some inputs were rejected.
        #[arg(long)]
        allow_rejects: bool,
    },
    /// Load a corpus JSON file, validate it and print counts.
    Stats {
        /// The corpus JSON file.
        corpus: PathBuf,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Ingest {
            paths,
            output,
            allow_rejects,
        } => ingest(&paths, &output, allow_rejects),
        Command::Stats { corpus } => stats(&corpus),
    }
}

fn ingest(paths: &[PathBuf], output: &PathBuf, allow_rejects: bool) -> ExitCode {
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

fn stats(path: &PathBuf) -> ExitCode {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    match Corpus::from_json(&text) {
        Ok(corpus) => {
            let paragraphs: usize = corpus.articles.iter().map(|a| a.paragraphs.len()).sum();
            let quotes: usize = corpus.articles.iter().map(|a| a.quotes.len()).sum();
            println!(
                "{}: {} articles, {paragraphs} paragraphs, {quotes} quotes, {} entities",
                path.display(),
                corpus.articles.len(),
                corpus.entities.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}
