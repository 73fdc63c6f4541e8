//! The browser's side of copying and exporting quotations: text to the clipboard, and a file
//! download from a Blob URL (the text itself comes from `lede_explore`).

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Puts `text` on the clipboard; `done(true)` once it is there, `done(false)` if the browser
/// refused.
pub fn copy_to_clipboard(text: String, done: impl FnOnce(bool) + 'static) {
    let promise = window().navigator().clipboard().write_text(&text);
    leptos::task::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Offers `content` as a download named `filename` of type `mime`, through a Blob URL and a
/// detached `<a download>` (released again a minute later).
pub fn download(filename: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = document()
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(filename);
        a.click();
    }
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
}
