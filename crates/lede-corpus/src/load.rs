//! Loading a corpus from JSON: lenient about what may be derived, strict about what is wrong,
//! and every error names the article (index and id) and the field.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde::Deserialize;
use serde_json::Value;

use crate::model::{Article, ArticleEntity, Corpus, EntitySummary, Quote, Span};

/// Where in the corpus an error is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorLocation {
    /// A line and column of the JSON text (1-based), for text that is not valid JSON.
    Text {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The top-level object.
    Top {
        /// The top-level field at fault.
        field: String,
    },
    /// One article.
    Article {
        /// 0-based position in `articles`.
        index: usize,
        /// Its id, when it has a readable one.
        id: Option<String>,
        /// The field path inside the article (`paragraphs[2]`, `quotes[0].end`).
        field: String,
    },
}

/// Why a corpus did not load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusError {
    /// Where the fault is.
    pub location: ErrorLocation,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            ErrorLocation::Text { line, column } => {
                write!(
                    f,
                    "not valid JSON at line {line}, column {column}: {}",
                    self.message
                )
            }
            ErrorLocation::Top { field } => write!(f, "field `{field}`: {}", self.message),
            ErrorLocation::Article { index, id, field } => {
                write!(f, "article {index}")?;
                if let Some(id) = id {
                    write!(f, " (id \"{id}\")")?;
                }
                write!(f, ", field `{field}`: {}", self.message)
            }
        }
    }
}

impl std::error::Error for CorpusError {}

/// A JSON syntax error at `line` (of the whole text) and the column serde_json gives.
pub(crate) fn syntax_error(e: &serde_json::Error, line: usize) -> CorpusError {
    CorpusError {
        location: ErrorLocation::Text {
            line,
            column: e.column(),
        },
        message: e.to_string(),
    }
}

/// An error in the corpus object's own field `field` (empty: the object itself).
pub(crate) fn top_error(field: &str, message: impl Into<String>) -> CorpusError {
    CorpusError {
        location: ErrorLocation::Top {
            field: field.to_string(),
        },
        message: message.into(),
    }
}

/// An article as the format accepts it: `paragraphs` or a plain `body`.
#[derive(Deserialize)]
pub(crate) struct LenientArticle {
    id: String,
    title: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    byline: Option<String>,
    #[serde(default)]
    editor: Option<String>,
    #[serde(default)]
    dateline: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    paragraphs: Option<Vec<String>>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    quotes: Vec<Quote>,
    #[serde(default)]
    entities: Vec<ArticleEntity>,
    #[serde(default)]
    tags: BTreeMap<String, Vec<String>>,
}

impl From<Article> for LenientArticle {
    fn from(a: Article) -> Self {
        LenientArticle {
            id: a.id,
            title: a.title,
            date: a.date,
            source: a.source,
            byline: a.byline,
            editor: a.editor,
            dateline: a.dateline,
            url: a.url,
            paragraphs: Some(a.paragraphs),
            body: None,
            quotes: a.quotes,
            entities: a.entities,
            tags: a.tags,
        }
    }
}

/// Splits a plain-text body into paragraphs: one per non-blank line, trimmed.
pub fn split_body(body: &str) -> Vec<String> {
    lede_text::paragraphs(body).map(str::to_string).collect()
}

impl Corpus {
    /// Parses and validates a corpus from JSON text, deriving what a minimal corpus leaves out.
    pub fn from_json(text: &str) -> Result<Corpus, CorpusError> {
        // Fast path: straight into the typed shape. Any fault sends the text down the slow path,
        // which reads it as a JSON tree first so that the error can name the article and field.
        if let Ok(fast) = serde_json::from_str::<FastCorpus>(text) {
            let format_ok = fast.format.as_deref().is_none_or(|f| f == crate::FORMAT);
            let version_ok = fast.version.is_none_or(|v| v == u64::from(crate::VERSION));
            if format_ok && version_ok {
                let mut assembler = Assembler::default();
                for article in fast.articles {
                    assembler.push(article)?;
                }
                return assembler.finish(fast.entities.unwrap_or_default(), fast.annotated);
            }
        }
        let top: Value = serde_json::from_str(text).map_err(|e| syntax_error(&e, e.line()))?;
        let Value::Object(mut top) = top else {
            return Err(top_error("", "the corpus must be a JSON object"));
        };
        let (entities, annotated) = check_top(&mut top)?;
        let Some(Value::Array(raw_articles)) = top.remove("articles") else {
            return Err(top_error("articles", "missing, or not an array"));
        };
        let mut assembler = Assembler::default();
        for (index, raw) in raw_articles.into_iter().enumerate() {
            assembler.push(article_from_value(index, raw)?)?;
        }
        assembler.finish(entities, annotated)
    }
}

