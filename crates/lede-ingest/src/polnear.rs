//! PolNeAR (`data/<split>/text/<name>.txt` with `data/metadata.tsv`): the id is the file stem;
//! title, date, author and publisher come from the metadata row; the text's first line (the
//! headline) is not repeated in the body, and every further non-blank line is a paragraph.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use lede_corpus::{Article, Paragraphs};
use lede_text::collapse_whitespace;

use crate::dates::normalise_date;
use crate::{FileParse, Record};

/// The metadata file's name.
pub const METADATA_FILE: &str = "metadata.tsv";

/// Publisher codes in `metadata.tsv` and the names they stand for.
const PUBLISHERS: [(&str, &str); 7] = [
    ("huff-post", "Huffington Post"),
    ("breitbart", "Breitbart"),
    ("nyt", "New York Times"),
    ("politico", "Politico"),
    ("wash-post", "Washington Post"),
    ("west-journal", "Western Journalism"),
    ("usa-today", "USA Today"),
];

/// One row of `metadata.tsv`, with `None`/`NA`/empty cells as `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetaRow {
    /// `train`, `dev`, `test`, `annotator-training`, …
    pub compartment: String,
    /// The headline.
    pub title: Option<String>,
    /// `publication_date` as written.
    pub date: Option<String>,
    /// The author(s).
    pub author: Option<String>,
    /// The publisher code (`nyt`).
    pub publisher: Option<String>,
}

/// The rows of a `metadata.tsv`, by file stem.
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    rows: HashMap<String, Vec<MetaRow>>,
}

impl Metadata {
    /// Parses the tab-separated metadata (header line first; `filename` and `title` columns
    /// required).
    pub fn parse(text: &str) -> Result<Metadata, String> {
        let mut lines = text.lines();
        let header: Vec<&str> = lines
            .next()
            .ok_or("metadata.tsv is empty")?
            .trim_start_matches('\u{feff}')
            .split('\t')
            .map(str::trim)
            .collect();
        let col = |name: &str| header.iter().position(|h| *h == name);
        let filename = col("filename").ok_or("metadata.tsv has no `filename` column")?;
        let title = col("title").ok_or("metadata.tsv has no `title` column")?;
        let (compartment, date, author, publisher) = (
            col("compartment"),
            col("publication_date"),
            col("author"),
            col("publisher"),
        );
        let mut rows: HashMap<String, Vec<MetaRow>> = HashMap::new();
        for line in lines {
            let cells: Vec<&str> = line.split('\t').collect();
            let cell = |i: Option<usize>| {
                i.and_then(|i| cells.get(i))
                    .map(|c| c.trim())
                    .filter(|c| !matches!(*c, "" | "None" | "NA" | "nan" | "null"))
                    .map(str::to_string)
            };
            let Some(stem) = cell(Some(filename)) else {
                continue;
            };
            rows.entry(stem).or_default().push(MetaRow {
                compartment: cell(compartment).unwrap_or_default(),
                title: cell(Some(title)),
                date: cell(date),
                author: cell(author),
                publisher: cell(publisher),
            });
        }
        Ok(Metadata { rows })
    }

    /// The row for `stem`, preferring the one whose compartment is `split` when there are
    /// several.
    pub fn get(&self, stem: &str, split: Option<&str>) -> Option<&MetaRow> {
        let rows = self.rows.get(stem)?;
        rows.iter()
            .find(|r| Some(r.compartment.as_str()) == split)
            .or_else(|| rows.first())
    }

