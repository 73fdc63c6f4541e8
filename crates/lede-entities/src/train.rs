//! Training: an averaged structured perceptron over the hashed features, decoding with the same
//! Viterbi as tagging, in two passes. The second pass learns from first-pass tags of the
//! training documents that a first-pass model trained without them produced (k-fold
//! jackknifing), so that it sees first-pass mistakes as they happen on unseen text.
//! Deterministic: fixed folds and a fixed seed order the sentences.

use std::collections::HashMap;

use crate::conll::Document;
use crate::features::{
    add_first_pass_features, pair_hashes, sentence_features, DocStats, FirstPass, SentenceFeatures,
};
use crate::label;
use crate::model::{slot, viterbi, Table, Tagger, L, START};
use crate::tag::Tag;

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Passes over the training sentences, for each model.
    pub epochs: usize,
    /// Each weight table has `2^bits` slots.
    pub bits: u8,
    /// Seed of the sentence order.
    pub seed: u64,
    /// Folds for the first-pass tags the second pass learns from; below 2 there is no second
    /// pass.
    pub folds: usize,
    /// Stored weights are whole numbers in `-levels..=levels` (fewer levels, smaller file;
    /// weights that round to 0 are dropped); 127 at most (one byte a weight).
    pub levels: i8,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            bits: 20,
            seed: 2003,
            folds: 5,
            levels: 127,
        }
    }
}

/// A progress report: which model, which epoch, sentences wrong in it, and the tagger as it
/// stands (the full model when `stage` is `"second pass"`).
pub struct Progress<'a> {
    /// `"first pass"`, `"fold k"` or `"second pass"`.
    pub stage: &'a str,
    /// 1-based epoch.
    pub epoch: usize,
    /// Training sentences tagged wrong in the epoch.
    pub wrong: usize,
    /// The averaged model after the epoch (only for the first and second pass).
    pub tagger: Option<Tagger>,
}

/// Trains the tagger on `docs` (gold BIO tags) with the word `clusters` its features read
/// (stored in the model). `progress` is called after every epoch.
pub fn train(
    docs: &[Document],
    clusters: &HashMap<String, u16>,
    options: TrainOptions,
    mut progress: impl FnMut(Progress),
) -> Tagger {
    let sents: Vec<Vec<Vec<&str>>> = docs
        .iter()
        .map(|d| {
            d.sentences
                .iter()
                .map(|s| s.tokens.iter().map(String::as_str).collect())
                .collect()
        })
        .collect();
    let gold: Vec<Vec<Vec<usize>>> = docs
        .iter()
        .map(|d| {
            d.sentences
                .iter()
                .map(|s| label::from_tags(&s.tags))
                .collect()
        })
        .collect();
    let base: Vec<Vec<SentenceFeatures>> = sents
        .iter()
        .map(|doc| {
            let refs: Vec<&[&str]> = doc.iter().map(Vec::as_slice).collect();
            let stats = DocStats::new(&refs);
            refs.iter()
                .map(|s| sentence_features(s, &stats, clusters))
                .collect()
        })
        .collect();
    let bits = options.bits;
    // The first pass on everything.
    let mut trainer = Trainer::new(examples(&|_| true, &base, &gold), options);
    for epoch in 1..=options.epochs {
        let wrong = trainer.epoch();
        progress(Progress {
            stage: "first pass",
            epoch,
            wrong,
            tagger: Some(Tagger::from_tables(
                bits,
                trainer.table(),
                None,
                clusters.clone(),
            )),
        });
    }
    let first = trainer.table();
    if options.folds < 2 {
        return Tagger::from_tables(bits, first, None, clusters.clone());
    }

    // First-pass tags of each document from a model that did not see it.
    let mut jack: Vec<Vec<Vec<Tag>>> = vec![Vec::new(); docs.len()];
    for fold in 0..options.folds {
        let held_out = |d: usize| d % options.folds == fold;
        let mut t = Trainer::new(examples(&|d| !held_out(d), &base, &gold), options);
        let stage = format!("fold {}", fold + 1);
        for epoch in 1..=options.epochs {
            let wrong = t.epoch();
            progress(Progress {
                stage: &stage,
                epoch,
                wrong,
                tagger: None,
            });
        }
        let table = t.table();
        for d in (0..docs.len()).filter(|&d| held_out(d)) {
            jack[d] = base[d].iter().map(|f| table.decode(bits, f)).collect();
        }
    }

    // The second pass.
    let second_feats: Vec<Vec<SentenceFeatures>> = base
        .into_iter()
        .enumerate()
        .map(|(d, doc)| {
            let refs: Vec<&[&str]> = sents[d].iter().map(Vec::as_slice).collect();
            let fp = FirstPass::new(&refs, &jack[d]);
            doc.into_iter()
                .enumerate()
                .map(|(k, mut f)| {
                    add_first_pass_features(refs[k], &jack[d][k], &fp, &mut f);
                    f
                })
                .collect()
        })
        .collect();
    let mut trainer = Trainer::new(examples(&|_| true, &second_feats, &gold), options);
    for epoch in 1..=options.epochs {
        let wrong = trainer.epoch();
        progress(Progress {
            stage: "second pass",
            epoch,
            wrong,
            tagger: Some(Tagger::from_tables(
                bits,
                first.clone(),
                Some(trainer.table()),
                clusters.clone(),
            )),
        });
    }
    Tagger::from_tables(bits, first, Some(trainer.table()), clusters.clone())
}

