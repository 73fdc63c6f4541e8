//! JSON and JSONL article files: an array of article objects, an object holding one
//! (`{"articles": [...]}`, also `items`, `data`, `results`, …), a single article object, or one
//! object per line. Common field names are mapped (`headline` → title, `content` → body,
//! `published_at` → date, …); fields that are not used are reported once per file. A file already
//! in Lede's corpus format passes through, validated by the corpus loader.

mod errors;
mod fields;
mod passthrough;
mod read;

use std::collections::BTreeMap;

use serde_json::Value;

use crate::{FileParse, Record};

use self::errors::{kind_name, malformed_json};
use self::read::{looks_like_jsonl, parse_document, parse_lines};

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
    /// The file is a Lede corpus marked as annotated by both extractors (`annotated`).
    file_annotated: bool,
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
        file_annotated: false,
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
            Err(e) => FileParse::rejected_at(malformed_json(&e), e.line(), e.column()),
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

impl Mapper<'_> {
    /// Maps one record (numbered `index` in its file): the article or why not, its warnings,
    /// and whether it passed through in Lede's format with its annotations.
    fn record(&mut self, value: Value, index: usize) -> Record {
        let marked = self.file_annotated;
        let (result, warnings, passthrough) = match value {
            Value::Object(mut map) if self.file_is_lede || passthrough::is_lede_shaped(&map) => {
                let mut warnings: Vec<String> = crate::dates::drop_impossible_date(&mut map)
                    .into_iter()
                    .collect();
                let result = self.pass_through(map, index, &mut warnings);
                // Kept as it came only when annotated: the file says both extractors ran, or
                // the article carries quotes or entities; a bare one is annotated here.
                let annotated = self.file_annotated
                    || result
                        .as_ref()
                        .is_ok_and(|a| !a.quotes.is_empty() || !a.entities.is_empty());
                (result, warnings, annotated)
            }
            Value::Object(map) => {
                let mut warnings = Vec::new();
                let result = self.map_fields(map, index, &mut warnings);
                (result, warnings, false)
            }
            other => (
                Err(format!(
                    "record {index} is a JSON {}, not an article object",
                    kind_name(&other)
                )),
                Vec::new(),
                false,
            ),
        };
        Record {
            index: Some(index),
            marked: passthrough && marked,
            result,
            warnings,
            passthrough,
            ..Record::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use lede_corpus::Article;

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

    #[test]
    fn a_title_that_is_not_text_is_rejected_in_json_and_jsonl_alike() {
        let line = r#"{"title": 42, "body": "Text.", "id": "n"}"#;
        let lines = parse_json("f", &format!("{line}\n{line}\n"), JsonShape::Lines, false);
        let doc = parse_json("f", &format!("[{line}]"), JsonShape::Document, false);
        for parse in [&lines, &doc] {
            let err = parse.records[0].result.as_ref().unwrap_err();
            assert_eq!(err, "field `title`: a number (42), not text");
        }
        let listed = parse_json(
            "f",
            r#"[{"headline": ["A", "B"], "body": "Text."}]"#,
            JsonShape::Document,
            false,
        );
        assert!(listed.records[0]
            .result
            .as_ref()
            .unwrap_err()
            .contains("field `headline`: an array"));
    }

    #[test]
    fn a_blank_title_is_taken_from_the_text_with_a_warning() {
        let mapped = parse_json(
            "f",
            r#"[{"title": "  ", "body": "Rain fell all week on the coast."}]"#,
            JsonShape::Document,
            false,
        );
        let lede = parse_json(
            "f",
            r#"{"format": "lede-corpus", "articles": [{"id": "a", "title": "", "paragraphs": ["Rain fell all week on the coast."]}]}"#,
            JsonShape::Document,
            false,
        );
        for parse in [&mapped, &lede] {
            let record = &parse.records[0];
            assert_eq!(
                record.result.as_ref().unwrap().title,
                "Rain fell all week on the coast."
            );
            assert!(
                record.warnings.iter().any(|w| w.contains("title is blank")),
                "{:?}",
                record.warnings
            );
        }
    }
}
