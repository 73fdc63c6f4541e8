//! Regression floors for the quote extractor on PolNeAR dev and train (read from ../shared;
//! skipped when absent). The test split is reported by `lede eval quotes`, never tuned on.

use lede_eval::{polnear, quotes};

fn scores(split: &str) -> Option<quotes::QuoteScores> {
    let data =
        lede_testdata::shared_path(&format!("polnear_quotes_{split}"), "corpora/polnear/data")?;
    let articles = polnear::read_split(&data, split).unwrap();
    let s = quotes::score(&articles);
    println!(
        "{split}: F1@0.8 {:.3} (P {:.3} R {:.3}), exact F1 {:.3}, speaker {:.3}, gold {}, found {}",
        s.overlap_08.f1,
        s.overlap_08.precision,
        s.overlap_08.recall,
        s.exact.f1,
        s.speaker_accuracy,
        s.quotes_gold,
        s.quotes_found
    );
    Some(s)
}

#[test]
fn dev_scores_hold() {
    let Some(s) = scores("dev") else { return };
    assert_eq!(
        s.quotes_gold, 369,
        "the dev gold count changed: the reader is off"
    );
    assert!(
        s.overlap_08.f1 >= 0.93,
        "F1@0.8 fell to {:.3}",
        s.overlap_08.f1
    );
    assert!(
        s.speaker_accuracy >= 0.93,
        "speaker accuracy fell to {:.3}",
        s.speaker_accuracy
    );
}

#[test]
fn train_scores_hold() {
    let Some(s) = scores("train") else { return };
    assert!(
        s.overlap_08.f1 >= 0.92,
        "F1@0.8 fell to {:.3}",
        s.overlap_08.f1
    );
    assert!(
        s.speaker_accuracy >= 0.92,
        "speaker accuracy fell to {:.3}",
        s.speaker_accuracy
    );
}

#[test]
fn the_committed_speaker_model_is_what_training_gives() {
    let Some(data) = lede_testdata::shared_path("speaker model", "corpora/polnear/data") else {
        return;
    };
    let (_, text) = lede_eval::speaker_training::train_bundled(&data).unwrap();
    let committed = include_str!("../../lede-quotes/model/speakers.tsv");
    assert!(
        text == committed,
        "model/speakers.tsv differs from what training gives: rerun \
         `cargo run --release -p lede-eval --example train_speakers -- ../shared/corpora/polnear/data`"
    );
}

#[test]
fn confidence_bands_cover_every_scored_quote_and_rise_with_confidence() {
    let Some(s) = scores("dev") else { return };
    let bands = &s.confidence_bands;
    assert_eq!(bands.len(), 4);
    let n: usize = bands.iter().map(|b| b.quotes).sum();
    let right: usize = bands.iter().map(|b| b.right).sum();
    // Every scored quote is in one band, and the bands' right answers are the accuracy's.
    assert!(n > 300, "only {n} scored");
    assert!((right as f64 / n as f64 - s.speaker_accuracy).abs() < 1e-9);
    let top = bands.last().unwrap();
    assert!(
        top.accuracy >= s.speaker_accuracy && top.accuracy >= 0.95,
        "the top band is not the most accurate: {bands:?}"
    );
    assert!(s.high_confidence_share > 0.5, "{}", s.high_confidence_share);
}
