//! The root component: loads the corpus, owns the view state and picks the view to show; its
//! header holds the brand, the search box, the theme toggle and the shortcuts button.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::{
    install_shortcuts, provide_theme, AddArticles, ErrorPanel, LoadingStatus, SearchBox,
    ShortcutsButton, ShortcutsDialog, ThemeToggle,
};
use crate::corpus_loader::{load_corpus, LoadState, Loaded};
use crate::explorer::Explorer;
use crate::hash_state::{provide_view_state, Page, ViewState};
use crate::pages::{ArticlePage, BrowsePage, EntityPage, QuotesPage};

/// The whole app for the corpus at `corpus_url` (with its search index at `index_url`, if any).
#[component]
pub fn App(corpus_url: String, index_url: Option<String>) -> impl IntoView {
    let view_state = provide_view_state();
    let theme = provide_theme();
    crate::mount::apply_theme_option(theme);
    let help_open = RwSignal::new(false);
    let root = NodeRef::<html::Div>::new();
    install_shortcuts(root, help_open);
    let load = RwSignal::new(LoadState::Loading);
    let received = RwSignal::new(0u64);
    let page_corpus = corpus_url.clone();
    spawn_local(async move {
        load.set(
            match load_corpus(&corpus_url, index_url.as_deref(), received).await {
                Ok(loaded) => LoadState::Ready(Arc::new(loaded)),
                Err(message) => LoadState::Failed(message),
            },
        );
        announce_ready();
    });

    // One h1 per page: the reader's is the article's title, the quotes page's its heading, an
    // entity page's the entity's name; every other page's (and an unknown id's) the brand.
    let reading = Memo::new(move |_| {
        load.with(|l| match l {
            LoadState::Ready(data) => view_state.with(|v| match &v.page {
                Page::Article { id, .. } => data.corpus.articles.iter().any(|a| &a.id == id),
                Page::Quotes => true,
                Page::Entity(id) => data.entity_row(id).is_some(),
                Page::Browse => false,
            }),
            _ => false,
        })
    });
    let brand = move || {
        if reading.get() {
            view! { <a class="lede-brand" href="#">"Lede"</a> }.into_any()
        } else {
            view! {
                <h1 class="lede-title">
                    <a class="lede-brand" href="#">
                        "Lede"
                        <span class="lede-visually-hidden">" — news article explorer"</span>
                    </a>
                </h1>
            }
            .into_any()
        }
    };
    view! {
        <div class="lede" data-theme=move || theme.get().root_attribute() node_ref=root>
            <header class="lede-header">
                {move || brand()}
                <div class="lede-search-region" role="search">
                    <SearchBox />
                </div>
                <div class="lede-tools">
                    <AddArticles load corpus_url=page_corpus />
                    <ThemeToggle />
                    <ShortcutsButton help_open />
                </div>
            </header>
            <main class="lede-main">
                {move || match load.get() {
                    LoadState::Loading => view! { <LoadingStatus received /> }.into_any(),
                    LoadState::Failed(message) => view! { <ErrorPanel message /> }.into_any(),
                    LoadState::Ready(data) => view! { <Pages data view_state /> }.into_any(),
                }}
            </main>
            <ShortcutsDialog help_open />
        </div>
    }
}

/// Which page a view state opens (the page's own id is read by the page itself, so that moving
/// between two articles does not rebuild the page).
#[derive(Clone, Copy, PartialEq, Eq)]
enum PageKind {
    Browse,
    Article,
    Entity,
    Quotes,
}

/// The explorer over the loaded corpus: provides it as context and shows the page the view
/// state names.
#[component]
fn Pages(data: Arc<Loaded>, view_state: RwSignal<ViewState>) -> impl IntoView {
    Explorer::provide(data.clone(), view_state);
    let kind = Memo::new(move |_| {
        view_state.with(|v| match v.page {
            Page::Article { .. } => PageKind::Article,
            Page::Entity(_) => PageKind::Entity,
            Page::Quotes => PageKind::Quotes,
            Page::Browse => PageKind::Browse,
        })
    });
    // What the loader left out, named record by record (see corpus_loader::set_aside_oversized).
    let warnings = (!data.warnings.is_empty()).then(|| {
        let items = data
            .warnings
            .iter()
            .map(|w| view! { <li>{w.clone()}</li> })
            .collect_view();
        view! { <ul class="lede-warnings" role="status">{items}</ul> }
    });
    let page = move || match kind.get() {
        PageKind::Browse => view! { <BrowsePage /> }.into_any(),
        PageKind::Article => view! { <ArticlePage /> }.into_any(),
        PageKind::Entity => view! { <EntityPage /> }.into_any(),
        PageKind::Quotes => view! { <QuotesPage /> }.into_any(),
    };
    view! {
        {warnings}
        {move || page()}
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
