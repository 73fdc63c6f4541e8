//! The browse page's link to the quotes page: "Quotes (N)", N the quotations of the current
//! results, query and filters kept.

use leptos::prelude::*;

use crate::explorer::use_explorer;
use crate::hash_state::Page;

/// A link to every quotation of the current results, with their number.
#[component]
pub fn QuotesLink() -> impl IntoView {
    let explorer = use_explorer();
    let (data, view_state, results) = (explorer.data, explorer.view, explorer.results);
    let matching = Memo::new(move |_| results.with(|r| r.matching.clone()));
    let count =
        Memo::new(move |_| matching.with(|m| lede_explore::quotation_count(&data.corpus, m)));
    let href = move || view_state.with(|v| v.on_page(Page::Quotes)).to_hash();
    view! {
        <p class="lede-quotes-nav">
            <a class="lede-quotes-link" href=href>
                {move || format!("Quotes ({})", count.get())}
            </a>
        </p>
    }
}
