//! Scores the named-entity tagger on CoNLL-2003 (IOB1) files, conlleval-style: a predicted
//! entity is right only when its type and its exact token span equal a gold entity's (the
//! counting is [`lede_entities::score`], shared with the training example).
//!
//! Each `-DOCSTART-` document is tagged as one document (words seen elsewhere in it inform
//! the tagger), one sentence at a time. Precision, recall and F1 are given per type and as
//! the micro average over PER, ORG and LOC (MISC left out). Tagging speed is measured
//! natively and kept out of the JSON.

use std::path::Path;
use std::time::Instant;

use lede_entities::conll::{self, Document};
use lede_entities::score::SpanCounts;
use lede_entities::{EntityType, Tagger};
use serde::Serialize;

/// Precision, recall and F1 of one type (or the micro average); the counts are not in the JSON.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct TypeScores {
    /// Correct predicted entities / predicted entities.
    pub precision: f64,
    /// Correct predicted entities / gold entities.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Gold entities.
    #[serde(skip)]
    pub gold: usize,
    /// Predicted entities.
    #[serde(skip)]
    pub predicted: usize,
    /// Predicted entities with the gold type and span.
    #[serde(skip)]
    pub correct: usize,
}

impl TypeScores {
    fn from_counts(correct: usize, predicted: usize, gold: usize) -> TypeScores {
        let (precision, recall, f1) = crate::precision_recall_f1(correct, predicted, correct, gold);
        TypeScores {
            precision,
            recall,
            f1,
            gold,
            predicted,
            correct,
        }
    }
}

/// The report `lede eval entities --json` prints: exactly `PER`, `ORG`, `LOC`, `MISC` and
/// `micro_per_org_loc`. Sizes and speed are extra fields skipped by serde.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityScores {
    /// Persons.
    #[serde(rename = "PER")]
    pub per: TypeScores,
    /// Organisations.
    #[serde(rename = "ORG")]
    pub org: TypeScores,
    /// Locations.
    #[serde(rename = "LOC")]
    pub loc: TypeScores,
    /// Other names.
    #[serde(rename = "MISC")]
    pub misc: TypeScores,
    /// Micro average over PER, ORG and LOC.
    pub micro_per_org_loc: TypeScores,
    /// Sentences scored (not in the JSON).
    #[serde(skip)]
    pub sentences: usize,
    /// Tokens tagged (not in the JSON).
    #[serde(skip)]
    pub tokens: usize,
    /// Tokens tagged per second of tagging time, natively (not in the JSON).
    #[serde(skip)]
    pub tokens_per_second: f64,
}

impl EntityScores {
    /// The scores of one type.
    pub fn of(&self, ty: EntityType) -> &TypeScores {
        match ty {
            EntityType::Per => &self.per,
            EntityType::Org => &self.org,
            EntityType::Loc => &self.loc,
            EntityType::Misc => &self.misc,
        }
    }
}

/// Reads a CoNLL-2003 file into documents of sentences with gold BIO tags.
pub fn read_conll(path: &Path) -> Result<Vec<Document>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    conll::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Tags every document with `tagger` and scores the spans against the gold ones
/// ([`lede_entities::score`]), timing the tagging.
pub fn score(docs: &[Document], tagger: &Tagger) -> EntityScores {
    let mut seconds = 0.0;
    let counts = lede_entities::score::score_with(docs, |sents| {
        let started = Instant::now();
        let predicted = tagger.tag_document(sents);
        seconds += started.elapsed().as_secs_f64();
        predicted
    });
    let of = |c: SpanCounts| TypeScores::from_counts(c.correct, c.predicted, c.gold);
    EntityScores {
        per: of(counts.of(EntityType::Per)),
        org: of(counts.of(EntityType::Org)),
        loc: of(counts.of(EntityType::Loc)),
        misc: of(counts.of(EntityType::Misc)),
        micro_per_org_loc: of(counts.micro_per_org_loc()),
        sentences: counts.sentences,
        tokens: counts.tokens,
        tokens_per_second: if seconds > 0.0 {
            counts.tokens as f64 / seconds
        } else {
            0.0
        },
    }
}

/// Reads the CoNLL file at `path` and scores `tagger` on it.
pub fn evaluate_conll(path: &Path, tagger: &Tagger) -> Result<EntityScores, String> {
    Ok(score(&read_conll(path)?, tagger))
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede_entities::conll::Sentence;
    use lede_entities::Tag;

    #[test]
    fn json_has_exactly_the_agreed_shape() {
        let s = TypeScores::from_counts(1, 2, 4);
        assert_eq!(s.precision, 0.5);
        assert_eq!(s.recall, 0.25);
        assert!((s.f1 - 1.0 / 3.0).abs() < 1e-12);
        let scores = EntityScores {
            per: s,
            org: s,
            loc: s,
            misc: s,
            micro_per_org_loc: s,
            sentences: 1,
            tokens: 2,
            tokens_per_second: 3.0,
        };
        let v = serde_json::to_value(&scores).unwrap();
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["LOC", "MISC", "ORG", "PER", "micro_per_org_loc"]);
        let inner: Vec<&String> = v["PER"].as_object().unwrap().keys().collect();
        assert_eq!(inner, ["f1", "precision", "recall"]);
        // Written in the agreed order.
        let text = serde_json::to_string(&scores).unwrap();
        assert!(text.starts_with(r#"{"PER":{"precision":0.5,"recall":0.25,"f1":0.333"#));
        let order: Vec<usize> = [
            "\"PER\"",
            "\"ORG\"",
            "\"LOC\"",
            "\"MISC\"",
            "\"micro_per_org_loc\"",
        ]
        .iter()
        .map(|k| text.find(k).unwrap())
        .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
    }

    #[test]
    fn exact_spans_only() {
        // A made-up sentence tagged by the bundled model; gold says the two names are one PER.
        let tagger = Tagger::bundled();
        let tokens: Vec<String> = ["Dorit", "Halvorsen", "visited", "Bergen", "."]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let gold = vec![
            Tag::B(EntityType::Per),
            Tag::I(EntityType::Per),
            Tag::O,
            Tag::B(EntityType::Loc),
            Tag::O,
        ];
        let docs = vec![Document {
            sentences: vec![Sentence {
                tokens: tokens.clone(),
                tags: gold.clone(),
            }],
        }];
        let s = score(&docs, &tagger);
        assert_eq!(s.micro_per_org_loc.gold, 2);
        assert_eq!(s.tokens, 5);
        assert_eq!(s.micro_per_org_loc.f1, 1.0, "{s:?}");
        // Gold that splits the person: the predicted two-token PER no longer counts.
        let split = vec![Document {
            sentences: vec![Sentence {
                tokens,
                tags: vec![
                    Tag::B(EntityType::Per),
                    Tag::B(EntityType::Per),
                    Tag::O,
                    Tag::B(EntityType::Loc),
                    Tag::O,
                ],
            }],
        }];
        let s = score(&split, &tagger);
        assert_eq!(s.per.correct, 0);
        assert_eq!(s.loc.correct, 1);
    }
}
