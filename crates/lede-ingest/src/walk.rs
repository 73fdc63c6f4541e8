//! Finding the input files: paths given are taken as they are; directories are walked
//! recursively, picking article files by extension and reporting what is skipped.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use crate::report::{Location, ReportEntry};

/// Extensions of the files the walker picks up inside directories.
pub const ARTICLE_EXTENSIONS: [&str; 7] = ["txt", "text", "json", "jsonl", "ndjson", "sgm", "sgml"];

/// File stems (case-insensitive) that are documentation, not articles, when found in a walk.
const DOC_STEMS: [&str; 10] = [
    "readme",
    "source",
    "sources",
    "license",
    "licence",
    "copying",
    "changelog",
    "notice",
    "authors",
    "contributing",
];

/// The files found and what the walk reported.
#[derive(Debug, Default)]
pub struct Walk {
    /// Article files, sorted by path, each once.
    pub files: Vec<PathBuf>,
    /// Rejections (paths that do not exist, unreadable directories) and skip warnings.
    pub report: Vec<ReportEntry>,
}

/// Lists the article files under `paths`, sorted so that a run is deterministic.
///
/// A path given explicitly is always taken (its format is detected from its content). Inside a
/// directory, hidden entries are ignored; files with other extensions are skipped with one
/// warning per directory and extension; documentation files (`README.txt`, `SOURCE.txt`, …) and
/// the `.txt` files in a folder holding `.sgm` files and a `.dtd` (an SGML collection such as
/// Reuters-21578) are skipped with a warning each.
pub fn collect_files(paths: &[PathBuf]) -> Walk {
    let mut walk = Walk::default();
    let mut skipped: BTreeMap<(PathBuf, String), usize> = BTreeMap::new();
    let mut visited = HashSet::new();
    for path in paths {
        if path.is_dir() {
            walk_dir(path, &mut walk, &mut skipped, &mut visited);
        } else if path.exists() {
            walk.files.push(path.clone());
        } else {
            walk.report.push(ReportEntry::rejected(
                Location::file(path),
                "no such file or directory",
            ));
        }
    }
    for ((dir, ext), count) in skipped {
        let what = if ext.is_empty() {
            "without an extension".to_string()
        } else {
            format!(".{ext}")
        };
        walk.report.push(ReportEntry::warning(
            Location::file(&dir),
            format!(
                "skipped {count} file{} {what} in this directory (not an article format; \
                 name a file to ingest it)",
                if count == 1 { "" } else { "s" }
            ),
        ));
    }
    walk.files.sort();
    walk.files.dedup();
    walk
}

fn walk_dir(
    dir: &Path,
    walk: &mut Walk,
    skipped: &mut BTreeMap<(PathBuf, String), usize>,
    visited: &mut HashSet<PathBuf>,
) {
    if let Ok(canonical) = dir.canonicalize() {
        if !visited.insert(canonical) {
            return; // a symlink loop or a directory given twice
        }
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            walk.report.push(ReportEntry::rejected(
                Location::file(dir),
                format!("cannot read directory: {e}"),
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    // An SGML collection with its DTD (the Reuters-21578 distribution): its .txt files are the
    // collection's documentation and category lists, not articles.
    let sgml_collection = paths
        .iter()
        .any(|p| matches!(extension(p).as_deref(), Some("sgm" | "sgml")))
        && paths.iter().any(|p| extension(p).as_deref() == Some("dtd"));
    for p in paths {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if p.is_dir() {
            walk_dir(&p, walk, skipped, visited);
            continue;
        }
        let ext = extension(&p).unwrap_or_default();
        if !ARTICLE_EXTENSIONS.contains(&ext.as_str()) {
            *skipped.entry((dir.to_path_buf(), ext)).or_default() += 1;
            continue;
        }
        let stem = p
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if DOC_STEMS.contains(&stem.as_str()) {
            walk.report.push(ReportEntry::warning(
                Location::file(&p),
                "skipped: a documentation file, not an article (name the file to ingest it)",
            ));
        } else if sgml_collection && matches!(ext.as_str(), "txt" | "text") {
            walk.report.push(ReportEntry::warning(
                Location::file(&p),
                "skipped: a text file beside an SGML collection and its DTD, taken as the \
                 collection's documentation (name the file to ingest it)",
            ));
        } else {
            walk.files.push(p);
        }
    }
}

/// The lowercased extension of `p`.
pub fn extension(p: &Path) -> Option<String> {
    p.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}
