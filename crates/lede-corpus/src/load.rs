//! Loading a corpus from JSON: lenient about what may be derived, strict about what is wrong,
//! and every error names the article (index and id) and the field.

use std::collections::hash_map::{Entry, RandomState};
use std::collections::HashMap;
use std::hash::BuildHasher;

use serde::Deserialize;
use serde_json::Value;

use crate::entity_table::derive_entity_table;
use crate::error::{
    article_error, not_json_error, syntax_error, top_error, CorpusError, ErrorLocation,
};
use crate::model::{Article, ArticleEntity, Corpus, EntitySummary, Quote};
use crate::paragraphs::Paragraphs;
use crate::shared_str::{SharedStr, StrPool};
use crate::tags::{TagPool, Tags};
use crate::validate::{check_article, check_entity_references};

/// An article as the format accepts it: `paragraphs` or a plain `body`.
#[derive(Deserialize)]
pub(crate) struct LenientArticle {
    id: String,
    title: String,
    #[serde(default)]
    date: Option<Box<str>>,
    #[serde(default)]
    source: Option<SharedStr>,
    #[serde(default)]
    byline: Option<SharedStr>,
    #[serde(default)]
    editor: Option<SharedStr>,
    #[serde(default)]
    dateline: Option<SharedStr>,
    #[serde(default)]
    url: Option<Box<str>>,
    #[serde(default)]
    paragraphs: Option<Paragraphs>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    quotes: Vec<Quote>,
    #[serde(default)]
    entities: Vec<ArticleEntity>,
    #[serde(default)]
    tags: Tags,
}

impl LenientArticle {
    /// The article in the model's shape (paragraphs from `body` when there are none), not yet
    /// checked.
    pub(crate) fn into_article(self) -> Article {
        let paragraphs = match (self.paragraphs, self.body) {
            (Some(p), _) if !p.is_empty() => p,
            (_, Some(body)) => split_body(&body),
            _ => Paragraphs::new(),
        };
        Article {
            id: self.id,
            title: self.title,
            date: self.date,
            source: self.source,
            byline: self.byline,
            editor: self.editor,
            dateline: self.dateline,
            url: self.url,
            paragraphs,
            quotes: self.quotes,
            entities: self.entities,
            tags: self.tags,
        }
    }
}

/// Splits a plain-text body into paragraphs: one per non-blank line, trimmed.
pub(crate) fn split_body(body: &str) -> Paragraphs {
    lede_text::paragraphs(body).collect()
}

