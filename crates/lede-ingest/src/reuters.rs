//! Reuters-21578 SGML (`reut2-NNN.sgm`): one `<REUTERS>` story per record. `NEWID` gives the id
//! `reuters-<NEWID>`; `TITLE`, `DATE` (to ISO), `DATELINE`, `AUTHOR` and `BODY` fill the article;
//! `TOPICS`, `PLACES`, `PEOPLE`, `ORGS` and `EXCHANGES` become tags. Stories without a `BODY`
//! (title-only briefs, unprocessed tables) and truncated records are rejected with their reason.

use std::sync::LazyLock;

use lede_corpus::Article;
use lede_text::{collapse_whitespace, title_case};
use regex::Regex;

use crate::dates::{month_number, normalise_date};
use crate::markup::decode_entities;
use crate::{FileParse, Record};

/// The date-time at the start of a `<DATE>` (`26-FEB-1987 15:01:01.79`).
static REUTERS_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d{1,2}-[A-Za-z]{3}-\d{4}\s+\d{1,2}:\d{2}:\d{2}(?:\.\d{1,9})?")
        .expect("valid regex")
});

/// The day at the start of a `<DATE>` (`26-FEB-1987`).
static REUTERS_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{1,2}-[A-Za-z]{3}-\d{4}").expect("valid regex"));

/// `PLACE[, REGION], Month Day -` and what follows the separator.
static DATELINE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)^(?P<head>.*?\d{1,2})\s*-{1,2}(?P<spill>.*)$").expect("valid regex")
});

/// A `Reuter` sign-off at the very end of the last paragraph.
static INLINE_SIGN_OFF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|\s)reuter\b[.\s]*$").expect("valid regex"));

/// The tag elements kept, with the key each gets in `Article::tags`.
const TAG_ELEMENTS: [(&str, &str); 5] = [
    ("TOPICS", "topics"),
    ("PLACES", "places"),
    ("PEOPLE", "people"),
    ("ORGS", "orgs"),
    ("EXCHANGES", "exchanges"),
];

/// True when `text` looks like Reuters-21578 SGML (has a `<REUTERS` record start).
pub fn looks_like_sgml(text: &str) -> bool {
    record_starts(text).next().is_some()
}

/// Byte offsets of every `<REUTERS` start tag.
fn record_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.match_indices("<REUTERS")
        .filter_map(|(i, m)| match text[i + m.len()..].bytes().next() {
            Some(b) if b == b'>' || b.is_ascii_whitespace() => Some(i),
            _ => None,
        })
}

/// Parses a whole SGML file: one [`Record`] per `<REUTERS>` start tag, in file order, each with
/// its byte offset in `text` and its index in the file.
pub fn parse_sgml(text: &str) -> FileParse {
    let starts: Vec<usize> = record_starts(text).collect();
    if starts.is_empty() {
        return FileParse::rejected("no <REUTERS> records: not Reuters-21578 SGML".into());
    }
    let mut parse = FileParse::default();
    for (index, &start) in starts.iter().enumerate() {
        let limit = starts.get(index + 1).copied().unwrap_or(text.len());
        let chunk = &text[start..limit];
        let mut warnings = Vec::new();
        let result = match chunk.find("</REUTERS>") {
            Some(end) => parse_record(&chunk[..end], &mut warnings),
            None => Err(format!(
                "truncated SGML: <REUTERS> without </REUTERS> before {}",
                if index + 1 < starts.len() {
                    "the next record"
                } else {
                    "the end of the file"
                }
            )),
        };
        parse.records.push(Record {
            index: Some(index),
            offset: Some(start),
            result,
            warnings,
            ..Record::default()
        });
    }
    parse
}

