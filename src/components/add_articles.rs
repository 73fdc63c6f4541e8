//! "Add your articles": the header button and the panel's `<section>`; the panel itself (drop
//! zone, pickers, progress, report, kept collections) is `web/lede-own-panel.js`, imported the
//! first time it opens, so that the page's first download carries none of it. The app keeps
//! the corpus: the panel asks it, through a host object, to explore a pack or go back.

use std::sync::Arc;

use lede_text::display::in_sentence;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;

use crate::corpus_loader::{loaded_from_pack, LoadState, Loaded};
use crate::own_files;

/// The "Add your articles" button and panel; `load` is the app's corpus (the one at
/// `corpus_url`), replaced by the reader's own articles (alone or beside the bundled ones) when
/// they are ready.
#[component]
pub fn AddArticles(load: RwSignal<LoadState>, corpus_url: String) -> impl IntoView {
    let open = RwSignal::new(false);
    let corpus_url = StoredValue::new(corpus_url);
    // The corpus the page loaded first, for "beside" and for going back to it.
    let bundled = StoredValue::new(None::<Arc<Loaded>>);
    Effect::new(move || {
        if let LoadState::Ready(data) = load.get() {
            if bundled.with_value(Option::is_none) {
                bundled.set_value(Some(data));
            }
        }
    });
    let section = NodeRef::<html::Section>::new();
    // The panel's JavaScript object, made on first open and kept (with its state) after.
    let panel = StoredValue::new_local(None::<JsValue>);
    let failed = RwSignal::new(None::<String>);
    let importing = StoredValue::new(false);
    Effect::new(move || {
        let Some(into) = section.get() else { return };
        if panel.with_value(Option::is_some) {
            panel.with_value(|p| p.iter().for_each(|p| own_files::attach(p, &into)));
            return;
        }
        if importing.get_value() {
            return;
        }
        importing.set_value(true);
        spawn_local(async move {
            let host = corpus_url.with_value(|url| host(load, bundled, open, url));
            let made = own_files::panel(&host).await;
            importing.set_value(false);
            match made {
                Ok(made) => {
                    // Drawn into the section open now (the reader may have closed and reopened
                    // the panel while its module loaded), or at the next open.
                    if let Some(into) = section.get_untracked() {
                        own_files::attach(&made, &into);
                    }
                    panel.set_value(Some(made));
                }
                Err(e) => failed.set(Some(e)),
            }
        });
    });

    view! {
        <button
            type="button"
            class="lede-own-toggle"
            aria-expanded=move || open.get().to_string()
            aria-controls="lede-own-panel"
            on:click=move |_| open.update(|o| *o = !*o)
        >
            "Add your articles"
        </button>
        // Rendered only while open: its headings are no part of the page's outline otherwise.
        {move || open.get().then(|| view! {
            <section id="lede-own-panel" class="lede-own" aria-label="Add your articles" node_ref=section>
                {move || failed.get().map(|e| view! { <p class="lede-own-stopped" role="status">{e}</p> })}
            </section>
        })}
    }
}

/// What the panel may ask of the app: `explore(pack, name)` (null, or why the pack cannot be
/// shown), `back()` (to the bundled articles; false when there are none), `close()`,
/// `inSentence(text)` ([`in_sentence`]), `hasBundled()`, and the page's `corpusUrl` and entity
/// `model` URL (the worker and the panel's module live beside it).
fn host(
    load: RwSignal<LoadState>,
    bundled: StoredValue<Option<Arc<Loaded>>>,
    open: RwSignal<bool>,
    corpus_url: &str,
) -> js_sys::Object {
    let explore = Closure::<dyn Fn(js_sys::Uint8Array, String) -> JsValue>::new(
        move |pack: js_sys::Uint8Array, name: String| match loaded_from_pack(&pack.to_vec(), &name)
        {
            Ok(loaded) => {
                load.set(LoadState::Ready(Arc::new(loaded)));
                JsValue::NULL
            }
            Err(e) => e.into(),
        },
    );
    let back = Closure::<dyn Fn() -> bool>::new(move || match bundled.get_value() {
        Some(b) => {
            load.set(LoadState::Ready(b));
            true
        }
        None => false,
    });
    // `FnMut()`, the type of Leptos's own timers: one wasm-bindgen adapter for both.
    let close = Closure::<dyn FnMut()>::new(move || open.set(false));
    let sentence =
        Closure::<dyn Fn(String) -> String>::new(|text: String| in_sentence(&text).into_owned());
    let has_bundled = Closure::<dyn Fn() -> bool>::new(move || bundled.with_value(Option::is_some));
    let host = js_sys::Object::new();
    let set = |name: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&host, &name.into(), &value);
    };
    // The closures live as long as the page: one panel per app.
    set("explore", explore.into_js_value());
    set("back", back.into_js_value());
    set("close", close.into_js_value());
    set("inSentence", sentence.into_js_value());
    set("hasBundled", has_bundled.into_js_value());
    set("corpusUrl", corpus_url.into());
    set("model", crate::mount::model_url().into());
    host
}
