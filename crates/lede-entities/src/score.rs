//! Exact-span scoring on CoNLL documents, conlleval-style: a predicted entity is right only when
//! its type and its exact token span equal a gold entity's. The one scorer behind the training
//! example's development F1 and `lede eval entities` (lede-eval wraps it); it lives here because
//! the training example cannot depend on lede-eval, which depends on this crate.

use crate::conll::Document;
use crate::tag::{spans, EntityType, Tag};
use crate::Tagger;

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

/// Entity counts of one type (or summed over several).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpanCounts {
    /// Predicted entities with the gold type and span.
    pub correct: usize,
    /// Predicted entities.
    pub predicted: usize,
    /// Gold entities.
    pub gold: usize,
}

impl SpanCounts {
    /// Precision, recall and F1 of these counts.
    pub fn precision_recall_f1(&self) -> (f64, f64, f64) {
        precision_recall_f1(self.correct, self.predicted, self.correct, self.gold)
    }

    /// F1 of these counts.
    pub fn f1(&self) -> f64 {
        self.precision_recall_f1().2
    }
}

/// The counts of a scoring run, per type, with the sentences and tokens scored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpanScores {
    /// Counts per type, indexed by `EntityType as usize`.
    pub by_type: [SpanCounts; 4],
    /// Sentences scored.
    pub sentences: usize,
    /// Tokens scored.
    pub tokens: usize,
}

impl SpanScores {
    /// The counts of one type.
    pub fn of(&self, ty: EntityType) -> SpanCounts {
        self.by_type[ty as usize]
    }

    /// The counts summed over PER, ORG and LOC (the micro average leaves MISC out).
    pub fn micro_per_org_loc(&self) -> SpanCounts {
        [EntityType::Per, EntityType::Org, EntityType::Loc]
            .into_iter()
            .map(|t| self.of(t))
            .fold(SpanCounts::default(), |acc, c| SpanCounts {
                correct: acc.correct + c.correct,
                predicted: acc.predicted + c.predicted,
                gold: acc.gold + c.gold,
            })
    }

    /// Counts one document: `predicted` holds the predicted tags of each of its sentences.
    pub fn add_document(&mut self, doc: &Document, predicted: &[Vec<Tag>]) {
        for (s, p) in doc.sentences.iter().zip(predicted) {
            self.sentences += 1;
            self.tokens += s.tokens.len();
            let gold = spans(&s.tags);
            for g in &gold {
                self.by_type[g.ty as usize].gold += 1;
            }
            for x in spans(p) {
                let c = &mut self.by_type[x.ty as usize];
                c.predicted += 1;
                if gold.contains(&x) {
                    c.correct += 1;
                }
            }
        }
    }
}

/// Tags each document as one document (one sentence at a time, words seen elsewhere in it
/// informing the tagger) with `tag` and counts its spans against the gold ones. `tag` is
/// usually [`Tagger::tag_document`]; a caller that times the tagging wraps it.
pub fn score_with(
    docs: &[Document],
    mut tag: impl FnMut(&[Vec<&str>]) -> Vec<Vec<Tag>>,
) -> SpanScores {
    let mut scores = SpanScores::default();
    for d in docs {
        let sents: Vec<Vec<&str>> = d
            .sentences
            .iter()
            .map(|s| s.tokens.iter().map(String::as_str).collect())
            .collect();
        let predicted = tag(&sents);
        scores.add_document(d, &predicted);
    }
    scores
}

/// Tags every document with `tagger` and counts the spans against the gold ones.
pub fn score(docs: &[Document], tagger: &Tagger) -> SpanScores {
    score_with(docs, |s| tagger.tag_document(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conll::Sentence;

    fn doc(tags: Vec<Tag>) -> Document {
        Document {
            sentences: vec![Sentence {
                tokens: (0..tags.len()).map(|i| format!("w{i}")).collect(),
                tags,
            }],
        }
    }

    #[test]
    fn exact_type_and_span_only() {
        let per = EntityType::Per;
        let loc = EntityType::Loc;
        let gold = doc(vec![Tag::B(per), Tag::I(per), Tag::O, Tag::B(loc), Tag::O]);
        // The person cut short, the place right, an extra MISC.
        let predicted = vec![vec![
            Tag::B(per),
            Tag::O,
            Tag::B(EntityType::Misc),
            Tag::B(loc),
            Tag::O,
        ]];
        let mut s = SpanScores::default();
        s.add_document(&gold, &predicted);
        assert_eq!((s.sentences, s.tokens), (1, 5));
        let c = |correct, predicted, gold| SpanCounts {
            correct,
            predicted,
            gold,
        };
        assert_eq!(s.of(per), c(0, 1, 1));
        assert_eq!(s.of(loc), c(1, 1, 1));
        assert_eq!(s.of(EntityType::Misc), c(0, 1, 0));
        assert_eq!(s.micro_per_org_loc(), c(1, 2, 2));
        assert_eq!(s.micro_per_org_loc().f1(), 0.5);
        assert_eq!(s.of(EntityType::Org).precision_recall_f1(), (0.0, 0.0, 0.0));
    }

    #[test]
    fn score_with_tags_each_document_once() {
        let docs = vec![
            doc(vec![Tag::O, Tag::O]),
            doc(vec![Tag::B(EntityType::Org)]),
        ];
        let mut calls = 0;
        let s = score_with(&docs, |sents| {
            calls += 1;
            sents
                .iter()
                .map(|s| vec![Tag::B(EntityType::Org); s.len()])
                .collect()
        });
        assert_eq!(calls, 2);
        assert_eq!(
            s.of(EntityType::Org),
            SpanCounts {
                correct: 1,
                predicted: 3,
                gold: 1
            }
        );
    }

    #[test]
    fn ratios_are_zero_without_denominators() {
        assert_eq!(precision_recall_f1(0, 0, 0, 0), (0.0, 0.0, 0.0));
        let (p, r, f1) = precision_recall_f1(1, 2, 1, 4);
        assert_eq!((p, r), (0.5, 0.25));
        assert!((f1 - 1.0 / 3.0).abs() < 1e-12);
    }
}
