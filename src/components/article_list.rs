//! The results for the query and the entity filter, ranked by the search engine: each with its
//! title and best passages (matched words marked), date and source, and a link to the reader.

use lede_search::Hit;
use leptos::prelude::*;

use super::marked_text::MarkedText;
use super::meta_line::meta_line;
use super::more_button::more_button;
use super::quotes_link::QuotesLink;
use crate::explorer::{use_explorer, RESULTS_PAGE};
use crate::hash_state::ViewState;

/// The articles that match the view state's query and mention every selected entity, best first.
#[component]
pub fn ArticleList() -> impl IntoView {
    let explorer = use_explorer();
    let (data, view_state, results, shown, key) = (
        explorer.data.clone(),
        explorer.view,
        explorer.results,
        explorer.shown,
        explorer.key,
    );
    let total = data.corpus.articles.len();
    // Text with nothing to search in it ("!!!", "--"): browsing, and said so.
    let wordless = Memo::new(move |_| {
        key.with(|v| {
            (!v.query.trim().is_empty() && v.search_query().clauses.is_empty())
                .then(|| v.query.clone())
        })
    });
    let summary = move || {
        let matched = results.with(|r| r.total);
        let noun = if total == 1 { "article" } else { "articles" };
        let browsing =
            view_state.with(|v| v.query.trim().is_empty() || wordless.with(Option::is_some));
        if browsing && !view_state.with(ViewState::is_filtered) {
            format!("{total} {noun}")
        } else {
            let verb = if matched == 1 { "matches" } else { "match" };
            format!("{matched} of {total} {noun} {verb}")
        }
    };
    let notes = move || {
        results.with(|r| {
            let relaxed = r.relaxed && r.total > 0;
            let parse = r.parse_error.clone();
            view! {
                <Show when=move || relaxed>
                    <p class="lede-note">"No article has all the words: these have the most of them."</p>
                </Show>
                {parse.map(|e| view! { <p class="lede-note">{format!("Searched the words only: {e}.")}</p> })}
                {wordless.get().map(|q| view! {
                    <p class="lede-note lede-no-words">
                        "There is no word to search in \u{201c}" <bdi>{q}</bdi> "\u{201d}: type a word to search. Showing every article."
                    </p>
                })}
            }
        })
    };
    // Rows keyed by the results they belong to and their article: "Show more" appends rows
    // and keeps the ones shown; a new query or filter builds them anew (titles, marks and links
    // depend on it).
    let rows = move || {
        let stamp = key.with(ViewState::to_hash);
        results.with(|r| {
            r.hits
                .iter()
                .map(|hit| (stamp.clone(), hit.clone()))
                .collect::<Vec<_>>()
        })
    };
    let row = move |hit: Hit| {
        let a = &data.corpus.articles[hit.article];
        let href = view_state.with_untracked(|v| v.with_article(&a.id).to_hash());
        let meta = meta_line(
            [a.date.as_deref(), a.source.as_deref()]
                .map(|t| t.map(str::to_string))
                .into_iter()
                .flatten()
                .collect(),
        );
        let snippets = hit
            .snippets
            .iter()
            .map(|s| {
                let text = a.paragraphs[s.paragraph].to_string();
                let chars = text.chars().count();
                let before = if s.passage.0 > 0 { "…" } else { "" };
                let after = if s.passage.1 < chars { "…" } else { "" };
                view! {
                    <p class="lede-snippet">
                        {before}
                        <MarkedText text span=s.passage ranges=s.ranges.clone() />
                        {after}
                    </p>
                }
            })
            .collect_view();
        view! {
            <li class="lede-result" data-article=a.id.clone()>
                <a class="lede-result-title" href=href>
                    <MarkedText text=a.display_title().into_owned() ranges=hit.title_ranges.clone() />
                </a>
                <span class="lede-result-meta">{meta}</span>
                {snippets}
            </li>
        }
    };
    let more = move || {
        results.with(|r| {
            let left = r.total.saturating_sub(r.hits.len());
            more_button("Show more", left, shown, RESULTS_PAGE)
        })
    };
    view! {
        <section class="lede-list">
            <p class="lede-count" aria-live="polite">
                {move || summary()}
            </p>
            <QuotesLink />
            {move || notes()}
            <ul class="lede-results">
                <For each=rows key=|(stamp, hit)| (stamp.clone(), hit.article) children=move |(_, hit)| row(hit) />
            </ul>
            {move || more()}
        </section>
    }
}
