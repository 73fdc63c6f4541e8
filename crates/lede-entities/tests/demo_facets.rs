//! The kinds the demo corpus's People facet got wrong (issue 14), each class on sentences
//! written for these tests: a sentence opener inside a quotation, named storms, a place named
//! in apposition to a place noun.
#![cfg(feature = "bundled-model")]

use lede_corpus::{ArticleEntity, EntityKind, Quote};
use lede_entities::{extract_entities, Tagger};

fn entities(text: &[&str], quotes: &[Quote]) -> Vec<ArticleEntity> {
    let paras: lede_corpus::Paragraphs = text.iter().map(|s| s.to_string()).collect();
    extract_entities(&paras, &Tagger::bundled(), quotes)
}

fn kind_of(es: &[ArticleEntity], name: &str) -> Option<EntityKind> {
    es.iter().find(|e| e.name == name).map(|e| e.kind)
}

/// The quotation of paragraph `p` between the first pair of curly quote marks, in chars.
fn quote_in(text: &str, p: usize) -> Quote {
    let chars: Vec<char> = text.chars().collect();
    let open = chars
        .iter()
        .position(|&c| c == '“')
        .expect("an opening mark")
        + 1;
    let close = chars
        .iter()
        .position(|&c| c == '”')
        .expect("a closing mark");
    Quote {
        paragraph: p,
        start: open,
        end: close,
        held_text: Some(chars[open..close].iter().collect::<String>().into()),
        speaker: None,
        cue: None,
        next: None,
        rule: None,
    }
}

#[test]
fn a_sentence_opener_inside_a_quotation_is_no_person() {
    let text = [
        "Farmers at the Osterby market voted to stop deliveries on Friday.",
        "“We have been patient through three dry summers. Patience has run out,” said Britt Hollander, who chairs the growers’ union.",
    ];
    let quotes = [quote_in(text[1], 1)];
    let es = entities(&text, &quotes);
    assert_eq!(kind_of(&es, "Britt Hollander"), Some(EntityKind::Person));
    let patience = kind_of(&es, "Patience");
    assert!(
        patience.is_none_or(|k| k == EntityKind::Other),
        "{patience:?}: {es:#?}"
    );
}

#[test]
fn a_name_met_outside_the_quotations_stays_a_person() {
    let text = [
        "Patience Okoro, the harbour master, closed the port on Friday.",
        "“We have waited long enough. Patience knows the sea,” a fisherman said.",
    ];
    let quotes = [quote_in(text[1], 1)];
    let es = entities(&text, &quotes);
    assert_eq!(
        kind_of(&es, "Patience Okoro"),
        Some(EntityKind::Person),
        "{es:#?}"
    );
}

#[test]
fn named_storms_are_events_not_people() {
    let es = entities(
        &[
            "Storm Brisa brought down power lines across Fennmark on Sunday.",
            "Forecasters said Hurricane Ondrea would reach the coast by Tuesday.",
            "Engineers said gusts of Brisa’s strength had not been measured there since 1990.",
        ],
        &[],
    );
    for storm in ["Storm Brisa", "Hurricane Ondrea", "Brisa"] {
        let kind = kind_of(&es, storm);
        assert_ne!(kind, Some(EntityKind::Person), "{storm}: {es:#?}");
        assert_ne!(kind, Some(EntityKind::Place), "{storm}: {es:#?}");
    }
}

#[test]
fn a_name_in_apposition_to_a_place_noun_is_a_place() {
    let es = entities(
        &["Shops on the northern island, Varra Dun, ran short of bread after the ferries stopped."],
        &[],
    );
    assert_eq!(
        kind_of(&es, "Varra Dun"),
        Some(EntityKind::Place),
        "{es:#?}"
    );
}
