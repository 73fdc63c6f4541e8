//! Lede's search engine behind a small wasm-bindgen class, for the benchmark page in `bench/`.

use lede_corpus::{Corpus, CorpusReader};
use lede_search::pack::PackReader;
use lede_search::{Index, Query};
use wasm_bindgen::prelude::*;

/// Reads the corpus JSON as it downloads (what the app does), then makes the [`Engine`].
#[wasm_bindgen]
pub struct Loader {
    reader: CorpusReader,
}

#[wasm_bindgen]
impl Loader {
    /// A loader before the first chunk.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Loader {
        Loader {
            reader: CorpusReader::new(),
        }
    }

    /// Reads the next chunk of the corpus JSON.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), JsError> {
        self.reader
            .push(chunk)
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// The engine over the corpus read, with `index` (bytes from `lede ingest --index`) loaded, or
    /// an index built when there is none.
    pub fn finish(self, index: Option<Vec<u8>>) -> Result<Engine, JsError> {
        let corpus = self
            .reader
            .finish()
            .map_err(|e| JsError::new(&e.to_string()))?;
        Engine::with_corpus(corpus, index)
    }
}

impl Default for Loader {
    fn default() -> Self {
        Loader::new()
    }
}

/// Reads a pack (`lede ingest --pack`) as it downloads (what the app does), then makes the
/// [`Engine`].
#[wasm_bindgen]
#[derive(Default)]
pub struct PackLoader {
    reader: PackReader,
}

#[wasm_bindgen]
impl PackLoader {
    /// A loader before the first chunk.
    #[wasm_bindgen(constructor)]
    pub fn new() -> PackLoader {
        PackLoader::default()
    }

    /// Reads the next chunk of the pack.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), JsError> {
        self.reader.push(chunk).map_err(|e| JsError::new(&e))
    }

    /// The engine over the pack's corpus and index.
    pub fn finish(self) -> Result<Engine, JsError> {
        let (corpus, index) = self.reader.finish().map_err(|e| JsError::new(&e))?;
        Ok(Engine { corpus, index })
    }
}

/// A loaded corpus and its search index.
#[wasm_bindgen]
pub struct Engine {
    corpus: Corpus,
    index: Index,
}

#[wasm_bindgen]
impl Engine {
    /// Parses `corpus_json`, then loads `index` (bytes from `lede ingest --index`) or builds one.
    #[wasm_bindgen(constructor)]
    pub fn new(corpus_json: &str, index: Option<Vec<u8>>) -> Result<Engine, JsError> {
        let corpus = Corpus::from_json(corpus_json).map_err(|e| JsError::new(&e.to_string()))?;
        Engine::with_corpus(corpus, index)
    }
}

impl Engine {
    fn with_corpus(corpus: Corpus, index: Option<Vec<u8>>) -> Result<Engine, JsError> {
        let index = match index {
            Some(bytes) => {
                let index = Index::from_bytes(&bytes).map_err(|e| JsError::new(&e.to_string()))?;
                if !index.fits(&corpus) {
                    return Err(JsError::new("the index was built from another corpus"));
                }
                index
            }
            None => Index::build(&corpus),
        };
        Ok(Engine { corpus, index })
    }
}

#[wasm_bindgen]
impl Engine {
    /// The ids of the best `limit` articles for `text`, one per line; `snippets` passages per hit.
    pub fn search(&self, text: &str, limit: usize, snippets: usize) -> String {
        let mut query = Query::parse(text);
        query.limit = limit;
        query.snippets = snippets;
        let results = self.index.search(&self.corpus, &query);
        let ids: Vec<&str> = results
            .hits
            .iter()
            .map(|hit| self.corpus.articles[hit.article].id.as_str())
            .collect();
        ids.join("\n")
    }

    /// The loaded corpus and its index as a pack (what `lede ingest --pack` writes).
    pub fn pack_bytes(&self) -> Result<Vec<u8>, JsError> {
        lede_search::pack::write_pack(&self.corpus, &self.index).map_err(|e| JsError::new(&e))
    }

    /// Whether the engine holds the corpus of `corpus_json` (by the index fingerprint: ids,
    /// titles, paragraph and quote lengths).
    pub fn holds(&self, corpus_json: &str) -> bool {
        Corpus::from_json(corpus_json).is_ok_and(|c| self.index.fits(&c))
    }

    /// The index rebuilt from the loaded corpus, as bytes for `Engine::new`.
    pub fn index_bytes(&self) -> Vec<u8> {
        Index::build(&self.corpus).to_bytes()
    }

    /// Articles, terms and heap bytes of the index, as JSON.
    pub fn stats(&self) -> String {
        let s = self.index.stats();
        serde_json::json!({
            "articles": s.articles,
            "terms": s.terms,
            "dictionary_bytes": s.dictionary_bytes,
            "postings_bytes": s.postings_bytes,
            "index_heap_bytes": s.heap_bytes,
        })
        .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CORPUS: &str = r#"{"articles": [
        {"id": "a1", "title": "Harbour council backs terminal", "body": "The council voted."},
        {"id": "a2", "title": "Reservoir levels fall", "body": "Dry weather again."}
    ]}"#;

    #[test]
    fn finds_by_title_with_a_typo_and_loads_its_own_index() {
        let engine = Engine::new(CORPUS, None).unwrap();
        assert_eq!(engine.search("harbour councl", 10, 0), "a1");
        let loaded = Engine::new(CORPUS, Some(engine.index_bytes())).unwrap();
        assert_eq!(loaded.search("reservoir", 10, 3), "a2");
        let mut loader = Loader::new();
        for chunk in CORPUS.as_bytes().chunks(5) {
            loader.push(chunk).unwrap();
        }
        let streamed = loader.finish(Some(engine.index_bytes())).unwrap();
        assert_eq!(streamed.search("levels fal", 10, 0), "a2");
        assert!(engine.stats().contains("\"articles\":2"));
        let mut packed = PackLoader::new();
        for chunk in engine.pack_bytes().unwrap().chunks(7) {
            packed.push(chunk).unwrap();
        }
        let packed = packed.finish().unwrap();
        assert_eq!(packed.search("harbour councl", 10, 3), "a1");
        assert!(packed.holds(CORPUS));
        assert!(!packed.holds(&CORPUS.replace("Dry weather", "Dry weather once")));
    }
}
