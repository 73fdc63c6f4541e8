//! The search box: its text is the `q` of the view state.

use leptos::prelude::*;

use crate::hash_state::{navigate, ViewState};

/// A search input bound to the view state's query; typing shows the matching articles.
#[component]
pub fn SearchBox() -> impl IntoView {
    let view_state = expect_context::<RwSignal<ViewState>>();
    let on_input = move |ev| {
        let query = event_target_value(&ev);
        let (next, reading) =
            view_state.with_untracked(|v| (v.with_query(&query), v.article().is_some()));
        navigate(view_state, next, reading);
    };
    view! {
        <input
            class="lede-search"
            type="search"
            placeholder="Search articles"
            aria-label="Search articles"
            autocomplete="off"
            prop:value=move || view_state.with(|v| v.query.clone())
            on:input=on_input
        />
    }
}
