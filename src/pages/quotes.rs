//! The quotes page ("who said what"): every quotation of the current results (query and
//! filters apply), grouped by speaker and ordered by count, name or date, with its own search
//! over the quoted words, citations to copy and the whole view to export as CSV or JSON. The
//! grouping, search, citations and exports are `lede_explore`'s; this page holds the memos and
//! renders them a page of groups at a time, beside the same filter panel as the results.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use lede_explore::{
    group_by_speaker, match_quotations, quotations, record, records, to_csv, to_json, QuotationRow,
    SpeakerGroup, SpeakerKind,
};
use leptos::prelude::*;

use crate::components::{download, more_button, FilterDrawer, QuoteRow};
use crate::corpus_loader::Loaded;
use crate::explorer::use_explorer;
use crate::hash_state::{navigate, Page, ViewState};
use lede_view::QuoteSort;

/// Speaker groups shown at first, and how many more each "Show more" adds.
const GROUPS_PAGE: usize = 50;
/// Quotations a group shows at first, and how many more each of its "Show more" adds.
const ROWS_PAGE: usize = 5;

/// A value shared by pointer: memos holding one compare by identity, not by content (a
/// Reuters-sized list is never compared element by element).
#[derive(Debug)]
struct Shared<T>(Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The rows the page's search keeps, and the words it matched in each.
struct Matched {
    subset: Vec<usize>,
    /// The matched words of each row that has some, in row order (a list searched by halves:
    /// one hash-map type fewer in the app's wasm).
    ranges: Vec<(usize, Vec<(usize, usize)>)>,
}

/// The groups of one computation, numbered so that the keyed list rebuilds a group whose rows
/// changed while keeping the groups already shown when only more are asked for.
struct Grouped {
    generation: usize,
    groups: Vec<SpeakerGroup>,
}

/// Counts computations of the groups (see [`Grouped`]).
static GENERATION: AtomicUsize = AtomicUsize::new(0);

/// Every quotation of the current results, grouped by speaker.
#[component]
pub fn QuotesPage() -> impl IntoView {
    let explorer = use_explorer();
    let (data, view_state, results) = (explorer.data.clone(), explorer.view, explorer.results);
    // Once per results change (not per "Show more" of the browse list, nor per page change).
    let matching = Memo::new(move |_| results.with(|r| r.matching.clone()));
    let rows = {
        let data = data.clone();
        Memo::new(move |_| matching.with(|m| Shared(Arc::new(quotations(&data.corpus, m)))))
    };
    let quote_query = Memo::new(move |_| view_state.with(|v| v.quote_query.clone()));
    let quote_sort = Memo::new(move |_| view_state.with(|v| v.quote_sort));
    let matched = Memo::new(move |_| {
        let rows = rows.get();
        let found = quote_query.with(|q| match_quotations(&rows.0, q));
        Shared(Arc::new(Matched {
            subset: found.iter().map(|m| m.row).collect(),
            ranges: found
                .into_iter()
                .filter(|m| !m.ranges.is_empty())
                .map(|m| (m.row, m.ranges))
                .collect(),
        }))
    });
    let grouped = {
        let data = data.clone();
        Memo::new(move |_| {
            let (rows, matched) = (rows.get(), matched.get());
            Shared(Arc::new(Grouped {
                generation: GENERATION.fetch_add(1, Ordering::Relaxed),
                groups: group_by_speaker(
                    &data.corpus,
                    &rows.0,
                    &matched.0.subset,
                    quote_sort.get(),
                ),
            }))
        })
    };
    let shown = RwSignal::new(GROUPS_PAGE);
    Effect::new(move |_| {
        grouped.track();
        if shown.get_untracked() != GROUPS_PAGE {
            shown.set(GROUPS_PAGE);
        }
    });

    let summary = move || {
        let (n, groups) = (
            matched.with(|m| m.0.subset.len()),
            grouped.with(|g| g.0.groups.len()),
        );
        let articles = rows.with(|r| {
            let mut ids: Vec<usize> =
                matched.with(|m| m.0.subset.iter().map(|&i| r.0[i].article).collect());
            ids.dedup();
            ids.len()
        });
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        view! {
            <p class="lede-quotes-count" aria-live="polite" data-quotations=n data-groups=groups>
                {format!(
                    "{} by {} in {}",
                    plural(n, "quotation", "quotations"),
                    plural(groups, "speaker", "speakers"),
                    plural(articles, "article", "articles"),
                )}
            </p>
        }
    };
    let on_search = move |ev| {
        let text = event_target_value(&ev);
        let next = view_state.with_untracked(|v| ViewState {
            quote_query: text,
            ..v.clone()
        });
        navigate(view_state, next, false);
    };
    let sort_links = move || {
        let state = view_state.get();
        [
            (QuoteSort::Count, "Most quoted"),
            (QuoteSort::Name, "Name"),
            (QuoteSort::Date, "Latest"),
        ]
        .into_iter()
        .map(|(sort, label)| {
            let href = ViewState {
                quote_sort: sort,
                ..state.clone()
            }
            .to_hash();
            let current = (state.quote_sort == sort).then_some("true");
            view! {
                <a class="lede-quote-sort-link" href=href aria-current=current>
                    {label}
                </a>
            }
        })
        .collect_view()
    };
    let export = {
        let data = data.clone();
        move |format: &'static str| {
            let (rows, grouped) = (rows.get_untracked(), grouped.get_untracked());
            let all = records(&data.corpus, &rows.0, &grouped.0.groups);
            match format {
                "csv" => download("lede-quotes.csv", "text/csv;charset=utf-8", &to_csv(&all)),
                _ => download("lede-quotes.json", "application/json", &to_json(&all)),
            }
        }
    };
    let export_json = export.clone();
    let visible = move || {
        let grouped = grouped.get();
        let n = shown.get();
        grouped
            .0
            .groups
            .iter()
            .take(n)
            .enumerate()
            .map(|(i, _)| (grouped.0.generation, i, grouped.clone()))
            .collect::<Vec<_>>()
    };
    let group_view = {
        let data = data.clone();
        move |(_, i, grouped): (usize, usize, Shared<Grouped>)| {
            let group = grouped.0.groups[i].clone();
            view! {
                <SpeakerSection
                    group
                    data=data.clone()
                    rows=rows.get_untracked()
                    matched=matched.get_untracked()
                />
            }
        }
    };
    let more = move || {
        let left = grouped
            .with(|g| g.0.groups.len())
            .saturating_sub(shown.get());
        more_button("Show more speakers", left, shown, GROUPS_PAGE)
    };
    let back = move || view_state.with(|v| v.on_page(Page::Browse)).to_hash();
    // Says when the search or filters narrow the quotations, with a link to all of them.
    let scope = move || {
        view_state.with(|v| {
            (v.is_filtered() || !v.query.trim().is_empty()).then(|| {
                let everything = ViewState {
                    query: String::new(),
                    ..v.without_filters()
                };
                view! {
                    <p class="lede-quotes-scope">
                        "From the articles that match the search and filters. "
                        <a href=everything.to_hash()>"All quotations"</a>
                    </p>
                }
            })
        })
    };
    // The filter panel beside the quotations, as beside the results: its chips and facets
    // narrow the quotations as they narrow the results.
    // The heading comes first, so the outline starts with the page's h1.
    view! {
        <div class="lede-quotes-page">
        <a class="lede-quotes-back" href=back>
            "← Back to the results"
        </a>
        <h1 class="lede-quotes-title">"Who said what"</h1>
        <div class="lede-browse lede-quotes-layout">
        <FilterDrawer />
        <section class="lede-quotes" aria-label="Who said what">
            <div class="lede-quotes-tools">
                <input
                    class="lede-quote-search"
                    type="search"
                    placeholder="Search the quotations"
                    aria-label="Search the quotations"
                    autocomplete="off"
                    prop:value=move || quote_query.get()
                    on:input=on_search
                />
                <nav class="lede-quote-sort" aria-label="Order of speakers">
                    <span class="lede-quote-sort-label">"Order:"</span>
                    {move || sort_links()}
                </nav>
                <span class="lede-quote-export">
                    <button class="lede-export" type="button" data-format="csv" on:click=move |_| export("csv")>
                        "Export CSV"
                    </button>
                    <button class="lede-export" type="button" data-format="json" on:click=move |_| export_json("json")>
                        "Export JSON"
                    </button>
                </span>
            </div>
            {move || summary()}
            {move || scope()}
            <div class="lede-speaker-groups">
                <For each=visible key=|(generation, i, _)| (*generation, *i) children=group_view />
            </div>
            {move || more()}
        </section>
        </div>
        </div>
    }
}

