//! One job of the worker, free of the browser: dropped files ingested by `lede ingest`'s
//! pipeline and recipe, merged with corpora already loaded (each a pack), indexed and packed.
//! The annotation between parsing and indexing can run here ([`Parsed::annotate_here`]) or in
//! batches elsewhere (the pool of annotation workers: [`Parsed::batches`], [`annotate_batch`],
//! [`Parsed::put_batch`]); either way the result is the same.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use lede_corpus::{Article, Corpus};
use lede_entities::Tagger;
use lede_ingest::{ingest_files, IngestOptions, Ingested, Progress, Stage};
use lede_search::pack::{read_pack, write_pack};
use lede_search::Index;

/// What a job gives back.
pub struct Output {
    /// The corpus to explore (the packs given and the new files), as a pack; `None` when it is
    /// the new files' alone, `own` (one pack, not two copies of it: see [`Output::explore`]).
    pub merged: Option<Vec<u8>>,
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
    let parts = read_parts(packs, &tagger)?;
    let mut parsed = (!files.is_empty()).then(|| parse(files, progress));
    if let Some(parsed) = &mut parsed {
        let total = parsed.todo.len() as u64;
        if let Some(p) = progress {
            p.start(Stage::Annotate, total);
        }
        parsed.annotate_here(&tagger, |_| {
            if let Some(p) = progress {
                p.advance(1);
            }
        });
        if let Some(p) = progress {
            p.finish();
        }
    }
    complete(parts, parsed)
}

/// The corpora of `packs` (packs or corpus JSON), each given what it lacks by
/// `lede_annotate::fill_missing` with `tagger`.
pub fn read_parts(packs: &[Vec<u8>], tagger: &Tagger) -> Result<Vec<Corpus>, String> {
    let mut parts = Vec::new();
    for (i, bytes) in packs.iter().enumerate() {
        let mut corpus =
            read_corpus(bytes).map_err(|e| format!("collection {} is not readable: {e}", i + 1))?;
        // What a corpus from elsewhere lacks is annotated by the app's recipe for it.
        lede_annotate::fill_missing(&mut corpus, Some(tagger));
        parts.push(corpus);
    }
    Ok(parts)
}

/// Dropped files read and parsed by the ingest pipeline, not yet annotated.
pub struct Parsed {
    /// The pipeline's outcome, its annotate hook having only noted which articles want it.
    ingested: Ingested,
    /// The articles (indices into `ingested.articles`, in order) the annotate step is for.
    pub todo: Vec<usize>,
}

/// Runs the ingest pipeline over `files` (as [`run`] does) up to the annotate step: `progress`
/// hears of reading and parsing only, and the articles the step is for are noted.
pub fn parse(files: &[(PathBuf, Vec<u8>)], progress: Option<&dyn Progress>) -> Parsed {
    // Ids are unique after the pipeline's id checks, so an id names the article to annotate.
    // (The hook is `'static`, so it owns its share of the note.)
    let wanted = Arc::new(Mutex::new(HashSet::new()));
    let noted = Arc::clone(&wanted);
    let note = move |article: &mut Article| {
        noted
            .lock()
            .expect("the note of articles to annotate")
            .insert(article.id.clone());
    };
    let parsing = progress.map(|inner| ParseOnly {
        inner,
        parsing: AtomicBool::new(false),
    });
    let options = IngestOptions {
        annotate: Some(&note),
        progress: parsing.as_ref().map(|p| p as &dyn Progress),
        ..IngestOptions::default()
    };
    let ingested = ingest_files(files, &options);
    let wanted = std::mem::take(&mut *wanted.lock().expect("the note of articles to annotate"));
    let todo = (0..ingested.articles.len())
        .filter(|&i| wanted.contains(&ingested.articles[i].id))
        .collect();
    Parsed { ingested, todo }
}

/// Passes on the read/parse stage's progress and nothing of the annotate stage (the hook that
/// runs there only takes note; the real annotation tells its own progress).
struct ParseOnly<'a> {
    inner: &'a dyn Progress,
    /// True while the read/parse stage runs.
    parsing: AtomicBool,
}

impl Progress for ParseOnly<'_> {
    fn start(&self, stage: Stage, total: u64) {
        let parsing = stage == Stage::ReadParse;
        self.parsing.store(parsing, Ordering::Relaxed);
        if parsing {
            self.inner.start(stage, total);
        }
    }

    fn advance(&self, n: u64) {
        if self.parsing.load(Ordering::Relaxed) {
            self.inner.advance(n);
        }
    }

    fn finish(&self) {
        if self.parsing.load(Ordering::Relaxed) {
            self.inner.finish();
        }
    }
}

