//! Scores a model file on one CoNLL-2003 file: per-type and micro PER/ORG/LOC precision,
//! recall and F1 on exact spans (for comparing candidate models before one is bundled).
//!
//! `cargo run --release -p lede-entities --example score -- MODEL CONLL_FILE [REQUANTISE_MAX | errors]`
//!
//! `errors` also prints every wrong span, one line each: `ERR kind gold-type predicted-type |
//! words | sentence` (for error analysis on the development split only).

use lede_entities::conll::{self, Document};
use lede_entities::score;
use lede_entities::{spans, EntityType, Tagger, TokenSpan};

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
    let errors = args.get(2).is_some_and(|a| a == "errors");
    if let Some(max) = args.get(2).filter(|_| !errors) {
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
    if errors {
        print_errors(&docs, &tagger);
    }
    for ty in EntityType::ALL {
        let (p, r, f) = s.of(ty).precision_recall_f1();
        println!("{:4} P {p:.4} R {r:.4} F1 {f:.4}", ty.as_str());
    }
    let (p, r, f) = s.micro_per_org_loc().precision_recall_f1();
    println!("micro PER/ORG/LOC P {p:.4} R {r:.4} F1 {f:.4}");
}

/// Prints each gold span the tagger missed or got wrong and each span it made up: `type` (same
/// span, other type), `span` (overlapping, other ends), `missed`, `spurious`.
fn print_errors(docs: &[Document], tagger: &Tagger) {
    let overlaps = |a: &TokenSpan, b: &TokenSpan| a.start < b.end && b.start < a.end;
    for d in docs {
        let sents: Vec<Vec<&str>> = d
            .sentences
            .iter()
            .map(|s| s.tokens.iter().map(String::as_str).collect())
            .collect();
        let predicted = tagger.tag_document(&sents);
        for (s, p) in d.sentences.iter().zip(&predicted) {
            let gold = spans(&s.tags);
            let pred = spans(p);
            let text = s.tokens.join(" ");
            let words = |a: usize, b: usize| s.tokens[a..b].join(" ");
            for g in gold.iter().filter(|g| !pred.contains(g)) {
                let (kind, ty, shown) = match pred.iter().find(|x| overlaps(g, x)) {
                    None => ("missed", "-", String::new()),
                    Some(x) if (x.start, x.end) == (g.start, g.end) => {
                        ("type", x.ty.as_str(), String::new())
                    }
                    Some(x) => (
                        "span",
                        x.ty.as_str(),
                        format!(" -> {}", words(x.start, x.end)),
                    ),
                };
                let gold_words = words(g.start, g.end);
                println!(
                    "ERR {kind} {} {ty} | {gold_words}{shown} | {text}",
                    g.ty.as_str()
                );
            }
            for x in pred.iter().filter(|x| !gold.iter().any(|g| overlaps(g, x))) {
                let ty = x.ty.as_str();
                println!("ERR spurious - {ty} | {} | {text}", words(x.start, x.end));
            }
        }
    }
}
