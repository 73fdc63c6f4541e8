//! The view state's home in the page: `location.hash`, read at start and on every
//! `hashchange`, written only by [`navigate`], so that links, reloads and the back button work
//! on any static host and the app never intercepts a host page's clicks. The state itself and
//! its hash form are `lede_view`'s, tested natively. An embedded explorer keeps its state in
//! memory or under its own `#name:` prefix instead ([`HashMode`], from `crate::mount`).

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

pub use lede_view::{Page, ViewState};

use crate::mount::{use_mount, HashMode};

thread_local! {
    /// Each explorer's view-state signal and where that explorer keeps it (two explorers on
    /// one page may differ).
    /// A list, not a map: a page holds one or two explorers.
    static MODES: RefCell<Vec<(RwSignal<ViewState>, HashMode)>> = const { RefCell::new(Vec::new()) };
}

/// A signal holding the view state, read from the hash now and on every `hashchange`, and
/// provided as context to the components below the caller.
pub fn provide_view_state() -> RwSignal<ViewState> {
    let mount = use_mount();
    let mode = mount.as_ref().map_or(HashMode::Whole, |m| m.hash.clone());
    let mut initial = state_in_hash(&mode).unwrap_or_default();
    if let Some(query) = mount.as_ref().and_then(|m| m.query.as_deref()) {
        if initial == ViewState::default() {
            initial = initial.with_query(query);
        }
    }
    let state = RwSignal::new(initial);
    MODES.with_borrow_mut(|modes| {
        modes.retain(|(s, _)| *s != state);
        modes.push((state, mode.clone()));
    });
    if mode != HashMode::Memory {
        let listened = mode.clone();
        let handle = window_event_listener(leptos::ev::hashchange, move |_| {
            panic_if_asked();
            // Our own push's event, arriving after more typing asked for a replacement of the
            // entry it made (the page's hash is still the one that replacement was asked
            // from): the state is already ahead of the hash, so write the replacement and keep
            // the state. Otherwise the user moved (back, forward, a link) and a replacement
            // asked for before is stale.
            let echo = PENDING
                .with_borrow(|pending| pending.as_ref().is_some_and(|p| p.from == current_hash()));
            if echo {
                write_pending_replace();
                return;
            }
            PENDING.with_borrow_mut(|pending| *pending = None);
            // A hash outside the namespace is the host's: the explorer stays where it is.
            if let Some(next) = state_in_hash(&listened) {
                if state.get_untracked() != next {
                    state.set(next);
                }
            }
        });
        on_cleanup(move || handle.remove());
    }
    if mode != HashMode::Memory {
        write_pending_before_links();
    }
    if mode != HashMode::Whole {
        if let Some(root) = mount.and_then(|m| m.root.get_value()) {
            route_own_links(&root, state);
        }
    }
    on_cleanup(move || {
        MODES.with_borrow_mut(|modes| modes.retain(|(s, _)| *s != state));
    });
    provide_context(state);
    state
}

/// Moves to `next`: a new history entry when `push`, else the current entry is replaced
/// (typing in the search box should not fill the back button's history).
///
/// A replaced entry is written after the next paint ([`defer_replace`]): `replaceState` costs
/// the keystroke that calls it a few milliseconds, sometimes tens (bench/README.md, issue 13),
/// and the results it leads to need not wait for the address bar. A push, or the user moving
/// through history, writes or drops what is pending first, so entries stay in order; so does a
/// click on a link ([`write_pending_before_links`]).
pub fn navigate(state: RwSignal<ViewState>, next: ViewState, push: bool) {
    let mode = MODES.with_borrow(|modes| {
        modes
            .iter()
            .find(|(s, _)| *s == state)
            .map(|(_, m)| m.clone())
    });
    let hash = match mode.unwrap_or(HashMode::Whole) {
        HashMode::Whole => Some(next.to_hash()),
        HashMode::Namespaced(name) => Some(namespaced_hash(&name, &next)),
        HashMode::Memory => None,
    };
    if let Some(hash) = hash {
        if push {
            write_pending_replace();
            let _ = window().location().set_hash(&hash);
        } else {
            defer_replace(hash);
        }
    }
    if state.get_untracked() != next {
        state.set(next);
    }
}

/// A replaced hash not yet written: the hash to write, and the hash the page had when it was
/// asked for (if the page has moved since, the write is dropped).
struct PendingReplace {
    hash: String,
    from: String,
}

