//! Speakers' kinds after the recipe on the demo corpus (`data/demo`): a linked speaker takes
//! its entity's kind only when the entity bears its name.

use lede_annotate::annotate;
use lede_corpus::Corpus;
use lede_entities::Tagger;
use lede_ingest::{ingest_paths, IngestOptions};

fn annotated() -> Corpus {
    let dir = lede_testdata::repo_root().join("data/demo");
    let mut corpus = Corpus::new(ingest_paths(&[dir], &IngestOptions::default()).articles);
    annotate(&mut corpus, &Tagger::bundled(), |_, _| {});
    corpus
}

#[test]
fn speakers_take_the_kind_of_the_entity_that_bears_their_name_only() {
    use lede_corpus::{EntityKind, SpeakerKind};
    let corpus = annotated();
    let mut checked = 0;
    for a in &corpus.articles {
        for q in &a.quotes {
            let Some(s) = &q.speaker else { continue };
            let Some(e) = s
                .entity
                .as_ref()
                .and_then(|id| a.entities.iter().find(|e| &e.id == id))
            else {
                continue;
            };
            let same_name =
                lede_text::fold_for_match(&e.name) == lede_text::fold_for_match(&s.name);
            let expected = match e.kind {
                EntityKind::Person => Some(SpeakerKind::Person),
                EntityKind::Organization => Some(SpeakerKind::Organization),
                _ => None,
            };
            if same_name && expected.is_some() && s.kind != Some(SpeakerKind::Description) {
                assert_eq!(s.kind, expected, "{} in {}", s.name, a.id);
                checked += 1;
            }
        }
    }
    assert!(checked > 20, "only {checked} speakers checked");
    // `Velmora Mayor Sunniva Okafor-Brandt said …`: linked by span to the place-named entity,
    // the mayor stays a person.
    let mayor: Vec<_> = corpus
        .articles
        .iter()
        .flat_map(|a| &a.quotes)
        .filter_map(|q| q.speaker.as_ref())
        .filter(|s| s.name == "Sunniva Okafor-Brandt")
        .collect();
    assert!(!mayor.is_empty());
    assert!(
        mayor.iter().all(|s| s.kind == Some(SpeakerKind::Person)),
        "{mayor:?}"
    );
}
