//! The corpus types as they are serialised in format v1 (JSON leaves out empty and absent
//! fields; compact packs write their own record types, see `compact::records`). Texts a corpus
//! repeats are [`SharedStr`]s, held once however many articles name them.
//! [`Corpus::new`], which derives the entity table, is in `entity_table`.

use serde::{Deserialize, Serialize};

use crate::mentions::Mentions;
use crate::paragraphs::Paragraphs;
use crate::shared_str::SharedStr;
use crate::tags::Tags;

/// A whole corpus: the articles and the corpus-wide entity table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    /// Always [`crate::FORMAT`].
    pub format: String,
    /// Always [`crate::VERSION`] for what this crate writes.
    pub version: u32,
    /// The articles, in the order the corpus lists them.
    pub articles: Vec<Article>,
    /// One row per distinct entity across all articles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<EntitySummary>,
    /// The extractors (`quotes`, `entities`) that ran over every article: an article's empty
    /// list then means it has none, and readers need not extract them again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotated: Vec<String>,
}

impl Corpus {
    /// True when `annotated` says the extractor `name` (`quotes`, `entities`) ran over every
    /// article.
    pub fn is_annotated(&self, name: &str) -> bool {
        self.annotated.iter().any(|a| a == name)
    }

    /// Serialises the corpus as pretty-printed JSON (stable field order).
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("corpus types always serialise")
    }
}

/// One news article. Serialised by `quote_text`, which writes each quote's `text` from the
/// paragraphs (a loaded corpus holds no copy of it).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Article {
    /// Stable id, unique in the corpus (a file stem, or `reuters-<NEWID>`).
    pub id: String,
    /// The headline, whitespace collapsed.
    pub title: String,
    /// Publication date, ISO 8601 (`2024-07-01`, or with a time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Box<str>>,
    /// Publication or wire the story comes from (`ATN`, `Reuters`); a loaded corpus holds each
    /// source once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SharedStr>,
    /// The author(s) as printed (held once per loaded corpus, as `source`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<SharedStr>,
    /// The editor named on the masthead (held once per loaded corpus, as `source`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editor: Option<SharedStr>,
    /// The place of the dateline, title-cased (`Kabul`; held once per loaded corpus, as
    /// `source`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<SharedStr>,
    /// Where the article was published, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Box<str>>,
    /// The body, one exact string per paragraph (held as one string).
    pub paragraphs: Paragraphs,
    /// Direct quotation pieces, in reading order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// Named entities mentioned in the body.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<ArticleEntity>,
    /// Category tags the source supplies, by kind (`places`, `people`, `orgs`, `topics`,
    /// `exchanges` for Reuters-21578), each list in source order.
    #[serde(default, skip_serializing_if = "Tags::is_empty")]
    pub tags: Tags,
}

/// A span of one paragraph: `[start, end)` in chars.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Index into the article's `paragraphs`.
    pub paragraph: usize,
    /// First char of the span.
    pub start: usize,
    /// One past the last char of the span.
    pub end: usize,
}

impl Span {
    /// The chars `[start, end)` of paragraph `paragraph`.
    pub const fn new(paragraph: usize, start: usize, end: usize) -> Span {
        Span {
            paragraph,
            start,
            end,
        }
    }
}

/// One piece of a direct quotation: the quoted words without the quote marks. Its words are
/// [`Quote::text`]; equality compares the held copies only when both quotes hold one (see
/// `quote_text`, which also serialises it).
#[derive(Debug, Clone, Deserialize)]
pub struct Quote {
    /// Index into the article's `paragraphs`.
    pub paragraph: usize,
    /// First char of the quoted words (after the opening mark).
    pub start: usize,
    /// One past the last quoted char (before the closing mark).
    pub end: usize,
    /// The quoted words as an extractor or a fixture holds them, which must be exactly
    /// `paragraphs[paragraph][start..end]` in chars; `None` in a loaded corpus, whose quotes
    /// read them from the paragraphs (the loader checks the JSON's `text`, then drops it). Read
    /// them with [`Quote::text`].
    #[serde(rename = "text", deserialize_with = "crate::quote_text::held_text")]
    pub held_text: Option<Box<str>>,
    /// Who said it, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
    /// The reporting verb or phrase (`said`, `told reporters`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Cue>,
    /// Index in the article's `quotes` of the next piece of the same quotation (split by an
    /// attribution or running into the next paragraph).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<usize>,
    /// Name of the extraction rule that found it (a loaded corpus holds each rule name once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<SharedStr>,
}

/// The speaker of a quote.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The resolved name (`Wang Yi`), or the description when no name is known (a loaded
    /// corpus shares it with the entity table's row when it is the row's name).
    pub name: SharedStr,
    /// Id of the speaker in the corpus entity table, when the speaker is a known entity (a
    /// loaded corpus shares it with the table's row).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<SharedStr>,
    /// Where the speaker is named in the text (may be a pronoun that was resolved).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// What the speaker is: a person, an organisation, or a description kept as written
    /// because the article gives no name (`a senior executive`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SpeakerKind>,
    /// The mentions a pronoun, surname or description was resolved through, nearest first
    /// (`he` → `Kalvane` → `Idris Kalvane`); empty when the words at `span` are the name.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub resolved_from: Box<[SpeakerMention]>,
    /// How likely the attribution is right, in [0, 1], calibrated on held-out data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
}

/// What kind of speaker a quotation is attributed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A named person.
    Person,
    /// A named organisation (a ministry, a company, a newspaper).
    Organization,
    /// A description with no name behind it (`a senior executive`), kept as written.
    Description,
}

/// One mention on the way from the speaker's words to the name: its text and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerMention {
    /// The mention as written (`Kalvane`, `Idris Kalvane`; a loaded corpus holds each text
    /// once).
    pub text: SharedStr,
    /// Where it stands.
    pub span: Span,
}

/// The reporting verb or phrase that attributes a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    /// The cue as written (`told`, `according to`; a loaded corpus holds each text once).
    pub text: SharedStr,
    /// Where it stands.
    pub span: Span,
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, ministry, party, agency, team or other organisation.
    Organization,
    /// A country, city, region or other place.
    Place,
    /// Anything else worth naming (events, laws, products).
    Other,
}

impl EntityKind {
    /// The kinds in display order.
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Other,
    ];

    /// The name used in the JSON format and the URL.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }
}

/// An entity as mentioned in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleEntity {
    /// Corpus-wide id (the same entity has the same id in every article); a loaded corpus
    /// shares it with the entity table's row.
    pub id: SharedStr,
    /// The canonical name (shared with the table's row when it is the same).
    pub name: SharedStr,
    /// What it is.
    pub kind: EntityKind,
    /// Other names it goes by in this article (a loaded corpus holds each text once).
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub aliases: Box<[SharedStr]>,
    /// Where it is mentioned (one span inline: most entities are mentioned once).
    #[serde(default, skip_serializing_if = "Mentions::is_empty")]
    pub mentions: Mentions,
}

/// One row of the corpus-wide entity table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntitySummary {
    /// The id articles refer to.
    pub id: SharedStr,
    /// The canonical name.
    pub name: SharedStr,
    /// What it is.
    pub kind: EntityKind,
    /// Every other name seen for it across the corpus (shared with the articles' aliases).
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub aliases: Box<[SharedStr]>,
    /// How many articles mention it.
    #[serde(default)]
    pub article_count: usize,
    /// How many quotes it is the speaker of.
    #[serde(default)]
    pub quoted_count: usize,
}
