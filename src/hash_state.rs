//! The view state (query, open article) kept in `location.hash`, so that links, reloads and
//! the back button work on any static host and the app never intercepts a host page's clicks.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// What the page shows: the search query and the open article, if any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The text in the search box.
    pub query: String,
    /// Id of the article open in the reader.
    pub article: Option<String>,
}

impl ViewState {
    /// Reads a hash such as `#q=harbour%20vote&article=001-a`; unknown keys are ignored.
    pub fn from_hash(hash: &str) -> Self {
        let mut state = ViewState::default();
        for pair in hash.trim_start_matches('#').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "q" => state.query = decode(value),
                "article" if !value.is_empty() => state.article = Some(decode(value)),
                _ => {}
            }
        }
        state
    }

    /// The hash for this state, `#` included (`#` alone for the default state).
    pub fn to_hash(&self) -> String {
        let mut parts = Vec::new();
        if !self.query.is_empty() {
            parts.push(format!("q={}", encode(&self.query)));
        }
        if let Some(id) = &self.article {
            parts.push(format!("article={}", encode(id)));
        }
        format!("#{}", parts.join("&"))
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Reverses [`encode`]; `+` is read as a space, malformed escapes are kept as written.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(hi), Some(lo)) => {
                        out.push((hi * 16 + lo) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A signal holding the view state, read from the hash now and on every `hashchange`.
pub fn use_view_state() -> RwSignal<ViewState> {
    let state = RwSignal::new(ViewState::from_hash(&current_hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let next = ViewState::from_hash(&current_hash());
        if state.get_untracked() != next {
            state.set(next);
        }
    });
    on_cleanup(move || handle.remove());
    state
}

/// Moves to `next`: a new history entry when `push`, else the current entry is replaced
/// (typing in the search box should not fill the back button's history).
pub fn navigate(state: RwSignal<ViewState>, next: ViewState, push: bool) {
    let hash = next.to_hash();
    let window = window();
    if push {
        let _ = window.location().set_hash(&hash);
    } else if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&hash));
    }
    if state.get_untracked() != next {
        state.set(next);
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_the_hash() {
        let state = ViewState {
            query: "Zürich & “harbour” vote".into(),
            article: Some("001-harbour vote".into()),
        };
        let hash = state.to_hash();
        assert!(hash.is_ascii(), "{hash}");
        assert_eq!(ViewState::from_hash(&hash), state);
        assert_eq!(ViewState::default().to_hash(), "#");
        assert_eq!(ViewState::from_hash("#"), ViewState::default());
    }

    #[test]
    fn reads_hand_written_hashes() {
        let state = ViewState::from_hash("#article=abc&q=rain+fall&other=1");
        assert_eq!(state.query, "rain fall");
        assert_eq!(state.article.as_deref(), Some("abc"));
        assert_eq!(ViewState::from_hash("#q=100%").query, "100%");
        assert_eq!(ViewState::from_hash("#q=%zz").query, "%zz");
    }
}
