//! Scores a model file on one CoNLL-2003 file: per-type and micro PER/ORG/LOC precision,
//! recall and F1 on exact spans (for comparing candidate models before one is bundled).
//!
//! `cargo run --release -p lede-entities --example score -- MODEL CONLL_FILE`

use lede_entities::conll;
use lede_entities::score;
use lede_entities::{EntityType, Tagger};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (model, file) = match args.as_slice() {
        [m, f] | [m, f, _] => (m, f),
        _ => {
            eprintln!("usage: score MODEL CONLL_FILE [REQUANTISE_MAX]");
            std::process::exit(2);
        }
    };
    let bytes = std::fs::read(model).unwrap_or_else(|e| panic!("{model}: {e}"));
    let mut tagger = Tagger::from_bytes(&bytes).unwrap_or_else(|e| panic!("{model}: {e}"));
    if let Some(max) = args.get(2) {
        tagger = tagger.requantised(max.parse().expect("REQUANTISE_MAX is a number"));
        let out = tagger.to_bytes();
        println!(
            "requantised to ±{max}: {} non-zero weights, {} bytes raw",
            tagger.nonzero_weights(),
            out.len()
        );
        std::fs::write("/tmp/ner-requantised.bin", out).expect("writable /tmp");
    }
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    let docs = conll::parse(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
    let s = score::score(&docs, &tagger);
    for ty in EntityType::ALL {
        let (p, r, f) = s.of(ty).precision_recall_f1();
        println!("{:4} P {p:.4} R {r:.4} F1 {f:.4}", ty.as_str());
    }
    let (p, r, f) = s.micro_per_org_loc().precision_recall_f1();
    println!("micro PER/ORG/LOC P {p:.4} R {r:.4} F1 {f:.4}");
}
