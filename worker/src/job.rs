//! One job of the worker, free of the browser: dropped files ingested by `lede ingest`'s
//! pipeline and recipe, merged with corpora already loaded (each a pack), indexed and packed.

use std::path::PathBuf;

use lede_corpus::{Article, Corpus};
use lede_entities::Tagger;
use lede_ingest::{ingest_files, IngestOptions, Progress};
use lede_search::pack::{read_pack, write_pack};
use lede_search::Index;

/// What a job gives back.
pub struct Output {
    /// The corpus to explore (the packs given and the new files), as a pack.
    pub explore: Vec<u8>,
    /// The new files' corpus alone, as a pack (the collection to keep); `None` without files.
    pub own: Option<Vec<u8>>,
    /// The ingest report (`lede ingest --report`'s JSON); `None` without files.
    pub report: Option<String>,
    /// Each file that gave articles, with how many, in input order; empty without files.
    pub files_in: Vec<(String, usize)>,
    /// Articles in the corpus to explore.
    pub articles: usize,
}

/// Ingests `files` (each `(path, bytes)`, as if named to `lede ingest`), annotating with
/// `tagger` as the CLI does, then puts the corpora of `packs` (packs or corpus JSON, each
/// given what it lacks by `lede_annotate::fill_missing`) first and the new articles after them
/// (an id already taken gets `-2`, `-3`, …) and indexes the whole. Errors are sentences.
pub fn run(
    files: &[(PathBuf, Vec<u8>)],
    packs: &[Vec<u8>],
    tagger: Tagger,
    progress: Option<&dyn Progress>,
) -> Result<Output, String> {
    let mut parts = Vec::new();
    for (i, bytes) in packs.iter().enumerate() {
        let mut corpus =
            read_corpus(bytes).map_err(|e| format!("collection {} is not readable: {e}", i + 1))?;
        // What a corpus from elsewhere lacks is annotated by the app's recipe for it.
        lede_annotate::fill_missing(&mut corpus, Some(&tagger));
        parts.push(corpus);
    }
    let mut own = None;
    let mut report = None;
    let mut files_in: Vec<(String, usize)> = Vec::new();
    if !files.is_empty() {
        let annotate =
            move |article: &mut Article| lede_annotate::annotate_article(article, &tagger);
        let options = IngestOptions {
            annotate: Some(&annotate),
            progress,
            ..IngestOptions::default()
        };
        let mut result = ingest_files(files, &options);
        for source in &result.sources {
            let file = source.file.to_string_lossy();
            match files_in.last_mut() {
                Some((last, n)) if *last == file => *n += 1,
                _ => files_in.push((file.into_owned(), 1)),
            }
        }
        // The report counts the articles, so it is written before they move into the corpus.
        let document = result.document(Default::default(), Default::default());
        report = Some(serde_json::to_string(&document).map_err(|e| e.to_string())?);
        let mut corpus = Corpus::new(std::mem::take(&mut result.articles));
        lede_annotate::finish(&mut corpus, result.annotated_all);
        own = Some(corpus);
    }
    let own_pack = match &own {
        Some(corpus) => Some(pack(corpus)?),
        None => None,
    };
    let (explore, articles) = match (parts.is_empty(), own, &own_pack) {
        (true, Some(own), Some(bytes)) => (bytes.clone(), own.articles.len()),
        (_, own, _) => {
            parts.extend(own);
            let merged = merge(parts);
            (pack(&merged)?, merged.articles.len())
        }
    };
    Ok(Output {
        explore,
        own: own_pack,
        report,
        files_in,
        articles,
    })
}

/// A corpus from a pack or from corpus JSON (told apart by the first bytes), checked.
fn read_corpus(bytes: &[u8]) -> Result<Corpus, String> {
    if lede_search::pack::is_pack(bytes) {
        return read_pack(bytes).map(|(corpus, _)| corpus);
    }
    let mut reader = lede_corpus::CorpusReader::new();
    reader.push(bytes).map_err(|e| e.to_string())?;
    reader.finish().map_err(|e| e.to_string())
}

/// The corpus and its index as a pack.
fn pack(corpus: &Corpus) -> Result<Vec<u8>, String> {
    write_pack(corpus, &Index::build(corpus))
}

