//! "Add your articles": the header button and its panel — a drop zone, a files and a folder
//! picker, alone or beside the bundled corpus, the worker's progress with Cancel, the ingest
//! report, and the collections kept in this browser.

use std::sync::Arc;

use lede_text::display::in_sentence;
use leptos::ev::DragEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::corpus_loader::{loaded_from_pack, LoadState, Loaded};
use crate::own_files::{self, Chosen, Collection, Finished, Message};

/// What the panel is doing.
#[derive(Clone)]
enum Phase {
    /// Waiting for files.
    Idle,
    /// The worker is at `stage`, `done` of `total`.
    Running {
        stage: String,
        done: f64,
        total: f64,
    },
    /// The last job's outcome.
    Done(Arc<Summary>),
    /// The last job failed or was cancelled; a sentence.
    Stopped(String),
}

/// A finished job as the panel shows it.
struct Summary {
    /// The report's counts: read, ingested, rejected, warnings, dropped.
    counts: [u64; 5],
    /// Each file that gave articles, with how many.
    files_in: Vec<(String, u32)>,
    /// Every warning and rejection: severity, where, reason.
    entries: Vec<(String, String, String)>,
    /// Articles now explored.
    articles: u32,
    /// The worker's memory at the end, its annotation workers' included, in bytes.
    memory: f64,
    /// How many annotation workers it had (0: it annotated alone).
    annotators: u32,
    /// Their part of `memory`, in bytes.
    annotator_memory: f64,
}

impl Summary {
    /// The panel's view of a finished job.
    fn of(finished: &Finished) -> Summary {
        // The report is `lede ingest --report`'s JSON, read by the browser's own parser.
        let report = finished
            .report
            .as_deref()
            .and_then(|r| js_sys::JSON::parse(r).ok())
            .unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
        let get = |object: &wasm_bindgen::JsValue, name: &str| {
            js_sys::Reflect::get(object, &name.into()).unwrap_or(wasm_bindgen::JsValue::UNDEFINED)
        };
        let count = |name: &str| get(&report, name).as_f64().unwrap_or(0.0) as u64;
        let entries = get(&report, "entries")
            .dyn_into::<js_sys::Array>()
            .unwrap_or_default()
            .iter()
            .map(|e| {
                let text = |name: &str| get(&e, name).as_string().unwrap_or_default();
                let mut place = text("file");
                if let Some(line) = get(&e, "line").as_f64() {
                    place.push_str(&format!(", line {line}"));
                } else if let Some(record) = get(&e, "record").as_f64() {
                    place.push_str(&format!(", record {}", record + 1.0));
                }
                (text("severity"), place, text("reason"))
            })
            .collect();
        Summary {
            counts: ["read", "ingested", "rejected", "warnings", "dropped"].map(count),
            files_in: finished.files_in.clone(),
            entries,
            articles: finished.articles,
            memory: finished.memory + finished.annotator_memory,
            annotators: finished.annotators,
            annotator_memory: finished.annotator_memory,
        }
    }
}

