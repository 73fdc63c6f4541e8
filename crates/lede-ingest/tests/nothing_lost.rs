//! Nothing lost at ingest: a folder of good, bad and odd files (all made here) — empty, binary,
//! Latin-1, UTF-16 with and without a byte-order mark, truncated JSON, a JSONL file with one bad
//! line, a masthead alone, a file over the size limit, a symlink loop, a broken symlink, a
//! symlink to /dev/zero, a named pipe, an unreadable file, gzip and HTML where JSON was
//! expected, a hidden file, an earlier Lede output — and every one of them is ingested, rejected
//! with its reason and location, or skipped with a warning naming it; the counts add up.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use lede_ingest::{ingest_paths, IngestOptions, Ingested, Severity};

const GOOD: &str = "Editor in Chief: Ana Petrov Tuesday, March 5th, 2024\n\
    Harbour Council Votes for New Quay\n\
    VELMORA - The harbour council voted on Monday to build a new quay.\n\
    “It is overdue,” the mayor said. (VNA)\n";

/// The size limit of the run: the large file is over it, everything else under.
const LIMIT: u64 = 4096;

/// What must become of a file.
#[derive(Debug, Clone, PartialEq)]
enum Fate {
    /// This many articles in the corpus.
    Ingested(usize),
    /// This many articles, and this many records rejected (each with a line).
    Mixed(usize, usize),
    /// Rejected whole, the reason containing this.
    Rejected(&'static str),
    /// Not read, a warning naming the file and containing this.
    Skipped(&'static str),
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, bytes).unwrap();
    path
}

fn utf16le(text: &str, bom: bool) -> Vec<u8> {
    let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

/// Builds the folder; every file with the fate it must meet.
fn build(dir: &Path) -> BTreeMap<PathBuf, Fate> {
    use Fate::*;
    let mut fates = BTreeMap::new();
    let mut add = |rel: &str, bytes: &[u8], fate: Fate| {
        fates.insert(write(dir, rel, bytes), fate);
    };
    add("good.txt", GOOD.as_bytes(), Ingested(1));
    add("empty.txt", b"", Rejected("empty"));
    add(
        "binary.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01",
        Rejected("unreadable"),
    );
    add(
        "latin1.txt",
        b"Caf\xe9 Opens\nKESTON - The caf\xe9 opened on Friday. (KNS)\n",
        Ingested(1),
    );
    let story = "Bridge Reopens\nDARROW - The bridge reopened on Sunday. (DNS)\n";
    add("utf16-bom.txt", &utf16le(story, true), Ingested(1));
    add("utf16-no-bom.txt", &utf16le(story, false), Ingested(1));
    add(
        "truncated.json",
        b"[{\"title\": \"Cut\", \"body\": \"The text stops",
        Rejected("malformed JSON"),
    );
    add(
        "feed.jsonl",
        b"{\"title\":\"One\",\"body\":\"First.\",\"id\":\"j1\"}\n\
          {\"title\":\"Two\",\"body\": }\n\
          {\"title\":\"Three\",\"body\":\"Third.\",\"id\":\"j3\"}\n",
        Mixed(2, 1),
    );
    add(
        "numbers.jsonl",
        b"{\"title\":\"Fine\",\"body\":\"Text.\",\"id\":\"n1\"}\n\
          {\"title\":42,\"body\":\"Text.\",\"id\":\"n2\"}\n",
        Mixed(1, 1),
    );
    add(
        "masthead-only.txt",
        b"Editor in Chief: X Y Monday, July 1st, 2024\n",
        Rejected("no body"),
    );
    add(
        "large.txt",
        format!("Big Story\n{}\n", "A long line of text. ".repeat(400)).as_bytes(),
        Rejected("over the limit"),
    );
    add(
        "gzipped.json",
        b"\x1f\x8b\x08\0\0\0\0\0\0\x03",
        Rejected("gzip"),
    );
    add(
        "page.json",
        b"<!DOCTYPE html>\n<html><body>Not found</body></html>\n",
        Rejected("HTML page"),
    );
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(b"[{\"id\":\"b1\",\"title\":\"Marked\",\"body\":\"It has a BOM.\"}]");
    add("bom.json", &bom, Ingested(1));
    add(".hidden.txt", GOOD.as_bytes(), Skipped("hidden"));
    add(
        "earlier/corpus.json",
        b"{\"format\":\"lede-corpus\",\"version\":1,\"articles\":[]}",
        Skipped("earlier `lede ingest` output"),
    );

    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        let link = |target: &str, rel: &str, fate: Fate, fates: &mut BTreeMap<_, _>| {
            let path = dir.join(rel);
            symlink(target, &path).unwrap();
            fates.insert(path, fate);
        };
        link(
            "loop-b.txt",
            "loop-a.txt",
            Rejected("symlink loop"),
            &mut fates,
        );
        link(
            "loop-a.txt",
            "loop-b.txt",
            Rejected("symlink loop"),
            &mut fates,
        );
        link(
            "missing.txt",
            "dangling.txt",
            Rejected("broken symlink"),
            &mut fates,
        );
        link(
            "/dev/zero",
            "zero.txt",
            Rejected("character device"),
            &mut fates,
        );
        // A regular file that cannot be read, even by root: the process's own memory at
        // offset 0 is unmapped.
        if Path::new("/proc/self/mem").exists() {
            link(
                "/proc/self/mem",
                "unreadable.txt",
                Rejected("cannot read"),
                &mut fates,
            );
        }
        let fifo = dir.join("pipe.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            fates.insert(fifo, Rejected("named pipe"));
        } else {
            eprintln!("notice: mkfifo is not available; the named-pipe case is not checked");
        }
        // chmod 000 stops everyone but root.
        use std::os::unix::fs::PermissionsExt;
        let locked = write(dir, "locked.txt", GOOD.as_bytes());
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        if fs::read(&locked).is_ok() {
            eprintln!(
                "notice: running as root, so chmod 000 does not stop reading; locked.txt is \
                 read (unreadable.txt covers a file that cannot be read)"
            );
            fates.insert(locked, Fate::Ingested(1));
        } else {
            fates.insert(locked, Rejected("Permission denied"));
        }
    }
    fates
}

fn entries_for<'a>(result: &'a Ingested, file: &Path) -> Vec<&'a lede_ingest::ReportEntry> {
    result
        .report
        .iter()
        .filter(|e| e.location.file == file)
        .collect()
}

