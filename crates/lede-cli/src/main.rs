//! The `lede` command line: a thin shell over the ingest and corpus crates.

mod eval_cmd;
mod ingest_cmd;
mod stats_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand};
use lede_ingest::Format;

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
    ///
    /// Formats are detected by extension and content: raw scraped text (.txt), JSON and JSON
    /// Lines (.json, .jsonl, .ndjson), Reuters-21578 SGML (.sgm) and PolNeAR (.txt listed in a
    /// metadata.tsv). Every input is ingested or listed on stderr with its reason and location.
    /// Exit status: 0 when nothing was rejected (or --allow-rejects), 1 when inputs were
    /// rejected, 2 when the corpus or the report cannot be written.
    Ingest {
        /// Files or directories to read.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Where to write the corpus JSON.
        #[arg(short, long)]
        output: PathBuf,
        /// Read every file as this format instead of detecting it.
        #[arg(long, value_parser = format_parser())]
        format: Option<Format>,
        /// Drop exact duplicate articles and rename repeated ids instead of rejecting them.
        #[arg(long)]
        dedupe: bool,
        /// Extract quotes and entities again for articles already in Lede's format.
        #[arg(long)]
        reannotate: bool,
        /// Exit 0 even when some inputs were rejected.
        #[arg(long)]
        allow_rejects: bool,
        /// Also write the report (counts, timings, every warning and rejection) as JSON here.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
        /// Print the time spent in each stage (read/parse, ids, annotate, write).
        #[arg(long)]
        timings: bool,
        /// Also write the search index (binary, for the app to load instead of building it)
        /// here, conventionally beside the corpus as `corpus.index`.
        #[arg(long, value_name = "FILE")]
        index: Option<PathBuf>,
        /// Also write a pack here (`corpus.lede`): the corpus as compact bytes and its search
        /// index in one file, which the app loads several times faster than the JSON (point
        /// `data-corpus` at it).
        #[arg(long, value_name = "FILE")]
        pack: Option<PathBuf>,
        /// Indent the corpus JSON for reading (the default is compact: smaller, faster to load).
        #[arg(long)]
        pretty: bool,
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

/// `--format` values, parsed into [`Format`].
fn format_parser() -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(Format::ALL.map(Format::name))
        .map(|s| s.parse::<Format>().expect("only listed names get here"))
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Ingest {
            paths,
            output,
            format,
            dedupe,
            reannotate,
            allow_rejects,
            report,
            timings,
            index,
            pack,
            pretty,
        } => ingest_cmd::ingest(&ingest_cmd::IngestArgs {
            paths,
            output,
            format,
            dedupe,
            reannotate,
            allow_rejects,
            report,
            timings,
            index,
            pack,
            pretty,
        }),
        Command::Eval { what } => eval_cmd::eval(what),
        Command::Stats { corpus } => stats_cmd::stats(&corpus),
    }
}
