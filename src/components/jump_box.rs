//! The jump box: a few typed letters suggest people, organisations, places and headlines
//! (fuzzy and accent-blind, `zur` finds Zürich); a suggestion is a link to the entity's page or
//! the article.

use lede_corpus::EntityKind;
use lede_search::{JumpHit, JumpTarget};
use lede_text::display::in_sentence;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::marked_text::MarkedText;
use crate::corpus_loader::Loaded;
use crate::explorer::use_explorer;
use crate::hash_state::{Page, ViewState};

/// How many suggestions show.
const SUGGESTIONS: usize = 8;

/// An input whose suggestions link to an entity's page or an article.
#[component]
pub fn JumpBox() -> impl IntoView {
    let explorer = use_explorer();
    let (data, view_state) = (explorer.data, explorer.view);
    let typed = RwSignal::new(String::new());
    let input_ref = NodeRef::<html::Input>::new();
    let list_ref = NodeRef::<html::Ul>::new();
    let hits = {
        let data = data.clone();
        Memo::new(move |_| {
            typed.with(|t| {
                if t.trim().is_empty() {
                    Vec::new()
                } else {
                    data.jump_index().find(t, SUGGESTIONS)
                }
            })
        })
    };
    let suggestions = move || {
        let state = view_state.get();
        hits.get()
            .into_iter()
            .map(|hit| {
                let link = Link::new(&data, &state, &hit);
                let label_title = in_sentence(&hit.label).into_owned();
                view! {
                    <li>
                        <a
                            class="lede-jump-hit"
                            href=link.href
                            data-target=link.target
                            title=label_title
                            on:click=move |_| typed.set(String::new())
                        >
                            <span class="lede-jump-kind">{link.kind}</span>
                            <MarkedText text=hit.label ranges=hit.ranges />
                            {link.full_name.map(|n| view! { <span class="lede-jump-name">{n}</span> })}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div
            class="lede-jump"
            on:keydown=move |ev| {
                let down = match ev.key().as_str() {
                    "ArrowDown" => true,
                    "ArrowUp" => false,
                    "Escape" => {
                        typed.set(String::new());
                        if let Some(input) = input_ref.get_untracked() {
                            let _ = input.focus();
                        }
                        return;
                    }
                    _ => return,
                };
                ev.prevent_default();
                if let (Some(input), Some(list)) = (input_ref.get_untracked(), list_ref.get_untracked()) {
                    move_focus(&input, &list, down);
                }
            }
        >
            <input
                class="lede-jump-input"
                type="search"
                placeholder="Jump to a name or headline"
                aria-label="Jump to a person, organisation, place or headline"
                autocomplete="off"
                prop:value=move || typed.get()
                on:input=move |ev| typed.set(event_target_value(&ev))
                node_ref=input_ref
            />
            <ul class="lede-jump-list" node_ref=list_ref>
                {move || suggestions()}
            </ul>
        </div>
    }
}

/// Where a suggestion leads and how it is labelled.
struct Link {
    /// What it is: an entity kind or "Article".
    kind: &'static str,
    /// The hash it opens.
    href: String,
    /// The entity or article id.
    target: String,
    /// The entity's name, when the label is one of its aliases.
    full_name: Option<String>,
}

impl Link {
    /// The link for `hit` from the view `state`: an entity's page (about the whole corpus; the
    /// query and filters stay in the hash so that "back to the results" returns to them), or
    /// the article.
    fn new(data: &Loaded, state: &ViewState, hit: &JumpHit) -> Link {
        match hit.target {
            JumpTarget::Entity(row) => {
                let entity = &data.corpus.entities[row];
                Link {
                    kind: kind_label(entity.kind),
                    href: state.on_page(Page::Entity(entity.id.to_string())).to_hash(),
                    target: entity.id.to_string(),
                    full_name: (entity.name != hit.label).then(|| entity.name.to_string()),
                }
            }
            JumpTarget::Article(i) => {
                let id = &data.corpus.articles[i].id;
                Link {
                    kind: "Article",
                    href: state.with_article(id).to_hash(),
                    target: id.clone(),
                    full_name: None,
                }
            }
        }
    }
}

/// Moves the focus one suggestion down or up: from the input to the first suggestion, between
/// suggestions, and from the first back to the input.
fn move_focus(input: &web_sys::HtmlInputElement, list: &web_sys::HtmlUListElement, down: bool) {
    let focus = |e: Option<web_sys::Element>| {
        if let Some(e) = e.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = e.focus();
        }
    };
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let item = active
        .filter(|a| list.contains(Some(a)))
        .and_then(|a| a.parent_element());
    match item {
        None if down => focus(list.query_selector("a").ok().flatten()),
        None => {}
        Some(li) => {
            let next = if down {
                li.next_element_sibling()
            } else {
                li.previous_element_sibling()
            };
            match next {
                Some(n) => focus(n.first_element_child()),
                None if !down => {
                    let _ = input.focus();
                }
                None => {}
            }
        }
    }
}

/// The label a suggestion shows for an entity of `kind`.
pub fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Organization => "Organisation",
        EntityKind::Place => "Place",
        EntityKind::Other => "Name",
    }
}
