//! The view state's home in the page: `location.hash`, read at start and on every
//! `hashchange`, written only by [`navigate`], so that links, reloads and the back button work
//! on any static host and the app never intercepts a host page's clicks. The state itself and
//! its hash form are `lede_view`'s, tested natively.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

pub use lede_view::{Page, ViewState};

/// A signal holding the view state, read from the hash now and on every `hashchange`, and
/// provided as context to the components below the caller.
pub fn provide_view_state() -> RwSignal<ViewState> {
    let state = RwSignal::new(ViewState::from_hash(&current_hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        panic_if_asked();
        let next = ViewState::from_hash(&current_hash());
        if state.get_untracked() != next {
            state.set(next);
        }
    });
    on_cleanup(move || handle.remove());
    provide_context(state);
    state
}

/// Moves to `next`: a new history entry when `push`, else the current entry is replaced
/// (typing in the search box should not fill the back button's history).
pub fn navigate(state: RwSignal<ViewState>, next: ViewState, push: bool) {
    let hash = next.to_hash();
    let window = window();
    if push {
        let _ = window.location().set_hash(&hash);
    } else if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&hash));
    }
    if state.get_untracked() != next {
        state.set(next);
    }
}

/// The documented `#debug=panic`: moving to a hash holding it panics on purpose, inside an
/// event handler as a real fault would, so that the crash panel can be seen and tested in the
/// release build. Harmless: it stops only the tab that asked.
const DEBUG_PANIC: &str = "debug=panic";

/// Panics when the hash asks for it ([`DEBUG_PANIC`]).
fn panic_if_asked() {
    let hash = current_hash();
    if hash
        .trim_start_matches('#')
        .split('&')
        .any(|p| p == DEBUG_PANIC)
    {
        panic!("a panic asked for by #{DEBUG_PANIC}");
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}
