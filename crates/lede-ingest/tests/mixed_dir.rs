//! A directory of good, bad and odd files (all written here, made up): every input is either in
//! the corpus or in the report, each rejected file is named, and two runs give identical output.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use lede_corpus::Corpus;
use lede_ingest::{ingest_paths, IngestOptions, Ingested, Severity};

const GOOD: &str = "Editor in Chief: Ana Petrov Tuesday, March 5th, 2024\n\n\
    Harbour Council Votes  for New Quay\n\nHarbour Council Votes for New Quay\n\n\
    VELMORA - The harbour council voted on Monday to build a new quay.\n\
    “It is overdue,” the mayor said.\n\
    Work starts in June. (VNA)\n";

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

/// Builds the test tree; returns the names of the files that must be rejected.
fn build(dir: &Path) -> BTreeSet<&'static str> {
    write(dir, "good.txt", GOOD.as_bytes());
    write(
        dir,
        "odd-no-parts.txt",
        b"Rain Expected\nRain is expected all week.\n",
    );
    let mut latin1 = b"Caf\xe9 Opens\nKESTON - The caf\xe9 opened on Friday.\n".to_vec();
    latin1.extend_from_slice(b"It serves \x93strong\x94 coffee. (KNS)\n");
    write(dir, "odd-latin1.txt", &latin1);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "Bridge Reopens\nDARROW - The bridge reopened. (DNS)\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    write(dir, "odd-utf16.txt", &utf16);
    write(dir, "bad-empty.txt", b"  \n\n");
    write(
        dir,
        "bad-headline-only.txt",
        b"Editor in Chief: X Y Monday, July 1st, 2024\nOnly a headline\n",
    );
    write(dir, "bad-binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    write(
        dir,
        "feed.jsonl",
        b"{\"headline\":\"One\",\"content\":\"First.\",\"uid\":\"f1\",\"mood\":1}\n\
          {\"headline\":\"Two\",\"content\": }\n\
          {\"headline\":\"Three\",\"content\":\"Third.\",\"uid\":\"f3\"}\n",
    );
    write(
        dir,
        "bad-broken.json",
        b"[{\"title\": \"A\",\n \"body\" \"x\"}]",
    );
    write(
        dir,
        "wire.sgm",
        b"<REUTERS NEWID=\"900\">\n<DATE> 1-APR-1987 10:00:00.00</DATE>\n<PLACES><D>ruritania</D></PLACES>\n\
          <TEXT>\n<TITLE>MILL OUTPUT UP</TITLE>\n<DATELINE>    TOLVEN, April 1 - </DATELINE><BODY>Mill output rose.\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n\
          <REUTERS NEWID=\"901\">\n<TEXT TYPE=\"BRIEF\">\n<TITLE>BRIEF ONLY</TITLE>Blah.\n</TEXT>\n</REUTERS>\n",
    );
    write(
        dir,
        "sub/deeper/nested.json",
        b"{\"articles\":[{\"id\":\"n1\",\"title\":\"Nested\",\"body\":\"Deep.\"},\
          {\"id\":\"n2\",\"title\":\"Nested empty\",\"body\":\"  \"}]}",
    );
    write(
        dir,
        "coll/reut.sgm",
        b"<REUTERS NEWID=\"950\"><TEXT><TITLE>T</TITLE><BODY>Body.</BODY></TEXT></REUTERS>",
    );
    write(dir, "coll/coll.dtd", b"<!ELEMENT x - - (#PCDATA)>\n");
    write(dir, "coll/all-places.txt", b"ruritania\nvelmora\n");
    write(dir, "notes.md", b"# not an article\n");
    write(dir, "README.txt", b"About this folder.\n");
    write(dir, ".hidden.txt", b"Hidden\nNot read.\n");
    write(dir, "copy/good.txt", GOOD.as_bytes());
    write(
        dir,
        "pn/data/metadata.tsv",
        b"compartment\tfilename\tpublisher\tpublication_date\tauthor\ttitle\n\
          dev\tnyt_2016-01-02_made-up-story\tnyt\t2016-01-02\tJo Lind\tMade-up story; with subhead\n",
    );
    write(
        dir,
        "pn/data/dev/text/nyt_2016-01-02_made-up-story.txt",
        "Made-up story.\n\nFirst paragraph.\n\nSecond “paragraph”.\n".as_bytes(),
    );
    write(
        dir,
        "pn/data/dev/text/unlisted.txt",
        b"Unlisted\nA body line.\n",
    );
    [
        "bad-empty.txt",
        "bad-headline-only.txt",
        "bad-binary.txt",
        "feed.jsonl",
        "bad-broken.json",
        "wire.sgm",
        "nested.json",
        "good.txt",
    ]
    .into_iter()
    .collect()
}

fn rejected_files(result: &Ingested) -> BTreeSet<String> {
    result
        .report
        .iter()
        .filter(|e| e.severity == Severity::Rejected)
        .map(|e| {
            e.location
                .file
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

fn find<'a>(result: &'a Ingested, id: &str) -> &'a lede_corpus::Article {
    result
        .articles
        .iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("no article {id}"))
}

