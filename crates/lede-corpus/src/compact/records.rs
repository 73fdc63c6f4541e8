//! The records of compact corpus bytes: the model's types field for field, in the model's
//! order, with every field written (a format without field names cannot leave one out, where
//! JSON leaves out the empty ones) — except what the record can point to or derive: entity ids
//! are rows of the head's entity table, a name the same as its row's is left out, a quotation's,
//! cue's or mention's text the same as the paragraph at its offsets is left out, and a span is
//! its paragraph, start and length. The byte layout is pinned here, not by the model's JSON
//! attributes.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::{
    Article, ArticleEntity, Cue, EntityKind, EntitySummary, Quote, Span, Speaker, SpeakerKind,
    SpeakerMention,
};
use crate::paragraphs::Paragraphs;
use crate::shared_str::{SharedStr, StrPool};
use crate::tags::Tags;
/// The first record: everything but the articles, and how many follow. Written with the
/// table as `Vec<PackEntitySummary>`, read as [`EntityRows`].
#[derive(Serialize, Deserialize)]
pub(super) struct Head<Rows> {
    /// [`crate::FORMAT`].
    pub format: String,
    /// [`crate::VERSION`].
    pub version: u32,
    /// The corpus's `annotated`.
    pub annotated: Vec<String>,
    /// The entity table.
    pub entities: Rows,
    /// How many article records follow.
    pub articles: u64,
}

/// An [`EntitySummary`].
#[derive(Serialize, Deserialize)]
pub(super) struct PackEntitySummary {
    id: SharedStr,
    name: SharedStr,
    kind: EntityKind,
    aliases: Vec<String>,
    article_count: usize,
    quoted_count: usize,
}

/// The entity table as read: each [`PackEntitySummary`] made a row as it is read, into a
/// `Vec` sized by the record's count (bounded, as the count may be forged), so that no
/// table grown by doubling is copied or kept (Reuters: 31,494 rows, where serde's cautious
/// first capacity and doubling held room for 52,428 twice).
pub(super) struct EntityRows(pub Vec<EntitySummary>);

/// The most rows [`EntityRows`] reserves before reading them.
const MAX_RESERVED_ROWS: usize = 1 << 16;

impl<'de> Deserialize<'de> for EntityRows {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Rows;
        impl<'de> serde::de::Visitor<'de> for Rows {
            type Value = EntityRows;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a sequence of entity rows")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<EntityRows, A::Error> {
                let reserve = seq.size_hint().unwrap_or(0).min(MAX_RESERVED_ROWS);
                let mut rows = Vec::with_capacity(reserve);
                while let Some(row) = seq.next_element::<PackEntitySummary>()? {
                    rows.push(EntitySummary::from(row));
                }
                rows.shrink_to_fit();
                Ok(EntityRows(rows))
            }
        }
        deserializer.deserialize_seq(Rows)
    }
}

/// What packing an article refers to: the entity table's rows by id.
pub(super) struct Table<'a> {
    rows: &'a [EntitySummary],
    by_id: HashMap<&'a str, u32>,
}

impl<'a> Table<'a> {
    /// The lookup of `rows`.
    pub fn new(rows: &'a [EntitySummary]) -> Self {
        let by_id = rows
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i as u32))
            .collect();
        Table { rows, by_id }
    }

    fn pack_id(&self, id: &str) -> EntityRef {
        match self.by_id.get(id) {
            Some(&row) => EntityRef::Row(row),
            None => EntityRef::Id(id.to_string()),
        }
    }

    /// `name` unless it is the table's name for `id`.
    fn pack_name(&self, id: &str, name: &str) -> Option<String> {
        let same = self
            .by_id
            .get(id)
            .is_some_and(|&row| self.rows[row as usize].name == name);
        (!same).then(|| name.to_string())
    }
}

