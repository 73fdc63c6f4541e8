//! Lists the quotations of a PolNeAR split where no candidate speaker overlaps the gold source
//! (the ranker's ceiling), with the gold source and every candidate: a tuning aid for
//! candidate generation. `cargo run --release -p lede-eval --example speaker_ceiling -- DATA SPLIT`
use std::collections::BTreeSet;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let data = std::path::Path::new(args.get(1).ok_or("usage: speaker_ceiling DATA SPLIT")?);
    let split = args.get(2).ok_or("usage: speaker_ceiling DATA SPLIT")?;
    let articles = lede_eval::polnear::read_split(data, split)?;
    let (mut sets, mut missed) = (0, 0);
    for article in &articles {
        let chars: Vec<char> = article.text.chars().collect();
        let slice = |a: usize, b: usize| chars[a..b.min(chars.len())].iter().collect::<String>();
        let mut paragraphs = Vec::new();
        let mut offsets = Vec::new();
        for (at, p) in lede_text::paragraphs_with_offsets(&article.text) {
            paragraphs.push(p.to_string());
            offsets.push(at);
        }
        let paragraphs = lede_corpus::Paragraphs::from(paragraphs);
        for set in lede_quotes::candidate_sets(&paragraphs) {
            let ours: BTreeSet<usize> = set
                .pieces
                .iter()
                .flat_map(|s| offsets[s.paragraph] + s.start..offsets[s.paragraph] + s.end)
                .collect();
            let best = article
                .attributions
                .iter()
                .filter(|g| g.is_direct() && g.source.is_some())
                .map(|g| {
                    let n = g
                        .content
                        .iter()
                        .flat_map(|&(a, b)| a..b)
                        .filter(|i| ours.contains(i))
                        .count();
                    (n, g)
                })
                .filter(|(n, _)| *n > 0)
                .max_by_key(|(n, _)| *n);
            let Some((_, g)) = best else { continue };
            sets += 1;
            let source = g.source.as_ref().expect("filtered");
            let right = set.candidates.iter().any(|(s, _)| {
                let (a, b) = (offsets[s.paragraph] + s.start, offsets[s.paragraph] + s.end);
                source.iter().any(|&(x, y)| a < y && x < b)
            });
            if right {
                continue;
            }
            missed += 1;
            let q = &set.pieces[0];
            let para = q.paragraph;
            println!("== {} p{}", article.id, para);
            println!(
                "   text: {}",
                paragraphs[para].chars().take(400).collect::<String>()
            );
            println!(
                "   gold source: {:?}",
                g.source_text.as_deref().unwrap_or("")
            );
            for (s, f) in &set.candidates {
                let rules: Vec<&str> = f
                    .iter()
                    .filter(|x| x.starts_with("rule=") && !x.contains('&'))
                    .map(|x| &x[5..])
                    .collect();
                let a = offsets[s.paragraph] + s.start;
                println!(
                    "   cand p{} {:?} {:?}",
                    s.paragraph,
                    slice(a, offsets[s.paragraph] + s.end),
                    rules
                );
            }
        }
    }
    println!("{missed} of {sets} quotations have no right candidate");
    Ok(())
}
