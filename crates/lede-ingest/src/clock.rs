//! The pipeline's one clock: `std::time::Instant` natively, nothing on wasm32 (where
//! `Instant::now` panics), so the stage timings read zero in the browser.

use std::time::Duration;

/// A started stopwatch.
#[derive(Clone, Copy)]
pub(crate) struct Stopwatch {
    #[cfg(not(target_arch = "wasm32"))]
    started: std::time::Instant,
}

impl Stopwatch {
    /// Starts one now.
    pub(crate) fn start() -> Self {
        Stopwatch {
            #[cfg(not(target_arch = "wasm32"))]
            started: std::time::Instant::now(),
        }
    }

    /// Time since [`Stopwatch::start`] (zero on wasm32, which has no `Instant`).
    pub(crate) fn elapsed(&self) -> Duration {
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.started.elapsed()
        }
        #[cfg(target_arch = "wasm32")]
        {
            Duration::ZERO
        }
    }
}