/// The id and table name of `r` among `rows` (the row's own texts, shared); the error names a
/// row the table does not have.
fn unpack_id(
    rows: &[EntitySummary],
    r: EntityRef,
) -> Result<(SharedStr, Option<&SharedStr>), String> {
    match r {
        EntityRef::Id(id) => Ok((id.into(), None)),
        EntityRef::Row(row) => {
            let e = rows.get(row as usize).ok_or_else(|| {
                format!("entity row {row} is not in the table ({} rows)", rows.len())
            })?;
            Ok((e.id.clone(), Some(&e.name)))
        }
    }
}

/// An entity id: a row of the head's entity table, or an id the table does not have.
#[derive(Serialize, Deserialize)]
enum EntityRef {
    Row(u32),
    Id(String),
}

/// An [`Article`] record.
#[derive(Serialize, Deserialize)]
pub(super) struct PackArticle {
    id: String,
    title: String,
    date: Option<Box<str>>,
    source: Option<SharedStr>,
    byline: Option<SharedStr>,
    editor: Option<SharedStr>,
    dateline: Option<SharedStr>,
    url: Option<Box<str>>,
    paragraphs: Paragraphs,
    quotes: Vec<PackQuote>,
    entities: Vec<PackArticleEntity>,
    /// The bytes of a map of string lists, as the model's `BTreeMap` wrote them before.
    tags: Tags,
}

/// A [`Span`]: paragraph, start and length in chars.
#[derive(Serialize, Deserialize)]
struct PackSpan(usize, usize, usize);

/// A [`Quote`]; `text` is `None` when it is the paragraph's text at its offsets (a loaded
/// quote holds none: the loader checks a given one against them, then drops it).
#[derive(Serialize, Deserialize)]
struct PackQuote {
    span: PackSpan,
    text: Option<String>,
    speaker: Option<PackSpeaker>,
    cue: Option<PackCue>,
    next: Option<usize>,
    rule: Option<String>,
}

/// A [`Speaker`]; `name` is `None` when it is its entity's name in the table.
#[derive(Serialize, Deserialize)]
struct PackSpeaker {
    name: Option<String>,
    entity: Option<EntityRef>,
    span: Option<PackSpan>,
    kind: Option<SpeakerKind>,
    resolved_from: Vec<PackCue>,
    confidence: Option<f32>,
}

/// A [`Cue`] or a [`SpeakerMention`]: `text` is `None` when it is the text at its span.
#[derive(Serialize, Deserialize)]
struct PackCue {
    text: Option<String>,
    span: PackSpan,
}

/// An [`ArticleEntity`]; `name` is `None` when it is the table's name.
#[derive(Serialize, Deserialize)]
struct PackArticleEntity {
    id: EntityRef,
    name: Option<String>,
    kind: EntityKind,
    aliases: Vec<String>,
    mentions: Vec<PackSpan>,
}

impl PackSpan {
    fn pack(s: &Span) -> Self {
        PackSpan(s.paragraph, s.start, s.end.saturating_sub(s.start))
    }

    /// The span; a length past `usize` is an error (a span the checks would refuse anyway).
    fn unpack(self) -> Result<Span, String> {
        let end = self
            .1
            .checked_add(self.2)
            .ok_or_else(|| format!("a span's end {} + {} is too large", self.1, self.2))?;
        Ok(Span {
            paragraph: self.0,
            start: self.1,
            end,
        })
    }
}

/// The text of `paragraphs` at `span` (shorter or empty when the span is outside them: the
/// article's checks then name it).
fn text_at(paragraphs: &Paragraphs, span: &Span) -> String {
    paragraphs
        .get(span.paragraph)
        .map_or_else(String::new, |p| {
            p.chars()
                .skip(span.start)
                .take(span.end.saturating_sub(span.start))
                .collect()
        })
}

/// `text` unless it is the text at `span`.
fn pack_text(paragraphs: &Paragraphs, span: &Span, text: &str) -> Option<String> {
    (text_at(paragraphs, span) != text).then(|| text.to_string())
}

