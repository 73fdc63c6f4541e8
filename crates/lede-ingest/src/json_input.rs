//! JSON and JSONL article files: an array of article objects, an object holding one
//! (`{"articles": [...]}`, also `items`, `data`, `results`, …), a single article object, or one
//! object per line. Common field names are mapped (`headline` → title, `content` → body,
//! `published_at` → date, …); fields that are not used are reported once per file. A file already
//! in Lede's corpus format passes through, validated by the corpus loader.

use std::collections::BTreeMap;

use lede_corpus::{Article, Corpus, ErrorLocation};
use serde_json::{Map, Value};

use crate::dates::{from_unix_timestamp, normalise_date};
use crate::markup::{decode_entities, html_to_text, looks_like_html};
use crate::reuters::title_from_body;
use crate::{FileParse, Record};

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

/// A target field and the input names mapped to it (compared after folding: lowercase, with
/// `_`, `-` and spaces removed), in priority order.
const FIELDS: [(&str, &[&str]); 7] = [
    (
        "id",
        &[
            "id",
            "_id",
            "guid",
            "uuid",
            "articleid",
            "docid",
            "uid",
            "key",
        ],
    ),
    ("title", &["title", "headline", "heading", "hed", "subject"]),
    (
        "body",
        &[
            "body",
            "paragraphs",
            "text",
            "content",
            "fulltext",
            "bodytext",
            "articlebody",
            "article",
            "story",
            "maintext",
        ],
    ),
    (
        "date",
        &[
            "date",
            "published",
            "publishedat",
            "publishdate",
            "publicationdate",
            "datepublished",
            "pubdate",
            "datetime",
            "timestamp",
            "createdat",
            "time",
        ],
    ),
    (
        "url",
        &[
            "url",
            "link",
            "href",
            "permalink",
            "canonicalurl",
            "uri",
            "sourceurl",
            "weburl",
        ],
    ),
    (
        "byline",
        &[
            "byline",
            "author",
            "authors",
            "by",
            "writer",
            "creator",
            "authorname",
        ],
    ),
    (
        "source",
        &[
            "source",
            "publisher",
            "sitename",
            "site",
            "outlet",
            "publication",
            "sourcename",
            "feed",
        ],
    ),
];

/// Lede article fields that map to themselves.
const LEDE_EXTRA: [&str; 3] = ["editor", "dateline", "tags"];

/// Every field a Lede corpus article may carry (for pass-through detection).
const LEDE_FIELDS: [&str; 14] = [
    "id",
    "title",
    "date",
    "source",
    "byline",
    "editor",
    "dateline",
    "url",
    "paragraphs",
    "body",
    "quotes",
    "entities",
    "tags",
    "format",
];

/// How a JSON file is parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonShape {
    /// One JSON document (falls back to JSONL when that is what the file holds).
    Document,
    /// One JSON value per line.
    Lines,
}

/// Per-file state while records are mapped.
struct Mapper<'a> {
    stem: &'a str,
    reannotate: bool,
    file_is_lede: bool,
    /// Unused field name → index of the first record that had it.
    unused: BTreeMap<String, usize>,
    /// Records without an id (given one made from the file name).
    missing_ids: usize,
    /// Top-level fields beside the array of articles that are not used.
    top_unused: Vec<String>,
    /// The file is one article object (its id defaults to the file stem alone).
    single: bool,
}

/// Parses a JSON or JSONL file; `stem` names records that have no id.
pub fn parse_json(stem: &str, text: &str, shape: JsonShape, reannotate: bool) -> FileParse {
    let mut mapper = Mapper {
        stem,
        reannotate,
        file_is_lede: false,
        unused: BTreeMap::new(),
        missing_ids: 0,
        single: false,
        top_unused: Vec::new(),
    };
    let mut parse = match shape {
        JsonShape::Lines => parse_lines(text, &mut mapper),
        JsonShape::Document => match serde_json::from_str::<Value>(text) {
            Ok(value) => parse_document(text, value, &mut mapper),
            Err(e) if looks_like_jsonl(text) => {
                let mut p = parse_lines(text, &mut mapper);
                p.warnings.push(format!(
                    "not one JSON document ({e}); read as JSON Lines, one article per line"
                ));
                p
            }
            Err(e) => FileParse::rejected_at(
                format!("malformed JSON: {}", error_message(&e)),
                e.line(),
                e.column(),
            ),
        },
    };
    if !mapper.top_unused.is_empty() {
        parse.warnings.push(format!(
            "top-level fields not used: {}",
            mapper.top_unused.join(", ")
        ));
    }
    if !mapper.unused.is_empty() {
        let list: Vec<String> = mapper
            .unused
            .iter()
            .map(|(k, i)| format!("{k} (first in record {i})"))
            .collect();
        parse
            .warnings
            .push(format!("fields not used: {}", list.join(", ")));
    }
    if mapper.missing_ids > 0 {
        parse.warnings.push(format!(
            "{} record{} had no id; ids were made from the file name and record index",
            mapper.missing_ids,
            if mapper.missing_ids == 1 { "" } else { "s" }
        ));
    }
    parse
}

