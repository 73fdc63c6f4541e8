//! Your own articles in the page: the bindings to `bridge.js` (dropped and picked files, the
//! ingest worker, the collections kept in IndexedDB) and the worker's messages read into Rust
//! values. The work itself is done by the `lede-worker` binary (`worker/`).

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/own_files/bridge.js")]
extern "C" {
    #[wasm_bindgen(js_name = droppedFiles)]
    fn dropped_files(data: &web_sys::DataTransfer) -> js_sys::Promise;
    #[wasm_bindgen(js_name = pickedFiles)]
    fn picked_files(input: &web_sys::HtmlInputElement) -> Array;
    #[wasm_bindgen(js_name = startWorker)]
    fn start_worker(job: &JsValue, on_message: &js_sys::Function) -> web_sys::Worker;
    #[wasm_bindgen(js_name = saveCollection)]
    fn save_collection(name: &str, articles: f64, pack: &Uint8Array) -> js_sys::Promise;
    #[wasm_bindgen(js_name = listCollections)]
    fn list_collections() -> js_sys::Promise;
    #[wasm_bindgen(js_name = collectionPack)]
    fn collection_pack(id: f64) -> js_sys::Promise;
    #[wasm_bindgen(js_name = removeCollection)]
    fn remove_collection(id: f64) -> js_sys::Promise;
    #[wasm_bindgen(js_name = persistStorage)]
    fn persist_storage() -> js_sys::Promise;
}

/// Files chosen by the reader: `[{path, file}]`, as the worker takes them.
#[derive(Clone)]
pub struct Chosen(pub Array);

impl Chosen {
    /// How many files.
    pub fn len(&self) -> u32 {
        self.0.length()
    }

    /// A name for the collection: the folder they came from, or the first file's name and
    /// how many others.
    pub fn name(&self) -> String {
        let paths: Vec<String> = self
            .0
            .iter()
            .filter_map(|f| field(&f, "path").as_string())
            .collect();
        let first = paths.first().cloned().unwrap_or_default();
        match first.split_once('/') {
            Some((folder, _)) if paths.iter().all(|p| p.starts_with(&format!("{folder}/"))) => {
                folder.to_string()
            }
            _ if paths.len() > 1 => format!("{first} and {} more", paths.len() - 1),
            _ => first,
        }
    }
}

/// The files of a drop, folders walked. Call it in the drop handler itself: a drop's items
/// can only be taken while the event is being handled (the walk then goes on by itself).
pub fn dropped(
    data: &web_sys::DataTransfer,
) -> impl std::future::Future<Output = Result<Chosen, String>> {
    let walk = dropped_files(data);
    async move {
        let files = JsFuture::from(walk)
            .await
            .map_err(|e| format!("The dropped files could not be read: {}", js_text(&e)))?;
        Ok(Chosen(files.unchecked_into()))
    }
}

/// The files of a file input.
pub fn picked(input: &web_sys::HtmlInputElement) -> Chosen {
    Chosen(picked_files(input))
}

/// What the worker posted.
pub enum Message {
    /// A stage's progress: `done` of `total` (0 of 0 when the stage cannot count).
    Progress {
        stage: String,
        done: f64,
        total: f64,
    },
    /// The job is done.
    Done(Box<Finished>),
    /// The job failed; a sentence.
    Failed(String),
}

/// A finished job.
pub struct Finished {
    /// The corpus to explore, as a pack.
    pub explore: Vec<u8>,
    /// The new files' collection alone, as a pack kept in JavaScript's memory until it is
    /// saved (absent when no files were given; often the very buffer `explore` was read from).
    pub own: Option<Uint8Array>,
    /// The ingest report, `lede ingest --report`'s JSON (absent without files).
    pub report: Option<String>,
    /// Each file that gave articles, with how many.
    pub files_in: Vec<(String, u32)>,
    /// Articles in the corpus to explore.
    pub articles: u32,
    /// The worker's WebAssembly memory at the end, in bytes (its peak: it never shrinks).
    pub memory: f64,
    /// How many annotation workers annotated the new articles (0: the worker itself did).
    pub annotators: u32,
    /// Their WebAssembly memory at the end, summed, in bytes.
    pub annotator_memory: f64,
    /// What filling the corpora given left out, each naming its article.
    pub warnings: Vec<String>,
    /// What the worker asks the console to say (a stored index that did not fit).
    pub notes: Vec<String>,
}

