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
    ///
    /// Formats are detected by extension and content: raw scraped text (.txt), JSON and JSON
    /// Lines (.json, .jsonl, .ndjson), Reuters-21578 SGML (.sgm) and PolNeAR (.txt listed in a
    /// metadata.tsv). Every input is ingested or listed on stderr with its reason and location.
    /// Exit status: 0 when nothing was rejected (or --allow-rejects), 1 when inputs were
    /// rejected, 2 when the corpus or the report cannot be written.
    Ingest {
        #[command(flatten)]
        args: ingest_cmd::IngestArgs,
    },
    /// Score an extractor against a gold standard.
    Eval {
        #[command(subcommand)]
        what: eval_cmd::EvalTarget,
    },
    /// Load a corpus (JSON or a pack), validate it as the app does and print counts.
    Stats {
        /// The corpus JSON file or pack.
        corpus: PathBuf,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Ingest { args } => ingest_cmd::ingest(&args),
        Command::Eval { what } => eval_cmd::eval(what),
        Command::Stats { corpus } => stats_cmd::stats(&corpus),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;
    use lede_ingest::Format;

    use super::*;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_ingest_flag_reaches_the_ingest_args() {
        let cli = Cli::try_parse_from([
            "lede",
            "ingest",
            "in/a",
            "in/b.json",
            "-o",
            "out/corpus.json",
            "--format",
            "jsonl",
            "--dedupe",
            "--reannotate",
            "--allow-rejects",
            "--report",
            "report.json",
            "--timings",
            "--index",
            "corpus.index",
            "--pack",
            "corpus.lede",
            "--pretty",
        ])
        .unwrap();
        let Command::Ingest { args } = cli.command else {
            panic!("not the ingest command");
        };
        assert_eq!(
            args.paths,
            [PathBuf::from("in/a"), PathBuf::from("in/b.json")]
        );
        assert_eq!(args.output, PathBuf::from("out/corpus.json"));
        assert_eq!(args.format, Some(Format::Jsonl));
        assert!(args.dedupe && args.reannotate && args.allow_rejects);
        assert!(args.timings && args.pretty);
        assert_eq!(args.report, Some(PathBuf::from("report.json")));
        assert_eq!(args.index, Some(PathBuf::from("corpus.index")));
        assert_eq!(args.pack, Some(PathBuf::from("corpus.lede")));
    }

    #[test]
    fn ingest_needs_paths_and_an_output_and_a_known_format() {
        let parse = |args: &[&str]| Cli::try_parse_from(["lede", "ingest"].iter().chain(args));
        assert!(parse(&["a.txt", "-o", "c.json"]).is_ok());
        assert!(parse(&["a.txt"]).is_err());
        assert!(parse(&["-o", "c.json"]).is_err());
        assert!(parse(&["a.txt", "-o", "c.json", "--format", "xml"]).is_err());
    }
}
