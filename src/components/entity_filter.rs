//! The entity filter: the people, organisations and places of the current results with their
//! article counts; each is a link that adds it to the filter (kept in the URL hash), and the
//! selected ones show as chips that remove themselves.

use std::sync::Arc;

use lede_corpus::EntityKind;
use leptos::prelude::*;

use super::jump_box::JumpBox;
use crate::corpus_loader::Loaded;
use crate::hash_state::ViewState;

/// How many entities each kind lists.
const PER_KIND: usize = 8;

/// The filter panel for the current results, given as `counts`: (row of the corpus entity
/// table, number of results mentioning it), largest first.
#[component]
pub fn EntityFilter(
    data: Arc<Loaded>,
    view_state: RwSignal<ViewState>,
    #[prop(into)] counts: Signal<Vec<(usize, usize)>>,
) -> impl IntoView {
    let table = data.clone();
    let jump_data = data.clone();
    let selected = move || {
        let state = view_state.get();
        state
            .entities
            .iter()
            .map(|id| {
                let name = table
                    .corpus
                    .entities
                    .iter()
                    .find(|e| &e.id == id)
                    .map_or_else(|| id.clone(), |e| e.name.clone());
                let href = state.toggling_entity(id).to_hash();
                view! {
                    <a class="lede-chip" href=href data-entity=id.clone() title="Remove this filter">
                        {name}
                        <span aria-hidden="true">" ×"</span>
                    </a>
                }
            })
            .collect_view()
    };
    let groups = move || {
        let state = view_state.get();
        let counts = counts.get();
        [
            (EntityKind::Person, "People"),
            (EntityKind::Organization, "Organisations"),
            (EntityKind::Place, "Places"),
        ]
        .into_iter()
        .map(|(kind, label)| {
            let rows = counts
                .iter()
                .filter(|(row, _)| data.corpus.entities[*row].kind == kind)
                .filter(|(row, _)| !state.entities.contains(&data.corpus.entities[*row].id))
                .take(PER_KIND)
                .map(|&(row, count)| {
                    let entity = &data.corpus.entities[row];
                    let href = state.toggling_entity(&entity.id).to_hash();
                    view! {
                        <li>
                            <a class="lede-facet" href=href data-entity=entity.id.clone()>
                                <span class="lede-facet-name">{entity.name.clone()}</span>
                                <span class="lede-facet-count">{count}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="lede-facet-group" data-kind=kind.as_str()>
                    <h3>{label}</h3>
                    <ul>{rows}</ul>
                </div>
            }
        })
        .collect_view()
    };
    view! {
        <aside class="lede-filter" aria-label="Filter by entity">
            <JumpBox data=jump_data view_state />
            <div class="lede-chips">{selected}</div>
            {groups}
        </aside>
    }
}
