//! The panel shown when the corpus cannot be loaded.

use leptos::prelude::*;

/// Shows why the corpus did not load, in the page (not only in the console).
#[component]
pub fn ErrorPanel(message: String) -> impl IntoView {
    view! {
        <section class="lede-error" role="alert">
            <h2>"The articles could not be loaded"</h2>
            <p class="lede-error-message">{message}</p>
        </section>
    }
}
