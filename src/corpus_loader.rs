//! Fetches the corpus and turns it into what the views read: the corpus, its search index and
//! an entity-id lookup. A pack (compact corpus and index in one file) is read here as it
//! streams in; corpus JSON (with its stored index, when there is one) and a pack that lacks
//! annotations go to the worker, which reads, fills and indexes them and answers with a pack,
//! so that this wasm links no JSON reader, annotator or index builder.

use std::sync::{Arc, OnceLock};

use js_sys::Uint8Array;
use lede_corpus::Corpus;
use lede_explore::EntityIndex;
use lede_search::pack::PackReader;
use lede_search::{Index, JumpIndex};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::own_files::js_text;

/// A loaded corpus with its search index.
pub struct Loaded {
    /// The validated corpus.
    pub corpus: Corpus,
    /// The index the search box queries.
    pub index: Index,
    /// The rows of `corpus.entities` in the order of their ids ([`Loaded::entity_row`]): a
    /// sorted list searched by halves, which links no hash map of its own and takes 4 bytes an
    /// entity.
    rows_by_id: Vec<u32>,
    /// Every article source, sorted, once each ([`Loaded::has_source`]).
    sources: Vec<String>,
    /// What loading left out or could not do, each naming its article: shown above the page.
    pub warnings: Vec<String>,
    /// The jump box's matcher, built when the jump box is first used.
    jump: OnceLock<JumpIndex>,
    /// Each entity's articles for the entity page, built when one is first opened.
    entities: OnceLock<EntityIndex>,
}

impl Loaded {
    /// The views' data for `corpus` and its `index`, with the loader's `warnings`.
    pub fn new(corpus: Corpus, index: Index, warnings: Vec<String>) -> Loaded {
        let entities = &corpus.entities;
        let mut rows_by_id: Vec<u32> = (0..entities.len() as u32).collect();
        lede_text::order::sort_indices_by(&mut rows_by_id, &mut |a, b| {
            entities[a as usize]
                .id
                .as_str()
                .cmp(entities[b as usize].id.as_str())
                .then(a.cmp(&b))
        });
        let mut sources: Vec<String> = corpus
            .articles
            .iter()
            .filter_map(|a| a.source.as_deref().map(str::to_string))
            .collect();
        lede_text::order::sort_by(&mut sources, |a, b| a.cmp(b));
        sources.dedup();
        Loaded {
            corpus,
            index,
            rows_by_id,
            sources,
            warnings,
            jump: OnceLock::new(),
            entities: OnceLock::new(),
        }
    }

    /// The row in `corpus.entities` of the entity `id` (the first, were an id listed twice).
    pub fn entity_row(&self, id: &str) -> Option<usize> {
        let entities = &self.corpus.entities;
        let at = self
            .rows_by_id
            .partition_point(|&row| entities[row as usize].id.as_str() < id);
        let row = *self.rows_by_id.get(at)? as usize;
        (entities[row].id.as_str() == id).then_some(row)
    }

    /// Whether some article's source is `source` (for checking a link's source filter).
    pub fn has_source(&self, source: &str) -> bool {
        self.sources
            .binary_search_by(|s| s.as_str().cmp(source))
            .is_ok()
    }

    /// The jump box's matcher over entity names, aliases and titles (built on first use).
    pub fn jump_index(&self) -> &JumpIndex {
        self.jump.get_or_init(|| JumpIndex::build(&self.corpus))
    }

    /// The articles that mention and quote each entity (built on first use).
    pub fn entity_index(&self) -> &EntityIndex {
        self.entities
            .get_or_init(|| EntityIndex::build(&self.corpus))
    }
}

/// Where the corpus stands.
#[derive(Clone)]
pub enum LoadState {
    /// The fetch is in flight.
    Loading,
    /// The corpus is ready.
    Ready(Arc<Loaded>),
    /// Fetching or validating failed; the message names the URL and the fault.
    Failed(String),
}

