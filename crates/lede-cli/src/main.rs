//! The `lede` command line: a thin shell over the ingest and corpus crates.

mod eval_cmd;
mod ingest_cmd;
mod stats_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

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
    /// Score an extractor against a gold standard.
    Eval {
        #[command(subcommand)]
        what: eval_cmd::EvalTarget,
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
        } => ingest_cmd::ingest(&paths, &output, allow_rejects),
        Command::Eval { what } => eval_cmd::eval(what),
        Command::Stats { corpus } => stats_cmd::stats(&corpus),
    }
}
