//! Keyboard shortcuts: `/` to the search box, `j`/`k` (arrows within the list) through the
//! results, the reader's quotations, the quotes page's quotations or an entity page's quotations
//! and articles, Escape back to the results or to clear the search box,
//! `?` for the dialog that lists them. Which key does what is [`shortcut_for`], a pure
//! function; the window listener only reads the context and acts.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;

use crate::hash_state::{navigate, Page, ViewState};

/// What a key press can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// Focus the search box.
    FocusSearch,
    /// Focus the next item of the page's list (a result, or a quotation).
    Next,
    /// Focus the previous item of the page's list.
    Previous,
    /// Leave the reader, the quotes page or an entity page for the results.
    Back,
    /// Empty the search box.
    ClearSearch,
    /// Open the shortcuts dialog.
    ShowHelp,
}

/// Where the key was pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyTarget {
    /// The page itself or a link or button in the app, outside the lists below.
    Page,
    /// A result link or a quotation of the list that `j`/`k` move through.
    List,
    /// The search box, empty or not.
    SearchBox {
        /// Whether the box has no text.
        empty: bool,
    },
    /// Another field (the jump box and its suggestions, which handle their own keys).
    Field,
    /// Outside the app: a host page's own content.
    Outside,
}

/// The context of a key press that decides what it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyContext {
    /// Where focus was.
    pub target: KeyTarget,
    /// Whether a page other than the results is open (the reader, quotes or an entity).
    pub reading: bool,
    /// Whether the shortcuts dialog is open (it handles its own keys).
    pub dialog_open: bool,
    /// Whether Control, Alt or Meta was held (those belong to the browser).
    pub modified: bool,
}

/// The shortcut `key` (a `KeyboardEvent.key`) stands for in `context`, if any.
pub fn shortcut_for(key: &str, context: KeyContext) -> Option<Shortcut> {
    if context.dialog_open || context.modified {
        return None;
    }
    match context.target {
        KeyTarget::Outside | KeyTarget::Field => None,
        KeyTarget::SearchBox { empty } => {
            (key == "Escape" && !empty).then_some(Shortcut::ClearSearch)
        }
        KeyTarget::Page | KeyTarget::List => match key {
            "/" => Some(Shortcut::FocusSearch),
            "?" => Some(Shortcut::ShowHelp),
            "j" => Some(Shortcut::Next),
            "k" => Some(Shortcut::Previous),
            // Elsewhere the arrows scroll the page, as they always do.
            "ArrowDown" if context.target == KeyTarget::List => Some(Shortcut::Next),
            "ArrowUp" if context.target == KeyTarget::List => Some(Shortcut::Previous),
            "Escape" if context.reading => Some(Shortcut::Back),
            _ => None,
        },
    }
}

/// The item to focus among `len` when moving `forward` (or back) from `current`: the first one
/// when none has focus, and the ends stay put.
pub fn step(current: Option<usize>, len: usize, forward: bool) -> Option<usize> {
    if len == 0 {
        return None;
    }
    Some(match current {
        None => 0,
        Some(i) if forward => (i + 1).min(len - 1),
        Some(i) => i.saturating_sub(1),
    })
}

/// The links of the result list, in order.
const RESULT_ITEMS: &str = ".lede-results .lede-result-title";
/// The rows of the reader's "who said what" list, in order.
const QUOTATION_ITEMS: &str = ".lede-quote-list .lede-quote-row";
/// The quotations of the quotes page, in order.
const QUOTES_PAGE_ITEMS: &str = ".lede-quotes .lede-quote-link";
/// An entity page's quotations and articles, in order.
const ENTITY_PAGE_ITEMS: &str =
    ".lede-entity-page .lede-entity-quote-words, .lede-entity-page .lede-entity-article-title";

/// The items `j`/`k` move through on `page`.
fn list_items(page: &Page) -> &'static str {
    match page {
        Page::Browse => RESULT_ITEMS,
        Page::Article { .. } => QUOTATION_ITEMS,
        Page::Quotes => QUOTES_PAGE_ITEMS,
        Page::Entity(_) => ENTITY_PAGE_ITEMS,
    }
}
/// The search box.
const SEARCH_BOX: &str = "input.lede-search";