/// Parses one record (from `<REUTERS` up to, not including, `</REUTERS>`).
fn parse_record(rec: &str, warnings: &mut Vec<String>) -> Result<Article, String> {
    let open_end = rec
        .find('>')
        .ok_or("truncated SGML: the <REUTERS start tag is not closed")?;
    let newid = attribute(&rec[..open_end], "NEWID").ok_or("no NEWID attribute")?;
    if newid.is_empty() || !newid.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("NEWID \"{newid}\" is not a number"));
    }
    let id = format!("reuters-{newid}");
    let (text_attrs, text) = element(rec, "TEXT")?.ok_or("no <TEXT> element")?;
    let kind = attribute(text_attrs, "TYPE");
    let Some((_, body)) = element(text, "BODY")? else {
        return Err(match kind {
            Some("BRIEF") => "no <BODY>: a title-only brief (TEXT TYPE=\"BRIEF\")".into(),
            Some("UNPROC") => "no <BODY>: unprocessed text (TEXT TYPE=\"UNPROC\")".into(),
            _ => "no <BODY> in <TEXT>".into(),
        });
    };
    let dateline = match element(text, "DATELINE")? {
        Some((_, d)) => split_dateline(&decode_entities(d)),
        None => (None, String::new()),
    };
    let mut paragraphs = body_paragraphs(body);
    if !dateline.1.is_empty() {
        // The wire sometimes ran the first words of the story into the dateline.
        match paragraphs.first_mut() {
            Some(first) => *first = join_wrapped(&dateline.1, first),
            None => paragraphs.push(dateline.1.clone()),
        }
    }
    if paragraphs.is_empty() {
        return Err("empty body".into());
    }
    let mut article = Article {
        id,
        source: Some("Reuters".into()),
        dateline: dateline.0.map(Into::into),
        paragraphs: paragraphs.into(),
        ..Article::default()
    };
    match element(text, "TITLE")? {
        Some((_, t)) if !t.trim().is_empty() => {
            article.title = collapse_whitespace(&decode_entities(t));
        }
        _ => {
            warnings.push("no <TITLE>; the start of the body is the title".into());
            article.title = title_from_body(&article.paragraphs[0]);
        }
    }
    if let Some((_, raw)) = element(rec, "DATE")? {
        let raw = decode_entities(raw);
        // Some dates carry wire codes or a comment after the time (`00:02:59.13RM`).
        let date_part = REUTERS_DATE.find(&raw).map_or(raw.trim(), |m| m.as_str());
        let day_only = || {
            let day = REUTERS_DAY.find(&raw)?;
            normalise_date(day.as_str())
        };
        match normalise_date(date_part) {
            Some(d) => article.date = Some(d.into()),
            None => match day_only() {
                Some(d) => {
                    warnings.push(format!(
                        "the time in DATE \"{}\" not understood; only the day kept",
                        collapse_whitespace(&raw)
                    ));
                    article.date = Some(d.into());
                }
                None => warnings.push(format!(
                    "DATE \"{}\" not understood; left out",
                    collapse_whitespace(&raw)
                )),
            },
        }
    }
    if let Some((_, a)) = element(text, "AUTHOR")? {
        article.byline = byline(&decode_entities(a)).map(Into::into);
    }
    for (tag, key) in TAG_ELEMENTS {
        if let Some((_, list)) = element(rec, tag)? {
            let values = d_values(list)?;
            if !values.is_empty() {
                article.tags.insert(key.to_string(), values);
            }
        }
    }
    Ok(article)
}

/// The value of `name="…"` in a start tag's attributes.
fn attribute<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(pos) = attrs[from..].find(name) {
        let at = from + pos;
        let before_ok = at == 0 || attrs.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = attrs[at + name.len()..].trim_start();
        if before_ok {
            if let Some(value) = rest.strip_prefix('=').map(str::trim_start) {
                if let Some(v) = value.strip_prefix('"') {
                    return v.find('"').map(|end| &v[..end]);
                }
                let end = value
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(value.len());
                return Some(&value[..end]);
            }
        }
        from = at + name.len();
    }
    None
}

