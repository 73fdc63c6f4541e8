//! `lede eval`: score the extractors against gold standards and print a table or JSON.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Subcommand;
use lede_eval::{polnear, quotes};

/// What `lede eval` scores.
#[derive(Subcommand)]
pub enum EvalTarget {
    /// Direct quotations and their speakers against PolNeAR.
    Quotes {
        /// PolNeAR's `data` folder (holding train/, dev/, test/).
        #[arg(long)]
        polnear: PathBuf,
        /// Which split: train, dev or test.
        #[arg(long, default_value = "dev")]
        split: String,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Runs `lede eval …`.
pub fn eval(target: EvalTarget) -> ExitCode {
    match target {
        EvalTarget::Quotes {
            polnear,
            split,
            json,
        } => eval_quotes(&polnear, &split, json),
    }
}

fn eval_quotes(data: &std::path::Path, split: &str, json: bool) -> ExitCode {
    let articles = match polnear::read_split(data, split) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let started = Instant::now();
    let scores = quotes::score(&articles);
    let elapsed = started.elapsed();
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&scores).expect("scores serialise")
        );
        return ExitCode::SUCCESS;
    }
    println!(
        "PolNeAR {split}: {} articles, {} gold direct quotations, {} predicted quotations ({elapsed:.2?} including extraction)",
        articles.len(),
        scores.quotes_gold,
        scores.quotes_found
    );
    println!(
        "{:<12} {:>9} {:>9} {:>9}",
        "match", "precision", "recall", "F1"
    );
    for (name, prf) in [
        ("overlap>=0.3", scores.overlap_03),
        ("overlap>=0.8", scores.overlap_08),
        ("exact", scores.exact),
    ] {
        println!(
            "{name:<12} {:>9.3} {:>9.3} {:>9.3}",
            prf.precision, prf.recall, prf.f1
        );
    }
    println!("speaker accuracy {:.3}", scores.speaker_accuracy);
    println!("\nThe 20 worst-found gold quotations:");
    for miss in scores.worst.iter().take(20) {
        println!(
            "- {} (overlap {:.2})\n  gold: {}\n  ours: {}",
            miss.article, miss.overlap, miss.gold, miss.predicted
        );
    }
    if std::env::var_os("LEDE_EVAL_SPEAKERS").is_some() {
        println!("\nWrong speakers:");
        for miss in &scores.wrong_speakers {
            println!(
                "- {}\n  gold: {}\n  ours: {}",
                miss.article, miss.gold, miss.predicted
            );
        }
    }
    if std::env::var_os("LEDE_EVAL_FALSE_POSITIVES").is_some() {
        println!("\nPredicted quotations touching no gold content:");
        for miss in &scores.false_positives {
            println!("- {}\n  ours: {}", miss.article, miss.predicted);
        }
    }
    ExitCode::SUCCESS
}