impl Parsed {
    /// Annotates every article of [`Parsed::todo`] here, one after the other, calling `done`
    /// with each article's index when it is annotated.
    pub fn annotate_here(&mut self, tagger: &Tagger, mut done: impl FnMut(usize)) {
        for &i in &self.todo {
            lede_annotate::annotate_article(&mut self.ingested.articles[i], tagger);
            done(i);
        }
    }

    /// [`Parsed::todo`] cut into about `pieces` batches of about equal text (each at least one
    /// article), in order.
    pub fn batches(&self, pieces: usize) -> Vec<Vec<usize>> {
        let chars = |i: usize| -> usize {
            let a = &self.ingested.articles[i];
            a.paragraphs.iter().map(String::len).sum::<usize>() + 1
        };
        let total: usize = self.todo.iter().map(|&i| chars(i)).sum();
        let target = total.div_ceil(pieces.max(1)).max(1);
        let mut out = Vec::new();
        let mut batch = Vec::new();
        let mut size = 0;
        for &i in &self.todo {
            batch.push(i);
            size += chars(i);
            if size >= target {
                out.push(std::mem::take(&mut batch));
                size = 0;
            }
        }
        if !batch.is_empty() {
            out.push(batch);
        }
        out
    }

    /// The articles of `batch` as JSON, for [`annotate_batch`] elsewhere.
    pub fn batch_json(&self, batch: &[usize]) -> Vec<u8> {
        let articles: Vec<&Article> = batch.iter().map(|&i| &self.ingested.articles[i]).collect();
        serde_json::to_vec(&articles).expect("articles serialise to JSON")
    }

    /// Puts the annotated articles of `batch` (the JSON [`annotate_batch`] gave for it) in
    /// their places. An answer that is not that batch annotated is an error.
    pub fn put_batch(&mut self, batch: &[usize], json: &[u8]) -> Result<(), String> {
        let annotated: Vec<Article> = serde_json::from_slice(json)
            .map_err(|e| format!("an annotated batch is not readable: {e}"))?;
        if annotated.len() != batch.len() {
            return Err(format!(
                "an annotated batch has {} articles where {} were sent",
                annotated.len(),
                batch.len()
            ));
        }
        for (&i, article) in batch.iter().zip(annotated) {
            let place = &mut self.ingested.articles[i];
            if place.id != article.id {
                return Err(format!(
                    "an annotated batch gave article {} where {} was sent",
                    article.id, place.id
                ));
            }
            *place = article;
        }
        Ok(())
    }
}

/// A batch of articles as JSON (from [`Parsed::batch_json`]) annotated by the per-article step
/// of the recipe, as JSON again.
pub fn annotate_batch(json: &[u8], tagger: &Tagger) -> Result<Vec<u8>, String> {
    let mut articles: Vec<Article> =
        serde_json::from_slice(json).map_err(|e| format!("a batch is not readable: {e}"))?;
    for article in &mut articles {
        lede_annotate::annotate_article(article, tagger);
    }
    serde_json::to_vec(&articles).map_err(|e| e.to_string())
}

/// The end of a job: the report of `parsed` (the new files, annotated), their corpus after the
/// corpus step, then `parts` first and the new articles after them, indexed and packed.
pub fn complete(mut parts: Vec<Corpus>, parsed: Option<Parsed>) -> Result<Output, String> {
    let mut own = None;
    let mut report = None;
    let mut files_in: Vec<(String, usize)> = Vec::new();
    if let Some(Parsed { mut ingested, .. }) = parsed {
        for source in &ingested.sources {
            let file = source.file.to_string_lossy();
            match files_in.last_mut() {
                Some((last, n)) if *last == file => *n += 1,
                _ => files_in.push((file.into_owned(), 1)),
            }
        }
        // The report counts the articles, so it is written before they move into the corpus.
        let document = ingested.document(Default::default(), Default::default());
        report = Some(serde_json::to_string(&document).map_err(|e| e.to_string())?);
        let mut corpus = Corpus::new(std::mem::take(&mut ingested.articles));
        lede_annotate::finish(&mut corpus, ingested.annotated_all);
        own = Some(corpus);
    }
    let own_pack = match &own {
        Some(corpus) => Some(pack(corpus)?),
        None => None,
    };
    let (merged, articles) = match (parts.is_empty(), own) {
        (true, Some(own)) => (None, own.articles.len()),
        (_, own) => {
            parts.extend(own);
            let merged = merge(parts);
            (Some(pack(&merged)?), merged.articles.len())
        }
    };
    Ok(Output {
        merged,
        own: own_pack,
        report,
        files_in,
        articles,
    })
}

