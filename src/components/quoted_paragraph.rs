//! One paragraph of the reader with its quotations and entity mentions marked: each quote
//! piece is a focusable mark naming its speaker on hover and focus (pieces of one quotation
//! light up together); each mention is a link to its entity's page.

use lede_corpus::{segments, segments_within, EntityKind, Quote};
use leptos::prelude::*;

/// A quote piece as the paragraph shows it.
#[derive(Clone)]
pub struct PieceView {
    /// The piece.
    pub quote: Quote,
    /// The quotation it belongs to (pieces linked by `next` share it).
    pub quotation: usize,
}

/// The name a view gives the speaker of `quote`: its name, or "Unattributed".
pub fn speaker_label(quote: &Quote) -> String {
    quote
        .speaker
        .as_ref()
        .map_or_else(|| "Unattributed".to_string(), |s| s.name.clone())
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
    /// The hash of its entity's page.
    pub href: String,
}

/// Renders the chars `window` of `paragraph` with the mentions that fall inside it as links.
fn with_mentions(paragraph: &str, window: (usize, usize), mentions: &[MentionView]) -> AnyView {
    let spans: Vec<(usize, usize)> = mentions.iter().map(|m| m.span).collect();
    segments_within(paragraph, window, &spans)
        .into_iter()
        .map(|seg| match seg.mark {
            None => seg.text.to_string().into_any(),
            Some(i) => {
                let m = &mentions[i];
                let class = format!("lede-entity lede-entity-{}", m.kind.as_str());
                let title = format!("{} ({}): its page", m.name, m.kind.as_str());
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
/// under the pointer or keyboard focus; `focus` the one the link opened the reader at (its
/// pieces get `lede-quote-focus` and `aria-current`).
#[component]
pub fn QuotedParagraph(
    text: String,
    pieces: Vec<PieceView>,
    mentions: Vec<MentionView>,
    active: RwSignal<Option<usize>>,
    #[prop(optional_no_strip)] focus: Option<usize>,
) -> impl IntoView {
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
                None => with_mentions(&text, window, &mentions),
                Some(i) => {
                    let piece = &pieces[i];
                    let quotation = piece.quotation;
                    let speaker = speaker_label(&piece.quote);
                    let label = format!("Quote by {speaker}");
                    let speaker_attr = speaker.clone();
                    let focused = focus == Some(quotation);
                    view! {
                        <span
                            class="lede-quote"
                            class:lede-quote-active=move || active.get() == Some(quotation)
                            class:lede-quote-focus=focused
                            aria-current=focused.then_some("true")
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
                                {with_mentions(&text, window, &mentions)}
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
