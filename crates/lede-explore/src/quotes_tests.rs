//! Tests of the quotations grouping, its orders, the evidence and the records.

use lede_corpus::{Article, Corpus, Cue, Quote, Span, Speaker};
use lede_view::QuoteSort;

use super::*;

fn speaker(name: &str, entity: Option<&str>, span: Option<(usize, usize)>) -> Option<Speaker> {
    Some(Speaker {
        name: name.into(),
        entity: entity.map(Into::into),
        span: span.map(|(start, end)| Span {
            paragraph: 0,
            start,
            end,
        }),
        ..Default::default()
    })
}

fn piece(text: &str, speaker: Option<Speaker>, cue: Option<&str>, next: Option<usize>) -> Quote {
    Quote {
        paragraph: 0,
        start: 0,
        end: 0,
        held_text: Some(text.into()),
        speaker,
        cue: cue.map(|c| Cue {
            text: c.into(),
            span: Span::default(),
        }),
        next,
        rule: None,
    }
}

fn article(id: &str, date: Option<&str>, quotes: Vec<Quote>) -> Article {
    Article {
        id: id.into(),
        title: format!("Title {id}"),
        date: date.map(Into::into),
        source: Some("ATN".into()),
        paragraphs: vec!["“We stay,” he said. Wang Yi spoke.".into()].into(),
        quotes,
        ..Article::default()
    }
}

fn corpus() -> Corpus {
    let wang = |span| speaker("Wang Yi", Some("person:wang-yi"), span);
    Corpus::new(vec![
        article(
            "a",
            Some("2024-07-01"),
            vec![
                // one quotation in two pieces, the second naming the speaker via "he"
                piece("We stay", None, None, Some(1)),
                piece("and fight", wang(Some((11, 13))), Some("said"), None),
                piece("No comment", None, None, None),
            ],
        ),
        article(
            "b",
            Some("2024-08-01"),
            vec![
                piece("Later words", wang(Some((20, 27))), Some("said"), None),
                piece(
                    "Ours",
                    speaker("a company spokesman", None, None),
                    None,
                    None,
                ),
                piece("Mine", speaker("Ada  Lovelace", None, None), None, None),
            ],
        ),
        article(
            "c",
            None,
            vec![piece(
                "Again",
                speaker("ADA Lovelace", None, None),
                None,
                None,
            )],
        ),
        article("d", Some("2023"), vec![]),
    ])
}

fn all(corpus: &Corpus) -> Vec<QuotationRow> {
    quotations(corpus, &(0..corpus.articles.len()).collect::<Vec<_>>())
}

#[test]
fn rows_are_quotations_and_counts_add_up() {
    let c = corpus();
    let rows = all(&c);
    assert_eq!(rows.len(), 6);
    assert_eq!(quotation_count(&c, &[0, 1, 2, 3]), 6);
    assert_eq!(quotation_count(&c, &[0]), 2);
    assert_eq!(rows[0].text, "We stay … and fight");
    assert_eq!((rows[0].article, rows[0].number), (0, 0));
    assert_eq!(rows[0].pieces, [0, 1]);
    assert_eq!(rows[0].speaker_piece, Some(1));
    let subset: Vec<usize> = (0..rows.len()).collect();
    for order in [QuoteSort::Count, QuoteSort::Name, QuoteSort::Date] {
        let groups = group_by_speaker(&c, &rows, &subset, order);
        let mut seen: Vec<usize> = groups.iter().flat_map(|g| g.rows.clone()).collect();
        seen.sort_unstable();
        assert_eq!(seen, subset, "every quotation in exactly one group");
        assert_eq!(groups.len(), 4);
    }
    // a subset groups only its rows
    let groups = group_by_speaker(&c, &rows, &[2, 3], QuoteSort::Count);
    assert_eq!(groups.iter().map(|g| g.rows.len()).sum::<usize>(), 2);
}

#[test]
fn groups_by_entity_then_folded_name_with_descriptions_and_the_unattributed_kept() {
    let c = corpus();
    let rows = all(&c);
    let subset: Vec<usize> = (0..rows.len()).collect();
    let groups = group_by_speaker(&c, &rows, &subset, QuoteSort::Count);
    let keys: Vec<(&str, SpeakerKind, usize)> = groups
        .iter()
        .map(|g| (g.key.as_str(), g.kind, g.rows.len()))
        .collect();
    assert_eq!(
        keys,
        [
            ("name:ada lovelace", SpeakerKind::Name, 2),
            ("entity:person:wang-yi", SpeakerKind::Entity, 2),
            (
                "description:a company spokesman",
                SpeakerKind::Description,
                1
            ),
            ("unattributed", SpeakerKind::Unattributed, 1),
        ]
    );
    assert_eq!(groups[1].name, "Wang Yi");
    assert_eq!(groups[1].entity.as_deref(), Some("person:wang-yi"));
    assert_eq!(groups[3].name, "Unattributed");
    // latest first inside a group
    assert_eq!(groups[1].rows, [2, 0]);
    // undated last
    assert_eq!(groups[0].rows, [4, 5]);
}

#[test]
fn orders_by_name_and_by_date() {
    let c = corpus();
    let rows = all(&c);
    let subset: Vec<usize> = (0..rows.len()).collect();
    let names = |order| -> Vec<String> {
        group_by_speaker(&c, &rows, &subset, order)
            .into_iter()
            .map(|g| g.name)
            .collect()
    };
    assert_eq!(
        names(QuoteSort::Name),
        [
            "a company spokesman",
            "Ada  Lovelace",
            "Wang Yi",
            "Unattributed"
        ]
    );
    // latest quotation first; ties (2024-08-01) by count, then name
    assert_eq!(
        names(QuoteSort::Date),
        [
            "Ada  Lovelace",
            "Wang Yi",
            "a company spokesman",
            "Unattributed"
        ]
    );
}

