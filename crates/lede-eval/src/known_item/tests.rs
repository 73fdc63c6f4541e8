//! The generator against values of the reference it replaced (`bench/make-queries.mjs`, run in
//! node), the query file format, and the scorer.

use lede_corpus::Corpus;

use super::*;

fn corpus() -> Corpus {
    Corpus::from_json(
        r#"{"articles": [
        {"id": "a1", "title": "Harbour council backs terminal plan",
         "paragraphs": ["The council voted on the zanzibar quokka marmoset pelican."]},
        {"id": "a2", "title": "Reservoir levels fall sharply",
         "paragraphs": ["Dry weather again hit the reservoir."]},
        {"id": "a3", "title": "Council reservoir plan approved",
         "paragraphs": ["A plan for the reservoir. Zanzibar."]}
    ]}"#,
    )
    .unwrap()
}

#[test]
fn mulberry32_gives_the_reference_sequence() {
    let mut r = Mulberry32::new(6000);
    let got: Vec<f64> = (0..3).map(|_| r.next_f64()).collect();
    assert_eq!(
        got,
        [0.6720246747136116, 0.2606307177338749, 0.946569113759324]
    );
}

#[test]
fn typos_are_the_reference_typos() {
    let mut r = Mulberry32::new(7);
    assert_eq!(typo(&mut r, "reservoir"), "rzservoir");
    assert_eq!(typo(&mut r, "reservoir"), "reserkvoir");
    assert_eq!(typo(&mut r, "council"), "concil");
}

#[test]
fn words_are_folded_alphabetic_and_not_stopwords() {
    assert_eq!(
        words("The Zürich <LSB> council’s 5.93 x plan-B of Zu\u{308}g"),
        ["zurich", "lsb", "council", "plan", "zug"]
    );
}

#[test]
fn generates_the_reference_queries() {
    let got: Vec<(String, String, String)> = generate(&corpus(), 3, 6)
        .into_iter()
        .map(|k| (k.q, k.target, k.kind))
        .collect();
    let want = [
        ("reservoir levels fall sharply", "a2", "title"),
        ("harbour council backs terminal", "a1", "title"),
        ("council reservoir plan approved", "a3", "title"),
        ("resenvoir plan approved", "a3", "typo"),
        ("harboru council", "a1", "typo"),
        ("reesrvoir levels fall sharply", "a2", "typo"),
        ("council reservoir pla", "a3", "prefix"),
        ("reservoir levels fall shar", "a2", "prefix"),
        ("backs terminal pla", "a1", "prefix"),
        ("weather agian reservoir", "a2", "body"),
        ("plan reservoir zanzwibar", "a3", "body"),
        ("voted zanzibbar pelican", "a1", "body"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|&(q, t, k)| (q.into(), t.into(), k.into()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn queries_of_a_kind_are_distinct_and_each_names_one_title() {
    let corpus = corpus();
    let queries = generate(&corpus, 50, 1);
    for kind in KINDS {
        let of_kind: Vec<&KnownItem> = queries.iter().filter(|q| q.kind == kind).collect();
        let mut texts: Vec<&str> = of_kind.iter().map(|q| q.q.as_str()).collect();
        texts.sort_unstable();
        texts.dedup();
        assert_eq!(texts.len(), of_kind.len(), "{kind} queries repeat");
    }
    // "council plan" is in the titles of a1 and a3: never a title query.
    assert!(queries.iter().all(|q| q.q != "council plan"));
    assert_eq!(
        generate(&corpus, 50, 1),
        queries,
        "the same seed, the same set"
    );
}

#[test]
fn a_query_file_has_one_query_per_line_and_reads_back() {
    let queries = generate(&corpus(), 1, 6);
    let text = format_query_set(
        &[("corpus", "c.json".into()), ("articles", 3.into())],
        &queries,
    );
    assert!(text.starts_with(
        "{\n  \"corpus\": \"c.json\",\n  \"articles\": 3,\n  \"queries\": [\n    {\"q\":"
    ));
    assert!(text.ends_with("\"}\n  ]\n}\n"), "{text}");
    assert_eq!(text.lines().count(), 4 + queries.len() + 2);
    let back: QuerySet = serde_json::from_str(&text).unwrap();
    assert_eq!(back.queries, queries);
}

fn ranked(query: usize, ids: &[&str]) -> Ranked {
    Ranked {
        query,
        ranked: ids.iter().map(|s| s.to_string()).collect(),
    }
}

#[test]
fn scores_ranks_per_kind_in_the_top_ten_only() {
    let set = QuerySet {
        queries: [("a", "x", "title"), ("b", "y", "title"), ("c", "z", "body")]
            .iter()
            .map(|&(q, t, k)| KnownItem {
                q: q.into(),
                target: t.into(),
                kind: k.into(),
            })
            .collect(),
    };
    let eleven: Vec<&str> = ["n"; 10].into_iter().chain(["z"]).collect();
    let s = score(
        &set,
        &[
            ranked(1, &["q", "y"]),
            ranked(0, &["x"]),
            ranked(2, &eleven),
        ],
    )
    .unwrap();
    assert_eq!(s.kinds["title"].queries, 2);
    assert_eq!(s.kinds["title"].mrr10, 0.75);
    assert_eq!(s.kinds["title"].found10, 1.0);
    assert_eq!(s.kinds["body"].found10, 0.0);
    assert_eq!(s.overall.queries, 3);
    assert!((s.overall.mrr10 - 0.5).abs() < 1e-12);
    assert_eq!(s.ranks, [Some(2), Some(1), None]);
    assert_eq!(
        s.not_first,
        [
            Miss {
                query: 1,
                rank: Some(2)
            },
            Miss {
                query: 2,
                rank: None
            }
        ]
    );
    // Only some queries run (a time budget): the others do not count.
    let some = score(&set, &[ranked(0, &["x"])]).unwrap();
    assert_eq!(some.overall.queries, 1);
    assert_eq!(some.kinds["body"], Score::default());
    assert!(score(&set, &[ranked(3, &[])]).is_err());
}
