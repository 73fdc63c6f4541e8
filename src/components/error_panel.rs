//! The panels shown when something goes wrong: [`ErrorPanel`] when the corpus cannot be
//! loaded, and [`show_crash`] when the app itself stopped (a Rust panic or a wasm trap). The
//! second is written with plain DOM calls, never through the reactive system, which a panic may
//! have left poisoned (a signal borrowed mid-update).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Shows why the corpus did not load, in the page (not only in the console), and what to do.
#[component]
pub fn ErrorPanel(message: String) -> impl IntoView {
    view! {
        <section class="lede-error" role="alert">
            <h2>"The articles could not be loaded"</h2>
            <p class="lede-error-message">{message}</p>
            <p class="lede-error-next">
                "Fix or replace the file named above, then reload the page. "
                <a class="lede-reload" href="">
                    "Reload"
                </a>
            </p>
        </section>
    }
}

/// What the crash panel tells the reader to do.
const CRASH_ADVICE: &str = "Reload the page to start again: the view you were on is in the \
address, so it comes back. If this happens again, please report it with the message above.";

/// Replaces the app's main area (or, before the app has mounted, appends to the body) with a
/// panel saying that Lede stopped, the `message`, and what to do next. Only the first call
/// writes: a panic usually brings others after it, and the first one says what went wrong.
pub fn show_crash(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(Some(_)) = document.query_selector(".lede-crash") {
        return;
    }
    let element = |tag: &str, class: &str, text: &str| {
        let e = document.create_element(tag).ok()?;
        e.set_class_name(class);
        e.set_text_content(Some(text));
        Some(e)
    };
    let build = || -> Option<web_sys::Element> {
        let panel = element("section", "lede-error lede-crash", "")?;
        panel.set_attribute("role", "alert").ok()?;
        let heading = element("h2", "", "Lede stopped working")?;
        panel.append_child(&heading).ok()?;
        let text = element("p", "lede-error-message", message)?;
        panel.append_child(&text).ok()?;
        let next = element("p", "lede-error-next", CRASH_ADVICE)?;
        next.append_child(&document.create_text_node(" ")).ok()?;
        let reload = element("a", "lede-reload", "Reload")?;
        reload.set_attribute("href", "").ok()?;
        next.append_child(&reload).ok()?;
        panel.append_child(&next).ok()?;
        Some(panel)
    };
    let Some(panel) = build() else { return };
    match document.query_selector(".lede-main") {
        Ok(Some(main)) => {
            main.set_text_content(None);
            let _ = main.append_child(&panel);
        }
        _ => {
            // Before the app mounted: a `.lede` box of its own, so that the styles apply.
            let Some(body) = document.body() else { return };
            let Ok(root) = document.create_element("div") else {
                return;
            };
            root.set_class_name("lede");
            let _ = root.append_child(&panel);
            let _ = body.append_child(&root);
        }
    }
}

/// Installs the crash panel for every way the app can stop: a Rust panic (its message logged to
/// the console as an error first), and a wasm trap or other error that reaches the window
/// uncaught.
pub fn install_crash_panel() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        leptos::logging::error!("{message}");
        show_crash(&message);
    }));
    let on_error =
        // `FnMut(Event)`, the type of Leptos's own listeners: one wasm-bindgen adapter for both.
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
            let error = js_sys::Reflect::get(&event, &"error".into()).unwrap_or_default();
            // Only the app's own failures: a wasm trap (RuntimeError), not a host page's error.
            let is_trap = js_sys::Reflect::get(&error, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .is_some_and(|n| n == "RuntimeError");
            if is_trap {
                let message = js_sys::Reflect::get(&error, &"message".into())
                    .ok()
                    .and_then(|m| m.as_string())
                    .unwrap_or_default();
                show_crash(&format!("Lede stopped (WebAssembly trap: {message})"));
            }
        });
    if let Some(window) = web_sys::window() {
        let _ = window.add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref());
    }
    on_error.forget();
}