impl PackArticle {
    /// The record of `a`, its entities pointing into `table`.
    pub fn pack(a: &Article, table: &Table) -> Self {
        let paras = &a.paragraphs;
        let cue = |text: &str, span: &Span| PackCue {
            text: pack_text(paras, span, text),
            span: PackSpan::pack(span),
        };
        let quotes = a
            .quotes
            .iter()
            .map(|q| {
                let span = Span {
                    paragraph: q.paragraph,
                    start: q.start,
                    end: q.end,
                };
                PackQuote {
                    span: PackSpan::pack(&span),
                    text: pack_text(paras, &span, q.text(paras)),
                    speaker: q.speaker.as_ref().map(|s| PackSpeaker {
                        name: match &s.entity {
                            Some(id) => table.pack_name(id, &s.name),
                            None => Some(s.name.to_string()),
                        },
                        entity: s.entity.as_deref().map(|id| table.pack_id(id)),
                        span: s.span.as_ref().map(PackSpan::pack),
                        kind: s.kind,
                        resolved_from: s
                            .resolved_from
                            .iter()
                            .map(|m| cue(&m.text, &m.span))
                            .collect(),
                        confidence: s.confidence,
                    }),
                    cue: q.cue.as_ref().map(|c| cue(&c.text, &c.span)),
                    next: q.next,
                    rule: q.rule.as_deref().map(str::to_string),
                }
            })
            .collect();
        let entities = a
            .entities
            .iter()
            .map(|e| PackArticleEntity {
                id: table.pack_id(&e.id),
                name: table.pack_name(&e.id, &e.name),
                kind: e.kind,
                aliases: e.aliases.iter().map(|a| a.to_string()).collect(),
                mentions: e.mentions.iter().map(PackSpan::pack).collect(),
            })
            .collect();
        PackArticle {
            id: a.id.clone(),
            title: a.title.clone(),
            date: a.date.clone(),
            source: a.source.clone(),
            byline: a.byline.clone(),
            editor: a.editor.clone(),
            dateline: a.dateline.clone(),
            url: a.url.clone(),
            paragraphs: a.paragraphs.clone(),
            quotes,
            entities,
            tags: a.tags.clone(),
        }
    }

    /// The article, its entity rows and left-out texts filled in from the entity table `rows`
    /// and its paragraphs, its other repeated texts (rule names, cues, aliases) `texts`'s
    /// copies; the error is (article id, field, message).
    pub fn unpack(
        self,
        rows: &[EntitySummary],
        texts: &mut StrPool,
    ) -> Result<Article, (String, String, String)> {
        let annotations = (self.quotes, self.entities);
        let (quotes, entities) =
            match unpack_annotations(annotations, &self.paragraphs, rows, texts) {
                Ok(parts) => parts,
                Err((field, message)) => return Err((self.id, field, message)),
            };
        Ok(Article {
            id: self.id,
            title: self.title,
            date: self.date,
            source: self.source,
            byline: self.byline,
            editor: self.editor,
            dateline: self.dateline,
            url: self.url,
            paragraphs: self.paragraphs,
            quotes,
            entities,
            tags: self.tags,
        })
    }
}

/// A field and what is wrong with it.
type Fault = (String, String);

