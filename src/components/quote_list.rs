//! "Who said what": the article's quotations, one line each, with the speaker first.

use lede_corpus::Article;
use leptos::prelude::*;

use super::quoted_paragraph::speaker_label;

/// Lists the quotations of `article` (pieces of one quotation joined with an ellipsis).
#[component]
pub fn QuoteList(article: Article, active: RwSignal<Option<usize>>) -> impl IntoView {
    let quotations = article.quotations();
    let count = quotations.len();
    let rows = quotations
        .into_iter()
        .enumerate()
        .map(|(quotation, pieces)| {
            let speaker = speaker_label(&article.quotes[pieces[0]]);
            let words = article.quotation_text(&pieces);
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
