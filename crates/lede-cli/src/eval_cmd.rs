//! `lede eval`: score the extractors against gold standards and print a table or JSON.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Subcommand;
use lede_eval::{entities, polnear, quotes};

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
    /// Named entities against a CoNLL-2003 file (exact spans, per type and micro over
    /// PER/ORG/LOC).
    Entities {
        /// The CoNLL file, e.g. ../shared/corpora/conll2003/eng.testb.
        #[arg(long)]
        conll: PathBuf,
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
        EvalTarget::Entities { conll, json } => eval_entities(&conll, json),
    }
}

fn eval_entities(path: &std::path::Path, json: bool) -> ExitCode {
    let tagger = lede_entities::Tagger::bundled();
    let scores = match entities::evaluate_conll(path, &tagger) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if json {
        return print_json(&scores);
    }
    println!(
        "{}: {} sentences, {} tokens, {:.0} tokens/s",
        path.display(),
        scores.sentences,
        scores.tokens,
        scores.tokens_per_second
    );
    println!(
        "{:<18} {:>9} {:>9} {:>9}",
        "type", "precision", "recall", "F1"
    );
    for (name, s) in [
        ("PER", &scores.per),
        ("ORG", &scores.org),
        ("LOC", &scores.loc),
        ("MISC", &scores.misc),
        ("micro PER/ORG/LOC", &scores.micro_per_org_loc),
    ] {
        println!(
            "{name:<18} {:>9.3} {:>9.3} {:>9.3}",
            s.precision, s.recall, s.f1
        );
    }
    ExitCode::SUCCESS
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
        return print_json(&scores);
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

/// Prints scores as pretty JSON.
fn print_json(scores: &impl serde::Serialize) -> ExitCode {
    println!(
        "{}",
        serde_json::to_string_pretty(scores).expect("scores serialise")
    );
    ExitCode::SUCCESS
}