/// The training examples of the documents `pick` accepts.
fn examples<'a>(
    pick: &dyn Fn(usize) -> bool,
    feats: &'a [Vec<SentenceFeatures>],
    gold: &'a [Vec<Vec<usize>>],
) -> Vec<(&'a SentenceFeatures, &'a [usize])> {
    let mut out = Vec::new();
    for (d, doc) in feats.iter().enumerate() {
        if pick(d) {
            for (f, g) in doc.iter().zip(&gold[d]) {
                out.push((f, g.as_slice()));
            }
        }
    }
    out
}

/// One averaged perceptron: current weights and the running sums for the average.
struct Trainer<'a> {
    bits: u8,
    levels: i8,
    weights: Vec<f32>,
    sums: Vec<f64>,
    steps: f64,
    data: Vec<(&'a SentenceFeatures, &'a [usize])>,
    order: Vec<usize>,
    rng: u64,
}

impl<'a> Trainer<'a> {
    fn new(data: Vec<(&'a SentenceFeatures, &'a [usize])>, options: TrainOptions) -> Self {
        let size = 1usize << options.bits;
        Trainer {
            bits: options.bits,
            levels: options.levels.max(1),
            weights: vec![0.0; size],
            sums: vec![0.0; size],
            steps: 1.0,
            order: (0..data.len()).collect(),
            data,
            rng: options.seed,
        }
    }

    /// One pass over the sentences in a fresh shuffled order; returns how many sentences were
    /// tagged wrong.
    fn epoch(&mut self) -> usize {
        for i in (1..self.order.len()).rev() {
            self.rng = self.rng.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let j = (crate::hash::mix(self.rng) % (i as u64 + 1)) as usize;
            self.order.swap(i, j);
        }
        let bits = self.bits;
        let mut wrong = 0;
        let mut updates: Vec<(usize, f32)> = Vec::new();
        for k in 0..self.order.len() {
            let (f, gold) = self.data[self.order[k]];
            let w = &self.weights;
            let pred = viterbi(f, |hashes, acc| {
                for &h in hashes {
                    let base = slot(h, 0, bits);
                    match w.get(base..base + L) {
                        Some(row) => acc.iter_mut().zip(row).for_each(|(a, &x)| *a += x),
                        None => (0..L).for_each(|c| acc[c] += w[slot(h, c, bits)]),
                    }
                }
            });
            if pred != gold {
                wrong += 1;
                updates.clear();
                for i in 0..gold.len() {
                    let (g, p) = (gold[i], pred[i]);
                    if g != p {
                        for &h in &f.emit[i] {
                            updates.push((slot(h, g, bits), 1.0));
                            updates.push((slot(h, p, bits), -1.0));
                        }
                    }
                    let gp = if i == 0 { START } else { gold[i - 1] };
                    let pp = if i == 0 { START } else { pred[i - 1] };
                    if (gp, g) != (pp, p) {
                        for h in pair_hashes(f.pair_key[i], gp) {
                            updates.push((slot(h, g, bits), 1.0));
                        }
                        for h in pair_hashes(f.pair_key[i], pp) {
                            updates.push((slot(h, p, bits), -1.0));
                        }
                    }
                }
                for &(s, d) in &updates {
                    self.weights[s] += d;
                    self.sums[s] += self.steps * f64::from(d);
                }
            }
            self.steps += 1.0;
        }
        wrong
    }

    /// The averaged weights, quantised to `-levels..=levels`.
    fn table(&self) -> Table {
        let avg: Vec<f64> = self
            .weights
            .iter()
            .zip(&self.sums)
            .map(|(&w, &s)| f64::from(w) - s / self.steps)
            .collect();
        let max = avg.iter().fold(0f64, |m, &v| m.max(v.abs())).max(1e-9);
        let top = f64::from(self.levels);
        let scale = max / top;
        let weights = avg
            .iter()
            .map(|&v| (v / scale).round().clamp(-top, top) as i8)
            .collect();
        Table {
            scale: scale as f32,
            weights,
        }
    }
}
