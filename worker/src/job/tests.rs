//! The job's tests: files, corpora and packs through the same steps the worker runs.

use super::*;

const SEED_LIKE: &str = "Editor in Chief: Ana Petrov Tuesday, March 5th, 2024\n\n\
    Harbour Council Votes for New Quay\n\n\
    VELMORA - The harbour council voted on Monday to build a new quay.\n\
    “It is overdue,” Mayor Lina Okafor said. (VNA)\n";

fn files() -> Vec<(PathBuf, Vec<u8>)> {
    vec![
        ("drop/quay.txt".into(), SEED_LIKE.as_bytes().to_vec()),
        (
            "drop/junk.bin".into(),
            vec![0x89, b'P', b'N', b'G', 0, 0, 0],
        ),
    ]
}

#[test]
fn files_are_ingested_annotated_and_reported_like_the_cli() {
    let out = run(&files(), &[], Tagger::bundled(), None).unwrap();
    let (corpus, index) = read_pack(out.explore()).unwrap();
    assert_eq!(out.articles, corpus.articles.len());
    assert_eq!(corpus.articles.len(), 1);
    assert!(index.fits(&corpus));
    let article = &corpus.articles[0];
    assert_eq!(article.quotes.len(), 1, "the quotation is extracted");
    assert!(!article.entities.is_empty(), "entities are tagged");
    assert!(
        out.merged.is_none(),
        "alone, the own pack is the one explored"
    );
    assert_eq!(out.own.as_deref(), Some(out.explore()));
    let report: serde_json::Value = serde_json::from_str(&out.report.unwrap()).unwrap();
    assert_eq!(report["read"], 2);
    assert_eq!(report["ingested"], 1);
    assert_eq!(report["rejected"], 1);
    assert_eq!(out.files_in, vec![("drop/quay.txt".to_string(), 1)]);
    let entries = report["entries"].as_array().unwrap();
    assert!(entries.iter().any(|e| e.to_string().contains("junk.bin")));
}

#[test]
fn a_bare_corpus_gets_its_quotes_and_entities() {
    let bare = format!(
        r#"{{"articles": [{{"id": "quay", "title": "Quay", "paragraphs": {}}}]}}"#,
        serde_json::to_string(&SEED_LIKE.lines().skip(4).collect::<Vec<_>>()).unwrap()
    );
    let out = run(&[], &[bare.into_bytes()], Tagger::bundled(), None).unwrap();
    let (corpus, index) = read_pack(out.explore()).unwrap();
    assert!(out.own.is_none() && out.report.is_none());
    assert_eq!(corpus.articles[0].quotes.len(), 1);
    assert!(!corpus.articles[0].entities.is_empty());
    assert!(index.fits(&corpus));
}

#[test]
fn merged_corpora_keep_every_article_with_unique_ids() {
    let first = run(&files(), &[], Tagger::bundled(), None).unwrap();
    let own = first.own.unwrap();
    // The same files again beside the first collection: every id collides once.
    let out = run(&files(), &[own.clone(), own], Tagger::bundled(), None).unwrap();
    let (corpus, index) = read_pack(out.explore()).unwrap();
    let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    let base = ids[0];
    assert_eq!(
        ids,
        vec![base.to_string(), format!("{base}-2"), format!("{base}-3")]
    );
    assert!(index.fits(&corpus));
    assert!(corpus.is_annotated("entities"));
    let (own, _) = read_pack(&out.own.unwrap()).unwrap();
    assert_eq!(
        own.articles.len(),
        1,
        "the kept collection is the new files alone"
    );
}

/// More articles than batches: the seed-like article under several ids and titles, and a
/// Lede-format record that passes through with the quote it has.
fn many_files() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = files();
    for n in 0..7 {
        let text = SEED_LIKE
            .replace("New Quay", &format!("Quay number {n}"))
            .replace("Lina Okafor", &format!("Lina Okafor{n}"));
        files.push((format!("drop/quay-{n}.txt").into(), text.into_bytes()));
    }
    let kept = r#"{"format": "lede-corpus", "version": 1, "articles": [{"id": "kept",
        "title": "Kept", "paragraphs": ["He said \"yes\" today."],
        "quotes": [{"paragraph": 0, "start": 9, "end": 12, "text": "yes"}]}]}"#;
    files.push(("drop/kept.json".into(), kept.as_bytes().to_vec()));
    files
}

