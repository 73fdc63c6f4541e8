//! Every quotation of a result set, grouped by speaker ("who said what"): one row per quotation
//! (a chain of quote pieces, as `Article::quotations` groups them), groups keyed by the speaker's
//! entity id or normalised name, descriptions (`a company spokesman`) and the unattributed kept
//! as groups of their own, ordered by count, name or date; with the evidence of each
//! attribution and the flat record that citations and exports are made from.

use std::collections::HashMap;

use lede_corpus::{Corpus, Date, Speaker};
use lede_text::{collapse_whitespace, fold_for_match, order};
use lede_view::QuoteSort;
use serde::Serialize;

/// One quotation of the corpus, as the quotes page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotationRow {
    /// Index of the article in `corpus.articles`.
    pub article: usize,
    /// The quotation's number in its article (as `Article::quotations` numbers them; the
    /// reader's `quote=`).
    pub number: usize,
    /// Its pieces, indices into the article's `quotes`, ascending.
    pub pieces: Vec<usize>,
    /// Its words, pieces joined with an ellipsis (`Article::quotation_text`).
    pub text: String,
    /// The first of its pieces that names a speaker.
    pub speaker_piece: Option<usize>,
    /// The first of its pieces that has a cue.
    pub cue_piece: Option<usize>,
    /// The first day of the article's date (a day number), when it has one that parses.
    pub day: Option<i32>,
}

/// What a speaker group stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerKind {
    /// A speaker linked to an entity of the corpus (grouped by entity id).
    Entity,
    /// A name without an entity (grouped by its folded form).
    Name,
    /// A description rather than a name (`a company spokesman`, `the union`).
    Description,
    /// Quotations nobody is named for.
    Unattributed,
}

/// The quotations of one speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerGroup {
    /// The grouping key: `entity:<id>`, `name:<folded>`, `description:<folded>` or
    /// `unattributed`; unique among the groups.
    pub key: String,
    /// The name shown: the first speaker name seen in the group, or "Unattributed".
    pub name: String,
    /// What the group stands for.
    pub kind: SpeakerKind,
    /// The entity id, for [`SpeakerKind::Entity`].
    pub entity: Option<String>,
    /// Its quotations, indices into the rows, latest first (undated last, then corpus order).
    pub rows: Vec<usize>,
    /// The latest day among its quotations.
    pub latest: Option<i32>,
}

/// How an attribution was made: the cue word, the words that stand for the speaker when
/// they differ from the name (a pronoun, a surname, a title) and the mentions followed from
/// them to the name, whether the speaker is a description, and the confidence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    /// The reporting verb or phrase (`said`).
    pub cue: Option<String>,
    /// The text naming the speaker when it differs from the resolved name (`he`).
    pub resolved_from: Option<String>,
    /// The mentions between those words and the name, nearest first (`Kalvane`).
    pub via: Vec<String>,
    /// The confidence of the attribution in percent, when the extractor gave one.
    pub confidence: Option<u8>,
    /// True when the speaker is a description with no name (`a senior executive`).
    pub description: bool,
}

/// Below this confidence (in percent) an attribution is shown as low confidence.
pub const LOW_CONFIDENCE: u8 = 50;

impl Evidence {
    /// True when the attribution's confidence is below [`LOW_CONFIDENCE`].
    pub fn is_low_confidence(&self) -> bool {
        self.confidence.is_some_and(|c| c < LOW_CONFIDENCE)
    }

    /// One line for people: `cue “said” · “he” → “Kalvane” → Wang Yi`, then `description,
    /// no name given` and `low confidence (42%)` when they apply; empty when there is no
    /// evidence.
    pub fn describe(&self, speaker: &str) -> String {
        let mut parts = Vec::new();
        // Corpus text holding bidi controls is isolated, so that it cannot reverse the rest.
        use lede_text::display::bidi_isolated;
        if let Some(cue) = &self.cue {
            parts.push(format!("cue \u{201c}{}\u{201d}", bidi_isolated(cue)));
        }
        if let Some(from) = &self.resolved_from {
            let mut chain = format!("\u{201c}{}\u{201d}", bidi_isolated(from));
            for v in &self.via {
                chain.push_str(&format!(" \u{2192} \u{201c}{}\u{201d}", bidi_isolated(v)));
            }
            parts.push(format!("{chain} \u{2192} {}", bidi_isolated(speaker)));
        }
        if self.description {
            parts.push("description, no name given".to_string());
        }
        if let Some(c) = self.confidence.filter(|_| self.is_low_confidence()) {
            parts.push(format!("low confidence ({c}%)"));
        }
        parts.join(" \u{b7} ")
    }
}

