//! Lede's browser entry point: mounts the app into `#lede` (when a host page embeds it) or
//! into the body, reading the corpus URL from the mount element's `data-corpus` and the
//! search index URL from its `data-index`.

mod app;
mod components;
mod corpus_loader;
mod explorer;
mod hash_state;
mod own_files;
mod pages;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The corpus fetched when the mount element names none (Trunk copies it beside index.html).
const DEFAULT_CORPUS_URL: &str = "corpus.json";

/// The search index of the default corpus (built by `lede ingest --index`).
const DEFAULT_INDEX_URL: &str = "corpus.index";

fn main() {
    console_error_panic_hook::set_once();
    let document = document();
    let host = document
        .get_element_by_id("lede")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let named_corpus = host
        .as_ref()
        .and_then(|e| e.get_attribute("data-corpus"))
        .filter(|u| !u.is_empty());
    // A host's own corpus has an index only when the host names one; else the app builds it.
    let index_url = match &named_corpus {
        Some(_) => host
            .as_ref()
            .and_then(|e| e.get_attribute("data-index"))
            .filter(|u| !u.is_empty()),
        None => Some(DEFAULT_INDEX_URL.to_string()),
    };
    let corpus_url = named_corpus.unwrap_or_else(|| DEFAULT_CORPUS_URL.to_string());
    let app =
        move || view! { <app::App corpus_url=corpus_url.clone() index_url=index_url.clone() /> };
    match host {
        Some(host) => leptos::mount::mount_to(host, app).forget(),
        None => leptos::mount::mount_to_body(app),
    }
}
