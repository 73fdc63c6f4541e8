//! Entities of an article: tokenize each paragraph (char offsets), split sentences, tag the
//! article as one document, turn the tags into mentions and clean them (titles become roles,
//! possessives and pronouns go, capitals are normalised, tickers join their company, acronyms
//! defined in the text join their long form), then merge mentions into entities with
//! corpus-wide ids. One module per pass, run in this order by [`find_mentions`]:
//! [`heading`] (title-case headings tagged as headlines), [`quote_names`] (speakers the tagger
//! missed), [`clean`] (edges, roles, sentence openers), [`kinds`] (titles out of names, names
//! cut at `and`/`of` joined, demonyms, storms, clubs and places retyped), [`quote_names`]
//! again (sentence openers inside quotes no people), [`tickers`], [`acronyms`],
//! [`propagate`] (later occurrences), [`normalise`] (the written name); then [`group`] merges
//! the mentions into entities and [`link`] links quote speakers to them.

mod acronyms;
mod clean;
mod group;
mod heading;
mod kinds;
mod link;
mod normalise;
mod para;
mod propagate;
mod quote_names;
mod tickers;

use lede_corpus::{ArticleEntity, Paragraphs, Quote, Span};

use crate::tag::{spans, EntityType};
use crate::tokenize::{sentences, tokenize, TokenKind};
use crate::Tagger;

use acronyms::define_acronyms;
use clean::clean;
pub use group::{entity_id, group, Entity};
use heading::is_title_case_heading;
use kinds::{join_split_names, retype, split_titles_out};
pub use link::link_speakers;
use normalise::{mixed_case_forms, normalise_name};
use para::{lowercase_words, Para, Raw};
use propagate::propagate;
use quote_names::{add_names_after_quotes, add_speakers, retype_quoted_openers};
use tickers::attach_tickers;

/// One mention of a name in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Where the name stands (without title or possessive), in chars.
    pub span: Span,
    /// The name as written.
    pub text: String,
    /// The name normalised: whitespace collapsed, capitals of a dateline or headline made
    /// title case (`KABUL` -> `Kabul`).
    pub name: String,
    /// The entity type.
    pub ty: EntityType,
    /// The title written before a person's name (`Foreign Minister`), when there is one.
    pub role: Option<String>,
    /// The stock ticker written after a company (`TXN` from `<TXN>`).
    pub ticker: Option<String>,
    /// For an acronym defined in the text, or the long form that defines it: the acronym.
    pub acronym: Option<String>,
}

/// The entities of an article in the corpus form, in order of first mention. `quotes` are the
/// article's quotations: a speaker named by the quote extractor becomes a person mention when
/// the tagger missed it.
pub fn extract_entities(
    paragraphs: &Paragraphs,
    tagger: &Tagger,
    quotes: &[Quote],
) -> Vec<ArticleEntity> {
    group(&find_mentions(paragraphs, tagger, quotes))
        .iter()
        .map(Entity::to_article_entity)
        .collect()
}

/// Finds the mentions of an article, in text order.
pub fn find_mentions(paragraphs: &Paragraphs, tagger: &Tagger, quotes: &[Quote]) -> Vec<Mention> {
    let paras: Vec<Para> = paragraphs
        .iter()
        .map(|p| {
            let toks = tokenize(p);
            let sents = sentences(&toks);
            Para {
                text: p.chars().collect(),
                toks,
                sents,
            }
        })
        .collect();

    // Tag the article as one document; tickers are left out of the tagger's input.
    let mut inputs: Vec<Vec<&str>> = Vec::new();
    let mut index: Vec<(usize, Vec<usize>)> = Vec::new();
    for (p, para) in paras.iter().enumerate() {
        for s in &para.sents {
            let keep: Vec<usize> = s
                .clone()
                .filter(|&k| para.toks[k].kind != TokenKind::Ticker)
                .collect();
            if keep.is_empty() {
                continue;
            }
            inputs.push(keep.iter().map(|&k| para.toks[k].text.as_str()).collect());
            index.push((p, keep));
        }
    }
    // A heading in title case (`Council Backs Terminal Expansion in Close Vote`) reads like
    // the all-caps headlines the model learnt from: give it capitals.
    let upper: Vec<Option<Vec<String>>> = inputs
        .iter()
        .map(|s| is_title_case_heading(s).then(|| s.iter().map(|t| t.to_uppercase()).collect()))
        .collect();
    for (input, up) in inputs.iter_mut().zip(&upper) {
        if let Some(up) = up {
            *input = up.iter().map(String::as_str).collect();
        }
    }
    let tagged = tagger.tag_document(&inputs);
    let mut raws: Vec<Raw> = Vec::new();
    for ((p, keep), tags) in index.iter().zip(&tagged) {
        for s in spans(tags) {
            raws.push(Raw {
                p: *p,
                a: keep[s.start],
                b: keep[s.end - 1] + 1,
                ty: s.ty,
                role: None,
                ticker: None,
                acronym: None,
            });
        }
    }

    let mixed_case = mixed_case_forms(&paras);
    let lowercase_words = lowercase_words(&paras);

    add_speakers(&paras, quotes, &mut raws);
    add_names_after_quotes(&paras, &mut raws);
    let mut cleaned: Vec<Raw> = raws
        .into_iter()
        .filter_map(|r| clean(&paras, r, &lowercase_words))
        .collect();
    split_titles_out(&paras, &mut cleaned);
    join_split_names(&paras, &mut cleaned);
    retype(&paras, &mut cleaned);
    retype_quoted_openers(&paras, quotes, &mut cleaned);
    attach_tickers(&paras, &mut cleaned);
    define_acronyms(&paras, &mut cleaned);
    propagate(&paras, &mut cleaned, &lowercase_words);
    cleaned.sort_by_key(|r| (r.p, r.a, r.b));
    cleaned.dedup_by(|x, y| x.p == y.p && x.a < y.b && y.a < x.b);

    cleaned
        .into_iter()
        .map(|r| {
            let para = &paras[r.p];
            let (start, end) = (para.toks[r.a].start, para.toks[r.b - 1].end);
            let text: String = para.text[start..end].iter().collect();
            let name = normalise_name(&paras, &r, &mixed_case);
            Mention {
                span: Span {
                    paragraph: r.p,
                    start,
                    end,
                },
                text,
                name,
                ty: r.ty,
                role: r.role,
                ticker: r.ticker,
                acronym: r.acronym,
            }
        })
        .collect()
}