/// One quotation as flat fields: what a citation and an export row are made of.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct QuoteRecord {
    /// The speaker's name (`None`: unattributed).
    pub speaker: Option<String>,
    /// The speaker's entity id.
    pub speaker_id: Option<String>,
    /// The quoted words.
    pub quote: String,
    /// The cue.
    pub cue: Option<String>,
    /// The article id.
    pub article_id: String,
    /// The article's title.
    pub title: String,
    /// The article's date as written.
    pub date: Option<String>,
    /// The article's source.
    pub source: Option<String>,
    /// The evidence line ([`Evidence::describe`]).
    pub evidence: String,
    /// True when the attribution has low confidence ([`Evidence::is_low_confidence`]).
    #[serde(skip)]
    pub low_confidence: bool,
    /// The quotation's number in its article (the reader's `quote=`).
    pub number: usize,
}

impl QuotationRow {
    /// The speaker of the quotation, if any piece names one.
    pub fn speaker<'c>(&self, corpus: &'c Corpus) -> Option<&'c Speaker> {
        let a = &corpus.articles[self.article];
        self.speaker_piece
            .and_then(|p| a.quotes[p].speaker.as_ref())
    }

    /// The evidence of the attribution (`reader::quotation_evidence`, the one computation the
    /// reader's tooltips use too): the cue and the words the speaker's span covers when they
    /// differ from the speaker's name.
    pub fn evidence(&self, corpus: &Corpus) -> Evidence {
        crate::reader::quotation_evidence(&corpus.articles[self.article], &self.pieces)
    }
}

/// Every quotation of `articles` (indices into `corpus.articles`), article by article in the
/// order given, each article's quotations in its own order.
pub fn quotations(corpus: &Corpus, articles: &[usize]) -> Vec<QuotationRow> {
    let mut rows = Vec::new();
    for &i in articles {
        let Some(a) = corpus.articles.get(i) else {
            continue;
        };
        if a.quotes.is_empty() {
            continue;
        }
        let day = a
            .date
            .as_deref()
            .and_then(|d| Date::parse(d).ok())
            .map(|d| d.first_day());
        for (number, pieces) in a.quotations().into_iter().enumerate() {
            let speaker_piece = pieces
                .iter()
                .copied()
                .find(|&p| a.quotes[p].speaker.is_some());
            let cue_piece = pieces.iter().copied().find(|&p| a.quotes[p].cue.is_some());
            rows.push(QuotationRow {
                article: i,
                number,
                text: a.quotation_text(&pieces),
                pieces,
                speaker_piece,
                cue_piece,
                day,
            });
        }
    }
    rows
}

/// How many quotations `articles` hold, without building their rows.
pub fn quotation_count(corpus: &Corpus, articles: &[usize]) -> usize {
    articles
        .iter()
        .filter_map(|&i| corpus.articles.get(i))
        .filter(|a| !a.quotes.is_empty())
        .map(|a| a.quotation_of_pieces().iter().max().map_or(0, |m| m + 1))
        .sum()
}

/// Words that start a description rather than a name (`the minister`, `a spokesman`).
const DESCRIPTION_OPENERS: &[&str] = &["the", "a", "an", "one", "his", "her", "its", "their"];

/// True when a speaker name without an entity reads as a description: it starts in lowercase
/// or with an article or possessive (`The operator`, `a health ministry spokeswoman`).
fn is_description(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    first.chars().next().is_some_and(char::is_lowercase)
        || DESCRIPTION_OPENERS.contains(&fold_for_match(first).as_str())
}

/// The group key, kind and entity of a speaker.
fn group_of(speaker: Option<&Speaker>) -> (String, SpeakerKind, Option<String>) {
    match speaker {
        None => ("unattributed".into(), SpeakerKind::Unattributed, None),
        Some(Speaker {
            entity: Some(id), ..
        }) => (
            format!("entity:{id}"),
            SpeakerKind::Entity,
            Some(id.to_string()),
        ),
        Some(s) => {
            let folded = fold_for_match(&collapse_whitespace(&s.name));
            let described = s.kind.map_or_else(
                || is_description(&s.name),
                |k| k == lede_corpus::SpeakerKind::Description,
            );
            if described {
                (
                    format!("description:{folded}"),
                    SpeakerKind::Description,
                    None,
                )
            } else {
                (format!("name:{folded}"), SpeakerKind::Name, None)
            }
        }
    }
}

