//! One paragraph of the reader with its quotations and entity mentions marked: each quote
//! piece is a focusable mark naming its speaker on hover and focus (pieces of one quotation
//! light up together); each mention is a link that filters the list by its entity.

use lede_corpus::{segments, EntityKind, Quote};
use leptos::prelude::*;

/// A quote piece as the paragraph shows it.
#[derive(Clone)]
pub struct PieceView {
    /// The piece.
    pub quote: Quote,
    /// The quotation it belongs to (pieces linked by `next` share it).
    pub quotation: usize,
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

/// Renders `text[from..]` (chars) with the mentions that fall inside it as links.
fn with_mentions(text: &str, from: usize, mentions: &[MentionView]) -> AnyView {
    let len = text.chars().count();
    let spans: Vec<(usize, usize)> = mentions
        .iter()
        .map(|m| {
            let start = m.span.0.saturating_sub(from).min(len);
            let end = m.span.1.saturating_sub(from).min(len);
            if m.span.1 <= from || m.span.0 >= from + len {
                (0, 0)
            } else {
                (start, end)
            }
        })
        .collect();
    segments(text, &spans)
        .into_iter()
        .map(|seg| match seg.mark {
            None => seg.text.to_string().into_any(),
            Some(i) => {
                let m = &mentions[i];
                let class = format!("lede-entity lede-entity-{}", m.kind.as_str());
                let title = format!("{} ({}): show its articles", m.name, m.kind.as_str());
                view! {
                    <a class=class href=m.href.clone() data-entity=m.id.clone() title=title>
                        {seg.text.to_string()}
                    </a>
                }
                .into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// Renders `text` with the `pieces` and `mentions` that stand in it; `active` is the quotation
/// under the pointer or keyboard focus.
#[component]
pub fn QuotedParagraph(
    text: String,
    pieces: Vec<PieceView>,
    mentions: Vec<MentionView>,
    active: RwSignal<Option<usize>>,
) -> impl IntoView {
    let spans: Vec<(usize, usize)> = pieces
        .iter()
        .map(|p| (p.quote.start, p.quote.end))
        .collect();
    let mut at = 0;
    let parts = segments(&text, &spans)
        .into_iter()
        .map(|seg| {
            let from = at;
            at += seg.text.chars().count();
            match seg.mark {
                None => with_mentions(seg.text, from, &mentions),
                Some(i) => {
                    let piece = &pieces[i];
                    let quotation = piece.quotation;
                    let speaker = piece
                        .quote
                        .speaker
                        .as_ref()
                        .map_or_else(|| "Unattributed".to_string(), |s| s.name.clone());
                    let label = format!("Quote by {speaker}");
                    let speaker_attr = speaker.clone();
                    view! {
                        <span
                            class="lede-quote"
                            class:lede-quote-active=move || active.get() == Some(quotation)
                            tabindex="0"
                            aria-label=label
                            data-quotation=quotation.to_string()
                            data-speaker=speaker_attr
                            on:mouseenter=move |_| active.set(Some(quotation))
                            on:mouseleave=move |_| active.set(None)
                            on:focus=move |_| active.set(Some(quotation))
                            on:blur=move |_| active.set(None)
                        >
                            <span class="lede-quote-text">
                                {with_mentions(seg.text, from, &mentions)}
                            </span>
                            <span class="lede-speaker" role="tooltip">
                                {speaker}
                            </span>
                        </span>
                    }
                    .into_any()
                }
            }
        })
        .collect_view();
    view! { <p>{parts}</p> }
}