/// Fetches `url` and validates it as a corpus; a JSON corpus is read in the worker with its
/// search index from `index_url` when given (built at ingest; otherwise built there). Errors
/// are sentences for the error panel. `received` counts the corpus bytes as they arrive, for
/// the loading line.
pub async fn load_corpus(
    url: &str,
    index_url: Option<&str>,
    received: leptos::prelude::RwSignal<u64>,
) -> Result<Loaded, String> {
    let started = now();
    // Both downloads at once: the index does not wait for the corpus.
    let index_fetch = async {
        match index_url {
            Some(index_url) => Some((index_url, fetch_js_bytes(index_url).await)),
            None => None,
        }
    };
    let (fetched, index_bytes) = futures::join!(fetch_corpus(url, received), index_fetch);
    let (fetched, read_ms) = fetched?;
    let parsed = now();
    let (corpus, index, warnings) = match fetched {
        // A pack that says which extractors ran over it needs nothing from them.
        Fetched::Pack(pack) if !lede_annotate::lacks_annotations(&pack.0) => {
            let (corpus, index) = *pack;
            (corpus, index, Vec::new())
        }
        // One that lacks some is filled in the worker from its bytes, fetched again (from the
        // browser's cache, usually): the page did not keep them while it read them.
        Fetched::Pack(..) => {
            let bytes = fetch_js_bytes(url)
                .await
                .map_err(|e| format!("Could not fetch {url}: {e}"))?;
            in_worker(bytes, None, url).await?
        }
        Fetched::Json(bytes) => {
            let index = index_bytes.and_then(|(index_url, bytes)| {
                bytes
                    .map_err(|e| {
                        leptos::logging::warn!(
                            "Lede: no search index at {index_url} ({e}); building it"
                        )
                    })
                    .ok()
            });
            in_worker(bytes, index, url).await?
        }
    };
    leptos::logging::log!(
        "Lede: {} articles ready {} ms after the page started: {} ms (download and parse {} of which parsing {}, in the worker {})",
        corpus.articles.len(),
        ms(now()),
        ms(now() - started),
        ms(parsed - started),
        ms(read_ms),
        ms(now() - parsed)
    );
    Ok(Loaded::new(corpus, index, warnings))
}

/// The corpus `bytes` read, filled and indexed by the worker (`own_files::read_in_worker`),
/// then read back from its pack here.
async fn in_worker(
    bytes: Uint8Array,
    index: Option<Uint8Array>,
    url: &str,
) -> Result<(Corpus, Index, Vec<String>), String> {
    let (pack, warnings) = crate::own_files::read_in_worker(bytes, index, url).await?;
    let (corpus, index) = lede_search::pack::read_pack(&pack)
        .map_err(|e| format!("{url} could not be read: the worker's pack is not valid: {e}"))?;
    Ok((corpus, index, warnings))
}

/// Milliseconds since the page started (0 where there is no clock).
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// A duration in milliseconds as the console log writes it: whole milliseconds.
fn ms(millis: f64) -> String {
    lede_text::decimal::fixed(millis, 0)
}

/// What the corpus URL held.
enum Fetched {
    /// A pack (`lede ingest --pack`), read: the corpus and its index.
    Pack(Box<(Corpus, Index)>),
    /// Anything else (corpus JSON, or not a corpus), whole, for the worker to read.
    Json(Uint8Array),
}

/// The reader for the bytes at the corpus URL, chosen by its first bytes.
enum Reader {
    /// Fewer bytes than tell a pack from JSON so far.
    Undecided(Vec<u8>),
    /// Not a pack: the chunks as they came, kept in JavaScript's memory.
    Json(js_sys::Array),
    Pack(Box<PackReader>),
}

impl Reader {
    /// Reads the next piece, `chunk` (in JavaScript's memory); errors are sentences naming `url`.
    fn push(&mut self, chunk: &Uint8Array, url: &str) -> Result<(), String> {
        match self {
            Reader::Undecided(head) => {
                head.extend_from_slice(&chunk.to_vec());
                if head.len() >= PACK_HEAD {
                    let head = std::mem::take(head);
                    *self = if lede_search::pack::is_pack(&head) {
                        Reader::Pack(Box::default())
                    } else {
                        Reader::Json(js_sys::Array::new())
                    };
                    self.push(&Uint8Array::from(head.as_slice()), url)?;
                }
                Ok(())
            }
            Reader::Json(chunks) => {
                chunks.push(chunk);
                Ok(())
            }
            Reader::Pack(r) => r
                .push(&chunk.to_vec())
                .map_err(|e| format!("{url} is not a valid Lede pack: {e}")),
        }
    }