/// serde_json's message without its trailing "at line L column C" (the report has both).
fn error_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    }
}

/// More than one non-blank line, and the first is a complete JSON object on its own.
fn looks_like_jsonl(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first_ok = lines
        .next()
        .is_some_and(|l| matches!(serde_json::from_str::<Value>(l), Ok(Value::Object(_))));
    first_ok && lines.next().is_some()
}

/// One record per non-blank line.
fn parse_lines(text: &str, mapper: &mut Mapper) -> FileParse {
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
        let (result, warnings, passthrough, column) = match serde_json::from_str::<Value>(trimmed) {
            Ok(value) => {
                let (r, w, p) = mapper.record(value, index);
                (r, w, p, None)
            }
            Err(e) => (
                Err(format!("malformed JSON: {}", error_message(&e))),
                Vec::new(),
                false,
                Some(lead + e.column()),
            ),
        };
        parse.records.push(Record {
            index: Some(index),
            offset: Some(start + lead),
            line: Some(line_no + 1),
            column,
            result,
            warnings,
            passthrough,
        });
        index += 1;
    }
    if parse.records.is_empty() {
        parse.warnings.push("no articles in this file".into());
    }
    parse
}

/// A parsed JSON document: an array, an object with an array of articles, or one article.
fn parse_document(text: &str, value: Value, mapper: &mut Mapper) -> FileParse {
    let (items, key) = match value {
        Value::Array(items) => (items, None),
        Value::Object(mut map) => {
            mapper.file_is_lede =
                map.get("format").and_then(Value::as_str) == Some(lede_corpus::FORMAT);
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
                        .filter(|name| !matches!(name.as_str(), "format" | "version" | "entities"))
                        .cloned()
                        .collect();
                    mapper.top_unused.sort();
                    (items, Some(*k))
                }
                None if has_any_field(&map) => {
                    mapper.single = true;
                    let offset = text.len() - text.trim_start().len();
                    let (result, warnings, passthrough) = mapper.record(Value::Object(map), 0);
                    let mut parse = FileParse::default();
                    parse.records.push(Record {
                        index: Some(0),
                        offset: Some(offset),
                        result,
                        warnings,
                        passthrough,
                        ..Record::default()
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
        parse.warnings.push("no articles in this file".into());
    }
    for (index, item) in items.into_iter().enumerate() {
        let (result, warnings, passthrough) = mapper.record(item, index);
        parse.records.push(Record {
            index: Some(index),
            offset: offsets_ok.then(|| offsets[index]),
            result,
            warnings,
            passthrough,
            ..Record::default()
        });
    }
    parse
}

/// True when an object has at least a title or a body under a known name.
fn has_any_field(map: &Map<String, Value>) -> bool {
    map.keys().any(|k| {
        let f = fold_key(k);
        FIELDS[1].1.contains(&f.as_str()) || FIELDS[2].1.contains(&f.as_str())
    })
}

/// "an object", "a string", … for messages.
fn kind_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// A field name folded for matching: lowercase ASCII, without `_`, `-` and spaces.
fn fold_key(k: &str) -> String {
    k.chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

impl Mapper<'_> {
    /// Maps one record: the article or why not, its warnings, and whether it passed through.
    fn record(
        &mut self,
        value: Value,
        index: usize,
    ) -> (Result<Article, String>, Vec<String>, bool) {
        let Value::Object(mut map) = value else {
            return (
                Err(format!(
                    "record {index} is a JSON {}, not an article object",
                    kind_name(&value)
                )),
                Vec::new(),
                false,
            );
        };
        let lede_shaped = map.contains_key("id")
            && map.contains_key("title")
            && map.contains_key("paragraphs")
            && map.keys().all(|k| LEDE_FIELDS.contains(&k.as_str()));
        if self.file_is_lede || lede_shaped {
            for k in map.keys() {
                if !LEDE_FIELDS.contains(&k.as_str()) {
                    self.unused.entry(k.clone()).or_insert(index);
                }
            }
            let warnings = crate::dates::drop_impossible_date(&mut map);
            return (self.pass_through(map), warnings.into_iter().collect(), true);
        }
        let mut warnings = Vec::new();
        let result = self.map_fields(map, index, &mut warnings);
        (result, warnings, false)
    }

    /// A record already in Lede's format: validated by the corpus loader, quotes and entities
    /// dropped first when they are to be extracted again.
    fn pass_through(&self, mut map: Map<String, Value>) -> Result<Article, String> {
        if self.reannotate {
            map.remove("quotes");
            map.remove("entities");
        }
        let doc = serde_json::json!({ "articles": [Value::Object(map)] });
        match Corpus::from_json(&doc.to_string()) {
            Ok(mut corpus) => Ok(corpus.articles.remove(0)),
            Err(e) => Err(match e.location {
                ErrorLocation::Article { field, .. } => {
                    format!("not a valid Lede article: field `{field}`: {}", e.message)
                }
                _ => format!("not a valid Lede article: {e}"),
            }),
        }
    }

    /// Maps common field names onto an article.
    fn map_fields(
        &mut self,
        map: Map<String, Value>,
        index: usize,
        warnings: &mut Vec<String>,
    ) -> Result<Article, String> {
        let mut chosen: BTreeMap<&'static str, (String, Value)> = BTreeMap::new();
        let mut extra: BTreeMap<&'static str, Value> = BTreeMap::new();
        // Keys in priority order of their target field, so that `title` beats `headline`.
        let mut keyed: Vec<(usize, usize, String, Value)> = Vec::new();
        for (key, value) in map {
            let folded = fold_key(&key);
            let hit = FIELDS.iter().enumerate().find_map(|(fi, (_, names))| {
                names.iter().position(|n| *n == folded).map(|p| (fi, p))
            });
            match hit {
                Some((fi, p)) => keyed.push((fi, p, key, value)),
                None => match LEDE_EXTRA.iter().find(|e| **e == key) {
                    Some(e) => {
                        extra.insert(e, value);
                    }
                    None => {
                        self.unused.entry(key).or_insert(index);
                    }
                },
            }
        }
        keyed.sort_by_key(|(fi, p, _, _)| (*fi, *p));
        for (fi, _, key, value) in keyed {
            let field = FIELDS[fi].0;
            if value.is_null() || chosen.contains_key(field) {
                if !value.is_null() {
                    self.unused.entry(key).or_insert(index);
                }
                continue;
            }
            chosen.insert(field, (key, value));
        }

        let paragraphs = match chosen.remove("body") {
            None => {
                return Err(
                    "no body: none of body, text, content, paragraphs, article, story".into(),
                )
            }
            Some((key, value)) => body_paragraphs(&key, value, warnings)?,
        };
        if paragraphs.is_empty() {
            return Err("empty body".into());
        }
        let mut article = Article {
            paragraphs,
            ..Article::default()
        };
        article.id = match chosen.remove("id").and_then(|(_, v)| scalar_text(&v)) {
            Some(id) if !id.trim().is_empty() => id.trim().to_string(),
            _ if self.single => self.stem.to_string(),
            _ => {
                self.missing_ids += 1;
                format!("{}-{index}", self.stem)
            }
        };
        article.title = match chosen.remove("title").and_then(|(_, v)| text_of(&v)) {
            Some(t) if !t.trim().is_empty() => lede_text::collapse_whitespace(&decode_entities(&t)),
            _ => {
                warnings.push("no title; the start of the body is the title".into());
                title_from_body(&article.paragraphs[0])
            }
        };
        if let Some((key, v)) = chosen.remove("date") {
            match date_of(&v) {
                Some(d) => article.date = Some(d),
                None => warnings.push(format!("{key} {v} is not a date I understand; left out")),
            }
        }
        article.url = chosen.remove("url").and_then(|(_, v)| text_of(&v));
        article.byline = chosen.remove("byline").and_then(|(_, v)| text_of(&v));
        article.source = chosen.remove("source").and_then(|(_, v)| text_of(&v));
        article.editor = extra.remove("editor").and_then(|v| text_of(&v));
        article.dateline = extra.remove("dateline").and_then(|v| text_of(&v));
        if let Some(tags) = extra.remove("tags") {
            match serde_json::from_value::<BTreeMap<String, Vec<String>>>(tags.clone()) {
                Ok(t) => article.tags = t,
                Err(_) => match serde_json::from_value::<Vec<String>>(tags) {
                    Ok(list) if !list.is_empty() => {
                        article.tags.insert("topics".into(), list);
                    }
                    Ok(_) => {}
                    Err(_) => warnings.push(
                        "tags is neither a list of strings nor an object of lists; left out".into(),
                    ),
                },
            }
        }
        Ok(article)
    }
}

/// The paragraphs of a body value: a string split at line breaks (HTML broken at block
/// boundaries first), or an array of strings.
fn body_paragraphs(
    key: &str,
    value: Value,
    warnings: &mut Vec<String>,
) -> Result<Vec<String>, String> {
    let lines = |s: &str| -> Vec<String> {
        s.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    };
    match value {
        Value::String(s) if looks_like_html(&s) => {
            warnings.push(format!("{key} is HTML; the markup was removed"));
            Ok(lines(&html_to_text(&s)))
        }
        Value::String(s) => Ok(lines(&s)),
        Value::Array(items) => {
            let mut out = Vec::new();
            for (i, item) in items.into_iter().enumerate() {
                match item {
                    Value::String(s) => out.extend(lines(&s)),
                    Value::Null => {}
                    other => {
                        return Err(format!(
                            "field `{key}[{i}]`: a {}, not text",
                            kind_name(&other)
                        ))
                    }
                }
            }
            Ok(out)
        }
        other => Err(format!("field `{key}`: a {}, not text", kind_name(&other))),
    }
}

/// A string or number as text (ids).
fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Text from a string, an object with a `name`, or a list of those joined with ", ".
fn text_of(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Object(m) => m.get("name").or_else(|| m.get("title")).and_then(text_of)?,
        Value::Array(items) => items
            .iter()
            .filter_map(text_of)
            .collect::<Vec<_>>()
            .join(", "),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// A date from a string in a known shape or a Unix timestamp.
fn date_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => {
            normalise_date(s).or_else(|| s.trim().parse::<i64>().ok().and_then(from_unix_timestamp))
        }
        Value::Number(n) => n.as_i64().and_then(from_unix_timestamp),
        _ => None,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(parse: &FileParse, i: usize) -> &Article {
        parse.records[i].result.as_ref().unwrap()
    }

    #[test]
    fn jsonl_with_odd_field_names() {
        let text = concat!(
            r#"{"Headline":"Dam opens","Content":"Para one.\n\nPara two.","PublishedAt":"2024-03-05T08:00:00Z","Link":"https://x.example/1","Authors":[{"name":"A. Writer"},{"name":"B. Writer"}],"Publisher":{"name":"Coast Daily"},"uid":17,"mood":"calm"}"#,
            "\n\n",
            r#"{"headline":"No id here","text":"<p>One &amp; only.</p><p>Two</p>","date":"March 6, 2024","mood":"grim","likes":3}"#,
            "\n",
            r#"{"headline":"Broken", "text": }"#,
            "\n",
            r#"{"headline":"No body"}"#,
            "\n"
        );
        let parse = parse_json("feed", text, JsonShape::Lines, false);
        assert_eq!(parse.records.len(), 4);
        let a = ok(&parse, 0);
        assert_eq!(a.id, "17");
        assert_eq!(a.title, "Dam opens");
        assert_eq!(a.paragraphs, vec!["Para one.", "Para two."]);
        assert_eq!(a.date.as_deref(), Some("2024-03-05T08:00:00Z"));
        assert_eq!(a.url.as_deref(), Some("https://x.example/1"));
        assert_eq!(a.byline.as_deref(), Some("A. Writer, B. Writer"));
        assert_eq!(a.source.as_deref(), Some("Coast Daily"));
        let b = ok(&parse, 1);
        assert_eq!(b.id, "feed-1");
        assert_eq!(b.paragraphs, vec!["One & only.", "Two"]);
        assert_eq!(b.date.as_deref(), Some("2024-03-06"));
        assert_eq!(parse.records[1].line, Some(3));
        let broken = &parse.records[2];
        assert_eq!(broken.line, Some(4));
        assert!(broken.column.is_some());
        assert!(broken
            .result
            .as_ref()
            .unwrap_err()
            .starts_with("malformed JSON"));
        assert!(parse.records[3]
            .result
            .as_ref()
            .unwrap_err()
            .contains("no body"));
        let unused = parse
            .warnings
            .iter()
            .find(|w| w.starts_with("fields not used"))
            .unwrap();
        assert_eq!(
            unused,
            "fields not used: likes (first in record 1), mood (first in record 0)"
        );
        assert!(parse
            .warnings
            .iter()
            .any(|w| w.starts_with("1 record had no id")));
    }

    #[test]
    fn array_and_wrapped_array_with_record_offsets() {
        let text = "[\n  {\"title\": \"A\", \"body\": \"x\"},\n  {\"title\": \"B\", \"body\": \"\"},\n  7\n]";
        let parse = parse_json("f", text, JsonShape::Document, false);
        assert_eq!(parse.records.len(), 3);
        assert_eq!(parse.records[0].offset, Some(4));
        assert_eq!(parse.records[1].offset, text.find("{\"title\": \"B\""));
        assert_eq!(parse.records[2].offset, text.find('7'));
        assert_eq!(parse.records[1].result.as_ref().unwrap_err(), "empty body");
        assert!(parse.records[2]
            .result
            .as_ref()
            .unwrap_err()
            .contains("number"));

        let wrapped = r#"{"status":"ok","meta":{"articles":[1]},"articles":[{"title":"[x]","body":"a,b"},{"title":"C","body":"c"}],"more":[{"a":1}]}"#;
        let parse = parse_json("f", wrapped, JsonShape::Document, false);
        assert_eq!(parse.records.len(), 2);
        assert_eq!(parse.records[0].offset, wrapped.find(r#"{"title":"[x]""#));
        assert_eq!(parse.records[1].offset, wrapped.find(r#"{"title":"C""#));
        assert!(
            parse
                .warnings
                .contains(&"top-level fields not used: meta, more, status".to_string()),
            "{:?}",
            parse.warnings
        );
    }

    #[test]
    fn malformed_json_names_line_and_column() {
        let parse = parse_json(
            "f",
            "[\n {\"title\": \"A\",\n  \"body\" \"x\"}\n]",
            JsonShape::Document,
            false,
        );
        assert_eq!(parse.records.len(), 1);
        let r = &parse.records[0];
        assert_eq!(r.index, None);
        assert_eq!(r.line, Some(3));
        assert_eq!(r.column, Some(10));
        assert!(r
            .result
            .as_ref()
            .unwrap_err()
            .starts_with("malformed JSON: expected `:`"));
    }

    #[test]
    fn lede_corpus_passes_through_and_reannotate_drops_quotes() {
        let corpus = r#"{"format":"lede-corpus","version":1,"articles":[
            {"id":"a1","title":"T","paragraphs":["He said \"yes\" today."],
             "quotes":[{"paragraph":0,"start":9,"end":12,"text":"yes"}],
             "tags":{"places":["velmora"]}},
            {"id":"a2","title":"T","paragraphs":["x"],"quotes":[{"paragraph":0,"start":0,"end":5,"text":"xxxxx"}]}
        ]}"#;
        let parse = parse_json("c", corpus, JsonShape::Document, false);
        assert!(parse.records[0].passthrough);
        let a = ok(&parse, 0);
        assert_eq!(a.quotes.len(), 1);
        assert_eq!(a.tags["places"], vec!["velmora"]);
        let bad = parse.records[1].result.as_ref().unwrap_err();
        assert!(bad.contains("quotes[0]"), "{bad}");
        let again = parse_json("c", corpus, JsonShape::Document, true);
        assert!(ok(&again, 0).quotes.is_empty());
        assert!(
            again.records[1].result.is_ok(),
            "bad quotes are dropped, not checked"
        );
    }

    #[test]
    fn jsonl_in_a_json_file_is_read_as_lines() {
        let text = "{\"title\":\"A\",\"body\":\"x\"}\n{\"title\":\"B\",\"body\":\"y\"}\n";
        let parse = parse_json("f", text, JsonShape::Document, false);
        assert_eq!(parse.records.len(), 2);
        assert!(parse.warnings.iter().any(|w| w.contains("JSON Lines")));
        assert_eq!(ok(&parse, 1).title, "B");
    }

    #[test]
    fn a_single_article_object() {
        let parse = parse_json(
            "solo",
            "{\"headline\":\"Solo\",\"story\":[\"p1\",\"p2\"]}",
            JsonShape::Document,
            false,
        );
        let a = ok(&parse, 0);
        assert_eq!(a.id, "solo");
        assert_eq!(a.paragraphs, vec!["p1", "p2"]);
        let parse = parse_json("x", "{\"what\": 1}", JsonShape::Document, false);
        assert!(parse.records[0]
            .result
            .as_ref()
            .unwrap_err()
            .contains("no array of articles"));
    }
}
