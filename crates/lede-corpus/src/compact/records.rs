//! The records of compact corpus bytes: the model's types field for field, in the model's
//! order, with every field written (a format without field names cannot leave one out, where
//! JSON leaves out the empty ones). The byte layout is pinned here, not by the model's JSON
//! attributes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{
    Article, ArticleEntity, Cue, EntityKind, EntitySummary, Quote, Span, Speaker, SpeakerKind,
    SpeakerMention,
};

/// The first record: everything but the articles, and how many follow.
#[derive(Serialize, Deserialize)]
pub(super) struct Head {
    /// [`crate::FORMAT`].
    pub format: String,
    /// [`crate::VERSION`].
    pub version: u32,
    /// The corpus's `annotated`.
    pub annotated: Vec<String>,
    /// The entity table.
    pub entities: Vec<PackEntitySummary>,
    /// How many article records follow.
    pub articles: u64,
}

/// An [`Article`] record.
#[derive(Serialize, Deserialize)]
pub(super) struct PackArticle {
    id: String,
    title: String,
    date: Option<String>,
    source: Option<String>,
    byline: Option<String>,
    editor: Option<String>,
    dateline: Option<String>,
    url: Option<String>,
    paragraphs: Vec<String>,
    quotes: Vec<PackQuote>,
    entities: Vec<PackArticleEntity>,
    tags: BTreeMap<String, Vec<String>>,
}

/// A [`Span`].
#[derive(Serialize, Deserialize)]
struct PackSpan {
    paragraph: usize,
    start: usize,
    end: usize,
}

/// A [`Quote`].
#[derive(Serialize, Deserialize)]
struct PackQuote {
    paragraph: usize,
    start: usize,
    end: usize,
    text: String,
    speaker: Option<PackSpeaker>,
    cue: Option<PackCue>,
    next: Option<usize>,
    rule: Option<String>,
}

/// A [`Speaker`].
#[derive(Serialize, Deserialize)]
struct PackSpeaker {
    name: String,
    entity: Option<String>,
    span: Option<PackSpan>,
    kind: Option<SpeakerKind>,
    resolved_from: Vec<PackSpeakerMention>,
    confidence: Option<f32>,
}

/// A [`SpeakerMention`].
#[derive(Serialize, Deserialize)]
struct PackSpeakerMention {
    text: String,
    span: PackSpan,
}

/// A [`Cue`].
#[derive(Serialize, Deserialize)]
struct PackCue {
    text: String,
    span: PackSpan,
}

/// An [`ArticleEntity`].
#[derive(Serialize, Deserialize)]
struct PackArticleEntity {
    id: String,
    name: String,
    kind: EntityKind,
    aliases: Vec<String>,
    mentions: Vec<PackSpan>,
}

/// An [`EntitySummary`].
#[derive(Serialize, Deserialize)]
pub(super) struct PackEntitySummary {
    id: String,
    name: String,
    kind: EntityKind,
    aliases: Vec<String>,
    article_count: usize,
    quoted_count: usize,
}

impl From<&Span> for PackSpan {
    fn from(s: &Span) -> Self {
        PackSpan {
            paragraph: s.paragraph,
            start: s.start,
            end: s.end,
        }
    }
}

impl From<PackSpan> for Span {
    fn from(s: PackSpan) -> Self {
        Span {
            paragraph: s.paragraph,
            start: s.start,
            end: s.end,
        }
    }
}

impl From<&Quote> for PackQuote {
    fn from(q: &Quote) -> Self {
        PackQuote {
            paragraph: q.paragraph,
            start: q.start,
            end: q.end,
            text: q.text.clone(),
            speaker: q.speaker.as_ref().map(|s| PackSpeaker {
                name: s.name.clone(),
                entity: s.entity.clone(),
                span: s.span.as_ref().map(PackSpan::from),
                kind: s.kind,
                resolved_from: s
                    .resolved_from
                    .iter()
                    .map(|m| PackSpeakerMention {
                        text: m.text.clone(),
                        span: PackSpan::from(&m.span),
                    })
                    .collect(),
                confidence: s.confidence,
            }),
            cue: q.cue.as_ref().map(|c| PackCue {
                text: c.text.clone(),
                span: PackSpan::from(&c.span),
            }),
            next: q.next,
            rule: q.rule.clone(),
        }
    }
}

impl From<PackQuote> for Quote {
    fn from(q: PackQuote) -> Self {
        Quote {
            paragraph: q.paragraph,
            start: q.start,
            end: q.end,
            text: q.text,
            speaker: q.speaker.map(|s| Speaker {
                name: s.name,
                entity: s.entity,
                span: s.span.map(Span::from),
                kind: s.kind,
                resolved_from: s
                    .resolved_from
                    .into_iter()
                    .map(|m| SpeakerMention {
                        text: m.text,
                        span: m.span.into(),
                    })
                    .collect(),
                confidence: s.confidence,
            }),
            cue: q.cue.map(|c| Cue {
                text: c.text,
                span: c.span.into(),
            }),
            next: q.next,
            rule: q.rule,
        }
    }
}

impl From<&ArticleEntity> for PackArticleEntity {
    fn from(e: &ArticleEntity) -> Self {
        PackArticleEntity {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind,
            aliases: e.aliases.clone(),
            mentions: e.mentions.iter().map(PackSpan::from).collect(),
        }
    }
}

impl From<PackArticleEntity> for ArticleEntity {
    fn from(e: PackArticleEntity) -> Self {
        ArticleEntity {
            id: e.id,
            name: e.name,
            kind: e.kind,
            aliases: e.aliases,
            mentions: e.mentions.into_iter().map(Span::from).collect(),
        }
    }
}

impl From<&Article> for PackArticle {
    fn from(a: &Article) -> Self {
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
            quotes: a.quotes.iter().map(PackQuote::from).collect(),
            entities: a.entities.iter().map(PackArticleEntity::from).collect(),
            tags: a.tags.clone(),
        }
    }
}

impl From<PackArticle> for Article {
    fn from(a: PackArticle) -> Self {
        Article {
            id: a.id,
            title: a.title,
            date: a.date,
            source: a.source,
            byline: a.byline,
            editor: a.editor,
            dateline: a.dateline,
            url: a.url,
            paragraphs: a.paragraphs,
            quotes: a.quotes.into_iter().map(Quote::from).collect(),
            entities: a.entities.into_iter().map(ArticleEntity::from).collect(),
            tags: a.tags,
        }
    }
}

impl From<&EntitySummary> for PackEntitySummary {
    fn from(e: &EntitySummary) -> Self {
        PackEntitySummary {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind,
            aliases: e.aliases.clone(),
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
            aliases: e.aliases,
            article_count: e.article_count,
            quoted_count: e.quoted_count,
        }
    }
}
