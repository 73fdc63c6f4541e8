//! Regression floors for the bundled NER model on CoNLL-2003 eng.testa (the development split;
//! read from ../shared, skipped when absent). eng.testb is reported by `lede eval entities`,
//! never tuned on. The shipped model learns from eng.train and eng.testa together once the
//! settings are chosen on testa (`train … with-dev`), so this floor is on its training data: it
//! catches a broken model, reader or feature code, not overfitting (the held-out testa figure
//! of the train-only recipe is in docs/evaluation.md).

use lede_entities::{EntityType, Tagger};
use lede_eval::entities;

#[test]
fn testa_scores_hold() {
    let Some(path) =
        lede_testdata::shared_path("conll_entities_testa", "corpora/conll2003/eng.testa")
    else {
        return;
    };
    let s = entities::evaluate_conll(&path, &Tagger::bundled()).unwrap();
    for ty in EntityType::ALL {
        let t = s.of(ty);
        println!(
            "{:4} P {:.4} R {:.4} F1 {:.4} (gold {})",
            ty.as_str(),
            t.precision,
            t.recall,
            t.f1,
            t.gold
        );
    }
    let m = &s.micro_per_org_loc;
    println!(
        "micro PER/ORG/LOC P {:.4} R {:.4} F1 {:.4}; {} tokens at {:.0} tokens/s",
        m.precision, m.recall, m.f1, s.tokens, s.tokens_per_second
    );
    // The reader: eng.testa has 5942 gold entities (1842 PER, 1341 ORG, 1837 LOC, 922 MISC).
    assert_eq!(
        [s.per.gold, s.org.gold, s.loc.gold, s.misc.gold],
        [1842, 1341, 1837, 922]
    );
    assert_eq!(s.tokens, 51362);
    assert!(
        m.f1 >= MEASURED_TESTA_F1 - 0.01,
        "micro F1 fell to {:.4}",
        m.f1
    );
}

/// Micro PER/ORG/LOC F1 of the committed model on eng.testa when it was trained (testa among
/// its training data).
const MEASURED_TESTA_F1: f64 = 0.999;

/// The held-out figure issue 14 sets (micro PER/ORG/LOC F1 ≥ 0.90 on eng.testb): read only to
/// report and to guard it, never to choose settings.
#[test]
fn testb_meets_the_target() {
    let Some(path) =
        lede_testdata::shared_path("conll_entities_testb", "corpora/conll2003/eng.testb")
    else {
        return;
    };
    let s = entities::evaluate_conll(&path, &Tagger::bundled()).unwrap();
    let m = &s.micro_per_org_loc;
    println!("eng.testb micro PER/ORG/LOC F1 {:.4}", m.f1);
    assert!(m.f1 >= 0.90, "eng.testb micro F1 {:.4} is below 0.90", m.f1);
}
