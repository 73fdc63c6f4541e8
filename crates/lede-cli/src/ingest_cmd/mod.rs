//! `lede ingest`: files in, corpus JSON out, every input accounted for on stderr (and in
//! `--report FILE` as JSON), with progress on stderr; outputs are checked against the inputs
//! before anything is read.

use std::fmt::Display;
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::Args;
use lede_corpus::Corpus;
use lede_ingest::{ingest_paths, Format, IngestOptions, Ingested, Progress};

mod outputs;
mod progress;

use outputs::check_outputs;
use progress::{Bar, Lines, LINE_EVERY};

/// The options of `lede ingest` (declared here once; `main` flattens them into the command).
#[derive(Args)]
pub struct IngestArgs {
    /// Files or directories to read.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Where to write the corpus JSON.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Read every file as this format instead of detecting it.
    #[arg(long, value_parser = format_parser())]
    pub format: Option<Format>,
    /// Drop exact duplicate articles and rename repeated ids instead of rejecting them.
    #[arg(long)]
    pub dedupe: bool,
    /// Extract quotes and entities again for articles already in Lede's format.
    #[arg(long)]
    pub reannotate: bool,
    /// Exit 0 even when some inputs were rejected.
    #[arg(long)]
    pub allow_rejects: bool,
    /// Also write the report (counts, timings, every warning and rejection) as JSON here.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Print the time spent in each stage (read/parse, ids, annotate, write).
    #[arg(long)]
    pub timings: bool,
    /// Also write the search index (binary, for the app to load instead of building it)
    /// here, conventionally beside the corpus as `corpus.index`.
    #[arg(long, value_name = "FILE")]
    pub index: Option<PathBuf>,
    /// Also write a pack here (`corpus.lede`): the corpus as compact bytes and its search
    /// index in one file, which the app loads several times faster than the JSON (point
    /// `data-corpus` at it).
    #[arg(long, value_name = "FILE")]
    pub pack: Option<PathBuf>,
    /// Indent the corpus JSON for reading (the default is compact: smaller, faster to load).
    #[arg(long)]
    pub pretty: bool,
    /// The largest input file to read, in bytes or with a unit (`64MB`, `512KB`, `1GB`;
    /// powers of 1024); a larger file is rejected with its size. Default 64MB.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "64MB")]
    pub max_file_size: u64,
}

/// A size as `12345`, `512KB`, `64MB` or `1GB` (powers of 1024; `K`, `M`, `G` and a final
/// `B` or `iB` also read).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(digits);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a size (write 64MB, 512KB or a number of bytes)"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        other => return Err(format!("unknown size unit `{other}` (use KB, MB or GB)")),
    };
    number
        .checked_mul(1 << shift)
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("`{text}` is not a usable size"))
}

impl IngestArgs {
    /// True when a search index is to be built: for `--index`, `--pack` or both.
    fn writes_index(&self) -> bool {
        self.index.is_some() || self.pack.is_some()
    }
}

/// `--format` values, parsed into [`Format`].
fn format_parser() -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(Format::ALL.map(Format::name))
        .map(|s| s.parse::<Format>().expect("only listed names get here"))
}