/// The rows `subset` (indices into `rows`) grouped by speaker, in `order`: most quotations
/// first (`Count`), by name with the unattributed last (`Name`), or latest quotation first
/// (`Date`, undated last); ties by count, then name. Every row of the subset is in exactly one
/// group.
pub fn group_by_speaker(
    corpus: &Corpus,
    rows: &[QuotationRow],
    subset: &[usize],
    order: QuoteSort,
) -> Vec<SpeakerGroup> {
    let mut groups: Vec<SpeakerGroup> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for &r in subset {
        let Some(row) = rows.get(r) else { continue };
        let speaker = row.speaker(corpus);
        let (key, kind, entity) = group_of(speaker);
        let g = *at.entry(key.clone()).or_insert_with(|| {
            groups.push(SpeakerGroup {
                key,
                name: speaker.map_or_else(|| "Unattributed".into(), |s| s.name.to_string()),
                kind,
                entity,
                rows: Vec::new(),
                latest: None,
            });
            groups.len() - 1
        });
        let group = &mut groups[g];
        group.rows.push(r);
        group.latest = group.latest.max(row.day);
    }
    for g in &mut groups {
        // Latest first, undated last; the sort is stable, so ties keep corpus order.
        order::sort_by_key(&mut g.rows, |&r| {
            order::descending(order::signed(rows[r].day.map_or(i64::MIN, i64::from)))
        });
    }
    in_order(groups, order)
}

/// `groups` in `order` ([`group_order`]), equal ones keeping their order (a stable sort).
fn in_order(groups: Vec<SpeakerGroup>, order: QuoteSort) -> Vec<SpeakerGroup> {
    let names: Vec<String> = groups.iter().map(|g| fold_for_match(&g.name)).collect();
    let mut order_of: Vec<u32> = (0..groups.len() as u32).collect();
    order::sort_indices_by(&mut order_of, &mut |a, b| {
        group_order(&groups, &names, order, a as usize, b as usize).then(a.cmp(&b))
    });
    let mut slots: Vec<Option<SpeakerGroup>> = groups.into_iter().map(Some).collect();
    order_of
        .into_iter()
        .filter_map(|i| slots[i as usize].take())
        .collect()
}

/// The order of groups `a` and `b` in `order`, `names` their folded names.
fn group_order(
    groups: &[SpeakerGroup],
    names: &[String],
    order: QuoteSort,
    a: usize,
    b: usize,
) -> std::cmp::Ordering {
    let unattributed = |i: usize| groups[i].kind == SpeakerKind::Unattributed;
    let by_count = |a: usize, b: usize| groups[b].rows.len().cmp(&groups[a].rows.len());
    match order {
        QuoteSort::Count => by_count(a, b).then_with(|| names[a].cmp(&names[b])),
        QuoteSort::Name => unattributed(a)
            .cmp(&unattributed(b))
            .then_with(|| names[a].cmp(&names[b]))
            .then_with(|| by_count(a, b)),
        QuoteSort::Date => groups[b]
            .latest
            .map_or(i64::MIN, i64::from)
            .cmp(&groups[a].latest.map_or(i64::MIN, i64::from))
            .then_with(|| by_count(a, b))
            .then_with(|| names[a].cmp(&names[b])),
    }
}

/// The flat record of one quotation.
pub fn record(corpus: &Corpus, row: &QuotationRow) -> QuoteRecord {
    let a = &corpus.articles[row.article];
    let speaker = row.speaker(corpus);
    let name = speaker.map_or("Unattributed", |s| s.name.as_str());
    let evidence = row.evidence(corpus);
    QuoteRecord {
        speaker: speaker.map(|s| s.name.to_string()),
        speaker_id: speaker.and_then(|s| s.entity.as_deref().map(str::to_string)),
        quote: row.text.clone(),
        cue: evidence.cue.clone(),
        article_id: a.id.clone(),
        title: a.display_title().into_owned(),
        date: a.date.as_deref().map(str::to_string),
        source: a.source.as_deref().map(str::to_string),
        evidence: evidence.describe(name),
        low_confidence: evidence.is_low_confidence(),
        number: row.number,
    }
}

/// The records of every row of `groups`, group by group in their order: what an export of
/// the view holds.
pub fn records(
    corpus: &Corpus,
    rows: &[QuotationRow],
    groups: &[SpeakerGroup],
) -> Vec<QuoteRecord> {
    groups
        .iter()
        .flat_map(|g| g.rows.iter().map(|&r| record(corpus, &rows[r])))
        .collect()
}

#[cfg(test)]
#[path = "quotes_tests.rs"]
mod tests;
