//! What every page reads, shared through Leptos context: the loaded corpus and index, the view
//! state, and the one results memo (query + filters → engine results) that every panel of a
//! page reads, so that a keystroke runs one search however many panels show its results.

use std::sync::Arc;

use lede_search::SearchResults;
use leptos::prelude::*;

use crate::corpus_loader::Loaded;
use crate::hash_state::{navigate, ViewState};

/// How many results show at first, and how many more each "Show more" adds.
pub const RESULTS_PAGE: usize = 50;

/// The loaded corpus with the state every page reads; cheap to clone (an `Arc` and signals).
#[derive(Clone)]
pub struct Explorer {
    /// The corpus, its index and derived tables.
    pub data: Arc<Loaded>,
    /// The view state, mirrored in `location.hash`.
    pub view: RwSignal<ViewState>,
    /// What the results depend on: the view state without its page (`ViewState::results_key`).
    pub key: Memo<ViewState>,
    /// How many ranked results the list asks for (it grows with "Show more").
    pub shown: RwSignal<usize>,
    /// The engine's results for the view's query and filters, `shown` of them ranked.
    pub results: Memo<Arc<SearchResults>>,
}

impl Explorer {
    /// The explorer over `data`, provided as context to the components below the caller.
    pub fn provide(data: Arc<Loaded>, view: RwSignal<ViewState>) -> Explorer {
        let shown = RwSignal::new(RESULTS_PAGE);
        // Only the query, the filters and the order change the results: opening an article or
        // the quotes page does not.
        let key = Memo::new(move |_| view.with(ViewState::results_key));
        // A new query or filter starts again from the first page.
        Effect::new(move |_| {
            key.track();
            // Setting an equal value would still notify: the search would run twice per keystroke.
            if shown.get_untracked() != RESULTS_PAGE {
                shown.set(RESULTS_PAGE);
            }
        });
        let results = {
            let data = data.clone();
            Memo::new(move |_| {
                let mut query = key.with(ViewState::search_query);
                query.limit = shown.get();
                query.snippets = 2;
                Arc::new(data.index.search(&data.corpus, &query))
            })
        };
        // A link naming entities or sources this corpus does not have (crafted, or from another
        // corpus): they are dropped from the view, never shown as filters.
        {
            let data = data.clone();
            Effect::new(move |_| {
                let clean = view.with(|v| {
                    v.retaining_known(|id| data.entity_row(id).is_some(), |s| data.has_source(s))
                });
                if let Some(clean) = clean {
                    navigate(view, clean, false);
                }
            });
        }
        let explorer = Explorer {
            data,
            view,
            key,
            shown,
            results,
        };
        provide_context(explorer.clone());
        explorer
    }
}

/// The explorer provided by [`Explorer::provide`] above the calling component.
pub fn use_explorer() -> Explorer {
    expect_context::<Explorer>()
}