/// Starts the worker on `files` (possibly none) merged after `packs`; `on_message` gets what it
/// posts. Terminate the returned worker to cancel.
pub fn start(
    files: Option<&Chosen>,
    packs: &[Vec<u8>],
    on_message: impl Fn(Message) + 'static,
) -> web_sys::Worker {
    let files = files.map_or_else(Array::new, |c| c.0.clone());
    let list: Array = packs
        .iter()
        .map(|p| Uint8Array::from(p.as_slice()))
        .collect();
    start_job(&job(files, list), on_message)
}

/// The worker's job for `files` and `packs`, with the entity model where the mount says it is
/// (beside lede-explorer.js when embedded).
fn job(files: Array, packs: Array) -> js_sys::Object {
    let job = js_sys::Object::new();
    let _ = Reflect::set(&job, &"files".into(), &files);
    let _ = Reflect::set(&job, &"packs".into(), &packs);
    let _ = Reflect::set(&job, &"model".into(), &crate::mount::model_url().into());
    job
}

/// Starts the worker on `job`; `on_message` gets what it posts.
fn start_job(job: &js_sys::Object, on_message: impl Fn(Message) + 'static) -> web_sys::Worker {
    let callback = Closure::<dyn Fn(JsValue)>::new(move |data: JsValue| on_message(read(&data)));
    let worker = start_worker(job, callback.as_ref().unchecked_ref());
    // The worker lives until it is done or terminated; its callback as long as the page.
    callback.forget();
    worker
}

/// A worker message as a [`Message`].
fn read(data: &JsValue) -> Message {
    let number = |name| field(data, name).as_f64().unwrap_or(0.0);
    let bytes = |name| {
        let v = field(data, name);
        (!v.is_null() && !v.is_undefined()).then(|| Uint8Array::new(&v).to_vec())
    };
    match field(data, "type").as_string().as_deref() {
        Some("progress") => Message::Progress {
            stage: field(data, "stage").as_string().unwrap_or_default(),
            done: number("done"),
            total: number("total"),
        },
        Some("done") => Message::Done(Box::new(Finished {
            explore: bytes("explore").unwrap_or_default(),
            own: Some(field(data, "own"))
                .filter(|v| !v.is_null() && !v.is_undefined())
                .map(JsValue::unchecked_into::<Uint8Array>),
            report: field(data, "report").as_string(),
            files_in: Array::from(&field(data, "filesIn"))
                .iter()
                .map(|f| {
                    let file = field(&f, "file").as_string().unwrap_or_default();
                    (file, field(&f, "articles").as_f64().unwrap_or(0.0) as u32)
                })
                .collect(),
            articles: number("articles") as u32,
            memory: number("memory"),
            annotators: number("annotators") as u32,
            annotator_memory: number("annotatorMemory"),
            notes: field(data, "notes")
                .dyn_into::<Array>()
                .unwrap_or_default()
                .iter()
                .filter_map(|w| w.as_string())
                .collect(),
            warnings: field(data, "warnings")
                .dyn_into::<Array>()
                .unwrap_or_default()
                .iter()
                .filter_map(|w| w.as_string())
                .collect(),
        })),
        Some("error") => Message::Failed(
            field(data, "message")
                .as_string()
                .unwrap_or_else(|| "The ingest worker failed".into()),
        ),
        _ => Message::Failed(format!("The ingest worker said {}", js_text(data))),
    }
}