/// The articles of `parts` in order as one corpus: ids made unique (a later article whose id
/// is taken gets the first free `ID-N`), one kind per entity name across the whole, marked
/// annotated when every part was.
pub fn merge(parts: Vec<Corpus>) -> Corpus {
    let annotated = !parts.is_empty()
        && parts
            .iter()
            .all(|c| c.is_annotated("quotes") && c.is_annotated("entities"));
    let mut taken = std::collections::HashSet::new();
    let mut articles = Vec::new();
    for part in parts {
        for mut article in part.articles {
            if !taken.insert(article.id.clone()) {
                let base = article.id.clone();
                let mut n = 2;
                while !taken.insert(format!("{base}-{n}")) {
                    n += 1;
                }
                article.id = format!("{base}-{n}");
            }
            articles.push(article);
        }
    }
    let mut corpus = Corpus::new(articles);
    lede_annotate::finish(&mut corpus, annotated);
    corpus
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_LIKE: &str = "Editor in Chief: Ana Petrov Tuesday, March 5th, 2024\n\n\
        Harbour Council Votes for New Quay\n\n\
        VELMORA - The harbour council voted on Monday to build a new quay.\n\
        “It is overdue,” Mayor Lina Okafor said. (VNA)\n";

    fn files() -> Vec<(PathBuf, Vec<u8>)> {
        vec![
            ("drop/quay.txt".into(), SEED_LIKE.as_bytes().to_vec()),
            (
                "drop/junk.bin".into(),
                vec![0x89, b'P', b'N', b'G', 0, 0, 0],
            ),
        ]
    }

    #[test]
    fn files_are_ingested_annotated_and_reported_like_the_cli() {
        let out = run(&files(), &[], Tagger::bundled(), None).unwrap();
        let (corpus, index) = read_pack(&out.explore).unwrap();
        assert_eq!(out.articles, corpus.articles.len());
        assert_eq!(corpus.articles.len(), 1);
        assert!(index.fits(&corpus));
        let article = &corpus.articles[0];
        assert_eq!(article.quotes.len(), 1, "the quotation is extracted");
        assert!(!article.entities.is_empty(), "entities are tagged");
        assert_eq!(out.own.as_deref(), Some(out.explore.as_slice()));
        let report: serde_json::Value = serde_json::from_str(&out.report.unwrap()).unwrap();
        assert_eq!(report["read"], 2);
        assert_eq!(report["ingested"], 1);
        assert_eq!(report["rejected"], 1);
        assert_eq!(out.files_in, vec![("drop/quay.txt".to_string(), 1)]);
        let entries = report["entries"].as_array().unwrap();
        assert!(entries.iter().any(|e| e.to_string().contains("junk.bin")));
    }

    #[test]
    fn a_bare_corpus_gets_its_quotes_and_entities() {
        let bare = format!(
            r#"{{"articles": [{{"id": "quay", "title": "Quay", "paragraphs": {}}}]}}"#,
            serde_json::to_string(&SEED_LIKE.lines().skip(4).collect::<Vec<_>>()).unwrap()
        );
        let out = run(&[], &[bare.into_bytes()], Tagger::bundled(), None).unwrap();
        let (corpus, index) = read_pack(&out.explore).unwrap();
        assert!(out.own.is_none() && out.report.is_none());
        assert_eq!(corpus.articles[0].quotes.len(), 1);
        assert!(!corpus.articles[0].entities.is_empty());
        assert!(index.fits(&corpus));
    }

    #[test]
    fn merged_corpora_keep_every_article_with_unique_ids() {
        let first = run(&files(), &[], Tagger::bundled(), None).unwrap();
        let own = first.own.unwrap();
        // The same files again beside the first collection: every id collides once.
        let out = run(&files(), &[own.clone(), own], Tagger::bundled(), None).unwrap();
        let (corpus, index) = read_pack(&out.explore).unwrap();
        let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
        let base = ids[0];
        assert_eq!(
            ids,
            vec![base.to_string(), format!("{base}-2"), format!("{base}-3")]
        );
        assert!(index.fits(&corpus));
        assert!(corpus.is_annotated("entities"));
        let (own, _) = read_pack(&out.own.unwrap()).unwrap();
        assert_eq!(
            own.articles.len(),
            1,
            "the kept collection is the new files alone"
        );
    }
}
