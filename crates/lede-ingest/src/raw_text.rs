//! Parser for raw scraped article text: masthead (editor, date), doubled headline, dateline,
//! body paragraphs and trailing source tag.

use std::sync::LazyLock;

use lede_corpus::{Article, Date};
use lede_text::{collapse_whitespace, title_case};
use regex::Regex;

/// `Editor in Chief: NAME Monday, July 1st, 2024`.
static MASTHEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*editor[- ]in[- ]chief\s*:\s*(?P<editor>.+?)\s*,?\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\s*$",
    )
    .expect("valid regex")
});

/// `KABUL - `, `KABUL (Reuters) - `, `WASHINGTON, May 3 - `, with -, – or —.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?P<place>\p{Lu}[\p{Lu}\p{M} .'’/-]*\p{Lu})(?:\s*,\s*(?P<region>\p{Lu}[\p{L} .]*?))?(?:\s*,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?(?:\s*\((?P<wire>[^)]{1,40})\))?\s*(?:-{1,2}|–|—)\s*",
    )
    .expect("valid regex")
});

/// A trailing `(ATN)` source tag after the last sentence.
static SOURCE_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?P<before>[.!?"”’')\]])\s*\((?P<tag>[\p{L}][\p{L}\p{N} .&'-]{0,38}[\p{L}\p{N}.])\)\s*$"#)
        .expect("valid regex")
});

/// Something a raw file lacked, reported as a warning (the article still ingests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// No `Editor in Chief: … <date>` line.
    Masthead,
    /// A masthead whose date names no real day (`February 30th`); the date is left out.
    MastheadDate,
    /// No `CITY -` at the start of the first paragraph.
    Dateline,
    /// No `(TAG)` at the end of the last paragraph.
    SourceTag,
}

impl Missing {
    /// A short description for reports.
    pub fn describe(&self) -> &'static str {
        match self {
            Missing::Masthead => "no masthead line (editor and date)",
            Missing::MastheadDate => "the masthead's date is not a real day; left out",
            Missing::Dateline => "no dateline at the start of the first paragraph",
            Missing::SourceTag => "no source tag like (ATN) at the end",
        }
    }
}

/// Why a raw file could not become an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawError {
    /// Nothing but whitespace.
    Empty,
    /// A headline but no body paragraphs.
    NoBody,
}

impl std::fmt::Display for RawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            RawError::Empty => "the file is empty",
            RawError::NoBody => "the file has a headline but no body paragraphs",
        })
    }
}

/// A parsed raw article and what it lacked.
#[derive(Debug, Clone)]
pub struct RawArticle {
    /// The article (quotes and entities not yet extracted).
    pub article: Article,
    /// What the file did not have.
    pub missing: Vec<Missing>,
}

/// Parses one raw article file's text; `id` is the file stem.
pub fn parse_raw_article(id: &str, text: &str) -> Result<RawArticle, RawError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = lede_text::paragraphs(text).peekable();
    let mut article = Article {
        id: id.to_string(),
        ..Article::default()
    };
    let mut missing = Vec::new();

    let first = lines.next().ok_or(RawError::Empty)?;
    let headline = match parse_masthead(first) {
        Some((editor, date)) => {
            article.editor = Some(editor.into());
            if date.is_none() {
                missing.push(Missing::MastheadDate);
            }
            article.date = date.map(Into::into);
            lines.next().ok_or(RawError::NoBody)?
        }
        None => {
            missing.push(Missing::Masthead);
            first
        }
    };
    article.title = collapse_whitespace(headline);
    if lines
        .peek()
        .is_some_and(|l| collapse_whitespace(l) == article.title)
    {
        lines.next();
    }
    let mut paragraphs: Vec<String> = lines.map(str::to_string).collect();
    if paragraphs.is_empty() {
        return Err(RawError::NoBody);
    }

    let first_para = &paragraphs[0];
    match DATELINE.captures(first_para) {
        Some(c) if c.get(0).is_some_and(|m| m.end() < first_para.len()) => {
            // The whole place: `PORT-AU-PRINCE, HAITI` keeps its region.
            let mut place = title_case(c.name("place").map_or("", |m| m.as_str()).trim());
            if let Some(region) = c.name("region") {
                place.push_str(", ");
                place.push_str(&title_case(region.as_str().trim()));
            }
            article.dateline = Some(place.into());
            if let Some(wire) = c.name("wire") {
                article.source = Some(wire.as_str().trim().into());
            }
            let rest = first_para[c.get(0).map_or(0, |m| m.end())..].to_string();
            paragraphs[0] = rest;
        }
        _ => missing.push(Missing::Dateline),
    }

    let last_index = paragraphs.len() - 1;
    let last = &paragraphs[last_index];
    match SOURCE_TAG.captures(last) {
        Some(c) => {
            let tag = c.name("tag").map_or("", |m| m.as_str()).trim().to_string();
            let keep_to = c.name("before").map_or(0, |m| m.end());
            paragraphs[last_index] = last[..keep_to].trim_end().to_string();
            article.source = Some(tag.into());
        }
        None => {
            if article.source.is_none() {
                missing.push(Missing::SourceTag);
            }
        }
    }
    article.paragraphs = paragraphs.into();
    Ok(RawArticle { article, missing })
}

