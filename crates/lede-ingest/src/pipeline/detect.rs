//! Which parser reads a file: the format given, or one detected from the extension and then the
//! content.

use std::path::Path;

use crate::json_input::{self, JsonShape};
use crate::polnear::{self, MetaRow};
use crate::{raw_text, reuters, walk, FileParse, Format, Record};

/// Parses `text` as `format`; `stem` names articles that have no id. A PolNeAR text needs its
/// metadata row.
pub(super) fn parse_as(
    format: Format,
    stem: &str,
    text: &str,
    polnear_row: Option<&MetaRow>,
    reannotate: bool,
) -> FileParse {
    match format {
        Format::Raw => parse_raw(stem, text),
        Format::Json => json_input::parse_json(stem, text, JsonShape::Document, reannotate),
        Format::Jsonl => json_input::parse_json(stem, text, JsonShape::Lines, reannotate),
        Format::Reuters => reuters::parse_sgml(text),
        Format::Polnear => match polnear_row {
            Some(row) => polnear::parse_polnear(stem, text, row),
            None => FileParse::rejected(
                "not a PolNeAR text: no metadata.tsv row for it (looked in its folder and three \
                 above)"
                    .into(),
            ),
        },
    }
}

/// Picks the format from the extension, then the content: `.json`, `.jsonl`/`.ndjson`,
/// `.sgm`/`.sgml`; otherwise SGML when a `<REUTERS` record is present, JSON when the text is a
/// JSON document (starts with `{` or `[` and parses), raw text else.
pub(super) fn detect_and_parse(path: &Path, stem: &str, text: &str, reannotate: bool) -> FileParse {
    let parse = |format| parse_as(format, stem, text, None, reannotate);
    if let Some(format) = format_of_extension(path) {
        return parse(format);
    }
    if reuters::looks_like_sgml(text) {
        return parse(Format::Reuters);
    }
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if body.starts_with('{') || body.starts_with('[') {
        let json = parse(Format::Json);
        if !json.is_file_rejection() {
            return json;
        }
    }
    parse(Format::Raw)
}

/// The format an extension names, when it names one on its own (`.txt` does not: raw text,
/// PolNeAR, or anything else).
fn format_of_extension(path: &Path) -> Option<Format> {
    match walk::extension(path).as_deref() {
        Some("json") => Some(Format::Json),
        Some("jsonl" | "ndjson") => Some(Format::Jsonl),
        Some("sgm" | "sgml") => Some(Format::Reuters),
        _ => None,
    }
}

/// Parses a raw text article; what it lacked becomes warnings.
fn parse_raw(stem: &str, text: &str) -> FileParse {
    let record = match raw_text::parse_raw_article(stem, text) {
        Ok(raw) => Record {
            warnings: raw
                .missing
                .iter()
                .map(|m| m.describe().to_string())
                .collect(),
            result: Ok(raw.article),
            ..Record::default()
        },
        Err(e) => Record {
            result: Err(e.to_string()),
            ..Record::default()
        },
    };
    FileParse {
        records: vec![record],
        warnings: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_that_name_a_format() {
        let of = |p: &str| format_of_extension(Path::new(p));
        assert_eq!(of("a/b.JSON"), Some(Format::Json));
        assert_eq!(of("b.ndjson"), Some(Format::Jsonl));
        assert_eq!(of("reut2-000.sgm"), Some(Format::Reuters));
        assert_eq!(of("story.txt"), None);
        assert_eq!(of("no_extension"), None);
    }

    #[test]
    fn content_decides_when_the_extension_does_not() {
        let sgml =
            "<REUTERS NEWID=\"1\"><TEXT><TITLE>T</TITLE><BODY>Body.\n</BODY></TEXT></REUTERS>";
        let json = "[{\"title\": \"A\", \"body\": \"x\"}]";
        let id = |text: &str| -> String {
            let parse = detect_and_parse(Path::new("in/f.txt"), "f", text, false);
            parse.records[0].result.as_ref().unwrap().id.clone()
        };
        assert_eq!(id(sgml), "reuters-1", "SGML by content");
        assert_eq!(id(json), "f-0", "JSON by content");
        // Starts like JSON but is not: read as raw text, not rejected as malformed JSON.
        let not_json = detect_and_parse(Path::new("f.txt"), "f", "[bracketed] words", false);
        assert_eq!(not_json.records.len(), 1);
        let raw = &not_json.records[0];
        assert!(raw.index.is_none());
        assert!(
            raw.result
                .as_ref()
                .err()
                .is_none_or(|e| !e.contains("JSON")),
            "{:?}",
            raw.result
        );
    }
}
