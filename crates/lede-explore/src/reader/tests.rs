//! Tests of the reader's views of one article.

use lede_corpus::{Article, Cue, Paragraphs, Quote, Span, Speaker, SpeakerKind, SpeakerMention};

use super::*;

/// A piece in `paragraph` by `speaker` (name, entity), with `cue` and a speaker span.
fn piece(paragraph: usize, speaker: Option<(&str, Option<&str>)>, next: Option<usize>) -> Quote {
    Quote {
        paragraph,
        start: 0,
        end: 1,
        held_text: Some("x".into()),
        speaker: speaker.map(|(name, entity)| Speaker {
            name: name.into(),
            entity: entity.map(Into::into),
            span: None,
            ..Default::default()
        }),
        cue: None,
        next,
        rule: None,
    }
}

fn article(quotes: Vec<Quote>, paragraphs: usize) -> Article {
    Article {
        paragraphs: vec!["p".to_string(); paragraphs].into(),
        quotes,
        ..Article::default()
    }
}

#[test]
fn speakers_get_colours_in_order_of_first_quotation() {
    let a = article(
        vec![
            piece(0, None, None),
            piece(
                0,
                Some(("Ansel Tromp", Some("person:ansel-tromp"))),
                Some(3),
            ),
            piece(1, Some(("Mara Veld", None)), None),
            piece(2, None, None), // the second piece of quotation 1
            piece(3, Some(("Tromp", Some("person:ansel-tromp"))), None),
            piece(4, Some(("MARA  VELD", None)), None),
        ],
        5,
    );
    let legend = speaker_legend(&a);
    let rows: Vec<(Option<&str>, Option<usize>, &[usize])> = legend
        .speakers
        .iter()
        .map(|s| (s.name.as_deref(), s.colour, s.quotations.as_slice()))
        .collect();
    assert_eq!(
        rows,
        [
            (Some("Ansel Tromp"), Some(0), &[1, 3][..]),
            (Some("Mara Veld"), Some(1), &[2, 4][..]),
            (None, None, &[0][..]),
        ]
    );
    // Quotations: 0 unattributed, 1 Tromp (two pieces), 2 Veld, 3 Tromp, 4 Veld.
    assert_eq!(legend.of_quotation, [2, 0, 1, 0, 1]);
    assert_eq!(
        legend.speakers[0].entity.as_deref(),
        Some("person:ansel-tromp")
    );
}

#[test]
fn the_palette_wraps_after_eight_speakers() {
    let names: Vec<String> = (0..10).map(|i| format!("Speaker {i}")).collect();
    let quotes = names
        .iter()
        .map(|n| piece(0, Some((n.as_str(), None)), None))
        .collect();
    let legend = speaker_legend(&article(quotes, 1));
    let colours: Vec<Option<usize>> = legend.speakers.iter().map(|s| s.colour).collect();
    assert_eq!(colours[7], Some(7));
    assert_eq!(colours[8], Some(0));
    assert_eq!(colours.len(), 10);
    assert!(speaker_legend(&Article::default()).speakers.is_empty());
}

#[test]
fn evidence_names_the_cue_and_the_words_resolved() {
    let mut a = article(
        vec![
            piece(0, Some(("Wang Yi", None)), Some(1)),
            piece(1, None, None),
        ],
        2,
    );
    a.paragraphs = vec!["“We agree,” he said.".into(), "“And more.”".into()].into();
    a.quotes[1].cue = Some(Cue {
        text: "said".into(),
        span: Span {
            paragraph: 0,
            start: 15,
            end: 19,
        },
    });
    a.quotes[0].speaker.as_mut().unwrap().span = Some(Span {
        paragraph: 0,
        start: 12,
        end: 14,
    });
    let e = quotation_evidence(&a, &[0, 1]);
    assert_eq!(
        e,
        Evidence {
            cue: Some("said".into()),
            resolved_from: Some("he".into()),
            ..Evidence::default()
        }
    );
    assert_eq!(e.describe("Wang Yi"), "cue “said” · “he” → Wang Yi");
    // Named as resolved: no resolution shown; no speaker, no cue: nothing.
    a.paragraphs = Paragraphs::from(["“We agree,” Wang Yi said.", "“And more.”"]);
    a.quotes[0].speaker.as_mut().unwrap().span = Some(Span {
        paragraph: 0,
        start: 12,
        end: 19,
    });
    assert_eq!(quotation_evidence(&a, &[0]).resolved_from, None);
    assert_eq!(quotation_evidence(&a, &[1]).describe("x"), "cue “said”");
    assert_eq!(Evidence::default().describe("x"), "");
}

