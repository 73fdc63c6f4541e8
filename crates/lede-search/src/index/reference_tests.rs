//! The postings a pack derives and the ones `Index::build` makes, each checked against a plain
//! reference (maps of every term's articles, fields and positions) on a corpus with tricky text:
//! accents, CJK, numbers, hyphens, apostrophes and dots, colons, quotes with speakers, entities
//! with aliases, one paragraph of more than 10,000 chars, and enough articles for skip entries.

use std::collections::BTreeMap;

use lede_corpus::{Article, ArticleEntity, Corpus, EntityKind, Quote, Speaker};

use super::{Index, SEGMENT_GAP};
use crate::postings::{positions_at, Field, Records, FIELDS, SKIP_BLOCK};

/// Term -> article -> `(field, position)` of every occurrence, in order.
type Reference = BTreeMap<String, BTreeMap<u32, Vec<(Field, u32)>>>;

/// Every occurrence the index should hold, and the field lengths, computed plainly.
fn reference(corpus: &Corpus) -> (Reference, Vec<u32>) {
    let mut map = Reference::new();
    let mut lens = Vec::new();
    for (d, a) in corpus.articles.iter().enumerate() {
        let mut texts: Vec<(Field, String)> = vec![(Field::Title, a.title.clone())];
        texts.extend(a.paragraphs.iter().map(|p| (Field::Body, p.to_string())));
        texts.extend(
            a.quotes
                .iter()
                .map(|q| (Field::Quotes, q.text(&a.paragraphs).to_string())),
        );
        let mut speakers: Vec<String> = a
            .quotes
            .iter()
            .filter_map(|q| q.speaker.as_ref().map(|s| s.name.to_string()))
            .collect();
        speakers.sort();
        speakers.dedup();
        texts.extend(speakers.into_iter().map(|s| (Field::Speaker, s)));
        let mut names: Vec<String> = a
            .entities
            .iter()
            .flat_map(|e| {
                std::iter::once(e.name.to_string()).chain(e.aliases.iter().map(|a| a.to_string()))
            })
            .collect();
        names.sort();
        names.dedup();
        texts.extend(names.into_iter().map(|n| (Field::Entities, n)));
        let mut next = [0u32; FIELDS];
        let mut len = [0u32; FIELDS];
        for (field, text) in texts {
            let f = field as usize;
            let mut pos = next[f];
            lede_text::for_each_word_and_part(&text, |term, _, _, part| {
                let at = if part { pos - 1 } else { pos };
                if !part {
                    pos += 1;
                    len[f] += 1;
                }
                let occ = map.entry(term.to_string()).or_default();
                occ.entry(d as u32).or_default().push((field, at));
            });
            next[f] = pos + SEGMENT_GAP;
        }
        lens.extend_from_slice(&len);
    }
    for docs in map.values_mut() {
        for occ in docs.values_mut() {
            occ.sort();
            occ.dedup();
        }
    }
    (map, lens)
}

/// Checks every term, record, frequency, position, skip entry and field length of `index`.
fn assert_matches(index: &Index, corpus: &Corpus, what: &str) {
    let (want, lens) = reference(corpus);
    assert_eq!(index.field_len, lens, "{what}: field lengths");
    assert_eq!(index.df.len(), want.len(), "{what}: terms");
    let mut skipped = 0;
    for (term, docs) in &want {
        let t = index
            .term_id(term)
            .unwrap_or_else(|| panic!("{what}: {term:?}"));
        assert_eq!(
            index.df[t as usize] as usize,
            docs.len(),
            "{what}: df {term:?}"
        );
        let records: Vec<_> = index.records(t).collect();
        let got_docs: Vec<u32> = records.iter().map(|r| r.doc).collect();
        let want_docs: Vec<u32> = docs.keys().copied().collect();
        assert_eq!(got_docs, want_docs, "{what}: articles of {term:?}");
        for r in &records {
            let mut got = Vec::new();
            positions_at(&index.postings, r.at, &mut got);
            assert_eq!(got, docs[&r.doc], "{what}: {term:?} in article {}", r.doc);
            for f in Field::ALL {
                let n = got.iter().filter(|(g, _)| *g == f).count() as u32;
                assert_eq!(r.tf[f as usize], n, "{what}: tf of {term:?}");
                assert_eq!(r.mask & f.bit() != 0, n > 0, "{what}: mask of {term:?}");
            }
        }
        let skips = index.skips_of(t);
        if records.len() > SKIP_BLOCK {
            assert_eq!(skips.len(), records.len().div_ceil(SKIP_BLOCK), "{what}");
            let end = index.offsets[t as usize + 1] as usize;
            for (k, &(doc, at)) in skips.iter().enumerate() {
                assert_eq!(doc, records[k * SKIP_BLOCK].doc, "{what}: skip of {term:?}");
                let tail: Vec<u32> = Records::resume(&index.postings, at as usize, end, doc)
                    .map(|r| r.doc)
                    .collect();
                assert_eq!(tail, got_docs[k * SKIP_BLOCK..], "{what}: skip of {term:?}");
            }
            skipped += 1;
        } else {
            assert!(skips.is_empty(), "{what}: {term:?} has skips");
        }
    }
    assert!(skipped > 3, "{what}: the corpus makes skip entries");
}

fn speaker(name: &str) -> Option<Speaker> {
    Some(Speaker {
        name: name.into(),
        ..Default::default()
    })
}

/// Articles with tricky text; the first one quotes and names people.
fn tricky() -> Corpus {
    let long: String = (0..1400)
        .map(|i| format!("w{} Zürich-{} ", i % 97, i % 13))
        .collect();
    assert!(long.chars().count() > 10_000);
    let mut articles = vec![Article {
        id: "t0".into(),
        title: "Ærø’s naïve café: O'Neil's U.S. plan".into(),
        paragraphs: vec![
            "東京都の市場 rose 5.93 pct to 1,000,000 yen on 2026-12-01.".into(),
            "\"We will not sell,\" said Hewlett-Packard's well-known chief, e.g. title:vote."
                .into(),
            long,
        ]
        .into(),
        quotes: vec![Quote {
            paragraph: 1,
            start: 1,
            end: 17,
            held_text: Some("We will not sell".into()),
            speaker: speaker("Ana Ñúñez"),
            cue: None,
            next: None,
            rule: None,
        }],
        entities: vec![ArticleEntity {
            id: "e-ana".into(),
            name: "Ana Ñúñez".into(),
            kind: EntityKind::Person,
            aliases: vec!["Ñúñez".into(), "A. Ñúñez".into()].into(),
            mentions: Default::default(),
        }],
        ..Article::default()
    }];
    for i in 1..200 {
        articles.push(Article {
            id: format!("t{i}"),
            title: format!("Harbour vote {i}: Zürich's port-of-call"),
            paragraphs: vec![format!(
                "The harbour council met {} times; {} U.S.-based 東京 traders said {}.",
                i % 7,
                "again and again ".repeat(i % 40),
                i * 1013
            )]
            .into(),
            ..Article::default()
        });
    }
    Corpus::new(articles)
}

#[test]
fn built_and_derived_postings_match_the_reference() {
    let corpus = tricky();
    let built = Index::build(&corpus);
    assert_matches(&built, &corpus, "Index::build");
    let pack = crate::pack::write_pack(&corpus, &built).expect("the corpus packs");
    let (back, derived) = crate::pack::read_pack(&pack).expect("the pack reads");
    assert_eq!(back, corpus);
    assert_matches(&derived, &back, "derived from the pack");
    assert_eq!(derived.to_bytes(), built.to_bytes());
}
