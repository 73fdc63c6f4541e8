//! `ingest_files` (the browser's dropped files, held in memory) gives what `ingest_paths` gives
//! for the same files named on the command line: the same articles in the same order, the same
//! counts and the same report entries (made-up files written here).

use std::fs;
use std::path::PathBuf;

use lede_ingest::{ingest_files, ingest_paths, IngestOptions, Ingested};

const GOOD: &str = "Editor in Chief: Ana Petrov Tuesday, March 5th, 2024\n\n\
    Harbour Council Votes for New Quay\n\n\
    VELMORA - The harbour council voted on Monday to build a new quay.\n\
    “It is overdue,” the mayor said. (VNA)\n";

/// The files of the test: a raw text, JSON with one bad record, JSONL, and binary junk.
fn files() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("b/good.txt", GOOD.as_bytes().to_vec()),
        (
            "a/feed.json",
            br#"[{"id": "one", "title": "One", "body": "First text."}, {"title": 5}]"#.to_vec(),
        ),
        (
            "feed.jsonl",
            b"{\"id\": \"two\", \"title\": \"Two\", \"body\": \"Second text.\"}\n".to_vec(),
        ),
        ("junk.bin", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0".to_vec()),
    ]
}

fn summary(i: &Ingested) -> (Vec<String>, usize, usize, usize, usize, Vec<String>) {
    let ids = i.articles.iter().map(|a| a.id.clone()).collect();
    let entries = i.report.iter().map(|e| e.to_string()).collect();
    (
        ids,
        i.read,
        i.ingested(),
        i.rejected(),
        i.warnings(),
        entries,
    )
}

#[test]
fn in_memory_files_ingest_as_named_files_do() {
    let dir = tempfile::tempdir().unwrap();
    let mut on_disk = Vec::new();
    let mut in_memory = Vec::new();
    for (rel, bytes) in files() {
        let path = dir.path().join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, &bytes).unwrap();
        on_disk.push(path.clone());
        in_memory.push((path, bytes));
    }
    // Given in another order, and one twice: the result does not depend on either.
    in_memory.reverse();
    in_memory.push(in_memory[0].clone());
    let options = IngestOptions::default();
    let from_disk = ingest_paths(&on_disk, &options);
    let from_memory = ingest_files(&in_memory, &options);
    assert_eq!(summary(&from_memory), summary(&from_disk));
    // The set is mixed: something in, something rejected (so equality above means something).
    assert!(from_disk.ingested() >= 2, "{:?}", summary(&from_disk));
    assert!(from_disk.rejected() >= 2, "{:?}", summary(&from_disk));
    let sources: Vec<PathBuf> = from_memory.sources.iter().map(|s| s.file.clone()).collect();
    assert_eq!(
        sources,
        from_disk
            .sources
            .iter()
            .map(|s| s.file.clone())
            .collect::<Vec<_>>()
    );
}