/// The first `<TAG …>…</TAG>` in `s` as (attributes, content); `Ok(None)` when there is no such
/// start tag and an error when it is not closed.
fn element<'a>(s: &'a str, tag: &str) -> Result<Option<(&'a str, &'a str)>, String> {
    let open = format!("<{tag}");
    let mut from = 0;
    let start = loop {
        let Some(pos) = s[from..].find(&open) else {
            return Ok(None);
        };
        let at = from + pos;
        match s.as_bytes().get(at + open.len()) {
            Some(b'>') => break at,
            Some(b) if b.is_ascii_whitespace() => break at,
            _ => from = at + open.len(),
        }
    };
    let after_name = start + open.len();
    let gt = s[after_name..]
        .find('>')
        .ok_or_else(|| format!("truncated SGML: the <{tag} start tag is not closed"))?;
    let attrs = &s[after_name..after_name + gt];
    let content_start = after_name + gt + 1;
    let close = format!("</{tag}>");
    let end = s[content_start..]
        .find(&close)
        .ok_or_else(|| format!("truncated SGML: <{tag}> without </{tag}>"))?;
    Ok(Some((attrs, &s[content_start..content_start + end])))
}

/// The `<D>…</D>` values of a tag list, decoded.
fn d_values(list: &str) -> Result<Vec<String>, String> {
    let mut values = Vec::new();
    let mut rest = list;
    while let Some((_, v)) = element(rest, "D")? {
        let value = collapse_whitespace(&decode_entities(v));
        if !value.is_empty() {
            values.push(value);
        }
        // `v` is a sub-slice of `rest`: continue after its `</D>`.
        let consumed = v.as_ptr() as usize - rest.as_ptr() as usize + v.len() + "</D>".len();
        rest = &rest[consumed..];
    }
    Ok(values)
}

/// Splits a Reuters body into paragraphs: an indented line or a blank line starts a new one,
/// wrapped lines are joined with one space, and the closing `Reuter` sign-off is dropped.
fn body_paragraphs(raw: &str) -> Vec<String> {
    let text = decode_entities(raw);
    let mut lines: Vec<&str> = text.lines().collect();
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    if lines.last().is_some_and(|l| is_sign_off(l.trim())) {
        lines.pop();
    }
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in lines {
        let trimmed = line.trim();
        let new_paragraph = trimmed.is_empty() || line.starts_with(char::is_whitespace);
        if new_paragraph && !current.is_empty() {
            paragraphs.push(std::mem::take(&mut current));
        }
        if trimmed.is_empty() {
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(trimmed);
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    // A sign-off run into the last line (`… techniques. REUTER`, `REUTER...`).
    if let Some(last) = paragraphs.last_mut() {
        if let Some(m) = INLINE_SIGN_OFF.find(last) {
            last.truncate(m.start());
            let kept = last.trim_end().len();
            last.truncate(kept);
            if last.is_empty() {
                paragraphs.pop();
            }
        }
    }
    paragraphs
}

/// Joins text cut at a line end to what follows: no space after a word-breaking hyphen
/// (`anti-` + `inflation`), one space otherwise.
fn join_wrapped(before: &str, after: &str) -> String {
    let before = before.trim_end();
    let mut chars = before.chars().rev();
    let hyphenated = chars.next() == Some('-') && chars.next().is_some_and(char::is_alphanumeric);
    if hyphenated {
        format!("{before}{after}")
    } else {
        format!("{before} {after}")
    }
}

/// Splits a dateline into its place (`    SALVADOR, Feb 26 - ` → `Salvador`, title-cased) and
/// any story text the wire ran into it after the date.
fn split_dateline(raw: &str) -> (Option<String>, String) {
    let raw = raw.trim();
    match DATELINE_DATE.captures(raw) {
        Some(c) => (
            dateline_place(&c["head"]),
            collapse_whitespace(c.name("spill").map_or("", |m| m.as_str())),
        ),
        None => (dateline_place(raw), String::new()),
    }
}

/// `Reuter`, `REUTER`, `Reuters`: the wire's sign-off line.
fn is_sign_off(line: &str) -> bool {
    line.eq_ignore_ascii_case("reuter") || line.eq_ignore_ascii_case("reuters")
}

/// The place of a dateline (`    SALVADOR, Feb 26 - ` → `Salvador`), title-cased; `None` when
/// there is no place (only a date, or nothing that reads as a name).
fn dateline_place(raw: &str) -> Option<String> {
    let s = raw.trim().trim_end_matches(['-', '–', '—', ' ']).trim();
    let place = s.split(',').next().unwrap_or("").trim();
    let place = place.trim_end_matches(['.', ' ']);
    if !place.starts_with(char::is_alphabetic)
        || place.chars().count() > 40
        || !place.chars().any(char::is_alphabetic)
        || !place
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '/'))
        || place
            .split_whitespace()
            .next()
            .and_then(month_number)
            .is_some()
            && place.split_whitespace().count() == 1
    {
        return None;
    }
    Some(title_case(&collapse_whitespace(&place.to_uppercase())))
}

