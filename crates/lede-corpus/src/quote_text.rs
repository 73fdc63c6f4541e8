//! A quote's words as the span of its paragraph: [`Quote::text`], and the JSON writers that
//! put each quote's `text` back from the paragraphs (a loaded corpus holds no copy of it).

use serde::ser::{Error as _, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::{Article, ArticleEntity, Cue, Quote, Speaker};
use crate::paragraphs::Paragraphs;
use crate::tags::Tags;

impl Quote {
    /// The quoted words: the held copy when the quote has one (an extractor's output, a
    /// fixture), else chars `start..end` of paragraph `paragraph` of `paragraphs` (shorter or
    /// empty when the span is outside them; a loaded corpus's spans are checked).
    pub fn text<'a>(&'a self, paragraphs: &'a Paragraphs) -> &'a str {
        match &self.held_text {
            Some(text) => text,
            None => text_at(paragraphs, self.paragraph, self.start, self.end),
        }
    }
}

/// Chars `start..end` of paragraph `paragraph` (clipped to it; empty past the last one).
pub(crate) fn text_at(paragraphs: &Paragraphs, paragraph: usize, start: usize, end: usize) -> &str {
    let Some(p) = paragraphs.get(paragraph) else {
        return "";
    };
    let from = lede_text::char_to_byte(p, start).unwrap_or(p.len());
    let rest = &p[from..];
    let to = lede_text::char_to_byte(rest, end.saturating_sub(start)).unwrap_or(rest.len());
    &rest[..to]
}

impl PartialEq for Quote {
    /// Equal offsets, speaker, cue, next and rule, and equal held copies when both hold one
    /// (the words are the span's when they do not, and articles compare their paragraphs).
    fn eq(&self, other: &Self) -> bool {
        let texts_agree = match (&self.held_text, &other.held_text) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        texts_agree
            && self.paragraph == other.paragraph
            && self.start == other.start
            && self.end == other.end
            && self.speaker == other.speaker
            && self.cue == other.cue
            && self.next == other.next
            && self.rule == other.rule
    }
}

/// Reads a quote's `text` (required, as it always was) as its held copy.
pub(crate) fn held_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Box<str>>, D::Error> {
    Box::<str>::deserialize(d).map(Some)
}

/// A quote as JSON writes it, with its words.
#[derive(Serialize)]
struct QuoteJson<'a> {
    paragraph: usize,
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'a Speaker>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cue: Option<&'a Cue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'a str>,
}

impl<'a> QuoteJson<'a> {
    fn new(q: &'a Quote, text: &'a str) -> Self {
        QuoteJson {
            paragraph: q.paragraph,
            start: q.start,
            end: q.end,
            text,
            speaker: q.speaker.as_ref(),
            cue: q.cue.as_ref(),
            next: q.next,
            rule: q.rule.as_deref(),
        }
    }
}

impl Serialize for Quote {
    /// The quote with its held copy as `text`; a loaded quote holds none, so it fails: write
    /// its article, which has the paragraphs.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Some(text) = &self.held_text else {
            return Err(S::Error::custom(
                "a loaded quote's text is in its article's paragraphs: serialise the article",
            ));
        };
        QuoteJson::new(self, text).serialize(serializer)
    }
}

/// An article's quotes with their paragraphs, written with each quote's words.
struct QuotesJson<'a> {
    quotes: &'a [Quote],
    paragraphs: &'a Paragraphs,
}

impl QuotesJson<'_> {
    fn is_empty(&self) -> bool {
        self.quotes.is_empty()
    }
}

impl Serialize for QuotesJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.quotes.len()))?;
        for q in self.quotes {
            seq.serialize_element(&QuoteJson::new(q, q.text(self.paragraphs)))?;
        }
        seq.end()
    }
}

/// An article as JSON writes it: the fields of [`Article`] in their order, leaving out the
/// same empty ones.
#[derive(Serialize)]
struct ArticleJson<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byline: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    editor: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dateline: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    paragraphs: &'a Paragraphs,
    #[serde(skip_serializing_if = "QuotesJson::is_empty")]
    quotes: QuotesJson<'a>,
    #[serde(skip_serializing_if = "no_entities")]
    entities: &'a [ArticleEntity],
    #[serde(skip_serializing_if = "no_tags")]
    tags: &'a Tags,
}

