//! One paragraph of the reader with its quotations, entity mentions and find marks: each quote
//! piece is a focusable mark in its speaker's colour whose tooltip names the speaker and the
//! evidence of the attribution on hover and focus (pieces of one quotation light up together,
//! and a quotation running across paragraphs has one rule beside them); each mention is a link
//! to its entity's page, styled by its kind; each word the query matches is a `<mark class="lede-find">`.

use lede_corpus::{segments, segments_within, Article, EntityKind, Quote};
use lede_explore::{quotation_evidence, Run, SpeakerLegend};
use lede_text::display::{cap_combining_marks, in_sentence};
use leptos::prelude::*;

/// A quote piece as the paragraph shows it.
#[derive(Clone)]
pub struct PieceView {
    /// The piece.
    pub quote: Quote,
    /// The quotation it belongs to (pieces linked by `next` share it).
    pub quotation: usize,
    /// Its speaker: an index into the article's `SpeakerLegend::speakers`.
    pub speaker: usize,
    /// The speaker's name as this piece gives it (its quotation's, or "Unattributed").
    pub name: String,
    /// The speaker's palette slot (`None`: unattributed).
    pub colour: Option<usize>,
    /// The evidence line of its quotation (`Evidence::describe`), maybe empty.
    pub evidence: String,
    /// Which piece of how many, when its quotation has several.
    pub part: Option<(usize, usize)>,
}

/// Every quote piece of `article` as the reader shows it, in `quotes` order.
pub fn article_pieces(article: &Article, legend: &SpeakerLegend) -> Vec<PieceView> {
    let quotation_of = article.quotation_of_pieces();
    let quotations = article.quotations();
    article
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let quotation = quotation_of[i];
            let pieces = &quotations[quotation];
            let speaker = legend.of_quotation[quotation];
            let name = match (&q.speaker, &legend.speakers[speaker].name) {
                (None, Some(name)) => name.clone(),
                _ => speaker_label(q),
            };
            PieceView {
                quote: q.clone(),
                quotation,
                speaker,
                colour: legend.speakers[speaker].colour,
                evidence: quotation_evidence(article, pieces).describe(&name),
                name,
                part: (pieces.len() > 1).then(|| {
                    let at = pieces.iter().position(|&p| p == i).unwrap_or(0);
                    (at + 1, pieces.len())
                }),
            }
        })
        .collect()
}

/// The value of `data-speaker-colour` for a palette slot: `1`…`8`, or `none`.
pub fn colour_attr(colour: Option<usize>) -> String {
    colour.map_or_else(|| "none".to_string(), |c| (c + 1).to_string())
}

/// The name a view gives the speaker of `quote`: its name, or "Unattributed".
pub fn speaker_label(quote: &Quote) -> String {
    quote
        .speaker
        .as_ref()
        .map_or_else(|| "Unattributed".to_string(), |s| s.name.to_string())
}

/// An entity mention as the paragraph shows it.
#[derive(Clone)]
pub struct MentionView {
    /// `[start, end)` in chars of the paragraph.
    pub span: (usize, usize),
    /// The entity id.
    pub id: String,
    /// Its kind.
    pub kind: EntityKind,
    /// Its canonical name.
    pub name: String,
    /// The hash that filters the list by it.
    pub href: String,
}

/// What the find marks of a paragraph need: the marks as `(start, end, number)` (chars of the
/// paragraph; the number counts through the whole article) and the mark gone to.
#[derive(Clone)]
struct Finds {
    marks: Vec<(usize, usize, usize)>,
    current: RwSignal<Option<usize>>,
}

