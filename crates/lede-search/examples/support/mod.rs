//! What the examples that time things share: CPU time of this thread, and a median of five runs.

use std::time::Instant;

/// This thread's CPU time in ms (wall time where schedstat is missing).
pub fn cpu_ms(wall: Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or_else(|| wall.elapsed().as_secs_f64() * 1000.0, |ns| ns / 1e6)
}

/// The median CPU time of five runs of `f`.
pub fn median_ms(mut f: impl FnMut()) -> f64 {
    let mut ms: Vec<f64> = (0..5)
        .map(|_| {
            let wall = Instant::now();
            let t = cpu_ms(wall);
            f();
            cpu_ms(wall) - t
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    ms[2]
}