thread_local! {
    /// The one pending replacement of the current history entry, if any.
    static PENDING: RefCell<Option<PendingReplace>> = const { RefCell::new(None) };
}

/// Replaces the current history entry's hash with `hash` after the next frame has painted (a
/// task after the next animation frame); later calls before then only change what is written.
fn defer_replace(hash: String) {
    let scheduled = PENDING.with_borrow_mut(|pending| match pending {
        Some(p) => {
            p.hash = hash;
            true
        }
        None => {
            *pending = Some(PendingReplace {
                hash,
                from: current_hash(),
            });
            false
        }
    });
    if !scheduled {
        request_animation_frame(|| {
            set_timeout(write_pending_replace, std::time::Duration::ZERO);
        });
    }
}

/// Writes any pending replacement before the browser follows a clicked link (a click's
/// listeners run before its default action), so that the entry the link leaves holds what was
/// typed: a real `href="#…"` link moves without [`navigate`]. Once per page, in the capture
/// phase, so that no handler that stops the click can skip it.
fn write_pending_before_links() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    thread_local! {
        static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if LISTENING.replace(true) {
        return;
    }
    // `FnMut()`, the type Leptos's own timers use, so that wasm-bindgen emits one adapter for both.
    let on_click = Closure::<dyn FnMut()>::new(write_pending_replace);
    let _ = window().add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    // For the page's lifetime, as the explorers that share it.
    on_click.forget();
}

/// Writes the pending replacement now, unless the page's hash moved since it was asked for.
fn write_pending_replace() {
    let Some(p) = PENDING.with_borrow_mut(Option::take) else {
        return;
    };
    if current_hash() == p.from {
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&p.hash));
        }
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

/// The view state `location.hash` holds for this mode: none in memory, nor when a namespaced
/// explorer finds a hash that is not its own.
fn state_in_hash(mode: &HashMode) -> Option<ViewState> {
    match mode {
        HashMode::Whole => Some(ViewState::from_hash(&current_hash())),
        HashMode::Namespaced(name) => own_part(&current_hash(), name).map(ViewState::from_hash),
        HashMode::Memory => None,
    }
}

/// The hash a namespaced explorer writes for `state`: `#name:` and the state's own hash.
fn namespaced_hash(name: &str, state: &ViewState) -> String {
    format!("#{name}:{}", state.to_hash().trim_start_matches('#'))
}

/// The part of `hash` after `#name:`, if the hash is this namespace's.
fn own_part<'a>(hash: &'a str, name: &str) -> Option<&'a str> {
    hash.strip_prefix('#')?
        .strip_prefix(name)?
        .strip_prefix(':')
}

/// Routes clicks on the explorer's own `href="#…"` links (inside `root` only) to [`navigate`],
/// so that an embedded explorer moves without writing the host's `location.hash`. Clicks with
/// a modifier key, or that a handler already took, are left to the browser.
fn route_own_links(root: &web_sys::Element, state: RwSignal<ViewState>) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let scope = root.clone();
    // `FnMut(Event)`, the type Leptos's own listeners use, so that wasm-bindgen emits one adapter
    // for both; a click is a `MouseEvent`.
    let on_click = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let ev: &web_sys::MouseEvent = ev.unchecked_ref();
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href^='#']").ok().flatten())
            .filter(|a| scope.contains(Some(a)));
        let Some(href) = link.and_then(|a| a.get_attribute("href")) else {
            return;
        };
        ev.prevent_default();
        navigate(state, ViewState::from_hash(&href), true);
    });
    let _ = root.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    // The explorer lives as long as the page (its mount is never undone), and so does this.
    on_click.forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_namespace_reads_only_its_own_hash() {
        assert_eq!(own_part("#desk:q=harbour", "desk"), Some("q=harbour"));
        assert_eq!(own_part("#desk:", "desk"), Some(""));
        assert_eq!(own_part("#desk2:q=x", "desk"), None);
        assert_eq!(own_part("#q=harbour", "desk"), None);
        assert_eq!(own_part("#section-2", "desk"), None);
        assert_eq!(own_part("", "desk"), None);
        let state = ViewState::default().with_query("harbour vote");
        let written = namespaced_hash("desk", &state);
        assert_eq!(written, "#desk:q=harbour%20vote");
        assert_eq!(
            own_part(&written, "desk").map(ViewState::from_hash),
            Some(state)
        );
    }
}
