//! The `lede` binary against inputs a hostile or careless user gives it: an output that would
//! overwrite a source or be read back next time, an earlier output inside the input folder, a
//! named pipe and a file over the size limit, and `lede stats` on what the app reads (a pack, a
//! JSON with a byte-order mark) and refuses (an HTML page, repeated entity ids); a blank title loads, as in the app.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::{lede, stderr, write};

const GOOD: &str = "Editor in Chief: Ana Petrov Tuesday, March 5th, 2024\n\
    Quay Vote Passes\n\
    VELMORA - The council voted for the quay.\n\
    “It is overdue,” the mayor said. (VNA)\n";

#[test]
fn an_output_among_or_inside_the_inputs_is_refused_and_nothing_is_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    write(&a, "x.txt", GOOD.as_bytes());
    let source = a.join("x.txt");
    let a_s = a.to_str().unwrap();

    let run = lede(&["ingest", a_s, "-o", source.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert!(
        stderr(&run).contains("is inside the input folder"),
        "{}",
        stderr(&run)
    );
    assert_eq!(
        fs::read_to_string(&source).unwrap(),
        GOOD,
        "the source is untouched"
    );

    let run = lede(&[
        "ingest",
        source.to_str().unwrap(),
        "-o",
        source.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        stderr(&run).contains("is one of the inputs"),
        "{}",
        stderr(&run)
    );
    let report = a.join("report.json");
    let run = lede(&[
        "ingest",
        a_s,
        "-o",
        "/dev/null",
        "--report",
        report.to_str().unwrap(),
    ]);
    assert_eq!(
        run.status.code(),
        Some(2),
        "the report too: {}",
        stderr(&run)
    );
    assert_eq!(fs::read_to_string(&source).unwrap(), GOOD);

    // Written outside, then copied in as a user might: the next run skips it, says why, and
    // may overwrite it (it is a Lede output).
    let out = dir.path().join("corpus.json");
    let run = lede(&["ingest", a_s, "-o", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let inside = a.join("corpus.json");
    fs::copy(&out, &inside).unwrap();
    let run = lede(&["ingest", a_s, "-o", inside.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let err = stderr(&run);
    assert!(err.contains("1 read, 1 ingested, 0 rejected"), "{err}");
    assert!(
        err.contains("corpus.json: skipped: this run writes its output here"),
        "{err}"
    );
    let other = dir.path().join("other.json");
    let run = lede(&["ingest", a_s, "-o", other.to_str().unwrap()]);
    assert!(
        stderr(&run).contains("a Lede corpus, an earlier `lede ingest` output"),
        "{}",
        stderr(&run)
    );
    assert!(stderr(&run).contains("1 files skipped"), "{}", stderr(&run));
}

#[test]
fn a_pipe_and_a_file_over_the_limit_are_rejected_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    write(&input, "good.txt", GOOD.as_bytes());
    write(
        &input,
        "big.txt",
        format!("Big\n{}\n", "Words here. ".repeat(200)).as_bytes(),
    );
    let fifo = input.join("pipe.txt");
    let has_fifo = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !has_fifo {
        eprintln!("notice: no mkfifo; the named pipe is not checked");
    }
    let out = dir.path().join("c.json");
    let run = lede(&[
        "ingest",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--max-file-size",
        "1KB",
    ]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(err.contains("big.txt: the file is 2.3 KB"), "{err}");
    assert!(err.contains("over the limit of 1.0 KB"), "{err}");
    if has_fifo {
        assert!(
            err.contains("pipe.txt: not a regular file (a named pipe"),
            "{err}"
        );
    }
    let rejected = if has_fifo { 2 } else { 1 };
    assert!(
        err.contains(&format!("ingested, {rejected} rejected")),
        "{err}"
    );
    let bad = lede(&["ingest", "x", "-o", "y", "--max-file-size", "lots"]);
    assert_eq!(bad.status.code(), Some(2), "a usage error");
}

#[test]
fn stats_reads_what_the_app_reads_and_refuses_what_it_refuses() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "in/a.txt", GOOD.as_bytes());
    let json = dir.path().join("c.json");
    let pack = dir.path().join("c.lede");
    let run = lede(&[
        "ingest",
        dir.path().join("in").to_str().unwrap(),
        "-o",
        json.to_str().unwrap(),
        "--pack",
        pack.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let counts = |path: &Path| {
        let run = lede(&["stats", path.to_str().unwrap()]);
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        let out = String::from_utf8_lossy(&run.stdout).into_owned();
        out.split_once(": ").unwrap().1.to_string()
    };
    let from_json = counts(&json);
    assert!(from_json.starts_with("1 articles"), "{from_json}");
    assert_eq!(counts(&pack), from_json, "a pack reads as its JSON");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(fs::read(&json).unwrap());
    write(dir.path(), "bom.json", &bom);
    assert_eq!(counts(&dir.path().join("bom.json")), from_json);

    let refused = |rel: &str, bytes: &[u8], says: &str| {
        write(dir.path(), rel, bytes);
        let run = lede(&["stats", dir.path().join(rel).to_str().unwrap()]);
        assert_eq!(run.status.code(), Some(1), "{rel}");
        assert!(stderr(&run).contains(says), "{rel}: {}", stderr(&run));
    };
    refused(
        "page.json",
        b"<!doctype html><html></html>",
        "this is an HTML page",
    );
    refused("c.json.gz", b"\x1f\x8b\x08\0\0\0\0\0", "gzip-compressed");
    // A blank title loads (the app shows "(untitled)" and the first words), as the app does.
    write(
        dir.path(),
        "blank.json",
        br#"{"articles": [{"id": "a", "title": " ", "body": "Text."}]}"#,
    );
    let run = lede(&["stats", dir.path().join("blank.json").to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    refused(
        "twice.json",
        br#"{"articles": [{"id": "a", "title": "T", "body": "Text."}],
            "entities": [{"id": "x", "name": "X", "kind": "person"},
                         {"id": "x", "name": "X", "kind": "person"}]}"#,
        "field `entities[1].id`",
    );
}