    /// Number of distinct file stems listed.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when no file is listed.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// The `metadata.tsv` governing a text file: in its folder or up to three folders above
/// (`data/metadata.tsv` for `data/train/text/x.txt`).
pub fn find_metadata_file(file: &Path) -> Option<PathBuf> {
    file.ancestors()
        .skip(1)
        .take(3)
        .map(|dir| dir.join(METADATA_FILE))
        .find(|p| p.is_file())
}

/// The split a file is in (`train` for `data/train/text/x.txt`).
pub fn split_of(file: &Path) -> Option<&str> {
    let parent = file.parent()?;
    let dir = if parent.file_name().and_then(|n| n.to_str()) == Some("text") {
        parent.parent()?
    } else {
        parent
    };
    dir.file_name().and_then(|n| n.to_str())
}

/// The publisher's name for a code (the code itself when unknown).
pub fn publisher_name(code: &str) -> String {
    PUBLISHERS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or_else(|| code.to_string(), |(_, name)| name.to_string())
}

/// Parses one PolNeAR text with its metadata row; `id` is the file stem.
pub fn parse_polnear(id: &str, text: &str, row: &MetaRow) -> FileParse {
    let mut warnings = Vec::new();
    let mut lines = lede_text::paragraphs(text);
    let result = match lines.next() {
        None => Err("the file is empty".to_string()),
        Some(first_line) => {
            let paragraphs: Paragraphs = lines.map(str::to_string).collect();
            if paragraphs.is_empty() {
                Err("empty body: only the title line".to_string())
            } else {
                let title = match &row.title {
                    Some(t) => collapse_whitespace(t),
                    None => {
                        warnings.push(
                            "no title in metadata.tsv; the text's first line is the title".into(),
                        );
                        collapse_whitespace(first_line)
                    }
                };
                let date = row.date.as_deref().and_then(|d| {
                    let iso = normalise_date(d);
                    if iso.is_none() {
                        warnings.push(format!("publication_date \"{d}\" not understood; left out"));
                    }
                    iso
                });
                Ok(Article {
                    id: id.to_string(),
                    title,
                    date: date.map(Into::into),
                    byline: row.author.as_deref().map(Into::into),
                    source: row.publisher.as_deref().map(publisher_name).map(Into::into),
                    paragraphs,
                    ..Article::default()
                })
            }
        }
    };
    let mut parse = FileParse::default();
    parse.records.push(Record {
        result,
        warnings,
        ..Record::default()
    });
    parse
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Made-up metadata and article in PolNeAR's shape (not from the corpus).
    const META: &str = "compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle\ttrump_count\tclinton_count\tcredit\twire\n\
        train\tnyt_2016-05-02_harbour-board-backs-velmora-pla\t3\tab12\tnyt\t2016-05-02\tJo Lind\tHarbour board backs Velmora plan; Vote due Friday\t0\t0\tNone\tNone\n\
        dev\twash-post_2016-06-01_no-author\t4\tab12\twash-post\t2016-06-01\tNone\tNo author here\t0\t0\tNone\tAP\n";

    const TEXT: &str = "Harbour board backs Velmora plan; \n\nThe harbour board backed the plan on Monday.\n\n“It is time,” the chair said.\n";

    #[test]
    fn metadata_fills_the_fields_and_the_title_line_is_not_repeated() {
        let meta = Metadata::parse(META).unwrap();
        assert_eq!(meta.len(), 2);
        let row = meta
            .get(
                "nyt_2016-05-02_harbour-board-backs-velmora-pla",
                Some("train"),
            )
            .unwrap();
        let parse = parse_polnear("nyt_2016-05-02_harbour-board-backs-velmora-pla", TEXT, row);
        let a = parse.records[0].result.as_ref().unwrap();
        assert_eq!(a.id, "nyt_2016-05-02_harbour-board-backs-velmora-pla");
        assert_eq!(a.title, "Harbour board backs Velmora plan; Vote due Friday");
        assert_eq!(a.date.as_deref(), Some("2016-05-02"));
        assert_eq!(a.byline.as_deref(), Some("Jo Lind"));
        assert_eq!(a.source.as_deref(), Some("New York Times"));
        assert_eq!(
            a.paragraphs,
            vec![
                "The harbour board backed the plan on Monday.",
                "“It is time,” the chair said."
            ]
        );
        let other = meta.get("wash-post_2016-06-01_no-author", None).unwrap();
        assert_eq!(other.author, None);
        assert_eq!(other.publisher.as_deref(), Some("wash-post"));
    }

    #[test]
    fn title_only_text_is_rejected() {
        let parse = parse_polnear("x", "Only a title\n\n", &MetaRow::default());
        assert!(parse.records[0]
            .result
            .as_ref()
            .unwrap_err()
            .contains("empty body"));
    }

    #[test]
    fn files_find_their_metadata_and_split() {
        let p = Path::new("/c/data/train/text/a.txt");
        assert_eq!(split_of(p), Some("train"));
        assert_eq!(publisher_name("usa-today"), "USA Today");
        assert_eq!(publisher_name("zz"), "zz");
        assert!(Metadata::parse("a\tb\n").is_err());
    }
}
