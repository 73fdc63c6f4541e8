//! The date histogram of the current results: one bar per year, month or day (by the span of
//! their dates). A bar is a link that narrows every view to its period; dragging across bars,
//! or Shift with a click or Enter, selects a range; the arrow keys move between bars. The bars
//! count the results as they would be without the date range, so that the selected bars stand
//! highlighted among the others and the range can be moved or widened.

use lede_corpus::Date;
use lede_explore::{histogram, Granularity};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::explorer::use_explorer;
use crate::hash_state::navigate;

/// The histogram of `results.matching`, with the range selection.
#[component]
pub fn DateHistogram() -> impl IntoView {
    let explorer = use_explorer();
    let (data, view_state, results, key) = (
        explorer.data.clone(),
        explorer.view,
        explorer.results,
        explorer.key,
    );
    let hist = Memo::new(move |_| {
        let undated = key.with(|k| k.with_dates(None, None));
        if key.with(|k| k.date_from.is_none() && k.date_to.is_none()) {
            results.with(|r| histogram(&data.corpus, &r.matching))
        } else {
            // The same results without the date range: one more search, only while a range is set.
            let mut query = undated.search_query();
            query.limit = 0;
            query.snippets = 0;
            let all = data.index.search(&data.corpus, &query);
            histogram(&data.corpus, &all.matching)
        }
    });
    // The bar a drag started on.
    let anchor = RwSignal::new(None::<Date>);
    let select = move |a: Date, b: Date| {
        let (from, to) = if a.first_day() <= b.first_day() {
            (a, b)
        } else {
            (b, a)
        };
        let next = view_state.with_untracked(|v| v.with_dates(Some(from), Some(to)));
        navigate(view_state, next, true);
    };
    // Shift+click or Shift+Enter on a bar: from the current range's start (or end) to it.
    let extend = move |period: Date| {
        let start = view_state.with_untracked(|v| v.date_from.or(v.date_to));
        select(start.unwrap_or(period), period);
    };
    move || {
        let h = hist.get();
        if h.buckets.is_empty() {
            return None;
        }
        let max = h.buckets.iter().map(|b| b.count).max().unwrap_or(1).max(1);
        let unit = match h.granularity {
            Granularity::Year => "year",
            Granularity::Month => "month",
            Granularity::Day => "day",
        };
        let state = view_state.get();
        let selected = |p: &Date| {
            let (lo, hi) = (p.first_day(), p.last_day());
            state.date_from.is_none_or(|f| f.first_day() <= lo)
                && state.date_to.is_none_or(|t| t.last_day() >= hi)
                && (state.date_from.is_some() || state.date_to.is_some())
        };
        let bars = h
            .buckets
            .iter()
            .map(|b| {
                let period = b.period;
                let label = format!(
                    "{period}: {} article{}",
                    b.count,
                    if b.count == 1 { "" } else { "s" }
                );
                let href = state.with_dates(Some(period), Some(period)).to_hash();
                let height = format!("{}%", (b.count * 100).div_ceil(max).max(2));
                view! {
                    <a
                        class="lede-bar"
                        draggable="false"
                        class:lede-bar-selected=selected(&period)
                        href=href
                        title=label.clone()
                        aria-label=label
                        data-period=period.to_string()
                        data-count=b.count.to_string()
                        on:pointerdown=move |_| anchor.set(Some(period))
                        on:pointerup=move |_| {
                            if let Some(a) = anchor.get_untracked() {
                                anchor.set(None);
                                if a != period {
                                    select(a, period);
                                }
                            }
                        }
                        on:click=move |ev: web_sys::MouseEvent| {
                            if ev.shift_key() {
                                ev.prevent_default();
                                extend(period);
                            }
                        }
                        on:keydown=move |ev: web_sys::KeyboardEvent| {
                            // Enter with Shift arrives as a click with shift_key set.
                            if matches!(ev.key().as_str(), "ArrowLeft" | "ArrowRight") {
                                ev.prevent_default();
                                focus_sibling(&ev, ev.key() == "ArrowRight");
                            }
                        }
                    >
                        <span class="lede-bar-fill" style:height=height></span>
                    </a>
                }
            })
            .collect_view();
        let (first, last) = (h.buckets[0].period, h.buckets[h.buckets.len() - 1].period);
        let undated = (h.undated > 0).then(|| format!(" · {} undated", h.undated));
        Some(view! {
            <div class="lede-histogram" data-granularity=unit>
                <h3>"Dates"</h3>
                <div
                    class="lede-bars"
                    role="group"
                    aria-label=format!("Results by {unit}: a bar narrows to its {unit}; drag or Shift for a range")
                    on:pointerleave=move |_| anchor.set(None)
                >
                    {bars}
                </div>
                <p class="lede-histogram-axis">
                    <span>{first.to_string()}</span>
                    <span>{last.to_string()}{undated}</span>
                </p>
            </div>
        })
    }
}

/// Moves the focus from the bar `ev` came from to the next or previous one.
fn focus_sibling(ev: &web_sys::KeyboardEvent, next: bool) {
    let Some(bar) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let sibling = if next {
        bar.next_element_sibling()
    } else {
        bar.previous_element_sibling()
    };
    if let Some(s) = sibling.and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = s.focus();
    }
}
