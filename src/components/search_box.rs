//! The search box: its text is the `q` of the view state.

use leptos::prelude::*;

use crate::hash_state::{navigate, ViewState};

/// A search input bound to the view state's query; typing shows the matching articles.
#[component]
pub fn SearchBox(view_state: RwSignal<ViewState>) -> impl IntoView {
    let on_input = move |ev| {
        let query = event_target_value(&ev);
        let (reading, entities) =
            view_state.with_untracked(|v| (v.article.is_some(), v.entities.clone()));
        navigate(
            view_state,
            ViewState {
                query,
                entities,
                article: None,
            },
            reading,
        );
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