impl Output {
    /// The pack to explore: the merged one, or the new files' alone.
    pub fn explore(&self) -> &[u8] {
        self.merged
            .as_deref()
            .or(self.own.as_deref())
            .expect("a job has files or packs")
    }
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
        let (corpus, index) = read_pack(out.explore()).unwrap();
        assert_eq!(out.articles, corpus.articles.len());
        assert_eq!(corpus.articles.len(), 1);
        assert!(index.fits(&corpus));
        let article = &corpus.articles[0];
        assert_eq!(article.quotes.len(), 1, "the quotation is extracted");
        assert!(!article.entities.is_empty(), "entities are tagged");
        assert!(
            out.merged.is_none(),
            "alone, the own pack is the one explored"
        );
        assert_eq!(out.own.as_deref(), Some(out.explore()));
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
        let (corpus, index) = read_pack(out.explore()).unwrap();
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
        let (corpus, index) = read_pack(out.explore()).unwrap();
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

    /// More articles than batches: the seed-like article under several ids and titles, and a
    /// Lede-format record that passes through with the quote it has.
    fn many_files() -> Vec<(PathBuf, Vec<u8>)> {
        let mut files = files();
        for n in 0..7 {
            let text = SEED_LIKE
                .replace("New Quay", &format!("Quay number {n}"))
                .replace("Lina Okafor", &format!("Lina Okafor{n}"));
            files.push((format!("drop/quay-{n}.txt").into(), text.into_bytes()));
        }
        let kept = r#"{"format": "lede-corpus", "version": 1, "articles": [{"id": "kept",
            "title": "Kept", "paragraphs": ["He said \"yes\" today."],
            "quotes": [{"paragraph": 0, "start": 9, "end": 12, "text": "yes"}]}]}"#;
        files.push(("drop/kept.json".into(), kept.as_bytes().to_vec()));
        files
    }

    #[test]
    fn batches_annotated_elsewhere_give_what_annotating_here_gives() {
        let tagger = Tagger::bundled();
        let here = run(&many_files(), &[], Tagger::bundled(), None).unwrap();
        for pieces in [1, 3, 100] {
            let mut parsed = parse(&many_files(), None);
            let batches = parsed.batches(pieces);
            let sent: Vec<usize> = batches.concat();
            assert_eq!(sent, parsed.todo, "every article once, in order ({pieces})");
            assert!(batches.len() <= pieces.max(1) && batches.iter().all(|b| !b.is_empty()));
            for batch in &batches {
                let answer = annotate_batch(&parsed.batch_json(batch), &tagger).unwrap();
                parsed.put_batch(batch, &answer).unwrap();
            }
            let pooled = complete(Vec::new(), Some(parsed)).unwrap();
            assert_eq!(
                untimed(&pooled.report),
                untimed(&here.report),
                "the same report ({pieces})"
            );
            assert_eq!(pooled.files_in, here.files_in);
            let (a, _) = read_pack(pooled.explore()).unwrap();
            let (b, _) = read_pack(here.explore()).unwrap();
            assert_eq!(
                serde_json::to_value(&a).unwrap(),
                serde_json::to_value(&b).unwrap(),
                "the same articles, quotes and entities ({pieces})"
            );
            assert_eq!(pooled.explore(), here.explore(), "the same pack ({pieces})");
        }
        let (corpus, _) = read_pack(here.explore()).unwrap();
        let quoted = corpus
            .articles
            .iter()
            .filter(|a| !a.quotes.is_empty())
            .count();
        assert_eq!(
            quoted, 9,
            "the seed-like articles are annotated, the kept one has its own"
        );
        let kept = corpus.articles.iter().find(|a| a.id == "kept").unwrap();
        assert_eq!(
            kept.quotes[0].text, "yes",
            "the kept article keeps its quote"
        );
        assert!(
            !corpus.is_annotated("quotes"),
            "one article kept what it came with"
        );
    }

    /// A report without its timings (natively they are real, so they differ run to run).
    fn untimed(report: &Option<String>) -> serde_json::Value {
        let mut value: serde_json::Value =
            serde_json::from_str(report.as_deref().unwrap()).unwrap();
        value.as_object_mut().unwrap().remove("timings_ms");
        value
    }

    #[test]
    fn the_note_of_what_to_annotate_leaves_out_what_passes_through() {
        let parsed = parse(&many_files(), None);
        let ids: Vec<&str> = parsed
            .todo
            .iter()
            .map(|&i| parsed.ingested.articles[i].id.as_str())
            .collect();
        assert_eq!(parsed.ingested.articles.len(), 9);
        assert_eq!(ids.len(), 8);
        assert!(!ids.contains(&"kept"));
    }

    #[test]
    fn a_wrong_answer_for_a_batch_is_an_error() {
        let mut parsed = parse(&many_files(), None);
        let batches = parsed.batches(3);
        let other = parsed.batch_json(&batches[1]);
        let err = parsed.put_batch(&batches[0], &other).unwrap_err();
        assert!(err.contains("where"), "{err}");
        let err = parsed.put_batch(&batches[0], b"[1, 2").unwrap_err();
        assert!(err.contains("not readable"), "{err}");
        assert!(annotate_batch(b"{", &Tagger::bundled()).is_err());
    }
}
