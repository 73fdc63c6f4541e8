//! Prints the tags and the entities the bundled model finds in text read from stdin (one
//! paragraph per line): `echo "Text" | cargo run -p lede-entities --example tag`.

use std::io::Read;

use lede_entities::tokenize::{sentences, tokenize};
use lede_entities::{extract_entities, find_mentions, Tagger};

fn main() {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .expect("readable stdin");
    let paragraphs: lede_corpus::Paragraphs =
        text.lines().filter(|l| !l.trim().is_empty()).collect();
    let tagger = Tagger::bundled();
    for p in &paragraphs {
        let toks = tokenize(p);
        for s in sentences(&toks) {
            let words: Vec<&str> = toks[s].iter().map(|t| t.text.as_str()).collect();
            let tags = tagger.tag(&words);
            let line: Vec<String> = words
                .iter()
                .zip(&tags)
                .map(|(w, t)| format!("{w}/{t}"))
                .collect();
            println!("{}", line.join(" "));
        }
    }
    for m in find_mentions(&paragraphs, &tagger, &[]) {
        println!(
            "mention {:?} {} {:?} role={:?}",
            m.ty, m.name, m.span, m.role
        );
    }
    for e in extract_entities(&paragraphs, &tagger, &[]) {
        println!("{} {:?} aliases={:?}", e.id, e.name, e.aliases);
    }
}