/// Checks `format` and `version` of the top-level object and reads its `entities` and
/// `annotated` (the caller reads `articles`).
pub(crate) fn check_top(
    top: &mut serde_json::Map<String, Value>,
) -> Result<(Vec<EntitySummary>, Vec<String>), CorpusError> {
    match top.get("format") {
        None => {}
        Some(Value::String(f)) if f == crate::FORMAT => {}
        Some(other) => {
            return Err(top_error(
                "format",
                format!("expected \"{}\", found {other}", crate::FORMAT),
            ))
        }
    }
    match top.get("version") {
        None => {}
        Some(v) if v.as_u64() == Some(u64::from(crate::VERSION)) => {}
        Some(other) => {
            return Err(top_error(
                "version",
                format!("this build reads version {}, found {other}", crate::VERSION),
            ))
        }
    }
    let entities = match top.remove("entities") {
        None | Some(Value::Null) => Vec::new(),
        Some(v) => serde_path_to_error::deserialize::<_, Vec<EntitySummary>>(v)
            .map_err(|e| top_error(&format!("entities{}", e.path()), e.into_inner().to_string()))?,
    };
    let annotated = match top.remove("annotated") {
        None | Some(Value::Null) => Vec::new(),
        Some(v) => serde_json::from_value::<Vec<String>>(v)
            .map_err(|e| top_error("annotated", e.to_string()))?,
    };
    Ok((entities, annotated))
}

/// Reads article `index` from its JSON tree; the error names the article and the field.
pub(crate) fn article_from_value(index: usize, raw: Value) -> Result<LenientArticle, CorpusError> {
    let id = raw.get("id").and_then(Value::as_str).map(str::to_string);
    serde_path_to_error::deserialize(raw).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        // serde names a missing field only in its message; lift it into the path.
        let field = match (path.as_str(), inner.strip_prefix("missing field `")) {
            ("." | "", Some(rest)) => rest.trim_end_matches('`').to_string(),
            _ => path,
        };
        CorpusError {
            location: ErrorLocation::Article { index, id, field },
            message: inner,
        }
    })
}

/// The corpus as the fast path reads it: the same lenient articles, no JSON tree in between.
#[derive(Deserialize)]
struct FastCorpus {
    format: Option<String>,
    version: Option<u64>,
    articles: Vec<LenientArticle>,
    entities: Option<Vec<EntitySummary>>,
    #[serde(default)]
    annotated: Vec<String>,
}

/// Turns lenient articles into the model one at a time (errors name the article's index, id
/// and field), then derives the entity table when there is none and checks the references into
/// it.
pub(crate) struct Assembler {
    articles: Vec<Article>,
    first_index_of_id: HashMap<String, usize>,
    /// Whether `finish` checks the entity references (not for verified articles).
    checked: bool,
}

impl Default for Assembler {
    fn default() -> Self {
        Assembler {
            articles: Vec::new(),
            first_index_of_id: HashMap::new(),
            checked: true,
        }
    }
}

impl Assembler {
    /// Checks and keeps the next article.
    pub(crate) fn push(&mut self, lenient: LenientArticle) -> Result<(), CorpusError> {
        let index = self.articles.len();
        let fail = |id: String, field: String, message: String| CorpusError {
            location: ErrorLocation::Article {
                index,
                id: Some(id),
                field,
            },
            message,
        };
        let article = into_article(lenient).map_err(|(id, field, msg)| fail(id, field, msg))?;
        if let Some(first) = self.first_index_of_id.insert(article.id.clone(), index) {
            let message = format!("duplicate of article {first}");
            return Err(fail(article.id, "id".into(), message));
        }
        self.articles.push(article);
        Ok(())
    }

