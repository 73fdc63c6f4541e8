//! The pool of annotation workers: more `lede-worker`s started by this one, each given the
//! entity model once and then batches of parsed articles (JSON, the buffers moved, not copied)
//! until none is left; the annotated batches are put back in their places, in order.
//!
//! An annotation worker goes: out `{type: "ready"}`; in `{annotatorModel: Uint8Array}`, out
//! `{type: "annotator"}`; then for each in `{batch: Uint8Array}`, out `{type: "annotated",
//! batch: Uint8Array, memory}`; or out `{type: "error", message}`. Terminating this worker ends
//! the pool's too (they are its nested workers), so the page's Cancel stops them all.

use std::cell::RefCell;
use std::collections::VecDeque;

use futures::channel::mpsc::{unbounded, UnboundedReceiver};
use futures::StreamExt;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, Event, MessageEvent, Worker};

use crate::job::Parsed;
use crate::{field, message_of};

/// The worker's own loader, relative to the worker's script: the pool runs the same binary.
const LOADER_URL: &str = "lede-worker_loader.js";

/// What an annotation worker posts, or how it failed.
type Inbox = UnboundedReceiver<Result<JsValue, String>>;

/// One annotation worker and what it says.
struct Annotator {
    worker: Worker,
    /// Its messages and failures, taken by [`Annotator::serve`].
    inbox: RefCell<Option<Inbox>>,
    /// Its WebAssembly memory when it last answered, in bytes.
    memory: RefCell<f64>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

/// Started annotation workers; dropping the pool terminates them.
pub struct Pool {
    annotators: Vec<Annotator>,
}

impl Pool {
    /// Starts `n` annotation workers (they load while this worker reads and parses).
    pub fn start(n: usize) -> Result<Pool, String> {
        let mut annotators = Vec::with_capacity(n);
        for k in 0..n {
            let worker = Worker::new(LOADER_URL)
                .map_err(|e| format!("annotation worker {} could not start: {e:?}", k + 1))?;
            let (send, inbox) = unbounded();
            let to_inbox = send.clone();
            let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                let _ = to_inbox.unbounded_send(Ok(e.data()));
            });
            // An uncaught error inside it is an ErrorEvent; a script that failed to load, a
            // plain Event.
            let on_error = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
                e.prevent_default();
                let message = e.dyn_ref::<ErrorEvent>().map(ErrorEvent::message);
                let message = if let Some(message) = message.filter(|m| !m.is_empty()) {
                    message
                } else {
                    "it stopped (it could not start, or ran out of memory)".to_string()
                };
                let _ = send.unbounded_send(Err(message));
            });
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            annotators.push(Annotator {
                worker,
                inbox: RefCell::new(Some(inbox)),
                memory: RefCell::new(0.0),
                _on_message: on_message,
                _on_error: on_error,
            });
        }
        Ok(Pool { annotators })
    }

    /// How many annotation workers.
    pub fn len(&self) -> usize {
        self.annotators.len()
    }

    /// Annotates the articles of `parsed` that want it across the pool: each worker given
    /// `model` (the entity model's bytes), then batches, each put back when it returns;
    /// `done(n)` after each batch of `n` articles. The first failure ends it, naming the worker.
    pub async fn annotate(
        &self,
        parsed: &RefCell<Parsed>,
        model: &[u8],
        done: &dyn Fn(usize),
    ) -> Result<(), String> {
        let n = self.annotators.len();
        // Several batches per worker, so that one that is slow (or a long article) is evened out.
        let queue = RefCell::new(VecDeque::from(parsed.borrow().batches(n * 8)));
        let loops = self.annotators.iter().enumerate().map(|(k, a)| {
            let queue = &queue;
            async move {
                a.serve(parsed, model, queue, done)
                    .await
                    .map_err(|e| format!("annotation worker {} of {n}: {e}", k + 1))
            }
        });
        futures::future::try_join_all(loops).await.map(|_| ())
    }

    /// The pool's WebAssembly memory, summed over its workers, as they last said, in bytes.
    pub fn memory(&self) -> f64 {
        self.annotators.iter().map(|a| *a.memory.borrow()).sum()
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        for a in &self.annotators {
            a.worker.terminate();
        }
    }
}

impl Annotator {
    /// Waits for the worker to listen, gives it the model, then annotates batches from `queue`
    /// until it is empty.
    async fn serve(
        &self,
        parsed: &RefCell<Parsed>,
        model: &[u8],
        queue: &RefCell<VecDeque<Vec<usize>>>,
        done: &dyn Fn(usize),
    ) -> Result<(), String> {
        let mut inbox = self
            .inbox
            .borrow_mut()
            .take()
            .ok_or("it is already serving")?;
        let inbox = &mut inbox;
        expect(inbox, "ready").await?;
        let bytes = Uint8Array::from(model);
        self.post(&[("annotatorModel", bytes.clone().into())], &bytes)?;
        expect(inbox, "annotator").await?;
        loop {
            let Some(batch) = queue.borrow_mut().pop_front() else {
                return Ok(());
            };
            let json = Uint8Array::from(parsed.borrow().batch_json(&batch).as_slice());
            self.post(&[("batch", json.clone().into())], &json)?;
            let answer = expect(inbox, "annotated").await?;
            *self.memory.borrow_mut() = field(&answer, "memory").as_f64().unwrap_or(0.0);
            let annotated = Uint8Array::new(&field(&answer, "batch")).to_vec();
            parsed.borrow_mut().put_batch(&batch, &annotated)?;
            done(batch.len());
        }
    }

    /// Posts `{fields}` to the worker, moving `bytes`'s buffer.
    fn post(&self, fields: &[(&str, JsValue)], bytes: &Uint8Array) -> Result<(), String> {
        self.worker
            .post_message_with_transfer(&message_of("job", fields), &Array::of1(&bytes.buffer()))
            .map_err(|e| format!("it could not be sent a message: {e:?}"))
    }
}

/// The worker's next message, which must be of type `kind` (an error message, or the worker
/// failing, is an error).
async fn expect(inbox: &mut Inbox, kind: &str) -> Result<JsValue, String> {
    let message = match inbox.next().await {
        Some(Ok(message)) => message,
        Some(Err(failure)) => return Err(failure),
        None => return Err("it stopped".into()),
    };
    match field(&message, "type").as_string().as_deref() {
        Some(k) if k == kind => Ok(message),
        Some("error") => Err(field(&message, "message")
            .as_string()
            .unwrap_or_else(|| "it failed".into())),
        other => Err(format!("it said {other:?} where {kind:?} was awaited")),
    }
}