/// A collection kept in the browser.
#[derive(Clone, PartialEq)]
pub struct Collection {
    /// Its IndexedDB key.
    pub id: f64,
    /// Its name (the folder, or the files).
    pub name: String,
    /// Articles in it.
    pub articles: u32,
    /// When it was kept (ISO 8601).
    pub saved: String,
}

/// Keeps `pack` as a collection named `name`.
pub async fn save(name: &str, articles: u32, pack: &Uint8Array) -> Result<(), String> {
    JsFuture::from(save_collection(name, f64::from(articles), pack))
        .await
        .map(|_| ())
        .map_err(|e| format!("The collection could not be kept: {}", js_text(&e)))
}

/// Every kept collection, oldest first.
pub async fn list() -> Result<Vec<Collection>, String> {
    let rows = JsFuture::from(list_collections())
        .await
        .map_err(|e| format!("The kept collections could not be read: {}", js_text(&e)))?;
    Ok(Array::from(&rows)
        .iter()
        .map(|r| Collection {
            id: field(&r, "id").as_f64().unwrap_or(0.0),
            name: field(&r, "name").as_string().unwrap_or_default(),
            articles: field(&r, "articles").as_f64().unwrap_or(0.0) as u32,
            saved: field(&r, "saved").as_string().unwrap_or_default(),
        })
        .collect())
}

/// The pack of a kept collection.
pub async fn pack(id: f64) -> Result<Vec<u8>, String> {
    let value = JsFuture::from(collection_pack(id))
        .await
        .map_err(|e| format!("The collection could not be read: {}", js_text(&e)))?;
    if value.is_null() {
        return Err("The collection is no longer kept in this browser".into());
    }
    Ok(Uint8Array::new(&value).to_vec())
}

/// Removes a kept collection.
pub async fn remove(id: f64) -> Result<(), String> {
    JsFuture::from(remove_collection(id))
        .await
        .map(|_| ())
        .map_err(|e| format!("The collection could not be removed: {}", js_text(&e)))
}

/// Asks the browser to keep the collections; true when it will not evict them.
pub async fn persist() -> bool {
    JsFuture::from(persist_storage())
        .await
        .is_ok_and(|v| v.is_truthy())
}

/// `object[name]`.
fn field(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A JS value (an error, usually) as text.
fn js_text(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}

/// Reads a corpus the page fetched — corpus JSON, or a pack that lacks annotations — in the
/// worker, which gives it what it lacks (quotes, entities: the recipe `lede ingest` uses,
/// fetching the entity model only then) and indexes it (with `index`, its stored index, when
/// that fits); returns it as a pack, with what filling left out. `bytes` stay in JavaScript's
/// memory (moved to the worker) and errors are sentences naming the corpus as `name`.
pub async fn read_in_worker(
    bytes: Uint8Array,
    index: Option<Uint8Array>,
    name: &str,
) -> Result<(Vec<u8>, Vec<String>), String> {
    let job = job(Array::new(), Array::of1(&bytes));
    let _ = Reflect::set(&job, &"names".into(), &Array::of1(&name.into()));
    if let Some(index) = index {
        let _ = Reflect::set(&job, &"index".into(), &index);
    }
    let (send, receive) = futures::channel::oneshot::channel();
    let send = std::cell::RefCell::new(Some(send));
    let name = name.to_string();
    let callback = move |message| {
        let outcome = match message {
            Message::Progress { .. } => return,
            Message::Done(finished) => {
                for note in &finished.notes {
                    leptos::logging::warn!("Lede: {name}: {note}");
                }
                Ok((finished.explore, finished.warnings))
            }
            Message::Failed(e) => Err(e),
        };
        if let Some(send) = send.borrow_mut().take() {
            let _ = send.send(outcome);
        }
    };
    let worker = start_job(&job, callback);
    let outcome = receive.await;
    worker.terminate();
    outcome.map_err(|_| "the corpus worker stopped".to_string())?
}