#[test]
fn every_input_is_ingested_or_reported() {
    let dir = tempfile::tempdir().unwrap();
    let expected_rejected = build(dir.path());
    let result = ingest_paths(&[dir.path().to_path_buf()], &IngestOptions::default());

    assert_eq!(
        result.read,
        result.ingested() + result.rejected(),
        "{:#?}",
        result.report
    );
    // 2 copies of good.txt + 3 odd texts + 3 bad texts + 3 JSONL lines + broken JSON + 2 SGML
    // records + 2 nested records + 2 PolNeAR-tree texts + 1 record in coll/reut.sgm.
    assert_eq!(result.read, 19);
    let rejected = rejected_files(&result);
    let expected: BTreeSet<String> = expected_rejected.iter().map(|s| s.to_string()).collect();
    assert_eq!(rejected, expected);
    assert_eq!(result.rejected(), 8);

    let ids: Vec<&str> = result.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        vec![
            "reuters-950",
            "good",
            "f1",
            "f3",
            "odd-latin1",
            "odd-no-parts",
            "odd-utf16",
            "nyt_2016-01-02_made-up-story",
            "unlisted",
            "n1",
            "reuters-900",
        ],
        "files sorted by path, records in file order"
    );

    let reason = |file: &str| -> Vec<&str> {
        result
            .report
            .iter()
            .filter(|e| e.location.file.ends_with(file))
            .map(|e| e.reason.as_str())
            .collect()
    };
    assert!(reason("bad-empty.txt")[0].contains("empty"));
    assert!(reason("bad-headline-only.txt")[0].contains("no body"));
    assert!(reason("bad-binary.txt")[0].contains("unreadable encoding"));
    let broken = result
        .report
        .iter()
        .find(|e| e.location.file.ends_with("bad-broken.json"))
        .unwrap();
    assert!(broken.reason.starts_with("malformed JSON"));
    assert_eq!(broken.location.line, Some(2));
    let feed_reject = result
        .report
        .iter()
        .find(|e| e.location.file.ends_with("feed.jsonl") && e.severity == Severity::Rejected)
        .unwrap();
    assert_eq!(feed_reject.location.line, Some(2));
    assert_eq!(feed_reject.location.record, Some(1));
    let brief = result
        .report
        .iter()
        .find(|e| e.location.file.ends_with("wire.sgm"))
        .unwrap();
    assert_eq!(brief.location.record, Some(1));
    assert_eq!(brief.location.line, Some(10));
    assert!(brief.reason.contains("BRIEF"));
    let dup = result
        .report
        .iter()
        .find(|e| e.reason.starts_with("duplicate id \"good\""))
        .unwrap();
    assert_eq!(dup.location.file, dir.path().join("good.txt"));
    assert!(
        dup.reason.contains("copy"),
        "both sources named: {}",
        dup.reason
    );

    // Odd files: ingested with warnings.
    assert_eq!(
        &find(&result, "odd-latin1").paragraphs[0],
        "The café opened on Friday."
    );
    assert!(reason("odd-latin1.txt")
        .iter()
        .any(|r| r.contains("Windows-1252")));
    assert_eq!(
        &find(&result, "odd-latin1").paragraphs[1],
        "It serves “strong” coffee."
    );
    assert_eq!(
        find(&result, "odd-utf16").dateline.as_deref(),
        Some("Darrow")
    );
    let odd = reason("odd-no-parts.txt");
    assert_eq!(odd.len(), 3, "{odd:?}");
    assert!(reason("feed.jsonl").iter().any(|r| r.contains("mood")));
    assert!(
        reason("notes.md").is_empty(),
        "skips are reported per folder"
    );
    assert!(result
        .report
        .iter()
        .any(|e| e.reason.contains("skipped 1 file .md")));
    assert!(reason("README.txt")[0].contains("documentation"));
    assert!(reason("all-places.txt")[0].contains("SGML collection"));
    assert!(reason("coll.dtd").is_empty());
    // A hidden file is not read, but counted and named (it used to vanish without a word).
    assert!(reason(".hidden.txt")[0].contains("hidden file"));
    assert!(result.skipped >= 4, "hidden, README, all-places, notes.md");

    let g = find(&result, "good");
    assert_eq!(g.title, "Harbour Council Votes for New Quay");
    assert_eq!(g.source.as_deref(), Some("VNA"));
    let w = find(&result, "reuters-900");
    assert_eq!(w.paragraphs, vec!["Mill output rose."]);
    assert_eq!(w.tags["places"], vec!["ruritania"]);

    let pn = find(&result, "nyt_2016-01-02_made-up-story");
    assert_eq!(pn.title, "Made-up story; with subhead");
    assert_eq!(pn.source.as_deref(), Some("New York Times"));
    assert_eq!(
        pn.paragraphs,
        vec!["First paragraph.", "Second “paragraph”."]
    );
    assert!(reason("unlisted.txt")[0].contains("not listed"));
    assert!(result
        .report
        .iter()
        .all(|e| !e.location.file.ends_with("metadata.tsv") || e.severity == Severity::Warning));

    // The corpus loads.
    let json = Corpus::new(result.articles.clone()).to_json_pretty();
    let loaded = Corpus::from_json(&json).unwrap();
    assert_eq!(loaded.articles.len(), result.ingested());
}

