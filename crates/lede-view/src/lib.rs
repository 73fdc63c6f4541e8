//! The explorer's view state as a plain value: the page that is open, the query, the filters,
//! the order and what is in focus, and their `location.hash` form. The app keeps one
//! [`ViewState`] in a signal and writes it to the hash, so that links, reloads and the back button
//! work on any static host and a copied link reproduces the view exactly; preferences (the theme)
//! are not view state and never enter the hash. Everything here is pure, so it is tested natively.

mod hash;

pub use hash::{decode, encode};
use lede_corpus::Date;

/// The most ids one list of the hash keeps: a crafted link cannot make thousands of chips.
pub const MAX_IDS: usize = 64;

/// The most chars the hash's texts (`q=`, `qq=`) keep, and the most an id may have: a crafted
/// link of megabytes is cut before it is decoded, searched or shown.
pub const MAX_TEXT_CHARS: usize = 1000;

/// Percent-encoded bytes one char of a hash value can take (four UTF-8 bytes, each `%XX`).
const MAX_ENCODED_CHAR: usize = 12;

/// Which page of the explorer is open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Page {
    /// The ranked results for the query and filters, with the facets beside them.
    #[default]
    Browse,
    /// One article in the reader, by id, optionally scrolled to one of its quotations (its
    /// number in the article, as `Article::quotations` numbers them).
    Article {
        /// The article id.
        id: String,
        /// The quotation in focus.
        quote: Option<usize>,
    },
    /// Every quotation in the current results, grouped by speaker.
    Quotes,
    /// One entity's page, by entity id.
    Entity(String),
}

/// How the results are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first (corpus order when browsing without words).
    #[default]
    Relevance,
    /// Latest first.
    Newest,
    /// Earliest first.
    Oldest,
}

/// How the quotes page orders its speakers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum QuoteSort {
    /// Most quotations first.
    #[default]
    Count,
    /// By speaker name.
    Name,
    /// Latest quotation first.
    Date,
}

/// What the explorer shows. Equal states give equal hashes, and [`ViewState::from_hash`] reads
/// back what [`ViewState::to_hash`] wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The open page.
    pub page: Page,
    /// The text in the search box.
    pub query: String,
    /// Entity ids every result must mention (`e=`).
    pub entities: Vec<String>,
    /// Entity ids every result must quote, as a speaker (`said=`).
    pub speakers: Vec<String>,
    /// Sources a result must come from, any of them (`src=`).
    pub sources: Vec<String>,
    /// First day of the date range, inclusive (`from=`): a year, month or day.
    pub date_from: Option<Date>,
    /// Last day of the date range, inclusive (`to=`).
    pub date_to: Option<Date>,
    /// The order of the results (`sort=`).
    pub sort: Sort,
    /// The quotes page's own search over quotation text (`qq=`).
    pub quote_query: String,
    /// The quotes page's order of speakers (`qs=`).
    pub quote_sort: QuoteSort,
}

