//! Runs the built `lede` binary on a folder of good, bad and odd files written here (all made
//! up): exit codes, the `--report` JSON's counts, and that each rejected file is named.

use std::collections::BTreeSet;
mod common;

use std::fs;
use std::path::Path;

use common::{lede, write};

use serde_json::Value;

const GOOD: &str = "Editor in Chief: Ana Petrov Tuesday, March 5th, 2024\n\n\
    Quay Vote Passes\n\nQuay  Vote Passes\n\n\
    VELMORA - The council voted for the quay.\n\
    Work starts in June. (VNA)\n";

/// A JSON file read back.
fn read_json(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// A corpus file read back, validated by the corpus loader.
fn read_corpus(path: &Path) -> lede_corpus::Corpus {
    lede_corpus::Corpus::from_json(&fs::read_to_string(path).unwrap()).unwrap()
}

/// Writes the inputs; returns the file names that must be rejected.
fn build(dir: &Path) -> BTreeSet<String> {
    write(dir, "good.txt", GOOD.as_bytes());
    write(dir, "odd.txt", b"No Masthead\nJust a line of body.\n");
    write(
        dir,
        "win.txt",
        b"Caf\xe9\nTOLVEN - A caf\xe9 opened. (TNS)\n",
    );
    write(dir, "empty.txt", b"");
    write(dir, "binary.txt", b"\0\x01\x02\x03garbage\0");
    write(
        dir,
        "feed.jsonl",
        b"{\"headline\":\"A\",\"text\":\"Body A.\",\"guid\":\"a\"}\n{oops}\n",
    );
    write(
        dir,
        "broken.json",
        b"{\"articles\": [\n  {\"title\": \"x\",}\n]}",
    );
    write(
        dir,
        "nested/wire.sgm",
        b"<REUTERS NEWID=\"7\"><DATE> 2-MAR-1987 06:41:42.20</DATE><TEXT><TITLE>T</TITLE><BODY>Text.\n Reuter\n</BODY></TEXT></REUTERS>\n\
          <REUTERS NEWID=\"8\"><TEXT TYPE=\"BRIEF\"><TITLE>BRIEF</TITLE></TEXT></REUTERS>\n\
          <REUTERS NEWID=\"9\"><TEXT><TITLE>CUT</TITLE><BODY>Cut off",
    );
    [
        "empty.txt",
        "binary.txt",
        "feed.jsonl",
        "broken.json",
        "wire.sgm",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

#[test]
fn rejects_fail_the_run_and_every_input_is_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let expected_rejected = build(&input);
    let out = dir.path().join("out/corpus.json");
    let report = dir.path().join("report.json");
    let run = lede(&[
        "ingest",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
        "--timings",
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");

    let doc = read_json(&report);
    let n = |k: &str| doc[k].as_u64().unwrap();
    assert_eq!(n("read"), n("ingested") + n("rejected"), "{doc:#}");
    // 5 texts + 2 JSONL lines + broken.json + 3 SGML records.
    assert_eq!(n("read"), 11);
    assert_eq!(n("ingested"), 5);
    assert_eq!(n("rejected"), 6);
    let entries = doc["entries"].as_array().unwrap();
    assert_eq!(
        entries
            .iter()
            .filter(|e| e["severity"] == "warning")
            .count() as u64,
        n("warnings")
    );
    let rejected_names: BTreeSet<String> = entries
        .iter()
        .filter(|e| e["severity"] == "rejected")
        .map(|e| {
            let file = e["file"].as_str().unwrap();
            assert!(stderr.contains(file), "stderr names {file}");
            assert!(!e["reason"].as_str().unwrap().is_empty());
            Path::new(file)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(rejected_names, expected_rejected);
    let broken = entries
        .iter()
        .find(|e| e["file"].as_str().unwrap().ends_with("broken.json"))
        .unwrap();
    assert_eq!(broken["line"], 2);
    assert!(broken["column"].as_u64().is_some());
    let cut = entries
        .iter()
        .find(|e| e["record"] == 2 && e["file"].as_str().unwrap().ends_with("wire.sgm"))
        .unwrap();
    assert!(cut["reason"].as_str().unwrap().contains("truncated"));
    assert!(cut["byte_offset"].as_u64().is_some());
    for stage in ["read_parse", "ids", "annotate", "write"] {
        assert!(doc["timings_ms"][stage].as_f64().is_some(), "{stage}");
    }

    // The summary and the stage split close the run.
    assert!(
        stderr.contains("11 read, 5 ingested, 6 rejected"),
        "{stderr}"
    );
    assert!(stderr.contains("timings: read/parse"), "{stderr}");

    // The corpus was written anyway and is valid.
    let stats = lede(&["stats", out.to_str().unwrap()]);
    assert!(stats.status.success());
    assert!(String::from_utf8_lossy(&stats.stdout).contains("5 articles"));
}

#[test]
fn allow_rejects_exits_zero_and_output_is_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    build(&input);
    let mut outputs = Vec::new();
    for i in 0..2 {
        let out = dir.path().join(format!("c{i}.json"));
        let run = lede(&[
            "ingest",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--allow-rejects",
        ]);
        assert_eq!(run.status.code(), Some(0));
        outputs.push(fs::read(&out).unwrap());
    }
    assert!(outputs[0].len() > 200);
    assert!(outputs[0] == outputs[1], "two runs differ");
}

#[test]
fn clean_input_exits_zero_and_format_can_be_forced() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", GOOD.as_bytes());
    // JSON Lines in a file whose name says nothing.
    write(
        dir.path(),
        "feed.data",
        b"{\"title\":\"T\",\"body\":\"B.\",\"id\":\"x1\"}\n",
    );
    let out = dir.path().join("c.json");
    let ok = lede(&[
        "ingest",
        dir.path().join("a.txt").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(ok.status.code(), Some(0));
    let corpus = read_json(&out);
    assert_eq!(corpus["articles"][0]["title"], "Quay Vote Passes");
    assert_eq!(
        corpus["articles"][0]["paragraphs"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    let forced = lede(&[
        "ingest",
        dir.path().join("feed.data").to_str().unwrap(),
        "--format",
        "jsonl",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(forced.status.code(), Some(0));
    let corpus = read_json(&out);
    assert_eq!(corpus["articles"][0]["id"], "x1");

    let bad_format = lede(&["ingest", "x", "--format", "xml", "-o", "y"]);
    assert_eq!(bad_format.status.code(), Some(2), "usage error");
}

#[test]
fn duplicate_ids_name_both_files_unless_dedupe() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    write(&input, "one/a.txt", GOOD.as_bytes());
    write(&input, "two/a.txt", b"Other\nDifferent text here. (X)\n");
    let out = dir.path().join("c.json");
    let run = lede(&[
        "ingest",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    let line = stderr.lines().find(|l| l.starts_with("rejected:")).unwrap();
    assert!(
        line.contains("two/a.txt") && line.contains("one/a.txt") && line.contains("duplicate id"),
        "{line}"
    );

    let run = lede(&[
        "ingest",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--dedupe",
    ]);
    assert_eq!(run.status.code(), Some(0));
    let corpus = read_json(&out);
    let ids: Vec<&str> = corpus["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec!["a", "a-2"]);
}

#[test]
fn the_index_written_beside_the_corpus_fits_it_and_finds_a_misspelled_title() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    write(&input, "a.txt", GOOD.as_bytes());
    write(
        &input,
        "b.txt",
        b"Harbour Ferry Returns\nHarbour  Ferry Returns\nTOLVEN - The ferry sails again. (TNS)\n",
    );
    let out = dir.path().join("corpus.json");
    let index = dir.path().join("corpus.index");
    let run = lede(&[
        "ingest",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--index",
        index.to_str().unwrap(),
    ]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let corpus = read_corpus(&out);
    let index = lede_search::Index::from_bytes(&fs::read(&index).unwrap()).unwrap();
    assert!(
        index.fits(&corpus),
        "the index belongs to the corpus as read back"
    );
    assert!(corpus.is_annotated("quotes") && corpus.is_annotated("entities"));
    assert!(
        !fs::read_to_string(&out).unwrap().trim_end().contains('\n'),
        "compact JSON by default"
    );
    let results = index.search(&corpus, &lede_search::Query::parse("harbuor ferry"));
    assert_eq!(results.total, 1);
    assert_eq!(
        corpus.articles[results.hits[0].article].title,
        "Harbour Ferry Returns"
    );
}

#[test]
fn a_bare_lede_corpus_is_annotated_and_one_with_its_own_annotations_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    // Lede's format, no quotes or entities, no `annotated` marks: annotated at ingest (before,
    // it went through bare and the browser annotated it on every load).
    write(
        dir.path(),
        "old.json",
        br#"{"format": "lede-corpus", "version": 1, "articles": [{"id": "o1", "title": "Old", "paragraphs": ["\u201cYes,\u201d she said."]}]}"#,
    );
    let input = dir.path().join("old.json");
    let out = dir.path().join("out/corpus.json");
    let (input, out_s) = (input.to_str().unwrap(), out.to_str().unwrap());
    let run = lede(&["ingest", input, "-o", out_s, "--pretty"]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let text = fs::read_to_string(&out).unwrap();
    assert!(text.contains("\n  "), "--pretty indents");
    let corpus = lede_corpus::Corpus::from_json(&text).unwrap();
    assert_eq!(
        corpus.articles[0].quotes.len(),
        1,
        "annotated without --reannotate"
    );
    assert_eq!(corpus.annotated, ["quotes", "entities"]);

    // An article that carries its own quotation (with a speaker the extractor would not
    // give) keeps it, and the corpus is then not marked as annotated by Lede.
    write(
        dir.path(),
        "own.json",
        br#"{"format": "lede-corpus", "version": 1, "articles": [{"id": "o2", "title": "Own", "paragraphs": ["\u201cYes,\u201d she said."], "quotes": [{"paragraph": 0, "start": 1, "end": 5, "text": "Yes,", "speaker": {"name": "Hand Annotated"}}]}]}"#,
    );
    let own = dir.path().join("own.json");
    let run = lede(&["ingest", own.to_str().unwrap(), "-o", out_s]);
    assert_eq!(run.status.code(), Some(0));
    let corpus = read_corpus(&out);
    assert!(corpus.annotated.is_empty(), "{:?}", corpus.annotated);
    let speaker = corpus.articles[0].quotes[0].speaker.as_ref().unwrap();
    assert_eq!(speaker.name, "Hand Annotated");

    let again = lede(&["ingest", own.to_str().unwrap(), "-o", out_s, "--reannotate"]);
    assert_eq!(again.status.code(), Some(0));
    let corpus = read_corpus(&out);
    assert_eq!(corpus.annotated, ["quotes", "entities"]);
    assert_ne!(
        corpus.articles[0].quotes[0]
            .speaker
            .as_ref()
            .map(|s| s.name.as_str()),
        Some("Hand Annotated"),
        "re-annotated"
    );
}
