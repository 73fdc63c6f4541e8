//! Your own articles in the page: the bindings to `bridge.js` (the worker, and the "Add your
//! articles" panel's module, `web/lede-own-panel.js`, imported on first use) and the worker's
//! messages read into Rust values. The work itself is done by the `lede-worker` binary
//! (`worker/`).

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/own_files/bridge.js")]
extern "C" {
    #[wasm_bindgen(js_name = startWorker)]
    fn start_worker(job: &JsValue, on_message: &js_sys::Function) -> web_sys::Worker;
    #[wasm_bindgen(js_name = ownPanel)]
    fn own_panel(host: &js_sys::Object) -> js_sys::Promise;
    #[wasm_bindgen(js_name = attachPanel)]
    fn attach_panel(panel: &JsValue, section: &web_sys::HtmlElement);
}

/// The "Add your articles" panel for the app that `host` speaks for (see
/// `components::add_articles`): its module imported from beside the entity model, and the panel
/// made. Fails with a sentence when the module cannot be loaded.
pub async fn panel(host: &js_sys::Object) -> Result<JsValue, String> {
    JsFuture::from(own_panel(host))
        .await
        .map_err(|e| format!("The panel could not be loaded: {}", js_text(&e)))
}

/// Draws `panel` into `section`, the app's freshly opened panel element.
pub fn attach(panel: &JsValue, section: &web_sys::HtmlElement) {
    attach_panel(panel, section);
}

/// What the worker posted.
enum Message {
    /// A stage's progress (which the page's own reads do not show).
    Progress,
    /// The job is done.
    Done(Box<Finished>),
    /// The job failed; a sentence.
    Failed(String),
}

/// A finished job.
struct Finished {
    /// The corpus, as a pack.
    explore: Vec<u8>,
    /// What filling the corpus left out, each naming its article.
    warnings: Vec<String>,
    /// What the worker asks the console to say (a stored index that did not fit).
    notes: Vec<String>,
}

/// The worker's job for `packs`, with the entity model where the mount says it is (beside
/// lede-explorer.js when embedded).
fn job(packs: Array) -> js_sys::Object {
    let job = js_sys::Object::new();
    let _ = Reflect::set(&job, &"files".into(), &Array::new());
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
    let bytes = |name| {
        let v = field(data, name);
        (!v.is_null() && !v.is_undefined()).then(|| Uint8Array::new(&v).to_vec())
    };
    match field(data, "type").as_string().as_deref() {
        Some("progress") => Message::Progress,
        Some("done") => Message::Done(Box::new(Finished {
            explore: bytes("explore").unwrap_or_default(),
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

/// `object[name]`.
fn field(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A JS value (an error, usually) as text: a string as it is, an object (an `Error`: `TypeError:
/// Failed to fetch`) as its `toString()` says, anything else by its type.
pub(crate) fn js_text(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        return text;
    }
    match value.dyn_ref::<js_sys::Object>() {
        Some(object) => String::from(object.to_string()),
        None => value.js_typeof().as_string().unwrap_or_default(),
    }
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
    let job = job(Array::of1(&bytes));
    let _ = Reflect::set(&job, &"names".into(), &Array::of1(&name.into()));
    if let Some(index) = index {
        let _ = Reflect::set(&job, &"index".into(), &index);
    }
    let (send, receive) = futures::channel::oneshot::channel();
    let send = std::cell::RefCell::new(Some(send));
    let name = name.to_string();
    let callback = move |message| {
        let outcome = match message {
            Message::Progress => return,
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
