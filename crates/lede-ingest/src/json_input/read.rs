//! Reading the records of a JSON file: one document (an array, an object holding an array of
//! articles, or one article) or one value per line, each record with its byte offset and line.

use serde_json::Value;

use crate::{FileParse, Record};

use super::errors::{kind_name, malformed_json};
use super::fields::has_any_field;
use super::Mapper;

/// Keys under which a top-level object may hold its array of articles, in priority order.
const ARRAY_KEYS: [&str; 9] = [
    "articles",
    "items",
    "data",
    "results",
    "documents",
    "docs",
    "stories",
    "posts",
    "entries",
];

/// The warning for a file that holds no records.
const NO_ARTICLES: &str = "no articles in this file";

/// More than one non-blank line, and the first is a complete JSON object on its own.
pub(super) fn looks_like_jsonl(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first_ok = lines
        .next()
        .is_some_and(|l| matches!(serde_json::from_str::<Value>(l), Ok(Value::Object(_))));
    first_ok && lines.next().is_some()
}

/// One record per non-blank line.
pub(super) fn parse_lines(text: &str, mapper: &mut Mapper) -> FileParse {
    let mut parse = FileParse::default();
    let mut offset = 0;
    let mut index = 0;
    for (line_no, line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let record = match serde_json::from_str::<Value>(trimmed) {
            Ok(value) => mapper.record(value, index),
            Err(e) => Record {
                index: Some(index),
                column: Some(lead + e.column()),
                result: Err(malformed_json(&e)),
                ..Record::default()
            },
        };
        parse.records.push(Record {
            offset: Some(start + lead),
            line: Some(line_no + 1),
            ..record
        });
        index += 1;
    }
    if parse.records.is_empty() {
        parse.warnings.push(NO_ARTICLES.into());
    }
    parse
}

/// A parsed JSON document: an array, an object with an array of articles, or one article.
pub(super) fn parse_document(text: &str, value: Value, mapper: &mut Mapper) -> FileParse {
    let (items, key) = match value {
        Value::Array(items) => (items, None),
        Value::Object(mut map) => {
            mapper.file_is_lede =
                map.get("format").and_then(Value::as_str) == Some(lede_corpus::FORMAT);
            let marks = map.get("annotated").and_then(Value::as_array);
            let marked = |m: &str| marks.is_some_and(|a| a.iter().any(|v| v.as_str() == Some(m)));
            mapper.file_annotated = mapper.file_is_lede && marked("quotes") && marked("entities");
            let key = ARRAY_KEYS
                .iter()
                .find(|k| matches!(map.get(**k), Some(Value::Array(_))));
            match key {
                Some(k) => {
                    let items = match map.remove(*k) {
                        Some(Value::Array(items)) => items,
                        _ => unreachable!("checked to be an array"),
                    };
                    mapper.top_unused = map
                        .keys()
                        .filter(|name| {
                            !matches!(
                                name.as_str(),
                                "format" | "version" | "entities" | "annotated"
                            )
                        })
                        .cloned()
                        .collect();
                    mapper.top_unused.sort();
                    (items, Some(*k))
                }
                None if has_any_field(&map) => {
                    mapper.single = true;
                    let offset = text.len() - text.trim_start().len();
                    let record = mapper.record(Value::Object(map), 0);
                    let mut parse = FileParse::default();
                    parse.records.push(Record {
                        offset: Some(offset),
                        ..record
                    });
                    return parse;
                }
                None => {
                    return FileParse::rejected(format!(
                        "a JSON object with no array of articles (looked for `{}`) and no \
                         article fields",
                        ARRAY_KEYS.join("`, `")
                    ))
                }
            }
        }
        other => {
            return FileParse::rejected(format!(
                "the JSON is a {}, not an array of articles or an object holding them",
                kind_name(&other)
            ))
        }
    };
    let offsets = element_offsets(text, key);
    let offsets_ok = offsets.len() == items.len();
    let mut parse = FileParse::default();
    if items.is_empty() {
        parse.warnings.push(NO_ARTICLES.into());
    }
    for (index, item) in items.into_iter().enumerate() {
        let record = mapper.record(item, index);
        parse.records.push(Record {
            offset: offsets_ok.then(|| offsets[index]),
            ..record
        });
    }
    parse
}

/// Byte offsets where each element of the top-level array (or of the array under `key` in the
/// top-level object) begins. The text is known to be valid JSON.
fn element_offsets(text: &str, key: Option<&str>) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut target: Option<usize> = key.is_none().then_some(1);
    let mut done = false;
    let mut expect = false;
    let mut last_key: (usize, usize) = (0, 0);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'"' => {
                let start = i;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                if expect && target == Some(depth) {
                    out.push(start);
                    expect = false;
                }
                if depth == 1 {
                    last_key = (start + 1, i.min(b.len()));
                }
            }
            b'[' | b'{' => {
                if expect && target == Some(depth) {
                    out.push(i);
                    expect = false;
                }
                depth += 1;
                if c == b'[' && !done {
                    if key.is_none() && depth == 1 {
                        expect = true;
                    } else if depth == 2
                        && target.is_none()
                        && key.is_some_and(|k| text.get(last_key.0..last_key.1) == Some(k))
                    {
                        target = Some(2);
                        expect = true;
                    }
                }
            }
            b']' | b'}' => {
                if target == Some(depth) {
                    target = None;
                    done = true;
                    expect = false;
                }
                depth = depth.saturating_sub(1);
            }
            b',' if target == Some(depth) => expect = true,
            c if c.is_ascii_whitespace() || c == b',' || c == b':' => {}
            _ => {
                if expect && target == Some(depth) {
                    out.push(i);
                    expect = false;
                }
            }
        }
        i += 1;
    }
    out
}