/// Renders the chars `window` of `paragraph` with the find marks inside it.
fn with_finds(paragraph: &str, window: (usize, usize), finds: &Finds) -> AnyView {
    if finds.marks.is_empty() {
        return segments_within(paragraph, window, &[])
            .into_iter()
            .map(|seg| cap_combining_marks(seg.text).into_owned())
            .collect::<String>()
            .into_any();
    }
    let spans: Vec<(usize, usize)> = finds.marks.iter().map(|m| (m.0, m.1)).collect();
    let current = finds.current;
    segments_within(paragraph, window, &spans)
        .into_iter()
        .map(|seg| match seg.mark {
            None => cap_combining_marks(seg.text).into_owned().into_any(),
            Some(i) => {
                let number = finds.marks[i].2;
                view! {
                    <mark
                        class="lede-find"
                        class:lede-find-current=move || current.get() == Some(number)
                        data-find=number.to_string()
                        tabindex="-1"
                    >
                        {cap_combining_marks(seg.text).into_owned()}
                    </mark>
                }
                .into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// Renders the chars `window` of `paragraph` with the mentions that fall inside it as links
/// and the find marks inside those.
fn with_mentions(
    paragraph: &str,
    window: (usize, usize),
    mentions: &[MentionView],
    finds: &Finds,
) -> AnyView {
    let spans: Vec<(usize, usize)> = mentions.iter().map(|m| m.span).collect();
    let mut at = window.0.min(paragraph.chars().count());
    segments_within(paragraph, window, &spans)
        .into_iter()
        .map(|seg| {
            let part = (at, at + seg.text.chars().count());
            at = part.1;
            match seg.mark {
                None => with_finds(paragraph, part, finds),
                Some(i) => {
                    let m = &mentions[i];
                    let class = format!("lede-entity lede-entity-{}", m.kind.as_str());
                    let title = format!("{} ({}): its page", in_sentence(&m.name), m.kind.as_str());
                    view! {
                        <a
                            class=class
                            href=m.href.clone()
                            data-entity=m.id.clone()
                            data-kind=m.kind.as_str()
                            title=title
                        >
                            {with_finds(paragraph, part, finds)}
                        </a>
                    }
                    .into_any()
                }
            }
        })
        .collect_view()
        .into_any()
}

/// Renders `text` with the `pieces`, `mentions` and find marks (`finds`: `(start, end,
/// number)`) that stand in it; `active` is the quotation under the pointer or keyboard focus,
/// `lit` the speaker the legend points at, `find` the find mark gone to; `run` the quotation
/// running across paragraphs that this one belongs to, with its colour; `focus` the quotation
/// the link opened the reader at (its pieces get `lede-quote-focus` and `aria-current`).
#[component]
pub fn QuotedParagraph(
    text: String,
    pieces: Vec<PieceView>,
    mentions: Vec<MentionView>,
    active: RwSignal<Option<usize>>,
    #[prop(optional)] lit: Option<RwSignal<Option<usize>>>,
    #[prop(optional)] finds: Vec<(usize, usize, usize)>,
    #[prop(optional)] find: Option<RwSignal<Option<usize>>>,
    #[prop(optional_no_strip)] run: Option<(Run, Option<usize>)>,
    #[prop(optional_no_strip)] focus: Option<usize>,
) -> impl IntoView {
    let lit = lit.unwrap_or_else(|| RwSignal::new(None));
    let finds = Finds {
        marks: finds,
        current: find.unwrap_or_else(|| RwSignal::new(None)),
    };
    let spans: Vec<(usize, usize)> = pieces
        .iter()
        .map(|p| (p.quote.start, p.quote.end))
        .collect();
    let mut at = 0;
    let parts = segments(&text, &spans)
        .into_iter()
        .map(|seg| {
            let window = (at, at + seg.text.chars().count());
            at = window.1;
            match seg.mark {
                None => with_mentions(&text, window, &mentions, &finds),
                Some(i) => {
                    let piece = &pieces[i];
                    let quotation = piece.quotation;
                    let speaker_index = piece.speaker;
                    let speaker = piece.name.clone();
                    let label = if piece.evidence.is_empty() {
                        format!("Quote by {}", in_sentence(&speaker))
                    } else {
                        format!("Quote by {} ({})", in_sentence(&speaker), piece.evidence)
                    };
                    let evidence = (!piece.evidence.is_empty()).then(|| {
                        view! { <span class="lede-evidence">{piece.evidence.clone()}</span> }
                    });
                    let part = piece.part.map(|(k, n)| {
                        view! { <span class="lede-part">{format!("part {k} of {n}")}</span> }
                    });
                    let speaker_attr = speaker.clone();
                    let focused = focus == Some(quotation);
                    view! {
                        <span
                            class="lede-quote"
                            class:lede-quote-active=move || active.get() == Some(quotation)
                            class:lede-quote-lit=move || lit.get() == Some(speaker_index)
                            class:lede-quote-focus=focused
                            aria-current=focused.then_some("true")
                            tabindex="0"
                            aria-label=label
                            data-quotation=quotation.to_string()
                            data-speaker=speaker_attr
                            data-speaker-colour=colour_attr(piece.colour)
                            on:mouseenter=move |_| active.set(Some(quotation))
                            on:mouseleave=move |_| active.set(None)
                            on:focus=move |_| active.set(Some(quotation))
                            on:blur=move |_| active.set(None)
                        >
                            <span class="lede-quote-text">
                                {with_mentions(&text, window, &mentions, &finds)}
                            </span>
                            <span class="lede-tip" role="tooltip">
                                <span class="lede-speaker">{speaker}</span>
                                {evidence}
                                {part}
                            </span>
                        </span>
                    }
                    .into_any()
                }
            }
        })
        .collect_view();
    match run {
        None => view! { <p>{parts}</p> }.into_any(),
        Some((run, colour)) => view! {
            <p
                class="lede-run"
                class:lede-run-first=run.first
                class:lede-run-last=run.last
                class:lede-run-active=move || active.get() == Some(run.quotation)
                data-run=run.quotation.to_string()
                data-speaker-colour=colour_attr(colour)
            >
                {parts}
            </p>
        }
        .into_any(),
    }
}
