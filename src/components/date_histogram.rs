//! The date histogram of the current results: one bar per year, month or day (by the span of
//! their dates). A bar is a link that narrows every view to its period; dragging across bars,
//! or Shift with a click or Enter, selects a range; the arrow keys move between bars. The bars
//! count the results as they would be without the date range, so that the selected bars stand
//! highlighted among the others and the range can be moved or widened.

use lede_corpus::Date;
use lede_explore::histogram;
use leptos::prelude::*;

use super::histogram_chart::{unit_name, HistogramChart};
use crate::explorer::use_explorer;
use crate::hash_state::navigate;

/// The histogram of the results (without their date range), with the range selection.
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
    let on_range = Callback::new(move |(a, b): (Date, Date)| {
        let (from, to) = if a.first_day() <= b.first_day() {
            (a, b)
        } else {
            (b, a)
        };
        let next = view_state.with_untracked(|v| v.with_dates(Some(from), Some(to)));
        navigate(view_state, next, true);
    });
    move || {
        let h = hist.get();
        if h.buckets.is_empty() {
            return None;
        }
        let unit = unit_name(h.granularity);
        let state = view_state.get();
        let href_state = state.clone();
        let bar_href =
            Callback::new(move |p: Date| href_state.with_dates(Some(p), Some(p)).to_hash());
        Some(view! {
            <div class="lede-date-filter" data-granularity=unit>
                <h3>"Dates"</h3>
                <HistogramChart
                    histogram=h
                    label=format!("Results by {unit}: a bar narrows to its {unit}; drag or Shift for a range")
                    bar_href
                    selected=(state.date_from, state.date_to)
                    on_range
                />
            </div>
        })
    }
}