fn no_entities(entities: &&[ArticleEntity]) -> bool {
    entities.is_empty()
}

fn no_tags(tags: &&Tags) -> bool {
    tags.is_empty()
}

impl Serialize for Article {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Every field named, so that a new one cannot be left out of the JSON unnoticed.
        let Article {
            id,
            title,
            date,
            source,
            byline,
            editor,
            dateline,
            url,
            paragraphs,
            quotes,
            entities,
            tags,
        } = self;
        ArticleJson {
            id,
            title,
            date: date.as_deref(),
            source: source.as_deref(),
            byline: byline.as_deref(),
            editor: editor.as_deref(),
            dateline: dateline.as_deref(),
            url: url.as_deref(),
            paragraphs,
            quotes: QuotesJson { quotes, paragraphs },
            entities,
            tags,
        }
        .serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use crate::{Article, Corpus, Quote};

    /// A quote at chars `start..end` of paragraph `paragraph`, holding the words there.
    fn quote(paragraphs: &crate::Paragraphs, paragraph: usize, start: usize, end: usize) -> Quote {
        let words: String = paragraphs[paragraph]
            .chars()
            .skip(start)
            .take(end - start)
            .collect();
        Quote {
            paragraph,
            start,
            end,
            held_text: Some(words.into()),
            speaker: None,
            cue: None,
            next: None,
            rule: Some("after".into()),
        }
    }

    #[test]
    fn a_quote_without_a_copy_reads_its_chars_from_the_paragraph() {
        let paragraphs: crate::Paragraphs =
            ["Plain.", "«Ça va», dit-il. “Wäre es,” sagte er."].into();
        for (p, start, end) in [(1, 1, 6), (1, 18, 26), (1, 0, 0), (0, 0, 6), (1, 30, 37)] {
            let held = quote(&paragraphs, p, start, end);
            let mut loaded = held.clone();
            loaded.held_text = None;
            assert_eq!(
                loaded.text(&paragraphs),
                held.text(&paragraphs),
                "{p} {start}..{end}"
            );
            assert_eq!(held, loaded, "equal whether or not the words are held");
        }
        let mut outside = quote(&paragraphs, 0, 0, 1);
        outside.held_text = None;
        outside.paragraph = 5;
        assert_eq!(outside.text(&paragraphs), "", "past the last paragraph");
        outside.paragraph = 0;
        outside.end = 40;
        assert_eq!(
            outside.text(&paragraphs),
            "Plain.",
            "clipped to the paragraph"
        );
    }

    #[test]
    fn held_and_loaded_quotes_write_the_same_json_and_a_bare_quote_alone_is_refused() {
        let mut a = Article {
            id: "a".into(),
            title: "t".into(),
            paragraphs: ["“Wäre es,” sagte er, “so.”"].into(),
            ..Article::default()
        };
        a.quotes = vec![
            quote(&a.paragraphs, 0, 1, 9),
            quote(&a.paragraphs, 0, 22, 25),
        ];
        let held = Corpus::new(vec![a]).to_json_pretty();
        assert!(held.contains("\"text\": \"Wäre es,\""), "{held}");
        let loaded = Corpus::from_json(&held).unwrap();
        assert!(loaded.articles[0]
            .quotes
            .iter()
            .all(|q| q.held_text.is_none()));
        assert_eq!(loaded.to_json_pretty(), held);
        let q = &loaded.articles[0].quotes[0];
        let err = serde_json::to_string(q).unwrap_err().to_string();
        assert!(err.contains("serialise the article"), "{err}");
        let with_copy = &quote(&loaded.articles[0].paragraphs, 0, 1, 9);
        let alone: serde_json::Value = serde_json::to_value(with_copy).unwrap();
        assert_eq!(alone["text"], "Wäre es,");
    }
}
