//! Mounting the app into an element with options, the one way in for the stand-alone page, the
//! `<lede-explorer>` custom element and any host page (`web/lede-explorer.js` wraps it): the
//! corpus and index URLs, the initial query, the theme and where the view state lives.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::Theme;

/// The corpus fetched when the options name none (Trunk copies it beside index.html): a pack,
/// which carries its index and is read here, without the worker.
const DEFAULT_CORPUS_URL: &str = "corpus.lede";

/// The entity model beside index.html (Trunk copies it there), for a page that names none.
const DEFAULT_MODEL_URL: &str = "ner.bin";

thread_local! {
    /// The entity model's URL, as the last mount named it (every explorer of a page is loaded
    /// by the same web/lede-explorer.js, which names the model beside itself).
    static MODEL_URL: std::cell::RefCell<String> = std::cell::RefCell::new(DEFAULT_MODEL_URL.to_string());
}

/// The entity model's URL, fetched only when a corpus arrives without entities.
pub fn model_url() -> String {
    MODEL_URL.with_borrow(Clone::clone)
}

/// Where an explorer keeps its view state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HashMode {
    /// The whole `location.hash` is the view state (the stand-alone page).
    Whole,
    /// `#NAME:…` holds the view state; any other hash belongs to the host and is ignored.
    Namespaced(String),
    /// In memory only: `location.hash` is never read or written (embedded, by default).
    Memory,
}

impl HashMode {
    /// The mode an options value names: `true` or `"page"` for the whole hash, a name such as
    /// `"lede1"` for a namespace, anything else (absent, `false`, `""`) for memory.
    pub fn from_option(value: &JsValue) -> HashMode {
        if value.as_bool() == Some(true) {
            return HashMode::Whole;
        }
        match value.as_string().as_deref().map(str::trim) {
            Some("page") => HashMode::Whole,
            Some(name) if is_namespace(name) => HashMode::Namespaced(name.to_string()),
            _ => HashMode::Memory,
        }
    }
}

/// A namespace is a short run of ASCII letters, digits, `-` and `_`.
fn is_namespace(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 32
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// What one mounted explorer was asked for, provided as context to the app below it.
#[derive(Clone)]
pub struct MountContext {
    /// Where the view state lives.
    pub hash: HashMode,
    /// The query shown when the view state names none.
    pub query: Option<String>,
    /// The theme the host chose (`light`, `dark` or `system`), over the stored one.
    pub theme: Option<String>,
    /// The element the app is mounted in (its own links are routed there when not `Whole`).
    pub root: StoredValue<Option<web_sys::Element>, LocalStorage>,
}

/// The mount context of the explorer being built, if it was mounted through [`mount`].
pub fn use_mount() -> Option<MountContext> {
    use_context::<MountContext>()
}

/// Whether the explorer being built is embedded (its view state is not the whole hash): then
/// it takes only the keys pressed inside it, never a host page's.
pub fn is_embedded() -> bool {
    use_mount().is_some_and(|m| m.hash != HashMode::Whole)
}

/// Where an event really started: inside a shadow root the window sees the host element as
/// `target`, while the first entry of `composedPath()` is the element itself.
pub fn event_origin(ev: &web_sys::Event) -> Option<web_sys::EventTarget> {
    ev.composed_path()
        .get(0)
        .dyn_into::<web_sys::EventTarget>()
        .ok()
        .or_else(|| ev.target())
}

/// Whether `target` is an element inside `root`.
pub fn is_inside(root: &web_sys::Element, target: Option<&web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_ref::<web_sys::Node>())
        .is_some_and(|n| root.contains(Some(n)))
}

/// Sets the theme the host asked for, if any (called once, where the theme is provided).
pub fn apply_theme_option(theme: RwSignal<Theme>) {
    if let Some(chosen) = use_mount().and_then(|m| m.theme) {
        theme.set(Theme::from_stored(Some(chosen.as_str())));
    }
}

/// Mounts Lede into `element`. `options` is an object with optional string fields `corpus`
/// (a corpus or pack URL; default `corpus.lede`), `index` (the search index of a JSON corpus,
/// built by `lede ingest --index`; none by default), `model` (the entity model,
/// for a corpus without entities; default `ner.bin`), `query`, `theme` (`light`,
/// `dark`, `system`) and `hash` (`true` or `"page"`: the whole URL hash; a name such as
/// `"lede1"`: `#lede1:…`; absent: in memory only), and `memoryLimitMb` (a number: the
/// WebAssembly memory a corpus may take before the page refuses it with a message; default
/// [`crate::corpus_loader::DEFAULT_MEMORY_LIMIT_MB`]).
#[wasm_bindgen]
pub fn mount(element: web_sys::HtmlElement, options: JsValue) -> Result<(), JsValue> {
    let text = |key: &str| {
        js_sys::Reflect::get(&options, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let named_corpus = text("corpus");
    // A JSON corpus has an index only when the host names one; else the worker builds it.
    let index_url = named_corpus.as_ref().and(text("index"));
    let corpus_url = named_corpus.unwrap_or_else(|| DEFAULT_CORPUS_URL.to_string());
    let hash = js_sys::Reflect::get(&options, &JsValue::from_str("hash"))
        .map(|v| HashMode::from_option(&v))
        .unwrap_or(HashMode::Memory);
    if let Some(model) = text("model") {
        MODEL_URL.with_borrow_mut(|url| *url = model);
    }
    // The memory limit: refused before loading when a corpus would not fit (corpus_loader).
    // A string is read as JavaScript reads a number (`+s`), so that the app links no
    // float parser of its own; the message quotes the option as given.
    if let Some((mb, given)) = js_sys::Reflect::get(&options, &JsValue::from_str("memoryLimitMb"))
        .ok()
        .and_then(|v| match v.as_string() {
            Some(s) if s.trim().is_empty() => None,
            Some(s) => Some((v.unchecked_into_f64(), s)),
            None => v.as_f64().map(|n| {
                let written = js_sys::Number::from(n).to_string_with_radix(10);
                (n, written.map(String::from).unwrap_or_default())
            }),
        })
    {
        if mb.is_nan() || mb < 1.0 || mb.is_infinite() {
            return Err(JsValue::from_str(&format!(
                "Lede mount: memoryLimitMb must be a number of MB, at least 1, not {given}"
            )));
        }
        crate::corpus_loader::set_memory_limit_mb(mb as u64);
    }
    let theme = text("theme");
    if let Some(t) = &theme {
        if !matches!(t.as_str(), "light" | "dark" | "system") {
            return Err(JsValue::from_str(&format!(
                "Lede mount: theme must be light, dark or system, not “{t}”"
            )));
        }
    }
    let root: web_sys::Element = element.clone().unchecked_into();
    let context = MountContext {
        hash,
        query: text("query"),
        theme,
        root: StoredValue::new_local(Some(root)),
    };
    let app = move || {
        provide_context(context.clone());
        view! { <crate::app::App corpus_url=corpus_url.clone() index_url=index_url.clone() /> }
    };
    leptos::mount::mount_to(element, app).forget();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespaces_are_short_plain_names() {
        assert!(is_namespace("lede1"));
        assert!(is_namespace("news_desk-2"));
        assert!(!is_namespace(""));
        assert!(!is_namespace("a:b"));
        assert!(!is_namespace("#x"));
        assert!(!is_namespace(&"x".repeat(33)));
    }
}