/// `    by Janie Gabbett, Reuters` → `Janie Gabbett`.
fn byline(raw: &str) -> Option<String> {
    let s = collapse_whitespace(raw);
    let s = s
        .strip_prefix("by ")
        .or_else(|| s.strip_prefix("By "))
        .or_else(|| s.strip_prefix("BY "))
        .unwrap_or(&s);
    let s = s
        .strip_suffix(", Reuters")
        .or_else(|| s.strip_suffix(", Reuter"))
        .unwrap_or(s)
        .trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// A title made from the first words of a paragraph (at most ten words).
pub fn title_from_body(paragraph: &str) -> String {
    let words: Vec<&str> = paragraph.split_whitespace().take(10).collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A made-up story in the Reuters-21578 shape (not from the collection).
    const STORY: &str = r#"<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="9001" NEWID="77">
<DATE> 3-MAR-1987 09:14:22.05</DATE>
<TOPICS><D>grain</D><D>wheat</D></TOPICS>
<PLACES><D>ruritania</D><D>usa</D></PLACES>
<PEOPLE><D>ostrova</D></PEOPLE>
<ORGS></ORGS>
<EXCHANGES></EXCHANGES>
<COMPANIES></COMPANIES>
<UNKNOWN> 
&#5;&#5;&#5;C
&#22;&#22;&#1;f0001&#31;reute
r f BC-RURITANIA-WHEAT   03-03 0071</UNKNOWN>
<TEXT>&#2;
<TITLE>RURITANIA WHEAT &lt;RWC> SALES UP</TITLE>
<AUTHOR>    by Ana Lopez, Reuters</AUTHOR>
<DATELINE>    NEW STRELSAU, March 3 - </DATELINE><BODY>Ruritania sold 1.2 mln tonnes of
wheat in February, up from 0.9 mln, the Grain Board &amp; Co said.
    "Demand is steady," board chairman Ostrova said.
    Shipments resume next week.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="9002" NEWID="78">
<DATE> 3-MAR-1987 09:15:00.00</DATE>
<TOPICS></TOPICS>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>RURITANIA CUTS RATES
</TITLE>Blah blah blah.
&#3;

</TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="79">
<DATE> 3-MAR-1987 09:16:00.00</DATE>
<TEXT>&#2;
<TITLE>CUT OFF</TITLE>
<BODY>The wire dropped
"#;

    #[test]
    fn a_story_becomes_an_article_with_tags() {
        let parse = parse_sgml(STORY);
        assert_eq!(parse.records.len(), 3);
        let r = &parse.records[0];
        assert_eq!(r.index, Some(0));
        assert_eq!(r.offset, STORY.find("<REUTERS "));
        let a = r.result.as_ref().unwrap();
        assert_eq!(a.id, "reuters-77");
        assert_eq!(a.title, "RURITANIA WHEAT <RWC> SALES UP");
        assert_eq!(a.date.as_deref(), Some("1987-03-03T09:14:22.05"));
        assert_eq!(a.dateline.as_deref(), Some("New Strelsau"));
        assert_eq!(a.byline.as_deref(), Some("Ana Lopez"));
        assert_eq!(a.source.as_deref(), Some("Reuters"));
        assert_eq!(
            a.paragraphs,
            vec![
                "Ruritania sold 1.2 mln tonnes of wheat in February, up from 0.9 mln, the Grain \
                 Board & Co said.",
                "\"Demand is steady,\" board chairman Ostrova said.",
                "Shipments resume next week.",
            ]
        );
        let t = &a.tags;
        assert_eq!(t["topics"], vec!["grain", "wheat"]);
        assert_eq!(t["places"], vec!["ruritania", "usa"]);
        assert_eq!(t["people"], vec!["ostrova"]);
        assert!(!t.contains_key("orgs"), "empty lists are left out");
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    #[test]
    fn spilled_datelines_inline_sign_offs_and_coded_dates() {
        let story = "<REUTERS NEWID=\"5\"><DATE>27-MAR-1987 00:02:59.13RM</DATE>\n\
            <TEXT><TITLE>X</TITLE><DATELINE>    RUSTAVA, March 27 - Grain anti- </DATELINE>\
            <BODY>dumping duties rose.\n    Traders expect more. REUTER\n&#3;</BODY></TEXT>\n\
            </REUTERS>";
        let parse = parse_sgml(story);
        let r = &parse.records[0];
        let a = r.result.as_ref().unwrap();
        assert_eq!(a.date.as_deref(), Some("1987-03-27T00:02:59.13"));
        assert_eq!(a.dateline.as_deref(), Some("Rustava"));
        assert_eq!(
            a.paragraphs,
            vec!["Grain anti-dumping duties rose.", "Traders expect more."]
        );
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    #[test]
    fn briefs_and_truncated_records_are_rejected_with_reasons() {
        let parse = parse_sgml(STORY);
        let brief = parse.records[1].result.as_ref().unwrap_err();
        assert!(
            brief.contains("no <BODY>") && brief.contains("BRIEF"),
            "{brief}"
        );
        let cut = parse.records[2].result.as_ref().unwrap_err();
        assert!(
            cut.contains("truncated") && cut.contains("end of the file"),
            "{cut}"
        );
        assert_eq!(parse.records[2].index, Some(2));
    }

    #[test]
    fn datelines_and_bylines() {
        assert_eq!(
            dateline_place("    SALVADOR, Feb 26 - ").as_deref(),
            Some("Salvador")
        );
        assert_eq!(
            dateline_place("    sioux city, april  - ").as_deref(),
            Some("Sioux City")
        );
        assert_eq!(
            dateline_place("  WINSTON-SALEM, N.C., April 2 - ").as_deref(),
            Some("Winston-Salem")
        );
        assert_eq!(dateline_place("   April   - "), None);
        assert_eq!(dateline_place("    ----UNLEADED GAS -\n      "), None);
        assert_eq!(
            split_dateline("    RUSTAVA, May 2 - The board's \"new\" anti- "),
            (
                Some("Rustava".to_string()),
                "The board's \"new\" anti-".to_string()
            )
        );
        assert_eq!(
            split_dateline("  OSTRAVEL, April 1- "),
            (Some("Ostravel".to_string()), String::new())
        );
        assert_eq!(
            join_wrapped("anti-", "inflation plan"),
            "anti-inflation plan"
        );
        assert_eq!(join_wrapped("items -", "133 mln"), "items - 133 mln");
        assert_eq!(dateline_place(" Jun  ---  ---  "), None);
        assert_eq!(byline("  By Jo Ng, Reuter").as_deref(), Some("Jo Ng"));
        assert_eq!(byline("   "), None);
    }

    #[test]
    fn a_file_without_records_is_rejected() {
        let parse = parse_sgml("<html>not a wire file</html>");
        assert_eq!(parse.records.len(), 1);
        assert!(parse.records[0]
            .result
            .as_ref()
            .unwrap_err()
            .contains("no <REUTERS> records"));
    }
}
