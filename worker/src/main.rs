//! Lede's Web Worker (built by Trunk as `lede-worker.js` + `lede-worker_bg.wasm`): receives the
//! dropped files and the corpora to merge them with, runs the [`job`] off the page's thread
//! (the annotation spread over a [`pool`] of annotation workers, more of this same binary),
//! posts progress while it works and the packs and the report when it is done.
//!
//! Out first: `{type: "ready"}`. In: `{files: [{path, file: File}], packs: [Uint8Array], names,
//! index, model, annotators}` (`packs`: packs or corpus JSON; `names`: what errors call each,
//! the page's corpus URL; `index`: a lone JSON corpus's stored index; `annotators`: how many
//! annotation workers, 0 to annotate here; by default `min(4, navigator.hardwareConcurrency)`,
//! none on one core). Out: `{type: "progress", stage: "model" | "read" | "parse" | "annotate" |
//! "index", done, total}`, then `{type: "done", explore, own, report, articles, filesIn, memory,
//! annotators, annotatorMemory, warnings}` or `{type: "error", message}`. As an annotation worker it answers the pool's messages instead (`pool`).

mod job;
mod pool;

use std::cell::{Cell, RefCell};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};

use js_sys::{Array, Object, Reflect, Uint8Array};
use lede_entities::Tagger;
use lede_ingest::{Progress, Stage};
use lede_search::Index;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// The entity model, beside the worker's own files, unless the job names it (`model`).
const MODEL_URL: &str = "ner.bin";

/// The most annotation workers a job starts by default.
const MAX_ANNOTATORS: usize = 4;

thread_local! {
    /// An annotation worker's entity model, given once by the pool.
    static TAGGER: RefCell<Option<Tagger>> = const { RefCell::new(None) };
}