    /// What was read, once every byte has come.
    fn finish(self, url: &str) -> Result<Fetched, String> {
        match self {
            // A text shorter than a pack's magic is JSON (or nothing valid).
            Reader::Undecided(head) => Ok(Fetched::Json(Uint8Array::from(head.as_slice()))),
            Reader::Json(chunks) => Ok(Fetched::Json(concat(&chunks))),
            Reader::Pack(pack) => {
                let (corpus, index) = pack
                    .finish()
                    .map_err(|e| format!("{url} is not a valid Lede pack: {e}"))?;
                Ok(Fetched::Pack(Box::new((corpus, index))))
            }
        }
    }
}

/// The `Uint8Array`s of `chunks` as one, in JavaScript's memory.
fn concat(chunks: &js_sys::Array) -> Uint8Array {
    let parts: Vec<Uint8Array> = chunks.iter().map(Uint8Array::from).collect();
    let whole = Uint8Array::new_with_length(parts.iter().map(Uint8Array::length).sum());
    let mut at = 0;
    for part in &parts {
        whole.set(part, at);
        at += part.length();
    }
    whole
}

/// Bytes that tell a pack from JSON.
const PACK_HEAD: usize = 8;

/// The WebAssembly memory a page lets a corpus take unless its mount options say otherwise
/// (`memoryLimitMb`): 2 GiB, half of wasm32's address space. bench/README.md ("Scale")
/// measured 1.1 GB at 300k articles; past about 2 GB a desktop tab may fail to grow its memory
/// mid-load, and a phone far earlier.
pub const DEFAULT_MEMORY_LIMIT_MB: u64 = 2048;

/// WebAssembly memory per byte of corpus JSON sent uncompressed: Reuters-21578's 44.3 MB of
/// JSON (with its index) took 112.8 MiB in Chromium, 2.7 per byte, rounded up (bench/README.md,
/// "Transfer and memory").
const MEMORY_PER_JSON_BYTE: u64 = 3;

thread_local! {
    /// The memory limit of this page's explorers, in MB (the `memoryLimitMb` mount option).
    static MEMORY_LIMIT_MB: std::cell::Cell<u64> = const { std::cell::Cell::new(DEFAULT_MEMORY_LIMIT_MB) };
}

/// Sets the memory limit for corpora loaded from now on (the `memoryLimitMb` mount option).
pub fn set_memory_limit_mb(mb: u64) {
    MEMORY_LIMIT_MB.with(|m| m.set(mb));
}

/// The error for a corpus at `url` estimated to need `need` bytes of memory, when that is over
/// the limit: said before its bytes are read, with what to do instead.
fn over_memory_limit(url: &str, need: u64) -> Option<String> {
    let limit = MEMORY_LIMIT_MB.with(std::cell::Cell::get);
    let need_mb = need.div_ceil(1 << 20);
    (need_mb > limit).then(|| {
        format!(
            "{url} is too large to open in this tab: it would need about {need_mb} MB of memory, more than the {limit} MB this page allows, and the tab would run out of memory partway. Open a smaller corpus, or split this one: ingest part of its files into each pack (`lede ingest SOME-FILES --pack part.lede`) and open them one at a time."
        )
    })
}

/// Downloads `url` and reads it while it arrives, chunk by chunk — a pack (compact corpus and
/// index) or corpus JSON, told apart by the first bytes — so that reading overlaps the transfer
/// and the bytes are never held whole. Errors are sentences for the error panel.
async fn fetch_corpus(
    url: &str,
    received: leptos::prelude::RwSignal<u64>,
) -> Result<(Fetched, f64), String> {
    use leptos::prelude::Update;
    let response = fetch(url)
        .await
        .map_err(|e| format!("Could not fetch {url}: {e}"))?;
    if !response.ok() {
        return Err(format!(
            "Could not fetch {url}: HTTP {} {}",
            response.status(),
            response.status_text()
        ));
    }
    // Uncompressed JSON says its size up front; a pack says its index's in its first bytes.
    let headers = response.headers();
    let header = |name: &str| headers.get(name).ok().flatten();
    if header("content-encoding").is_none() {
        let length = header("content-length").and_then(|l| l.parse::<u64>().ok());
        let json = url.ends_with(".json");
        if let Some(message) = length
            .filter(|_| json)
            .and_then(|l| over_memory_limit(url, l.saturating_mul(MEMORY_PER_JSON_BYTE)))
        {
            return Err(message);
        }
    }
    let mut reader = Reader::Undecided(Vec::new());
    let mut read_ms = 0.0;
    let mut size_checked = false;
    if let Some(body) = response.body() {
        let stream: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
        loop {
            let read = JsFuture::from(stream.read())
                .await
                .map_err(|e| format!("Could not read {url}: {}", js_text(&e)))?;
            let done = js_sys::Reflect::get(&read, &"done".into()).is_ok_and(|d| d.is_truthy());
            if done {
                break;
            }
            let value = js_sys::Reflect::get(&read, &"value".into())
                .map_err(|e| format!("Could not read {url}: {}", js_text(&e)))?;
            let bytes = js_sys::Uint8Array::new(&value);
            received.update(|n| *n += u64::from(bytes.length()));
            let t = now();
            reader.push(&bytes, url)?;
            read_ms += now() - t;
            if let (Reader::Pack(pack), false) = (&reader, size_checked) {
                if let Some(len) = pack.announced_index_bytes() {
                    size_checked = true;
                    let need = lede_search::pack::memory_estimate(len);
                    if let Some(message) = over_memory_limit(url, need) {
                        let _ = stream.cancel();
                        return Err(message);
                    }
                }
            }
        }
    }
    let t = now();
    let fetched = reader.finish(url)?;
    Ok((fetched, read_ms + now() - t))
}

