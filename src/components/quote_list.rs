//! "Who said what": the article's quotations, one line each, with the speaker first, each in
//! its speaker's colour.

use lede_corpus::Article;
use lede_explore::SpeakerLegend;
use leptos::prelude::*;

use super::quoted_paragraph::{colour_attr, speaker_label};

/// Lists the quotations of `article` (pieces of one quotation joined with an ellipsis); `legend`
/// gives each its speaker's colour, `lit` lights up the rows of the speaker pointed at.
#[component]
pub fn QuoteList(
    article: Article,
    active: RwSignal<Option<usize>>,
    #[prop(optional)] legend: Option<SpeakerLegend>,
    #[prop(optional)] lit: Option<RwSignal<Option<usize>>>,
) -> impl IntoView {
    let quotations = article.quotations();
    let count = quotations.len();
    let lit = lit.unwrap_or_else(|| RwSignal::new(None));
    let rows = quotations
        .into_iter()
        .enumerate()
        .map(|(quotation, pieces)| {
            let speaker = speaker_label(&article.quotes[pieces[0]]);
            let of = legend
                .as_ref()
                .and_then(|l| l.of_quotation.get(quotation).copied());
            let colour = of.and_then(|s| legend.as_ref()?.speakers.get(s)?.colour);
            let words = article.quotation_text(&pieces);
            view! {
                <li
                    class="lede-quote-row"
                    class:lede-quote-active=move || active.get() == Some(quotation)
                    class:lede-quote-lit=move || of.is_some() && lit.get() == of
                    data-quotation=quotation.to_string()
                    data-speaker-colour=colour_attr(colour)
                    on:mouseenter=move |_| active.set(Some(quotation))
                    on:mouseleave=move |_| active.set(None)
                >
                    <span class="lede-quote-speaker">{speaker}</span>
                    <span class="lede-quote-words">"\u{201c}"<bdi>{words}</bdi>"\u{201d}"</span>
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
