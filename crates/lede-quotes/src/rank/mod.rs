//! A learned ranker over the candidate speakers of each quotation: the attribution patterns,
//! the noun phrases beside nearby cues and the previous quotation's speaker are candidates
//! ([`candidates`]), each described by sparse features ([`features`]); a linear model scores
//! them, the highest wins, and its margin over the runner-up, calibrated (Platt scaling fitted
//! on held-out data), is the attribution's confidence.
//!
//! The bundled model (`model/speakers.tsv`, a few KB of text: one `feature<TAB>weight` line
//! each, plus the calibration) is trained by [`train`] on PolNeAR train and calibrated on dev
//! (`cargo run --release -p lede-eval --example train_speakers`).

pub(crate) mod candidates;
pub(crate) mod features;
mod train;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use train::{calibrate, train, TrainingGroup};

/// The bundled model's text.
const BUNDLED: &str = include_str!("../../model/speakers.tsv");

/// A linear scorer over candidate features, with the calibration of its confidence.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ranker {
    weights: HashMap<String, f32>,
    /// Platt scaling of the winner's margin over the runner-up: `sigmoid(a·margin + b)`.
    platt: (f32, f32),
}

/// The logistic function.
fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

impl Ranker {
    /// The model bundled with the crate (parsed once).
    pub fn bundled() -> &'static Ranker {
        static MODEL: OnceLock<Ranker> = OnceLock::new();
        MODEL.get_or_init(|| {
            Ranker::parse(BUNDLED).unwrap_or_else(|e| panic!("model/speakers.tsv: {e}"))
        })
    }

    /// Reads a model from its text form: `#` comments, `platt<TAB>a<TAB>b`, and one
    /// `feature<TAB>weight` per line. An unreadable line is an error naming it.
    pub fn parse(text: &str) -> Result<Ranker, String> {
        let mut ranker = Ranker::default();
        for (i, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || format!("line {}: cannot read `{line}`", i + 1);
            let fields: Vec<&str> = line.split('\t').collect();
            let num = |s: &str| s.parse::<f32>().map_err(|_| bad());
            match fields.as_slice() {
                ["platt", a, b] => ranker.platt = (num(a)?, num(b)?),
                [feature, w] => {
                    ranker.weights.insert(feature.to_string(), num(w)?);
                }
                _ => return Err(bad()),
            }
        }
        if ranker.weights.is_empty() {
            return Err("no weights".into());
        }
        Ok(ranker)
    }

    /// The text form [`Ranker::parse`] reads, features sorted, four decimals.
    pub fn to_text(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out.push_str(&format!("# {line}\n"));
        }
        out.push_str(&format!(
            "platt\t{:.4}\t{:.4}\n",
            self.platt.0, self.platt.1
        ));
        let mut names: Vec<&String> = self.weights.keys().collect();
        names.sort();
        for name in names {
            out.push_str(&format!("{name}\t{:.4}\n", self.weights[name]));
        }
        out
    }

    /// How many features carry a weight.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// True when no feature carries a weight.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The score of one candidate: the sum of its features' weights.
    pub fn score(&self, features: &[String]) -> f32 {
        features
            .iter()
            .filter_map(|f| self.weights.get(f.as_str()))
            .sum()
    }

    /// The best of `candidates` (the first on ties): its index and its margin, the score by
    /// which it beats the runner-up (or "none of them", scored 0, when it stands alone).
    pub fn choose(&self, candidates: &[Vec<String>]) -> Option<(usize, f32)> {
        let scores: Vec<f32> = candidates.iter().map(|f| self.score(f)).collect();
        let (best, top) = scores.iter().copied().enumerate().fold(
            None,
            |acc: Option<(usize, f32)>, (i, s)| match acc {
                Some((_, t)) if t >= s => acc,
                _ => Some((i, s)),
            },
        )?;
        let second = scores
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != best)
            .map(|(_, &s)| s)
            .fold(if scores.len() == 1 { 0.0 } else { f32::MIN }, f32::max);
        Some((best, top - second))
    }

    /// The calibrated confidence for a winner's `margin`, in [0, 1]: Platt scaling.
    pub fn confidence(&self, margin: f32) -> f32 {
        sigmoid(self.platt.0 * margin + self.platt.1).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_model_loads_and_its_text_round_trips() {
        let m = Ranker::bundled();
        assert!(m.len() > 20, "only {} weights", m.len());
        let again = Ranker::parse(&m.to_text("")).unwrap();
        assert_eq!(&again, m);
    }

    #[test]
    fn a_bad_line_is_named() {
        let e = Ranker::parse("platt\t1\t0\nlegacy\tx\n").unwrap_err();
        assert!(e.contains("line 2"), "{e}");
    }

    #[test]
    fn the_best_candidate_wins_by_its_margin() {
        let m = Ranker::parse("platt\t1\t0\na\t2\nb\t0.5\n").unwrap();
        let (best, margin) = m
            .choose(&[vec!["b".into()], vec!["a".into()], vec!["b".into()]])
            .unwrap();
        assert_eq!((best, margin), (1, 1.5));
        // Alone, it beats "none of them" (0) by its score.
        assert_eq!(m.choose(&[vec!["b".into()]]), Some((0, 0.5)));
        assert!(m.confidence(margin) > m.confidence(0.5));
        assert_eq!(m.choose(&[]), None);
    }
}
