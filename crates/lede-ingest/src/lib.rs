//! Turns article files into corpus articles and accounts for every input: each file is either
//! ingested or listed in the report with its reason.

pub mod raw_text;

use std::path::{Path, PathBuf};

use lede_corpus::Article;

/// How serious a report entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The input was ingested, but something was missing or odd.
    Warning,
    /// The input is not in the corpus.
    Rejected,
}

/// One line of the ingest report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportEntry {
    /// Warning or rejection.
    pub severity: Severity,
    /// The file the entry is about.
    pub file: PathBuf,
    /// What happened.
    pub reason: String,
}

/// The outcome of an ingest run.
#[derive(Debug, Default)]
pub struct Ingested {
    /// The articles, in input order (files sorted by path).
    pub articles: Vec<Article>,
    /// Inputs read (files).
    pub read: usize,
    /// Warnings and rejections.
    pub report: Vec<ReportEntry>,
}

impl Ingested {
    /// Number of rejected inputs.
    pub fn rejected(&self) -> usize {
        self.count(Severity::Rejected)
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.report
            .iter()
            .filter(|e| e.severity == severity)
            .count()
    }
}

/// Lists the article files under `paths` (files as given, directories walked recursively),
/// sorted so that a run is deterministic. Unreadable directories are reported.
pub fn collect_files(paths: &[PathBuf], report: &mut Vec<ReportEntry>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        walk(path, &mut files, report);
    }
    files.sort();
    files.dedup();
    files
}

fn walk(path: &Path, files: &mut Vec<PathBuf>, report: &mut Vec<ReportEntry>) {
    if path.is_dir() {
        match std::fs::read_dir(path) {
            Ok(entries) => {
                for entry in entries.flatten() {
                    let p = entry.path();
                    let hidden = p
                        .file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with('.'));
                    if p.is_dir() && !hidden {
                        walk(&p, files, report);
                    } else if is_article_file(&p) {
                        files.push(p);
                    }
                }
            }
            Err(e) => report.push(ReportEntry {
                severity: Severity::Rejected,
                file: path.to_path_buf(),
                reason: format!("cannot read directory: {e}"),
            }),
        }
    } else {
        files.push(path.to_path_buf());
    }
}

/// Files the walker picks up inside directories.
fn is_article_file(p: &Path) -> bool {
    p.extension().and_then(|e| e.to_str()) == Some("txt")
}

/// Ingests every file under `paths`.
pub fn ingest_paths(paths: &[PathBuf]) -> Ingested {
    let mut out = Ingested::default();
    let files = collect_files(paths, &mut out.report);
    let mut id_source: std::collections::HashMap<String, PathBuf> = Default::default();
    for file in files {
        out.read += 1;
        let reject = |reason: String| ReportEntry {
            severity: Severity::Rejected,
            file: file.clone(),
            reason,
        };
        let bytes = match std::fs::read(&file) {
            Ok(b) => b,
            Err(e) => {
                out.report.push(reject(format!("cannot read: {e}")));
                continue;
            }
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                out.report.push(reject(format!(
                    "not UTF-8 (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                )));
                continue;
            }
        };
        let id = file
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("article")
            .to_string();
        match raw_text::parse_raw_article(&id, &text) {
            Ok(parsed) => {
                if let Some(first) = id_source.get(&id) {
                    out.report.push(reject(format!(
                        "duplicate id \"{id}\": {} has it already",
                        first.display()
                    )));
                    continue;
                }
                id_source.insert(id.clone(), file.clone());
                for m in &parsed.missing {
                    out.report.push(ReportEntry {
                        severity: Severity::Warning,
                        file: file.clone(),
                        reason: m.describe().to_string(),
                    });
                }
                out.articles.push(parsed.article);
            }
            Err(e) => out.report.push(reject(e.to_string())),
        }
    }
    out
}
