//! Planning the reads: each file with the format the walk alone can decide (PolNeAR texts are
//! the `.txt` files listed in a `metadata.tsv` nearby).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::polnear::{self, MetaRow, Metadata};
use crate::{decode, walk, Format, Location, ReportEntry};

/// One file to read, with what planning found out about it.
pub(super) struct Job {
    /// The file.
    pub(super) path: PathBuf,
    /// Its format, when forced or known from PolNeAR metadata (else detected when read).
    pub(super) format: Option<Format>,
    /// Its PolNeAR metadata row.
    pub(super) polnear: Option<MetaRow>,
}

/// Decides each file's format where the walk alone can: PolNeAR texts are the `.txt` files
/// listed in a `metadata.tsv` in their folder or up to three above.
pub(super) fn plan(
    files: &[PathBuf],
    forced: Option<Format>,
    report: &mut Vec<ReportEntry>,
) -> Vec<Job> {
    let mut metadata: HashMap<PathBuf, Option<Arc<Metadata>>> = HashMap::new();
    let mut jobs = Vec::with_capacity(files.len());
    for path in files {
        let mut job = Job {
            path: path.clone(),
            format: forced,
            polnear: None,
        };
        let is_text = matches!(walk::extension(path).as_deref(), Some("txt" | "text"));
        let consider = match forced {
            Some(f) => f == Format::Polnear,
            None => is_text,
        };
        if consider {
            if let Some(meta_path) = polnear::find_metadata_file(path) {
                let meta = metadata
                    .entry(meta_path.clone())
                    .or_insert_with(|| load_metadata(&meta_path, report));
                if let Some(meta) = meta {
                    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
                    match meta.get(stem, polnear::split_of(path)) {
                        Some(row) => {
                            job.format = Some(Format::Polnear);
                            job.polnear = Some(row.clone());
                        }
                        None if forced.is_none() => report.push(ReportEntry::warning(
                            Location::file(path),
                            format!(
                                "beside PolNeAR metadata ({}) but not listed in it; read as raw \
                                 text",
                                meta_path.display()
                            ),
                        )),
                        None => {}
                    }
                }
            }
        }
        jobs.push(job);
    }
    jobs
}

/// Reads a `metadata.tsv`; a warning (and `None`) when it cannot be used.
fn load_metadata(path: &Path, report: &mut Vec<ReportEntry>) -> Option<Arc<Metadata>> {
    let loaded = std::fs::read(path)
        .map_err(|e| format!("cannot read: {e}"))
        .and_then(|b| decode::decode(&b))
        .and_then(|d| Metadata::parse(&d.text));
    match loaded {
        Ok(m) => Some(Arc::new(m)),
        Err(e) => {
            report.push(ReportEntry::warning(
                Location::file(path),
                format!("PolNeAR metadata not used: {e}"),
            ));
            None
        }
    }
}
