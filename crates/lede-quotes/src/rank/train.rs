//! Trains the ranker: a softmax over each quotation's candidates plus a "none of them" option
//! scored 0, fitted by averaged stochastic gradient descent on the log-likelihood of the right
//! candidates (of "none" when no candidate is right, so scores keep an absolute meaning);
//! then Platt scaling of the winner's margin over the runner-up against held-out quotations.

use std::collections::HashMap;

use super::Ranker;

/// One quotation's candidates as training data: each candidate's features and whether it is
/// the gold speaker.
#[derive(Debug, Clone, Default)]
pub struct TrainingGroup {
    /// The features of each candidate.
    pub candidates: Vec<Vec<String>>,
    /// Whether each candidate is right.
    pub correct: Vec<bool>,
}

/// Trains a ranker on `groups` for `epochs` passes in their order at learning rate `rate`
/// (deterministic: the same groups give the same weights). The calibration is left at
/// identity-like defaults; see [`calibrate`].
pub fn train(groups: &[TrainingGroup], epochs: usize, rate: f32) -> Ranker {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut names: Vec<&str> = Vec::new();
    let encoded: Vec<Vec<Vec<usize>>> = groups
        .iter()
        .map(|g| {
            g.candidates
                .iter()
                .map(|fs| {
                    fs.iter()
                        .map(|f| {
                            *ids.entry(f.as_str()).or_insert_with(|| {
                                names.push(f.as_str());
                                names.len() - 1
                            })
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    let n = names.len();
    // Averaged weights: w - u / c, where u sums each update times the step it happened at.
    let (mut w, mut u) = (vec![0f32; n], vec![0f32; n]);
    let mut step = 1f32;
    for _ in 0..epochs {
        for (g, cands) in groups.iter().zip(&encoded) {
            if cands.is_empty() {
                continue;
            }
            let scores: Vec<f32> = cands
                .iter()
                .map(|fs| fs.iter().map(|&f| w[f]).sum())
                .collect();
            let top = scores.iter().copied().fold(0f32, f32::max);
            let exps: Vec<f32> = scores.iter().map(|s| (s - top).exp()).collect();
            let z = exps.iter().sum::<f32>() + (-top).exp();
            let right: f32 = exps
                .iter()
                .zip(&g.correct)
                .filter(|(_, &c)| c)
                .map(|(e, _)| e)
                .sum();
            for (k, fs) in cands.iter().enumerate() {
                let p = exps[k] / z;
                let q = if right > 0.0 && g.correct[k] {
                    exps[k] / right
                } else {
                    0.0
                };
                let grad = p - q;
                if grad == 0.0 {
                    continue;
                }
                for &f in fs {
                    w[f] -= rate * grad;
                    u[f] -= step * rate * grad;
                }
            }
            step += 1.0;
        }
    }
    let weights = names
        .iter()
        .enumerate()
        .map(|(i, name)| (name.to_string(), round(w[i] - u[i] / step)))
        .filter(|(_, v)| *v != 0.0)
        .collect();
    Ranker {
        weights,
        platt: (1.0, 0.0),
    }
}

/// Rounds to the four decimals the model file keeps, so a trained ranker equals its file.
fn round(x: f32) -> f32 {
    (x * 10_000.0).round() / 10_000.0
}

/// Fits the ranker's Platt scaling on held-out `groups` (Newton's method on the log-loss of
/// "the winner is right" against the winner's margin over the runner-up, with a unit ridge).
pub fn calibrate(ranker: &mut Ranker, groups: &[TrainingGroup]) {
    let points: Vec<(f64, f64)> = groups
        .iter()
        .filter_map(|g| {
            let (best, p) = ranker.choose(&g.candidates)?;
            let x = f64::from(p);
            Some((x, if g.correct[best] { 1.0 } else { 0.0 }))
        })
        .collect();
    // A ridge on both parameters keeps them finite when the held-out points are separable.
    const RIDGE: f64 = 1.0;
    let (mut a, mut b) = (1f64, 0f64);
    for _ in 0..500 {
        let (mut ga, mut gb) = (RIDGE * a, RIDGE * b);
        let (mut haa, mut hab, mut hbb) = (RIDGE, 0f64, RIDGE);
        for &(x, y) in &points {
            let p = 1.0 / (1.0 + (-(a * x + b)).exp());
            let d = p - y;
            let h = p * (1.0 - p);
            ga += d * x;
            gb += d;
            haa += h * x * x;
            hab += h * x;
            hbb += h;
        }
        let det = haa * hbb - hab * hab;
        if det.abs() < 1e-12 {
            break;
        }
        // Damped: a step of at most 1 in each parameter, so saturated points cannot throw
        // the fit far away.
        let da = ((hbb * ga - hab * gb) / det).clamp(-1.0, 1.0);
        let db = ((haa * gb - hab * ga) / det).clamp(-1.0, 1.0);
        a -= da;
        b -= db;
        if da.abs() + db.abs() < 1e-9 {
            break;
        }
    }
    ranker.platt = (round(a as f32), round(b as f32));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(cands: &[&[&str]], correct: &[bool]) -> TrainingGroup {
        TrainingGroup {
            candidates: cands
                .iter()
                .map(|c| c.iter().map(|s| s.to_string()).collect())
                .collect(),
            correct: correct.to_vec(),
        }
    }

    #[test]
    fn training_learns_which_feature_marks_the_right_candidate() {
        let groups: Vec<TrainingGroup> = (0..50)
            .map(|i| {
                if i % 2 == 0 {
                    group(&[&["near"], &["adjacent", "near"]], &[false, true])
                } else {
                    group(&[&["adjacent"], &["far"]], &[true, false])
                }
            })
            .collect();
        let mut m = train(&groups, 5, 0.2);
        assert!(m.score(&["adjacent".into()]) > m.score(&["far".into()]));
        assert_eq!(m.choose(&groups[0].candidates).unwrap().0, 1);
        assert_eq!(m.choose(&groups[1].candidates).unwrap().0, 0);
        // Identical training gives identical weights.
        assert_eq!(m, train(&groups, 5, 0.2));
        calibrate(&mut m, &groups);
        let (_, p) = m.choose(&groups[0].candidates).unwrap();
        assert!(m.confidence(p) > 0.5, "{}", m.confidence(p));
    }
}
