//! The filter panel: the selected filters as chips (each removes itself; one "Clear all"), the
//! date histogram of the results, then the people (mentioned or quoted, by a switch),
//! organisations, places and sources of the current results with their counts. Every row is a
//! link to the hash with that filter toggled; each facet filters its own rows as you type and
//! shows more on request.

use lede_corpus::{EntityKind, EntitySummary};
use lede_text::fold_for_match;
use leptos::prelude::*;

use super::date_histogram::DateHistogram;
use super::jump_box::JumpBox;
use crate::corpus_loader::Loaded;
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
    let explorer = use_explorer();
    let (data, results) = (explorer.data, explorer.results);
    let mentioned =
        Memo::new(move |_| results.with(|r| KindCounts::new(&r.facets.entities, &data)));
    view! {
        <aside class="lede-filter" aria-label="Filters">
            <JumpBox />
            <FilterChips />
            <DateHistogram />
            <EntityFacet kind=EntityKind::Person label="People" mentioned />
            <EntityFacet kind=EntityKind::Organization label="Organisations" mentioned />
            <EntityFacet kind=EntityKind::Place label="Places" mentioned />
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
        data.entity_row(id).map_or_else(
            || id.to_string(),
            |row| data.corpus.entities[row].name.to_string(),
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
/// `limit` of them, and how many more matched.
fn visible<'n, T>(
    rows: impl IntoIterator<Item = T>,
    name: impl Fn(&T) -> &'n str,
    typed: &str,
    limit: usize,
) -> (Vec<T>, usize) {
    let needle = fold_for_match(typed.trim());
    let mut shown = Vec::with_capacity(limit);
    let mut more = 0;
    for row in rows {
        if !needle.is_empty() && !fold_for_match(name(&row)).contains(&needle) {
            continue;
        }
        if shown.len() < limit {
            shown.push(row);
        } else {
            more += 1;
        }
    }
    (shown, more)
}

/// Entity counts split by kind: for each kind, (row in the entity table, count), largest count
/// first. One pass over the engine's counts serves every facet of the panel.
#[derive(Clone, Default, PartialEq)]
struct KindCounts(Vec<(EntityKind, Vec<(usize, usize)>)>);

impl KindCounts {
    /// `counted` (entity id, count) split by the kind of each entity of `data`'s corpus.
    fn new(counted: &[(String, usize)], data: &Loaded) -> KindCounts {
        let entities: &[EntitySummary] = &data.corpus.entities;
        let mut by_kind: Vec<(EntityKind, Vec<(usize, usize)>)> =
            EntityKind::ALL.iter().map(|&k| (k, Vec::new())).collect();
        for (id, n) in counted {
            let Some(row) = data.entity_row(id) else {
                continue;
            };
            let kind = entities[row].kind;
            if let Some((_, list)) = by_kind.iter_mut().find(|(k, _)| *k == kind) {
                list.push((row, *n));
            }
        }
        KindCounts(by_kind)
    }

    /// The counts of one kind.
    fn of(&self, kind: EntityKind) -> &[(usize, usize)] {
        self.0
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(&[], |(_, list)| list.as_slice())
    }
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
fn EntityFacet(
    kind: EntityKind,
    label: &'static str,
    mentioned: Memo<KindCounts>,
) -> impl IntoView {
    let explorer = use_explorer();
    let (data, view_state, results) = (explorer.data.clone(), explorer.view, explorer.results);
    let role = RwSignal::new(PersonRole::Mentioned);
    let typed = RwSignal::new(String::new());
    let limit = RwSignal::new(ROWS);
    // (row in the entity table, count), largest count first.
    let counts = {
        let data = data.clone();
        Memo::new(move |_| match role.get() {
            PersonRole::Mentioned => mentioned.with(|m| m.of(kind).to_vec()),
            PersonRole::Quoted => results.with(|r| {
                let counted = lede_explore::speaker_counts(&data.corpus, &r.matching);
                KindCounts::new(&counted, &data).of(kind).to_vec()
            }),
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
        let entities = &data.corpus.entities;
        let (shown, more) = counts.with(|c| {
            visible(
                c.iter()
                    .copied()
                    .filter(|(row, _)| !selected.iter().any(|s| *s == entities[*row].id)),
                |(row, _)| entities[*row].name.as_str(),
                &typed.get(),
                limit.get(),
            )
        });
        let items = shown
            .into_iter()
            .map(|(row, count)| {
                let entity = &entities[row];
                let href = if quoted {
                    state.toggling_speaker(&entity.id)
                } else {
                    state.toggling_entity(&entity.id)
                }
                .to_hash();
                view! {
                    <li>
                        <a class="lede-facet" href=href data-entity=entity.id.to_string()>
                            <span class="lede-facet-name">{entity.name.to_string()}</span>
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
    // The labels are ASCII: their ASCII lowercase links no Unicode case code (`str::to_lowercase`).
    let filter_label = format!("Filter {}", label.to_ascii_lowercase());
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
            <ul>{move || rows()}</ul>
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
        let (shown, more) = results.with(|r| {
            let (shown, more) = visible(
                r.facets
                    .sources
                    .iter()
                    .filter(|(s, _)| !state.sources.contains(s)),
                |&(s, _)| s.as_str(),
                "",
                limit.get(),
            );
            (shown.into_iter().cloned().collect::<Vec<_>>(), more)
        });
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
            <ul>{move || rows()}</ul>
        </div>
    }
}
