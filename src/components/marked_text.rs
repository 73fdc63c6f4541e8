//! Text with some of its characters marked: plain text nodes and `<mark>` elements built from
//! char ranges (as the search engine returns them), never from HTML strings.

use leptos::either::Either;
use leptos::prelude::*;

/// Splits `text[start..end]` (in chars) into pieces, each flagged when it lies inside one of
/// `ranges` (ascending, disjoint `[start, end)` char ranges; parts outside `start..end` are
/// cut off).
pub fn marked_pieces(
    text: &str,
    (start, end): (usize, usize),
    ranges: &[(usize, usize)],
) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let end = end.min(chars.len());
    let start = start.min(end);
    let slice = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    let mut out = Vec::new();
    let mut at = start;
    for &(a, b) in ranges {
        let (a, b) = (a.clamp(at, end), b.clamp(at, end));
        if a >= b {
            continue;
        }
        if a > at {
            out.push((slice(at, a), false));
        }
        out.push((slice(a, b), true));
        at = b;
    }
    if at < end {
        out.push((slice(at, end), false));
    }
    out
}

/// The chars `span` of `text` with `ranges` wrapped in `<mark>`.
#[component]
pub fn MarkedText(
    text: String,
    #[prop(optional)] span: Option<(usize, usize)>,
    ranges: Vec<(usize, usize)>,
) -> impl IntoView {
    let span = span.unwrap_or((0, usize::MAX));
    marked_pieces(&text, span, &ranges)
        .into_iter()
        .map(|(piece, marked)| {
            if marked {
                Either::Left(view! { <mark>{piece}</mark> })
            } else {
                Either::Right(piece)
            }
        })
        .collect_view()
}
