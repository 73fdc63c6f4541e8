//! The root component: loads the corpus, owns the view state and picks the view to show.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::{ArticleList, ArticleReader, ErrorPanel, SearchBox};
use crate::corpus_loader::{load_corpus, LoadState};
use crate::hash_state::use_view_state;

/// The whole app for the corpus at `corpus_url` (with its search index at `index_url`, if any).
#[component]
pub fn App(corpus_url: String, index_url: Option<String>) -> impl IntoView {
    let view_state = use_view_state();
    let load = RwSignal::new(LoadState::Loading);
    spawn_local(async move {
        load.set(match load_corpus(&corpus_url, index_url.as_deref()).await {
            Ok(loaded) => LoadState::Ready(Arc::new(loaded)),
            Err(message) => LoadState::Failed(message),
        });
        announce_ready();
    });

    view! {
        <div class="lede">
            <header class="lede-header">
                <a class="lede-brand" href="#">"Lede"</a>
                <SearchBox view_state=view_state />
            </header>
            <main class="lede-main">
                {move || match load.get() {
                    LoadState::Loading => {
                        view! {
                            <p class="lede-status" role="status" aria-busy="true">
                                "Loading articles…"
                            </p>
                        }
                            .into_any()
                    }
                    LoadState::Failed(message) => view! { <ErrorPanel message /> }.into_any(),
                    LoadState::Ready(data) => {
                        view! {
                            <Show
                                when=move || view_state.with(|v| v.article.is_some())
                                fallback={
                                    let data = data.clone();
                                    move || view! { <ArticleList data=data.clone() view_state /> }
                                }
                            >
                                <ArticleReader data=data.clone() view_state />
                            </Show>
                        }
                            .into_any()
                    }
                }}
            </main>
        </div>
    }
}

/// Fires `lede-ready` on the window once the corpus has loaded (or failed to): the page
/// registers the offline service worker then, so that its caching does not compete with the
/// first load.
fn announce_ready() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new("lede-ready")) {
        let _ = window.dispatch_event(&event);
    }
}
