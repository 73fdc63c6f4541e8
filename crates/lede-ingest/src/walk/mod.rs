//! Finding the input files: paths given are taken as they are; directories are walked
//! recursively, picking article files by extension and reporting what is skipped. Nothing is
//! read that could hang or exhaust memory: named pipes, devices and sockets are refused, and so
//! are files over the size limit, symlink loops and broken symlinks, each with its reason.

mod entry;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

pub(crate) use entry::read_capped;
use entry::{classify, Entry};
pub use entry::{
    human_bytes, lede_output_at, lede_output_kind, LedeOutput, DEFAULT_MAX_FILE_BYTES,
};

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

/// How to walk.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WalkOptions<'a> {
    /// Files over this many bytes are refused.
    pub(crate) max_file_bytes: u64,
    /// Paths this run writes (the corpus, index, pack, report): never read as input.
    pub(crate) outputs: &'a [PathBuf],
}

/// The files found and what the walk reported.
#[derive(Debug, Default)]
pub struct Walk {
    /// Article files, sorted by path, each once.
    pub files: Vec<PathBuf>,
    /// Rejections (paths that do not exist or cannot be read safely) and skip warnings.
    pub report: Vec<ReportEntry>,
    /// Files (and hidden folders) found but deliberately not read, each counted in a warning.
    pub skipped: usize,
}

/// Lists the article files under `paths`, sorted so that a run is deterministic.
///
/// A path given explicitly is always taken when it is a regular file within the size limit
/// (its format is detected from its content). Inside a directory, hidden entries (`.name`) are
/// skipped with a warning each; files with other extensions are skipped with one warning per
/// directory and extension; documentation files (`README.txt`, `SOURCE.txt`, …), the `.txt`
/// files in a folder holding `.sgm` files and a `.dtd` (an SGML collection such as
/// Reuters-21578) and Lede's own outputs (a corpus, report, index or pack an earlier run wrote
/// there) are skipped with a warning each. Named pipes, devices, sockets, symlink loops, broken
/// symlinks and files over the size limit are rejected, found or named.
pub(crate) fn collect_files(paths: &[PathBuf], options: WalkOptions) -> Walk {
    let mut walker = Walker {
        options,
        outputs: options.outputs.iter().map(|p| canonical(p)).collect(),
        walk: Walk::default(),
        skipped_ext: BTreeMap::new(),
        visited: HashSet::new(),
    };
    for path in paths {
        match classify(path, options.max_file_bytes) {
            Ok(Entry::Dir) => walker.walk_dir(path),
            Ok(Entry::File) if walker.is_output(path) => walker.skip(
                path,
                "skipped: this run writes its output here, so it is not read as input",
            ),
            Ok(Entry::File) => walker.walk.files.push(path.clone()),
            Err(reason) => walker
                .walk
                .report
                .push(ReportEntry::rejected(Location::file(path), reason)),
        }
    }
    let Walker {
        mut walk,
        skipped_ext,
        ..
    } = walker;
    for ((dir, ext), count) in skipped_ext {
        let what = if ext.is_empty() {
            "without an extension".to_string()
        } else {
            format!(".{ext}")
        };
        walk.skipped += count;
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

/// The path made absolute with its symlinks resolved, or as given when it does not exist.
fn canonical(p: &Path) -> PathBuf {
    p.canonicalize().unwrap_or_else(|_| p.to_path_buf())
}

/// The state of one walk.
struct Walker<'a> {
    options: WalkOptions<'a>,
    /// The outputs, canonical.
    outputs: Vec<PathBuf>,
    walk: Walk,
    /// Files skipped for their extension, by directory and extension.
    skipped_ext: BTreeMap<(PathBuf, String), usize>,
    /// Directories walked (canonical), so a symlinked loop of folders is walked once.
    visited: HashSet<PathBuf>,
}

impl Walker<'_> {
    /// True when `path` is one of this run's outputs.
    fn is_output(&self, path: &Path) -> bool {
        !self.outputs.is_empty() && self.outputs.contains(&canonical(path))
    }

    /// A file skipped on purpose: a warning, counted.
    fn skip(&mut self, path: &Path, reason: impl Into<String>) {
        self.walk.skipped += 1;
        self.walk
            .report
            .push(ReportEntry::warning(Location::file(path), reason));
    }

    fn walk_dir(&mut self, dir: &Path) {
        if let Ok(canonical) = dir.canonicalize() {
            if !self.visited.insert(canonical) {
                return; // a directory reached twice (a symlink to a folder already walked)
            }
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.walk.report.push(ReportEntry::rejected(
                    Location::file(dir),
                    format!("cannot read directory: {e}"),
                ));
                return;
            }
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        // An SGML collection with its DTD (the Reuters-21578 distribution): its .txt files are
        // the collection's documentation and category lists, not articles.
        let sgml_collection = paths
            .iter()
            .any(|p| matches!(extension(p).as_deref(), Some("sgm" | "sgml")))
            && paths.iter().any(|p| extension(p).as_deref() == Some("dtd"));
        for p in paths {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') {
                let what = if p.is_dir() { "folder" } else { "file" };
                self.skip(
                    &p,
                    format!("skipped: a hidden {what} (name it to ingest it)"),
                );
                continue;
            }
            let entry = match classify(&p, self.options.max_file_bytes) {
                Ok(entry) => entry,
                Err(reason) => {
                    self.walk
                        .report
                        .push(ReportEntry::rejected(Location::file(&p), reason));
                    continue;
                }
            };
            if let Entry::Dir = entry {
                self.walk_dir(&p);
                continue;
            }
            if self.is_output(&p) {
                self.skip(
                    &p,
                    "skipped: this run writes its output here, so it is not read as input",
                );
                continue;
            }
            let ext = extension(&p).unwrap_or_default();
            if !ARTICLE_EXTENSIONS.contains(&ext.as_str()) {
                *self
                    .skipped_ext
                    .entry((dir.to_path_buf(), ext))
                    .or_default() += 1;
                continue;
            }
            let stem = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("")
                .to_ascii_lowercase();
            if DOC_STEMS.contains(&stem.as_str()) {
                self.skip(
                    &p,
                    "skipped: a documentation file, not an article (name the file to ingest it)",
                );
            } else if sgml_collection && matches!(ext.as_str(), "txt" | "text") {
                self.skip(
                    &p,
                    "skipped: a text file beside an SGML collection and its DTD, taken as the \
                     collection's documentation (name the file to ingest it)",
                );
            } else if let Some(kind) = (ext == "json").then(|| lede_output_at(&p)).flatten() {
                self.skip(
                    &p,
                    format!(
                        "skipped: {}, an earlier `lede ingest` output, not input (name the file \
                         to ingest it)",
                        kind.describe()
                    ),
                );
            } else {
                self.walk.files.push(p);
            }
        }
    }
}

/// The lowercased extension of `p`.
pub fn extension(p: &Path) -> Option<String> {
    p.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}
