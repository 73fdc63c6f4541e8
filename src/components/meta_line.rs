//! A line of an article's facts (date, dateline, source, editor, title) joined by " · ", each
//! piece of corpus text in its own `<bdi>`, so that an unterminated right-to-left override in a
//! dateline cannot reverse the source and editor beside it.

use leptos::prelude::*;

/// The `pieces` (already without the missing ones) separated by " · ", each isolated.
pub fn meta_line(pieces: Vec<String>) -> impl IntoView {
    pieces
        .into_iter()
        .enumerate()
        .map(|(i, piece)| {
            view! {
                {(i > 0).then_some(" · ")}
                <bdi>{piece}</bdi>
            }
        })
        .collect_view()
}
