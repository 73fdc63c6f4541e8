//! Why a corpus did not load, and where: a line and column of bad JSON, a top-level field, or
//! an article (index and id) and the field inside it.

use std::fmt;

/// Where in the corpus an error is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorLocation {
    /// A line and column of the JSON text (1-based), for text that is not valid JSON.
    Text {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The top-level object.
    Top {
        /// The top-level field at fault.
        field: String,
    },
    /// One article.
    Article {
        /// 0-based position in `articles`.
        index: usize,
        /// Its id, when it has a readable one.
        id: Option<String>,
        /// The field path inside the article (`paragraphs[2]`, `quotes[0].end`).
        field: String,
    },
}

/// Why a corpus did not load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusError {
    /// Where the fault is.
    pub location: ErrorLocation,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            ErrorLocation::Text { line, column } => {
                write!(
                    f,
                    "not valid JSON at line {line}, column {column}: {}",
                    self.message
                )
            }
            ErrorLocation::Top { field } => write!(f, "field `{field}`: {}", self.message),
            ErrorLocation::Article { index, id, field } => {
                write!(f, "article {index}")?;
                if let Some(id) = id {
                    write!(f, " (id \"{id}\")")?;
                }
                write!(f, ", field `{field}`: {}", self.message)
            }
        }
    }
}

impl std::error::Error for CorpusError {}

/// What bytes that are not a JSON corpus are, told by their first bytes (after a UTF-8 BOM
/// and whitespace): a compressed file, an HTML or XML page, a Lede pack or index, UTF-16 text,
/// a PDF. `None` when they may well be JSON (or are something unrecognised).
pub fn not_json_kind(head: &[u8]) -> Option<&'static str> {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let magic: [(&[u8], &str); 10] = [
        (
            b"\x1f\x8b",
            "the file is gzip-compressed: decompress it first (gunzip)",
        ),
        (
            b"BZh",
            "the file is bzip2-compressed: decompress it first (bunzip2)",
        ),
        (
            b"\xFD7zXZ\0",
            "the file is xz-compressed: decompress it first (unxz)",
        ),
        (
            b"\x28\xB5\x2F\xFD",
            "the file is zstd-compressed: decompress it first (unzstd)",
        ),
        (
            b"PK\x03\x04",
            "the file is a zip archive: extract the corpus from it first",
        ),
        (
            b"LEDEPACK",
            "this is a Lede pack, not corpus JSON (the app reads packs; `lede stats` too)",
        ),
        (b"LEDEIDX\0", "this is a Lede search index, not a corpus"),
        (b"%PDF", "this is a PDF document, not a corpus"),
        (b"\xFF\xFE", "the text is UTF-16: save it as UTF-8"),
        (b"\xFE\xFF", "the text is UTF-16: save it as UTF-8"),
    ];
    if let Some((_, what)) = magic.iter().find(|(m, _)| head.starts_with(m)) {
        return Some(what);
    }
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let text: Vec<u8> = head[start..head.len().min(start + 64)].to_ascii_lowercase();
    let html = [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<body",
        b"<!--",
        b"<meta",
    ];
    if html.iter().any(|m| text.starts_with(m)) {
        return Some(
            "this is an HTML page, not a corpus (an error page, or a web page saved in its place?)",
        );
    }
    if text.starts_with(b"<?xml") || text.starts_with(b"<") {
        return Some("this is XML or markup, not a corpus (a corpus is a JSON object)");
    }
    None
}

/// The error for text that is not JSON because it is something else (see [`not_json_kind`]).
pub(crate) fn not_json_error(head: &[u8]) -> Option<CorpusError> {
    not_json_kind(head).map(|what| CorpusError {
        location: ErrorLocation::Text { line: 1, column: 1 },
        message: what.to_string(),
    })
}

/// A JSON syntax error at `line` (of the whole text) and the column serde_json gives.
pub(crate) fn syntax_error(e: &serde_json::Error, line: usize) -> CorpusError {
    CorpusError {
        location: ErrorLocation::Text {
            line,
            column: e.column(),
        },
        message: e.to_string(),
    }
}

/// An error in the corpus object's own field `field` (empty: the object itself).
pub(crate) fn top_error(field: &str, message: impl Into<String>) -> CorpusError {
    CorpusError {
        location: ErrorLocation::Top {
            field: field.to_string(),
        },
        message: message.into(),
    }
}

/// An error in field `field` of article `index` (`id` when it has a readable one).
pub(crate) fn article_error(
    index: usize,
    id: Option<String>,
    field: impl Into<String>,
    message: impl Into<String>,
) -> CorpusError {
    CorpusError {
        location: ErrorLocation::Article {
            index,
            id,
            field: field.into(),
        },
        message: message.into(),
    }
}