impl ViewState {
    /// Reads a hash such as `#q=harbour%20vote&e=person%3Aa,place%3Ab&article=001-a`. Unknown
    /// keys, impossible dates and unknown orders are ignored; a repeated key keeps its last
    /// value; id lists drop empty, repeated and over-long ids and keep at most [`MAX_IDS`];
    /// texts and ids are cut at [`MAX_TEXT_CHARS`].
    pub fn from_hash(hash: &str) -> Self {
        let mut state = ViewState::default();
        let (mut article, mut quote, mut quotes_page, mut entity) = (None, None, false, None);
        for pair in hash.trim_start_matches('#').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "q" => state.query = decode_text(value),
                "e" => state.entities = id_list(value),
                "said" => state.speakers = id_list(value),
                "src" => state.sources = id_list(value),
                "from" => state.date_from = Date::parse(&decode(value)).ok(),
                "to" => state.date_to = Date::parse(&decode(value)).ok(),
                "sort" => {
                    state.sort = match value {
                        "newest" => Sort::Newest,
                        "oldest" => Sort::Oldest,
                        _ => Sort::Relevance,
                    }
                }
                "qq" => state.quote_query = decode_text(value),
                "qs" => {
                    state.quote_sort = match value {
                        "name" => QuoteSort::Name,
                        "date" => QuoteSort::Date,
                        _ => QuoteSort::Count,
                    }
                }
                "article" if !value.is_empty() => article = Some(decode_text(value)),
                "quote" => quote = value.parse().ok(),
                "page" => quotes_page = value == "quotes",
                "entity" if !value.is_empty() => entity = Some(decode_text(value)),
                _ => {}
            }
        }
        state.page = match (article, entity) {
            (Some(id), _) => Page::Article { id, quote },
            (None, Some(id)) => Page::Entity(id),
            (None, None) if quotes_page => Page::Quotes,
            (None, None) => Page::Browse,
        };
        state
    }

    /// The hash for this state, `#` included (`#` alone for the default state).
    pub fn to_hash(&self) -> String {
        let mut parts = Vec::new();
        if !self.query.is_empty() {
            parts.push(format!("q={}", encode(&self.query)));
        }
        for (key, ids) in [
            ("e", &self.entities),
            ("said", &self.speakers),
            ("src", &self.sources),
        ] {
            if !ids.is_empty() {
                let ids: Vec<String> = ids.iter().map(|id| encode(id)).collect();
                parts.push(format!("{key}={}", ids.join(",")));
            }
        }
        if let Some(d) = &self.date_from {
            parts.push(format!("from={}", encode(&d.to_string())));
        }
        if let Some(d) = &self.date_to {
            parts.push(format!("to={}", encode(&d.to_string())));
        }
        match self.sort {
            Sort::Relevance => {}
            Sort::Newest => parts.push("sort=newest".into()),
            Sort::Oldest => parts.push("sort=oldest".into()),
        }
        if !self.quote_query.is_empty() {
            parts.push(format!("qq={}", encode(&self.quote_query)));
        }
        match self.quote_sort {
            QuoteSort::Count => {}
            QuoteSort::Name => parts.push("qs=name".into()),
            QuoteSort::Date => parts.push("qs=date".into()),
        }
        match &self.page {
            Page::Browse => {}
            Page::Article { id, quote } => {
                parts.push(format!("article={}", encode(id)));
                if let Some(q) = quote {
                    parts.push(format!("quote={q}"));
                }
            }
            Page::Quotes => parts.push("page=quotes".into()),
            Page::Entity(id) => parts.push(format!("entity={}", encode(id))),
        }
        format!("#{}", parts.join("&"))
    }

    /// The id of the article open in the reader, if that is the page.
    pub fn article(&self) -> Option<&str> {
        match &self.page {
            Page::Article { id, .. } => Some(id),
            _ => None,
        }
    }

    /// The engine query this state asks for: its text parsed, every filter and the order (no
    /// page: the caller sets `limit` and `snippets`).
    pub fn search_query(&self) -> lede_search::Query {
        let mut q = lede_search::Query::parse(&self.query);
        q.entities = self.entities.clone();
        q.speakers = self.speakers.clone();
        q.sources = self.sources.clone();
        q.date_from = self.date_from.map(|d| d.to_string());
        q.date_to = self.date_to.map(|d| d.to_string());
        q.order = match self.sort {
            Sort::Relevance => lede_search::Order::Relevance,
            Sort::Newest => lede_search::Order::Newest,
            Sort::Oldest => lede_search::Order::Oldest,
        };
        q
    }

    /// This state without what the results do not depend on (the page and the quotes page's
    /// own search and order): equal keys give equal results.
    pub fn results_key(&self) -> ViewState {
        ViewState {
            page: Page::Browse,
            quote_query: String::new(),
            quote_sort: QuoteSort::Count,
            ..self.clone()
        }
    }

    /// How many filters narrow the results: each entity, speaker and source, and the date
    /// range as one.
    pub fn filter_count(&self) -> usize {
        self.entities.len()
            + self.speakers.len()
            + self.sources.len()
            + usize::from(self.date_from.is_some() || self.date_to.is_some())
    }

    /// True when any filter (entities, speakers, sources, dates) narrows the results.
    pub fn is_filtered(&self) -> bool {
        self.filter_count() > 0
    }

    /// This state with entity `id` added to the filter (or removed, when it is in it already),
    /// showing the results.
    pub fn toggling_entity(&self, id: &str) -> ViewState {
        ViewState {
            entities: toggled(&self.entities, id),
            ..self.on_page(Page::Browse)
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

    /// This state with speaker `id` added to the "quoted" filter (or removed), the page kept
    /// unless it is an article.
    pub fn toggling_speaker(&self, id: &str) -> ViewState {
        ViewState {
            speakers: toggled(&self.speakers, id),
            ..self.leaving_article()
        }
    }

    /// This state with source `name` added to the source filter (or removed), the page kept
    /// unless it is an article.
    pub fn toggling_source(&self, name: &str) -> ViewState {
        ViewState {
            sources: toggled(&self.sources, name),
            ..self.leaving_article()
        }
    }

    /// This state with the date range `from..=to`, the page kept unless it is an article.
    pub fn with_dates(&self, from: Option<Date>, to: Option<Date>) -> ViewState {
        ViewState {
            date_from: from,
            date_to: to,
            ..self.leaving_article()
        }
    }

    /// This state with only the entity and speaker ids that `known` accepts and the sources
    /// that `known_source` accepts (a link naming ids or sources the corpus does not have,
    /// crafted or stale, must not show them as filters), or `None` when all are known.
    pub fn retaining_known(
        &self,
        known: impl Fn(&str) -> bool,
        known_source: impl Fn(&str) -> bool,
    ) -> Option<ViewState> {
        if self
            .entities
            .iter()
            .chain(&self.speakers)
            .all(|id| known(id))
            && self.sources.iter().all(|s| known_source(s))
        {
            return None;
        }
        let keep = |ids: &[String], known: &dyn Fn(&str) -> bool| {
            ids.iter().filter(|id| known(id)).cloned().collect()
        };
        Some(ViewState {
            entities: keep(&self.entities, &known),
            speakers: keep(&self.speakers, &known),
            sources: keep(&self.sources, &known_source),
            ..self.clone()
        })
    }

    /// This state without any filter (query, order and page kept, the reader left).
    pub fn without_filters(&self) -> ViewState {
        ViewState {
            entities: Vec::new(),
            speakers: Vec::new(),
            sources: Vec::new(),
            date_from: None,
            date_to: None,
            ..self.leaving_article()
        }
    }

    /// This state showing article `id`.
    pub fn with_article(&self, id: &str) -> ViewState {
        self.on_page(Page::Article {
            id: id.to_string(),
            quote: None,
        })
    }

    /// This state showing article `id` scrolled to its quotation `quote`.
    pub fn with_quote(&self, id: &str, quote: usize) -> ViewState {
        self.on_page(Page::Article {
            id: id.to_string(),
            quote: Some(quote),
        })
    }

    /// This state with `query` typed, showing the results (a new query leaves the reader and
    /// the entity page; the quotes page stays, as it shows the results' quotations).
    pub fn with_query(&self, query: &str) -> ViewState {
        let page = match self.page {
            Page::Quotes => Page::Quotes,
            _ => Page::Browse,
        };
        ViewState {
            query: query.to_string(),
            ..self.on_page(page)
        }
    }

    /// This state on `page`, query and filters kept.
    pub fn on_page(&self, page: Page) -> ViewState {
        ViewState {
            page,
            ..self.clone()
        }
    }

    /// This state, or the results it came from when an article is open.
    fn leaving_article(&self) -> ViewState {
        match self.page {
            Page::Article { .. } => self.on_page(Page::Browse),
            _ => self.clone(),
        }
    }
}

/// The ids of a comma-separated hash value, decoded: empty, repeated and over-long ones
/// dropped, and nothing read past the first [`MAX_IDS`] kept.
fn id_list(value: &str) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for raw in value.split(',') {
        if ids.len() == MAX_IDS {
            break;
        }
        if raw.len() > MAX_TEXT_CHARS * MAX_ENCODED_CHAR {
            continue;
        }
        let id = decode(raw);
        if !id.is_empty() && id.chars().count() <= MAX_TEXT_CHARS && !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// A hash text decoded and cut at [`MAX_TEXT_CHARS`] (only the bytes that can make them are
/// decoded).
fn decode_text(value: &str) -> String {
    let mut end = value.len().min(MAX_TEXT_CHARS * MAX_ENCODED_CHAR);
    while !value.is_char_boundary(end) {
        end -= 1;
    }
    let text = decode(&value[..end]);
    match text.char_indices().nth(MAX_TEXT_CHARS) {
        Some((cut, _)) => text[..cut].to_string(),
        None => text,
    }
}

/// `ids` with `id` added at the end, or removed when it is there.
fn toggled(ids: &[String], id: &str) -> Vec<String> {
    let mut out = ids.to_vec();
    match out.iter().position(|e| e == id) {
        Some(i) => {
            out.remove(i);
        }
        None => out.push(id.to_string()),
    }
    out
}

#[cfg(test)]
mod tests;