/// Runs `lede ingest`.
pub fn ingest(args: &IngestArgs) -> ExitCode {
    let started = Instant::now();
    let mut written: Vec<(&str, &Path)> = vec![("the corpus", args.output.as_path())];
    for (what, path) in [
        ("the report", &args.report),
        ("the index", &args.index),
        ("the pack", &args.pack),
    ] {
        if let Some(path) = path {
            written.push((what, path.as_path()));
        }
    }
    if let Err(e) = check_outputs(&args.paths, &written) {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    let outputs: Vec<PathBuf> = written.iter().map(|(_, p)| p.to_path_buf()).collect();
    let (bar, lines) = if std::io::stderr().is_terminal() {
        (Some(Bar::new()), None)
    } else {
        (None, Some(Lines::new(LINE_EVERY, |l| eprintln!("{l}"))))
    };
    let progress: Option<&dyn Progress> = match (&bar, &lines) {
        (Some(b), _) => Some(b),
        (None, Some(l)) => Some(l),
        (None, None) => None,
    };
    let tagger = lede_entities::Tagger::bundled();
    // The recipe's per-article step, mapped in parallel by lede-ingest; its corpus step below.
    let annotate = move |article: &mut lede_corpus::Article| {
        lede_annotate::annotate_article(article, &tagger);
    };
    let options = IngestOptions {
        format: args.format,
        dedupe: args.dedupe,
        reannotate: args.reannotate,
        annotate: Some(&annotate),
        progress,
        max_file_bytes: Some(args.max_file_size),
        outputs: &outputs,
    };
    let mut result = ingest_paths(&args.paths, &options);
    drop(lines);
    let mut corpus = Corpus::new(std::mem::take(&mut result.articles));
    // One kind, so one id, per entity name across the corpus; the marks.
    lede_annotate::finish(&mut corpus, result.annotated_all);
    print_entries(&result);

    let write_started = Instant::now();
    let ingested = corpus.articles.len();
    if let Err(e) = write_json(&args.output, &corpus, args.pretty) {
        return write_failed(args.output.display(), e);
    }
    let index_started = Instant::now();
    if args.writes_index() {
        let index = lede_search::Index::build(&corpus);
        if let Some(path) = &args.index {
            if let Err(e) = write_bytes(path, &index.to_bytes()) {
                return write_failed(format_args!("the index {}", path.display()), e);
            }
        }
        if let Some(path) = &args.pack {
            let written = lede_search::pack::write_pack(&corpus, &index)
                .and_then(|bytes| write_bytes(path, &bytes).map_err(|e| e.to_string()));
            if let Err(e) = written {
                return write_failed(format_args!("the pack {}", path.display()), e);
            }
        }
    }
    let index_time = index_started.elapsed();
    result.articles = corpus.articles;
    let write = write_started.elapsed() - index_time;
    let elapsed = started.elapsed();

    if let Some(path) = &args.report {
        if let Err(e) = write_json(path, &result.document(elapsed, write), true) {
            return write_failed(format_args!("the report {}", path.display()), e);
        }
    }
    let dropped = if result.dropped > 0 {
        format!(", {} duplicates dropped", result.dropped)
    } else {
        String::new()
    };
    let skipped = if result.skipped > 0 {
        format!(", {} files skipped", result.skipped)
    } else {
        String::new()
    };
    eprintln!(
        "{} read, {ingested} ingested, {} rejected, {} warnings{dropped}{skipped}, {} -> {}",
        result.read,
        result.rejected(),
        result.warnings(),
        seconds(elapsed),
        args.output.display()
    );
    if args.timings {
        let t = result.timings;
        eprintln!(
            "timings: read/parse {}, ids and duplicates {}, annotate (quotes, entities) {}, write {}{}",
            seconds(t.read_parse),
            seconds(t.ids),
            seconds(t.annotate),
            seconds(write),
            if args.writes_index() {
                format!(", search index and pack {}", seconds(index_time))
            } else {
                String::new()
            }
        );
    }
    if result.rejected() > 0 && !args.allow_rejects {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Says on stderr what could not be written and why; exit status 2.
fn write_failed(what: impl Display, error: impl Display) -> ExitCode {
    eprintln!("error: cannot write {what}: {error}");
    ExitCode::from(2)
}

/// Every warning and rejection, one per line, on stderr.
fn print_entries(result: &Ingested) {
    let stderr = std::io::stderr();
    let mut out = BufWriter::new(stderr.lock());
    for entry in &result.report {
        // Nothing sensible to do when stderr is gone.
        let _ = writeln!(out, "{entry}");
    }
    let _ = out.flush();
}

/// Creates `path` for buffered writing, creating its parent folder.
fn create(path: &Path) -> std::io::Result<BufWriter<File>> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    Ok(BufWriter::new(File::create(path)?))
}

/// Writes `value` as JSON (indented when `pretty`) and a final newline, creating the parent
/// folder.
fn write_json<T: serde::Serialize>(path: &Path, value: &T, pretty: bool) -> std::io::Result<()> {
    let mut out = create(path)?;
    if pretty {
        serde_json::to_writer_pretty(&mut out, value)?;
    } else {
        serde_json::to_writer(&mut out, value)?;
    }
    out.write_all(b"\n")?;
    out.flush()
}

/// Writes `bytes` to `path`, creating the parent folder.
fn write_bytes(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut out = create(path)?;
    out.write_all(bytes)?;
    out.flush()
}

/// A duration as `1.234s`.
fn seconds(d: Duration) -> String {
    format!("{:.3}s", d.as_secs_f64())
}

#[cfg(test)]
mod tests {
    use lede_ingest::walk::DEFAULT_MAX_FILE_BYTES;

    use super::*;

    fn args(index: Option<&str>, pack: Option<&str>) -> IngestArgs {
        IngestArgs {
            paths: vec!["in".into()],
            output: "corpus.json".into(),
            format: None,
            dedupe: false,
            reannotate: false,
            allow_rejects: false,
            report: None,
            timings: false,
            index: index.map(PathBuf::from),
            pack: pack.map(PathBuf::from),
            pretty: false,
            max_file_size: DEFAULT_MAX_FILE_BYTES,
        }
    }

    #[test]
    fn an_index_is_built_for_index_or_pack() {
        assert!(!args(None, None).writes_index());
        assert!(args(Some("c.index"), None).writes_index());
        assert!(args(None, Some("c.lede")).writes_index());
    }

    #[test]
    fn sizes_read_with_their_units() {
        assert_eq!(parse_size("64MB"), Ok(DEFAULT_MAX_FILE_BYTES));
        assert_eq!(parse_size("512kb"), Ok(512 * 1024));
        assert_eq!(parse_size("1 GiB"), Ok(1 << 30));
        assert_eq!(parse_size("100"), Ok(100));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("5 parsecs").unwrap_err().contains("parsecs"));
        assert!(parse_size("0").is_err());
        assert!(parse_size("99999999999999999999GB").is_err());
    }

    #[test]
    fn a_failed_write_exits_2() {
        assert_eq!(
            write_failed("the pack c.lede", "disk full"),
            ExitCode::from(2)
        );
    }
}