#[test]
fn batches_annotated_elsewhere_give_what_annotating_here_gives() {
    let tagger = Tagger::bundled();
    let here = run(&many_files(), &[], Tagger::bundled(), None).unwrap();
    for pieces in [1, 3, 100] {
        let mut parsed = parse(&many_files(), None);
        let batches = parsed.batches(pieces);
        let sent: Vec<usize> = batches.concat();
        assert_eq!(sent, parsed.todo, "every article once, in order ({pieces})");
        assert!(batches.len() <= pieces.max(1) && batches.iter().all(|b| !b.is_empty()));
        for batch in &batches {
            let answer = annotate_batch(&parsed.batch_json(batch), &tagger).unwrap();
            parsed.put_batch(batch, &answer).unwrap();
        }
        let pooled = complete(Parts::default(), Some(parsed)).unwrap();
        assert_eq!(
            untimed(&pooled.report),
            untimed(&here.report),
            "the same report ({pieces})"
        );
        assert_eq!(pooled.files_in, here.files_in);
        let (a, _) = read_pack(pooled.explore()).unwrap();
        let (b, _) = read_pack(here.explore()).unwrap();
        assert_eq!(
            serde_json::to_value(&a).unwrap(),
            serde_json::to_value(&b).unwrap(),
            "the same articles, quotes and entities ({pieces})"
        );
        assert_eq!(pooled.explore(), here.explore(), "the same pack ({pieces})");
    }
    let (corpus, _) = read_pack(here.explore()).unwrap();
    let quoted = corpus
        .articles
        .iter()
        .filter(|a| !a.quotes.is_empty())
        .count();
    assert_eq!(
        quoted, 9,
        "the seed-like articles are annotated, the kept one has its own"
    );
    let kept = corpus.articles.iter().find(|a| a.id == "kept").unwrap();
    assert_eq!(
        kept.quotes[0].text(&kept.paragraphs),
        "yes",
        "the kept article keeps its quote"
    );
    assert!(
        !corpus.is_annotated("quotes"),
        "one article kept what it came with"
    );
}

/// A report without its timings (natively they are real, so they differ run to run).
fn untimed(report: &Option<String>) -> serde_json::Value {
    let mut value: serde_json::Value = serde_json::from_str(report.as_deref().unwrap()).unwrap();
    value.as_object_mut().unwrap().remove("timings_ms");
    value
}

#[test]
fn the_note_of_what_to_annotate_leaves_out_what_passes_through() {
    let parsed = parse(&many_files(), None);
    let ids: Vec<&str> = parsed
        .todo
        .iter()
        .map(|&i| parsed.ingested.articles[i].id.as_str())
        .collect();
    assert_eq!(parsed.ingested.articles.len(), 9);
    assert_eq!(ids.len(), 8);
    assert!(!ids.contains(&"kept"));
}

#[test]
fn a_wrong_answer_for_a_batch_is_an_error() {
    let mut parsed = parse(&many_files(), None);
    let batches = parsed.batches(3);
    let other = parsed.batch_json(&batches[1]);
    let err = parsed.put_batch(&batches[0], &other).unwrap_err();
    assert!(err.contains("where"), "{err}");
    let err = parsed.put_batch(&batches[0], b"[1, 2").unwrap_err();
    assert!(err.contains("not readable"), "{err}");
    assert!(annotate_batch(b"{", &Tagger::bundled()).is_err());
}

/// A corpus as JSON: `articles` as `(id, paragraphs)`, with no annotations.
fn bare_json(articles: &[(&str, Vec<String>)]) -> Vec<u8> {
    let articles: Vec<serde_json::Value> = articles
        .iter()
        .map(|(id, paragraphs)| {
            serde_json::json!({"id": id, "title": format!("Title {id}"), "paragraphs": paragraphs})
        })
        .collect();
    serde_json::to_vec(&serde_json::json!({ "articles": articles })).unwrap()
}