impl Corpus {
    /// Parses and validates a corpus from JSON text, deriving what a minimal corpus leaves out.
    /// A UTF-8 byte-order mark at the start is ignored; text that is something else than JSON
    /// (an HTML page, UTF-16) is named as such.
    pub fn from_json(text: &str) -> Result<Corpus, CorpusError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // Fast path: straight into the typed shape. Any fault sends the text down the slow path,
        // which reads it as a JSON tree first so that the error can name the article and field.
        if let Ok(fast) = serde_json::from_str::<FastCorpus>(text) {
            let format_ok = fast.format.as_deref().is_none_or(|f| f == crate::FORMAT);
            let version_ok = fast.version.is_none_or(|v| v == u64::from(crate::VERSION));
            if format_ok && version_ok {
                let mut assembler = Assembler::default();
                for article in fast.articles {
                    assembler.push(article.into_article())?;
                }
                return assembler.finish(fast.entities.unwrap_or_default(), fast.annotated);
            }
        }
        let top: Value = serde_json::from_str(text).map_err(|e| {
            not_json_error(text.as_bytes()).unwrap_or_else(|| syntax_error(&e, e.line()))
        })?;
        let Value::Object(mut top) = top else {
            return Err(top_error("", "the corpus must be a JSON object"));
        };
        let (entities, annotated) = check_top(&mut top)?;
        let Some(Value::Array(raw_articles)) = top.remove("articles") else {
            return Err(top_error("articles", "missing, or not an array"));
        };
        let mut assembler = Assembler::default();
        for (index, raw) in raw_articles.into_iter().enumerate() {
            assembler.push(article_from_value(index, raw)?.into_article())?;
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

/// The most articles [`Assembler::reserve`] makes room for at once: 65,536 articles (under
/// 10 MB of article records on wasm32); a longer corpus grows past it.
pub(crate) const MAX_RESERVED_ARTICLES: usize = 1 << 16;

/// Turns lenient articles into the model one at a time (errors name the article's index, id
/// and field), then derives the entity table when there is none and checks the references into
/// it.
pub(crate) struct Assembler {
    articles: Vec<Article>,
    /// The tag kinds, values and sets seen so far, each held once.
    tags: TagPool,
    /// The sources, bylines, editors and datelines seen so far, each held once.
    texts: StrPool,
    /// The hash of each id seen (32 bits of it) → the first article with it: the ids
    /// themselves are not copied (19,043 strings for Reuters), an equal hash is checked against
    /// the article. 8-byte entries: the table is live beside the whole corpus until `finish`
    /// (Reuters: 295 KiB, where 64-bit hashes took 557).
    first_by_id_hash: HashMap<u32, u32>,
    id_hasher: RandomState,
    /// Whether `finish` checks the entity references (not for verified articles).
    checked: bool,
}

impl Default for Assembler {
    fn default() -> Self {
        Assembler {
            articles: Vec::new(),
            tags: TagPool::default(),
            texts: StrPool::default(),
            first_by_id_hash: HashMap::new(),
            id_hasher: RandomState::new(),
            checked: true,
        }
    }
}

impl Assembler {
    /// Checks the next article, collapses the whitespace of its title and keeps it.
    pub(crate) fn push(&mut self, mut article: Article) -> Result<(), CorpusError> {
        let index = self.articles.len();
        if let Err((field, message)) = check_article(&article) {
            return Err(article_error(index, Some(article.id), field, message));
        }
        if let Some(first) = self.first_with_id(&article.id, index) {
            let message = format!("duplicate of article {first}");
            return Err(article_error(index, Some(article.id), "id", message));
        }
        article.title = tidy_title(article.title);
        article.tags.share(&mut self.tags);
        self.share_texts(&mut article);
        drop_quote_copies(&mut article);
        self.articles.push(article);
        Ok(())
    }

    /// The first article taken with the id `id`, noting that article `index` has it when none
    /// has.
    fn first_with_id(&mut self, id: &str, index: usize) -> Option<usize> {
        match self.first_by_id_hash.entry(self.id_key(id)) {
            Entry::Vacant(slot) => {
                slot.insert(index as u32);
                None
            }
            Entry::Occupied(first) => {
                let first = *first.get() as usize;
                if self.articles[first].id == id {
                    return Some(first);
                }
                // Another id with the same hash (rare): the articles themselves say.
                self.articles.iter().position(|a| a.id == id)
            }
        }
    }

    /// The key of `id` in `first_by_id_hash`.
    fn id_key(&self, id: &str) -> u32 {
        self.id_hasher.hash_one(id) as u32
    }

    /// Keeps the next article as it is (but for sharing its tags' and repeated texts): for articles checked
    /// when they were written.
    pub(crate) fn push_verified(&mut self, mut article: Article) {
        self.checked = false;
        article.tags.share(&mut self.tags);
        self.share_texts(&mut article);
        drop_quote_copies(&mut article);
        self.articles.push(article);
    }

    /// Swaps the article's source, byline, editor and dateline for the copies seen before.
    fn share_texts(&mut self, article: &mut Article) {
        let fields = [
            &mut article.source,
            &mut article.byline,
            &mut article.editor,
            &mut article.dateline,
        ];
        for text in fields.into_iter().flatten() {
            self.texts.share(text);
        }
    }

    /// Makes room for `n` more articles at once (at most [`MAX_RESERVED_ARTICLES`], since
    /// the count may come from forged bytes): a list grown by doubling holds up to twice the
    /// room it needs, and while it grows the old and the new list are both in memory, which a
    /// wasm memory keeps as its size.
    pub(crate) fn reserve(&mut self, n: u64) {
        let n = usize::try_from(n)
            .unwrap_or(usize::MAX)
            .min(MAX_RESERVED_ARTICLES);
        self.articles.reserve_exact(n);
        self.first_by_id_hash.reserve(n);
    }

    /// Room for articles, taken or not.
    #[cfg(test)]
    pub(crate) fn capacity(&self) -> usize {
        self.articles.capacity()
    }

    /// The articles taken so far.
    pub(crate) fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// Articles taken so far.
    pub(crate) fn len(&self) -> usize {
        self.articles.len()
    }

    /// The corpus of the articles taken, with `entities` (derived when empty) and `annotated`,
    /// the articles' entity texts shared with the table's rows.
    pub(crate) fn finish(
        self,
        entities: Vec<EntitySummary>,
        annotated: Vec<String>,
    ) -> Result<Corpus, CorpusError> {
        let Assembler {
            articles,
            tags,
            first_by_id_hash,
            texts,
            checked,
            ..
        } = self;
        // What only reading needed goes first, so that the tables of the corpus-wide steps
        // below take its room (a wasm memory keeps its peak).
        drop((tags, first_by_id_hash, texts));
        let mut corpus = Corpus {
            format: crate::FORMAT.to_string(),
            version: crate::VERSION,
            articles,
            entities,
            annotated,
        };
        if corpus.entities.is_empty() {
            corpus.entities = derive_entity_table(&corpus.articles);
        }
        corpus.share_entity_texts();
        if checked {
            check_entity_references(&corpus)?;
        }
        Ok(corpus)
    }
}

/// The title with its whitespace collapsed; most titles are clean already and are kept as they
/// are, without a new string.
fn tidy_title(title: String) -> String {
    let clean = !title.starts_with(char::is_whitespace)
        && !title.ends_with(char::is_whitespace)
        && !title
            .as_bytes()
            .windows(2)
            .any(|w| w[0].is_ascii_whitespace() && w[1].is_ascii_whitespace())
        && !title.chars().any(|c| c.is_whitespace() && c != ' ');
    if clean {
        title
    } else {
        lede_text::collapse_whitespace(&title)
    }
}

/// Drops the quotes' copies of their words once checked against the paragraphs: a loaded
/// quote reads them from its span ([`Quote::text`]).
fn drop_quote_copies(article: &mut Article) {
    for q in &mut article.quotes {
        q.held_text = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str) -> Article {
        Article {
            id: id.into(),
            title: format!("Title {id}"),
            paragraphs: vec!["Text.".into()].into(),
            ..Article::default()
        }
    }

    #[test]
    fn a_repeated_id_names_its_first_article_even_when_two_ids_share_a_hash() {
        let mut a = Assembler::default();
        for id in ["a", "b", "c"] {
            a.push(article(id)).unwrap();
        }
        let e = a.push(article("b")).unwrap_err();
        assert!(e.to_string().contains("duplicate of article 1"), "{e}");
        // "e" as if its hash were the hash of "a" (article 0): an equal hash is not a
        // duplicate, and a repeat of "e" is still found.
        let mut a = Assembler::default();
        a.push(article("a")).unwrap();
        let hash_of_e = a.id_key("e");
        a.first_by_id_hash.insert(hash_of_e, 0);
        a.push(article("e")).unwrap();
        a.push(article("f")).unwrap();
        let e = a.push(article("e")).unwrap_err();
        assert!(e.to_string().contains("duplicate of article 1"), "{e}");
        assert_eq!(a.len(), 3);
    }

    #[test]
    fn repeated_sources_bylines_editors_and_datelines_are_held_once_from_json_and_packs() {
        let wires = ["Reuters", "AP", "Reuters", "AP", "Reuters"];
        let cities = ["Oslo", "Oslo", "Lima", "Oslo", "Lima"];
        let articles: Vec<Article> = (0..wires.len())
            .map(|i| Article {
                source: Some(wires[i].into()),
                byline: Some("Ana Ruiz".into()),
                editor: (i % 2 == 0).then(|| "Bo Lind".into()),
                dateline: Some(cities[i].into()),
                ..article(&format!("a{i}"))
            })
            .collect();
        let written = Corpus::new(articles);
        let from_json = Corpus::from_json(&written.to_json_pretty()).unwrap();
        let from_pack = Corpus::from_compact_bytes(&written.to_compact_bytes()).unwrap();
        for corpus in [from_json, from_pack] {
            assert_eq!(corpus.articles, written.articles);
            let a = &corpus.articles;
            let field = |i: usize, f: fn(&Article) -> &Option<SharedStr>| f(&a[i]).clone().unwrap();
            let fields: [fn(&Article) -> &Option<SharedStr>; 4] =
                [|a| &a.source, |a| &a.byline, |a| &a.editor, |a| &a.dateline];
            for f in fields {
                for i in 0..a.len() {
                    for j in 0..a.len() {
                        let (Some(x), Some(y)) = (f(&a[i]), f(&a[j])) else {
                            continue;
                        };
                        assert_eq!(x.shares_with(y), x == y, "articles {i} and {j}: {x} {y}");
                    }
                }
            }
            assert_eq!(field(0, |a| &a.source), "Reuters");
        }
    }
}