#[test]
fn every_file_is_ingested_rejected_or_skipped_and_the_counts_add_up() {
    let dir = tempfile::tempdir().unwrap();
    let fates = build(dir.path());
    let options = IngestOptions {
        max_file_bytes: Some(LIMIT),
        ..IngestOptions::default()
    };
    let result = ingest_paths(&[dir.path().to_path_buf()], &options);

    let mut expect_ingested = 0;
    let mut expect_rejected = 0;
    let mut expect_skipped = 0;
    for (file, fate) in &fates {
        let entries = entries_for(&result, file);
        let rejected: Vec<_> = entries
            .iter()
            .filter(|e| e.severity == Severity::Rejected)
            .collect();
        let from_here = result.sources.iter().filter(|s| s.file == *file).count();
        match fate {
            Fate::Ingested(n) => {
                expect_ingested += n;
                assert_eq!(from_here, *n, "{}: {entries:?}", file.display());
                assert!(rejected.is_empty(), "{}: {rejected:?}", file.display());
            }
            Fate::Mixed(n, bad) => {
                expect_ingested += n;
                expect_rejected += bad;
                assert_eq!(from_here, *n, "{}", file.display());
                assert_eq!(rejected.len(), *bad, "{}: {entries:?}", file.display());
                assert!(rejected.iter().all(|e| e.location.line.is_some()));
            }
            Fate::Rejected(why) => {
                expect_rejected += 1;
                assert_eq!(from_here, 0, "{}", file.display());
                assert_eq!(rejected.len(), 1, "{}: {entries:?}", file.display());
                assert!(
                    rejected[0].reason.contains(why),
                    "{}: {:?} lacks {why:?}",
                    file.display(),
                    rejected[0].reason
                );
            }
            Fate::Skipped(why) => {
                expect_skipped += 1;
                assert_eq!(from_here, 0);
                assert!(
                    entries
                        .iter()
                        .any(|e| e.severity == Severity::Warning && e.reason.contains(why)),
                    "{}: {entries:?}",
                    file.display()
                );
            }
        }
    }
    assert_eq!(result.ingested(), expect_ingested, "{:#?}", result.report);
    assert_eq!(result.rejected(), expect_rejected, "{:#?}", result.report);
    assert_eq!(result.skipped, expect_skipped, "{:#?}", result.report);
    assert_eq!(result.dropped, 0);
    // Records read = ingested + rejected; files found = files read + files skipped.
    assert_eq!(result.read, result.ingested() + result.rejected());
    let lines_of_jsonl = 3 + 2;
    let whole_files = fates.len() - expect_skipped - 2; // the two .jsonl files hold records
    assert_eq!(
        result.read,
        whole_files + lines_of_jsonl,
        "every record of every file read"
    );
    // The large file's rejection says its size and the limit.
    let large = &entries_for(&result, &dir.path().join("large.txt"))[0].reason;
    assert!(
        large.contains(&format!(
            "{} bytes",
            fs::metadata(dir.path().join("large.txt")).unwrap().len()
        )) && large.contains("4.0 KB"),
        "{large}"
    );
    // The title that is a number is rejected with its line and field.
    let numbers = entries_for(&result, &dir.path().join("numbers.jsonl"));
    let bad = numbers
        .iter()
        .find(|e| e.severity == Severity::Rejected)
        .unwrap();
    assert_eq!(bad.location.line, Some(2));
    assert!(
        bad.reason.contains("field `title`: a number"),
        "{}",
        bad.reason
    );
    println!(
        "nothing lost: {} files, {} read, {} ingested, {} rejected, {} skipped",
        fates.len(),
        result.read,
        result.ingested(),
        result.rejected(),
        result.skipped
    );
}

#[test]
fn a_file_named_explicitly_is_checked_too() {
    let dir = tempfile::tempdir().unwrap();
    let big = write(dir.path(), "big.txt", &vec![b'a'; 5000]);
    let options = IngestOptions {
        max_file_bytes: Some(LIMIT),
        ..IngestOptions::default()
    };
    let result = ingest_paths(std::slice::from_ref(&big), &options);
    assert_eq!((result.read, result.rejected()), (1, 1));
    assert!(result.report[0].reason.contains("over the limit"));
    // The default limit (64 MB) takes it.
    let result = ingest_paths(&[big], &IngestOptions::default());
    assert_eq!(result.rejected(), 1, "rejected for its text, not its size");
    assert!(!result.report[0].reason.contains("limit"));
    #[cfg(unix)]
    {
        let looped = dir.path().join("self.txt");
        std::os::unix::fs::symlink("self.txt", &looped).unwrap();
        let result = ingest_paths(&[looped], &IngestOptions::default());
        assert!(
            result.report[0].reason.contains("symlink loop"),
            "{:?}",
            result.report
        );
    }
}
