//! Retrains the bundled speaker ranker (`crates/lede-quotes/model/speakers.tsv`) from PolNeAR:
//! trained on train, calibrated on dev, printed choice accuracy on train and dev.
//!
//! `cargo run --release -p lede-eval --example train_speakers -- ../shared/corpora/polnear/data [OUT]`
//! (OUT defaults to the bundled model's path). `LEDE_RANK_EPOCHS` and `LEDE_RANK_RATE` try
//! other settings on dev without writing the file.

use lede_eval::polnear::read_split;
use lede_eval::speaker_training::{choice_accuracy, train_bundled, training_groups};
use lede_quotes::rank::{calibrate, train};

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let data = std::path::Path::new(args.get(1).ok_or("usage: train_speakers POLNEAR [OUT]")?);
    let out = args.get(2).map_or(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../lede-quotes/model/speakers.tsv"
        ),
        String::as_str,
    );
    let train_groups = training_groups(&read_split(data, "train")?);
    let dev_groups = training_groups(&read_split(data, "dev")?);
    let env = |k: &str| std::env::var(k).ok();
    if let (Some(e), Some(r)) = (env("LEDE_RANK_EPOCHS"), env("LEDE_RANK_RATE")) {
        let (e, r) = (
            e.parse().map_err(|_| "epochs")?,
            r.parse().map_err(|_| "rate")?,
        );
        let mut m = train(&train_groups, e, r);
        calibrate(&mut m, &dev_groups);
        let (t, reach) = choice_accuracy(&m, &train_groups);
        let (d, dreach) = choice_accuracy(&m, &dev_groups);
        println!("epochs {e} rate {r}: train {t:.4} (ceiling {reach:.4}), dev {d:.4} (ceiling {dreach:.4}), {} weights", m.len());
        return Ok(());
    }
    let (ranker, text) = train_bundled(data)?;
    let (t, reach) = choice_accuracy(&ranker, &train_groups);
    let (d, dreach) = choice_accuracy(&ranker, &dev_groups);
    println!(
        "train {t:.4} (ceiling {reach:.4}), dev {d:.4} (ceiling {dreach:.4}), {} weights, {} bytes",
        ranker.len(),
        text.len()
    );
    std::fs::write(out, text).map_err(|e| format!("{out}: {e}"))?;
    println!("wrote {out}");
    Ok(())
}
