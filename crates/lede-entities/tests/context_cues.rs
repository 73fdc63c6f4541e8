//! The context cues the corpus step weighs (`lede_entities::cues`), checked against the gold
//! names of CoNLL-2003 train (research-only data in `../shared`; skipped when absent): each
//! cue must name the gold kind of the names it fires on, nearly never a person for a place
//! cue, and a name joined by `and` to a place must be a place.

use std::collections::HashMap;

use lede_corpus::EntityKind;
use lede_entities::{conll, cues, spans};

/// Counts of gold kinds per cue kind, and of (partner kind, same kind) for coordination.
#[derive(Default)]
struct Counts {
    by_cue: HashMap<EntityKind, HashMap<EntityKind, usize>>,
    joined: HashMap<EntityKind, (usize, usize)>,
}

fn count(text: &str) -> Counts {
    let docs = conll::parse(text).expect("CoNLL train parses");
    let mut counts = Counts::default();
    for s in docs.iter().flat_map(|d| &d.sentences) {
        let words: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        let gold = spans(&s.tags);
        let ranges: Vec<std::ops::Range<usize>> = gold.iter().map(|g| g.start..g.end).collect();
        for (i, g) in gold.iter().enumerate() {
            if let Some(cue) = cues::context_cue(&words, g.start..g.end) {
                *counts
                    .by_cue
                    .entry(cue)
                    .or_default()
                    .entry(g.ty.kind())
                    .or_default() += 1;
            }
            for j in cues::coordinated(&words, &ranges, i) {
                let e = counts.joined.entry(gold[j].ty.kind()).or_default();
                e.0 += 1;
                e.1 += usize::from(gold[j].ty == g.ty);
            }
        }
    }
    counts
}

#[test]
fn context_cues_name_the_gold_kind_on_conll_train() {
    let Some(path) = lede_testdata::shared_path("context_cues", "corpora/conll2003/eng.train")
    else {
        return;
    };
    let text = std::fs::read_to_string(&path).expect("eng.train is readable");
    let counts = count(&text);
    for (cue, min_share, max_person) in [
        (EntityKind::Place, 0.85, 0.02),
        (EntityKind::Person, 0.95, 1.0),
    ] {
        let gold = &counts.by_cue[&cue];
        let total: usize = gold.values().sum();
        let share = |k: EntityKind| gold.get(&k).copied().unwrap_or(0) as f64 / total as f64;
        println!("{cue:?} cue: {total} names, gold {gold:?}");
        assert!(total >= 200, "{cue:?} cue fires on {total} names only");
        assert!(
            share(cue) >= min_share,
            "{cue:?} cue: {:.3} of {total} names are gold {cue:?}",
            share(cue)
        );
        assert!(
            cue == EntityKind::Person || share(EntityKind::Person) <= max_person,
            "{cue:?} cue: {:.3} of its names are people",
            share(EntityKind::Person)
        );
    }
    for (partner, (n, same)) in &counts.joined {
        println!("joined to {partner:?}: {same} of {n} share its kind");
    }
    // The corpus step follows a place partner only.
    let (n, same) = counts.joined[&EntityKind::Place];
    assert!(n >= 50, "only {n} names joined to a place");
    assert!(
        same as f64 / n as f64 >= 0.9,
        "joined to a place: {same} of {n}"
    );
}
