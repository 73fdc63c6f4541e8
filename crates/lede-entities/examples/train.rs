//! Trains the NER model on CoNLL-2003 `eng.train` and writes the model file; prints the
//! span F1 on `eng.testa` after each epoch (the development split; `eng.testb` is never read).
//!
//! `cargo run --release -p lede-entities --example train -- DATA_DIR OUT [EPOCHS] [BITS] [FOLDS] [with-dev|train-only] [LEVELS]`
//!
//! `with-dev` trains the shipped model: once the settings are chosen on testa, it learns from
//! `eng.train` and `eng.testa` together (the testa F1 it prints is then on training data).

use std::time::Instant;

use lede_entities::clusters::parse_clusters;
use lede_entities::conll::{self, Document};
use lede_entities::score;

/// The word clusters the model carries (written by `examples/clusters.rs`).
const CLUSTERS: &str = include_str!("../data/clusters.txt");
use lede_entities::train::{train, Progress, TrainOptions};
use lede_entities::{EntityType, Tagger};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!(
            "usage: train DATA_DIR OUT [EPOCHS] [BITS] [FOLDS] [with-dev|train-only] [LEVELS]"
        );
        std::process::exit(2);
    }
    let dir = std::path::Path::new(&args[0]);
    let out = &args[1];
    let mut options = TrainOptions::default();
    let arg = |i: usize| args.get(i).map(|a| a.parse::<usize>().expect("a number"));
    if let Some(e) = arg(2) {
        options.epochs = e;
    }
    if let Some(b) = arg(3) {
        options.bits = b as u8;
    }
    if let Some(f) = arg(4) {
        options.folds = f;
    }
    if let Some(l) = arg(6) {
        options.levels = i8::try_from(l).expect("LEVELS is at most 127");
    }
    let read = |name: &str| -> Vec<Document> {
        let text = std::fs::read_to_string(dir.join(name)).expect("readable CoNLL file");
        conll::parse(&text).expect("valid CoNLL")
    };
    let started = Instant::now();
    let mut train_docs = read("eng.train");
    if args.get(5).is_some_and(|a| a == "with-dev") {
        train_docs.extend(read("eng.testa"));
        eprintln!("training on eng.train and eng.testa");
    }
    let dev = read("eng.testa");
    eprintln!("{options:?}");
    let clusters = parse_clusters(CLUSTERS).expect("data/clusters.txt");
    let tagger = train(&train_docs, &clusters, options, |p: Progress| {
        let dev_score = p.tagger.as_ref().map(|t| dev_f1(t, &dev));
        let score = dev_score.map_or(String::new(), |(f1, per_type)| {
            format!("; testa micro PER/ORG/LOC F1 {f1:.4} ({per_type})")
        });
        eprintln!(
            "{} epoch {}: {} sentences wrong{score} [{:.0}s]",
            p.stage,
            p.epoch,
            p.wrong,
            started.elapsed().as_secs_f64()
        );
    });
    let bytes = tagger.to_bytes();
    std::fs::write(out, &bytes).expect("writable output");
    eprintln!(
        "wrote {out}: {} bytes, {} non-zero weights, trained in {:.1}s",
        bytes.len(),
        tagger.nonzero_weights(),
        started.elapsed().as_secs_f64()
    );
}

/// Micro F1 over PER/ORG/LOC on exact spans, and per-type F1 as text.
fn dev_f1(tagger: &Tagger, docs: &[Document]) -> (f64, String) {
    let scores = score::score(docs, tagger);
    let text = EntityType::ALL
        .iter()
        .map(|t| format!("{} {:.3}", t.as_str(), scores.of(*t).f1()))
        .collect::<Vec<_>>()
        .join(", ");
    (scores.micro_per_org_loc().f1(), text)
}