/// Reads a masthead line into (editor, ISO date); `None` when the line is not a masthead.
fn parse_masthead(line: &str) -> Option<(String, Option<String>)> {
    let c = MASTHEAD.captures(line)?;
    let editor = collapse_whitespace(&c["editor"]);
    let month = crate::dates::month_number(&c["month"])?;
    let day: u32 = c["day"].parse().ok()?;
    let year: u32 = c["year"].parse().ok()?;
    let date = Date::from_parts(year, Some(month), Some(day)).map(|d| d.to_string());
    Some((editor, date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masthead_gives_editor_and_iso_date() {
        assert_eq!(
            parse_masthead("Editor in Chief: Moh. Reza Huwaida Monday, July 1st, 2024"),
            Some(("Moh. Reza Huwaida".into(), Some("2024-07-01".into())))
        );
        assert_eq!(
            parse_masthead("Editor in Chief: A. Person Sunday, Sept 22nd, 2023"),
            Some(("A. Person".into(), Some("2023-09-22".into())))
        );
        assert_eq!(parse_masthead("KABUL - China says"), None);
    }

    #[test]
    fn a_masthead_date_that_is_no_real_day_is_left_out_with_a_warning() {
        assert_eq!(
            parse_masthead("Editor in Chief: A. Person Thursday, February 30th, 2023"),
            Some(("A. Person".into(), None))
        );
        let text = "Editor in Chief: A. Person Thursday, February 30th, 2023\nHeadline\nKABUL - Text. (ATN)\n";
        let parsed = parse_raw_article("a", text).unwrap();
        assert_eq!(parsed.article.date, None);
        assert_eq!(parsed.article.editor.as_deref(), Some("A. Person"));
        assert_eq!(parsed.missing, [Missing::MastheadDate]);
    }

    #[test]
    fn datelines_in_their_common_shapes() {
        for (para, place, source, rest) in [
            ("KABUL - China says", "Kabul", None, "China says"),
            ("KABUL (Reuters) - Talks", "Kabul", Some("Reuters"), "Talks"),
            ("WASHINGTON, May 3 - The", "Washington", None, "The"),
            ("PORT ASHER — Rain", "Port Asher", None, "Rain"),
            ("TOLVEN – Rain", "Tolven", None, "Rain"),
            ("ST. JOHN'S - Fog", "St. John's", None, "Fog"),
            (
                "PORT-AU-PRINCE, HAITI - Rain",
                "Port-Au-Prince, Haiti",
                None,
                "Rain",
            ),
            (
                "SPRINGFIELD, Ill. - Corn",
                "Springfield, Ill.",
                None,
                "Corn",
            ),
        ] {
            let text = format!("Headline\n{para} fell. (XYZ)\n");
            let parsed = parse_raw_article("a", &text).unwrap();
            assert_eq!(parsed.article.dateline.as_deref(), Some(place), "{para}");
            assert!(parsed.article.paragraphs[0].starts_with(rest), "{para}");
            if let Some(source) = source {
                assert_eq!(parsed.article.source.as_deref(), Some("XYZ"));
                assert!(!parsed.article.paragraphs[0].contains(source));
            }
        }
    }

    #[test]
    fn a_sentence_starting_with_an_acronym_is_not_a_dateline() {
        let parsed = parse_raw_article("a", "Headline\nThe UN said so.\n").unwrap();
        assert_eq!(parsed.article.dateline, None);
        assert_eq!(&parsed.article.paragraphs[0], "The UN said so.");
        assert!(parsed.missing.contains(&Missing::Dateline));
        assert!(parsed.missing.contains(&Missing::SourceTag));
        assert!(parsed.missing.contains(&Missing::Masthead));
    }

    #[test]
    fn a_parenthesis_inside_a_sentence_is_not_a_source_tag() {
        let parsed =
            parse_raw_article("a", "Headline\nKABUL - It joined the league (CDL)\n").unwrap();
        assert_eq!(parsed.article.source, None);
        assert!(parsed.article.paragraphs[0].ends_with("(CDL)"));
    }

    #[test]
    fn empty_and_bodiless_files_are_errors() {
        assert_eq!(
            parse_raw_article("a", " \n\n").unwrap_err(),
            RawError::Empty
        );
        assert_eq!(
            parse_raw_article(
                "a",
                "Editor in Chief: X Monday, July 1st, 2024\nOnly a headline\n"
            )
            .unwrap_err(),
            RawError::NoBody
        );
    }
}