#[test]
fn evidence_shows_the_chain_a_description_and_low_confidence() {
    let mut a = article(vec![piece(1, Some(("Idris Kalvane", None)), None)], 2);
    a.paragraphs = vec![
        "Foreign Minister Idris Kalvane arrived; Kalvane spoke first.".into(),
        "“We are ready,” he said.".into(),
    ]
    .into();
    let span = |paragraph: usize, text: &str, within: &str| {
        let at = a.paragraphs[paragraph].find(within).unwrap();
        let start = a.paragraphs[paragraph][..at].chars().count() + within.find(text).unwrap();
        Span {
            paragraph,
            start,
            end: start + text.chars().count(),
        }
    };
    let he = span(1, "he", "he said");
    let surname = span(0, "Kalvane", "Kalvane spoke");
    let full = span(0, "Idris Kalvane", "Idris Kalvane");
    let s = a.quotes[0].speaker.as_mut().unwrap();
    s.span = Some(he);
    s.resolved_from = vec![
        SpeakerMention {
            text: "Kalvane".into(),
            span: surname,
        },
        SpeakerMention {
            text: "Idris Kalvane".into(),
            span: full,
        },
    ]
    .into();
    s.confidence = Some(0.42);
    s.kind = Some(SpeakerKind::Person);
    let e = quotation_evidence(&a, &[0]);
    assert_eq!(e.via, vec!["Kalvane".to_string()]);
    assert_eq!(e.confidence, Some(42));
    assert!(e.is_low_confidence());
    assert_eq!(
        e.describe("Idris Kalvane"),
        "“he” → “Kalvane” → Idris Kalvane · low confidence (42%)"
    );
    // Confident: no mark. A description: said so.
    a.quotes[0].speaker.as_mut().unwrap().confidence = Some(0.97);
    assert!(!quotation_evidence(&a, &[0]).is_low_confidence());
    a.quotes[0].speaker = Some(Speaker {
        name: "a senior executive".into(),
        kind: Some(SpeakerKind::Description),
        confidence: Some(0.9),
        ..Speaker::default()
    });
    let e = quotation_evidence(&a, &[0]);
    assert!(e.description);
    assert_eq!(
        e.describe("a senior executive"),
        "description, no name given"
    );
}

#[test]
fn a_quotation_across_paragraphs_is_one_run() {
    // Quotation 0: paragraphs 1 to 3; quotation 1 stays in paragraph 4; quotation 2 from 3 to 5.
    let a = article(
        vec![
            piece(1, None, Some(1)),
            piece(3, None, None),
            piece(4, None, None),
            piece(3, None, Some(4)),
            piece(5, None, None),
        ],
        6,
    );
    let runs = paragraph_runs(&a);
    let run = |quotation, first, last| {
        Some(Run {
            quotation,
            first,
            last,
        })
    };
    assert_eq!(
        runs,
        [
            None,
            run(0, true, false),
            run(0, false, false),
            run(0, false, true),
            run(2, true, false),
            run(2, false, true),
        ]
    );
}

#[test]
fn find_steps_wrap_around() {
    assert_eq!(find_step(None, 0, true), None);
    assert_eq!(find_step(None, 3, true), Some(0));
    assert_eq!(find_step(None, 3, false), Some(2));
    assert_eq!(find_step(Some(2), 3, true), Some(0));
    assert_eq!(find_step(Some(0), 3, false), Some(2));
    assert_eq!(find_step(Some(1), 3, false), Some(0));
    assert_eq!(
        find_step(Some(9), 3, true),
        Some(0),
        "a stale mark counts as the last"
    );
    assert_eq!(find_step(Some(0), 1, true), Some(0));
}
