//! The reader's find bar: how many words of the article the query matches, "n of N", and
//! Previous/Next buttons that scroll to and focus each `<mark class="lede-find">`.

use lede_explore::find_step;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The find bar for `count` marks of `query` in the article; `current` is the mark gone to.
#[component]
pub fn FindInArticle(
    query: String,
    count: usize,
    current: RwSignal<Option<usize>>,
) -> impl IntoView {
    let go = move |forward: bool| {
        let Some(next) = find_step(current.get_untracked(), count, forward) else {
            return;
        };
        current.set(Some(next));
        focus_mark(next);
    };
    let status = move || match current.get() {
        _ if count == 0 => "No matches".to_string(),
        Some(i) => format!("{} of {count}", i + 1),
        None if count == 1 => "1 match".to_string(),
        None => format!("{count} matches"),
    };
    view! {
        <div class="lede-findbar" role="group" aria-label="Matches in this article">
            <span class="lede-findbar-query">
                "Find \u{201c}" {query} "\u{201d}"
            </span>
            <span class="lede-findbar-status" role="status" aria-live="polite">
                {move || status()}
            </span>
            <button
                type="button"
                class="lede-find-prev"
                disabled=count == 0
                on:click=move |_| go(false)
            >
                "Previous"
            </button>
            <button type="button" class="lede-find-next" disabled=count == 0 on:click=move |_| go(true)>
                "Next"
            </button>
        </div>
    }
}

/// Scrolls find mark `number` (its first part) to the middle of the view and focuses it.
fn focus_mark(number: usize) {
    scroll_and_focus(&format!(
        ".lede-article-body mark.lede-find[data-find=\"{number}\"]"
    ));
}

/// Scrolls the first element matching `selector` to the middle of the view and focuses it
/// (without a second scroll).
pub fn scroll_and_focus(selector: &str) {
    if let Ok(Some(el)) = document().query_selector(selector) {
        scroll_to_centre(&el);
        if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
        }
    }
}

/// Scrolls `el` to the middle of the view.
pub fn scroll_to_centre(el: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// The words of `article` (one of `data`'s articles) that the query text `query` matches, as
/// `(paragraph, start, end)` char ranges in reading order (the engine's own matching).
pub fn article_finds(
    data: &crate::corpus_loader::Loaded,
    query: &str,
    article: &lede_corpus::Article,
) -> Vec<(usize, usize, usize)> {
    if query.trim().is_empty() {
        return Vec::new();
    }
    let Some(doc) = data
        .corpus
        .articles
        .iter()
        .position(|a| std::ptr::eq(a, article))
    else {
        return Vec::new();
    };
    let query = lede_search::Query::parse(query);
    data.index.article_matches(&data.corpus, &query, doc)
}
