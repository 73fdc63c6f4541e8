//! The full research corpora (read from ../shared at run time; skipped when absent, failing when
//! LEDE_REQUIRE_SHARED=1): every Reuters-21578 record and every PolNeAR text is accounted for.
//! The expected counts are worked out here from the raw files, independently of the parsers.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use lede_corpus::Corpus;
use lede_ingest::{ingest_paths, IngestOptions, Severity};

/// Occurrences of `needle` in `hay`.
fn count(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).filter(|w| *w == needle).count()
}

#[test]
fn every_reuters_record_is_ingested_or_reported() {
    let Some(dir) = lede_testdata::shared_path(
        "every_reuters_record_is_ingested_or_reported",
        "corpora/reuters21578",
    ) else {
        return;
    };
    // Independent count: split each file at `<REUTERS ` and look for NEWID and <BODY>.
    let mut records = 0;
    let mut with_body = BTreeSet::new();
    let mut sgm_files = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("sgm") {
            continue;
        }
        sgm_files += 1;
        let bytes = fs::read(&path).unwrap();
        records += count(&bytes, b"<REUTERS ");
        let text = String::from_utf8_lossy(&bytes);
        for chunk in text.split("<REUTERS ").skip(1) {
            let newid = chunk
                .split("NEWID=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            if chunk.contains("<BODY>") {
                with_body.insert(format!("reuters-{newid}"));
            }
        }
    }
    assert_eq!(sgm_files, 22);

    let result = ingest_paths(std::slice::from_ref(&dir), &IngestOptions::default());
    assert_eq!(result.read, records, "every <REUTERS> record is read");
    assert_eq!(result.read, result.ingested() + result.rejected());
    let ids: BTreeSet<String> = result.articles.iter().map(|a| a.id.clone()).collect();
    assert_eq!(ids.len(), result.ingested(), "ids are unique");
    assert_eq!(
        ids, with_body,
        "exactly the stories with a BODY are ingested"
    );
    println!(
        "reuters: {records} records, {} ingested, {} rejected, {} warnings",
        result.ingested(),
        result.rejected(),
        result.warnings()
    );

    let rejected: Vec<_> = result
        .report
        .iter()
        .filter(|e| e.severity == Severity::Rejected)
        .collect();
    assert_eq!(rejected.len(), records - with_body.len());
    for e in &rejected {
        assert!(e.reason.starts_with("no <BODY>"), "{e}");
        assert!(
            e.location.record.is_some() && e.location.line.is_some(),
            "{e}"
        );
        assert!(e.location.byte_offset.is_some(), "{e}");
    }
    // The stray latin-1 byte is reported, with its offset, and read as ü.
    let latin1 = result
        .report
        .iter()
        .find(|e| e.location.file.ends_with("reut2-017.sgm") && e.reason.contains("Windows-1252"))
        .expect("the stray byte in reut2-017.sgm is reported");
    assert!(latin1.reason.contains("0xFC at offset 1519554"), "{latin1}");
    // Byte offsets point at the record in the file as stored, also after that byte.
    let bytes = fs::read(dir.join("reut2-017.sgm")).unwrap();
    let late = rejected
        .iter()
        .filter(|e| e.location.file.ends_with("reut2-017.sgm"))
        .map(|e| e.location.byte_offset.unwrap())
        .filter(|&o| o > 1_519_554)
        .collect::<Vec<_>>();
    assert!(!late.is_empty());
    for o in late {
        assert_eq!(&bytes[o..o + 9], b"<REUTERS ");
    }

    let first = &result.articles[0];
    assert_eq!(first.id, "reuters-1");
    assert_eq!(first.date.as_deref(), Some("1987-02-26T15:01:01.79"));
    assert_eq!(first.dateline.as_deref(), Some("Salvador"));
    assert_eq!(first.tags["places"], vec!["el-salvador", "usa", "uruguay"]);
    for a in &result.articles {
        assert!(!a.title.is_empty(), "{}", a.id);
        assert!(
            !a.paragraphs.last().unwrap().trim_end().ends_with("REUTER"),
            "{}: sign-off left in",
            a.id
        );
        assert!(
            a.paragraphs
                .iter()
                .all(|p| !p.contains("&lt;") && !p.contains("&#")),
            "{}: entity left in",
            a.id
        );
    }
    // Every article's tags write the JSON a map of lists writes (the format v1 shape).
    for a in &result.articles {
        let map: BTreeMap<String, Vec<String>> = a
            .tags
            .iter()
            .map(|(k, v)| (k.to_string(), v.iter().map(|t| t.to_string()).collect()))
            .collect();
        assert_eq!(
            serde_json::to_string(&a.tags).unwrap(),
            serde_json::to_string(&map).unwrap(),
            "{}",
            a.id
        );
    }
    // The output is a valid corpus, and reads back to the same JSON and the same compact bytes.
    let corpus = Corpus::new(result.articles);
    let json = corpus.to_json_pretty();
    let back = Corpus::from_json(&json).unwrap();
    assert_eq!(back.articles.len(), with_body.len());
    assert_eq!(back.to_json_pretty(), json);
    let compact = corpus.to_compact_bytes();
    let from_compact = Corpus::from_compact_bytes(&compact).unwrap();
    assert_eq!(from_compact, corpus);
    assert_eq!(from_compact.to_compact_bytes(), compact);
}

