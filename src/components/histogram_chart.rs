//! A date histogram as a bar chart, the one renderer of the entity page's timeline and the
//! filter panel's date range: one link per period (its label says the period and the count, for
//! screen readers and on hover), the first and last period under the bars, and the undated
//! articles in words. Given `on_range`, a drag across bars or Shift with a click or Enter selects
//! a range, and the arrow keys move between bars; `selected` marks the bars inside a range.

use lede_corpus::Date;
use lede_explore::{Granularity, Histogram};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The bars of `histogram`, each a link to `bar_href(period)`; `label` names the chart (e.g.
/// "Articles mentioning X by month").
#[component]
pub fn HistogramChart(
    histogram: Histogram,
    label: String,
    bar_href: Callback<Date, String>,
    /// The range the bars inside are marked as selected in (either end open), if any.
    #[prop(optional)]
    selected: Option<(Option<Date>, Option<Date>)>,
    /// Called with the two ends (in either order) when the reader selects a range.
    #[prop(optional)]
    on_range: Option<Callback<(Date, Date)>>,
) -> impl IntoView {
    let max = histogram
        .buckets
        .iter()
        .map(|b| b.count)
        .max()
        .unwrap_or(0)
        .max(1);
    let granularity = histogram.granularity;
    let inside = move |p: &Date| {
        selected.is_some_and(|(from, to)| {
            (from.is_some() || to.is_some())
                && from.is_none_or(|f| f.first_day() <= p.first_day())
                && to.is_none_or(|t| t.last_day() >= p.last_day())
        })
    };
    // The bar a drag started on.
    let anchor = RwSignal::new(None::<Date>);
    let bars = histogram
        .buckets
        .iter()
        .map(|b| {
            let p = b.period;
            let period = period_label(granularity, &p);
            let noun = if b.count == 1 { "article" } else { "articles" };
            let text = format!("{period}: {} {noun}", b.count);
            let height = format!("{}%", (b.count * 100).div_ceil(max));
            view! {
                <li class="lede-bar" class:lede-bar-selected=inside(&p) data-period=p.to_string() data-count=b.count>
                    <a
                        href=bar_href.run(p)
                        aria-label=text.clone()
                        title=text
                        draggable="false"
                        on:pointerdown=move |_| anchor.set(Some(p))
                        on:pointerup=move |_| {
                            if let (Some(a), Some(range)) = (anchor.get_untracked(), on_range) {
                                anchor.set(None);
                                if a != p {
                                    range.run((a, p));
                                }
                            }
                        }
                        on:click=move |ev: web_sys::MouseEvent| {
                            // Enter with Shift arrives as a click with shift_key set.
                            if let (true, Some(range)) = (ev.shift_key(), on_range) {
                                ev.prevent_default();
                                let start = selected.and_then(|(f, t)| f.or(t)).unwrap_or(p);
                                range.run((start, p));
                            }
                        }
                        on:keydown=move |ev: web_sys::KeyboardEvent| {
                            if on_range.is_some() && matches!(ev.key().as_str(), "ArrowLeft" | "ArrowRight") {
                                ev.prevent_default();
                                focus_sibling(&ev, ev.key() == "ArrowRight");
                            }
                        }
                    >
                        <span class="lede-bar-fill" style:height=height></span>
                    </a>
                </li>
            }
        })
        .collect_view();
    let axis = match (histogram.buckets.first(), histogram.buckets.last()) {
        (Some(first), Some(last)) => view! {
            <p class="lede-bar-axis" aria-hidden="true">
                <span>{period_label(granularity, &first.period)}</span>
                <span>{period_label(granularity, &last.period)}</span>
            </p>
        }
        .into_any(),
        _ => ().into_any(),
    };
    let undated = (histogram.undated > 0).then(|| {
        let n = histogram.undated;
        let noun = if n == 1 {
            "article has"
        } else {
            "articles have"
        };
        view! {
            <p class="lede-bar-undated" data-count=n>
                {format!("{n} {noun} no date.")}
            </p>
        }
    });
    let caption = {
        let dated: usize = histogram.buckets.iter().map(|b| b.count).sum();
        let unit = unit_name(granularity);
        let noun = if dated == 1 {
            "dated article"
        } else {
            "dated articles"
        };
        (dated > 0).then(|| {
            view! {
                <figcaption class="lede-bar-caption">
                    {format!("{dated} {noun}; at most {max} in one {unit}.")}
                </figcaption>
            }
        })
    };
    view! {
        <figure class="lede-histogram">
            {caption}
            <ol
                class="lede-bars"
                class:lede-bars-ranged=selected.is_some_and(|(f, t)| f.is_some() || t.is_some())
                aria-label=label
                on:pointerleave=move |_| anchor.set(None)
            >
                {bars}
            </ol>
            {axis}
            {undated}
        </figure>
    }
}

/// The name of one bucket's period: `year`, `month` or `day`.
pub fn unit_name(granularity: Granularity) -> &'static str {
    match granularity {
        Granularity::Year => "year",
        Granularity::Month => "month",
        Granularity::Day => "day",
    }
}

/// How a period reads: `2024`, `Mar 2024` or `2024-03-05`.
fn period_label(granularity: Granularity, period: &Date) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match (granularity, period.month()) {
        (Granularity::Month, Some(m)) => {
            format!("{} {}", MONTHS[(m as usize - 1) % 12], period.year())
        }
        _ => period.to_string(),
    }
}

/// Moves the focus from the bar link `ev` came from to the next or previous bar's link.
fn focus_sibling(ev: &web_sys::KeyboardEvent, next: bool) {
    let Some(item) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|a| a.parent_element())
    else {
        return;
    };
    let sibling = if next {
        item.next_element_sibling()
    } else {
        item.previous_element_sibling()
    };
    if let Some(link) = sibling
        .and_then(|s| s.first_element_child())
        .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = link.focus();
    }
}
