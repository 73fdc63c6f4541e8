//! The list of articles matching the query and the entity filter: title, date and source, each
//! a link to the reader, beside the entity filter for the same results.

use std::sync::Arc;

use leptos::prelude::*;

use super::entity_filter::EntityFilter;
use crate::corpus_loader::Loaded;
use crate::hash_state::ViewState;

/// The articles that match the view state's query and mention every selected entity, best first.
#[component]
pub fn ArticleList(data: Arc<Loaded>, view_state: RwSignal<ViewState>) -> impl IntoView {
    let total = data.corpus.articles.len();
    let results = {
        let data = data.clone();
        Memo::new(move |_| {
            view_state.with(|v| {
                data.index
                    .search(&v.query)
                    .into_iter()
                    .filter(|&i| data.corpus.articles[i].mentions_all(&v.entities))
                    .collect::<Vec<usize>>()
            })
        })
    };
    let summary = move || {
        let shown = results.with(Vec::len);
        let noun = if total == 1 { "article" } else { "articles" };
        if view_state.with(|v| v.query.trim().is_empty() && v.entities.is_empty()) {
            format!("{total} {noun}")
        } else {
            let verb = if shown == 1 { "matches" } else { "match" };
            format!("{shown} of {total} {noun} {verb}")
        }
    };
    let rows = {
        let data = data.clone();
        move || {
            let state = view_state.get();
            results.with(|hits| {
                hits.iter()
                    .map(|&i| {
                        let a = &data.corpus.articles[i];
                        let href = ViewState {
                            article: Some(a.id.clone()),
                            ..state.clone()
                        }
                        .to_hash();
                        let meta = [a.date.clone(), a.source.clone()]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(" · ");
                        view! {
                            <li class="lede-result">
                                <a class="lede-result-title" href=href>
                                    {a.title.clone()}
                                </a>
                                <span class="lede-result-meta">{meta}</span>
                            </li>
                        }
                    })
                    .collect_view()
            })
        }
    };
    view! {
        <div class="lede-browse">
            <EntityFilter data view_state results />
            <section class="lede-list">
                <p class="lede-count" aria-live="polite">
                    {summary}
                </p>
                <ul class="lede-results">{rows}</ul>
            </section>
        </div>
    }
}
