//! Fetches the corpus JSON and turns it into what the views read: the corpus and its index.

use std::sync::Arc;

use lede_corpus::Corpus;
use lede_search::SimpleIndex;

/// A loaded corpus with its search index.
pub struct Loaded {
    /// The validated corpus.
    pub corpus: Corpus,
    /// The index the search box queries.
    pub index: SimpleIndex,
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

/// Fetches `url` and validates it as a corpus; errors are sentences for the error panel.
pub async fn load_corpus(url: &str) -> Result<Loaded, String> {
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
    let text = response
        .text()
        .await
        .map_err(|e| format!("Could not read {url}: {e}"))?;
    let mut corpus =
        Corpus::from_json(&text).map_err(|e| format!("{url} is not a valid corpus: {e}"))?;
    derive_missing_quotes(&mut corpus);
    let index = SimpleIndex::new(&corpus.articles);
    Ok(Loaded { corpus, index })
}

/// Extracts the quotes of every article that arrived without any (a corpus from elsewhere, or
/// one ingested before quotes existed).
fn derive_missing_quotes(corpus: &mut Corpus) {
    for article in corpus.articles.iter_mut().filter(|a| a.quotes.is_empty()) {
        article.quotes = lede_quotes::extract_quotes(&article.paragraphs);
    }
}
