//! Text with some of its characters marked: plain text nodes and `<mark>` elements built from
//! char ranges (as the search engine returns them), never from HTML strings.

use lede_corpus::segments_within;
use leptos::either::Either;
use leptos::prelude::*;

/// The chars `span` of `text` with `ranges` wrapped in `<mark>`.
#[component]
pub fn MarkedText(
    text: String,
    #[prop(optional)] span: Option<(usize, usize)>,
    ranges: Vec<(usize, usize)>,
) -> impl IntoView {
    let span = span.unwrap_or((0, usize::MAX));
    segments_within(&text, span, &ranges)
        .into_iter()
        .map(|seg| {
            let piece = seg.text.to_string();
            if seg.mark.is_some() {
                Either::Left(view! { <mark>{piece}</mark> })
            } else {
                Either::Right(piece)
            }
        })
        .collect_view()
}
