//! The entity filter: the people, organisations and places of the current results with their
//! article counts; each is a link that adds it to the filter (kept in the URL hash), and the
//! selected ones show as chips that remove themselves.

use lede_corpus::EntityKind;
use leptos::prelude::*;

use super::jump_box::JumpBox;
use crate::explorer::use_explorer;

/// How many entities each kind lists.
const PER_KIND: usize = 8;

/// The filter panel for the current results: the selected entities as chips, then the people,
/// organisations and places the results mention most, with their counts.
#[component]
pub fn EntityFilter() -> impl IntoView {
    let explorer = use_explorer();
    let (data, view_state, results) = (explorer.data.clone(), explorer.view, explorer.results);
    let table = data.clone();
    // (row of the corpus entity table, number of results mentioning it), largest first.
    let counts = {
        let data = data.clone();
        Signal::derive(move || {
            results.with(|r| {
                r.facets
                    .entities
                    .iter()
                    .filter_map(|(id, n)| data.entity_rows.get(id).map(|&row| (row, *n)))
                    .collect::<Vec<(usize, usize)>>()
            })
        })
    };
    let selected = move || {
        let state = view_state.get();
        state
            .entities
            .iter()
            .map(|id| {
                let name = table
                    .entity_rows
                    .get(id)
                    .map_or_else(|| id.clone(), |&row| table.corpus.entities[row].name.clone());
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
            <JumpBox />
            <div class="lede-chips">{selected}</div>
            {groups}
        </aside>
    }
}