/// Listens to the window's key presses for as long as the caller lives: `root` is the app's
/// element, `help_open` the shortcuts dialog's state.
pub fn install_shortcuts(root: NodeRef<html::Div>, help_open: RwSignal<bool>) {
    let view_state = expect_context::<RwSignal<ViewState>>();
    let embedded = crate::mount::is_embedded();
    let handle = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        let Some(root) = root.get_untracked() else {
            return;
        };
        let root: &web_sys::Element = &root;
        let target = crate::mount::event_origin(&ev);
        if embedded && !crate::mount::is_inside(root, target.as_ref()) {
            return;
        }
        let (reading, items) =
            view_state.with_untracked(|v| (v.page != Page::Browse, list_items(&v.page)));
        let context = KeyContext {
            target: key_target(root, target, items),
            reading,
            dialog_open: help_open.get_untracked(),
            modified: ev.ctrl_key() || ev.alt_key() || ev.meta_key(),
        };
        if ev.default_prevented() {
            return;
        }
        let Some(shortcut) = shortcut_for(&ev.key(), context) else {
            return;
        };
        ev.prevent_default();
        match shortcut {
            Shortcut::FocusSearch => focus(root.query_selector(SEARCH_BOX).ok().flatten()),
            Shortcut::Next | Shortcut::Previous => {
                move_through(root, items, shortcut == Shortcut::Next);
            }
            Shortcut::Back => {
                let (next, open) = view_state
                    .with_untracked(|v| (v.on_page(Page::Browse), v.article().map(str::to_string)));
                navigate(view_state, next, true);
                // Back on the results, focus returns to the one that was open.
                let root = root.clone();
                request_animation_frame(move || {
                    if let Some(id) = open {
                        focus(result_link(&root, &id));
                    }
                });
            }
            Shortcut::ClearSearch => {
                let next = view_state.with_untracked(|v| v.with_query(""));
                navigate(view_state, next, reading);
            }
            Shortcut::ShowHelp => help_open.set(true),
        }
    });
    on_cleanup(move || handle.remove());
}

/// Where a key press with event target `target` happened, for an app mounted at `root` whose
/// page's list is `items`.
fn key_target(
    root: &web_sys::Element,
    target: Option<web_sys::EventTarget>,
    items: &str,
) -> KeyTarget {
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return KeyTarget::Page;
    };
    if !root.contains(Some(&element)) {
        // With nothing focused the key goes to the body: the app's, unless a host says otherwise.
        let document = element.owner_document();
        let unfocused = document.as_ref().and_then(|d| d.body()).is_some_and(|b| {
            let body: &web_sys::Element = &b;
            body == &element
        }) || document.and_then(|d| d.document_element()).as_ref()
            == Some(&element);
        return if unfocused {
            KeyTarget::Page
        } else {
            KeyTarget::Outside
        };
    }
    if element.matches(SEARCH_BOX).unwrap_or(false) {
        let empty = element
            .dyn_ref::<web_sys::HtmlInputElement>()
            .is_none_or(|i| i.value().is_empty());
        return KeyTarget::SearchBox { empty };
    }
    let editable = element
        .dyn_ref::<web_sys::HtmlElement>()
        .is_some_and(|e| e.is_content_editable());
    let in_jump_box = element.closest(".lede-jump").ok().flatten().is_some();
    if editable
        || in_jump_box
        || matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
    {
        return KeyTarget::Field;
    }
    if element.matches(items).unwrap_or(false) {
        KeyTarget::List
    } else {
        KeyTarget::Page
    }
}