    /// Keeps the next article as it is: for articles checked when they were written.
    pub(crate) fn push_verified(&mut self, article: Article) {
        self.checked = false;
        self.articles.push(article);
    }

    /// Articles taken so far.
    pub(crate) fn len(&self) -> usize {
        self.articles.len()
    }

    /// The corpus of the articles taken, with `entities` (derived when empty) and `annotated`.
    pub(crate) fn finish(
        self,
        entities: Vec<EntitySummary>,
        annotated: Vec<String>,
    ) -> Result<Corpus, CorpusError> {
        let mut corpus = Corpus {
            format: crate::FORMAT.to_string(),
            version: crate::VERSION,
            articles: self.articles,
            entities,
            annotated,
        };
        if corpus.entities.is_empty() {
            corpus.entities = derive_entity_table(&corpus.articles);
        }
        if self.checked {
            check_entity_references(&corpus)?;
        }
        Ok(corpus)
    }
}

/// Checks one article and turns the lenient shape into the model; errors are (id, field,
/// message).
fn into_article(a: LenientArticle) -> Result<Article, (String, String, String)> {
    match check_article(&a) {
        Ok(()) => {}
        Err((field, message)) => return Err((a.id, field, message)),
    }
    let paragraphs = match (a.paragraphs, a.body) {
        (Some(p), _) if !p.is_empty() => p,
        (_, Some(body)) => split_body(&body),
        _ => Vec::new(),
    };
    // Most titles are clean already: no new string for them.
    let clean = !a.title.starts_with(char::is_whitespace)
        && !a.title.ends_with(char::is_whitespace)
        && !a
            .title
            .as_bytes()
            .windows(2)
            .any(|w| w[0].is_ascii_whitespace() && w[1].is_ascii_whitespace())
        && !a.title.chars().any(|c| c.is_whitespace() && c != ' ');
    Ok(Article {
        id: a.id,
        title: if clean {
            a.title
        } else {
            lede_text::collapse_whitespace(&a.title)
        },
        date: a.date,
        source: a.source,
        byline: a.byline,
        editor: a.editor,
        dateline: a.dateline,
        url: a.url,
        paragraphs,
        quotes: a.quotes,
        entities: a.entities,
        tags: a.tags,
    })
}