/// The quotations and entities of an article, from their records; their repeated texts are
/// `texts`'s copies.
fn unpack_annotations(
    (packed_quotes, packed_entities): (Vec<PackQuote>, Vec<PackArticleEntity>),
    paras: &Paragraphs,
    rows: &[EntitySummary],
    texts: &mut StrPool,
) -> Result<(Vec<Quote>, Vec<ArticleEntity>), Fault> {
    {
        let cue =
            |c: PackCue, texts: &mut StrPool, field: &dyn Fn() -> String| -> Result<Cue, Fault> {
                let span = c.span.unpack().map_err(|e| (field(), e))?;
                let text = match c.text {
                    Some(text) => texts.text(&text),
                    None => texts.text(&text_at(paras, &span)),
                };
                Ok(Cue { text, span })
            };
        let mut quotes = Vec::with_capacity(packed_quotes.len());
        for (i, q) in packed_quotes.into_iter().enumerate() {
            let span = q.span.unpack().map_err(|e| (format!("quotes[{i}]"), e))?;
            let speaker = match q.speaker {
                None => None,
                Some(s) => {
                    let field = || format!("quotes[{i}].speaker");
                    let (entity, table_name) = match s.entity {
                        Some(r) => {
                            let (id, name) = unpack_id(rows, r).map_err(|e| (field(), e))?;
                            (Some(id), name)
                        }
                        None => (None, None),
                    };
                    let name = match (s.name, table_name) {
                        (Some(name), _) => texts.text(&name),
                        (None, Some(name)) => name.clone(),
                        (None, None) => {
                            return Err((field(), "a speaker without a name".into()));
                        }
                    };
                    let mut resolved_from = Vec::with_capacity(s.resolved_from.len());
                    for (j, m) in s.resolved_from.into_iter().enumerate() {
                        let field = || format!("quotes[{i}].speaker.resolved_from[{j}]");
                        let c = cue(m, texts, &field)?;
                        resolved_from.push(SpeakerMention {
                            text: c.text,
                            span: c.span,
                        });
                    }
                    let span = match s.span {
                        Some(sp) => Some(sp.unpack().map_err(|e| (field(), e))?),
                        None => None,
                    };
                    Some(Speaker {
                        name,
                        entity,
                        span,
                        kind: s.kind,
                        resolved_from: resolved_from.into_boxed_slice(),
                        confidence: s.confidence,
                    })
                }
            };
            let cue_of = match q.cue {
                Some(c) => Some(cue(c, texts, &|| format!("quotes[{i}].cue"))?),
                None => None,
            };
            quotes.push(Quote {
                paragraph: span.paragraph,
                start: span.start,
                end: span.end,
                held_text: q.text.map(String::into_boxed_str),
                speaker,
                cue: cue_of,
                next: q.next,
                rule: q.rule.map(|r| texts.text(&r)),
            });
        }
        let mut entities = Vec::with_capacity(packed_entities.len());
        for (i, e) in packed_entities.into_iter().enumerate() {
            let field = || format!("entities[{i}]");
            let (id, table_name) = unpack_id(rows, e.id).map_err(|m| (field(), m))?;
            let name = match (e.name, table_name) {
                (Some(name), _) => name.into(),
                (None, Some(name)) => name.clone(),
                (None, None) => return Err((field(), "an entity without a name".into())),
            };
            let mut mentions = Vec::with_capacity(e.mentions.len());
            for (j, m) in e.mentions.into_iter().enumerate() {
                mentions.push(
                    m.unpack()
                        .map_err(|m| (format!("entities[{i}].mentions[{j}]"), m))?,
                );
            }
            entities.push(ArticleEntity {
                id,
                name,
                kind: e.kind,
                aliases: e.aliases.iter().map(|a| texts.text(a)).collect(),
                mentions: mentions.into(),
            });
        }
        Ok((quotes, entities))
    }
}

impl From<&EntitySummary> for PackEntitySummary {
    fn from(e: &EntitySummary) -> Self {
        PackEntitySummary {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind,
            aliases: e.aliases.iter().map(|a| a.to_string()).collect(),
            article_count: e.article_count,
            quoted_count: e.quoted_count,
        }
    }
}

impl From<PackEntitySummary> for EntitySummary {
    fn from(e: PackEntitySummary) -> Self {
        EntitySummary {
            id: e.id,
            name: e.name,
            kind: e.kind,
            aliases: e.aliases.into_iter().map(SharedStr::from).collect(),
            article_count: e.article_count,
            quoted_count: e.quoted_count,
        }
    }
}
