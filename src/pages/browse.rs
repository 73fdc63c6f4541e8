//! The browse page: the entity filter beside the ranked results for the query and filters.

use leptos::prelude::*;

use crate::components::{ArticleList, EntityFilter};

/// The filter panel and the result list, both reading the explorer's one results memo.
#[component]
pub fn BrowsePage() -> impl IntoView {
    view! {
        <div class="lede-browse">
            <EntityFilter />
            <ArticleList />
        </div>
    }
}
