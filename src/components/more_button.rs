//! The "Show more" button of every paged list: the results, the quotes page's speakers, an
//! entity's articles and quotations.

use leptos::prelude::*;

/// "`label` (`left` left)" while `left` rows are hidden, raising `shown` by `step` on a click;
/// nothing when none is.
pub fn more_button(
    label: &'static str,
    left: usize,
    shown: RwSignal<usize>,
    step: usize,
) -> Option<impl IntoView> {
    (left > 0).then(|| {
        view! {
            <button class="lede-more" type="button" on:click=move |_| shown.update(|n| *n += step)>
                {format!("{label} ({left} left)")}
            </button>
        }
    })
}
