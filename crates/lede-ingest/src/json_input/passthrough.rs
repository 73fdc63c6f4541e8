//! Records already in Lede's corpus format: recognised by their fields, validated by the corpus
//! loader, their quotes and entities kept (or dropped to be extracted again).

use lede_corpus::{Article, Corpus, ErrorLocation};
use serde_json::{Map, Value};

use super::Mapper;
use crate::reuters::title_from_body;

/// The warning for a record whose title is blank.
pub(super) const BLANK_TITLE: &str =
    "the title is blank; the first words of the text are the title";

/// The first non-blank paragraph of a Lede record (`paragraphs` or `body`).
fn first_paragraph(map: &Map<String, Value>) -> Option<String> {
    let from_list = map
        .get("paragraphs")
        .and_then(Value::as_array)
        .and_then(|ps| {
            ps.iter()
                .filter_map(Value::as_str)
                .find(|p| !p.trim().is_empty())
        });
    let from_body = || {
        map.get("body")
            .and_then(Value::as_str)
            .and_then(|b| lede_text::paragraphs(b).next())
    };
    from_list.or_else(from_body).map(str::to_string)
}

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

/// True when a record has a Lede article's required fields (`id`, `title`, `paragraphs`) and no
/// field a Lede article cannot carry.
pub(super) fn is_lede_shaped(map: &Map<String, Value>) -> bool {
    map.contains_key("id")
        && map.contains_key("title")
        && map.contains_key("paragraphs")
        && map.keys().all(|k| LEDE_FIELDS.contains(&k.as_str()))
}

impl Mapper<'_> {
    /// A record already in Lede's format: validated by the corpus loader, quotes and entities
    /// dropped first when they are to be extracted again. Fields a Lede article cannot carry
    /// are noted as unused.
    pub(super) fn pass_through(
        &mut self,
        mut map: Map<String, Value>,
        index: usize,
        warnings: &mut Vec<String>,
    ) -> Result<Article, String> {
        for k in map.keys() {
            if !LEDE_FIELDS.contains(&k.as_str()) {
                self.unused.entry(k.clone()).or_insert(index);
            }
        }
        // A blank title would be an empty link: the first words of the text stand in.
        let blank = match map.get("title") {
            Some(Value::String(t)) => t.trim().is_empty(),
            _ => false,
        };
        if blank {
            if let Some(first) = first_paragraph(&map) {
                map.insert("title".into(), Value::String(title_from_body(&first)));
                warnings.push(BLANK_TITLE.into());
            }
        }
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(json: &str) -> Map<String, Value> {
        match serde_json::from_str(json).unwrap() {
            Value::Object(map) => map,
            other => panic!("not an object: {other}"),
        }
    }

    #[test]
    fn lede_shaped_needs_the_required_fields_and_nothing_else() {
        assert!(is_lede_shaped(&object(
            r#"{"id":"a","title":"T","paragraphs":["p"],"quotes":[]}"#
        )));
        assert!(!is_lede_shaped(&object(
            r#"{"id":"a","title":"T","body":"p"}"#
        )));
        assert!(!is_lede_shaped(&object(
            r#"{"id":"a","title":"T","paragraphs":["p"],"likes":3}"#
        )));
    }
}
