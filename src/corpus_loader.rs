//! Fetches the corpus — JSON, read as it streams in, with its binary search index when there is
//! one, or a pack (compact corpus and index in one file) — and turns it into what the views
//! read: the corpus, its search index and an entity-id lookup.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use lede_corpus::{Corpus, CorpusReader, SharedStr};
use lede_explore::EntityIndex;
use lede_search::pack::PackReader;
use lede_search::{Index, JumpIndex};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A loaded corpus with its search index.
pub struct Loaded {
    /// The validated corpus.
    pub corpus: Corpus,
    /// The index the search box queries.
    pub index: Index,
    /// Row in `corpus.entities` of each entity id.
    pub entity_rows: HashMap<SharedStr, usize>,
    /// Every article source, for checking a link's source filter.
    pub sources: HashSet<String>,
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
        let entity_rows = corpus
            .entities
            .iter()
            .enumerate()
            .map(|(row, e)| (e.id.clone(), row))
            .collect();
        let sources = corpus
            .articles
            .iter()
            .filter_map(|a| a.source.clone())
            .collect();
        Loaded {
            corpus,
            index,
            entity_rows,
            sources,
            warnings,
            jump: OnceLock::new(),
            entities: OnceLock::new(),
        }
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

/// Fetches `url` and validates it as a corpus, then loads its search index from `index_url`
/// when given (built at ingest) or builds it here; errors are sentences for the error panel.
/// `received` counts the corpus bytes as they arrive, for the loading line.
pub async fn load_corpus(
    url: &str,
    index_url: Option<&str>,
    received: leptos::prelude::RwSignal<u64>,
) -> Result<Loaded, String> {
    let started = now();
    // Both downloads at once: the index does not wait for the corpus.
    let index_fetch = async {
        match index_url {
            Some(index_url) => Some(fetch_bytes(index_url).await),
            None => None,
        }
    };
    let (fetched, index_bytes) = futures::join!(fetch_corpus(url, received), index_fetch);
    let Fetched {
        mut corpus,
        index: packed_index,
        read_ms: parse_ms,
    } = fetched?;
    let parsed = now();
    // A corpus that says which extractors ran over it needs nothing from them here; one that
    // lacks some is annotated (and indexed) in the worker, which fetches the entity model.
    // Articles with a paragraph too long to annotate here are set aside, each with a warning.
    let mut packed_index = packed_index;
    let mut warnings = Vec::new();
    if lede_annotate::lacks_annotations(&corpus) {
        let (aside, oversized) = set_aside_oversized(&mut corpus);
        warnings = oversized;
        match crate::own_files::annotate(&corpus).await {
            Ok((filled, index)) => {
                corpus = filled;
                packed_index = Some(index);
            }
            Err(e) => {
                leptos::logging::warn!("Lede: annotations unavailable ({e}); shown as it came")
            }
        }
        // With articles put back, the worker's index no longer fits and is rebuilt below.
        for (i, article) in aside {
            corpus.articles.insert(i, article);
        }
    }
    let derived = now();
    // A pack's index fits its corpus unless annotations were derived here (then it is rebuilt).
    let index = match (packed_index, index_url, index_bytes) {
        (Some(index), _, _) => Some(index).filter(|i| i.fits(&corpus)),
        (None, Some(index_url), Some(bytes)) => stored_index(index_url, bytes, &corpus),
        _ => None,
    }
    .unwrap_or_else(|| Index::build(&corpus));
    leptos::logging::log!(
        "Lede: {} articles ready {:.0} ms after the page started: {:.0} ms (download and parse {:.0} of which parsing {:.0}, annotations {:.0}, index {:.0})",
        corpus.articles.len(),
        now(),
        now() - started,
        parsed - started,
        parse_ms,
        derived - parsed,
        now() - derived
    );
    Ok(Loaded::new(corpus, index, warnings))
}

/// Milliseconds since the page started (0 where there is no clock).
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// What the corpus URL held, read.
struct Fetched {
    corpus: Corpus,
    /// The index, when the URL held a pack (`lede ingest --pack`).
    index: Option<Index>,
    /// Milliseconds spent reading (not waiting for) the bytes.
    read_ms: f64,
}

/// The reader for the bytes at the corpus URL, chosen by its first bytes.
enum Reader {
    /// Fewer bytes than tell a pack from JSON so far.
    Undecided(Vec<u8>),
    Json(Box<CorpusReader>),
    Pack(Box<PackReader>),
}

impl Reader {
    /// Reads the next piece; errors are sentences naming `url`.
    fn push(&mut self, chunk: &[u8], url: &str) -> Result<(), String> {
        match self {
            Reader::Undecided(head) => {
                head.extend_from_slice(chunk);
                if head.len() >= PACK_HEAD {
                    let head = std::mem::take(head);
                    *self = if lede_search::pack::is_pack(&head) {
                        Reader::Pack(Box::default())
                    } else {
                        Reader::Json(Box::new(CorpusReader::new()))
                    };
                    self.push(&head, url)?;
                }
                Ok(())
            }
            Reader::Json(r) => r.push(chunk).map_err(|e| invalid_corpus(url, e)),
            Reader::Pack(r) => r
                .push(chunk)
                .map_err(|e| format!("{url} is not a valid Lede pack: {e}")),
        }
    }
}

fn invalid_corpus(url: &str, e: lede_corpus::CorpusError) -> String {
    format!("{url} is not a valid corpus: {e}")
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
) -> Result<Fetched, String> {
    use leptos::prelude::Update;
    let response = gloo_net::http::Request::get(url)
        .send()
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
    if headers.get("content-encoding").is_none() {
        let length = headers
            .get("content-length")
            .and_then(|l| l.parse::<u64>().ok());
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
        let mut chunk = Vec::new();
        loop {
            let read = JsFuture::from(stream.read())
                .await
                .map_err(|e| format!("Could not read {url}: {e:?}"))?;
            let done = js_sys::Reflect::get(&read, &"done".into()).is_ok_and(|d| d.is_truthy());
            if done {
                break;
            }
            let value = js_sys::Reflect::get(&read, &"value".into())
                .map_err(|e| format!("Could not read {url}: {e:?}"))?;
            let bytes = js_sys::Uint8Array::new(&value);
            received.update(|n| *n += u64::from(bytes.length()));
            let t = now();
            chunk.resize(bytes.length() as usize, 0);
            bytes.copy_to(&mut chunk);
            reader.push(&chunk, url)?;
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
    let (corpus, index) = match reader {
        // A text shorter than a pack's magic is JSON (or nothing valid).
        Reader::Undecided(head) => {
            let mut json = CorpusReader::new();
            json.push(&head).map_err(|e| invalid_corpus(url, e))?;
            (json.finish().map_err(|e| invalid_corpus(url, e))?, None)
        }
        Reader::Json(json) => (json.finish().map_err(|e| invalid_corpus(url, e))?, None),
        Reader::Pack(pack) => {
            let (corpus, index) = pack
                .finish()
                .map_err(|e| format!("{url} is not a valid Lede pack: {e}"))?;
            (corpus, Some(index))
        }
    };
    Ok(Fetched {
        corpus,
        index,
        read_ms: read_ms + now() - t,
    })
}

/// The stored index fetched from `url` when it arrived, reads and belongs to `corpus`;
/// otherwise `None` with a console warning saying why (the caller builds the index instead).
fn stored_index(url: &str, bytes: Result<Vec<u8>, String>, corpus: &Corpus) -> Option<Index> {
    let bytes = bytes
        .map_err(|e| leptos::logging::warn!("Lede: no search index at {url} ({e}); building it"))
        .ok()?;
    let index = Index::from_bytes(&bytes)
        .map_err(|e| leptos::logging::warn!("Lede: {url} is not a usable index ({e}); building it"))
        .ok()?;
    if !index.fits(corpus) {
        leptos::logging::warn!("Lede: {url} was built from another corpus; building the index");
        return None;
    }
    Some(index)
}

/// The longest paragraph the browser annotates, in bytes: extraction over a 10 MB paragraph
/// blocks the tab for half a minute, so longer ones are left to `lede ingest`, with a warning.
const MAX_ANNOTATED_PARAGRAPH_BYTES: usize = 200_000;

/// Takes out of `corpus` the articles that still need annotating and hold a paragraph longer
/// than [`MAX_ANNOTATED_PARAGRAPH_BYTES`], with their places and a warning naming each.
fn set_aside_oversized(corpus: &mut Corpus) -> (Vec<(usize, lede_corpus::Article)>, Vec<String>) {
    let oversized: Vec<(usize, usize, usize)> = corpus
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| a.quotes.is_empty() || a.entities.is_empty())
        .filter_map(|(i, a)| {
            let (p, len) =
                (a.paragraphs.iter().map(String::len).enumerate()).max_by_key(|&(_, len)| len)?;
            (len > MAX_ANNOTATED_PARAGRAPH_BYTES).then_some((i, p, len))
        })
        .collect();
    let warnings = oversized
        .iter()
        .map(|&(i, p, len)| {
            format!(
                "Article {i} (id \"{}\"): paragraphs[{p}] is {len} bytes, more than the {MAX_ANNOTATED_PARAGRAPH_BYTES} the browser annotates; its quotes and entities are left out (annotate it with `lede ingest --reannotate`).",
                corpus.articles[i].id
            )
        })
        .collect();
    let mut aside = Vec::with_capacity(oversized.len());
    for &(i, _, _) in oversized.iter().rev() {
        aside.push((i, corpus.articles.remove(i)));
    }
    aside.reverse();
    (aside, warnings)
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    response.binary().await.map_err(|e| e.to_string())
}

/// A corpus already in memory as a pack (made by the ingest worker, or kept in the browser),
/// read and checked as a downloaded one is; `name` says where it came from in errors.
pub fn loaded_from_pack(bytes: &[u8], name: &str) -> Result<Loaded, String> {
    let (corpus, index) = lede_search::pack::read_pack(bytes)
        .map_err(|e| format!("{name} is not a valid Lede pack: {e}"))?;
    Ok(Loaded::new(corpus, index, Vec::new()))
}