/// One speaker with their quotations, a few at a time.
#[component]
fn SpeakerSection(
    group: SpeakerGroup,
    data: Arc<Loaded>,
    rows: Shared<Vec<QuotationRow>>,
    matched: Shared<Matched>,
) -> impl IntoView {
    let view_state = use_explorer().view;
    let shown = RwSignal::new(ROWS_PAGE);
    let total = group.rows.len();
    let kind = match group.kind {
        SpeakerKind::Description => Some("(description)"),
        SpeakerKind::Unattributed => Some("no speaker named"),
        _ => None,
    };
    let only = group.entity.clone().map(|id| {
        let href = view_state
            .with_untracked(|v| v.toggling_speaker(&id))
            .to_hash();
        let selected = view_state.with_untracked(|v| v.speakers.contains(&id));
        let label = if selected {
            "All speakers"
        } else {
            "Only this speaker"
        };
        view! { <a class="lede-speaker-only" href=href>{label}</a> }
    });
    let items = {
        let group_rows = group.rows.clone();
        move || {
            let state = view_state.get_untracked();
            group_rows
                .iter()
                .take(shown.get())
                .map(|&r| {
                    let row = &rows.0[r];
                    let rec = record(&data.corpus, row);
                    let href = state.with_quote(&rec.article_id, row.number).to_hash();
                    let ranges = matched
                        .0
                        .ranges
                        .binary_search_by_key(&r, |(row, _)| *row)
                        .map(|at| matched.0.ranges[at].1.clone())
                        .unwrap_or_default();
                    view! { <QuoteRow record=rec href ranges /> }
                })
                .collect_view()
        }
    };
    let more = move || {
        let left = total.saturating_sub(shown.get());
        (left > 0).then(|| {
            view! {
                <button
                    class="lede-more lede-speaker-more"
                    type="button"
                    on:click=move |_| shown.update(|n| *n += ROWS_PAGE * 4)
                >
                    {format!("Show more ({left} left)")}
                </button>
            }
        })
    };
    view! {
        <section class="lede-speaker-group" data-key=group.key.clone() data-count=total>
            <h2
                class="lede-speaker-heading"
                class:lede-speaker-described=group.kind == SpeakerKind::Description
            >
                <span class="lede-speaker-name">{group.name.clone()}</span>
                <span class="lede-speaker-count">{total}</span>
                {kind.map(|k| view! { <span class="lede-speaker-kind">{k}</span> })}
                {only}
            </h2>
            <ul class="lede-quote-items">{items}</ul>
            {move || more()}
        </section>
    }
}