/// The checks of [`into_article`]; errors are (field, message).
fn check_article(a: &LenientArticle) -> Result<(), (String, String)> {
    if a.id.trim().is_empty() {
        return Err(("id".into(), "must not be empty".into()));
    }
    let split;
    let paragraphs: &[String] = match (&a.paragraphs, &a.body) {
        (Some(p), _) if !p.is_empty() => p,
        (_, Some(body)) => {
            split = split_body(body);
            &split
        }
        _ => &[],
    };
    if paragraphs.iter().all(|p| p.trim().is_empty()) {
        return Err((
            "paragraphs".into(),
            "the article has no text: give `paragraphs` (array of strings) or `body` (string)"
                .into(),
        ));
    }
    if let Some(date) = &a.date {
        if !is_iso8601(date) {
            return Err((
                "date".into(),
                format!("\"{date}\" is not an ISO 8601 date (YYYY-MM-DD, optionally with a time)"),
            ));
        }
    }
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
        if !at().eq(q.text.chars()) {
            let actual: String = at().collect();
            return Err((
                format!("quotes[{i}].text"),
                format!(
                    "\"{}\" is not the text at chars {}..{} (\"{actual}\"): offsets count chars",
                    q.text, q.start, q.end
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
        if let Some(span) = q.speaker.as_ref().and_then(|s| s.span) {
            check_span(&|| format!("quotes[{i}].speaker.span"), span)?;
        }
        if let Some(cue) = &q.cue {
            check_span(&|| format!("quotes[{i}].cue.span"), cue.span)?;
        }
    }
    for (i, e) in a.entities.iter().enumerate() {
        if e.id.is_empty() {
            return Err((format!("entities[{i}].id"), "must not be empty".into()));
        }
        for (j, m) in e.mentions.iter().enumerate() {
            check_span(&|| format!("entities[{i}].mentions[{j}]"), *m)?;
        }
    }
    Ok(())
}

/// True for `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, and `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]`.
pub fn is_iso8601(s: &str) -> bool {
    fn num(s: &str, lo: u32, hi: u32) -> bool {
        s.bytes().all(|b| b.is_ascii_digit())
            && !s.is_empty()
            && s.parse::<u32>().is_ok_and(|n| (lo..=hi).contains(&n))
    }
    let (date, time) = match s.split_once(['T', ' ']) {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    let date_ok = match parts.as_slice() {
        [y] => y.len() == 4 && num(y, 0, 9999),
        [y, m] => y.len() == 4 && num(y, 0, 9999) && m.len() == 2 && num(m, 1, 12),
        [y, m, d] => {
            y.len() == 4
                && num(y, 0, 9999)
                && m.len() == 2
                && num(m, 1, 12)
                && d.len() == 2
                && num(d, 1, 31)
        }
        _ => false,
    };
    let Some(time) = time else {
        return date_ok;
    };
    if !date_ok || parts.len() != 3 {
        return false;
    }
    let (clock, zone) = if let Some(c) = time.strip_suffix('Z') {
        (c, None)
    } else if let Some(pos) = time.rfind(['+', '-']) {
        (&time[..pos], Some(&time[pos + 1..]))
    } else {
        (time, None)
    };
    let clock = clock.split('.').next().unwrap_or("");
    let hms: Vec<&str> = clock.split(':').collect();
    let clock_ok = match hms.as_slice() {
        [h, m] => h.len() == 2 && num(h, 0, 23) && m.len() == 2 && num(m, 0, 59),
        [h, m, s] => {
            h.len() == 2
                && num(h, 0, 23)
                && m.len() == 2
                && num(m, 0, 59)
                && s.len() == 2
                && num(s, 0, 60)
        }
        _ => false,
    };
    let zone_ok = zone.is_none_or(|z| {
        matches!(z.split_once(':'), Some((h, m)) if h.len() == 2 && num(h, 0, 23) && m.len() == 2 && num(m, 0, 59))
    });
    clock_ok && zone_ok
}

/// Builds the corpus-wide entity table from the articles' entities: one row per id, with the
/// number of articles mentioning it, the number of quotes it is the speaker of, and all aliases.
pub fn derive_entity_table(articles: &[Article]) -> Vec<EntitySummary> {
    let mut table: BTreeMap<&str, EntitySummary> = BTreeMap::new();
    for article in articles {
        for e in &article.entities {
            let row = table.entry(&e.id).or_insert_with(|| EntitySummary {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind,
                aliases: Vec::new(),
                article_count: 0,
                quoted_count: 0,
            });
            row.article_count += 1;
            for alias in std::iter::once(&e.name).chain(&e.aliases) {
                if *alias != row.name && !row.aliases.contains(alias) {
                    row.aliases.push(alias.clone());
                }
            }
        }
        for q in &article.quotes {
            if let Some(id) = q.speaker.as_ref().and_then(|s| s.entity.as_deref()) {
                if let Some(row) = table.get_mut(id) {
                    row.quoted_count += 1;
                }
            }
        }
    }
    let mut rows: Vec<EntitySummary> = table.into_values().collect();
    for row in &mut rows {
        row.aliases.sort();
    }
    rows
}

/// Every entity id an article or a speaker names must be in the corpus table.
fn check_entity_references(corpus: &Corpus) -> Result<(), CorpusError> {
    let known: std::collections::HashSet<&str> =
        corpus.entities.iter().map(|e| e.id.as_str()).collect();
    for (index, article) in corpus.articles.iter().enumerate() {
        let unknown = |field: String, id: &str| CorpusError {
            location: ErrorLocation::Article {
                index,
                id: Some(article.id.clone()),
                field,
            },
            message: format!("entity id \"{id}\" is not in the corpus `entities` table"),
        };
        for (i, e) in article.entities.iter().enumerate() {
            if !known.contains(e.id.as_str()) {
                return Err(unknown(format!("entities[{i}].id"), &e.id));
            }
        }
        for (i, q) in article.quotes.iter().enumerate() {
            if let Some(id) = q.speaker.as_ref().and_then(|s| s.entity.as_deref()) {
                if !known.contains(id) {
                    return Err(unknown(format!("quotes[{i}].speaker.entity"), id));
                }
            }
        }
    }
    Ok(())
}
