//! The browse page: the entity filter (in a drawer on a phone) beside the ranked results.

use leptos::prelude::*;

use crate::components::{ArticleList, FilterDrawer};

/// The filter panel and the result list, both reading the explorer's one results memo.
#[component]
pub fn BrowsePage() -> impl IntoView {
    view! {
        <div class="lede-browse">
            <FilterDrawer />
            <ArticleList />
        </div>
    }
}
