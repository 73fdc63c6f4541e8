//! Training data for the speaker ranker from PolNeAR: each quotation's candidate sets
//! (`lede_quotes::candidate_sets`) labelled against the gold source of the direct quotation
//! they overlap most, and the one recipe that trains the bundled model (train split) and
//! calibrates it (dev split), shared by the `train_speakers` example and the test that checks
//! the committed model is what the recipe gives.

use std::collections::BTreeSet;
use std::path::Path;

use lede_quotes::rank::{calibrate, train, Ranker, TrainingGroup};

use crate::polnear::{read_split, Fragments, GoldArticle};

/// Passes over the training split (chosen on dev).
pub const EPOCHS: usize = 12;
/// Learning rate (chosen on dev).
pub const RATE: f32 = 0.3;

/// The labelled candidate sets of `articles`: a set is kept when its quotation overlaps a
/// direct gold quotation that has a source; a candidate is right when its words overlap that
/// source (the rule `lede eval quotes` scores by).
pub fn training_groups(articles: &[GoldArticle]) -> Vec<TrainingGroup> {
    let mut groups = Vec::new();
    for article in articles {
        let chars: Vec<char> = article.text.chars().collect();
        let mut paragraphs = Vec::new();
        let mut offsets = Vec::new();
        for (at, paragraph) in lede_text::paragraphs_with_offsets(&article.text) {
            paragraphs.push(paragraph.to_string());
            offsets.push(at);
        }
        let gold: Vec<(BTreeSet<usize>, &Fragments)> = article
            .attributions
            .iter()
            .filter(|g| g.is_direct())
            .filter_map(|g| {
                let set = g
                    .content
                    .iter()
                    .flat_map(|&(a, b)| a..b.min(chars.len()))
                    .filter(|&i| chars[i].is_alphanumeric())
                    .collect();
                Some((set, g.source.as_ref()?))
            })
            .collect();
        for set in lede_quotes::candidate_sets(&paragraphs.into()) {
            let ours: BTreeSet<usize> = set
                .pieces
                .iter()
                .flat_map(|s| offsets[s.paragraph] + s.start..offsets[s.paragraph] + s.end)
                .filter(|&i| chars.get(i).is_some_and(|c| c.is_alphanumeric()))
                .collect();
            let best = gold
                .iter()
                .map(|(g, source)| (g.intersection(&ours).count(), source))
                .filter(|(n, _)| *n > 0)
                .max_by_key(|(n, _)| *n);
            let Some((_, source)) = best else { continue };
            let correct = set
                .candidates
                .iter()
                .map(|(s, _)| {
                    let (a, b) = (offsets[s.paragraph] + s.start, offsets[s.paragraph] + s.end);
                    source.iter().any(|&(x, y)| a < y && x < b)
                })
                .collect();
            groups.push(TrainingGroup {
                candidates: set.candidates.into_iter().map(|(_, f)| f).collect(),
                correct,
            });
        }
    }
    groups
}

/// The share of `groups` whose winner under `ranker` is right, and the share where some
/// candidate is (the ceiling a ranker over these candidates can reach).
pub fn choice_accuracy(ranker: &Ranker, groups: &[TrainingGroup]) -> (f64, f64) {
    let right = groups
        .iter()
        .filter(|g| {
            ranker
                .choose(&g.candidates)
                .is_some_and(|(i, _)| g.correct[i])
        })
        .count();
    let reachable = groups.iter().filter(|g| g.correct.contains(&true)).count();
    let n = groups.len().max(1) as f64;
    (right as f64 / n, reachable as f64 / n)
}

/// The bundled model's recipe: trained on PolNeAR train with [`EPOCHS`] and [`RATE`],
/// calibrated on dev; returns the ranker and the model file's text.
pub fn train_bundled(polnear: &Path) -> Result<(Ranker, String), String> {
    let train_groups = training_groups(&read_split(polnear, "train")?);
    let dev_groups = training_groups(&read_split(polnear, "dev")?);
    let mut ranker = train(&train_groups, EPOCHS, RATE);
    calibrate(&mut ranker, &dev_groups);
    let header = format!(
        "Lede's speaker ranker: trained on PolNeAR train ({} quotations), calibrated on dev ({}).\n\
         Retrain: cargo run --release -p lede-eval --example train_speakers -- ../shared/corpora/polnear/data\n\
         Epochs {EPOCHS}, rate {RATE}. Lines: platt a b (confidence = sigmoid(a·margin + b)), then feature weight.",
        train_groups.len(),
        dev_groups.len()
    );
    let text = ranker.to_text(&header);
    Ok((ranker, text))
}