#[test]
fn evidence_names_the_cue_and_a_resolved_pronoun() {
    let c = corpus();
    let rows = all(&c);
    let e = rows[0].evidence(&c);
    assert_eq!(e.cue.as_deref(), Some("said"));
    assert_eq!(e.resolved_from.as_deref(), Some("he"));
    assert_eq!(e.describe("Wang Yi"), "cue “said” · “he” → Wang Yi");
    // the span text is the name itself: no resolution to show
    let e = rows[2].evidence(&c); // "Wang Yi" at 20..27
    assert_eq!(e.resolved_from, None);
    assert_eq!(e.describe("Wang Yi"), "cue “said”");
    assert_eq!(rows[3].evidence(&c), Evidence::default());
    assert_eq!(Evidence::default().describe("x"), "");
}

#[test]
fn records_flatten_rows_in_group_order() {
    let c = corpus();
    let rows = all(&c);
    let subset: Vec<usize> = (0..rows.len()).collect();
    let groups = group_by_speaker(&c, &rows, &subset, QuoteSort::Count);
    let recs = records(&c, &rows, &groups);
    assert_eq!(recs.len(), rows.len());
    let wang = &recs[2];
    assert_eq!(wang.speaker.as_deref(), Some("Wang Yi"));
    assert_eq!(wang.speaker_id.as_deref(), Some("person:wang-yi"));
    assert_eq!(wang.article_id, "b");
    assert_eq!(wang.date.as_deref(), Some("2024-08-01"));
    let unattributed = recs.last().unwrap();
    assert_eq!(unattributed.speaker, None);
    assert_eq!(unattributed.quote, "No comment");
    assert_eq!(unattributed.number, 1);
}

#[test]
fn a_reuters_sized_result_set_groups_and_searches_every_quotation() {
    // 20,000 articles with three quotations each (one of two pieces), 500 speakers and some
    // unattributed: every quotation is grouped once, and the search finds its word.
    let n = 20_000;
    let articles: Vec<Article> = (0..n)
        .map(|i| {
            let who = |k: usize| {
                let s = (i * 3 + k) % 501;
                (s < 500).then(|| Speaker {
                    name: format!("Speaker {s}").into(),
                    entity: s.is_multiple_of(2).then(|| format!("person:s{s}").into()),
                    span: None,
                    ..Default::default()
                })
            };
            let text = |k: usize| format!("Prices rose in quarter {k} said trader{}", i % 97);
            article(
                &format!("a{i}"),
                Some(&format!("{}-01-01", 1990 + i % 20)),
                vec![
                    piece(&text(0), who(0), Some("said"), Some(1)),
                    piece(&text(1), None, None, None),
                    piece(&text(2), who(1), None, None),
                    piece(&text(3), who(2), None, None),
                ],
            )
        })
        .collect();
    let c = Corpus::new(articles);
    let every: Vec<usize> = (0..n).collect();
    let started = std::time::Instant::now();
    let rows = quotations(&c, &every);
    let subset: Vec<usize> = (0..rows.len()).collect();
    let groups = group_by_speaker(&c, &rows, &subset, QuoteSort::Count);
    let grouped = started.elapsed();
    assert_eq!(rows.len(), 3 * n);
    assert_eq!(quotation_count(&c, &every), 3 * n);
    assert_eq!(groups.iter().map(|g| g.rows.len()).sum::<usize>(), 3 * n);
    assert_eq!(groups.len(), 501);
    assert!(groups.iter().any(|g| g.kind == SpeakerKind::Unattributed));
    let started = std::time::Instant::now();
    let found = crate::match_quotations(&rows, "trader13 ");
    let searched = started.elapsed();
    let expected = (0..n).filter(|i| i % 97 == 13).count() * 3;
    assert_eq!(found.len(), expected);
    eprintln!(
        "{} quotations: grouped in {grouped:?}, searched in {searched:?}",
        rows.len()
    );
}

#[test]
fn groups_sort_as_the_standard_stable_sort_ties_included() {
    // Groups with few distinct names, counts and days, so that every rule ties somewhere.
    let mut x = 0x2545_f491_4f6c_dd1du64;
    let mut next = |m: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % m) as usize
    };
    let groups: Vec<SpeakerGroup> = (0..300)
        .map(|i| SpeakerGroup {
            key: format!("g{i}"),
            name: ["Ann", "ann", "Bob", "Unattributed", "Cy"][next(5)].to_string(),
            kind: [SpeakerKind::Name, SpeakerKind::Unattributed][usize::from(next(4) == 0)],
            entity: None,
            rows: vec![0; next(4)],
            latest: [None, Some(1), Some(2)][next(3)],
        })
        .collect();
    let names: Vec<String> = groups.iter().map(|g| fold_for_match(&g.name)).collect();
    let keys = |gs: &[SpeakerGroup]| gs.iter().map(|g| g.key.clone()).collect::<Vec<_>>();
    for order in [QuoteSort::Count, QuoteSort::Name, QuoteSort::Date] {
        let mut want: Vec<usize> = (0..groups.len()).collect();
        want.sort_by(|&a, &b| group_order(&groups, &names, order, a, b));
        let want: Vec<String> = want.iter().map(|&i| groups[i].key.clone()).collect();
        assert_eq!(keys(&in_order(groups.clone(), order)), want, "{order:?}");
    }
}
