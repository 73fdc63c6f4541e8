//! A date histogram as a bar chart: one link per period (its label says the period and the
//! count, for screen readers and on hover), the first and last period under the bars, and the
//! undated articles in words.

use lede_corpus::Date;
use lede_explore::{Granularity, Histogram};
use leptos::prelude::*;

/// The bars of `histogram`, each a link to `bar_href(period)`; `label` names the chart (e.g.
/// "Articles mentioning X by month").
#[component]
pub fn HistogramChart(
    histogram: Histogram,
    label: String,
    bar_href: Callback<Date, String>,
) -> impl IntoView {
    let max = histogram
        .buckets
        .iter()
        .map(|b| b.count)
        .max()
        .unwrap_or(0)
        .max(1);
    let granularity = histogram.granularity;
    let bars = histogram
        .buckets
        .iter()
        .map(|b| {
            let period = period_label(granularity, &b.period);
            let noun = if b.count == 1 { "article" } else { "articles" };
            let text = format!("{period}: {} {noun}", b.count);
            let height = format!("height: {}%", b.count * 100 / max);
            view! {
                <li class="lede-bar" data-period=b.period.to_string() data-count=b.count>
                    <a href=bar_href.run(b.period) aria-label=text.clone() title=text>
                        <span class="lede-bar-fill" style=height></span>
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
            <ol class="lede-bars" aria-label=label>
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
