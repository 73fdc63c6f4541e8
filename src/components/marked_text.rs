//! Text with some of its characters marked: plain text nodes and `<mark>` elements built from
//! char ranges (as the search engine returns them), never from HTML strings; all of it inside
//! one `<bdi>` (corpus text cannot reorder what stands beside it) with long runs of combining
//! marks cut for display.

use lede_corpus::segments_within;
use lede_text::display::cap_combining_marks;
use leptos::either::Either;
use leptos::prelude::*;

/// The chars `span` of `text` with `ranges` wrapped in `<mark>`, isolated in a `<bdi>`.
#[component]
pub fn MarkedText(
    text: String,
    #[prop(optional)] span: Option<(usize, usize)>,
    ranges: Vec<(usize, usize)>,
) -> impl IntoView {
    let span = span.unwrap_or((0, usize::MAX));
    let pieces = segments_within(&text, span, &ranges)
        .into_iter()
        .map(|seg| {
            let piece = cap_combining_marks(seg.text).into_owned();
            if seg.mark.is_some() {
                Either::Left(view! { <mark>{piece}</mark> })
            } else {
                Either::Right(piece)
            }
        })
        .collect_view();
    view! { <bdi>{pieces}</bdi> }
}
