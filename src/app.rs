//! The root component: loads the corpus, owns the view state and picks the view to show.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::{ErrorPanel, SearchBox};
use crate::corpus_loader::{load_corpus, LoadState, Loaded};
use crate::explorer::Explorer;
use crate::hash_state::{provide_view_state, Page, ViewState};
use crate::pages::{ArticlePage, BrowsePage, QuotesPage};

/// The whole app for the corpus at `corpus_url` (with its search index at `index_url`, if any).
#[component]
pub fn App(corpus_url: String, index_url: Option<String>) -> impl IntoView {
    let view_state = provide_view_state();
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
                <SearchBox />
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
                    LoadState::Ready(data) => view! { <Pages data view_state /> }.into_any(),
                }}
            </main>
        </div>
    }
}

/// Which page a view state opens (the page's own id is read by the page itself, so that moving
/// between two articles does not rebuild the page).
#[derive(Clone, Copy, PartialEq, Eq)]
enum PageKind {
    Browse,
    Article,
    Quotes,
}

/// The explorer over the loaded corpus: provides it as context and shows the page the view
/// state names.
#[component]
fn Pages(data: Arc<Loaded>, view_state: RwSignal<ViewState>) -> impl IntoView {
    Explorer::provide(data, view_state);
    let kind = Memo::new(move |_| {
        view_state.with(|v| match v.page {
            Page::Article { .. } => PageKind::Article,
            Page::Quotes => PageKind::Quotes,
            // Until its page lands (issue 13), the entity hash shows the results.
            Page::Browse | Page::Entity(_) => PageKind::Browse,
        })
    });
    move || match kind.get() {
        PageKind::Browse => view! { <BrowsePage /> }.into_any(),
        PageKind::Article => view! { <ArticlePage /> }.into_any(),
        PageKind::Quotes => view! { <QuotesPage /> }.into_any(),
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
