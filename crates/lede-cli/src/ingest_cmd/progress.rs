//! Progress on stderr: a bar when stderr is a terminal, otherwise a line every few seconds
//! (stage, units done of the total, time in the stage), so that a long run in a log or CI is
//! never silent, even while one huge article is being annotated.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use lede_ingest::{Progress, Stage};

/// How often the line form prints.
pub const LINE_EVERY: Duration = Duration::from_secs(3);

/// The stage's name as progress shows it, and the unit it counts.
fn stage_words(stage: Stage) -> (&'static str, &'static str) {
    match stage {
        Stage::ReadParse => ("reading", "files"),
        Stage::Annotate => ("annotating", "articles"),
    }
}

/// A progress bar on stderr (only made when stderr is a terminal).
pub struct Bar(ProgressBar);

impl Bar {
    /// A bar drawing on stderr, styled before it first draws.
    pub fn new() -> Self {
        let style = ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len} {elapsed}")
            .expect("valid template")
            .progress_chars("=> ");
        Bar(ProgressBar::hidden().with_style(style))
    }
}

impl Progress for Bar {
    fn start(&self, stage: Stage, total: u64) {
        self.0.set_message(stage_words(stage).0);
        self.0.set_length(total);
        self.0.reset();
        self.0.set_draw_target(ProgressDrawTarget::stderr());
        // Redraws (the elapsed time moves) while one long article is being annotated.
        self.0.enable_steady_tick(Duration::from_millis(500));
    }

    fn advance(&self, n: u64) {
        self.0.inc(n);
    }

    fn finish(&self) {
        self.0.disable_steady_tick();
        self.0.finish_and_clear();
        self.0.set_draw_target(ProgressDrawTarget::hidden());
    }
}

/// The state the line printer reads.
#[derive(Default)]
struct Shared {
    /// The stage running, its total and when it began.
    stage: Mutex<Option<(Stage, u64, Instant)>>,
    done: AtomicU64,
    stop: AtomicBool,
}

/// Progress as a line on stderr every `every` while a stage runs (for stderr that is not a
/// terminal): `progress: annotating 3/10 articles, 12s`.
pub struct Lines {
    shared: Arc<Shared>,
    printer: Option<JoinHandle<()>>,
}

impl Lines {
    /// Starts the printer thread, writing each line through `out`.
    pub fn new(every: Duration, out: impl Fn(&str) + Send + 'static) -> Self {
        let shared = Arc::new(Shared::default());
        let state = Arc::clone(&shared);
        let printer = std::thread::spawn(move || {
            let mut last = Instant::now();
            while !state.stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(50).min(every));
                if last.elapsed() < every {
                    continue;
                }
                last = Instant::now();
                let current = *state.stage.lock().unwrap_or_else(|e| e.into_inner());
                if let Some((stage, total, began)) = current {
                    let (name, unit) = stage_words(stage);
                    let done = state.done.load(Ordering::Relaxed);
                    out(&format!(
                        "progress: {name} {done}/{total} {unit}, {:.0}s",
                        began.elapsed().as_secs_f64()
                    ));
                }
            }
        });
        Lines {
            shared,
            printer: Some(printer),
        }
    }
}

impl Drop for Lines {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
        if let Some(printer) = self.printer.take() {
            let _ = printer.join();
        }
    }
}

impl Progress for Lines {
    fn start(&self, stage: Stage, total: u64) {
        self.shared.done.store(0, Ordering::Relaxed);
        *self.shared.stage.lock().unwrap_or_else(|e| e.into_inner()) =
            Some((stage, total, Instant::now()));
    }

    fn advance(&self, n: u64) {
        self.shared.done.fetch_add(n, Ordering::Relaxed);
    }

    fn finish(&self) {
        *self.shared.stage.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_print_while_a_stage_runs_and_stop_after_it() {
        let printed = Arc::new(Mutex::new(Vec::<String>::new()));
        let sink = Arc::clone(&printed);
        let lines = Lines::new(Duration::from_millis(20), move |l| {
            sink.lock().unwrap().push(l.to_string())
        });
        lines.start(Stage::Annotate, 4);
        lines.advance(3);
        std::thread::sleep(Duration::from_millis(300));
        lines.finish();
        std::thread::sleep(Duration::from_millis(100));
        let during = printed.lock().unwrap().len();
        assert!(during >= 2, "{:?}", printed.lock().unwrap());
        assert!(printed.lock().unwrap()[0].starts_with("progress: annotating 3/4 articles"));
        std::thread::sleep(Duration::from_millis(200));
        drop(lines);
        assert_eq!(
            printed.lock().unwrap().len(),
            during,
            "nothing after the stage"
        );
    }
}
