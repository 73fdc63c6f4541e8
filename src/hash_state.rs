//! The view state (query, open article) kept in `location.hash`, so that links, reloads and
//! the back button work on any static host and the app never intercepts a host page's clicks.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// What the page shows: the search query, the entity filter and the open article, if any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The text in the search box.
    pub query: String,
    /// Entity ids every listed article must mention.
    pub entities: Vec<String>,
    /// Id of the article open in the reader.
    pub article: Option<String>,
}

impl ViewState {
    /// Reads a hash such as `#q=harbour%20vote&e=person%3Aa,place%3Ab&article=001-a`; unknown
    /// keys are ignored.
    pub fn from_hash(hash: &str) -> Self {
        let mut state = ViewState::default();
        for pair in hash.trim_start_matches('#').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "q" => state.query = decode(value),
                "e" => {
                    state.entities = value
                        .split(',')
                        .map(decode)
                        .filter(|id| !id.is_empty())
                        .collect()
                }
                "article" if !value.is_empty() => state.article = Some(decode(value)),
                _ => {}
            }
        }
        state
    }

    /// This state with entity `id` added to the filter (or removed, when it is in it already),
    /// showing the list.
    pub fn toggling_entity(&self, id: &str) -> ViewState {
        let mut entities = self.entities.clone();
        match entities.iter().position(|e| e == id) {
            Some(i) => {
                entities.remove(i);
            }
            None => entities.push(id.to_string()),
        }
        ViewState {
            query: self.query.clone(),
            entities,
            article: None,
        }
    }

    /// This state with entity `id` in the filter (added unless it is there already), showing
    /// the list.
    pub fn with_entity(&self, id: &str) -> ViewState {
        if self.entities.iter().any(|e| e == id) {
            ViewState {
                article: None,
                ..self.clone()
            }
        } else {
            self.toggling_entity(id)
        }
    }

    /// This state showing article `id`.
    pub fn with_article(&self, id: &str) -> ViewState {
        ViewState {
            article: Some(id.to_string()),
            ..self.clone()
        }
    }

    /// The hash for this state, `#` included (`#` alone for the default state).
    pub fn to_hash(&self) -> String {
        let mut parts = Vec::new();
        if !self.query.is_empty() {
            parts.push(format!("q={}", encode(&self.query)));
        }
        if !self.entities.is_empty() {
            let ids: Vec<String> = self.entities.iter().map(|id| encode(id)).collect();
            parts.push(format!("e={}", ids.join(",")));
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
            entities: vec!["person:idris-kalvane".into(), "place:velmora".into()],
            article: Some("001-harbour vote".into()),
        };
        let hash = state.to_hash();
        assert!(hash.is_ascii(), "{hash}");
        assert_eq!(ViewState::from_hash(&hash), state);
        assert_eq!(ViewState::default().to_hash(), "#");
        assert_eq!(ViewState::from_hash("#"), ViewState::default());
    }

    #[test]
    fn toggling_an_entity_adds_or_removes_it_and_closes_the_reader() {
        let state = ViewState {
            query: "rain".into(),
            entities: vec!["place:velmora".into()],
            article: Some("a".into()),
        };
        let added = state.toggling_entity("person:idris-kalvane");
        assert_eq!(added.entities, ["place:velmora", "person:idris-kalvane"]);
        assert_eq!(
            (added.query.as_str(), added.article.as_deref()),
            ("rain", None)
        );
        assert!(added.toggling_entity("place:velmora").entities == ["person:idris-kalvane"]);
    }

    #[test]
    fn with_entity_keeps_a_selected_entity_and_with_article_opens_one() {
        let state = ViewState {
            query: "rain".into(),
            entities: vec!["place:velmora".into()],
            article: Some("a".into()),
        };
        let same = state.with_entity("place:velmora");
        assert_eq!((same.entities.len(), same.article), (1, None));
        let more = state.with_entity("person:idris-kalvane");
        assert_eq!(more.entities, ["place:velmora", "person:idris-kalvane"]);
        let open = more.with_article("b");
        assert_eq!(open.article.as_deref(), Some("b"));
        assert_eq!((open.query, open.entities), (more.query, more.entities));
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
