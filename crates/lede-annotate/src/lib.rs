//! The annotate recipe, written once: each article's quotes (the quote extractor), then its
//! entities (the tagger, told about the quotes' speakers) with the speakers linked to them,
//! then across the corpus one kind and so one id per entity name, the entity table, and the
//! `annotated` marks that say the extractors ran over every article.
//!
//! The per-article step ([`annotate_article`]) is independent across articles, so a caller may
//! map it in parallel (`lede ingest` does, through lede-ingest's annotate hook) and then run the
//! corpus step ([`finish`]) once; [`annotate`] runs both in sequence, and [`fill_missing`]
//! annotates only what a corpus from elsewhere lacks (the app does that when it loads one).
//! No threads and no IO here, so it runs in the browser (a Web Worker) unchanged.
//!
//! A crate of its own rather than part of lede-entities: the recipe needs the quote extractor
//! too, and lede-entities (the tagger the app fetches) has no reason to depend on lede-quotes.

mod window;

use lede_corpus::{derive_entity_table, Article, Corpus, EntityKind, SpeakerKind};
use lede_entities::Tagger;

pub use window::{PIECE_CHARS, WINDOW_CHARS};

/// The extractors the recipe runs, as written in a corpus's `annotated` list.
pub const MARKS: [&str; 2] = ["quotes", "entities"];

/// The per-article step: the article's quotes, then its entities, with the speakers linked.
/// Whatever quotes and entities it had are replaced.
pub fn annotate_article(article: &mut Article, tagger: &Tagger) {
    annotate_quotes(article);
    annotate_entities(article, tagger);
}

/// The quote part of the per-article step: the article's quotations and their speakers. A
/// very long article (over [`WINDOW_CHARS`], or a paragraph over [`PIECE_CHARS`]) is annotated
/// in windows, so that the time grows linearly with its length.
pub fn annotate_quotes(article: &mut Article) {
    article.quotes = match window::plan(&article.paragraphs) {
        Some(plan) => plan.quotes(),
        None => lede_quotes::extract_quotes(&article.paragraphs),
    };
}

/// The entity part of the per-article step: the article's entities (its quotes' speakers
/// count as person mentions), and each quote's speaker linked to the entity it names; in
/// windows for a very long article, as [`annotate_quotes`].
pub fn annotate_entities(article: &mut Article, tagger: &Tagger) {
    article.entities = match window::plan(&article.paragraphs) {
        Some(plan) => plan.entities(&article.quotes, tagger),
        None => lede_entities::extract_entities(&article.paragraphs, tagger, &article.quotes),
    };
    lede_entities::link_speakers(&mut article.quotes, &article.entities);
    speaker_kinds(article);
}

/// Each linked speaker takes its kind from its entity when the entity bears the speaker's
/// name: a person or an organisation (a description stays one, and a speaker linked to a
/// place, another kind or an entity of another name keeps the kind the quote extractor gave).
pub fn speaker_kinds(article: &mut Article) {
    for q in &mut article.quotes {
        let Some(s) = q.speaker.as_mut() else {
            continue;
        };
        if s.kind == Some(SpeakerKind::Description) {
            continue;
        }
        let Some(id) = s.entity.as_deref() else {
            continue;
        };
        // Only an entity that is the speaker by name: a link by span can land on a place or
        // organisation inside the speaker's words (`Velmora Mayor Sunniva Okafor-Brandt`).
        let name = lede_text::fold_for_match(&s.name);
        let kind = article
            .entities
            .iter()
            .find(|e| e.id == id)
            .filter(|e| {
                lede_text::fold_for_match(&e.name) == name
                    || e.aliases
                        .iter()
                        .any(|a| lede_text::fold_for_match(a) == name)
            })
            .map(|e| e.kind);
        match kind {
            Some(EntityKind::Person) => s.kind = Some(SpeakerKind::Person),
            Some(EntityKind::Organization) => s.kind = Some(SpeakerKind::Organization),
            _ => {}
        }
    }
}

/// The corpus step, after the per-article one: one kind (so one id) per entity name across the
/// articles, the speakers linked again, and the entity table derived (the articles' entity texts
/// then shared with its rows). With
/// `every_article_annotated` (the per-article step ran over every article) the corpus is
/// marked with [`MARKS`]; otherwise the marks are left as they are.
pub fn finish(corpus: &mut Corpus, every_article_annotated: bool) {
    lede_entities::unify_kinds(&mut corpus.articles);
    corpus.articles.iter_mut().for_each(speaker_kinds);
    corpus.entities = derive_entity_table(&corpus.articles);
    corpus.share_entity_texts();
    if every_article_annotated {
        corpus.annotated = MARKS.iter().map(|m| m.to_string()).collect();
    }
}

/// The whole recipe in sequence: [`annotate_article`] over every article, telling `progress`
/// (articles done, articles in all) after each, then [`finish`] with the marks.
pub fn annotate(corpus: &mut Corpus, tagger: &Tagger, mut progress: impl FnMut(usize, usize)) {
    let total = corpus.articles.len();
    for (done, article) in corpus.articles.iter_mut().enumerate() {
        annotate_article(article, tagger);
        progress(done + 1, total);
    }
    finish(corpus, true);
}

/// True when `corpus` lacks entities the recipe would add: it is not marked `entities` and
/// some article has none (then [`fill_missing`] wants a tagger).
pub fn lacks_entities(corpus: &Corpus) -> bool {
    !corpus.is_annotated("entities") && corpus.articles.iter().any(|a| a.entities.is_empty())
}

/// True when [`fill_missing`] would add something with a tagger: quotes (the corpus is not
/// marked `quotes` and some article has none) or entities ([`lacks_entities`]).
pub fn lacks_annotations(corpus: &Corpus) -> bool {
    (!corpus.is_annotated("quotes") && corpus.articles.iter().any(|a| a.quotes.is_empty()))
        || lacks_entities(corpus)
}

/// What [`fill_missing`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filled {
    /// Articles that got their quotes.
    pub quotes: usize,
    /// Articles that got their entities.
    pub entities: usize,
    /// Words in the articles that got their entities.
    pub entity_words: usize,
}

/// Annotates what a corpus from elsewhere lacks, leaving what it has: quotes for the articles
/// without any unless the corpus is marked `quotes`; with a tagger, entities (speakers linked)
/// for the articles without any unless it is marked `entities`, and then the corpus step
/// (marks untouched). Without a tagger the articles stay without entities.
pub fn fill_missing(corpus: &mut Corpus, tagger: Option<&Tagger>) -> Filled {
    let mut filled = Filled::default();
    if !corpus.is_annotated("quotes") {
        for article in corpus.articles.iter_mut().filter(|a| a.quotes.is_empty()) {
            annotate_quotes(article);
            filled.quotes += 1;
        }
    }
    let Some(tagger) = tagger.filter(|_| lacks_entities(corpus)) else {
        return filled;
    };
    for article in corpus.articles.iter_mut().filter(|a| a.entities.is_empty()) {
        filled.entities += 1;
        filled.entity_words += article
            .paragraphs
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum::<usize>();
        annotate_entities(article, tagger);
    }
    finish(corpus, false);
    filled
}
