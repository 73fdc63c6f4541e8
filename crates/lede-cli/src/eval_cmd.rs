//! `lede eval`: score the extractors and the search engine against gold standards and print a
//! table or JSON; make known-item query files and score any engine's ranked results on them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Subcommand;
use lede_eval::{entities, known_item, polnear, quotes, search};

/// What `lede eval` scores.
#[derive(Subcommand)]
pub enum EvalTarget {
    /// Direct quotations and their speakers against PolNeAR.
    Quotes {
        /// PolNeAR's `data` folder (holding train/, dev/, test/).
        #[arg(long)]
        polnear: PathBuf,
        /// Which split: train, dev or test.
        #[arg(long, default_value = "dev")]
        split: String,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
        /// Choose speakers by the hand-ordered rules instead of the bundled ranker (the
        /// baseline the ranker is measured against).
        #[arg(long)]
        hand_rules: bool,
    },
    /// Named entities against a CoNLL-2003 file (exact spans, per type and micro over
    /// PER/ORG/LOC).
    Entities {
        /// The CoNLL file, e.g. ../shared/corpora/conll2003/eng.testb.
        #[arg(long)]
        conll: PathBuf,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Known-item search: MRR@10 and found@10 per query kind for a query file (the format of
    /// bench/queries), natively, with the queries whose target did not come first.
    Search {
        /// The corpus JSON (from `lede ingest`).
        #[arg(long)]
        corpus: PathBuf,
        /// The query file: {"queries": [{"q", "target", "kind"}]}.
        #[arg(long)]
        queries: PathBuf,
        /// A stored index of the corpus (`lede ingest --index`); built here when left out.
        #[arg(long)]
        index: Option<PathBuf>,
        /// How many of the queries whose target did not come first to list.
        #[arg(long, default_value_t = 20)]
        misses: usize,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Known-item queries from a corpus: title words, title words with one typo, title words
    /// with the last word cut, three rare body words with one typo; the same corpus and seed
    /// give the same file ({"queries": [{"q", "target", "kind"}]}, one query per line).
    MakeQueries {
        /// The corpus JSON (from `lede ingest`).
        #[arg(long)]
        corpus: PathBuf,
        /// The query file to write.
        #[arg(long)]
        out: PathBuf,
        /// Queries of each kind.
        #[arg(long, default_value_t = 100)]
        per_kind: usize,
        /// The seed of the draw.
        #[arg(long, default_value_t = 6)]
        seed: u32,
    },
    /// MRR@10 and found@10 per kind of ranked results that engines returned for a query file
    /// (what `bench/run` does with each engine's results).
    Score {
        /// The query file.
        #[arg(long)]
        queries: PathBuf,
        /// The results: {"engines": {NAME: [{"query": POSITION IN THE FILE, "ranked": [ID, …]}]}}.
        #[arg(long)]
        runs: PathBuf,
        /// Print the scores as JSON: {"engines": {NAME: {"overall", "kinds", "ranks", "not_first"}}}.
        #[arg(long)]
        json: bool,
    },
}

/// Runs `lede eval …`.
pub fn eval(target: EvalTarget) -> ExitCode {
    match target {
        EvalTarget::Quotes {
            polnear,
            split,
            json,
            hand_rules,
        } => eval_quotes(&polnear, &split, json, hand_rules),
        EvalTarget::Entities { conll, json } => eval_entities(&conll, json),
        EvalTarget::Search {
            corpus,
            queries,
            index,
            misses,
            json,
        } => match eval_search(&corpus, &queries, index.as_deref(), misses, json) {
            Ok(code) => code,
            Err(e) => failed(&e),
        },
        EvalTarget::MakeQueries {
            corpus,
            out,
            per_kind,
            seed,
        } => make_queries(&corpus, &out, per_kind, seed).unwrap_or_else(|e| failed(&e)),
        EvalTarget::Score {
            queries,
            runs,
            json,
        } => score_runs(&queries, &runs, json).unwrap_or_else(|e| failed(&e)),
    }
}

fn failed(e: &str) -> ExitCode {
    eprintln!("error: {e}");
    ExitCode::FAILURE
}

fn read_corpus(path: &Path) -> Result<lede_corpus::Corpus, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    lede_corpus::Corpus::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn make_queries(
    corpus_path: &Path,
    out: &Path,
    per_kind: usize,
    seed: u32,
) -> Result<ExitCode, String> {
    let corpus = read_corpus(corpus_path)?;
    let queries = known_item::generate(&corpus, per_kind, seed);
    let name = corpus_path
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    let text = known_item::format_query_set(
        &[
            (
                "generated_by",
                format!("lede eval make-queries --per-kind {per_kind} --seed {seed}").into(),
            ),
            ("corpus", name.into()),
            ("articles", corpus.articles.len().into()),
        ],
        &queries,
    );
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(out, text).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    let counts: Vec<String> = known_item::KINDS
        .iter()
        .map(|k| format!("{k} {}", queries.iter().filter(|q| q.kind == *k).count()))
        .collect();
    eprintln!(
        "make-queries: {} queries ({}) -> {}",
        queries.len(),
        counts.join(", "),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The results file of `lede eval score`.
#[derive(serde::Deserialize)]
struct Runs {
    engines: BTreeMap<String, Vec<known_item::Ranked>>,
}

fn score_runs(queries_path: &Path, runs_path: &Path, json: bool) -> Result<ExitCode, String> {
    let set = known_item::read_queries(queries_path)?;
    let text = std::fs::read_to_string(runs_path)
        .map_err(|e| format!("cannot read {}: {e}", runs_path.display()))?;
    let runs: Runs =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", runs_path.display()))?;
    let mut engines = BTreeMap::new();
    for (name, ranked) in &runs.engines {
        let scores = known_item::score(&set, ranked)
            .map_err(|e| format!("{}: {name}: {e}", runs_path.display()))?;
        engines.insert(name.as_str(), scores);
    }
    if json {
        return Ok(print_json(&serde_json::json!({ "engines": engines })));
    }
    println!(
        "{:<12} {:>7} {:>7} {:>9}",
        "engine", "queries", "MRR@10", "found@10"
    );
    for (name, s) in &engines {
        println!(
            "{name:<12} {:>7} {:>7.3} {:>9.3}",
            s.overall.queries, s.overall.mrr10, s.overall.found10
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn eval_search(
    corpus_path: &Path,
    queries_path: &Path,
    index_path: Option<&Path>,
    misses: usize,
    json: bool,
) -> Result<ExitCode, String> {
    let corpus = read_corpus(corpus_path)?;
    let set = known_item::read_queries(queries_path)?;
    let index = match index_path {
        Some(path) => {
            let bytes =
                std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let index = lede_search::Index::from_bytes(&bytes)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            if !index.fits(&corpus) {
                return Err(format!(
                    "{} was built from another corpus than {}",
                    path.display(),
                    corpus_path.display()
                ));
            }
            index
        }
        None => lede_search::Index::build(&corpus),
    };
    let scores = search::score(&corpus, &index, &set)
        .map_err(|e| format!("{}: {e}", queries_path.display()))?;
    if json {
        return Ok(print_json(&scores));
    }
    println!(
        "{}: {} queries on {} articles; search p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms",
        queries_path.display(),
        scores.overall.queries,
        corpus.articles.len(),
        scores.p50_ms,
        scores.p95_ms,
        scores.max_ms
    );
    println!(
        "{:<10} {:>7} {:>7} {:>9} {:>7}",
        "kind", "queries", "MRR@10", "found@10", "p50 ms"
    );
    for (kind, s) in scores
        .kinds
        .iter()
        .map(|(k, s)| (k.as_str(), s))
        .chain([("overall", &scores.overall)])
    {
        println!(
            "{kind:<10} {:>7} {:>7.3} {:>9.3} {:>7.3}",
            s.queries, s.mrr10, s.found10, s.p50_ms
        );
    }
    if misses > 0 && !scores.not_first.is_empty() {
        println!(
            "\n{} of {} queries did not find their target first; the first {}:",
            scores.not_first.len(),
            scores.overall.queries,
            misses.min(scores.not_first.len())
        );
        for m in scores.not_first.iter().take(misses) {
            let rank = m.rank.map_or("-".to_string(), |r| r.to_string());
            println!(
                "- [{}] {:?}: rank {rank}, target {:?}; first {:?}",
                m.kind,
                m.q,
                m.target_title,
                m.first_title.as_deref().unwrap_or("")
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn eval_entities(path: &std::path::Path, json: bool) -> ExitCode {
    let tagger = lede_entities::Tagger::bundled();
    let scores = match entities::evaluate_conll(path, &tagger) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if json {
        return print_json(&scores);
    }
    println!(
        "{}: {} sentences, {} tokens, {:.0} tokens/s",
        path.display(),
        scores.sentences,
        scores.tokens,
        scores.tokens_per_second
    );
    println!(
        "{:<18} {:>9} {:>9} {:>9}",
        "type", "precision", "recall", "F1"
    );
    for (name, s) in [
        ("PER", &scores.per),
        ("ORG", &scores.org),
        ("LOC", &scores.loc),
        ("MISC", &scores.misc),
        ("micro PER/ORG/LOC", &scores.micro_per_org_loc),
    ] {
        println!(
            "{name:<18} {:>9.3} {:>9.3} {:>9.3}",
            s.precision, s.recall, s.f1
        );
    }
    ExitCode::SUCCESS
}

fn eval_quotes(data: &std::path::Path, split: &str, json: bool, hand_rules: bool) -> ExitCode {
    let articles = match polnear::read_split(data, split) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let started = Instant::now();
    let scores = if hand_rules {
        quotes::score_hand_rules(&articles)
    } else {
        quotes::score(&articles)
    };
    let elapsed = started.elapsed();
    if json {
        return print_json(&scores);
    }
    println!(
        "PolNeAR {split}: {} articles, {} gold direct quotations, {} predicted quotations ({elapsed:.2?} including extraction)",
        articles.len(),
        scores.quotes_gold,
        scores.quotes_found
    );
    println!(
        "{:<12} {:>9} {:>9} {:>9}",
        "match", "precision", "recall", "F1"
    );
    for (name, prf) in [
        ("overlap>=0.3", scores.overlap_03),
        ("overlap>=0.8", scores.overlap_08),
        ("exact", scores.exact),
    ] {
        println!(
            "{name:<12} {:>9.3} {:>9.3} {:>9.3}",
            prf.precision, prf.recall, prf.f1
        );
    }
    println!("speaker accuracy {:.3}", scores.speaker_accuracy);
    println!(
        "\nSpeaker accuracy by confidence ({:.1}% of scored quotations at confidence >= 0.8):",
        100.0 * scores.high_confidence_share
    );
    println!(
        "{:<12} {:>9} {:>9} {:>9}",
        "confidence", "quotes", "right", "accuracy"
    );
    for b in &scores.confidence_bands {
        let band = format!(
            "[{:.2},{:.2}{}",
            b.from,
            b.to,
            if b.to >= 1.0 { "]" } else { ")" }
        );
        println!(
            "{band:<12} {:>9} {:>9} {:>9.3}",
            b.quotes, b.right, b.accuracy
        );
    }
    println!("\nThe 20 worst-found gold quotations:");
    for miss in scores.worst.iter().take(20) {
        println!(
            "- {} (overlap {:.2})\n  gold: {}\n  ours: {}",
            miss.article, miss.overlap, miss.gold, miss.predicted
        );
    }
    if std::env::var_os("LEDE_EVAL_SPEAKERS").is_some() {
        println!("\nWrong speakers:");
        for miss in &scores.wrong_speakers {
            println!(
                "- {}\n  gold: {}\n  ours: {}",
                miss.article, miss.gold, miss.predicted
            );
        }
    }
    if std::env::var_os("LEDE_EVAL_FALSE_POSITIVES").is_some() {
        println!("\nPredicted quotations touching no gold content:");
        for miss in &scores.false_positives {
            println!("- {}\n  ours: {}", miss.article, miss.predicted);
        }
    }
    ExitCode::SUCCESS
}

/// Prints scores as pretty JSON.
fn print_json(scores: &impl serde::Serialize) -> ExitCode {
    println!(
        "{}",
        serde_json::to_string_pretty(scores).expect("scores serialise")
    );
    ExitCode::SUCCESS
}
