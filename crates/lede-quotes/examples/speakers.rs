//! Prints each quotation and its speaker for the articles of a corpus JSON file, for checking
//! attributions by hand (docs/evaluation.md, "Speakers outside PolNeAR").
//!
//! `cargo run --release -p lede-quotes --example speakers -- CORPUS.json [ID-PREFIX] [N]`: the
//! first N articles (default 20) whose id starts with ID-PREFIX and whose text holds at least
//! four double quote marks (two quotations), in the corpus's order, a story whose paragraphs
//! repeat an earlier chosen one's skipped (Reuters sends some stories twice).

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .ok_or("usage: speakers CORPUS.json [ID-PREFIX] [N]")?;
    let prefix = args.get(2).map_or("", String::as_str);
    let n: usize = match args.get(3) {
        Some(v) => v.parse().map_err(|_| format!("N: not a number: {v}"))?,
        None => 20,
    };
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let corpus = lede_corpus::Corpus::from_json(&text).map_err(|e| format!("{path}: {e}"))?;
    let marks = |p: &str| p.chars().filter(|c| matches!(c, '"' | '“' | '”')).count();
    let mut seen: Vec<&lede_corpus::Paragraphs> = Vec::new();
    let chosen = corpus
        .articles
        .iter()
        .filter(|a| a.id.starts_with(prefix))
        .filter(|a| a.paragraphs.iter().map(marks).sum::<usize>() >= 4)
        .filter(|a| {
            let fresh = !seen.contains(&&a.paragraphs);
            seen.push(&a.paragraphs);
            fresh
        })
        .take(n);
    for article in chosen {
        println!("## {} — {}", article.id, article.title);
        let quotes = lede_quotes::extract_quotes(&article.paragraphs);
        let mut k = 0;
        for (i, q) in quotes.iter().enumerate() {
            // One line per quotation: its first piece, the pieces it continues into skipped.
            if quotes[..i].iter().any(|p| p.next == Some(i)) {
                continue;
            }
            k += 1;
            let speaker = q.speaker.as_ref().map_or("(none)".to_string(), |s| {
                let words = s.span.map_or(String::new(), |sp| {
                    let chars: Vec<char> = article.paragraphs[sp.paragraph].chars().collect();
                    chars[sp.start..sp.end].iter().collect()
                });
                format!("{} [{words}] {:.2}", s.name, s.confidence.unwrap_or(0.0))
            });
            let text: String = q.text(&article.paragraphs).chars().take(90).collect();
            println!("  q{k} p{}: {text:?} -> {speaker}", q.paragraph);
        }
    }
    Ok(())
}
