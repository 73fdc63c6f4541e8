//! The filter panel's drawer: beside the results on a wide screen; on a phone the results come
//! first and a "Filters" button opens the panel above them.

use leptos::prelude::*;

use super::entity_filter::EntityFilter;
use crate::explorer::use_explorer;

/// The entity filter behind a "Filters" button (shown on narrow screens only, by the stylesheet).
#[component]
pub fn FilterDrawer() -> impl IntoView {
    let view_state = use_explorer().view;
    let open = RwSignal::new(false);
    let label = move || match view_state.with(|v| v.filter_count()) {
        0 => "Filters".to_string(),
        n => format!("Filters ({n})"),
    };
    view! {
        <div class="lede-drawer" class:lede-drawer-open=move || open.get()>
            <button
                class="lede-drawer-toggle"
                type="button"
                aria-expanded=move || open.get().to_string()
                aria-controls="lede-filter-panel"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || label()}
            </button>
            <div class="lede-drawer-panel" id="lede-filter-panel">
                <h2 class="lede-visually-hidden">"Filters"</h2>
                <EntityFilter />
            </div>
        </div>
    }
}
