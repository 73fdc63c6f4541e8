//! The filter panel: the selected filters as chips (each removes itself; one "Clear all"), the
//! date histogram of the results, then the people (mentioned or quoted, by a switch),
//! organisations, places and sources of the current results with their counts. Every row is a
//! link to the hash with that filter toggled; each facet filters its own rows as you type and
//! shows more on request.

use lede_corpus::EntityKind;
use lede_text::fold_for_match;
use leptos::prelude::*;

use super::date_histogram::DateHistogram;
use super::jump_box::JumpBox;
use crate::explorer::use_explorer;
use crate::hash_state::ViewState;

/// How many rows a facet lists at first, and how many more "Show more" adds.
const ROWS: usize = 8;

/// Which side of the people facet is shown: people the results mention, or quote.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PersonRole {
    Mentioned,
    Quoted,
}

/// The filter panel for the current results.
#[component]
pub fn EntityFilter() -> impl IntoView {
    view! {
        <aside class="lede-filter" aria-label="Filters">
            <JumpBox />
            <FilterChips />
            <DateHistogram />
            <EntityFacet kind=EntityKind::Person label="People" />
            <EntityFacet kind=EntityKind::Organization label="Organisations" />
            <EntityFacet kind=EntityKind::Place label="Places" />
            <SourceFacet />
        </aside>
    }
}

/// The selected filters as chips: mentioned entities, quoted speakers (each with a switch to
/// the other role), sources and the date range; "Clear all" when there are two or more.
#[component]
fn FilterChips() -> impl IntoView {
    let explorer = use_explorer();
    let (data, view_state) = (explorer.data, explorer.view);
    let name_of = move |id: &str| {
        data.entity_rows.get(id).map_or_else(
            || id.to_string(),
            |&row| data.corpus.entities[row].name.clone(),
        )
    };
    move || {
        let state = view_state.get();
        let mut chips = Vec::new();
        for id in &state.entities {
            let switch = state.toggling_entity(id).toggling_speaker(id).to_hash();
            chips.push(view! {
                <span class="lede-chip-pair" data-role="mentioned">
                    <a class="lede-chip" href=state.toggling_entity(id).to_hash() data-entity=id.clone() title="Remove this filter">
                        <bdi>{name_of(id)}</bdi>
                        <span aria-hidden="true">" ×"</span>
                    </a>
                    <a class="lede-chip-role" href=switch title="Filter by the articles that quote it instead">
                        "mentioned"
                    </a>
                </span>
            }.into_any());
        }
        for id in &state.speakers {
            let switch = state.toggling_speaker(id).with_entity(id).to_hash();
            chips.push(view! {
                <span class="lede-chip-pair" data-role="quoted">
                    <a class="lede-chip lede-chip-quoted" href=state.toggling_speaker(id).to_hash() data-entity=id.clone() title="Remove this filter">
                        <bdi>{name_of(id)}</bdi>
                        " (quoted)"
                        <span aria-hidden="true">" ×"</span>
                    </a>
                    <a class="lede-chip-role" href=switch title="Filter by the articles that mention it instead">
                        "quoted"
                    </a>
                </span>
            }.into_any());
        }
        for source in &state.sources {
            chips.push(view! {
                <a class="lede-chip" href=state.toggling_source(source).to_hash() data-source=source.clone() title="Remove this filter">
                    <bdi>{source.clone()}</bdi>
                    <span aria-hidden="true">" ×"</span>
                </a>
            }.into_any());
        }
        if state.date_from.is_some() || state.date_to.is_some() {
            let label = match (&state.date_from, &state.date_to) {
                (Some(a), Some(b)) if a == b => a.to_string(),
                (Some(a), Some(b)) => format!("{a} – {b}"),
                (Some(a), None) => format!("from {a}"),
                (None, Some(b)) => format!("until {b}"),
                (None, None) => String::new(),
            };
            chips.push(view! {
                <a class="lede-chip lede-chip-dates" href=state.with_dates(None, None).to_hash() title="Remove the date range">
                    {label}
                    <span aria-hidden="true">" ×"</span>
                </a>
            }.into_any());
        }
        let clear = (chips.len() >= 2).then(|| {
            view! {
                <a class="lede-clear-all" href=state.without_filters().to_hash()>
                    "Clear all"
                </a>
            }
        });
        view! { <div class="lede-chips">{chips}{clear}</div> }
    }
}

/// The rows a facet shows: those whose folded name holds the folded `typed` text, at most
/// `limit` of them, and whether more matched.
fn visible<T: Clone>(rows: &[(String, T)], typed: &str, limit: usize) -> (Vec<T>, usize) {
    let needle = fold_for_match(typed.trim());
    let matching: Vec<T> = rows
        .iter()
        .filter(|(name, _)| needle.is_empty() || fold_for_match(name).contains(&needle))
        .map(|(_, row)| row.clone())
        .collect();
    let more = matching.len().saturating_sub(limit);
    (matching.into_iter().take(limit).collect(), more)
}

