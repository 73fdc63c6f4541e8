//! Reading one file: its bytes decoded, parsed by the right parser, and each record given its
//! location (line, column, byte offset in the file, record index).

use std::path::Path;

use crate::polnear::MetaRow;
use crate::walk::read_capped;
use crate::{decode, Format, IngestOptions, LineIndex, Location, ReportEntry};

use super::plan::Job;
use super::{detect, FileOutput, Ready};

/// Reads and parses a planned file; a file that cannot be read is one rejected input.
pub(super) fn read_job(job: &Job, options: &IngestOptions) -> FileOutput {
    match read_capped(&job.path, options.max_file_bytes()) {
        Ok(bytes) => parse_file(&job.path, &bytes, job.format, job.polnear.as_ref(), options),
        Err(reason) => FileOutput::rejected(Location::file(&job.path), reason),
    }
}

/// Decodes and parses one file's bytes.
pub(super) fn parse_file(
    path: &Path,
    bytes: &[u8],
    format: Option<Format>,
    polnear_row: Option<&MetaRow>,
    options: &IngestOptions,
) -> FileOutput {
    let file = Location::file(path);
    // A compressed file, an HTML page or a pack where JSON was expected is named for what it
    // is; any file that cannot be decoded is too when its first bytes tell.
    let json_expected = matches!(format, Some(Format::Json | Format::Jsonl))
        || matches!(
            crate::walk::extension(path).as_deref(),
            Some("json" | "jsonl" | "ndjson")
        );
    if json_expected {
        if let Some(what) = lede_corpus::not_json_kind(bytes) {
            return FileOutput::rejected(file, what.to_string());
        }
    }
    let decoded = match decode::decode(bytes) {
        Ok(d) => d,
        Err(reason) => {
            let reason = match lede_corpus::not_json_kind(bytes) {
                Some(what) if !what.contains("HTML") && !what.contains("markup") => {
                    what.to_string()
                }
                _ => reason,
            };
            return FileOutput::rejected(file, reason);
        }
    };
    let mut out = FileOutput::default();
    if let Some(w) = &decoded.warning {
        out.entries
            .push(ReportEntry::warning(file.clone(), w.clone()));
    }
    let text = decoded.text.as_str();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "article".into());
    let parse = match format {
        Some(format) => detect::parse_as(format, &stem, text, polnear_row, options.reannotate),
        None => detect::detect_and_parse(path, &stem, text, options.reannotate),
    };
    let lines = parse
        .records
        .iter()
        .any(|r| r.offset.is_some() && r.line.is_none())
        .then(|| LineIndex::new(text));
    for r in parse.records {
        out.read += 1;
        let location = Location {
            file: path.to_path_buf(),
            line: r.line.or_else(|| Some(lines.as_ref()?.line(r.offset?))),
            column: r.column,
            byte_offset: r.offset.and_then(|o| decoded.file_offset(o)),
            record: r.index,
        };
        match r.result {
            Ok(mut article) => {
                // Whatever the parser, a blank title would be an empty link in the app.
                if article.title.trim().is_empty() {
                    if let Some(first) = article.paragraphs.iter().find(|p| !p.trim().is_empty()) {
                        article.title = crate::reuters::title_from_body(first);
                        out.entries.push(ReportEntry::warning(
                            location.clone(),
                            "the title is blank; the first words of the text are the title",
                        ));
                    }
                }
                for w in r.warnings {
                    out.entries.push(ReportEntry::warning(location.clone(), w));
                }
                out.ready.push(Ready {
                    article,
                    location,
                    annotate: !r.passthrough || options.reannotate,
                    marked: r.marked,
                });
            }
            Err(reason) => out.entries.push(ReportEntry::rejected(location, reason)),
        }
    }
    for w in parse.warnings {
        out.entries.push(ReportEntry::warning(file.clone(), w));
    }
    out
}
