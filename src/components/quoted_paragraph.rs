//! One paragraph of the reader with its quotations highlighted: each quote piece is a
//! focusable mark naming its speaker on hover and focus; pieces of one quotation light up
//! together.

use lede_corpus::{segments, Quote};
use leptos::prelude::*;

/// A quote piece as the paragraph shows it.
#[derive(Clone)]
pub struct PieceView {
    /// The piece.
    pub quote: Quote,
    /// The quotation it belongs to (pieces linked by `next` share it).
    pub quotation: usize,
}

/// Renders `text` with the `pieces` that stand in it; `active` is the quotation under the
/// pointer or keyboard focus.
#[component]
pub fn QuotedParagraph(
    text: String,
    pieces: Vec<PieceView>,
    active: RwSignal<Option<usize>>,
) -> impl IntoView {
    let spans: Vec<(usize, usize)> = pieces
        .iter()
        .map(|p| (p.quote.start, p.quote.end))
        .collect();
    let parts = segments(&text, &spans)
        .into_iter()
        .map(|seg| match seg.mark {
            None => seg.text.to_string().into_any(),
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
                        {seg.text.to_string()}
                        <span class="lede-speaker" role="tooltip">
                            {speaker}
                        </span>
                    </span>
                }
                .into_any()
            }
        })
        .collect_view();
    view! { <p>{parts}</p> }
}