#[test]
fn dedupe_drops_the_exact_copy() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path());
    let options = IngestOptions {
        dedupe: true,
        ..IngestOptions::default()
    };
    let result = ingest_paths(&[dir.path().to_path_buf()], &options);
    assert_eq!(result.dropped, 1);
    assert_eq!(
        result.read,
        result.ingested() + result.rejected() + result.dropped
    );
    assert!(!rejected_files(&result).contains("good.txt"));
    assert_eq!(result.articles.iter().filter(|a| a.id == "good").count(), 1);
}

#[test]
fn two_runs_give_byte_identical_corpora() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path());
    let run = || {
        let result = ingest_paths(&[dir.path().to_path_buf()], &IngestOptions::default());
        let report: Vec<String> = result.report.iter().map(|e| e.to_string()).collect();
        (Corpus::new(result.articles).to_json_pretty(), report)
    };
    let (a, ra) = run();
    let (b, rb) = run();
    assert!(a.len() > 1000);
    assert!(a == b, "corpus output differs between runs");
    assert_eq!(ra, rb);
}

#[test]
fn missing_paths_are_rejected_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD.as_bytes());
    let missing: PathBuf = dir.path().join("nope.txt");
    let result = ingest_paths(
        &[dir.path().join("good.txt"), missing.clone()],
        &IngestOptions::default(),
    );
    assert_eq!(result.read, 2);
    assert_eq!(result.ingested(), 1);
    assert_eq!(result.rejected(), 1);
    assert_eq!(result.report[0].location.file, missing);
}

#[test]
fn the_annotate_step_runs_on_every_new_article() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path());
    let annotate = |a: &mut lede_corpus::Article| {
        a.tags.insert("seen", vec![a.paragraphs.len().to_string()]);
    };
    let options = IngestOptions {
        annotate: Some(&annotate),
        ..IngestOptions::default()
    };
    let result = ingest_paths(&[dir.path().to_path_buf()], &options);
    for a in &result.articles {
        assert_eq!(
            a.tags["seen"],
            vec![a.paragraphs.len().to_string()],
            "{}",
            a.id
        );
    }
}

#[test]
fn a_lede_corpus_passes_through_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path());
    let first = ingest_paths(&[dir.path().to_path_buf()], &IngestOptions::default());
    // Marked as annotated by both extractors: kept as it is.
    let mut corpus = Corpus::new(first.articles);
    corpus.annotated = vec!["quotes".into(), "entities".into()];
    let json = corpus.to_json_pretty();
    let corpus_file = dir.path().join("out/corpus.json");
    write(dir.path(), "out/corpus.json", json.as_bytes());
    let annotate = |a: &mut lede_corpus::Article| {
        a.tags.insert("seen", Vec::<String>::new());
    };
    let mut options = IngestOptions {
        annotate: Some(&annotate),
        ..IngestOptions::default()
    };
    let again = ingest_paths(std::slice::from_ref(&corpus_file), &options);
    assert_eq!(again.rejected(), 0, "{:?}", again.report);
    // Every article came from a marked corpus, so the result is marked too: a corpus ingested
    // again (as bench/scale.mjs does) would otherwise lose its marks, and the app would send
    // its pack to the worker to be annotated on every load.
    assert!(again.annotated_all, "a marked corpus keeps its marks");
    let mut kept = Corpus::new(again.articles);
    kept.annotated = corpus.annotated.clone();
    assert_eq!(kept.to_json_pretty(), json, "not re-annotated");

    options.reannotate = true;
    let reannotated = ingest_paths(&[corpus_file], &options);
    assert!(reannotated
        .articles
        .iter()
        .all(|a| a.tags.contains_key("seen")));
}

#[test]
fn a_bare_lede_corpus_is_annotated_and_an_annotated_article_kept() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "bare.json",
        br#"{"format": "lede-corpus", "version": 1, "articles": [
            {"id": "b1", "title": "Bare", "paragraphs": ["No quotes yet."]},
            {"id": "b2", "title": "Own", "paragraphs": ["Kept."],
             "entities": [{"id": "person:kept", "name": "Kept", "kind": "person",
                           "mentions": [{"paragraph": 0, "start": 0, "end": 4}]}]}
        ]}"#,
    );
    let annotate = |a: &mut lede_corpus::Article| {
        a.tags.insert("seen", Vec::<String>::new());
    };
    let options = IngestOptions {
        annotate: Some(&annotate),
        ..IngestOptions::default()
    };
    let result = ingest_paths(&[dir.path().join("bare.json")], &options);
    assert_eq!(result.rejected(), 0, "{:?}", result.report);
    assert!(
        find(&result, "b1").tags.contains_key("seen"),
        "bare: annotated"
    );
    assert!(
        !find(&result, "b2").tags.contains_key("seen"),
        "annotated: kept"
    );
    assert!(!result.annotated_all);
}
