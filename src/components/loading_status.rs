//! What the page says while the corpus downloads: the bytes received so far, and when nothing
//! has arrived for a while, that the download has stalled, with a way to retry.

use leptos::prelude::*;

/// Seconds without a new byte after which the download counts as stalled.
pub const STALL_SECONDS: u32 = 10;

/// `bytes` as a reader reads a size: "512 B", "48 KB", "3.1 MB".
fn size(bytes: u64) -> String {
    match bytes {
        b if b < 1_000 => format!("{b} B"),
        b if b < 1_000_000 => format!("{} KB", b / 1_000),
        b => format!("{} MB", lede_text::decimal::fixed(b as f64 / 1e6, 1)),
    }
}

/// The loading line for a download of which `received` bytes have arrived; it checks every
/// second and says so when none has arrived for [`STALL_SECONDS`].
#[component]
pub fn LoadingStatus(received: RwSignal<u64>) -> impl IntoView {
    let idle = RwSignal::new(0u32);
    let last = StoredValue::new(received.get_untracked());
    let timer = set_interval_with_handle(
        move || {
            let now = received.get_untracked();
            if now != last.get_value() {
                last.set_value(now);
                idle.set(0);
            } else {
                idle.update(|s| *s += 1);
            }
        },
        std::time::Duration::from_secs(1),
    )
    .ok();
    on_cleanup(move || {
        if let Some(t) = timer {
            t.clear();
        }
    });
    let progress = move || match received.get() {
        0 => "Loading articles…".to_string(),
        b => format!("Loading articles… {} received", size(b)),
    };
    let stalled = move || {
        let s = idle.get();
        (s >= STALL_SECONDS).then(|| {
            view! {
                <p class="lede-stalled" role="alert">
                    {format!(
                        "Nothing has arrived for {s} seconds: the server may be slow or unreachable. "
                    )}
                    <a class="lede-reload" href="">
                        "Retry"
                    </a>
                </p>
            }
        })
    };
    view! {
        <p class="lede-status" role="status" aria-busy="true">
            {move || progress()}
        </p>
        {move || stalled()}
    }
}

#[cfg(test)]
mod tests {
    use super::size;

    #[test]
    fn sizes_read_as_a_person_reads_them() {
        assert_eq!(size(0), "0 B");
        assert_eq!(size(48_213), "48 KB");
        assert_eq!(size(3_140_000), "3.1 MB");
    }
}
