//! The checks a corpus passes to load: each article on its own (an id, some text, a real date,
//! spans inside their paragraphs, quote texts matching their offsets), then the entity ids every
//! article and speaker names against the corpus table.

use std::collections::HashMap;

use crate::date::Date;
use crate::error::{article_error, top_error, CorpusError};
use crate::model::{Article, Corpus, Span};

/// Checks one article; the error is (field, message).
pub(crate) fn check_article(a: &Article) -> Result<(), (String, String)> {
    if a.id.trim().is_empty() {
        return Err(("id".into(), "must not be empty".into()));
    }
    // A blank title loads: the app lists it as "(untitled)" with its first words
    // (`Article::display_title`), and `lede ingest` gives it those words with a warning.
    if a.paragraphs.iter().all(|p| p.trim().is_empty()) {
        return Err((
            "paragraphs".into(),
            "the article has no text: give `paragraphs` (array of strings) or `body` (string)"
                .into(),
        ));
    }
    if let Some(date) = &a.date {
        Date::parse(date).map_err(|e| ("date".to_string(), e.to_string()))?;
    }
    let paragraphs = &a.paragraphs;
    let para_len: Vec<usize> = paragraphs.iter().map(|p| p.chars().count()).collect();
    // `field` is only formatted when the span is bad: a corpus has a million spans.
    let check_span = |field: &dyn Fn() -> String, span: Span| -> Result<(), (String, String)> {
        let Some(&len) = para_len.get(span.paragraph) else {
            return Err((
                format!("{}.paragraph", field()),
                format!(
                    "paragraph {} does not exist (the article has {})",
                    span.paragraph,
                    para_len.len()
                ),
            ));
        };
        if span.start > span.end || span.end > len {
            return Err((
                field(),
                format!(
                    "chars {}..{} are outside paragraph {} ({len} chars)",
                    span.start, span.end, span.paragraph
                ),
            ));
        }
        Ok(())
    };
    for (i, q) in a.quotes.iter().enumerate() {
        let span = Span {
            paragraph: q.paragraph,
            start: q.start,
            end: q.end,
        };
        check_span(&|| format!("quotes[{i}]"), span)?;
        let at = || {
            paragraphs[q.paragraph]
                .chars()
                .skip(q.start)
                .take(q.end - q.start)
        };
        let text = q.text(paragraphs);
        if !at().eq(text.chars()) {
            let actual: String = at().collect();
            return Err((
                format!("quotes[{i}].text"),
                format!(
                    "\"{}\" is not the text at chars {}..{} (\"{actual}\"): offsets count chars",
                    text, q.start, q.end
                ),
            ));
        }
        if let Some(next) = q.next {
            if next <= i || next >= a.quotes.len() {
                return Err((
                    format!("quotes[{i}].next"),
                    format!("must name a later quote of this article, found {next}"),
                ));
            }
        }
        if let Some(speaker) = &q.speaker {
            if let Some(span) = speaker.span {
                check_span(&|| format!("quotes[{i}].speaker.span"), span)?;
            }
            for (j, m) in speaker.resolved_from.iter().enumerate() {
                check_span(
                    &|| format!("quotes[{i}].speaker.resolved_from[{j}].span"),
                    m.span,
                )?;
            }
            if let Some(c) = speaker.confidence.filter(|c| !(0.0..=1.0).contains(c)) {
                return Err((
                    format!("quotes[{i}].speaker.confidence"),
                    format!(
                        "must be between 0 and 1, found {}",
                        lede_text::decimal::shortest_f32(c)
                    ),
                ));
            }
        }
        if let Some(cue) = &q.cue {
            check_span(&|| format!("quotes[{i}].cue.span"), cue.span)?;
        }
    }
    let mut entity_at: HashMap<&str, usize> = HashMap::with_capacity(a.entities.len());
    for (i, e) in a.entities.iter().enumerate() {
        if e.id.is_empty() {
            return Err((format!("entities[{i}].id"), "must not be empty".into()));
        }
        if let Some(first) = entity_at.insert(e.id.as_str(), i) {
            return Err((
                format!("entities[{i}].id"),
                format!(
                    "entity \"{}\" is listed twice in this article (also entities[{first}]); \
                     give each entity once with all its mentions",
                    e.id
                ),
            ));
        }
        for (j, m) in e.mentions.iter().enumerate() {
            check_span(&|| format!("entities[{i}].mentions[{j}]"), *m)?;
        }
    }
    Ok(())
}

/// Every entity id an article or a speaker names must be in the corpus table, and the table's
/// ids are unique.
pub(crate) fn check_entity_references(corpus: &Corpus) -> Result<(), CorpusError> {
    let mut known: HashMap<&str, usize> = HashMap::with_capacity(corpus.entities.len());
    for (i, e) in corpus.entities.iter().enumerate() {
        if let Some(first) = known.insert(e.id.as_str(), i) {
            return Err(top_error(
                &format!("entities[{i}].id"),
                format!(
                    "entity id \"{}\" is in the table twice (also entities[{first}]); ids must \
                     be unique",
                    e.id
                ),
            ));
        }
    }
    for (index, article) in corpus.articles.iter().enumerate() {
        let unknown = |field: String, id: &str| {
            article_error(
                index,
                Some(article.id.clone()),
                field,
                format!("entity id \"{id}\" is not in the corpus `entities` table"),
            )
        };
        for (i, e) in article.entities.iter().enumerate() {
            if !known.contains_key(e.id.as_str()) {
                return Err(unknown(format!("entities[{i}].id"), &e.id));
            }
        }
        for (i, q) in article.quotes.iter().enumerate() {
            if let Some(id) = q.speaker.as_ref().and_then(|s| s.entity.as_deref()) {
                if !known.contains_key(id) {
                    return Err(unknown(format!("quotes[{i}].speaker.entity"), id));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(date: &str) -> Article {
        Article {
            id: "a".into(),
            title: "T".into(),
            date: Some(date.into()),
            paragraphs: vec!["Text.".into()].into(),
            ..Article::default()
        }
    }

    #[test]
    fn an_impossible_date_names_the_date_field_and_says_why() {
        assert_eq!(check_article(&article("2024-02-29")), Ok(()));
        let (field, message) = check_article(&article("2023-02-30")).unwrap_err();
        assert_eq!(field, "date");
        assert_eq!(
            message,
            "\"2023-02-30\" is not a real date: February 2023 has 28 days"
        );
        let (field, message) = check_article(&article("30/02/2023")).unwrap_err();
        assert_eq!(field, "date");
        assert!(message.contains("not an ISO 8601 date"), "{message}");
    }
}