/// Moves the focus one item of `selector` forward or back within `root`.
fn move_through(root: &web_sys::Element, selector: &str, forward: bool) {
    let Ok(items) = root.query_selector_all(selector) else {
        return;
    };
    let active = root.owner_document().and_then(|d| d.active_element());
    let items: Vec<web_sys::Element> = (0..items.length())
        .filter_map(|i| items.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect();
    let current = active.and_then(|a| items.iter().position(|e| *e == a));
    if let Some(i) = step(current, items.len(), forward) {
        let item = items[i].clone();
        // Quotation rows are not tab stops; they take focus only from these keys.
        if !item.has_attribute("tabindex") && item.tag_name() != "A" {
            let _ = item.set_attribute("tabindex", "-1");
        }
        focus(Some(item));
    }
}

/// The title link of the result for article `id`, if it is listed.
fn result_link(root: &web_sys::Element, id: &str) -> Option<web_sys::Element> {
    let results = root.query_selector_all(".lede-result").ok()?;
    (0..results.length())
        .filter_map(|i| results.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .find(|e| e.get_attribute("data-article").as_deref() == Some(id))
        .and_then(|e| e.query_selector(".lede-result-title").ok().flatten())
}

/// Focuses `element`, if it is one that can take focus.
fn focus(element: Option<web_sys::Element>) {
    if let Some(e) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = e.focus();
    }
}

/// The shortcuts, as the dialog lists them: keys, then what they do.
const SHORTCUT_HELP: [(&[&str], &str); 6] = [
    (&["/"], "Focus the search box"),
    (
        &["j", "↓"],
        "Next result, or next quotation on the other pages",
    ),
    (&["k", "↑"], "Previous result or quotation"),
    (&["Enter"], "Open the focused result or quotation"),
    (&["Esc"], "Back to the results; in the search box, clear it"),
    (&["?"], "Show these shortcuts"),
];

/// The header button that opens the shortcuts dialog.
#[component]
pub fn ShortcutsButton(help_open: RwSignal<bool>) -> impl IntoView {
    view! {
        <button
            class="lede-help-button"
            type="button"
            aria-haspopup="dialog"
            title="Keyboard shortcuts (?)"
            on:click=move |_| help_open.set(true)
        >
            <span aria-hidden="true">"?"</span>
            <span class="lede-visually-hidden">"Keyboard shortcuts"</span>
        </button>
    }
}

/// The modal dialog listing the shortcuts, open while `help_open` holds; Escape or its button
/// closes it and focus returns where it was.
#[component]
pub fn ShortcutsDialog(help_open: RwSignal<bool>) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        let open = help_open.get();
        let Some(dialog) = dialog.get() else {
            return;
        };
        if open && !dialog.open() {
            let active = document()
                .active_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            opener.set_value(active);
            let _ = dialog.show_modal();
        } else if !open && dialog.open() {
            dialog.close();
        }
    });
    // Escape closes a modal dialog natively; either way, the state follows and focus returns.
    let on_close = move |_| {
        help_open.set(false);
        if let Some(e) = opener.get_value() {
            let _ = e.focus();
        }
    };
    let rows = SHORTCUT_HELP
        .iter()
        .map(|(keys, what)| {
            let keys = keys
                .iter()
                .enumerate()
                .map(|(i, k)| {
                    view! {
                        {(i > 0).then_some(" or ")}
                        <kbd>{*k}</kbd>
                    }
                })
                .collect_view();
            view! {
                <div class="lede-shortcut">
                    <dt>{keys}</dt>
                    <dd>{*what}</dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <dialog
            class="lede-dialog"
            role="dialog"
            aria-modal="true"
            aria-labelledby="lede-shortcuts-title"
            node_ref=dialog
            on:close=on_close
        >
            <h2 id="lede-shortcuts-title">"Keyboard shortcuts"</h2>
            <dl class="lede-shortcuts">{rows}</dl>
            <button class="lede-dialog-close" type="button" on:click=move |_| help_open.set(false)>
                "Close"
            </button>
        </dialog>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(target: KeyTarget, reading: bool) -> KeyContext {
        KeyContext {
            target,
            reading,
            dialog_open: false,
            modified: false,
        }
    }

    #[test]
    fn slash_and_question_mark_work_anywhere_but_in_a_field() {
        for target in [KeyTarget::Page, KeyTarget::List] {
            assert_eq!(
                shortcut_for("/", at(target, false)),
                Some(Shortcut::FocusSearch)
            );
            assert_eq!(
                shortcut_for("?", at(target, true)),
                Some(Shortcut::ShowHelp)
            );
        }
        for target in [
            KeyTarget::Field,
            KeyTarget::SearchBox { empty: true },
            KeyTarget::Outside,
        ] {
            assert_eq!(shortcut_for("/", at(target, false)), None);
            assert_eq!(shortcut_for("?", at(target, false)), None);
            assert_eq!(shortcut_for("j", at(target, false)), None);
        }
    }

    #[test]
    fn j_and_k_move_anywhere_and_the_arrows_only_within_the_list() {
        assert_eq!(
            shortcut_for("j", at(KeyTarget::Page, false)),
            Some(Shortcut::Next)
        );
        assert_eq!(
            shortcut_for("k", at(KeyTarget::List, true)),
            Some(Shortcut::Previous)
        );
        assert_eq!(
            shortcut_for("ArrowDown", at(KeyTarget::List, false)),
            Some(Shortcut::Next)
        );
        assert_eq!(
            shortcut_for("ArrowUp", at(KeyTarget::List, true)),
            Some(Shortcut::Previous)
        );
        assert_eq!(shortcut_for("ArrowDown", at(KeyTarget::Page, false)), None);
        assert_eq!(shortcut_for("J", at(KeyTarget::Page, false)), None);
    }

    #[test]
    fn escape_leaves_the_reader_or_clears_the_search_box() {
        assert_eq!(
            shortcut_for("Escape", at(KeyTarget::Page, true)),
            Some(Shortcut::Back)
        );
        assert_eq!(
            shortcut_for("Escape", at(KeyTarget::List, true)),
            Some(Shortcut::Back)
        );
        assert_eq!(shortcut_for("Escape", at(KeyTarget::Page, false)), None);
        let typed = KeyTarget::SearchBox { empty: false };
        assert_eq!(
            shortcut_for("Escape", at(typed, true)),
            Some(Shortcut::ClearSearch)
        );
        assert_eq!(
            shortcut_for("Escape", at(KeyTarget::SearchBox { empty: true }, true)),
            None
        );
    }

    #[test]
    fn the_open_dialog_and_modifier_keys_switch_every_shortcut_off() {
        let dialog = KeyContext {
            dialog_open: true,
            ..at(KeyTarget::Page, true)
        };
        let modified = KeyContext {
            modified: true,
            ..at(KeyTarget::Page, true)
        };
        for key in ["/", "?", "j", "k", "Escape"] {
            assert_eq!(shortcut_for(key, dialog), None, "{key}");
            assert_eq!(shortcut_for(key, modified), None, "{key}");
        }
    }

    #[test]
    fn steps_start_at_the_first_item_and_stop_at_the_ends() {
        assert_eq!(step(None, 0, true), None);
        assert_eq!(step(None, 3, true), Some(0));
        assert_eq!(step(None, 3, false), Some(0));
        assert_eq!(step(Some(0), 3, true), Some(1));
        assert_eq!(step(Some(2), 3, true), Some(2));
        assert_eq!(step(Some(2), 3, false), Some(1));
        assert_eq!(step(Some(0), 3, false), Some(0));
    }
}
