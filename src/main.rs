//! Lede's browser entry point: mounts the app into `#lede` (when a host page embeds it) or
//! into the body, reading the corpus URL from the mount element's `data-corpus`.

mod app;
mod components;
mod corpus_loader;
mod hash_state;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The corpus fetched when the mount element names none (Trunk copies it beside index.html).
const DEFAULT_CORPUS_URL: &str = "corpus.json";

fn main() {
    console_error_panic_hook::set_once();
    let document = document();
    let host = document
        .get_element_by_id("lede")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let corpus_url = host
        .as_ref()
        .and_then(|e| e.get_attribute("data-corpus"))
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| DEFAULT_CORPUS_URL.to_string());
    let app = move || view! { <app::App corpus_url=corpus_url.clone() /> };
    match host {
        Some(host) => leptos::mount::mount_to(host, app).forget(),
        None => leptos::mount::mount_to_body(app),
    }
}