fn main() {
    console_error_panic_hook::set_once();
    let Some(scope) = scope() else {
        return; // not in a worker (a native build): nothing to serve
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        wasm_bindgen_futures::spawn_local(async move {
            let data = event.data();
            let answer = if has(&data, "annotatorModel") {
                take_model(&data)
            } else if has(&data, "batch") {
                annotate_batch(&data)
            } else {
                serve(data).await
            };
            let message = answer
                .unwrap_or_else(|message| message_of("error", &[("message", message.into())]));
            post(&message, None);
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // The page posts the job only now: a message sent while the wasm loaded would be lost.
    post(&message_of("ready", &[]), None);
}

/// The worker's global scope (`None` outside a dedicated worker).
fn scope() -> Option<DedicatedWorkerGlobalScope> {
    js_sys::global()
        .dyn_into::<DedicatedWorkerGlobalScope>()
        .ok()
}

/// How many annotation workers the job wants: its `annotators`, or by default one per core up
/// to [`MAX_ANNOTATORS`] (none on a single core, where the annotation runs here).
fn annotators_wanted(data: &JsValue) -> usize {
    if let Some(n) = field(data, "annotators").as_f64() {
        return n.clamp(0.0, 64.0) as usize;
    }
    let cores = scope().map_or(1.0, |s| s.navigator().hardware_concurrency());
    match (cores as usize).min(MAX_ANNOTATORS) {
        0 | 1 => 0,
        n => n,
    }
}

/// Runs one job from its message; the `done` message is posted here (its buffers moved), an
/// error comes back as a sentence. The entity model is fetched only when the job needs it:
/// files to annotate, or a corpus that lacks entities.
async fn serve(data: JsValue) -> Result<JsValue, String> {
    let dropped = Array::from(&field(&data, "files")).length() > 0;
    // Started first, so that the annotation workers load while the files are read and parsed.
    let pool = match annotators_wanted(&data) {
        n if dropped && n > 0 => Some(pool::Pool::start(n)?),
        _ => None,
    };
    let packs: Vec<Vec<u8>> = Array::from(&field(&data, "packs"))
        .iter()
        .map(|p| Uint8Array::new(&p).to_vec())
        .collect();
    let names: Vec<String> = field(&data, "names")
        .dyn_into::<Array>()
        .unwrap_or_default()
        .iter()
        .filter_map(|n| n.as_string())
        .collect();
    let mut parts = job::Parts {
        corpora: job::read_parts(&packs, &names)?,
        index: stored_index(&field(&data, "index")),
        ..job::Parts::default()
    };
    drop(packs);
    let model = if dropped || parts.want_model() {
        post_progress("model", 0, 1);
        let model_url = field(&data, "model")
            .as_string()
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| MODEL_URL.to_string());
        match load_model(&model_url).await {
            Ok(model) => Some(model),
            // Dropped files cannot do without it; a corpus is shown without entities, saying so.
            Err(e) if dropped => return Err(e),
            Err(e) => {
                parts
                    .warnings
                    .push(format!("{e}; the entities this corpus lacks are left out."));
                None
            }
        }
    } else {
        None
    };
    parts.fill(model.as_ref().map(|(_, tagger)| tagger));
    let files = read_files(&field(&data, "files"))?;
    let progress = Posted::default();
    if files.is_empty() {
        post_progress("index", 0, 0);
    }
    let (output, annotators, annotator_memory) = match (pool, &model) {
        (_, None) => (job::complete(parts, None)?, 0, 0.0),
        (None, Some((_, tagger))) => {
            let mut parsed = (!files.is_empty()).then(|| job::parse(&files, Some(&progress)));
            if let Some(parsed) = &mut parsed {
                parsed.annotate_with_progress(tagger, Some(&progress));
            }
            (job::complete(parts, parsed)?, 0, 0.0)
        }
        (Some(pool), Some((model, _))) => {
            let parsed = RefCell::new(job::parse(&files, Some(&progress)));
            let total = parsed.borrow().todo.len() as u64;
            post_progress("annotate", 0, total);
            let annotated = Cell::new(0u64);
            let done = |n: usize| {
                annotated.set(annotated.get() + n as u64);
                post_progress("annotate", annotated.get(), total);
            };
            pool.annotate(&parsed, model, &done)
                .await
                .map_err(|e| format!("Annotating failed in {e}"))?;
            post_progress("index", 0, 0);
            let (n, memory) = (pool.len(), pool.memory());
            drop(pool); // its workers end here: the index is built by this one alone
            let output = job::complete(parts, Some(parsed.into_inner()))?;
            (output, n, memory)
        }
    };
    // One buffer for each pack, moved: alone, `explore` and `own` are the same object.
    let own = output.own.as_deref().map(Uint8Array::from);
    let transfer = Array::new();
    let explore = match (&output.merged, &own) {
        (None, Some(own)) => own.clone(),
        _ => {
            let merged = Uint8Array::from(output.explore());
            transfer.push(&merged.buffer());
            merged
        }
    };
    if let Some(own) = &own {
        transfer.push(&own.buffer());
    }
    let done = message_of(
        "done",
        &[
            ("explore", explore.into()),
            ("own", own.map_or(JsValue::NULL, JsValue::from)),
            ("report", output.report.map_or(JsValue::NULL, JsValue::from)),
            ("articles", (output.articles as f64).into()),
            ("filesIn", files_in(&output.files_in)),
            ("memory", memory().into()),
            ("annotators", (annotators as f64).into()),
            ("annotatorMemory", annotator_memory.into()),
            ("warnings", strings(&output.warnings)),
            ("notes", strings(&output.notes)),
        ],
    );
    post(&done, Some(&transfer));
    Ok(JsValue::UNDEFINED)
}

/// As an annotation worker: keeps the entity model the pool sends.
fn take_model(data: &JsValue) -> Result<JsValue, String> {
    let bytes = Uint8Array::new(&field(data, "annotatorModel")).to_vec();
    let tagger =
        Tagger::from_bytes(&bytes).map_err(|e| format!("the entity model is not usable: {e}"))?;
    TAGGER.with(|t| *t.borrow_mut() = Some(tagger));
    Ok(message_of("annotator", &[]))
}

/// As an annotation worker: annotates a batch and posts it back (its buffer moved) with this
/// worker's memory.
fn annotate_batch(data: &JsValue) -> Result<JsValue, String> {
    let json = Uint8Array::new(&field(data, "batch")).to_vec();
    let annotated = TAGGER.with(|t| {
        let tagger = t.borrow();
        let tagger = tagger.as_ref().ok_or("no entity model was given")?;
        job::annotate_batch(&json, tagger)
    })?;
    let bytes = Uint8Array::from(annotated.as_slice());
    let transfer = Array::of1(&bytes.buffer());
    let answer = message_of(
        "annotated",
        &[("batch", bytes.into()), ("memory", memory().into())],
    );
    post(&answer, Some(&transfer));
    Ok(JsValue::UNDEFINED)
}

/// This worker's WebAssembly memory, in bytes (its peak: it never shrinks).
fn memory() -> f64 {
    let bytes = wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length();
    f64::from(bytes)
}

/// True when `object` has `name` set (not undefined).
fn has(object: &JsValue, name: &str) -> bool {
    !field(object, name).is_undefined()
}

/// `[{file, articles}]` of the files that gave articles.
fn files_in(files: &[(String, usize)]) -> JsValue {
    let list = Array::new();
    for (file, articles) in files {
        list.push(&message_of(
            "file",
            &[
                ("file", file.into()),
                ("articles", (*articles as f64).into()),
            ],
        ));
    }
    list.into()
}

/// The entity model at `url`, as bytes (for the annotation workers) and read; errors are sentences.
async fn load_model(url: &str) -> Result<(Vec<u8>, Tagger), String> {
    let bytes = fetch_bytes(url)
        .await
        .map_err(|e| format!("The entity model ({url}) could not be loaded: {e}"))?;
    let tagger = Tagger::from_bytes(&bytes)
        .map_err(|e| format!("The entity model ({url}) is not usable: {e}"))?;
    Ok((bytes, tagger))
}

/// The search index stored beside the job's lone corpus (`index`, a `Uint8Array`), when given
/// and readable; one that is not is said on the console, and the index is built instead.
fn stored_index(value: &JsValue) -> Option<Index> {
    if value.is_null() || value.is_undefined() {
        return None;
    }
    Index::from_bytes(&Uint8Array::new(value).to_vec())
        .map_err(|e| {
            web_sys::console::warn_1(
                &format!("Lede: the stored index is not usable ({e}); building it").into(),
            )
        })
        .ok()
}

/// `texts` as a JS array of strings.
fn strings(texts: &[String]) -> JsValue {
    texts
        .iter()
        .map(|t| JsValue::from(t.as_str()))
        .collect::<Array>()
        .into()
}

/// Reads every `{path, file}` with `FileReaderSync` (a worker may block), telling progress.
fn read_files(list: &JsValue) -> Result<Vec<(PathBuf, Vec<u8>)>, String> {
    let list = Array::from(list);
    let reader = web_sys::FileReaderSync::new().map_err(|e| format!("{e:?}"))?;
    let total = list.length();
    let mut files = Vec::with_capacity(total as usize);
    for (i, item) in list.iter().enumerate() {
        let path = field(&item, "path").as_string().unwrap_or_default();
        let file: web_sys::Blob = field(&item, "file").unchecked_into();
        let buffer = reader
            .read_as_array_buffer(&file)
            .map_err(|e| format!("{path} could not be read: {e:?}"))?;
        files.push((PathBuf::from(path), Uint8Array::new(&buffer).to_vec()));
        post_progress("read", i as u64 + 1, u64::from(total));
    }
    Ok(files)
}

/// `object[name]` (undefined when absent).
fn field(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// `{type: kind, ...fields}`.
fn message_of(kind: &str, fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    let _ = Reflect::set(&object, &"type".into(), &kind.into());
    for (name, value) in fields {
        let _ = Reflect::set(&object, &(*name).into(), value);
    }
    object.into()
}

/// Posts `message` to the page (moving `transfer`'s buffers); `undefined` is not posted.
fn post(message: &JsValue, transfer: Option<&Array>) {
    if message.is_undefined() {
        return;
    }
    if let Some(scope) = scope() {
        let _ = match transfer {
            Some(t) => scope.post_message_with_transfer(message, t),
            None => scope.post_message(message),
        };
    }
}

/// Posts a progress message.
fn post_progress(stage: &str, done: u64, total: u64) {
    post(
        &message_of(
            "progress",
            &[
                ("stage", stage.into()),
                ("done", (done as f64).into()),
                ("total", (total as f64).into()),
            ],
        ),
        None,
    );
}

/// lede-ingest's progress hook, posted to the page at most once per percent.
#[derive(Default)]
struct Posted {
    stage: AtomicU8,
    total: AtomicU64,
    done: AtomicU64,
    percent: AtomicU64,
}

impl Posted {
    fn stage_name(&self) -> &'static str {
        match self.stage.load(Ordering::Relaxed) {
            0 => "parse",
            _ => "annotate",
        }
    }
}

impl Progress for Posted {
    fn start(&self, stage: Stage, total: u64) {
        self.stage
            .store(u8::from(stage == Stage::Annotate), Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.done.store(0, Ordering::Relaxed);
        self.percent.store(0, Ordering::Relaxed);
        post_progress(self.stage_name(), 0, total);
    }

    fn advance(&self, n: u64) {
        let done = self.done.fetch_add(n, Ordering::Relaxed) + n;
        let total = self.total.load(Ordering::Relaxed).max(1);
        let percent = done * 100 / total;
        if self.percent.swap(percent, Ordering::Relaxed) != percent || done == total {
            post_progress(self.stage_name(), done, total);
        }
    }

    fn finish(&self) {
        if self.stage.load(Ordering::Relaxed) == 1 {
            post_progress("index", 0, 0);
        }
    }
}

/// The bytes at `url` (relative to the worker's own script).
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let scope = scope().ok_or("not in a worker")?;
    let response: web_sys::Response = JsFuture::from(scope.fetch_with_str(url))
        .await
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
