//! A minimal Reuters-21578 SGML reader for the search benchmark and the relevance example (so
//! they do not depend on lede-ingest): the TITLE, BODY and DATE of each `<REUTERS>` record with
//! a body, entities decoded, files read as UTF-8 or else Latin-1.

use std::path::Path;

use lede_corpus::{Article, Corpus};

/// Decodes `&lt;`, `&gt;`, `&amp;`, `&quot;` and `&#N;`; control characters are dropped.
pub fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest[..rest.len().min(12)].find(';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let c = match name {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            _ => name
                .strip_prefix('#')
                .and_then(|n| n.parse::<u32>().ok())
                .and_then(char::from_u32),
        };
        match c {
            Some(c) if !c.is_control() || c == '\n' => out.push(c),
            Some(_) => {}
            None => out.push_str(&rest[..=end]),
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out.chars()
        .filter(|&c| !c.is_control() || c == '\n')
        .collect()
}

fn element<'a>(rec: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}");
    let start = rec.find(&open)?;
    let body_start = start + rec[start..].find('>')? + 1;
    let end = body_start + rec[body_start..].find(&format!("</{tag}>"))?;
    Some(&rec[body_start..end])
}

fn month(m: &str) -> Option<u32> {
    let months = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ];
    months
        .iter()
        .position(|x| x.eq_ignore_ascii_case(m))
        .map(|i| i as u32 + 1)
}

/// `26-FEB-1987 15:01:01.79` -> `1987-02-26`.
fn iso_date(raw: &str) -> Option<String> {
    let day_part = raw.split_whitespace().next()?;
    let mut it = day_part.split('-');
    let d: u32 = it.next()?.parse().ok()?;
    let m = month(it.next()?)?;
    let y: u32 = it.next()?.parse().ok()?;
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Paragraphs of a body: a new paragraph starts at an indented or blank line; the `Reuter`
/// sign-off is dropped.
fn paragraphs(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for line in body.lines() {
        let t = line.trim();
        if (t.is_empty() || line.starts_with(char::is_whitespace)) && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        if t.is_empty() {
            continue;
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(t);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    if let Some(last) = out.last_mut() {
        let lower = last.to_ascii_lowercase();
        if lower == "reuter" || lower == "reuters" {
            out.pop();
        } else if let Some(cut) = lower.strip_suffix(" reuter") {
            last.truncate(cut.len());
        }
    }
    out
}

/// Reads every `reut2-*.sgm` in `dir` into a corpus of the records that have a body, in file
/// order.
pub fn load(dir: &Path) -> Corpus {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("the Reuters folder is readable")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "sgm"))
        .collect();
    files.sort();
    let mut articles = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f).expect("readable SGML");
        let text = match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
        };
        for rec in text.split("<REUTERS").skip(1) {
            let Some(body) = element(rec, "BODY") else {
                continue;
            };
            let newid = rec
                .split("NEWID=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap_or("0");
            let title = element(rec, "TITLE")
                .map(|t| lede_text::collapse_whitespace(&decode(t)))
                .unwrap_or_default();
            let paragraphs = paragraphs(&decode(body));
            if paragraphs.is_empty() {
                continue;
            }
            articles.push(Article {
                id: format!("reuters-{newid}"),
                title,
                date: element(rec, "DATE").and_then(|d| iso_date(&decode(d))),
                source: Some("Reuters".into()),
                paragraphs,
                ..Article::default()
            });
        }
    }
    Corpus::new(articles)
}

/// Bytes of text a corpus holds: titles and paragraphs.
pub fn text_bytes(corpus: &Corpus) -> usize {
    corpus
        .articles
        .iter()
        .map(|a| a.title.len() + a.paragraphs.iter().map(String::len).sum::<usize>())
        .sum()
}
