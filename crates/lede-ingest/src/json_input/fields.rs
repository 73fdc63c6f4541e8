//! Mapping a record's fields onto an article: common field names (`headline` → title,
//! `content` → body, `published_at` → date, …), folded for matching, and the values they hold
//! (text, lists, objects with a `name`, dates and Unix timestamps).

use std::collections::BTreeMap;

use lede_corpus::Article;
use serde_json::{Map, Value};

use crate::dates::{from_unix_timestamp, normalise_date};
use crate::markup::{decode_entities, html_to_text, looks_like_html};
use crate::reuters::title_from_body;

use super::errors::kind_name;
use super::Mapper;

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

/// True when an object has at least a title or a body under a known name.
pub(super) fn has_any_field(map: &Map<String, Value>) -> bool {
    map.keys().any(|k| {
        let f = fold_key(k);
        FIELDS[1].1.contains(&f.as_str()) || FIELDS[2].1.contains(&f.as_str())
    })
}

/// A field name folded for matching: lowercase ASCII, without `_`, `-` and spaces.
fn fold_key(k: &str) -> String {
    k.chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

impl Mapper<'_> {
    /// Maps common field names onto an article.
    pub(super) fn map_fields(
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
            paragraphs: paragraphs.into(),
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
        // A title is text: a number or a list there is a mistake in the record, rejected as
        // the corpus loader rejects it in a Lede-format record.
        let title = match chosen.remove("title") {
            Some((_, Value::String(t))) => Some(t),
            Some((key, other)) => {
                let kind = kind_name(&other);
                let a = if kind.starts_with(['a', 'o']) {
                    "an"
                } else {
                    "a"
                };
                return Err(format!(
                    "field `{key}`: {a} {kind} ({}), not text",
                    short(&other)
                ));
            }
            None => None,
        };
        article.title = match title {
            Some(t) if !t.trim().is_empty() => lede_text::collapse_whitespace(&decode_entities(&t)),
            Some(_) => {
                warnings.push(super::passthrough::BLANK_TITLE.into());
                title_from_body(&article.paragraphs[0])
            }
            None => {
                warnings.push("no title; the start of the body is the title".into());
                title_from_body(&article.paragraphs[0])
            }
        };
        if let Some((key, v)) = chosen.remove("date") {
            match date_of(&v) {
                Some(d) => article.date = Some(d.into()),
                None => warnings.push(format!("{key} {v} is not a date I understand; left out")),
            }
        }
        article.url = chosen
            .remove("url")
            .and_then(|(_, v)| text_of(&v))
            .map(Into::into);
        article.byline = chosen
            .remove("byline")
            .and_then(|(_, v)| text_of(&v))
            .map(Into::into);
        article.source = chosen
            .remove("source")
            .and_then(|(_, v)| text_of(&v))
            .map(Into::into);
        article.editor = extra
            .remove("editor")
            .and_then(|v| text_of(&v))
            .map(Into::into);
        article.dateline = extra
            .remove("dateline")
            .and_then(|v| text_of(&v))
            .map(Into::into);
        if let Some(tags) = extra.remove("tags") {
            match serde_json::from_value::<lede_corpus::Tags>(tags.clone()) {
                Ok(t) => article.tags = t,
                Err(_) => match serde_json::from_value::<Vec<String>>(tags) {
                    Ok(list) if !list.is_empty() => {
                        article.tags.insert("topics", list);
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
    let lines = |s: &str| -> Vec<String> { lede_text::paragraphs(s).map(str::to_string).collect() };
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

/// A JSON value as written, cut to 40 chars, for messages.
fn short(v: &Value) -> String {
    let text = v.to_string();
    match text.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn keys_fold_and_values_become_text() {
        assert_eq!(fold_key("Published_At"), "publishedat");
        assert_eq!(fold_key("article-body text"), "articlebodytext");
        assert!(has_any_field(
            &json!({"Head-line": "x"}).as_object().unwrap().clone()
        ));
        assert!(!has_any_field(
            &json!({"likes": 3}).as_object().unwrap().clone()
        ));
        assert_eq!(
            text_of(&json!([{"name": "A"}, "B", {"title": "C"}])).as_deref(),
            Some("A, B, C")
        );
        assert_eq!(text_of(&json!("  ")), None);
        assert_eq!(scalar_text(&json!(17)).as_deref(), Some("17"));
        assert_eq!(scalar_text(&json!(true)), None);
    }
}
