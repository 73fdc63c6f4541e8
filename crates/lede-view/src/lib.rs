//! The explorer's view state as a plain value: the page that is open, the query and the filters,
//! and their `location.hash` form. The app keeps one [`ViewState`] in a signal and writes it to
//! the hash (links, reloads and the back button then work on any static host); everything here is
//! pure, so it is tested natively.

mod hash;

pub use hash::{decode, encode};

/// Which page of the explorer is open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Page {
    /// The ranked results for the query and filters, with the facets beside them.
    #[default]
    Browse,
    /// One article in the reader, by id.
    Article(String),
}

/// What the explorer shows: the page, the search query and the entity filter. Equal states give
/// equal hashes, and [`ViewState::from_hash`] reads back what [`ViewState::to_hash`] wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The open page.
    pub page: Page,
    /// The text in the search box.
    pub query: String,
    /// Entity ids every listed article must mention.
    pub entities: Vec<String>,
}

impl ViewState {
    /// Reads a hash such as `#q=harbour%20vote&e=person%3Aa,place%3Ab&article=001-a`; unknown
    /// keys are ignored, and a repeated key keeps its last value.
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
                "article" if !value.is_empty() => state.page = Page::Article(decode(value)),
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
        if !self.entities.is_empty() {
            let ids: Vec<String> = self.entities.iter().map(|id| encode(id)).collect();
            parts.push(format!("e={}", ids.join(",")));
        }
        if let Page::Article(id) = &self.page {
            parts.push(format!("article={}", encode(id)));
        }
        format!("#{}", parts.join("&"))
    }

    /// The id of the article open in the reader, if that is the page.
    pub fn article(&self) -> Option<&str> {
        match &self.page {
            Page::Article(id) => Some(id),
            Page::Browse => None,
        }
    }

    /// This state with entity `id` added to the filter (or removed, when it is in it already),
    /// showing the results.
    pub fn toggling_entity(&self, id: &str) -> ViewState {
        let mut entities = self.entities.clone();
        match entities.iter().position(|e| e == id) {
            Some(i) => {
                entities.remove(i);
            }
            None => entities.push(id.to_string()),
        }
        ViewState {
            page: Page::Browse,
            query: self.query.clone(),
            entities,
        }
    }

    /// This state with entity `id` in the filter (added unless it is there already), showing
    /// the results.
    pub fn with_entity(&self, id: &str) -> ViewState {
        if self.entities.iter().any(|e| e == id) {
            self.on_page(Page::Browse)
        } else {
            self.toggling_entity(id)
        }
    }

    /// This state showing article `id`.
    pub fn with_article(&self, id: &str) -> ViewState {
        self.on_page(Page::Article(id.to_string()))
    }

    /// This state with `query` typed, showing the results (a new query leaves the reader).
    pub fn with_query(&self, query: &str) -> ViewState {
        ViewState {
            query: query.to_string(),
            ..self.on_page(Page::Browse)
        }
    }

    /// This state on `page`, query and filters kept.
    pub fn on_page(&self, page: Page) -> ViewState {
        ViewState {
            page,
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_the_hash() {
        let state = ViewState {
            query: "Zürich & “harbour” vote".into(),
            entities: vec!["person:idris-kalvane".into(), "place:velmora".into()],
            page: Page::Article("001-harbour vote".into()),
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
            page: Page::Article("a".into()),
        };
        let added = state.toggling_entity("person:idris-kalvane");
        assert_eq!(added.entities, ["place:velmora", "person:idris-kalvane"]);
        assert_eq!((added.query.as_str(), added.article()), ("rain", None));
        assert!(added.toggling_entity("place:velmora").entities == ["person:idris-kalvane"]);
    }

    #[test]
    fn with_entity_keeps_a_selected_entity_and_with_article_opens_one() {
        let state = ViewState {
            query: "rain".into(),
            entities: vec!["place:velmora".into()],
            page: Page::Article("a".into()),
        };
        let same = state.with_entity("place:velmora");
        assert_eq!((same.entities.len(), same.article()), (1, None));
        let more = state.with_entity("person:idris-kalvane");
        assert_eq!(more.entities, ["place:velmora", "person:idris-kalvane"]);
        let open = more.with_article("b");
        assert_eq!(open.article(), Some("b"));
        assert_eq!((open.query, open.entities), (more.query, more.entities));
    }

    #[test]
    fn a_new_query_keeps_the_filter_and_leaves_the_reader() {
        let state = ViewState {
            query: "rain".into(),
            entities: vec!["place:velmora".into()],
            page: Page::Article("a".into()),
        };
        let next = state.with_query("rain fall");
        assert_eq!(next.page, Page::Browse);
        assert_eq!(next.query, "rain fall");
        assert_eq!(next.entities, state.entities);
    }

    #[test]
    fn reads_hand_written_hashes() {
        let state = ViewState::from_hash("#article=abc&q=rain+fall&other=1");
        assert_eq!(state.query, "rain fall");
        assert_eq!(state.article(), Some("abc"));
        assert_eq!(ViewState::from_hash("#q=100%").query, "100%");
        assert_eq!(ViewState::from_hash("#q=%zz").query, "%zz");
        assert_eq!(ViewState::from_hash("#article=").page, Page::Browse);
    }
}
