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
    /// What filling the corpora given left out, each naming its article.
    pub warnings: Vec<String>,
    /// What the page's console should hear: a stored index that did not fit, rebuilt.
    pub notes: Vec<String>,
}

/// Ingests `files` (each `(path, bytes)`, as if named to `lede ingest`), annotating with
/// `tagger` as the CLI does, then puts the corpora of `packs` (packs or corpus JSON, each
/// given what it lacks by `lede_annotate::fill_missing`) first and the new articles after them
/// (an id already taken gets `-2`, `-3`, …) and indexes the whole. Errors are sentences. (The
/// worker runs these steps itself, between messages; this is the job in one call, for tests.)
#[cfg(test)]
pub fn run(
    files: &[(PathBuf, Vec<u8>)],
    packs: &[Vec<u8>],
    tagger: Tagger,
    progress: Option<&dyn Progress>,
) -> Result<Output, String> {
    let mut parts = Parts {
        corpora: read_parts(packs, &[])?,
        ..Parts::default()
    };
    parts.fill(Some(&tagger));
    let mut parsed = (!files.is_empty()).then(|| parse(files, progress));
    if let Some(parsed) = &mut parsed {
        parsed.annotate_with_progress(&tagger, progress);
    }
    complete(parts, parsed)
}

/// The corpora a job was given, as they are read and filled, with what filling left out and
/// the stored index of a lone corpus.
#[derive(Default)]
pub struct Parts {
    /// The corpora, in the order given.
    pub corpora: Vec<Corpus>,
    /// What filling them left out, each naming its article.
    pub warnings: Vec<String>,
    /// The search index stored beside a lone corpus (`lede ingest --index`), used when it fits
    /// what the job puts together; otherwise the index is built.
    pub index: Option<Index>,
}

impl Parts {
    /// True when some corpus lacks annotations that need the entity model.
    pub fn want_model(&self) -> bool {
        self.corpora.iter().any(lede_annotate::lacks_annotations)
    }

    /// Gives each corpus what it lacks by `lede_annotate::fill_missing` with `tagger` (quotes
    /// only without one), except the articles with a paragraph too long to annotate in the
    /// browser, which are kept as they are, each named in [`Parts::warnings`].
    pub fn fill(&mut self, tagger: Option<&Tagger>) {
        for corpus in &mut self.corpora {
            if !lede_annotate::lacks_annotations(corpus) {
                continue;
            }
            let (aside, warnings) = set_aside_oversized(corpus);
            self.warnings.extend(warnings);
            lede_annotate::fill_missing(corpus, tagger);
            for (i, article) in aside {
                corpus.articles.insert(i, article);
            }
        }
    }
}

/// The corpora of `packs` (packs or corpus JSON, told apart by their first bytes), checked;
/// an error names the corpus by its entry of `names` (a URL), or as "collection N".
pub fn read_parts(packs: &[Vec<u8>], names: &[String]) -> Result<Vec<Corpus>, String> {
    let mut parts = Vec::new();
    for (i, bytes) in packs.iter().enumerate() {
        let corpus = match names.get(i) {
            Some(name) => read_corpus(bytes, name)?,
            None => read_corpus(bytes, &format!("collection {}", i + 1))?,
        };
        parts.push(corpus);
    }
    Ok(parts)
}

/// The longest paragraph the browser annotates, in bytes: extraction over a 10 MB paragraph
/// takes half a minute, so longer ones are left to `lede ingest`, with a warning.
pub const MAX_ANNOTATED_PARAGRAPH_BYTES: usize = 200_000;

/// Takes out of `corpus` the articles that still need annotating and hold a paragraph longer
/// than [`MAX_ANNOTATED_PARAGRAPH_BYTES`], with their places and a warning naming each.
fn set_aside_oversized(corpus: &mut Corpus) -> (Vec<(usize, Article)>, Vec<String>) {
    let oversized: Vec<(usize, usize, usize)> = corpus
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| a.quotes.is_empty() || a.entities.is_empty())
        .filter_map(|(i, a)| {
            let (p, len) =
                (a.paragraphs.iter().map(str::len).enumerate()).max_by_key(|&(_, len)| len)?;
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

    /// [`Parsed::annotate_here`] telling `progress` of the annotate stage.
    pub fn annotate_with_progress(&mut self, tagger: &Tagger, progress: Option<&dyn Progress>) {
        if let Some(p) = progress {
            p.start(Stage::Annotate, self.todo.len() as u64);
        }
        self.annotate_here(tagger, |_| {
            if let Some(p) = progress {
                p.advance(1);
            }
        });
        if let Some(p) = progress {
            p.finish();
        }
    }

    /// [`Parsed::todo`] cut into about `pieces` batches of about equal text (each at least one
    /// article), in order.
    pub fn batches(&self, pieces: usize) -> Vec<Vec<usize>> {
        let chars = |i: usize| -> usize {
            let a = &self.ingested.articles[i];
            a.paragraphs.text_len() + 1
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
pub fn complete(parts: Parts, parsed: Option<Parsed>) -> Result<Output, String> {
    let Parts {
        corpora: mut parts,
        warnings,
        index,
    } = parts;
    let mut own = None;
    let mut report = None;
    let mut notes = Vec::new();
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
        Some(corpus) => Some(pack(corpus, None)?),
        None => None,
    };
    let (merged, articles) = match (parts.is_empty(), own) {
        (true, Some(own)) => (None, own.articles.len()),
        (_, own) => {
            parts.extend(own);
            let merged = merge(parts);
            if index.as_ref().is_some_and(|i| !i.fits(&merged)) {
                notes.push(
                    "the stored search index was built from another corpus; building the index"
                        .to_string(),
                );
            }
            (Some(pack(&merged, index)?), merged.articles.len())
        }
    };
    Ok(Output {
        merged,
        own: own_pack,
        report,
        files_in,
        articles,
        warnings,
        notes,
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

/// A corpus from a pack or from corpus JSON (told apart by the first bytes), checked; errors
/// are sentences naming it `name`.
fn read_corpus(bytes: &[u8], name: &str) -> Result<Corpus, String> {
    if lede_search::pack::is_pack(bytes) {
        return read_pack(bytes)
            .map(|(corpus, _)| corpus)
            .map_err(|e| format!("{name} is not a valid Lede pack: {e}"));
    }
    let invalid = |e: lede_corpus::CorpusError| format!("{name} is not a valid corpus: {e}");
    let mut reader = lede_corpus::CorpusReader::new();
    reader.push(bytes).map_err(invalid)?;
    reader.finish().map_err(invalid)
}

/// The corpus and its index as a pack: `stored` when it fits the corpus, else one built here.
fn pack(corpus: &Corpus, stored: Option<Index>) -> Result<Vec<u8>, String> {
    match stored.filter(|i| i.fits(corpus)) {
        Some(index) => write_pack(corpus, &index),
        None => write_pack(corpus, &Index::build(corpus)),
    }
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
mod tests;