/// filename → title, read from metadata.tsv by its header.
fn metadata_titles(path: &Path) -> BTreeMap<String, String> {
    let text = fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let f = header.iter().position(|h| *h == "filename").unwrap();
    let t = header.iter().position(|h| *h == "title").unwrap();
    lines
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .map(|c| {
            (
                c[f].to_string(),
                c[t].split_whitespace().collect::<Vec<_>>().join(" "),
            )
        })
        .collect()
}

fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("txt"))
        .collect();
    out.sort();
    out
}

#[test]
fn every_polnear_article_is_ingested_with_its_metadata() {
    let Some(data) = lede_testdata::shared_path(
        "every_polnear_article_is_ingested_with_its_metadata",
        "corpora/polnear/data",
    ) else {
        return;
    };
    let titles = metadata_titles(&data.join("metadata.tsv"));
    let splits: Vec<PathBuf> = ["train", "dev", "test"]
        .iter()
        .map(|s| data.join(s))
        .collect();
    let mut texts: Vec<PathBuf> = splits
        .iter()
        .flat_map(|s| txt_files(&s.join("text")))
        .collect();
    texts.sort(); // the output order: all files sorted by path
    assert_eq!(
        texts.len(),
        1008,
        "PolNeAR has 1,008 articles in train/dev/test"
    );

    let result = ingest_paths(&splits, &IngestOptions::default());
    assert_eq!(result.read, texts.len());
    assert_eq!(result.ingested(), texts.len());
    assert_eq!(result.rejected(), 0, "{:?}", result.report);
    for (a, path) in result.articles.iter().zip(&texts) {
        let stem = path.file_stem().unwrap().to_str().unwrap();
        assert_eq!(a.id, stem);
        assert_eq!(a.title, titles[stem], "{stem}");
        assert!(a.date.is_some() && a.source.is_some(), "{stem}");
        let text = fs::read_to_string(path).unwrap();
        let first_line = text.lines().next().unwrap().trim();
        assert_ne!(
            &a.paragraphs[0], first_line,
            "{stem}: the title line is repeated"
        );
        let body_lines = text
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .count();
        assert_eq!(a.paragraphs.len(), body_lines, "{stem}");
    }

    // Walking all of data/ also picks up the annotator-training texts, and nothing else.
    let everything = ingest_paths(std::slice::from_ref(&data), &IngestOptions::default());
    let all_texts: usize = fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().path().join("text"))
        .filter(|p| p.is_dir())
        .map(|p| txt_files(&p).len())
        .sum();
    assert_eq!(everything.ingested(), all_texts);
    assert_eq!(everything.read, all_texts);
}
