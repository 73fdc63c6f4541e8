//! Prints the false positives and wrong speakers of a PolNeAR split (a tuning aid).
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let data = std::path::Path::new(&args[1]);
    let articles = lede_eval::polnear::read_split(data, &args[2]).unwrap();
    let s = lede_eval::quotes::score(&articles);
    println!("FALSE POSITIVES {}", s.false_positives.len());
    for m in &s.false_positives {
        println!(
            "FP {} :: {}",
            m.article,
            m.predicted.chars().take(160).collect::<String>()
        );
    }
    println!("WRONG SPEAKERS {}", s.wrong_speakers.len());
    for m in &s.wrong_speakers {
        println!(
            "WS {} :: {} :: {}",
            m.article,
            m.gold.chars().take(120).collect::<String>(),
            m.predicted
                .chars()
                .rev()
                .take(60)
                .collect::<String>()
                .chars()
                .rev()
                .collect::<String>()
        );
    }
    println!("MISSES");
    for m in &s.worst {
        println!(
            "MISS {:.2} {} :: {} :: {}",
            m.overlap,
            m.article,
            m.gold.chars().take(120).collect::<String>(),
            m.predicted.chars().take(120).collect::<String>()
        );
    }
}
