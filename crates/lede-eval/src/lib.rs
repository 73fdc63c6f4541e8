//! Scores Lede against gold standards: PolNeAR attributions for quotes, CoNLL-2003 for
//! entities, known-item queries (generated, and scored for any engine) for search.

pub mod entities;
pub mod known_item;
pub mod polnear;
pub mod quotes;
pub mod search;

/// Precision, recall and their harmonic mean from counts (0 where a denominator is 0):
/// `precision = right / predicted`, `recall = found / gold`.
pub fn precision_recall_f1(
    right: usize,
    predicted: usize,
    found: usize,
    gold: usize,
) -> (f64, f64, f64) {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (precision, recall) = (ratio(right, predicted), ratio(found, gold));
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    (precision, recall, f1)
}