#[test]
fn a_corpus_that_does_not_read_is_named_as_the_page_named_it() {
    let names = ["bad.json".to_string()];
    let err = read_parts(&[b"{\"articles\": [,]}".to_vec()], &names).unwrap_err();
    assert!(
        err.starts_with("bad.json is not a valid corpus: not valid JSON at line 1, column 15"),
        "{err}"
    );
    let err = read_parts(&[b"LEDEPACK and then nonsense".to_vec()], &names).unwrap_err();
    assert!(
        err.starts_with("bad.json is not a valid Lede pack: "),
        "{err}"
    );
    let err = read_parts(&[b"[]".to_vec()], &[]).unwrap_err();
    assert!(
        err.starts_with("collection 1 is not a valid corpus: "),
        "{err}"
    );
}

#[test]
fn only_a_corpus_without_entities_wants_the_model() {
    let bare = bare_json(&[("a", vec!["“Yes,” Mayor Lina Okafor said.".into()])]);
    let parts = Parts {
        corpora: read_parts(&[bare], &[]).unwrap(),
        ..Parts::default()
    };
    assert!(parts.want_model());
    let annotated = run(
        &[],
        &[bare_json(&[(
            "a",
            vec!["“Yes,” Mayor Lina Okafor said.".into()],
        )])],
        Tagger::bundled(),
        None,
    )
    .unwrap();
    let parts = Parts {
        corpora: read_parts(&[annotated.explore().to_vec()], &[]).unwrap(),
        ..Parts::default()
    };
    assert!(!parts.want_model());
}

#[test]
fn a_paragraph_too_long_to_annotate_is_kept_as_it_is_and_named() {
    let long = "word ".repeat(MAX_ANNOTATED_PARAGRAPH_BYTES / 5 + 1);
    let said = "“It is overdue,” Mayor Lina Okafor said.".to_string();
    let json = bare_json(&[
        ("small", vec![said.clone()]),
        ("huge", vec![said, long.clone()]),
    ]);
    let mut parts = Parts {
        corpora: read_parts(&[json], &[]).unwrap(),
        ..Parts::default()
    };
    parts.fill(None);
    assert_eq!(parts.warnings.len(), 1, "{:?}", parts.warnings);
    assert!(
        parts.warnings[0].starts_with(&format!(
            "Article 1 (id \"huge\"): paragraphs[1] is {} bytes",
            long.len()
        )),
        "{}",
        parts.warnings[0]
    );
    let ids: Vec<&str> = parts.corpora[0]
        .articles
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(
        ids,
        ["small", "huge"],
        "the article is put back in its place"
    );
    assert_eq!(
        parts.corpora[0].articles[0].quotes.len(),
        1,
        "the rest is annotated"
    );
    assert!(parts.corpora[0].articles[1].quotes.is_empty());
    let out = complete(parts, None).unwrap();
    assert_eq!(out.warnings.len(), 1);
    let (corpus, index) = read_pack(out.explore()).unwrap();
    assert_eq!(corpus.articles.len(), 2);
    assert!(index.fits(&corpus));
}

#[test]
fn a_stored_index_is_used_when_it_fits_and_rebuilt_when_it_does_not() {
    let json = bare_json(&[("a", vec!["The harbour council met.".into()])]);
    let corpus = read_parts(std::slice::from_ref(&json), &[])
        .unwrap()
        .remove(0);
    let other = read_parts(&[bare_json(&[("b", vec!["Other text.".into()])])], &[])
        .unwrap()
        .remove(0);
    for stored in [Index::build(&corpus), Index::build(&other)] {
        let fits = stored.fits(&corpus);
        let parts = Parts {
            corpora: read_parts(std::slice::from_ref(&json), &[]).unwrap(),
            index: Some(stored),
            ..Parts::default()
        };
        let out = complete(parts, None).unwrap();
        assert_eq!(out.notes.is_empty(), fits, "{:?}", out.notes);
        let (corpus, index) = read_pack(out.explore()).unwrap();
        assert!(index.fits(&corpus), "the pack's index is its corpus's");
        assert_eq!(corpus.articles[0].id, "a");
    }
}