/// The "Add your articles" button and panel; `load` is the app's corpus, replaced by the
/// reader's own articles (alone or beside the bundled ones) when they are ready.
#[component]
pub fn AddArticles(load: RwSignal<LoadState>) -> impl IntoView {
    let open = RwSignal::new(false);
    let beside = RwSignal::new(false);
    let phase = RwSignal::new(Phase::Idle);
    let worker = StoredValue::new_local(None::<web_sys::Worker>);
    // The corpus the page loaded first, for "beside" and for going back to it.
    let bundled = StoredValue::new(None::<Arc<Loaded>>);
    let showing = RwSignal::new(None::<String>);
    let collections = RwSignal::new(Vec::<Collection>::new());
    let kept = RwSignal::new(None::<bool>);
    let list_error = RwSignal::new(None::<String>);
    Effect::new(move || {
        if let LoadState::Ready(data) = load.get() {
            if bundled.with_value(Option::is_none) {
                bundled.set_value(Some(data));
            }
        }
    });
    let refresh = move || {
        spawn_local(async move {
            match own_files::list().await {
                Ok(list) => collections.set(list),
                Err(e) => list_error.set(Some(e)),
            }
        })
    };
    Effect::new(move || {
        if open.get() {
            refresh();
        }
    });
    let stop_worker = move || {
        if let Some(w) = worker.get_value() {
            w.terminate();
        }
        worker.set_value(None);
    };

    // Runs the worker on `files` (or none) after the bundled corpus (when beside) and `own`.
    let run = move |files: Option<Chosen>, own: Option<Vec<u8>>, name: String| {
        stop_worker();
        let mut packs = Vec::new();
        if beside.get_untracked() {
            if let Some(b) = bundled.get_value() {
                match lede_search::pack::write_pack(&b.corpus, &b.index) {
                    Ok(p) => packs.push(p),
                    Err(e) => {
                        phase.set(Phase::Stopped(format!("The bundled articles: {e}")));
                        return;
                    }
                }
            }
        }
        packs.extend(own);
        phase.set(Phase::Running {
            stage: "model".into(),
            done: 0.0,
            total: 0.0,
        });
        let saving = files.is_some();
        let w = own_files::start(files.as_ref(), &packs, move |message| match message {
            Message::Progress { stage, done, total } => {
                phase.set(Phase::Running { stage, done, total })
            }
            Message::Done(finished) => {
                stop_worker();
                match loaded_from_pack(&finished.explore, &name) {
                    Ok(loaded) => {
                        load.set(LoadState::Ready(Arc::new(loaded)));
                        showing.set(Some(name.clone()));
                    }
                    Err(e) => {
                        phase.set(Phase::Stopped(e));
                        return;
                    }
                }
                if let (true, Some(own)) = (saving, finished.own.clone()) {
                    let own_articles = finished.files_in.iter().map(|f| f.1).sum();
                    let name = name.clone();
                    spawn_local(async move {
                        if own_articles > 0 {
                            match own_files::save(&name, own_articles, &own).await {
                                Ok(()) => kept.set(Some(own_files::persist().await)),
                                Err(e) => list_error.set(Some(e)),
                            }
                        }
                        refresh();
                    });
                }
                phase.set(Phase::Done(Arc::new(Summary::of(&finished))));
            }
            Message::Failed(message) => {
                stop_worker();
                phase.set(Phase::Stopped(message));
            }
        });
        worker.set_value(Some(w));
    };
    let ingest = move |chosen: Chosen| {
        if chosen.len() == 0 {
            phase.set(Phase::Stopped("No files were chosen.".into()));
            return;
        }
        let name = chosen.name();
        run(Some(chosen), None, name);
    };
    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        if let Some(data) = ev.data_transfer() {
            let walk = own_files::dropped(&data);
            spawn_local(async move {
                match walk.await {
                    Ok(chosen) => ingest(chosen),
                    Err(e) => phase.set(Phase::Stopped(e)),
                }
            });
        }
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let chosen = own_files::picked(&input);
        input.set_value("");
        ingest(chosen);
    };
    let cancel = move |_| {
        stop_worker();
        phase.set(Phase::Stopped(
            "Cancelled: nothing was added; the page shows what it showed before.".into(),
        ));
    };
    let explore_kept = move |c: Collection| {
        spawn_local(async move {
            match own_files::pack(c.id).await {
                Ok(pack) if beside.get_untracked() => run(None, Some(pack), c.name.clone()),
                Ok(pack) => match loaded_from_pack(&pack, &c.name) {
                    Ok(loaded) => {
                        load.set(LoadState::Ready(Arc::new(loaded)));
                        showing.set(Some(c.name.clone()));
                        phase.set(Phase::Idle);
                    }
                    Err(e) => phase.set(Phase::Stopped(e)),
                },
                Err(e) => phase.set(Phase::Stopped(e)),
            }
        })
    };
    let remove_kept = move |id: f64| {
        spawn_local(async move {
            if let Err(e) = own_files::remove(id).await {
                list_error.set(Some(e));
            }
            refresh();
        })
    };
    let back_to_bundled = move |_| {
        if let Some(b) = bundled.get_value() {
            load.set(LoadState::Ready(b));
            showing.set(None);
        }
    };

    let progress = move || match phase.get() {
        Phase::Running { stage, done, total } => {
            let label = match stage.as_str() {
                "model" => "Loading the entity model".to_string(),
                "read" => format!("Reading files: {done} of {total}"),
                "parse" => format!("Parsing files: {done} of {total}"),
                "annotate" => format!("Annotating articles: {done} of {total}"),
                _ => "Building the search index".to_string(),
            };
            view! {
                <div class="lede-own-progress" role="status" data-stage=stage.clone()>
                    <label>
                        <span class="lede-own-stage">{label}</span>
                        {if total > 0.0 {
                            view! { <progress max=total value=done></progress> }.into_any()
                        } else {
                            view! { <progress></progress> }.into_any()
                        }}
                    </label>
                    <button type="button" class="lede-own-cancel" on:click=cancel>
                        "Cancel"
                    </button>
                </div>
            }
            .into_any()
        }
        Phase::Stopped(message) => {
            view! { <p class="lede-own-stopped" role="status">{message}</p> }.into_any()
        }
        Phase::Done(summary) => view! { <Report summary /> }.into_any(),
        Phase::Idle => ().into_any(),
    };
    let kept_note = move || {
        kept.get().map(|persisted| {
            if persisted {
                "Kept in this browser for your next visit."
            } else {
                "Kept in this browser for your next visit; the browser may clear it if space runs low."
            }
        })
    };
    let kept_list = move || {
        let list = collections.get();
        (!list.is_empty()).then(|| {
            view! {
                <h3>"Kept in this browser"</h3>
                <ul class="lede-own-collections">
                    {list
                        .into_iter()
                        .map(|c| {
                            let day = c.saved.get(..10).unwrap_or("").to_string();
                            let id = c.id;
                            let open_c = c.clone();
                            view! {
                                <li data-collection=c.name.clone()>
                                    <span class="lede-own-collection-name">{c.name.clone()}</span>
                                    " "
                                    <span class="lede-own-collection-facts">
                                        {format!("{} articles, {day}", c.articles)}
                                    </span>
                                    <button
                                        type="button"
                                        class="lede-own-explore"
                                        on:click=move |_| explore_kept(open_c.clone())
                                    >
                                        "Explore"
                                    </button>
                                    <button
                                        type="button"
                                        class="lede-own-remove"
                                        on:click=move |_| remove_kept(id)
                                    >
                                        "Remove"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
        })
    };

    view! {
        <button
            type="button"
            class="lede-own-toggle"
            aria-expanded=move || open.get().to_string()
            aria-controls="lede-own-panel"
            on:click=move |_| open.update(|o| *o = !*o)
        >
            "Add your articles"
        </button>
        // Rendered only while open: its headings are no part of the page's outline otherwise.
        {move || open.get().then(|| view! {
        <section
            id="lede-own-panel"
            class="lede-own"
            aria-label="Add your articles"
        >
            <div class="lede-own-head">
                <h2>"Add your articles"</h2>
                <button
                    type="button"
                    class="lede-own-close"
                    aria-label="Close"
                    on:click=move |_| open.set(false)
                >
                    "×"
                </button>
            </div>
            <p class="lede-own-private">
                "Your files stay in this browser: they are read, annotated and indexed here, and nothing is uploaded."
            </p>
            <div
                class="lede-own-drop"
                on:dragover=move |ev: DragEvent| ev.prevent_default()
                on:drop=on_drop
            >
                "Drop articles or a folder here: .txt, .json, .jsonl or Reuters .sgm"
            </div>
            <div class="lede-own-pickers">
                <label class="lede-own-pick">
                    "Choose files"
                    <input
                        type="file"
                        class="lede-own-files"
                        multiple
                        accept=".txt,.text,.json,.jsonl,.ndjson,.sgm,.sgml"
                        on:change=on_pick
                    />
                </label>
                <label class="lede-own-pick">
                    "Choose a folder"
                    <input
                        type="file"
                        class="lede-own-folder"
                        multiple
                        prop:webkitdirectory=true
                        on:change=on_pick
                    />
                </label>
            </div>
            <fieldset class="lede-own-mode">
                <legend>"Explore them"</legend>
                <label>
                    <input
                        type="radio"
                        name="lede-own-mode"
                        value="alone"
                        prop:checked=move || !beside.get()
                        on:change=move |_| beside.set(false)
                    />
                    "alone"
                </label>
                <label>
                    <input
                        type="radio"
                        name="lede-own-mode"
                        value="beside"
                        prop:checked=move || beside.get()
                        on:change=move |_| beside.set(true)
                    />
                    "beside the bundled articles"
                </label>
            </fieldset>
            {progress}
            <p class="lede-own-kept">{kept_note}</p>
            {move || {
                showing
                    .get()
                    .map(|name| {
                        view! {
                            <p class="lede-own-showing">
                                "Exploring " <strong>{name}</strong> ". "
                                <button type="button" class="lede-own-back" on:click=back_to_bundled>
                                    "Back to the bundled articles"
                                </button>
                            </p>
                        }
                    })
            }}
            {kept_list}
            {move || list_error.get().map(|e| view! { <p class="lede-own-stopped">{e}</p> })}
        </section>
        })}
    }
}

/// The ingest report: the counts `lede ingest` prints, each file in with its articles, and
/// every rejection and warning with where and why.
#[component]
fn Report(summary: Arc<Summary>) -> impl IntoView {
    let [read, ingested, rejected, warnings, dropped] = summary.counts;
    view! {
        <div
            class="lede-own-report"
            data-memory=summary.memory
            data-annotators=summary.annotators
            data-annotator-memory=summary.annotator_memory
            data-articles=summary.articles
        >
            <p
                class="lede-own-counts"
                data-read=read
                data-ingested=ingested
                data-rejected=rejected
                data-warnings=warnings
                data-dropped=dropped
            >
                {format!(
                    "{read} read, {ingested} ingested, {rejected} rejected, {warnings} warnings{}",
                    if dropped > 0 { format!(", {dropped} duplicates dropped") } else { String::new() },
                )}
                {format!(" — {} articles to explore.", summary.articles)}
            </p>
            <ul class="lede-own-report-files">
                {summary
                    .files_in
                    .iter()
                    .map(|(file, n)| {
                        view! {
                            <li class="lede-own-in" data-file=file.clone()>
                                {format!("{}: {n} article{}", in_sentence(file), if *n == 1 { "" } else { "s" })}
                            </li>
                        }
                    })
                    .collect_view()}
                {summary
                    .entries
                    .iter()
                    .map(|(severity, place, reason)| {
                        view! {
                            <li class=format!("lede-own-{severity}") data-severity=severity.clone()>
                                <span class="lede-own-where">{in_sentence(place).into_owned()}</span>
                                {format!(" — {severity}: {}", in_sentence(reason))}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}
