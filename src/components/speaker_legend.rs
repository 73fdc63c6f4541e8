//! The reader's legend beside the text: each speaker of the article with its colour swatch,
//! name and number of quotations (hovering or focusing one lights up its quotations, clicking
//! goes to the first), and the key of the mention styles by kind.

use lede_explore::SpeakerLegend as Legend;
use leptos::prelude::*;

use super::find_in_article::scroll_and_focus;
use super::quoted_paragraph::colour_attr;

/// The speakers of `legend`; `lit` is the speaker pointed at (an index into its speakers).
#[component]
pub fn SpeakerLegend(legend: Legend, lit: RwSignal<Option<usize>>) -> impl IntoView {
    let rows = legend
        .speakers
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let name = s.name.clone().unwrap_or_else(|| "Unattributed".to_string());
            let count = s.quotations.len();
            let first = s.quotations.first().copied().unwrap_or_default();
            let noun = if count == 1 {
                " quotation"
            } else {
                " quotations"
            };
            view! {
                <li>
                    <button
                        type="button"
                        class="lede-legend-speaker"
                        class:lede-legend-lit=move || lit.get() == Some(i)
                        data-speaker-colour=colour_attr(s.colour)
                        data-entity=s.entity.clone()
                        on:mouseenter=move |_| lit.set(Some(i))
                        on:mouseleave=move |_| lit.set(None)
                        on:focus=move |_| lit.set(Some(i))
                        on:blur=move |_| lit.set(None)
                        on:click=move |_| go_to_quotation(first)
                    >
                        <span class="lede-swatch" aria-hidden="true"></span>
                        <span class="lede-legend-name">{name}</span>
                        <span class="lede-legend-count">{count.to_string()}</span>
                        <span class="lede-visually-hidden">{noun}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <aside class="lede-legend" aria-label="Speakers">
            <h2>"Speakers"</h2>
            <ul>{rows}</ul>
            <p class="lede-kinds">
                "Mentions: " <span class="lede-kind lede-entity-person">"person"</span> " "
                <span class="lede-kind lede-entity-organization">"organisation"</span> " "
                <span class="lede-kind lede-entity-place">"place"</span> " "
                <span class="lede-kind lede-entity-other">"other"</span>
            </p>
        </aside>
    }
}

/// Scrolls the first piece of `quotation` to the middle of the view and focuses it (its
/// tooltip shows and its pieces light up).
fn go_to_quotation(quotation: usize) {
    scroll_and_focus(&format!(
        ".lede-article-body .lede-quote[data-quotation=\"{quotation}\"]"
    ));
}
