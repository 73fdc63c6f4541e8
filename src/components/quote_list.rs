//! "Who said what": the article's quotations, one line each, with the speaker first.

use lede_corpus::Article;
use leptos::prelude::*;

/// Lists the quotations of `article` (pieces of one quotation joined with an ellipsis).
#[component]
pub fn QuoteList(article: Article, active: RwSignal<Option<usize>>) -> impl IntoView {
    let of = article.quotation_of_pieces();
    let count = of.iter().max().map_or(0, |m| m + 1);
    let rows = (0..count)
        .map(|quotation| {
            let pieces: Vec<&lede_corpus::Quote> = article
                .quotes
                .iter()
                .zip(&of)
                .filter(|(_, q)| **q == quotation)
                .map(|(p, _)| p)
                .collect();
            let speaker = pieces[0]
                .speaker
                .as_ref()
                .map_or_else(|| "Unattributed".to_string(), |s| s.name.clone());
            let words = pieces
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join(" … ");
            view! {
                <li
                    class="lede-quote-row"
                    class:lede-quote-active=move || active.get() == Some(quotation)
                    on:mouseenter=move |_| active.set(Some(quotation))
                    on:mouseleave=move |_| active.set(None)
                >
                    <span class="lede-quote-speaker">{speaker}</span>
                    <span class="lede-quote-words">{format!("\u{201c}{words}\u{201d}")}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="lede-quote-list" aria-label="Who said what">
            <h2>{format!("Who said what ({count})")}</h2>
            <ul>{rows}</ul>
        </section>
    }
}