/// The "Show more" row of a facet with `more` rows hidden, which raises its `limit`.
fn show_more(more: usize, limit: RwSignal<usize>) -> impl IntoView {
    (more > 0).then(|| {
        view! {
            <li>
                <button class="lede-facet-more" type="button" on:click=move |_| limit.update(|n| *n += 2 * ROWS)>
                    {format!("Show more ({more})")}
                </button>
            </li>
        }
    })
}

/// One entity kind's facet: its entities in the current results with their counts (for people,
/// mentioned or quoted by a switch), a filter box and "Show more".
#[component]
fn EntityFacet(kind: EntityKind, label: &'static str) -> impl IntoView {
    let explorer = use_explorer();
    let (data, view_state, results) = (explorer.data.clone(), explorer.view, explorer.results);
    let role = RwSignal::new(PersonRole::Mentioned);
    let typed = RwSignal::new(String::new());
    let limit = RwSignal::new(ROWS);
    // (name, (row in the entity table, count)), largest count first.
    let counts = {
        let data = data.clone();
        Memo::new(move |_| {
            results.with(|r| {
                let counted: Vec<(String, usize)> = match role.get() {
                    PersonRole::Mentioned => r.facets.entities.clone(),
                    PersonRole::Quoted => lede_explore::speaker_counts(&data.corpus, &r.matching),
                };
                counted
                    .into_iter()
                    .filter_map(|(id, n)| {
                        let row = *data.entity_rows.get(&id)?;
                        let e = &data.corpus.entities[row];
                        (e.kind == kind).then(|| (e.name.clone(), (row, n)))
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let rows = move || {
        let state = view_state.get();
        let quoted = role.get() == PersonRole::Quoted;
        let selected = if quoted {
            &state.speakers
        } else {
            &state.entities
        };
        let all: Vec<(String, (usize, usize))> = counts.with(|c| {
            c.iter()
                .filter(|(_, (row, _))| !selected.contains(&data.corpus.entities[*row].id))
                .cloned()
                .collect()
        });
        let (shown, more) = visible(&all, &typed.get(), limit.get());
        let items = shown
            .into_iter()
            .map(|(row, count)| {
                let entity = &data.corpus.entities[row];
                let href = if quoted {
                    state.toggling_speaker(&entity.id)
                } else {
                    state.toggling_entity(&entity.id)
                }
                .to_hash();
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
        view! { {items}{show_more(more, limit)} }
    };
    let switch = (kind == EntityKind::Person).then(|| {
        let button = move |which: PersonRole, text: &'static str| {
            view! {
                <button
                    type="button"
                    class="lede-role-switch"
                    aria-pressed=move || (role.get() == which).to_string()
                    on:click=move |_| role.set(which)
                >
                    {text}
                </button>
            }
        };
        view! {
            <div class="lede-role" role="group" aria-label="People who are">
                {button(PersonRole::Mentioned, "Mentioned")}
                {button(PersonRole::Quoted, "Quoted")}
            </div>
        }
    });
    let filter_label = format!("Filter {}", label.to_lowercase());
    view! {
        <div class="lede-facet-group" data-kind=kind.as_str()>
            <h3>{label}</h3>
            {switch}
            <input
                class="lede-facet-filter"
                type="search"
                placeholder="Filter"
                aria-label=filter_label
                prop:value=move || typed.get()
                on:input=move |ev| {
                    typed.set(event_target_value(&ev));
                    limit.set(ROWS);
                }
            />
            <ul>{rows}</ul>
        </div>
    }
}

/// The sources of the current results with their counts; a row toggles the source filter.
#[component]
fn SourceFacet() -> impl IntoView {
    let explorer = use_explorer();
    let (view_state, results) = (explorer.view, explorer.results);
    let limit = RwSignal::new(ROWS);
    let rows = move || {
        let state: ViewState = view_state.get();
        let sources = results.with(|r| {
            r.facets
                .sources
                .iter()
                .map(|(s, n)| (s.clone(), (s.clone(), *n)))
                .collect::<Vec<_>>()
        });
        let sources: Vec<_> = sources
            .into_iter()
            .filter(|(s, _)| !state.sources.contains(s))
            .collect();
        let (shown, more) = visible(&sources, "", limit.get());
        let items = shown
            .into_iter()
            .map(|(source, count)| {
                view! {
                    <li>
                        <a class="lede-facet" href=state.toggling_source(&source).to_hash() data-source=source.clone()>
                            <span class="lede-facet-name">{source.clone()}</span>
                            <span class="lede-facet-count">{count}</span>
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! { {items}{show_more(more, limit)} }
    };
    view! {
        <div class="lede-facet-group" data-kind="source">
            <h3>"Sources"</h3>
            <ul>{rows}</ul>
        </div>
    }
}