/// The response to a GET of `url` (any status); the error is the browser's, as text.
async fn fetch(url: &str) -> Result<web_sys::Response, String> {
    let window = web_sys::window().ok_or("there is no window to fetch from")?;
    JsFuture::from(window.fetch_with_str(url))
        .await
        .map(JsCast::unchecked_into)
        .map_err(|e| js_text(&e))
}

/// The bytes at `url`, whole, in JavaScript's memory.
async fn fetch_js_bytes(url: &str) -> Result<Uint8Array, String> {
    let response = fetch(url).await?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let buffer = response.array_buffer().map_err(|e| js_text(&e))?;
    let buffer = JsFuture::from(buffer).await.map_err(|e| js_text(&e))?;
    Ok(Uint8Array::new(&buffer))
}

/// A corpus already in memory as a pack (made by the ingest worker, or kept in the browser),
/// read and checked as a downloaded one is; `name` says where it came from in errors.
pub fn loaded_from_pack(bytes: &[u8], name: &str) -> Result<Loaded, String> {
    let (corpus, index) = lede_search::pack::read_pack(bytes)
        .map_err(|e| format!("{name} is not a valid Lede pack: {e}"))?;
    Ok(Loaded::new(corpus, index, Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede_corpus::{Article, ArticleEntity, EntityKind};

    #[test]
    fn entity_rows_and_sources_are_found_in_any_table_order() {
        let article = |id: &str, source: Option<&str>, entities: &[&str]| Article {
            id: id.into(),
            title: id.into(),
            paragraphs: vec!["Text.".to_string()].into(),
            source: source.map(Into::into),
            entities: entities
                .iter()
                .map(|e| ArticleEntity {
                    id: (*e).into(),
                    name: (*e).into(),
                    kind: EntityKind::Person,
                    aliases: Box::default(),
                    mentions: Default::default(),
                })
                .collect(),
            ..Article::default()
        };
        let mut corpus = Corpus::new(vec![
            article("a", Some("Wire"), &["p-zed", "p-amy"]),
            article("b", None, &["p-kai"]),
            article("c", Some("Gazette"), &["p-amy", "p-bo"]),
            article("d", Some("Wire"), &[]),
        ]);
        // A table from elsewhere need not be sorted by id.
        corpus.entities.reverse();
        let index = Index::build(&corpus);
        let ids: Vec<String> = corpus.entities.iter().map(|e| e.id.to_string()).collect();
        let sources: Vec<String> = corpus
            .articles
            .iter()
            .filter_map(|a| a.source.as_deref().map(str::to_string))
            .collect();
        let loaded = Loaded::new(corpus, index, Vec::new());
        assert_eq!(ids.len(), 4);
        for (row, id) in ids.iter().enumerate() {
            assert_eq!(loaded.entity_row(id), Some(row), "{id}");
        }
        for missing in ["", "p-a", "p-amyx", "q", "p-zz"] {
            assert_eq!(loaded.entity_row(missing), None, "{missing}");
        }
        for source in &sources {
            assert!(loaded.has_source(source), "{source}");
        }
        assert!(!loaded.has_source("Wir") && !loaded.has_source("Times"));
    }
}
